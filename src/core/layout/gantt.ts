import type { WorkCalendar } from '../calendar';
import type { GanttScale, Plan } from '../model';
import { round } from '../helpers';
import type { ScheduleResult } from '../schedule/schedule';
import {
  MINUTES_PER_DAY,
  MONTH_NAMES,
  WEEKDAY_NAMES,
  Wall,
  dayOf,
  formatDay,
  formatLongDay,
  formatWall,
  weekdayOfDay,
} from '../time';
import { presentationOf } from './presentation';
import { DAYS_FORMAT, SLIPPED_FILL, headerStyle, idColumnWidth, slipped } from './schedule-sheet';
import { Border, CellStyle, ColumnPlan, PlanValue, SheetPlan, StyledRange } from './sheet-plan';

export type TimeScale = 'hour' | 'shift' | 'day' | 'week' | 'month';

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
  levelingDelay: '2F5597',
} as const;

const LEFT_COLUMNS = 7;
const LEVELING_LINE: Border = { style: 'mediumDashed', color: GANTT_COLORS.levelingDelay };

/** The parts of the column span [a, b] outside the span `cut` (none, one or two). */
function outside([a, b]: [number, number], cut: [number, number] | null): [number, number][] {
  if (!cut || cut[1] < a || cut[0] > b) return [[a, b]];
  const parts: [number, number][] = [];
  if (a < cut[0]) parts.push([a, cut[0] - 1]);
  if (b > cut[1]) parts.push([cut[1] + 1, b]);
  return parts;
}
const HEADER_ROWS = 3;

/** Width of a timeline column at each scale, in characters: narrow, so that a Gantt prints one page wide. */
export const COLUMN_WIDTH: Record<TimeScale, number> = { hour: 2.4, shift: 3.4, day: 2.8, week: 3.4, month: 4.4 };

/** Characters of timeline that print readably beside the task table on a landscape page. */
export const TIMELINE_BUDGET = 130;

/**
 * The scale for a timeline: the one asked for, or with `auto` the finest whose columns fit the
 * printed page (TIMELINE_BUDGET): hours, then shifts (one column per working interval) when the
 * plan spans a few days or has tasks shorter than a day; else days, weeks, months.
 */
export function chooseScale(
  asked: GanttScale,
  columnsAt: (scale: TimeScale, max: number) => number | null,
  fine: boolean,
): TimeScale {
  if (asked !== 'auto') return asked;
  const candidates: TimeScale[] = fine ? ['hour', 'shift', 'day', 'week'] : ['day', 'week'];
  for (const scale of candidates) {
    const max = Math.floor(TIMELINE_BUDGET / COLUMN_WIDTH[scale]);
    if (columnsAt(scale, max) !== null) return scale;
  }
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

/**
 * Columns from the unit holding `from` through the unit holding `to`, at a scale; null when there
 * would be more than `max`. Hours and shifts cover working days only: hours over the working
 * window (the first interval's start to the last one's end, the hours in between with no work
 * shaded), shifts one column per working interval.
 */
export function buildTimeline(
  from: Wall,
  to: Wall,
  scale: TimeScale,
  cal: WorkCalendar,
  max = Infinity,
): TimelineColumn[] | null {
  const columns: TimelineColumn[] = [];
  let day = dayOf(from);
  const lastDay = dayOf(to - 1);
  if (scale === 'hour' || scale === 'shift') {
    const intervals = cal.intervals;
    const firstHour = Math.floor(intervals[0].start / 60);
    const lastHour = Math.ceil(intervals[intervals.length - 1].end / 60);
    for (; day <= lastDay; day++) {
      if (!cal.isWorkingDay(day)) continue;
      const base = day * MINUTES_PER_DAY;
      if (scale === 'shift') {
        for (const i of intervals) columns.push({ start: base + i.start, end: base + i.end, nonWorking: false });
      } else {
        for (let h = firstHour; h < lastHour; h++) {
          const start = base + h * 60;
          const worked = intervals.some((i) => i.start < (h + 1) * 60 && i.end > h * 60);
          columns.push({ start, end: start + 60, nonWorking: !worked });
        }
      }
      if (columns.length > max) return null;
    }
    return columns;
  }
  if (scale === 'week') day -= (weekdayOfDay(day) + 6) % 7; // back to Monday
  if (scale === 'month') day = monthStart(day);
  while (day <= lastDay) {
    const next = scale === 'day' ? day + 1 : scale === 'week' ? day + 7 : nextMonth(day);
    columns.push({
      start: day * MINUTES_PER_DAY,
      end: next * MINUTES_PER_DAY,
      nonWorking: scale === 'day' && !cal.isWorkingDay(day),
    });
    if (columns.length > max) return null;
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
  // Hours or shifts are worth a look when the plan spans a few days or has a task shorter than a day.
  const fine = to - from <= 4 * MINUTES_PER_DAY || hasShortTask(plan, result.calendar.minutesPerDay);
  const pad = (scale: TimeScale) =>
    (scale === 'hour' || scale === 'shift' ? 0 : scale === 'day' ? 1 : scale === 'week' ? 7 : 31) * MINUTES_PER_DAY;
  const columnsAt = (scale: TimeScale, max: number) =>
    buildTimeline(from - pad(scale), to + pad(scale), scale, result.calendar, max);
  let scale = chooseScale(asked, (sc, max) => columnsAt(sc, max)?.length ?? null, fine);
  // A sheet holds 16,384 columns: a span too long for the scale asked (a deadline typed in the
  // wrong century) takes a coarser one, and at months it is cut to what fits.
  const order: TimeScale[] = ['hour', 'shift', 'day', 'week', 'month'];
  for (let k = order.indexOf(scale); k < order.length - 1; k++) {
    const timeline = columnsAt(order[k], MAX_TIMELINE_COLUMNS);
    if (timeline !== null) return { scale, timeline };
    scale = order[k + 1];
  }
  if ((to - from) / MINUTES_PER_DAY / 31 > MAX_TIMELINE_COLUMNS)
    to = from + MAX_TIMELINE_COLUMNS * 28 * MINUTES_PER_DAY;
  return { scale, timeline: columnsAt(scale, Infinity)! };
}

/** Whether a task (not a summary, not a milestone) takes less than a working day. */
function hasShortTask(plan: Plan, minutesPerDay: number): boolean {
  return plan.tasks.some(
    (t) =>
      !t.isSummary &&
      t.duration !== null &&
      !t.duration.elapsed &&
      t.duration.minutes > 0 &&
      t.duration.minutes < minutesPerDay,
  );
}

/** Timeline columns at most: Excel's 16,384 less the table and some room. */
export const MAX_TIMELINE_COLUMNS = 16000;

interface GanttOptions {
  scale?: GanttScale;
}

/**
 * The three header rows over a timeline that starts at column `T`: months (or years, or days at
 * hour scales) in the first, ISO weeks or days in the second, days or hours in the third.
 */
export function writeTimelineHeader(
  rows: PlanValue[][],
  styles: StyledRange[],
  timeline: readonly TimelineColumn[],
  scale: TimeScale,
  T: number,
): void {
  let lastLabel = '';
  timeline.forEach((c, k) => {
    const day = dayOf(c.start);
    const d = new Date(c.start * 60000);
    const month = `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    if (scale === 'hour' || scale === 'shift') {
      // The day over its first column, its date below, then the hour (or the shift's hours).
      if (k === 0 || dayOf(timeline[k - 1].start) !== day) {
        rows[0][T + k] = month === lastLabel ? null : (lastLabel = month);
        rows[1][T + k] = `${WEEKDAY_NAMES[weekdayOfDay(day)]} ${d.getUTCDate()}`;
      }
      const hour = (t: Wall) => String(Math.floor((t % MINUTES_PER_DAY) / 60)).padStart(2, '0');
      rows[2][T + k] = scale === 'hour' ? hour(c.start) : `${hour(c.start)}-${hour(c.end)}`;
    } else if (scale === 'month') {
      if (String(d.getUTCFullYear()) !== lastLabel) rows[0][T + k] = lastLabel = String(d.getUTCFullYear());
      rows[1][T + k] = MONTH_NAMES[d.getUTCMonth()];
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

  const { scale, timeline } = ganttTimeline(plan, result, options.scale ?? plan.settings.ganttScale);
  const T = LEFT_COLUMNS;
  const pres = presentationOf(plan, result);

  const leftColumns: ColumnPlan[] = [
    { header: 'ID', width: idColumnWidth(plan) },
    { header: 'Task', width: 30 },
    { header: 'Start', width: pres.dateWidth, numFmt: pres.dateFormat },
    { header: 'Finish', width: pres.dateWidth, numFmt: pres.dateFormat },
    { header: pres.unit === 'hours' ? 'Hours' : 'Days', width: 7, numFmt: DAYS_FORMAT },
    { header: '% Done', width: 7, numFmt: '0%' },
    { header: 'Float', width: 7, numFmt: DAYS_FORMAT },
  ];
  const statusColumn = columnAfter(timeline, result.statusDate - 1); // within the timeline: the span includes it
  const timelineColumns = timelineColumnPlans(timeline, scale);

  // Header rows: title and legend over the table, months / weeks / days over the timeline.
  const width_ = T + timeline.length;
  const rows: PlanValue[][] = [
    new Array(width_).fill(null),
    new Array(width_).fill(null),
    new Array(width_).fill(null),
  ];
  const styles: StyledRange[] = [];
  // The title over the ID and Task columns (the legend takes the columns after them); the subtitle
  // is printed in the page header with it.
  rows[0][0] = plan.settings.projectName || 'Gantt';
  styles.push({ row: 0, col: 0, style: { bold: true, size: 13 } });
  rows[1][0] = `Status date ${formatLongDay(result.statusDate)}, ${scale} scale`;
  styles.push({ row: 1, col: 0, style: { size: 8, italic: true } });
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
    ...(result.leveling ? ([[1, 6, 'Leveled', { border: { bottom: LEVELING_LINE } }]] as typeof legend) : []),
  ];
  for (const [r, c, text, style] of legend) {
    rows[r][c] = text;
    styles.push({ row: r, col: c, style: { ...style, align: 'center', size: 8 } });
  }
  leftColumns.forEach((c, k) => (rows[2][k] = c.header));
  styles.push(headerStyle(T, 2));

  writeTimelineHeader(rows, styles, timeline, scale, T);

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
    row[4] = pres.inUnits(result.duration[i], elapsed);
    row[5] = round(result.percentComplete[i] / 100, 4);
    row[6] = pres.inUnits(result.totalFloat[i], elapsed);
    rows.push(row);
    rowLevels.push(Math.max(0, t.outlineLevel - 1));
    if (t.outlineLevel > 1) styles.push({ row: r, col: 1, style: { indent: Math.min(15, t.outlineLevel - 1) } });
    if (t.isSummary) styles.push({ row: r, col: 0, cols: T, style: { bold: true } });
    if (elapsed) {
      // An elapsed task's duration and float are elapsed time (as Project shows them).
      const numFmt = pres.elapsedFormat;
      styles.push({ row: r, col: 4, style: { numFmt } }, { row: r, col: 6, style: { numFmt } });
    }
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
    // Baseline and leveling delay: lines under the bar's row, the baseline's grey where both fall.
    const base =
      t.baselineStart !== null && t.baselineFinish !== null
        ? barColumns(timeline, t.baselineStart, t.baselineFinish)
        : null;
    if (base) {
      const line: Border = { style: 'thick', color: GANTT_COLORS.baseline };
      styles.push({ row: r, col: T + base[0], cols: base[1] - base[0] + 1, style: { border: { bottom: line } } });
    }
    // Leveling's delay: a dashed line from where the task would start without leveling up to its bar.
    const delay = result.leveling?.delay.get(i);
    if (delay !== undefined && delay > 0) {
      const at = cal.index(start);
      // Up to the end of the working time before the bar (Tuesday 17:00 for a bar from Wednesday 08:00).
      const waits = barColumns(timeline, cal.startWall(at - delay), cal.finishWall(at));
      for (const [from, to] of waits ? outside(waits, base) : [])
        styles.push({ row: r, col: T + from, cols: to - from + 1, style: { border: { bottom: LEVELING_LINE } } });
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

  return timelineSheetPlan(
    'Gantt',
    'Gantt',
    [...leftColumns, ...timelineColumns],
    T,
    { rows, styles, rowLevels },
    'C00000',
  );
}

/** A timeline's columns: dated headers, narrow at the scale's width, whole non-working days shaded. */
export function timelineColumnPlans(timeline: readonly TimelineColumn[], scale: TimeScale): ColumnPlan[] {
  const width = COLUMN_WIDTH[scale];
  return timeline.map((c) => ({
    header: scale === 'hour' || scale === 'shift' ? formatWall(c.start) : formatDay(c.start),
    width,
    ...(c.nonWorking ? { style: { fill: GANTT_COLORS.nonWorking } } : {}),
  }));
}

/**
 * A sheet of a table (its first `tableColumns` columns) beside a timeline under three header rows,
 * as the Gantt is: frozen at the timeline's corner, landscape, one page wide (see withPrintSetup),
 * the header rows and the first two columns repeated when it runs on.
 */
export function timelineSheetPlan(
  key: string,
  name: string,
  columns: ColumnPlan[],
  tableColumns: number,
  content: Pick<SheetPlan, 'rows' | 'styles' | 'rowLevels'>,
  tabColor: string,
): SheetPlan {
  return {
    key,
    name,
    columns,
    ...content,
    links: [],
    freeze: { rows: HEADER_ROWS, cols: tableColumns },
    headerRows: HEADER_ROWS,
    print: { landscape: true, titleRows: HEADER_ROWS, titleColumns: 2 },
    tabColor,
  };
}
