import { Location, cellLocation, rowLocation, sheetLocation } from './location';
import type { Wall } from './time';

/**
 * A cell as a host hands it over, before any interpretation. Hosts (ExcelJS,
 * Office.js, JSON) convert their own cell types to this; the core never sees
 * a host object.
 */
export type RawValue =
  string | number | boolean | null | { kind: 'date'; wall: Wall } | { kind: 'error'; text: string };

export interface RawCell {
  value: RawValue;
  /** The cell's number format shows a percentage (a typed `40%` is stored as 0.4). */
  percent?: boolean;
}

/** A sheet's used range as a grid of cells, with the place in the input each of its cells is. */
export interface RawSheet {
  name: string;
  /** rows[r][c], 0-based; missing cells are empty. */
  rows: (RawCell | undefined)[][];
  /** Where grid cell (r, c) is: `Tasks!D7` for workbook sheets, `tasks[5].Duration` for JSON plans. */
  locate(r: number, c: number): Location;
  /** Where a grid row is as a whole (`Tasks!7:7`, `tasks[5]`). */
  locateRow(r: number): Location;
  /** Where the sheet is as a whole (`Tasks`, `tasks`). */
  locateSheet(): Location;
  /** Grid rows that are an Excel table's totals row: figures about the rows above, not rows of the table. */
  totalsRows?: readonly number[];
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** What the plan was read from, for messages. */
  source: 'xlsx' | 'json' | 'excel';
}

export function isEmptyValue(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A grid sheet addressed the way Excel names cells, starting at row `firstRow` (1-based) and column `firstCol` (0-based). */
export function gridSheet(name: string, rows: (RawCell | undefined)[][], firstRow = 1, firstCol = 0): RawSheet {
  return {
    name,
    rows,
    locate: (r, c) => cellLocation(name, firstRow - 1 + r, firstCol + c),
    locateRow: (r) => rowLocation(name, firstRow - 1 + r),
    locateSheet: () => sheetLocation(name),
  };
}

/** Text of a raw value for messages: what the user typed, as far as it can be told. */
export function rawText(v: RawValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.kind === 'error' ? v.text : 'a date';
  return String(v);
}
