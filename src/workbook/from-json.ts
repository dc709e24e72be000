import ExcelJS from 'exceljs';
import { parseDateText, excelSerialFromWall } from '../core/time';

type Row = Record<string, unknown>;

export interface JsonToWorkbookOptions {
  /** Write the Tasks sheet as an Excel table rather than a plain range. */
  tasksAsTable?: boolean;
  /** The Tasks columns to put first, in this order (those present); the rest follow as they come. */
  taskColumns?: readonly string[];
}

const DATE_HEADER = /date|start|finish|deadline|^day$/i;

function cellValue(header: string, v: unknown): { value: ExcelJS.CellValue; numFmt?: string } {
  if (typeof v === 'string' && DATE_HEADER.test(header)) {
    const d = parseDateText(v);
    if (d) return { value: excelSerialFromWall(d.wall), numFmt: d.hasTime ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd' };
  }
  if (v === null || v === undefined) return { value: null };
  return { value: v as ExcelJS.CellValue };
}

function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  rows: Row[],
  asTable: boolean,
  first: readonly string[] = [],
): void {
  const ws = wb.addWorksheet(name);
  const headers: string[] = first.filter((h) => rows.some((r) => r[h] !== undefined));
  for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
  if (headers.length === 0) return;
  if (asTable && rows.length > 0) {
    ws.addTable({
      name: `${name.replace(/\W/g, '')}Table`,
      ref: 'A1',
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: headers.map((h) => ({ name: h, filterButton: true })),
      rows: rows.map((r) => headers.map((h) => cellValue(h, r[h]).value)),
    });
  } else {
    ws.getRow(1).values = headers;
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      headers.forEach((h, c) => {
        const { value } = cellValue(h, r[h]);
        if (value !== null) row.getCell(c + 1).value = value;
      });
    });
  }
  ws.getRow(1).font = { bold: true };
  headers.forEach((h, c) => {
    const col = ws.getColumn(c + 1);
    col.width = Math.min(40, Math.max(10, h.length + 2, ...rows.map((r) => String(r[h] ?? '').length + 2)));
    const fmt = rows.map((r) => cellValue(h, r[h]).numFmt).find(Boolean);
    if (fmt) col.numFmt = fmt;
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

/** Builds a workbook as a coordinator would type it from the JSON form of a plan (dates become Excel dates). */
export function workbookFromJsonPlan(
  doc: Record<string, unknown>,
  options: JsonToWorkbookOptions = {},
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Production Planner';
  wb.created = new Date(Date.UTC(2027, 0, 1));
  wb.modified = wb.created;
  const settings = (doc.settings ?? {}) as Row;
  addTable(
    wb,
    'Settings',
    Object.entries(settings).map(([Setting, Value]) => ({ Setting, Value })),
    false,
  );
  const settingsWs = wb.getWorksheet('Settings')!;
  settingsWs.eachRow((row, r) => {
    if (r > 1) {
      const key = String(row.getCell(1).value);
      const v = settings[key];
      if (typeof v === 'string' && /date|start/i.test(key)) {
        const d = parseDateText(v);
        if (d) {
          row.getCell(2).value = excelSerialFromWall(d.wall);
          row.getCell(2).numFmt = 'yyyy-mm-dd';
        }
      }
    }
  });
  addTable(wb, 'Tasks', (doc.tasks ?? []) as Row[], options.tasksAsTable === true, options.taskColumns);
  for (const [key, name] of [
    ['resources', 'Resources'],
    ['budget', 'Budget'],
    ['holidays', 'Holidays'],
    ['calendars', 'Calendars'],
  ] as const) {
    const rows = doc[key] as Row[] | undefined;
    if (rows && rows.length > 0) addTable(wb, name, rows, false);
  }
  return wb;
}
