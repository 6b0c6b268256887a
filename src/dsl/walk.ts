import type { Condition } from '../schema/condition';
import { CONDITION_KINDS, type ConditionKind } from '../schema/grammar';

/**
 * The kind of a checked condition: its one kind key. Every pass over condition trees (compiling,
 * probes, blockers, descriptions, the lint) asks this and {@link childrenOf}, never `'all' in node`.
 */
export function kindOf(condition: Condition): ConditionKind {
  for (const kind of CONDITION_KINDS) if (Object.hasOwn(condition, kind)) return kind;
  throw new TypeError('not a checked condition: no kind key'); // unreachable after checkCondition
}

const NONE: readonly Condition[] = Object.freeze([]);

/** The conditions directly inside a checked condition: `all`, `any`, `of` or `not`; none for leaves. */
export function childrenOf(condition: Condition): readonly Condition[] {
  switch (kindOf(condition)) {
    case 'all':
      return (condition as { all: readonly Condition[] }).all;
    case 'any':
      return (condition as { any: readonly Condition[] }).any;
    case 'atLeast':
      return (condition as { of: readonly Condition[] }).of;
    case 'not':
      return [(condition as { not: Condition }).not];
    default:
      return NONE;
  }
}

/** Calls `visit` on a checked condition and every condition inside it, parents first; iterative. */
export function forEachCondition(condition: Condition, visit: (node: Condition) => void): void {
  const stack: Condition[] = [condition];
  while (stack.length > 0) {
    const node = stack.pop() as Condition;
    visit(node);
    const children = childrenOf(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Condition);
  }
}
