/// <reference types="node" />
// leadstage/node: Node.js adapters. The only code besides the CLI that imports `node:` modules; the core
// (leadstage, leadstage/runtime) runs in browsers and edge runtimes and never does. It uses leadstage's
// public API by the package's own name, so its errors and classifiers are the ones `leadstage` exports
// (a `ConfigError` from here is `instanceof` the `ConfigError` you import).
import { Transform } from 'node:stream';
import { type ClassifyOptions, classify } from 'leadstage';

/**
 * Options of {@link classifyNodeStream}: those of `classify`, and the stream's buffer.
 *
 * @category Many leads
 */
export type NodeStreamOptions = ClassifyOptions & {
  /** Leads (and results) buffered on each side before backpressure applies. Default 16. */
  readonly highWaterMark?: number;
};

/**
 * A Node `Transform` in object mode: leads in, results out, for `pipeline(source, classifyNodeStream(…),
 * sink)`. Backpressure is Node's: a slow sink pauses the source once `highWaterMark` results wait.
 *
 * @param configOrClassifier - a config (compiled once, cached by identity) or a compiled `Classifier`
 * @param options - `asOf` (required), `locale`, `detail`, `highWaterMark`
 * @returns a `stream.Transform` in object mode
 * @throws {ConfigError} when the config is invalid (at the call, before any lead)
 * @throws {TypeError} when `asOf` or `detail` is invalid (at the call)
 *
 * @example
 * import { Readable } from 'node:stream';
 * import { presets } from 'leadstage';
 * const results = await Readable.from([{ id: 'a' }, { id: 'b', company: { isCompetitor: true } }])
 *   .pipe(classifyNodeStream(presets.saas, { asOf: '2026-06-30', detail: 'statuses' }))
 *   .toArray();
 * results.map((result) => result.stage);
 * //=> ['unqualified', 'disqualified']
 *
 * @category Many leads
 */
export function classifyNodeStream(configOrClassifier: unknown, options: NodeStreamOptions): Transform {
  const { highWaterMark = 16, ...classifyOptions } = options;
  // the config, asOf and detail are checked now, not on the first lead
  classify(undefined, configOrClassifier, classifyOptions);
  return new Transform({
    objectMode: true,
    highWaterMark,
    transform(lead: unknown, _encoding, callback) {
      callback(null, classify(lead, configOrClassifier, classifyOptions));
    },
  });
}
