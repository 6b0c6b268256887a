import { checkConfigInput } from '../config/safeParseConfig';
import { configHash } from '../config/seal';
import { type Budget, readBudget } from '../dsl/budget';
import type { ConditionLimits } from '../dsl/conditionLimits';
import { forEachCondition, kindOf } from '../dsl/walk';
import { _, type Code, DataError, Name, nil } from '../internal/codegen/code';
import { describeValue } from '../internal/issues';
import { ConfigError } from '../schema/ConfigError';
import type { EventCondition } from '../schema/condition';
import type { Config } from '../schema/config';
import { type GeneratedLevel, generateLevelsBody, H, UnsupportedError } from './generateStage';
import { HELPERS_VERSION } from './runtime';

/**
 * What a generated module can answer: `stage()`, `classify(lead, { detail: 'statuses' })` and full
 * results, `classify(lead, options)` (see docs/performance.md).
 *
 * @category Classify
 */
export type ModuleLevel = 'stage' | 'statuses' | 'full';

/** The levels {@link generateModule} knows, and those it can build today. */
const KNOWN_LEVELS: readonly string[] = ['stage', 'statuses', 'full'];

/**
 * Options of {@link generateModule}.
 *
 * @category Classify
 */
export interface GenerateModuleOptions extends ConditionLimits {
  /** The levels the module holds; default `['stage']`. A call for a level it does not hold throws. */
  readonly levels?: readonly ModuleLevel[];
  /** `'esm'` (default: `import`/`export`) or `'cjs'` (`require`/`exports`). */
  readonly format?: 'esm' | 'cjs';
  /** Where the module imports its helpers from; default `'leadstage/helpers'`. */
  readonly helpers?: string;
  /**
   * The work one lead may cause per call, as in `compile(config, { budget })`: the config's static worst case
   * is checked against it as `compile` checks it. `maxDepth` and `maxConditions` as in `compile` too.
   */
  readonly budget?: Budget;
}

function readLevels(levels: unknown): readonly ModuleLevel[] {
  if (levels === undefined) return ['stage'];
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new TypeError(
      `generateModule: options.levels must be a non-empty array such as ['stage'], received ${describeValue(levels)}`,
    );
  }
  for (const level of levels) {
    if (!KNOWN_LEVELS.includes(level)) {
      throw new TypeError(
        `generateModule: options.levels: unknown level ${describeValue(level)}; expected 'stage', 'statuses' or 'full'`,
      );
    }
  }
  return [...new Set(levels as ModuleLevel[])];
}

/** Whether a condition or scoring rule of the config filters events with `where`. */
function filtersEvents(config: Config): boolean {
  let found = (config.scoring?.rules ?? []).some((rule) => rule.where !== undefined);
  const roots = [
    ...Object.values(config.criteria).map((criterion) => criterion.when),
    ...(config.scoring?.rules ?? []).map((rule) => rule.when),
    ...config.stages.map((stage) => stage.when),
  ];
  for (const root of roots) {
    if (found || root === undefined) continue;
    forEachCondition(root, (node) => {
      if (kindOf(node) === 'event' && (node as EventCondition).where !== undefined) found = true;
    });
  }
  return found;
}

/**
 * `h.createRuntime`'s arguments after `read` and `facts`: `h.compileWhere` when the config filters events
 * with `where`; `h.compileDeclaredReadings` when it declares facts, `h.compileFactReadings` when it reads a
 * `dateFormat` too. A module without them leaves the operator table, the declared types' readers and the
 * date-format reader out of a bundle.
 */
function optionalCompilers(config: Config): Code {
  const where = filtersEvents(config);
  const facts = Object.values(config.facts ?? {});
  const readings =
    config.read?.dateFormat !== undefined || facts.some((fact) => fact.dateFormat !== undefined)
      ? _`${H}.compileFactReadings`
      : facts.length > 0
        ? _`${H}.compileDeclaredReadings`
        : undefined;
  if (readings !== undefined) return _`, ${where ? _`${H}.compileWhere` : _`undefined`}, ${readings}`;
  return where ? _`, ${H}.compileWhere` : nil;
}

/** The code every format shares: the runtime, the generated levels, `classify`, the classifier object. */
function moduleBody(
  config: Config,
  levels: readonly ModuleLevel[],
  budget: Readonly<Required<Budget>>,
): Code {
  const hash = configHash(config);
  const configRef = { id: config.id, version: 1, hash };
  const body = generateLevelsBody(config, levels, budget, configRef);
  const held = `[${levels.join(', ')}]`;
  const lead = new Name('lead');
  const options = new Name('options');
  const detail = new Name('detail');
  const stage = levels.includes('stage')
    ? nil
    : _`function stage() {
  throw new Error(${`stage: this module was generated with levels ${held} and holds no stage(); rebuild it with levels including 'stage' (leadstage build --levels stage,statuses), or compile the config with leadstage's compile()`});
}`;
  const statuses = levels.includes('statuses')
    ? _`if (${detail} === "statuses") return classifyStatuses(${lead}, ${options});`
    : nil;
  const full = levels.includes('full')
    ? _`if (${detail} === undefined || ${detail} === "full") return classifyFull(${lead}, ${options});`
    : nil;
  return _`${H}.requireHelpers(${HELPERS_VERSION});
const rt = ${H}.createRuntime(${config.read as object}, ${config.facts as object}${optionalCompilers(config)});
${body.code}
${stage}
function classify(${lead}, ${options}) {
  // detail read once, as the library reads it: a getter cannot pick one level here and another there
  const ${detail} = ${options} === undefined || ${options} === null ? undefined : ${options}.detail;
  if (${options} !== undefined && ${options} !== null) {
    ${statuses}
    ${full}
  }
  ${H}.readAsOf(${options} === undefined || ${options} === null ? undefined : ${options}.asOf);
  if (${detail} !== undefined && ${detail} !== "full" && ${detail} !== "statuses") {
    throw new TypeError("classify: detail must be 'full' or 'statuses', received " + ${H}.describeValue(${detail}));
  }
  throw new Error(${`classify: this module was generated with levels ${held} and holds no `} + (${detail} === undefined ? "full" : ${detail}) + ${` results; compile the config with leadstage's compile() for them, or rebuild the module with the level (leadstage build --levels)`});
}
const classifier = Object.freeze({ config: Object.freeze(${configRef}), hash: ${hash}, levels: Object.freeze(${levels}), budget: Object.freeze(${budget}), mode: "aot", stage, classify });`;
}

/**
 * Generates a JavaScript module that classifies leads with a config, without the compiler, the validator or
 * the config itself: `stage()` gives the same stage as `compile(config).stage()`, byte for byte. The module
 * imports only `leadstage/helpers`. Every string of the config is emitted as a JSON literal, never as code.
 *
 * @param input - a config (parsed JSON or a preset); validated first
 * @param options - levels (`['stage']`), format (`'esm'` or `'cjs'`), where the helpers are imported from,
 *   and the work budget
 * @returns the module's source text; it exports `stage`, `classify` (which throws for a level the module does
 *   not hold), `classifier` and, as default, `classifier`
 * @throws {ConfigError} listing every issue when the config is invalid
 * @throws {TypeError} when an option is not one of the values above, or the config (built in code) holds a
 *   value JSON cannot hold, such as an `undefined` in a list
 *
 * @example
 * const source = generateModule(presets.saas, { levels: ['stage'], format: 'esm' });
 * source.includes('export { stage, classify, classifier }');
 * //=> true
 *
 * @category Classify
 */
export function generateModule(input: unknown, options: GenerateModuleOptions = {}): string {
  const levels = readLevels(options.levels);
  const format = options.format ?? 'esm';
  if (format !== 'esm' && format !== 'cjs') {
    throw new TypeError(
      `generateModule: options.format must be 'esm' or 'cjs', received ${describeValue(format)}`,
    );
  }
  const helpers = options.helpers ?? 'leadstage/helpers';
  if (typeof helpers !== 'string' || helpers === '') {
    throw new TypeError(
      `generateModule: options.helpers must be a module specifier such as 'leadstage/helpers', received ${describeValue(helpers)}`,
    );
  }
  const budget = readBudget(options.budget, 'generateModule: options.budget');
  // checked as compile(config, options) checks it: the same budget, the same limits
  const parsed = checkConfigInput(input, {
    ...(options.budget === undefined ? {} : { budget }),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
    ...(options.maxConditions === undefined ? {} : { maxConditions: options.maxConditions }),
  });
  if (!parsed.success) throw new ConfigError(parsed.issues);
  const config = parsed.config;
  let body: Code;
  try {
    body = moduleBody(config, levels, budget);
  } catch (error) {
    if (error instanceof UnsupportedError) throw new TypeError(error.message);
    if (!(error instanceof DataError)) throw error;
    throw new TypeError(
      `generateModule: the config holds a value JSON cannot (${error.message.replace(/^data: /, '')}); a config read from a JSON file never does: remove it`,
    );
  }
  const header = _`// Generated by leadstage from config ${config.id}: do not edit, rebuild it (leadstage build).`;
  const code =
    format === 'esm'
      ? _`${header}
import * as ${H} from ${helpers};
${body}
export { stage, classify, classifier };
export default classifier;
`
      : _`${header}
"use strict";
const ${H} = require(${helpers});
${body}
exports.stage = stage;
exports.classify = classify;
exports.classifier = classifier;
exports.default = classifier;
`;
  return code.toString();
}

/** What {@link generateLevelsFunction}'s function returns when called with the helpers. */
export interface GeneratedLevels {
  readonly stage: (lead: unknown, options: { readonly asOf: Date | string | number }) => string;
  /** `classify(lead, options)` for `options.detail === 'statuses'`. */
  readonly statuses: (lead: unknown, options: object) => unknown;
  /** `classify(lead, options)` for full results (`options.detail` undefined or `'full'`). */
  readonly full: ((lead: unknown, options: object) => unknown) | undefined;
  readonly unitsSpent: () => number;
}

/**
 * The body of a function of `h` (the helpers) that returns `{ stage, statuses, unitsSpent }`: what
 * `compile(config, { codegen: true })` runs through `new Function`. `config` must be checked already.
 * @throws {UnsupportedError} for a construct the generator does not know
 */
export function generateLevelsFunction(
  config: Config,
  budget: Readonly<Required<Budget>>,
  hash: string,
  levels: readonly GeneratedLevel[] = ['stage', 'statuses', 'full'],
): string {
  const body = generateLevelsBody(config, levels, budget, { id: config.id, version: 1, hash });
  const stage = levels.includes('stage') ? _`stage` : _`undefined`;
  const statuses = levels.includes('statuses') ? _`classifyStatuses` : _`undefined`;
  const full = levels.includes('full') ? _`classifyFull` : _`undefined`;
  return _`"use strict";
const rt = ${H}.createRuntime(${config.read as object}, ${config.facts as object}${optionalCompilers(config)});
${body.code}
return { stage: ${stage}, statuses: ${statuses}, full: ${full}, unitsSpent };`.toString();
}
