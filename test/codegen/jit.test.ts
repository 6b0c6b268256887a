import { afterEach, describe, expect, it, vi } from 'vitest';
import * as helpers from '../../src/helpers';
import {
  accountPresets,
  type Classifier,
  type ClassifyOptions,
  classify,
  classifyAccount,
  classifyMany,
  compile,
  defaultOperators,
  generateModule,
  presets,
  runExamples,
  stageHistory,
} from '../../src/index';
import { corpusLeads } from '../results/corpus';

const lead = { budget: { status: 'approved' }, events: [{ type: 'newsletter_signup', at: '2026-06-01' }] };

describe('compile(config, { codegen: true })', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('runs stage(), statuses and full results as generated code, equal to the closures', () => {
    const jit = compile(presets.saas, { codegen: true });
    const closures = compile(presets.saas);
    expect(jit.mode).toBe('jit');
    expect(jit.stage(lead, { asOf: '2026-06-30' })).toBe('SAL');
    expect(jit.classify(lead, { asOf: '2026-06-30' })).toEqual(
      closures.classify(lead, { asOf: '2026-06-30' }),
    );
    expect(jit.hash).toBe(closures.hash);
  });

  it('gives a lead whose getter classifies another lead mid-call the closures’ full results, in two locales', () => {
    const make = (classifier: ReturnType<typeof compile>) => {
      const inner: string[] = [];
      const reentrant = {
        id: 'outer',
        budget: { status: 'approved' },
        get company() {
          // the same classifier, called back from inside a classification (a getter in a CRM proxy)
          inner.push(
            JSON.stringify(
              classifier.classify({ id: 'inner', ...lead }, { asOf: '2026-06-30', locale: 'de' }),
            ),
          );
          return { employees: 250, industry: 'software' };
        },
        events: [
          { type: 'demo_requested', at: '2026-06-20' },
          { type: 'pricing_page_viewed', at: '2026-06-25' },
        ],
      };
      const outer = JSON.stringify(classifier.classify(reentrant, { asOf: '2026-06-30', locale: 'fr' }));
      return { outer, inner };
    };
    const jit = make(compile(presets.saas, { codegen: true }));
    const closures = make(compile(presets.saas));
    expect(jit.inner.length).toBeGreaterThan(0);
    expect(jit).toEqual(closures);
  });

  it('replays histories as the closures do (stageHistory runs stage() and charges the units it spent)', () => {
    const jit = compile(presets.saas, { codegen: true });
    const closures = compile(presets.saas);
    for (const history of corpusLeads(presets.saas, 60, 8)) {
      let expected: string;
      try {
        expected = JSON.stringify(stageHistory(history, closures, { asOf: '2026-06-30' }));
      } catch (error) {
        expected = String(error);
      }
      let actual: string;
      try {
        actual = JSON.stringify(stageHistory(history, jit, { asOf: '2026-06-30' }));
      } catch (error) {
        actual = String(error);
      }
      expect(actual).toBe(expected);
    }
  });

  it('falls back to the closures where code from strings is forbidden (EvalError: CSP, edge runtimes)', () => {
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    const classifier = compile(presets.saas, { codegen: true });
    vi.unstubAllGlobals();
    expect(classifier.mode).toBe('closures');
    expect(classifier.stage(lead, { asOf: '2026-06-30' })).toBe('SAL');
  });

  it('keeps the closures for a config built in code that holds what JSON cannot (found by npm run fuzz)', () => {
    const rules = presets.saas.scoring?.rules ?? [];
    // a list with a hole (what `delete list[1]` leaves): the validator's checks skip holes, JSON has none
    const types = ['demo_completed', 'x', 'pricing_discussed'];
    delete types[1];
    const config = {
      ...presets.saas,
      scoring: {
        ...presets.saas.scoring,
        rules: [...rules, { id: 'odd', points: 1, event: types }],
      },
    };
    const jit = compile(config, { codegen: true });
    expect(jit.mode).toBe('closures');
    expect(jit.stage(lead, { asOf: '2026-06-30' })).toBe(compile(config).stage(lead, { asOf: '2026-06-30' }));
    expect(() => generateModule(config)).toThrow(
      /holds a value JSON cannot \(undefined at constant\.rules\[\d+\]\.event\[1\]/,
    );
  });

  it('keeps the closures for an operator table of your own, which generated code does not know', () => {
    const operators = { ...defaultOperators };
    expect(compile(presets.saas, { codegen: true, operators }).mode).toBe('closures');
    expect(compile(presets.saas, { codegen: true, operators: defaultOperators }).mode).toBe('jit');
  });
});

describe('generateModule checks the config as compile does', () => {
  // a config too costly for the default budget, and one cheap enough for 50 units of nothing
  const selections = Array.from({ length: 120 }, (_, index) => ({
    event: 'email_clicked',
    withinLast: { days: index + 1 },
  }));
  const costly = {
    version: 1,
    id: 'costly',
    criteria: { many: { when: { any: selections } } },
    stages: [{ id: 'hot', when: { criterion: 'many' } }, { id: 'cold' }],
  };
  const simple = {
    version: 1,
    id: 'simple',
    criteria: { d: { when: { event: 'demo_completed' } } },
    stages: [{ id: 'hot', when: { criterion: 'd' } }, { id: 'cold' }],
  };
  const levels = ['stage', 'statuses', 'full'] as const;

  it('against the budget it is given, as compile checks it', () => {
    const big = { classify: 5_000_000, stage: 5_000_000 };
    expect(() => compile(costly)).toThrow(/too_costly|work units/);
    expect(() => generateModule(costly, { levels })).toThrow(/too_costly|work units/);
    expect(compile(costly, { budget: big }).mode).toBe('closures');
    expect(generateModule(costly, { budget: big, levels })).toContain('export default classifier');
    const small = { classify: 50, stage: 50 };
    expect(() => compile(simple, { budget: small })).toThrow(/too_costly|work units/);
    expect(() => generateModule(simple, { budget: small, levels })).toThrow(/too_costly|work units/);
  });

  it('with the limits it is given', () => {
    let deep: unknown = { fact: 'a', eq: 1 };
    for (let level = 0; level < 40; level++) deep = { not: deep };
    const config = { ...simple, criteria: { d: { when: deep } } };
    expect(() => generateModule(config)).toThrow(/too_deep|nested/);
    expect(generateModule(config, { maxDepth: 50 })).toContain('export default classifier');
    expect(() => generateModule(config, { maxDepth: 5_000 })).toThrow(/options\.maxDepth/);
  });
});

describe('options read once', () => {
  // a detail getter that answers otherwise on a second read: every mode takes its first answer, as the closures do
  it('gives the level the first read of detail names, closures, JIT and generated module alike', () => {
    const exports: { classifier?: Classifier } = {};
    new Function(
      'require',
      'exports',
      generateModule(presets.saas, { format: 'cjs', levels: ['stage', 'statuses', 'full'] }),
    )(() => helpers, exports);
    const lead = { events: [{ type: 'demo_completed', at: '2026-06-01' }] };
    for (const first of [undefined, 'statuses'] as const) {
      const options = (): ClassifyOptions => {
        let reads = 0;
        // a getter that may answer undefined: what exactOptionalPropertyTypes cannot express
        return {
          asOf: '2026-06-30',
          get detail() {
            return reads++ === 0 ? first : first === undefined ? 'statuses' : 'full';
          },
        } as ClassifyOptions;
      };
      const expected = JSON.stringify(compile(presets.saas).classify(lead, options()));
      expect(JSON.stringify(compile(presets.saas, { codegen: true }).classify(lead, options()))).toBe(
        expected,
      );
      expect(JSON.stringify(exports.classifier?.classify(lead, options()))).toBe(expected);
    }
  });
});

describe("a generated module's classifier passed to the library", () => {
  const load = () => {
    const exports: { classifier?: Classifier } = {};
    new Function(
      'require',
      'exports',
      generateModule(presets.saas, { format: 'cjs', levels: ['stage', 'full'] }),
    )(() => helpers, exports);
    return exports.classifier as Classifier;
  };
  const asOf = '2026-06-30';
  const lead = {
    id: 'a',
    events: [{ type: 'demo_completed', at: '2026-06-20' }],
    budget: { status: 'approved' },
  };

  it('classifies where only classify() is needed', () => {
    const aot = load();
    const closures = compile(presets.saas);
    expect(JSON.stringify(classify(lead, aot, { asOf }))).toBe(
      JSON.stringify(closures.classify(lead, { asOf })),
    );
    expect(JSON.stringify(classifyMany([lead, lead], aot, { asOf }))).toBe(
      JSON.stringify(classifyMany([lead, lead], closures, { asOf })),
    );
  });

  it('is refused up front, saying what to pass, where the config is needed', () => {
    const aot = load();
    const refused =
      /expected a classifier from compile\(config\) or the config itself, received a generated module's classifier \(mode 'aot'\)/;
    expect(() => stageHistory(lead, aot, { asOf })).toThrow(refused);
    expect(() => runExamples(aot)).toThrow(refused);
    // before any lead, not part-way through the batch
    expect(() => classifyMany([], aot, { asOf, followUpFrom: 'stage-entry' })).toThrow(refused);
    expect(() =>
      classifyAccount({ id: 'A', members: [lead] }, accountPresets.b2b, { asOf, leadConfig: aot }),
    ).toThrow(refused);
    // any object shaped like a classifier that does not carry its config: the same refusal, not a crash
    const closures = compile(presets.saas);
    const wrapped = { hash: closures.hash, classify: closures.classify, stage: closures.stage } as Classifier;
    const without =
      /expected a classifier from compile\(config\) or the config itself, received a classifier without its config/;
    expect(() => stageHistory(lead, wrapped, { asOf })).toThrow(without);
    expect(() => classifyMany([], wrapped, { asOf, followUpFrom: 'stage-entry' })).toThrow(without);
  });
});
