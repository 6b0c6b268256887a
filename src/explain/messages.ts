/** The sentences `explain` writes, per language. Labels, hints and actions come from the config. */
export interface ExplainMessages {
  readonly lead: (id: string | undefined) => string;
  readonly stage: (stage: string, label: string) => string;
  readonly score: (total: number, groups: string) => string;
  /** The fit × engagement grade, after the score: `grade A1`. */
  readonly grade: (grade: string) => string;
  readonly context: (asOf: string, config: string) => string;
  readonly met: string;
  readonly unmet: string;
  readonly unknown: string;
  readonly none: string;
  readonly toReach: (label: string, stage: string) => string;
  readonly topStage: string;
  readonly exitStage: string;
  readonly status: { readonly unmet: string; readonly unknown: string };
  readonly collect: string;
  /** Heads the unknowns that matter only once the blockers change. */
  readonly later: string;
  readonly check: string;
  readonly ledger: string;
  readonly events: (count: number) => string;
  readonly cap: (group: string) => string;
  readonly actions: string;
  readonly followUp: (date: string) => string;
  readonly flags: string;
  /** Heads the knock-out criteria, apart from the qualification gaps. */
  readonly knockOuts: string;
  readonly knockOutStatus: { readonly met: string; readonly unmet: string; readonly unknown: string };
  /** How long from `asOf`, in words: `in 3 days`, `in 24 hours`. */
  readonly inTime: (milliseconds: number) => string;
  /** Month names, January first. */
  readonly months: readonly string[];
  /** A day and time as people write them: `7 July 2026, 12:00 UTC`. */
  readonly date: (day: number, month: string, year: number, time: string | undefined) => string;
  /** What to collect or check, by canonical fact path. */
  readonly facts: Readonly<Record<string, string>>;
  /** Events of some types: `demo_completed or pricing_discussed events`. */
  readonly eventsOf: (types: readonly string[]) => string;
  /** A number as the language writes it: `1234.5` in English, `1.234,5` in Italian. */
  readonly number: (value: number) => string;
  /** An event by its place in the lead: `event 3` for `events[2]`. */
  readonly event: (index: number) => string;
  /**
   * A data flag of the result in words, by its kind (`unreadable`, `invalid_date`, …) and what it is
   * about (a fact in words, an event, an operator); `undefined` for a kind it does not know.
   */
  readonly flag: (kind: string, subject: string) => string | undefined;
  /** A score by its group, for a `scores.<group>` path: `engagement score`, `total score`. */
  readonly scoreOf: (group: string) => string;
  /** The subject of flags past the cap of paths a summary counts (`"(other)"`). */
  readonly otherFields: string;
}

/** Thousands grouped with `group`, decimals after `decimal`: values are already rounded (cents at most). */
function formatNumber(value: number, group: string, decimal: string): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = String(Math.abs(value)).split('.') as [string, string | undefined];
  // exponent forms (1e21, 1e-7) are left as they are
  if (!/^\d+$/.test(whole) || (fraction !== undefined && !/^\d+$/.test(fraction))) return String(value);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `${decimal}${fraction}`}`;
}

const en: ExplainMessages = {
  lead: (id) => (id === undefined ? 'This lead' : `Lead ${id}`),
  stage: (stage, label) => (stage === label ? `stage ${stage}` : `stage ${stage} (${label})`),
  score: (total, groups) => `score ${total}${groups === '' ? '' : ` (${groups})`}`,
  grade: (grade) => `grade ${grade}`,
  context: (asOf, config) => `As of ${asOf}, with config "${config}".`,
  met: 'Met',
  unmet: 'Not met',
  unknown: 'Unknown (data missing)',
  none: 'none',
  toReach: (label, stage) => (label === stage ? `To reach ${stage}:` : `To reach ${stage} (${label}):`),
  topStage: 'This is the top stage.',
  exitStage: 'This is an exit stage: the lead is out of the funnel.',
  status: { unmet: 'not met', unknown: 'unknown' },
  collect: 'collect',
  later: 'Unknown, and worth asking once those change:',
  check: 'check',
  ledger: 'Score breakdown:',
  events: (count) => (count === 1 ? '1 event' : `${count} events`),
  cap: (group) => (group === 'total' ? 'cap on the total' : `cap on ${group}`),
  actions: 'Next steps:',
  followUp: (date) => `Follow up by ${date}.`,
  flags: 'Data quality:',
  inTime: (milliseconds) => {
    const hours = Math.round(milliseconds / 3_600_000);
    if (hours < 48) return hours === 1 ? 'in 1 hour' : `in ${hours} hours`;
    return `in ${Math.round(hours / 24)} days`;
  },
  knockOuts: 'Knock-out checks',
  knockOutStatus: { met: 'applies', unmet: 'does not apply', unknown: 'unknown' },
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  date: (day, month, year, time) => `${day} ${month} ${year}${time === undefined ? '' : `, ${time} UTC`}`,
  facts: {
    'budget.status': 'budget status',
    'budget.amount': 'budget amount',
    'authority.role': 'who decides',
    'contact.seniority': 'seniority',
    'need.painPoints': 'pain points',
    'need.painPoints.length': 'pain points',
    'need.severity': 'how much it hurts',
    'need.statement': 'the need in their words',
    'timeline.purchaseBy': 'purchase date',
    'company.employees': 'company size',
    'company.annualRevenue': 'annual revenue',
    'company.industry': 'industry',
    'company.isCompetitor': 'whether they are a competitor',
    'company.isCustomer': 'whether they are a customer',
    'company.name': 'company name',
    'company.domain': 'company domain',
    'company.country': 'company country',
    'contact.name': 'contact name',
    'contact.email': 'email',
    'contact.title': 'job title',
    'contact.department': 'department',
    'contact.country': 'contact country',
    'budget.currency': 'budget currency',
    createdAt: 'creation date',
    followUpBy: 'follow-up date',
    source: 'source',
  },
  otherFields: 'other fields',
  scoreOf: (group) => (group === 'total' ? 'total score' : `${group} score`),
  eventsOf: (types) => `${types.join(' or ')} events`,
  number: (value) => String(value),
  event: (index) => `event ${index + 1}`,
  flag: (kind, subject) => {
    switch (kind) {
      case 'unreadable':
        return `${subject}: a value that could not be read`;
      case 'ambiguous_number':
        return `${subject}: an ambiguous number (thousands or decimals? set the decimal separator)`;
      case 'invalid_date':
        return `${subject}: a date that could not be read`;
      case 'invalid_event':
        return `${subject}: an event that could not be read (a type and a date are needed)`;
      case 'future_events_ignored':
        return 'events dated after the as-of instant were left out';
      case 'events_truncated':
        return 'more than 10,000 events: only the most recent were read';
      case 'budget_exceeded':
        return 'the classification reached its work limit: what it had not read is unknown';
      case 'too_costly':
        return `${subject}: a pattern test too costly for this value, read as unknown`;
      case 'operator_failed':
        return `the custom operator "${subject}" failed: its tests read as unknown`;
      case 'flags_truncated':
        return 'more notes than are listed';
      default:
        return undefined;
    }
  },
};

/** Dates starting with a vowel sound take the elided article: l'8 luglio, all'11 giugno (but il 1° luglio). */
const elides = (date: string) => /^(8|11)\s/.test(date);

const it: ExplainMessages = {
  lead: (id) => (id === undefined ? 'Questo lead' : `Lead ${id}`),
  stage: (stage, label) => (stage === label ? `fase ${stage}` : `fase ${stage} (${label})`),
  score: (total, groups) =>
    `punteggio ${formatNumber(total, '.', ',')}${groups === '' ? '' : ` (${groups})`}`,
  grade: (grade) => `classe ${grade}`,
  context: (asOf, config) => `${elides(asOf) ? "All'" : 'Al '}${asOf}, con la configurazione "${config}".`,
  met: 'Soddisfatti',
  unmet: 'Non soddisfatti',
  unknown: 'Sconosciuti (dati mancanti)',
  none: 'nessuno',
  toReach: (label, stage) =>
    label === stage ? `Per arrivare a ${stage}:` : `Per arrivare a ${stage} (${label}):`,
  topStage: 'È la fase più alta.',
  exitStage: 'È una fase di uscita: il lead è fuori dal funnel.',
  status: { unmet: 'criterio non soddisfatto', unknown: 'dati mancanti' },
  collect: 'raccogli',
  later: 'Sconosciuti, da chiedere quando questi cambiano:',
  check: 'verifica',
  ledger: 'Dettaglio del punteggio:',
  events: (count) => (count === 1 ? '1 evento' : `${count} eventi`),
  cap: (group) => (group === 'total' ? 'tetto sul totale' : `tetto su ${group}`),
  actions: 'Prossimi passi:',
  followUp: (date) => `Ricontattare entro ${elides(date) ? "l'" : 'il '}${date}.`,
  flags: 'Qualità dei dati:',
  inTime: (milliseconds) => {
    const hours = Math.round(milliseconds / 3_600_000);
    if (hours < 48) return hours === 1 ? 'tra 1 ora' : `tra ${hours} ore`;
    return `tra ${Math.round(hours / 24)} giorni`;
  },
  knockOuts: 'Criteri di esclusione',
  knockOutStatus: { met: 'si applica', unmet: 'non si applica', unknown: 'sconosciuto' },
  months: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  // the first of the month is "1°" in Italian
  date: (day, month, year, time) =>
    `${day === 1 ? '1°' : day} ${month} ${year}${time === undefined ? '' : `, ore ${time} UTC`}`,
  facts: {
    'budget.status': 'stato del budget',
    'budget.amount': 'importo del budget',
    'authority.role': 'chi decide',
    'contact.seniority': 'ruolo',
    'need.painPoints': 'problemi da risolvere',
    'need.painPoints.length': 'problemi da risolvere',
    'need.severity': 'quanto è urgente',
    'need.statement': "l'esigenza con parole loro",
    'timeline.purchaseBy': 'data di acquisto',
    'company.employees': "dimensione dell'azienda",
    'company.annualRevenue': 'fatturato annuo',
    'company.industry': 'settore',
    'company.isCompetitor': 'se sono un concorrente',
    'company.isCustomer': 'se sono già clienti',
    'company.name': "nome dell'azienda",
    'company.domain': "dominio dell'azienda",
    'company.country': "paese dell'azienda",
    'contact.name': 'nome del contatto',
    'contact.email': 'email',
    'contact.title': 'qualifica',
    'contact.department': 'reparto',
    'contact.country': 'paese del contatto',
    'budget.currency': 'valuta del budget',
    createdAt: 'data di creazione',
    followUpBy: 'data di ricontatto',
    source: 'origine',
  },
  otherFields: 'altri campi',
  scoreOf: (group) => (group === 'total' ? 'punteggio totale' : `punteggio ${group}`),
  eventsOf: (types) => `eventi ${types.join(' o ')}`,
  number: (value) => formatNumber(value, '.', ','),
  event: (index) => `evento ${index + 1}`,
  flag: (kind, subject) => {
    switch (kind) {
      case 'unreadable':
        return `${subject}: un valore illeggibile`;
      case 'ambiguous_number':
        return `${subject}: un numero ambiguo (migliaia o decimali? indicare il separatore decimale)`;
      case 'invalid_date':
        return `${subject}: una data illeggibile`;
      case 'invalid_event':
        return `${subject}: un evento illeggibile (servono un tipo e una data)`;
      case 'future_events_ignored':
        return 'esclusi gli eventi con data successiva al momento della valutazione';
      case 'events_truncated':
        return 'più di 10.000 eventi: letti solo i più recenti';
      case 'budget_exceeded':
        return 'la valutazione ha raggiunto il suo limite di lavoro: ciò che non ha letto è sconosciuto';
      case 'too_costly':
        return `${subject}: un confronto con un pattern troppo costoso per questo valore, considerato sconosciuto`;
      case 'operator_failed':
        return `l'operatore personalizzato "${subject}" ha dato errore: i suoi test sono sconosciuti`;
      case 'flags_truncated':
        return 'altre note oltre a quelle elencate';
      default:
        return undefined;
    }
  },
};

export const MESSAGES: Readonly<Record<string, ExplainMessages>> = { en, it };
