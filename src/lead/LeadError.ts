import type { Issue } from '../internal/issues';

/**
 * Thrown by `parseLead(input, { strict: true })` when a lead has values it could not read.
 * Without `strict`, the same issues are returned instead and the lead never throws.
 *
 * @example
 * try {
 *   parseLead({ budget: { amount: 'lots' } }, { strict: true });
 * } catch (error) {
 *   if (error instanceof LeadError) error.issues[0].path;
 *   //=> ['budget', 'amount']
 * }
 */
export class LeadError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(
      `Invalid lead (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}):\n${issues.map((issue) => `  - ${issue.message}`).join('\n')}`,
    );
    this.name = 'LeadError';
    this.issues = Object.freeze([...issues]);
  }
}
