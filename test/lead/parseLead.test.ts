import { describe, expect, it } from 'vitest';
import { LeadError, LeadSchema, parseLead, parseLeadOrThrow } from '../../src/index';

describe('parseLead', () => {
  it('coerces CRM-style strings', () => {
    const { lead, issues } = parseLead({
      id: 123,
      createdAt: '2026-03-01',
      contact: { seniority: 'C-Level', email: ' ana@acme.com ' },
      company: { employees: '250', annualRevenue: '1,250,000.50', isCustomer: 'No', isCompetitor: 'false' },
      budget: { status: 'Allocated', amount: '12000', currency: 'EUR' },
      authority: { role: 'Decision Maker' },
      need: { painPoints: 'churn;manual reporting; ', severity: 'HIGH' },
      timeline: { purchaseBy: '2026-08-15' },
      events: [{ type: 'demo_completed', at: '1718000000000' }],
    });
    expect(issues).toEqual([]);
    expect(lead).toEqual({
      id: '123',
      createdAt: '2026-03-01T00:00:00.000Z',
      contact: { seniority: 'c_level', email: 'ana@acme.com' },
      company: { employees: 250, annualRevenue: 1250000.5, isCustomer: false, isCompetitor: false },
      budget: { status: 'allocated', amount: 12000, currency: 'EUR' },
      authority: { role: 'decision_maker' },
      need: { painPoints: ['churn', 'manual reporting'], severity: 'high' },
      timeline: { purchaseBy: '2026-08-15T00:00:00.000Z' },
      events: [{ type: 'demo_completed', at: '2024-06-10T06:13:20.000Z' }],
    });
    expect(LeadSchema.safeParse(lead).success).toBe(true);
  });

  it('treats empty strings and null as absent', () => {
    const { lead, issues } = parseLead({ budget: { amount: '', status: null }, timeline: '', source: '  ' });
    expect(issues).toEqual([]);
    expect(lead).toEqual({ budget: {} });
  });

  it('reads dates with offsets as the same instant in UTC', () => {
    const { lead } = parseLead({ timeline: { purchaseBy: '2026-08-15T01:00:00+14:00' } });
    expect(lead.timeline?.purchaseBy).toBe('2026-08-14T11:00:00.000Z');
  });

  it('keeps unknown keys untouched', () => {
    const custom = { hs_budget: '5k', nested: { deep: [1, 2] } };
    const { lead } = parseLead({ custom, company: { name: 'Acme', tier: 'gold' } });
    expect(lead.custom).toBe(custom);
    expect(lead.company).toEqual({ name: 'Acme', tier: 'gold' });
  });

  it('reports what it could not read, with paths, and leaves it out', () => {
    const { lead, issues } = parseLead({
      company: { employees: 'many', isCompetitor: 'perhaps' },
      contact: { seniority: 'wizard' },
      timeline: { purchaseBy: 'Q3' },
      need: 'lots',
      events: [
        { type: 'demo_completed', at: 'last week' },
        { at: '2026-01-01' },
        7,
        { type: 'x', at: '2026-01-01', props: 'p' },
      ],
    });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_value', ['contact', 'seniority']],
      ['invalid_value', ['company', 'employees']],
      ['invalid_value', ['company', 'isCompetitor']],
      ['invalid_type', ['need']],
      ['invalid_value', ['timeline', 'purchaseBy']],
      ['invalid_value', ['events', 0, 'at']],
      ['invalid_value', ['events', 1, 'type']],
      ['invalid_type', ['events', 2]],
      ['invalid_type', ['events', 3, 'props']],
    ]);
    expect(issues[1]?.message).toBe(
      'company.employees: unreadable value; expected a non-negative number such as "12000" or "12,000", received the string "many"',
    );
    expect(lead).toEqual({
      company: {},
      contact: {},
      timeline: {},
      events: [{ type: 'x', at: '2026-01-01T00:00:00.000Z' }],
    });
  });

  it('reports epoch values outside the representable range instead of throwing', () => {
    const { lead, issues } = parseLead({ createdAt: 1e20, timeline: { purchaseBy: '99999999999999999' } });
    expect(issues.map((issue) => issue.path)).toEqual([['createdAt'], ['timeline', 'purchaseBy']]);
    expect(lead).toEqual({ timeline: {} });
  });

  it('never modifies its input', () => {
    const input = { budget: { amount: '5' }, events: [{ type: 'a', at: '2026-01-01' }] };
    const copy = structuredClone(input);
    parseLead(input);
    expect(input).toEqual(copy);
  });

  it('does not throw on odd input', () => {
    for (const input of [null, undefined, 42, 'lead', [], new Date(0)]) {
      const result = parseLead(input);
      expect(result.issues.length).toBeGreaterThan(0);
      expect(result.lead).toEqual({});
    }
  });

  it('never throws, even on data it cannot read; parseLeadOrThrow is the twin that throws', () => {
    expect(parseLead({ budget: { amount: 'lots' } }).issues.map((issue) => issue.path)).toEqual([
      ['budget', 'amount'],
    ]);
    expect(() => parseLeadOrThrow({ budget: { amount: 'lots' } })).toThrow(LeadError);
    expect(parseLeadOrThrow({ budget: { amount: '10' } })).toEqual({ budget: { amount: 10 } });
  });

  it('coerces exactly the fields LeadSchema describes, from the one field table', () => {
    // every canonical field, given as CRM text: what parseLead reads must satisfy LeadSchema
    const row = {
      id: 42,
      createdAt: '2026-06-01',
      source: ' webinar ',
      contact: {
        name: 'Ana',
        email: 'a@x.io',
        title: 'VP',
        seniority: 'Vice President',
        department: 'IT',
        country: 'IT',
      },
      company: {
        name: 'Acme',
        domain: 'acme.io',
        employees: '1,200',
        annualRevenue: '5000000',
        industry: 'saas',
        country: 'IT',
        isCustomer: 'no',
        isCompetitor: 'FALSE',
      },
      budget: { status: 'Approved Budget', amount: '25,000', currency: 'EUR' },
      authority: { role: 'DM' },
      need: { painPoints: 'churn; reporting', statement: 'slow', severity: 'High' },
      timeline: { purchaseBy: '2026-09-01' },
    };
    const { lead, issues } = parseLead(row);
    expect(issues).toEqual([]);
    expect(LeadSchema.safeParse(lead).success).toBe(true);
    expect(lead).toMatchObject({
      id: '42',
      contact: { seniority: 'vp' },
      company: { employees: 1200, isCustomer: false, isCompetitor: false },
      budget: { status: 'approved', amount: 25000 },
      authority: { role: 'decision_maker' },
      need: { painPoints: ['churn', 'reporting'], severity: 'high' },
    });
  });
});
