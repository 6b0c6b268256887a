// leadstage/runtime: classify with configs sealed at build time, without the validator — for
// browsers and edge functions where every kilobyte counts. Results are identical to `leadstage`'s.

export type { Classifier, ClassifyOptions } from './classify/buildClassifier';
export type { SealedConfig } from './classify/sealConfig';
export type {
  Blocker,
  Classification,
  CriterionFact,
  CriterionResult,
  LedgerEntry,
  NextStage,
} from './classify/types';
export type { OperatorContext, OperatorRuntime, OperatorTest, OperatorTests } from './dsl/operatorTests';
export { defaultOperatorTests } from './dsl/operatorTests';
export type { Issue, IssuePath } from './internal/issues';
export type { Status, Tri } from './internal/status';
export { classify } from './runtime/classify';
export type { CompileSealedOptions } from './runtime/compileSealed';
export { compileSealed } from './runtime/compileSealed';
export { ConfigError } from './schema/ConfigError';
export type { Config } from './schema/config';
