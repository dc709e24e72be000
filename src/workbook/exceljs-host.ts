import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { RawCell, RawValue, RawWorkbook } from '../core/raw';
import { columnLetters, parseA1, quoteSheetName } from '../core/location';
import { gridSheet } from '../core/raw';
import { Border, CellStyle, HeaderFooter, SheetPlan, markerName } from '../core/layout/sheet-plan';
import { HighlightPlan, isOwnRule } from '../core/layout/highlights';
import type { WorkbookWriter } from './port';
import { Readable } from 'stream';
import { deflateRawSync, inflateRawSync } from 'zlib';
import { escapeText, needsEscape } from './xlsx/escape-text';
import { withoutRows } from './xlsx/own-sheets';
import { LookSteps, planDimension, planRows, sheetRowsXml, splitPlaceholder, withStyles } from './xlsx/streamed-sheet';
import { sheetParts } from './xlsx/workbook-part';
import { joinXmlByRow } from './xlsx/exceljs-patches';

joinXmlByRow();
import { excelSerialFromWall, wallFromDate } from '../core/time';

/** Converts an ExcelJS cell value to a raw value: formulas by their result, rich text as its text. */
function rawValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return { kind: 'date', wall: wallFromDate(v) };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return { kind: 'error', text: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const res = (v as ExcelJS.CellFormulaValue).result;
      if (res === undefined) return null;
      return rawValue(res as ExcelJS.CellValue);
    }
    if ('hyperlink' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '');
  }
  return { kind: 'error', text: 'an unreadable value' };
}

/** Reads every worksheet's used range into raw sheets. */
export function rawWorkbookFromExcelJS(wb: ExcelJS.Workbook): RawWorkbook {
  const sheets = wb.worksheets.map((ws) => {
    const rows: (RawCell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: (RawCell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const value = rawValue(cell.value);
        cells[col - 1] =
          typeof value === 'number' && /%/.test(cell.numFmt ?? '') ? { value, percent: true } : { value };
      });
      rows[rowNumber - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    const sheet = gridSheet(ws.name, rows);
    const totals = totalsRowsOf(ws);
    return totals.length > 0 ? { ...sheet, totalsRows: totals } : sheet;
  });
  return { sheets, source: 'xlsx' };
}

/** The model ExcelJS keeps of a table (its typings leave it out). */
interface TableModel {
  tableRef?: string;
  totalsRow?: boolean;
  style?: { theme?: string | null } | null;
}

function tableModels(ws: ExcelJS.Worksheet): TableModel[] {
  return (ws.getTables() as unknown as { table: TableModel }[]).map((t) => t.table);
}

/** The grid rows (0-based) that are a table's totals row: figures about the rows above, no rows of their own. */
function totalsRowsOf(ws: ExcelJS.Worksheet): number[] {
  const rows: number[] = [];
  for (const t of tableModels(ws)) {
    const last = t.totalsRow && t.tableRef ? /(\d+)$/.exec(t.tableRef) : null;
    if (last) rows.push(Number(last[1]) - 1);
  }
  return rows;
}

/**
 * The package as ExcelJS should read it, or null when it can read it as it is:
 * - relationship targets written from the package root (`/xl/tables/table1.xml`, as openpyxl
 *   writes them) rewritten relative to their part (`../tables/table1.xml`), the form ExcelJS
 *   follows: both are valid, and mean the same part;
 * - the sheets in `emptyParts` without their rows (generated sheets about to be replaced).
 */
async function preparedPackage(buffer: Buffer, emptyParts: readonly string[]): Promise<Buffer | null> {
  const zip = await JSZip.loadAsync(buffer);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    const m = /^xl\/(worksheets|drawings)\/_rels\/[^/]+\.rels$/.exec(name);
    if (!m) continue;
    const xml = await zip.file(name)!.async('string');
    const fixed = xml.replace(/(\bTarget=")\/xl\//g, '$1../');
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  for (const part of emptyParts) {
    zip.file(part, withoutRows(await zip.file(part)!.async('string')));
    changed = true;
  }
  // Stored, not compressed: ExcelJS reads it once, at once.
  return changed ? zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }) : null;
}

export interface LoadWorkbookOptions {
  /** Sheet parts read without their rows: the product's generated sheets, when the caller replaces them all. */
  emptyParts?: readonly string[];
}

export async function loadWorkbook(buffer: Buffer, options: LoadWorkbookOptions = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(((await preparedPackage(buffer, options.emptyParts ?? [])) ?? buffer) as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    // A table saved without a style (LibreOffice writes none) keeps none, where ExcelJS would fail to write it.
    for (const t of tableModels(ws)) if (t.style == null) t.style = { theme: null };
  }
  return wb;
}

/** The sheet a product marker points at, if the marker is present and valid. */
function markedSheetName(wb: ExcelJS.Workbook, key: string): string | null {
  const ranges = wb.definedNames.getRanges(markerName(key))?.ranges ?? [];
  for (const r of ranges) {
    const sheet = parseA1(r)?.sheet;
    if (sheet) return sheet;
  }
  return null;
}

function removeMarker(wb: ExcelJS.Workbook, key: string): void {
  const name = markerName(key);
  for (const range of wb.definedNames.getRanges(name)?.ranges ?? []) wb.definedNames.remove(range, name);
}

/** A sheet by name, ignoring case as Excel does (ExcelJS's own look-up is case-sensitive). */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/**
 * The sheet the product wrote under a key, if it still has the product's name. A generated sheet
 * the user renamed (say to keep a snapshot) is theirs from then on: never replaced or removed.
 */
function ownSheet(wb: ExcelJS.Workbook, key: string, name: string): ExcelJS.Worksheet | undefined {
  const marked = markedSheetName(wb, key);
  return marked !== null && marked.toLowerCase() === name.toLowerCase() ? findSheet(wb, name) : undefined;
}

/** Why a generated sheet cannot be written: a same-named sheet the product did not write. */
function conflictingSheets(wb: ExcelJS.Workbook, plans: readonly SheetPlan[]): string[] {
  return plans
    .filter((p) => findSheet(wb, p.name) !== undefined && ownSheet(wb, p.key, p.name) === undefined)
    .map((p) => p.name);
}

function argb(rgb: string): string {
  return 'FF' + rgb.toUpperCase();
}

function border(b: Border): Partial<ExcelJS.Border> {
  return { style: b.style, color: { argb: argb(b.color) } };
}

function applyStyle(cell: ExcelJS.Cell | ExcelJS.Column, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.color !== undefined || style.size !== undefined) {
    cell.font = {
      ...(cell.font ?? {}),
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.size !== undefined ? { size: style.size } : {}),
      ...(style.color !== undefined ? { color: { argb: argb(style.color) } } : {}),
    };
  }
  if (style.border) {
    const b = style.border;
    cell.border = {
      ...(cell.border ?? {}),
      ...(b.top ? { top: border(b.top) } : {}),
      ...(b.right ? { right: border(b.right) } : {}),
      ...(b.bottom ? { bottom: border(b.bottom) } : {}),
      ...(b.left ? { left: border(b.left) } : {}),
    };
  }
  if (style.numFmt !== undefined) cell.numFmt = style.numFmt;
  if (style.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.indent !== undefined || style.align !== undefined || style.wrap !== undefined) {
    cell.alignment = {
      ...(cell.alignment ?? {}),
      ...(style.indent !== undefined ? { indent: style.indent } : {}),
      ...(style.align !== undefined ? { horizontal: style.align } : {}),
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
    };
  }
}

/**
 * The looks of a generated sheet's cells, numbered (see streamed-sheet), each with one style object
 * shared by every cell that has it. ExcelJS would give every cell a style object of its own: a
 * sheet of 50,000 tasks would hold a million of them for fifty looks. A look is worked out once
 * for each step from another; looks alike are one look.
 */
class Looks implements LookSteps {
  /** The style of each look; look 0 is none. */
  readonly styles: Partial<ExcelJS.Style>[] = [{}];
  private readonly byContent = new Map<string, number>();
  private readonly columnBase: number[] = [];
  private readonly steps = new Map<number, Map<CellStyle | string, number>>();

  constructor(private readonly ws: ExcelJS.Worksheet) {}

  base(c: number): number {
    let id = this.columnBase[c];
    if (id === undefined) {
      id = this.intern(JSON.parse(JSON.stringify(this.ws.getColumn(c + 1).style ?? {})) as Partial<ExcelJS.Style>);
      this.columnBase[c] = id;
    }
    return id;
  }

  step(from: number, step: CellStyle | string): number {
    let byStep = this.steps.get(from);
    if (!byStep) this.steps.set(from, (byStep = new Map()));
    let id = byStep.get(step);
    if (id === undefined) {
      const built = JSON.parse(JSON.stringify(this.styles[from])) as Partial<ExcelJS.Style>;
      if (typeof step === 'string') built.numFmt = step;
      else applyStyle(built as ExcelJS.Cell, step);
      id = this.intern(built);
      byStep.set(step, id);
    }
    return id;
  }

  private intern(style: Partial<ExcelJS.Style>): number {
    const key = JSON.stringify(style);
    let id = this.byContent.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(style);
      this.byContent.set(key, id);
    }
    return id;
  }
}

/**
 * A generated sheet whose rows are written into the file when the workbook is saved (see
 * streamed-sheet): its rows as XML, compressed a piece at a time (a tenth of the plan's memory),
 * and the cells they cover.
 */
interface StreamedSheet {
  rows: Buffer[];
  dimension: string;
}

const streamedSheets = new WeakMap<ExcelJS.Worksheet, StreamedSheet>();

/**
 * Writes a sheet plan into the workbook, replacing the sheet the product wrote
 * before under that key (callers check {@link conflictingSheets} first).
 * Text is written as text: a task named `=1+1` stays the text `=1+1`.
 *
 * A sheet without links (all but Plan Issues) is a placeholder until the workbook is saved: its
 * frame is ExcelJS's, its rows are written from the plan straight into the file, and its cells
 * never exist as ExcelJS objects. Its placeholder holds one sample cell per look, in column A, for
 * ExcelJS to give each look its style index, and one per text that must be escaped, in column B,
 * for ExcelJS to give it a shared string.
 */
function applySheetPlan(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = sheetFrame(wb, plan);
  const looks = new Looks(ws);
  if (plan.links.length === 0) {
    const rows: Buffer[] = [];
    const escaped = new Map<string, number>();
    for (const xml of sheetRowsXml(plan, looks, escaped)) rows.push(deflateRawSync(xml, { level: 1 }));
    for (let id = 1; id < looks.styles.length; id++) ws.getCell(id, 1).style = looks.styles[id];
    for (const [text, k] of escaped) ws.getCell(k, 2).value = text;
    streamedSheets.set(ws, { rows, dimension: planDimension(plan) });
    return;
  }
  for (const [r, cells] of planRows(plan, looks)) {
    const row = ws.getRow(r + 1);
    cells.cols.forEach((c, k) => {
      const cell = row.getCell(c + 1);
      const v = cells.values[k];
      if (v !== null) cell.value = typeof v === 'object' ? excelSerialFromWall(v.date) : v;
      cell.style = looks.styles[cells.looks[k]];
    });
    const level = plan.rowLevels?.[r];
    if (level) row.outlineLevel = level;
    const height = plan.rowHeights?.[r];
    if (height !== undefined) row.height = height;
  }
  for (const link of plan.links) {
    const cell = ws.getRow(link.row + 1).getCell(link.col + 1);
    const text = cell.value === null || cell.value === undefined ? link.target : String(cell.value);
    cell.value = { text, hyperlink: `#${link.target}` };
    // A style of its own: the cell's is shared with others (Looks).
    cell.style = { ...cell.style, font: { ...(cell.font ?? {}), color: { argb: 'FF0563C1' }, underline: true } };
  }
}

/** A new, empty sheet for a plan, in the place of the one the product wrote before: its columns, views, outline, print setup and marker. */
function sheetFrame(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const old = ownSheet(wb, plan.key, plan.name);
  // ExcelJS keeps sheet order in an untyped orderNo: the new sheet takes the old one's place.
  let position: number | undefined;
  if (old) {
    position = (old as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(old.id);
  }
  removeMarker(wb, plan.key);
  const ws = wb.addWorksheet(plan.name, {
    views: plan.freeze ? [{ state: 'frozen', xSplit: plan.freeze.cols, ySplit: plan.freeze.rows }] : undefined,
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : undefined,
  });
  if (position !== undefined) (ws as unknown as { orderNo: number }).orderNo = position;
  plan.columns.forEach((c, k) => {
    const column = ws.getColumn(k + 1);
    column.width = c.width;
    if (c.style) applyStyle(column, c.style);
  });
  let deepest = 0;
  for (const l of plan.rowLevels ?? []) if (l > deepest) deepest = l;
  if (deepest > 0) {
    ws.properties.outlineProperties = { summaryBelow: false, summaryRight: false };
    // Every level shown: the groups are written open, the user closes them.
    ws.properties.outlineLevelRow = deepest;
  }
  if (plan.print) {
    ws.pageSetup.orientation = plan.print.landscape ? 'landscape' : 'portrait';
    if (plan.print.titleRows) ws.pageSetup.printTitlesRow = `1:${plan.print.titleRows}`;
    if (plan.print.titleColumns) ws.pageSetup.printTitlesColumn = `A:${columnLetters(plan.print.titleColumns - 1)}`;
    if (plan.print.scale) ws.pageSetup.scale = plan.print.scale;
    if (plan.print.fitToWidth) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    if (plan.print.acrossFirst) ws.pageSetup.pageOrder = 'overThenDown';
    ws.pageSetup.printArea = `A1:${columnLetters(Math.max(1, plan.columns.length) - 1)}${Math.max(1, plan.rows.length)}`;
    const parts = (hf: HeaderFooter | undefined) =>
      hf
        ? `${hf.left ? `&L${hf.left}` : ''}${hf.center ? `&C${hf.center}` : ''}${hf.right ? `&R${hf.right}` : ''}`
        : '';
    const [header, footer] = [parts(plan.print.header), parts(plan.print.footer)];
    if (header || footer) ws.headerFooter = { ...ws.headerFooter, oddHeader: header, oddFooter: footer };
  }
  if (plan.autoFilter && plan.rows.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: plan.rows.length, column: plan.columns.length } };
  }
  wb.definedNames.add(`${quoteSheetName(plan.name, true)}!$A$1`, markerName(plan.key));
  return ws;
}

/**
 * Writes the rows of the workbook's streamed sheets into the package ExcelJS wrote, in place of
 * their placeholders' rows, a piece at a time.
 */
async function writeStreamedSheets(wb: ExcelJS.Workbook, zip: JSZip): Promise<void> {
  const streamed = wb.worksheets.filter((ws) => streamedSheets.has(ws));
  if (streamed.length === 0) return;
  const sheets = await sheetParts(zip);
  for (const ws of streamed) {
    const { rows, dimension } = streamedSheets.get(ws)!;
    const part = sheets.find((s) => s.name === ws.name)?.part;
    if (part === undefined) throw new Error(`the part of sheet ${ws.name} is not in the written workbook`);
    const placeholder = splitPlaceholder(await zip.file(part)!.async('string'), dimension);
    function* pieces(): Generator<Buffer> {
      yield Buffer.from(`${placeholder.head}<sheetData>`, 'utf8');
      for (const piece of rows)
        yield Buffer.from(withStyles(inflateRawSync(piece).toString('utf8'), placeholder), 'utf8');
      yield Buffer.from(`</sheetData>${placeholder.tail}`, 'utf8');
    }
    zip.file(part, Readable.from(pieces()));
  }
}

/**
 * Writes a file atomically: to a temporary file in the same folder, flushed,
 * then renamed over the target. An interrupted run leaves the old file whole.
 */
export interface BufferOptions {
  /** Stamp every part of the package with this date, so that the same workbook gives the same bytes. */
  fixedDate?: Date;
}

/**
 * Runs `write` with every text cell in the escaped form of the file format (see escape-text), and
 * puts the texts back afterwards: the workbook in memory keeps the user's text as it is.
 */
async function withEscapedText<T>(wb: ExcelJS.Workbook, write: () => Promise<T>): Promise<T> {
  const undo: (() => void)[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          if (needsEscape(v)) {
            cell.value = escapeText(v);
            undo.push(() => (cell.value = v));
          }
        } else if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
          const rich = 'richText' in v ? v.richText : null;
          if (rich && rich.some((r) => needsEscape(r.text))) {
            cell.value = { ...v, richText: rich.map((r) => ({ ...r, text: escapeText(r.text) })) };
            undo.push(() => (cell.value = v));
          } else if ('hyperlink' in v && typeof v.text === 'string' && needsEscape(v.text)) {
            cell.value = { ...v, text: escapeText(v.text) };
            undo.push(() => (cell.value = v));
          } else if ('formula' in v && typeof v.result === 'string' && needsEscape(v.result)) {
            cell.value = { ...v, result: escapeText(v.result) };
            undo.push(() => (cell.value = v));
          }
        }
      });
    });
  }
  try {
    return await write();
  } finally {
    for (const u of undo) u();
  }
}

export async function workbookToBuffer(wb: ExcelJS.Workbook, options: BufferOptions = {}): Promise<Buffer> {
  const written = Buffer.from(await withEscapedText(wb, () => wb.xlsx.writeBuffer()));
  const streams = wb.worksheets.some((ws) => streamedSheets.has(ws));
  if (!streams && !options.fixedDate) return written;
  const zip = await JSZip.loadAsync(written);
  await writeStreamedSheets(wb, zip);
  if (!options.fixedDate) return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (!entry.dir) out.file(name, await entry.async('nodebuffer'), { date: options.fixedDate, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Removes the conditional-format rules the product wrote on a sheet; the user's own rules stay. */
export function removeOwnRules(ws: ExcelJS.Worksheet): number {
  // A block holds every rule over one range, the user's and ours alike: take ours out of each
  // block, and drop a block only when nothing is left in it.
  const isOwn = (r: ExcelJS.ConditionalFormattingRule) =>
    'formulae' in r && ((r.formulae as unknown[] | undefined) ?? []).some((f) => typeof f === 'string' && isOwnRule(f));
  let removed = 0;
  const sheet = ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
  sheet.conditionalFormattings = sheet.conditionalFormattings
    .map((cf) => {
      const kept = cf.rules.filter((r) => !isOwn(r));
      removed += cf.rules.length - kept.length;
      return { ...cf, rules: kept };
    })
    .filter((cf) => cf.rules.length > 0);
  return removed;
}

/** Writes highlight rules on a user's sheet, replacing the product's earlier ones. Formatting only. */
function applyHighlights(wb: ExcelJS.Workbook, plan: HighlightPlan): void {
  const ws = findSheet(wb, plan.sheet);
  if (!ws) return;
  removeOwnRules(ws);
  if (plan.rules.length === 0) return;
  ws.addConditionalFormatting({
    ref: plan.range,
    rules: plan.rules.map((rule, k) => ({
      type: 'expression' as const,
      priority: k + 1,
      formulae: [rule.formula],
      style: {
        ...(rule.style.fill
          ? { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(rule.style.fill) } } }
          : {}),
        ...(rule.style.color || rule.style.bold
          ? {
              font: {
                ...(rule.style.color ? { color: { argb: argb(rule.style.color) } } : {}),
                ...(rule.style.bold ? { bold: true } : {}),
              },
            }
          : {}),
      },
    })),
  });
}

/** Removes generated sheets (by their markers) and their markers; returns the names of the sheets removed. */
function removeOwnSheets(wb: ExcelJS.Workbook, keys: readonly (readonly [key: string, name: string])[]): string[] {
  const sheets: string[] = [];
  for (const [key, name] of keys) {
    const ws = ownSheet(wb, key, name);
    if (ws) {
      sheets.push(ws.name);
      wb.removeWorksheet(ws.id);
    }
    removeMarker(wb, key);
  }
  return sheets;
}

/** Shows a sheet when the workbook is opened (makes it the active tab). */
function activateSheet(wb: ExcelJS.Workbook, name: string): void {
  const index = wb.worksheets.findIndex((ws) => ws.name.toLowerCase() === name.toLowerCase());
  if (index < 0) return;
  const views =
    wb.views && wb.views.length > 0
      ? wb.views
      : [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  wb.views = views.map((v) => ({ ...v, activeTab: index }));
}

/** The Regenerate flow's port over a workbook in memory: every call applies at once; the caller saves the file. */
export function excelJsWriter(wb: ExcelJS.Workbook): WorkbookWriter {
  return {
    conflictingSheets: async (plans) => conflictingSheets(wb, plans),
    applySheetPlan: async (plan) => applySheetPlan(wb, plan),
    removeStaleSheets: async (sheets) => {
      removeOwnSheets(wb, sheets);
    },
    applyHighlights: async (highlights) => {
      for (const h of highlights) applyHighlights(wb, h);
    },
    activate: async (name) => activateSheet(wb, name),
    commit: async () => undefined,
  };
}

/** Removes everything the product wrote: its sheets (by their markers) and its rules on every sheet. */
export function cleanWorkbook(
  wb: ExcelJS.Workbook,
  keys: readonly (readonly [key: string, name: string])[],
): { sheets: string[]; rules: number } {
  const sheets = removeOwnSheets(wb, keys);
  let rules = 0;
  for (const ws of wb.worksheets) rules += removeOwnRules(ws);
  return { sheets, rules };
}
