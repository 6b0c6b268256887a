// The public surface of leadstage, reviewed in one place.

export type { CheckExamplesResult, ExampleResult } from './classify/checkExamples';
export { checkExamples } from './classify/checkExamples';
export { classify } from './classify/classify';
export type { Classifier, ClassifyOptions } from './classify/compile';
export { compile } from './classify/compile';
export { parseConfig } from './classify/parseConfig';
export type { ParseConfigOptions, SafeParseConfigResult } from './classify/safeParseConfig';
export { safeParseConfig } from './classify/safeParseConfig';
export type { SealedConfig } from './classify/sealConfig';
export { sealConfig } from './classify/sealConfig';
export type {
  Blocker,
  Classification,
  CriterionFact,
  CriterionResult,
  LedgerEntry,
  NextStage,
} from './classify/types';
export type { CompiledCondition, EvaluateOptions, EvaluateResult } from './dsl/compileCondition';
export { compileCondition } from './dsl/compileCondition';
export type { ConditionLimits } from './dsl/conditionLimits';
export type {
  OperandProblem,
  OperatorContext,
  OperatorDefinition,
  OperatorRuntime,
  OperatorTable,
  OperatorTest,
  OperatorTests,
} from './dsl/operators';
export { defaultOperators } from './dsl/operators';
export type { ParseConditionOptions, SafeParseConditionResult } from './dsl/parseCondition';
export { parseCondition, safeParseCondition } from './dsl/parseCondition';
export type { ExplainOptions } from './explain/explain';
export { explain } from './explain/explain';
export type { Issue, IssuePath } from './internal/issues';
export type { Status, Tri } from './internal/status';
export type { Duration } from './internal/time';
export { LeadError } from './lead/LeadError';
export type { ParseLeadOptions, ParseLeadResult } from './lead/parseLead';
export { parseLead } from './lead/parseLead';
export type { PresetId } from './presets/index';
export { presets } from './presets/index';
export { ConfigError } from './schema/ConfigError';
export type {
  AllCondition,
  AnyCondition,
  AtLeastCondition,
  Comparable,
  Condition,
  ConditionKind,
  CriterionCondition,
  EventCondition,
  FactCondition,
  FactOperators,
  NotCondition,
  NumberComparisons,
  OperatorName,
  PatternInput,
  Primitive,
  ScoreCondition,
} from './schema/condition';
export type {
  Config,
  ConfigExample,
  Criterion,
  Scoring,
  ScoringGroup,
  ScoringRule,
  Stage,
  Text,
} from './schema/config';
export { ConfigSchema, TextSchema } from './schema/config';
export { configJsonSchema } from './schema/configJsonSchema';
export type { DurationInput } from './schema/duration';
export { DurationSchema } from './schema/duration';
export type { Lead, LeadEvent } from './schema/lead';
export { LeadEventSchema, LeadSchema } from './schema/lead';
