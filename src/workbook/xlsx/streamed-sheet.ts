/**
 * A generated sheet written straight from its sheet plan into the package, row by row, instead of
 * through ExcelJS's cell objects: a 100,000-task Gantt is millions of cells, which ExcelJS would
 * hold as objects (and then again as one XML string). ExcelJS still writes the sheet's frame
 * (columns, views, print setup, filter, outline) from an empty placeholder; the rows written here
 * replace its `<sheetData>`.
 *
 * A cell's look is a small number (a "look id") that the host turns into a style: the column's
 * style, then the column's number format (data rows with a value), then each of the plan's style
 * ranges over the cell in turn, exactly the steps the cell-by-cell writer takes.
 */
import { columnLetters } from '../../core/location';
import type { CellStyle, PlanValue, SheetPlan } from '../../core/layout/sheet-plan';
import { excelSerialFromWall } from '../../core/time';
import { escapeText, needsEscape } from './escape-text';

/** How looks are numbered: a column's own look, and the look one step (a style or a number format) on from another. */
export interface LookSteps {
  base(col: number): number;
  step(from: number, step: CellStyle | string): number;
}

/** One row's cells that are written: their columns in ascending order, values and looks. */
interface RowCells {
  cols: number[];
  values: PlanValue[];
  looks: number[];
}

/** The cells a plan covers, as a range (`A1:L101`): its columns, its rows and the styles and heights beyond them. */
export function planDimension(plan: SheetPlan): string {
  return `A1:${columnLetters(Math.max(1, plan.columns.length) - 1)}${Math.max(1, planRowCount(plan))}`;
}

/** The rows (0-based) a plan writes: its values, and the style ranges and heights beyond them. */
function planRowCount(plan: SheetPlan): number {
  let rows = plan.rows.length;
  for (const s of plan.styles) rows = Math.max(rows, s.row + (s.rows ?? 1));
  for (const r of Object.keys(plan.rowHeights ?? {})) rows = Math.max(rows, Number(r) + 1);
  return rows;
}

/** For each row, the indexes of the plan's style ranges over it, in the plan's order. */
function stylesByRow(plan: SheetPlan, rows: number): (number[] | undefined)[] {
  const byRow: (number[] | undefined)[] = new Array<number[] | undefined>(rows);
  plan.styles.forEach((s, k) => {
    for (let r = s.row; r < s.row + (s.rows ?? 1); r++) (byRow[r] ??= []).push(k);
  });
  return byRow;
}

/**
 * The plan's rows, each with its cells and their looks. Looks are numbered through `steps` as they
 * are met, so a first walk registers every look the sheet uses.
 */
export function* planRows(plan: SheetPlan, steps: LookSteps): Generator<[row: number, cells: RowCells]> {
  const rows = planRowCount(plan);
  const byRow = stylesByRow(plan, rows);
  const headerRows = plan.headerRows ?? 1;
  const look = new Map<number, number>();
  const value = new Map<number, PlanValue>();
  for (let r = 0; r < rows; r++) {
    look.clear();
    value.clear();
    const values = plan.rows[r];
    if (values) {
      values.forEach((v, c) => {
        if (v === null) return;
        value.set(c, v);
        const fmt = r >= headerRows ? plan.columns[c]?.numFmt : undefined;
        look.set(c, fmt ? steps.step(steps.base(c), fmt) : steps.base(c));
      });
    }
    for (const k of byRow[r] ?? []) {
      const s = plan.styles[k];
      for (let c = s.col; c < s.col + (s.cols ?? 1); c++)
        look.set(c, steps.step(look.get(c) ?? steps.base(c), s.style));
    }
    const cols = [...look.keys()].sort((a, b) => a - b);
    yield [r, { cols, values: cols.map((c) => value.get(c) ?? null), looks: cols.map((c) => look.get(c)!) }];
  }
}

function xmlText(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

/**
 * Tokens in the XML written before the workbook's styles and shared strings are known (see
 * {@link withStyles}): a look, and a text written as a shared string.
 */
const TOKEN = / s="L(\d+)"|<v>T(\d+)<\/v>/g;

/**
 * A cell as SpreadsheetML: text inline (always text, never a formula), numbers as they round-trip.
 * A text that holds characters XML cannot (control characters, escape-like sequences) goes to the
 * shared strings, numbered in `escaped`: other readers decode Excel's `_xHHHH_` escapes there, and
 * not all of them do in inline text.
 */
function cellXml(ref: string, value: PlanValue, look: number, escaped: Map<string, number>): string {
  const s = look > 0 ? ` s="L${look}"` : '';
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === 'string' && needsEscape(value)) {
    let k = escaped.get(value);
    if (k === undefined) escaped.set(value, (k = escaped.size + 1));
    return `<c r="${ref}"${s} t="s"><v>T${k}</v></c>`;
  }
  if (typeof value === 'string') {
    const text = xmlText(escapeText(value));
    const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const n = typeof value === 'number' ? value : excelSerialFromWall(value.date);
  // A number that is no number would make a file Excel must repair: never written (see verify-written).
  if (!Number.isFinite(n)) throw new Error(`a cell ${ref} of a generated sheet would hold ${String(n)}`);
  return `<c r="${ref}"${s}><v>${String(n)}</v></c>`;
}

/**
 * The rows of a plan as SpreadsheetML `<row>` elements, in pieces of about `chunk` characters that
 * each end with a whole row, and with each cell's look (and each text in `escaped`) as a token
 * that {@link withStyles} turns into its index once the workbook's styles (and shared strings) are
 * known. Walking them registers every look and every such text.
 */
export function* sheetRowsXml(
  plan: SheetPlan,
  steps: LookSteps,
  escaped: Map<string, number>,
  chunk = 1 << 16,
): Generator<string> {
  const letters = plan.columns.map((_, c) => columnLetters(c));
  const letter = (c: number) => letters[c] ?? columnLetters(c);
  let out = '';
  for (const [r, cells] of planRows(plan, steps)) {
    const level = plan.rowLevels?.[r];
    const height = plan.rowHeights?.[r];
    if (cells.cols.length === 0 && !level && height === undefined) continue;
    const n = r + 1;
    out += `<row r="${n}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}${level ? ` outlineLevel="${level}"` : ''}>`;
    cells.cols.forEach((c, k) => (out += cellXml(`${letter(c)}${n}`, cells.values[k], cells.looks[k], escaped)));
    out += '</row>';
    if (out.length >= chunk) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** Rows from {@link sheetRowsXml} with each look's style index and each text's shared string index in place of its token. */
export function withStyles(rows: string, placeholder: Placeholder): string {
  return rows.replace(TOKEN, (_, look: string | undefined, text: string | undefined) => {
    if (text !== undefined) {
      const index = placeholder.texts.get(Number(text));
      if (index === undefined) throw new Error(`text ${text} of a generated sheet is not among the shared strings`);
      return `<v>${index}</v>`;
    }
    const s = placeholder.styles.get(Number(look)) ?? 0;
    return s > 0 ? ` s="${s}"` : '';
  });
}

/** A placeholder sheet as ExcelJS wrote it: what stands before and after its rows, and the style of each look. */
export interface Placeholder {
  head: string;
  tail: string;
  /** The style index ExcelJS gave each look's sample cell (look k is the sample in row k, column A). */
  styles: Map<number, number>;
  /** The shared string index of each escaped text's sample cell (text k is the sample in row k, column B). */
  texts: Map<number, number>;
}

/**
 * Splits a placeholder sheet around its `<sheetData>`, reading the style of each sample cell, and
 * sets its dimension to the plan's: the rows written in its place are the plan's.
 */
export function splitPlaceholder(xml: string, dimension: string): Placeholder {
  const open = xml.indexOf('<sheetData');
  if (open < 0) throw new Error('a placeholder sheet without <sheetData>');
  const selfClosed = xml.startsWith('<sheetData/>', open);
  const close = selfClosed ? open + '<sheetData/>'.length : xml.indexOf('</sheetData>', open) + '</sheetData>'.length;
  const styles = new Map<number, number>();
  const data = xml.slice(open, close);
  for (const m of data.matchAll(/<c r="A(\d+)"([^>]*)>/g)) {
    const s = /\bs="(\d+)"/.exec(m[2]);
    styles.set(Number(m[1]), s ? Number(s[1]) : 0);
  }
  const texts = new Map<number, number>();
  for (const m of data.matchAll(/<c r="B(\d+)"[^>]*\bt="s"[^>]*><v>(\d+)<\/v>/g)) texts.set(Number(m[1]), Number(m[2]));
  const head = xml.slice(0, open).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dimension}"/>`);
  return { head, tail: xml.slice(close), styles, texts };
}
