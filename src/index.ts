// The public surface of leadstage, reviewed in one place.

export type { ClassifyAccountOptions } from './account/classifyAccount';
export { classifyAccount } from './account/classifyAccount';
export type {
  AccountGroup,
  AccountGrouping,
  AccountKeyRule,
  GroupByAccountOptions,
} from './account/groupByAccount';
export { FREE_MAIL_DOMAINS, groupByAccount } from './account/groupByAccount';
export type { AccountSummary, RoleCoverage } from './account/summarizeAccounts';
export { summarizeAccounts } from './account/summarizeAccounts';
export type { BatchOptions, ResultOf } from './batch/classifyMany';
export { classifyMany, classifyStream, classifyTransform } from './batch/classifyMany';
export type { ConfigDiff, ConfigDiffBuilder, DiffOptions, MovedLead } from './batch/diffConfigs';
export { createConfigDiff, diffConfigs } from './batch/diffConfigs';
export type { Quantiles } from './batch/distribution';
export type { HistorySummary, HistorySummaryBuilder, StageTimeSummary } from './batch/summarizeHistories';
export { createHistorySummary, summarizeHistories } from './batch/summarizeHistories';
export type {
  BandRate,
  BlockerSummary,
  Breakdown,
  BreakdownGroup,
  Calibration,
  DataQuality,
  GradeSummary,
  GroupKey,
  InputCounts,
  Interval,
  Outcome,
  Rate,
  RateTest,
  StageComparison,
  StageSummary,
  SummarizableResult,
  SummarizeOptions,
  Summary,
  SummaryBuilder,
  SummaryOptions,
  SummaryWarning,
} from './batch/summary';
export { createSummary, summarize } from './batch/summary';
export type { Classifier, ClassifierMode, ClassifyOptions, StageOptions } from './classify/Classifier';
export type { ConfigOrClassifier } from './classify/checkedOptions';
export { classify } from './classify/classify';
export { compile } from './classify/compile';
export type { ExampleResult, RunExamplesResult } from './classify/runExamples';
export { runExamples } from './classify/runExamples';
export type { GenerateModuleOptions, ModuleLevel } from './codegen/generateModule';
export { generateModule } from './codegen/generateModule';
export { configJsonSchema } from './config/configJsonSchema';
export type {
  FactPath,
  TypedCondition,
  TypedConfig,
  TypedMembersCondition,
  TypedRule,
  TypedStage,
} from './config/defineConfig';
export { defineConfig } from './config/defineConfig';
export type { LintConfigResult } from './config/lintConfig';
export { lintConfig } from './config/lintConfig';
export { parseConfig } from './config/parseConfig';
export type { ParseConfigOptions, SafeParseConfigResult } from './config/safeParseConfig';
export { safeParseConfig } from './config/safeParseConfig';
export type { SealedConfig } from './config/sealConfig';
export { sealConfig } from './config/sealConfig';
export type { WorstCaseCost } from './config/worstCaseCost';
export type { Budget } from './dsl/budget';
export { DEFAULT_BUDGET } from './dsl/budget';
export type {
  CompileConditionOptions,
  CompiledCondition,
  EvaluateOptions,
  EvaluateResult,
} from './dsl/compileCondition';
export { compileCondition } from './dsl/compileCondition';
export type { ConditionLimits } from './dsl/conditionLimits';
export { MAX_MEMBERS } from './dsl/conditionLimits';
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
export { defaultOperatorTests } from './dsl/operatorTests';
export type { ParseConditionOptions, SafeParseConditionResult } from './dsl/parseCondition';
export { parseCondition, safeParseCondition } from './dsl/parseCondition';
export type { DescribeFlagOptions } from './explain/describeFlag';
export { describeFlag } from './explain/describeFlag';
export type { ExplainOptions } from './explain/explain';
export { explain } from './explain/explain';
export { explainBlocker } from './explain/explainBlocker';
export type {
  CriterionChange,
  FollowUpStatus,
  HistoryOptions,
  StageHistory,
  StageSegment,
} from './history/stageHistory';
export { stageHistory } from './history/stageHistory';
export { createInputInspector } from './input/createInputInspector';
export type { MapGuess } from './input/guessMap';
export { guessMap } from './input/guessMap';
export type {
  ColumnProblem,
  FactCoverage,
  InputInspector,
  InputInspectorOptions,
  InputProblem,
  InputReport,
  InputVerdict,
} from './input/InputReport';
export type { InspectInputOptions } from './input/inspectInput';
export { inspectInput } from './input/inspectInput';
export type { ReadOutcomeOptions } from './input/readOutcome';
export { readOutcome } from './input/readOutcome';
export type { Issue, IssueCode, IssuePath } from './internal/issues';
export { ISSUE_CODES } from './internal/issues';
export type { Status } from './internal/status';
export type { Duration } from './internal/time';
export { DURATION_UNITS } from './internal/time';
export { fieldMapJsonSchema } from './lead/fieldMapJsonSchema';
export { LeadError } from './lead/LeadError';
export type { CompiledActivityMap, MapActivityResult } from './lead/mapActivity';
export { compileActivityMap, mapActivity } from './lead/mapActivity';
export type { CompiledFieldMap, MapLeadResult, SafeParseFieldMapResult } from './lead/mapLead';
export { compileFieldMap, mapLead, parseFieldMap, safeParseFieldMap } from './lead/mapLead';
export type { ParseLeadOptions, ParseLeadResult } from './lead/parseLead';
export { parseLead, parseLeadOrThrow } from './lead/parseLead';
export type { MapId } from './maps/index';
export { maps } from './maps/index';
export { accountPresets } from './presets/b2bAccount';
export type { PresetId } from './presets/index';
export { presets } from './presets/index';
export type {
  AccountBlocker,
  AccountClassification,
  AccountCriterionResult,
  AccountInput,
  AccountMember,
  BuyingGroup,
} from './schema/account';
export { ConfigError } from './schema/ConfigError';
export type {
  AllCondition,
  AnyCondition,
  AtLeastCondition,
  Comparable,
  Condition,
  CriterionCondition,
  EventCondition,
  FactCondition,
  FactOperators,
  MembersCondition,
  NotCondition,
  NumberComparisons,
  PatternInput,
  Primitive,
  RolesCondition,
  ScoreCondition,
} from './schema/condition';
export type {
  Config,
  ConfigExample,
  Criterion,
  GradeThresholds,
  Scoring,
  ScoringGroup,
  ScoringRule,
  Stage,
  Text,
} from './schema/config';
export { ConfigSkeletonSchema, TextSchema } from './schema/config';
export type { DurationInput } from './schema/duration';
export { DurationSchema } from './schema/duration';
export { CANONICAL_EVENT_TYPES } from './schema/events';
export type { ActivityMapping, DerivedEvent, FieldMap, FieldMapping } from './schema/fieldMap';
export { FieldMapSchema } from './schema/fieldMap';
export type { ConditionKind, CountKey, NumberComparisonName, OperatorName } from './schema/grammar';
export {
  ACCOUNT_KINDS,
  CONDITION_KINDS,
  COUNT_KEYS,
  MEMBER_AGGREGATES,
  NUMBER_COMPARISONS,
  OPERATOR_NAMES,
} from './schema/grammar';
export type { Lead, LeadEvent } from './schema/lead';
export { LeadEventSchema, LeadSchema } from './schema/lead';
export type { FactDeclaration, FactType, ReadingInput } from './schema/reading';
export { FACT_TYPES, FactDeclarationSchema, ReadingSchema } from './schema/reading';
export type {
  Blocker,
  BlockerStatus,
  Classification,
  CriterionFact,
  CriterionResult,
  Detail,
  LedgerEntry,
  NextStage,
  NextStageStatus,
  StatusClassification,
} from './schema/result';
export type { GradeAxis, GradeMatrix } from './scoring/gradeMatrix';
export { gradeMatrix } from './scoring/gradeMatrix';
