import type { Plan } from '../model';
import { round } from '../helpers';
import { describeDriver } from '../schedule/explain';
import type { ScheduleResult } from '../schedule/schedule';
import { presentationOf } from './presentation';
import { PlanValue, SheetPlan, StyledRange } from './sheet-plan';

export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const DATE_FORMAT = 'yyyy-mm-dd';
/** Working days: up to two decimals, no trailing point, 0 for zero. */
export const DAYS_FORMAT = '0.##;-0.##;0';
const CRITICAL_TEXT = 'C00000';
const SUMMARY_FILL = 'F2F2F2';
const HEADER_FILL = '1F3864';

/** Fill of a finish later than its baseline. */
export const SLIPPED_FILL = 'FFC7CE';

/** A task that finishes later than its baseline finish (in working time: not merely at a later wall time). */
export function slipped(t: Plan['tasks'][number], result: ScheduleResult, i: number): boolean {
  return t.baselineFinish !== null && result.calendar.workBetween(t.baselineFinish, result.finish[i]) > 0;
}

/** Width of an ID column: its longest ID, within reason. */
export function idColumnWidth(plan: Plan): number {
  let longest = 2;
  for (const t of plan.tasks) if (t.id.length > longest) longest = t.id.length;
  return Math.min(18, Math.max(6, longest + 2));
}

/** Styles every header row of a generated sheet the same way. */
export function headerStyle(columns: number, row = 0): StyledRange {
  return { row, col: 0, cols: columns, style: { bold: true, fill: HEADER_FILL, color: 'FFFFFF', wrap: true } };
}

/**
 * The Schedule sheet: one row per task in outline order, names indented by
 * outline level, summary rows bold, critical tasks in red, dates as Excel dates.
 */
export function planScheduleSheet(plan: Plan, result: ScheduleResult): SheetPlan {
  const pres = presentationOf(plan, result);
  const days = (minutes: number) => pres.inUnits(minutes);
  const unit = pres.unit;
  const columns = [
    { header: 'ID', width: idColumnWidth(plan) },
    { header: 'Name', width: 40 },
    { header: 'Start', width: pres.dateWidth, numFmt: pres.dateFormat },
    { header: 'Finish', width: pres.dateWidth, numFmt: pres.dateFormat },
    { header: `Duration (${unit})`, width: 10, numFmt: DAYS_FORMAT },
    { header: `Total Float (${unit})`, width: 10, numFmt: DAYS_FORMAT },
    { header: `Free Float (${unit})`, width: 10, numFmt: DAYS_FORMAT },
    { header: 'Critical', width: 9 },
    { header: 'Driving Predecessor', width: 20 },
    { header: '% Complete', width: 11, numFmt: '0%' },
    { header: `Start Variance (${unit})`, width: 10, numFmt: DAYS_FORMAT },
    { header: `Finish Variance (${unit})`, width: 10, numFmt: DAYS_FORMAT },
    // Only for a leveled plan: the sheet of a plan without leveling keeps its columns.
    ...(result.leveling ? [{ header: `Leveling Delay (${unit})`, width: 10, numFmt: DAYS_FORMAT }] : []),
  ];
  const rows: PlanValue[][] = [columns.map((c) => c.header)];
  const styles: StyledRange[] = [headerStyle(columns.length)];
  plan.tasks.forEach((t, i) => {
    const elapsed = t.duration?.elapsed === true && !t.isSummary;
    rows.push([
      t.id,
      t.name,
      { date: result.start[i] },
      { date: result.finish[i] },
      pres.inUnits(result.duration[i], elapsed),
      pres.inUnits(result.totalFloat[i], elapsed),
      pres.inUnits(result.freeFloat[i], elapsed),
      result.critical[i] ? 'Yes' : 'No',
      describeDriver(plan, result, i),
      round(result.percentComplete[i] / 100, 4),
      t.baselineStart !== null ? days(result.calendar.workBetween(t.baselineStart, result.start[i])) : null,
      t.baselineFinish !== null ? days(result.calendar.workBetween(t.baselineFinish, result.finish[i])) : null,
      ...(result.leveling ? [days(result.leveling.delay.get(i) ?? 0)] : []),
    ]);
    const r = i + 1;
    if (t.outlineLevel > 1) styles.push({ row: r, col: 1, style: { indent: Math.min(15, t.outlineLevel - 1) } });
    if (t.isSummary) styles.push({ row: r, col: 0, cols: columns.length, style: { bold: true, fill: SUMMARY_FILL } });
    // An elapsed task's duration and floats are elapsed time (as Project shows them).
    if (elapsed) styles.push({ row: r, col: 4, cols: 3, style: { numFmt: pres.elapsedFormat } });
    if (result.critical[i]) styles.push({ row: r, col: 0, cols: columns.length, style: { color: CRITICAL_TEXT } });
    if (slipped(t, result, i))
      styles.push(
        { row: r, col: 3, style: { fill: SLIPPED_FILL } },
        { row: r, col: 11, style: { fill: SLIPPED_FILL, bold: true } },
      );
  });
  // Yes/No centred, away from the floats' units on its left (`0.63 ed`).
  if (plan.tasks.length > 0) styles.push({ row: 1, col: 7, rows: plan.tasks.length, style: { align: 'center' } });
  return {
    key: 'Schedule',
    name: 'Schedule',
    columns,
    rows,
    styles,
    links: [],
    freeze: { rows: 1, cols: 2 },
    autoFilter: true,
    tabColor: '2F5597',
    print: { landscape: true, titleRows: 1, titleColumns: 2 },
    // Headers such as "Finish Variance (hours)" wrap onto three lines of their narrow columns.
    rowHeights: { 0: 45 },
  };
}
