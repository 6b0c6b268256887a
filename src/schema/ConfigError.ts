import type { Issue } from '../internal/issues';

/** Marks every ConfigError, whichever copy of the library made it (ESM and CJS, `leadstage` and `leadstage/runtime`). */
const BRAND = Symbol.for('leadstage.ConfigError');

/**
 * Thrown when a config (or a condition) is invalid. Carries **every** issue found, not only the
 * first, each with its JSON path, what was expected and what was received.
 *
 * @example
 * const error = (() => { try { parseConfig({ version: 1, id: 'x', criteria: {} }); } catch (caught) { return caught; } })();
 * error instanceof ConfigError && error.issues.map((issue) => issue.message);
 * //=> ['stages: wrong type; expected an array, received nothing']
 *
 * @category Configs
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
