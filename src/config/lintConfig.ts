import type { Issue } from '../internal/issues';
import { type ParseConfigOptions, safeParseConfig } from './safeParseConfig';
import { type WorstCaseCost, worstCaseCost } from './worstCaseCost';

/**
 * The result of {@link lintConfig}: what stops the config from working, and what probably is a mistake.
 *
 * @category Configs
 */
export interface LintConfigResult {
  /** Every issue `parseConfig` would throw for; empty for a valid config. */
  readonly errors: readonly Issue[];
  /** What a working config does that is probably a mistake. */
  readonly warnings: readonly Issue[];
  /**
   * The most budget units one lead can make the config spend, given the caps (10,000 events, the
   * config's conditions and keyword lists); absent when the config's shape is invalid.
   */
  readonly cost?: WorstCaseCost;
}

/**
 * Lints a config: every error `parseConfig` finds, and the warnings — what is probably a mistake though
 * the config works: a fact path neither canonical nor declared in `facts` (a typo such as `authority.rol`
 * makes a criterion quietly `unknown` for every lead), an event type neither canonical nor declared in
 * `events`, a criterion nothing refers to, a score group no rule feeds, a stage no lead can reach, a rung
 * a lead can meet while the rung below is unmet for it; and the config's static worst-case cost per lead
 * (`too_costly` when it is over the budget). Each issue has a path, a code and, where one is
 * close, a suggestion (`issue.fix`). Never throws.
 *
 * @param input - a config (parsed JSON or a preset)
 * @param options - operator table and limits
 * @returns `{ errors, warnings, cost }` (`cost`: the static worst case per lead, in budget units)
 *
 * @example
 * const config = { version: 1, id: 'x', criteria: { a: { when: { fact: 'authority.rol', eq: 'decision_maker' } } }, stages: [{ id: 'SQO', when: { criterion: 'a' } }, { id: 'rest' }] };
 * lintConfig(config).warnings.map((warning) => warning.fix);
 * //=> ['did you mean "authority.role"? If not, declare it in "facts"']
 *
 * @category Configs
 */
export function lintConfig(input: unknown, options: ParseConfigOptions = {}): LintConfigResult {
  const result = safeParseConfig(input, options);
  const costly = result.issues.find((issue) => issue.code === 'too_costly');
  if (!result.success && costly === undefined) return { errors: result.issues, warnings: result.warnings };
  // a too costly config is valid in every other way: its figure is worth reporting too
  const config = result.success ? result.config : (input as Parameters<typeof worstCaseCost>[0]);
  return { errors: result.issues, warnings: result.warnings, cost: worstCaseCost(config) };
}
