import { describe, expectTypeOf, it } from 'vitest';
import { classify, compile, defineConfig, type FactPath, presets } from '../../src/index';

const asOf = '2026-06-30';

describe('defineConfig', () => {
  it('types stage ids as a literal union, through compile and classify', () => {
    const config = defineConfig({
      version: 1,
      id: 'typed',
      criteria: {
        budget: { when: { fact: 'budget.amount', gte: 10000 } },
        demo: { when: { event: 'demo_completed', withinLast: { days: 60 } } },
      },
      stages: [
        { id: 'SQO', when: { all: [{ criterion: 'budget' }, { criterion: 'demo', is: 'met' }] } },
        { id: 'SAL', when: { criterion: 'demo' } },
        { id: 'unqualified' },
      ],
    });
    expectTypeOf(compile(config).classify({}, { asOf }).stage).toEqualTypeOf<'SQO' | 'SAL' | 'unqualified'>();
    expectTypeOf(classify({}, config, { asOf }).stage).toEqualTypeOf<'SQO' | 'SAL' | 'unqualified'>();
    // configs that are not typed keep string stages
    expectTypeOf(classify({}, presets.saas, { asOf }).stage).toEqualTypeOf<string>();
    expectTypeOf(compile({} as unknown).classify({}, { asOf }).stage).toEqualTypeOf<string>();
  });

  it('refuses a reference to a criterion the config does not define', () => {
    defineConfig({
      version: 1,
      id: 'typo',
      criteria: { budget: { when: { fact: 'budget.amount', gte: 1 } } },
      // @ts-expect-error "budgte" is not a criterion of this config
      stages: [{ id: 'SQO', when: { criterion: 'budgte' } }, { id: 'rest' }],
    });
  });

  it('refuses misspelt keys and operators', () => {
    defineConfig({
      version: 1,
      id: 'keys',
      // @ts-expect-error "gtee" is no operator
      criteria: { budget: { when: { fact: 'budget.amount', gtee: 1 } } },
      stages: [{ id: 'rest' }],
    });
    defineConfig({
      version: 1,
      id: 'keys',
      criteria: {},
      stages: [{ id: 'rest' }],
      // @ts-expect-error "scorring" is no key of a config
      scorring: { rules: [] },
    });
  });

  it('completes fact paths from the lead, and accepts custom ones', () => {
    expectTypeOf<'company.employees'>().toExtend<FactPath>();
    expectTypeOf<'need.painPoints.length'>().toExtend<FactPath>();
    expectTypeOf<'custom.hs_budget'>().toExtend<FactPath>();
  });
});
