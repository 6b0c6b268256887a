import type { ClassifyOptions } from '../classify/Classifier';
import { classifierResolver } from '../classify/resolveClassifier';
import type { Classification, StatusClassification } from '../schema/result';
import { compileSealed } from './compileSealed';

const resolve = /* @__PURE__ */ classifierResolver((config) => compileSealed(config));

/**
 * `classify` of `leadstage/runtime`: the same result as `classify` from `leadstage`, for a sealed
 * config (compiled once with `compileSealed` and cached by the config object's identity) or a
 * compiled classifier.
 *
 * @param lead - any plain object (the canonical `Lead` shape, or your CRM's own)
 * @param sealedConfigOrClassifier - a config sealed by `sealConfig`, or a `Classifier`
 * @param options - `asOf` (required), `locale` and `detail`
 * @returns the {@link Classification}, plain JSON
 * @throws {ConfigError} when the config is unsealed or changed after sealing
 * @throws {TypeError} when `asOf` is missing or invalid
 *
 * @example
 * import { classify } from 'leadstage/runtime';
 * import sealed from 'leadstage/presets/saas.json'; // the preset files are sealed
 * classify({ events: [{ type: 'newsletter_signup', at: '2026-06-01' }] }, sealed, { asOf: '2026-06-30' }).stage;
 * //=> 'SAL'
 *
 * @category Runtime
 */
export function classify(
  lead: unknown,
  sealedConfigOrClassifier: unknown,
  options: ClassifyOptions & { readonly detail: 'statuses' },
): StatusClassification;
export function classify(
  lead: unknown,
  sealedConfigOrClassifier: unknown,
  options: ClassifyOptions & { readonly detail?: 'full' },
): Classification;
export function classify(
  lead: unknown,
  sealedConfigOrClassifier: unknown,
  options: ClassifyOptions,
): Classification | StatusClassification;
export function classify(
  lead: unknown,
  sealedConfigOrClassifier: unknown,
  options: ClassifyOptions,
): Classification | StatusClassification {
  return resolve(sealedConfigOrClassifier).classify(lead, options);
}
