/// <reference types="node" />
// The leadstage command line: the library's main job without writing code. stdout carries only data;
// progress, the asOf used and warnings go to stderr. Exit codes: 0 ok, 1 findings, 2 usage.
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import {
  type Classification,
  type ConfigDiff,
  compile,
  configJsonSchema,
  createConfigDiff,
  createHistorySummary,
  createSummary,
  explain,
  lintConfig,
  mapLead,
  runExamples,
  type StageHistory,
  type StatusClassification,
  type Summary,
  safeParseConfig,
  sealConfig,
  stageHistory,
} from 'leadstage';
import { checkDataCommand } from './checkData';
import { CliError, describeIssue, loadConfig, loadMap, readEvents, readJsonFile, readRows } from './input';
import { renderReport } from './report';

const VERSION: string = (() => {
  try {
    return (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
})();

const LEAD_OPTIONS = {
  config: { type: 'string', short: 'c' },
  events: { type: 'string' },
  map: { type: 'string' },
  'as-of': { type: 'string' },
  'input-format': { type: 'string' },
  strict: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Command {
  readonly usage: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  readonly run: (
    values: Record<string, string | boolean | undefined>,
    positionals: string[],
  ) => Promise<number>;
}

const HELP = `leadstage ${VERSION} — decide whether sales leads are SAL or SQO, and why

Usage: leadstage <command> [options]

Commands:
  classify <leads>    classify every lead: stage, score, what it lacks
  explain <leads>     the explanation of each lead, for a salesperson
  summarize <leads>   the funnel, top blockers (ask vs not met), calibration with --outcome
  history <leads>     each lead's stages over time, time in stage, SLAs
  diff <leads>        which leads a config change moves (--config a --against b)
  report <leads>      one self-contained HTML report (--out report.html)
  check <config>      every issue and lint warning, then the config's examples
  check-data <leads>  what a lead file holds for a config, before classifying
  seal <config>       the config sealed for leadstage/runtime
  schema              the JSON Schema of configs

Leads: a CSV (dotted headers become paths: budget.amount), NDJSON or a JSON array; - for stdin.
Run leadstage <command> --help for its options. Docs: docs/cli.md`;

/** Where data goes: --out, or stdout. */
function output(file: string | undefined): Writable {
  return file === undefined || file === '-' ? process.stdout : createWriteStream(file);
}

async function finish(stream: Writable): Promise<void> {
  if (stream === process.stdout) return;
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** Writes, waiting when the stream is full (backpressure end to end). */
async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise((resolve) => stream.once('drain', resolve));
}

/** `--as-of`, default now; the value used goes to stderr so the run can be repeated exactly. */
function asOfOf(value: string | boolean | undefined): string {
  const asOf = typeof value === 'string' ? value : new Date().toISOString();
  const at = Date.parse(asOf);
  if (Number.isNaN(at)) throw new CliError(`--as-of: expected an ISO 8601 date, received "${asOf}"`, 2);
  process.stderr.write(
    `leadstage: as of ${new Date(at).toISOString()} (repeat with --as-of ${new Date(at).toISOString()})\n`,
  );
  return asOf;
}

function required(values: Record<string, unknown>, name: string, usage: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new CliError(`--${name} is required\n\n${usage}`, 2);
  return value;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${name}: expected ${allowed.join(', ')}, received "${String(value)}"`, 2);
}

function leadsArgument(positionals: string[], usage: string): string {
  if (positionals.length !== 1) {
    throw new CliError(
      `expected one lead file (or - for stdin), received ${positionals.length}\n\n${usage}`,
      2,
    );
  }
  return positionals[0] as string;
}

/** A live progress line on a terminal: rows done and rows per second. Nothing when stderr is not a TTY. */
function progress(): { tick(): void; done(): void } {
  if (!process.stderr.isTTY) return { tick() {}, done() {} };
  const start = Date.now();
  let rows = 0;
  let shown = 0;
  return {
    tick() {
      rows++;
      const now = Date.now();
      if (now - shown < 250) return;
      shown = now;
      const rate = Math.round(rows / Math.max(0.001, (now - start) / 1000));
      process.stderr.write(`\r${rows.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s `);
    },
    done() {
      if (shown > 0) process.stderr.write(`\r${rows.toLocaleString('en')} rows done${' '.repeat(20)}\n`);
    },
  };
}

interface LeadRun {
  readonly leads: AsyncGenerator<{
    lead: Record<string, unknown>;
    line: number;
    row: Record<string, unknown>;
  }>;
  readonly badRows: () => number;
}

/** The leads of a file, mapped (--map) and joined with their events (--events), bad rows reported. */
async function leadsOf(file: string, values: Record<string, string | boolean | undefined>): Promise<LeadRun> {
  const strict = values.strict === true;
  let bad = 0;
  const name = file === '-' ? '<stdin>' : file;
  const reportIn = (where: string) => (line: number, problem: string) => {
    bad++;
    process.stderr.write(`${where}:${line}: ${problem}\n`);
    if (strict) throw new CliError(`${where}:${line}: stopped at the first bad row (--strict)`);
  };
  const map = typeof values.map === 'string' ? loadMap(values.map) : undefined;
  const events =
    typeof values.events === 'string' ? await readEvents(values.events, reportIn(values.events)) : undefined;
  const report = reportIn(name);
  const rows = readRows(file, values['input-format'] as string | undefined, report, {
    nestHeaders: map === undefined,
  });
  async function* leads() {
    for await (const { value, line } of rows) {
      let lead: Record<string, unknown> = value;
      if (map !== undefined) {
        const mapped = mapLead(value, map);
        for (const issue of mapped.issues) report(line, describeIssue(issue));
        lead = mapped.lead as Record<string, unknown>;
      }
      const id = lead.id;
      if (events !== undefined && (typeof id === 'string' || typeof id === 'number')) {
        const own = events.get(String(id));
        if (own !== undefined)
          lead = { ...lead, events: [...(Array.isArray(lead.events) ? lead.events : []), ...own] };
      }
      yield { lead, line, row: value };
    }
  }
  return { leads: leads(), badRows: () => bad };
}

/** A boolean outcome column (`1`/`0`, `true`/`false`, `yes`/`no`, `won`/`lost`); undefined when blank or unreadable. */
function outcomeOf(row: Record<string, unknown>, column: string): boolean | undefined {
  const value = Object.hasOwn(row, column)
    ? row[column]
    : column
        .split('.')
        .reduce<unknown>(
          (node, key) =>
            node !== null && typeof node === 'object' && Object.hasOwn(node, key)
              ? (node as Record<string, unknown>)[key]
              : undefined,
          row,
        );
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  if (/^(1|true|yes|y|won|converted|customer)$/i.test(value.trim())) return true;
  if (/^(0|false|no|n|lost)$/i.test(value.trim())) return false;
  return undefined;
}

const pad = (text: string, width: number) =>
  text.length >= width ? text : text + ' '.repeat(width - text.length);
const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);

function summaryText(summary: Summary): string {
  const lines = [
    `${summary.total} leads, config ${summary.config?.id ?? '—'} (${summary.config?.hash ?? '—'})`,
    '',
    'Funnel',
  ];
  for (const [id, stage] of Object.entries(summary.stages)) {
    const next =
      stage.next === undefined
        ? ''
        : `  next ${stage.next.stage}: ${stage.next.unmet} unmet, ${stage.next.unknown} unknown`;
    lines.push(
      `  ${pad(id, 16)} ${String(stage.count).padStart(8)}  ${percent(stage.share).padStart(8)}  median score ${stage.scores.total?.median ?? '—'}${next}`,
    );
  }
  lines.push(
    '',
    'Top blockers (ask: unknown, could help now; not met: would have to change; later: unknown, useless until the unmet change)',
  );
  for (const blocker of summary.blockers.slice(0, 10)) {
    lines.push(
      `  ${pad(`${blocker.stage} ← ${blocker.criterion ?? blocker.label}`, 40)} ask ${String(blocker.ask).padStart(7)}   not met ${String(blocker.notMet).padStart(7)}   later ${String(blocker.later).padStart(7)}`,
    );
  }
  if (Object.keys(summary.flags).length > 0) {
    lines.push(
      '',
      'Data flags',
      ...Object.entries(summary.flags).map(([kind, count]) => `  ${pad(kind, 24)} ${count}`),
    );
  }
  const calibration = summary.calibration;
  if (calibration !== undefined) {
    lines.push(
      '',
      `Calibration: ${calibration.converted} of ${calibration.leads} converted (${percent(calibration.rate)}); ${calibration.unmatched} without an outcome`,
    );
    for (const [id, rate] of Object.entries(calibration.stages)) {
      lines.push(
        `  ${pad(id, 16)} ${String(rate.leads).padStart(8)} leads  ${percent(rate.rate).padStart(8)}  lift ${rate.lift ?? '—'}`,
      );
    }
    for (const [id, split] of Object.entries(calibration.next)) {
      lines.push(
        `  ${pad(`${id}, ${split.stage} unknown`, 28)} ${String(split.unknown.leads).padStart(8)} leads  ${percent(split.unknown.rate).padStart(8)}  lift ${split.unknown.lift ?? '—'}`,
      );
      lines.push(
        `  ${pad(`${id}, ${split.stage} unmet`, 28)} ${String(split.unmet.leads).padStart(8)} leads  ${percent(split.unmet.rate).padStart(8)}  lift ${split.unmet.lift ?? '—'}`,
      );
    }
    lines.push('  score bands:');
    for (const band of calibration.bands) {
      lines.push(
        `  ${pad(`${band.from} – ${band.to}`, 16)} ${String(band.leads).padStart(8)} leads  ${percent(band.rate).padStart(8)}  lift ${band.lift ?? '—'}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

type AnyResult = Classification | StatusClassification;

function tableRow(result: AnyResult | { leadId?: string; stage: string }, index: number): string {
  const full = result as Partial<Classification>;
  const blockers =
    full.next === undefined
      ? ''
      : full.next.blockers
          .map((blocker) => `${blocker.criterion ?? blocker.label} (${blocker.status})`)
          .join(', ');
  return [
    pad(result.leadId ?? `#${index + 1}`, 24),
    pad(result.stage, 14),
    pad(full.scores === undefined ? '' : String(full.scores.total), 8),
    pad(full.next === undefined ? '' : `${full.next.stage} ${full.next.status}`, 20),
    blockers,
  ]
    .join(' ')
    .trimEnd();
}

const commands: Record<string, Command> = {
  classify: {
    usage: `Usage: leadstage classify <leads> --config <file|preset> [options]

  --config, -c <file|preset>   the config (a JSON file, or saas, consulting, agency, bant, meddic, champ, anum)
  --events <file>              an events CSV (leadId,type,at; other columns into props) joined by lead id
  --map <file|hubspot|salesforce>  read rows through a field map (a CRM export)
  --as-of <date>               the instant to classify at (default: now; printed to stderr)
  --detail full|statuses|stage what each result holds (default full)
  --format table|json|ndjson|csv  (default table)
  --locale en|it               the language of labels (default en)
  --input-format csv|ndjson|json  when the extension does not say
  --strict                     stop at the first bad row (exit 1)
  --out, -o <file>             write there instead of stdout`,
    options: {
      ...LEAD_OPTIONS,
      detail: { type: 'string' },
      format: { type: 'string' },
      locale: { type: 'string' },
    },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const config = loadConfig(required(values, 'config', this.usage));
      const detail = oneOf(values.detail, 'detail', ['full', 'statuses', 'stage'] as const, 'full');
      const format = oneOf(values.format, 'format', ['table', 'json', 'ndjson', 'csv'] as const, 'table');
      const asOf = asOfOf(values['as-of']);
      const locale = typeof values.locale === 'string' ? values.locale : undefined;
      const classifier = compile(config);
      const run = await leadsOf(file, values);
      const out = output(values.out as string | undefined);
      const tick = progress();
      let index = 0;
      if (format === 'json') await write(out, '[');
      if (format === 'table')
        await write(
          out,
          `${[pad('lead', 24), pad('stage', 14), pad('score', 8), pad('next', 20), 'blockers'].join(' ')}\n`,
        );
      if (format === 'csv')
        await write(
          out,
          stringify([['leadId', 'stage', 'score', 'next', 'nextStatus', 'blockers', 'followUpBy', 'flags']]),
        );
      for await (const { lead } of run.leads) {
        const result =
          detail === 'stage'
            ? {
                ...(typeof lead.id === 'string' || typeof lead.id === 'number'
                  ? { leadId: String(lead.id) }
                  : {}),
                stage: classifier.stage(lead, { asOf }),
              }
            : classifier.classify(lead, { asOf, detail, ...(locale === undefined ? {} : { locale }) });
        if (format === 'json') await write(out, `${index === 0 ? '\n' : ',\n'}${JSON.stringify(result)}`);
        else if (format === 'ndjson') await write(out, `${JSON.stringify(result)}\n`);
        else if (format === 'table') await write(out, `${tableRow(result, index)}\n`);
        else {
          const full = result as Partial<Classification>;
          await write(
            out,
            stringify([
              [
                result.leadId ?? '',
                result.stage,
                full.scores?.total ?? '',
                full.next?.stage ?? '',
                full.next?.status ?? '',
                (full.next?.blockers ?? []).map((blocker) => blocker.criterion ?? blocker.label).join(';'),
                full.followUpBy ?? '',
                (full.flags ?? []).join(';'),
              ],
            ]),
          );
        }
        index++;
        tick.tick();
      }
      if (format === 'json') await write(out, index === 0 ? ']\n' : '\n]\n');
      tick.done();
      await finish(out);
      return 0;
    },
  },

  explain: {
    usage: `Usage: leadstage explain <leads> --config <file|preset> [--events <file>] [--map …] [--as-of <date>] [--locale en|it] [--out <file>]`,
    options: { ...LEAD_OPTIONS, locale: { type: 'string' } },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const classifier = compile(loadConfig(required(values, 'config', this.usage)));
      const asOf = asOfOf(values['as-of']);
      const locale = typeof values.locale === 'string' ? values.locale : 'en';
      const run = await leadsOf(file, values);
      const out = output(values.out as string | undefined);
      let first = true;
      for await (const { lead } of run.leads) {
        await write(out, `${first ? '' : '\n'}${explain(classifier.classify(lead, { asOf, locale }))}\n`);
        first = false;
      }
      await finish(out);
      return 0;
    },
  },

  summarize: {
    usage: `Usage: leadstage summarize <leads> --config <file|preset> [--outcome <column>] [--format text|json] [options]

  --outcome <column>   a column saying whether each lead converted (1/0, true/false, yes/no, won/lost): adds the calibration
  --format text|json   (default text)
  and the lead options of classify (--events, --map, --as-of, --input-format, --strict, --out)`,
    options: { ...LEAD_OPTIONS, outcome: { type: 'string' }, format: { type: 'string' } },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const classifier = compile(loadConfig(required(values, 'config', this.usage)));
      const format = oneOf(values.format, 'format', ['text', 'json'] as const, 'text');
      const asOf = asOfOf(values['as-of']);
      const column = typeof values.outcome === 'string' ? values.outcome : undefined;
      let current: boolean | undefined;
      const summary = createSummary(column === undefined ? {} : { outcome: () => current });
      const run = await leadsOf(file, values);
      const tick = progress();
      for await (const { lead, row } of run.leads) {
        if (column !== undefined) current = outcomeOf(row, column);
        summary.add(classifier.classify(lead, { asOf, detail: 'statuses' }));
        tick.tick();
      }
      tick.done();
      const out = output(values.out as string | undefined);
      const result = summary.result();
      await write(out, format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : summaryText(result));
      await finish(out);
      return 0;
    },
  },

  history: {
    usage: `Usage: leadstage history <leads> --config <file|preset> [--events <file>] [--format table|json|ndjson] [options]

  Each lead's stages from its creation (or first event) to --as-of, with what changed and each SLA;
  table ends with time in stage, time to each stage and SLA counts.
  --format table|json|ndjson   (default table; json is { histories, summary })`,
    options: { ...LEAD_OPTIONS, format: { type: 'string' } },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const classifier = compile(loadConfig(required(values, 'config', this.usage)));
      const format = oneOf(values.format, 'format', ['table', 'json', 'ndjson'] as const, 'table');
      const asOf = asOfOf(values['as-of']);
      const run = await leadsOf(file, values);
      const out = output(values.out as string | undefined);
      // only --format json holds every history (it prints them as one document); the others stream
      const histories: StageHistory[] = [];
      const timing = createHistorySummary();
      let index = 0;
      for await (const { lead } of run.leads) {
        const history = stageHistory(lead, classifier, { asOf });
        timing.add(history);
        if (format === 'json') histories.push(history);
        if (format === 'ndjson') await write(out, `${JSON.stringify(history)}\n`);
        if (format === 'table') {
          await write(
            out,
            `${history.leadId ?? `#${index + 1}`}: ${history.stage} since ${history.stageSince}\n`,
          );
          for (const segment of history.segments) {
            const sla =
              segment.followUp === undefined
                ? ''
                : `  follow-up due ${segment.followUp.due}: ${segment.followUp.status}`;
            const why =
              segment.reason === undefined
                ? ''
                : `  (${segment.reason.criteria.map((change) => `${change.criterion} ${change.from}→${change.to}`).join(', ')}${segment.reason.codes === undefined ? '' : `; ${segment.reason.codes.join(', ')}`})`;
            await write(
              out,
              `  ${pad(segment.stage, 14)} ${segment.from} → ${segment.to ?? 'now'}${why}${sla}\n`,
            );
          }
        }
        index++;
      }
      const summary = timing.result();
      if (format === 'json') await write(out, `${JSON.stringify({ histories, summary }, null, 2)}\n`);
      if (format === 'table') {
        const days = (ms: number | undefined) =>
          ms === undefined ? '—' : `${(ms / 86_400_000).toFixed(1)} d`;
        await write(out, `\n${summary.leads} leads\n`);
        for (const [id, stage] of Object.entries(summary.stages)) {
          const sla =
            stage.followUp === undefined
              ? ''
              : `  SLA met ${stage.followUp.met}, breached ${stage.followUp.breached}, open ${stage.followUp.open}`;
          await write(
            out,
            `  ${pad(id, 14)} entered ${stage.entries}, now ${stage.current}, median stay ${days(stage.time?.median)}, p90 ${days(stage.time?.p90)}, time to reach: median ${days(summary.timeTo[id]?.median)}${sla}\n`,
          );
        }
      }
      await finish(out);
      return 0;
    },
  },

  diff: {
    usage: `Usage: leadstage diff <leads> --config <a> --against <b> [--format text|json] [options]

  Which leads change stage from config a (in use) to config b (proposed), and the from → to matrix.`,
    options: { ...LEAD_OPTIONS, against: { type: 'string' }, format: { type: 'string' } },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const before = loadConfig(required(values, 'config', this.usage));
      const after = loadConfig(required(values, 'against', this.usage));
      const format = oneOf(values.format, 'format', ['text', 'json'] as const, 'text');
      const asOf = asOfOf(values['as-of']);
      const diff = createConfigDiff(before, after, { asOf });
      const run = await leadsOf(file, values);
      for await (const { lead } of run.leads) diff.add(lead);
      const result: ConfigDiff = diff.result();
      const out = output(values.out as string | undefined);
      if (format === 'json') await write(out, `${JSON.stringify(result, null, 2)}\n`);
      else {
        const lines = [`${result.changed} of ${result.total} leads change stage`, '', 'from → to'];
        for (const [from, row] of Object.entries(result.matrix))
          for (const [to, count] of Object.entries(row))
            lines.push(`  ${pad(from, 14)} → ${pad(to, 14)} ${count}`);
        if (result.leads.length > 0)
          lines.push(
            '',
            'moved leads',
            ...result.leads.map(
              (lead) =>
                `  ${pad(lead.id ?? `#${lead.index + 1}`, 24)} ${lead.from} → ${lead.to} (score ${lead.scoreDelta >= 0 ? '+' : ''}${lead.scoreDelta})`,
            ),
          );
        if (result.truncated) lines.push(`  … and ${result.changed - result.leads.length} more`);
        await write(out, `${lines.join('\n')}\n`);
      }
      await finish(out);
      return 0;
    },
  },

  report: {
    usage: `Usage: leadstage report <leads> --config <file|preset> --out report.html [--outcome <column>] [--events <file>] [options]

  One self-contained HTML file (no network): the funnel, top blockers, score distribution per stage,
  time in stage and SLAs when events allow, calibration when --outcome names a column.`,
    options: { ...LEAD_OPTIONS, outcome: { type: 'string' } },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const out = required(values, 'out', this.usage);
      const configInput = loadConfig(required(values, 'config', this.usage));
      const classifier = compile(configInput);
      const asOf = asOfOf(values['as-of']);
      const column = typeof values.outcome === 'string' ? values.outcome : undefined;
      let current: boolean | undefined;
      const summary = createSummary(column === undefined ? {} : { outcome: () => current });
      const histories = createHistorySummary();
      let withEvents = 0;
      const run = await leadsOf(file, values);
      const tick = progress();
      for await (const { lead, row } of run.leads) {
        if (column !== undefined) current = outcomeOf(row, column);
        summary.add(classifier.classify(lead, { asOf, detail: 'statuses' }));
        if (Array.isArray(lead.events) && lead.events.length > 0) withEvents++;
        histories.add(stageHistory(lead, classifier, { asOf }));
        tick.tick();
      }
      tick.done();
      const html = renderReport({
        summary: summary.result(),
        histories: withEvents > 0 ? histories.result() : undefined,
        asOf: new Date(Date.parse(asOf)).toISOString(),
        source: file,
        outcome: column,
        version: VERSION,
      });
      writeFileSync(out, html);
      process.stderr.write(`leadstage: wrote ${out}\n`);
      return 0;
    },
  },

  check: {
    usage: `Usage: leadstage check <config>

  Every issue of the config with its path, the lint's warnings, then its embedded examples.
  Exit 1 when the config is invalid or an example fails.`,
    options: { help: { type: 'boolean', short: 'h' } },
    async run(_values, positionals) {
      if (positionals.length !== 1) throw new CliError(`expected one config file\n\n${this.usage}`, 2);
      const file = positionals[0] as string;
      const input = readJsonFile(file, 'config');
      const parsed = safeParseConfig(input);
      if (!parsed.success) {
        for (const issue of parsed.issues) process.stdout.write(`${file}: error: ${describeIssue(issue)}\n`);
        for (const warning of lintConfig(input).warnings)
          process.stdout.write(`${file}: warning: ${describeIssue(warning)}\n`);
        process.stdout.write(
          `${file}: invalid (${parsed.issues.length} error${parsed.issues.length === 1 ? '' : 's'})\n`,
        );
        return 1;
      }
      for (const warning of parsed.warnings)
        process.stdout.write(`${file}: warning: ${describeIssue(warning)}\n`);
      const examples = runExamples(parsed.config);
      for (const example of examples.results) {
        process.stdout.write(
          `${example.passed ? 'ok  ' : 'FAIL'} example "${example.name}": ${example.stage}${example.passed ? '' : ` — ${example.failures.join('; ')}`}\n`,
        );
      }
      const failed = examples.results.filter((example) => !example.passed).length;
      process.stdout.write(
        `${file}: valid, ${parsed.warnings.length} warning${parsed.warnings.length === 1 ? '' : 's'}, ${examples.results.length - failed} of ${examples.results.length} examples pass\n`,
      );
      return failed > 0 ? 1 : 0;
    },
  },

  seal: {
    usage: `Usage: leadstage seal <config> [--out <file>]

  Checks the config and writes it sealed, for compileSealed in leadstage/runtime.`,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    async run(values, positionals) {
      if (positionals.length !== 1)
        throw new CliError(`expected one config file or preset\n\n${this.usage}`, 2);
      const sealed = sealConfig(loadConfig(positionals[0] as string));
      const out = output(values.out as string | undefined);
      await write(out, `${JSON.stringify(sealed, null, 2)}\n`);
      await finish(out);
      return 0;
    },
  },

  'check-data': checkDataCommand,

  schema: {
    usage: `Usage: leadstage schema [--out <file>]

  The JSON Schema of configs, for editors.`,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    async run(values) {
      const out = output(values.out as string | undefined);
      await write(out, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
      await finish(out);
      return 0;
    },
  },
};

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    process.stderr.write(
      `leadstage: unknown command "${name}"; expected one of ${Object.keys(commands).join(', ')}\n\n${HELP}\n`,
    );
    return 2;
  }
  try {
    let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
    try {
      parsed = parseArgs({
        args: [...rest],
        options: command.options,
        allowPositionals: true,
        strict: true,
      }) as typeof parsed;
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${command.usage}`, 2);
    }
    if (parsed.values.help === true) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(parsed.values, parsed.positionals);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`leadstage ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof Error && error.name === 'ConfigError') {
      process.stderr.write(`leadstage ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
