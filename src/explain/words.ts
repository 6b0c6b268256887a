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
export function factLabel(path: string, m: ExplainMessages): string {
  if (Object.hasOwn(m.facts, path)) return m.facts[path] as string;
  const events = /^events\[(.+)\]$/.exec(path);
  if (events !== null) return m.eventsOf((events[1] as string).split('|'));
  if (path.startsWith('scores.') && path.length > 7) return m.scoreOf(path.slice(7));
  const parts = path.split('.').map(words);
  return parts.every((part) => part !== '') ? parts.join(' › ') : path;
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
