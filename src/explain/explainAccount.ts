import { localeOf } from '../internal/localize';
import type { AccountClassification, AccountMember } from '../schema/account';

interface AccountMessages {
  readonly grade: (grade: string) => string;
  readonly account: string;
  readonly by: string;
  readonly missing: string;
  readonly find: string;
  readonly a: string;
  readonly the: string;
  readonly nothing: string;
  readonly toReach: (stage: string) => string;
  readonly members: (count: number, stages: string) => string;
  readonly truncated: (kept: number) => string;
  readonly flags: string;
}

const MESSAGES: Readonly<Record<string, AccountMessages>> = {
  en: {
    grade: (grade) => `grade ${grade}`,
    account: 'This account',
    by: 'by',
    missing: 'missing',
    find: 'to find',
    a: 'a',
    the: 'the',
    nothing: 'nothing met yet',
    toReach: (stage) => `To reach ${stage}`,
    members: (count, stages) => `Members: ${count}${stages === '' ? '' : ` (${stages})`}.`,
    truncated: (kept) => `Only the first ${kept} were read.`,
    flags: 'Data quality',
  },
  it: {
    grade: (grade) => `classe ${grade}`,
    account: 'Questo account',
    by: 'da',
    missing: 'manca',
    find: 'da trovare',
    a: 'un',
    the: 'il',
    nothing: 'ancora nulla di soddisfatto',
    toReach: (stage) => `Per arrivare a ${stage}`,
    members: (count, stages) => `Membri: ${count}${stages === '' ? '' : ` (${stages})`}.`,
    truncated: (kept) => `Letti solo i primi ${kept}.`,
    flags: 'Qualità dei dati',
  },
};

/** `Giulia Neri (CFO)`, else the member's id. */
function who(member: AccountMember | undefined, id: string): string {
  if (member === undefined) return id;
  const name = member.name ?? member.id;
  return member.title === undefined ? name : `${name} (${member.title})`;
}

const roleName = (role: string) => role.replace(/_/g, ' ');

/**
 * An account result as a sales note: `Nuvola SpA: SQO, grade A1 — Buying group (decision maker Giulia Neri
 * (CFO), champion Luca Bruni (VP Sales)); Two members engaged (by Giulia Neri (CFO), Luca Bruni (VP Sales));
 * missing: a technical evaluator`, then what blocks the next stage, the members by stage, and the flags.
 */
export function explainAccount(result: AccountClassification, locale: unknown): string {
  const text = localeOf(locale);
  const m =
    (Object.hasOwn(MESSAGES, text) ? MESSAGES[text] : undefined) ??
    (Object.hasOwn(MESSAGES, text.slice(0, 2)) ? MESSAGES[text.slice(0, 2)] : undefined) ??
    (MESSAGES.en as AccountMessages);
  const byId = new Map(result.members.map((member) => [member.id, member]));
  const names = (ids: readonly string[]) => {
    const shown = ids.slice(0, 5).map((id) => who(byId.get(id), id));
    return ids.length > 5 ? `${shown.join(', ')} +${ids.length - 5}` : shown.join(', ');
  };
  const group = result.buyingGroup;
  const met: string[] = [];
  for (const criterion of Object.values(result.criteria)) {
    if (criterion.status !== 'met' || criterion.knockOut === true) continue;
    // the holders of the roles a criterion requires, else the members who passed its member tests
    const roles = (criterion.roles ?? []).filter((role) => Object.hasOwn(group.present, role));
    const holders =
      roles.length > 0
        ? roles.map((role) => `${roleName(role)} ${names(group.present[role] ?? [])}`).join(', ')
        : undefined;
    if (holders !== undefined) met.push(`${criterion.label} (${holders})`);
    else if (criterion.members !== undefined && criterion.members.length > 0)
      met.push(`${criterion.label} (${m.by} ${names(criterion.members)})`);
    else met.push(criterion.label);
  }
  const parts = met.length === 0 ? [m.nothing] : met;
  if (group.missing.length > 0)
    parts.push(`${m.missing}: ${group.missing.map((role) => `${m.a} ${roleName(role)}`).join(', ')}`);
  if (group.unknown.length > 0)
    parts.push(`${m.find}: ${group.unknown.map((role) => `${m.the} ${roleName(role)}`).join(', ')}`);
  const grade = typeof result.grade === 'string' ? `, ${m.grade(result.grade)}` : '';
  const lines = [`${result.accountId ?? m.account}: ${result.stageLabel}${grade} — ${parts.join('; ')}.`];
  const next = result.next;
  if (next !== undefined && next.blockers.length > 0) {
    lines.push(`${m.toReach(next.label)}: ${next.blockers.map((blocker) => blocker.label).join('; ')}.`);
  }
  const stages = new Map<string, number>();
  for (const member of result.members) stages.set(member.stage, (stages.get(member.stage) ?? 0) + 1);
  lines.push(
    m.members(result.memberCount, [...stages].map(([stage, count]) => `${count} ${stage}`).join(', ')),
  );
  if (result.memberCount > result.members.length) lines.push(m.truncated(result.members.length));
  if (result.flags.length > 0) lines.push(`${m.flags}: ${result.flags.join(', ')}.`);
  return lines.join('\n');
}
