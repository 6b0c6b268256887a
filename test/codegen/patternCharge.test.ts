// A `matches` test charges the budget what a fresh cache of states would spend on the value (see
// src/internal/regex/runCached.ts): so a lead near its budget classifies the same on the first call and on
// the next, after other leads warmed the cache, and generated code — one test per pattern, shared by the
// conditions that name it — classifies as the closures do, with one test per condition. Found by an attack
// on issue 20: two conditions with one pattern, at a budget between the two charges, gave SAL generated and
// `none` (budget_exceeded) with the closures; and the same lead changed stage from one call to the next.
import { describe, expect, it } from 'vitest';
import { type Config, compile } from '../../src/index';

const config: Config = {
  version: 1,
  id: 'patterns',
  criteria: {
    c0: { when: { fact: 'custom.f0', matches: '[a-z]+[0-9]' } },
    c1: { when: { fact: 'custom.f1', matches: '[a-z]+[0-9]' } },
  },
  stages: [
    { id: 'SQO', when: { criterion: 'c1' } },
    { id: 'SAL', when: { criterion: 'c0' } },
    { id: 'none' },
  ],
};
const text = 'abcdefghijklmnopqrstuvwxyz'.repeat(65);
const lead = { custom: { f0: `${text}1`, f1: text } };
const others = [
  { custom: { f0: 'abc1', f1: 'xyz' } },
  { custom: { f0: text, f1: `${text}9` } },
  { custom: { f0: 'q'.repeat(3000), f1: 'z1' } },
];
const asOf = '2026-06-30';

describe('a matches test near the budget', () => {
  it('classifies alike on a fresh classifier, a warm one and generated code, at every budget', () => {
    const stages = new Set<string>();
    for (let limit = 640; limit <= 720; limit += 4) {
      const budget = { stage: limit, classify: limit };
      const fresh = () => compile(config, { budget });
      const expected = JSON.stringify(fresh().classify(lead, { asOf }));
      stages.add(fresh().stage(lead, { asOf }));
      const warm = fresh();
      for (const other of others) warm.classify(other, { asOf });
      const jit = compile(config, { budget, codegen: true });
      expect(jit.mode).toBe('jit');
      for (const other of others) jit.classify(other, { asOf });
      expect([limit, JSON.stringify(warm.classify(lead, { asOf }))]).toEqual([limit, expected]);
      expect([limit, JSON.stringify(warm.classify(lead, { asOf }))]).toEqual([limit, expected]);
      expect([limit, JSON.stringify(jit.classify(lead, { asOf }))]).toEqual([limit, expected]);
      expect([limit, jit.stage(lead, { asOf })]).toEqual([limit, fresh().stage(lead, { asOf })]);
    }
    // the sweep crosses the budget the lead needs: some budgets run out, others do not
    expect([...stages].sort()).toEqual(['SAL', 'none']);
  });
});
