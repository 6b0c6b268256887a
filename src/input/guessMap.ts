import { hubspot } from '../maps/hubspot';
import { salesforce } from '../maps/salesforce';
import type { FieldMap } from '../schema/fieldMap';
import { columnSets, foldColumn } from './mapColumns';

/**
 * A built-in map guessed from a file's headers, with how well it fits.
 *
 * @category CRM data
 */
export interface MapGuess {
  /** The map's id (`hubspot`, `salesforce`): the name `--map` takes. */
  readonly id: string;
  readonly map: FieldMap;
  /** The share of the map's columns present in the headers, 0 to 1, to 4 decimals. */
  readonly share: number;
  /** How many of the map's columns are present, and how many it has. */
  readonly present: number;
  readonly columns: number;
}

/** Below this share of its columns present, or fewer than 3 of them, no map is guessed. */
const MIN_SHARE = 0.3;
const MIN_PRESENT = 3;

/** How well a map fits headers: the share of its column sets with one column present. */
export function mapFit(map: FieldMap, headers: Iterable<string>): { present: number; columns: number } {
  const folded = new Set<string>();
  for (const header of headers) folded.add(foldColumn(header));
  const sets = columnSets(map);
  let present = 0;
  for (const set of sets) if (set.some((column) => folded.has(column))) present++;
  return { present, columns: sets.length };
}

/**
 * Guesses which built-in lead map reads a file from its headers: each map is scored by the share of its
 * columns present (a column named by its internal name or its export label alike, compared trimmed and
 * case-insensitively); the best wins when at least three of its columns, and 30 % of them, are there.
 *
 * @param headers - the file's column names
 * @param candidates - the maps to try (default: the built-in lead maps, HubSpot contacts and Salesforce leads)
 * @returns the best map with its fit, or `undefined` when none fits
 *
 * @example
 * guessMap(['Record ID', 'First Name', 'Last Name', 'Email', 'Company Name', 'Lifecycle Stage', 'Number of Employees'])?.id;
 * //=> 'hubspot'
 *
 * @category CRM data
 */
export function guessMap(
  headers: Iterable<string>,
  candidates: readonly FieldMap[] = [hubspot, salesforce],
): MapGuess | undefined {
  const list = [...headers];
  let best: MapGuess | undefined;
  for (const map of candidates) {
    const { present, columns } = mapFit(map, list);
    if (columns === 0) continue;
    const share = Math.round((present / columns) * 10_000) / 10_000;
    if (present < MIN_PRESENT || share < MIN_SHARE) continue;
    if (best === undefined || share > best.share) best = { id: map.id, map, share, present, columns };
  }
  return best;
}
