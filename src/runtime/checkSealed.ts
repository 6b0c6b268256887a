import { chainsOf } from '../internal/chains';
import { isObject } from '../internal/isObject';
import { type Issue, makeIssue } from '../internal/issues';
import { approximateMs, readDuration } from '../internal/time';
import { CONDITION_KINDS, EVENT_KEYS, OPERATOR_NAMES } from '../schema/grammar';
import { gradeParts } from '../scoring/compileGrades';

/** As the validator: the deepest condition, and the longest chain of criteria referring to each other. */
const MAX_DEPTH = 32;
const MAX_CHAIN = 64;
const FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

const DURATION = 'a duration up to a thousand years';

const FACT_DURATIONS = ['withinLast', 'withinNext', 'olderThan'] as const;

/**
 * The cheap structural check `compileSealed` makes, without zod or the condition checker: a seal is a
 * public hash anyone can compute, so a "sealed" config may never have been validated. This refuses what
 * would make compiling or classifying throw, loop or hang — a malformed skeleton, an unknown condition
 * kind, a criterion that does not exist, a loop or over-long chain of criteria, conditions nested too
 * deep, no fallback stage, a regular expression with stateful flags — and returns
 * the first problem found. It does not re-check everything the validator checks (operand types are
 * caught when compiling; patterns run on the same linear-time engine either way, and one it cannot run is
 * refused when compiling; `grades` that do not read are refused, and a score they name that the config
 * does not have ranks below every label): untrusted configs go through `compile`, not `compileSealed`.
 */
export function checkSealedStructure(
  config: Record<string, unknown>,
  operatorNames: readonly string[] = OPERATOR_NAMES,
): Issue | undefined {
  const operators = operatorNames;
  const bad = (path: Issue['path'], problem: string, expected: string) =>
    makeIssue({
      code: 'invalid_sealed_config',
      path,
      problem,
      expected,
      fix: 'seal it from a config that compile accepts',
    });
  if (config.version !== 1) return bad(['version'], 'not version 1', '1');
  if (typeof config.id !== 'string') return bad(['id'], 'not a string', 'a config id');
  // an account's stage needs its members classified first: classifyAccount of leadstage
  if (config.level === 'account') return bad(['level'], 'account', 'lead');
  const criteria = config.criteria;
  if (!isObject(criteria)) return bad(['criteria'], 'not an object', 'criteria by id');
  const stages = config.stages;
  if (!Array.isArray(stages) || stages.length === 0)
    return bad(['stages'], 'not a non-empty array', 'stages, highest first');
  const last = stages[stages.length - 1];
  if (!isObject(last) || last.when !== undefined) {
    return bad(['stages', stages.length - 1], 'no fallback stage', 'a last stage without "when"');
  }
  const references = new Map<string, string[]>();
  /** Walks a condition without recursion, checking its kind and depth, and collecting criterion references. */
  const walk = (root: unknown, path: Issue['path'], refs: string[]): Issue | undefined => {
    const pending: Array<[unknown, number, Issue['path']]> = [[root, 1, path]];
    while (pending.length > 0) {
      const [node, depth, where] = pending.pop()!;
      if (!isObject(node)) return bad(where, 'not a condition', 'a condition object');
      if (depth > MAX_DEPTH) return bad(where, 'nested too deep', `at most ${MAX_DEPTH} levels`);
      const kinds = CONDITION_KINDS.filter((kind) => Object.hasOwn(node, kind));
      if (kinds.length !== 1) return bad(where, 'no single condition kind', CONDITION_KINDS.join(', '));
      const kind = kinds[0];
      if (kind === 'all' || kind === 'any' || kind === 'atLeast') {
        const children = kind === 'atLeast' ? node.of : node[kind];
        if (!Array.isArray(children) || children.length === 0 || children.length > 1_000) {
          return bad(
            where,
            `"${kind === 'atLeast' ? 'of' : kind}" is not a list of conditions`,
            '1 to 1,000 conditions',
          );
        }
        for (const [index, child] of children.entries()) {
          pending.push([child, depth + 1, [...where, kind === 'atLeast' ? 'of' : kind, index]]);
        }
      } else if (kind === 'not') {
        pending.push([node.not, depth + 1, [...where, 'not']]);
      } else if (kind === 'criterion') {
        if (typeof node.criterion !== 'string' || !Object.hasOwn(criteria, node.criterion)) {
          return bad([...where, 'criterion'], 'unknown criterion', 'a criterion of the config');
        }
        refs.push(node.criterion);
      } else if (kind === 'fact' || kind === 'event') {
        const allowed: readonly string[] = kind === 'fact' ? operators : EVENT_KEYS;
        const unknown = Object.keys(node).find((key) => key !== kind && !allowed.includes(key));
        if (unknown !== undefined)
          return bad([...where, unknown], `unknown key "${unknown}"`, allowed.join(', '));
        for (const key of kind === 'fact' ? FACT_DURATIONS : (['withinLast'] as const)) {
          if (node[key] !== undefined && !readDuration(node[key])) {
            return bad([...where, key], 'not a duration', DURATION);
          }
        }
      }
      if (kind === 'fact' && node.matches !== undefined) {
        const input = node.matches;
        const pattern = typeof input === 'string' ? input : isObject(input) ? input.pattern : undefined;
        const flags = isObject(input) ? (input.flags ?? '') : '';
        if (
          typeof pattern !== 'string' ||
          pattern.length > 1_000 ||
          typeof flags !== 'string' ||
          !FLAGS.test(flags)
        ) {
          return bad([...where, 'matches'], 'not a valid pattern', '≤ 1,000 characters, flags i m s u');
        }
      }
    }
    return undefined;
  };
  for (const [id, criterion] of Object.entries(criteria)) {
    const refs: string[] = [];
    if (!isObject(criterion)) return bad(['criteria', id], 'not an object', 'a criterion with "when"');
    const problem = walk(criterion.when, ['criteria', id, 'when'], refs);
    if (problem !== undefined) return problem;
    references.set(id, refs);
  }
  for (const [index, stage] of stages.entries()) {
    if (!isObject(stage) || typeof stage.id !== 'string')
      return bad(['stages', index], 'not a stage', 'a stage with an id');
    if (stage.followUp !== undefined && !(isObject(stage.followUp) && readDuration(stage.followUp.within))) {
      return bad(['stages', index, 'followUp', 'within'], 'not a duration', DURATION);
    }
    const problem = stage.when === undefined ? undefined : walk(stage.when, ['stages', index, 'when'], []);
    if (problem !== undefined) return problem;
  }
  const scoring = config.scoring;
  if (scoring !== undefined) {
    if (!isObject(scoring) || !Array.isArray(scoring.rules))
      return bad(['scoring'], 'not scoring', 'an object with rules');
    // the largest a score can reach, summed as classify sums it: every term finite, and every sum
    let reach = 0;
    for (const [index, rule] of scoring.rules.entries()) {
      if (
        !isObject(rule) ||
        typeof rule.id !== 'string' ||
        typeof rule.points !== 'number' ||
        !Number.isFinite(rule.points)
      ) {
        return bad(['scoring', 'rules', index], 'not a rule', 'an id and finite points');
      }
      const repeat = isObject(rule.repeat) ? rule.repeat.max : 1;
      reach += Math.abs(rule.points) * (typeof repeat === 'number' && repeat > 1 ? repeat : 1);
      if (!Number.isFinite(reach)) {
        return bad(
          ['scoring', 'rules', index, 'points'],
          'points whose sum is not finite',
          'points, repeats and rules whose sum stays finite',
        );
      }
      if (rule.withinLast !== undefined && !readDuration(rule.withinLast)) {
        return bad(['scoring', 'rules', index, 'withinLast'], 'not a duration', DURATION);
      }
      if (rule.halfLife !== undefined) {
        const halfLife = readDuration(rule.halfLife);
        if (halfLife === undefined || approximateMs(halfLife) <= 0) {
          return bad(['scoring', 'rules', index, 'halfLife'], 'not a half-life', `${DURATION}, above zero`);
        }
      }
      const problem =
        rule.when === undefined ? undefined : walk(rule.when, ['scoring', 'rules', index, 'when'], []);
      if (problem !== undefined) return problem;
    }
  }
  if (config.grades !== undefined && gradeParts(config.grades) === undefined)
    return bad(['grades'], 'not grades', 'what parseConfig accepts');
  // loops and chains of criteria: evaluation recurses once per link
  const { loops, depth } = chainsOf(references);
  const loop = loops[0];
  if (loop !== undefined)
    return bad(['criteria', loop[0] as string, 'when'], 'a loop of criteria', 'no loop');
  for (const [id, chain] of depth) {
    if (chain > MAX_CHAIN) return bad(['criteria', id, 'when'], 'a chain too long', `at most ${MAX_CHAIN}`);
  }
  return undefined;
}
