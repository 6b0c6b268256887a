// `leadstage report`: one self-contained HTML file — no script, no font, no request of any kind — that
// opens from disk and prints. Charts are inline SVG in colour-blind-safe colours (Okabe–Ito) with
// patterns, and every chart has its numbers in a table beside it.
import type { GradeMatrix, HistorySummary, Interval, Quantiles, Rate, RateTest, Summary } from 'leadstage';
import type { AccountsView } from './summaryText';
import { type Words, wordsFor } from './words';

export interface ReportInput {
  readonly summary: Summary;
  readonly histories: HistorySummary | undefined;
  readonly asOf: string;
  readonly source: string;
  readonly outcome: string | undefined;
  readonly version: string;
  /** The run summary: rows read, skipped, unreadable values by column, events, outcomes. */
  readonly quality?: readonly string[];
  /** The config's grade matrix, for a config with `grades`: the summary's `grades` laid out as a heatmap. */
  readonly grades?: GradeMatrix;
  /** The language of the report (`--locale`): English by default. */
  readonly words?: Words;
  /** `--accounts`: the accounts view, and the account config's grade matrix. */
  readonly accounts?: AccountsView;
  readonly accountGrades?: GradeMatrix | undefined;
}

const BLUE = '#0072B2';
const ORANGE = '#E69F00';
const GREY = '#999999';
/** Okabe–Ito, for the stages of a breakdown: distinguishable with every common colour-vision deficiency. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
/** The groups a breakdown chart draws; the JSON of `summarize --by` has them all. */
const MAX_CHART_GROUPS = 60;

const html = (text: unknown) =>
  String(text).replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );
/** The words of the report being written: set by `renderReport` for its run (rendering is synchronous). */
let w: Words = wordsFor('en');
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${w.fixed(value * 100, 1)} %`;
const number = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : w.count(value);
/** A figure as computed (a score, a lift), in the report's language. */
const figure = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : w.number(value);
const interval = (value: Interval | null) =>
  value === null ? '—' : `${w.fixed(value.low * 100, 1)} – ${w.fixed(value.high * 100, 1)} %`;
const pText = (p: number) => (p < 0.0001 ? `< ${w.fixed(0.0001, 4)}` : w.fixed(p, 4));
const verdict = (test: RateTest | null) =>
  test === null
    ? '—'
    : `${w.t.verdict(test.verdict)} (${test.test === 'fisher' ? 'Fisher' : 'z'}, p ${test.p < 0.0001 ? '<' : '='} ${pText(test.p).replace('< ', '')})`;
const days = (ms: number | undefined) =>
  ms === undefined ? '—' : `${w.fixed(ms / 86_400_000, 1)} ${w.t.report.days}`;

/** Horizontal bars, one per row; each bar split into parts (value, colour, pattern). */
function bars(
  title: string,
  rows: ReadonlyArray<{
    label: string;
    parts: ReadonlyArray<{ value: number; fill: string; name: string }>;
    note?: string;
    /** An error bar from `low` to `high`, in the parts' unit (the 95 % interval of a rate, in %). */
    interval?: { low: number; high: number };
  }>,
): string {
  const max = Math.max(
    1,
    ...rows.map((row) =>
      Math.max(
        row.parts.reduce((sum, part) => sum + part.value, 0),
        row.interval?.high ?? 0,
      ),
    ),
  );
  const height = 22;
  const barWidth = 320;
  // the label column and the note after the longest bar are as wide as their text: a label clipped by the
  // SVG's edge reads as another number ("breached 1" for "breached 106")
  const labelWidth = Math.max(120, ...rows.map((row) => textWidth(row.label))) + 8;
  const notes = rows.map((row) => row.note ?? row.parts.map((part) => figure(part.value)).join(' + '));
  const width = Math.ceil(
    labelWidth +
      Math.max(
        ...rows.map(
          (row, index) =>
            Math.max(barLength(row, max, barWidth), ((row.interval?.high ?? 0) / max) * barWidth) +
            6 +
            textWidth(notes[index] ?? ''),
        ),
      ) +
      8,
  );
  const body = rows
    .map((row, index) => {
      let x = labelWidth;
      const y = index * (height + 6);
      const rects = row.parts
        .map((part) => {
          const w = (part.value / max) * barWidth;
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${height}" fill="${part.fill}" stroke="#333" stroke-width="0.5"><title>${html(`${row.label}: ${part.name} ${figure(part.value)}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      let whisker = '';
      if (row.interval !== undefined) {
        const low = labelWidth + (row.interval.low / max) * barWidth;
        const high = labelWidth + (row.interval.high / max) * barWidth;
        const mid = y + height / 2;
        // an error bar: the 95 % interval, with end caps, drawn over the bar
        whisker = `<g class="interval" stroke="#000" stroke-width="1.5"><title>${html(w.t.report.interval95(row.label, figure(row.interval.low), figure(row.interval.high)))}</title><line x1="${low.toFixed(1)}" x2="${high.toFixed(1)}" y1="${mid}" y2="${mid}"/><line x1="${low.toFixed(1)}" x2="${low.toFixed(1)}" y1="${mid - 5}" y2="${mid + 5}"/><line x1="${high.toFixed(1)}" x2="${high.toFixed(1)}" y1="${mid - 5}" y2="${mid + 5}"/></g>`;
        x = Math.max(x, high);
      }
      return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${html(row.label)}</text>${rects}${whisker}<text class="note" x="${(x + 6).toFixed(1)}" y="${y + 15}">${html(notes[index])}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="${html(title)}" viewBox="0 0 ${width} ${rows.length * (height + 6)}" width="${width}" height="${rows.length * (height + 6)}">
<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${ORANGE}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#333" stroke-width="1.5"/></pattern></defs>
${body}</svg>`;
}

/** A generous width of 12px text: 8px a character (wider than system-ui's digits and most letters). */
function textWidth(text: string): number {
  return [...text].length * 8;
}

function barLength(row: { parts: ReadonlyArray<{ value: number }> }, max: number, barWidth: number): number {
  return (row.parts.reduce((sum, part) => sum + part.value, 0) / max) * barWidth;
}

/** A score box per stage: p10–p90 bar, p25–p75 box, median mark. */
function scoreBoxes(stages: ReadonlyArray<[string, Quantiles]>): string {
  const max = Math.max(1, ...stages.map(([, q]) => q.max));
  const min = Math.min(0, ...stages.map(([, q]) => q.min));
  const width = 640;
  const labelWidth = 200;
  const scale = (value: number) =>
    labelWidth + ((value - min) / (max - min || 1)) * (width - labelWidth - 60);
  const rows = stages
    .map(([id, q], index) => {
      const y = index * 30;
      return `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${html(id)}</text>
<line x1="${scale(q.p10)}" x2="${scale(q.p90)}" y1="${y + 11}" y2="${y + 11}" stroke="#333"/>
<rect x="${scale(q.p25)}" y="${y + 3}" width="${Math.max(1, scale(q.p75) - scale(q.p25))}" height="16" fill="${BLUE}" fill-opacity="0.35" stroke="${BLUE}"/>
<line x1="${scale(q.median)}" x2="${scale(q.median)}" y1="${y + 1}" y2="${y + 21}" stroke="#000" stroke-width="3"><title>${html(w.t.report.medianOf(id, figure(q.median)))}</title></line>`;
    })
    .join('');
  return `<svg role="img" aria-label="${html(w.t.report.scoreBoxes)}" viewBox="0 0 ${width} ${stages.length * 30}" width="${width}" height="${stages.length * 30}">${rows}</svg>`;
}

/**
 * The grade matrix as a heatmap: one square per cell, darker the more leads it holds (one hue, so the order
 * reads without colour vision too), its count written in it; with outcomes, each cell's conversion below.
 */
function gradeHeatmap(
  summary: Pick<Summary, 'grades'>,
  matrix: GradeMatrix,
  chart: string = w.t.report.gradesChart(matrix.rows.score, matrix.columns.score),
  cellLabel: (grade: string, count: string, rate: string | undefined) => string = w.t.report.gradeCell,
): string {
  const cells = summary.grades ?? {};
  const size = 56;
  const left = Math.max(40, ...matrix.rows.labels.map((label) => textWidth(label))) + 12;
  const top = 34;
  const max = Math.max(1, ...Object.values(cells).map((cell) => cell.count));
  const squares = matrix.grades
    .flatMap((row, r) =>
      row.map((grade, c) => {
        const cell = cells[grade];
        const count = cell?.count ?? 0;
        const shade = count / max;
        const x = left + c * size;
        const y = top + r * size;
        const rate = cell?.conversion?.rate;
        const label = cellLabel(
          grade,
          figure(count),
          rate === undefined || rate === null ? undefined : percent(rate),
        );
        return `<rect x="${x}" y="${y}" width="${size - 2}" height="${size - 2}" fill="${BLUE}" fill-opacity="${(0.08 + 0.92 * shade).toFixed(3)}" stroke="#333" stroke-width="0.5"><title>${html(label)}</title></rect><text x="${x + size / 2 - 1}" y="${y + (rate === undefined ? size / 2 + 4 : size / 2 - 2)}" text-anchor="middle" fill="${shade > 0.5 ? '#fff' : '#111'}" style="fill: ${shade > 0.5 ? '#fff' : '#111'}">${number(count)}</text>${
          rate === undefined
            ? ''
            : `<text class="note" x="${x + size / 2 - 1}" y="${y + size / 2 + 13}" text-anchor="middle" style="fill: ${shade > 0.5 ? '#fff' : '#111'}">${rate === null ? '—' : `${figure(Math.round(rate * 100))} %`}</text>`
        }`;
      }),
    )
    .join('');
  const columns = matrix.columns.labels
    .map(
      (label, c) =>
        `<text x="${left + c * size + size / 2 - 1}" y="${top - 8}" text-anchor="middle">${html(label)}</text>`,
    )
    .join('');
  const rows = matrix.rows.labels
    .map(
      (label, r) =>
        `<text x="${left - 8}" y="${top + r * size + size / 2 + 4}" text-anchor="end">${html(label)}</text>`,
    )
    .join('');
  const width = left + matrix.columns.labels.length * size + 4;
  const height = top + matrix.rows.labels.length * size + 4;
  return `<svg role="img" aria-label="${html(chart)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><text x="4" y="14">${html(`${matrix.rows.score} ↓ ${matrix.columns.score} →`)}</text>${columns}${rows}${squares}</svg>`;
}

/** `--accounts`: accounts per stage (bars and table), buying-group coverage, the grade matrix of accounts. */
function accountsSection(view: AccountsView, matrix: GradeMatrix | undefined): string {
  const a = w.t.accounts;
  const r = w.t.report;
  const stages = Object.entries(view.stages);
  const parts = [
    `<section id="accounts"><h2>${html(a.section)}</h2>
<p>${html(a.sectionText(number(view.total), number(view.grouping.leads)))}</p>`,
    bars(
      a.perStage,
      stages.map(([id, stage]) => ({
        label: id,
        parts: [{ value: stage.count, fill: BLUE, name: a.accountsColumn }],
        note: `${number(stage.count)} · ${percent(stage.share)}`,
      })),
    ),
    `<h3>${html(a.perStage)}</h3>`,
    table(
      [r.stage, a.accountsColumn, a.share],
      stages.map(([id, stage]) => [id, number(stage.count), percent(stage.share)]),
    ),
    `<h3 id="buying-group">${html(a.coverage)}</h3>`,
    view.roles.length === 0
      ? `<p>${html(a.noRoles)}</p>`
      : table(
          [a.role, a.present, a.missing, a.unknown],
          view.roles.map((role) => [
            a.roleName(role.role),
            number(role.present),
            number(role.missing),
            number(role.unknown),
          ]),
        ),
  ];
  const grades = view.grades;
  if (matrix !== undefined && grades !== undefined) {
    parts.push(
      `<h3 id="account-grades">${html(a.gradesHead(matrix.rows.score, matrix.columns.score))}</h3>
<p>${html(a.gradesText(matrix.rows.score, matrix.columns.score))}</p>`,
      gradeHeatmap(
        { grades },
        matrix,
        a.gradesChart(matrix.rows.score, matrix.columns.score),
        (grade, count) => a.gradeCell(grade, count),
      ),
      table(
        [r.grade, a.accountsColumn, a.share],
        matrix.grades
          .flat()
          .map((grade) => [grade, number(grades[grade]?.count ?? 0), percent(grades[grade]?.share ?? 0)]),
      ),
    );
  }
  const notes: string[] = [];
  if (view.grouping.alone > 0) notes.push(a.alone(number(view.grouping.alone), number(view.grouping.leads)));
  if (view.accountsFile !== undefined && view.accountsFile.withoutMembers.length > 0)
    notes.push(
      a.withoutMembers(number(view.accountsFile.withoutMembers.length), number(view.accountsFile.accounts)),
    );
  for (const note of notes) parts.push(`<p>${html(note)}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

function table(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `<table><thead><tr>${head.map((cell) => `<th>${html(cell)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => `<td${index > 0 ? ' class="n"' : ''}>${html(cell)}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

/** The report, as one HTML document, in the language of `input.words` (English by default). */
export function renderReport(input: ReportInput): string {
  w = input.words ?? wordsFor('en');
  try {
    return render(input);
  } finally {
    w = wordsFor('en');
  }
}

function render(input: ReportInput): string {
  const { summary, histories } = input;
  const r = w.t.report;
  const stages = Object.entries(summary.stages);
  const sections: string[] = [];

  sections.push(`<section id="funnel"><h2>${r.funnel}</h2>
${bars(
  r.leadsPerStage,
  stages.map(([id, stage]) => ({
    label: id,
    parts: [{ value: stage.count, fill: BLUE, name: r.leads }],
    note: `${number(stage.count)} (${percent(stage.share)})`,
  })),
)}
${table(
  [r.stage, r.leads, r.share, r.nextStage, r.nextUnmet, r.nextUnknown],
  stages.map(([id, stage]) => [
    id,
    number(stage.count),
    percent(stage.share),
    stage.next?.stage ?? '—',
    number(stage.next?.unmet),
    number(stage.next?.unknown),
  ]),
)}
</section>`);

  const top = summary.blockers.slice(0, 12);
  sections.push(`<section id="blockers"><h2>${r.blockers}</h2>
<p>${r.blockersKey}</p>
${
  top.length === 0
    ? `<p>${r.noBlockers}</p>`
    : bars(
        r.blockersChart,
        top.map((blocker) => ({
          label: `${blocker.stage} ← ${blocker.criterion ?? w.t.test(blocker.label ?? '')}`,
          parts: [
            { value: blocker.ask, fill: BLUE, name: r.ask },
            { value: blocker.notMet, fill: 'url(#hatch)', name: r.notMet },
          ],
          note: `${r.ask} ${number(blocker.ask)} · ${r.notMet} ${number(blocker.notMet)}`,
        })),
      )
}
${table(
  [r.blocks, r.criterionOrTest, r.ask, r.notMet, r.later],
  top.map((blocker) => [
    blocker.stage,
    blocker.criterion ?? w.t.test(blocker.label ?? ''),
    number(blocker.ask),
    number(blocker.notMet),
    number(blocker.later),
  ]),
)}
</section>`);

  const scored = stages
    .filter(([, stage]) => stage.scores.total !== undefined)
    .map(([id, stage]) => [id, stage.scores.total as Quantiles] as [string, Quantiles]);
  sections.push(`<section id="scores"><h2>${r.scores}</h2>
${scored.length === 0 ? `<p>${r.noScores}</p>` : scoreBoxes(scored)}
${table(
  [r.stage, r.leads, 'min', 'p10', 'p25', r.median, 'p75', 'p90', 'max', r.mean],
  scored.map(([id, q]) => [
    id,
    number(q.count),
    figure(q.min),
    figure(q.p10),
    figure(q.p25),
    figure(q.median),
    figure(q.p75),
    figure(q.p90),
    figure(q.max),
    figure(q.mean),
  ]),
)}
</section>`);

  if (histories !== undefined) {
    const timed = Object.entries(histories.stages);
    const withSla = timed.filter(([, stage]) => stage.followUp !== undefined);
    sections.push(`<section id="time"><h2>${r.time}</h2>
${table(
  [r.stage, r.entries, r.inItNow, r.medianStay, r.p90Stay, r.medianToReach, r.p90ToReach],
  timed.map(([id, stage]) => [
    id,
    number(stage.entries),
    number(stage.current),
    days(stage.time?.median),
    days(stage.time?.p90),
    days(histories.timeTo[id]?.median),
    days(histories.timeTo[id]?.p90),
  ]),
)}
${
  withSla.length === 0
    ? `<p>${r.noSla}</p>`
    : `${bars(
        r.slaChart,
        withSla.map(([id, stage]) => ({
          label: id,
          parts: [
            { value: stage.followUp?.met ?? 0, fill: BLUE, name: r.met },
            { value: stage.followUp?.breached ?? 0, fill: 'url(#hatch)', name: r.breached },
            { value: (stage.followUp?.open ?? 0) + (stage.followUp?.due ?? 0), fill: GREY, name: r.open },
          ],
          note: `${r.met} ${figure(stage.followUp?.met)} · ${r.breached} ${figure(stage.followUp?.breached)} · ${r.open} ${figure((stage.followUp?.open ?? 0) + (stage.followUp?.due ?? 0))}`,
        })),
      )}
${table(
  [r.stage, r.slaMet, r.breached, r.open],
  withSla.map(([id, stage]) => [
    id,
    number(stage.followUp?.met),
    number(stage.followUp?.breached),
    number((stage.followUp?.open ?? 0) + (stage.followUp?.due ?? 0)),
  ]),
)}`
}
</section>`);
  }

  const calibration = summary.calibration;
  if (calibration !== undefined) {
    const byStage = Object.entries(calibration.stages);
    const split = Object.entries(calibration.next).flatMap(([id, next]) => [
      [w.t.splitLabel(id, next.stage, 'unknown'), next.unknown] as const,
      [w.t.splitLabel(id, next.stage, 'unmet'), next.unmet] as const,
    ]);
    const head = [r.leads, r.converted, r.rate, r.interval, r.lift, r.liftInterval, r.againstRest];
    const cells = (rate: Rate) => [
      number(rate.leads),
      number(rate.converted),
      percent(rate.rate),
      interval(rate.interval),
      figure(rate.lift),
      rate.liftInterval === null
        ? '—'
        : `${figure(rate.liftInterval.low)} – ${figure(rate.liftInterval.high)}`,
      verdict(rate.vsRest),
    ];
    const percentPoints = (value: number) => `${value >= 0 ? '+' : '−'}${w.fixed(Math.abs(value * 100), 1)}`;
    sections.push(`<section id="calibration"><h2>${r.calibration}</h2>
<p>${r.calibrationText(html(input.outcome), number(calibration.converted), number(calibration.leads), percent(calibration.rate), interval(calibration.interval), number(calibration.unmatched))}</p>
${bars(
  r.calibrationChart,
  byStage.map(([id, rate]) => ({
    label: id,
    parts: [{ value: Math.round((rate.rate ?? 0) * 1000) / 10, fill: BLUE, name: `${r.conversion} %` }],
    note: `${percent(rate.rate)} [${interval(rate.interval)}] · ${r.lift} ${figure(rate.lift)}`,
    ...(rate.interval === null
      ? {}
      : {
          interval: {
            low: Math.round(rate.interval.low * 1000) / 10,
            high: Math.round(rate.interval.high * 1000) / 10,
          },
        }),
  })),
)}
${table(
  [r.stage, ...head],
  byStage.map(([id, rate]) => [id, ...cells(rate)]),
)}
${
  calibration.comparisons.length === 0
    ? ''
    : `<h3>${r.adjacent}</h3>
${table(
  [r.stages, r.difference, r.interval, r.test, 'p', r.verdict],
  calibration.comparisons.map((comparison) => [
    `${comparison.higher} ${w.t.vs} ${comparison.lower}`,
    percentPoints(comparison.difference),
    `${percentPoints(comparison.interval.low)} – ${percentPoints(comparison.interval.high)}`,
    comparison.test.test === 'fisher' ? w.t.fisher : `z = ${figure(comparison.test.z)}`,
    pText(comparison.test.p),
    w.t.verdict(comparison.test.verdict),
  ]),
)}`
}
<h3>${r.byNext}</h3>
${table(
  [r.leadsIn, ...head],
  split.map(([label, rate]) => [label, ...cells(rate)]),
)}
<h3>${r.byBand}</h3>
${table(
  [r.totalScore, ...head],
  calibration.bands.map((band) => [`${figure(band.from)} – ${figure(band.to)}`, ...cells(band)]),
)}
${
  calibration.warnings.length === 0
    ? ''
    : `<h3 id="calibration-warnings">${r.smallSamples}</h3><ul>${calibration.warnings
        .slice(0, 50)
        .map((warning) => `<li>${html(w.warning(warning, calibration))}</li>`)
        .join(
          '',
        )}${calibration.warnings.length > 50 ? `<li>${r.andMore(number(calibration.warnings.length - 50))}</li>` : ''}</ul>`
}
</section>`);
  }

  const breakdown = summary.breakdown;
  if (breakdown !== undefined) {
    const by = w.by(breakdown.by);
    const shown = breakdown.groups.slice(0, MAX_CHART_GROUPS);
    const key = (group: (typeof shown)[number]) => w.groupKey(group.key, breakdown.by);
    const more =
      breakdown.groups.length > shown.length
        ? `<p>${r.firstGroups(number(MAX_CHART_GROUPS), number(breakdown.groups.length), html(breakdown.by))}</p>`
        : '';
    const colour = (index: number) => PALETTE[index % PALETTE.length] as string;
    const legend = stages
      .map(([id], index) => `<span class="key" style="background:${colour(index)}"></span> ${html(id)}`)
      .join(' &nbsp; ');
    sections.push(`<section id="breakdown"><h2>${r.breakdown(html(by))}</h2>
<p>${r.groups(number(breakdown.groups.length))} ${legend}</p>${more}
${bars(
  r.breakdownChart(by),
  shown.map((group) => ({
    label: key(group),
    parts: stages.map(([id], index) => ({
      value: Math.round((group.summary.stages[id]?.share ?? 0) * 1000) / 10,
      fill: colour(index),
      name: `${id} %`,
    })),
    note: `${number(group.summary.total)} ${r.leads}`,
  })),
)}
${table(
  [r.group, r.leads, ...stages.map(([id]) => id)],
  shown.map((group) => [
    key(group),
    number(group.summary.total),
    ...stages.map(([id]) => percent(group.summary.stages[id]?.share ?? 0)),
  ]),
)}
${breakdown.warnings.map((warning) => `<p>${html(w.warning(warning, undefined))}</p>`).join('')}
</section>`);
    if (breakdown.groups.some((group) => group.summary.calibration !== undefined)) {
      const small = (group: (typeof shown)[number]) => {
        const leads = group.summary.calibration?.leads ?? 0;
        return leads > 0 && leads < 30;
      };
      sections.push(`<section id="cohorts"><h2>${r.cohorts(html(by))}</h2>
<p>${r.cohortsText}</p>${more}
${bars(
  r.cohortsChart(by),
  shown.map((group) => {
    const calibration = group.summary.calibration;
    const rateInterval = calibration?.interval ?? null;
    return {
      label: key(group),
      parts: [
        {
          value: Math.round((calibration?.rate ?? 0) * 1000) / 10,
          fill: BLUE,
          name: r.conversionPercent,
        },
      ],
      note:
        (calibration?.leads ?? 0) === 0
          ? r.noOutcomeYet
          : `${percent(calibration?.rate)} [${interval(rateInterval)}] · ${r.withOutcome(number(calibration?.leads ?? 0))}${small(group) ? ` · ${r.few}` : ''}`,
      ...(rateInterval === null
        ? {}
        : {
            interval: {
              low: Math.round(rateInterval.low * 1000) / 10,
              high: Math.round(rateInterval.high * 1000) / 10,
            },
          }),
    };
  }),
)}
${table(
  [r.group, r.leadsWithOutcome, r.converted, r.rate, r.interval, r.sample],
  shown.map((group) => [
    key(group),
    number(group.summary.calibration?.leads ?? 0),
    number(group.summary.calibration?.converted ?? 0),
    percent(group.summary.calibration?.rate),
    interval(group.summary.calibration?.interval ?? null),
    (group.summary.calibration?.leads ?? 0) === 0 ? r.noOutcome : small(group) ? r.fewSample : r.ok,
  ]),
)}
</section>`);
    }
  }

  if (input.grades !== undefined && summary.grades !== undefined) {
    const matrix = input.grades;
    const withOutcome = summary.calibration !== undefined;
    sections.push(`<section id="grades"><h2>${html(r.grades(matrix.rows.score, matrix.columns.score))}</h2>
<p>${r.gradesText(html(matrix.rows.score), html(matrix.columns.score), withOutcome)}</p>
${gradeHeatmap(summary, matrix)}
${table(
  [r.grade, r.leads, r.share, ...(withOutcome ? [r.withAnOutcome, r.converted, r.rate, r.lift] : [])],
  matrix.grades.flat().map((grade) => {
    const cell = summary.grades?.[grade];
    const conversion = cell?.conversion;
    return [
      grade,
      number(cell?.count ?? 0),
      percent(cell?.share ?? 0),
      ...(withOutcome
        ? [
            number(conversion?.leads ?? 0),
            number(conversion?.converted ?? 0),
            percent(conversion?.rate),
            figure(conversion?.lift),
          ]
        : []),
    ];
  }),
)}
</section>`);
  }

  if (input.accounts !== undefined) sections.push(accountsSection(input.accounts, input.accountGrades));

  if (input.quality !== undefined && input.quality.length > 0) {
    sections.push(
      `<section id="quality"><h2>${r.quality}</h2><ul>${input.quality.map((line) => `<li>${html(line)}</li>`).join('')}</ul></section>`,
    );
  }

  const flags: Array<[string, number]> = [];
  for (const [kind, paths] of Object.entries(summary.dataQuality.flags))
    for (const [path, count] of Object.entries(paths))
      flags.push([w.flag(path === '' ? kind : `${kind}:${path}`), count]);
  if (flags.length > 0) {
    sections.push(
      `<section id="flags"><h2>${r.flags}</h2>${table(
        [r.flag, r.leads],
        flags.map(([words, count]) => [words, number(count)]),
      )}</section>`,
    );
  }

  return `<!doctype html>
<html lang="${w.locale}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${r.title} — ${html(summary.config?.id ?? '')}</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 960px; color: #111; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #111; padding-bottom: .2rem; }
table { border-collapse: collapse; margin: .8rem 0; } th, td { border: 1px solid #bbb; padding: .25rem .6rem; text-align: left; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
svg text { font: 12px system-ui, sans-serif; fill: #111; } svg { max-width: 100%; height: auto; } .meta { color: #444; }
.key { display: inline-block; width: 1rem; height: .8rem; border: 1px solid #333; vertical-align: middle; }
.key.ask { background: ${BLUE}; } .key.notmet { background: repeating-linear-gradient(45deg, ${ORANGE} 0 4px, #333 4px 5px); }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }
</style></head>
<body>
<header><h1>${r.heading}: ${html(summary.config?.id ?? '')}</h1>
<p class="meta">${r.meta(number(summary.total), html(input.source), html(w.instant(input.asOf)), html(summary.config?.id ?? ''), html(summary.config?.hash ?? ''))} · leadstage ${html(input.version)}</p></header>
${sections.join('\n')}
</body></html>
`;
}
