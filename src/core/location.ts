/**
 * Where something is in the user's input: a workbook cell, row or sheet, a place in a JSON plan,
 * or the file as a whole. Issues carry a Location; its text (`Tasks!D7`, `'Cost Report'!A3`,
 * `tasks[5].Duration`) is made by {@link formatLocation} alone. This module owns A1 references:
 * quoting a sheet name, column letters, formatting, and parsing the addresses Excel hands back.
 * No code parses an issue's location out of text.
 */

/** A workbook cell; `row` and `column` count from 0 (A1 is row 0, column 0), as Office.js's rowIndex and columnIndex. */
export interface CellLocation {
  readonly kind: 'cell';
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/** A whole workbook row (`Tasks!7:7`): where no single cell fits, such as a column the sheet lacks. */
export interface RowLocation {
  readonly kind: 'row';
  readonly sheet: string;
  readonly row: number;
}

/** A whole sheet (`Tasks`), or a sheet that is missing. */
export interface SheetLocation {
  readonly kind: 'sheet';
  readonly sheet: string;
}

/**
 * A place in a JSON plan: keys and list indices from the document's root (`['tasks', 5, 'Duration']`
 * is `tasks[5].Duration`); the empty path is the document itself.
 */
export interface PathLocation {
  readonly kind: 'path';
  readonly path: readonly (string | number)[];
}

/** A file as a whole (`plan.xlsx`), for problems with the file rather than with a place in it. */
export interface FileLocation {
  readonly kind: 'file';
  readonly name: string;
}

export type Location = CellLocation | RowLocation | SheetLocation | PathLocation | FileLocation;

export function cellLocation(sheet: string, row: number, column: number): CellLocation {
  return { kind: 'cell', sheet, row, column };
}

export function rowLocation(sheet: string, row: number): RowLocation {
  return { kind: 'row', sheet, row };
}

export function sheetLocation(sheet: string): SheetLocation {
  return { kind: 'sheet', sheet };
}

export function pathLocation(...path: (string | number)[]): PathLocation {
  return { kind: 'path', path };
}

export function fileLocation(name: string): FileLocation {
  return { kind: 'file', name };
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
  const upper = letters.toUpperCase();
  let n = 0;
  for (let k = 0; k < upper.length; k++) n = n * 26 + (upper.charCodeAt(k) - 64);
  return n - 1;
}

/**
 * A sheet name as a reference writes it: bare when Excel allows, else in quotes with quotes
 * doubled (`'It''s'`); `always` quotes every name (as the product's markers are written).
 */
export function quoteSheetName(name: string, always = false): string {
  return !always && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A cell's A1 address without its sheet: row 6, column 3 -> `D7`. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

function jsonKey(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** The text of a location, as messages, the CLI, the JSON report and the Plan Issues sheet show it. */
export function formatLocation(at: Location): string {
  switch (at.kind) {
    case 'cell':
      return `${quoteSheetName(at.sheet)}!${a1(at.row, at.column)}`;
    case 'row':
      return `${quoteSheetName(at.sheet)}!${at.row + 1}:${at.row + 1}`;
    case 'sheet':
      return quoteSheetName(at.sheet);
    case 'path': {
      if (at.path.length === 0) return '(document)';
      const [first, ...rest] = at.path;
      return String(first) + rest.map(jsonKey).join('');
    }
    case 'file':
      return at.name;
  }
}

/** The cell a location names, or null for a row, a sheet, a JSON path or a file. */
export function cellOf(at: Location): CellLocation | null {
  return at.kind === 'cell' ? at : null;
}

/** Whether a location is a place in a workbook that a link or a selection can go to (a cell or a row). */
export function isWorkbookPlace(at: Location): at is CellLocation | RowLocation {
  return at.kind === 'cell' || at.kind === 'row';
}

/**
 * The top-left cell of an address as Excel hands it back (`Tasks!B3:H40`, `'Cost Report'!$A$3`,
 * `D7`): the sheet (null when the address has none) and the 0-based row and column. Null for
 * anything else (a whole row or column, a name). For Excel's own addresses, not issue locations.
 */
export function parseA1(address: string): { sheet: string | null; row: number; column: number } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!'\s]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.exec(
    address,
  );
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  return { sheet, row: Number(m[4]) - 1, column: columnIndex(m[3]) };
}

/**
 * The sheet an address as Excel hands it back names (`Tasks!5:5`, `'It''s'!A:A`, `Tasks!B3`), or
 * null when it names none: the sheet part of any reference, whatever follows it.
 */
export function sheetOfAddress(address: string): string | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!'\s]+))!/.exec(address);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}
