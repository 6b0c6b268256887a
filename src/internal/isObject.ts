/** An object that is not an array: the shape every JSON object slot of a config must have. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
