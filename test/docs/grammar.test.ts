// The docs list the grammar and the issue codes from the same tables the code reads: a new operator,
// kind, count key, duration unit or issue code that the docs do not mention fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONDITION_KINDS,
  COUNT_KEYS,
  ConfigSkeletonSchema,
  DURATION_UNITS,
  ISSUE_CODES,
  maps,
  NUMBER_COMPARISONS,
  OPERATOR_NAMES,
} from '../../src/index';

const docs = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'docs', name), 'utf8');
/** The text of a section, from its heading to the next heading of the same level or higher. */
function section(text: string, heading: string): string {
  const start = text.indexOf(heading);
  expect(start, `no section "${heading}"`).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const rest = text.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n#{1,${level}} `));
  return end < 0 ? rest : rest.slice(0, end);
}
/** The codes in the first column of a markdown table. */
const firstColumn = (text: string) =>
  [...text.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1] as string);

describe('docs/conditions.md', () => {
  const text = docs('conditions.md');

  it('has every condition kind in its Kinds table, and nothing else', () => {
    expect(firstColumn(section(text, '## Kinds')).sort()).toEqual([...CONDITION_KINDS].sort());
  });

  it('has every fact operator in its Operators table, and nothing else', () => {
    const rows = [...section(text, '## Operators').matchAll(/^\| (`[^|]+)\|/gm)].flatMap((match) =>
      [...(match[1] as string).matchAll(/`(\w+)`/g)].map((name) => name[1] as string),
    );
    expect(rows.sort()).toEqual([...OPERATOR_NAMES].sort());
  });

  it('names the score comparisons, the count keys and the duration units', () => {
    const scores = section(text, '### Scores and counts');
    expect(scores).toContain(`\`${NUMBER_COMPARISONS.join(' ')}\``);
    expect(scores).toContain(`\`${COUNT_KEYS.join(' ')}\``);
    const dates = section(text, '## Dates and durations');
    for (const unit of DURATION_UNITS) expect(dates).toContain(`\`${unit}\``);
  });
});

describe('docs/errors.md', () => {
  it('documents every issue code, and only those', () => {
    expect(firstColumn(section(docs('errors.md'), '## Codes')).sort()).toEqual([...ISSUE_CODES].sort());
  });
});

describe('docs/crm-maps.md', () => {
  it('lists every column the built-in maps read, with where it goes', () => {
    const text = docs('crm-maps.md');
    for (const map of Object.values(maps)) {
      for (const field of map.fields) {
        const names = typeof field.from === 'string' ? [field.from] : field.from;
        for (const name of names) expect(text, `${map.id}: ${name}`).toContain(`\`${name}\``);
        expect(text, `${map.id}: ${field.to}`).toContain(`\`${field.to}\``);
      }
      for (const event of map.events ?? []) expect(text).toContain(`\`${event.type}\``);
      const activity = map.activity;
      if (activity === undefined) continue;
      const columns = [activity.lead, activity.at, ...Object.values(activity.props ?? {})];
      if (typeof activity.type !== 'string') columns.push(activity.type.from);
      for (const names of columns)
        for (const name of typeof names === 'string' ? [names] : names)
          expect(text, `${map.id}: ${name}`).toContain(`\`${name}\``);
    }
  });
});

describe('docs/config-reference.md', () => {
  const text = docs('config-reference.md');

  it('shows every condition kind and operator with an example', () => {
    expect(
      firstColumn(section(text, '## Conditions'))
        .filter((name) => (CONDITION_KINDS as readonly string[]).includes(name))
        .sort(),
    ).toEqual([...CONDITION_KINDS].sort());
    expect(firstColumn(section(text, '### Fact operators')).sort()).toEqual([...OPERATOR_NAMES].sort());
    for (const operator of OPERATOR_NAMES) expect(text).toContain(`"${operator}":`);
  });

  it('names every top-level key of a config', () => {
    const keys = Object.keys(ConfigSkeletonSchema.shape);
    expect(firstColumn(section(text, '## Top level')).sort()).toEqual([...keys].sort());
  });
});
