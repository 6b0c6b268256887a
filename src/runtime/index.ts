// leadstage/runtime: classify with configs sealed at build time, without the validator — for
// browsers and edge functions where every kilobyte counts. Results are identical to `leadstage`'s.

export type { Classifier, ClassifyOptions, StageOptions } from '../classify/Classifier';
export type { SealedConfig } from '../config/sealConfig';
export type { Budget } from '../dsl/budget';
export type { OperatorContext, OperatorRuntime, OperatorTest, OperatorTests } from '../dsl/operatorTests';
export { defaultOperatorTests } from '../dsl/operatorTests';
export type { Issue, IssueCode, IssuePath } from '../internal/issues';
export type { Status } from '../internal/status';
export { ConfigError } from '../schema/ConfigError';
export type { Config } from '../schema/config';
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
} from '../schema/result';
export { classify } from './classify';
export type { CompileSealedOptions } from './compileSealed';
export { compileSealed } from './compileSealed';
