import { describe, expectTypeOf, it } from 'vitest';
import { type Condition, compileCondition, type Lead, parseLead, type Status } from '../../src/index';

describe('types', () => {
  it('types conditions, statuses and leads', () => {
    expectTypeOf({ fact: 'a', gte: 1 }).toExtend<Condition>();
    expectTypeOf({ all: [{ criterion: 'budget' }, { score: 'total', gte: 50 }] }).toExtend<Condition>();
    expectTypeOf(compileCondition({}).evaluate({}, { asOf: 0 }).status).toEqualTypeOf<Status>();
    expectTypeOf(parseLead({}).lead).toEqualTypeOf<Lead>();
    expectTypeOf<NonNullable<Lead['budget']>['amount']>().toEqualTypeOf<number | undefined>();
  });
});

describe('classification types', () => {
  it('types results and configs', async () => {
    const { classify, presets } = await import('../../src/index');
    type Result = ReturnType<typeof classify>;
    expectTypeOf<Result['stage']>().toEqualTypeOf<string>();
    expectTypeOf<Result['scores']['total']>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<Result['next']>['blockers'][number]['status']>().toEqualTypeOf<
      'unmet' | 'unknown'
    >();
    expectTypeOf(presets.saas.version).toEqualTypeOf<1>();
    // @ts-expect-error asOf is required
    classify({}, presets.saas, {});
  });
});
