// Stage histories on Olist's real funnel (../shared/data/real): time from first contact to a won deal,
// replayed from the events, equals the time counted straight from the CSV. Skipped, and says so, without ../shared.
import { describe, expect, it } from 'vitest';
import { compile, stageHistory, summarizeHistories } from '../../src/index';
import { present, rowsOf, skipUnlessPresent } from './data';

skipUnlessPresent('stage histories on the real lead files');

describe.runIf(present)('Olist: first contact to customer, replayed', () => {
  it('times every lead to its won deal as the CSV does', () => {
    const leads = rowsOf('olist', 'olist_marketing_qualified_leads_dataset.csv');
    const wonAt = new Map(
      rowsOf('olist', 'olist_closed_deals_dataset.csv').map((deal) => [deal.mql_id, deal.won_date]),
    );
    const classifier = compile({
      version: 1,
      id: 'olist-life',
      criteria: {
        won: { when: { event: 'deal_won' } },
        contacted: { when: { event: 'first_contact', withinLast: { days: 30 } } },
      },
      stages: [
        { id: 'customer', when: { criterion: 'won' } },
        { id: 'SAL', when: { criterion: 'contacted' } },
        { id: 'nurture' },
      ],
    });
    const histories = leads.map((row) => {
      const won = wonAt.get(row.mql_id as string);
      const events = [{ type: 'first_contact', at: row.first_contact_date }];
      if (won !== undefined) events.push({ type: 'deal_won', at: won });
      return stageHistory({ id: row.mql_id, createdAt: row.first_contact_date, events }, classifier, {
        asOf: '2019-01-01',
      });
    });
    const summary = summarizeHistories(histories);
    const days = [...wonAt.entries()]
      .flatMap(([id, won]) => {
        const lead = leads.find((row) => row.mql_id === id);
        if (lead === undefined) return [];
        const elapsed =
          Date.parse(`${won?.replace(' ', 'T')}Z`) - Date.parse(lead.first_contact_date as string);
        // a few deals are dated before their first contact: the history starts at first contact, a customer already
        return [Math.max(0, elapsed) / 86_400_000];
      })
      .sort((a, b) => a - b);
    const customer = summary.timeTo.customer;
    expect(customer?.count).toBe(days.length);
    expect(customer?.count).toBe(842);
    expect(customer?.min).toBe(Math.round(days[0]! * 86_400_000));
    expect(customer?.max).toBe(Math.round(days.at(-1)! * 86_400_000));
    const median = (days[420]! + days[421]!) / 2;
    expect(Math.abs((customer?.median as number) / 86_400_000 - median)).toBeLessThan(1e-6);
    expect(summary.stages.customer?.current).toBe(842);
    expect(summary.leads).toBe(8000);
  });
});
