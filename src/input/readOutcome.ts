import { normalizeText } from '../internal/read';

/**
 * Options of {@link readOutcome}: extra words read as won or lost (compared as enums are: `"Closed Won"` is `closed_won`).
 *
 * @category CRM data
 */
export interface ReadOutcomeOptions {
  /** More words that mean the lead converted, beside the built-in ones. */
  readonly won?: readonly string[];
  /** More words that mean it did not, beside the built-in ones. */
  readonly lost?: readonly string[];
}

// compared normalised (`Closed Won` → closed_won) and with `_` removed (`closedwon`), as CRMs write them
const WON = ['true', 'yes', 'y', '1', 'won', 'closed_won', 'converted', 'customer'];
const LOST = ['false', 'no', 'n', '0', 'lost', 'closed_lost', 'not_converted', 'closed_not_converted'];

const squash = (word: string) => normalizeText(word).replace(/_/g, '');

function wordSet(base: readonly string[], extra: readonly string[] | undefined): ReadonlySet<string> {
  return new Set([...base, ...(extra ?? [])].map(squash));
}

const DEFAULT_WON = /* @__PURE__ */ wordSet(WON, undefined);
const DEFAULT_LOST = /* @__PURE__ */ wordSet(LOST, undefined);
const compiled = /* @__PURE__ */ new WeakMap<
  ReadOutcomeOptions,
  readonly [ReadonlySet<string>, ReadonlySet<string>]
>();

function wordsOf(
  options: ReadOutcomeOptions | undefined,
): readonly [ReadonlySet<string>, ReadonlySet<string>] {
  if (options === undefined || (options.won === undefined && options.lost === undefined)) {
    return [DEFAULT_WON, DEFAULT_LOST];
  }
  let words = compiled.get(options);
  if (words === undefined) {
    words = [wordSet(WON, options.won), wordSet(LOST, options.lost)];
    compiled.set(options, words);
  }
  return words;
}

/**
 * Whether a lead converted, from an outcome column as CRMs export it: booleans and boolean words
 * (`true`, `yes`, `1`), `won`/`lost`, and CRM stage names — HubSpot `closedwon`/`closedlost`,
 * Salesforce `Closed Won`/`Closed Lost`, `Converted`, `Customer`. Open stages (`Prospecting`,
 * `appointmentscheduled`, `Engaging`), blanks and anything else read as no outcome yet: `undefined`.
 * Never throws on the value.
 *
 * @param value - the cell of the outcome column
 * @param options - extra `won` and `lost` words
 * @returns `true` (converted), `false` (did not) or `undefined` (not known yet)
 *
 * @example
 * [readOutcome('Closed Won'), readOutcome('closedlost'), readOutcome('Prospecting'), readOutcome('Signed', { won: ['Signed'] })];
 * //=> [true, false, undefined, true]
 *
 * @category CRM data
 */
export function readOutcome(value: unknown, options?: ReadOutcomeOptions): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const word = squash(value);
  if (word === '') return undefined;
  const [won, lost] = wordsOf(options);
  if (won.has(word)) return true;
  if (lost.has(word)) return false;
  return undefined;
}
