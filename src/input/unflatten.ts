const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A flat row with dotted column names (`company.employees`) as a nested lead, as the CLI reads CSV
 * without a map; keys without a dot, or with an unsafe or empty segment, stay flat. Blank cells are left out.
 */
export function unflatten(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (value === '') continue;
    const parts = key.split('.');
    if (parts.length === 1 || parts.some((part) => part === '' || UNSAFE.has(part))) {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    let node = out;
    for (let index = 0; index < parts.length - 1; index++) {
      const part = parts[index] as string;
      const next = Object.hasOwn(node, part) ? node[part] : undefined;
      if (next === null || typeof next !== 'object') node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1] as string] = value;
  }
  return out;
}
