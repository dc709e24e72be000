/**
 * PROD.SCHEDULE, PROD.CRITICALPATH and PROD.FLOAT: a tasks range (with its header row, as on the
 * Tasks sheet), the settings and the holidays read by the engine's reader and scheduled.
 */
import type { Plan } from '../core/model';
import { excelSerialFromWall } from '../core/time';
import { floatInDays } from '../core/schedule/schedule';
import { fail } from './errors';
import { cellOf } from '../core/location';
import { Scheduled, headerRowOf, holidaysArg, readAndSchedule, settingsArg, tasksArg } from './plan';
import { textArg } from './values';
import { calendarsArg, resourcesArg } from './resources';

/** The headers of SCHEDULE's columns. */
export const SCHEDULE_HEADERS = ['Start', 'Finish', 'Total Float', 'Critical'];

/** A scheduled tasks range: the schedule, and where each task is in the range. */
interface ScheduledRange extends Scheduled {
  values: unknown[][];
  /** Rows of the range (trailing empty rows left out). */
  rowCount: number;
  /** The header row. */
  headerRow: number;
  /** Row (0-based, in the range) of each task. */
  taskRow: Int32Array;
  /** The column of the IDs. */
  idColumn: number;
}

/**
 * Where each task is in the range. The reader keeps each task's cell references, and its ID cell
 * names its row. Tasks come in the order of their rows, so when the first and last are n - 1 rows
 * apart the rows run without a gap and two references say it all (a 10,000-task range then costs
 * no 10,000 addresses to build and read back).
 */
function taskRows(plan: Plan): { taskRow: Int32Array; idColumn: number } {
  const tasks = plan.tasks;
  const n = tasks.length;
  const first = cellOf(tasks[0].refs.id)!;
  const gapless = cellOf(tasks[n - 1].refs.id)!.row - first.row === n - 1;
  const taskRow = new Int32Array(n);
  for (let i = 0; i < n; i++) taskRow[i] = gapless ? first.row + i : cellOf(tasks[i].refs.id)!.row;
  return { taskRow, idColumn: first.column };
}

function scheduleRange(
  tasks: unknown,
  settings: unknown,
  holidays: unknown,
  resources?: unknown,
  calendars?: unknown,
): ScheduledRange {
  const { arg, values } = tasksArg(tasks);
  const given = resources !== undefined && resources !== null;
  const scheduled = readAndSchedule([
    settingsArg(settings),
    holidaysArg(holidays),
    arg,
    given ? resourcesArg(resources) : null,
    calendarsArg(calendars),
  ]);
  const rows = arg.sheet.rows;
  return { ...scheduled, ...taskRows(scheduled.plan), values, rowCount: rows.length, headerRow: headerRowOf(rows) };
}

/**
 * One row per row of the tasks range: the header row gets the column names, a task's row its
 * Start and Finish (Excel serial numbers), Total Float (working days; elapsed days for an elapsed task) and Critical; other rows
 * (above the header, or empty between tasks) are empty.
 */
export function scheduleTable(
  tasks: unknown,
  settings: unknown,
  holidays: unknown,
  resources?: unknown,
  calendars?: unknown,
): (string | number | boolean)[][] {
  const s = scheduleRange(tasks, settings, holidays, resources, calendars);
  const { result } = s;
  const out: (string | number | boolean)[][] = new Array(s.rowCount);
  out[s.headerRow] = [...SCHEDULE_HEADERS];
  for (let i = 0; i < s.taskRow.length; i++) {
    out[s.taskRow[i]] = [
      excelSerialFromWall(result.start[i]),
      excelSerialFromWall(result.finish[i]),
      floatInDays(s.plan.tasks[i], result.totalFloat[i], result.calendar.minutesPerDay),
      result.critical[i] === 1,
    ];
  }
  for (let r = 0; r < s.rowCount; r++) if (out[r] === undefined) out[r] = ['', '', '', ''];
  return out;
}

/** The IDs of the critical tasks, in the order of the range, as a column; an ID typed as a number stays a number. */
export function criticalIds(tasks: unknown, settings: unknown, holidays: unknown): (string | number)[][] {
  const s = scheduleRange(tasks, settings, holidays);
  const out: (string | number)[][] = [];
  s.plan.tasks.forEach((t, i) => {
    if (s.result.critical[i] !== 1) return;
    const typed = s.values[s.taskRow[i]][s.idColumn];
    out.push([typeof typed === 'number' ? typed : t.id]);
  });
  if (out.length === 0)
    fail('notAvailable', 'No task is critical: the tasks with no float left are all 100% complete.');
  return out;
}

/** The total float, in working days (elapsed days for an elapsed task), of the task with the given ID. */
export function taskFloat(tasks: unknown, id: unknown, settings: unknown, holidays: unknown): number {
  const key = textArg(id);
  if (key === '')
    fail('invalidValue', 'The task ID is empty: give the ID of a task, as in the ID column of the tasks range.');
  const s = scheduleRange(tasks, settings, holidays);
  const i = s.plan.tasks.findIndex((t) => t.id === key);
  if (i < 0) fail('notAvailable', `There is no task with ID ${key} in the tasks range.`);
  return floatInDays(s.plan.tasks[i], s.result.totalFloat[i], s.result.calendar.minutesPerDay);
}
