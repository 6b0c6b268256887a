import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  classify,
  compile,
  LeadSchema,
  mapActivity,
  mapLead,
  maps,
  parseLead,
  presets,
  safeParseFieldMap,
} from '../../src/index';

const fixture = (name: string): Array<Record<string, string>> =>
  parse(readFileSync(join(import.meta.dirname, 'fixtures', name)), { columns: true, skip_empty_lines: true });
const asOf = '2026-06-30T12:00:00Z';

describe('the HubSpot map, on a contacts export written with HubSpot column labels and values', () => {
  const rows = fixture('hubspot-contacts.csv');
  const results = rows.map((row) => mapLead(row, maps.hubspot));

  it('turns every row into a canonical lead', () => {
    expect(rows).toHaveLength(30);
    for (const { lead } of results) expect(LeadSchema.safeParse(lead).success).toBe(true);
  });

  it('reads seniorities, buying roles (the strongest of several), employee ranges and lifecycle stages', () => {
    expect(results[0]?.lead).toMatchObject({
      id: '51000',
      createdAt: '2026-01-01T09:30:00.000Z',
      source: 'organic_search',
      contact: { seniority: 'c_level', email: 'ana0@acme0.io', country: 'Italy' },
      company: { employees: 1, isCustomer: false, name: 'Acme 0' },
      authority: { role: 'decision_maker' },
      crm: { lifecycleStage: 'subscriber', leadStatus: 'new' },
    });
    expect(results[5]?.lead).toMatchObject({
      contact: { seniority: 'manager' },
      company: { employees: 500, isCustomer: true, annualRevenue: 250000 },
      authority: { role: 'decision_maker' }, // DECISION_MAKER;CHAMPION
    });
    expect(results[6]?.lead.authority).toEqual({ role: 'champion' }); // CHAMPION;END_USER
    expect(results[6]?.lead.company).toMatchObject({ employees: 1000, annualRevenue: 1500000 }); // "1000+", "1,500,000"
    expect(results[8]?.lead.authority).toEqual({ role: 'influencer' }); // BLOCKER
    expect(results[9]?.lead.contact?.seniority).toBeUndefined(); // blank: absent
  });

  it('makes neutral form_submitted events of conversion dates', () => {
    expect(results[1]?.lead.events).toEqual([
      { type: 'form_submitted', at: '2026-06-02T10:01:00.000Z' },
      { type: 'form_submitted', at: '2026-06-02T10:01:00.000Z' },
    ]);
  });

  // issue 18 case 8: blank date columns in the map are a known empty history, not an unknown one
  it('gives a row whose date columns are present but blank an empty event list', () => {
    expect(results[0]?.lead.events).toEqual([]);
    expect(mapLead({ 'Record ID': '1' }, maps.hubspot).lead.events).toBeUndefined();
    const config = compile({
      version: 1,
      id: 'engaged',
      criteria: { engaged: { when: { event: 'form_submitted', count: { gte: 1 } } } },
      stages: [{ id: 'engaged', when: { criterion: 'engaged' } }, { id: 'cold' }],
    } as never);
    const result = config.classify(results[0]?.lead ?? {}, { asOf });
    expect(result.criteria.engaged?.status).toBe('unmet');
  });

  it('reports what it cannot read by source column, and leaves it out', () => {
    expect(results[4]?.issues.map((issue) => [issue.code, issue.path, issue.received])).toEqual([
      ['invalid_value', ['Number of Employees'], 'the string "a few"'],
    ]);
    expect(results[4]?.lead.company?.employees).toBeUndefined();
    expect(results[7]?.issues.map((issue) => issue.path)).toEqual([['Recent Conversion Date']]);
    expect(results.filter((result) => result.issues.length > 0)).toHaveLength(2);
  });

  it('reads internal property names as well as labels', () => {
    const lead = mapLead(
      { hs_object_id: '7', numemployees: '25-50', hs_seniority: 'vp', hs_buying_role: 'BUDGET_HOLDER' },
      maps.hubspot,
    ).lead;
    expect(lead).toEqual({
      id: '7',
      contact: { seniority: 'vp' },
      company: { employees: 25 },
      authority: { role: 'decision_maker' },
    });
  });

  // issue 18 case 9: a newsletter signup is no hand-raise; every SAL came from conversion dates alone
  it('classifies the mapped leads: a form conversion alone is no hand-raise', () => {
    const stages = results.map(({ lead }) => classify(lead, presets.saas, { asOf }).stage);
    expect(stages.filter((stage) => stage === 'SAL')).toEqual([]);
    // no preset reads form_submitted: a lead with one reads as a lead with no event at all
    for (const preset of Object.values(presets)) {
      const statuses = (events: unknown[]) => {
        const result = classify({ events }, preset, { asOf });
        return [result.stage, Object.values(result.criteria).map((criterion) => criterion.status)];
      };
      expect(statuses([{ type: 'form_submitted', at: '2026-06-20' }]), preset.id).toEqual(statuses([]));
    }
  });

  it('reads every lifecycle stage by its UI label as by its internal value', () => {
    const labels = {
      Subscriber: ['subscriber', false],
      Lead: ['lead', false],
      'Marketing Qualified Lead': ['marketingqualifiedlead', false],
      'Sales Qualified Lead': ['salesqualifiedlead', false],
      Opportunity: ['opportunity', false],
      Customer: ['customer', true],
      Evangelist: ['evangelist', true],
      Other: ['other', false],
    } as const;
    for (const [label, [value, isCustomer]] of Object.entries(labels)) {
      for (const written of [label, value]) {
        const { lead, issues } = mapLead({ 'Lifecycle Stage': written }, maps.hubspot);
        expect(issues, written).toEqual([]);
        expect(lead, written).toEqual({ company: { isCustomer }, crm: { lifecycleStage: value } });
      }
    }
  });
});

describe('the Salesforce map, on a lead report export', () => {
  const rows = fixture('salesforce-leads.csv');
  const results = rows.map((row) => parseLead(row, { map: maps.salesforce }));

  it('reads report labels, US dates, currency amounts and grouped numbers', () => {
    expect(results[0]?.lead).toMatchObject({
      id: '00Q5g00000ABC000',
      createdAt: '2026-01-01T00:00:00.000Z',
      source: 'web',
      contact: { title: 'CEO', country: 'USA' },
      company: { name: 'Globex 0', employees: 12, annualRevenue: 1000000, industry: 'technology' },
      crm: { rating: 'hot', leadStatus: 'open_not_contacted', converted: false },
    });
    expect(results[2]?.lead.company).toMatchObject({ employees: 1200 });
    expect(results[3]?.lead.company?.annualRevenue).toBe(5000000);
    expect(results[2]?.lead.crm).toMatchObject({ converted: true });
  });

  it('reports a date in another format with its column', () => {
    expect(results[5]?.issues.map((issue) => [issue.path, issue.received])).toEqual([
      [['Created Date'], 'the string "31/12/2026"'],
    ]);
    expect(results.filter((result) => result.issues.length > 0)).toHaveLength(1);
  });

  it('classifies the mapped leads: nothing but firmographics is unqualified', () => {
    for (const { lead } of results) expect(classify(lead, presets.saas, { asOf }).stage).toBe('unqualified');
  });
});

describe('field maps', () => {
  it('read ranges as their low end, high end or midpoint', () => {
    const map = (range: 'low' | 'high' | 'midpoint') => ({
      version: 1,
      id: `range-${range}`,
      fields: [{ from: 'Employees', to: 'company.employees', type: 'number', range }],
    });
    expect(mapLead({ Employees: '25-50' }, map('low')).lead).toEqual({ company: { employees: 25 } });
    expect(mapLead({ Employees: '25-50' }, map('high')).lead).toEqual({ company: { employees: 50 } });
    expect(mapLead({ Employees: '25 – 50' }, map('midpoint')).lead).toEqual({ company: { employees: 37.5 } });
    expect(mapLead({ Employees: '1000+' }, map('high')).lead).toEqual({ company: { employees: 1000 } });
    expect(mapLead({ Employees: '50-25' }, map('low')).issues).toHaveLength(1);
  });

  it('leave placeholders out as missing, globally and per field', () => {
    const map = {
      version: 1,
      id: 'placeholders',
      read: { missing: ['Select'] },
      fields: [
        { from: 'Role', to: 'authority.role', type: 'enum', values: ['decision_maker', 'user'] },
        { from: 'Revenue', to: 'company.annualRevenue', type: 'number', missing: ['0.0'] },
      ],
    };
    expect(mapLead({ Role: 'Select', Revenue: '0.0' }, map)).toEqual({ lead: {}, issues: [] });
    // a field's own placeholders add to the map's: "Select" is missing for Revenue too
    expect(mapLead({ Revenue: 'Select' }, map)).toEqual({ lead: {}, issues: [] });
    expect(mapLead({ Role: 'User', Revenue: '10.5' }, map).lead).toEqual({
      authority: { role: 'user' },
      company: { annualRevenue: 10.5 },
    });
  });

  it('keep unmapped columns under custom when asked, never through the prototype', () => {
    const map = { version: 1, id: 'keep', keep: 'custom', fields: [{ from: 'Email', to: 'contact.email' }] };
    const row = JSON.parse('{"Email":"a@b.io","Tags":"Ringing","__proto__":{"x":1},"Empty":""}');
    expect(mapLead(row, map).lead).toEqual({ contact: { email: 'a@b.io' }, custom: { Tags: 'Ringing' } });
  });

  it('are checked: every issue, with its path', () => {
    const result = safeParseFieldMap({
      version: 1,
      id: 'bad',
      fields: [
        { from: 'A', to: 'company.__proto__.x' },
        { from: 'B', to: 'createdAt', type: 'date', dateFormat: 'DD/MM/YYYY' },
        { from: 'C', to: 'x', range: 'low' },
      ],
    });
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['forbidden_path', ['fields', 0, 'to']],
      ['invalid_date_format', ['fields', 1, 'dateFormat']],
      ['invalid_value', ['fields', 2, 'range']],
    ]);
    expect(() => mapLead({}, { version: 1, id: 'x', fields: [{ to: 'a' }] })).toThrow(ConfigError);
  });

  it('never throw on row data', () => {
    for (const row of [null, 5, 'row', [], { Employees: { nested: true } }, { Employees: Number.NaN }]) {
      expect(() => mapLead(row, maps.hubspot)).not.toThrow();
    }
  });
});

describe('parseLead on raw rows', () => {
  it('says when a row has no canonical field, and points at maps', () => {
    const { issues } = parseLead({ numberofemployees: '50', budget_amount__c: '25000' });
    expect(issues.map((issue) => [issue.code, issue.fix])).toEqual([
      ['unmapped_row', 'map it: parseLead(row, { map: maps.hubspot }) or mapLead(row, yourMap)'],
    ]);
    expect(parseLead({ company: { employees: 5 }, custom: {} }).issues).toEqual([]);
  });

  it('takes placeholders and a decimal separator', () => {
    expect(
      parseLead({ budget: { status: 'Select', amount: '1.250,50' } }, { missing: ['Select'], decimal: ',' }),
    ).toEqual({
      lead: { budget: { amount: 1250.5 } },
      issues: [],
    });
  });
});

describe('activity maps: the second table of a CRM export', () => {
  it('turns HubSpot engagements into events of the contacts they belong to', () => {
    const rows = fixture('hubspot-activities.csv');
    const results = rows.map((row) => mapActivity(row, maps.hubspotActivities));
    expect(results[0]).toEqual({
      leadId: '51000',
      event: { type: 'meeting_held', at: '2026-06-01T10:00:00.000Z', props: { subject: 'Touch 0' } },
      issues: [],
    });
    expect(results.slice(0, 6).map((result) => result.event?.type)).toEqual([
      'meeting_held',
      'call_connected',
      'sales_email_sent',
      'note_added',
      'contact_form_submitted',
      'email_replied',
    ]);
    const undated = results[results.length - 1];
    expect(undated?.event).toBeUndefined();
    expect(undated?.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_value', ['Activity Date']],
    ]);
  });

  it('joins Salesforce tasks to their leads by id, and the leads classify on them', () => {
    const leads = new Map(
      fixture('salesforce-leads.csv').map((row) => {
        const { lead } = mapLead(row, maps.salesforce);
        return [lead.id as string, { ...lead, events: [...(lead.events ?? [])] }];
      }),
    );
    for (const row of fixture('salesforce-tasks.csv')) {
      const { leadId, event, issues } = mapActivity(row, maps.salesforceTasks);
      expect(issues).toEqual([]);
      if (event !== undefined && leadId !== undefined) leads.get(leadId)?.events.push(event);
    }
    const first = leads.get('00Q5g00000ABC000');
    expect(first?.events.map((event) => [event.type, event.at])).toEqual([
      ['call_connected', '2026-06-01T00:00:00.000Z'],
      ['call_connected', '2026-06-05T00:00:00.000Z'],
      ['call_connected', '2026-06-09T00:00:00.000Z'],
    ]);
    expect(leads.get('00Q5g00000ABC003')?.events.map((event) => event.type)).toEqual([
      'sales_email_sent',
      'sales_email_sent',
      'sales_email_sent',
    ]);
    // a config that scores sales calls sees them
    const config = {
      version: 1,
      id: 'calls',
      criteria: {
        called: { when: { event: 'call_connected', withinLast: { days: 30 }, count: { gte: 2 } } },
      },
      stages: [{ id: 'worked', when: { criterion: 'called' } }, { id: 'new' }],
    };
    expect(classify(first, config, { asOf }).stage).toBe('worked');
    expect(classify(leads.get('00Q5g00000ABC003'), config, { asOf }).stage).toBe('new');
  });

  it('refuses a map without an activity section', () => {
    expect(() => mapActivity({}, maps.hubspot)).toThrow(/activity: missing/);
  });
});
