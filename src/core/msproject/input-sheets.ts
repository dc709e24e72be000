/**
 * An imported plan (the JSON form of the workbook) as the input sheets a coordinator would type:
 * Settings, Tasks, Resources, Calendars and Holidays, with real dates and readable widths. These
 * are the user's sheets from then on: no marker, never replaced by a later Regenerate.
 */
import type { PlanValue, SheetPlan } from '../layout/sheet-plan';
import { parseDateText } from '../time';
import type { PlanDocument } from './import';

type Row = Record<string, string | number>;

const DATE_HEADER = /date|start|finish|deadline|available/i;

function cell(header: string, v: string | number | undefined): PlanValue {
  if (v === undefined) return null;
  if (typeof v === 'string' && DATE_HEADER.test(header)) {
    const d = parseDateText(v);
    if (d) return { date: d.wall };
  }
  return v;
}

function table(key: string, name: string, rows: Row[], fixed: string[] = []): SheetPlan {
  const headers = [...fixed];
  for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
  const hasTime = (h: string) =>
    rows.some((r) => typeof r[h] === 'string' && /T\d\d:\d\d/.test(String(r[h])) && !/T(00:00)$/.test(String(r[h])));
  return {
    key,
    name,
    columns: headers.map((h) => ({
      header: h,
      width: Math.min(40, Math.max(10, h.length + 2, ...rows.map((r) => String(r[h] ?? '').length + 2))),
      ...(DATE_HEADER.test(h) ? { numFmt: hasTime(h) ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd' } : {}),
    })),
    rows: [headers, ...rows.map((r) => headers.map((h) => cell(h, r[h])))],
    styles: [{ row: 0, col: 0, cols: headers.length, style: { bold: true } }],
    links: [],
    freeze: { rows: 1, cols: 0 },
  };
}

/** The sheets an import writes, in the order a coordinator reads them; empty lists are left out. */
export function inputSheetPlans(doc: PlanDocument): SheetPlan[] {
  const settings = Object.entries(doc.settings).map(([Setting, Value]) => ({ Setting, Value }));
  const plans = [
    table('import-settings', 'Settings', settings),
    table('import-tasks', 'Tasks', doc.tasks, ['ID', 'Name', 'Duration', 'Predecessors', 'Outline Level', 'Resources']),
  ];
  // Settings' dates in their Value column.
  plans[0].rows.forEach((row, r) => {
    if (r > 0 && /date|start/i.test(String(row[0])) && typeof row[1] === 'string') {
      const d = parseDateText(row[1]);
      if (d) row[1] = { date: d.wall };
    }
  });
  plans[0].columns[1].numFmt = 'yyyy-mm-dd';
  if (doc.resources.length) plans.push(table('import-resources', 'Resources', doc.resources));
  if (doc.calendars.length) plans.push(table('import-calendars', 'Calendars', doc.calendars));
  if (doc.holidays.length) plans.push(table('import-holidays', 'Holidays', doc.holidays));
  return plans;
}
