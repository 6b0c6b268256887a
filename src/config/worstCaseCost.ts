import { MAX_MEMBERS } from '../dsl/conditionLimits';
import { MAX_EVENTS, SLOTS_PER_UNIT } from '../dsl/eventPlan';
import { forEachCondition, kindOf } from '../dsl/walk';
import type { Condition, EventCondition, FactCondition } from '../schema/condition';
import type { Config } from '../schema/config';

/**
 * A config's static worst-case cost per lead, in budget units (see `Budget`).
 *
 * @category Configs
 */
export interface WorstCaseCost {
  /** What a lead at the caps can make it spend: the most of `classify` and `stage()`. */
  readonly units: number;
  /** Of which the event pass (or the per-condition scans of `stage()`): 10,000 events of the types read. */
  readonly events: number;
  /** Of which the condition leaves, once each per lead (with their keyword lists). */
  readonly leaves: number;
}

/** What one test of a `where` clause or fact leaf costs, for values of up to 64 characters and one element. */
function operatorsCost(operators: object): number {
  let cost = 0;
  for (const [key, operand] of Object.entries(operators)) {
    if (key === 'fact') continue;
    cost += key === 'containsAny' || key === 'containsAll' ? 1 + (operand as unknown[]).length : 1;
  }
  return Math.max(cost, 1);
}

/**
 * The most budget units one lead can make a config spend, given the caps: {@link MAX_EVENTS} events, each of
 * every type the config reads, every text at most 64 characters and every list one element per keyword.
 * `compile` refuses a config whose worst case exceeds its classify budget (`too_costly`), so a lead at the
 * caps never runs a valid config out of budget unless its texts or lists are long; `lintConfig` reports it.
 */
export function worstCaseCost(config: Config): WorstCaseCost {
  const conditions: Condition[] = [
    ...Object.values(config.criteria).map((criterion) => criterion.when),
    ...config.stages.flatMap((stage) => (stage.when === undefined ? [] : [stage.when])),
    ...(config.scoring?.rules ?? []).flatMap((rule) => (rule.when === undefined ? [] : [rule.when])),
  ];
  // the distinct event selections, as the event plan keeps them: types and the cost of their where tests
  const selections = new Map<string, { types: readonly string[]; filters: number }>();
  const addSelection = (
    event: string | readonly string[],
    withinLast: unknown,
    where: object | undefined,
  ) => {
    const key = JSON.stringify([event, withinLast, where]);
    if (selections.has(key)) return;
    let filters = 0;
    for (const operators of Object.values(where ?? {})) filters += operatorsCost(operators as object);
    selections.set(key, { types: typeof event === 'string' ? [event] : event, filters });
  };
  const leafKeys = new Set<string>();
  let leaves = 0;
  for (const condition of conditions) {
    forEachCondition(condition, (node) => {
      leaves++;
      const kind = kindOf(node);
      if (kind === 'event') {
        const { event, withinLast, where } = node as EventCondition;
        addSelection(event, withinLast, where);
      } else if (kind === 'members' || kind === 'roles') {
        // 1 per member (what a member's `where` spends is charged as it runs, against the account's budget)
        leaves += MAX_MEMBERS;
      } else if (kind === 'fact') {
        const key = JSON.stringify(node);
        if (!leafKeys.has(key)) {
          leafKeys.add(key);
          leaves += operatorsCost(node as FactCondition);
        }
      }
    });
  }
  for (const rule of config.scoring?.rules ?? []) {
    if (rule.event !== undefined) addSelection(rule.event, rule.withinLast, rule.where);
  }
  // classify: one pass; an event of a type costs 1 + its readers + their where tests
  const perType = new Map<string, number>();
  let scans = 0;
  for (const { types, filters } of selections.values()) {
    for (const type of new Set(types)) perType.set(type, (perType.get(type) ?? 1) + 1 + filters);
    // stage(): each event condition scans on its own
    scans += MAX_EVENTS * (1 + filters);
  }
  // every slot of the pass is looked up (1/16 unit), events of read types cost their readers
  const pass = Math.ceil(MAX_EVENTS / SLOTS_PER_UNIT) + MAX_EVENTS * Math.max(0, ...perType.values());
  const events = Math.max(pass, scans);
  return { units: events + leaves, events, leaves };
}
