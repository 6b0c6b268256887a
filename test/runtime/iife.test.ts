// dist/runtime.global.js runs where a warehouse runs JavaScript UDFs: a bare context with no require,
// no process, no timers, no module system. Built here in memory with the options of the build script.
import vm from 'node:vm';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs build script, without types
import { iifeOptions } from '../../scripts/build-iife.mjs';
import { classify, presets, sealConfig } from '../../src/index';

const script = buildSync({ ...iifeOptions, write: false }).outputFiles?.[0]?.text as string;
const sealedSaas = JSON.stringify(sealConfig(presets.saas));

describe('runtime.global.js (the IIFE for warehouse UDFs)', () => {
  it('defines leadstage in a bare vm context and classifies like leadstage', () => {
    const context = vm.createContext({});
    vm.runInContext(script, context);
    expect(
      vm.runInContext('[typeof require, typeof process, typeof setTimeout, typeof module]', context),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    const lead = {
      id: 'L1',
      budget: { status: 'approved' },
      authority: { role: 'decision_maker' },
      need: { painPoints: ['churn'] },
      timeline: { purchaseBy: '2026-09-01' },
      events: [{ type: 'demo_completed', at: '2026-06-20' }],
    };
    // as a UDF does it: JSON text in, JSON text out
    context.config = sealedSaas;
    context.lead = JSON.stringify(lead);
    const udf = `JSON.stringify(leadstage.classify(JSON.parse(lead), JSON.parse(config), { asOf: '2026-06-30' }))`;
    expect(JSON.parse(vm.runInContext(udf, context))).toEqual(
      classify(lead, presets.saas, { asOf: '2026-06-30' }),
    );
    const stage = `leadstage.compileSealed(JSON.parse(config)).stage(JSON.parse(lead), { asOf: '2026-06-30' })`;
    expect(vm.runInContext(stage, context)).toBe('SQO');
  });

  it('refuses an unsealed config there too', () => {
    const context = vm.createContext({});
    vm.runInContext(script, context);
    expect(() =>
      vm.runInContext(
        `leadstage.compileSealed({ version: 1, id: 'x', criteria: {}, stages: [{ id: 'a' }] })`,
        context,
      ),
    ).toThrow(/seal/);
  });
});
