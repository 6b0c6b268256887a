import { localeOf } from '../internal/localize';
import type { Blocker } from '../schema/result';
import { type ExplainMessages, MESSAGES } from './messages';

// The words explain and explainBlocker share: the messages of a locale, fact paths in words, a blocker's line.

/** The messages of a locale: the locale, its language, then English. */
export function messagesFor(locale: unknown): ExplainMessages {
  const text = localeOf(locale);
  const pick = (key: string) => (Object.hasOwn(MESSAGES, key) ? MESSAGES[key] : undefined);
  return pick(text) ?? pick(text.slice(0, 2)) ?? (MESSAGES.en as ExplainMessages);
}

/** A fact path in words: a canonical field's name, events by type, a custom path as it is. */
export function factLabel(path: string, m: ExplainMessages): string {
  if (Object.hasOwn(m.facts, path)) return m.facts[path] as string;
  const events = /^events\[(.+)\]$/.exec(path);
  return events === null ? path : m.eventsOf((events[1] as string).split('|'));
}

/** Fact paths in words: the config's labels first (in the result), then the built-in words, then the path. */
export function factsText(paths: readonly string[], m: ExplainMessages, labels?: readonly string[]): string {
  return [
    ...new Set(
      paths.map((path, index) => {
        const label = labels?.[index];
        return label !== undefined && label !== path ? label : factLabel(path, m);
      }),
    ),
  ].join(', ');
}

/** A blocker as explain lists it under "to reach": label, status, hint, what to collect or check. */
export function blockerText(blocker: Blocker, m: ExplainMessages): string {
  let line = `${blocker.label} — ${m.status[blocker.status]}.`;
  if (blocker.hint !== undefined) line += ` ${blocker.hint}.`;
  if (blocker.facts.length > 0)
    line += ` (${blocker.status === 'unknown' ? m.collect : m.check}: ${factsText(blocker.facts, m, blocker.labels)})`;
  return line;
}
