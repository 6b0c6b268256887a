import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, parseConfig, presets, runExamples } from '../../src/index';
import { presets as subpathPresets } from '../../src/presets/index';

const SECTORS = ['saas', 'consulting', 'agency'] as const;

/** The preset's own SQO example: the article's SQO signals with budget, authority, need and timeline known. */
function sqoExample(id: (typeof SECTORS)[number]) {
  const example = presets[id].examples?.find((candidate) => candidate.expect.stage === 'SQO');
  if (example === undefined) throw new Error(`${id} has no SQO example`);
  return example;
}

describe.each(Object.keys(presets))('preset %s', (id) => {
  const preset = presets[id as keyof typeof presets];

  it('is valid under the same schema as user configs', () => {
    expect(parseConfig(preset)).toEqual(preset);
  });

  it('passes its embedded examples', () => {
    const result = runExamples(preset);
    expect(result.results.filter((example) => !example.passed)).toEqual([]);
    expect(result.results.length).toBeGreaterThanOrEqual(3);
  });

  it('has the shared ladder, SQO follow-up and actions', () => {
    expect(preset.stages.map((stage) => stage.id)).toEqual(['disqualified', 'SQO', 'SAL', 'unqualified']);
    expect(preset.stages[0]?.exit).toBe(true);
    const sqo = preset.stages[1]!;
    expect(sqo.followUp?.within).toEqual({ hours: 24 });
    expect(sqo.actions?.length).toBeGreaterThan(0);
    expect(preset.stages[2]?.actions?.length).toBeGreaterThan(0);
  });

  it('falls back to unqualified for an empty lead, and disqualifies competitors and students', () => {
    const asOf = '2026-06-30';
    expect(classify({}, preset, { asOf }).stage).toBe('unqualified');
    expect(classify({ company: { isCompetitor: true } }, preset, { asOf }).stage).toBe('disqualified');
    expect(classify({ contact: { seniority: 'student' } }, preset, { asOf }).stage).toBe('disqualified');
  });

  it('is exported from the presets subpath too', () => {
    expect(subpathPresets[id as keyof typeof presets]).toBe(preset);
  });
});

describe.each(SECTORS)('article golden tests: %s', (id) => {
  const preset = presets[id];
  const example = sqoExample(id);
  const { timeline: _, ...withoutTimeline } = example.lead as Record<string, unknown>;

  it('classifies the article’s SQO signals with BANT known as SQO', () => {
    const result = classify(example.lead, preset, { asOf: example.asOf });
    expect(result.stage).toBe('SQO');
    for (const dimension of ['budget', 'authority', 'need', 'timeline', 'intent']) {
      expect(result.criteria[dimension]?.status).toBe('met');
    }
  });

  it('classifies the article’s SAL signals alone as SAL', () => {
    const sal = preset.examples?.find((candidate) => candidate.expect.stage === 'SAL');
    const result = classify(sal?.lead, preset, { asOf: sal?.asOf ?? 0 });
    expect(result.stage).toBe('SAL');
    expect(result.criteria.intent?.status).toBe('unmet');
  });

  it('keeps the SQO lead without a timeline below SQO, naming the timeline as an unknown blocker', () => {
    const result = classify(withoutTimeline, preset, { asOf: example.asOf });
    expect(result.stage).toBe('SAL');
    expect(result.criteria.timeline?.status).toBe('unknown');
    expect(result.next?.stage).toBe('SQO');
    expect(result.next?.status).toBe('unknown');
    expect(result.next?.blockers).toEqual([
      expect.objectContaining({ criterion: 'timeline', status: 'unknown', facts: ['timeline.purchaseBy'] }),
    ]);
  });

  it('is not SQO before its events happened, and says so', () => {
    const before = classify(example.lead, preset, { asOf: '2026-01-15T00:00:00Z' });
    expect(before.stage).not.toBe('SQO');
    expect(before.criteria.intent?.status).toBe('unmet');
    expect(before.flags).toContain('future_events_ignored');
  });

  it('disqualifies the SQO lead if it works for a competitor', () => {
    const lead = { ...example.lead, company: { ...(example.lead.company as object), isCompetitor: true } };
    expect(classify(lead, preset, { asOf: example.asOf }).stage).toBe('disqualified');
  });
});

describe('IBM BANT rule', () => {
  it('needs 3 of 4 BANT dimensions and an intent signal', () => {
    const lead = {
      budget: { status: 'approved' },
      authority: { role: 'decision_maker' },
      need: { severity: 'high' },
      events: [{ type: 'demo_requested', at: '2026-06-28T09:00:00Z' }],
    };
    const asOf = '2026-06-30T12:00:00Z';
    expect(classify(lead, presets.bant, { asOf }).stage).toBe('SQO');
    expect(classify({ ...lead, authority: { role: 'user' } }, presets.bant, { asOf }).stage).toBe('SAL');
    expect(classify({ ...lead, events: [] }, presets.bant, { asOf }).stage).toBe('unqualified');
  });
});

// A golden copy of each preset, committed: an edit of the shared preset builders that changes a preset
// shows up in review as a change of its JSON. After an intended change: UPDATE_GOLDEN=1 npx vitest run test/presets
describe.each(Object.keys(presets))('preset %s golden JSON', (id) => {
  it('equals test/presets/golden/<id>.json', () => {
    const file = join(import.meta.dirname, 'golden', `${id}.json`);
    const actual = `${JSON.stringify(presets[id as keyof typeof presets], null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/presets`).toBe(
      true,
    );
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});

describe('preset grades', () => {
  it.each(Object.keys(presets))(
    '%s grades fit by letter and engagement by digit, D4 for a lead nobody knows',
    (id) => {
      const preset = presets[id as keyof typeof presets];
      expect(Object.keys(preset.grades ?? {})).toEqual(['fit', 'engagement']);
      expect(classify({}, preset, { asOf: '2026-06-30' }).grade).toBe('D4');
    },
  );

  it.each([
    // fit 40 of 40 (every signal), engagement 60 (demo, pricing, proposal: capped)
    ['saas', 'A1'],
    // fit 40, engagement 56 (discovery call, challenges, custom solution, decayed a little)
    ['consulting', 'A1'],
    // fit 35 (no decision-maker signal), engagement 36 (RFP and workshop, decayed): a sales conversation and more
    ['agency', 'A2'],
  ] as const)('%s grades its SQO example %s', (id, grade) => {
    const example = sqoExample(id);
    expect(classify(example.lead, presets[id], { asOf: example.asOf }).grade).toBe(grade);
  });
});
