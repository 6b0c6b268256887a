import { compileCondition, type Status } from '../src/index';

export const AS_OF = '2026-06-30T12:00:00Z';

/** Evaluates a condition against a lead at `asOf`, returning the status. */
export function statusOf(condition: unknown, lead: unknown, asOf: string | number | Date = AS_OF): Status {
  return compileCondition(condition).evaluate(lead, { asOf }).status;
}

/** Builds a lead with one value at a dotted path. */
export function leadWith(path: string, value: unknown): Record<string, unknown> {
  const segments = path.split('.');
  const root: Record<string, unknown> = {};
  let current = root;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) current[segment] = value;
    else {
      const next: Record<string, unknown> = {};
      current[segment] = next;
      current = next;
    }
  });
  return root;
}
