// node bench/inspect.mjs — what the input inspector (createInputInspector) adds to a run, as a ratio of
// CPU time measured in the same process: 100,000 rows classified alone, then classified with the
// inspector, in interleaved rounds (each round alternates which goes first), median of the ratios.
//   mapped:   HubSpot-style rows → mapLead → classify; the inspector is given the mapped result (as the
//             CLI's preflight can), so it only does the accounting.
//   unmapped: canonical leads → classify; the inspector reads each row itself (parseLead): the cost of
//             an inspection that must read the values to find the unreadable ones.
// Build first (npm run build). BENCH_ROWS and BENCH_ROUNDS override the sizes.
import { compile, createInputInspector, mapLead, maps, presets } from '../dist/index.js';
import { AS_OF, generateLeads, random } from './leads.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const asOf = Date.parse(AS_OF);
const config = presets.saas;
const classifier = compile(config);

// HubSpot contact rows, as an export has them: labels, ranges, a few unreadable and blank cells
const next = random(7);
const pick = (list) => list[Math.floor(next() * list.length)];
const headers = [
  'Record ID',
  'Email',
  'Seniority',
  'Buying Role',
  'Number of Employees',
  'Annual Revenue',
  'Lifecycle Stage',
  'Create Date',
  'First Conversion Date',
];
const rows = Array.from({ length: ROWS }, (_, index) => ({
  'Record ID': String(index % 97 === 0 ? index - 1 : index),
  Email: `lead${index}@example.test`,
  Seniority: pick(['Owner', 'Vice President', 'Manager', 'Entry', '', 'Director']),
  'Buying Role': pick(['DECISION_MAKER', 'CHAMPION;END_USER', 'BLOCKER', '']),
  'Number of Employees': pick(['1-5', '25-50', '1,000+', '500', 'lots', '']),
  'Annual Revenue': pick(['$2,500,000', '40000', '30.000', '', '1,250,000.50']),
  'Lifecycle Stage': pick(['Lead', 'Marketing Qualified Lead', 'customer', 'opportunity']),
  'Create Date': '2026-05-02',
  'First Conversion Date': pick(['2026-06-20', '', '06/15/2026']),
}));
const mapped = rows.map((row) => mapLead(row, maps.hubspot));
const leads = generateLeads(ROWS, 42);

function cpu(run) {
  const start = process.cpuUsage();
  const sink = run();
  const used = process.cpuUsage(start);
  if (sink === 0) throw new Error('nothing done');
  return used.user + used.system;
}

const scenarios = {
  mapped: {
    alone: () => {
      let sink = 0;
      for (const row of rows)
        sink += classifier.classify(mapLead(row, maps.hubspot).lead, { asOf }).stage.length;
      return sink;
    },
    inspected: () => {
      const inspector = createInputInspector({ config, map: maps.hubspot });
      inspector.columns(headers);
      let sink = 0;
      let line = 2;
      for (const row of rows) {
        const read = mapLead(row, maps.hubspot);
        inspector.add(row, line++, read);
        sink += classifier.classify(read.lead, { asOf }).stage.length;
      }
      return sink + inspector.result().leads;
    },
  },
  unmapped: {
    alone: () => {
      let sink = 0;
      for (const lead of leads) sink += classifier.classify(lead, { asOf }).stage.length;
      return sink;
    },
    inspected: () => {
      const inspector = createInputInspector({ config });
      let sink = 0;
      let line = 1;
      for (const lead of leads) {
        inspector.add(lead, line++);
        sink += classifier.classify(lead, { asOf }).stage.length;
      }
      return sink + inspector.result().leads;
    },
  },
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
// warm up both paths once
void mapped;
for (const scenario of Object.values(scenarios)) {
  scenario.alone();
  scenario.inspected();
}
for (const [name, { alone, inspected }] of Object.entries(scenarios)) {
  const ratios = [];
  const base = [];
  for (let round = 0; round < ROUNDS; round++) {
    let a;
    let b;
    if (round % 2 === 0) {
      a = cpu(alone);
      b = cpu(inspected);
    } else {
      b = cpu(inspected);
      a = cpu(alone);
    }
    ratios.push(b / a);
    base.push(a);
  }
  const ratio = median(ratios);
  console.log(
    `${name}: ${ROWS.toLocaleString('en')} rows, classify alone ${(median(base) / 1000).toFixed(0)} ms CPU; with the inspector ×${ratio.toFixed(3)} (overhead ${((ratio - 1) * 100).toFixed(1)} %), median of ${ROUNDS} interleaved rounds`,
  );
}
