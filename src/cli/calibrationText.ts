// The calibration and the breakdown of a summary as terminal text: every rate with its 95 % interval,
// every lift with its interval and its test against the rest, each stage against the next one up with
// a plain verdict, and the small-sample warnings — so a gap that may be noise never reads as a finding.
import type { Breakdown, Calibration, Interval, Rate, RateTest, Summary, SummaryWarning } from 'leadstage';

const pad = (text: string, width: number) =>
  text.length >= width ? text : text + ' '.repeat(width - text.length);
const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)} %`;
/** `[16.8 – 68.7 %]` */
const percentInterval = (interval: Interval | null) =>
  interval === null ? '' : `[${(interval.low * 100).toFixed(1)} – ${(interval.high * 100).toFixed(1)} %]`;
const number = (value: number) => String(Math.round(value * 100) / 100);
/** `p = 0.4911` or `p < 0.0001` */
export const pValue = (p: number) => (p < 0.0001 ? 'p < 0.0001' : `p = ${p.toFixed(4)}`);
const testName = (test: RateTest) => (test.test === 'fisher' ? "Fisher's exact" : 'z test');
/** `not distinguishable (z test, p = 0.4911)` */
export const verdictText = (test: RateTest | null) =>
  test === null ? '' : `${test.verdict} (${testName(test)}, ${pValue(test.p)})`;

/** The warnings printed in full; past it, how many more. */
const MAX_WARNING_LINES = 20;

function rateLine(label: string, rate: Rate, width: number): string {
  const lift =
    rate.lift === null
      ? 'lift —'
      : `lift ${number(rate.lift)}${rate.liftInterval === null ? '' : ` [${number(rate.liftInterval.low)} – ${number(rate.liftInterval.high)}]`}`;
  return `  ${pad(label, width)} ${String(rate.leads).padStart(8)} leads  ${percent(rate.rate).padStart(8)} ${pad(percentInterval(rate.interval), 18)}  ${pad(lift, 24)}  ${rate.vsRest === null ? '' : `vs the rest: ${verdictText(rate.vsRest)}`}`.trimEnd();
}

function warningLines(warnings: readonly SummaryWarning[], indent: string): string[] {
  const lines = warnings.slice(0, MAX_WARNING_LINES).map((warning) => `${indent}! ${warning.message}`);
  if (warnings.length > MAX_WARNING_LINES)
    lines.push(`${indent}! … and ${warnings.length - MAX_WARNING_LINES} more (--format json lists them all)`);
  return lines;
}

/** The calibration section: rates with intervals and tests, adjacent stages, warnings. */
export function calibrationLines(calibration: Calibration): string[] {
  const lines = [
    `Calibration: ${calibration.converted} of ${calibration.leads} converted (${percent(calibration.rate)})${calibration.interval === null ? '' : `, 95 % interval ${percentInterval(calibration.interval).slice(1, -1)}`}; ${calibration.unmatched} without an outcome`,
    '  rates with their 95 % interval (Wilson); lift with its interval, and each group tested against the rest',
  ];
  for (const [id, rate] of Object.entries(calibration.stages)) lines.push(rateLine(id, rate, 28));
  for (const [id, split] of Object.entries(calibration.next)) {
    lines.push(rateLine(`${id}, ${split.stage} unknown`, split.unknown, 28));
    lines.push(rateLine(`${id}, ${split.stage} unmet`, split.unmet, 28));
    if (split.comparison !== null)
      lines.push(`  ${pad('', 28)} unknown vs unmet: ${verdictText(split.comparison)}`);
  }
  lines.push('  score bands:');
  for (const band of calibration.bands) lines.push(rateLine(`${band.from} – ${band.to}`, band, 28));
  if (calibration.comparisons.length > 0) {
    lines.push('  adjacent stages (is each stage better than the one below it, beyond noise?):');
    for (const comparison of calibration.comparisons) {
      const points = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(1)}`;
      lines.push(
        `  ${pad(`${comparison.higher} vs ${comparison.lower}`, 28)} ${points(comparison.difference)} points [${points(comparison.interval.low)} – ${points(comparison.interval.high)}]  ${verdictText(comparison.test)}${comparison.test.verdict === 'distinguishable' ? '' : ': the gap may be noise'}`,
      );
    }
  }
  if (calibration.warnings.length > 0) {
    lines.push(
      '  small samples (fewer than 30 leads with an outcome, or fewer than 5 conversions expected):',
      ...warningLines(calibration.warnings, '  '),
    );
  }
  return lines;
}

/** The breakdown: one row per group — leads, stage shares, and the conversion with its interval. */
export function breakdownLines(breakdown: Breakdown, stages: readonly string[]): string[] {
  const width = Math.min(
    24,
    Math.max(8, ...breakdown.groups.map((group) => group.key.length), 'group'.length),
  );
  const calibrated = breakdown.groups.some((group) => group.summary.calibration !== undefined);
  const lines = [
    '',
    `Breakdown by ${breakdown.by}: ${breakdown.groups.length} groups (share of each stage${calibrated ? '; conversion with its 95 % interval' : ''})`,
    `  ${pad('group', width)} ${'leads'.padStart(8)}  ${stages.map((id) => id.padStart(Math.max(8, id.length))).join(' ')}${calibrated ? `  ${'outcomes'.padStart(8)}  ${'rate'.padStart(8)}  95 % interval` : ''}`,
  ];
  let small = 0;
  for (const group of breakdown.groups) {
    const summary: Summary = group.summary;
    const shares = stages
      .map((id) => percent(summary.stages[id]?.share ?? 0).padStart(Math.max(8, id.length)))
      .join(' ');
    const calibration = summary.calibration;
    const rate =
      calibration === undefined
        ? ''
        : `  ${String(calibration.leads).padStart(8)}  ${percent(calibration.rate).padStart(8)}  ${percentInterval(calibration.interval)}${calibration.leads > 0 && calibration.leads < 30 ? ' !' : ''}`;
    if (calibration !== undefined && calibration.leads > 0 && calibration.leads < 30) small++;
    const key = group.key.length > width ? `${group.key.slice(0, width - 1)}…` : group.key;
    lines.push(`  ${pad(key, width)} ${String(summary.total).padStart(8)}  ${shares}${rate}`.trimEnd());
  }
  if (small > 0)
    lines.push(
      `  ! ${small} ${small === 1 ? 'group has' : 'groups have'} fewer than 30 leads with an outcome: their rates may be noise (--format json: each group's calibration, tests and warnings)`,
    );
  lines.push(...warningLines(breakdown.warnings, '  '));
  return lines;
}
