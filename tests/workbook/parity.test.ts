/**
 * Both hosts run the one Regenerate flow: the file path (regenerateFile, over ExcelJS, read back
 * from the file it writes) and the Office.js adapter (regenerateWorkbook, over the simulated Excel
 * host). On the samples, on a plan with errors and on a sheet in the way, they must write the same
 * thing: sheet names and order, cell values, number formats, fills, fonts, alignment, borders,
 * column widths, freeze panes, filters, tab colours, outlines, links, print setup, highlight rules
 * and markers. Where the hosts differ on purpose, the difference is asserted, not skipped.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { regenerateWorkbook } from '../../src/commands/regenerate';
import { GENERATED_SHEETS } from '../../src/core/layout';
import { parseMarkerName } from '../../src/core/layout/sheet-plan';
import type { Issue } from '../../src/core/model';
import { cellLocation, columnLetters, formatLocation } from '../../src/core/location';
import { excelJsWriter, workbookToBuffer } from '../../src/workbook/exceljs-host';
import { loadPlanFile, regenerateFile } from '../../src/workbook/files';
import { workbookFromJsonPlan } from '../../src/workbook/from-json';
import { regenerate, sheetConflictIssue } from '../../src/workbook/regenerate-flow';
import { ExamplePlan, factoryRun, filmShoot } from '../../scripts/examples';
import { SimSheet, SimWorkbook, simWorkbookFromJson, simulatedExcel } from '../support/excel-sim';
import { tempDir } from './fixtures';

const TODAY = { today: new Date(Date.UTC(2027, 2, 1)) };
const GENERATED: string[] = GENERATED_SHEETS.map(([, name]) => name);
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

// ---- One vocabulary for both hosts -----------------------------------------------------------

type Style = Record<string, string | number | boolean>;

/** What one generated sheet holds, as either host shows it. Cells are keyed `row,col` (0-based). */
interface SheetView {
  values: Record<string, string | number | boolean>;
  /** Number formats of the cells holding values. */
  numFmts: Record<string, string>;
  /** Formatting of every cell in the sheet's extent that has any. */
  styles: Record<string, Style>;
  /** Styles of whole columns (what empty cells below the plan show). */
  columnStyles: Record<number, Style>;
  /** Column widths in points, as Excel's default font measures characters; null: none written. */
  widths: (number | null)[];
  links: Record<string, string>;
  freeze: { rows: number; cols: number } | null;
  autoFilter: string | null;
  tabColor: string | null;
  /** Outline level of each row that has one. */
  outline: Record<number, number>;
  print: Record<string, unknown>;
}

interface Rule {
  range: string;
  formula: string;
  format: Style;
}

interface BookView {
  sheets: string[];
  /** Marker names -> the reference they hold. */
  markers: Record<string, string>;
  /** Conditional-format rules by sheet. */
  rules: Record<string, Rule[]>;
  generated: Record<string, SheetView>;
}

const key = (r: number, c: number) => `${r},${c}`;
/** A width in characters in points, as office-host.ts converts it. */
const points = (chars: number) => Math.round((chars * 7 + 5) * 0.75);
/**
 * ExcelJS takes 9 characters for its default column width and writes no width for such a column,
 * so a column planned 9 wide opens in Excel at the sheet's default (8.43) from a file; inside
 * Excel it is 9 wide.
 */
const DEFAULT_WIDTH = 9;
const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);

function clean(style: Style): Style {
  const out: Style = {};
  for (const k of Object.keys(style).sort()) {
    const v = style[k];
    if (v === undefined || v === false || v === '') continue;
    out[k] = v;
  }
  return out;
}

// ---- The file host, read back with ExcelJS ---------------------------------------------------

const EXCELJS_BORDERS: Record<string, string> = {
  thin: 'Continuous/Thin',
  medium: 'Continuous/Medium',
  thick: 'Continuous/Thick',
  dashed: 'Dash/Thin',
  mediumDashed: 'Dash/Medium',
};

function excelJsStyle(s: Partial<ExcelJS.Style>): Style {
  const out: Style = {};
  const fill = s.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') out.fill = hex(fill.fgColor?.argb)!;
  const font = s.font ?? {};
  if (font.bold) out.bold = true;
  if (font.italic) out.italic = true;
  if (font.underline) out.underline = true;
  if (font.color?.argb) out.color = hex(font.color.argb)!;
  // 11 points is the workbook's default font, which ExcelJS reports on every styled cell.
  if (font.size && font.size !== 11) out.size = font.size;
  const align = s.alignment ?? {};
  if (align.indent) out.indent = align.indent;
  if (align.horizontal) out.align = align.horizontal;
  if (align.wrapText) out.wrap = true;
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    const b = s.border?.[side];
    if (b?.style) out[`border-${side}`] = `${EXCELJS_BORDERS[b.style] ?? b.style}/${hex(b.color?.argb)}`;
  }
  return clean(out);
}

/** A sheet's view before either host's reader fills it. */
function emptyView(): SheetView {
  return {
    values: {},
    numFmts: {},
    styles: {},
    columnStyles: {},
    widths: [],
    links: {},
    freeze: null,
    autoFilter: null,
    tabColor: null,
    outline: {},
    print: {},
  };
}

function excelJsSheet(ws: ExcelJS.Worksheet): SheetView {
  const view = emptyView();
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    if (row.outlineLevel) view.outline[r - 1] = row.outlineLevel;
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      let v = cell.value as unknown;
      if (v && typeof v === 'object' && 'hyperlink' in (v as object)) {
        view.links[key(r - 1, c - 1)] = String((v as ExcelJS.CellHyperlinkValue).hyperlink).replace(/^#/, '');
        v = (v as ExcelJS.CellHyperlinkValue).text;
      }
      // Dates come back as Dates: compare them as the serials Office.js reads.
      if (v instanceof Date) v = v.getTime() / 86400000 + 25569;
      if (v !== null && v !== undefined && v !== '') {
        view.values[key(r - 1, c - 1)] = v as string | number | boolean;
        view.numFmts[key(r - 1, c - 1)] = cell.numFmt || 'General';
      }
      const style = excelJsStyle(cell.style);
      if (Object.keys(style).length > 0) view.styles[key(r - 1, c - 1)] = style;
    }
  }
  for (let c = 1; c <= cols; c++) {
    const column = ws.getColumn(c);
    // Excel's own conversion of a width in characters to points (as office-host.ts writes it);
    // null where the file holds no width (see DEFAULT_WIDTH).
    view.widths.push(column.width === undefined ? null : points(column.width));
    const style = excelJsStyle(column.style ?? {});
    if (Object.keys(style).length > 0) view.columnStyles[c - 1] = style;
  }
  const frozen = ws.views.find((v) => v.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
  view.freeze = frozen ? { rows: frozen.ySplit ?? 0, cols: frozen.xSplit ?? 0 } : null;
  const filter = ws.autoFilter as unknown;
  view.autoFilter = typeof filter === 'string' ? filter : filter ? JSON.stringify(filter) : null;
  view.tabColor = hex((ws.properties.tabColor as { argb?: string } | undefined)?.argb) ?? null;
  const p = ws.pageSetup;
  view.print = clean({
    orientation: p.orientation ?? 'portrait',
    titleRows: p.printTitlesRow ?? '',
    titleColumns: p.printTitlesColumn ?? '',
    fitToWidth: p.fitToPage === true && p.fitToWidth === 1 && p.fitToHeight === 0,
    scale: p.fitToPage || p.scale === 100 ? '' : (p.scale ?? ''),
    acrossFirst: p.pageOrder === 'overThenDown',
    printArea: p.printArea ?? '',
    header: ws.headerFooter?.oddHeader ?? '',
    footer: ws.headerFooter?.oddFooter ?? '',
  });
  return view;
}

async function excelJsBook(file: string): Promise<BookView> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return excelJsBookOf(wb);
}

function excelJsBookOf(wb: ExcelJS.Workbook): BookView {
  const markers: Record<string, string> = {};
  for (const n of wb.definedNames.model) if (parseMarkerName(n.name) !== null) markers[n.name] = n.ranges.join(',');
  const rules: Record<string, Rule[]> = {};
  const generated: Record<string, SheetView> = {};
  for (const ws of wb.worksheets) {
    const all =
      (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ??
      [];
    const list = all.flatMap((cf) =>
      cf.rules.map((rule) => {
        const style = (rule as { style?: Partial<ExcelJS.Style> }).style ?? {};
        const fill = style.fill as ExcelJS.FillPattern | undefined;
        return {
          range: cf.ref,
          formula: ((rule as { formulae?: string[] }).formulae ?? []).join(';'),
          format: clean({
            fill: hex(fill?.bgColor?.argb) ?? '',
            color: hex(style.font?.color?.argb) ?? '',
            bold: style.font?.bold === true,
          }),
        };
      }),
    );
    if (list.length > 0) rules[ws.name] = list;
    if (GENERATED.includes(ws.name)) generated[ws.name] = excelJsSheet(ws);
  }
  return { sheets: wb.worksheets.map((ws) => ws.name), markers, rules, generated };
}

// ---- The Office.js host, on the simulated workbook -------------------------------------------

const SIM_EDGES: Record<string, string> = {
  EdgeTop: 'top',
  EdgeRight: 'right',
  EdgeBottom: 'bottom',
  EdgeLeft: 'left',
};

function simStyle(props: Record<string, unknown>): Style {
  const out: Style = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'align') out.align = String(v).toLowerCase();
    else if (k === 'numberFormat') continue;
    else if (!/^border/.test(k)) out[k] = v as string | number | boolean;
  }
  for (const edge of Object.keys(SIM_EDGES)) {
    const style = props[`border${edge}Style`];
    if (style)
      out[`border-${SIM_EDGES[edge]}`] = `${style}/${props[`border${edge}Weight`]}/${props[`border${edge}Color`]}`;
  }
  return clean(out);
}

function simSheet(s: SimSheet): SheetView {
  const view = emptyView();
  const columnFormats = s.formats.filter((f) => f.area.row === 0 && f.area.rows === MAX_ROWS);
  let rows = 0;
  let cols = 0;
  for (const [k, cell] of s.cells) {
    const r = Math.floor(k / MAX_COLS);
    const c = k % MAX_COLS;
    if (cell.value === '' && !cell.formula) continue;
    view.values[key(r, c)] = cell.formula ?? cell.value;
    const columnFormat = [...columnFormats]
      .reverse()
      .find((f) => c >= f.area.col && c < f.area.col + f.area.cols && f.props.numberFormat);
    view.numFmts[key(r, c)] =
      cell.numberFormat ?? (columnFormat?.props.numberFormat as string | undefined) ?? 'General';
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  // Paint the formats in order (later ones win), cell by cell: whole columns as column styles.
  const painted = new Map<string, Record<string, unknown>>();
  const columns = new Map<number, Record<string, unknown>>();
  for (const f of s.formats) {
    if (f.area.rows === MAX_ROWS) {
      for (let c = f.area.col; c < f.area.col + f.area.cols; c++) columns.set(c, { ...columns.get(c), ...f.props });
      continue;
    }
    for (let r = f.area.row; r < f.area.row + f.area.rows; r++) {
      for (let c = f.area.col; c < f.area.col + f.area.cols; c++) {
        painted.set(key(r, c), { ...painted.get(key(r, c)), ...f.props });
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
    }
  }
  // A cell takes its column's format, overridden by its own.
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const style = simStyle({ ...columns.get(c), ...painted.get(key(r, c)) });
      if (Object.keys(style).length > 0) view.styles[key(r, c)] = style;
    }
  }
  for (const [c, props] of columns) {
    const style = simStyle(props);
    if (Object.keys(style).length > 0) view.columnStyles[c] = style;
  }
  for (let c = 0; c < cols; c++) view.widths.push(s.columnWidths.get(c) ?? 0);
  for (const [k, link] of s.hyperlinks)
    view.links[key(Math.floor(k / MAX_COLS), k % MAX_COLS)] = link.documentReference ?? '';
  view.freeze = s.freeze ? { rows: s.freeze.rows, cols: s.freeze.cols } : null;
  const a = s.autoFilter;
  view.autoFilter = a
    ? `${columnLetters(a.col)}${a.row + 1}:${columnLetters(a.col + a.cols - 1)}${a.row + a.rows}`
    : null;
  view.tabColor = s.tabColor || null;
  for (let r = 0; r < rows; r++) {
    const level = s.groups.filter((g) => r >= g.row && r < g.row + g.rows).length;
    if (level > 0) view.outline[r] = level;
  }
  const page = s.page as {
    orientation?: string;
    titleRows?: string;
    titleColumns?: string;
    zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
    printOrder?: string;
    printArea?: string;
  };
  view.print = clean({
    orientation: (page.orientation ?? 'portrait').toLowerCase(),
    titleRows: (page.titleRows ?? '').replace(/\$/g, ''),
    titleColumns: (page.titleColumns ?? '').replace(/\$/g, ''),
    fitToWidth: page.zoom?.horizontalFitToPages === 1 && page.zoom.verticalFitToPages === 0,
    scale: page.zoom?.scale ?? '',
    acrossFirst: page.printOrder === 'OverThenDown',
    printArea: (page.printArea ?? '').replace(/\$/g, ''),
    header: headerFooterOf(s.page, 'header'),
    footer: headerFooterOf(s.page, 'footer'),
  });
  return view;
}

/** The three parts set through Office.js, in the one string of the file format (`&L...&C...&R...`). */
function headerFooterOf(page: Record<string, unknown>, part: 'header' | 'footer'): string {
  return (['left', 'center', 'right'] as const)
    .map((side) => {
      const text = page[`${part}.${side}`];
      return text ? `&${side[0].toUpperCase()}${String(text)}` : '';
    })
    .join('');
}

function simBook(book: SimWorkbook): BookView {
  const markers: Record<string, string> = {};
  for (const [name, v] of book.names) if (parseMarkerName(name) !== null) markers[name] = v.formula.replace(/^=/, '');
  const rules: Record<string, Rule[]> = {};
  const generated: Record<string, SheetView> = {};
  for (const s of book.sheets) {
    const list = s.rules
      .filter((r) => !r.deleted)
      .map((r) => ({
        range: r.area.replace(/^.*!/, ''),
        formula: r.formula.replace(/^=/, ''),
        format: clean(r.format as Style),
      }));
    if (list.length > 0) rules[s.name] = list;
    if (GENERATED.includes(s.name)) generated[s.name] = simSheet(s);
  }
  return { sheets: book.sheets.map((s) => s.name), markers, rules, generated };
}

// ---- Comparing -------------------------------------------------------------------------------

/** Compares one generated sheet field by field (each its own assertion, so a failure names it). */
function expectSameSheet(name: string, file: SheetView, excel: SheetView): void {
  const same = (field: string, fileValue: unknown, excelValue: unknown) =>
    expect({ sheet: name, field, value: excelValue }).toEqual({ sheet: name, field, value: fileValue });
  for (const field of [
    'values',
    'numFmts',
    'columnStyles',
    'links',
    'freeze',
    'autoFilter',
    'tabColor',
    'outline',
    'print',
  ] as const) {
    same(field, file[field], excel[field]);
  }
  same(
    'widths',
    file.widths,
    excel.widths.map((w) => (w === points(DEFAULT_WIDTH) ? null : w)),
  );
  // Links: ExcelJS gives a link cell the link colour and underline itself; Excel applies its own
  // Hyperlink style to the cell, which the simulator does not model. Everything else matches.
  const styles: Record<string, Style> = { ...excel.styles };
  for (const at of Object.keys(excel.links))
    styles[at] = clean({ ...excel.styles[at], color: '#0563C1', underline: true });
  same('styles', file.styles, styles);
}

function issueList(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.severity} ${formatLocation(i.at)}: ${i.message}`);
}

async function inputFile(
  dir: string,
  name: string,
  doc: Record<string, unknown>,
  tasksAsTable: boolean,
  more?: (wb: ExcelJS.Workbook) => void,
): Promise<string> {
  const wb = workbookFromJsonPlan(doc, { tasksAsTable });
  more?.(wb);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await workbookToBuffer(wb));
  return file;
}

async function zipParts(file: string): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(fs.readFileSync(file))).files);
}

// ---- The cases -------------------------------------------------------------------------------

describe.each([
  ['film', filmShoot],
  ['factory', factoryRun],
] as [string, () => ExamplePlan][])('the %s sample: both hosts write the same workbook', (_name, make) => {
  const example = make();
  let file: BookView;
  let excel: BookView;
  let fileResult: Awaited<ReturnType<typeof regenerateFile>>;
  let excelSummary: Awaited<ReturnType<typeof regenerateWorkbook>>;
  let book: SimWorkbook;
  let output: string;

  beforeAll(async () => {
    const dir = tempDir();
    const input = await inputFile(dir, 'plan.xlsx', example.doc, example.tasksAsTable);
    fileResult = await regenerateFile(input, TODAY);
    output = fileResult.written!;
    file = await excelJsBook(output);
    const sim = simulatedExcel(simWorkbookFromJson(example.doc));
    excelSummary = await regenerateWorkbook(sim.run, TODAY);
    book = sim.book;
    excel = simBook(book);
  });

  test('the same outcome: sheets written, issues', () => {
    expect(fileResult.sheets).toEqual(excelSummary.sheets);
    expect(excelSummary.written).toBe(true);
    expect(issueList(excelSummary.issues)).toEqual(issueList(fileResult.calc.issues));
  });

  test('the same sheets in the same order, and the same markers', () => {
    expect(excel.sheets).toEqual(file.sheets);
    expect(Object.keys(excel.generated).sort()).toEqual(Object.keys(file.generated).sort());
    expect(excel.markers).toEqual(file.markers);
    expect(Object.keys(file.markers).sort()).toEqual(
      GENERATED_SHEETS.filter(([, name]) => fileResult.sheets.includes(name))
        .map(([k]) => `ProductionPlanner.${k}`)
        .sort(),
    );
  });

  test("the same highlight rules on the user's sheets", () => {
    expect(excel.rules).toEqual(file.rules);
    expect(Object.keys(file.rules).length).toBeGreaterThan(0);
  });

  test.each(GENERATED)(
    '%s: the same values, number formats, formats, widths, panes, outline, links and print setup',
    (sheet) => {
      if (!fileResult.sheets.includes(sheet)) {
        expect(file.generated[sheet]).toBeUndefined();
        expect(excel.generated[sheet]).toBeUndefined();
        return;
      }
      expectSameSheet(sheet, file.generated[sheet], excel.generated[sheet]);
      expect(Object.keys(file.generated[sheet].values).length).toBeGreaterThan(0);
    },
  );

  test("a column 9 characters wide: 9 inside Excel; no width in the file (ExcelJS's default), so Excel's default", () => {
    const nine = (view: SheetView) => view.widths.flatMap((w, c) => (w === points(DEFAULT_WIDTH) ? [c] : []));
    const none = (view: SheetView) => view.widths.flatMap((w, c) => (w === null ? [c] : []));
    expect(nine(excel.generated.Schedule)).toEqual([7]); // Critical
    expect(none(file.generated.Schedule)).toEqual([7]);
    expect(none(excel.generated.Schedule)).toEqual([]);
  });

  test('number formats of empty data cells: Excel gets them by column block, the file only where there are values', async () => {
    const emptyFormatted = (cells: { value: unknown; numFmt?: string }[]) =>
      cells.filter((c) => (c.value === null || c.value === '') && c.numFmt).length;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const counts = fileResult.sheets.map((sheet) => {
      const inExcel = [...book.sheet(sheet)!.cells.values()].map((c) => ({
        value: c.formula ?? c.value,
        numFmt: c.numberFormat,
      }));
      const inFile: ExcelJS.Cell[] = [];
      wb.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          inFile.push(cell);
        }),
      );
      return { sheet, excel: emptyFormatted(inExcel) > 0, file: emptyFormatted(inFile) > 0 };
    });
    // The money sheets have empty cells among their figures (a line with no ETC, a week not yet reported).
    expect(counts).toEqual(
      fileResult.sheets.map((sheet) => ({
        sheet,
        excel: sheet === 'Cost Report' || sheet === 'Earned Value',
        file: false,
      })),
    );
  });

  test('charts: drawn inside Excel only, the file writer cannot make them', async () => {
    const charts = book.sheets.flatMap((s) => s.charts.map((c) => ({ sheet: s.name, type: c.type, title: c.title })));
    expect(charts).toEqual(
      fileResult.sheets.includes('Earned Value')
        ? [{ sheet: 'Earned Value', type: 'Line', title: expect.stringMatching(/^S-curve/) }]
        : [],
    );
    expect((await zipParts(output)).filter((p) => p.startsWith('xl/charts/'))).toEqual([]);
  });
});

describe('a plan with errors', () => {
  const doc = filmShoot().doc;
  const broken = { ...doc, tasks: doc.tasks.map((t, k) => (k === 2 ? { ...t, Duration: '5x' } : t)) };

  test('the file writes nothing; Excel writes the Plan Issues sheet alone and shows it; the issues are the same', async () => {
    const dir = tempDir();
    const input = await inputFile(dir, 'plan.xlsx', broken, false);
    const target = path.join(dir, 'out.xlsx');
    const fileResult = await regenerateFile(input, { ...TODAY, output: target });
    const sim = simulatedExcel(simWorkbookFromJson(broken));
    const summary = await regenerateWorkbook(sim.run, TODAY);

    expect(issueList(summary.issues)).toEqual(issueList(fileResult.calc.issues));
    expect(summary.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', at: cellLocation('Tasks', 3, 2) }),
    );
    // The difference, on purpose (onErrors): the command lists the errors and writes nothing...
    expect(fileResult.written).toBeNull();
    expect(fileResult.sheets).toEqual([]);
    expect(fs.existsSync(target)).toBe(false);
    // ...while a ribbon click has only the workbook to tell what to fix.
    expect(summary.written).toBe(false);
    expect(summary.sheets).toEqual(['Plan Issues']);
    expect(sim.book.sheets.map((s) => s.name)).toEqual([
      'Settings',
      'Tasks',
      'Resources',
      'Budget',
      'Holidays',
      'Plan Issues',
    ]);
    expect(sim.book.active).toBe('Plan Issues');
    expect(Object.keys(simBook(sim.book).markers)).toEqual(['ProductionPlanner.PlanIssues']);
    expect(simBook(sim.book).rules).toEqual({});
  });

  test('given the same option, the ExcelJS adapter writes the same Plan Issues sheet as Excel, shown', async () => {
    const dir = tempDir();
    const input = await inputFile(dir, 'plan.xlsx', broken, false);
    const loaded = await loadPlanFile(input);
    const outcome = await regenerate(loaded.raw, excelJsWriter(loaded.excel!), {
      read: TODAY,
      onErrors: 'write-issues-sheet',
    });
    const written = path.join(dir, 'issues.xlsx');
    fs.writeFileSync(written, await workbookToBuffer(loaded.excel!));
    const sim = simulatedExcel(simWorkbookFromJson(broken));
    const summary = await regenerateWorkbook(sim.run, TODAY);

    expect(outcome).toMatchObject({ written: false, sheets: summary.sheets });
    const file = await excelJsBook(written);
    const excel = simBook(sim.book);
    expect(excel.sheets).toEqual(file.sheets);
    expect(excel.markers).toEqual(file.markers);
    expect(excel.rules).toEqual(file.rules);
    expectSameSheet('Plan Issues', file.generated['Plan Issues'], excel.generated['Plan Issues']);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(written);
    expect(reread.worksheets[reread.views[0].activeTab].name).toBe(sim.book.active);
  });
});

test('a sheet in the way: neither host writes anything, and both say so in the same words', async () => {
  const doc = filmShoot().doc;
  const dir = tempDir();
  const input = await inputFile(dir, 'plan.xlsx', doc, false, (wb) => {
    wb.addWorksheet('Gantt').getCell('A1').value = 'My own notes';
  });
  const target = path.join(dir, 'out.xlsx');
  const fileResult = await regenerateFile(input, { ...TODAY, output: target });
  const book = simWorkbookFromJson(doc);
  book.setRows('Gantt', [['My own notes']]);
  const sim = simulatedExcel(book);
  const summary = await regenerateWorkbook(sim.run, TODAY);

  expect(issueList(summary.issues)).toEqual(issueList(fileResult.calc.issues));
  expect(summary.issues.filter((i) => i.severity === 'error')).toEqual([sheetConflictIssue('Gantt')]);
  expect(fileResult.written).toBeNull();
  expect(fs.existsSync(target)).toBe(false);
  expect(summary).toMatchObject({ written: false, sheets: [] });
  expect(book.sheets.map((s) => s.name)).toEqual(['Settings', 'Tasks', 'Resources', 'Budget', 'Holidays', 'Gantt']);
  expect(sim.runs[0].syncs).toBe(2); // the reads only
});
