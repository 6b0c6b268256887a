import type { Issue } from '../internal/issues';
import { ConfigError } from '../schema/ConfigError';
import { type ParseConfigOptions, safeParseConfig } from './safeParseConfig';

/**
 * Lints a config: checks it as `parseConfig` does, then returns what is probably a mistake though the
 * config works — a fact path neither canonical nor declared in `facts` (a typo such as `authority.rol`
 * makes a criterion quietly `unknown` for every lead), an event type neither canonical nor declared in
 * `events`, a criterion nothing refers to, a score group no rule feeds. Each warning has a path, a code
 * and, where one is close, a suggestion (`issue.fix`).
 *
 * @param input - a config (parsed JSON or a preset)
 * @param options - operator table and limits
 * @returns the warnings, empty when there are none
 * @throws {ConfigError} listing every issue when the config is invalid
 *
 * @example
 * const config = { version: 1, id: 'x', criteria: { a: { when: { fact: 'authority.rol', eq: 'decision_maker' } } }, stages: [{ id: 'SQO', when: { criterion: 'a' } }, { id: 'rest' }] };
 * lintConfig(config).map((warning) => warning.fix);
 * //=> ['did you mean "authority.role"? If not, declare it in "facts"']
 */
export function lintConfig(input: unknown, options: ParseConfigOptions = {}): readonly Issue[] {
  const result = safeParseConfig(input, options);
  if (!result.success) throw new ConfigError(result.issues);
  return result.warnings;
}
