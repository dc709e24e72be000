/**
 * PROD.GANTTBAR: an in-cell Gantt bar over a timeline of period start dates, marked with the same
 * rule as the Gantt sheet's bars ({@link barColumns}): a period is marked when the task overlaps
 * it, a task finishing at 17:00 does not reach into the next day, a milestone marks the period
 * holding its instant.
 */
import { TimelineColumn, barColumns } from '../core/layout/gantt';
import { parseDateCell } from '../core/parsers/values';
import { MINUTES_PER_DAY, Wall, formatWallReadable } from '../core/time';
import { fail } from './errors';
import { asRange, dateArg, isBlank, isBlankRange, isEmptyOrZero, rawValue } from './values';

export const BAR = '█';
export const MILESTONE = '◆';

/** The default calendar's working day: a date typed without a time starts at 08:00 and finishes at 17:00, as on the Tasks sheet. */
const DAY_START_MINUTE = 8 * 60;
const DAY_END_MINUTE = 17 * 60;

/** The first day of the month after the one holding `wall`, at midnight. */
function nextMonthStart(wall: Wall): Wall {
  const d = new Date(wall * 60000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 60000;
}

function isMonthStart(wall: Wall): boolean {
  return wall % MINUTES_PER_DAY === 0 && new Date(wall * 60000).getUTCDate() === 1;
}

/** The timeline's cells in order (a row, or a column), with whether it was a column. */
function timelineCells(timeline: unknown): { cells: unknown[]; vertical: boolean } {
  const range = asRange(timeline);
  if (isBlankRange(range))
    fail(
      'invalidValue',
      'The timeline is empty: give a row of period start dates, like the header row of a Gantt grid.',
    );
  if (range.length > 1 && range.some((row) => row.length > 1)) {
    fail(
      'invalidValue',
      `The timeline is ${range.length} rows by ${range[0].length} columns: give one row (or one column) of period start dates.`,
    );
  }
  return range.length > 1
    ? { cells: range.map((row) => row[0]), vertical: true }
    : { cells: range[0], vertical: false };
}

/**
 * The periods of a timeline: each from its date to the next one; the last as long as the one
 * before it (a month when the dates are firsts of months; a day when there is only one).
 * `cell[k]` is the timeline cell of period k (empty cells are skipped).
 */
export function timelinePeriods(cells: readonly unknown[]): { columns: TimelineColumn[]; cell: number[] } {
  const starts: Wall[] = [];
  const cell: number[] = [];
  cells.forEach((v, k) => {
    if (isBlank(v)) return;
    const d = parseDateCell(rawValue(v));
    if (!d.ok) fail('invalidValue', `Timeline cell ${k + 1}: ${d.message}.`);
    const wall = d.value.wall;
    const previous = starts[starts.length - 1];
    if (previous !== undefined && wall <= previous) {
      fail(
        'invalidValue',
        `Timeline cell ${k + 1} (${formatWallReadable(wall)}) is not after the cell before it (${formatWallReadable(previous)}): the dates must increase.`,
      );
    }
    starts.push(wall);
    cell.push(k);
  });
  const n = starts.length;
  const last = starts[n - 1];
  let lastEnd = last + MINUTES_PER_DAY;
  if (n > 1) lastEnd = starts.every(isMonthStart) ? nextMonthStart(last) : last + (last - starts[n - 2]);
  const columns = starts.map((start, j) => ({ start, end: j + 1 < n ? starts[j + 1] : lastEnd, nonWorking: false }));
  return { columns, cell };
}

/** The bar of a task from `start` to `finish` over `timeline`, one mark a period, shaped as the timeline is. */
export function ganttBar(start: unknown, finish: unknown, timeline: unknown): string[][] {
  const { cells, vertical } = timelineCells(timeline);
  const { columns, cell } = timelinePeriods(cells);
  const marks: string[] = cells.map(() => '');
  // A row with no task (both dates empty) draws nothing, so the formula can be filled down past the last task.
  if (!(isEmptyOrZero(start) && isEmptyOrZero(finish))) {
    const s = dateArg(start, 'Start', DAY_START_MINUTE);
    const f = dateArg(finish, 'Finish', DAY_END_MINUTE);
    if (f < s) fail('invalidValue', `Finish (${formatWallReadable(f)}) is before Start (${formatWallReadable(s)}).`);
    const span = barColumns(columns, s, f);
    if (span) for (let j = span[0]; j <= span[1]; j++) marks[cell[j]] = s === f ? MILESTONE : BAR;
  }
  return vertical ? marks.map((m) => [m]) : [marks];
}
