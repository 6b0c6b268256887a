import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile, defaultOperators, generateModule, presets, stageHistory } from '../../src/index';
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
