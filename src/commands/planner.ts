/**
 * The task pane's other flows inside Excel, each one `Excel.run` (or a simulated host in tests):
 * go to an issue's cell, read and save the pane's settings on the Settings sheet, set the
 * baseline, explain the selected task.
 */
import { planBaseline } from '../core/baseline';
import { calculate, hasErrors } from '../core/calculate';
import type { Issue } from '../core/model';
import { Location, a1, cellOf, isWorkbookPlace, sheetOfAddress } from '../core/location';
import { normalizeHeader } from '../core/helpers';
import { TaskExplanation, explainTask } from '../core/schedule/explain';
import { excelSerialFromWall } from '../core/time';
import { BatchWriter, jsonBytes, readWorkbook } from '../workbook/office-host';
import type { ExcelRun } from './regenerate';

/** Selects the cell (or row) an issue is about and shows its sheet. False for a place that is not a cell or row. */
export async function goToCell(run: ExcelRun, at: Location): Promise<boolean> {
  if (!isWorkbookPlace(at)) return false;
  const address = at.kind === 'cell' ? a1(at.row, at.column) : `${at.row + 1}:${at.row + 1}`;
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(at.sheet);
    await context.sync();
    if (ws.isNullObject) return false;
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
    return true;
  });
}

/** The settings the pane edits, as the Settings sheet names them. */
export const PANE_SETTINGS = [
  'Gantt Scale',
  'Variance Amber %',
  'Variance Red %',
  'Variance Sign',
  'EAC Method',
  'Leveling',
  'Leveling Order',
  'Tasks Sheet',
  'Budget Sheet',
  'Resources Sheet',
  'Holidays Sheet',
] as const;
export type PaneSettingName = (typeof PANE_SETTINGS)[number];
export type PaneSettings = Partial<Record<PaneSettingName, string>>;

interface SettingsSheet {
  values: unknown[][];
  firstRow: number;
  firstCol: number;
  /** Row (0-based in `values`) and value column of each known key. */
  rows: Map<string, { r: number; c: number }>;
}

async function loadSettings(
  context: Excel.RequestContext,
): Promise<{ ws: Excel.Worksheet; exists: boolean; sheet: SettingsSheet | null }> {
  const ws = context.workbook.worksheets.getItemOrNullObject('Settings');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values, rowIndex, columnIndex');
  await context.sync();
  if (ws.isNullObject || used.isNullObject) return { ws, exists: !ws.isNullObject, sheet: null };
  const values = used.values;
  const rows = new Map<string, { r: number; c: number }>();
  values.forEach((row, r) => {
    const c = row.findIndex((v) => typeof v === 'string' && v.trim() !== '');
    if (c >= 0) rows.set(normalizeHeader(String(row[c])), { r, c: c + 1 });
  });
  return { ws, exists: true, sheet: { values, firstRow: used.rowIndex, firstCol: used.columnIndex, rows } };
}

/** The pane's settings as the Settings sheet has them (absent: not set, so the default applies). */
export async function readSettings(run: ExcelRun): Promise<PaneSettings> {
  return run(async (context) => {
    const { sheet } = await loadSettings(context);
    const out: PaneSettings = {};
    if (!sheet) return out;
    for (const name of PANE_SETTINGS) {
      const at = sheet.rows.get(normalizeHeader(name));
      const v = at ? sheet.values[at.r][at.c] : undefined;
      if (v !== undefined && v !== '') out[name] = String(v);
    }
    return out;
  });
}

/**
 * Saves settings on the Settings sheet: a setting's row gets the new value beside its name; a
 * setting the sheet lacks gets a new row below the last. Only the given settings are touched.
 */
export async function writeSettings(run: ExcelRun, changes: PaneSettings): Promise<void> {
  await run(async (context) => {
    const { ws, exists, sheet } = await loadSettings(context);
    const target = exists ? ws : context.workbook.worksheets.add('Settings');
    const base = sheet ?? { values: [['Setting', 'Value']], firstRow: 0, firstCol: 0, rows: new Map() };
    if (!sheet) target.getRange('A1:B1').values = [["'Setting", "'Value"]];
    let next = base.firstRow + base.values.length;
    for (const [name, value] of Object.entries(changes) as [PaneSettingName, string][]) {
      const cellValue = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : `'${value}`;
      const at = base.rows.get(normalizeHeader(name));
      if (at) target.getRangeByIndexes(base.firstRow + at.r, base.firstCol + at.c, 1, 1).values = [[cellValue]];
      else target.getRangeByIndexes(next++, base.firstCol, 1, 2).values = [[`'${name}`, cellValue]];
    }
    await context.sync();
  });
}

const BLOCK_ROWS = 20_000;

/** Writes of one column, grouped into contiguous blocks (`K5:K20004`) of at most BLOCK_ROWS rows. */
function columnBlocks(
  writes: { address: string; wall: number }[],
): { address: string; values: (number | string)[][] }[] {
  const byColumn = new Map<string, Map<number, number>>();
  for (const w of writes) {
    const m = /^([A-Z]+)(\d+)$/.exec(w.address)!;
    const col = byColumn.get(m[1]) ?? new Map<number, number>();
    col.set(Number(m[2]), excelSerialFromWall(w.wall));
    byColumn.set(m[1], col);
  }
  const out: { address: string; values: (number | string)[][] }[] = [];
  for (const [col, cells] of byColumn) {
    const rows = [...cells.keys()].sort((a, b) => a - b);
    for (let k = 0; k < rows.length;) {
      const first = rows[k];
      let last = first;
      while (k < rows.length && rows[k] - first < BLOCK_ROWS) last = rows[k++];
      const values: (number | string)[][] = [];
      for (let r = first; r <= last; r++) values.push([cells.get(r) ?? '']);
      out.push({ address: `${col}${first}:${col}${last}`, values });
    }
  }
  return out;
}

export interface BaselineOutcome {
  written: boolean;
  /** Earlier baseline values that change (written only with `replace`). */
  overwrites: string[];
  tasks: number;
  issues: Issue[];
}

/**
 * Sets the baseline on the Tasks sheet: each task's current start and finish into Baseline Start
 * and Baseline Finish (columns added after the last used one when missing). When earlier baseline
 * dates would change, nothing is written unless `replace` is given: the pane asks first.
 */
export async function setBaseline(
  run: ExcelRun,
  options: { replace?: boolean; today?: Date } = {},
): Promise<BaselineOutcome> {
  return run(async (context) => {
    const snapshot = await readWorkbook(context);
    const calc = calculate(snapshot.raw, { today: options.today });
    if (!calc.plan || !calc.schedule || hasErrors(calc.issues))
      return { written: false, overwrites: [], tasks: 0, issues: calc.issues };
    const raw = snapshot.raw.sheets.find((s) => s.name === calc.plan!.sheetNames.tasks)!;
    const plan = planBaseline(calc.plan, calc.schedule, raw)!;
    const outcome = { overwrites: plan.overwrites, tasks: calc.plan.tasks.length, issues: calc.issues };
    if (plan.overwrites.length > 0 && !options.replace) return { written: false, ...outcome };
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    const w = new BatchWriter(context);
    for (const h of plan.headers) {
      await w.add(h.text.length + 200, () => {
        const cell = ws.getRange(h.address);
        cell.values = [[`'${h.text}`]];
        cell.format.font.bold = true;
      });
    }
    // Each baseline column as 2-D blocks from its first task row to its last: rows between tasks
    // (blank rows, which hold nothing in these columns) are written empty.
    for (const block of columnBlocks(plan.writes)) {
      await w.add(jsonBytes(block.values) + 100, () => {
        const range = ws.getRange(block.address);
        (range as unknown as { numberFormat: string }).numberFormat = 'yyyy-mm-dd hh:mm';
        range.values = block.values;
      });
    }
    await w.add(40, () => context.application.calculate('Recalculate'));
    await w.flush();
    return { written: true, ...outcome };
  });
}

/**
 * Explains the task on the selected row: on the Tasks sheet by its row, on a generated sheet
 * (Schedule, Gantt, Earned Value) by the ID in column A.
 */
export async function explainSelection(
  run: ExcelRun,
  options: { today?: Date } = {},
): Promise<{ explanation: TaskExplanation } | { message: string }> {
  return run(async (context) => {
    const selected = context.workbook.getSelectedRange();
    selected.load('address, rowIndex');
    const first = selected.getEntireRow().getCell(0, 0);
    first.load('values');
    const snapshot = await readWorkbook(context);
    const calc = calculate(snapshot.raw, { today: options.today });
    if (!calc.plan || !calc.schedule)
      return { message: 'The plan has errors: fix them (see the issues list), then explain a task.' };
    const plan = calc.plan;
    const sheet = sheetOfAddress(selected.address) ?? '';
    const row = selected.rowIndex;
    let i: number;
    if (sheet.toLowerCase() === plan.sheetNames.tasks.toLowerCase()) {
      i = plan.tasks.findIndex((t) => cellOf(t.refs.id)?.row === row);
    } else {
      const id = String(first.values[0][0] ?? '').trim();
      i = plan.tasks.findIndex((t) => t.id === id);
    }
    if (i < 0)
      return {
        message: `Select a task's row on the ${plan.sheetNames.tasks} sheet (or on Schedule or Gantt), then explain it.`,
      };
    return { explanation: explainTask(plan, calc.schedule, i) };
  });
}
