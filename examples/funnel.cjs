// Many leads (CommonJS): stream them, summarise the funnel, and check the stages against who bought.
// (docs/batch.md; the same on a real file: its worked example on Olist's funnel)
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { classifyStream, createSummary, diffConfigs, presets } = require('leadstage');
const { classifyNodeStream } = require('leadstage/node');

const asOf = '2026-06-30T00:00:00Z';
const sqoLead = (id) => ({
  id,
  budget: { status: 'approved' },
  authority: { role: 'decision_maker' },
  need: { painPoints: ['churn'] },
  timeline: { purchaseBy: '2026-09-01' },
  events: [{ type: 'demo_completed', at: '2026-06-20' }],
});
const leads = [
  sqoLead('acme'),
  sqoLead('globex'),
  { id: 'initech', events: [{ type: 'demo_completed', at: '2026-06-25' }] },
  { id: 'umbrella', events: [{ type: 'webinar_attended', at: '2026-06-01' }] },
  { id: 'hooli', budget: { status: 'none' }, events: [{ type: 'demo_completed', at: '2026-06-10' }] },
  { id: 'stark' },
  { id: 'wayne', company: { isCompetitor: true } },
];
const won = new Map([
  ['acme', true],
  ['globex', false],
  ['initech', true],
  ['umbrella', false],
  ['hooli', false],
  ['stark', false],
  ['wayne', false],
]);

async function main() {
  async function* source() {
    yield* leads; // a file, a database cursor, a CRM export page by page
  }
  const summary = createSummary({ outcome: won, bands: [0, 50] });
  for await (const result of classifyStream(source(), presets.saas, { asOf, detail: 'statuses' }))
    summary.add(result);
  const { stages, blockers, calibration } = summary.result();

  for (const [id, stage] of Object.entries(stages))
    console.log(`${id.padEnd(13)} ${stage.count} (${stage.share * 100} %)`);
  console.log(
    'top blockers:',
    blockers
      .slice(0, 3)
      .map((b) => `${b.stage} ← ${b.criterion ?? b.label}: ask ${b.ask}, not met ${b.notMet}`),
  );
  console.log('conversion by stage:', JSON.stringify(calibration.stages));
  console.log('SAL leads by SQO status:', JSON.stringify(calibration.next.SAL));

  // a config change, before it ships: SQO on intent alone
  const intentOnly = {
    ...presets.saas,
    id: 'saas-intent-sqo',
    examples: [],
    stages: presets.saas.stages.map((stage) =>
      stage.id === 'SQO' ? { ...stage, when: { criterion: 'intent' } } : stage,
    ),
  };
  const diff = diffConfigs(leads, presets.saas, intentOnly, { asOf });
  console.log(`diff: ${diff.changed} of ${diff.total} move`, JSON.stringify(diff.matrix));

  // the same classification as a Node stream
  const stagesByNode = [];
  await pipeline(
    Readable.from(leads),
    classifyNodeStream(presets.saas, { asOf, detail: 'statuses' }),
    async (results) => {
      for await (const result of results) stagesByNode.push(result.stage);
    },
  );
  console.log('node stream:', stagesByNode.join(' '));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
