import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  classifyMany,
  classifyStream,
  classifyTransform,
  compile,
  createConfigDiff,
  diffConfigs,
  presets,
} from '../../src/index';
import { classifyNodeStream } from '../../src/node/index';
import { leadShaped } from '../classify/arbitraries';

const asOf = '2026-06-30T00:00:00Z';
const classifier = compile(presets.saas);
const leads = [
  { id: 'a', company: { isCompetitor: true } },
  { id: 'b', events: [{ type: 'webinar_attended', at: '2026-06-01' }] },
  { id: 'c' },
  {
    id: 'd',
    budget: { status: 'approved' },
    authority: { role: 'decision_maker' },
    need: { painPoints: ['churn'] },
    timeline: { purchaseBy: '2026-09-01' },
    events: [{ type: 'demo_completed', at: '2026-06-20' }],
  },
];

/** A source that counts how many leads were read from it, and can fail after `failAfter`. */
function countingSource(items: unknown[], failAfter = Number.POSITIVE_INFINITY) {
  const state = { read: 0 };
  async function* source() {
    for (const item of items) {
      if (state.read === failAfter) throw new Error('the CRM connection dropped');
      state.read++;
      yield item;
    }
  }
  return { state, source: source() };
}

describe('classifyMany', () => {
  it('gives each lead the result classify gives it, in input order, at every detail level', () => {
    expect(classifyMany(leads, presets.saas, { asOf })).toEqual(
      leads.map((lead) => classifier.classify(lead, { asOf })),
    );
    const statuses = classifyMany(new Set(leads), classifier, { asOf, detail: 'statuses' });
    expect(statuses.map((result) => result.stage)).toEqual(['disqualified', 'SAL', 'unqualified', 'SQO']);
    expect(statuses[0]?.detail).toBe('statuses');
  });

  it('checks the config and asOf before reading any lead, even for an empty batch', () => {
    const never: Iterable<unknown> = {
      [Symbol.iterator]() {
        throw new Error('read');
      },
    };
    expect(() => classifyMany(never, { version: 1 }, { asOf })).toThrow(ConfigError);
    expect(() => classifyMany([], presets.saas, { asOf: 'yesterday' })).toThrow(TypeError);
    // @ts-expect-error not a detail level
    expect(() => classifyMany([], presets.saas, { asOf, detail: 'all' })).toThrow(/detail/);
  });
});

describe('classifyStream', () => {
  it('classifies a sync or async source in order, like classifyMany', async () => {
    const fromAsync: unknown[] = [];
    for await (const result of classifyStream(countingSource(leads).source, presets.saas, { asOf }))
      fromAsync.push(result);
    const fromSync: unknown[] = [];
    for await (const result of classifyStream(leads, presets.saas, { asOf })) fromSync.push(result);
    const expected = classifyMany(leads, presets.saas, { asOf });
    expect(fromAsync).toEqual(expected);
    expect(fromSync).toEqual(expected);
  });

  it('reads the next lead only when the next result is asked for (backpressure)', async () => {
    const { state, source } = countingSource(leads);
    const stream = classifyStream(source, presets.saas, { asOf });
    expect(state.read).toBe(0);
    await stream.next();
    expect(state.read).toBe(1);
    await stream.next();
    expect(state.read).toBe(2);
    await stream.return(undefined);
    expect(state.read).toBe(2);
  });

  it('rejects with the source error after every earlier result, none lost or repeated', async () => {
    const { source } = countingSource(leads, 3);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const result of classifyStream(source, presets.saas, { asOf }))
          seen.push(result.leadId as string);
      })(),
    ).rejects.toThrow('the CRM connection dropped');
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('fails at the call on a bad config or asOf, before reading', () => {
    const { state, source } = countingSource(leads);
    expect(() => classifyStream(source, { version: 1 }, { asOf })).toThrow(ConfigError);
    expect(() => classifyStream(source, presets.saas, { asOf: Number.NaN })).toThrow(TypeError);
    expect(state.read).toBe(0);
  });
});

describe('stream adapters', () => {
  it('classifies through a web TransformStream', async () => {
    const readable = new ReadableStream({
      start(controller) {
        for (const lead of leads) controller.enqueue(lead);
        controller.close();
      },
    });
    const results: unknown[] = [];
    const reader = readable
      .pipeThrough(classifyTransform(presets.saas, { asOf, detail: 'statuses' }))
      .getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) results.push(read.value);
    expect(results).toEqual(classifyMany(leads, presets.saas, { asOf, detail: 'statuses' }));
  });

  it('classifies through a Node Transform in a pipeline, holding back a slow sink', async () => {
    const many = Array.from({ length: 200 }, (_, index) => ({ id: String(index) }));
    let pulled = 0;
    const source = Readable.from(
      (function* () {
        for (const lead of many) {
          pulled++;
          yield lead;
        }
      })(),
      { highWaterMark: 1 },
    );
    const stages: string[] = [];
    let maxAhead = 0;
    const sink = new Writable({
      objectMode: true,
      highWaterMark: 1,
      write(result: { stage: string }, _encoding, callback) {
        stages.push(result.stage);
        maxAhead = Math.max(maxAhead, pulled - stages.length);
        setImmediate(callback);
      },
    });
    await pipeline(source, classifyNodeStream(presets.saas, { asOf, highWaterMark: 2 }), sink);
    expect(stages).toHaveLength(200);
    expect(new Set(stages)).toEqual(new Set(['unqualified']));
    // the source never runs far ahead of a slow sink: a handful of buffers, not the whole file
    expect(maxAhead).toBeLessThan(10);
  });
});

describe('diffConfigs', () => {
  const demoOnly = {
    ...presets.saas,
    id: 'saas-demo-sqo',
    stages: presets.saas.stages.map((stage) =>
      stage.id === 'SQO' ? { ...stage, when: { criterion: 'intent' } } : stage,
    ),
  };

  it('agrees with classifying every lead twice', () => {
    fc.assert(
      fc.property(fc.array(leadShaped, { maxLength: 30 }), (input) => {
        const diff = diffConfigs(input, presets.saas, demoOnly, { asOf });
        const before = classifyMany(input, presets.saas, { asOf });
        const after = classifyMany(input, demoOnly, { asOf });
        const moved = before.flatMap((result, index) =>
          result.stage === after[index]?.stage ? [] : [{ result, index, to: after[index]! }],
        );
        expect(diff.total).toBe(input.length);
        expect(diff.changed).toBe(moved.length);
        expect(diff.leads.map((lead) => [lead.index, lead.from, lead.to])).toEqual(
          moved.map(({ result, index, to }) => [index, result.stage, to.stage]),
        );
        const cells = Object.values(diff.matrix).flatMap((row) => Object.values(row));
        expect(cells.reduce((sum, cell) => sum + cell, 0)).toBe(input.length);
        for (const [index, result] of before.entries())
          expect(diff.matrix[result.stage]?.[after[index]!.stage]).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('lists moved leads up to the limit and says when it stopped', () => {
    const demos = Array.from({ length: 5 }, (_, index) => ({
      id: `L${index}`,
      events: [{ type: 'demo_completed', at: '2026-06-20' }],
    }));
    const builder = createConfigDiff(presets.saas, demoOnly, { asOf, limit: 2 });
    for (const lead of demos) builder.add(lead);
    const diff = builder.result();
    expect(diff).toMatchObject({ total: 5, changed: 5, truncated: true, matrix: { SAL: { SQO: 5 } } });
    expect(diff.leads).toHaveLength(2);
    expect(diff.leads[0]).toEqual({ id: 'L0', index: 0, from: 'SAL', to: 'SQO', scoreDelta: 0 });
    expect(() => createConfigDiff(presets.saas, demoOnly, { asOf, limit: -1 })).toThrow(
      /limit must be a whole number ≥ 0, received the number -1/,
    );
  });
});

describe('a per-lead asOf', () => {
  const config = {
    version: 1,
    id: 'fresh',
    criteria: { fresh: { when: { fact: 'createdAt', withinLast: { days: 30 } } } },
    stages: [{ id: 'hot', when: { criterion: 'fresh' } }, { id: 'rest' }],
  };
  const leads = [
    { id: 'a', createdAt: '2026-01-01' },
    { id: 'b', createdAt: '2026-05-01' },
  ];

  it('classifies each lead at the instant its function gives, with its index, in a batch and a stream', async () => {
    const seen: number[] = [];
    const asOf = (lead: unknown, index: number) => {
      seen.push(index);
      return Date.parse((lead as { createdAt: string }).createdAt) + 10 * 86_400_000;
    };
    const results = classifyMany(leads, config, { asOf });
    expect(results.map((result) => [result.stage, result.asOf])).toEqual([
      ['hot', '2026-01-11T00:00:00.000Z'],
      ['hot', '2026-05-11T00:00:00.000Z'],
    ]);
    expect(seen).toEqual([0, 1]);
    // one asOf for both: the older lead is not fresh any more
    expect(classifyMany(leads, config, { asOf: '2026-05-11' }).map((result) => result.stage)).toEqual([
      'rest',
      'hot',
    ]);
    const streamed = [];
    for await (const result of classifyStream(leads, config, { asOf, detail: 'statuses' }))
      streamed.push(result.asOf);
    expect(streamed).toEqual(['2026-01-11T00:00:00.000Z', '2026-05-11T00:00:00.000Z']);
  });

  it('names the lead whose asOf is bad, and checks the other options before any lead', () => {
    expect(() =>
      classifyMany(leads, config, { asOf: (_lead, index) => (index === 1 ? 'soon' : '2026-06-30') }),
    ).toThrow(/options\.asOf\(lead 1\)/);
    expect(() =>
      classifyMany([], config, { asOf: () => '2026-06-30', detail: 'everything' as 'full' }),
    ).toThrow(TypeError);
  });
});
