// `summarize` as text: the funnel, the top blockers, the data flags in words, the calibration, the
// breakdown and the grade matrix, in the words of `--locale`.
import type { AccountSummary, GradeMatrix, groupByAccount, Summary } from 'leadstage';
import { breakdownLines, calibrationLines } from './calibrationText';
import type { Words } from './words';

const pad = (text: string, width: number) =>
  text.length >= width ? text : text + ' '.repeat(width - text.length);
const percent = (share: number | null, w: Words) => (share === null ? '—' : `${w.fixed(share * 100, 1)} %`);

/** The grade matrix of a summary: counts per cell, and conversion per cell when outcomes were given. */
function gradeText(summary: Summary, matrix: GradeMatrix | undefined, w: Words): string[] {
  const cells = summary.grades;
  if (cells === undefined || matrix === undefined) return [];
  const lines = gradeTable(matrix, w.t.gradesHead(matrix.rows.score, matrix.columns.score), (grade) =>
    w.number(cells[grade]?.count ?? 0),
  );
  if (summary.calibration !== undefined) {
    lines.push(
      ...gradeTable(matrix, w.t.gradesConversionHead, (grade) => {
        const conversion = cells[grade]?.conversion;
        return conversion === undefined || conversion.rate === null
          ? '—'
          : w.t.ofLeads(`${w.fixed(conversion.rate * 100, 0)} %`, w.number(conversion.leads));
      }),
    );
  }
  return lines;
}

/** A grade matrix as a text table under its title, each cell's text given. */
function gradeTable(matrix: GradeMatrix, title: string, cell: (grade: string) => string): string[] {
  const corner = `${matrix.rows.score} \\ ${matrix.columns.score}`;
  const first = Math.max(corner.length, ...matrix.rows.labels.map((label) => label.length)) + 2;
  const body = matrix.grades.map((row) => row.map(cell));
  const width =
    Math.max(
      ...matrix.columns.labels.map((label) => label.length),
      ...body.flat().map((text) => text.length),
    ) + 2;
  return [
    '',
    title,
    `  ${pad(corner, first)}${matrix.columns.labels.map((label) => label.padStart(width)).join('')}`,
    ...matrix.rows.labels.map(
      (label, row) =>
        `  ${pad(label, first)}${(body[row] ?? []).map((text) => text.padStart(width)).join('')}`,
    ),
  ];
}

/**
 * The data flags of a summary in words, one line per kind and path (`company size: a value that could
 * not be read`), with how many leads carry it: never a flag code or a dotted path.
 */
export function flagLines(summary: Summary, w: Words): Array<[string, number]> {
  const lines: Array<[string, number]> = [];
  for (const [kind, paths] of Object.entries(summary.dataQuality.flags))
    for (const [path, count] of Object.entries(paths))
      lines.push([w.flag(path === '' ? kind : `${kind}:${path}`), count]);
  return lines;
}

export function summaryText(summary: Summary, matrix: GradeMatrix | undefined, w: Words): string {
  const t = w.t;
  const lines = [
    t.head(w.number(summary.total), summary.config?.id ?? '—', summary.config?.hash ?? '—'),
    '',
    t.funnel,
  ];
  for (const [id, stage] of Object.entries(summary.stages)) {
    const next =
      stage.next === undefined
        ? ''
        : `  ${t.next(stage.next.stage, w.number(stage.next.unmet), w.number(stage.next.unknown))}`;
    const median = stage.scores.total?.median;
    lines.push(
      `  ${pad(id, 16)} ${w.number(stage.count).padStart(8)}  ${percent(stage.share, w).padStart(8)}  ${t.medianScore} ${median === undefined ? '—' : w.number(median)}${next}`,
    );
  }
  lines.push('', t.blockersHead);
  for (const blocker of summary.blockers.slice(0, 10)) {
    lines.push(
      `  ${pad(`${blocker.stage} ← ${blocker.criterion ?? t.test(blocker.label ?? '')}`, 40)} ${t.ask} ${w.number(blocker.ask).padStart(7)}   ${t.notMet} ${w.number(blocker.notMet).padStart(7)}   ${t.later} ${w.number(blocker.later).padStart(7)}`,
    );
  }
  const flags = flagLines(summary, w);
  if (flags.length > 0) {
    lines.push(
      '',
      t.dataFlags,
      ...flags.map(([words, count]) => `  ${w.number(count).padStart(8)}  ${words}`),
    );
  }
  const calibration = summary.calibration;
  if (calibration !== undefined) lines.push('', ...calibrationLines(calibration, w));
  if (summary.breakdown !== undefined)
    lines.push(...breakdownLines(summary.breakdown, Object.keys(summary.stages), w));
  lines.push(...gradeText(summary, matrix, w));
  return `${lines.join('\n')}\n`;
}

/** The accounts view of `summarize --accounts`: the library's summary, and how the accounts were formed. */
export interface AccountsView extends AccountSummary {
  readonly grouping: ReturnType<typeof groupByAccount>['counts'];
  /** With `--accounts-file`: its accounts, and those no lead belongs to (not classified). */
  readonly accountsFile?: { readonly accounts: number; readonly withoutMembers: readonly string[] };
}

/** The accounts view as text: accounts per stage, buying-group coverage, the grade matrix of accounts. */
export function accountsText(view: AccountsView, matrix: GradeMatrix | undefined, w: Words): string {
  const a = w.t.accounts;
  const lines = [
    '',
    a.head(w.number(view.total), w.number(view.grouping.leads), view.config?.id ?? '—'),
    '',
    a.perStage,
  ];
  for (const [id, stage] of Object.entries(view.stages))
    lines.push(
      `  ${pad(id, 16)} ${w.number(stage.count).padStart(8)}  ${percent(stage.share, w).padStart(8)}`,
    );
  lines.push('', a.coverage);
  if (view.roles.length === 0) lines.push(`  ${a.noRoles}`);
  else {
    const width = Math.max(a.role.length, ...view.roles.map((role) => a.roleName(role.role).length)) + 2;
    const columns = [a.present, a.missing, a.unknown];
    const cell = Math.max(...columns.map((column) => column.length)) + 2;
    lines.push(`  ${pad(a.role, width)}${columns.map((column) => column.padStart(cell)).join('')}`);
    for (const role of view.roles)
      lines.push(
        `  ${pad(a.roleName(role.role), width)}${[role.present, role.missing, role.unknown].map((count) => w.number(count).padStart(cell)).join('')}`,
      );
  }
  const cells = view.grades;
  if (cells !== undefined && matrix !== undefined)
    lines.push(
      ...gradeTable(matrix, a.gradesHead(matrix.rows.score, matrix.columns.score), (grade) =>
        w.number(cells[grade]?.count ?? 0),
      ),
    );
  const notes: string[] = [];
  if (view.grouping.alone > 0)
    notes.push(a.alone(w.number(view.grouping.alone), w.number(view.grouping.leads)));
  if (view.accountsFile !== undefined && view.accountsFile.withoutMembers.length > 0)
    notes.push(
      a.withoutMembers(
        w.number(view.accountsFile.withoutMembers.length),
        w.number(view.accountsFile.accounts),
      ),
    );
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}
