/**
 * What Excel hands a custom function, turned into what the engine reads. Excel passes a number
 * (dates are serial numbers), text, a boolean, an empty cell (`""` in a range, `null` for an
 * omitted argument) or, for a cell showing an error, an error object. Every value is read with
 * the workbook reader's own parsers, so a cell means the same in a formula as on a sheet.
 */
import { parseDateCell, parseNumberCell, atDefaultTime } from '../core/parsers/values';
import type { RawCell, RawValue } from '../core/raw';
import type { Wall } from '../core/time';
import { fail } from './errors';

/** An empty cell or an omitted argument. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Empty, or a 0 that may be an empty cell: Excel versions before a 2024 fix pass an empty cell as
 * 0 (newer ones pass null, Excel on the web too). Used where a 0 can mean nothing else: a row of
 * only zeros holds no task, a 0 is no date and no working-days text.
 */
export function isEmptyOrZero(v: unknown): boolean {
  return v === 0 || isBlank(v);
}

/** One argument value as a raw cell value. */
export function rawValue(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  const code = typeof v === 'object' ? (v as { code?: unknown }).code : undefined;
  return { kind: 'error', text: typeof code === 'string' ? code : '#VALUE!' };
}

/** A range argument: always a 2-D array (Excel passes a single value as a 1 x 1 range; null when omitted). */
export function asRange(v: unknown): unknown[][] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) return [[v]];
  return v.map((row) => (Array.isArray(row) ? row : [row]));
}

/** Whether a range holds nothing (omitted, or every cell empty or 0). */
export function isBlankRange(range: unknown[][]): boolean {
  return range.every((row) => row.every(isEmptyOrZero));
}

/**
 * A range as raw rows, without its trailing empty rows (a whole-column reference like `A:F`
 * passes a million rows, nearly all empty). Empty cells are left out; a row of nothing but
 * zeros and empty cells is an empty row (see {@link isEmptyOrZero}).
 */
export function rawRows(range: unknown[][]): (RawCell | undefined)[][] {
  let end = range.length;
  while (end > 0 && range[end - 1].every(isEmptyOrZero)) end--;
  const rows: (RawCell | undefined)[][] = new Array(end);
  for (let r = 0; r < end; r++) {
    const line = range[r];
    if (line.every(isEmptyOrZero)) {
      rows[r] = [];
      continue;
    }
    const row: (RawCell | undefined)[] = new Array(line.length);
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      row[c] = isBlank(v) ? undefined : { value: rawValue(v) };
    }
    rows[r] = row;
  }
  return rows;
}

/** The text of an argument, trimmed; numbers as they print. */
export function textArg(v: unknown): string {
  return isBlank(v) ? '' : typeof v === 'object' ? '' : String(v).trim();
}

/** The text of an option (working days, a sign, a method), where 0 is an empty cell: '' takes the default. */
export function optionArg(v: unknown): string {
  return v === 0 ? '' : textArg(v);
}

/**
 * A date argument, as the workbook reads a date cell: an Excel date, a serial number or text like
 * `2027-03-01 08:00`; a date without a time of day takes `defaultMinute` (the day's first working
 * minute for starts, its last for finishes).
 */
export function dateArg(v: unknown, label: string, defaultMinute: number): Wall {
  if (isBlank(v))
    fail('invalidValue', `${label} is empty: give a date (an Excel date, or text like 2027-03-01 08:00).`);
  const d = parseDateCell(rawValue(v));
  if (!d.ok) fail('invalidValue', `${label}: ${d.message}.`);
  return atDefaultTime(d.value, defaultMinute);
}

/** A number argument (money may be text like `$12,500.50`, as on the Budget sheet); empty is `whenEmpty`. */
export function numberArg(v: unknown, label: string, whenEmpty: number): number;
export function numberArg(v: unknown, label: string, whenEmpty: null): number | null;
export function numberArg(v: unknown, label: string, whenEmpty: number | null): number | null {
  if (isBlank(v)) return whenEmpty;
  const p = parseNumberCell(rawValue(v), 'an amount');
  if (!p.ok) fail('invalidValue', `${label}: ${p.message}.`);
  return p.value;
}
