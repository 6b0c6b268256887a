// npm run bench:stream — 1,000,000 generated leads through classifyStream + createSummary: how much the
// process grows (RSS) and the throughput as a ratio to classifier.classify in a plain loop over the same
// source (CPU time, interleaved rounds of 100,000 leads, median). Never a bare time.
//   BENCH_STREAM_LEADS=200000 node bench/stream.mjs   # shorter
import { classifyStream, compile, createSummary, presets } from '../dist/index.js';
import { AS_OF, leadStream } from './leads.mjs';
import { median } from './measure.mjs';

const TOTAL = Number(process.env.BENCH_STREAM_LEADS ?? 1_000_000);
const ROUND = Math.min(50_000, TOTAL);
const asOf = Date.parse(AS_OF);
const classifier = compile(presets.saas);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function cpu(run) {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

// 1. memory, both detail levels first: the throughput rounds below hold their leads in an array
for (const detail of ['statuses', 'full']) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const summary = createSummary();
  let seen = 0;
  for await (const result of classifyStream(leadStream(TOTAL, 1), classifier, { asOf, detail })) {
    summary.add(result);
    if (++seen % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const funnel = summary.result();
  console.log(
    `detail '${detail}': ${funnel.total} leads streamed and summarised (${Object.entries(funnel.stages)
      .map(([id, stage]) => `${id} ${stage.count}`)
      .join(', ')}); RSS ${mb(before)} → peak ${mb(peak)} (growth ${mb(peak - before)})`,
  );
}

// 2. throughput: the same work in a plain loop and through the stream, alternated. A round's leads are
// generated before it, so neither arm's time includes making them (that would pull the ratio towards 1)
const ROUNDS = 9;
for (const detail of ['statuses', 'full']) {
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    const leads = [...leadStream(ROUND, 100 + round)];
    const plain = await cpu(async () => {
      const plainSummary = createSummary();
      for (const lead of leads) plainSummary.add(classifier.classify(lead, { asOf, detail }));
    });
    const streamed = await cpu(async () => {
      const streamSummary = createSummary();
      for await (const result of classifyStream(leads, classifier, { asOf, detail }))
        streamSummary.add(result);
    });
    ratios.push(plain / streamed);
  }
  console.log(
    `detail '${detail}': throughput ${median(ratios).toFixed(3)}× a plain classify loop feeding the same summary ` +
      `(median of ${ROUNDS} rounds of ${ROUND} pre-generated leads, [${Math.min(...ratios).toFixed(3)} – ${Math.max(...ratios).toFixed(3)}])`,
  );
}
