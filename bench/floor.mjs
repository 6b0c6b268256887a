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

/**
 * Every path read and every read event's date parsed, written out as generated code writes it (a read per
 * path with constant keys, a switch over the event types): the count of what was found, so nothing is dead
 * code. (A loop over each path's segments and a Set of types ran 20–25 % slower: a floor must not be.)
 */
function floorOf(parse) {
  const lines = ['let found = 0;', 'let value;'];
  for (const segments of paths) {
    lines.push('value = lead;');
    for (const segment of segments) {
      const key = JSON.stringify(segment);
      lines.push(
        `value = value !== null && typeof value === "object" && own.call(value, ${key}) ? value[${key}] : undefined;`,
      );
    }
    lines.push('if (value !== undefined) found++;');
  }
  const cases = [...types].map((type) => `case ${JSON.stringify(type)}:`).join(' ');
  const date = parse ? 'parse(own.call(event, "at") ? event.at : undefined)' : '0';
  lines.push(
    'const events = own.call(lead, "events") ? lead.events : undefined;',
    'if (Array.isArray(events)) for (let index = 0; index < events.length; index++) {',
    '  const event = events[index];',
    `  switch (event.type) { ${cases} if (${date} <= asOf) found++; }`,
    '}',
    'return found;',
  );
  return new Function('own', 'parse', 'asOf', `return (lead) => {\n${lines.join('\n')}\n};`)(
    own,
    parseLeadInstant,
    asOf,
  );
}

const leads = generateLeads(5_000, 42);
let sink = 0;
const each = (run) => () => {
  for (const lead of leads) sink += run(lead);
};
const ratios = speedRatios(
  {
    'hand-written': each((lead) => classifyByHand(lead, asOf).length),
    'reads and dates (the floor)': each(floorOf(true)),
    'reads, no dates': each(floorOf(false)),
  },
  'hand-written',
  Number(process.env.BENCH_ROUNDS ?? 31),
);
console.log(`${paths.length} fact paths, ${types.size} event types read (sink ${sink > 0})`);
for (const [name, ratio] of Object.entries(ratios)) console.log(`  ${name.padEnd(30)} ${ratio.toFixed(3)}`);
