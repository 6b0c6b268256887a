// `summarize` and `report` in a language (`--locale en|it`), and no raw code in text meant for people: the
// text and HTML outputs of both, on results carrying every kind of flag, hold no flag code (`future_events_ignored`)
// and no lead path (`company.employees`, `scores.engagement`) — only the names the config and the data gave.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/cli/diagnostics';
import { renderReport } from '../../src/cli/report';
import { summaryText } from '../../src/cli/summaryText';
import { wordsFor } from '../../src/cli/words';
import { classify, describeFlag, gradeMatrix, presets, summarize } from '../../src/index';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const AS_OF = '2026-06-30T00:00:00.000Z';
const LEADS = ['examples/leads.csv', '--events', 'examples/events.csv', '-c', 'saas', '--as-of', AS_OF];

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One flag of every kind the library raises, on canonical, score, event and custom paths. */
const EVERY_FLAG = [
  'unreadable:company.employees',
  'unreadable:custom.hs_budget',
  'ambiguous_number:budget.amount',
  'invalid_date:timeline.purchaseBy',
  'invalid_date:createdAt',
  'invalid_date:events[2].at',
  'invalid_event:events[3]',
  'future_events_ignored',
  'events_truncated',
  'budget_exceeded',
  'too_costly:need.statement',
  'operator_failed:isWorkEmail',
  'flags_truncated',
  'unreadable:scores.engagement',
];

/** Snake_case codes and dotted paths in `text`, but the names given (stage and criterion ids, event types). */
function rawCodes(text: string, names: ReadonlySet<string> = new Set()): string[] {
  const found = text.match(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z][a-zA-Z]*(?:\.[a-zA-Z]+)+\b/g) ?? [];
  return [...new Set(found.filter((code) => !names.has(code)))];
}

/** The text of an HTML page a person reads: no style, no tags; `<code>` (file names, config keys) left out. */
function visibleText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<code[^>]*>[\s\S]*?<\/code>/g, '')
    .replace(/aria-label="([^"]*)"/g, '>$1<')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function flaggedSummary() {
  const base = [
    classify({ id: 'a', budget: { status: 'approved' } }, presets.saas, { asOf: AS_OF, detail: 'statuses' }),
    classify({ id: 'b' }, presets.saas, { asOf: AS_OF, detail: 'statuses' }),
  ];
  // the same results, carrying every kind of flag
  const results = Array.from({ length: 40 }, (_, index) => {
    const result = base[index % 2] as (typeof base)[number];
    return { ...result, leadId: `lead${index}`, flags: EVERY_FLAG.slice(index % EVERY_FLAG.length) };
  });
  return summarize(results, {
    outcome: (result) => Number((result.leadId as string).slice(4)) % 3 === 0,
    by: (result) => (Number((result.leadId as string).slice(4)) < 20 ? 'north' : 'south'),
    maxGroups: 1,
  });
}

function quality(locale: 'en' | 'it'): string[] {
  const diagnostics = new Diagnostics({ quiet: true, strict: false, maxWarnings: 50 });
  Object.assign(diagnostics.counts, { rows: 1234, leads: 1200, empty: 4, unreadableRows: 2, duplicates: 28 });
  diagnostics.unreadable.set('employees', 12);
  return diagnostics.summaryLines(wordsFor(locale));
}

describe('describeFlag', () => {
  it('writes every kind of flag in words, in both languages', () => {
    for (const locale of ['en', 'it']) {
      for (const flag of EVERY_FLAG) {
        const words = describeFlag(flag, { locale });
        expect(words, flag).not.toBe(flag);
        expect(rawCodes(words), `${locale}: ${flag} → ${words}`).toEqual([]);
      }
    }
    expect(describeFlag('unreadable:company.employees', { locale: 'it' })).toBe(
      "dimensione dell'azienda: un valore illeggibile",
    );
    // a kind the library does not know is kept as it is
    expect(describeFlag('my_own_flag')).toBe('my_own_flag');
  });
});

describe('no raw codes in text meant for people', () => {
  const summary = flaggedSummary();
  const matrix = gradeMatrix(presets.saas);
  // the config's own names: stage and criterion ids are what the team calls them
  const names = new Set<string>();

  it('the summary has flags of every kind, a calibration with warnings and a capped breakdown', () => {
    expect(Object.keys(summary.dataQuality.flags).sort()).toEqual(
      [...new Set(EVERY_FLAG.map((flag) => flag.split(':')[0]))].sort(),
    );
    expect(summary.calibration?.warnings.length).toBeGreaterThan(0);
    expect(summary.breakdown?.warnings.map((warning) => warning.code)).toEqual(['groups_capped']);
  });

  for (const locale of ['en', 'it'] as const) {
    it(`summarize text, ${locale}`, () => {
      const text = summaryText(summary, matrix, wordsFor(locale));
      expect(rawCodes(text, names)).toEqual([]);
      // the flags are there, in words
      expect(text).toContain(describeFlag('unreadable:company.employees', { locale }));
      expect(text).toContain(describeFlag('future_events_ignored', { locale }));
    });

    it(`report HTML, ${locale}`, () => {
      const page = renderReport({
        summary,
        histories: undefined,
        asOf: AS_OF,
        source: 'leads.csv',
        outcome: 'converted',
        version: 'test',
        quality: quality(locale),
        words: wordsFor(locale),
        ...(matrix === undefined ? {} : { grades: matrix }),
      });
      expect(rawCodes(visibleText(page), names)).toEqual([]);
      expect(page).toContain(`<html lang="${locale}">`);
      expect(page).toContain(describeFlag('invalid_event:events[3]', { locale }));
    });
  }

  it('says a breakdown was capped without the --by path', () => {
    const warning = {
      code: 'groups_capped',
      where: 'breakdown',
      leads: 3,
      message:
        'breakdown by company.industry: more than 1 groups; 3 leads of the later groups are counted under "(other)" (maxGroups raises the cap)',
    } as const;
    expect(wordsFor('en').warning(warning, undefined)).toBe(
      'more groups than the cap: 3 leads of the later groups are counted under "(other)" (--max-groups raises the cap)',
    );
    expect(wordsFor('it').warning(warning, undefined)).toBe(
      'più gruppi del limite: 3 lead dei gruppi successivi sono contati sotto "(altro)" (--max-groups alza il limite)',
    );
  });

  it('finds the codes the scan is for (the scan itself works)', () => {
    expect(rawCodes('Data flags\n  2  future_events_ignored\n  1  unreadable: company.employees')).toEqual([
      'future_events_ignored',
      'company.employees',
    ]);
    expect(rawCodes(visibleText('<p>check <b>scores.engagement</b> in <code>leads.csv</code></p>'))).toEqual([
      'scores.engagement',
    ]);
  });
});

describe('Italian numbers, percentages and dates', () => {
  const it_ = wordsFor('it');
  it('writes decimals with a comma and groups thousands with a point, 4-digit numbers too', () => {
    // Intl's it-IT leaves 1234 ungrouped (CLDR's minimum grouping digits); Italian reports, and explain, write 1.234
    expect(new Intl.NumberFormat('it-IT').format(1234)).toBe('1234');
    expect(it_.count(1234)).toBe('1.234');
    expect(it_.number(1234567.25)).toBe('1.234.567,25');
    expect(it_.number(-84.21)).toBe('-84,21');
    expect(it_.number(999)).toBe('999');
    expect(it_.fixed(63.94, 1)).toBe('63,9');
  });

  it('writes dates in Italian, the first of the month as 1°', () => {
    expect(it_.instant('2026-07-08T00:00:00.000Z')).toBe('8 luglio 2026');
    expect(it_.instant('2026-07-01T09:30:00.000Z')).toBe('1° luglio 2026, ore 09:30 UTC');
    expect(it_.groupKey('2026-07', 'createdAt:month')).toBe('luglio 2026');
    expect(it_.groupKey('2026-Q3', 'createdAt:quarter')).toBe('3° trimestre 2026');
    expect(it_.by('createdAt:month')).toBe('data di creazione (mese)');
    expect(it_.by('engage_date')).toBe('engage_date');
    expect(it_.by('Original Source')).toBe('Original Source');
    expect(it_.by('properties.lead_source')).toBe('properties › lead source');
    expect(wordsFor('en').by('company.industry:quarter')).toBe('industry (quarter)');
  });

  it('the run summary in Italian', () => {
    expect(quality('it')).toEqual([
      '1.234 righe lette, 1.200 lead, 34 saltate (4 vuote, 2 illeggibili, 28 id duplicati, tenuta la prima)',
      'valori illeggibili: "employees" 12',
    ]);
    expect(quality('en')[0]).toBe(
      '1,234 rows read, 1,200 leads, 34 skipped (4 empty, 2 unreadable, 28 duplicate ids, kept the first)',
    );
  });
});

describe('leadstage summarize --locale', () => {
  it('writes the funnel, the calibration and its warnings in Italian', () => {
    const { code, stdout } = run(['summarize', ...LEADS, '--outcome', 'converted', '--locale', 'it', '-q']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^10 lead, configurazione saas \(\w+\)$/);
    expect(lines).toContain('  SQO                     2    20,0 %  punteggio mediano 84,21');
    expect(stdout).toContain(
      'Calibrazione: 4 convertiti su 10 (40,0 %), intervallo al 95 % 16,8 – 68,7 %; 0 senza esito',
    );
    expect(stdout).toContain(
      '  SQO rispetto a SAL                 +60,0 punti [−15,4 – +88,2]  non distinguibile (test esatto di Fisher, p = 0,4286): la differenza può essere casuale',
    );
    expect(stdout).toContain(
      '  ! SQO: 2 lead con un esito, meno di 30: il tasso 100,0 % (intervallo al 95 % 34,2 % – 100,0 %) e il rapporto 2,5 possono essere casuali',
    );
    expect(stdout).toContain('  SAL ← punteggio engagement ≥ 15');
    // no English left: none of the default headings
    for (const english of [
      'Calibration',
      'Top blockers',
      'median score',
      'not distinguishable',
      'leads with',
    ])
      expect(stdout).not.toContain(english);
    expect(rawCodes(stdout)).toEqual([]);
  });

  // the whole text per locale, reviewed as a reader reads it: the funnel, blockers, calibration with its
  // warnings, the breakdown and the grade matrix
  for (const locale of ['en', 'it'] as const) {
    it(`reads as the reviewed text, ${locale}`, async () => {
      const { code, stdout } = run([
        'summarize',
        ...LEADS,
        '--outcome',
        'converted',
        '--by',
        'need.severity',
        '--locale',
        locale,
        '-q',
      ]);
      expect(code).toBe(0);
      await expect(stdout).toMatchFileSnapshot(`__snapshots__/summarize.${locale}.txt`);
    });
  }

  it('keeps the codes in JSON, whatever the locale', () => {
    const en = run(['summarize', ...LEADS, '--outcome', 'converted', '--format', 'json', '-q']);
    const it_ = run([
      'summarize',
      ...LEADS,
      '--outcome',
      'converted',
      '--format',
      'json',
      '--locale',
      'it',
      '-q',
    ]);
    expect(it_.stdout).toBe(en.stdout);
  });

  it('refuses a locale it does not speak, naming the ones it does (exit 2)', () => {
    for (const command of ['summarize', 'report', 'explain']) {
      const { code, stderr } = run([command, ...LEADS, '--locale', 'fr', '--out', 'test-output/never.html']);
      expect(code).toBe(2);
      expect(stderr).toContain('--locale: expected one of en, it, received "fr"');
    }
  });
});
