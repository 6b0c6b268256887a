/** Text as a config writes it: one string, or translations keyed by locale (the config's `Text`). */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** Picks `locale`, then its language (`it` for `it-CH`), then English, then the first translation. */
export function localize(text: LocalizedText, locale: string): string {
  if (typeof text === 'string') return text;
  // own keys only: a locale named "constructor" or "__proto__" is not a translation
  const pick = (key: string) =>
    Object.hasOwn(text, key) && typeof text[key] === 'string' ? text[key] : undefined;
  return pick(locale) ?? pick(locale.slice(0, 2)) ?? pick('en') ?? Object.values(text)[0] ?? '';
}

/** A locale as given by a caller (often from a request header): a string, else English. */
export function localeOf(value: unknown): string {
  return typeof value === 'string' ? value : 'en';
}
