import { normalizeHeader } from '../helpers';
import type { Location } from '../location';
import type { Issue } from '../model';
import { RawCell, RawSheet, isEmptyValue, rawText } from '../raw';

export interface ColumnSpec<F extends string> {
  field: F;
  /** How users write this header, already normalized. The first is the canonical name's form. */
  names: string[];
  /** The header as the docs write it, for messages. */
  label: string;
  required?: boolean;
}

export interface TableRow<F extends string> {
  /** Row index in the sheet grid (0-based). */
  readonly r: number;
  cell(field: F): RawCell | undefined;
  /** Where a field's cell in this row is, even when the column is missing (then the row). */
  at(field: F): Location;
  has(field: F): boolean;
  /** The cell when it holds something (what {@link has} tells), else undefined: one look-up where has-then-cell took three. */
  filled(field: F): RawCell | undefined;
  /** The cell's trimmed text, as {@link cellText}: '' when the cell is empty or the column is missing. */
  text(field: F): string;
}

/** One data row; methods on the prototype, so a 100,000-row sheet makes no closures. */
class Row<F extends string> implements TableRow<F> {
  constructor(
    readonly r: number,
    private readonly line: (RawCell | undefined)[],
    private readonly sheet: RawSheet,
    private readonly columns: Partial<Record<F, number>>,
  ) {}

  cell(field: F): RawCell | undefined {
    const c = this.columns[field];
    return c === undefined ? undefined : this.line[c];
  }

  at(field: F): Location {
    const c = this.columns[field];
    return c === undefined ? this.sheet.locateRow(this.r) : this.sheet.locate(this.r, c);
  }

  has(field: F): boolean {
    return this.filled(field) !== undefined;
  }

  filled(field: F): RawCell | undefined {
    const c = this.columns[field];
    if (c === undefined) return undefined;
    const cell = this.line[c];
    return cell === undefined || isEmptyValue(cell.value) ? undefined : cell;
  }

  text(field: F): string {
    const c = this.columns[field];
    return c === undefined ? '' : cellText(this.line[c]);
  }
}

export interface Table<F extends string> {
  sheet: RawSheet;
  columns: Partial<Record<F, number>>;
  rows: TableRow<F>[];
}

const HEADER_SCAN_ROWS = 30;

/**
 * Finds the header row (the first row that names every required column, or
 * failing that the row naming the most known columns, within the first rows:
 * a title above the table or a table that starts at B3 is fine), maps columns
 * to fields, and returns the data rows that have anything in a known column.
 */
export function readTable<F extends string>(sheet: RawSheet, specs: ColumnSpec<F>[], issues: Issue[]): Table<F> | null {
  // An entirely empty sheet holds no rows: callers decide whether that is a problem (Tasks) or not (Holidays).
  if (sheet.rows.every((row) => !row || row.every((cell) => isEmptyValue(cell?.value)))) {
    return { sheet, columns: {}, rows: [] };
  }
  const byName = new Map<string, ColumnSpec<F>>();
  for (const s of specs) for (const n of s.names) byName.set(n, s);

  let best = -1;
  let bestCount = 0;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, sheet.rows.length); r++) {
    const found = new Set<F>();
    for (const cell of sheet.rows[r] ?? []) {
      if (cell && typeof cell.value === 'string') {
        const spec = byName.get(normalizeHeader(cell.value));
        if (spec) found.add(spec.field);
      }
    }
    const hasRequired = specs.every((s) => !s.required || found.has(s.field));
    if (hasRequired && found.size > 0) {
      best = r;
      break;
    }
    if (found.size > bestCount) {
      best = r;
      bestCount = found.size;
    }
  }
  if (best < 0) {
    const labels = specs.filter((s) => s.required).map((s) => s.label);
    issues.push({
      severity: 'error',
      message: `The ${sheet.name} sheet has no header row: its first row should name the columns ${labels.join(', ')}.`,
      at: sheet.locateSheet(),
    });
    return null;
  }

  const columns: Partial<Record<F, number>> = {};
  const header = sheet.rows[best] ?? [];
  header.forEach((cell, c) => {
    if (!cell || typeof cell.value !== 'string') return;
    const spec = byName.get(normalizeHeader(cell.value));
    if (!spec) return;
    if (columns[spec.field] !== undefined) {
      issues.push({
        severity: 'warning',
        message: `The ${sheet.name} sheet has a second "${cell.value.trim()}" column; only the first one is read.`,
        at: sheet.locate(best, c),
      });
      return;
    }
    columns[spec.field] = c;
  });
  let missing = false;
  for (const s of specs) {
    if (s.required && columns[s.field] === undefined) {
      missing = true;
      issues.push({
        severity: 'error',
        message: `The ${sheet.name} sheet has no "${s.label}" column; add it to the header row.`,
        at: sheet.locateRow(best),
      });
    }
  }
  if (missing) return null;

  const known = Object.values(columns) as number[];
  const rows: TableRow<F>[] = [];
  const totals = sheet.totalsRows ?? [];
  for (let r = best + 1; r < sheet.rows.length; r++) {
    const line = sheet.rows[r];
    if (!line || known.every((c) => isEmptyValue(line[c]?.value))) continue;
    if (totals.length > 0 && totals.includes(r)) continue;
    rows.push(new Row(r, line, sheet, columns));
  }
  return { sheet, columns, rows };
}

/** The trimmed text of a cell, numbers as they print (`12`, `2100`); '' for an empty cell. */
export function cellText(cell: RawCell | undefined): string {
  if (!cell || isEmptyValue(cell.value)) return '';
  return rawText(cell.value).trim();
}
