// Generates the JavaScript of a config's `stage()`: the same evaluation the closures run (compileEvaluator,
// compileClassifier's stageOf), written out as functions. Every string of the config reaches the output
// through the `_` template of src/internal/codegen/code.ts, as a JSON literal: ids, labels, paths, operands
// and patterns are data; every identifier is generated.
import { decidedAt } from '../dsl/compileEvaluator';
import { MAX_EVENTS } from '../dsl/eventPlan';
import { compileFactReadings, type FactReadings } from '../dsl/factReading';
import { defaultOperatorTests } from '../dsl/operatorTests';
import { childrenOf, forEachCondition, kindOf } from '../dsl/walk';
import { _, type Code, join, Name, NameScope, nil, prop } from '../internal/codegen/code';
import { FORBIDDEN_SEGMENTS } from '../internal/path';
import { normalizeText } from '../internal/read';
import type {
  AtLeastCondition,
  Condition,
  CriterionCondition,
  EventCondition,
  FactCondition,
  NotCondition,
  ScoreCondition,
} from '../schema/condition';
import type { Config } from '../schema/config';

/** Names every generated body uses: the helpers, the runtime, the plan, a context. */
export const H = new Name('h');
const RT = new Name('rt');
const PLAN = new Name('plan');
const X = new Name('x');
const V = new Name('v');
const M = new Name('m');
const OWN = new Name('own');

const TRI = { met: 1, unmet: 0, unknown: 2 } as const;

/** Operators whose test is inlined for the common value, falling back to the library's test otherwise. */
const COMPARE: Readonly<Record<string, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

const COMPARE_CODE: Readonly<Record<string, Code>> = { '>': _`>`, '>=': _`>=`, '<': _`<`, '<=': _`<=` };

/**
 * What is known of a value tested: nothing; a fact leaf's value (`undefined` when absent, else present: no
 * placeholder check needed); an event count (a whole number, never absent).
 */
type Known = 'any' | 'leaf' | 'count';

/** The generated body of a classifier's `stage()` and what wraps it needs to know. */
export interface StageBody {
  /** Declarations, then `function stage(lead, options)` and `function unitsSpent()`. */
  readonly code: Code;
}

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

class StageGenerator {
  private readonly names = new NameScope();
  private readonly declarations: Code[] = [];
  private slots = 0;
  private readonly nodes = new WeakMap<object, Name>();
  private readonly leaves = new Map<string, Name>();
  private readonly paths = new Map<string, Name>();
  private readonly tests = new Map<string, Name>();
  private readonly readingNames = new Map<string, Name>();
  private readonly criteria = new Map<string, Name>();
  private readonly scans = new Map<string, Name>();
  private scoresName: Name | undefined;
  private readonly readings: FactReadings;

  /**
   * How often each fact leaf (by its JSON), criterion and event selection is named across the config's
   * conditions. Each root (a stage's condition, a criterion, the scores) is evaluated at most once per call,
   * so a node named once is evaluated at most once: it needs no memo (the closures' memo would never hit).
   */
  private readonly leafRefs = new Map<string, number>();
  private readonly criterionRefs = new Map<string, number>();
  private readonly selectionRefs = new Map<string, number>();

  constructor(private readonly config: Config) {
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
    const raw = new Name('raw');
    const s = new Name('s');
    const missing = readingName === undefined ? this.missing(raw) : _`${H}.isMissing(${raw}, ${readingCode})`;
    const prepared = prepare === undefined ? raw : _`${readingName as Name}.prepare(${raw})`;
    const test = this.valueTest(operators, V, path, prepare === undefined && !custom ? 'leaf' : 'any');
    const unreadableBranch =
      prepare === undefined
        ? nil
        : _`if (${V} === ${H}.UNREADABLE) {\n    ${V} = ${raw};\n    ${s} = ${existsOnly ? this.valueTest(operators, raw, path, 'any') : _`2`};\n    ${H}.unreadable(${X}, ${path}, ${raw}, ${readingCode});\n  } else `;
    const memo = (this.leafRefs.get(key) ?? 0) > 1;
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
  let ${n} = ${X}.lazyEvents ? ${scan}(${X}, ${stop}) : -2;
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
  if (${X}.lazyEvents && ${t}.scanStamps[${consumer}] !== ${X}.generation) {
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

  /** The scores of the lead under way, computed once per evaluation (pending while they are computed). */
  private scores(): Name {
    if (this.scoresName !== undefined) return this.scoresName;
    const name = this.names.fresh('sc');
    this.scoresName = name;
    const slot = this.slot();
    const scoring = this.names.fresh('scoring');
    const rules = this.config.scoring?.rules ?? [];
    const whens = rules.map((rule) => (rule.when === undefined ? _`null` : this.condition(rule.when)));
    this.declare(
      _`const ${scoring} = ${RT}.scoring(${(this.config.scoring ?? null) as object}, [${join(whens)}]);`,
    );
    this.declare(
      _`function ${name}(${X}) {
  const ${M} = ${X}.memo;
  if (${M}.stamps[${slot}] === ${X}.generation) return ${M}.values[${slot}];
  ${M}.stamps[${slot}] = ${X}.generation;
  ${M}.values[${slot}] = ${H}.PENDING;
  const s = ${scoring}(${X}, ${H}.NO_LABELS);
  ${M}.values[${slot}] = s;
  return s;
}`,
    );
    return name;
  }

  private score(condition: ScoreCondition): Name {
    const name = this.names.fresh('s');
    const scores = this.scores();
    const test = this.valueTest(operatorsOf(condition, 'score'), V, undefined, 'any');
    this.declare(
      _`function ${name}(${X}) {\n  const ${V} = ${scores}(${X}).scores${prop(condition.score)};\n  return ${test};\n}`,
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
        throw new TypeError(`generateModule: an account config (${kind}) is classified by classifyAccount`);
    }
  }

  /** The whole body: criteria, stage conditions, scoring, and `stage()`. */
  generate(budget: number): StageBody {
    const config = this.config;
    // the same consumers as the closures register (every event condition of the config, then scoring's):
    // the work budget a lead spends depends on them
    for (const [id, criterion] of Object.entries(config.criteria)) {
      const fn = this.criteria.get(id) as Name;
      const when = this.condition(criterion.when);
      const slot = this.slot();
      const s = new Name('s');
      if ((this.criterionRefs.get(id) ?? 0) <= 1) {
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
    if (config.scoring !== undefined) this.scores();
    const stages = config.stages;
    const checks = stages.slice(0, -1).map((stage) => {
      const when = stage.when === undefined ? undefined : this.condition(stage.when);
      return when === undefined ? _`return ${stage.id};` : _`if (${when}(${X}) === 1) return ${stage.id};`;
    });
    const fallback = (stages[stages.length - 1] as { id: string }).id;
    const groups = Object.keys(config.scoring?.groups ?? {}).length;
    const slots = this.slots;
    const context = new Name('context');
    const busy = new Name('busy');
    const spent = new Name('spent');
    const acquire = new Name('acquire');
    const once = new Name('stageOnce');
    const lead = new Name('lead');
    const asOf = new Name('asOf');
    const error = new Name('error');
    const options = new Name('options');
    const code = _`const ${OWN} = Object.prototype.hasOwnProperty;
const ${PLAN} = ${RT}.plan;
${join(this.declarations, _`\n`)}
let ${context};
let ${busy} = false;
let ${spent} = 0;
function ${acquire}() {
  // a getter in a lead that calls back into this classifier gets buffers of its own
  if (${busy}) return ${RT}.context(${slots}, ${groups});
  ${busy} = true;
  if (${context} === undefined) ${context} = ${RT}.context(${slots}, ${groups});
  return ${context};
}
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
}
function unitsSpent() {
  return ${spent};
}`;
    return { code };
  }
}

/**
 * The generated body of a config's `stage()`: code that expects `h` (the helpers) and `rt` (a runtime made
 * by `h.createRuntime(read, facts)`) in scope, and declares `stage` and `unitsSpent`.
 */
export function generateStageBody(config: Config, budget: number): StageBody {
  return new StageGenerator(config).generate(budget);
}
