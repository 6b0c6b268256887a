// The real public lead files in ../shared/data/real (never copied into the project): each maps row by
// row into leads, placeholders turn into `unknown` rather than `unmet`, and CRM text reads through
// conditions by the same rule as parseLead. A clone without ../shared skips this file, and says so.
import { describe, expect, it } from 'vitest';
import { compile, compileCondition, type FieldMap, LeadSchema, mapLead } from '../../src/index';
import { olistLeadMap, present, rowsOf, skipUnlessPresent } from './data';

const tally = (values: readonly string[]) => {
  const counts: Record<string, number> = { met: 0, unmet: 0, unknown: 0 };
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};
const asOf = '2018-06-01';

skipUnlessPresent('real lead files');

/** X Education's Leads.csv: "Select" is the form's unanswered placeholder. */
const xEducationMap: FieldMap = {
  version: 1,
  id: 'xeducation',
  read: { missing: ['Select'] },
  fields: [
    { from: 'Prospect ID', to: 'id' },
    { from: 'Lead Source', to: 'source', type: 'enum' },
    { from: 'Country', to: 'contact.country' },
    { from: 'City', to: 'contact.city' },
    { from: 'What is your current occupation', to: 'custom.occupation', type: 'enum' },
    { from: 'Lead Profile', to: 'custom.leadProfile', type: 'enum' },
    { from: 'Specialization', to: 'custom.specialization', type: 'enum' },
    { from: 'Do Not Email', to: 'custom.doNotEmail', type: 'boolean' },
    { from: 'Do Not Call', to: 'custom.doNotCall', type: 'boolean' },
    { from: 'Last Activity', to: 'custom.lastActivity', type: 'enum' },
    { from: 'TotalVisits', to: 'custom.totalVisits', type: 'number' },
    { from: 'Total Time Spent on Website', to: 'custom.secondsOnSite', type: 'number' },
    { from: 'Asymmetrique Activity Score', to: 'custom.activityScore', type: 'number' },
    // the outcome: kept apart from anything a criterion reads
    { from: 'Converted', to: 'crm.converted', type: 'boolean' },
  ],
};

describe.runIf(present)('X Education (Leads.csv, 9,240 leads)', () => {
  const rows = present ? rowsOf('xeducation', 'Leads.csv') : [];

  it('maps every row into a canonical lead, with nothing unreadable', () => {
    expect(rows).toHaveLength(9240);
    const results = rows.map((row) => mapLead(row, xEducationMap));
    expect(results.flatMap((result) => result.issues)).toEqual([]);
    for (const { lead } of results) expect(LeadSchema.safeParse(lead).success).toBe(true);
    expect(
      results.filter(
        ({ lead }) => (lead as { custom?: { doNotEmail?: boolean } }).custom?.doNotEmail === true,
      ),
    ).toHaveLength(rows.filter((row) => row['Do Not Email'] === 'Yes').length);
  });

  it('reads the Yes/No columns as booleans through a condition, without parseLead', () => {
    // a knock-out: unsubscribed from email, or the last activity says the contact is gone
    const knockOut = compileCondition({
      any: [
        { fact: 'Do Not Email', eq: true },
        { fact: 'Last Activity', in: ['unsubscribed', 'email_bounced'] },
      ],
    });
    const statuses = tally(rows.map((row) => knockOut.evaluate(row, { asOf }).status));
    const blankActivity = rows.filter(
      (row) => row['Do Not Email'] === 'No' && row['Last Activity'] === '',
    ).length;
    const out = rows.filter(
      (row) =>
        row['Do Not Email'] === 'Yes' ||
        ['Unsubscribed', 'Email Bounced'].includes(row['Last Activity'] as string),
    ).length;
    // unknown only where the data is missing: 103 leads, not 8,853 as when "Yes" could not be read
    expect(statuses).toEqual({ met: out, unmet: rows.length - out - blankActivity, unknown: blankActivity });
    expect(blankActivity).toBe(103);
  });

  it('asks where the form said "Select": unknown, not unmet', () => {
    const config = {
      version: 1,
      id: 'xeducation-authority',
      read: { missing: ['Select'] },
      criteria: {
        authority: {
          when: {
            fact: 'Lead Profile',
            in: ['Potential Lead', 'Lateral Student', 'Dual Specialization Student'],
          },
        },
      },
      stages: [{ id: 'SQO', when: { criterion: 'authority' } }, { id: 'SAL' }],
    };
    const classifier = compile(config);
    const statuses = tally(
      rows.map((row) => classifier.classify(row, { asOf }).criteria.authority?.status as string),
    );
    const profile = (value: string) => rows.filter((row) => row['Lead Profile'] === value).length;
    expect(statuses.unmet).toBe(profile('Other Leads') + profile('Student of SomeSchool'));
    expect(statuses.unmet).toBe(728);
    expect(statuses.unknown).toBe(profile('Select') + profile(''));
    // without the placeholder, "Select" is a value that is not in the list: 4,874 "change this" instead of "ask this"
    const naive = compile({ ...config, id: 'naive', read: undefined });
    expect(
      rows.filter((row) => naive.classify(row, { asOf }).criteria.authority?.status === 'unmet'),
    ).toHaveLength(4874);
  });
});

/** Olist's closed deals: a declared monthly revenue of 0.0 means it was never asked. */
const olistDealMap: FieldMap = {
  version: 1,
  id: 'olist-deal',
  fields: [
    { from: 'mql_id', to: 'id' },
    { from: 'declared_monthly_revenue', to: 'custom.monthlyRevenue', type: 'number', missing: ['0.0'] },
    { from: 'average_stock', to: 'custom.averageStock', type: 'number', range: 'low', missing: ['unknown'] },
    { from: 'business_type', to: 'company.industry', type: 'enum' },
    { from: 'has_company', to: 'custom.hasCompany', type: 'boolean' },
  ],
};

describe.runIf(present)('Olist (8,000 marketing-qualified leads, 842 closed deals)', () => {
  const leads = present ? rowsOf('olist', 'olist_marketing_qualified_leads_dataset.csv') : [];
  const deals = present ? rowsOf('olist', 'olist_closed_deals_dataset.csv') : [];

  it('maps every lead and every deal, each first contact an event', () => {
    expect(leads).toHaveLength(8000);
    const mapped = leads.map((row) => mapLead(row, olistLeadMap));
    expect(mapped.flatMap((result) => result.issues)).toEqual([]);
    for (const { lead } of mapped) {
      expect(LeadSchema.safeParse(lead).success).toBe(true);
      expect(lead.events).toEqual([{ type: 'first_contact', at: lead.createdAt }]);
    }
    const mappedDeals = deals.map((row) => mapLead(row, olistDealMap));
    expect(mappedDeals.flatMap((result) => result.issues)).toEqual([]);
    expect(
      mappedDeals.filter(
        ({ lead }) => lead.custom === undefined || !('monthlyRevenue' in (lead.custom as object)),
      ),
    ).toHaveLength(
      deals.filter((row) => row.declared_monthly_revenue === '0.0' || row.declared_monthly_revenue === '')
        .length,
    );
  });

  it('reads an unknown origin as unknown, and a recorded one outside the list as unmet', () => {
    const classifier = compile({
      version: 1,
      id: 'olist-paid',
      criteria: { paid: { when: { fact: 'source', in: ['paid_search', 'display', 'social'] } } },
      stages: [{ id: 'paid', when: { criterion: 'paid' } }, { id: 'rest' }],
    });
    const statuses = tally(
      leads.map(
        (row) =>
          classifier.classify(mapLead(row, olistLeadMap).lead, { asOf }).criteria.paid?.status as string,
      ),
    );
    const origin = (...values: string[]) =>
      leads.filter((row) => values.includes(row.origin as string)).length;
    expect(statuses).toEqual({
      met: origin('paid_search', 'display', 'social'),
      unknown: origin('unknown', ''),
      unmet: leads.length - origin('paid_search', 'display', 'social', 'unknown', ''),
    });
    expect(statuses.unknown).toBe(1159);
  });
});
