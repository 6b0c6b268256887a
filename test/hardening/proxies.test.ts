// Case 10 of the hardening issue: getters and Proxies in a lead used to throw through classify and
// parseLead. Lead data never throws: what can be read is classified, the rest is flagged.
import { describe, expect, it } from 'vitest';
import { classify, compile, parseLead, presets } from '../../src/index';

const asOf = '2026-06-30';
const hostileLeads = (): Array<[string, unknown]> => [
  [
    'a throwing getter on budget',
    {
      id: 'g',
      get budget(): unknown {
        throw new Error('boom');
      },
      authority: { role: 'decision_maker' },
    },
  ],
  [
    'a Proxy whose get throws',
    new Proxy(
      { id: 'p' },
      {
        get() {
          throw new Error('boom');
        },
      },
    ),
  ],
  [
    'a Proxy whose ownKeys and has throw',
    new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
      },
    ),
  ],
  [
    'events behind a throwing getter',
    {
      id: 'e',
      get events(): unknown {
        throw new Error('boom');
      },
    },
  ],
  [
    'an event whose at throws',
    {
      id: 'a',
      events: [
        { type: 'demo_completed', at: '2026-06-20' },
        {
          type: 'webinar_attended',
          get at(): unknown {
            throw new Error('boom');
          },
        },
      ],
    },
  ],
];

describe('getters and Proxies in a lead', () => {
  it.each(hostileLeads())('classify never throws on %s, and flags what it could not read', (_name, lead) => {
    let flagged = 0;
    for (const preset of Object.values(presets)) {
      const classifier = compile(preset);
      const full = classifier.classify(lead, { asOf });
      // a preset that never reads the hostile part never touches it: nothing to flag there
      if (full.flags.some((flag) => flag.startsWith('unreadable:'))) flagged++;
      expect(classifier.classify(lead, { asOf, detail: 'statuses' }).stage).toBe(full.stage);
      expect(classifier.stage(lead, { asOf })).toBe(full.stage);
      expect(() => parseLead(lead)).not.toThrow();
    }
    expect(flagged).toBeGreaterThan(0);
  });

  it('classifies what could be read as if the unreadable part were absent', () => {
    const [, lead] = hostileLeads()[0] as [string, unknown];
    const result = classify(lead, presets.saas, { asOf });
    const plain = classify({ id: 'g', authority: { role: 'decision_maker' } }, presets.saas, { asOf });
    expect(result.flags).toEqual([...plain.flags, 'unreadable:budget']);
    expect({ ...result, flags: [] }).toEqual({ ...plain, flags: [] });
    expect(parseLead(lead).issues.map((issue) => [issue.code, issue.path])).toContainEqual([
      'invalid_type',
      ['budget'],
    ]);
  });
});
