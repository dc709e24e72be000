import type { WorkCalendar } from '../calendar';
import type { GanttScale, Plan } from '../model';
import { round } from '../helpers';
import type { ScheduleResult } from '../schedule/schedule';
import { MINUTES_PER_DAY, Wall, dayOf, formatDay, weekdayOfDay } from '../time';
import { DATE_TIME_FORMAT, DAYS_FORMAT, SLIPPED_FILL, headerStyle, idColumnWidth, slipped } from './schedule-sheet';
import { Border, CellStyle, ColumnPlan, PlanValue, SheetPlan, StyledRange } from './sheet-plan';

export type TimeScale = 'day' | 'week' | 'month';

/** One timeline column: the wall-time interval [start, end) it stands for. */
export interface TimelineColumn {
  start: Wall;
  end: Wall;
  /** A whole non-working day (weekend or holiday), at day scale. */
  nonWorking: boolean;
}

/** Colours of the chart (RRGGBB). */
export const GANTT_COLORS = {
  task: '4472C4',
  taskDone: '1F3864',
  critical: 'E03C31',
  criticalDone: '7B1712',
  summary: '404040',
  milestone: '000000',
  nonWorking: 'E7E6E6',
  statusLine: 'C00000',
  baseline: '7F7F7F',
  deadline: '9C5700',
  headerFill: 'D9E1F2',
} as const;

const LEFT_COLUMNS = 7;
const HEADER_ROWS = 3;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The scale for a span of calendar days: the one asked for, or with `auto` the finest
 * that shows the span in at most 400 columns (a day per column up to about 13 months,
 * a week per column up to about 7.5 years, then months).
 */
export function chooseScale(spanDays: number, asked: GanttScale): TimeScale {
  if (asked !== 'auto') return asked;
  if (spanDays <= 400) return 'day';
  if (spanDays / 7 <= 400) return 'week';
  return 'month';
}

function monthStart(day: number): number {
  const d = new Date(day * 86400000);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86400000);
}

function nextMonth(day: number): number {
  const d = new Date(day * 86400000);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86400000);
}

/** Columns from the unit holding `from` through the unit holding `to`, at a scale. */
export function buildTimeline(from: Wall, to: Wall, scale: TimeScale, cal: WorkCalendar): TimelineColumn[] {
  const columns: TimelineColumn[] = [];
  let day = dayOf(from);
  if (scale === 'week') day -= (weekdayOfDay(day) + 6) % 7; // back to Monday
  if (scale === 'month') day = monthStart(day);
  const lastDay = dayOf(to - 1);
  while (day <= lastDay) {
    const next = scale === 'day' ? day + 1 : scale === 'week' ? day + 7 : nextMonth(day);
    columns.push({
      start: day * MINUTES_PER_DAY,
      end: next * MINUTES_PER_DAY,
      nonWorking: scale === 'day' && !cal.isWorkingDay(day),
    });
    day = next;
  }
  return columns;
}

/** First column whose interval ends after `t` (binary search). */
function columnAfter(columns: readonly TimelineColumn[], t: Wall): number {
  let a = 0;
  let b = columns.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (columns[m].end > t) b = m;
    else a = m + 1;
  }
  return a;
}

/**
 * The columns a bar from `start` to `finish` covers, as [first, last] (inclusive), or null when
 * none: a column is covered when the bar overlaps its interval, so a task starting at 13:00 covers
 * that day and one finishing at 17:00 does not reach into the next. A zero-length bar (a
 * milestone) covers the column holding its instant.
 */
export function barColumns(columns: readonly TimelineColumn[], start: Wall, finish: Wall): [number, number] | null {
  const first = columnAfter(columns, start);
  if (first >= columns.length) return null;
  if (finish <= start) return columns[first].start <= start ? [first, first] : null;
  let last = columnAfter(columns, finish - 1);
  if (last >= columns.length) last = columns.length - 1;
  if (columns[first].start >= finish) return null;
  return [first, last];
}

function isoWeek(day: number): number {
  const weekday = (weekdayOfDay(day) + 6) % 7; // Monday 0
  const thursday = day - weekday + 3;
  const d = new Date(thursday * 86400000);
  const jan1 = Math.round(Date.UTC(d.getUTCFullYear(), 0, 1) / 86400000);
  return Math.floor((thursday - jan1) / 7) + 1;
}

/**
 * The Gantt's time axis: its scale and columns, covering the schedule, baselines, deadlines and the
 * status date, with one unit to spare at each end.
 */
export function ganttTimeline(
  plan: Plan,
  result: ScheduleResult,
  asked: GanttScale,
): { scale: TimeScale; timeline: TimelineColumn[] } {
  let from = Math.min(result.projectStart, result.statusDate);
  let to = Math.max(result.projectFinish, result.statusDate);
  for (const t of plan.tasks) {
    if (t.baselineStart !== null) from = Math.min(from, t.baselineStart);
    if (t.baselineFinish !== null) to = Math.max(to, t.baselineFinish);
    if (t.deadline !== null) {
      from = Math.min(from, t.deadline);
      to = Math.max(to, t.deadline);
    }
  }
  let scale = chooseScale((to - from) / MINUTES_PER_DAY, asked);
  // A sheet holds 16,384 columns: a span too long for the scale asked (a deadline typed in the
  // wrong century) takes a coarser one, and at months it is cut to what fits.
  const spanDays = (to - from) / MINUTES_PER_DAY;
  if (scale === 'day' && spanDays > MAX_TIMELINE_COLUMNS) scale = 'week';
  if (scale === 'week' && spanDays / 7 > MAX_TIMELINE_COLUMNS) scale = 'month';
  if (scale === 'month' && spanDays / 31 > MAX_TIMELINE_COLUMNS)
    to = from + MAX_TIMELINE_COLUMNS * 28 * MINUTES_PER_DAY;
  const pad = (scale === 'day' ? 1 : scale === 'week' ? 7 : 31) * MINUTES_PER_DAY;
  return { scale, timeline: buildTimeline(from - pad, to + pad, scale, result.calendar) };
}

/** Timeline columns at most: Excel's 16,384 less the table and some room. */
export const MAX_TIMELINE_COLUMNS = 16000;

interface GanttOptions {
  scale?: GanttScale;
}

/**
 * The Gantt sheet: the task table on the left (ID, Task, Start, Finish, Duration, % Complete,
 * Total Float) and a timeline of one column per day, week or month, drawn in cell fills: bars
 * (critical in red, the completed part darker), summary bars, milestones (◆), baselines (a grey
 * line under the bar), deadlines (▼), non-working days shaded and the status date as a red line.
 */
export function planGanttSheet(plan: Plan, result: ScheduleResult, options: GanttOptions = {}): SheetPlan {
  const cal = result.calendar;
  const tasks = plan.tasks;
  const mpd = cal.minutesPerDay;

  const { scale, timeline } = ganttTimeline(plan, result, options.scale ?? plan.settings.ganttScale);
  const T = LEFT_COLUMNS;

  const leftColumns: ColumnPlan[] = [
    { header: 'ID', width: idColumnWidth(plan) },
    { header: 'Task', width: 34 },
    { header: 'Start', width: 16, numFmt: DATE_TIME_FORMAT },
    { header: 'Finish', width: 16, numFmt: DATE_TIME_FORMAT },
    { header: 'Days', width: 7, numFmt: DAYS_FORMAT },
    { header: '% Done', width: 7, numFmt: '0%' },
    { header: 'Float', width: 7, numFmt: DAYS_FORMAT },
  ];
  const statusColumn = columnAfter(timeline, result.statusDate - 1); // within the timeline: the span includes it
  const width = scale === 'day' ? 3.2 : scale === 'week' ? 4.2 : 5;
  const timelineColumns: ColumnPlan[] = timeline.map((c) => ({
    header: formatDay(c.start),
    width,
    ...(c.nonWorking ? { style: { fill: GANTT_COLORS.nonWorking } } : {}),
  }));

  // Header rows: title and legend over the table, months / weeks / days over the timeline.
  const width_ = T + timeline.length;
  const rows: PlanValue[][] = [
    new Array(width_).fill(null),
    new Array(width_).fill(null),
    new Array(width_).fill(null),
  ];
  const styles: StyledRange[] = [];
  rows[0][0] = 'Gantt';
  styles.push({ row: 0, col: 0, style: { bold: true, size: 14 } });
  rows[0][1] = `Status date ${formatDay(result.statusDate)}, ${scale} scale`;
  styles.push({ row: 0, col: 1, style: { size: 9, italic: true } });
  // The legend, in the two rows over the table: each entry drawn the way the chart draws it.
  const legend: [row: number, col: number, text: string, style: CellStyle][] = [
    [0, 2, 'Task', { fill: GANTT_COLORS.task, color: 'FFFFFF' }],
    [0, 3, 'Critical', { fill: GANTT_COLORS.critical, color: 'FFFFFF' }],
    [0, 4, 'Done', { fill: GANTT_COLORS.taskDone, color: 'FFFFFF' }],
    [0, 5, 'Summary', { fill: GANTT_COLORS.summary, color: 'FFFFFF' }],
    [0, 6, '◆ Milestone', {}],
    [1, 2, 'Baseline', { border: { bottom: { style: 'thick', color: GANTT_COLORS.baseline } } }],
    [1, 3, 'Non-working', { fill: GANTT_COLORS.nonWorking }],
    [1, 4, 'Status date', { border: { right: { style: 'thick', color: GANTT_COLORS.statusLine } } }],
    [1, 5, '▼ Deadline', { color: GANTT_COLORS.deadline }],
  ];
  for (const [r, c, text, style] of legend) {
    rows[r][c] = text;
    styles.push({ row: r, col: c, style: { ...style, align: 'center', size: 8 } });
  }
  leftColumns.forEach((c, k) => (rows[2][k] = c.header));
  styles.push(headerStyle(T, 2));

  let lastLabel = '';
  timeline.forEach((c, k) => {
    const day = dayOf(c.start);
    const d = new Date(c.start * 60000);
    const month = `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    if (scale === 'month') {
      if (String(d.getUTCFullYear()) !== lastLabel) rows[0][T + k] = lastLabel = String(d.getUTCFullYear());
      rows[1][T + k] = MONTHS[d.getUTCMonth()];
    } else {
      // A month's name where the month starts, or on the first column if its month runs on for a while.
      const roomy = k > 0 || timeline.length < 4 || dayOf(timeline[3].start) < nextMonth(monthStart(day));
      if (month !== lastLabel && roomy) rows[0][T + k] = lastLabel = month;
      if (scale === 'day') {
        if ((weekdayOfDay(day) + 6) % 7 === 0) rows[1][T + k] = `W${isoWeek(day)}`;
        rows[2][T + k] = d.getUTCDate();
      } else {
        rows[1][T + k] = `W${isoWeek(day)}`;
        rows[2][T + k] = d.getUTCDate();
      }
    }
  });
  styles.push({
    row: 0,
    col: T,
    rows: 3,
    cols: timeline.length,
    style: { fill: GANTT_COLORS.headerFill, size: 8, align: 'left' },
  });
  styles.push({ row: 2, col: T, cols: timeline.length, style: { align: 'center' } });

  // Task rows.
  const rowLevels: number[] = [0, 0, 0];
  tasks.forEach((t, i) => {
    const r = HEADER_ROWS + i;
    const row: PlanValue[] = new Array(width_).fill(null);
    const elapsed = t.duration?.elapsed === true && !t.isSummary;
    row[0] = t.id;
    row[1] = t.name;
    row[2] = { date: result.start[i] };
    row[3] = { date: result.finish[i] };
    row[4] = elapsed ? round(result.duration[i] / MINUTES_PER_DAY, 2) : round(result.duration[i] / mpd, 2);
    row[5] = round(result.percentComplete[i] / 100, 4);
    row[6] = round(result.totalFloat[i] / mpd, 2);
    rows.push(row);
    rowLevels.push(Math.max(0, t.outlineLevel - 1));
    if (t.outlineLevel > 1) styles.push({ row: r, col: 1, style: { indent: Math.min(15, t.outlineLevel - 1) } });
    if (t.isSummary) styles.push({ row: r, col: 0, cols: T, style: { bold: true } });
    const critical = result.critical[i] === 1;
    if (critical) styles.push({ row: r, col: 0, cols: T, style: { color: 'C00000' } });
    if (slipped(t, result, i)) styles.push({ row: r, col: 3, style: { fill: SLIPPED_FILL } });

    const start = result.start[i];
    const finish = result.finish[i];
    const span = barColumns(timeline, start, finish);
    const milestone = !t.isSummary && t.duration !== null && start === finish;
    if (span && milestone) {
      row[T + span[0]] = '◆';
      styles.push({
        row: r,
        col: T + span[0],
        style: { color: critical ? GANTT_COLORS.critical : GANTT_COLORS.milestone, align: 'center', bold: true },
      });
    } else if (span) {
      const color = t.isSummary ? GANTT_COLORS.summary : critical ? GANTT_COLORS.critical : GANTT_COLORS.task;
      styles.push({ row: r, col: T + span[0], cols: span[1] - span[0] + 1, style: { fill: color } });
      // The completed part, darker: up to where % complete of the working time is done.
      const pct = result.percentComplete[i];
      if (!t.isSummary && pct > 0) {
        const doneUntil = elapsed
          ? start + ((finish - start) * pct) / 100
          : cal.finishWall(cal.index(start) + Math.round(((cal.index(finish) - cal.index(start)) * pct) / 100));
        const done = barColumns(timeline, start, doneUntil);
        if (done) {
          styles.push({
            row: r,
            col: T + done[0],
            cols: done[1] - done[0] + 1,
            style: { fill: critical ? GANTT_COLORS.criticalDone : GANTT_COLORS.taskDone },
          });
        }
      }
    }
    if (t.baselineStart !== null && t.baselineFinish !== null) {
      const base = barColumns(timeline, t.baselineStart, t.baselineFinish);
      if (base) {
        const line: Border = { style: 'thick', color: GANTT_COLORS.baseline };
        styles.push({ row: r, col: T + base[0], cols: base[1] - base[0] + 1, style: { border: { bottom: line } } });
      }
    }
    if (t.deadline !== null) {
      const dl = barColumns(timeline, t.deadline - 1, t.deadline);
      if (dl && row[T + dl[0]] === null) {
        row[T + dl[0]] = '▼';
        styles.push({ row: r, col: T + dl[0], style: { color: GANTT_COLORS.deadline, align: 'center' } });
      }
    }
  });

  // The status date: a red line down the right edge of its column ("through the end of that day").
  if (statusColumn < timeline.length) {
    styles.push({
      row: HEADER_ROWS,
      col: T + statusColumn,
      rows: tasks.length,
      cols: 1,
      style: { border: { right: { style: 'thick', color: GANTT_COLORS.statusLine } } },
    });
  }

  return {
    key: 'Gantt',
    name: 'Gantt',
    columns: [...leftColumns, ...timelineColumns],
    rows,
    styles,
    links: [],
    freeze: { rows: HEADER_ROWS, cols: T },
    headerRows: HEADER_ROWS,
    rowLevels,
    // Printed across first at 60%, the ID and Task columns repeated on every page.
    print: { landscape: true, titleRows: HEADER_ROWS, titleColumns: 2, scale: 60, acrossFirst: true },
    tabColor: 'C00000',
  };
}
