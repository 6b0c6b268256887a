import type { TypedConfig } from '../config/defineConfig';
import type { ParseConfigOptions } from '../config/safeParseConfig';
import type { Classification, StatusClassification } from '../schema/result';
import type { Classifier, ClassifyOptions } from './Classifier';
import { compile } from './compile';
import { classifierResolver, isClassifier } from './resolveClassifier';

const resolve = /* @__PURE__ */ classifierResolver((config) => compile(config));

/**
 * Classifies one lead: its stage, scores, every criterion's status with the facts it read, what it
 * still lacks for the next stage, the score ledger, actions and follow-up date. Given a config, it
 * compiles it once and caches the classifier by the config object's identity.
 *
 * @param lead - any plain object (the canonical `Lead` shape, or your CRM's own)
 * @param configOrClassifier - a config (e.g. a preset) or a compiled `Classifier`
 * @param options - `asOf` (required), `locale`, and `detail` (`'statuses'` for a lighter result)
 * @returns the {@link Classification} (or {@link StatusClassification}), plain JSON
 * @throws {ConfigError} when the config is invalid
 * @throws {TypeError} when `asOf` is missing or invalid
 *
 * @example
 * const lead = {
 *   budget: { status: 'approved' }, authority: { role: 'decision_maker' }, need: { painPoints: ['churn'] },
 *   timeline: { purchaseBy: '2026-09-01' },
 *   events: [{ type: 'demo_completed', at: '2026-06-20' }, { type: 'pricing_discussed', at: '2026-06-25' }],
 * };
 * classify(lead, presets.saas, { asOf: '2026-06-30' }).stage;
 * //=> 'SQO'
 * classify(lead, presets.saas, { asOf: '2026-06-30', detail: 'statuses' }).criteria.budget;
 * //=> { status: 'met' }
 *
 * @category Classify
 */
export function classify<const Stages extends string>(
  lead: unknown,
  configOrClassifier: TypedConfig<string, Stages> | Classifier<Stages>,
  options: ClassifyOptions & { readonly detail: 'statuses' },
): StatusClassification<Stages>;
export function classify<const Stages extends string>(
  lead: unknown,
  configOrClassifier: TypedConfig<string, Stages> | Classifier<Stages>,
  options: ClassifyOptions & { readonly detail?: 'full' },
): Classification<Stages>;
export function classify(
  lead: unknown,
  configOrClassifier: unknown,
  options: ClassifyOptions & { readonly detail: 'statuses' },
): StatusClassification;
export function classify(
  lead: unknown,
  configOrClassifier: unknown,
  options: ClassifyOptions & { readonly detail?: 'full' },
): Classification;
export function classify(
  lead: unknown,
  configOrClassifier: unknown,
  options: ClassifyOptions,
): Classification | StatusClassification;
export function classify(
  lead: unknown,
  configOrClassifier: unknown,
  options: ClassifyOptions,
): Classification | StatusClassification {
  return resolve(configOrClassifier).classify(lead, options);
}

/**
 * A classifier as is; a config compiled once and cached by identity (with default options — other
 * operator tables or limits compile afresh, since the cache could not tell them apart).
 * @throws {ConfigError} when the config is invalid
 */
export function toClassifier(configOrClassifier: unknown, options: ParseConfigOptions = {}): Classifier {
  return Object.keys(options).length > 0 && !isClassifier(configOrClassifier)
    ? compile(configOrClassifier, options)
    : resolve(configOrClassifier);
}
