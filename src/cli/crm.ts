// `classify --format crm --crm hubspot|salesforce|generic`: results as a file the CRM's own importer takes
// back — its id column, then `leadstage_*` custom properties (docs/crm-maps.md, "Writing back", lists them
// with the type to create each as). Values in the forms the importers document: numbers with a point,
// picklist values as their internal values (the stage and grade ids), dates as each importer reads them.
import { type Classification, type Config, explainBlocker, maps } from 'leadstage';
import { CliError } from './errors';
import { escapeFormula } from './output';

/** The CRMs `--crm` names. */
export const CRMS = ['hubspot', 'salesforce', 'generic'] as const;
export type Crm = (typeof CRMS)[number];

/** The longest `leadstage_next_ask`: a sentence or two, never a whole config's worth of text. */
const MAX_ASK = 1000;

/**
 * The instants the importers accept: Salesforce Data Loader documents 1700-01-01 to 4000-12-31, and
 * HubSpot's date picker reads four-digit years; a follow-up outside is written blank (and counted).
 */
const EARLIEST = Date.UTC(1700, 0, 1);
const LATEST = Date.UTC(4000, 11, 31);

interface CrmSpec {
  /** The CRM's record id column, as its importer matches records by it. */
  readonly idColumn: string;
  /** The columns of an export that hold that id (a built-in map's `id` field): carried through as read. */
  readonly idSources: readonly string[];
  /** How a property's API name is written: Salesforce custom fields end in `__c`. */
  readonly property: (name: string) => string;
  /** The follow-up deadline as the importer reads it. */
  readonly followUp: (at: number) => string;
}

const idSourcesOf = (map: 'hubspot' | 'salesforce'): readonly string[] => {
  const from = maps[map].fields.find((field) => field.to === 'id')?.from;
  return from === undefined ? [] : typeof from === 'string' ? [from] : from;
};

const SPECS: Record<Crm, CrmSpec> = {
  // a Date picker property: HubSpot's import reads year-month-day with dashes; the UTC day of the deadline
  hubspot: {
    idColumn: 'Record ID',
    idSources: idSourcesOf('hubspot'),
    property: (name) => name,
    followUp: (at) => new Date(at).toISOString().slice(0, 10),
  },
  // a Date/Time field: Data Loader's yyyy-MM-dd'T'HH:mm:ss.SSS'Z', in UTC
  salesforce: {
    idColumn: 'Id',
    idSources: idSourcesOf('salesforce'),
    property: (name) => `${name}__c`,
    followUp: (at) => new Date(at).toISOString(),
  },
  generic: {
    idColumn: 'id',
    idSources: ['id'],
    property: (name) => name,
    followUp: (at) => new Date(at).toISOString(),
  },
};

/** What a property name may hold in both CRMs: lower-case letters, digits, single underscores. */
function propertyPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Salesforce field names are at most 40 characters (before `__c`): `leadstage_` + group + `_score`
 * leaves 24 for the group's name.
 */
const MAX_GROUP = 40 - 'leadstage_'.length - '_score'.length;

/** The score columns of a config's groups: `leadstage_<group>_score`, in the config's order. */
function groupColumns(config: Config): Array<{ readonly group: string; readonly name: string }> {
  const groups = Object.keys(config.scoring?.groups ?? {});
  const columns: Array<{ group: string; name: string }> = [];
  const taken = new Map<string, string>();
  for (const group of groups) {
    const part = propertyPart(group).slice(0, MAX_GROUP).replace(/_+$/, '');
    if (part === '')
      throw new CliError(
        `--format crm: scoring group ${JSON.stringify(group)} has no letter or digit to name its property (leadstage_<group>_score); rename the group in the config`,
        2,
      );
    const name = `leadstage_${part}_score`;
    const other = taken.get(name);
    if (other !== undefined)
      throw new CliError(
        `--format crm: scoring groups ${JSON.stringify(other)} and ${JSON.stringify(group)} would both be written as ${name}; rename one in the config`,
        2,
      );
    taken.set(name, group);
    columns.push({ group, name });
  }
  return columns;
}

const normal = (name: string) => name.trim().toLowerCase();

/** A row's CRM id: the CRM's own id column as exported (trimmed), else the lead's id. */
function idOf(spec: CrmSpec, row: Record<string, unknown>, result: { leadId?: string }): string {
  for (const source of spec.idSources) {
    const key = Object.hasOwn(row, source)
      ? source
      : Object.keys(row).find((column) => normal(column) === normal(source));
    const value = key === undefined ? undefined : row[key];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number')
      return String(value).trim();
  }
  return result.leadId ?? '';
}

/** Cells written blank for a reason the run reports: no id, a follow-up out of the importer's range. */
export interface CrmProblems {
  readonly noId: (line: number) => void;
  readonly followUpOutOfRange: (line: number, value: string) => void;
}

/** A CRM write-back: its header row, and one row per result. */
export interface CrmWriter {
  readonly header: readonly string[];
  readonly row: (
    result: Classification,
    input: { readonly row: Record<string, unknown>; readonly line: number },
  ) => unknown[];
}

/**
 * The write-back of one CRM for a config: the id column, `leadstage_stage`, `leadstage_score`, a score per
 * group, `leadstage_grade` (a config with grades), `leadstage_next_ask`, `leadstage_follow_up_by`,
 * `leadstage_follow_up_from`, `leadstage_config`. Text cells escaped as `--format csv` escapes them.
 */
export function crmWriter(
  crm: Crm,
  config: Config,
  hash: string,
  options: { readonly escapeFormulas: boolean; readonly problems: CrmProblems },
): CrmWriter {
  const spec = SPECS[crm];
  const groups = groupColumns(config);
  const graded = config.grades !== undefined;
  const configCell = `${config.id}@${hash}`;
  const header = [
    spec.idColumn,
    ...[
      'leadstage_stage',
      'leadstage_score',
      ...groups.map((column) => column.name),
      ...(graded ? ['leadstage_grade'] : []),
      'leadstage_next_ask',
      'leadstage_follow_up_by',
      'leadstage_follow_up_from',
      'leadstage_config',
    ].map(spec.property),
  ];
  const number = (value: number | undefined) =>
    typeof value === 'number' && Number.isFinite(value) ? value : '';
  return {
    header,
    row(result, { row, line }) {
      const id = idOf(spec, row, result);
      if (id === '') options.problems.noId(line);
      const blocker = result.next?.blockers[0];
      let ask = blocker === undefined ? '' : explainBlocker(blocker, { locale: result.locale });
      if (ask.length > MAX_ASK) ask = `${ask.slice(0, MAX_ASK - 1)}…`;
      let followUp = '';
      if (result.followUpBy !== undefined) {
        const at = Date.parse(result.followUpBy);
        if (at >= EARLIEST && at <= LATEST) followUp = spec.followUp(at);
        else options.problems.followUpOutOfRange(line, result.followUpBy);
      }
      return [
        id,
        result.stage,
        number(result.scores.total),
        ...groups.map((column) => number(result.scores[column.group])),
        ...(graded ? [result.grade ?? ''] : []),
        ask,
        followUp,
        followUp === '' ? '' : (result.followUpFrom ?? 'as-of'),
        configCell,
      ].map((cell) => escapeFormula(cell, options.escapeFormulas));
    },
  };
}
