import { expect, it } from 'vitest';
import { accountPresets, classifyAccount, presets, safeParseConfig } from '../src/index';

it('x', () => {
  console.log(
    safeParseConfig(accountPresets.b2b).issues,
    safeParseConfig(accountPresets.b2b).warnings.map((w) => w.message),
  );
  const account = {
    id: 'Nuvola SpA',
    members: [
      {
        id: 'c1',
        contact: { name: 'Marco', title: 'CFO' },
        authority: { role: 'decision_maker' },
        events: [{ type: 'demo_completed', at: '2026-06-20' }],
      },
      { id: 'c2', authority: { role: 'champion' }, events: [{ type: 'webinar_attended', at: '2026-06-10' }] },
      { id: 'c3', events: [] },
    ],
  };
  const r = classifyAccount(account, accountPresets.b2b, { asOf: '2026-06-30', leadConfig: presets.saas });
  console.log(JSON.stringify(r, null, 1));
});
