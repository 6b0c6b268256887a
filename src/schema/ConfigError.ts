import type { Issue } from '../internal/issues';

/** Marks every ConfigError, whichever copy of the library made it (ESM and CJS, `leadstage` and `leadstage/runtime`). */
const BRAND = Symbol.for('leadstage.ConfigError');

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

  /** `error instanceof ConfigError` holds for a ConfigError from any copy of the library. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(issues: readonly Issue[], subject = 'config') {
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    super(`Invalid ${subject} (${count}):\n${issues.map((issue) => `  - ${issue.message}`).join('\n')}`);
    this.name = 'ConfigError';
    Object.defineProperty(this, BRAND, { value: true });
    this.issues = Object.freeze([...issues]);
  }
}
