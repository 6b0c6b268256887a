import type { FieldMap } from '../schema/fieldMap';

/** One thing a field map reads: a lead path or an event type, from the first present of its columns. */
export interface MapTarget {
  /** The lead path (`company.employees`) or, for a date column made into events, `events:<type>`. */
  readonly to: string;
  /** The columns it is read from, the first present wins. */
  readonly columns: readonly string[];
}

const listOf = (from: string | readonly string[]) => (typeof from === 'string' ? [from] : from);

/** What a lead map reads, each set of alternative columns once (a column may fill two lead paths). */
export function mapTargets(map: FieldMap): readonly MapTarget[] {
  const targets: MapTarget[] = map.fields.map((field) => ({ to: field.to, columns: listOf(field.from) }));
  for (const event of map.events ?? [])
    targets.push({ to: `events:${event.type}`, columns: listOf(event.from) });
  return targets;
}

/** Folded as `mapLead` matches columns: trimmed, lower case. */
export const foldColumn = (name: string): string => name.trim().toLowerCase();

/** The distinct sets of columns of a map, as folded names (a set present counts once). */
export function columnSets(map: FieldMap): ReadonlyArray<readonly string[]> {
  const seen = new Set<string>();
  const sets: Array<readonly string[]> = [];
  for (const { columns } of mapTargets(map)) {
    const folded = columns.map(foldColumn);
    const key = folded.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    sets.push(folded);
  }
  return sets;
}
