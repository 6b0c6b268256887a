import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInputInspector, guessMap, inspectInput, maps, presets } from '../../src';

const config = {
  version: 1,
  id: 'tiny',
  criteria: {
    budget: { when: { fact: 'budget.amount', gte: 1000 } },
    size: { when: { fact: 'company.employees', gte: 10 } },
    demo: { when: { event: 'demo_requested', count: { gte: 1 } } },
  },
  stages: [
    { id: 'SQL', when: { all: [{ criterion: 'budget' }, { criterion: 'size' }] } },
    { id: 'unqualified' },
  ],
};

const hubspotHeaders = [
  'Record ID',
  'First Name',
  'Email',
  'Company Name',
  'Number of Employees',
  'Lifecycle Stage',
  'Buying Role',
  'Create Date',
];
const hubspotRows = [
  {
    'Record ID': '1',
    'First Name': 'Ana',
    Email: 'ana@acme.test',
    'Company Name': 'Acme',
    'Number of Employees': '25-50',
    'Lifecycle Stage': 'Lead',
    'Buying Role': 'DECISION_MAKER',
    'Create Date': '2026-05-01',
  },
  {
    'Record ID': '2',
    'First Name': 'Bo',
    Email: 'bo@globex.test',
    'Company Name': 'Globex',
    'Number of Employees': '1000+',
    'Lifecycle Stage': 'Marketing Qualified Lead',
    'Buying Role': 'CHAMPION',
    'Create Date': '2026-05-02',
  },
];

describe('guessMap', () => {
  it('finds the built-in map whose columns the headers have', () => {
    expect(guessMap(hubspotHeaders)).toMatchObject({ id: 'hubspot', present: 8 });
    expect(guessMap(['Lead ID', 'First Name', 'Last Name', 'Company', 'Rating', 'Lead Status'])?.id).toBe(
      'salesforce',
    );
    expect(guessMap(['company.employees', 'budget.amount'])).toBeUndefined();
  });
});

// issue 18 case 3: forgetting --map, or the wrong map, read every lead as unqualified with no warning
describe('a HubSpot export read without its map, or with the wrong one', () => {
  it('without a map: nothing the config reads is there; the verdict names the map', () => {
    const report = inspectInput(hubspotRows, { config, headers: hubspotHeaders });
    expect(report.verdict.ok).toBe(false);
    expect(report.verdict.problems.map((problem) => problem.code)).toEqual(['nothing_read']);
    expect(report.verdict.problems[0]?.fix).toBe(
      'this looks like a HubSpot contacts export: try --map hubspot',
    );
    expect(report.facts.find((fact) => fact.fact === 'company.employees')).toMatchObject({
      column: null,
      leads: 0,
      share: 0,
    });
    expect(report.guessedMap?.id).toBe('hubspot');
  });

  it('with the Salesforce map: most of its columns are absent', () => {
    const report = inspectInput(hubspotRows, { config, map: maps.salesforce, headers: hubspotHeaders });
    expect(report.verdict.ok).toBe(false);
    const absent = report.verdict.problems.find((problem) => problem.code === 'map_columns_absent');
    expect(absent?.message).toMatch(/of the 17 columns of the map "salesforce" are absent/);
    expect(absent?.fix).toBe('this looks like a HubSpot contacts export: try --map hubspot');
    expect(report.mapColumnsAbsent).toContain('Id / Lead ID');
  });

  it('with the HubSpot map: read, with shares, the columns it ignores and those absent', () => {
    const report = inspectInput([...hubspotRows, { ...hubspotRows[0], Extra: 'x' }], {
      config,
      map: maps.hubspot,
      headers: [...hubspotHeaders, 'Extra'],
    });
    expect(report.verdict.ok).toBe(true);
    expect(report.verdict.warnings.map((warning) => warning.code)).toContain('map_columns_absent');
    expect(report.facts.find((fact) => fact.fact === 'company.employees')).toMatchObject({
      column: 'Number of Employees',
      leads: 3,
      share: 1,
    });
    expect(report.facts.find((fact) => fact.fact === 'budget.amount')).toMatchObject({
      column: null,
      leads: 0,
    });
    expect(report.columnsIgnored).toEqual(['Extra']);
    expect(report.mapColumnsAbsent).toContain('annualrevenue / Annual Revenue');
    expect(report.unreadable).toEqual([]);
    expect(report.duplicates).toEqual({ rows: 1, ids: [{ id: '1', line: 2, count: 2 }] });
  });
});

// issue 18 case 13: unreadable values without a map, reported per column with their lines
describe('unreadable and ambiguous values, per column', () => {
  const headers = ['id', 'company.employees', 'budget.amount', 'createdAt'];
  const rows = [
    { id: 'a', 'company.employees': 'not-a-number', 'budget.amount': 'abc', createdAt: '2026-99-99' },
    { id: 'b', 'company.employees': '12', 'budget.amount': '€40.000', createdAt: '2026-01-01' },
    { id: 'c', 'company.employees': 'many', 'budget.amount': '30.000', createdAt: '' },
    { id: 'd', 'company.employees': 'many', 'budget.amount': '5000', createdAt: '2026-01-01' },
  ];
  const report = inspectInput(rows, { config, headers });

  it('counts them by column with examples and first lines', () => {
    expect(report.unreadable).toEqual([
      {
        column: 'company.employees',
        count: 3,
        examples: ['the string "not-a-number"', 'the string "many"'],
        lines: [2, 4, 5],
        expected: 'a number such as "12000" or "12,000"',
      },
      expect.objectContaining({ column: 'budget.amount', count: 1, lines: [2] }),
    ]);
    expect(report.ambiguous).toEqual([
      expect.objectContaining({ column: 'budget.amount', count: 2, lines: [3, 4] }),
    ]);
    expect(report.verdict.ok).toBe(true);
    expect(report.verdict.warnings.map((warning) => warning.code)).toEqual([
      'columns_absent',
      'ambiguous_numbers',
      'unreadable_values',
    ]);
    expect(report.verdict.warnings[1]?.fix).toMatch(/decimal/);
  });

  it('without a config, reads every canonical field (parseLead) and reports those too', () => {
    const all = inspectInput(rows, { headers });
    expect(all.unreadable.map((column) => [column.column, column.count, column.lines])).toEqual([
      ['company.employees', 3, [2, 4, 5]],
      ['createdAt', 1, [2]],
      ['budget.amount', 1, [2]],
    ]);
    expect(all.ambiguous.map((column) => [column.column, column.count])).toEqual([['budget.amount', 2]]);
  });

  it('says which facts leads have (readable)', () => {
    expect(report.facts).toEqual([
      { fact: 'budget.amount', columns: ['budget.amount'], column: 'budget.amount', leads: 1, share: 0.25 },
      {
        fact: 'company.employees',
        columns: ['company.employees'],
        column: 'company.employees',
        leads: 1,
        share: 0.25,
      },
    ]);
    expect(report.events).toEqual([
      { fact: 'demo_requested', columns: ['events'], column: null, leads: 0, share: 0 },
    ]);
  });
});

// issue 18 case 7 (library part): duplicates and all-empty rows
describe('duplicates and empty rows', () => {
  it('counts duplicate ids with the line of their first row, and empty rows apart from leads', () => {
    const inspector = createInputInspector({ config: presets.saas });
    inspector.columns(['id', 'company.employees']);
    inspector.add({ id: 'a', 'company.employees': '5' }, 2);
    inspector.add({ id: '', 'company.employees': '' }, 3);
    inspector.add({ id: 'a', 'company.employees': '6' }, 4);
    inspector.add({ id: '  ', 'company.employees': '' }, 5);
    inspector.add({ id: 'b', 'company.employees': '6' }, 6);
    const report = inspector.result();
    expect(report).toMatchObject({ rows: 5, emptyRows: 2, leads: 3 });
    expect(report.duplicates).toEqual({ rows: 1, ids: [{ id: 'a', line: 2, count: 2 }] });
    expect(report.verdict.warnings.map((warning) => warning.code)).toContain('duplicate_ids');
    expect(report.verdict.warnings.map((warning) => warning.code)).toContain('empty_rows');
  });

  it('a file of empty rows has no lead: a problem', () => {
    const report = inspectInput([{ a: '' }, { a: ' ' }], { config, headers: ['a'] });
    expect(report.verdict.problems.map((problem) => problem.code)).toEqual(['no_leads']);
  });
});

describe('the inspector', () => {
  it('never throws on row data, and counts every row', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 20 }), fc.boolean(), (rows, mapped) => {
        const report = inspectInput(rows, { config: presets.saas, ...(mapped ? { map: maps.hubspot } : {}) });
        expect(report.rows).toBe(rows.length);
        expect(report.emptyRows + report.leads).toBe(rows.length);
        JSON.stringify(report);
      }),
    );
  });
});
