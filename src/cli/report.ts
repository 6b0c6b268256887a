// `leadstage report`: one self-contained HTML file — no script, no font, no request of any kind — that
// opens from disk and prints. Charts are inline SVG in colour-blind-safe colours (Okabe–Ito) with
// patterns, and every chart has its numbers in a table beside it.
import type { HistorySummary, Interval, Quantiles, Rate, RateTest, Summary } from 'leadstage';

export interface ReportInput {
  readonly summary: Summary;
  readonly histories: HistorySummary | undefined;
  readonly asOf: string;
  readonly source: string;
  readonly outcome: string | undefined;
  readonly version: string;
  /** The run summary: rows read, skipped, unreadable values by column, events, outcomes. */
  readonly quality?: readonly string[];
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
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;
const number = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toLocaleString('en');
const interval = (value: Interval | null) =>
  value === null ? '—' : `${(value.low * 100).toFixed(1)} – ${(value.high * 100).toFixed(1)} %`;
const pText = (p: number) => (p < 0.0001 ? '< 0.0001' : p.toFixed(4));
const verdict = (test: RateTest | null) =>
  test === null
    ? '—'
    : `${test.verdict} (${test.test === 'fisher' ? 'Fisher' : 'z'}, p ${test.p < 0.0001 ? '<' : '='} ${test.p < 0.0001 ? '0.0001' : test.p.toFixed(4)})`;
const days = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 86_400_000).toFixed(1)} d`);

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
  const notes = rows.map((row) => row.note ?? row.parts.map((part) => part.value).join(' + '));
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
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${height}" fill="${part.fill}" stroke="#333" stroke-width="0.5"><title>${html(`${row.label}: ${part.name} ${part.value}`)}</title></rect>`;
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
        whisker = `<g class="interval" stroke="#000" stroke-width="1.5"><title>${html(`${row.label}: 95 % interval ${row.interval.low} – ${row.interval.high}`)}</title><line x1="${low.toFixed(1)}" x2="${high.toFixed(1)}" y1="${mid}" y2="${mid}"/><line x1="${low.toFixed(1)}" x2="${low.toFixed(1)}" y1="${mid - 5}" y2="${mid + 5}"/><line x1="${high.toFixed(1)}" x2="${high.toFixed(1)}" y1="${mid - 5}" y2="${mid + 5}"/></g>`;
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
<line x1="${scale(q.median)}" x2="${scale(q.median)}" y1="${y + 1}" y2="${y + 21}" stroke="#000" stroke-width="3"><title>${html(`${id}: median ${q.median}`)}</title></line>`;
    })
    .join('');
  return `<svg role="img" aria-label="Total score per stage: p10 to p90 line, p25 to p75 box, median bar" viewBox="0 0 ${width} ${stages.length * 30}" width="${width}" height="${stages.length * 30}">${rows}</svg>`;
}

function table(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `<table><thead><tr>${head.map((cell) => `<th>${html(cell)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => `<td${index > 0 ? ' class="n"' : ''}>${html(cell)}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

/** The report, as one HTML document. */
export function renderReport(input: ReportInput): string {
  const { summary, histories } = input;
  const stages = Object.entries(summary.stages);
  const sections: string[] = [];

  sections.push(`<section id="funnel"><h2>Funnel</h2>
${bars(
  'Leads per stage',
  stages.map(([id, stage]) => ({
    label: id,
    parts: [{ value: stage.count, fill: BLUE, name: 'leads' }],
    note: `${number(stage.count)} (${percent(stage.share)})`,
  })),
)}
${table(
  ['stage', 'leads', 'share', 'next stage', 'next unmet', 'next unknown'],
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
  sections.push(`<section id="blockers"><h2>What keeps leads from their next stage</h2>
<p><span class="key ask"></span> <strong>ask</strong>: unknown — an answer could move the lead now. <span class="key notmet"></span> <strong>not met</strong>: known, and it would have to change.</p>
${
  top.length === 0
    ? '<p>No blockers.</p>'
    : bars(
        'Top blockers, ask and not met',
        top.map((blocker) => ({
          label: `${blocker.stage} ← ${blocker.criterion ?? blocker.label}`,
          parts: [
            { value: blocker.ask, fill: BLUE, name: 'ask' },
            { value: blocker.notMet, fill: 'url(#hatch)', name: 'not met' },
          ],
          note: `ask ${number(blocker.ask)} · not met ${number(blocker.notMet)}`,
        })),
      )
}
${table(
  ['blocks', 'criterion or test', 'ask', 'not met', 'later'],
  top.map((blocker) => [
    blocker.stage,
    blocker.criterion ?? blocker.label ?? '',
    number(blocker.ask),
    number(blocker.notMet),
    number(blocker.later),
  ]),
)}
</section>`);

  const scored = stages
    .filter(([, stage]) => stage.scores.total !== undefined)
    .map(([id, stage]) => [id, stage.scores.total as Quantiles] as [string, Quantiles]);
  sections.push(`<section id="scores"><h2>Score per stage</h2>
${scored.length === 0 ? '<p>No scores.</p>' : scoreBoxes(scored)}
${table(
  ['stage', 'leads', 'min', 'p10', 'p25', 'median', 'p75', 'p90', 'max', 'mean'],
  scored.map(([id, q]) => [id, number(q.count), q.min, q.p10, q.p25, q.median, q.p75, q.p90, q.max, q.mean]),
)}
</section>`);

  if (histories !== undefined) {
    const timed = Object.entries(histories.stages);
    const withSla = timed.filter(([, stage]) => stage.followUp !== undefined);
    sections.push(`<section id="time"><h2>Time in stage and SLAs</h2>
${table(
  ['stage', 'entries', 'in it now', 'median stay', 'p90 stay', 'median time to reach', 'p90 time to reach'],
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
    ? '<p>No stage has a follow-up SLA with event types (<code>followUp.events</code>).</p>'
    : `${bars(
        'SLA outcomes per stage',
        withSla.map(([id, stage]) => ({
          label: id,
          parts: [
            { value: stage.followUp?.met ?? 0, fill: BLUE, name: 'met' },
            { value: stage.followUp?.breached ?? 0, fill: 'url(#hatch)', name: 'breached' },
            { value: (stage.followUp?.open ?? 0) + (stage.followUp?.due ?? 0), fill: GREY, name: 'open' },
          ],
          note: `met ${stage.followUp?.met} · breached ${stage.followUp?.breached} · open ${(stage.followUp?.open ?? 0) + (stage.followUp?.due ?? 0)}`,
        })),
      )}
${table(
  ['stage', 'SLA met', 'breached', 'open'],
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
      [`${id}, ${next.stage} unknown`, next.unknown] as const,
      [`${id}, ${next.stage} unmet`, next.unmet] as const,
    ]);
    const head = [
      'leads',
      'converted',
      'rate',
      '95 % interval',
      'lift',
      'lift 95 % interval',
      'against the rest',
    ];
    const cells = (rate: Rate) => [
      number(rate.leads),
      number(rate.converted),
      percent(rate.rate),
      interval(rate.interval),
      rate.lift ?? '—',
      rate.liftInterval === null ? '—' : `${rate.liftInterval.low} – ${rate.liftInterval.high}`,
      verdict(rate.vsRest),
    ];
    const percentPoints = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(1)}`;
    sections.push(`<section id="calibration"><h2>Calibration: do the stages predict who converts?</h2>
<p>Outcome column <code>${html(input.outcome)}</code>: ${number(calibration.converted)} of ${number(calibration.leads)} converted (base rate ${percent(calibration.rate)}, 95 % interval ${interval(calibration.interval)}); ${number(calibration.unmatched)} leads without an outcome are left out. Lift is the rate over the base rate. Each rate has its 95 % interval (Wilson; the black error bars), each group is tested against the rest, and each stage against the next one up: "not distinguishable" means the gap may be noise.</p>
${bars(
  'Conversion rate per stage, with its 95 % interval',
  byStage.map(([id, rate]) => ({
    label: id,
    parts: [{ value: Math.round((rate.rate ?? 0) * 1000) / 10, fill: BLUE, name: 'conversion %' }],
    note: `${percent(rate.rate)} [${interval(rate.interval)}] · lift ${rate.lift ?? '—'}`,
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
  ['stage', ...head],
  byStage.map(([id, rate]) => [id, ...cells(rate)]),
)}
${
  calibration.comparisons.length === 0
    ? ''
    : `<h3>Adjacent stages: is each stage better than the one below it, beyond noise?</h3>
${table(
  ['stages', 'difference (points)', '95 % interval', 'test', 'p', 'verdict'],
  calibration.comparisons.map((comparison) => [
    `${comparison.higher} vs ${comparison.lower}`,
    percentPoints(comparison.difference),
    `${percentPoints(comparison.interval.low)} – ${percentPoints(comparison.interval.high)}`,
    comparison.test.test === 'fisher' ? "Fisher's exact" : `z = ${comparison.test.z}`,
    pText(comparison.test.p),
    comparison.test.verdict,
  ]),
)}`
}
<h3>By next-stage status: unknown (never asked) against unmet (asked, and wrong)</h3>
${table(
  ['leads in', ...head],
  split.map(([label, rate]) => [label, ...cells(rate)]),
)}
<h3>By score band</h3>
${table(
  ['total score', ...head],
  calibration.bands.map((band) => [`${band.from} – ${band.to}`, ...cells(band)]),
)}
${
  calibration.warnings.length === 0
    ? ''
    : `<h3 id="calibration-warnings">Small samples: read these figures with care</h3><ul>${calibration.warnings
        .slice(0, 50)
        .map((warning) => `<li>${html(warning.message)}</li>`)
        .join(
          '',
        )}${calibration.warnings.length > 50 ? `<li>… and ${calibration.warnings.length - 50} more</li>` : ''}</ul>`
}
</section>`);
  }

  const breakdown = summary.breakdown;
  if (breakdown !== undefined) {
    const shown = breakdown.groups.slice(0, MAX_CHART_GROUPS);
    const more =
      breakdown.groups.length > shown.length
        ? `<p>The first ${MAX_CHART_GROUPS} of ${number(breakdown.groups.length)} groups are shown; <code>leadstage summarize --by ${html(breakdown.by)} --format json</code> gives them all.</p>`
        : '';
    const colour = (index: number) => PALETTE[index % PALETTE.length] as string;
    const legend = stages
      .map(([id], index) => `<span class="key" style="background:${colour(index)}"></span> ${html(id)}`)
      .join(' &nbsp; ');
    sections.push(`<section id="breakdown"><h2>Breakdown by ${html(breakdown.by)}: stage shares per group</h2>
<p>${number(breakdown.groups.length)} groups. ${legend}</p>${more}
${bars(
  `Share of each stage per group of ${breakdown.by}`,
  shown.map((group) => ({
    label: group.key,
    parts: stages.map(([id], index) => ({
      value: Math.round((group.summary.stages[id]?.share ?? 0) * 1000) / 10,
      fill: colour(index),
      name: `${id} %`,
    })),
    note: `${number(group.summary.total)} leads`,
  })),
)}
${table(
  ['group', 'leads', ...stages.map(([id]) => id)],
  shown.map((group) => [
    group.key,
    number(group.summary.total),
    ...stages.map(([id]) => percent(group.summary.stages[id]?.share ?? 0)),
  ]),
)}
${breakdown.warnings.map((warning) => `<p>${html(warning.message)}</p>`).join('')}
</section>`);
    if (breakdown.groups.some((group) => group.summary.calibration !== undefined)) {
      const small = (group: (typeof shown)[number]) => {
        const leads = group.summary.calibration?.leads ?? 0;
        return leads > 0 && leads < 30;
      };
      sections.push(`<section id="cohorts"><h2>Conversion per group of ${html(breakdown.by)}, with its 95 % interval</h2>
<p>Each group's conversion among its leads with an outcome, with its 95 % interval (Wilson; the black error bars). Groups marked "few" have fewer than 30 leads with an outcome: their rates may be noise. Overlapping intervals: the groups may not differ at all.</p>${more}
${bars(
  `Conversion rate per group of ${breakdown.by}, with its 95 % interval`,
  shown.map((group) => {
    const calibration = group.summary.calibration;
    const rateInterval = calibration?.interval ?? null;
    return {
      label: group.key,
      parts: [{ value: Math.round((calibration?.rate ?? 0) * 1000) / 10, fill: BLUE, name: 'conversion %' }],
      note:
        (calibration?.leads ?? 0) === 0
          ? 'no outcome yet'
          : `${percent(calibration?.rate)} [${interval(rateInterval)}] · ${number(calibration?.leads ?? 0)} with an outcome${small(group) ? ' · few' : ''}`,
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
  ['group', 'leads with an outcome', 'converted', 'rate', '95 % interval', 'sample'],
  shown.map((group) => [
    group.key,
    number(group.summary.calibration?.leads ?? 0),
    number(group.summary.calibration?.converted ?? 0),
    percent(group.summary.calibration?.rate),
    interval(group.summary.calibration?.interval ?? null),
    (group.summary.calibration?.leads ?? 0) === 0 ? 'no outcome' : small(group) ? 'few (< 30)' : 'ok',
  ]),
)}
</section>`);
    }
  }

  if (input.quality !== undefined && input.quality.length > 0) {
    sections.push(
      `<section id="quality"><h2>Data quality</h2><ul>${input.quality.map((line) => `<li>${html(line)}</li>`).join('')}</ul></section>`,
    );
  }

  if (Object.keys(summary.flags).length > 0) {
    sections.push(
      `<section id="flags"><h2>Data flags</h2>${table(
        ['flag', 'leads'],
        Object.entries(summary.flags).map(([kind, count]) => [kind, number(count)]),
      )}</section>`,
    );
  }

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>leadstage report — ${html(summary.config?.id ?? '')}</title>
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
<header><h1>Lead funnel: ${html(summary.config?.id ?? '')}</h1>
<p class="meta">${number(summary.total)} leads from <code>${html(input.source)}</code>, classified as of ${html(input.asOf)} · config <code>${html(summary.config?.id ?? '')}</code>, hash <code id="config-hash">${html(summary.config?.hash ?? '')}</code> · leadstage ${html(input.version)}</p></header>
${sections.join('\n')}
</body></html>
`;
}
