// The HTML report in a real browser: Debian's chromium, driven by playwright-core. It opens the file from
// disk, finds every section with the numbers the summary gives, saves a screenshot for review under
// test-output/, and fails if the page asks for anything over the network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(ROOT, 'test-output');
const AS_OF = '2026-06-30T00:00:00.000Z';

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
      for (const id of ['funnel', 'blockers', 'scores', 'time', 'calibration']) {
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
        '4 of 10 converted (base rate 40.0 %)',
      );
      const sqo = await page
        .locator('section#calibration table')
        .first()
        .locator('tr', { hasText: 'SQO' })
        .locator('td')
        .allTextContents();
      expect(sqo).toEqual(['SQO', '2', '2', '100.0 %', '2.5']);
      await expect(page.locator('#config-hash').textContent()).resolves.toBe(summary.config.hash);
      await expect(page.locator('svg').count()).resolves.toBeGreaterThanOrEqual(4);
      await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe.runIf(!existsSync(CHROMIUM))('the report in chromium', () => {
  it.skip(`needs chromium at ${CHROMIUM} (npm run test:cli installs it with apt-get as root)`, () => {});
});
