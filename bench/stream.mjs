// npm run bench:stream — 1,000,000 generated leads through classifyStream + createSummary: how much the
// process grows (RSS) and the throughput as a ratio to classifier.classify in a plain loop over the same
// source (CPU time, interleaved rounds of 100,000 leads, median). Never a bare time.
//   BENCH_STREAM_LEADS=200000 node bench/stream.mjs   # shorter
import { classifyStream, compile, createSummary, presets } from '../dist/index.js';
import { AS_OF, leadStream } from './leads.mjs';
import { median } from './measure.mjs';

const TOTAL = Number(process.env.BENCH_STREAM_LEADS ?? 1_000_000);
const ROUND = Math.min(100_000, TOTAL);
const asOf = Date.parse(AS_OF);
const classifier = compile(presets.saas);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function cpu(run) {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

for (const detail of ['statuses', 'full']) {
  // 1. memory: one stream of TOTAL leads, summarised as it goes
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
  // 2. throughput: the same work in a plain loop, and through the stream, alternated
  const ratios = [];
  for (let round = 0; round < 5; round++) {
    const plain = await cpu(async () => {
      const plainSummary = createSummary();
      for (const lead of leadStream(ROUND, 100 + round))
        plainSummary.add(classifier.classify(lead, { asOf, detail }));
    });
    const streamed = await cpu(async () => {
      const streamSummary = createSummary();
      for await (const result of classifyStream(leadStream(ROUND, 100 + round), classifier, { asOf, detail }))
        streamSummary.add(result);
    });
    ratios.push(plain / streamed);
  }
  console.log(
    `detail '${detail}': ${funnel.total} leads streamed and summarised (${Object.entries(funnel.stages)
      .map(([id, stage]) => `${id} ${stage.count}`)
      .join(', ')}); RSS ${mb(before)} → peak ${mb(peak)} (growth ${mb(peak - before)}); ` +
      `throughput ${median(ratios).toFixed(3)}× a plain classify loop with the same summary (median of 5 rounds of ${ROUND}, [${Math.min(...ratios).toFixed(3)} – ${Math.max(...ratios).toFixed(3)}])`,
  );
}
