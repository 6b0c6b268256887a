// Account configs across the library's surfaces: the JSON Schema, the lint, seals and the runtime, codegen.
import { describe, expect, it } from 'vitest';
import { configHash, sealFor } from '../../src/config/seal';
import {
  accountPresets,
  ConfigError,
  compile,
  configJsonSchema,
  generateModule,
  lintConfig,
  safeParseConfig,
  sealConfig,
} from '../../src/index';
import { compileSealed } from '../../src/runtime';

describe('account configs', () => {
  it('the account preset is valid, lint-clean, and names its level', () => {
    const result = safeParseConfig(accountPresets.b2b);
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(accountPresets.b2b.level).toBe('account');
  });

  it('the JSON Schema describes members and roles, and the level', () => {
    const schema = configJsonSchema() as Record<string, any>;
    const kinds = schema.$defs.condition.anyOf.map((kind: { required: string[] }) => kind.required[0]);
    expect(kinds).toContain('members');
    expect(kinds).toContain('roles');
    const members = schema.$defs.condition.anyOf.find((kind: any) => kind.required[0] === 'members');
    expect(Object.keys(members.properties.members.properties)).toEqual([
      'where',
      'stage',
      'count',
      'score',
      'sum',
      'max',
      'avg',
    ]);
    expect(schema.properties.level.enum).toEqual(['lead', 'account']);
  });

  it('the lint warns about roles authority.role never holds, with the closest one', () => {
    const { warnings } = lintConfig({
      version: 1,
      id: 'x',
      level: 'account',
      criteria: { group: { when: { roles: { require: ['decision_maer', 'cfo'] } } } },
      stages: [{ id: 'a', when: { criterion: 'group' } }, { id: 'b' }],
    });
    const roles = warnings.filter((warning) => warning.code === 'unknown_role');
    expect(roles.map((warning) => [warning.path.join('.'), warning.fix])).toEqual([
      ['criteria.group.when.roles.require.0', 'did you mean "decision_maker"?'],
      ['criteria.group.when.roles.require.1', 'name the fact that holds your roles in "fact"'],
    ]);
    // a role read from a fact of your own is yours to name
    expect(
      lintConfig({
        version: 1,
        id: 'x',
        level: 'account',
        criteria: { group: { when: { roles: { require: ['cfo'], fact: 'custom.buyingRole' } } } },
        stages: [{ id: 'a', when: { criterion: 'group' } }, { id: 'b' }],
      }).warnings.filter((warning) => warning.code === 'unknown_role'),
    ).toEqual([]);
  });

  it('the runtime refuses account configs and account conditions in a forged lead config', () => {
    const sealed = sealConfig(accountPresets.b2b);
    expect(() => compileSealed(sealed)).toThrow(ConfigError);
    expect(() => compileSealed(sealed)).toThrow(/level: account; expected lead/);
    // a forged lead config with a members test (a seal is a public hash): compiled, the test is unknown
    const forged = {
      version: 1,
      id: 'forged',
      criteria: {},
      stages: [{ id: 'a', when: { members: { count: { gte: 1 } } } }, { id: 'b' }],
    };
    const runtime = compileSealed({ ...forged, $seal: sealFor(configHash(forged)) } as never);
    expect(runtime.classify({}, { asOf: '2026-06-30' }).stages[0]).toEqual({ id: 'a', status: 'unknown' });
  });

  it('compile and generateModule keep to lead configs: an account config compiles only to be linted', () => {
    // compile accepts it (it is a valid config) but a lead has no members: its member tests are unknown
    const classifier = compile(accountPresets.b2b);
    expect(classifier.classify({}, { asOf: '2026-06-30' }).criteria.engaged?.status).toBe('unknown');
    expect(compile(accountPresets.b2b, { codegen: true }).mode).toBe('closures');
    expect(() => generateModule(accountPresets.b2b)).toThrow(/classifyAccount/);
  });
});
