import type { AccountClassification } from '../schema/account';
import type { Classification } from '../schema/result';
import { flagWords } from './describeFlag';
import { explainAccount } from './explainAccount';
import type { ExplainMessages } from './messages';
import { blockerText, factsText, messagesFor } from './words';

/**
 * Options of {@link explain}.
 *
 * @category Classify
 */
export interface ExplainOptions {
  /** `en` (default) or `it`; other locales fall back to their language, then English. */
  readonly locale?: string;
}

/** `unreadable:budget.amount` with the value the lead held there, when a criterion read it: `… ("a lot")`. */
function withValue(flag: string, result: Classification, read?: string): string {
  if (read === undefined && !flag.startsWith('unreadable:')) return flag;
  const path = read ?? flag.slice('unreadable:'.length);
  for (const criterion of Object.values(result.criteria)) {
    for (const fact of criterion.facts) {
      if (fact.path === path && fact.value !== undefined) return `${flag} (${JSON.stringify(fact.value)})`;
    }
  }
  return flag;
}

/** An ISO instant as people write it: `7 July 2026, 12:00 UTC`, or just the day at midnight. */
function formatDate(iso: string, m: ExplainMessages): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const hours = instant.getUTCHours();
  const minutes = instant.getUTCMinutes();
  const time =
    hours === 0 && minutes === 0
      ? undefined
      : `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return m.date(
    instant.getUTCDate(),
    m.months[instant.getUTCMonth()] as string,
    instant.getUTCFullYear(),
    time,
  );
}

function signed(points: number, m: ExplainMessages): string {
  return points > 0 ? `+${m.number(points)}` : m.number(points);
}

/** A data flag in words: `kind:subject`, the subject a fact path, an event or an operator's name. */
function flagText(flag: string, result: Classification, m: ExplainMessages): string {
  const words = flagWords(flag, m);
  // a flag of a kind the library does not know (a custom operator's) is shown as it is
  return words === undefined
    ? withValue(flag, result)
    : flag.startsWith('unreadable:')
      ? withValue(words, result, flag.slice('unreadable:'.length))
      : words;
}

/**
 * Explains a classification in words a sales manager reads: the stage and score, which criteria are
 * met, unmet or unknown (and its grade, for a config with `grades`), what the lead still lacks for the next stage and what to collect, the score
 * breakdown, next steps and data-quality flags. A pure formatter over the result; labels, hints and
 * actions appear in the language `classify` was asked for.
 *
 * @param result - a {@link Classification}, or an account's (`classifyAccount`): then a sales note
 * @param options - `locale`: `en` or `it`
 * @returns several lines of text
 *
 * @example
 * const result = classify({ events: [{ type: 'webinar_attended', at: '2026-06-10' }] }, presets.saas, { asOf: '2026-06-30', locale: 'it' });
 * explain(result, { locale: 'it' }).split('\n')[0];
 * //=> 'Questo lead: fase SAL (Lead accettato per la vendita), punteggio 5 (fit 0, engagement 5), classe D4.'
 *
 * @category Classify
 */
export function explain(
  result: Classification | AccountClassification,
  options: ExplainOptions = {},
): string {
  // an account's result (classifyAccount) reads as a sales note
  if (Object.hasOwn(result, 'buyingGroup')) {
    return explainAccount(result as AccountClassification, options.locale ?? result.locale ?? 'en');
  }
  return explainLead(result as Classification, options);
}

function explainLead(result: Classification, options: ExplainOptions): string {
  // the result's own locale, unless told otherwise
  const m = messagesFor(options.locale ?? (result as { locale?: unknown }).locale ?? 'en');
  const lines: string[] = [];
  const groupEntries = Object.entries(result.scores).filter(([name]) => name !== 'total');
  const groups = groupEntries.map(([name, value]) => `${name} ${m.number(value)}`).join(', ');
  // a config without scoring has nothing to say about a score
  const scored = groupEntries.length > 0 || result.ledger.length > 0 || result.scores.total !== 0;
  const grade = typeof result.grade === 'string' ? `, ${m.grade(result.grade)}` : '';
  lines.push(
    `${m.lead(result.leadId)}: ${m.stage(result.stage, result.stageLabel)}${scored ? `, ${m.score(result.scores.total, groups)}` : ''}${grade}.`,
  );
  lines.push(m.context(formatDate(result.asOf, m), result.config.id));

  const byStatus = { met: [] as string[], unmet: [] as string[], unknown: [] as string[] };
  const knockOuts: string[] = [];
  for (const criterion of Object.values(result.criteria)) {
    if (criterion.knockOut === true)
      knockOuts.push(`${criterion.label} — ${m.knockOutStatus[criterion.status]}`);
    else byStatus[criterion.status].push(criterion.label);
  }
  lines.push('');
  lines.push(`${m.met}: ${byStatus.met.join('; ') || m.none}.`);
  lines.push(`${m.unmet}: ${byStatus.unmet.join('; ') || m.none}.`);
  lines.push(`${m.unknown}: ${byStatus.unknown.join('; ') || m.none}.`);
  if (knockOuts.length > 0) lines.push(`${m.knockOuts}: ${knockOuts.join('; ')}.`);

  lines.push('');
  const current = result.stages.find((stage) => stage.id === result.stage);
  if (result.next !== undefined) {
    lines.push(m.toReach(result.next.label, result.next.stage));
    for (const blocker of result.next.blockers) lines.push(`  - ${blockerText(blocker, m)}`);
    if (result.next.later !== undefined) {
      lines.push(m.later);
      for (const blocker of result.next.later) {
        let line = `  - ${blocker.label}.`;
        if (blocker.hint !== undefined) line += ` ${blocker.hint}.`;
        if (blocker.facts.length > 0)
          line += ` (${m.collect}: ${factsText(blocker.facts, m, blocker.labels)})`;
        lines.push(line);
      }
    }
  } else {
    lines.push(current?.exit === true ? m.exitStage : m.topStage);
  }

  if (result.ledger.length > 0) {
    lines.push('');
    lines.push(m.ledger);
    for (const entry of result.ledger) {
      const name = entry.rule.startsWith('cap:') ? m.cap(entry.rule.slice(4)) : (entry.label ?? entry.rule);
      const details = [entry.group, entry.events === undefined ? undefined : m.events(entry.events)].filter(
        (detail) => detail !== undefined,
      );
      lines.push(
        `  ${signed(entry.points, m)} ${name}${details.length === 0 ? '' : ` [${details.join(', ')}]`}`,
      );
    }
  }
  if (result.actions.length > 0) {
    lines.push('');
    lines.push(m.actions);
    for (const action of result.actions) lines.push(`  - ${action}`);
  }
  if (result.followUpBy !== undefined) {
    const wait = Date.parse(result.followUpBy) - Date.parse(result.asOf);
    lines.push(m.followUp(`${formatDate(result.followUpBy, m)} (${m.inTime(wait)})`));
  }
  if (result.flags.length > 0) {
    lines.push('');
    lines.push(m.flags);
    for (const flag of result.flags) lines.push(`  - ${flagText(flag, result, m)}.`);
  }
  return lines.join('\n');
}
