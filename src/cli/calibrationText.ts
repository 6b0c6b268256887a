// The calibration and the breakdown of a summary as terminal text: every rate with its 95 % interval,
// every lift with its interval and its test against the rest, each stage against the next one up with
// a plain verdict, and the small-sample warnings — so a gap that may be noise never reads as a finding.
import type { Breakdown, Calibration, Interval, Rate, RateTest, Summary, SummaryWarning } from 'leadstage';
import { type Words, wordsFor } from './words';

const EN = wordsFor('en');

const pad = (text: string, width: number) =>
  text.length >= width ? text : text + ' '.repeat(width - text.length);
const percent = (share: number | null | undefined, w: Words) =>
  share === null || share === undefined ? '—' : `${w.fixed(share * 100, 1)} %`;
/** `[16.8 – 68.7 %]` */
const percentInterval = (interval: Interval | null, w: Words) =>
  interval === null ? '' : `[${w.fixed(interval.low * 100, 1)} – ${w.fixed(interval.high * 100, 1)} %]`;
const number = (value: number, w: Words) => w.number(Math.round(value * 100) / 100);
/** `p = 0.4911` or `p < 0.0001` */
export const pValue = (p: number, w: Words = EN) =>
  p < 0.0001 ? `p < ${w.fixed(0.0001, 4)}` : `p = ${w.fixed(p, 4)}`;
const testName = (test: RateTest, w: Words) => (test.test === 'fisher' ? w.t.fisher : w.t.zTest);
/** `not distinguishable (z test, p = 0.4911)` */
export const verdictText = (test: RateTest | null, w: Words = EN) =>
  test === null ? '' : `${w.t.verdict(test.verdict)} (${testName(test, w)}, ${pValue(test.p, w)})`;

/** The warnings printed in full; past it, how many more. */
const MAX_WARNING_LINES = 20;

function rateLine(label: string, rate: Rate, width: number, w: Words): string {
  const lift =
    rate.lift === null
      ? `${w.t.lift} —`
      : `${w.t.lift} ${number(rate.lift, w)}${rate.liftInterval === null ? '' : ` [${number(rate.liftInterval.low, w)} – ${number(rate.liftInterval.high, w)}]`}`;
  return `  ${pad(label, width)} ${w.number(rate.leads).padStart(8)} ${pad(w.t.leadsUnit, 5)}  ${percent(rate.rate, w).padStart(8)} ${pad(percentInterval(rate.interval, w), 18)}  ${pad(lift, 24)}  ${rate.vsRest === null ? '' : `${w.t.vsRest} ${verdictText(rate.vsRest, w)}`}`.trimEnd();
}

function warningLines(
  warnings: readonly SummaryWarning[],
  indent: string,
  w: Words,
  calibration: Calibration | undefined,
): string[] {
  const lines = warnings
    .slice(0, MAX_WARNING_LINES)
    .map((warning) => `${indent}! ${w.warning(warning, calibration)}`);
  if (warnings.length > MAX_WARNING_LINES)
    lines.push(`${indent}! ${w.t.moreWarnings(warnings.length - MAX_WARNING_LINES)}`);
  return lines;
}

/** The calibration section: rates with intervals and tests, adjacent stages, warnings. */
export function calibrationLines(calibration: Calibration, w: Words = EN): string[] {
  const t = w.t;
  const lines = [
    `${t.calibrationHead(w.number(calibration.converted), w.number(calibration.leads), percent(calibration.rate, w))}${calibration.interval === null ? '' : `, ${t.interval95} ${percentInterval(calibration.interval, w).slice(1, -1)}`}; ${t.withoutOutcome(w.number(calibration.unmatched))}`,
    `  ${t.ratesNote}`,
  ];
  for (const [id, rate] of Object.entries(calibration.stages))
    lines.push(rateLine(id, rate, t.labelWidth, w));
  for (const [id, split] of Object.entries(calibration.next)) {
    lines.push(rateLine(t.splitLabel(id, split.stage, 'unknown'), split.unknown, t.labelWidth, w));
    lines.push(rateLine(t.splitLabel(id, split.stage, 'unmet'), split.unmet, t.labelWidth, w));
    if (split.comparison !== null)
      lines.push(`  ${pad('', t.labelWidth)} ${t.unknownVsUnmet} ${verdictText(split.comparison, w)}`);
  }
  lines.push(`  ${t.scoreBands}`);
  for (const band of calibration.bands)
    lines.push(rateLine(`${w.number(band.from)} – ${w.number(band.to)}`, band, t.labelWidth, w));
  if (calibration.comparisons.length > 0) {
    lines.push(`  ${t.adjacentHead}`);
    for (const comparison of calibration.comparisons) {
      const points = (value: number) => `${value >= 0 ? '+' : '−'}${w.fixed(Math.abs(value * 100), 1)}`;
      lines.push(
        `  ${pad(`${comparison.higher} ${t.vs} ${comparison.lower}`, t.labelWidth)} ${points(comparison.difference)} ${t.points} [${points(comparison.interval.low)} – ${points(comparison.interval.high)}]  ${verdictText(comparison.test, w)}${comparison.test.verdict === 'distinguishable' ? '' : t.mayBeNoise}`,
      );
    }
  }
  if (calibration.warnings.length > 0) {
    lines.push(`  ${t.smallHead}`, ...warningLines(calibration.warnings, '  ', w, calibration));
  }
  return lines;
}

/** The breakdown: one row per group — leads, stage shares, and the conversion with its interval. */
export function breakdownLines(breakdown: Breakdown, stages: readonly string[], w: Words = EN): string[] {
  const t = w.t;
  const keys = breakdown.groups.map((group) => w.groupKey(group.key, breakdown.by));
  const width = Math.min(24, Math.max(8, ...keys.map((key) => key.length), t.group.length));
  const calibrated = breakdown.groups.some((group) => group.summary.calibration !== undefined);
  const lines = [
    '',
    t.breakdownHead(w.by(breakdown.by), w.number(breakdown.groups.length), calibrated),
    `  ${pad(t.group, width)} ${t.leadsColumn.padStart(8)}  ${stages.map((id) => id.padStart(Math.max(8, id.length))).join(' ')}${calibrated ? `  ${t.outcomes.padStart(8)}  ${t.rate.padStart(8)}  ${t.interval95}` : ''}`,
  ];
  let small = 0;
  for (const [index, group] of breakdown.groups.entries()) {
    const summary: Summary = group.summary;
    const shares = stages
      .map((id) => percent(summary.stages[id]?.share ?? 0, w).padStart(Math.max(8, id.length)))
      .join(' ');
    const calibration = summary.calibration;
    const rate =
      calibration === undefined
        ? ''
        : `  ${w.number(calibration.leads).padStart(8)}  ${percent(calibration.rate, w).padStart(8)}  ${percentInterval(calibration.interval, w)}${calibration.leads > 0 && calibration.leads < 30 ? ' !' : ''}`;
    if (calibration !== undefined && calibration.leads > 0 && calibration.leads < 30) small++;
    const shown = keys[index] as string;
    const key = shown.length > width ? `${shown.slice(0, width - 1)}…` : shown;
    lines.push(`  ${pad(key, width)} ${w.number(summary.total).padStart(8)}  ${shares}${rate}`.trimEnd());
  }
  if (small > 0) lines.push(`  ! ${t.smallGroups(small)}`);
  lines.push(...warningLines(breakdown.warnings, '  ', w, undefined));
  return lines;
}
