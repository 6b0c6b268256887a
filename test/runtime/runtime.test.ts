import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, compile, parseConfig, presets, safeParseConfig, sealConfig } from '../../src/index';
import { classify as classifySealed, compileSealed } from '../../src/runtime';

const AS_OF = '2026-06-30T12:00:00Z';
const lead = {
  id: 'L-1',
  budget: { status: 'approved' },
  authority: { role: 'decision_maker' },
  need: { painPoints: ['churn'] },
  timeline: { purchaseBy: '2026-09-01' },
  events: [
    { type: 'demo_completed', at: '2026-06-20' },
    { type: 'pricing_discussed', at: '2026-06-25' },
    { type: 'webinar_attended', at: '2026-05-01' },
  ],
};

function issuesOf(run: () => unknown): Array<{ code: string; message: string }> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map(({ code, message }) => ({ code, message }));
  }
  throw new Error('expected a ConfigError');
}

describe('sealConfig and leadstage/runtime', () => {
  it.each(Object.keys(presets))('classifies with sealed %s exactly as compile does', (id) => {
    const preset = presets[id as keyof typeof presets];
    const sealed = sealConfig(preset);
    expect(sealed.$seal).toMatch(/^leadstage\/1:[0-9a-f]{28}$/);
    const full = compile(preset);
    const runtime = compileSealed(JSON.parse(JSON.stringify(sealed)));
    expect(runtime.hash).toBe(full.hash);
    for (const each of [lead, {}, { events: [{ type: 'newsletter_signup', at: '2026-06-01' }] }]) {
      expect(runtime.classify(each, { asOf: AS_OF, locale: 'it' })).toEqual(
        full.classify(each, { asOf: AS_OF, locale: 'it' }),
      );
    }
  });

  it('gives the same result as compile on any lead', () => {
    const full = compile(presets.consulting);
    const runtime = compileSealed(sealConfig(presets.consulting));
    fc.assert(
      fc.property(fc.anything(), fc.integer({ min: 0, max: 4e12 }), (anyLead, at) => {
        expect(runtime.classify(anyLead, { asOf: at })).toEqual(full.classify(anyLead, { asOf: at }));
      }),
      { numRuns: 200 },
    );
  });

  it('verifies the seal whatever the key order (the hash is canonical)', () => {
    const sealed = sealConfig(presets.saas);
    const reordered = Object.fromEntries(Object.entries(sealed).reverse());
    expect(compileSealed(reordered).hash).toBe(compile(presets.saas).hash);
  });

  it('refuses a config changed after sealing, without giving away the right seal', () => {
    const sealed = sealConfig(presets.saas);
    const edited = { ...sealed, stages: sealed.stages.map((stage) => ({ ...stage, actions: [] })) };
    const issues = issuesOf(() => compileSealed(edited));
    expect(issues).toEqual([
      {
        code: 'stale_seal',
        message:
          '$seal: the config changed after it was sealed; expected the seal sealConfig writes for this exact content (seal it again with sealConfig, which checks it first; or delete "$seal" if the config is not for leadstage/runtime)',
      },
    ]);
    expect(issues[0]?.message).not.toContain(sealConfig(edited).$seal.slice(12));
    expect(issuesOf(() => compileSealed({ ...sealed, $seal: 'trust me' }))[0]?.message).toContain(
      'not a seal made by sealConfig',
    );
  });

  it('refuses an unsealed config or a non-config, saying how to seal it', () => {
    expect(issuesOf(() => compileSealed(presets.saas))).toEqual([
      {
        code: 'unsealed_config',
        message:
          "$seal: missing; expected a config sealed by sealConfig (seal it at build time with sealConfig from 'leadstage', or use compile from 'leadstage', which checks it at run time)",
      },
    ]);
    expect(issuesOf(() => classifySealed(lead, 'saas', { asOf: AS_OF }))[0]?.message).toBe(
      "(root): not a config; expected a config sealed by sealConfig, received the string \"saas\" (seal it at build time with sealConfig from 'leadstage', or use compile from 'leadstage', which checks it at run time)",
    );
  });

  it('seals only valid configs, reporting every issue', () => {
    const codes = issuesOf(() =>
      sealConfig({
        version: 1,
        id: 'x',
        criteria: {},
        stages: [{ id: 'SQO', when: { criterion: 'budget' } }],
      }),
    ).map((issue) => issue.code);
    expect(codes).toEqual(['unknown_criterion', 'missing_fallback']);
  });

  it('re-seals an edited sealed config, and parseConfig accepts sealed configs but not stale ones', () => {
    const sealed = sealConfig(presets.saas);
    expect(parseConfig(sealed).$seal).toBe(sealed.$seal);
    const edited = { ...sealed, label: 'SaaS, edited' };
    expect(safeParseConfig(edited).issues.map((issue) => issue.code)).toEqual(['stale_seal']);
    const resealed = sealConfig(edited);
    expect(resealed.$seal).not.toBe(sealed.$seal);
    expect(compileSealed(resealed).config.label).toBe('SaaS, edited');
  });

  it('caches by identity in classify and takes a compiled classifier', () => {
    const sealed = sealConfig(presets.agency);
    const first = classifySealed(lead, sealed, { asOf: AS_OF });
    expect(classifySealed(lead, sealed, { asOf: AS_OF })).toEqual(first);
    expect(classifySealed(lead, compileSealed(sealed), { asOf: AS_OF })).toEqual(first);
  });

  it('recognises a ConfigError from any copy of the library (ESM, CJS, runtime)', () => {
    const foreign = Object.assign(new Error('Invalid config'), {
      [Symbol.for('leadstage.ConfigError')]: true,
    });
    expect(foreign instanceof ConfigError).toBe(true);
    expect(new Error('x') instanceof ConfigError).toBe(false);
    expect(new ConfigError([]) instanceof Error).toBe(true);
  });
});
