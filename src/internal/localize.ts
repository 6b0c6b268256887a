import type { Text } from '../schema/config';

/** Picks `locale`, then its language (`it` for `it-CH`), then English, then the first translation. */
export function localize(text: Text, locale: string): string {
  if (typeof text === 'string') return text;
  const exact = text[locale];
  if (exact !== undefined) return exact;
  const language = text[locale.slice(0, 2)];
  if (language !== undefined) return language;
  return text.en ?? Object.values(text)[0] ?? '';
}
