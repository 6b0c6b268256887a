// Generates the JavaScript of a config's `stage()`: the same evaluation the closures run (compileEvaluator,
// compileClassifier's stageOf), written out as functions. Every string of the config reaches the output
// through the `_` template of src/internal/codegen/code.ts, as a JSON literal: ids, labels, paths, operands
// and patterns are data; every identifier is generated.
import { decidedAt } from '../dsl/compileEvaluator';
import { describeCondition } from '../dsl/describeCondition';
import { MAX_EVENTS, SLOTS_PER_UNIT } from '../dsl/eventPlan';
import { compileFactReadings, type FactReadings } from '../dsl/factReading';
import { knockOutCriteria } from '../dsl/knockOuts';
import { defaultOperatorTests } from '../dsl/operatorTests';
import { childrenOf, forEachCondition, kindOf } from '../dsl/walk';
import { _, type Code, join, Name, NameScope, nil, prop } from '../internal/codegen/code';
import { FORBIDDEN_SEGMENTS } from '../internal/path';
import { normalizeText } from '../internal/read';
import { SECONDS_LIKE } from '../internal/time';
import type {
  AtLeastCondition,
  Condition,
  CriterionCondition,
  EventCondition,
  FactCondition,
  NotCondition,
  ScoreCondition,
} from '../schema/condition';
import type { Config, ScoringRule } from '../schema/config';
import { clamp } from '../scoring/clamp';
import { compileGrades } from '../scoring/compileGrades';
import { roundScore } from '../scoring/compileScoring';
import { eventPath, frozen, without } from './resultParts';

/**
 * A construct the generator does not know (a condition kind added to the DSL after it): `generateModule`
 * refuses the config with this message, `compile(config, { codegen: true })` keeps the closures. Never
 * generated code that might classify differently.
 */
export class UnsupportedError extends TypeError {
  override readonly name = 'UnsupportedError';
}

/**
 * What one generator writes: `stage` (stage-only evaluators: each event condition scans for itself and
 * stops once decided, memo only where a node is named twice) or `statuses` (the closures' full evaluation:
 * every leaf and criterion memoised, events from the one-pass tally, so probes and blockers re-read them
 * for free and spend the same work units).
 */
export type GeneratedLevel = 'stage' | 'statuses' | 'full';

/** Names every generated body uses: the helpers, the runtime, the plan, a context. */
export const H = new Name('h');
const RT = new Name('rt');
const PLAN = new Name('plan');
const X = new Name('x');
const V = new Name('v');
const M = new Name('m');
const OWN = new Name('own');

const TRI = { met: 1, unmet: 0, unknown: 2 } as const;

/** Status names by Tri, as the full level's criterion entries name them. */
const STATUS_NAMES = new Name('statusNames');

/** Operators whose test is inlined for the common value, falling back to the library's test otherwise. */
const COMPARE: Readonly<Record<string, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

const COMPARE_CODE: Readonly<Record<string, Code>> = { '>': _`>`, '>=': _`>=`, '<': _`<`, '<=': _`<=` };

/**
 * What is known of a value tested: nothing; a fact leaf's value (`undefined` when absent, else present: no
 * placeholder check needed); an event count (a whole number, never absent).
 */
type Known = 'any' | 'leaf' | 'count';

/** An event condition's selection, as the event plan keys its consumers. */
function selectionKey(condition: EventCondition): string {
  return JSON.stringify([condition.event, condition.withinLast, condition.where]);
}

/** A fact's operators in the closures' order (the condition's own keys), those of the built-in table. */
function operatorsOf(condition: object, skip: string | undefined): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  for (const key of Object.keys(condition)) {
    if (key === skip || !Object.hasOwn(defaultOperatorTests, key)) continue;
    found.push([key, (condition as Record<string, unknown>)[key]]);
  }
  return found;
}

/** An event plan consumer of the statuses level's tally. */
interface Consumer {
  readonly index: Name;
  readonly types: readonly string[];
  readonly windowed: boolean;
  readonly keep: 0 | 1 | 2;
}

/** A scoring rule's event selection, as compileScoring registers it (with `keep`, the plan's key). */
function ruleSelection(rule: ScoringRule): { key: string; keep: 0 | 1 | 2 } {
  const limit = rule.repeat?.max ?? 1;
  const keep = rule.halfLife === undefined ? 0 : limit === 1 ? 1 : 2;
  return { key: JSON.stringify([rule.event ?? [], rule.withinLast, rule.where, keep]), keep };
}

class StageGenerator {
  private readonly declarations: Code[] = [];
  private slots = 0;
  private readonly nodes = new WeakMap<object, Name>();
  private readonly leaves = new Map<string, Name>();
  private readonly paths = new Map<string, Name>();
  private readonly readingNames = new Map<string, Name>();
  private readonly criteria = new Map<string, Name>();
  private readonly scans = new Map<string, Name>();
  private scoresName: Name | undefined;
  /** The memo slot of each fact leaf (by its JSON): where the full level reads a probe's value. */
  private readonly factSlots = new Map<string, number>();
  /** The full level's memo slots: the rule labels of the call (set per call), the ledger of the scores. */
  private labelsSlot = -1;
  private ledgerSlot = -1;
  private readonly readings: FactReadings;

  /**
   * How often each fact leaf (by its JSON), criterion and event selection is named across the config's
   * conditions. Each root (a stage's condition, a criterion, the scores) is evaluated at most once per call,
   * so a node named once is evaluated at most once: it needs no memo (the closures' memo would never hit).
   */
  private readonly leafRefs = new Map<string, number>();
  private readonly criterionRefs = new Map<string, number>();
  private readonly selectionRefs = new Map<string, number>();

  constructor(
    private readonly config: Config,
    private readonly names: NameScope,
    private readonly level: GeneratedLevel,
    /**
     * The operator tests made at load, shared by the levels as the closures share theirs: a pattern's
     * state cache makes the work units a test spends depend on the texts it saw before, at either level.
     */
    private readonly tests: Map<string, Name>,
  ) {
    this.readings = compileFactReadings(config.read, config.facts);
    for (const id of Object.keys(config.criteria)) this.criteria.set(id, this.names.fresh('c'));
    const roots = [
      ...Object.values(config.criteria).map((criterion) => criterion.when),
      ...(config.scoring?.rules ?? []).map((rule) => rule.when),
      ...config.stages.map((stage) => stage.when),
    ];
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    for (const root of roots) {
      if (root === undefined) continue;
      forEachCondition(root, (node) => {
        const kind = kindOf(node);
        if (kind === 'fact') count(this.leafRefs, JSON.stringify(node));
        else if (kind === 'criterion') count(this.criterionRefs, (node as CriterionCondition).criterion);
        else if (kind === 'event') count(this.selectionRefs, selectionKey(node as EventCondition));
      });
    }
  }

  private readonly holeArrays = new Map<number, Name>();

  /**
   * `sizedArray(length)` without the call: a slice of an array of holes made once at load and never written
   * to (the site-free rule, src/internal/siteFree.ts).
   */
  private holes(length: number): Code {
    let name = this.holeArrays.get(length);
    if (name === undefined) {
      name = this.names.fresh('holes');
      this.holeArrays.set(length, name);
      this.declare(_`const ${name} = ${H}.sizedArray(${length});`);
    }
    return _`${name}.slice()`;
  }

  private declare(code: Code): void {
    this.declarations.push(code);
  }

  private slot(): number {
    return this.slots++;
  }

  /** The generated reader of a dotted path: own properties only, forbidden segments read nothing. */
  private path(path: string): Name {
    const known = this.paths.get(path);
    if (known !== undefined) return known;
    const name = this.names.fresh('p');
    const segments = path.split('.');
    const o = new Name('o');
    let body: Code;
    if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) body = _`return undefined;`;
    else {
      const steps: Code[] = [];
      const last = segments[segments.length - 1] as string;
      for (const segment of segments.slice(0, -1)) {
        steps.push(
          _`if (${o} === null || typeof ${o} !== "object" || !${OWN}.call(${o}, ${segment})) return undefined; ${o} = ${o}${prop(segment)};`,
        );
      }
      steps.push(
        last === 'length' ? _`if (typeof ${o} === "string" || Array.isArray(${o})) return ${o}.length;` : nil,
      );
      steps.push(
        _`return ${o} !== null && typeof ${o} === "object" && ${OWN}.call(${o}, ${last}) ? ${o}${prop(last)} : undefined;`,
      );
      body = join(steps, _`\n  `);
    }
    this.declare(_`function ${name}(${o}) {\n  ${body}\n}`);
    this.paths.set(path, name);
    return name;
  }

  /** The library's test of one operator and operand, made once at load. */
  private test(operator: string, operand: unknown): Name {
    const key = JSON.stringify([operator, operand]);
    const known = this.tests.get(key);
    if (known !== undefined) return known;
    const name = this.names.fresh('t');
    // the operator's own export (a bundler keeps only the tests a module names), read as h["operatorGte"]
    const definition = prop(`operator${operator[0]?.toUpperCase()}${operator.slice(1)}`);
    this.declare(_`const ${name} = ${RT}.test(${H}${definition}, ${operand as object}, ${operator});`);
    this.tests.set(key, name);
    return name;
  }

  /** `isMissing(value)` with the default reading, inlined for non-strings. */
  private missing(value: Code, known: Known = 'any'): Code {
    if (known === 'leaf') return _`(${value} === undefined)`;
    if (known === 'count') return _`false`;
    return _`(${value} === undefined || ${value} === null || (typeof ${value} === "string" && ${H}.isMissing(${value})))`;
  }

  /** One operator's test of `value`, as a Tri expression; the common cases inline, the rest the library's. */
  private operatorTest(
    operator: string,
    operand: unknown,
    value: Code,
    path: string | undefined,
    known: Known,
  ): Code {
    if (known === 'count' && COMPARE[operator] !== undefined && typeof operand === 'number') {
      const op = COMPARE_CODE[COMPARE[operator] as string] as Code;
      return _`(${value} ${op} ${operand} ? 1 : 0)`;
    }
    if (known === 'count' && operator === 'eq' && typeof operand === 'number') {
      return _`(${value} === ${operand} ? 1 : 0)`;
    }
    const test = this.test(operator, operand);
    const call = _`${test}(${value}, ${X}, ${path})`;
    if (operator === 'exists') return _`(${this.missing(value, known)} === ${operand as boolean} ? 0 : 1)`;
    if (operator === 'eq' && typeof operand === 'string') {
      return _`(${value} === ${normalizeText(operand)} ? 1 : ${call})`;
    }
    if (operator === 'eq' && typeof operand === 'number') {
      return _`(typeof ${value} === "number" ? (${value} === ${operand} ? 1 : ${value} - ${value} === 0 ? 0 : 2) : ${call})`;
    }
    // a boolean reads as itself (readBoolean), whatever the reading rule
    if ((operator === 'eq' || operator === 'ne') && typeof operand === 'boolean') {
      const [equal, other] = operator === 'eq' ? [1, 0] : [0, 1];
      return _`(typeof ${value} === "boolean" ? (${value} === ${operand} ? ${equal} : ${other}) : ${call})`;
    }
    if (operator === 'ne' && typeof operand === 'string') {
      return _`(${value} === ${normalizeText(operand)} ? 0 : ${call})`;
    }
    if (operator === 'ne' && typeof operand === 'number') {
      return _`(typeof ${value} === "number" ? (${value} === ${operand} ? 0 : ${value} - ${value} === 0 ? 1 : 2) : ${call})`;
    }
    if (
      operator === 'between' &&
      Array.isArray(operand) &&
      typeof operand[0] === 'number' &&
      typeof operand[1] === 'number'
    ) {
      // comparison(): a finite number as it is, anything else by the reading rule
      return _`(typeof ${value} === "number" && ${value} - ${value} === 0 ? (${value} >= ${operand[0]} && ${value} <= ${operand[1]} ? 1 : 0) : ${call})`;
    }
    if (
      operator === 'in' &&
      Array.isArray(operand) &&
      operand.length <= 8 &&
      operand.every((item) => typeof item === 'string')
    ) {
      const normals = [...new Set((operand as string[]).map(normalizeText))];
      const tests = join(
        normals.map((normal) => _`${value} === ${normal}`),
        _` || `,
      );
      return _`(typeof ${value} === "string" && (${tests}) ? 1 : ${call})`;
    }
    const compare = COMPARE[operator];
    if (compare !== undefined && typeof operand === 'number') {
      const op = COMPARE_CODE[compare] as Code;
      return _`(typeof ${value} === "number" && ${value} - ${value} === 0 ? (${value} ${op} ${operand} ? 1 : 0) : ${call})`;
    }
    return call;
  }

  /**
   * The operators of one value and-ed, three-valued (the closures' `valueTest`): statements that leave the
   * status in `result` and may `return` early from a function whose locals are free.
   */
  private valueTest(
    operators: Array<[string, unknown]>,
    value: Code,
    path: string | undefined,
    known: Known,
  ): Code {
    if (operators.length === 1) {
      const [operator, operand] = operators[0] as [string, unknown];
      const test = this.operatorTest(operator, operand, value, path, known);
      return operator === 'exists' || known === 'count'
        ? test
        : _`(${this.missing(value, known)} ? 2 : ${test})`;
    }
    const fn = this.names.fresh('q');
    const absent = new Name('a');
    const r = new Name('r');
    const o = new Name('o');
    const steps = operators.map(([operator, operand]) => {
      const test = this.operatorTest(operator, operand, V, path, known);
      const outcome = operator === 'exists' ? test : _`${absent} ? 2 : ${test}`;
      return _`${o} = ${outcome}; if (${o} === 0) return 0; if (${o} === 2) ${r} = 2;`;
    });
    this.declare(
      _`function ${fn}(${V}, ${X}) {\n  const ${absent} = ${this.missing(V, known)};\n  let ${r} = 1, ${o};\n  ${join(steps, _`\n  `)}\n  return ${r};\n}`,
    );
    return _`${fn}(${value}, ${X})`;
  }

  /** A fact leaf: read once per lead (memo slot), placeholders absent, a declared type converted. */
  private fact(condition: FactCondition): Name {
    const key = JSON.stringify(condition);
    const known = this.leaves.get(key);
    if (known !== undefined) return known;
    const name = this.names.fresh('f');
    const path = condition.fact;
    const read = this.path(path);
    const operators = operatorsOf(condition, 'fact');
    const existsOnly = operators.every(([operator]) => operator === 'exists');
    const { reading, prepare } = this.readings.forPath(path);
    const custom = prepare !== undefined || reading.missing.size > 0 || reading !== this.readings.global;
    const readingName = custom ? this.reading(path) : undefined;
    const readingCode = readingName === undefined ? _`${RT}.readings.global` : _`${readingName}.reading`;
    const slot = this.slot();
    this.factSlots.set(key, slot);
    const raw = new Name('raw');
    const s = new Name('s');
    const missing = readingName === undefined ? this.missing(raw) : _`${H}.isMissing(${raw}, ${readingCode})`;
    const prepared = prepare === undefined ? raw : _`${readingName as Name}.prepare(${raw})`;
    const test = this.valueTest(operators, V, path, prepare === undefined && !custom ? 'leaf' : 'any');
    const unreadableBranch =
      prepare === undefined
        ? nil
        : _`if (${V} === ${H}.UNREADABLE) {\n    ${V} = ${raw};\n    ${s} = ${existsOnly ? this.valueTest(operators, raw, path, 'any') : _`2`};\n    ${H}.unreadable(${X}, ${path}, ${raw}, ${readingCode});\n  } else `;
    const memo = this.level !== 'stage' || (this.leafRefs.get(key) ?? 0) > 1;
    this.declare(
      _`function ${name}(${X}) {
  ${
    memo
      ? _`const ${M} = ${X}.memo;
  if (${M}.stamps[${slot}] === ${X}.generation) return ${M}.statuses[${slot}];`
      : nil
  }
  const ${raw} = ${read}(${X}.lead);
  let ${V} = ${missing} ? undefined : ${prepared}, ${s};
  if (!${H}.chargeValue(${X}, ${V})) ${s} = 2;
  else if (typeof ${V} === "string" && ${V}.length > ${H}.MAX_TEXT_LENGTH) {
    ${s} = ${existsOnly ? this.valueTest(operators, V, path, 'any') : _`2`};
    ${X}.flag(${`unreadable:${path}`});
  } else ${unreadableBranch}{
    ${s} = ${test};
    if (${s} === 2 && ${V} !== undefined && ${X}.budget >= 0) ${H}.unreadable(${X}, ${path}, ${V}, ${readingCode});
  }
  ${
    memo
      ? _`${M}.stamps[${slot}] = ${X}.generation;
  ${M}.statuses[${slot}] = ${s};
  ${M}.values[${slot}] = ${V};`
      : nil
  }
  return ${s};
}`,
    );
    this.leaves.set(key, name);
    return name;
  }

  private reading(path: string): Name {
    const known = this.readingNames.get(path);
    if (known !== undefined) return known;
    const name = this.names.fresh('r');
    this.declare(_`const ${name} = ${RT}.reading(${path});`);
    this.readingNames.set(path, name);
    return name;
  }

  private event(condition: EventCondition): Name {
    const name = this.names.fresh('e');
    const consumer = this.names.fresh('k');
    const selection: Record<string, unknown> = { event: condition.event };
    if (condition.withinLast !== undefined) selection.withinLast = condition.withinLast;
    if (condition.where !== undefined) selection.where = condition.where;
    this.declare(_`const ${consumer} = ${RT}.event(${selection});`);
    const stop = decidedAt(condition.count);
    const n = new Name('n');
    const test = this.valueTest(operatorsOf(condition.count ?? { gte: 1 }, undefined), n, undefined, 'count');
    if (this.level !== 'stage') {
      // the statuses and full levels: the count from the one event pass
      const t = new Name('t');
      this.declare(
        _`function ${name}(${X}) {\n  ${this.tally()}(${X});\n  const ${t} = ${X}.workspace.tally;\n  const ${n} = ${t}.hasEvents ? ${t}.counts[${consumer}] : -1;\n  return ${n} < 0 ? 2 : ${test};\n}`,
      );
      return name;
    }
    if (condition.where !== undefined) {
      // where filters: the library's scan (their tests and budget are the plan's)
      this.declare(
        _`function ${name}(${X}) {\n  const ${n} = ${PLAN}.count(${X}, ${consumer}, ${stop});\n  return ${n} < 0 ? 2 : ${test};\n}`,
      );
      return name;
    }
    const scan = this.scan(condition);
    const t = new Name('t');
    if ((this.selectionRefs.get(selectionKey(condition)) ?? 0) <= 1) {
      // named once: scanned at most once per call, nothing to remember
      this.declare(
        _`function ${name}(${X}) {
  let ${n} = ${scan}(${X}, ${stop});
  if (${n} === -2) ${n} = ${PLAN}.count(${X}, ${consumer}, ${stop});
  return ${n} < 0 ? 2 : ${test};
}`,
      );
      return name;
    }
    this.declare(
      _`function ${name}(${X}) {
  let ${n};
  const ${t} = ${X}.workspace.tally;
  if (${t}.scanStamps[${consumer}] !== ${X}.generation) {
    ${n} = ${scan}(${X}, ${stop});
    if (${n} === -2) ${n} = ${PLAN}.count(${X}, ${consumer}, ${stop});
    else {
      ${t}.scanStamps[${consumer}] = ${X}.generation;
      ${t}.scanCounts[${consumer}] = ${n};
      ${t}.scanStops[${consumer}] = ${stop};
    }
  } else ${n} = ${PLAN}.count(${X}, ${consumer}, ${stop});
  return ${n} < 0 ? 2 : ${test};
}`,
    );
    return name;
  }

  /**
   * A stage-only scan of one event selection without `where` (EventPlan's `scan`, specialised): its types
   * compared inline, its window start recomputed only when `asOf` changes, stopping at `stop`. `-2` for a
   * long array (over MAX_EVENTS), which the plan's selection reads instead.
   */
  private scan(condition: EventCondition): Name {
    const types = [...new Set(typeof condition.event === 'string' ? [condition.event] : condition.event)];
    const key = JSON.stringify([types, condition.withinLast]);
    const known = this.scans.get(key);
    if (known !== undefined) return known;
    const name = this.names.fresh('scan');
    const x = X;
    const stop = new Name('stop');
    const events = new Name('events');
    const event = new Name('event');
    const type = new Name('type');
    const at = new Name('at');
    const count = new Name('count');
    const index = new Name('index');
    const lead = new Name('lead');
    const asOf = new Name('asOf');
    const budget = new Name('budget');
    const typeTest = join(
      types.map((text) => _`${type} !== ${text}`),
      _` && `,
    );
    let from: Code = _`-1/0`;
    if (condition.withinLast !== undefined) {
      const memoAsOf = this.names.fresh('wa');
      const memoFrom = this.names.fresh('wf');
      this.declare(_`let ${memoAsOf} = 0/0, ${memoFrom} = 0;`);
      from = _`(${asOf} === ${memoAsOf} ? ${memoFrom} : (${memoAsOf} = ${asOf}, ${memoFrom} = ${H}.windowStart(${condition.withinLast as object}, ${asOf})))`;
    }
    const fromName = new Name('from');
    this.declare(
      _`function ${name}(${x}, ${stop}) {
  const ${lead} = ${x}.lead;
  const ${events} = ${lead} !== null && typeof ${lead} === "object" && ${OWN}.call(${lead}, "events") ? ${lead}.events : undefined;
  if (!Array.isArray(${events})) return -1;
  if (${events}.length > ${MAX_EVENTS}) return -2;
  const ${asOf} = ${x}.asOf;
  const ${fromName} = ${from};
  let ${count} = 0;
  // the budget in a local while nothing else can spend it, written back on the way out
  let ${budget} = ${x}.budget;
  for (let ${index} = 0; ${index} < ${events}.length; ${index}++) {
    if (--${budget} < 0) {
      ${x}.budget = ${budget};
      ${x}.overBudget();
      return -1;
    }
    const ${event} = ${events}[${index}];
    if (${event} === null || typeof ${event} !== "object") continue;
    const ${type} = ${event}.type;
    if ((${typeTest}) || !${OWN}.call(${event}, "type")) continue;
    const ${at} = ${H}.parseLeadInstant(${OWN}.call(${event}, "at") ? ${event}.at : undefined);
    if (!(${at} <= ${asOf} && ${at} >= ${fromName})) continue;
    if (++${count} >= ${stop}) break;
  }
  ${x}.budget = ${budget};
  return ${count};
}`,
    );
    this.scans.set(key, name);
    return name;
  }

  private tallyName: Name | undefined;
  /** The event plan's consumers, by the plan's key (selection and what is kept), as the tally registers them. */
  private readonly consumers = new Map<string, Consumer>();

  /**
   * The one event pass of the statuses level (EventPlan's `fill`, written out): a switch over the event
   * types the config reads, each crediting its consumers inline — the same flags, in the same order, and
   * the same work units. A lead past the cap of events read, and a config with `where` filters, take the
   * plan's own pass.
   */
  private tally(): Name {
    if (this.tallyName !== undefined) return this.tallyName;
    const name = this.names.fresh('tally');
    this.tallyName = name;
    const consumers = this.consumers;
    let filtered = false;
    const add = (selection: EventCondition, keep: 0 | 1 | 2) => {
      const key = JSON.stringify([selection.event, selection.withinLast, selection.where, keep]);
      if (selection.where !== undefined) filtered = true;
      if (consumers.has(key)) return;
      const index = this.names.fresh('k');
      const plain: Record<string, unknown> = { event: selection.event };
      if (selection.withinLast !== undefined) plain.withinLast = selection.withinLast;
      if (selection.where !== undefined) plain.where = selection.where;
      this.declare(_`const ${index} = ${PLAN}.add(${plain}, ${keep});`);
      const types = typeof selection.event === 'string' ? [selection.event] : selection.event;
      consumers.set(key, {
        index,
        types: [...new Set(types)],
        windowed: selection.withinLast !== undefined,
        keep,
      });
    };
    const config = this.config;
    const roots = [
      ...Object.values(config.criteria).map((criterion) => criterion.when),
      ...(config.scoring?.rules ?? []).map((rule) => rule.when),
      ...config.stages.map((stage) => stage.when),
    ];
    for (const root of roots) {
      if (root === undefined) continue;
      forEachCondition(root, (node) => {
        if (kindOf(node) === 'event') add(node as EventCondition, 0);
      });
    }
    for (const rule of config.scoring?.rules ?? []) {
      if (rule.when !== undefined) continue;
      const limit = rule.repeat?.max ?? 1;
      const keep = rule.halfLife === undefined ? 0 : limit === 1 ? 1 : 2;
      const selection: Record<string, unknown> = { event: rule.event ?? [] };
      if (rule.withinLast !== undefined) selection.withinLast = rule.withinLast;
      if (rule.where !== undefined) selection.where = rule.where;
      add(selection as unknown as EventCondition, keep);
    }
    if (filtered) {
      // where filters test props in the plan's reader order: its own pass
      this.declare(_`function ${name}(${X}) {\n  ${PLAN}.tally(${X});\n}`);
      return name;
    }
    const byType = new Map<string, Consumer[]>();
    for (const consumer of consumers.values()) {
      for (const type of consumer.types) {
        const list = byType.get(type);
        if (list === undefined) byType.set(type, [consumer]);
        else list.push(consumer);
      }
    }
    const lead = new Name('lead');
    const events = new Name('events');
    const t = new Name('t');
    const counts = new Name('counts');
    const latest = new Name('latest');
    const ats = new Name('ats');
    const froms = new Name('froms');
    const asOf = new Name('asOf');
    const index = new Name('index');
    const event = new Name('event');
    const type = new Name('type');
    const at = new Name('at');
    const c = new Name('c');
    const length = new Name('length');
    const invalid = _`${X}.flag("invalid_event:events[" + ${index} + "]");`;
    const cases = [...byType].map(([text, readers]) => {
      const credits = readers.map((consumer) => {
        const k = consumer.index;
        const credit =
          consumer.keep === 0
            ? _`${counts}[${k}]++;`
            : consumer.keep === 1
              ? _`${c} = ${counts}[${k}]; ${counts}[${k}] = ${c} + 1; if (${c} === 0 || ${at} > ${latest}[${k}]) ${latest}[${k}] = ${at};`
              : _`${c} = ${counts}[${k}]; ${counts}[${k}] = ${c} + 1; ${ats}[${k}][${c}] = ${at};`;
        return consumer.windowed ? _`if (${at} >= ${froms}[${k}]) { ${credit} }` : credit;
      });
      return _`case ${text}:
        ${X}.budget -= ${1 + readers.length};
        if (!${OWN}.call(${event}, "type")) { ${invalid} continue; }
        ${at} = ${H}.parseLeadInstant(${OWN}.call(${event}, "at") ? ${event}.at : undefined);
        if (${at} !== ${at}) { ${X}.flag("invalid_date:events[" + ${index} + "].at"); continue; }
        if (${at} > ${asOf}) { ${X}.flag("future_events_ignored"); continue; }
        ${join(credits, _`\n        `)}
        break;`;
    });
    this.declare(
      _`function ${name}(${X}) {
  if (${X}.tallied) return;
  const ${lead} = ${X}.lead;
  const ${events} = ${lead} !== null && typeof ${lead} === "object" && ${OWN}.call(${lead}, "events") ? ${lead}.events : undefined;
  // past the cap of events read, the plan's pass picks the events to read
  if (Array.isArray(${events}) && ${events}.length > ${MAX_EVENTS}) {
    ${PLAN}.tally(${X});
    return;
  }
  ${X}.tallied = true;
  const ${t} = ${X}.workspace.tally;
  const ${counts} = ${t}.counts;
  for (let ${index} = 0; ${index} < ${counts}.length; ${index}++) ${counts}[${index}] = 0;
  ${t}.hasEvents = Array.isArray(${events});
  if (!${t}.hasEvents) return;
  const ${latest} = ${t}.latest;
  const ${ats} = ${t}.ats;
  const ${asOf} = ${X}.asOf;
  const ${froms} = ${PLAN}.windowStarts(${asOf});
  const ${length} = ${events}.length;
  ${X}.budget -= Math.ceil(${length} / ${SLOTS_PER_UNIT});
  let ${at}, ${c};
  for (let ${index} = 0; ${index} < ${length}; ${index}++) {
    const ${event} = ${events}[${index}];
    if (${event} === null || typeof ${event} !== "object") { ${invalid} continue; }
    const ${type} = ${event}.type;
    if (typeof ${type} !== "string" || ${type} === "") { ${invalid} continue; }
    switch (${type}) {
      ${join(cases, _`\n      `)}
      default:
        continue;
    }
    if (${X}.budget < 0) {
      ${t}.hasEvents = false;
      ${X}.overBudget();
      return;
    }
  }
}`,
    );
    return name;
  }

  /** The scores of the lead under way, computed once per evaluation (pending while they are computed). */
  private scores(): Name {
    if (this.scoresName !== undefined) return this.scoresName;
    return this.statusesScores();
  }

  /**
   * The scores (compileScoring's function, written out): rules unrolled in rule order,
   * sums per group in locals, the same caps and rounding in the same order, so every score is the same
   * number. No ledger: neither level has one. Memoised per lead, pending while computed. Both levels make
   * the event pass first when a rule reads events, as compileScoring does (stage() too: a score needs it).
   */
  private statusesScores(): Name {
    const name = this.names.fresh('sc');
    this.scoresName = name;
    const slot = this.slot();
    const scoring = this.config.scoring;
    const rules = scoring?.rules ?? [];
    const groups = Object.entries(scoring?.groups ?? {});
    const sums = groups.map(() => this.names.fresh('g'));
    const ungrouped = new Name('ungrouped');
    const p = new Name('p');
    const count = new Name('count');
    const events = new Name('events');
    const t = new Name('t');
    const asOf = new Name('asOf');
    const readsEvents = rules.some((rule) => rule.when === undefined);
    if (readsEvents) this.tally();
    // the full level keeps compileScoring's ledger: a line per rule that earned points, then per cap
    const full = this.level === 'full';
    if (full) {
      this.labelsSlot = this.slot();
      this.ledgerSlot = this.slot();
    }
    const ledger = new Name('ledger');
    const labels = new Name('labels');
    // roundScore of a whole number (32 bits) is the number itself (-0 read as 0): the usual sum needs no call
    const rounded = (value: Code): Code =>
      _`(((${value}) | 0) === (${value}) ? (${value}) | 0 : ${H}.roundScore(${value}))`;
    // ledgerLine written out: a line's label and events are left out where the config says they are none
    const entry = new Name('line');
    const line = (
      rule: string,
      label: Code | undefined,
      group: string | undefined,
      points: Code,
      events: Code | undefined,
    ) =>
      _`${entry} = {}; ${entry}.rule = ${rule}; ${label === undefined ? nil : _`if (${label} !== undefined) ${entry}.label = ${label};`} ${group === undefined ? nil : _`${entry}.group = ${group};`} ${entry}.points = ${points}; ${events === undefined ? nil : _`${entry}.events = ${events};`} ${ledger}.push(${entry});`;
    const ruleLabel = (rule: ScoringRule, position: number) =>
      rule.label === undefined ? undefined : _`${labels}[${position}]`;
    const bounded = (value: Name, min: number | undefined, max: number | undefined): Code => {
      const steps: Code[] = [];
      if (max !== undefined) steps.push(_`${value} > ${max} ? ${max}`);
      if (min !== undefined) steps.push(_`${value} < ${min} ? ${min}`);
      return steps.length === 0 ? _`${value}` : _`(${join(steps, _` : `)} : ${value})`;
    };
    // one rate function per half-life (each memoised by instant)
    const rates = new Map<string, Name>();
    const steps = rules.map((rule, position) => {
      const index = rule.group === undefined ? -1 : groups.findIndex(([id]) => id === rule.group);
      const sum = index < 0 ? ungrouped : (sums[index] as Name);
      const add = full
        ? _`if (${p} !== 0) { ${sum} += ${p}; ${line(rule.id, ruleLabel(rule, position), rule.group, rounded(p), rule.when === undefined ? events : undefined)} }`
        : _`if (${p} !== 0) ${sum} += ${p};`;
      if (rule.when !== undefined) {
        // constant points: added as a literal (the sum and its rounding are the same numbers)
        const points = clamp(rule.points, rule.min, rule.max);
        const evaluate = _`${this.condition(rule.when)}(${X})`;
        if (points === 0) return _`${evaluate};`;
        const constant = full
          ? _`${sum} += ${points}; ${line(rule.id, ruleLabel(rule, position), rule.group, _`${roundScore(points)}`, undefined)}`
          : _`${sum} += ${points};`;
        return _`if (${evaluate} === 1) { ${constant} }`;
      }
      const consumer = (this.consumers.get(ruleSelection(rule).key) as Consumer).index;
      const limit = rule.repeat?.max ?? 1;
      let points: Code;
      if (rule.halfLife === undefined) points = _`${rule.points} * ${events}`;
      else {
        const rateKey = JSON.stringify(rule.halfLife);
        let rate = rates.get(rateKey);
        if (rate === undefined) {
          rate = this.names.fresh('rate');
          rates.set(rateKey, rate);
          this.declare(_`const ${rate} = ${H}.decayRate(${rule.halfLife as object});`);
        }
        points =
          limit === 1
            ? _`${rule.points} * Math.exp((${asOf} - ${t}.latest[${consumer}]) * ${rate}(${asOf}))`
            : _`(${count} > ${events} ? (${X}.budget -= 2 * ${count}) : 0, ${H}.decayedSum(${t}.ats[${consumer}], ${count}, ${events}, ${rule.points}, ${asOf}, ${rate}(${asOf})))`;
      }
      const bound =
        rule.min === undefined && rule.max === undefined ? nil : _`${p} = ${bounded(p, rule.min, rule.max)};`;
      return _`${count} = ${t}.hasEvents ? ${t}.counts[${consumer}] : 0;
  if (${count} > 0) { ${events} = Math.min(${count}, ${limit}); ${p} = ${points}; ${bound} ${add} }`;
    });
    const total = new Name('total');
    const scores = new Name('scores');
    const capped = new Name('capped');
    const groupSteps = groups.map(([id, group], index) => {
      const sum = sums[index] as Name;
      const cap = full
        ? _`if (${capped} !== ${sum}) { ${line(`cap:${id}`, undefined, id, rounded(_`${capped} - ${sum}`), undefined)} }`
        : nil;
      return _`${capped} = ${bounded(sum, group.min, group.max)}; ${cap} ${scores}${prop(id)} = ${rounded(capped)}; ${total} += ${capped};`;
    });
    const declarations = [
      _`${ungrouped} = 0`,
      _`${p}`,
      _`${count}`,
      _`${events}`,
      _`${capped}`,
      ...sums.map((sum) => _`${sum} = 0`),
      ...(full
        ? [_`${ledger} = ${H}.newArray()`, _`${labels} = ${M}.values[${this.labelsSlot}]`, _`${entry}`]
        : []),
    ];
    this.declare(
      _`function ${name}(${X}) {
  const ${M} = ${X}.memo;
  if (${M}.stamps[${slot}] === ${X}.generation) return ${M}.values[${slot}];
  ${M}.stamps[${slot}] = ${X}.generation;
  ${M}.values[${slot}] = ${H}.PENDING.scores;
  ${readsEvents ? _`${this.tally()}(${X});` : nil}
  const ${t} = ${X}.workspace.tally;
  const ${asOf} = ${X}.asOf;
  let ${join(declarations)};
  ${join(steps, _`\n  `)}
  const ${scores} = {};
  ${scores}.total = 0;
  let ${total} = ${ungrouped};
  ${join(groupSteps, _`\n  `)}
  ${capped} = ${bounded(total, scoring?.min, scoring?.max)};
  ${full ? _`if (${capped} !== ${total}) { ${line('cap:total', undefined, undefined, rounded(_`${capped} - ${total}`), undefined)} }` : nil}
  ${scores}.total = ${rounded(capped)};
  ${full ? _`${M}.values[${this.ledgerSlot}] = ${ledger};` : nil}
  ${M}.values[${slot}] = ${scores};
  return ${scores};
}`,
    );
    return name;
  }

  private score(condition: ScoreCondition): Name {
    const name = this.names.fresh('s');
    const scores = this.scores();
    const test = this.valueTest(operatorsOf(condition, 'score'), V, undefined, 'any');
    this.declare(
      _`function ${name}(${X}) {\n  const ${V} = ${scores}(${X})${prop(condition.score)};\n  return ${test};\n}`,
    );
    return name;
  }

  /** A condition as a function of the context returning a Tri; one per condition object. */
  condition(condition: Condition): Name {
    const known = this.nodes.get(condition);
    if (known !== undefined) return known;
    const name = this.node(condition);
    this.nodes.set(condition, name);
    return name;
  }

  private node(condition: Condition): Name {
    const kind = kindOf(condition);
    const o = new Name('o');
    switch (kind) {
      case 'all':
      case 'any': {
        const children = childrenOf(condition).map((child) => this.condition(child));
        if (children.length === 1) return children[0] as Name;
        const decisive = kind === 'all' ? 0 : 1;
        const name = this.names.fresh('n');
        const r = new Name('r');
        const steps = children.map(
          (child) =>
            _`${o} = ${child}(${X}); if (${o} === ${decisive}) return ${decisive}; if (${o} === 2) ${r} = 2;`,
        );
        this.declare(
          _`function ${name}(${X}) {\n  let ${r} = ${1 - decisive}, ${o};\n  ${join(steps, _`\n  `)}\n  return ${r};\n}`,
        );
        return name;
      }
      case 'not': {
        const inner = this.condition((condition as NotCondition).not);
        const name = this.names.fresh('n');
        this.declare(
          _`function ${name}(${X}) {\n  const ${o} = ${inner}(${X});\n  return ${o} === 1 ? 0 : ${o} === 0 ? 1 : 2;\n}`,
        );
        return name;
      }
      case 'atLeast': {
        const needed = (condition as AtLeastCondition).atLeast;
        const children = childrenOf(condition).map((child) => this.condition(child));
        const name = this.names.fresh('n');
        const met = new Name('met');
        const unknown = new Name('unknown');
        const steps = children.map(
          (child, index) =>
            _`${o} = ${child}(${X}); if (${o} === 1) { if (++${met} >= ${needed}) return 1; } else if (${o} === 2) ${unknown}++; else if (${met} + ${unknown} + ${children.length - index - 1} < ${needed}) return 0;`,
        );
        this.declare(
          _`function ${name}(${X}) {\n  let ${met} = 0, ${unknown} = 0, ${o};\n  ${join(steps, _`\n  `)}\n  return ${met} + ${unknown} >= ${needed} ? 2 : 0;\n}`,
        );
        return name;
      }
      case 'criterion': {
        const { criterion, is } = condition as CriterionCondition;
        const status = this.criteria.get(criterion);
        if (status === undefined)
          throw new TypeError(`generateModule: unknown criterion ${JSON.stringify(criterion)}`);
        if (is === undefined) return status;
        const name = this.names.fresh('n');
        this.declare(_`function ${name}(${X}) {\n  return ${status}(${X}) === ${TRI[is]} ? 1 : 0;\n}`);
        return name;
      }
      case 'fact':
        return this.fact(condition as FactCondition);
      case 'event':
        return this.event(condition as EventCondition);
      case 'score':
        return this.score(condition as ScoreCondition);
      default:
        // members, roles: account configs are classified by classifyAccount, never generated
        throw new UnsupportedError(
          kind === 'members' || kind === 'roles'
            ? `generateModule: an account config (${kind}) is classified by classifyAccount, not generated`
            : `generateModule: the generator does not know the condition kind ${JSON.stringify(kind)}; compile the config with compile() (closures) instead`,
        );
    }
  }

  /** The criteria as functions (memoised where one may be asked twice), then the scores where needed. */
  private declareCriteria(scores: boolean): void {
    const config = this.config;
    // the same consumers as the closures register (every event condition of the config, then scoring's):
    // the work budget a lead spends depends on them
    for (const [id, criterion] of Object.entries(config.criteria)) {
      const fn = this.criteria.get(id) as Name;
      const when = this.condition(criterion.when);
      const slot = this.slot();
      const s = new Name('s');
      if (this.level === 'stage' && (this.criterionRefs.get(id) ?? 0) <= 1) {
        this.declare(_`function ${fn}(${X}) {\n  return ${when}(${X});\n}`);
        continue;
      }
      this.declare(
        _`function ${fn}(${X}) {
  const ${M} = ${X}.memo;
  if (${M}.stamps[${slot}] === ${X}.generation) return ${M}.statuses[${slot}];
  const ${s} = ${when}(${X});
  ${M}.stamps[${slot}] = ${X}.generation;
  ${M}.statuses[${slot}] = ${s};
  return ${s};
}`,
      );
    }
    if (scores || config.scoring !== undefined) this.scores();
  }

  /** Lends this level's context: its own buffers, and fresh ones for a call made inside a call. */
  private lender(): {
    readonly declarations: Code;
    readonly acquire: Name;
    readonly context: Name;
    readonly busy: Name;
  } {
    const groups = Object.keys(this.config.scoring?.groups ?? {}).length;
    const slots = this.slots;
    const context = this.names.fresh('context');
    const busy = this.names.fresh('busy');
    const acquire = this.names.fresh('acquire');
    const declarations = _`let ${context};
let ${busy} = false;
function ${acquire}() {
  // a getter in a lead that calls back into this classifier gets buffers of its own
  if (${busy}) return ${RT}.context(${slots}, ${groups});
  ${busy} = true;
  if (${context} === undefined) ${context} = ${RT}.context(${slots}, ${groups});
  return ${context};
}`;
    return { declarations, acquire, context, busy };
  }

  /** `stage()`: criteria, stage conditions, scoring, evaluated top down until a stage is met. */
  generateStage(budget: number, spent: Name): Code {
    this.declareCriteria(false);
    const config = this.config;
    const stages = config.stages;
    const checks = stages.slice(0, -1).map((stage) => {
      const when = stage.when === undefined ? undefined : this.condition(stage.when);
      return when === undefined ? _`return ${stage.id};` : _`if (${when}(${X}) === 1) return ${stage.id};`;
    });
    const fallback = (stages[stages.length - 1] as { id: string }).id;
    const { declarations, acquire, context, busy } = this.lender();
    const once = this.names.fresh('stageOnce');
    const lead = new Name('lead');
    const asOf = new Name('asOf');
    const error = new Name('error');
    const options = new Name('options');
    return _`${join(this.declarations, _`\n`)}
${declarations}
function ${once}(${lead}, ${asOf}) {
  const ${X} = ${acquire}();
  ${X}.begin(${lead}, ${asOf}, ${budget});
  ${X}.lazyEvents = true;
  try {
    ${join(checks, _`\n    `)}
    return ${fallback};
  } finally {
    ${spent} = ${budget} - ${X}.budget;
    if (${X} === ${context}) ${busy} = false;
  }
}
function stage(${lead}, ${options}) {
  const ${asOf} = ${H}.readAsOf(${options} === undefined || ${options} === null ? undefined : ${options}.asOf);
  try {
    return ${once}(${lead}, ${asOf});
  } catch (${error}) {
    // a getter or a Proxy in the lead threw: stage what can be read
    return ${once}(${H}.readableCopy(${lead}, ${error}), ${asOf});
  }
}`;
  }

  /**
   * What a criterion's probes read before its status (compileProbes: its leaves in document order, not
   * following other criteria), as calls; each memoised, so one already made is left out.
   */
  private probeCalls(condition: Condition, made: Set<string>): Code[] {
    const calls: Code[] = [];
    forEachCondition(condition, (node) => {
      const kind = kindOf(node);
      let key: string;
      let call: Code;
      if (kind === 'fact') {
        key = `fact:${JSON.stringify(node)}`;
        call = _`${this.fact(node as FactCondition)}(${X});`;
      } else if (kind === 'event') {
        // a probe's count comes from the one-pass tally
        key = 'tally';
        call = _`${this.tally()}(${X});`;
      } else if (kind === 'score') {
        key = 'scores';
        call = _`${this.scores()}(${X});`;
      } else return;
      if (made.has(key)) return;
      made.add(key);
      calls.push(call);
    });
    return calls;
  }

  /**
   * The blockers of a stage (buildResult's `collectBlockers`, unrolled): each node of its tree not met,
   * once per criterion or leaf label, in tree order, as the shared frozen `detail: 'statuses'` entries.
   */
  private blockers(condition: Condition): Name {
    const name = this.names.fresh('bl');
    const found = new Name('found');
    const o = new Name('o');
    const seen = new Map<string, Name>();
    const brief = (entry: Record<string, string>, key: string): [Name, Name] => {
      const unmet = this.names.fresh('bu');
      const unknown = this.names.fresh('bk');
      this.declare(_`const ${unmet} = Object.freeze(${{ ...entry, status: 'unmet' }});`);
      this.declare(_`const ${unknown} = Object.freeze(${{ ...entry, status: 'unknown' }});`);
      if (!seen.has(key)) seen.set(key, this.names.fresh('seen'));
      return [unmet, unknown];
    };
    // the root is not met (a rung above the lead's stage: its Tri is 0 or 2), so its test is left out
    const visit = (node: Condition, root = false): Code => {
      const kind = kindOf(node);
      const evaluate = this.condition(node);
      if (kind === 'all' || kind === 'any' || kind === 'atLeast') {
        const children = childrenOf(node).map((child) => visit(child));
        if (root) return join(children, _`\n  `);
        return _`if (${evaluate}(${X}) !== 1) {\n  ${join(children, _`\n  `)}\n}`;
      }
      const criterion = kind === 'criterion' && (node as CriterionCondition).is === undefined;
      const key = criterion
        ? `criterion:${(node as CriterionCondition).criterion}`
        : `leaf:${describeCondition(node)}`;
      const [unmet, unknown] = criterion
        ? brief({ criterion: (node as CriterionCondition).criterion }, key)
        : brief({ label: describeCondition(node) }, key);
      const flag = seen.get(key) as Name;
      return _`${o} = ${evaluate}(${X});\nif (${o} !== 1 && !${flag}) {\n  ${flag} = true;\n  ${found}.push(${o} === 2 ? ${unknown} : ${unmet});\n}`;
    };
    const body = visit(condition, true);
    const flags = join(
      [...seen.values()].map((flag) => _`${flag} = false`),
      _`, `,
    );
    this.declare(
      _`function ${name}(${X}) {\n  const ${found} = ${H}.newArray();\n  let ${o}, ${flags};\n  ${body}\n  return ${found};\n}`,
    );
    return name;
  }

  /**
   * `classify(lead, { detail: 'statuses' })`: buildStatuses' evaluation and result, written out — every
   * stage's status, each criterion's probes then its status, the scores, the next stage's blockers, the
   * follow-up — in the closures' order, so flags come in the same order and the budget is spent alike.
   */
  generateStatuses(budget: number, spent: Name, configRef: object): Code {
    this.declareCriteria(true);
    const config = this.config;
    const stages = config.stages;
    const count = stages.length;
    const tris = stages.map(() => this.names.fresh('u'));
    const evaluations = stages.map((stage, index) => {
      const tri = tris[index] as Name;
      return stage.when === undefined
        ? _`const ${tri} = 1;`
        : _`const ${tri} = ${this.condition(stage.when)}(${X});`;
    });
    const current = new Name('current');
    let chain: Code = _`${count - 1}`;
    for (let index = count - 2; index >= 0; index--) {
      chain = _`${tris[index] as Name} === 1 ? ${index} : ${chain}`;
    }
    // the shared entries of `result.stages` and of `result.criteria`, by Tri
    const entries = stages.map((stage) => {
      const name = this.names.fresh('entries');
      const entry = (status: string) =>
        stage.exit === true ? { id: stage.id, status, exit: true } : { id: stage.id, status };
      this.declare(
        _`const ${name} = [Object.freeze(${entry('unmet')}), Object.freeze(${entry('met')}), Object.freeze(${entry('unknown')})];`,
      );
      return name;
    });
    const statusEntries = this.names.fresh('statuses');
    this.declare(
      _`const ${statusEntries} = [Object.freeze(${{ status: 'unmet' }}), Object.freeze(${{ status: 'met' }}), Object.freeze(${{ status: 'unknown' }})];`,
    );
    const template = this.names.fresh('template');
    this.declare(
      _`const ${template} = Object.fromEntries(${Object.keys(config.criteria)}.map((id) => [id, null]));`,
    );
    const criteria = new Name('criteria');
    const made = new Set<string>();
    const criterionSteps = Object.entries(config.criteria).map(([id, criterion]) => {
      const calls = this.probeCalls(criterion.when, made);
      const status = this.criteria.get(id) as Name;
      return join([...calls, _`${criteria}${prop(id)} = ${statusEntries}[${status}(${X})];`], _`\n    `);
    });
    const scored = new Name('scored');
    const grades = compileGrades(config.grades) === undefined ? undefined : this.names.fresh('grade');
    if (grades !== undefined)
      this.declare(_`const ${grades} = ${H}.compileGrades(${config.grades as object});`);
    const ids = this.names.fresh('ids');
    this.declare(_`const ${ids} = ${stages.map((stage) => stage.id)};`);
    const configName = this.names.fresh('config');
    this.declare(_`const ${configName} = Object.freeze(${configRef});`);
    const format = this.names.fresh('format');
    this.declare(_`const ${format} = ${H}.memoByInstant(${H}.formatInstant);`);
    // per current stage: the next rung's blockers, then the follow-up
    const next = new Name('next');
    const followUp = new Name('followUp');
    const cases: Code[] = [];
    stages.forEach((stage, index) => {
      const steps: Code[] = [];
      let above = -1;
      if (stage.exit !== true) {
        for (let rung = index - 1; rung >= 0; rung--) {
          if (stages[rung]?.exit !== true) {
            above = rung;
            break;
          }
        }
      }
      const rung = above < 0 ? undefined : stages[above];
      if (rung?.when !== undefined) {
        const blockers = this.blockers(rung.when);
        steps.push(
          _`${next} = ${H}.nextOf(${rung.id}, undefined, ${blockers}(${X}), ${tris[above] as Name} === 2);`,
        );
      }
      if (stage.followUp !== undefined) {
        const by = this.names.fresh('followUpBy');
        this.declare(_`const ${by} = ${H}.followUpBy(${stage.followUp.within as object});`);
        steps.push(
          _`${followUp} = ${by}(${X}.asOf);\n      if (${followUp} === undefined) ${X}.flag("invalid_date:followUpBy");`,
        );
      }
      if (steps.length > 0) cases.push(_`case ${index}:\n      ${join(steps, _`\n      `)}\n      break;`);
    });
    const { declarations, acquire, context, busy } = this.lender();
    const once = this.names.fresh('statusesOnce');
    const lead = new Name('lead');
    const asOf = new Name('asOf');
    const error = new Name('error');
    const options = new Name('options');
    const result = new Name('result');
    const id = new Name('id');
    const list = new Name('list');
    const copy = new Name('copy');
    const listHoles = this.holes(count);
    const stageList = join(
      stages.map(
        (_stage, index) => _`${list}[${index}] = ${entries[index] as Name}[${tris[index] as Name}];`,
      ),
      _`\n    `,
    );
    return _`${join(this.declarations, _`\n`)}
${declarations}
function ${once}(${lead}, ${asOf}) {
  const ${X} = ${acquire}();
  ${X}.begin(${lead}, ${asOf}, ${budget});
  try {
    ${join(evaluations, _`\n    `)}
    const ${current} = ${chain};
    const ${criteria} = { ...${template} };
    ${join(criterionSteps, _`\n    `)}
    const ${scored} = ${this.scores()}(${X});
    const ${id} = ${X}.lead !== null && typeof ${X}.lead === "object" && ${OWN}.call(${X}.lead, "id") ? ${X}.lead.id : undefined;
    let ${next}, ${followUp};
    switch (${current}) {
    ${join(cases, _`\n    `)}
    }
    const ${list} = ${listHoles};
    ${stageList}
    const ${result} = {};
    ${result}.detail = "statuses";
    if (typeof ${id} === "string") ${result}.leadId = ${id};
    else if (typeof ${id} === "number") ${result}.leadId = String(${id});
    ${result}.stage = ${ids}[${current}];
    ${result}.asOf = ${format}(${X}.asOf);
    ${result}.config = ${configName};
    ${result}.scores = ${scored};
    ${grades === undefined ? nil : _`${result}.grade = ${grades}(${scored});`}
    ${result}.criteria = ${criteria};
    ${result}.stages = ${list};
    if (${next} !== undefined) ${result}.next = ${next};
    if (${followUp} !== undefined) ${result}.followUpBy = ${followUp};
    ${result}.flags = ${X}.flags === undefined ? ${H}.newArray() : [...${X}.flags];
    return ${result};
  } finally {
    ${spent} = ${budget} - ${X}.budget;
    if (${X} === ${context}) ${busy} = false;
  }
}
function classifyStatuses(${lead}, ${options}) {
  const ${asOf} = ${H}.readAsOf(${options} === undefined || ${options} === null ? undefined : ${options}.asOf);
  try {
    const ${result} = ${once}(${lead}, ${asOf});
    // epoch seconds passed as milliseconds classify in January 1970: say so rather than be silent
    if (typeof ${options}.asOf === "number" && ${asOf} > 0 && ${asOf} < ${SECONDS_LIKE}) ${result}.flags.push("as_of_in_seconds");
    return ${result};
  } catch (${error}) {
    // a getter or a Proxy in the lead threw: classify what can be read, and flag the rest
    const ${copy} = ${H}.readableSnapshot(${lead}, ${error});
    const ${result} = ${once}(${copy}.value, ${asOf});
    ${H}.flagUnreadable(${result}.flags, ${copy}.unreadable);
    return ${result};
  }
}`;
  }
  /** What a condition's probes are (compileProbes: its leaves in document order, not following criteria). */
  private probes(condition: Condition): Array<{ node: Condition; path: string; expected: unknown }> {
    const found: Array<{ node: Condition; path: string; expected: unknown }> = [];
    forEachCondition(condition, (node) => {
      const kind = kindOf(node);
      if (kind === 'fact') {
        found.push({ node, path: (node as FactCondition).fact, expected: frozen(without(node, 'fact')) });
      } else if (kind === 'event') {
        const expected = frozen({ count: { gte: 1 }, ...without(node, 'event') });
        found.push({ node, path: eventPath(node as EventCondition), expected });
      } else if (kind === 'score') {
        const path = `scores.${(node as ScoreCondition).score}`;
        found.push({ node, path, expected: frozen(without(node, 'score')) });
      }
    });
    return found;
  }

  /** Data as a constant parsed at load: `__proto__` keys stay data, key order is kept. */
  private parsed(value: unknown): Code {
    // checked as data first, so what JSON cannot hold is refused as everywhere else
    _`${value as object}`;
    return _`JSON.parse(${JSON.stringify(value)})`;
  }

  /**
   * `classify(lead, options)` with full results: buildResult's evaluation and result, written out on the
   * statuses level's evaluators, with the texts of each locale resolved by the library's localizeTexts from
   * constants and the ledger kept by the scores — in the closures' order, so flags, work units and every
   * byte of the result are the same.
   */
  generateFull(budget: number, spent: Name, configRef: object): Code {
    this.declareCriteria(true);
    const scoresFn = this.scores();
    const config = this.config;
    const stages = config.stages;
    const count = stages.length;
    const ids = Object.keys(config.criteria);
    const probeLists = ids.map((id) => this.probes((config.criteria[id] as { when: Condition }).when));
    const labelled = (declarations: Record<string, { label?: unknown }> | undefined) =>
      Object.entries(declarations ?? {})
        .filter(([, declaration]) => declaration.label !== undefined)
        .map(([key, declaration]) => [key, declaration.label]);
    const spec = {
      criteria: ids.map((id, index) => {
        const criterion = config.criteria[id] as Config['criteria'][string];
        return {
          id,
          label: criterion.label ?? id,
          dimension: criterion.dimension,
          hint: criterion.hint,
          knockOut: this.knockOuts().has(id),
          probes: (probeLists[index] ?? []).map(({ path, expected }) => ({ path, expected })),
        };
      }),
      stages: stages.map((stage) => ({ label: stage.label ?? stage.id, actions: stage.actions ?? [] })),
      rules: (config.scoring?.rules ?? []).map((rule) => ({ label: rule.label })),
      facts: labelled(config.facts as Record<string, { label?: unknown }> | undefined),
      events: labelled(config.events as Record<string, { label?: unknown }> | undefined),
    };
    const source = this.names.fresh('source');
    this.declare(_`const ${source} = ${H}.textSource(${this.parsed(spec)});`);
    const cache = this.names.fresh('texts');
    const textsIn = this.names.fresh('textsIn');
    const locale = new Name('locale');
    const found = new Name('found');
    const lastLocale = this.names.fresh('lastLocale');
    const lastTexts = this.names.fresh('lastTexts');
    // the locale of the last call first (a batch asks for one), then the cache
    this.declare(_`const ${cache} = new Map();
let ${lastLocale}, ${lastTexts};
function ${textsIn}(${locale}) {
  if (${locale} === ${lastLocale}) return ${lastTexts};
  let ${found} = ${cache}.get(${locale});
  if (${found} === undefined) {
    ${found} = ${H}.localizeTexts(${source}, ${locale});
    // locales come from request headers: cache a few, never one per caller
    if (${cache}.size < 16) ${cache}.set(${locale}, ${found});
  }
  ${lastLocale} = ${locale};
  ${lastTexts} = ${found};
  return ${found};
}`);
    const TEXTS = new Name('texts');
    const tris = stages.map(() => this.names.fresh('u'));
    const evaluations = stages.map((stage, index) => {
      const tri = tris[index] as Name;
      return stage.when === undefined
        ? _`const ${tri} = 1;`
        : _`const ${tri} = ${this.condition(stage.when)}(${X});`;
    });
    const current = new Name('current');
    let chain: Code = _`${count - 1}`;
    for (let index = count - 2; index >= 0; index--) {
      chain = _`${tris[index] as Name} === 1 ? ${index} : ${chain}`;
    }
    const entries = stages.map((stage) => {
      const name = this.names.fresh('entries');
      const entry = (status: string) =>
        stage.exit === true ? { id: stage.id, status, exit: true } : { id: stage.id, status };
      this.declare(
        _`const ${name} = [Object.freeze(${this.parsed(entry('unmet'))}), Object.freeze(${this.parsed(entry('met'))}), Object.freeze(${this.parsed(entry('unknown'))})];`,
      );
      return name;
    });
    const template = this.names.fresh('template');
    this.declare(_`const ${template} = Object.fromEntries(${this.parsed(ids)}.map((id) => [id, null]));`);
    // the criteria: each probe read in order, then the status; facts allocated once one is present
    const criteria = new Name('criteria');
    const facts = new Name('facts');
    const read = new Name('read');
    const value = new Name('value');
    const fact = new Name('fact');
    const status = new Name('status');
    const entry = new Name('entry');
    const b = new Name('b');
    const tally = _`${X}.workspace.tally`;
    const criterionSteps = ids.map((id, index) => {
      const absent = this.names.fresh('absent');
      this.declare(_`const ${absent} = ${source}.criteria[${index}].probes.map((probe) => probe.absent);`);
      const list = probeLists[index] ?? [];
      const probeSteps = list.map(({ node, path }, position) => {
        const kind = kindOf(node);
        let reading: Code;
        if (kind === 'fact') {
          const fn = this.fact(node as FactCondition);
          const slot = this.factSlots.get(JSON.stringify(node)) as number;
          reading = _`${fn}(${X}); ${read} = ${X}.memo.values[${slot}];`;
        } else if (kind === 'event') {
          const consumer = this.names.fresh('k');
          const selection: Record<string, unknown> = { event: (node as EventCondition).event };
          if ((node as EventCondition).withinLast !== undefined)
            selection.withinLast = (node as EventCondition).withinLast;
          if ((node as EventCondition).where !== undefined) selection.where = (node as EventCondition).where;
          this.declare(_`const ${consumer} = ${RT}.event(${this.parsed(selection)});`);
          reading = _`${this.tally()}(${X}); ${read} = ${tally}.hasEvents ? ${tally}.counts[${consumer}] : -1; if (${read} < 0) ${read} = undefined;`;
        } else {
          reading = _`${read} = ${scoresFn}(${X})${prop((node as ScoreCondition).score)};`;
        }
        // strings, booleans and numbers copied inline as toJsonValue copies them (-0 as 0, non-finite as text)
        return _`${reading}
    ${value} = ${read} === undefined ? undefined : typeof ${read} === "string" || typeof ${read} === "boolean" ? ${read} : typeof ${read} === "number" ? (${read} - ${read} === 0 ? ${read} + 0 : String(${read})) : ${H}.toJsonValue(${read});
    if (${value} === undefined) { if (${facts} !== undefined) ${facts}[${position}] = ${absent}[${position}]; }
    else {
      if (${facts} === undefined) { ${facts} = ${this.holes(list.length)}; for (let ${b} = 0; ${b} < ${position}; ${b}++) ${facts}[${b}] = ${absent}[${b}]; }
      ${fact} = {}; ${fact}.path = ${path}; ${fact}.value = ${value}; ${fact}.expected = ${absent}[${position}].expected; ${facts}[${position}] = ${fact};
    }`;
      });
      // criterionEntry written out: the dimension, the hint's presence and the knock-out are the config's
      const criterion = config.criteria[id] as Config['criteria'][string];
      const text = _`${TEXTS}.criteria[${index}]`;
      const optional = [
        criterion.dimension === undefined ? nil : _`${entry}.dimension = ${criterion.dimension};`,
        criterion.hint === undefined ? nil : _`if (${text}.hint !== undefined) ${entry}.hint = ${text}.hint;`,
        this.knockOuts().has(id) ? _`${entry}.knockOut = true;` : nil,
      ];
      return _`${facts} = undefined;
    ${join(probeSteps, _`\n    `)}
    ${status} = ${this.criteria.get(id) as Name}(${X});
    if (${facts} === undefined) ${criteria}${prop(id)} = ${text}.absent[${status}];
    else { ${entry} = {}; ${entry}.status = ${STATUS_NAMES}[${status}]; ${entry}.label = ${text}.label; ${entry}.facts = ${facts}; ${join(optional, _` `)} ${criteria}${prop(id)} = ${entry}; }`;
    });
    const scored = new Name('scored');
    const grades = compileGrades(config.grades) === undefined ? undefined : this.names.fresh('grade');
    if (grades !== undefined)
      this.declare(_`const ${grades} = ${H}.compileGrades(${this.parsed(config.grades)});`);
    const stageIds = this.names.fresh('ids');
    this.declare(_`const ${stageIds} = ${this.parsed(stages.map((stage) => stage.id))};`);
    const configName = this.names.fresh('config');
    this.declare(_`const ${configName} = Object.freeze(${this.parsed(configRef)});`);
    const format = this.names.fresh('format');
    this.declare(_`const ${format} = ${H}.memoByInstant(${H}.formatInstant);`);
    const next = new Name('next');
    const followUp = new Name('followUp');
    const cases: Code[] = [];
    stages.forEach((stage, index) => {
      const steps: Code[] = [];
      let above = -1;
      if (stage.exit !== true) {
        for (let rung = index - 1; rung >= 0; rung--) {
          if (stages[rung]?.exit !== true) {
            above = rung;
            break;
          }
        }
      }
      const rung = above < 0 ? undefined : stages[above];
      if (rung?.when !== undefined) {
        const blockers = this.fullBlockers(rung.when, source, ids);
        steps.push(
          _`${next} = ${H}.nextOf(${rung.id}, ${TEXTS}.stages[${above}].label, ${blockers}(${X}, ${TEXTS}), ${tris[above] as Name} === 2);`,
        );
      }
      if (stage.followUp !== undefined) {
        const by = this.names.fresh('followUpBy');
        this.declare(_`const ${by} = ${H}.followUpBy(${this.parsed(stage.followUp.within)});`);
        steps.push(
          _`${followUp} = ${by}(${X}.asOf);\n      if (${followUp} === undefined) ${X}.flag("invalid_date:followUpBy");`,
        );
      }
      if (steps.length > 0) cases.push(_`case ${index}:\n      ${join(steps, _`\n      `)}\n      break;`);
    });
    const { declarations, acquire, context, busy } = this.lender();
    const once = this.names.fresh('fullOnce');
    const lead = new Name('lead');
    const asOf = new Name('asOf');
    const error = new Name('error');
    const options = new Name('options');
    const result = new Name('result');
    const id = new Name('id');
    const list = new Name('list');
    const copy = new Name('copy');
    const ledger = new Name('ledger');
    const listHoles = this.holes(count);
    const stageList = join(
      stages.map(
        (_stage, index) => _`${list}[${index}] = ${entries[index] as Name}[${tris[index] as Name}];`,
      ),
      _`\n    `,
    );
    return _`${join(this.declarations, _`\n`)}
${declarations}
function ${once}(${lead}, ${asOf}, ${TEXTS}) {
  const ${X} = ${acquire}();
  ${X}.begin(${lead}, ${asOf}, ${budget});
  ${X}.memo.values[${this.labelsSlot}] = ${TEXTS}.rules;
  try {
    ${join(evaluations, _`\n    `)}
    const ${current} = ${chain};
    const ${criteria} = { ...${template} };
    let ${facts}, ${read}, ${value}, ${fact}, ${status}, ${entry};
    ${join(criterionSteps, _`\n    `)}
    const ${scored} = ${scoresFn}(${X});
    const ${ledger} = ${X}.memo.values[${this.ledgerSlot}];
    const ${id} = ${X}.lead !== null && typeof ${X}.lead === "object" && ${OWN}.call(${X}.lead, "id") ? ${X}.lead.id : undefined;
    let ${next}, ${followUp};
    switch (${current}) {
    ${join(cases, _`\n    `)}
    }
    const ${list} = ${listHoles};
    ${stageList}
    const ${result} = {};
    if (typeof ${id} === "string") ${result}.leadId = ${id};
    else if (typeof ${id} === "number") ${result}.leadId = String(${id});
    ${result}.stage = ${stageIds}[${current}];
    ${result}.stageLabel = ${TEXTS}.stages[${current}].label;
    ${result}.asOf = ${format}(${X}.asOf);
    ${result}.locale = ${TEXTS}.locale;
    ${result}.config = ${configName};
    ${result}.scores = ${scored};
    ${grades === undefined ? nil : _`${result}.grade = ${grades}(${scored});`}
    ${result}.criteria = ${criteria};
    ${result}.stages = ${list};
    if (${next} !== undefined) ${result}.next = ${next};
    ${result}.ledger = ${ledger};
    ${result}.actions = ${TEXTS}.stages[${current}].actions;
    if (${followUp} !== undefined) ${result}.followUpBy = ${followUp};
    ${result}.flags = ${X}.flags === undefined ? ${H}.newArray() : [...${X}.flags];
    return ${result};
  } finally {
    ${spent} = ${budget} - ${X}.budget;
    if (${X} === ${context}) ${busy} = false;
  }
}
function classifyFull(${lead}, ${options}) {
  const ${asOf} = ${H}.readAsOf(${options} === undefined || ${options} === null ? undefined : ${options}.asOf);
  const ${TEXTS} = ${textsIn}(${H}.localeOf(${options}.locale));
  try {
    const ${result} = ${once}(${lead}, ${asOf}, ${TEXTS});
    // epoch seconds passed as milliseconds classify in January 1970: say so rather than be silent
    if (typeof ${options}.asOf === "number" && ${asOf} > 0 && ${asOf} < ${SECONDS_LIKE}) ${result}.flags.push("as_of_in_seconds");
    return ${result};
  } catch (${error}) {
    // a getter or a Proxy in the lead threw: classify what can be read, and flag the rest
    const ${copy} = ${H}.readableSnapshot(${lead}, ${error});
    const ${result} = ${once}(${copy}.value, ${asOf}, ${TEXTS});
    ${H}.flagUnreadable(${result}.flags, ${copy}.unreadable);
    return ${result};
  }
}`;
  }

  /**
   * The full blockers of a stage (buildResult's `collectBlockers` and `fullBlocker`, unrolled): each node of
   * its tree not met, once per criterion or leaf label, in tree order; a criterion's facts are those of its
   * probes not met, listed per lead once one probe is met.
   */
  private fullBlockers(condition: Condition, source: Name, ids: readonly string[]): Name {
    const name = this.names.fresh('fb');
    const found = new Name('found');
    const o = new Name('o');
    const texts = new Name('texts');
    const seen = new Map<string, Name>();
    const flagOf = (key: string) => {
      if (!seen.has(key)) seen.set(key, this.names.fresh('seen'));
      return seen.get(key) as Name;
    };
    // the root is not met (a rung above the lead's stage: its Tri is 0 or 2), so its test is left out
    const visit = (node: Condition, root = false): Code => {
      const kind = kindOf(node);
      const evaluate = this.condition(node);
      if (kind === 'all' || kind === 'any' || kind === 'atLeast') {
        const children = childrenOf(node).map((child) => visit(child));
        if (root) return join(children, _`\n  `);
        return _`if (${evaluate}(${X}) !== 1) {\n  ${join(children, _`\n  `)}\n}`;
      }
      let push: Code;
      let key: string;
      if (kind === 'criterion' && (node as CriterionCondition).is === undefined) {
        const criterion = (node as CriterionCondition).criterion;
        key = `criterion:${criterion}`;
        push = _`${this.criterionBlocker(criterion, ids.indexOf(criterion), source)}(${X}, ${texts}, ${o})`;
      } else {
        const label = describeCondition(node);
        key = `leaf:${label}`;
        const paths = this.names.fresh('paths');
        this.declare(
          _`const ${paths} = Object.freeze(${this.parsed([...new Set(this.probes(node).map((probe) => probe.path))])});`,
        );
        push = _`${H}.blockerOf(undefined, ${label}, ${o} === 2 ? "unknown" : "unmet", undefined, ${paths}, ${texts}.factLabels(${paths}))`;
      }
      const flag = flagOf(key);
      return _`${o} = ${evaluate}(${X});\nif (${o} !== 1 && !${flag}) {\n  ${flag} = true;\n  ${found}.push(${push});\n}`;
    };
    const body = visit(condition, true);
    const flags = join(
      [...seen.values()].map((flag) => _`${flag} = false`),
      _`, `,
    );
    this.declare(
      _`function ${name}(${X}, ${texts}) {\n  const ${found} = ${H}.newArray();\n  let ${o}, ${flags};\n  ${body}\n  return ${found};\n}`,
    );
    return name;
  }

  private readonly criterionBlockers = new Map<string, Name>();

  /** A criterion's full blocker for a lead (buildResult's `fullBlocker`): its probes evaluated twice, as there. */
  private criterionBlocker(id: string, index: number, source: Name): Name {
    const known = this.criterionBlockers.get(id);
    if (known !== undefined) return known;
    const name = this.names.fresh('cb');
    this.criterionBlockers.set(id, name);
    const probes = this.probes((this.config.criteria[id] as { when: Condition }).when);
    const facts = new Name('facts');
    const o = new Name('o');
    const texts = new Name('texts');
    const status = new Name('status');
    const first = probes.map(
      ({ node, path }) =>
        _`${o} = ${this.condition(node)}(${X}); if (${o} === 1) { if (${facts} === undefined) ${facts} = ${H}.newArray(); } else if (${facts} !== undefined && !${facts}.includes(${path})) ${facts}.push(${path});`,
    );
    const second = probes.map(
      ({ node, path }) =>
        _`${o} = ${this.condition(node)}(${X}); if (${o} !== 1 && !${facts}.includes(${path})) ${facts}.push(${path});`,
    );
    this.declare(_`function ${name}(${X}, ${texts}, ${status}) {
  let ${facts}, ${o};
  ${join(first, _`\n  `)}
  if (${facts} === undefined) return ${texts}.criteria[${index}].blockers[${status} === 2 ? 1 : 0];
  ${facts}.length = 0;
  ${join(second, _`\n  `)}
  return ${H}.criterionBlocker(${source}.criteria[${index}], ${status} === 2 ? "unknown" : "unmet", ${texts}.criteria[${index}], ${facts}, ${texts}.factLabels(${facts}));
}`);
    return name;
  }

  private knockOutSet: ReadonlySet<string> | undefined;

  /** Criteria named only by exit stages: knock-outs, as the closures read them. */
  private knockOuts(): ReadonlySet<string> {
    this.knockOutSet ??= knockOutCriteria(this.config);
    return this.knockOutSet;
  }
}

/** A config's generated levels and what wraps them needs to know. */
export interface LevelsBody {
  /**
   * Declarations, then `function stage(lead, options)` when `stage` is generated, `function
   * classifyStatuses(lead, options)` when `statuses` is, and `function unitsSpent()` (the last call's).
   */
  readonly code: Code;
}

/**
 * The generated body of a config's levels: code that expects `h` (the helpers) and `rt` (a runtime made by
 * `h.createRuntime(read, facts)`) in scope. Each level has evaluators of its own: `stage()` never carries
 * the statuses level's tally and memo, nor the statuses level the stage-only scans.
 * @throws {UnsupportedError} for a construct the generator does not know
 */
export function generateLevelsBody(
  config: Config,
  levels: readonly GeneratedLevel[],
  budget: { readonly stage: number; readonly classify: number },
  configRef: object,
): LevelsBody {
  // the scoring section checked as data up front, so what JSON cannot hold is named by its path in it
  _`${(config.scoring ?? null) as object}`;
  const names = new NameScope();
  const tests = new Map<string, Name>();
  const spent = new Name('spent');
  const parts: Code[] = [];
  if (levels.includes('stage')) {
    parts.push(new StageGenerator(config, names, 'stage', tests).generateStage(budget.stage, spent));
  }
  if (levels.includes('statuses')) {
    parts.push(
      new StageGenerator(config, names, 'statuses', tests).generateStatuses(
        budget.classify,
        spent,
        configRef,
      ),
    );
  }
  if (levels.includes('full')) {
    parts.push(
      new StageGenerator(config, names, 'full', tests).generateFull(budget.classify, spent, configRef),
    );
  }
  const statusNames = levels.includes('full') ? _`const ${STATUS_NAMES} = ["unmet", "met", "unknown"];` : nil;
  const code = _`const ${OWN} = Object.prototype.hasOwnProperty;
${statusNames}
const ${PLAN} = ${RT}.plan;
let ${spent} = 0;
${join(parts, _`\n`)}
function unitsSpent() {
  return ${spent};
}`;
  return { code };
}
