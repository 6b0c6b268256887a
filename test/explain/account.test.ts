// explain of an account result: a sales note, in English and Italian.
import { describe, expect, it } from 'vitest';
import { accountPresets, classifyAccount, explain, presets } from '../../src/index';

const asOf = '2026-06-30';
const nuvola = {
  id: 'Nuvola SpA',
  members: [
    {
      id: 'c1',
      contact: { name: 'Giulia Neri', title: 'CFO' },
      authority: { role: 'decision_maker' },
      budget: { status: 'approved' },
      events: [{ type: 'demo_completed', at: '2026-06-20' }],
    },
    {
      id: 'c2',
      contact: { name: 'Luca Bruni', title: 'VP Sales' },
      authority: { role: 'champion' },
      events: [{ type: 'webinar_attended', at: '2026-06-10' }],
    },
    { id: 'c3', events: [] },
  ],
};

describe('explain of an account', () => {
  it('names who holds each role and who passed each member test, then what blocks the next stage', () => {
    const result = classifyAccount(nuvola, accountPresets.b2b, { asOf, leadConfig: presets.saas });
    expect(explain(result).split('\n')).toEqual([
      'Nuvola SpA: SAL, grade B2 — Buying group: decision maker and champion (decision maker Giulia Neri (CFO), champion Luca Bruni (VP Sales)); Two members engaged in 90 days (by Giulia Neri (CFO), Luca Bruni (VP Sales)); Budget known for the account (by Giulia Neri (CFO)); A member engaged in 90 days (by Giulia Neri (CFO), Luca Bruni (VP Sales)).',
      'To reach SQO: A member is an SQO.',
      'Members: 3 (2 SAL, 1 unqualified).',
    ]);
  });

  it('writes Italian for a result classified in Italian', () => {
    const result = classifyAccount(nuvola, accountPresets.b2b, {
      asOf,
      leadConfig: presets.saas,
      locale: 'it',
    });
    expect(explain(result).split('\n')[0]).toBe(
      'Nuvola SpA: SAL, classe B2 — Gruppo d’acquisto: decisore e champion (decision maker Giulia Neri (CFO), champion Luca Bruni (VP Sales)); Due membri attivi in 90 giorni (da Giulia Neri (CFO), Luca Bruni (VP Sales)); Budget noto per l’account (da Giulia Neri (CFO)); Un membro attivo in 90 giorni (da Giulia Neri (CFO), Luca Bruni (VP Sales)).',
    );
    expect(explain(result).split('\n')[2]).toBe('Membri: 3 (2 SAL, 1 unqualified).');
  });

  it('says which roles are missing and which are still to find', () => {
    const missing = classifyAccount(
      { id: 'Bianchi', members: [{ authority: { role: 'champion' }, events: [] }] },
      accountPresets.b2b,
      { asOf, leadConfig: presets.saas },
    );
    expect(explain(missing).split('\n')[0]).toBe(
      'Bianchi: unqualified, grade D4 — nothing met yet; missing: a decision maker.',
    );
    const unknown = classifyAccount({ id: 'Rossi', members: [{ events: [] }] }, accountPresets.b2b, {
      asOf,
      leadConfig: presets.saas,
    });
    expect(explain(unknown, { locale: 'it' }).split('\n')[0]).toBe(
      'Rossi: unqualified, classe D4 — ancora nulla di soddisfatto; da trovare: il decision maker, il champion.',
    );
  });
});
