import type { ClassifyOptions } from '../classify/Classifier';
import { type ConfigOrClassifier, checkedOptions } from '../classify/checkedOptions';
import { toClassifier } from '../classify/classify';
import { describeValue } from '../internal/issues';

/**
 * Options of {@link diffConfigs} and {@link createConfigDiff}.
 *
 * @category Many leads
 */
export interface DiffOptions {
  /** The instant to classify at (required). */
  readonly asOf: ClassifyOptions['asOf'];
  /** How many moved leads `leads` lists (default 1,000; the matrix counts them all). */
  readonly limit?: number;
}

/**
 * A lead whose stage differs between the two configs.
 *
 * @category Many leads
 */
export interface MovedLead {
  /** The lead's `id`, when it has one. */
  readonly id?: string;
  /** Its position in the input (0-based). */
  readonly index: number;
  readonly from: string;
  readonly to: string;
  /** The total score under the second config minus under the first. */
  readonly scoreDelta: number;
}

/**
 * What a config change does to a set of leads.
 *
 * @category Many leads
 */
export interface ConfigDiff {
  readonly total: number;
  /** How many leads change stage. */
  readonly changed: number;
  /** `matrix[from][to]`: how many leads in stage `from` under the first config are in `to` under the second (every lead, moved or not). */
  readonly matrix: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The moved leads, in input order, up to `limit`. */
  readonly leads: readonly MovedLead[];
  /** `true` when more leads moved than `leads` lists. */
  readonly truncated: boolean;
}

/**
 * An incremental {@link diffConfigs}: add leads as they come, read the diff at any point.
 *
 * @category Many leads
 */
export interface ConfigDiffBuilder {
  /** Classifies one lead under both configs and counts it. Never throws on lead data. */
  add(lead: unknown): void;
  /** The diff of every lead added so far. */
  result(): ConfigDiff;
}

/**
 * An incremental config diff for streams: `add(lead)` classifies the lead under both configs (stage and
 * scores only), `result()` gives the diff so far. Memory holds the matrix and at most `limit` moved leads.
 *
 * @param before - the config in use (or its classifier)
 * @param after - the proposed config (or its classifier)
 * @param options - `asOf` (required), `limit`
 * @returns a builder with `add(lead)` and `result()`
 * @throws {ConfigError} when either config is invalid
 * @throws {TypeError} when `asOf` is missing or invalid, or `limit` is not a whole number ≥ 0
 *
 * @example
 * const noSal = { ...presets.saas, id: 'saas-no-sal', examples: [], stages: presets.saas.stages.filter((stage) => stage.id !== 'SAL') };
 * const diff = createConfigDiff(presets.saas, noSal, { asOf: '2026-06-30' });
 * diff.add({ id: 'a', events: [{ type: 'webinar_attended', at: '2026-06-20' }, { type: 'demo_requested', at: '2026-06-21' }] });
 * diff.result().leads;
 * //=> [{ id: 'a', index: 0, from: 'SAL', to: 'unqualified', scoreDelta: 0 }]
 *
 * @category Many leads
 */
export function createConfigDiff(
  before: ConfigOrClassifier,
  after: ConfigOrClassifier,
  options: DiffOptions,
): ConfigDiffBuilder {
  const first = toClassifier(before);
  const second = toClassifier(after);
  const limit = options.limit ?? 1_000;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new TypeError(`diffConfigs: limit must be a whole number ≥ 0, received ${describeValue(limit)}`);
  }
  const at = checkedOptions(first, { asOf: options.asOf, detail: 'statuses' } as const);
  let total = 0;
  let changed = 0;
  const matrix = new Map<string, Map<string, number>>();
  const leads: MovedLead[] = [];
  return {
    add(lead) {
      const a = first.classify(lead, at);
      const b = second.classify(lead, at);
      let row = matrix.get(a.stage);
      if (row === undefined) {
        row = new Map();
        matrix.set(a.stage, row);
      }
      row.set(b.stage, (row.get(b.stage) ?? 0) + 1);
      if (a.stage !== b.stage) {
        changed++;
        if (leads.length < limit) {
          const delta = Math.round((b.scores.total - a.scores.total) * 100) / 100;
          const moved = { index: total, from: a.stage, to: b.stage, scoreDelta: delta === 0 ? 0 : delta };
          leads.push(a.leadId === undefined ? moved : { id: a.leadId, ...moved });
        }
      }
      total++;
    },
    result() {
      return {
        total,
        changed,
        matrix: Object.fromEntries([...matrix].map(([from, row]) => [from, Object.fromEntries(row)])),
        leads: [...leads],
        truncated: changed > leads.length,
      };
    },
  };
}

/**
 * What a config change would do, before it ships: classifies every lead under both configs and reports
 * the from → to matrix, how many leads move, and which (with the score change). For async sources use
 * {@link createConfigDiff}.
 *
 * @param leads - any iterable of leads
 * @param before - the config in use (or its classifier)
 * @param after - the proposed config (or its classifier)
 * @param options - `asOf` (required), `limit` of moved leads listed
 * @returns the {@link ConfigDiff}
 * @throws {ConfigError} when either config is invalid
 * @throws {TypeError} when `asOf` is missing or invalid
 *
 * @example
 * const demoOnly = { ...presets.saas, id: 'saas-demo-sqo', stages: presets.saas.stages.map((stage) =>
 *   stage.id === 'SQO' ? { ...stage, when: { criterion: 'intent' } } : stage) };
 * const leads = [{ id: 'a', events: [{ type: 'demo_completed', at: '2026-06-20' }] }, { id: 'b' }];
 * diffConfigs(leads, presets.saas, demoOnly, { asOf: '2026-06-30' }).matrix;
 * //=> { SAL: { SQO: 1 }, unqualified: { unqualified: 1 } }
 *
 * @category Many leads
 */
export function diffConfigs(
  leads: Iterable<unknown>,
  before: ConfigOrClassifier,
  after: ConfigOrClassifier,
  options: DiffOptions,
): ConfigDiff {
  const builder = createConfigDiff(before, after, options);
  for (const lead of leads) builder.add(lead);
  return builder.result();
}
