// Issue 19 (3, 4): a cost budget per lead. Every loop whose length a lead controls (events, where tests,
// keyword lists, history evaluations) spends units; past the budget what it decides reads unknown, flagged
// budget_exceeded, and a history ends there. Tests count work (operator calls, evaluations), never time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Classifier,
  ConfigError,
  compile,
  DEFAULT_BUDGET,
  defaultOperators,
  lintConfig,
  type OperatorDefinition,
  presets,
  stageHistory,
} from '../../src/index';

const AS_OF = '2026-06-30T00:00:00Z';
const END = Date.parse(AS_OF);
const DAY = 86_400_000;

/** A `where` operator that counts its calls and passes nothing: the work an events scan does. */
function counting(): { operators: Record<string, OperatorDefinition>; calls: () => number } {
  let calls = 0;
  const counted: OperatorDefinition = {
    ...defaultOperators.startsWith,
    compile: (operand) => {
      const test = defaultOperators.startsWith.compile(operand);
      return (value, context, path) => {
        calls++;
        return test(value, context, path);
      };
    },
  };
  return { operators: { ...defaultOperators, counted }, calls: () => calls };
}

const whereConfig = (where: Record<string, unknown>) => ({
  version: 1,
  id: 'where',
  criteria: { match: { when: { event: 'page_view', where } } },
  stages: [{ id: 'hot', when: { criterion: 'match' } }, { id: 'rest' }],
});
const longProps = (count: number, text: string) =>
  Array.from({ length: count }, (_, index) => ({
    type: 'page_view',
    at: new Date(END - index * 60_000).toISOString(),
    props: { path: text },
  }));

describe('the budget of one classification', () => {
  it('stops an events scan of long where texts at the budget: unknown, flagged, never every event', () => {
    const { operators, calls } = counting();
    const budget = { classify: 40_000, stage: 40_000 };
    const classifier = compile(whereConfig({ path: { counted: 'b' } }), { operators, budget });
    // 10,000 events with 1,000-character props: 17 units each, 170,000 in all
    const lead = { events: longProps(10_000, 'a'.repeat(1000)) };
    const result = classifier.classify(lead, { asOf: AS_OF });
    expect(result.flags).toContain('budget_exceeded');
    expect(result.criteria.match!.status).toBe('unknown');
    expect(result.stage).toBe('rest');
    expect(calls()).toBeLessThanOrEqual(budget.classify / 17 + 1);
    const before = calls();
    expect(classifier.stage(lead, { asOf: AS_OF })).toBe('rest');
    expect(calls() - before).toBeLessThanOrEqual(budget.stage / 17 + 1);
  });

  it('runs the case of the issue (matches a+b over 10,000 events of 1,000 characters) within the budget', () => {
    const budget = { classify: 31_000, stage: 31_000 };
    const classifier = compile(whereConfig({ path: { matches: 'a+b' } }), { budget });
    const lead = { events: longProps(10_000, 'a'.repeat(1000)) };
    const result = classifier.classify(lead, { asOf: AS_OF });
    expect(result.flags).toContain('budget_exceeded');
    expect(result.criteria.match!.status).toBe('unknown');
    expect(classifier.stage(lead, { asOf: AS_OF })).toBe('rest');
  }, 60_000);

  it('gives the same answers as before on leads within the budget', () => {
    const classifier = compile(presets.saas);
    const events = Array.from({ length: 10_000 }, (_, index) => ({
      type: ['webinar_attended', 'page_view', 'demo_completed', 'pricing_discussed'][index % 4],
      at: new Date(END - index * 3_600_000).toISOString(),
    }));
    const result = classifier.classify({ events }, { asOf: AS_OF });
    expect(result.flags).not.toContain('budget_exceeded');
    expect(result.stage).toBe(classifier.stage({ events }, { asOf: AS_OF }));
  });

  it('meters containsAny over a huge list, normalising each element once (2,000 keywords × a 1.6 MB list)', () => {
    const keywords = Array.from({ length: 2000 }, (_, index) => `Keyword ${index}`);
    const config = {
      version: 1,
      id: 'keywords',
      criteria: {
        any: { when: { fact: 'tags', containsAny: keywords } },
        all: { when: { fact: 'tags', containsAll: ['keyword 1', 'KEYWORD-2'] } },
      },
      stages: [{ id: 'hot', when: { criterion: 'any' } }, { id: 'rest' }],
    };
    const tags = Array.from({ length: 80_000 }, (_, index) => `Some Tag Value ${index}`);
    tags.push('keyword 1999', 'Keyword 1', 'keyword_2');
    const result = compile(config).classify({ tags }, { asOf: AS_OF });
    expect(result.criteria.any!.status).toBe('met');
    expect(result.criteria.all!.status).toBe('met');
    expect(result.flags).not.toContain('budget_exceeded');
    // past the budget: unknown and flagged
    const small = compile(config, { budget: { classify: 60_000, stage: 60_000 } });
    const over = small.classify({ tags }, { asOf: AS_OF });
    expect(over.criteria.any!.status).toBe('unknown');
    expect(over.flags).toContain('budget_exceeded');
  });

  it('answers containsAny and containsAll as the pairwise definition does', () => {
    const word = fc.constantFrom(
      'a',
      'A',
      'b',
      'Decision Maker',
      'decision_maker',
      'decision-maker',
      ' c ',
      'x y',
    );
    const element = fc.oneof(word, fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.constant(null));
    const classifierFor = (operator: string, keywords: string[]) =>
      compile({
        version: 1,
        id: 'pairs',
        criteria: { k: { when: { fact: 'tags', [operator]: keywords } } },
        stages: [{ id: 'k', when: { criterion: 'k' } }, { id: 'rest' }],
      });
    const normal = (text: string) =>
      text
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_');
    fc.assert(
      fc.property(
        fc.constantFrom('containsAny', 'containsAll'),
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.oneof(fc.array(element, { maxLength: 6 }), word),
        (operator, keywords, tags) => {
          const status = classifierFor(operator, keywords).classify({ tags }, { asOf: AS_OF }).criteria.k!
            .status;
          const has = (keyword: string) =>
            typeof tags === 'string'
              ? tags.includes(keyword)
              : tags.some(
                  (item) =>
                    (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') &&
                    normal(String(item)) === normal(keyword),
                );
          const expected = operator === 'containsAny' ? keywords.some(has) : keywords.every(has);
          expect(status).toBe(expected ? 'met' : 'unmet');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('budget options and the static worst case', () => {
  it('refuses a budget that is not whole units, with where and what', () => {
    expect(() => compile(presets.saas, { budget: { classify: 0 } })).toThrow(
      /compile: options\.budget\.classify: expected a whole number of work units from 1 to 10,000,000,000, received the number 0/,
    );
    expect(() => compile(presets.saas, { budget: { clasify: 5 } as never })).toThrow(/unknown key "clasify"/);
    expect(() => compile(presets.saas, { budget: 5 as never })).toThrow(/expected an object/);
    expect(compile(presets.saas).budget).toEqual(DEFAULT_BUDGET);
  });

  it('reports each config’s worst case per lead and refuses one over the budget, with the figure', () => {
    const cost = lintConfig(presets.saas).cost!;
    expect(cost.units).toBeGreaterThan(10_000);
    expect(cost.units).toBeLessThanOrEqual(DEFAULT_BUDGET.classify);
    // 200 event conditions with where tests: 10,000 events each
    const criteria = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [
        `c${index}`,
        { when: { event: 'page_view', where: { path: { startsWith: `/p${index}` } } } },
      ]),
    );
    const costly = {
      version: 1,
      id: 'costly',
      criteria,
      stages: [{ id: 'hot', when: { criterion: 'c0' } }, { id: 'rest' }],
    };
    const lint = lintConfig(costly);
    expect(lint.errors.map((issue) => issue.code)).toEqual(['too_costly']);
    expect(lint.cost!.units).toBeGreaterThan(DEFAULT_BUDGET.classify);
    let thrown: unknown;
    try {
      compile(costly);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).issues[0]!.message).toContain(lint.cost!.units.toLocaleString('en'));
    // a budget that holds it compiles
    const budget = { classify: lint.cost!.units, stage: lint.cost!.units };
    expect(compile(costly, { budget }).budget.classify).toBe(lint.cost!.units);
  });

  it('keeps every preset within the default budget', () => {
    for (const [id, preset] of Object.entries(presets)) {
      expect(lintConfig(preset).errors, id).toEqual([]);
    }
  });
});

describe('the budget of a history', () => {
  const countingStages = (classifier: Classifier) => {
    let calls = 0;
    const counted = {
      ...classifier,
      stage: (lead: unknown, options: { asOf: string | number | Date }) => {
        calls++;
        return classifier.stage(lead, options);
      },
      classify: classifier.classify,
    } as Classifier;
    return { counted, calls: () => calls };
  };

  it('ends a decaying score’s history where the budget runs out, flagged (was 103 s on 5,000 events)', () => {
    const config = {
      version: 1,
      id: 'decay',
      criteria: {},
      scoring: {
        rules: [{ id: 'v', points: 10, event: 'page_view', halfLife: { days: 1 }, repeat: { max: 1000 } }],
      },
      stages: [{ id: 'hot', when: { score: 'total', gte: 15 } }, { id: 'rest' }],
    };
    const events = Array.from({ length: 5000 }, (_, index) => ({
      type: 'page_view',
      at: new Date(END - index * 0.6 * DAY).toISOString(),
    }));
    const { counted, calls } = countingStages(compile(config, { budget: { history: 2_000_000 } }));
    const history = stageHistory({ events }, counted, { asOf: AS_OF });
    expect(history.flags).toEqual(['budget_exceeded']);
    expect(Date.parse(history.until!)).toBeLessThan(END);
    const last = history.segments.at(-1)!;
    expect(last.ms).toBe(Date.parse(history.until!) - Date.parse(last.from));
    // every evaluation costs 1 + 5,000 units: the budget bounds their number
    expect(calls()).toBeLessThanOrEqual(2_000_000 / 5001 + 2);
  });

  it('replays a short history exactly as before, and its budget-cut version is a prefix of it', () => {
    const config = {
      version: 1,
      id: 'window',
      criteria: { active: { when: { event: 'page_view', withinLast: { days: 30 } } } },
      stages: [{ id: 'active', when: { criterion: 'active' } }, { id: 'rest' }],
    };
    const events = Array.from({ length: 40 }, (_, index) => ({
      type: 'page_view',
      at: new Date(END - index * 45 * DAY).toISOString(),
    }));
    const full = stageHistory({ events }, compile(config), { asOf: AS_OF });
    expect(full.flags).toBeUndefined();
    const cut = stageHistory({ events }, compile(config, { budget: { history: 41 * 60 } }), { asOf: AS_OF });
    expect(cut.flags).toEqual(['budget_exceeded']);
    expect(cut.segments.length).toBeLessThan(full.segments.length);
    cut.segments.slice(0, -1).forEach((segment, index) => {
      expect(segment.stage).toBe(full.segments[index]!.stage);
      expect(segment.from).toBe(full.segments[index]!.from);
    });
  });

  it('bounds the evaluations of a 30-day window history by its budget (was quadratic: 19 s on 107 KB)', () => {
    const config = {
      version: 1,
      id: 'window',
      criteria: { active: { when: { event: 'page_view', withinLast: { days: 30 } } } },
      stages: [{ id: 'active', when: { criterion: 'active' } }, { id: 'rest' }],
    };
    const events = Array.from({ length: 3000 }, (_, index) => ({
      type: 'page_view',
      at: new Date(END - index * 31 * DAY - (index % 7) * 3_600_000).toISOString(),
      props: { path: '/pricing/enterprise' },
    }));
    const { counted, calls } = countingStages(compile(config));
    const history = stageHistory({ events }, counted, { asOf: AS_OF });
    expect(calls()).toBeLessThanOrEqual(DEFAULT_BUDGET.history / 3001 + 2);
    expect(history.flags).toEqual(['budget_exceeded']);
  });
});
