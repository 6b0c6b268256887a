import type { Status } from '../internal/status';
import type {
  EventCondition,
  FactOperators,
  MembersCondition,
  NumberComparisons,
  RolesCondition,
  ScoreCondition,
} from '../schema/condition';
import type {
  Config,
  ConfigExample,
  Criterion,
  Scoring,
  ScoringGroup,
  ScoringRule,
  Stage,
} from '../schema/config';
import type { Lead } from '../schema/lead';
import type { FactDeclaration } from '../schema/reading';

/** The declared keys of a type, without its index signature (a loose zod object has `[key: string]: unknown`). */
type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
} &
  string;

type Leaves<T, Prefix extends string, Depth extends unknown[]> = Depth['length'] extends 3
  ? never
  : {
      [K in KnownKeys<T>]-?: NonNullable<T[K]> extends readonly unknown[]
        ? `${Prefix}${K}` | `${Prefix}${K}.length`
        : NonNullable<T[K]> extends Record<string, unknown>
          ? `${Prefix}${K}` | Leaves<NonNullable<T[K]>, `${Prefix}${K}.`, [...Depth, unknown]>
          : `${Prefix}${K}`;
    }[KnownKeys<T>];

/**
 * The dotted paths of a lead type, for autocompletion (`company.employees`, `need.painPoints.length`);
 * any other string is accepted too, since a config may read custom facts.
 *
 * @category Configs
 */
export type FactPath<TLead = Lead> = Leaves<TLead, '', []> | (string & {});

/** The type of the value at a dotted path of a lead type (`length` of a list or text is a number). */
type ValueAt<T, Path extends string> = Path extends `${infer Key}.${infer Rest}`
  ? Key extends keyof T
    ? ValueAt<NonNullable<T[Key]>, Rest>
    : never
  : Path extends 'length'
    ? number
    : Path extends keyof T
      ? NonNullable<T[Path]>
      : never;

type Presence = { readonly exists?: boolean };
type NumberOperators = Presence &
  NumberComparisons & { readonly in?: readonly number[]; readonly notIn?: readonly number[] };
type EnumOperators<Value extends string> = Presence & {
  readonly eq?: Value;
  readonly ne?: Value;
  readonly in?: readonly Value[];
  readonly notIn?: readonly Value[];
};
type ListOperators = Presence & {
  readonly contains?: string;
  readonly containsAny?: readonly string[];
  readonly containsAll?: readonly string[];
};

/** The operators a value of type `Value` takes, with operands of its type. */
type OperatorsFor<Value> = [Value] extends [number]
  ? NumberOperators
  : [Value] extends [boolean]
    ? Presence & { readonly eq?: boolean; readonly ne?: boolean }
    : [Value] extends [readonly unknown[]]
      ? ListOperators
      : [Value] extends [string]
        ? string extends Value
          ? FactOperators
          : EnumOperators<Value>
        : FactOperators;

/** A fact condition on a canonical path, its operands typed by the field's type. */
type CanonicalFact<TLead> = {
  [Path in Leaves<TLead, '', []>]: { readonly fact: Path } & OperatorsFor<ValueAt<TLead, Path>>;
}[Leaves<TLead, '', []>];

/**
 * A condition whose `criterion` references must name one of `Criteria`, and whose facts are canonical
 * paths of the lead (operands typed by the field: `seniority` takes only its values) or custom facts the
 * config declares in `facts` (`Facts`).
 *
 * @category Configs
 */
export type TypedCondition<Criteria extends string, TLead = Lead, Facts extends string = never> =
  | { readonly all: readonly TypedCondition<Criteria, TLead, Facts>[] }
  | { readonly any: readonly TypedCondition<Criteria, TLead, Facts>[] }
  | { readonly not: TypedCondition<Criteria, TLead, Facts> }
  | { readonly atLeast: number; readonly of: readonly TypedCondition<Criteria, TLead, Facts>[] }
  | { readonly criterion: Criteria; readonly is?: Status }
  | CanonicalFact<TLead>
  | ({ readonly fact: Facts | `${Facts}.length` } & FactOperators)
  | EventCondition
  | ScoreCondition
  | TypedMembersCondition<TLead>
  | RolesCondition;

/**
 * A `members` condition of an account config (`level: 'account'`): its `where` is a condition on the member
 * lead (canonical paths complete as in a lead config; its criteria, scores and custom facts are the lead
 * config's, so any name).
 *
 * @category Configs
 */
export type TypedMembersCondition<TLead = Lead> = {
  readonly members: Omit<MembersCondition['members'], 'where'> & {
    readonly where?: TypedCondition<string, TLead, string>;
  };
};

/**
 * A stage of a {@link TypedConfig}.
 *
 * @category Configs
 */
export type TypedStage<
  Criteria extends string,
  Stages extends string,
  TLead = Lead,
  Facts extends string = never,
> = Omit<Stage, 'id' | 'when'> & {
  readonly id: Stages;
  readonly when?: TypedCondition<Criteria, TLead, Facts>;
};

/**
 * A scoring rule of a {@link TypedConfig}.
 *
 * @category Configs
 */
export type TypedRule<Criteria extends string, TLead = Lead, Facts extends string = never> = Omit<
  ScoringRule,
  'when'
> & {
  readonly when?: TypedCondition<Criteria, TLead, Facts>;
};

/**
 * A config as `defineConfig` types it: criterion references checked against the criteria it defines,
 * stage ids as a literal union, fact paths completed from the lead type, and `grades` keyed by `total` or
 * the scoring groups it declares (`Groups`).
 *
 * @category Configs
 */
export type TypedConfig<
  Criteria extends string,
  Stages extends string,
  TLead = Lead,
  Facts extends string = never,
  Groups extends string = string,
> = Omit<Config, 'criteria' | 'stages' | 'scoring' | 'examples' | 'facts' | 'grades'> & {
  readonly facts?: { readonly [Path in Facts]: FactDeclaration };
  readonly criteria: {
    readonly [Id in Criteria]: Omit<Criterion, 'when'> & {
      readonly when: TypedCondition<NoInfer<Criteria>, TLead, NoInfer<Facts>>;
    };
  };
  readonly scoring?: Omit<Scoring, 'rules' | 'groups'> & {
    readonly groups?: { readonly [Group in Groups]: ScoringGroup };
    readonly rules: readonly TypedRule<NoInfer<Criteria>, TLead, NoInfer<Facts>>[];
  };
  /** Two scores (`total` or groups of `scoring.groups`), each its labels, best first, and thresholds. */
  readonly grades?: {
    readonly [Score in NoInfer<Groups> | 'total']?: Readonly<Record<string, number | null>>;
  };
  readonly stages: readonly TypedStage<NoInfer<Criteria>, Stages, TLead, NoInfer<Facts>>[];
  readonly examples?: readonly (Omit<ConfigExample, 'expect'> & {
    readonly expect: Omit<ConfigExample['expect'], 'stage'> & { readonly stage?: NoInfer<Stages> };
  })[];
};

/**
 * Writes a config in TypeScript with the compiler's help, and returns it unchanged: a misspelt key or
 * operator does not compile, a `criterion` reference must name a criterion the config defines, a fact must
 * be a canonical path of the `Lead` — its operands typed by the field (`contact.seniority` takes only
 * seniorities, `company.employees` numbers) — or a custom fact the config declares in `facts`; `grades` must
 * name `total` or a group of `scoring.groups`; and the stage
 * ids become a literal union, so `compile(config).classify(…).stage` is typed. For your own lead type,
 * annotate with `TypedConfig<Criteria, Stages, MyLead, Facts>`. It checks nothing at run time: `compile`
 * still validates.
 *
 * @param config - the config, written inline
 * @returns the same object
 *
 * @example
 * const config = defineConfig({
 *   version: 1,
 *   id: 'mine',
 *   criteria: { budget: { when: { fact: 'budget.amount', gte: 10000 } } },
 *   stages: [{ id: 'SQO', when: { criterion: 'budget' } }, { id: 'SAL' }],
 * });
 * compile(config).classify({ budget: { amount: 20000 } }, { asOf: '2026-06-30' }).stage;
 * //=> 'SQO'
 *
 * @category Configs
 */
export function defineConfig<
  const Criteria extends string,
  const Stages extends string,
  const Facts extends string = never,
  const Groups extends string = never,
>(
  config: TypedConfig<Criteria, Stages, Lead, Facts, Groups>,
): TypedConfig<Criteria, Stages, Lead, Facts, Groups> {
  return config;
}
