// The real public lead files in ../shared/data/real, read by path (never copied into the project), and
// what the tests on them share. A clone without ../shared skips those tests, and says so.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, it } from 'vitest';
import type { FieldMap } from '../../src/index';

export const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'real');
export const present = existsSync(DATA);

/** The rows of a CSV under DATA, by header. */
export const rowsOf = (...path: string[]): Array<Record<string, string>> =>
  parse(readFileSync(join(DATA, ...path)), { columns: true, skip_empty_lines: true });

/** Without the files, one visible skipped test saying why. */
export function skipUnlessPresent(what: string): void {
  if (present) return;
  describe(what, () => {
    it.skip(`needs ${DATA} beside the checkout (absent here, so these tests are skipped)`, () => {});
  });
}

/** Olist's marketing-qualified leads: "unknown" origin means nobody recorded it. */
export const olistLeadMap: FieldMap = {
  version: 1,
  id: 'olist-mql',
  fields: [
    { from: 'mql_id', to: 'id' },
    { from: 'first_contact_date', to: 'createdAt', type: 'date' },
    { from: 'origin', to: 'source', type: 'enum', missing: ['unknown'] },
    { from: 'landing_page_id', to: 'custom.landingPage' },
  ],
  events: [{ type: 'first_contact', from: 'first_contact_date' }],
};

/** The Maven pipeline's opportunities as leads: the account, the product, and the engagement as an event. */
export const mavenBacktestMap: FieldMap = {
  version: 1,
  id: 'maven-pipeline',
  fields: [
    { from: 'opportunity_id', to: 'id' },
    { from: 'account', to: 'company.name' },
    { from: 'product', to: 'custom.product' },
  ],
  events: [{ type: 'deal_engaged', from: 'engage_date' }],
};
/** The products test/real/backtest.test.ts calls big tickets. */
export const BIG_TICKET = ['GTX Pro', 'GTX Plus Pro', 'GTK 500', 'MG Advanced'];
/** The back-test's config: engaged within 30 days on a known account; big tickets are SQO. */
export const mavenBacktestConfig = {
  version: 1,
  id: 'maven-backtest',
  events: { deal_engaged: { label: 'Engaged' } },
  criteria: {
    engaged: { when: { event: 'deal_engaged', withinLast: { days: 30 } } },
    account: { when: { fact: 'company.name', exists: true } },
    bigTicket: { when: { fact: 'custom.product', in: BIG_TICKET } },
  },
  stages: [
    {
      id: 'SQO',
      when: { all: [{ criterion: 'engaged' }, { criterion: 'account' }, { criterion: 'bigTicket' }] },
    },
    { id: 'SAL', when: { all: [{ criterion: 'engaged' }, { criterion: 'account' }] } },
    { id: 'unqualified' },
  ],
};
