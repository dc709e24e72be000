/** General helpers shared by the reader, the scheduler and the reports. */

/** Shortens user text quoted in a message. */
export function clip(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}

/** `x` rounded to `digits` decimals, for output. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Header text as matched: case, spaces, dots, `%`, `_` and `-` do not count. */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[\s.%_-]/g, '');
}
