import type { Issue } from '../internal/issues';

/**
 * Thrown when a config (or a condition) is invalid. Carries **every** issue found, not only the
 * first, each with its JSON path, what was expected and what was received.
 *
 * @example
 * try {
 *   parseConfig({ version: 1 });
 * } catch (error) {
 *   if (error instanceof ConfigError) console.log(error.issues.map((issue) => issue.message));
 * }
 */
export class ConfigError extends Error {
  /** Every problem found, in document order. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], subject = 'config') {
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    super(`Invalid ${subject} (${count}):\n${issues.map((issue) => `  - ${issue.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = Object.freeze([...issues]);
  }
}
