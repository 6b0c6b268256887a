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
  },
  eventsOf: (types) => `${types.join(' or ')} events`,
};

const it: ExplainMessages = {
  lead: (id) => (id === undefined ? 'Questo lead' : `Lead ${id}`),
  stage: (stage, label) => (stage === label ? `fase ${stage}` : `fase ${stage} (${label})`),
  score: (total, groups) => `punteggio ${total}${groups === '' ? '' : ` (${groups})`}`,
  grade: (grade) => `classe ${grade}`,
  context: (asOf, config) => `Al ${asOf}, con la configurazione "${config}".`,
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
  followUp: (date) => `Ricontattare entro il ${date}.`,
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
    'need.statement': 'l’esigenza con parole loro',
    'timeline.purchaseBy': 'data di acquisto',
    'company.employees': 'dimensione dell’azienda',
    'company.annualRevenue': 'fatturato annuo',
    'company.industry': 'settore',
    'company.isCompetitor': 'se sono un concorrente',
    'company.isCustomer': 'se sono già clienti',
  },
  eventsOf: (types) => `eventi ${types.join(' o ')}`,
};

export const MESSAGES: Readonly<Record<string, ExplainMessages>> = { en, it };
