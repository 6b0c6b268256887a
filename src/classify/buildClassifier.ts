import {
  type BuildEnvironment,
  buildEvaluator,
  createSharedCompilation,
  type Evaluator,
} from '../dsl/buildEvaluator';
import { type OperatorTests, toDuration } from '../dsl/operatorTests';
import { LeadMemo } from '../internal/context';
import { MET, type Status } from '../internal/status';
import { addDuration, type Duration, formatInstant, memoByInstant, readAsOf } from '../internal/time';
import type { Config, Text } from '../schema/config';
import { compileScoring } from '../scoring/compileScoring';
import {
  buildResult,
  compileProbes,
  compileStageTree,
  type LocalizedTexts,
  localizeTexts,
  type Probe,
  type StageTree,
} from './buildResult';
import { ClassifyContext, type ContextSource } from './ClassifyContext';
import type { Classification } from './types';

/** Options of `classify` and {@link Classifier.classify}. */
export interface ClassifyOptions {
  /** The instant to classify at: a `Date`, an ISO 8601 string or epoch ms. Required: leadstage never reads the clock. */
  readonly asOf: Date | string | number;
  /** The language of labels, hints and actions in the result (`en`, `it`, …). Default `en`. */
  readonly locale?: string;
}

/** A config compiled once into closures; classify as many leads as you like with it. */
export interface Classifier {
  /** The validated config it was compiled from. */
  readonly config: Config;
  /** Stable hash of the config, independent of key order (also in every result). */
  readonly hash: string;
  /**
   * Classifies one lead. Never throws on lead data.
   * @throws {TypeError} when `asOf` is missing or invalid
   */
  classify(lead: unknown, options: ClassifyOptions): Classification;
}

/** @internal The compiled form of a config, read by `buildResult`. */
export interface CompiledConfig {
  readonly id: string;
  readonly hash: string;
  /** `{ id, version, hash }`, frozen and shared by every result. */
  readonly configRef: Classification['config'];
  readonly criteria: ReadonlyArray<{
    readonly id: string;
    readonly label: Text;
    readonly dimension?: string;
    readonly hint?: Text;
    readonly probes: readonly Probe[];
  }>;
  readonly criterionIndex: ReadonlyMap<string, number>;
  /** `{ [criterion id]: null }` in config order: the result's `criteria` starts as a copy of it. */
  readonly criteriaTemplate: Readonly<Record<string, null>>;
  readonly evaluators: readonly Evaluator[];
  readonly scoring: ClassifyContextSource['scoring'];
  /** Rule labels by rule index. */
  readonly ruleLabels: ReadonlyArray<Text | undefined>;
  readonly stages: ReadonlyArray<{
    readonly id: string;
    readonly label: Text;
    readonly exit: boolean;
    readonly evaluate: Evaluator;
    /** The stage's entry in `result.stages` for each status (by `Tri`), frozen and shared. */
    readonly entries: readonly [StageEntry, StageEntry, StageEntry];
    readonly tree: StageTree | undefined;
    /** `asOf + followUp.within` as ISO text, recomputed only when `asOf` changes. */
    readonly followUpBy?: (asOf: number) => string;
    readonly actions: readonly Text[];
  }>;
}

type ClassifyContextSource = ConstructorParameters<typeof ClassifyContext>[2];
type StageEntry = Classification['stages'][number];

function stageEntries(id: string, exit: boolean): readonly [StageEntry, StageEntry, StageEntry] {
  const entry = (status: Status): StageEntry =>
    Object.freeze(exit ? { id, status, exit: true as const } : { id, status });
  return [entry('unmet'), entry('met'), entry('unknown')];
}

const always: Evaluator = () => MET;

function followUpBy(within: Duration): (asOf: number) => string {
  return memoByInstant((asOf) => formatInstant(addDuration(asOf, within)));
}

/**
 * @internal Compiles a config that is already known to be valid (checked by `parseConfig`, or
 * sealed) into a {@link Classifier}. The JSON is read once; the hot path never looks at it again.
 * `hash` is the config's {@link configHash}.
 */
export function buildClassifier(config: Config, operators: OperatorTests, hash: string): Classifier {
  const criterionIds = Object.keys(config.criteria);
  const criterionIndex = new Map(criterionIds.map((id, index) => [id, index]));
  const environment: BuildEnvironment = {
    operators,
    criterion: (id) => {
      const index = criterionIndex.get(id) as number;
      return (context) => (context as ClassifyContext).criterion(index);
    },
    score: (name) => (context) => (context as ClassifyContext).scores().scores[name],
    shared: createSharedCompilation(operators),
  };
  const evaluators = criterionIds.map((id) => buildEvaluator(config.criteria[id]!.when, environment));
  const compiled: CompiledConfig = {
    id: config.id,
    hash,
    configRef: Object.freeze({ id: config.id, version: 1 as const, hash }),
    criteria: criterionIds.map((id) => {
      const criterion = config.criteria[id]!;
      return {
        id,
        label: criterion.label ?? id,
        ...(criterion.dimension === undefined ? {} : { dimension: criterion.dimension }),
        ...(criterion.hint === undefined ? {} : { hint: criterion.hint }),
        probes: compileProbes(criterion.when, environment),
      };
    }),
    criterionIndex,
    criteriaTemplate: Object.fromEntries(criterionIds.map((id) => [id, null])),
    evaluators,
    scoring: compileScoring(config.scoring, environment),
    ruleLabels: (config.scoring?.rules ?? []).map((rule) => rule.label),
    stages: config.stages.map((stage) => ({
      id: stage.id,
      label: stage.label ?? stage.id,
      exit: stage.exit === true,
      entries: stageEntries(stage.id, stage.exit === true),
      evaluate: stage.when === undefined ? always : buildEvaluator(stage.when, environment),
      tree: stage.when === undefined ? undefined : compileStageTree(stage.when, environment, criterionIndex),
      ...(stage.followUp === undefined ? {} : { followUpBy: followUpBy(toDuration(stage.followUp.within)) }),
      actions: stage.actions ?? [],
    })),
  };
  const shared = environment.shared;
  const criterionSlots = Int32Array.from(evaluators, () => shared.slots++);
  const source: ContextSource = {
    criteria: evaluators,
    criterionSlots,
    memo: new LeadMemo(shared.slots),
    scoring: compiled.scoring,
  };
  const textsByLocale = new Map<string, LocalizedTexts>();
  /** Classifications under way on this classifier: above 0, a custom operator has called back in. */
  let depth = 0;

  return {
    config,
    hash: compiled.hash,
    classify(lead, classifyOptions) {
      const asOf = readAsOf(classifyOptions?.asOf);
      const context = new ClassifyContext(lead, asOf, source, depth === 0);
      const locale = classifyOptions.locale ?? 'en';
      let texts = textsByLocale.get(locale);
      if (texts === undefined) {
        texts = localizeTexts(compiled, locale);
        textsByLocale.set(locale, texts);
      }
      context.ruleLabels = texts.rules;
      depth++;
      try {
        return buildResult(compiled, context, texts);
      } finally {
        depth--;
      }
    },
  };
}
