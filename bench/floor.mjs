// node bench/floor.mjs — the floor of a 'statuses' result on the bench's leads: what any implementation of
// the level must do (it cannot stop early) — read every fact path the config names (own properties, as
// leadstage reads them) and parse the date of every event of a type the config reads (with leadstage's
// reader) — and nothing else, timed against the hand-written reference (bench/ruleset.mjs) as
// `node bench/run.mjs codegen` times the levels. No classification: a bound, not an implementation.
import { parseLeadInstant } from '../dist/helpers.js';
import { AS_OF, generateLeads } from './leads.mjs';
import { speedRatios } from './measure.mjs';
import { classifyByHand, leadstageConfig } from './ruleset.mjs';

const asOf = Date.parse(AS_OF);
const own = Object.prototype.hasOwnProperty;

/** The fact paths and event types named anywhere in the config (conditions and scoring rules). */
function named(config) {
  const paths = new Set();
  const types = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (node !== null && typeof node === 'object') {
      if (typeof node.fact === 'string') paths.add(node.fact);
      if (typeof node.event === 'string') types.add(node.event);
      else if (Array.isArray(node.event)) for (const type of node.event) types.add(type);
      for (const value of Object.values(node)) visit(value);
    }
  };
  visit([config.criteria, config.stages, config.scoring]);
  return { paths: [...paths].map((path) => path.split('.')), types };
}

const { paths, types } = named(leadstageConfig);

function read(lead, segments) {
  let value = lead;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || !own.call(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

/** Every path read and every read event's date parsed: the count of what was found, so nothing is dead code. */
function floor(lead, parse) {
  let found = 0;
  for (const segments of paths) if (read(lead, segments) !== undefined) found++;
  const events = own.call(lead, 'events') ? lead.events : undefined;
  if (Array.isArray(events)) {
    for (let index = 0; index < events.length; index++) {
      const event = events[index];
      if (!types.has(event.type)) continue;
      const at = parse ? parseLeadInstant(own.call(event, 'at') ? event.at : undefined) : 0;
      if (at <= asOf) found++;
    }
  }
  return found;
}

const leads = generateLeads(5_000, 42);
let sink = 0;
const each = (run) => () => {
  for (const lead of leads) sink += run(lead);
};
const ratios = speedRatios(
  {
    'hand-written': each((lead) => classifyByHand(lead, asOf).length),
    'reads and dates (the floor)': each((lead) => floor(lead, true)),
    'reads, no dates': each((lead) => floor(lead, false)),
  },
  'hand-written',
  Number(process.env.BENCH_ROUNDS ?? 31),
);
console.log(`${paths.length} fact paths, ${types.size} event types read (sink ${sink > 0})`);
for (const [name, ratio] of Object.entries(ratios)) console.log(`  ${name.padEnd(30)} ${ratio.toFixed(3)}`);
