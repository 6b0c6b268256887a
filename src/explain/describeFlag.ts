import { localeOf } from '../internal/localize';
import { type ExplainMessages, MESSAGES } from './messages';

/**
 * Options of {@link describeFlag}.
 *
 * @category Classify
 */
export interface DescribeFlagOptions {
  /** `en` (default) or `it`; other locales fall back to their language, then English. */
  readonly locale?: string;
}

/** The messages of a locale: the locale, then its language (`it` for `it-CH`), then English. */
export function messagesFor(locale: unknown): ExplainMessages {
  const text = localeOf(locale);
  const pick = (key: string) => (Object.hasOwn(MESSAGES, key) ? MESSAGES[key] : undefined);
  return pick(text) ?? pick(text.slice(0, 2)) ?? (MESSAGES.en as ExplainMessages);
}

/** `hsBudget` and `hs_budget` as `hs budget`: a custom field's name, read as words. */
const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * A fact path in words: a canonical field's name, events by type, a score by its group, and any other path as the words of its
 * parts, outermost first (`custom.hs_budget` → `custom › hs budget`), so that no dotted path or snake_case
 * code reaches a sentence meant for people.
 */
export function factWords(path: string, m: ExplainMessages): string {
  if (Object.hasOwn(m.facts, path)) return m.facts[path] as string;
  const events = /^events\[(.+)\]$/.exec(path);
  if (events !== null) return m.eventsOf((events[1] as string).split('|'));
  if (path.startsWith('scores.') && path.length > 7) return m.scoreOf(path.slice(7));
  const parts = path.split('.').map(words);
  return parts.every((part) => part !== '') ? parts.join(' › ') : path;
}

/**
 * A data flag in words, or `undefined` for a kind the library does not know (a custom operator's): `kind` and
 * what it is about, a fact path, an event (`events[2]`) or an operator's name.
 */
export function flagWords(flag: string, m: ExplainMessages): string | undefined {
  const colon = flag.indexOf(':');
  const kind = colon < 0 ? flag : flag.slice(0, colon);
  const about = colon < 0 ? '' : flag.slice(colon + 1);
  const event = /^events\[(\d+)\](?:\.at)?$/.exec(about);
  const subject =
    event !== null
      ? m.event(Number(event[1]))
      : kind === 'operator_failed'
        ? about
        : about === '(other)'
          ? m.otherFields
          : factWords(about, m);
  return m.flag(kind, subject);
}

/**
 * A data-quality flag of a result (`result.flags`, the keys of a summary's `dataQuality.flags`) in words,
 * for a person: `unreadable:company.employees` → `company size: a value that could not be read`. The
 * wording `explain` uses; a flag of a kind the library does not know is returned as it is.
 *
 * @param flag - a flag: `kind` or `kind:subject` (a fact path, `events[2]`, an operator's name)
 * @param options - `locale`: `en` (default) or `it`
 * @returns the flag in words, without a final full stop
 *
 * @example
 * describeFlag('unreadable:company.employees');
 * //=> 'company size: a value that could not be read'
 * describeFlag('future_events_ignored', { locale: 'it' });
 * //=> 'esclusi gli eventi con data successiva al momento della valutazione'
 * describeFlag('invalid_date:custom.signedOn');
 * //=> 'custom › signed on: a date that could not be read'
 *
 * @category Classify
 */
export function describeFlag(flag: string, options: DescribeFlagOptions = {}): string {
  return flagWords(flag, messagesFor(options.locale)) ?? flag;
}
