import { expectTypeOf, test } from 'vitest';
import type {
  AllCondition,
  AnyCondition,
  AtLeastCondition,
  ConditionKind,
  CriterionCondition,
  EventCondition,
  FactOperators,
  MembersCondition,
  NotCondition,
  NumberComparisons,
  OperatorName,
  RolesCondition,
  ScoreCondition,
} from '../../src/index';
import type { COUNT_KEYS, NUMBER_COMPARISONS, OPERATOR_NAMES } from '../../src/schema/grammar';

// The condition types follow the grammar tables: a key added to one and not the other fails here.
test('fact operators are the operator table', () => {
  expectTypeOf<keyof FactOperators>().toEqualTypeOf<(typeof OPERATOR_NAMES)[number]>();
  expectTypeOf<OperatorName>().toEqualTypeOf<(typeof OPERATOR_NAMES)[number]>();
});

test('score comparisons and event counts are their tables', () => {
  expectTypeOf<keyof NumberComparisons>().toEqualTypeOf<(typeof NUMBER_COMPARISONS)[number]>();
  expectTypeOf<keyof NonNullable<EventCondition['count']>>().toEqualTypeOf<(typeof COUNT_KEYS)[number]>();
});

test('every condition interface is named by one kind', () => {
  type KindKey<T> = Extract<keyof T, ConditionKind>;
  expectTypeOf<
    | KindKey<AllCondition>
    | KindKey<AnyCondition>
    | KindKey<NotCondition>
    | KindKey<AtLeastCondition>
    | KindKey<CriterionCondition>
    | KindKey<{ fact: string }>
    | KindKey<EventCondition>
    | KindKey<ScoreCondition>
    | KindKey<MembersCondition>
    | KindKey<RolesCondition>
  >().toEqualTypeOf<ConditionKind>();
});
