import { describe, expect, it } from 'vitest';
import { classify, explain } from '../../src/index';
import { explainConfig as config, explainLeads as leads } from './fixture';

const asOf = '2026-06-30T12:00:00Z';

describe.each(['en', 'it'])('explain in %s', (locale) => {
  it.each(Object.keys(leads))('a lead at stage %s', (stage) => {
    const result = classify(leads[stage], config, { asOf, locale });
    expect(result.stage).toBe(stage);
    expect(explain(result, { locale })).toMatchSnapshot();
  });
});

describe('explain', () => {
  it('defaults to English and falls back from unknown locales', () => {
    const result = classify(leads.SAL, config, { asOf });
    expect(explain(result)).toBe(explain(result, { locale: 'en' }));
    expect(explain(result, { locale: 'fr' })).toBe(explain(result, { locale: 'en' }));
    expect(explain(result, { locale: 'it-IT' })).toBe(explain(result, { locale: 'it' }));
  });

  it('names what to collect for the next stage, and what to check', () => {
    const text = explain(classify(leads.SAL, config, { asOf }));
    expect(text).toContain('To reach SQO (Qualified):');
    expect(text).toContain('  - Recent demo — not met. (check: demo_completed events)');
    // the stage is unmet whatever the budget turns out to be: asking it alone cannot reach SQO
    expect(text).toContain(
      'Unknown, and worth asking once those change:\n  - Budget. Ask for the budget range. (collect: budget status, budget amount)',
    );
    expect(text).toContain('Data quality:\n  - purchase date: a date that could not be read.');
  });

  it('shows caps in the score breakdown', () => {
    const lead = { budget: { status: 'approved' } };
    const text = explain(classify(lead, config, { asOf }));
    expect(text).toContain('  +25 Budget [fit]');
    expect(text).toContain('  -5 cap on fit [fit]');
  });

  it('shows the value an unreadable flag is about', () => {
    const result = classify({ budget: { amount: 'a lot' } }, config, { asOf });
    expect(result.flags).toEqual(['unreadable:budget.amount']);
    expect(explain(result)).toContain(
      'Data quality:\n  - budget amount: a value that could not be read ("a lot").',
    );
  });

  it('reads as a note: dates in words, no score without scoring, no id as "this lead"', () => {
    const plain = {
      version: 1,
      id: 'plain',
      criteria: { budget: { when: { fact: 'budget.amount', gte: 1000 } } },
      stages: [
        { id: 'SQO', when: { criterion: 'budget' }, followUp: { within: { days: 2 } } },
        { id: 'rest' },
      ],
    };
    const text = explain(classify({ budget: { amount: 5000 } }, plain, { asOf: '2026-06-30' }));
    expect(text.split('\n').slice(0, 2)).toEqual([
      'This lead: stage SQO.',
      'As of 30 June 2026, with config "plain".',
    ]);
    expect(text).toContain('Follow up by 2 July 2026 (in 2 days).');
    const it = explain(classify({ budget: { amount: 5000 } }, plain, { asOf: '2026-06-30T09:30:00Z' }), {
      locale: 'it',
    });
    expect(it).toContain('Ricontattare entro il 2 luglio 2026, ore 09:30 UTC (tra 2 giorni).');
  });

  it('writes Italian as Italians do: the elided article, decimal commas and thousands points', () => {
    const plain = {
      version: 1,
      id: 'plain',
      criteria: {},
      scoring: {
        rules: [{ id: 'big', label: 'Grande', points: 1234.5, when: { fact: 'budget.amount', gte: 1 } }],
      },
      stages: [{ id: 'SQO', followUp: { within: { days: 2 } } }],
    };
    const on = (asOf: string) =>
      explain(classify({ budget: { amount: 5000 } }, plain, { asOf, locale: 'it' }), { locale: 'it' });
    // 8 (otto) and 11 (undici) start with a vowel: l'8, all'11; the first of the month stays "il 1°"
    expect(on('2026-07-06')).toContain("Ricontattare entro l'8 luglio 2026 (tra 2 giorni).");
    expect(on('2026-07-09')).toContain("Ricontattare entro l'11 luglio 2026");
    expect(on('2026-07-11')).toContain("All'11 luglio 2026, con la configurazione");
    expect(on('2026-06-29')).toContain('Ricontattare entro il 1° luglio 2026');
    expect(on('2026-07-16')).toContain('Ricontattare entro il 18 luglio 2026');
    expect(on('2026-07-06')).toContain('punteggio 1.234,5');
    expect(on('2026-07-06')).toContain('  +1.234,5 Grande');
    // English keeps its own way of writing them
    expect(explain(classify({ budget: { amount: 5000 } }, plain, { asOf: '2026-07-06' }))).toContain(
      'score 1234.5',
    );
  });

  it('writes every built-in data flag in words, in both languages, never as a code', () => {
    const flags = [
      'unreadable:budget.amount',
      'ambiguous_number:budget.amount',
      'invalid_date:timeline.purchaseBy',
      'invalid_event:events[2]',
      'invalid_date:events[0].at',
      'future_events_ignored',
      'events_truncated',
      'budget_exceeded',
      'too_costly:contact.title',
      'operator_failed:isVip',
      'flags_truncated',
    ];
    const result = { ...classify({}, config, { asOf }), flags };
    for (const locale of ['en', 'it']) {
      const text = explain(result, { locale });
      const section = text.slice(text.indexOf(locale === 'en' ? 'Data quality:' : 'Qualità dei dati:'));
      expect(section.split('\n')).toHaveLength(flags.length + 1);
      for (const code of [
        'unreadable',
        'ambiguous_number',
        'invalid_',
        'future_events',
        'events_truncated',
        'budget_exceeded',
        'too_costly',
        'operator_failed',
        'flags_truncated',
        'events[',
      ])
        expect(section, `${locale}: ${code}`).not.toContain(code);
    }
    // a flag of a kind explain does not know (a custom operator's own) is shown as it is
    expect(explain({ ...result, flags: ['my_flag:x'] })).toContain('  - my_flag:x.');
  });
});

describe('locales from untrusted input', () => {
  it('reads a locale as a name, never through the prototype', () => {
    const english = classify(leads.SAL, config, { asOf });
    for (const locale of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const result = classify(leads.SAL, config, { asOf, locale });
      expect(result.locale).toBe(locale);
      expect({ ...result, locale: 'en' }).toEqual(english);
      expect(typeof result.stageLabel).toBe('string');
      expect(explain(result, { locale })).toBe(explain(english));
      expect(explain(result)).toBe(explain(english));
    }
    expect(({} as Record<string, unknown>).stage).toBeUndefined();
    // a locale that is not a string reads as English
    expect(explain(english, { locale: 42 as unknown as string })).toBe(explain(english));
    expect(classify(leads.SAL, config, { asOf, locale: 42 as unknown as string })).toEqual(english);
  });

  it('writes in the locale the result was classified in, unless told otherwise', () => {
    const italian = classify(leads.SAL, config, { asOf, locale: 'it' });
    expect(italian.locale).toBe('it');
    expect(explain(italian)).toBe(explain(italian, { locale: 'it' }));
    expect(explain(italian, { locale: 'en' })).toContain('To reach SQO');
  });
});

describe('what to collect, in the config’s words', () => {
  it('names facts and events by the labels the config declares, in the locale', () => {
    const labelled = {
      version: 1,
      id: 'labelled',
      facts: {
        'custom.hs_budget': { type: 'number', label: { en: 'budget range', it: 'fascia di budget' } },
      },
      events: { call_connected: { label: { en: 'a sales call', it: 'una chiamata' } } },
      criteria: {
        budget: { when: { fact: 'custom.hs_budget', gte: 1000 } },
        called: { when: { event: 'call_connected', withinLast: { days: 30 } } },
      },
      stages: [
        { id: 'SQO', when: { all: [{ criterion: 'budget' }, { criterion: 'called' }] } },
        { id: 'rest' },
      ],
    };
    const result = classify({ events: [] }, labelled, { asOf, locale: 'it' });
    const all = [...(result.next?.blockers ?? []), ...(result.next?.later ?? [])];
    expect(all.map((blocker) => [blocker.facts, blocker.labels])).toEqual([
      [['events[call_connected]'], ['una chiamata']],
      [['custom.hs_budget'], ['fascia di budget']],
    ]);
    const text = explain(result);
    expect(text).toContain('(raccogli: fascia di budget)');
    expect(text).toContain('(verifica: una chiamata)');
    // without labels, blockers carry none
    expect(
      classify({}, config, { asOf }).next?.blockers.every((blocker) => blocker.labels === undefined),
    ).toBe(true);
  });
});
