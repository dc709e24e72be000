import type { Wall } from './time';

/**
 * A cell as a host hands it over, before any interpretation. Hosts (ExcelJS,
 * Office.js, JSON) convert their own cell types to this; the core never sees
 * a host object.
 */
export type RawValue =
  | string
  | number
  | boolean
  | null
  | { kind: 'date'; wall: Wall }
  | { kind: 'error'; text: string };

export interface RawCell {
  value: RawValue;
  /** The cell's number format shows a percentage (a typed `40%` is stored as 0.4). */
  percent?: boolean;
}

/** A sheet's used range as a grid of cells, with the way its cells are named in messages. */
export interface RawSheet {
  name: string;
  /** rows[r][c], 0-based; missing cells are empty. */
  rows: (RawCell | undefined)[][];
  /** `Tasks!D7` for workbook sheets, `tasks[5].Duration` for JSON plans. */
  address(r: number, c: number): string;
  /** A reference to a whole row (`Tasks!7:7`, `tasks[5]`). */
  rowAddress(r: number): string;
  /** A reference to the whole sheet (`Tasks`, `tasks`). */
  sheetAddress(): string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** What the plan was read from, for messages. */
  source: 'xlsx' | 'json' | 'excel';
}

export function isEmptyValue(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Column letters for a 0-based column index: 0 -> A, 26 -> AA. */
export function columnLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of column letters: A -> 0, AA -> 26 (the inverse of {@link columnLetters}). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let k = 0; k < letters.length; k++) n = n * 26 + (letters.charCodeAt(k) - 64);
  return n - 1;
}

/**
 * The top-left cell of a cell or range reference on a sheet (`Tasks!D7`, `'Cost Report'!$A$3`,
 * `Tasks!B3:H40`) as column letters and 1-based row; null for a row or sheet reference.
 */
export function cellOfReference(where: string): { col: string; row: number } | null {
  const m = /!\$?([A-Z]{1,3})\$?(\d+)(?::\$?[A-Z]{1,3}\$?\d+)?$/.exec(where);
  return m ? { col: m[1], row: Number(m[2]) } : null;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A grid sheet addressed the way Excel names cells, starting at row `firstRow` (1-based) and column `firstCol` (0-based). */
export function gridSheet(name: string, rows: (RawCell | undefined)[][], firstRow = 1, firstCol = 0): RawSheet {
  const q = quoteSheet(name);
  return {
    name,
    rows,
    address: (r, c) => `${q}!${columnLetters(firstCol + c)}${firstRow + r}`,
    rowAddress: (r) => `${q}!${firstRow + r}:${firstRow + r}`,
    sheetAddress: () => q,
  };
}

/** Text of a raw value for messages: what the user typed, as far as it can be told. */
export function rawText(v: RawValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.kind === 'error' ? v.text : 'a date';
  return String(v);
}
