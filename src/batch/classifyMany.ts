import type { Classifier, ClassifyOptions } from '../classify/Classifier';
import { type ConfigOrClassifier, checkedOptions } from '../classify/checkedOptions';
import { toClassifier } from '../classify/classify';
import { requireCompiled } from '../classify/resolveClassifier';
import { stageHistory } from '../history/stageHistory';
import { describeValue } from '../internal/issues';
import type { Classification, StatusClassification } from '../schema/result';

/**
 * Options of `classifyMany` and `classifyStream`: those of `classify`, and `asOf` may also be a function
 * of the lead (and its index) — each lead classified at its own moment: the day a deal was engaged, 30
 * days after the lead was created. That is how a back-test compares leads at the moment a decision was
 * made (docs/batch.md); one `asOf` for all mixes open and closed deals.
 *
 * @category Many leads
 */
export type BatchOptions = Omit<ClassifyOptions, 'asOf'> & {
  /** The instant to classify at (a `Date`, an ISO 8601 string or epoch ms), or a function of the lead and its index giving each lead's own. */
  readonly asOf: ClassifyOptions['asOf'] | ((lead: unknown, index: number) => ClassifyOptions['asOf']);
  /**
   * What `followUpBy` counts from. `'as-of'` (the default, what `classify` does): `asOf` + the stage's
   * `followUp.within`. `'stage-entry'`: for a lead with events whose stage has a `followUp`, the instant
   * it entered its current stage, replayed by `stageHistory` — a lead in SQO for three weeks is past a
   * 24-hour follow-up, not due tomorrow. Those results gain `stageSince` and `followUpFrom: 'stage-entry'`;
   * the others with a `followUpBy` keep it from `asOf` and say so (`followUpFrom: 'as-of'`): no events, or
   * a history that ran out of its budget. Costs a history per such lead (docs/time.md).
   */
  readonly followUpFrom?: 'as-of' | 'stage-entry';
};

/**
 * What `classifyMany` and `classifyStream` give per lead, by detail level.
 *
 * @category Many leads
 */
export type ResultOf<Options extends BatchOptions, Stage extends string = string> = Options extends {
  readonly detail: 'statuses';
}
  ? StatusClassification<Stage>
  : Options extends { readonly detail: 'full' | 'statuses' }
    ? Classification<Stage> | StatusClassification<Stage>
    : Classification<Stage>;

/**
 * Classifies every lead at one instant, results in input order. The config is compiled once (a
 * `ConfigError` is thrown before any lead is read); a lead never throws.
 *
 * @param leads - any iterable of leads (an array, a generator, a `Set`)
 * @param configOrClassifier - a config or a compiled `Classifier`
 * @param options - `asOf` (required: an instant, or a function of the lead and its index giving each
 *   lead's own), `locale`, `detail` (`'statuses'` keeps a quarter of the memory), and `followUpFrom`
 *   (`'stage-entry'`: follow-ups counted from when each lead entered its stage)
 * @returns one result per lead, in input order
 * @throws {ConfigError} when the config is invalid
 * @throws {TypeError} when `asOf` is missing or invalid (a function's answer: naming the lead's index)
 *
 * @example
 * const leads = [{ id: 'a', company: { isCompetitor: true } }, { id: 'b' }];
 * classifyMany(leads, presets.saas, { asOf: '2026-06-30', detail: 'statuses' }).map((result) => result.stage);
 * //=> ['disqualified', 'unqualified']
 * // each lead at its own moment: here, a week after it was created
 * const created = [{ id: 'c', createdAt: '2026-01-10' }, { id: 'd', createdAt: '2026-03-01' }];
 * classifyMany(created, presets.saas, { asOf: (lead) => Date.parse(lead.createdAt) + 7 * 86_400_000 }).map((result) => result.asOf);
 * //=> ['2026-01-17T00:00:00.000Z', '2026-03-08T00:00:00.000Z']
 *
 * @category Many leads
 */
export function classifyMany<const Options extends BatchOptions, Stage extends string = string>(
  leads: Iterable<unknown>,
  configOrClassifier: ConfigOrClassifier<Stage>,
  options: Options,
): Array<ResultOf<Options, Stage>> {
  const classifier = toClassifier(configOrClassifier);
  // asOf is read once, up front: a bad one throws before any lead
  const classify = batchClassify(classifier, options);
  const results: Array<ResultOf<Options, Stage>> = [];
  let index = 0;
  for (const lead of leads) results.push(classify(lead, index++) as ResultOf<Options, Stage>);
  return results;
}

/**
 * Classifies one lead of a batch: at the one `asOf`, or at the instant `asOf(lead, index)` gives (checked
 * per lead: a bad one is a `TypeError` naming the lead's index). The options are checked once, up front.
 * @internal
 */
function batchClassify(
  classifier: Classifier,
  options: BatchOptions,
): (lead: unknown, index: number) => Classification | StatusClassification {
  const followUpFrom = options.followUpFrom;
  if (followUpFrom !== undefined && followUpFrom !== 'as-of' && followUpFrom !== 'stage-entry')
    throw new TypeError(
      `options.followUpFrom: expected 'as-of' or 'stage-entry', received ${describeValue(followUpFrom)}`,
    );
  const classify = atEachAsOf(classifier, options);
  if (followUpFrom === undefined) return classify;
  if (followUpFrom === 'as-of') return (lead, index) => fromAsOf(classify(lead, index));
  // before any lead: a batch must not fail part-way through
  requireCompiled(classifier, "options.followUpFrom: 'stage-entry'");
  return (lead, index) => fromStageEntry(classify(lead, index), lead, classifier);
}

/** A result whose `followUpBy` says it counts from `asOf`. */
function fromAsOf<Result extends Classification | StatusClassification>(result: Result): Result {
  if (result.followUpBy !== undefined) (result as Mutable<Result>).followUpFrom = 'as-of';
  return result;
}

/**
 * A result whose stage has a follow-up, counted from the instant the lead entered that stage when its
 * events allow (see `BatchOptions.followUpFrom`); the result is fresh, its keys assigned after the rest.
 */
function fromStageEntry<Result extends Classification | StatusClassification>(
  result: Result,
  lead: unknown,
  classifier: Classifier,
): Result {
  if (result.followUpBy === undefined) return result;
  const events =
    lead !== null && typeof lead === 'object' && Object.hasOwn(lead, 'events')
      ? (lead as { events: unknown }).events
      : undefined;
  const open = result as Mutable<Classification | StatusClassification>;
  if (Array.isArray(events) && events.length > 0) {
    const history = stageHistory(lead, classifier, { asOf: result.asOf, grades: false });
    if (history.flags === undefined && history.stage === result.stage && history.followUpBy !== undefined) {
      open.followUpBy = history.followUpBy;
      open.stageSince = history.stageSince;
      open.followUpFrom = 'stage-entry';
      return result;
    }
  }
  return fromAsOf(result);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Classifies one lead at the batch's `asOf` (one instant, or the function's for this lead). */
function atEachAsOf(
  classifier: Classifier,
  options: BatchOptions,
): (lead: unknown, index: number) => Classification | StatusClassification {
  const asOf = options.asOf;
  if (typeof asOf !== 'function') {
    const at = checkedOptions(classifier, withoutBatchOptions(options) as ClassifyOptions);
    return (lead) => classifier.classify(lead, at);
  }
  // detail and locale checked before any lead, with an instant that is certainly valid
  const rest = withoutBatchOptions(options);
  checkedOptions(classifier, { ...rest, asOf: 0 });
  return (lead, index) => {
    const at = { ...rest, asOf: asOf(lead, index) };
    try {
      return classifier.classify(lead, at);
    } catch (error) {
      if (error instanceof TypeError)
        throw new TypeError(`options.asOf(lead ${index}): ${error.message}`, { cause: error });
      throw error;
    }
  };
}

/** The options `classify` takes: the batch's own (`followUpFrom`) left out. */
function withoutBatchOptions(options: BatchOptions): Omit<BatchOptions, 'followUpFrom'> {
  if (options.followUpFrom === undefined) return options;
  const { followUpFrom: _, ...rest } = options;
  return rest;
}

/** Whether a value can be iterated with `for await`. */
function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value;
}

/**
 * Classifies leads as they come, from any sync or async iterable (a generator reading a file, a
 * database cursor, a web `ReadableStream` in runtimes where it is async-iterable): one lead in memory at
 * a time, and the next one is read only when the consumer asks for the next result, so a slow consumer
 * slows the reading (backpressure). If the source throws, the stream rejects with that error after
 * yielding every result before it, each once.
 *
 * @param source - leads, sync or async
 * @param configOrClassifier - a config or a compiled `Classifier`
 * @param options - `asOf` (required: an instant, or a function of the lead and its index), `locale`,
 *   `detail`, `followUpFrom`
 * @returns an async generator of results, in source order (`return()` stops reading the source)
 * @throws {ConfigError} when the config is invalid (at the call, before any lead is read)
 * @throws {TypeError} when `asOf` is missing or invalid (at the call)
 *
 * @example
 * async function* leads() {
 *   yield { id: 'a', events: [{ type: 'webinar_attended', at: '2026-06-01' }] };
 *   yield { id: 'b' };
 * }
 * const stages = [];
 * for await (const result of classifyStream(leads(), presets.saas, { asOf: '2026-06-30' })) stages.push(result.stage);
 * stages;
 * //=> ['SAL', 'unqualified']
 *
 * @category Many leads
 */
export function classifyStream<const Options extends BatchOptions, Stage extends string = string>(
  source: Iterable<unknown> | AsyncIterable<unknown>,
  configOrClassifier: ConfigOrClassifier<Stage>,
  options: Options,
): AsyncGenerator<ResultOf<Options, Stage>, void, undefined> {
  const classifier = toClassifier(configOrClassifier);
  const classify = batchClassify(classifier, options);
  return (async function* stream() {
    let index = 0;
    if (isAsyncIterable(source)) {
      for await (const lead of source) yield classify(lead, index++) as ResultOf<Options, Stage>;
    } else {
      for (const lead of source) yield classify(lead, index++) as ResultOf<Options, Stage>;
    }
  })();
}

/**
 * A web `TransformStream` of leads into results, for `readable.pipeThrough(...)` in browsers, Deno, Bun,
 * edge runtimes and Node ≥ 18. Backpressure is the stream's own: one lead is classified per chunk
 * written, and a full readable side stops the writes.
 *
 * @param configOrClassifier - a config or a compiled `Classifier`
 * @param options - `asOf` (required), `locale`, `detail`
 * @returns a `TransformStream` whose writable side takes leads and readable side gives results
 * @throws {ConfigError} when the config is invalid
 * @throws {TypeError} when `asOf` is missing or invalid, or the runtime has no `TransformStream`
 *
 * @example
 * const leads = new ReadableStream({
 *   start(controller) {
 *     controller.enqueue({ id: 'a', company: { isCompetitor: true } });
 *     controller.close();
 *   },
 * });
 * const reader = leads.pipeThrough(classifyTransform(presets.saas, { asOf: '2026-06-30' })).getReader();
 * (await reader.read()).value.stage;
 * //=> 'disqualified'
 *
 * @category Many leads
 */
export function classifyTransform<const Options extends ClassifyOptions, Stage extends string = string>(
  configOrClassifier: ConfigOrClassifier<Stage>,
  options: Options,
): TransformStream<unknown, ResultOf<Options, Stage>> {
  const classifier = toClassifier(configOrClassifier);
  const at = checkedOptions(classifier, options);
  if (typeof TransformStream !== 'function') {
    throw new TypeError('classifyTransform: this runtime has no TransformStream; use classifyStream');
  }
  return new TransformStream<unknown, ResultOf<Options, Stage>>({
    transform(lead, controller) {
      controller.enqueue(classifier.classify(lead, at) as ResultOf<Options, Stage>);
    },
  });
}
