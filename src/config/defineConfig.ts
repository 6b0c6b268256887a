import type { Status } from '../internal/status';
import type { EventCondition, FactOperators, ScoreCondition } from '../schema/condition';
import type { Config, ConfigExample, Criterion, Scoring, ScoringRule, Stage } from '../schema/config';
import type { Lead } from '../schema/lead';

type Leaves<T, Prefix extends string, Depth extends unknown[]> = Depth['length'] extends 3
  ? never
  : {
      [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
        ? `${Prefix}${K}` | `${Prefix}${K}.length`
        : NonNullable<T[K]> extends Record<string, unknown>
          ? `${Prefix}${K}` | Leaves<NonNullable<T[K]>, `${Prefix}${K}.`, [...Depth, unknown]>
          : `${Prefix}${K}`;
    }[keyof T & string];

/**
 * The dotted paths of a lead type, for autocompletion (`company.employees`, `need.painPoints.length`);
 * any other string is accepted too, since a config may read custom facts.
 */
export type FactPath<TLead = Lead> = Leaves<TLead, '', []> | (string & {});

/** A condition whose `criterion` references must name one of `Criteria`. */
export type TypedCondition<Criteria extends string, TLead = Lead> =
  | { readonly all: readonly TypedCondition<Criteria, TLead>[] }
  | { readonly any: readonly TypedCondition<Criteria, TLead>[] }
  | { readonly not: TypedCondition<Criteria, TLead> }
  | { readonly atLeast: number; readonly of: readonly TypedCondition<Criteria, TLead>[] }
  | { readonly criterion: Criteria; readonly is?: Status }
  | ({ readonly fact: FactPath<TLead> } & FactOperators)
  | EventCondition
  | ScoreCondition;

/** A stage of a {@link TypedConfig}. */
export type TypedStage<Criteria extends string, Stages extends string, TLead = Lead> = Omit<
  Stage,
  'id' | 'when'
> & { readonly id: Stages; readonly when?: TypedCondition<Criteria, TLead> };

/** A scoring rule of a {@link TypedConfig}. */
export type TypedRule<Criteria extends string, TLead = Lead> = Omit<ScoringRule, 'when'> & {
  readonly when?: TypedCondition<Criteria, TLead>;
};

/**
 * A config as `defineConfig` types it: criterion references checked against the criteria it defines,
 * stage ids as a literal union, fact paths completed from the lead type.
 */
export type TypedConfig<Criteria extends string, Stages extends string, TLead = Lead> = Omit<
  Config,
  'criteria' | 'stages' | 'scoring' | 'examples'
> & {
  readonly criteria: {
    readonly [Id in Criteria]: Omit<Criterion, 'when'> & {
      readonly when: TypedCondition<NoInfer<Criteria>, TLead>;
    };
  };
  readonly scoring?: Omit<Scoring, 'rules'> & {
    readonly rules: readonly TypedRule<NoInfer<Criteria>, TLead>[];
  };
  readonly stages: readonly TypedStage<NoInfer<Criteria>, Stages, TLead>[];
  readonly examples?: readonly (Omit<ConfigExample, 'expect'> & {
    readonly expect: Omit<ConfigExample['expect'], 'stage'> & { readonly stage?: NoInfer<Stages> };
  })[];
};

/**
 * Writes a config in TypeScript with the compiler's help, and returns it unchanged: a misspelt key or
 * operator does not compile, a `criterion` reference must name a criterion the config defines, fact
 * paths complete from the canonical `Lead` (for your own lead type, annotate with
 * `TypedConfig<Criteria, Stages, MyLead>`), and the stage ids become a literal union, so
 * `compile(config).classify(…).stage` is typed. It checks nothing at run time: `compile` still validates.
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
 */
export function defineConfig<const Criteria extends string, const Stages extends string>(
  config: TypedConfig<Criteria, Stages>,
): TypedConfig<Criteria, Stages> {
  return config;
}
