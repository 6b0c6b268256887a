/** The sentences `explain` writes, per language. Labels, hints and actions come from the config. */
export interface ExplainMessages {
  readonly lead: (id: string | undefined) => string;
  readonly stage: (stage: string, label: string) => string;
  readonly score: (total: number, groups: string) => string;
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
}

const en: ExplainMessages = {
  lead: (id) => (id === undefined ? 'Lead' : `Lead ${id}`),
  stage: (stage, label) => (stage === label ? `stage ${stage}` : `stage ${stage} (${label})`),
  score: (total, groups) => `score ${total}${groups === '' ? '' : ` (${groups})`}`,
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
};

const it: ExplainMessages = {
  lead: (id) => (id === undefined ? 'Lead' : `Lead ${id}`),
  stage: (stage, label) => (stage === label ? `fase ${stage}` : `fase ${stage} (${label})`),
  score: (total, groups) => `punteggio ${total}${groups === '' ? '' : ` (${groups})`}`,
  context: (asOf, config) => `Alla data ${asOf}, con la configurazione "${config}".`,
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
  followUp: (date) => `Ricontattare entro ${date}.`,
  flags: 'Qualità dei dati:',
};

export const MESSAGES: Readonly<Record<string, ExplainMessages>> = { en, it };
