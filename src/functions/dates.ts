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

/** A duration typed with a minus sign (`-5`, `"-5d"`): the duration without it, or null when there is none. */
function negated(duration: unknown): unknown {
  if (typeof duration === 'number') return duration < 0 ? -duration : null;
  if (typeof duration === 'string' && /^\s*-/.test(duration)) return duration.replace(/^\s*-\s*/, '');
  return null;
}

/**
 * The finish (wall time) of a task of `duration` starting at `start`. A negative duration schedules
 * back, as WORKDAY takes a negative count: `start` is then the finish, and the result the latest
 * start that finishes by it (the task's start, whose finish is `start` again).
 */
export function finishOf(
  start: unknown,
  duration: unknown,
  holidays: unknown,
  workingDays: unknown,
  workingHours: unknown,
): Wall {
  const cal = calendarArgs(holidays, workingDays, workingHours);
  if (isBlank(duration))
    fail('invalidValue', 'Duration is empty: give a duration such as 5d, 3h, 2w or 4ed, or 0 for a milestone.');
  const back = negated(duration);
  if (back !== null) return startBefore(start, back, cal);
  dateArg(start, 'Start', cal.dayStart);
  const d = parseDuration(rawValue(duration), cal.minutesPerDay);
  if (!d.ok) fail('invalidValue', `Duration: ${d.message}.`);
  return oneTask(start, duration, cal).result.finish[0];
}

/** The latest start of a task of `duration` that finishes by `finish` (a date alone: the end of that working day). */
function startBefore(finish: unknown, duration: unknown, cal: CalendarArgs): Wall {
  const f = dateArg(finish, 'Finish', cal.dayEnd);
  const d = parseDuration(rawValue(duration), cal.minutesPerDay);
  if (!d.ok) fail('invalidValue', `Duration: ${d.message}.`);
  if (d.value.elapsed)
    fail(
      'invalidValue',
      'Duration: scheduling back takes working time (5d, 3h); elapsed time runs through nights and weekends, so subtract it from the finish instead (=finish-4 for 4ed).',
    );
  const calendar = oneTask(finish, 0, cal).result.calendar;
  const end = calendar.snapFinish(f);
  return d.value.minutes === 0 ? end : calendar.startWall(calendar.index(end) - d.value.minutes);
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
  if (f >= s) return calendar.workBetween(s, f) / calendar.minutesPerDay;
  // Finish before start: the same days counted the other way, as NETWORKDAYS does (-10, not -8).
  const from = dateArg(finish, 'Finish', cal.dayStart);
  const to = dateArg(start, 'Start', cal.dayEnd);
  return -calendar.workBetween(from, to) / calendar.minutesPerDay;
}
