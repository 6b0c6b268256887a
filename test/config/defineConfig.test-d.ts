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

  it('types operands by the field, and takes custom facts only when declared', () => {
    defineConfig({
      version: 1,
      id: 'operands',
      facts: { 'custom.hs_budget': { type: 'number' } },
      criteria: {
        senior: { when: { fact: 'contact.seniority', in: ['c_level', 'vp'] } },
        big: { when: { fact: 'company.employees', gte: 50 } },
        budget: { when: { fact: 'custom.hs_budget', gte: 10000 } },
        pains: { when: { fact: 'need.painPoints.length', gte: 1 } },
      },
      stages: [{ id: 'rest' }],
    });
    defineConfig({
      version: 1,
      id: 'enum typo',
      // @ts-expect-error "vice_president" is not a seniority
      criteria: { senior: { when: { fact: 'contact.seniority', eq: 'vice_president' } } },
      stages: [{ id: 'rest' }],
    });
    defineConfig({
      version: 1,
      id: 'operand type',
      // @ts-expect-error employees are a number
      criteria: { big: { when: { fact: 'company.employees', gte: 'fifty' } } },
      stages: [{ id: 'rest' }],
    });
    defineConfig({
      version: 1,
      id: 'undeclared',
      // @ts-expect-error "custom.hs_budget" is neither canonical nor declared in facts
      criteria: { budget: { when: { fact: 'custom.hs_budget', gte: 10000 } } },
      stages: [{ id: 'rest' }],
    });
    defineConfig({
      version: 1,
      id: 'path typo',
      // @ts-expect-error "authority.rol" is no path of the lead
      criteria: { authority: { when: { fact: 'authority.rol', eq: 'decision_maker' } } },
      stages: [{ id: 'rest' }],
    });
  });

  it('completes fact paths from the lead, and accepts custom ones', () => {
    expectTypeOf<'company.employees'>().toExtend<FactPath>();
    expectTypeOf<'need.painPoints.length'>().toExtend<FactPath>();
    expectTypeOf<'custom.hs_budget'>().toExtend<FactPath>();
  });
});

describe('defineConfig grades', () => {
  it('takes grades on total and the declared groups, and refuses other scores', () => {
    const config = defineConfig({
      version: 1,
      id: 'graded',
      criteria: {},
      scoring: { groups: { fit: {}, engagement: {} }, rules: [] },
      stages: [{ id: 'rest' }],
      grades: { fit: { A: 75, B: 50, C: 25 }, engagement: { 1: 75, 2: 50, 3: 25 } },
    });
    expectTypeOf(compile(config).classify({}, { asOf }).grade).toEqualTypeOf<string | undefined>();
    defineConfig({
      version: 1,
      id: 'graded',
      criteria: {},
      scoring: { groups: { fit: {} }, rules: [] },
      stages: [{ id: 'rest' }],
      grades: { fit: { A: 10, cold: null }, total: { 1: 50 } },
    });
    defineConfig({
      version: 1,
      id: 'typo',
      criteria: {},
      scoring: { groups: { fit: {}, engagement: {} }, rules: [] },
      stages: [{ id: 'rest' }],
      // @ts-expect-error "engagment" is not a scoring group of this config
      grades: { fit: { A: 10 }, engagment: { 1: 10 } },
    });
    defineConfig({
      version: 1,
      id: 'not a number',
      criteria: {},
      scoring: { groups: { fit: {} }, rules: [] },
      stages: [{ id: 'rest' }],
      // @ts-expect-error thresholds are numbers (or null for the label below)
      grades: { fit: { A: '10' }, total: { 1: 10 } },
    });
  });

  it('account configs: members and roles conditions, their where typed by the lead', () => {
    const config = defineConfig({
      version: 1,
      id: 'accounts',
      level: 'account',
      criteria: {
        group: { when: { roles: { require: ['decision_maker', 'champion'] } } },
        engaged: {
          when: {
            members: { where: { fact: 'contact.seniority', in: ['vp', 'c_level'] }, count: { gte: 2 } },
          },
        },
        heat: { when: { members: { stage: ['SQO', 'SAL'], score: 'engagement', sum: { gte: 100 } } } },
      },
      stages: [
        { id: 'SQO', when: { all: [{ criterion: 'group' }, { criterion: 'engaged' }] } },
        { id: 'rest' },
      ],
    });
    expectTypeOf(config.level).toEqualTypeOf<'lead' | 'account' | undefined>();
    defineConfig({
      version: 1,
      id: 'bad roles',
      level: 'account',
      // @ts-expect-error roles are a list
      criteria: { group: { when: { roles: { require: 'decision_maker' } } } },
      stages: [{ id: 'rest' }],
    });
  });
});
