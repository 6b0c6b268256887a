// leadstage/node: Node.js adapters. The only code besides the CLI that imports `node:` modules; the core
// (leadstage, leadstage/runtime) runs in browsers and edge runtimes and never does.
import { Transform } from 'node:stream';
import { type ConfigOrClassifier, checkedOptions, type ResultOf } from '../batch/classifyMany';
import type { ClassifyOptions } from '../classify/Classifier';
import { toClassifier } from '../classify/classify';

export type { ConfigOrClassifier, ResultOf } from '../batch/classifyMany';

/** Options of {@link classifyNodeStream}: those of `classify`, and the stream's buffer. */
export type NodeStreamOptions = ClassifyOptions & {
  /** Leads (and results) buffered on each side before backpressure applies. Default 16. */
  readonly highWaterMark?: number;
};

/**
 * A Node `Transform` in object mode: leads in, results out, for `pipeline(source, classifyNodeStream(…),
 * sink)`. Backpressure is Node's: a slow sink pauses the source once `highWaterMark` results wait.
 *
 * @param configOrClassifier - a config or a compiled `Classifier`
 * @param options - `asOf` (required), `locale`, `detail`, `highWaterMark`
 * @returns a `stream.Transform` in object mode
 * @throws {ConfigError} when the config is invalid
 * @throws {TypeError} when `asOf` is missing or invalid
 *
 * @example
 * import { Readable } from 'node:stream';
 * import { presets } from 'leadstage';
 * const results = await Readable.from([{ id: 'a' }, { id: 'b', company: { isCompetitor: true } }])
 *   .pipe(classifyNodeStream(presets.saas, { asOf: '2026-06-30', detail: 'statuses' }))
 *   .toArray();
 * results.map((result) => result.stage);
 * //=> ['unqualified', 'disqualified']
 */
export function classifyNodeStream<const Options extends NodeStreamOptions, Stage extends string = string>(
  configOrClassifier: ConfigOrClassifier<Stage>,
  options: Options,
): Transform {
  const classifier = toClassifier(configOrClassifier);
  const { highWaterMark = 16, ...classifyOptions } = options;
  const at = checkedOptions(classifier, classifyOptions as ClassifyOptions);
  return new Transform({
    objectMode: true,
    highWaterMark,
    transform(lead: unknown, _encoding, callback) {
      callback(null, classifier.classify(lead, at) as ResultOf<Options, Stage>);
    },
  });
}
