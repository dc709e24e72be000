/**
 * The Resource Usage sheet, as Microsoft Project's Resource Usage view: each resource booked by a
 * task, with its tasks grouped under it, and one column per period at the Gantt's scale. A
 * resource's row shows the most units booked at once in each period, red where it is
 * over-allocated (the same stretches as the Plan Issues warnings); a task's row shows its units
 * and a bar over the periods it covers.
 */
import type { Plan } from '../model';
import { Booking, bookingsByResource, findOverallocations } from '../resources/overallocation';
import type { ScheduleResult } from '../schedule/schedule';
import { formatLongDay } from '../time';
import {
  TimelineColumn,
  barColumns,
  ganttTimeline,
  timelineColumnPlans,
  timelineSheetPlan,
  writeTimelineHeader,
} from './gantt';
import { headerStyle, idColumnWidth } from './schedule-sheet';
import type { ColumnPlan, PlanValue, SheetPlan, StyledRange } from './sheet-plan';

/** The table left of the timeline: Resource (or task ID), Task, Units, Max (Max Units), Over (over-allocated). */
const LEFT_COLUMNS = 5;

/** Where the table's columns are, for the Resources sheet's highlight that looks resources up here. */
export const USAGE_COLUMNS = { resource: 0, overallocated: 4 } as const;

export const USAGE_COLORS = { booked: 'BDD7EE', resource: 'DDEBF7', over: 'FF7C80' };

/** The most units booked at once within each column, from bookings [start, finish) at their units. */
function peakByColumn(timeline: readonly TimelineColumn[], bookings: readonly Booking[]): number[] {
  const peaks = new Array<number>(timeline.length).fill(0);
  const events = bookings
    .flatMap((b) => [
      { at: b.start, delta: b.units },
      { at: b.finish, delta: -b.units },
    ])
    .sort((x, y) => x.at - y.at || x.delta - y.delta);
  let e = 0;
  let load = 0;
  timeline.forEach((c, k) => {
    // Everything up to the column's start counts as its opening load; then each change within it.
    while (e < events.length && events[e].at <= c.start) load += events[e++].delta;
    let peak = load;
    while (e < events.length && events[e].at < c.end) {
      load += events[e++].delta;
      peak = Math.max(peak, load);
    }
    peaks[k] = Math.round(peak * 1000) / 1000;
  });
  return peaks;
}

/** Whether any task books a Work or Equipment resource: then there is a Resource Usage sheet. */
export function hasResourceBookings(plan: Plan, result: ScheduleResult): boolean {
  return bookingsByResource(plan, result).size > 0;
}

/** The sheet, or null when no task books a Work or Equipment resource. */
export function planResourceUsageSheet(plan: Plan, result: ScheduleResult): SheetPlan | null {
  const byResource = bookingsByResource(plan, result);
  if (byResource.size === 0) return null;

  const { scale, timeline } = ganttTimeline(plan, result, plan.settings.ganttScale);
  const T = LEFT_COLUMNS;
  const width = T + timeline.length;
  const over = findOverallocations(plan, result);
  const leftColumns: ColumnPlan[] = [
    { header: 'Resource', width: Math.max(20, idColumnWidth(plan)) },
    { header: 'Task', width: 28 },
    { header: 'Units', width: 6 },
    { header: 'Max', width: 6 },
    { header: 'Over', width: 5 },
  ];
  const timelineColumns = timelineColumnPlans(timeline, scale);

  const rows: PlanValue[][] = [new Array(width).fill(null), new Array(width).fill(null), new Array(width).fill(null)];
  const styles: StyledRange[] = [];
  rows[0][0] = `${plan.settings.projectName || 'Resource usage'}: resource usage`;
  styles.push({ row: 0, col: 0, style: { bold: true, size: 13 } });
  rows[1][0] = `Status date ${formatLongDay(result.statusDate)}, ${scale} scale; units booked per period, red where over Max Units`;
  styles.push({ row: 1, col: 0, style: { size: 8, italic: true } });
  leftColumns.forEach((c, k) => (rows[2][k] = c.header));
  styles.push(headerStyle(T, 2));
  writeTimelineHeader(rows, styles, timeline, scale, T);

  const rowLevels: number[] = [0, 0, 0];
  for (const def of plan.resources) {
    const booked = byResource.get(def.name.toLowerCase());
    if (!booked) continue;
    const r = rows.length;
    const stretches = over.filter((o) => o.resource === def.name);
    const row: PlanValue[] = new Array(width).fill(null);
    row[0] = def.name;
    row[1] = def.type;
    row[3] = def.maxUnits;
    row[4] = stretches.length > 0 ? 'Yes' : null;
    const peaks = peakByColumn(timeline, booked);
    peaks.forEach((p, k) => {
      if (p > 0) row[T + k] = p;
    });
    rows.push(row);
    rowLevels.push(0);
    styles.push({ row: r, col: 0, cols: T, style: { bold: true, fill: USAGE_COLORS.resource } });
    // One style range per run of booked periods (Excel formats a range in one request).
    for (let k = 0; k < peaks.length; k++) {
      if (peaks[k] <= 0) continue;
      let end = k;
      while (end + 1 < peaks.length && peaks[end + 1] > 0) end++;
      styles.push({
        row: r,
        col: T + k,
        cols: end - k + 1,
        style: { fill: USAGE_COLORS.resource, size: 8, align: 'center' },
      });
      k = end;
    }
    for (const o of stretches) {
      const span = barColumns(timeline, o.from, o.to);
      if (span)
        styles.push({
          row: r,
          col: T + span[0],
          cols: span[1] - span[0] + 1,
          style: { fill: USAGE_COLORS.over, bold: true },
        });
    }
    if (stretches.length > 0) styles.push({ row: r, col: 4, style: { color: 'C00000' } });
    for (const b of booked) {
      const t = plan.tasks[b.task];
      const taskRow: PlanValue[] = new Array(width).fill(null);
      taskRow[0] = t.id;
      taskRow[1] = t.name;
      taskRow[2] = b.units;
      const span = barColumns(timeline, b.start, b.finish);
      // A bar over the periods it covers (its units are in the Units column): figures only on the
      // resource's row keep the sheet light to write, inside Excel too.
      if (span) {
        styles.push({
          row: rows.length,
          col: T + span[0],
          cols: span[1] - span[0] + 1,
          style: { fill: USAGE_COLORS.booked },
        });
      }
      styles.push({ row: rows.length, col: 1, style: { indent: 1 } });
      rows.push(taskRow);
      rowLevels.push(1);
    }
  }

  return timelineSheetPlan(
    'ResourceUsage',
    'Resource Usage',
    [...leftColumns, ...timelineColumns],
    T,
    { rows, styles, rowLevels },
    '2E75B6',
  );
}
