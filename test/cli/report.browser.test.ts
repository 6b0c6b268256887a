// The HTML report in a real browser: Debian's chromium, driven by playwright-core. It opens the file from
// disk, finds every section with the numbers the summary gives, saves a screenshot for review under
// test-output/, and fails if the page asks for anything over the network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/cli/report';
import { classify, presets, summarize } from '../../src/index';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(ROOT, 'test-output');
const AS_OF = '2026-06-30T00:00:00.000Z';
const LAUNCH = {
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

describe.runIf(existsSync(CHROMIUM))('the report in chromium', () => {
  it('shows every section with the right numbers, offline', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const report = join(OUTPUT, 'report.html');
    const lead = ['examples/leads.csv', '--events', 'examples/events.csv', '-c', 'saas', '--as-of', AS_OF];
    const made = spawnSync(
      process.execPath,
      ['dist/cli.js', 'report', ...lead, '--outcome', 'converted', '--out', report],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    const summary = JSON.parse(
      spawnSync(
        process.execPath,
        ['dist/cli.js', 'summarize', ...lead, '--outcome', 'converted', '--format', 'json'],
        { cwd: ROOT, encoding: 'utf8' },
      ).stdout,
    );

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const requests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('file://')) requests.push(request.url());
      });
      await page.goto(pathToFileURL(report).href);
      for (const id of ['funnel', 'blockers', 'scores', 'time', 'calibration', 'grades']) {
        await expect(page.locator(`section#${id}`).count()).resolves.toBe(1);
      }
      // the funnel table: one row per stage with its count
      const rows = page.locator('section#funnel table tbody tr');
      const funnel = await Promise.all((await rows.all()).map((row) => row.locator('td').allTextContents()));
      expect(funnel.map((row) => row.slice(0, 2))).toEqual(
        Object.entries(summary.stages).map(([id, stage]) => [id, String((stage as { count: number }).count)]),
      );
      // the top blocker, with its ask and not-met counts
      const blocker = await page
        .locator('section#blockers table tbody tr')
        .first()
        .locator('td')
        .allTextContents();
      expect(blocker.slice(0, 4)).toEqual([
        summary.blockers[0].stage,
        summary.blockers[0].criterion,
        String(summary.blockers[0].ask),
        String(summary.blockers[0].notMet),
      ]);
      await expect(page.locator('section#calibration').textContent()).resolves.toContain(
        '4 of 10 converted (base rate 40.0 %, 95 % interval 16.8 – 68.7 %)',
      );
      const sqo = await page
        .locator('section#calibration table')
        .first()
        .locator('tr', { hasText: 'SQO' })
        .locator('td')
        .allTextContents();
      // 2 of 2 SQOs: lift 2.5, but the interval and the test say it may be noise
      expect(sqo).toEqual([
        'SQO',
        '2',
        '2',
        '100.0 %',
        '34.2 – 100.0 %',
        '2.5',
        '0.856 – 2.5',
        'not distinguishable (Fisher, p = 0.1333)',
      ]);
      const adjacent = await page
        .locator('section#calibration table')
        .nth(1)
        .locator('tbody tr')
        .first()
        .locator('td')
        .allTextContents();
      expect(adjacent).toEqual([
        'SQO vs SAL',
        '+60.0',
        '−15.4 – +88.2',
        "Fisher's exact",
        '0.4286',
        'not distinguishable',
      ]);
      // an error bar per stage in the chart, drawn from the interval, and visible
      const bars = page.locator('section#calibration svg g.interval');
      await expect(bars.count()).resolves.toBe(Object.keys(summary.calibration.stages).length);
      const box = await bars.nth(1).boundingBox();
      expect(box?.width).toBeGreaterThan(50);
      await expect(page.locator('#calibration-warnings + ul li').first().textContent()).resolves.toContain(
        'All leads: 10 leads with an outcome, fewer than 30',
      );
      // the grade heatmap and its table: every cell of the matrix, with the summary's count and conversion
      const gradeRows = await Promise.all(
        (await page.locator('section#grades table tbody tr').all()).map((row) =>
          row.locator('td').allTextContents(),
        ),
      );
      expect(gradeRows).toHaveLength(16);
      for (const [grade, cell] of Object.entries(
        summary.grades as Record<string, { count: number; conversion: { converted: number } }>,
      )) {
        const row = gradeRows.find((cells) => cells[0] === grade);
        expect(row?.[1]).toBe(String(cell.count));
        expect(row?.[4]).toBe(String(cell.conversion.converted));
      }
      await expect(page.locator('section#grades svg rect').count()).resolves.toBe(16);
      await expect(page.locator('#config-hash').textContent()).resolves.toBe(summary.config.hash);
      await expect(page.locator('svg').count()).resolves.toBeGreaterThanOrEqual(4);
      await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe.runIf(existsSync(CHROMIUM))('the report with --by in chromium', () => {
  it("shows the stage shares per group and each group's conversion with its interval", async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const report = join(OUTPUT, 'report-by.html');
    const lead = ['examples/leads.csv', '--events', 'examples/events.csv', '-c', 'saas', '--as-of', AS_OF];
    const args = [...lead, '--outcome', 'converted', '--by', 'need.severity'];
    const made = spawnSync(process.execPath, ['dist/cli.js', 'report', ...args, '--out', report], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    const summary = JSON.parse(
      spawnSync(process.execPath, ['dist/cli.js', 'summarize', ...args, '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).stdout,
    );
    const groups = summary.breakdown.groups as Array<{
      key: string;
      summary: { total: number; calibration: { leads: number; interval: { low: number; high: number } } };
    }>;
    const browser = await chromium.launch(LAUNCH);
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(pathToFileURL(report).href);
      await expect(page.locator('section#breakdown h2').textContent()).resolves.toBe(
        'Breakdown by how much it hurts: stage shares per group',
      );
      const rows = await Promise.all(
        (await page.locator('section#breakdown table tbody tr').all()).map((row) =>
          row.locator('td').allTextContents(),
        ),
      );
      expect(rows.map((row) => row.slice(0, 2))).toEqual(
        groups.map((group) => [group.key, String(group.summary.total)]),
      );
      // high: 3 leads, 2 SQO and 1 SAL (columns: group, leads, disqualified, SQO, SAL, unqualified)
      expect(rows[0]).toEqual(['high', '3', '0.0 %', '66.7 %', '33.3 %', '0.0 %']);
      // one stacked bar per group, one coloured part per stage
      await expect(page.locator('section#breakdown svg rect').count()).resolves.toBe(groups.length * 4 + 1);
      const cohorts = await Promise.all(
        (await page.locator('section#cohorts table tbody tr').all()).map((row) =>
          row.locator('td').allTextContents(),
        ),
      );
      expect(cohorts[0]).toEqual(['high', '3', '3', '100.0 %', '43.9 – 100.0 %', 'few (< 30)']);
      // an error bar per group, each as wide on screen as its interval
      const whiskers = page.locator('section#cohorts svg g.interval');
      await expect(whiskers.count()).resolves.toBe(groups.length);
      const widths = await Promise.all(
        (await whiskers.all()).map(async (whisker) => (await whisker.boundingBox())?.width ?? 0),
      );
      const spans = groups.map(
        (group) => group.summary.calibration.interval.high - group.summary.calibration.interval.low,
      );
      // the widest interval draws the widest bar
      expect(widths.indexOf(Math.max(...widths))).toBe(spans.indexOf(Math.max(...spans)));
      await expect(page.locator('section#cohorts').textContent()).resolves.toContain(
        '100.0 % [43.9 – 100.0 %] · 3 with an outcome · few',
      );
    } finally {
      await browser.close();
    }
  });
});

describe.runIf(existsSync(CHROMIUM))('the report labels in chromium', () => {
  it('shows every bar label whole, as a person reads it (the SLA label said "breached 1" for 106)', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const leads = [{ id: 'a', company: { employees: 250 } }, { id: 'b' }];
    const summary = summarize(
      leads.map((lead) => classify(lead, presets.saas, { asOf: AS_OF, detail: 'statuses' })),
    );
    const counts = [
      { met: 3, breached: 106, open: 1, due: 0 },
      { met: 1_250, breached: 98_765, open: 4_321, due: 0 },
    ];
    const file = join(OUTPUT, 'report-labels.html');
    writeFileSync(
      file,
      renderReport({
        summary,
        histories: {
          leads: 2,
          stages: {
            SQO: { entries: 110, current: 1, followUp: counts[0] as (typeof counts)[0] },
            'SAL with a rather long stage name': {
              entries: 104_336,
              current: 1,
              followUp: counts[1] as (typeof counts)[0],
            },
          },
          timeTo: {},
        },
        asOf: AS_OF,
        source: 'leads.csv',
        outcome: undefined,
        version: 'test',
      }),
    );
    const browser = await chromium.launch(LAUNCH);
    try {
      for (const width of [1000, 480]) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.goto(pathToFileURL(file).href);
        const chart = page.locator('section#time svg');
        const box = await chart.boundingBox();
        expect(box).not.toBeNull();
        const texts = chart.locator('text');
        const seen: string[] = [];
        for (const text of await texts.all()) {
          const label = await text.evaluate((node) => node.textContent ?? '');
          const bounds = await text.boundingBox();
          expect(bounds, label).not.toBeNull();
          if (bounds === null || box === null) continue;
          // inside the SVG's box: nothing cut by its edge
          expect(bounds.x, `${label} starts inside the chart`).toBeGreaterThanOrEqual(box.x - 0.5);
          expect(bounds.x + bounds.width, `${label} ends inside the chart`).toBeLessThanOrEqual(
            box.x + box.width + 0.5,
          );
          await expect(text.isVisible()).resolves.toBe(true);
          seen.push(label);
        }
        expect(seen).toContain('met 3 · breached 106 · open 1');
        expect(seen).toContain('met 1250 · breached 98765 · open 4321');
        expect(seen).toContain('SAL with a rather long stage name');
        // the table says the same numbers
        const row = await page
          .locator('section#time table')
          .last()
          .locator('tr', { hasText: 'SQO' })
          .locator('td')
          .allTextContents();
        expect(row).toEqual(['SQO', '3', '106', '1']);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});

describe.runIf(!existsSync(CHROMIUM))('the report in chromium', () => {
  it.skip(`needs chromium at ${CHROMIUM} (npm run test:cli installs it with apt-get as root)`, () => {});
});

describe.runIf(existsSync(CHROMIUM))('the Italian report in chromium (--locale it)', () => {
  it('reads in Italian, with Italian numbers and dates, and no flag code or lead path', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const report = join(OUTPUT, 'report-it.html');
    const lead = ['examples/leads.csv', '--events', 'examples/events.csv', '-c', 'saas', '--as-of', AS_OF];
    const args = [...lead, '--outcome', 'converted', '--by', 'need.severity'];
    const made = spawnSync(
      process.execPath,
      ['dist/cli.js', 'report', ...args, '--locale', 'it', '--out', report],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    const browser = await chromium.launch(LAUNCH);
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(pathToFileURL(report).href);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('it');
      await expect(page.locator('h1').textContent()).resolves.toBe('Funnel dei lead: saas');
      await expect(page.locator('header .meta').textContent()).resolves.toContain(
        '10 lead da examples/leads.csv, classificati al 30 giugno 2026',
      );
      const head = (section: string, index = 0) =>
        page.locator(`section#${section} table`).nth(index).locator('thead th').allTextContents();
      const row = (section: string, text: string, index = 0) =>
        page
          .locator(`section#${section} table`)
          .nth(index)
          .locator('tr', { hasText: text })
          .first()
          .locator('td')
          .allTextContents();
      await expect(head('funnel')).resolves.toEqual([
        'fase',
        'lead',
        'quota',
        'fase successiva',
        'successiva non soddisfatta',
        'successiva sconosciuta',
      ]);
      await expect(row('funnel', 'SQO')).resolves.toEqual(['SQO', '2', '20,0 %', '—', '—', '—']);
      await expect(page.locator('section#calibration h2').textContent()).resolves.toBe(
        'Calibrazione: le fasi prevedono chi converte?',
      );
      await expect(page.locator('section#calibration p').first().textContent()).resolves.toContain(
        '4 convertiti su 10 (tasso medio 40,0 %, intervallo al 95 % 16,8 – 68,7 %)',
      );
      await expect(row('calibration', 'SQO')).resolves.toEqual([
        'SQO',
        '2',
        '2',
        '100,0 %',
        '34,2 – 100,0 %',
        '2,5',
        '0,856 – 2,5',
        'non distinguibile (Fisher, p = 0,1333)',
      ]);
      await expect(row('calibration', 'SQO rispetto a SAL', 1)).resolves.toEqual([
        'SQO rispetto a SAL',
        '+60,0',
        '−15,4 – +88,2',
        'test esatto di Fisher',
        '0,4286',
        'non distinguibile',
      ]);
      await expect(page.locator('#calibration-warnings').textContent()).resolves.toBe(
        'Campioni piccoli: leggere queste cifre con cautela',
      );
      await expect(page.locator('#calibration-warnings + ul li').first().textContent()).resolves.toBe(
        'Tutti i lead: 10 lead con un esito, meno di 30: il tasso 40,0 % (intervallo al 95 % 16,8 % – 68,7 %) può essere casuale',
      );
      // the breakdown by a canonical path, named in words; its rows and the cohort chart's notes in Italian
      await expect(page.locator('section#breakdown h2').textContent()).resolves.toBe(
        'Suddivisione per quanto è urgente: quote delle fasi per gruppo',
      );
      await expect(row('breakdown', 'high')).resolves.toEqual([
        'high',
        '3',
        '0,0 %',
        '66,7 %',
        '33,3 %',
        '0,0 %',
      ]);
      await expect(row('cohorts', 'high')).resolves.toEqual([
        'high',
        '3',
        '3',
        '100,0 %',
        '43,9 – 100,0 %',
        'pochi (< 30)',
      ]);
      await expect(page.locator('section#cohorts svg').innerHTML()).resolves.toContain(
        '100,0 % [43,9 – 100,0 %] · 3 con un esito · pochi',
      );
      // time in stage in days (giorni), the grade table and the run summary in Italian
      await expect(head('time')).resolves.toContain('permanenza mediana');
      await expect(head('grades')).resolves.toEqual([
        'classe',
        'lead',
        'quota',
        'con un esito',
        'convertiti',
        'tasso',
        'rapporto',
      ]);
      await expect(page.locator('section#quality li').first().textContent()).resolves.toBe(
        '10 righe lette, 10 lead, 0 saltate (0 vuote, 0 illeggibili, 0 id duplicati)',
      );
      // as a person reads it: no English heading left, no flag code, no lead path (what <code> shows aside:
      // a file name, a config key)
      const text = await page.evaluate(() => {
        const body = document.body.cloneNode(true) as HTMLElement;
        for (const code of Array.from(body.querySelectorAll('code'))) code.remove();
        // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, as a person reads it
        return body.innerText;
      });
      for (const english of [
        'Calibration',
        'of 10 converted',
        'not distinguishable',
        'Score per stage',
        'with an outcome',
        'leads ',
      ])
        expect(text).not.toContain(english);
      const codes = text.match(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z][a-zA-Z]*(?:\.[a-zA-Z]+)+\b/g) ?? [];
      // the input files' names, and the events file's own event type, are the data's names
      expect(codes.filter((code) => code !== 'call_connected' && !code.endsWith('.csv'))).toEqual([]);
      await page.screenshot({ path: join(OUTPUT, 'report-it.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});

describe.runIf(existsSync(CHROMIUM))('the accounts section in chromium (--accounts)', () => {
  it('shows the accounts per stage, the buying-group coverage and the grades of accounts the summary gives', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const report = join(OUTPUT, 'report-accounts.html');
    const lead = ['examples/leads.csv', '--events', 'examples/events.csv', '-c', 'saas', '--as-of', AS_OF];
    const args = [...lead, '--accounts', '--account-by', 'company.name'];
    const made = spawnSync(process.execPath, ['dist/cli.js', 'report', ...args, '--out', report], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    const view = JSON.parse(
      spawnSync(process.execPath, ['dist/cli.js', 'summarize', ...args, '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).stdout,
    ).accounts;
    const browser = await chromium.launch(LAUNCH);
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(pathToFileURL(report).href);
      const section = page.locator('section#accounts');
      await expect(section.locator('h2').textContent()).resolves.toBe('Accounts');
      await expect(section.locator('p').first().textContent()).resolves.toBe(
        `${view.total} accounts formed from ${view.grouping.leads} leads, each classified by the account config from its members.`,
      );
      const rows = (index: number) =>
        section
          .locator('table')
          .nth(index)
          .locator('tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)),
          );
      // accounts per stage: every stage of the account config, its count and share
      await expect(rows(0)).resolves.toEqual(
        Object.entries(view.stages).map(([id, stage]) => {
          const { count, share } = stage as { count: number; share: number };
          return [id, String(count), `${(share * 100).toFixed(1)} %`];
        }),
      );
      // the buying group: each role in words, present / missing / not known
      await expect(rows(1)).resolves.toEqual(
        view.roles.map((role: { role: string; present: number; missing: number; unknown: number }) => [
          role.role.replace(/_/g, ' '),
          String(role.present),
          String(role.missing),
          String(role.unknown),
        ]),
      );
      const heads = await section.locator('table').nth(1).locator('thead th').allTextContents();
      expect(heads).toEqual(['role', 'present', 'missing', 'not known']);
      await expect(section.locator('svg[aria-label^="Accounts per grade"]').count()).resolves.toBe(1);
      await page.screenshot({ path: join(OUTPUT, 'report-accounts.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
