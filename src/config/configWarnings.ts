import type { CheckState } from '../dsl/checkCondition';
import { hashJson } from '../internal/hash';
import { closestName, type Issue, listNames, makeIssue } from '../internal/issues';
import type { RolesCondition } from '../schema/condition';
import type { Config } from '../schema/config';
import { CANONICAL_EVENT_TYPES } from '../schema/events';
import { DEFAULT_ROLE_FACT } from '../schema/grammar';
import { AUTHORITY_ROLES, LEAD_FIELD_READINGS, LEAD_FIELDS } from '../schema/lead';
import { gradeParts } from '../scoring/compileGrades';
import { scoreBounds } from '../scoring/scoreBounds';
import { ladderWarnings } from './ladderCheck';

/** The canonical lead's paths: every field, every section, and the events list. */
const CANONICAL_PATHS: readonly string[] = /* @__PURE__ */ (() => [
  ...new Set([...LEAD_FIELDS.map(([section]) => section), ...LEAD_FIELD_READINGS.keys(), 'events']),
])();

const MAX_SUGGESTIONS = 20;

/**
 * Warnings: what a valid config does that is probably a mistake. Today: a fact path that is neither
 * canonical nor declared in `facts` (`authority.rol`), with the closest known path.
 */
export function configWarnings(config: Config, state: CheckState): Issue[] {
  const declared = Object.keys(config.facts ?? {});
  // an account's facts are `account.*`: its record's, or what its members' company.* agree on
  const canonical =
    config.level === 'account'
      ? ['id', 'account', ...CANONICAL_PATHS.map((path) => `account.${path.replace(/^company\./, '')}`)]
      : CANONICAL_PATHS;
  const known = [...canonical, ...declared];
  const knownSet = new Set(known);
  const warnings: Issue[] = [];
  const reported = new Set<string>();
  for (const reference of state.facts) {
    const path = reference.name.endsWith('.length')
      ? reference.name.slice(0, -'.length'.length)
      : reference.name;
    if (knownSet.has(path)) continue;
    // a path inside a declared fact (a declared object) is known too
    if (declared.some((each) => path.startsWith(`${each}.`))) continue;
    const key = `${reference.path.join('\u0000')}`;
    if (reported.has(key)) continue;
    reported.add(key);
    // suggestions cost an edit distance per known path: the first ones only, so linting stays linear
    const suggestion = warnings.length < MAX_SUGGESTIONS ? closestName(path, known) : undefined;
    warnings.push(
      makeIssue({
        code: 'unknown_fact',
        path: reference.path,
        problem: `fact "${reference.name}" is neither a canonical lead path nor declared in "facts"`,
        expected:
          declared.length === 0
            ? 'a path of the canonical lead, or one declared in the config\'s "facts"'
            : `a canonical path or one of the declared facts: ${listNames(declared)}`,
        fix:
          suggestion === undefined
            ? `declare it: "facts": { "${reference.name}": { "type": … } }`
            : `did you mean "${suggestion}"? If not, declare it in "facts"`,
      }),
    );
  }
  warnings.push(...roleWarnings(state));
  warnings.push(...eventWarnings(config, state));
  warnings.push(...unusedWarnings(config, state));
  warnings.push(...gradeWarnings(config));
  const shadowed = shadowedStages(config);
  warnings.push(...shadowed);
  // the exhaustive check needs every criterion reference to resolve (the config may have errors)
  const criteria = new Set(Object.keys(config.criteria));
  if (state.issues.length === 0 && state.criteria.every((reference) => criteria.has(reference.name))) {
    const reported = new Set(shadowed.map((warning) => warning.path.join('.')));
    warnings.push(...ladderWarnings(config).filter((warning) => !reported.has(warning.path.join('.'))));
  }
  return warnings;
}

/** Roles read from `authority.role` that it never holds (`decision_maer`): the test can never be met. */
function roleWarnings(state: CheckState): Issue[] {
  const roles: readonly string[] = AUTHORITY_ROLES.filter((role) => role !== 'unknown');
  const warnings: Issue[] = [];
  for (const reference of state.accountKinds) {
    const test = (reference.condition as Partial<RolesCondition>).roles;
    if (reference.name !== 'roles' || (test?.fact ?? DEFAULT_ROLE_FACT) !== DEFAULT_ROLE_FACT) continue;
    (Array.isArray(test?.require) ? test.require : []).forEach((role, index) => {
      if (typeof role !== 'string' || roles.includes(role)) return;
      const suggestion = closestName(role, roles);
      warnings.push(
        makeIssue({
          code: 'unknown_role',
          path: [...reference.path, 'require', index],
          problem: `role "${role}" is not one ${DEFAULT_ROLE_FACT} holds`,
          expected: `one of ${listNames(roles)}, or "fact": a member fact of your own that holds it`,
          fix:
            suggestion === undefined
              ? 'name the fact that holds your roles in "fact"'
              : `did you mean "${suggestion}"?`,
        }),
      );
    });
  }
  return warnings;
}

/**
 * Grade labels no lead can get: a threshold above the most its score can reach (the issue's 75 on a fit
 * capped at 40), or, for the label below them all, a last threshold at or under the least it can be.
 */
function gradeWarnings(config: Config): Issue[] {
  const parts = gradeParts(config.grades);
  if (parts === undefined) return [];
  const bounds = scoreBounds(config);
  const warnings: Issue[] = [];
  for (const part of parts) {
    const range = bounds[part.score];
    if (range === undefined) continue;
    const never = part.labels.filter((_, index) => (part.thresholds[index] as number) > range.max);
    const last = part.thresholds[part.thresholds.length - 1] as number;
    if (last <= range.min) never.push(part.below);
    if (never.length === 0) continue;
    warnings.push(
      makeIssue({
        code: 'unreachable_threshold',
        path: ['grades', part.score],
        problem: `no lead can get ${never.map((label) => `"${label}"`).join(', ')}: score "${part.score}" runs from ${range.min} to ${range.max}`,
        expected: `thresholds between ${range.min} and ${range.max}`,
        received: part.labels.map((label, index) => `${label} ≥ ${part.thresholds[index]}`).join(', '),
        fix: `scale the thresholds to the score's range, e.g. 75 / 50 / 25 % of it: ${[0.75, 0.5, 0.25].map((share) => Math.round(range.min + share * (range.max - range.min))).join(' / ')}`,
      }),
    );
  }
  return warnings;
}

/**
 * Stages a stage above always takes first: the same condition, or an `all` that includes the whole
 * condition of a stage above (an SQO placed under the SAL it builds on). A syntactic check, not a
 * satisfiability one: conditions that imply each other in other ways are not found.
 */
function shadowedStages(config: Config): Issue[] {
  const warnings: Issue[] = [];
  const hashes = config.stages.map((stage) => (stage.when === undefined ? undefined : hashJson(stage.when)));
  config.stages.forEach((stage, index) => {
    // the lint runs beside the errors (every issue at once): a `when` may be anything here
    const when = stage.when as unknown;
    if (when === null || typeof when !== 'object') return;
    const all = (when as { all?: unknown }).all;
    const parts = Array.isArray(all) ? all.map(hashJson) : [];
    for (let above = 0; above < index; above++) {
      const hash = hashes[above];
      if (hash === undefined || (hash !== hashes[index] && !parts.includes(hash))) continue;
      const earlier = config.stages[above] as { id: string };
      warnings.push(
        makeIssue({
          code: 'unreachable_stage',
          path: ['stages', index, 'when'],
          problem: `every lead that meets stage "${stage.id}" meets stage "${earlier.id}" above it first`,
          expected: 'a stage some lead can reach: stages are ordered highest first',
          fix: `move "${stage.id}" above "${earlier.id}", or change one of the conditions`,
        }),
      );
      return;
    }
  });
  return warnings;
}

/** Criteria nothing refers to, and score groups no rule adds to. */
function unusedWarnings(config: Config, state: CheckState): Issue[] {
  const warnings: Issue[] = [];
  const referenced = new Set(state.criteria.map((reference) => reference.name));
  for (const id of Object.keys(config.criteria)) {
    if (referenced.has(id)) continue;
    warnings.push(
      makeIssue({
        code: 'unused_criterion',
        path: ['criteria', id],
        problem: `criterion "${id}" is used by no stage, scoring rule or other criterion`,
        expected: `a criterion a stage or rule refers to ({ "criterion": "${id}" })`,
        fix: 'refer to it, or delete it if it is not wanted in results either',
      }),
    );
  }
  const fed = new Set((config.scoring?.rules ?? []).map((rule) => rule.group));
  for (const id of Object.keys(config.scoring?.groups ?? {})) {
    if (fed.has(id)) continue;
    warnings.push(
      makeIssue({
        code: 'empty_group',
        path: ['scoring', 'groups', id],
        problem: `score group "${id}" gets points from no rule: it is always 0 (or its min)`,
        expected: 'a group some rule names in "group"',
        fix: `add "group": "${id}" to a rule, or delete the group`,
      }),
    );
  }
  return warnings;
}

const CANONICAL_EVENTS: readonly string[] = CANONICAL_EVENT_TYPES;

/** Event types neither canonical nor declared in the config's `events` (`webinar_atended`). */
function eventWarnings(config: Config, state: CheckState): Issue[] {
  const declared = Object.keys(config.events ?? {});
  const known = [...CANONICAL_EVENTS, ...declared];
  const knownSet = new Set(known);
  const warnings: Issue[] = [];
  // the SLA's follow-up event types are references too: a typo there makes every SLA "breached"
  const followUps = config.stages.flatMap((stage, index) =>
    Array.isArray(stage.followUp?.events)
      ? stage.followUp.events.map((name, position) => ({
          name,
          path: ['stages', index, 'followUp', 'events', position],
        }))
      : [],
  );
  for (const reference of [...state.events, ...followUps]) {
    if (typeof reference.name !== 'string' || knownSet.has(reference.name)) continue;
    const suggestion = warnings.length < MAX_SUGGESTIONS ? closestName(reference.name, known) : undefined;
    warnings.push(
      makeIssue({
        code: 'unknown_event',
        path: reference.path,
        problem: `event type "${reference.name}" is neither canonical nor declared in "events"`,
        expected: 'a canonical event type (docs/leads.md) or one declared in the config\'s "events"',
        fix:
          suggestion === undefined
            ? `declare it: "events": { "${reference.name}": { "label": … } }`
            : `did you mean "${suggestion}"? If not, declare it in "events"`,
      }),
    );
  }
  return warnings;
}
