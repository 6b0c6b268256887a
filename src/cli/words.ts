// The words of `summarize` (text) and `report` (HTML), per locale: numbers, percentages, dates, headings,
// verdicts and warnings. English is the default and reads as it always has; Italian writes decimals with a
// comma and thousands with a point (1.234: Intl's it-IT leaves 4-digit numbers ungrouped, but `explain`
// groups them and so do Italian reports), percentages as `63,9 %`, dates as `8 luglio 2026`. Flags and
// fact paths are words from the library (`describeFlag`), never codes. JSON outputs keep the codes.
import { type Calibration, describeFlag, type Rate, type SummaryWarning } from 'leadstage';

type RateLike = Pick<Rate, 'rate' | 'lift' | 'interval'>;

import { CliError } from './errors';

/** The locales `--locale` accepts. */
export const LOCALES = ['en', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

/** `--locale`: `en` (default) or `it`; anything else is a usage error naming the accepted ones. */
export function localeOf(value: string | boolean | undefined): Locale {
  if (value === undefined) return 'en';
  if (typeof value === 'string' && (LOCALES as readonly string[]).includes(value)) return value as Locale;
  throw new CliError(`--locale: expected one of ${LOCALES.join(', ')}, received ${JSON.stringify(value)}`, 2);
}

/** Digits grouped by 3 with `group`, decimals after `decimal`; exponent forms left as they are. */
function grouped(text: string, group: string, decimal: string): string {
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.') as [string, string | undefined];
  if (!/^\d+$/.test(whole) || (fraction !== undefined && !/^\d+$/.test(fraction))) return text;
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${fraction === undefined ? '' : `${decimal}${fraction}`}`;
}

export interface Words {
  readonly locale: Locale;
  /** A number as computed (a score, a lift, a count in a terminal table): `84.21` / `84,21`. */
  readonly number: (value: number) => string;
  /** A count for a page: `1,234` / `1.234`. */
  readonly count: (value: number) => string;
  /** A number to `digits` decimals: `0.4911` / `0,4911`. */
  readonly fixed: (value: number, digits: number) => string;
  /** An ISO instant for a person: as it is in English (the run can be repeated with it), in words in Italian. */
  readonly instant: (iso: string) => string;
  /** A data flag (`kind` or `kind:path`) in words. */
  readonly flag: (flag: string) => string;
  /** A group key of a breakdown (a date bucket in words in Italian; `(none)`, `(other)` translated). */
  readonly groupKey: (key: string, by: string) => string;
  /** The `--by` path for a heading: a canonical path in words. */
  readonly by: (by: string) => string;
  /** A calibration or breakdown warning for a person (the calibration it is about, for its figures). */
  readonly warning: (warning: SummaryWarning, calibration: Calibration | undefined) => string;
  readonly t: Texts;
}

/** Fixed texts and sentences with their figures already formatted. */
export interface Texts {
  // summarize: the head and the funnel
  readonly head: (leads: string, config: string, hash: string) => string;
  readonly funnel: string;
  readonly medianScore: string;
  readonly next: (stage: string, unmet: string, unknown: string) => string;
  readonly blockersHead: string;
  readonly ask: string;
  readonly notMet: string;
  readonly later: string;
  readonly dataFlags: string;
  // calibration
  readonly calibrationHead: (converted: string, leads: string, rate: string) => string;
  readonly interval95: string;
  readonly withoutOutcome: (count: string) => string;
  readonly ratesNote: string;
  readonly leadsUnit: string;
  readonly lift: string;
  readonly vsRest: string;
  readonly splitLabel: (stage: string, next: string, status: 'unknown' | 'unmet') => string;
  readonly unknownVsUnmet: string;
  readonly scoreBands: string;
  readonly adjacentHead: string;
  readonly points: string;
  readonly mayBeNoise: string;
  readonly smallHead: string;
  readonly moreWarnings: (count: number) => string;
  readonly fisher: string;
  readonly zTest: string;
  readonly verdict: (verdict: string) => string;
  readonly vs: string;
  // breakdown
  /** The width of a calibration row's label. */
  readonly labelWidth: number;
  /** A stage test that is not a criterion (`score engagement ≥ 15`), as the summary labels it. */
  readonly test: (label: string) => string;
  readonly breakdownHead: (by: string, groups: string, calibrated: boolean) => string;
  readonly group: string;
  readonly leadsColumn: string;
  readonly outcomes: string;
  readonly rate: string;
  readonly smallGroups: (count: number) => string;
  // grades
  readonly gradesHead: (rows: string, columns: string) => string;
  readonly gradesConversionHead: string;
  readonly ofLeads: (percent: string, leads: string) => string;
  // accounts (--accounts)
  readonly accounts: AccountTexts;
  // report
  readonly report: ReportTexts;
  // the run summary (the report's data-quality section)
  readonly run: RunTexts;
}

/** The accounts view of summarize and report (`--accounts`). */
export interface AccountTexts {
  readonly head: (accounts: string, leads: string, config: string) => string;
  readonly perStage: string;
  readonly accountsColumn: string;
  readonly share: string;
  readonly coverage: string;
  readonly noRoles: string;
  readonly role: string;
  readonly present: string;
  readonly missing: string;
  readonly unknown: string;
  /** A role as the config names it, in words: `decision_maker` → `decision maker`. */
  readonly roleName: (role: string) => string;
  readonly gradesHead: (rows: string, columns: string) => string;
  readonly gradesText: (rows: string, columns: string) => string;
  readonly gradesChart: (rows: string, columns: string) => string;
  readonly gradeCell: (grade: string, count: string) => string;
  readonly alone: (count: string, leads: string) => string;
  readonly withoutMembers: (count: string, accounts: string) => string;
  readonly section: string;
  readonly sectionText: (accounts: string, leads: string) => string;
}

export interface ReportTexts {
  readonly title: string;
  readonly heading: string;
  readonly meta: (leads: string, source: string, asOf: string, config: string, hash: string) => string;
  readonly funnel: string;
  readonly leadsPerStage: string;
  readonly leads: string;
  readonly stage: string;
  readonly share: string;
  readonly nextStage: string;
  readonly nextUnmet: string;
  readonly nextUnknown: string;
  readonly blockers: string;
  readonly blockersKey: string;
  readonly noBlockers: string;
  readonly blockersChart: string;
  readonly ask: string;
  readonly notMet: string;
  readonly later: string;
  readonly blocks: string;
  readonly criterionOrTest: string;
  readonly scores: string;
  readonly noScores: string;
  readonly scoreBoxes: string;
  readonly median: string;
  readonly mean: string;
  readonly time: string;
  readonly entries: string;
  readonly inItNow: string;
  readonly medianStay: string;
  readonly p90Stay: string;
  readonly medianToReach: string;
  readonly p90ToReach: string;
  readonly days: string;
  readonly noSla: string;
  readonly slaChart: string;
  readonly met: string;
  readonly breached: string;
  readonly open: string;
  readonly slaMet: string;
  readonly calibration: string;
  readonly calibrationText: (
    outcome: string,
    converted: string,
    leads: string,
    rate: string,
    interval: string,
    unmatched: string,
  ) => string;
  readonly calibrationChart: string;
  readonly conversion: string;
  readonly converted: string;
  readonly rate: string;
  readonly interval: string;
  readonly lift: string;
  readonly liftInterval: string;
  readonly againstRest: string;
  readonly adjacent: string;
  readonly stages: string;
  readonly difference: string;
  readonly test: string;
  readonly verdict: string;
  readonly byNext: string;
  readonly leadsIn: string;
  readonly byBand: string;
  readonly totalScore: string;
  readonly smallSamples: string;
  readonly andMore: (count: string) => string;
  readonly breakdown: (by: string) => string;
  readonly groups: (count: string) => string;
  readonly firstGroups: (max: string, all: string, by: string) => string;
  readonly breakdownChart: (by: string) => string;
  readonly group: string;
  readonly cohorts: (by: string) => string;
  readonly cohortsText: string;
  readonly cohortsChart: (by: string) => string;
  readonly noOutcomeYet: string;
  readonly withOutcome: (count: string) => string;
  readonly few: string;
  readonly leadsWithOutcome: string;
  readonly sample: string;
  readonly noOutcome: string;
  readonly fewSample: string;
  readonly ok: string;
  readonly grades: (rows: string, columns: string) => string;
  readonly gradesText: (rows: string, columns: string, withOutcome: boolean) => string;
  readonly gradesChart: (rows: string, columns: string) => string;
  readonly gradeCell: (grade: string, count: string, rate: string | undefined) => string;
  readonly grade: string;
  readonly withAnOutcome: string;
  readonly quality: string;
  readonly flags: string;
  readonly flag: string;
  readonly interval95: (label: string, low: string, high: string) => string;
  readonly conversionPercent: string;
  readonly medianOf: (stage: string, median: string) => string;
}

export interface RunTexts {
  readonly rows: (
    rows: number,
    leads: number,
    skipped: number,
    empty: number,
    unreadable: number,
    duplicates: number,
    dedupe: string,
  ) => string;
  readonly unreadableValues: (columns: string) => string;
  readonly outcomes: (column: string, readable: number, rows: number) => string;
  readonly events: (file: string, read: number, used: number) => string;
  readonly eventsUnreadable: (count: number) => string;
  readonly eventsUnusedTypes: (count: number, types: string) => string;
  readonly didYouMean: (type: string) => string;
  readonly moreTypes: (count: number) => string;
  readonly eventsNoLead: (count: number) => string;
  readonly eventsOverCap: (count: number, cap: number, leads: number) => string;
  readonly notUsed: (parts: string) => string;
}

const enCount = (value: number) => value.toLocaleString('en');
const itNumber = (value: number) =>
  Number.isFinite(value) ? grouped(String(value), '.', ',') : String(value);
const plural = (count: number, one: string, many: string, format: (value: number) => string) =>
  `${format(count)} ${count === 1 ? one : many}`;

const en: Texts = {
  head: (leads, config, hash) => `${leads} leads, config ${config} (${hash})`,
  funnel: 'Funnel',
  medianScore: 'median score',
  next: (stage, unmet, unknown) => `next ${stage}: ${unmet} unmet, ${unknown} unknown`,
  blockersHead:
    'Top blockers (ask: unknown, could help now; not met: would have to change; later: unknown, useless until the unmet change)',
  ask: 'ask',
  notMet: 'not met',
  later: 'later',
  dataFlags: 'Data flags',
  calibrationHead: (converted, leads, rate) => `Calibration: ${converted} of ${leads} converted (${rate})`,
  interval95: '95 % interval',
  withoutOutcome: (count) => `${count} without an outcome`,
  ratesNote:
    'rates with their 95 % interval (Wilson); lift with its interval, and each group tested against the rest',
  leadsUnit: 'leads',
  lift: 'lift',
  vsRest: 'vs the rest:',
  splitLabel: (stage, next, status) => `${stage}, ${next} ${status}`,
  unknownVsUnmet: 'unknown vs unmet:',
  scoreBands: 'score bands:',
  adjacentHead: 'adjacent stages (is each stage better than the one below it, beyond noise?):',
  points: 'points',
  mayBeNoise: ': the gap may be noise',
  smallHead: 'small samples (fewer than 30 leads with an outcome, or fewer than 5 conversions expected):',
  moreWarnings: (count) => `… and ${count} more (--format json lists them all)`,
  fisher: "Fisher's exact",
  zTest: 'z test',
  verdict: (verdict) => verdict,
  vs: 'vs',
  labelWidth: 28,
  test: (label) => label,
  breakdownHead: (by, groups, calibrated) =>
    `Breakdown by ${by}: ${groups} ${groups === '1' ? 'group' : 'groups'} (share of each stage${calibrated ? '; conversion with its 95 % interval' : ''})`,
  group: 'group',
  leadsColumn: 'leads',
  outcomes: 'outcomes',
  rate: 'rate',
  smallGroups: (count) =>
    `${count} ${count === 1 ? 'group has' : 'groups have'} fewer than 30 leads with an outcome: their rates may be noise (--format json: each group's calibration, tests and warnings)`,
  gradesHead: (rows, columns) => `Grades (leads per cell: ${rows} × ${columns})`,
  gradesConversionHead: 'Grades: conversion per cell (leads with an outcome)',
  ofLeads: (percent, leads) => `${percent} of ${leads}`,
  accounts: {
    head: (accounts, leads, config) =>
      `Accounts: ${accounts} (from ${leads} leads), account config ${config}`,
    perStage: 'Accounts per stage',
    accountsColumn: 'accounts',
    share: 'share',
    coverage:
      'Buying group: accounts where each role is present, missing or not known (most often missing first)',
    noRoles: 'The account config requires no role.',
    role: 'role',
    present: 'present',
    missing: 'missing',
    unknown: 'not known',
    roleName: (role) => role.replace(/_/g, ' '),
    gradesHead: (rows, columns) => `Grades of accounts (accounts per cell: ${rows} × ${columns})`,
    gradesText: (rows, columns) =>
      `Each account's grade puts its ${rows} (letter, rows) beside its ${columns} (digit, columns): the darker the cell, the more accounts.`,
    gradesChart: (rows, columns) => `Accounts per grade: ${rows} (rows) by ${columns} (columns)`,
    gradeCell: (grade, count) => `${grade}: ${count} accounts`,
    alone: (count, leads) =>
      `${count} of ${leads} leads had no account id, company domain or company name: each is an account of its own`,
    withoutMembers: (count, accounts) =>
      `${count} of the ${accounts} accounts in the accounts file have no lead: not classified`,
    section: 'Accounts',
    sectionText: (accounts, leads) =>
      `${accounts} accounts formed from ${leads} leads, each classified by the account config from its members.`,
  },
  report: {
    title: 'leadstage report',
    heading: 'Lead funnel',
    meta: (leads, source, asOf, config, hash) =>
      `${leads} leads from <code>${source}</code>, classified as of ${asOf} · config <code>${config}</code>, hash <code id="config-hash">${hash}</code>`,
    funnel: 'Funnel',
    leadsPerStage: 'Leads per stage',
    leads: 'leads',
    stage: 'stage',
    share: 'share',
    nextStage: 'next stage',
    nextUnmet: 'next unmet',
    nextUnknown: 'next unknown',
    blockers: 'What keeps leads from their next stage',
    blockersKey:
      '<span class="key ask"></span> <strong>ask</strong>: unknown — an answer could move the lead now. <span class="key notmet"></span> <strong>not met</strong>: known, and it would have to change.',
    noBlockers: 'No blockers.',
    blockersChart: 'Top blockers, ask and not met',
    ask: 'ask',
    notMet: 'not met',
    later: 'later',
    blocks: 'blocks',
    criterionOrTest: 'criterion or test',
    scores: 'Score per stage',
    noScores: 'No scores.',
    scoreBoxes: 'Total score per stage: p10 to p90 line, p25 to p75 box, median bar',
    median: 'median',
    mean: 'mean',
    time: 'Time in stage and SLAs',
    entries: 'entries',
    inItNow: 'in it now',
    medianStay: 'median stay',
    p90Stay: 'p90 stay',
    medianToReach: 'median time to reach',
    p90ToReach: 'p90 time to reach',
    days: 'd',
    noSla: 'No stage has a follow-up SLA with event types (<code>followUp.events</code>).',
    slaChart: 'SLA outcomes per stage',
    met: 'met',
    breached: 'breached',
    open: 'open',
    slaMet: 'SLA met',
    calibration: 'Calibration: do the stages predict who converts?',
    calibrationText: (outcome, converted, leads, rate, interval, unmatched) =>
      `Outcome column <code>${outcome}</code>: ${converted} of ${leads} converted (base rate ${rate}, 95 % interval ${interval}); ${unmatched} leads without an outcome are left out. Lift is the rate over the base rate. Each rate has its 95 % interval (Wilson; the black error bars), each group is tested against the rest, and each stage against the next one up: "not distinguishable" means the gap may be noise.`,
    calibrationChart: 'Conversion rate per stage, with its 95 % interval',
    conversion: 'conversion',
    converted: 'converted',
    rate: 'rate',
    interval: '95 % interval',
    lift: 'lift',
    liftInterval: 'lift 95 % interval',
    againstRest: 'against the rest',
    adjacent: 'Adjacent stages: is each stage better than the one below it, beyond noise?',
    stages: 'stages',
    difference: 'difference (points)',
    test: 'test',
    verdict: 'verdict',
    byNext: 'By next-stage status: unknown (never asked) against unmet (asked, and wrong)',
    leadsIn: 'leads in',
    byBand: 'By score band',
    totalScore: 'total score',
    smallSamples: 'Small samples: read these figures with care',
    andMore: (count) => `… and ${count} more`,
    breakdown: (by) => `Breakdown by ${by}: stage shares per group`,
    groups: (count) => `${count} ${count === '1' ? 'group' : 'groups'}.`,
    firstGroups: (max, all, by) =>
      `The first ${max} of ${all} groups are shown; <code>leadstage summarize --by ${by} --format json</code> gives them all.`,
    breakdownChart: (by) => `Share of each stage per group of ${by}`,
    group: 'group',
    cohorts: (by) => `Conversion per group of ${by}, with its 95 % interval`,
    cohortsText:
      'Each group\'s conversion among its leads with an outcome, with its 95 % interval (Wilson; the black error bars). Groups marked "few" have fewer than 30 leads with an outcome: their rates may be noise. Overlapping intervals: the groups may not differ at all.',
    cohortsChart: (by) => `Conversion rate per group of ${by}, with its 95 % interval`,
    noOutcomeYet: 'no outcome yet',
    withOutcome: (count) => `${count} with an outcome`,
    few: 'few',
    leadsWithOutcome: 'leads with an outcome',
    sample: 'sample',
    noOutcome: 'no outcome',
    fewSample: 'few (< 30)',
    ok: 'ok',
    grades: (rows, columns) => `Grades: ${rows} × ${columns}`,
    gradesText: (rows, columns, withOutcome) =>
      `Each lead's grade puts its ${rows} (letter, rows) beside its ${columns} (digit, columns): the darker the cell, the more leads${withOutcome ? '; below each count, the share of its leads with an outcome that converted' : ''}.`,
    gradesChart: (rows, columns) => `Leads per grade: ${rows} (rows) by ${columns} (columns)`,
    gradeCell: (grade, count, rate) =>
      `${grade}: ${count} leads${rate === undefined ? '' : `, ${rate} converted`}`,
    grade: 'grade',
    withAnOutcome: 'with an outcome',
    quality: 'Data quality',
    flags: 'Data flags',
    flag: 'flag',
    interval95: (label, low, high) => `${label}: 95 % interval ${low} – ${high}`,
    conversionPercent: 'conversion %',
    medianOf: (stage, median) => `${stage}: median ${median}`,
  },
  run: {
    rows: (rows, leads, skipped, empty, unreadable, duplicates, dedupe) =>
      `${plural(rows, 'row', 'rows', enCount)} read, ${plural(leads, 'lead', 'leads', enCount)}, ${enCount(skipped)} skipped (${enCount(empty)} empty, ${enCount(unreadable)} unreadable, ${enCount(duplicates)} duplicate id${duplicates === 1 ? '' : 's'}${duplicates > 0 ? (dedupe === 'none' ? ', all kept: --dedupe none' : `, kept the ${dedupe}`) : ''})`,
    unreadableValues: (columns) => `unreadable values: ${columns}`,
    outcomes: (column, readable, rows) =>
      `outcomes (${column}): ${enCount(readable)} readable of ${enCount(rows)} (won/lost, yes/no, 1/0, Closed Won/Closed Lost; open stages and blanks have none yet)`,
    events: (file, read, used) => `events (${file}): ${enCount(read)} read, ${enCount(used)} used`,
    eventsUnreadable: (count) => `${enCount(count)} unreadable (dropped)`,
    eventsUnusedTypes: (count, types) => `${enCount(count)} of types the config never reads: ${types}`,
    didYouMean: (type) => ` (did you mean ${type}?)`,
    moreTypes: (count) => `, … ${count} more`,
    eventsNoLead: (count) => `${enCount(count)} whose lead id matches no lead`,
    eventsOverCap: (count, cap, leads) =>
      `${enCount(count)} over the cap of ${enCount(cap)} events per lead (${enCount(leads)} lead${leads === 1 ? '' : 's'}: the most recent of the types the config reads were kept)`,
    notUsed: (parts) => `not used: ${parts}`,
  },
};

const it: Texts = {
  head: (leads, config, hash) => `${leads} lead, configurazione ${config} (${hash})`,
  funnel: 'Funnel',
  medianScore: 'punteggio mediano',
  next: (stage, unmet, unknown) =>
    `fase successiva ${stage}: non soddisfatta per ${unmet}, sconosciuta per ${unknown}`,
  blockersHead:
    'Ostacoli principali (da chiedere: sconosciuto, una risposta può aiutare subito; non soddisfatto: dovrebbe cambiare; più avanti: sconosciuto, inutile finché i non soddisfatti non cambiano)',
  ask: 'da chiedere',
  notMet: 'non soddisfatto',
  later: 'più avanti',
  dataFlags: 'Segnalazioni sui dati',
  calibrationHead: (converted, leads, rate) => `Calibrazione: ${converted} convertiti su ${leads} (${rate})`,
  interval95: 'intervallo al 95 %',
  withoutOutcome: (count) => `${count} senza esito`,
  ratesNote:
    'tassi con il loro intervallo al 95 % (Wilson); rapporto sul tasso medio con il suo intervallo, e ogni gruppo confrontato con il resto',
  leadsUnit: 'lead',
  lift: 'rapporto',
  vsRest: 'rispetto al resto:',
  splitLabel: (stage, next, status) =>
    `${stage}, ${next} ${status === 'unknown' ? 'sconosciuta' : 'non soddisfatta'}`,
  unknownVsUnmet: 'sconosciuta rispetto a non soddisfatta:',
  scoreBands: 'fasce di punteggio:',
  adjacentHead: 'fasi adiacenti (ogni fase converte più di quella sotto, al di là del caso?):',
  points: 'punti',
  mayBeNoise: ': la differenza può essere casuale',
  smallHead: 'campioni piccoli (meno di 30 lead con un esito, o meno di 5 conversioni attese):',
  moreWarnings: (count) => `… e altri ${itNumber(count)} (--format json li elenca tutti)`,
  fisher: 'test esatto di Fisher',
  zTest: 'test z',
  verdict: (verdict) => (verdict === 'distinguishable' ? 'distinguibile' : 'non distinguibile'),
  vs: 'rispetto a',
  labelWidth: 34,
  test: (label) => label.replace(/^score (\S+) /, (_, group: string) => `punteggio ${group} `),
  breakdownHead: (by, groups, calibrated) =>
    `Suddivisione per ${by}: ${groups} ${groups === '1' ? 'gruppo' : 'gruppi'} (quota di ogni fase${calibrated ? '; conversione con il suo intervallo al 95 %' : ''})`,
  group: 'gruppo',
  leadsColumn: 'lead',
  outcomes: 'esiti',
  rate: 'tasso',
  smallGroups: (count) =>
    `${itNumber(count)} ${count === 1 ? 'gruppo ha' : 'gruppi hanno'} meno di 30 lead con un esito: i loro tassi possono essere casuali (--format json: calibrazione, test e avvisi di ogni gruppo)`,
  gradesHead: (rows, columns) => `Classi (lead per cella: ${rows} × ${columns})`,
  gradesConversionHead: 'Classi: conversione per cella (lead con un esito)',
  ofLeads: (percent, leads) => `${percent} su ${leads}`,
  accounts: {
    head: (accounts, leads, config) =>
      `Account: ${accounts} (da ${leads} lead), configurazione d’account ${config}`,
    perStage: 'Account per fase',
    accountsColumn: 'account',
    share: 'quota',
    coverage:
      'Gruppo d’acquisto: account in cui ogni ruolo è presente, mancante o non noto (i più spesso mancanti per primi)',
    noRoles: 'La configurazione d’account non richiede ruoli.',
    role: 'ruolo',
    present: 'presente',
    missing: 'mancante',
    unknown: 'non noto',
    roleName: (role) => role.replace(/_/g, ' '),
    gradesHead: (rows, columns) => `Classi degli account (account per cella: ${rows} × ${columns})`,
    gradesText: (rows, columns) =>
      `La classe di ogni account mette il suo ${rows} (lettera, righe) accanto al suo ${columns} (cifra, colonne): più scura la cella, più account contiene.`,
    gradesChart: (rows, columns) => `Account per classe: ${rows} (righe) per ${columns} (colonne)`,
    gradeCell: (grade, count) => `${grade}: ${count} account`,
    alone: (count, leads) =>
      `${count} lead su ${leads} senza id d’account, dominio o nome dell’azienda: ognuno è un account a sé`,
    withoutMembers: (count, accounts) =>
      `${count} dei ${accounts} account del file degli account non hanno lead: non classificati`,
    section: 'Account',
    sectionText: (accounts, leads) =>
      `${accounts} account formati da ${leads} lead, ognuno classificato dalla configurazione d’account in base ai suoi membri.`,
  },
  report: {
    title: 'rapporto leadstage',
    heading: 'Funnel dei lead',
    meta: (leads, source, asOf, config, hash) =>
      `${leads} lead da <code>${source}</code>, classificati al ${asOf} · configurazione <code>${config}</code>, hash <code id="config-hash">${hash}</code>`,
    funnel: 'Funnel',
    leadsPerStage: 'Lead per fase',
    leads: 'lead',
    stage: 'fase',
    share: 'quota',
    nextStage: 'fase successiva',
    nextUnmet: 'successiva non soddisfatta',
    nextUnknown: 'successiva sconosciuta',
    blockers: 'Che cosa impedisce ai lead di passare alla fase successiva',
    blockersKey:
      '<span class="key ask"></span> <strong>da chiedere</strong>: sconosciuto — una risposta può far avanzare il lead subito. <span class="key notmet"></span> <strong>non soddisfatto</strong>: noto, e dovrebbe cambiare.',
    noBlockers: 'Nessun ostacolo.',
    blockersChart: 'Ostacoli principali, da chiedere e non soddisfatti',
    ask: 'da chiedere',
    notMet: 'non soddisfatto',
    later: 'più avanti',
    blocks: 'blocca',
    criterionOrTest: 'criterio o test',
    scores: 'Punteggio per fase',
    noScores: 'Nessun punteggio.',
    scoreBoxes:
      'Punteggio totale per fase: linea dal 10° al 90° percentile, riquadro dal 25° al 75°, barra sulla mediana',
    median: 'mediana',
    mean: 'media',
    time: 'Tempo nella fase e SLA',
    entries: 'ingressi',
    inItNow: 'presenti ora',
    medianStay: 'permanenza mediana',
    p90Stay: 'permanenza al 90° percentile',
    medianToReach: 'tempo mediano per arrivarci',
    p90ToReach: 'tempo per arrivarci, 90° percentile',
    days: 'g',
    noSla: 'Nessuna fase ha uno SLA di ricontatto con tipi di evento (<code>followUp.events</code>).',
    slaChart: 'Esiti degli SLA per fase',
    met: 'rispettati',
    breached: 'mancati',
    open: 'aperti',
    slaMet: 'SLA rispettati',
    calibration: 'Calibrazione: le fasi prevedono chi converte?',
    calibrationText: (outcome, converted, leads, rate, interval, unmatched) =>
      `Colonna dell'esito <code>${outcome}</code>: ${converted} convertiti su ${leads} (tasso medio ${rate}, intervallo al 95 % ${interval}); ${unmatched} lead senza esito sono esclusi. Il rapporto è il tasso diviso per il tasso medio. Ogni tasso ha il suo intervallo al 95 % (Wilson; le barre d'errore nere), ogni gruppo è confrontato con il resto e ogni fase con quella successiva: "non distinguibile" vuol dire che la differenza può essere casuale.`,
    calibrationChart: 'Tasso di conversione per fase, con il suo intervallo al 95 %',
    conversion: 'conversione',
    converted: 'convertiti',
    rate: 'tasso',
    interval: 'intervallo al 95 %',
    lift: 'rapporto',
    liftInterval: 'intervallo al 95 % del rapporto',
    againstRest: 'rispetto al resto',
    adjacent: 'Fasi adiacenti: ogni fase converte più di quella sotto, al di là del caso?',
    stages: 'fasi',
    difference: 'differenza (punti)',
    test: 'test',
    verdict: 'esito del test',
    byNext:
      'Per stato della fase successiva: sconosciuta (mai chiesto) rispetto a non soddisfatta (chiesto, e la risposta non va)',
    leadsIn: 'lead in fase',
    byBand: 'Per fascia di punteggio',
    totalScore: 'punteggio totale',
    smallSamples: 'Campioni piccoli: leggere queste cifre con cautela',
    andMore: (count) => `… e altri ${count}`,
    breakdown: (by) => `Suddivisione per ${by}: quote delle fasi per gruppo`,
    groups: (count) => `${count} ${count === '1' ? 'gruppo' : 'gruppi'}.`,
    firstGroups: (max, all, by) =>
      `Sono mostrati i primi ${max} gruppi su ${all}; <code>leadstage summarize --by ${by} --format json</code> li dà tutti.`,
    breakdownChart: (by) => `Quota di ogni fase per gruppo di ${by}`,
    group: 'gruppo',
    cohorts: (by) => `Conversione per gruppo di ${by}, con il suo intervallo al 95 %`,
    cohortsText:
      'La conversione di ogni gruppo tra i suoi lead con un esito, con il suo intervallo al 95 % (Wilson; le barre d\'errore nere). I gruppi segnati "pochi" hanno meno di 30 lead con un esito: i loro tassi possono essere casuali. Se gli intervalli si sovrappongono, i gruppi possono non differire affatto.',
    cohortsChart: (by) => `Tasso di conversione per gruppo di ${by}, con il suo intervallo al 95 %`,
    noOutcomeYet: 'ancora nessun esito',
    withOutcome: (count) => `${count} con un esito`,
    few: 'pochi',
    leadsWithOutcome: 'lead con un esito',
    sample: 'campione',
    noOutcome: 'nessun esito',
    fewSample: 'pochi (< 30)',
    ok: 'sufficiente',
    grades: (rows, columns) => `Classi: ${rows} × ${columns}`,
    gradesText: (rows, columns, withOutcome) =>
      `La classe di ogni lead mette il suo ${rows} (lettera, righe) accanto al suo ${columns} (cifra, colonne): più scura la cella, più lead contiene${withOutcome ? '; sotto ogni conteggio, la quota dei suoi lead con un esito che hanno convertito' : ''}.`,
    gradesChart: (rows, columns) => `Lead per classe: ${rows} (righe) per ${columns} (colonne)`,
    gradeCell: (grade, count, rate) =>
      `${grade}: ${count} lead${rate === undefined ? '' : `, ${rate} convertiti`}`,
    grade: 'classe',
    withAnOutcome: 'con un esito',
    quality: 'Qualità dei dati',
    flags: 'Segnalazioni sui dati',
    flag: 'segnalazione',
    interval95: (label, low, high) => `${label}: intervallo al 95 % ${low} – ${high}`,
    conversionPercent: 'conversione %',
    medianOf: (stage, median) => `${stage}: mediana ${median}`,
  },
  run: {
    rows: (rows, leads, skipped, empty, unreadable, duplicates, dedupe) =>
      `${plural(rows, 'riga letta', 'righe lette', itNumber)}, ${itNumber(leads)} lead, ${plural(skipped, 'saltata', 'saltate', itNumber)} (${itNumber(empty)} vuote, ${itNumber(unreadable)} illeggibili, ${plural(duplicates, 'id duplicato', 'id duplicati', itNumber)}${duplicates > 0 ? (dedupe === 'none' ? ', tutte tenute: --dedupe none' : `, tenuta ${dedupe === 'last' ? "l'ultima" : 'la prima'}`) : ''})`,
    unreadableValues: (columns) => `valori illeggibili: ${columns}`,
    outcomes: (column, readable, rows) =>
      `esiti (${column}): ${itNumber(readable)} leggibili su ${itNumber(rows)} (won/lost, yes/no, 1/0, Closed Won/Closed Lost; le fasi aperte e le celle vuote non hanno ancora un esito)`,
    events: (file, read, used) => `eventi (${file}): ${itNumber(read)} letti, ${itNumber(used)} usati`,
    eventsUnreadable: (count) => `${itNumber(count)} illeggibili (scartati)`,
    eventsUnusedTypes: (count, types) =>
      `${itNumber(count)} di tipi che la configurazione non legge: ${types}`,
    didYouMean: (type) => ` (forse ${type}?)`,
    moreTypes: (count) => `, … altri ${itNumber(count)}`,
    eventsNoLead: (count) => `${itNumber(count)} con un id di lead che non corrisponde a nessun lead`,
    eventsOverCap: (count, cap, leads) =>
      `${itNumber(count)} oltre il limite di ${itNumber(cap)} eventi per lead (${plural(leads, 'lead', 'lead', itNumber)}: tenuti i più recenti dei tipi che la configurazione legge)`,
    notUsed: (parts) => `non usati: ${parts}`,
  },
};

const NONE = '(none)';
const UNREADABLE = '(unreadable)';
const OTHER = '(other)';

/** `2026-07-08T09:30:00Z` → `8 luglio 2026, ore 09:30 UTC`; the day alone at midnight. */
function italianInstant(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const day = instant.getUTCDate();
  const month = new Intl.DateTimeFormat('it-IT', { month: 'long', timeZone: 'UTC' }).format(instant);
  const hours = instant.getUTCHours();
  const minutes = instant.getUTCMinutes();
  const time =
    hours === 0 && minutes === 0
      ? ''
      : `, ore ${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')} UTC`;
  // the first of the month is "1°" in Italian
  return `${day === 1 ? '1°' : day} ${month} ${instant.getUTCFullYear()}${time}`;
}

/** A date bucket's key in Italian: `2026-07` → `luglio 2026`, `2026-Q3` → `3° trimestre 2026`. */
function italianBucket(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month !== null) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return `${new Intl.DateTimeFormat('it-IT', { month: 'long', timeZone: 'UTC' }).format(date)} ${month[1]}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return italianInstant(`${key}T00:00:00Z`);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter !== null) return `${quarter[2]}° trimestre ${quarter[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week !== null) return `settimana ${Number(week[2])} del ${week[1]}`;
  return key;
}

/** The words `--by` names: a canonical path in words, a date bucket after it. */
function byWords(by: string, locale: Locale): string {
  const colon = by.lastIndexOf(':');
  const bucket = colon < 0 ? '' : by.slice(colon + 1);
  const known = ['day', 'week', 'month', 'quarter', 'year'].includes(bucket);
  const path = known ? by.slice(0, colon) : by;
  // a lead path in the library's words (a flag's subject: `company size: …`); a column's own name (no dot:
  // `engage_date`, `Original Source`) as the file writes it
  const described = describeFlag(`unreadable:${path}`, { locale });
  const lead = path.includes('.') || /^[a-z]+([A-Z][a-z]*)*$/.test(path);
  const words = lead ? described.slice(0, described.lastIndexOf(':')) : path;
  if (!known) return words;
  const buckets =
    locale === 'it'
      ? { day: 'giorno', week: 'settimana', month: 'mese', quarter: 'trimestre', year: 'anno' }
      : { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };
  return `${words} (${buckets[bucket as keyof typeof buckets]})`;
}

const percentText = (share: number | null, w: Pick<Words, 'fixed'>) =>
  share === null ? '—' : `${w.fixed(share * 100, 1)} %`;

/** The Italian text of a summary warning, from its code, where it is and the rate there. */
function italianWarning(warning: SummaryWarning, calibration: Calibration | undefined): string {
  const fixed = (value: number, digits: number) => grouped(value.toFixed(digits), '.', ',');
  const w = { fixed };
  if (warning.code === 'groups_capped')
    return `più gruppi del limite: ${itNumber(warning.leads)} lead dei gruppi successivi sono contati sotto "(altro)" (--max-groups alza il limite)`;
  const found = calibration === undefined ? undefined : italianWhere(warning.where, calibration);
  const label = found?.label ?? warning.where;
  const rate = found?.rate;
  if (warning.code === 'small_sample') {
    const interval =
      rate?.interval === null || rate?.interval === undefined
        ? ''
        : ` (intervallo al 95 % ${percentText(rate.interval.low, w)} – ${percentText(rate.interval.high, w)})`;
    const lift =
      rate === undefined || rate.lift === null || warning.where === 'all'
        ? ''
        : ` e il rapporto ${itNumber(rate.lift)}`;
    return `${label}: ${plural(warning.leads, 'lead', 'lead', itNumber)} con un esito, meno di 30: il tasso ${percentText(rate?.rate ?? null, w)}${interval}${lift} ${lift === '' ? 'può essere casuale' : 'possono essere casuali'}`;
  }
  return `${label}: meno di 5 conversioni (o non conversioni) attese al tasso medio: il tasso e il rapporto poggiano su pochissimi lead`;
}

/** The words of a locale. */
export function wordsFor(locale: Locale): Words {
  if (locale === 'it') {
    return {
      locale,
      number: itNumber,
      count: itNumber,
      fixed: (value, digits) => grouped(value.toFixed(digits), '.', ','),
      instant: italianInstant,
      flag: (flag) => describeFlag(flag, { locale }),
      groupKey: (key, by) =>
        key === NONE
          ? '(nessun valore)'
          : key === UNREADABLE
            ? '(illeggibile)'
            : key === OTHER
              ? '(altro)'
              : /:(day|week|month|quarter|year)$/.test(by)
                ? italianBucket(key)
                : key,
      by: (by) => byWords(by, locale),
      warning: italianWarning,
      t: it,
    };
  }
  return {
    locale,
    number: (value) => String(value),
    count: enCount,
    fixed: (value, digits) => value.toFixed(digits),
    instant: (iso) => iso,
    flag: (flag) => describeFlag(flag, { locale }),
    groupKey: (key) => key,
    by: (by) => byWords(by, locale),
    // the library's message, but for a capped breakdown, whose message names the --by path as given
    warning: (warning) =>
      warning.code === 'groups_capped'
        ? `more groups than the cap: ${plural(warning.leads, 'lead', 'leads', enCount)} of the later groups are counted under "(other)" (--max-groups raises the cap)`
        : warning.message,
    t: en,
  };
}

/** What a warning's `where` points at in a calibration: a label in Italian and the rate there. */
function italianWhere(
  where: string,
  calibration: Calibration,
): { label: string; rate: RateLike } | undefined {
  if (where === 'all')
    return {
      label: 'Tutti i lead',
      rate: { rate: calibration.rate, lift: null, interval: calibration.interval },
    };
  if (where.startsWith('stages.')) {
    const id = where.slice('stages.'.length);
    const rate = Object.hasOwn(calibration.stages, id) ? calibration.stages[id] : undefined;
    return rate === undefined ? undefined : { label: id, rate };
  }
  const band = /^bands\[(\d+)\]$/.exec(where);
  if (band !== null) {
    const found = calibration.bands[Number(band[1])];
    return found === undefined
      ? undefined
      : { label: `punteggio ${itNumber(found.from)} – ${itNumber(found.to)}`, rate: found };
  }
  const next = /^next\.(.*)\.(unknown|unmet)$/s.exec(where);
  if (next === null) return undefined;
  const id = next[1] as string;
  const split = Object.hasOwn(calibration.next, id) ? calibration.next[id] : undefined;
  if (split === undefined) return undefined;
  const unknown = next[2] === 'unknown';
  return {
    label: `${id} con ${split.stage} ${unknown ? 'sconosciuta' : 'non soddisfatta'}`,
    rate: unknown ? split.unknown : split.unmet,
  };
}
