/**
 * PROD.FINISH and PROD.WORKDAYS: calendar arithmetic on the project calendar. Each runs the engine
 * on a one-task plan (Project Start = the start given, the working days and hours and holidays
 * given), so a finish here is exactly the finish the planner gives a task with no predecessor.
 * The arguments are checked first with the reader's own parsers, so a bad one is named as the
 * argument it is ("Duration: ...").
 */
import { parseDuration } from '../core/parsers/duration';
import { parseWorkingDays, parseWorkingHours } from '../core/parsers/values';
import { DEFAULT_INTERVALS, minutesPerDay } from '../core/calendar';
import { RawCell, gridSheet } from '../core/raw';
import { Wall } from '../core/time';
import { fail } from './errors';
import { ArgSheet, Scheduled, holidaysArg, readAndSchedule } from './plan';
import { dateArg, isBlank, optionArg, rawValue } from './values';

/** The calendar arguments, checked: what the one-task plan's Settings get, and the working day's shape. */
interface CalendarArgs {
  settings: [string, unknown][];
  holidays: ArgSheet | null;
  /** First and last working minute of a day, and its working minutes. */
  dayStart: number;
  dayEnd: number;
  minutesPerDay: number;
}

function calendarArgs(holidays: unknown, workingDays: unknown, workingHours: unknown): CalendarArgs {
  const settings: [string, unknown][] = [];
  const days = optionArg(workingDays);
  if (days !== '') {
    const p = parseWorkingDays(days);
    if (!p.ok) fail('invalidValue', `Working days: ${p.message}.`);
    settings.push(['Working Days', days]);
  }
  const hours = optionArg(workingHours);
  let intervals = DEFAULT_INTERVALS;
  if (hours !== '') {
    const p = parseWorkingHours(hours);
    if (!p.ok) fail('invalidValue', `Working hours: ${p.message}.`);
    settings.push(['Working Hours', hours]);
    intervals = p.value;
  }
  return {
    settings,
    holidays: holidaysArg(holidays),
    dayStart: intervals[0].start,
    dayEnd: intervals[intervals.length - 1].end,
    minutesPerDay: minutesPerDay(intervals),
  };
}

/** A sheet the function makes up itself (not from a range): any problem in it is the arguments'. */
function madeSheet(name: string, rows: (RawCell | undefined)[][], whole: string): ArgSheet {
  return { sheet: gridSheet(name, rows), whole, cell: () => whole, row: () => whole };
}

/** One task of `duration` starting at `start`, scheduled on the calendar the arguments give. */
function oneTask(start: unknown, duration: unknown, cal: CalendarArgs): Scheduled {
  const cell = (v: unknown): RawCell => ({ value: rawValue(v) });
  const settings = madeSheet(
    'Settings',
    [['Project Start', start], ...cal.settings].map(([k, v]) => [cell(k), cell(v)]),
    'the start, working days or working hours',
  );
  const tasks = madeSheet(
    'Tasks',
    [
      [cell('ID'), cell('Name'), cell('Duration')],
      [cell('1'), cell('Task'), cell(duration)],
    ],
    'the duration',
  );
  return readAndSchedule([settings, cal.holidays, tasks]);
}

/** The finish (wall time) of a task of `duration` starting at `start`. */
export function finishOf(
  start: unknown,
  duration: unknown,
  holidays: unknown,
  workingDays: unknown,
  workingHours: unknown,
): Wall {
  const cal = calendarArgs(holidays, workingDays, workingHours);
  dateArg(start, 'Start', cal.dayStart);
  if (isBlank(duration))
    fail('invalidValue', 'Duration is empty: give a duration such as 5d, 3h, 2w or 4ed, or 0 for a milestone.');
  const d = parseDuration(rawValue(duration), cal.minutesPerDay);
  if (!d.ok) fail('invalidValue', `Duration: ${d.message}.`);
  return oneTask(start, duration, cal).result.finish[0];
}

/** Working days (working minutes / minutes per working day) from `start` to `finish`; negative when finish is earlier. */
export function workdaysBetween(
  start: unknown,
  finish: unknown,
  holidays: unknown,
  workingDays: unknown,
  workingHours: unknown,
): number {
  const cal = calendarArgs(holidays, workingDays, workingHours);
  const s = dateArg(start, 'Start', cal.dayStart);
  const f = dateArg(finish, 'Finish', cal.dayEnd);
  const calendar = oneTask(start, 0, cal).result.calendar;
  return calendar.workBetween(s, f) / calendar.minutesPerDay;
}
