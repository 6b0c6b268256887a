// Generated stage(), 'statuses' and full results against the closures on the real files in ../shared/data/real: X Education's rows as
// they are (spaced column names, "Select" placeholders, numbers and booleans as text) under a config that
// declares them, and Olist's leads through its field map under every preset. A clone without ../shared
// skips this file, and says so.
import { describe, expect, it } from 'vitest';
import { unitsSpent } from '../../src/classify/compileClassifier';
import { compile, mapLead, presets } from '../../src/index';
import { olistLeadMap, present, rowsOf, skipUnlessPresent } from '../real/data';

skipUnlessPresent('generated code on the real lead files');

const xEducation = {
  version: 1,
  id: 'xeducation-raw',
  read: { missing: ['Select'] },
  facts: {
    'Lead Source': { type: 'enum' },
    'Do Not Email': { type: 'boolean' },
    TotalVisits: { type: 'number' },
    'Total Time Spent on Website': { type: 'number' },
    'What is your current occupation': {
      type: 'enum',
      values: ['unemployed', 'student', 'working_professional'],
    },
    'Lead Profile': { type: 'enum' },
    Country: { type: 'string' },
  },
  criteria: {
    engaged: {
      when: {
        any: [
          { fact: 'TotalVisits', gte: 5 },
          { fact: 'Total Time Spent on Website', gt: 900 },
        ],
      },
    },
    reachable: { when: { fact: 'Do Not Email', eq: false } },
    working: { when: { fact: 'What is your current occupation', in: ['working_professional'] } },
    referred: { when: { fact: 'Lead Source', in: ['reference', 'welingak_website'] } },
    profiled: { when: { fact: 'Lead Profile', exists: true } },
    india: { when: { fact: 'Country', startsWith: 'India' } },
  },
  stages: [
    { id: 'disqualified', exit: true, when: { fact: 'What is your current occupation', eq: 'student' } },
    {
      id: 'SQO',
      when: {
        all: [
          { criterion: 'engaged' },
          { criterion: 'reachable' },
          { atLeast: 1, of: [{ criterion: 'working' }, { criterion: 'referred' }] },
        ],
      },
    },
    {
      id: 'SAL',
      when: { any: [{ criterion: 'engaged' }, { criterion: 'profiled' }, { criterion: 'india' }] },
    },
    { id: 'unqualified' },
  ],
};

function compare(config: object, leads: readonly unknown[], asOf: string): number {
  const closures = compile(config);
  const jit = compile(config, { codegen: true });
  expect(jit.mode).toBe('jit');
  let staged = 0;
  for (const lead of leads) {
    const expected = `${closures.stage(lead, { asOf })} ${unitsSpent(closures)}`;
    expect(`${jit.stage(lead, { asOf })} ${unitsSpent(jit)}`).toBe(expected);
    // the statuses level, byte for byte, and the units it spent
    const statuses = `${JSON.stringify(closures.classify(lead, { asOf, detail: 'statuses' }))} ${unitsSpent(closures)}`;
    expect(`${JSON.stringify(jit.classify(lead, { asOf, detail: 'statuses' }))} ${unitsSpent(jit)}`).toBe(
      statuses,
    );
    // full results, byte for byte, and the units they spent
    const full = `${JSON.stringify(closures.classify(lead, { asOf }))} ${unitsSpent(closures)}`;
    expect(`${JSON.stringify(jit.classify(lead, { asOf }))} ${unitsSpent(jit)}`).toBe(full);
    if (!expected.startsWith('unqualified')) staged++;
  }
  return staged;
}

describe.runIf(present)('generated stage() on the real files', () => {
  it('X Education (raw rows, declared facts, placeholders): as the closures, lead by lead', () => {
    const rows = rowsOf('xeducation', 'Leads.csv');
    expect(compare(xEducation, rows, '2020-01-01')).toBeGreaterThan(1000);
  });

  it('Olist (mapped leads) under every preset: as the closures, lead by lead', () => {
    const leads = rowsOf('olist', 'olist_marketing_qualified_leads_dataset.csv').map(
      (row) => mapLead(row, olistLeadMap).lead,
    );
    for (const config of Object.values(presets)) compare(config, leads, '2018-06-01');
  });
});
