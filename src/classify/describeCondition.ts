import type { Condition } from '../schema/condition';

const SYMBOLS: Record<string, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

function operand(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(operand).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, part]) => typeof part === 'number'))
      return entries.map(([unit, part]) => `${part} ${unit}`).join(' ');
    return JSON.stringify(value);
  }
  return String(value);
}

function comparisons(condition: Record<string, unknown>, skip: string): string {
  return Object.entries(condition)
    .filter(([key]) => key !== skip)
    .map(([key, value]) => `${SYMBOLS[key] ?? key} ${operand(value)}`)
    .join(' and ');
}

/** A short, language-neutral description of a condition: `budget.amount ≥ 10000`. */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return `all of (${condition.all.map(describeCondition).join('; ')})`;
  if ('any' in condition) return `any of (${condition.any.map(describeCondition).join('; ')})`;
  if ('atLeast' in condition)
    return `${condition.atLeast} of (${condition.of.map(describeCondition).join('; ')})`;
  if ('not' in condition) return `not (${describeCondition(condition.not)})`;
  if ('criterion' in condition) return `criterion ${condition.criterion}`;
  if ('fact' in condition)
    return `${condition.fact} ${comparisons(condition as unknown as Record<string, unknown>, 'fact')}`;
  if ('event' in condition) {
    const types = typeof condition.event === 'string' ? condition.event : condition.event.join(' or ');
    const parts = [`event ${types}`];
    if (condition.withinLast !== undefined) parts.push(`within last ${operand(condition.withinLast)}`);
    if (condition.count !== undefined)
      parts.push(`count ${comparisons(condition.count as Record<string, unknown>, '')}`);
    if (condition.where !== undefined) parts.push(`where ${JSON.stringify(condition.where)}`);
    return parts.join(' ');
  }
  return `score ${condition.score} ${comparisons(condition as unknown as Record<string, unknown>, 'score')}`;
}
