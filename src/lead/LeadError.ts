import type { Issue } from '../internal/issues';

/**
 * Thrown by `parseLeadOrThrow` when a lead has values it could not read; `parseLead` returns the
 * same issues instead and never throws.
 *
 * @example
 * const error = (() => { try { parseLeadOrThrow({ budget: { amount: 'lots' } }); } catch (caught) { return caught; } })();
 * error instanceof LeadError && error.issues[0].path;
 * //=> ['budget', 'amount']
 *
 * @category CRM data
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
