// Reading lead values: CRM exports give numbers and booleans as strings.

/** A finite number, a numeric string (`"12000"`), or `NaN`. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return Number.NaN;
    const number = Number(text);
    return Number.isFinite(number) ? number : Number.NaN;
  }
  return Number.NaN;
}

/** A boolean, `"true"`/`"false"` in any case, or `undefined`. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return undefined;
}

/** Absent for every operator but `exists`: `undefined`, `null` and the empty string. */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
