// A seeded corpus of leads for every preset: leads built from what each preset reads (its fact paths, the
// values its conditions compare with, its event types, its own examples), mixed with what CRM exports and
// request bodies hold (placeholders, separators, bad and future dates, Date objects, NaN, bigints, nested
// arrays, inherited properties, throwing getters). The same seed gives the same leads on every run: the
// golden hashes of test/results/golden.test.ts are taken over it.
import type { Config } from '../../src/index';

/** mulberry32: small, fast, seedable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CORPUS_AS_OF = Date.parse('2026-06-30T12:00:00Z');
const DAY = 86_400_000;

/** What a preset reads: fact paths with the values its conditions name next to them, and event types. */
interface Reads {
  readonly facts: Map<string, unknown[]>;
  readonly events: string[];
  readonly examples: unknown[];
}

function readsOf(config: Config): Reads {
  const facts = new Map<string, unknown[]>();
  const events = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.fact === 'string') {
      const values = facts.get(record.fact) ?? [];
      for (const [key, value] of Object.entries(record)) {
        if (key === 'fact') continue;
        if (Array.isArray(value)) values.push(...value.filter((item) => typeof item !== 'object'));
        else if (value !== null && typeof value !== 'object') values.push(value);
      }
      facts.set(record.fact, values);
    }
    const event = record.event;
    if (typeof event === 'string') events.add(event);
    else if (Array.isArray(event)) for (const type of event) if (typeof type === 'string') events.add(type);
    for (const [key, value] of Object.entries(record)) if (key !== 'examples') walk(value);
  };
  walk(config);
  return {
    facts,
    events: [...events],
    examples: (config.examples ?? []).map((example) => example.lead),
  };
}

const MESSY: readonly unknown[] = [
  '',
  '  ',
  'N/A',
  'n/a',
  '-',
  'unknown',
  'TBD',
  'null',
  '12,000',
  '1.234,50',
  '€ 50k',
  'true',
  'yes',
  'no',
  '0',
  '2026-02-30',
  '2026-06-01',
  '31/12/2026',
  'not a date',
  0,
  -0,
  1,
  42,
  250_000,
  -5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  10n,
  true,
  false,
  null,
  [],
  ['a', 'b', 'c'],
  [1, [2, [3, [4]]]],
  {},
  { nested: { deeper: { value: 1 } } },
  new Date('2026-05-01T00:00:00Z'),
  new Date(Number.NaN),
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Sets `path` (dotted, a trailing `.length` sets an array) in `lead`, making the objects on the way. */
function setPath(lead: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  if (parts[parts.length - 1] === 'length') {
    parts.pop();
    const length = typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value % 8 : 2;
    value = Array.from({ length }, (_, index) => `item ${index}`);
  }
  let target = lead;
  for (const part of parts.slice(0, -1)) {
    const inner = target[part];
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts[parts.length - 1] as string] = value;
}

function eventAt(next: () => number): unknown {
  const roll = next();
  if (roll < 0.7) return new Date(CORPUS_AS_OF - Math.floor(next() * 400 * DAY)).toISOString();
  if (roll < 0.78) return new Date(CORPUS_AS_OF + Math.floor(next() * 30 * DAY)).toISOString(); // future
  if (roll < 0.84) return new Date(CORPUS_AS_OF - Math.floor(next() * 90 * DAY)); // a Date
  if (roll < 0.88) return CORPUS_AS_OF - Math.floor(next() * 90 * DAY); // epoch ms
  return pick(next, ['bad', '2026-02-30T10:00:00Z', '', null, 12345, undefined, '2026-06-29']);
}

/** `count` leads for `config`, from `seed`. */
export function corpusLeads(config: Config, count: number, seed: number): unknown[] {
  const next = random(seed);
  const reads = readsOf(config);
  const paths = [...reads.facts.keys()];
  const types = [...reads.events, 'newsletter_signup', 'unrelated_event'];
  const leads: unknown[] = [...reads.examples];
  while (leads.length < count) {
    const lead: Record<string, unknown> = {};
    const idRoll = next();
    if (idRoll < 0.6) lead.id = `lead-${leads.length}`;
    else if (idRoll < 0.8) lead.id = leads.length;
    else if (idRoll < 0.85) lead.id = pick(next, [null, true, { id: 1 }, '']);
    const density = next();
    for (const path of paths) {
      if (next() > density) continue;
      const named = reads.facts.get(path) ?? [];
      const value = named.length > 0 && next() < 0.6 ? pick(next, named) : pick(next, MESSY);
      setPath(lead, path, value);
    }
    if (next() < 0.8) {
      const events: unknown[] = [];
      const eventCount = Math.floor(next() ** 2 * 30);
      for (let index = 0; index < eventCount; index++) {
        const event: Record<string, unknown> = { type: pick(next, types), at: eventAt(next) };
        if (next() < 0.2) event.props = pick(next, MESSY);
        if (next() < 0.03) events.push(pick(next, MESSY));
        else events.push(event);
      }
      lead.events = events;
    } else if (next() < 0.3) lead.events = pick(next, MESSY);
    if (next() < 0.3) lead.createdAt = eventAt(next);
    const shape = next();
    if (shape < 0.04) {
      // what the lead inherits is not the lead's
      leads.push(Object.assign(Object.create({ budget: { status: 'approved', amount: 1e6 } }), lead));
    } else if (shape < 0.07) {
      // a getter that throws: classified from what can be read, and flagged
      Object.defineProperty(lead, paths[0]?.split('.')[0] ?? 'contact', {
        enumerable: true,
        get() {
          throw new Error('unreadable');
        },
      });
      leads.push(lead);
    } else if (shape < 0.08) {
      leads.push(pick(next, [null, 'a string', 42, [], undefined]));
    } else leads.push(lead);
  }
  return leads.slice(0, count);
}

/** An `asOf` for leads picked because their results carry no flag at it (the cold-keep guard). */
export const CLEAN_AS_OF = '2026-06-30T12:00:00Z';

/** The `asOf` forms a caller passes, in turn: ISO text, a date, epoch ms, a day, epoch seconds. */
export function asOfForm(index: number): string | number | Date {
  switch (index % 5) {
    case 0:
      return '2026-06-30T12:00:00Z';
    case 1:
      return new Date(CORPUS_AS_OF - DAY * 3);
    case 2:
      return CORPUS_AS_OF - DAY * 45;
    case 3:
      return '2026-07-15';
    default:
      return Math.floor(CORPUS_AS_OF / 1000); // seconds, flagged as_of_in_seconds
  }
}

/** Locales asked for, in turn: the default, Italian (presets carry it), and ones that fall back. */
export const LOCALES = ['en', 'it', 'it-IT', 'fr', 'EN'] as const;
