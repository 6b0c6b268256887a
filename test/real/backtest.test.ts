// A back-test at each lead's own moment, on the real Maven CRM pipeline: every opportunity classified on
// the day it was engaged (`asOf` a function of the lead), against one `asOf` for all. Counted straight from
// the CSV: at its own engage date every engaged opportunity is "engaged within 30 days", so the stages
// follow the account and the product alone; at one date at the end of the data only the last month's are.
// A clone without ../shared skips this file, and says so.
import { describe, expect, it } from 'vitest';
import { classifyMany, mapLead, readOutcome, summarize } from '../../src/index';
import {
  BIG_TICKET,
  mavenBacktestConfig as config,
  mavenBacktestMap as map,
  present,
  rowsOf,
  skipUnlessPresent,
} from './data';

skipUnlessPresent('the per-lead asOf back-test on the real Maven pipeline');

const END = '2017-12-31T00:00:00Z';

describe.runIf(present)('Maven: each opportunity classified on the day it was engaged', () => {
  const rows = present ? rowsOf('maven', 'sales_pipeline.csv') : [];
  const leads = rows.map((row) => mapLead(row, map).lead);
  const engagedAt = new Map(rows.map((row) => [row.opportunity_id, row.engage_date]));
  // the day it was engaged; opportunities never engaged (still prospecting) at the end of the data
  const ownMoment = (lead: unknown) => {
    const day = engagedAt.get((lead as { id: string }).id);
    return day === undefined || day === '' ? END : `${day}T12:00:00Z`;
  };
  const outcome = (result: { leadId?: string }) =>
    readOutcome(rows.find((row) => row.opportunity_id === result.leadId)?.deal_stage);

  it('gives the stages counted from the CSV, and each result says its own asOf', () => {
    const results = classifyMany(leads, config, { asOf: ownMoment, detail: 'statuses' });
    const engaged = rows.filter((row) => row.engage_date !== '' && row.account !== '');
    const expected = {
      SQO: engaged.filter((row) => BIG_TICKET.includes(row.product ?? '')).length,
      SAL: engaged.filter((row) => !BIG_TICKET.includes(row.product ?? '')).length,
    };
    const counts = { SQO: 0, SAL: 0, unqualified: 0 };
    for (const result of results) counts[result.stage as keyof typeof counts]++;
    expect(counts).toEqual({ ...expected, unqualified: rows.length - expected.SQO - expected.SAL });
    const first = rows.findIndex((row) => row.engage_date !== '');
    expect(results[first]?.asOf).toBe(`${rows[first]?.engage_date}T12:00:00.000Z`);
  });

  it('differs from one asOf for all, which sees only the last month engaged', () => {
    const pooled = classifyMany(leads, config, { asOf: END, detail: 'statuses' });
    const recent = rows.filter((row) => (row.engage_date ?? '') >= '2017-12-01' && row.account !== '').length;
    expect(pooled.filter((result) => result.stage !== 'unqualified')).toHaveLength(recent);
    const own = summarize(classifyMany(leads, config, { asOf: ownMoment, detail: 'statuses' }), { outcome });
    // at their own moment, SQOs (big tickets on a known account) and SALs are both thousands of deals,
    // each with an outcome from the CSV: the calibration compares them where the decision was made
    const won = (stage: string) =>
      rows.filter(
        (row) =>
          row.engage_date !== '' &&
          row.account !== '' &&
          BIG_TICKET.includes(row.product ?? '') === (stage === 'SQO') &&
          row.deal_stage === 'Won',
      ).length;
    expect(own.calibration?.stages.SQO?.converted).toBe(won('SQO'));
    expect(own.calibration?.stages.SAL?.converted).toBe(won('SAL'));
  });
});
