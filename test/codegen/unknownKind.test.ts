// A condition kind newer than the generator (the DSL grows, as account-level `members` and `roles` did) must never
// become code that classifies differently: generateModule refuses it with a clear error, and the JIT keeps
// the closures. The kind is simulated by teaching `kindOf` one more key, as a new DSL version would.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/dsl/budget';
import type { Config } from '../../src/schema/config';

vi.mock('../../src/dsl/walk', async (importOriginal) => {
  const walk = await importOriginal<typeof import('../../src/dsl/walk')>();
  const isNew = (condition: object) => Object.hasOwn(condition, 'cohort');
  const childrenOf = (condition: object) => (isNew(condition) ? [] : walk.childrenOf(condition as never));
  return {
    ...walk,
    kindOf: (condition: object) => (isNew(condition) ? 'cohort' : walk.kindOf(condition as never)),
    childrenOf,
    forEachCondition: (condition: object, visit: (node: object) => void) => {
      const stack = [condition];
      while (stack.length > 0) {
        const node = stack.pop() as object;
        visit(node);
        stack.push(...[...childrenOf(node)].reverse());
      }
    },
  };
});

const { generateLevelsFunction } = await import('../../src/codegen/generateModule');
const { UnsupportedError } = await import('../../src/codegen/generateStage');
const { jitStage } = await import('../../src/codegen/jitStage');

const config = {
  version: 1,
  id: 'accounts',
  criteria: { team: { when: { cohort: { gte: 3 } } } },
  stages: [{ id: 'SQO', when: { criterion: 'team' } }, { id: 'unqualified' }],
} as unknown as Config;

describe('a condition kind the generator does not know', () => {
  it('is refused by the generator, naming the kind and the fix', () => {
    expect(() => generateLevelsFunction(config, DEFAULT_BUDGET, 'hash')).toThrow(UnsupportedError);
    expect(() => generateLevelsFunction(config, DEFAULT_BUDGET, 'hash')).toThrow(
      /does not know the condition kind "cohort"; compile the config with compile\(\)/,
    );
  });

  it('leaves the JIT to the closures', () => {
    expect(jitStage(config, DEFAULT_BUDGET, 'hash')).toBeUndefined();
  });
});
