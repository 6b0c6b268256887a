/** `value` held within `[min, max]`; a missing bound does not hold. */
export function clamp(value: number, min: number | undefined, max: number | undefined): number {
  if (max !== undefined && value > max) return max;
  if (min !== undefined && value < min) return min;
  return value;
}
