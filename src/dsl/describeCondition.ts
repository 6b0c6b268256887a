import type { Condition, EventCondition } from '../schema/condition';
import { childrenOf, kindOf } from './walk';

const SYMBOLS: Readonly<Record<string, string>> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

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

/** `≥ 2 and ≤ 5`: the comparisons of a condition, but `skip`. */
export function comparisons(condition: object, skip: string): string {
  return Object.entries(condition)
    .filter(([key]) => key !== skip)
    .map(([key, value]) => `${(Object.hasOwn(SYMBOLS, key) && SYMBOLS[key]) || key} ${operand(value)}`)
    .join(' and ');
}

function list(condition: Condition): string {
  return childrenOf(condition).map(describeCondition).join('; ');
}

/** A short, language-neutral description of a checked condition: `budget.amount ≥ 10000`. */
export function describeCondition(condition: Condition): string {
  switch (kindOf(condition)) {
    case 'all':
      return `all of (${list(condition)})`;
    case 'any':
      return `any of (${list(condition)})`;
    case 'atLeast':
      return `${(condition as { atLeast: number }).atLeast} of (${list(condition)})`;
    case 'not':
      return `not (${list(condition)})`;
    case 'criterion': {
      const { criterion, is } = condition as { criterion: string; is?: string };
      return is === undefined ? `criterion ${criterion}` : `criterion ${criterion} is ${is}`;
    }
    case 'fact':
      return `${(condition as { fact: string }).fact} ${comparisons(condition, 'fact')}`;
    case 'event': {
      const { event, withinLast, count, where } = condition as EventCondition;
      const parts = [`event ${typeof event === 'string' ? event : event.join(' or ')}`];
      if (withinLast !== undefined) parts.push(`within last ${operand(withinLast)}`);
      if (count !== undefined) parts.push(`count ${comparisons(count, '')}`);
      if (where !== undefined) parts.push(`where ${JSON.stringify(where)}`);
      return parts.join(' ');
    }
    case 'score':
      return `score ${(condition as { score: string }).score} ${comparisons(condition, 'score')}`;
    default:
      // members, roles: an account config's, which classifyAccount describes (describeAccountCondition)
      return JSON.stringify(condition);
  }
}
