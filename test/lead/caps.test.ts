import { describe, expect, it } from 'vitest';
import { mapLead, parseLead } from '../../src';

const map = {
  version: 1,
  id: 'rows',
  fields: [{ from: 'Employees', to: 'company.employees', type: 'number' }],
};

// issue 19 item 5: parseLead and mapLead work and report in bounded amounts
describe('caps on one lead', () => {
  it('parseLead reads at most 10,000 events and says so', () => {
    const events = Array.from({ length: 10_050 }, (_, index) => ({
      type: 'page_viewed',
      at: 1_780_000_000_000 + index,
    }));
    const { lead, issues } = parseLead({ events });
    expect(lead.events).toHaveLength(10_000);
    expect(issues.map((issue) => issue.code)).toEqual(['events_truncated']);
  });

  it('a sparse array of length 2³²−1 is read in bounded time and memory', () => {
    const events: unknown[] = [];
    events.length = 2 ** 32 - 1;
    events[3] = { type: 'demo_requested', at: '2026-06-01' };
    const parsed = parseLead({ events });
    expect(parsed.lead.events).toHaveLength(1);
    expect(parsed.issues.map((issue) => issue.code)).toEqual(['events_truncated']);
    const mapped = mapLead({ Employees: '5', events }, map);
    expect(mapped.lead.events).toHaveLength(10_000);
    expect(mapped.issues.map((issue) => issue.code)).toEqual(['events_truncated']);
  });

  it('at most 1,000 issues per call, then one issues_truncated', () => {
    const events = Array.from({ length: 5000 }, () => null);
    const { issues } = parseLead({ events });
    expect(issues).toHaveLength(1001);
    expect(issues[1000]?.code).toBe('issues_truncated');
    expect(issues[1000]?.message).toMatch(/4000 more/);
  });
});

// issue 18 case 13: placeholders are left out of anything, undeclared custom facts too
describe('placeholders in custom facts', () => {
  it('are left out', () => {
    const { lead, issues } = parseLead(
      { company: { employees: '12' }, custom: { plan: 'Select', region: 'EMEA', note: '  ' } },
      { missing: ['Select'] },
    );
    expect(lead.custom).toEqual({ region: 'EMEA' });
    expect(issues).toEqual([]);
  });
});
