import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/index';
import { AS_OF, statusOf } from '../helpers';

const at = (iso: string) => iso;
const lead = (...events: unknown[]) => ({ events });

describe('event conditions', () => {
  it('is met when the lead did it, unmet when it did not', () => {
    expect(statusOf({ event: 'demo_completed' }, lead({ type: 'demo_completed', at: '2026-06-01' }))).toBe(
      'met',
    );
    expect(statusOf({ event: 'demo_completed' }, lead({ type: 'webinar_attended', at: '2026-06-01' }))).toBe(
      'unmet',
    );
    expect(statusOf({ event: 'demo_completed' }, lead())).toBe('unmet');
  });

  it('is unknown only when the lead has no events array', () => {
    expect(statusOf({ event: 'demo_completed' }, {})).toBe('unknown');
    expect(statusOf({ event: 'demo_completed' }, { events: 'none' })).toBe('unknown');
    expect(statusOf({ event: 'demo_completed' }, { events: null })).toBe('unknown');
  });

  it('matches any of several types', () => {
    const condition = { event: ['newsletter_signup', 'ebook_download'] };
    expect(statusOf(condition, lead({ type: 'ebook_download', at: '2026-01-01' }))).toBe('met');
  });

  describe('withinLast boundaries', () => {
    const condition = { event: 'demo_completed', withinLast: { days: 60 } };
    it('counts an event exactly 60 days old', () => {
      expect(statusOf(condition, lead({ type: 'demo_completed', at: at('2026-05-01T12:00:00Z') }))).toBe(
        'met',
      );
    });
    it('does not count one a millisecond older', () => {
      expect(statusOf(condition, lead({ type: 'demo_completed', at: at('2026-05-01T11:59:59.999Z') }))).toBe(
        'unmet',
      );
    });
    it('counts one at asOf itself', () => {
      expect(statusOf(condition, lead({ type: 'demo_completed', at: AS_OF }))).toBe('met');
    });
    it('accepts ISO 8601 durations', () => {
      expect(
        statusOf(
          { ...condition, withinLast: 'P60D' },
          lead({ type: 'demo_completed', at: '2026-05-01T12:00:00Z' }),
        ),
      ).toBe('met');
      expect(
        statusOf(
          { ...condition, withinLast: 'PT1H' },
          lead({ type: 'demo_completed', at: '2026-06-30T10:59:59Z' }),
        ),
      ).toBe('unmet');
    });
    it('compares offsets as instants', () => {
      // 2026-05-02T02:00+14:00 = 2026-05-01T12:00Z: exactly on the boundary
      expect(statusOf(condition, lead({ type: 'demo_completed', at: '2026-05-02T02:00:00+14:00' }))).toBe(
        'met',
      );
      expect(statusOf(condition, lead({ type: 'demo_completed', at: '2026-05-02T01:59:59+14:00' }))).toBe(
        'unmet',
      );
    });
  });

  it('ignores events after asOf and flags them', () => {
    const result = compileCondition({ event: 'demo_completed' }).evaluate(
      lead({ type: 'demo_completed', at: '2026-07-01' }),
      { asOf: AS_OF },
    );
    expect(result).toEqual({ status: 'unmet', flags: ['future_events_ignored'] });
  });

  it('ignores events with invalid dates and flags each by index', () => {
    const result = compileCondition({ event: 'demo_completed' }).evaluate(
      lead({ type: 'demo_completed', at: 'yesterday' }, { type: 'demo_completed' }, 'junk', {
        at: '2026-01-01',
      }),
      { asOf: AS_OF },
    );
    expect(result.status).toBe('unmet');
    expect(result.flags).toEqual([
      'invalid_date:events[0].at',
      'invalid_date:events[1].at',
      'invalid_event:events[2]',
      'invalid_event:events[3]',
    ]);
  });

  it('skips events of types it never reads without parsing their dates', () => {
    const result = compileCondition({ event: ['demo_completed', 'demo_completed'] }).evaluate(
      lead({ type: 'newsletter_signup', at: 'yesterday' }, { type: 'demo_completed', at: '2026-06-01' }),
      { asOf: AS_OF },
    );
    expect(result).toEqual({ status: 'met', flags: [] });
    // a type listed twice still counts each event once
    expect(
      statusOf(
        { event: ['demo_completed', 'demo_completed'], count: { eq: 1 } },
        lead({ type: 'demo_completed', at: '2026-06-01' }),
      ),
    ).toBe('met');
  });

  it('counts', () => {
    const three = lead(
      { type: 'webinar_attended', at: '2026-06-01' },
      { type: 'webinar_attended', at: '2026-05-01' },
      { type: 'webinar_attended', at: '2025-01-01' },
    );
    expect(statusOf({ event: 'webinar_attended', count: { gte: 3 } }, three)).toBe('met');
    expect(statusOf({ event: 'webinar_attended', count: { gte: 3 }, withinLast: { days: 90 } }, three)).toBe(
      'unmet',
    );
    expect(statusOf({ event: 'webinar_attended', count: { eq: 2 }, withinLast: { days: 90 } }, three)).toBe(
      'met',
    );
    expect(statusOf({ event: 'webinar_attended', count: { lt: 1 } }, lead())).toBe('met');
    expect(statusOf({ event: 'webinar_attended', count: { gt: 1, lte: 2 } }, three)).toBe('unmet');
  });

  it('filters on event props with where', () => {
    const events = lead(
      { type: 'pricing_page_viewed', at: '2026-06-01', props: { plan: 'enterprise', seconds: 95 } },
      { type: 'pricing_page_viewed', at: '2026-06-02', props: { plan: 'starter' } },
      { type: 'pricing_page_viewed', at: '2026-06-03' },
    );
    expect(statusOf({ event: 'pricing_page_viewed', where: { plan: { eq: 'enterprise' } } }, events)).toBe(
      'met',
    );
    expect(
      statusOf(
        { event: 'pricing_page_viewed', where: { plan: { eq: 'enterprise' }, seconds: { gte: 120 } } },
        events,
      ),
    ).toBe('unmet');
    expect(
      statusOf(
        { event: 'pricing_page_viewed', count: { gte: 2 }, where: { plan: { exists: true } } },
        events,
      ),
    ).toBe('met');
  });

  it('gives the same result for the same inputs every time', () => {
    const condition = compileCondition({ event: 'demo_completed', withinLast: { days: 30 } });
    const input = lead({ type: 'demo_completed', at: '2026-06-10' });
    const first = condition.evaluate(input, { asOf: AS_OF });
    expect(condition.evaluate(input, { asOf: '2026-08-30' }).status).toBe('unmet');
    expect(condition.evaluate(input, { asOf: AS_OF })).toEqual(first);
  });
});

describe('asOf', () => {
  it('is required', () => {
    const condition = compileCondition({ fact: 'a', exists: true });
    // @ts-expect-error asOf is required
    expect(() => condition.evaluate({}, {})).toThrow(/options\.asOf: missing; expected a Date/);
    expect(() => condition.evaluate({}, { asOf: 'tomorrow' })).toThrow(/not a valid instant/);
  });

  it('takes a Date, an ISO string or epoch ms alike', () => {
    const condition = compileCondition({ fact: 'at', withinLast: { days: 1 } });
    const input = { at: '2026-06-30T00:00:00Z' };
    for (const asOf of [new Date(AS_OF), AS_OF, Date.parse(AS_OF)]) {
      expect(condition.evaluate(input, { asOf }).status).toBe('met');
    }
  });
});
