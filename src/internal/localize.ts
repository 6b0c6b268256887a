/** Text as a config writes it: one string, or translations keyed by locale (the config's `Text`). */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** Picks `locale`, then its language (`it` for `it-CH`), then English, then the first translation. */
export function localize(text: LocalizedText, locale: string): string {
  if (typeof text === 'string') return text;
  const exact = text[locale];
  if (exact !== undefined) return exact;
  const language = text[locale.slice(0, 2)];
  if (language !== undefined) return language;
  return text.en ?? Object.values(text)[0] ?? '';
}
