import { describe, expect, it } from 'vitest';
import { configJsonSchema, defaultOperators } from '../../src/index';

function refs(node: unknown, found: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found.push(value);
    else refs(value, found);
  }
  return found;
}

describe('configJsonSchema', () => {
  const schema = configJsonSchema() as Record<string, any>;

  it('is draft 2020-12 JSON with the unpkg $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://unpkg.com/leadstage@0/schema.json');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('resolves every $ref to a definition', () => {
    const targets = [...new Set(refs(schema))];
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) {
      const name = target.replace('#/$defs/', '');
      expect(schema.$defs[name], target).toBeDefined();
    }
  });

  it('describes conditions, with every fact operator', () => {
    expect(schema.properties.criteria.additionalProperties.properties.when).toEqual({
      $ref: '#/$defs/condition',
    });
    const fact = schema.$defs.condition.anyOf.find((kind: any) => kind.required[0] === 'fact');
    expect(Object.keys(fact.properties).sort()).toEqual(['fact', ...Object.keys(defaultOperators)].sort());
    expect(schema.properties.scoring.properties.rules.items.properties.halfLife).toEqual({
      $ref: '#/$defs/duration',
    });
  });
});

describe('the $schema URL', () => {
  it('pins the package major version', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { PACKAGE_MAJOR } = await import('../../src/internal/version');
    const { version } = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
    );
    expect(PACKAGE_MAJOR).toBe(Number(String(version).split('.')[0]));
    expect(configJsonSchema().$id).toBe(`https://unpkg.com/leadstage@${PACKAGE_MAJOR}/schema.json`);
  });
});
