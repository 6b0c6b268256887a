import type { ExplainMessages } from './messages';
import { factLabel, messagesFor } from './words';

/**
 * Options of {@link describeFlag}.
 *
 * @category Classify
 */
export interface DescribeFlagOptions {
  /** `en` (default) or `it`; other locales fall back to their language, then English. */
  readonly locale?: string;
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
          : factLabel(about, m);
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
