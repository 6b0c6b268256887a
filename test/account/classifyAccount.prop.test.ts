// Properties of classifyAccount over messy members: it never throws, its result is plain JSON, the same input
// gives the same output, and the order of the members changes nothing but the order they are listed in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountPresets, classifyAccount, presets } from '../../src/index';
import { asOf, leadShaped } from '../classify/arbitraries';

const role = fc.constantFrom('decision_maker', 'champion', 'user', 'unknown', 'Decision Maker', '', 42, null);
const member = fc.oneof(
  leadShaped,
  fc.record({ authority: fc.record({ role }), events: fc.constant([]) }, { requiredKeys: [] }),
  fc.anything(),
);
const members = fc.array(member, { maxLength: 12 });

describe('classifyAccount properties', () => {
  it('never throws, returns plain JSON, and is deterministic', () => {
    fc.assert(
      fc.property(members, asOf, (list, at) => {
        const options = { asOf: at, leadConfig: presets.saas };
        const result = classifyAccount({ id: 'x', members: list }, accountPresets.b2b, options);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        expect(classifyAccount({ id: 'x', members: list }, accountPresets.b2b, options)).toEqual(result);
        expect(result.memberCount).toBe(list.length);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same stage, criteria and buying group whatever the members’ order', () => {
    fc.assert(
      fc.property(members, asOf, (list, at) => {
        const options = { asOf: at, leadConfig: presets.saas };
        const forward = classifyAccount({ members: list }, accountPresets.b2b, options);
        const backward = classifyAccount({ members: [...list].reverse() }, accountPresets.b2b, options);
        const statuses = (result: typeof forward) =>
          Object.fromEntries(Object.entries(result.criteria).map(([id, entry]) => [id, entry.status]));
        expect(backward.stage).toBe(forward.stage);
        expect(statuses(backward)).toEqual(statuses(forward));
        expect(backward.scores).toEqual(forward.scores);
        expect(backward.buyingGroup.missing).toEqual(forward.buyingGroup.missing);
        expect(backward.buyingGroup.unknown).toEqual(forward.buyingGroup.unknown);
        expect(Object.keys(backward.buyingGroup.present)).toEqual(Object.keys(forward.buyingGroup.present));
      }),
      { numRuns: 150 },
    );
  });
});
