/**
 * The Office.js host: reads the input sheets of the open workbook into raw
 * sheets and applies sheet plans and highlight plans, in few round-trips.
 *
 * Reading takes two syncs (the sheets, their used ranges, the product's
 * markers and rules; then the cells), plus one more only when Settings name
 * an input sheet that was not read. Writing queues everything into batches
 * kept under Excel on the web's 5 MB request limit and syncs once per batch:
 * a 5,000-task plan writes in one or two. Values go in 2-D blocks, fills and
 * fonts by style over RangeAreas, calculation and screen updating are
 * suspended while writing, and text is written as text (a leading apostrophe,
 * as when typing): nothing the product writes becomes a formula.
 *
 * Only Office.js objects are used here; the core never sees them.
 */
import type { RawCell, RawValue, RawWorkbook } from '../core/raw';
import { columnLetters, parseA1, quoteSheetName } from '../core/location';
import { gridSheet } from '../core/raw';
import { GENERATED_SHEETS } from '../core/layout';
import type { HighlightPlan } from '../core/layout/highlights';
import { isOwnRule } from '../core/layout/highlights';
import { CellStyle, ChartPlan, PlanValue, SheetPlan, markerName, parseMarkerName } from '../core/layout/sheet-plan';
import { inputSheetNames } from '../core/read/settings';
import { excelSerialFromWall, wallFromExcelSerial } from '../core/time';
import type { GeneratedSheet, WorkbookWriter } from './port';

/** Excel on the web refuses requests and responses over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What a batch may hold by our estimate: the rest is headroom for what the estimate misses. */
export const BATCH_BUDGET = 3.5 * 1024 * 1024;
/** Estimated bytes of one queued action beyond its arguments (its object path and envelope). */
const ACTION_BYTES = 400;
/** Cells read per load: about 25 bytes a cell (value, format and type) keeps a response near 2.5 MB. */
export const READ_CELLS_PER_SYNC = 100_000;
/** Characters of a RangeAreas address (one `getRanges` call): Excel refuses addresses over 8,192. */
const ADDRESS_CHARS = 7_000;
/** Outline levels Excel can show (it has 8; one is the ungrouped level). */
const MAX_GROUP_LEVEL = 7;

/** Bytes of a value's JSON as the request carries it (UTF-8): non-ASCII characters count up to 3. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v);
  let extra = 0;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0x7f) extra += 2;
  return s.length + extra;
}

/** The default input sheet names, read in the first pass; Settings may rename them. */
const INPUT_SHEETS = Object.values(inputSheetNames(undefined));

export interface SyncCounter {
  syncs: number;
}

/** What the first read passes learn of the workbook, for writing afterwards. */
export interface WorkbookSnapshot {
  raw: RawWorkbook;
  /** Every worksheet's name, in tab order. */
  sheetNames: string[];
  /** Marker key -> the sheet name the marker points at (only markers that point at a sheet). */
  markers: Map<string, string>;
  /** All marker names present, whatever they point at (so a broken one is replaced). */
  markerNames: Set<string>;
  /** The product's own conditional formats (by sheet and id), to delete before writing new ones. */
  ownRules: { sheet: string; id: string }[];
}

async function sync(context: Excel.RequestContext, counter?: SyncCounter): Promise<void> {
  await context.sync();
  if (counter) counter.syncs++;
}

// ---- Reading ---------------------------------------------------------------------------------

function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function isPercentFormat(fmt: string): boolean {
  return /%/.test(fmt.replace(/"[^"]*"|\\./g, ''));
}

/** A cell as Office.js hands it over (value, number format, value type) to a raw cell. */
export function rawCellFromOffice(value: unknown, format: string, type: string): RawCell | undefined {
  if (type === 'Empty' || value === '' || value === null || value === undefined) return undefined;
  if (type === 'Error') return { value: { kind: 'error', text: String(value) } };
  if (typeof value === 'number') {
    if (isDateFormat(format) && value >= 0) return { value: { kind: 'date', wall: wallFromExcelSerial(value) } };
    return isPercentFormat(format) ? { value, percent: true } : { value };
  }
  if (typeof value === 'boolean' || typeof value === 'string') return { value: value as RawValue };
  return { value: String(value) };
}

/** The top-left cell of a used range's address (`Tasks!B3:H40`): 1-based row, 0-based column. */
function parseAddress(address: string): { row: number; col: number } {
  const cell = parseA1(address);
  return cell ? { row: cell.row + 1, col: cell.column } : { row: 1, col: 0 };
}

interface SheetRead {
  ws: Excel.Worksheet;
  name: string;
  /** 1-based row and 0-based column of the used range's top-left cell; its width. */
  firstRow: number;
  firstCol: number;
  columns: number;
  blocks: Block[];
  /** The totals rows of the sheet's Excel tables, loaded with the cells. */
  totals: Excel.Range[];
}

/** Rows of a sheet's used range loaded together (0-based sheet row of the first). */
interface Block {
  sheet: SheetRead;
  row: number;
  rows: number;
  range: Excel.Range;
}

function block(sheet: SheetRead, row: number, rows: number): Block {
  return { sheet, row, rows, range: sheet.ws.getRangeByIndexes(row, sheet.firstCol, rows, sheet.columns) };
}

function queueSheetRead(ws: Excel.Worksheet, name: string, used: Excel.Range): SheetRead {
  const { row, col } = parseAddress(used.address);
  const sheet: SheetRead = {
    ws,
    name,
    firstRow: row,
    firstCol: col,
    columns: used.columnCount,
    blocks: [],
    totals: [],
  };
  // Quarter-size blocks, so the loads of several sheets pack into syncs without much waste.
  const rowsPerBlock = Math.max(1, Math.floor(READ_CELLS_PER_SYNC / 4 / Math.max(1, used.columnCount)));
  for (let r = 0; r < used.rowCount; r += rowsPerBlock)
    sheet.blocks.push(block(sheet, row - 1 + r, Math.min(rowsPerBlock, used.rowCount - r)));
  return sheet;
}

/** Whether a sync failed because a request or response was over Excel's payload limit. */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(`${code} ${(e as Error)?.message ?? ''}`);
}

/**
 * Loads a group of blocks in one sync. Cells are counted, not bytes, so long texts can still make
 * a response too large: then each block is split in two and the group loaded again. The blocks
 * come back in the order given.
 */
async function loadGroup(context: Excel.RequestContext, group: Block[], counter?: SyncCounter): Promise<Block[]> {
  for (const b of group) b.range.load('values, numberFormat, valueTypes');
  try {
    await sync(context, counter);
    return group;
  } catch (e) {
    if (!isPayloadError(e) || group.every((b) => b.rows === 1)) throw e;
    const halves = group.flatMap((b) => {
      if (b.rows === 1) return [block(b.sheet, b.row, 1)];
      const top = Math.ceil(b.rows / 2);
      return [block(b.sheet, b.row, top), block(b.sheet, b.row + top, b.rows - top)];
    });
    const half = Math.ceil(halves.length / 2);
    return [
      ...(await loadGroup(context, halves.slice(0, half), counter)),
      ...(await loadGroup(context, halves.slice(half), counter)),
    ];
  }
}

/** Loads the queued blocks of all sheets, one sync per READ_CELLS_PER_SYNC cells, and turns them into raw sheets. */
async function loadSheets(
  context: Excel.RequestContext,
  reads: SheetRead[],
  counter?: SyncCounter,
): Promise<ReturnType<typeof gridSheet>[]> {
  let group: Block[] = [];
  let cells = 0;
  const loaded: Block[] = [];
  for (const b of reads.flatMap((s) => s.blocks)) {
    const size = b.rows * Math.max(1, b.sheet.columns);
    if (group.length > 0 && cells + size > READ_CELLS_PER_SYNC) {
      loaded.push(...(await loadGroup(context, group, counter)));
      group = [];
      cells = 0;
    }
    group.push(b);
    cells += size;
  }
  if (group.length > 0) loaded.push(...(await loadGroup(context, group, counter)));
  // Blocks split on the way keep their sheet and their order.
  for (const s of reads) s.blocks = loaded.filter((b) => b.sheet === s);
  return reads.map((s) => {
    const rows: (RawCell | undefined)[][] = [];
    for (const b of s.blocks) {
      const values = b.range.values;
      const formats = b.range.numberFormat;
      const types = b.range.valueTypes;
      for (let r = 0; r < values.length; r++) {
        const line: (RawCell | undefined)[] = [];
        for (let c = 0; c < values[r].length; c++) {
          const cell = rawCellFromOffice(values[r][c], String(formats[r][c] ?? ''), String(types[r][c]));
          if (cell) line[c] = cell;
        }
        rows.push(line);
      }
    }
    // Address cells as Excel names them, from the used range's top-left corner; the reader
    // expects the grid to start at A1, so pad the rows above and the columns to the left.
    const padded: (RawCell | undefined)[][] = [];
    for (let r = 1; r < s.firstRow; r++) padded.push([]);
    for (const line of rows) padded.push(s.firstCol > 0 ? [...new Array(s.firstCol), ...line] : line);
    const sheet = gridSheet(s.name, padded);
    return s.totals.length > 0 ? { ...sheet, totalsRows: s.totals.map((t) => t.rowIndex) } : sheet;
  });
}

/**
 * Reads the input sheets (Settings, Tasks, Budget, Resources, Holidays, or the names Settings give)
 * with the product's markers and own rules. Two syncs; three when Settings rename a sheet.
 */
export async function readWorkbook(context: Excel.RequestContext, counter?: SyncCounter): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name, items/formula');
  const probe = (name: string, ws: Excel.Worksheet) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address, rowCount, columnCount');
    const rules = ws.getRange().conditionalFormats;
    rules.load('items/type, items/id');
    const tables = ws.tables;
    tables.load('items/showTotals');
    return { name, ws, used, rules, tables };
  };
  const probes = INPUT_SHEETS.map((name) => probe(name, sheets.getItemOrNullObject(name)));
  await sync(context, counter);

  const sheetNames = sheets.items.map((s) => s.name);
  const actual = (name: string) => sheetNames.find((n) => n.toLowerCase() === name.toLowerCase());
  const customRules: { sheet: string; id: string; custom: Excel.CustomConditionalFormat }[] = [];
  const queueRules = (sheet: string, rules: Excel.ConditionalFormatCollection) => {
    rules.items.forEach((format) => {
      if (format.type !== 'Custom') return;
      const custom = format.customOrNullObject;
      custom.rule.load('formula');
      customRules.push({ sheet, id: format.id, custom });
    });
  };
  const queueReads = (found: ReturnType<typeof probe>[]): SheetRead[] => {
    const out: SheetRead[] = [];
    for (const p of found) {
      if (p.ws.isNullObject || p.used.isNullObject) continue;
      const name = actual(p.name) ?? p.name;
      const read = queueSheetRead(p.ws, name, p.used);
      for (const t of p.tables.items) {
        if (!t.showTotals) continue;
        const totals = t.getTotalRowRange();
        totals.load('rowIndex');
        read.totals.push(totals);
      }
      out.push(read);
      queueRules(name, p.rules);
    }
    return out;
  };
  let raw = await loadSheets(context, queueReads(probes), counter);

  // Settings may name other input sheets: read those too (one more round).
  const settings = raw.find((s) => s.name.toLowerCase() === 'settings');
  const extra = Object.values(inputSheetNames(settings))
    .map(actual)
    .filter((n): n is string => n !== undefined && !raw.some((s) => s.name === n));
  if (extra.length > 0) {
    const more = [...new Set(extra)].map((name) => probe(name, sheets.getItemOrNullObject(name)));
    await sync(context, counter);
    raw = raw.concat(await loadSheets(context, queueReads(more), counter));
  }

  const ownRules = customRules
    .filter((r) => !r.custom.isNullObject && isOwnRule(r.custom.rule.formula))
    .map(({ sheet, id }) => ({ sheet, id }));
  const markers = new Map<string, string>();
  const markerNames = new Set<string>();
  for (const n of names.items) {
    const key = parseMarkerName(n.name);
    if (key === null) continue;
    markerNames.add(n.name);
    // The marker points at its sheet's A1 (a range or another cell is no marker of ours).
    const at = n.formula.includes(':') ? null : parseA1(n.formula.replace(/^=/, ''));
    if (at?.sheet && at.row === 0 && at.column === 0) markers.set(key, at.sheet);
  }
  return { raw: { sheets: raw, source: 'excel' }, sheetNames, markers, markerNames, ownRules };
}

// ---- Which sheets may be written -------------------------------------------------------------

/** The sheet the product wrote under a key, if it still has the product's name. */
export function ownSheetName(snapshot: WorkbookSnapshot, key: string, name: string): string | undefined {
  const marked = snapshot.markers.get(key);
  if (!marked || marked.toLowerCase() !== name.toLowerCase()) return undefined;
  return snapshot.sheetNames.find((n) => n.toLowerCase() === name.toLowerCase());
}

/** Generated sheets that cannot be written: a same-named sheet the product did not write. */
function conflictingSheets(snapshot: WorkbookSnapshot, plans: readonly SheetPlan[]): string[] {
  return plans
    .filter(
      (p) =>
        snapshot.sheetNames.some((n) => n.toLowerCase() === p.name.toLowerCase()) &&
        ownSheetName(snapshot, p.key, p.name) === undefined,
    )
    .map((p) => p.name);
}

// ---- Writing ---------------------------------------------------------------------------------

/** Queues actions into batches under the payload budget, syncing between batches. */
export class BatchWriter {
  private bytes = 0;
  private started = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly counter?: SyncCounter,
    private readonly budget = BATCH_BUDGET,
  ) {}

  /** Queues an action of about `bytes` bytes of arguments, after a sync if the batch would overflow. */
  async add(bytes: number, queue: () => void): Promise<void> {
    const size = bytes + ACTION_BYTES;
    if (this.started && this.bytes + size > this.budget) await this.flush();
    if (!this.started) {
      // Suspensions last until the next sync: renewed at the start of every batch.
      this.context.application.suspendApiCalculationUntilNextSync();
      this.context.application.suspendScreenUpdatingUntilNextSync();
      this.started = true;
      this.bytes = 2 * ACTION_BYTES;
    }
    queue();
    this.bytes += size;
  }

  async flush(): Promise<void> {
    if (!this.started) return;
    await sync(this.context, this.counter);
    this.started = false;
    this.bytes = 0;
  }
}

function color(rgb: string): string {
  return `#${rgb.toUpperCase()}`;
}

/** A value as written into a cell: dates as serials, text with a leading apostrophe so Excel keeps it text. */
export function officeValue(v: PlanValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'object') return excelSerialFromWall(v.date);
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  return Object.is(v, -0) ? 0 : v;
}

function a1(row: number, col: number, rows = 1, cols = 1): string {
  const tl = `${columnLetters(col)}${row + 1}`;
  return rows === 1 && cols === 1 ? tl : `${tl}:${columnLetters(col + cols - 1)}${row + rows}`;
}

/** Applies one style to a range or RangeAreas (their `format` objects take the same properties). */
function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.fill) format.fill.color = color(style.fill);
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.color) format.font.color = color(style.color);
  if (style.size) format.font.size = style.size;
  if (style.indent) format.indentLevel = style.indent;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.align)
    format.horizontalAlignment = style.align === 'left' ? 'Left' : style.align === 'center' ? 'Center' : 'Right';
  if (style.border) {
    const sides = { top: 'EdgeTop', right: 'EdgeRight', bottom: 'EdgeBottom', left: 'EdgeLeft' } as const;
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const b = style.border[side];
      if (!b) continue;
      const edge = format.borders.getItem(sides[side]);
      edge.style = b.style === 'dashed' || b.style === 'mediumDashed' ? 'Dash' : 'Continuous';
      edge.weight =
        b.style === 'thin' || b.style === 'dashed'
          ? 'Thin'
          : b.style === 'medium' || b.style === 'mediumDashed'
            ? 'Medium'
            : 'Thick';
      edge.color = color(b.color);
    }
  }
}

/** Columns holding values in at least a tenth of the data rows: written as one block; the rest cell by cell. */
function denseWidth(plan: SheetPlan, headerRows: number): number {
  const counts: number[] = [];
  for (let r = headerRows; r < plan.rows.length; r++) {
    const row = plan.rows[r];
    for (let c = 0; c < row.length; c++) if (row[c] !== null && row[c] !== undefined) counts[c] = (counts[c] ?? 0) + 1;
  }
  const dataRows = Math.max(1, plan.rows.length - headerRows);
  let width = 0;
  counts.forEach((n, c) => {
    if (n >= dataRows / 10) width = c + 1;
  });
  return width;
}

/** Writes one sheet plan into a fresh sheet (the caller has deleted the old one). */
async function writeSheet(ws: Excel.Worksheet, plan: SheetPlan, w: BatchWriter): Promise<void> {
  const headerRows = Math.min(plan.headerRows ?? 1, plan.rows.length);
  const width = plan.columns.length;

  // Column widths (characters to points, as Excel's default font measures them) and column styles.
  for (let c = 0; c < width; c++) {
    const col = plan.columns[c];
    await w.add(60, () => {
      const range = ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`);
      range.format.columnWidth = Math.round((col.width * 7 + 5) * 0.75);
    });
  }
  await applyGrouped(
    ws,
    w,
    plan.columns.flatMap((col, c) =>
      col.style ? [{ address: `${columnLetters(c)}:${columnLetters(c)}`, style: col.style }] : [],
    ),
  );

  // Header rows in full; data rows as dense row blocks, sparse cells one by one.
  for (let r = 0; r < headerRows; r++) {
    const row = plan.rows[r];
    const values = [Array.from({ length: Math.max(1, row.length) }, (_, c) => officeValue(row[c] ?? null))];
    await w.add(jsonBytes(values), () => {
      ws.getRangeByIndexes(r, 0, 1, values[0].length).values = values;
    });
  }
  const dense = denseWidth(plan, headerRows);
  const sparse: { r: number; c: number; v: PlanValue }[] = [];
  let r = headerRows;
  while (dense > 0 && r < plan.rows.length) {
    const block: (string | number | boolean)[][] = [];
    let bytes = 0;
    const start = r;
    while (r < plan.rows.length && bytes < BATCH_BUDGET / 4) {
      const row = plan.rows[r];
      const line = new Array<string | number | boolean>(dense);
      for (let c = 0; c < dense; c++) line[c] = officeValue(row[c] ?? null);
      for (let c = dense; c < row.length; c++)
        if (row[c] !== null && row[c] !== undefined) sparse.push({ r, c, v: row[c] });
      block.push(line);
      bytes += jsonBytes(line);
      r++;
    }
    await w.add(bytes, () => {
      ws.getRangeByIndexes(start, 0, block.length, dense).values = block;
    });
  }
  if (dense === 0) {
    for (let k = headerRows; k < plan.rows.length; k++)
      plan.rows[k].forEach((v, c) => {
        if (v !== null && v !== undefined) sparse.push({ r: k, c, v });
      });
  }
  for (const s of sparse) {
    const value = [[officeValue(s.v)]];
    await w.add(jsonBytes(value) + 20, () => {
      ws.getRangeByIndexes(s.r, s.c, 1, 1).values = value;
    });
  }

  // Number formats of the data rows, by column; then the styled ranges grouped by style.
  if (plan.rows.length > headerRows) {
    for (let c = 0; c < width; c++) {
      const fmt = plan.columns[c].numFmt;
      if (!fmt) continue;
      const rows = plan.rows.length - headerRows;
      await w.add(fmt.length + 40, () => {
        // One format for the whole block: Office.js accepts a single value for a multi-cell range.
        (ws.getRangeByIndexes(headerRows, c, rows, 1) as unknown as { numberFormat: string }).numberFormat = fmt;
      });
    }
  }
  const styled = plan.styles.map((s) => ({ address: a1(s.row, s.col, s.rows ?? 1, s.cols ?? 1), style: s.style }));
  await applyGrouped(ws, w, styled);

  for (const link of plan.links) {
    const text = plan.rows[link.row]?.[link.col];
    await w.add(link.target.length * 2 + 40, () => {
      ws.getRangeByIndexes(link.row, link.col, 1, 1).hyperlink = {
        documentReference: link.target,
        textToDisplay:
          text === null || text === undefined
            ? link.target
            : String(typeof text === 'object' ? excelSerialFromWall(text.date) : text),
      };
    });
  }

  // Outline groups: each run of rows at level >= k is grouped k times.
  const levels = (plan.rowLevels ?? []).map((l) => Math.min(l ?? 0, MAX_GROUP_LEVEL));
  let maxLevel = 0; // a loop, not a spread: a plan may have more rows than a call takes arguments
  for (const l of levels) if (l > maxLevel) maxLevel = l;
  for (let level = 1; level <= maxLevel; level++) {
    for (let k = 0; k < levels.length; k++) {
      if ((levels[k] ?? 0) < level) continue;
      const first = k;
      while (k + 1 < levels.length && (levels[k + 1] ?? 0) >= level) k++;
      const last = k;
      await w.add(40, () => {
        ws.getRange(`${first + 1}:${last + 1}`).group('ByRows');
      });
    }
  }

  // Groups written open, every level shown: the user closes them (rows must not vanish from print).
  if (maxLevel > 0) await w.add(40, () => ws.showOutlineLevels(maxLevel + 1, 0));
  for (const [r, height] of Object.entries(plan.rowHeights ?? {}))
    await w.add(40, () => {
      ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = height;
    });

  await w.add(80, () => {
    if (plan.tabColor) ws.tabColor = color(plan.tabColor);
    // freezeAt freezes both ways, so a plain row or column freeze uses its own call.
    const f = plan.freeze;
    if (f && f.rows > 0 && f.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, f.rows, f.cols));
    else if (f && f.rows > 0) ws.freezePanes.freezeRows(f.rows);
    else if (f && f.cols > 0) ws.freezePanes.freezeColumns(f.cols);
    if (plan.autoFilter && plan.rows.length > 0)
      ws.autoFilter.apply(ws.getRangeByIndexes(0, 0, plan.rows.length, width));
    if (plan.print) {
      ws.pageLayout.orientation = plan.print.landscape ? 'Landscape' : 'Portrait';
      if (plan.print.titleRows) ws.pageLayout.setPrintTitleRows(`$1:$${plan.print.titleRows}`);
      if (plan.print.titleColumns)
        ws.pageLayout.setPrintTitleColumns(`$A:$${columnLetters(plan.print.titleColumns - 1)}`);
      if (plan.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      else if (plan.print.scale) ws.pageLayout.zoom = { scale: plan.print.scale };
      if (plan.print.acrossFirst) ws.pageLayout.printOrder = 'OverThenDown';
      ws.pageLayout.setPrintArea(
        `A1:${columnLetters(Math.max(1, plan.columns.length) - 1)}${Math.max(1, plan.rows.length)}`,
      );
      const pages = ws.pageLayout.headersFooters.defaultForAllPages;
      for (const side of ['left', 'center', 'right'] as const) {
        const [header, footer] = [plan.print.header?.[side], plan.print.footer?.[side]];
        if (header) pages[`${side}Header`] = header;
        if (footer) pages[`${side}Footer`] = footer;
      }
    }
  });
  for (const chart of plan.charts ?? []) await w.add(200, () => addChart(ws, chart));
}

function addChart(ws: Excel.Worksheet, chart: ChartPlan): void {
  // The source block: the header row above the categories, the categories, the series beside them.
  const top = chart.categories.row - 1;
  const cols = 1 + chart.series.length;
  const source = ws.getRangeByIndexes(top, chart.categories.col, chart.categories.rows + 1, cols);
  const c = ws.charts.add('Line', source, 'Columns');
  c.title.text = chart.title;
  c.setPosition(a1(chart.at.row, chart.at.col), a1(chart.at.row + chart.at.rows - 1, chart.at.col + chart.at.cols - 1));
}

/** Areas in runs whose joined address stays under ADDRESS_CHARS. */
function addressChunks(addresses: string[]): string[][] {
  const out: string[][] = [];
  let chunk: string[] = [];
  let length = 0;
  for (const a of addresses) {
    if (chunk.length > 0 && length + a.length + 1 > ADDRESS_CHARS) {
      out.push(chunk);
      chunk = [];
      length = 0;
    }
    chunk.push(a);
    length += a.length + 1;
  }
  if (chunk.length > 0) out.push(chunk);
  return out;
}

/** Styles grouped by style: one RangeAreas per group (in chunks), so a Gantt's thousands of bars cost a few calls. */
async function applyGrouped(
  ws: Excel.Worksheet,
  w: BatchWriter,
  items: { address: string; style: CellStyle }[],
): Promise<void> {
  const groups = new Map<string, { style: CellStyle; addresses: string[] }>();
  for (const it of items) {
    const key = JSON.stringify(it.style);
    const g = groups.get(key);
    if (g) g.addresses.push(it.address);
    else groups.set(key, { style: it.style, addresses: [it.address] });
  }
  for (const { style, addresses } of groups.values()) {
    const { numFmt, ...format } = style;
    for (const chunk of addressChunks(addresses)) {
      const address = chunk.join(',');
      if (Object.keys(format).length > 0) {
        // Each property set is an action with its own object path (format, fill, font...).
        await w.add(address.length + jsonBytes(format) + 300 * Object.keys(format).length, () =>
          applyStyle(ws.getRanges(address).format, format),
        );
      }
      if (numFmt) {
        // RangeAreas has no number format: each area gets its own.
        for (const a of chunk)
          await w.add(a.length + numFmt.length + 40, () => {
            (ws.getRange(a) as unknown as { numberFormat: string }).numberFormat = numFmt;
          });
      }
    }
  }
}

/**
 * Applies generated sheets and highlights: deletes the product's earlier sheets (and any it no
 * longer has content for), writes each plan into a new sheet in the old one's place, points its
 * marker at it, and replaces the product's rules on the user's sheets. The caller has checked
 * {@link conflictingSheets}. Returns the names written.
 */
async function applyPlans(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  plans: readonly SheetPlan[],
  highlights: readonly HighlightPlan[],
  generated: readonly (readonly [key: string, name: string])[],
  counter?: SyncCounter,
  options: { activate?: string } = {},
): Promise<string[]> {
  const w = new BatchWriter(context, counter);
  const sheets = context.workbook.worksheets;
  // Each new sheet goes where its predecessor was, counted among the sheets there are by then.
  const original = new Map<string, number>();
  const deleted = new Set<string>();
  for (const [key, name] of generated) {
    const own = ownSheetName(snapshot, key, name);
    if (own) {
      original.set(key, snapshot.sheetNames.indexOf(own));
      deleted.add(own);
      await w.add(60, () => sheets.getItem(own).delete());
    }
    const marker = markerName(key);
    if (snapshot.markerNames.has(marker)) await w.add(60, () => context.workbook.names.getItem(marker).delete());
  }
  const order = snapshot.sheetNames.map((name, k) => ({ name, k })).filter((s) => !deleted.has(s.name));
  const written: string[] = [];
  for (const plan of plans) {
    let ws!: Excel.Worksheet;
    const was = original.get(plan.key);
    const at = was === undefined ? order.length : order.filter((s) => s.k < was).length;
    order.splice(at, 0, { name: plan.name, k: was ?? Infinity });
    await w.add(80 + plan.name.length, () => {
      ws = sheets.add(plan.name);
      if (was !== undefined) ws.position = at;
    });
    await writeSheet(ws, plan, w);
    if (options.activate === plan.name) await w.add(20, () => ws.activate());
    const comment = `Written by Production Planner (${quoteSheetName(plan.name, true)})`;
    await w.add(120, () => context.workbook.names.add(markerName(plan.key), ws.getRange('A1'), comment));
    written.push(plan.name);
  }
  // The product's earlier rules go wherever they are (when new ones are written); then the new ones.
  // By id: deleting by position would shift the positions of the rules after it.
  if (highlights.length > 0) {
    for (const rule of snapshot.ownRules)
      await w.add(60 + rule.id.length, () =>
        sheets.getItem(rule.sheet).getRange().conditionalFormats.getItem(rule.id).delete(),
      );
  }
  for (const h of highlights) {
    for (const rule of h.rules) {
      await w.add(rule.formula.length + 200, () => {
        const cf = sheets.getItem(h.sheet).getRange(h.range).conditionalFormats.add('Custom');
        cf.custom.rule.formula = `=${rule.formula}`;
        if (rule.style.fill) cf.custom.format.fill.color = color(rule.style.fill);
        if (rule.style.color) cf.custom.format.font.color = color(rule.style.color);
        if (rule.style.bold) cf.custom.format.font.bold = true;
      });
    }
  }
  // Calculation was suspended while writing: recalculate what depends on the new cells.
  await w.add(40, () => context.application.calculate('Recalculate'));
  await w.flush();
  return written;
}

/**
 * Writes input sheets (an import's Settings, Tasks...) as the user's own: no marker, so neither
 * Regenerate nor Clean ever touches them. The sheets named in `replace` (the user agreed) give way:
 * the new sheets are added under passing names first, so that a workbook whose only sheet is
 * replaced keeps one. Batched, as applyPlans, into as few syncs as the payload limit allows.
 */
export async function writeInputSheets(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  replace: readonly string[],
  counter?: SyncCounter,
): Promise<void> {
  const w = new BatchWriter(context, counter);
  const sheets = context.workbook.worksheets;
  const added: Excel.Worksheet[] = [];
  for (const plan of plans) {
    let ws!: Excel.Worksheet;
    await w.add(80 + plan.name.length, () => {
      ws = sheets.add(`${plan.name.slice(0, 20)} (importing)`);
    });
    added.push(ws);
    await writeSheet(ws, plan, w);
  }
  for (const name of replace) await w.add(60 + name.length, () => sheets.getItem(name).delete());
  for (let k = 0; k < plans.length; k++) {
    const ws = added[k];
    const name = plans[k].name;
    await w.add(60 + name.length, () => {
      ws.name = name;
    });
  }
  const tasks = plans.findIndex((p) => p.name === 'Tasks');
  if (tasks >= 0) await w.add(20, () => added[tasks].activate());
  await w.flush();
}

/**
 * The Regenerate flow's port inside Excel, over the snapshot {@link readWorkbook} took. Writes are
 * queued and applied together at `commit` by {@link applyPlans}, which batches them into as few
 * syncs as the payload limit allows (one for most plans) and deletes the product's earlier sheets
 * before placing the new ones.
 */
export function officeWriter(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  counter?: SyncCounter,
): WorkbookWriter {
  const plans: SheetPlan[] = [];
  const stale: GeneratedSheet[] = [];
  const highlights: HighlightPlan[] = [];
  let activate: string | undefined;
  // The generated sheets cleared before writing (those rewritten and those gone stale), in GENERATED_SHEETS order.
  const rank = (key: string) => {
    const k = GENERATED_SHEETS.findIndex(([g]) => g === key);
    return k < 0 ? GENERATED_SHEETS.length : k;
  };
  return {
    conflictingSheets: async (p) => conflictingSheets(snapshot, p),
    applySheetPlan: async (plan) => {
      plans.push(plan);
    },
    removeStaleSheets: async (sheets) => {
      stale.push(...sheets);
    },
    applyHighlights: async (h) => {
      highlights.push(...h);
    },
    activate: async (name) => {
      activate = name;
    },
    commit: async () => {
      const generated: GeneratedSheet[] = [...plans.map((p): GeneratedSheet => [p.key, p.name]), ...stale].sort(
        (a, b) => rank(a[0]) - rank(b[0]),
      );
      await applyPlans(context, snapshot, plans, highlights, generated, counter, { activate });
    },
  };
}
