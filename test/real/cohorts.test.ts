// Cohorts on the real Maven CRM pipeline (../shared/data/real/maven/sales_pipeline.csv): the breakdown
// by month of the engage date gives, per month, the opportunities, outcomes and wins counted straight
// from the CSV, each month's calibration with its interval, and a warning on the months too small to
// judge. A clone without ../shared skips this file, and says so.
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/batch/proportions';
import { classifyMany, type FieldMap, mapLead, readOutcome, summarize } from '../../src/index';
import { present, rowsOf, skipUnlessPresent } from './data';

skipUnlessPresent('cohorts on the real Maven pipeline');

/** Maven's opportunities: engage_date is when the deal entered "Engaging"; deal_stage is the outcome, kept apart. */
const mavenMap: FieldMap = {
  version: 1,
  id: 'maven-pipeline',
  fields: [
    { from: 'opportunity_id', to: 'id' },
    { from: 'account', to: 'company.name' },
    { from: 'product', to: 'custom.product' },
    { from: 'sales_agent', to: 'custom.owner' },
    { from: 'engage_date', to: 'createdAt', type: 'date' },
  ],
};
/** Products with a list price over 3,000 (products.csv). */
const BIG_TICKET = ['GTX Pro', 'GTX Plus Pro', 'GTK 500', 'MG Advanced'];
const config = {
  version: 1,
  id: 'maven-funnel',
  criteria: {
    account: { when: { fact: 'company.name', exists: true } },
    bigTicket: { when: { fact: 'custom.product', in: BIG_TICKET } },
  },
  stages: [
    { id: 'SQO', when: { all: [{ criterion: 'account' }, { criterion: 'bigTicket' }] } },
    { id: 'SAL', when: { criterion: 'account' } },
    { id: 'unqualified' },
  ],
};

describe.runIf(present)('Maven: cohorts by engage month match the CSV', () => {
  const rows = present ? rowsOf('maven', 'sales_pipeline.csv') : [];
  const leads = rows.map((row) => mapLead(row, mavenMap).lead);
  const results = classifyMany(leads, config, { asOf: '2018-01-01', detail: 'statuses' });
  const won = new Map(rows.map((row) => [row.opportunity_id as string, readOutcome(row.deal_stage)]));
  const outcome = (result: { leadId?: string }) => won.get(result.leadId as string);
  const summary = summarize(results, { outcome, by: 'createdAt:month', leads });
  const groups = summary.breakdown?.groups ?? [];

  /** Counts straight from the CSV, by the first 7 characters of engage_date. */
  const csv = new Map<string, { leads: number; won: number; lost: number; SQO: number; SAL: number }>();
  for (const row of rows) {
    const month = row.engage_date === '' ? '(none)' : (row.engage_date as string).slice(0, 7);
    const entry = csv.get(month) ?? { leads: 0, won: 0, lost: 0, SQO: 0, SAL: 0 };
    entry.leads++;
    if (row.deal_stage === 'Won') entry.won++;
    if (row.deal_stage === 'Lost') entry.lost++;
    if (row.account !== '') entry[BIG_TICKET.includes(row.product as string) ? 'SQO' : 'SAL']++;
    csv.set(month, entry);
  }

  it('one group per engage month, in time order, opportunities and outcomes as counted from the CSV', () => {
    expect(groups.map((group) => group.key)).toEqual([
      ...[...csv.keys()].filter((key) => key !== '(none)').sort(),
      '(none)',
    ]);
    expect(groups).toHaveLength(16);
    for (const { key, summary: group } of groups) {
      const counted = csv.get(key);
      expect(group.total, key).toBe(counted?.leads);
      expect(group.stages.SQO?.count, key).toBe(counted?.SQO);
      expect(group.stages.SAL?.count, key).toBe(counted?.SAL);
      expect(group.calibration?.leads, key).toBe((counted?.won ?? 0) + (counted?.lost ?? 0));
      expect(group.calibration?.converted, key).toBe(counted?.won);
      expect(group.calibration?.unmatched, key).toBe(
        (counted?.leads ?? 0) - (counted?.won ?? 0) - (counted?.lost ?? 0),
      );
    }
    // the months a reader would quote: March 2017, 440 won of 655 closed; the 500 prospects never engaged
    expect(groups.find((group) => group.key === '2017-03')?.summary.calibration).toMatchObject({
      leads: 655,
      converted: 440,
      rate: 0.6718,
      interval: wilsonInterval(440, 655),
    });
    expect(groups.at(-1)?.summary).toMatchObject({ total: 500, calibration: { leads: 0, unmatched: 500 } });
  });

  it('warns on the month too small to judge: October 2016, 7 won of 7', () => {
    const october = groups[0]?.summary.calibration;
    expect(october).toMatchObject({ leads: 7, converted: 7, rate: 1, interval: { low: 0.6457, high: 1 } });
    expect(october?.warnings[0]).toMatchObject({ code: 'small_sample', where: 'all', leads: 7 });
    expect(
      groups.filter((group) => group.summary.calibration?.warnings.some((w) => w.where === 'all')),
    ).toHaveLength(1);
  });
});
