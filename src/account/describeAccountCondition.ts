import { comparisons, describeCondition } from '../dsl/describeCondition';
import type { Condition, MembersCondition, RolesCondition } from '../schema/condition';

/**
 * A short, language-neutral description of a `members` or `roles` condition, as `describeCondition` gives of
 * the others (which leaves these to the account room: the runtime never classifies accounts).
 */
export function describeAccountCondition(condition: Condition): string {
  if (Object.hasOwn(condition, 'roles')) {
    const { require, fact } = (condition as RolesCondition).roles;
    return `roles ${require.join(', ')}${fact === undefined ? '' : ` (from ${fact})`}`;
  }
  const { where, stage, count, score, ...aggregates } = (condition as MembersCondition).members;
  const parts = ['members'];
  if (stage !== undefined) parts.push(`at ${typeof stage === 'string' ? stage : stage.join(' or ')}`);
  if (where !== undefined) parts.push(`where ${describeCondition(where)}`);
  if (score !== undefined) {
    for (const [name, test] of Object.entries(aggregates))
      parts.push(`${name} of score ${score} ${comparisons(test as object, '')}`);
  } else parts.push(`count ${comparisons(count ?? { gte: 1 }, '')}`);
  return parts.join(' ');
}
