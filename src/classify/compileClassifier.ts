import { type Budget, DEFAULT_BUDGET } from '../dsl/budget';
import {
  type CompileEnvironment,
  compileEvaluator,
  createSharedCompilation,
  type Evaluator,
} from '../dsl/compileEvaluator';
import { MAX_FLAGS } from '../dsl/context';
import { compileFactReadings } from '../dsl/factReading';
import { knockOutCriteria } from '../dsl/knockOuts';
import type { OperatorTests } from '../dsl/operatorTests';
import { createLender, Workspace } from '../dsl/workspace';
import { describeValue } from '../internal/issues';
import { type LocalizedText, localeOf } from '../internal/localize';
import { type Snapshot, snapshot } from '../internal/snapshot';
import { MET, type Status } from '../internal/status';
import { followUpAfter, readAsOf, SECONDS_LIKE, toDuration } from '../internal/time';
import type { Config } from '../schema/config';
import type { CriterionResult } from '../schema/result';
import { compileGrades } from '../scoring/compileGrades';
import { compileScoring } from '../scoring/compileScoring';
import { buildResult, buildStatuses, stageOf } from './buildResult';
import type { Classifier, ClassifyOptions } from './Classifier';
import { ClassifyContext, type ContextSource } from './ClassifyContext';
import type { CompiledConfig, CompiledStage, LocalizedTexts, StageEntry } from './compiledConfig';
import { compileProbes, compileStageTree } from './compileProbes';
import { localizeTexts } from './localizeTexts';

function stageEntries(id: string, exit: boolean): CompiledStage['entries'] {
  const entry = (status: Status): StageEntry =>
    Object.freeze(exit ? { id, status, exit: true as const } : { id, status });
  return [entry('unmet'), entry('met'), entry('unknown')];
}

const always: Evaluator = () => MET;

/** The labels of declarations that have one, by key. */
function labelsOf(
  declarations: Readonly<Record<string, { readonly label?: LocalizedText | undefined }>> | undefined,
): ReadonlyMap<string, LocalizedText> {
  const labels = new Map<string, LocalizedText>();
  for (const [key, declaration] of Object.entries(declarations ?? {})) {
    if (declaration.label !== undefined) labels.set(key, declaration.label);
  }
  return labels;
}

/** A numeric `asOf` below this (3 March 1973 in ms) is more likely epoch seconds (any date to year 5138). */

/** Rule labels where no ledger is built. */
const NO_LABELS: ReadonlyArray<string | undefined> = [];

/** Locales whose texts a classifier keeps resolved; others are resolved per call. */
const MAX_CACHED_LOCALES = 16;

/** What a result's criterion entry holds until `buildResult` fills it in; never seen by a caller. */
const PLACEHOLDER: CriterionResult = Object.freeze({ status: 'unknown', label: '', facts: [] });

/**
 * Compiles a config that is already known to be valid (checked by `parseConfig`, or sealed) into a
 * {@link Classifier}. The JSON is read once; the hot path never looks at it again. `hash` is the
 * config's `configHash`.
 */
export function compileClassifier(
  config: Config,
  operators: OperatorTests,
  hash: string,
  budget: Readonly<Required<Budget>> = DEFAULT_BUDGET,
  account?: CompileEnvironment['account'],
): Classifier {
  const criterionIds = Object.keys(config.criteria);
  const criterionIndex = new Map(criterionIds.map((id, index) => [id, index]));
  const readings = compileFactReadings(config.read, config.facts);
  const environment: CompileEnvironment = {
    operators,
    readings,
    criterion: (id) => {
      const index = criterionIndex.get(id) as number;
      return (context) => (context as ClassifyContext).criterion(index);
    },
    score: (name) => (context) => (context as ClassifyContext).scores().scores[name],
    shared: createSharedCompilation(operators),
    account,
  };
  const knockOuts = knockOutCriteria(config);
  const criteriaEvaluators = criterionIds.map((id) =>
    compileEvaluator(config.criteria[id]!.when, environment),
  );
  const compiled: CompiledConfig = {
    configRef: Object.freeze({ id: config.id, version: 1 as const, hash }),
    criteria: criterionIds.map((id) => {
      const criterion = config.criteria[id]!;
      return {
        id,
        label: criterion.label ?? id,
        dimension: criterion.dimension,
        hint: criterion.hint,
        knockOut: knockOuts.has(id),
        probes: compileProbes(criterion.when, environment),
      };
    }),
    criteriaTemplate: Object.fromEntries(criterionIds.map((id) => [id, PLACEHOLDER])),
    factLabels: labelsOf(config.facts),
    eventLabels: labelsOf(config.events),
    scoring: compileScoring(config.scoring, environment),
    grade: compileGrades(config.grades),
    ruleLabels: (config.scoring?.rules ?? []).map((rule) => rule.label),
    stages: config.stages.map((stage) => ({
      id: stage.id,
      label: stage.label ?? stage.id,
      exit: stage.exit === true,
      entries: stageEntries(stage.id, stage.exit === true),
      evaluate: stage.when === undefined ? always : compileEvaluator(stage.when, environment),
      tree: stage.when === undefined ? undefined : compileStageTree(stage.when, environment, criterionIndex),
      followUpBy: stage.followUp === undefined ? undefined : followUpAfter(toDuration(stage.followUp.within)),
      actions: stage.actions ?? [],
    })),
  };
  const shared = environment.shared;
  const source: ContextSource = {
    criteria: criteriaEvaluators,
    criterionSlots: Int32Array.from(criteriaEvaluators, () => shared.slots++),
    scoring: compiled.scoring,
  };
  const groups = Object.keys(config.scoring?.groups ?? {}).length;
  // every slot, event consumer and group is known now: the workspace can be sized
  const lender = createLender(() => new Workspace(shared.slots, shared.plan.size, groups));
  const textsByLocale = new Map<string, LocalizedTexts>();
  /** The workspace's context, restarted for this lead: nothing allocated per classification. */
  const contextFor = (
    workspace: Workspace,
    lead: unknown,
    asOf: number,
    ruleLabels: ReadonlyArray<string | undefined>,
    units: number,
  ): ClassifyContext => {
    const kept = workspace.context as ClassifyContext | undefined;
    if (kept !== undefined) return kept.restart(lead, asOf, ruleLabels, units);
    const context = new ClassifyContext(lead, asOf, workspace, source, ruleLabels, readings.global);
    context.budget = units;
    workspace.context = context;
    return context;
  };

  /** The units the last call spent (see {@link unitsSpent}). */
  let spent = 0;
  const classifyOnce = (
    lead: unknown,
    asOf: number,
    detail: ClassifyOptions['detail'],
    texts: LocalizedTexts | undefined,
  ) => {
    const workspace = lender.acquire();
    const context = contextFor(workspace, lead, asOf, texts?.rules ?? NO_LABELS, budget.classify);
    try {
      return texts === undefined || detail === 'statuses'
        ? buildStatuses(compiled, context)
        : buildResult(compiled, context, texts);
    } finally {
      spent = budget.classify - context.budget;
      lender.release(workspace);
    }
  };
  const stageOnce = (lead: unknown, asOf: number) => {
    const workspace = lender.acquire();
    const context = contextFor(workspace, lead, asOf, NO_LABELS, budget.stage);
    try {
      return stageOf(compiled, context);
    } finally {
      spent = budget.stage - context.budget;
      lender.release(workspace);
    }
  };

  const classifier: Classifier = {
    mode: 'closures',
    config,
    hash,
    budget,
    classify(lead: unknown, classifyOptions: ClassifyOptions) {
      const asOf = readAsOf(classifyOptions?.asOf);
      const detail = classifyOptions.detail;
      if (detail !== undefined && detail !== 'full' && detail !== 'statuses') {
        throw new TypeError(
          `classify: detail must be 'full' or 'statuses', received ${describeValue(detail)}`,
        );
      }
      let texts: LocalizedTexts | undefined;
      if (detail !== 'statuses') {
        const locale = localeOf(classifyOptions.locale);
        texts = textsByLocale.get(locale);
        if (texts === undefined) {
          texts = localizeTexts(compiled, locale);
          // locales come from request headers: cache a few, never one per caller
          if (textsByLocale.size < MAX_CACHED_LOCALES) textsByLocale.set(locale, texts);
        }
      }
      try {
        const result = classifyOnce(lead, asOf, detail, texts);
        // epoch seconds passed as milliseconds classify in January 1970: say so rather than be silent
        if (typeof classifyOptions.asOf === 'number' && asOf > 0 && asOf < SECONDS_LIKE) {
          (result.flags as string[]).push('as_of_in_seconds');
        }
        return result;
      } catch (error) {
        // a getter or a Proxy in the lead threw: classify what can be read, and flag the rest
        const { value, unreadable } = readableCopy(lead, error);
        const result = classifyOnce(value, asOf, detail, texts);
        const flags = result.flags as string[];
        for (const path of unreadable) {
          if (flags.length < MAX_FLAGS) flags.push(`unreadable:${path}`);
          else if (!flags.includes('flags_truncated')) flags.push('flags_truncated');
        }
        return result;
      }
    },
    stage(lead, stageOptions) {
      const asOf = readAsOf(stageOptions?.asOf);
      try {
        return stageOnce(lead, asOf);
      } catch (error) {
        return stageOnce(readableCopy(lead, error).value, asOf);
      }
    },
  } as Classifier;
  SPENT.set(classifier, () => spent);
  return classifier;
}

const SPENT = /* @__PURE__ */ new WeakMap<object, () => number>();

/**
 * A classifier whose `stage()`, `detail: 'statuses'` and full classify are generated code (`compile(config,
 * { codegen: true })`); {@link unitsSpent} reports whichever ran last.
 */
export function withGeneratedStage(
  classifier: Classifier,
  generated: {
    readonly stage: Classifier['stage'];
    readonly statuses?: ((lead: unknown, options: ClassifyOptions) => unknown) | undefined;
    readonly full?: ((lead: unknown, options: ClassifyOptions) => unknown) | undefined;
    readonly unitsSpent: () => number;
  },
): Classifier {
  const closures = SPENT.get(classifier) as () => number;
  const statuses = generated.statuses;
  const full = generated.full;
  let generatedRanLast = false;
  const jit: Classifier = {
    ...classifier,
    mode: 'jit',
    classify(lead: unknown, options: ClassifyOptions) {
      if (options !== undefined && options !== null) {
        // read once, as the closures read it: a getter cannot pick one level here and another there
        const detail = options.detail;
        if (statuses !== undefined && detail === 'statuses') {
          generatedRanLast = true;
          return statuses(lead, options);
        }
        if (full !== undefined && (detail === undefined || detail === 'full')) {
          generatedRanLast = true;
          return full(lead, options);
        }
      }
      generatedRanLast = false;
      return classifier.classify(lead, options);
    },
    stage(lead, options) {
      generatedRanLast = true;
      return generated.stage(lead, options);
    },
  } as Classifier;
  SPENT.set(jit, () => (generatedRanLast ? generated.unitsSpent() : closures()));
  return jit;
}

/**
 * @internal The budget units a classifier's last `classify` or `stage()` call spent: what `stageHistory`
 * charges its own budget per evaluation. `undefined` for an object this module did not compile.
 */
export function unitsSpent(classifier: object): number | undefined {
  return SPENT.get(classifier)?.();
}

/**
 * After a classification threw: the lead as plain data (getters and Proxies read one property at a time),
 * or the error again when the lead is not an object (then the throw was not the lead's: a custom operator).
 */
function readableCopy(lead: unknown, error: unknown): Snapshot {
  if (lead === null || typeof lead !== 'object') throw error;
  return snapshot(lead);
}
