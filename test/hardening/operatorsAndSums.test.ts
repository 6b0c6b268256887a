// Issue 19 (caps): a custom operator that throws is unknown once, never retried per nesting level; a sealed
// config whose points sum past the largest number is refused, as the validator refuses it.
import { describe, expect, it } from 'vitest';
import { configHash, sealFor } from '../../src/config/seal';
import {
  type Classifier,
  ConfigError,
  compile,
  defaultOperators,
  type OperatorDefinition,
} from '../../src/index';
import { compileSealed } from '../../src/runtime/index';

const AS_OF = '2026-06-30T00:00:00Z';

describe('custom operators that throw', () => {
  it('read unknown, flagged, with one call per nesting level (was 2^(depth+1) calls and a throw)', () => {
    const depth = 12;
    let calls = 0;
    let level = 0;
    let classifier: Classifier | undefined;
    const deep: OperatorDefinition = {
      ...defaultOperators.exists,
      compile: () => () => {
        calls++;
        if (level >= depth) throw new Error('boom');
        level++;
        try {
          // a test that classifies another lead with the same classifier before answering
          return classifier!.classify({ x: 1 }, { asOf: AS_OF }).criteria.a!.status;
        } finally {
          level--;
        }
      },
    };
    classifier = compile(
      {
        version: 1,
        id: 'deep',
        criteria: { a: { when: { fact: 'x', deep: true } } },
        stages: [{ id: 'top', when: { criterion: 'a' } }, { id: 'rest' }],
      },
      { operators: { ...defaultOperators, deep } },
    );
    const result = classifier.classify({ x: 1 }, { asOf: AS_OF });
    expect(calls).toBe(depth + 1);
    expect(result.criteria.a!.status).toBe('unknown');
    expect(result.stage).toBe('rest');
    expect(classifier.stage({ x: 1 }, { asOf: AS_OF })).toBe('rest');
  });

  it('flags the operator by name in the result', () => {
    const boom: OperatorDefinition = {
      ...defaultOperators.exists,
      compile: () => () => {
        throw new Error('boom');
      },
    };
    const classifier = compile(
      {
        version: 1,
        id: 'boom',
        criteria: { a: { when: { fact: 'x', boom: true } } },
        stages: [{ id: 'top', when: { criterion: 'a' } }, { id: 'rest' }],
      },
      { operators: { ...defaultOperators, boom } },
    );
    const result = classifier.classify({ x: 1 }, { asOf: AS_OF });
    expect(result.flags).toContain('operator_failed:boom');
    expect(result.criteria.a!.status).toBe('unknown');
  });
});

describe('sealed configs whose points sum to no number', () => {
  const forge = (config: Record<string, unknown>) => ({ ...config, $seal: sealFor(configHash(config)) });
  const base = {
    version: 1,
    id: 'sums',
    criteria: { a: { when: { fact: 'x', eq: 1 } } },
    stages: [{ id: 'top', when: { criterion: 'a' } }, { id: 'rest' }],
  };
  const refused = (config: Record<string, unknown>) => {
    try {
      compileSealed(forge(config));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).issues[0]?.path;
    }
    return undefined;
  };

  it('refuses two rules of 1e308 (their sum is Infinity)', () => {
    const rules = [
      { id: 'a', points: 1e308, when: { fact: 'x', eq: 1 } },
      { id: 'b', points: 1e308, when: { fact: 'x', eq: 1 } },
    ];
    expect(refused({ ...base, scoring: { rules } })).toEqual(['scoring', 'rules', 1, 'points']);
  });

  it('refuses points × repeat past the largest number, and accepts large finite sums', () => {
    const rules = [{ id: 'a', points: 1e300, event: 'demo', repeat: { max: 1e10 } }];
    expect(refused({ ...base, scoring: { rules } })).toEqual(['scoring', 'rules', 0, 'points']);
    const fine = [{ id: 'a', points: 1e9, event: 'demo', repeat: { max: 1000 } }];
    expect(refused({ ...base, scoring: { rules: fine } })).toBeUndefined();
  });
});
