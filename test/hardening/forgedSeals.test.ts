// Case 4 of the hardening issue: the seal is a public hash, so anyone can "seal" a config the validator
// refuses. compileSealed must refuse such content with a ConfigError — never a raw TypeError, a config
// whose every classify throws, a hang, a stateful regex, or a stage its own stages list reports as unmet.
import { describe, expect, it } from 'vitest';
import { configHash, sealFor } from '../../src/config/seal';
import { ConfigError, sealConfig } from '../../src/index';
import { compileSealed } from '../../src/runtime/index';

/** What a forger does: compute the seal of any content. */
const forge = (config: Record<string, unknown>) => ({ ...config, $seal: sealFor(configHash(config)) });
const base = {
  version: 1,
  id: 'forged',
  criteria: { a: { when: { fact: 'x', eq: 1 } } },
  stages: [{ id: 'top', when: { criterion: 'a' } }, { id: 'rest' }],
};
const forged: Array<[string, Record<string, unknown>]> = [
  ['no fallback', { ...base, stages: [{ id: 'top', when: { criterion: 'a' } }] }],
  ['no stages', { ...base, stages: [] }],
  ['stages not an array', { ...base, stages: 'top' }],
  ['criteria not an object', { ...base, criteria: 5 }],
  ['a criterion without when', { ...base, criteria: { a: {} } }],
  ['an unknown condition kind', { ...base, criteria: { a: { when: { nope: 1 } } } }],
  ['two kinds at once', { ...base, criteria: { a: { when: { fact: 'x', all: [] } } } }],
  ['an unknown criterion', { ...base, stages: [{ id: 'top', when: { criterion: 'zz' } }, { id: 'rest' }] }],
  ['a loop', { ...base, criteria: { a: { when: { criterion: 'b' } }, b: { when: { criterion: 'a' } } } }],
  ['a self-reference', { ...base, criteria: { a: { when: { criterion: 'a' } } } }],
  [
    'nested too deep',
    {
      ...base,
      criteria: {
        a: { when: Array.from({ length: 40 }).reduce((inner) => ({ not: inner }), { fact: 'x', eq: 1 }) },
      },
    },
  ],

  [
    'a stateful regex',
    { ...base, criteria: { a: { when: { fact: 'x', matches: { pattern: 'a', flags: 'g' } } } } },
  ],
  ['an operand of the wrong type', { ...base, criteria: { a: { when: { fact: 'x', in: 5 } } } }],
  ['an invalid regex', { ...base, criteria: { a: { when: { fact: 'x', matches: '(' } } } }],
  ['an unknown operator', { ...base, criteria: { a: { when: { fact: 'x', gtee: 5 } } } }],
  [
    'a malformed duration',
    { ...base, criteria: { a: { when: { event: 'x', withinLast: { days: 'many' } } } } },
  ],
  [
    'a rule with infinite points',
    {
      ...base,
      scoring: { rules: [{ id: 'r', points: Number.POSITIVE_INFINITY, when: { criterion: 'a' } }] },
    },
  ],
  ['scoring without rules', { ...base, scoring: {} }],
  ['version 2', { ...base, version: 2 }],
  [
    'a malformed follow-up delay',
    {
      ...base,
      stages: [
        { id: 'top', when: { criterion: 'a' }, followUp: { within: { hours: 'soon' } } },
        { id: 'rest' },
      ],
    },
  ],
  [
    'a rule window too long',
    { ...base, scoring: { rules: [{ id: 'r', points: 1, event: 'x', withinLast: { years: 300000 } }] } },
  ],
  [
    'a zero half-life',
    { ...base, scoring: { rules: [{ id: 'r', points: 1, event: 'x', halfLife: { days: 0 } }] } },
  ],
  ['atLeast of nothing', { ...base, criteria: { a: { when: { atLeast: 1, of: [] } } } }],
];

describe('compileSealed on forged grades', () => {
  // the validator's reader, without its messages: grades that do not read are refused, never thrown on
  it.each<[string, unknown]>([
    ['of one score', { total: { A: 1 } }],
    ['with ascending thresholds', { total: { A: 1, B: 2 }, x: { A: 1 } }],
    ['with no label below', { total: { hot: 1 }, x: { A: 1 } }],
    ['with a threshold not a number', { total: { A: '1' }, x: { A: 1 } }],
    ['with null before the last label', { total: { A: 1, X: null, B: 0 }, x: { A: 1 } }],
    [
      'with 101 labels',
      { total: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`L${i}`, -i])), x: { A: 1 } },
    ],
    ['not an object', 'A1'],
  ])('refuses grades %s with a ConfigError', (_name, grades) => {
    let thrown: unknown;
    try {
      compileSealed(forge({ ...base, grades }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).issues[0]?.path).toEqual(['grades']);
  });

  it('ranks a score the config does not have below every label', () => {
    const grades = { total: { A: 1 }, fit: { 1: 1 } };
    expect(compileSealed(forge({ ...base, grades })).classify({}, { asOf: 0 }).grade).toBe('B2');
  });
});

describe('compileSealed on forged seals', () => {
  it.each(forged)('refuses %s with a ConfigError', (_name, config) => {
    let thrown: unknown;
    try {
      compileSealed(forge(config));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).issues[0]?.code).toMatch(/^(invalid_sealed_config)$/);
  });

  it('still compiles what sealConfig sealed, and a hand-sealed valid config', () => {
    // what the validator accepts, the structural check accepts: a zero-day window, a follow-up, a decaying rule
    const valid = {
      ...base,
      criteria: {
        a: { when: { fact: 'x', eq: 1 } },
        now: { when: { event: 'demo_completed', withinLast: { days: 0 } } },
      },
      stages: [
        {
          id: 'top',
          when: { any: [{ criterion: 'a' }, { criterion: 'now' }] },
          followUp: { within: 'PT24H' },
        },
        { id: 'rest' },
      ],
      scoring: {
        rules: [{ id: 'r', points: 5, event: 'demo_completed', halfLife: { days: 7 }, withinLast: 'P1Y' }],
      },
    };
    expect(compileSealed(sealConfig(valid)).stage({ x: 1 }, { asOf: '2026-06-30' })).toBe('top');
    const classifier = compileSealed(forge(base));
    expect(classifier.classify({ x: 1 }, { asOf: '2026-06-30' }).stage).toBe('top');
  });
});
