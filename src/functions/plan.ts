/**
 * Range arguments made into a workbook the engine's reader reads, so every rule of the workbook
 * contract (header synonyms, durations, predecessors, dates as Excel serial numbers...) applies to
 * a formula as it does to the sheets. The reader names cells the way a sheet does (`Tasks!D4`);
 * {@link Places} turns those names into what the formula's user sees: "row 4 of the tasks range,
 * column Duration".
 */
import { hasErrors } from '../core/calculate';
import { levelIfAsked } from '../core/leveling/level-plan';
import type { Issue, Plan } from '../core/model';
import { dayOf, parseDateText } from '../core/time';
import { Location, cellOf, formatLocation } from '../core/location';
import { RawCell, RawSheet, RawWorkbook, gridSheet } from '../core/raw';
import { normalizeHeader } from '../core/helpers';
import { cellText } from '../core/read/table';
import { readPlan } from '../core/read/read-plan';
import { SHEET_SETTINGS } from '../core/read/settings';
import { TASK_COLUMNS } from '../core/read/tasks';
import { WorkCalendar, WorkInterval } from '../core/calendar';
import { ScheduleResult, schedule } from '../core/schedule/schedule';
import { projectCalendarDefinition } from '../core/schedule/plan-calendars';
import { fail } from './errors';
import { asRange, isBlankRange, rawRows, rawValue } from './values';

/** An input sheet made from an argument, and how its cells are named in messages. */
export interface ArgSheet {
  sheet: RawSheet;
  /** The argument as a whole: `the tasks range`. */
  whole: string;
  /** A cell of the sheet's grid (0-based): `row 4 of the tasks range, column Duration`. */
  cell(r: number, c: number): string;
  /** A row of the sheet's grid. */
  row(r: number): string;
}

/** The first row that holds anything. */
function firstFilledRow(rows: (RawCell | undefined)[][]): number {
  return rows.findIndex((row) => row.some((cell) => cell !== undefined));
}

/** How the reader knows the Tasks sheet's ID column. */
const ID_HEADERS = new Set(TASK_COLUMNS.find((c) => c.field === 'id')!.names);

/**
 * The header row of a table range: the first row with an ID header (a tasks range may have a
 * title above its table), else the first row that holds anything.
 */
export function headerRowOf(rows: (RawCell | undefined)[][]): number {
  const withId = rows.findIndex((row) =>
    row.some(
      (cell) => cell !== undefined && typeof cell.value === 'string' && ID_HEADERS.has(normalizeHeader(cell.value)),
    ),
  );
  return withId >= 0 ? withId : Math.max(0, firstFilledRow(rows));
}

/** A range that is a table with a header row (Tasks, or Holidays with `Date | Name`). */
function tableSheet(name: string, noun: string, rows: (RawCell | undefined)[][]): ArgSheet {
  const header = rows[headerRowOf(rows)] ?? [];
  const whole = `the ${noun} range`;
  const row = (r: number) => `row ${r + 1} of ${whole}`;
  return {
    sheet: gridSheet(name, rows),
    whole,
    row,
    cell(r, c) {
      const label = cellText(header[c]);
      return label !== '' ? `${row(r)}, column ${label}` : `row ${r + 1}, column ${c + 1} of ${whole}`;
    },
  };
}

/** The tasks range: a header row (ID, Name, Duration, Predecessors... as on the Tasks sheet), then one row per task. */
export function tasksArg(tasks: unknown): { arg: ArgSheet; values: unknown[][] } {
  const values = asRange(tasks);
  if (isBlankRange(values))
    fail(
      'invalidValue',
      'The tasks range is empty: give a range with a header row (ID, Name, Duration...) and one row per task.',
    );
  return { arg: tableSheet('Tasks', 'tasks', rawRows(values)), values };
}

/** A table range standing for an input sheet (`Resources`), with its header row; `empty` says what to give when it is blank. */
export function tableArg(value: unknown, sheet: string, noun: string, empty: string): ArgSheet {
  const values = asRange(value);
  if (isBlankRange(values)) fail('invalidValue', empty);
  return tableSheet(sheet, noun, rawRows(values));
}

/** Settings that name other sheets: the ranges given to a function stand for those sheets, so these are left out. */
const SHEET_NAME_SETTINGS = new Set(Object.keys(SHEET_SETTINGS));

/**
 * The settings: a two-column `Setting | Value` range, or just the project start (a date in one
 * cell). Omitted, there is no project start to schedule from.
 */
export function settingsArg(settings: unknown): ArgSheet {
  const values = asRange(settings);
  if (isBlankRange(values)) {
    // Left out, the project starts today, as a new Microsoft Project plan does.
    const whole = 'the project start (today, as the settings argument is left out)';
    const now = new Date();
    const serial = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000 + 25569;
    return {
      sheet: gridSheet('Settings', [[{ value: 'Project Start' }, { value: serial }]]),
      whole,
      cell: () => whole,
      row: () => whole,
    };
  }
  if (values.length === 1 && values[0].length === 1) {
    const whole = 'the settings argument';
    return {
      sheet: gridSheet('Settings', [[{ value: 'Project Start' }, { value: rawValue(values[0][0]) }]]),
      whole,
      cell: () => whole,
      row: () => whole,
    };
  }
  const rows = rawRows(values).map((row) => {
    const key = row.find((cell) => cell !== undefined);
    return key && SHEET_NAME_SETTINGS.has(normalizeHeader(cellText(key))) ? [] : row;
  });
  const whole = 'the settings range';
  const row = (r: number) => `row ${r + 1} of ${whole}`;
  return { sheet: gridSheet('Settings', rows), whole, row, cell: row };
}

/** Whether a cell reads as a header (text that is not a date), not as a holiday. */
function isHeaderText(cell: RawCell | undefined): boolean {
  return cell !== undefined && typeof cell.value === 'string' && parseDateText(cell.value) === null;
}

/**
 * The holidays: a `Date | End Date | Name` table with its header row, as on the Holidays sheet, or
 * just dates (a column, a row or a block, one holiday a cell). Null when omitted or empty.
 */
export function holidaysArg(holidays: unknown): ArgSheet | null {
  const values = asRange(holidays);
  if (isBlankRange(values)) return null;
  const rows = rawRows(values);
  const first = rows[firstFilledRow(rows)];
  if (first.some(isHeaderText)) return tableSheet('Holidays', 'holidays', rows);
  // Dates only: one grid row per date under a `Date` header; each remembers its cell in the range.
  const grid: (RawCell | undefined)[][] = [[{ value: 'Date' }]];
  const origin: [number, number][] = [[0, 0]];
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === undefined) return;
      grid.push([cell]);
      origin.push([r, c]);
    }),
  );
  const wide = values.some((row) => row.length > 1);
  const whole = 'the holidays range';
  const at = (k: number) => {
    const [r, c] = origin[k] ?? [0, 0];
    return wide ? `row ${r + 1}, column ${c + 1} of ${whole}` : `row ${r + 1} of ${whole}`;
  };
  return { sheet: gridSheet('Holidays', grid), whole, cell: at, row: at };
}

/** Turns the reader's cell names into the names of the formula's arguments. */
export class Places {
  private readonly byName = new Map<string, ArgSheet>();

  constructor(sheets: (ArgSheet | null)[]) {
    for (const s of sheets) if (s) this.byName.set(s.sheet.name, s);
  }

  /** A place the reader names (a cell, a row or a sheet of an argument) in the formula's words. */
  where(at: Location): string {
    const arg = at.kind === 'cell' || at.kind === 'row' || at.kind === 'sheet' ? this.byName.get(at.sheet) : undefined;
    if (!arg) return formatLocation(at);
    if (at.kind === 'cell') return arg.cell(at.row, at.column);
    return at.kind === 'row' ? arg.row(at.row) : arg.whole;
  }

  /**
   * An issue's message in the formula's words: the other place it names (`also at Tasks!A2`)
   * as the argument's, and the input sheets as the ranges that stand for them.
   */
  message(issue: Issue): string {
    const text = issue.also
      ? issue.message.split(formatLocation(issue.also)).join(this.where(issue.also))
      : issue.message;
    return text
      .replace(/\b(Tasks|Settings|Holidays) sheet\b/g, (_, name: string) => `${name.toLowerCase()} range`)
      .replace(/\bto Settings\b/g, 'to the settings range');
  }

  /** An issue as one line: what is wrong, then where. */
  describe(issue: Issue): string {
    const place = this.where(issue.at);
    const message = this.message(issue);
    return message.toLowerCase().includes(place.toLowerCase()) ? message : `${message.replace(/\.$/, '')} (${place}).`;
  }
}

/** Fails with the first error among `issues` (#VALUE!), saying how many more there are. */
export function failOnErrors(issues: readonly Issue[], places: Places): void {
  if (!hasErrors(issues)) return;
  const errors = issues.filter((i) => i.severity === 'error');
  const more = errors.length - 1;
  fail('invalidValue', places.describe(errors[0]) + (more > 0 ? ` (+${more} more problem${more > 1 ? 's' : ''})` : ''));
}

/** A plan read from the argument sheets and scheduled; fails (#VALUE!) on any error, in the arguments' words. */
export interface Scheduled {
  plan: Plan;
  result: ScheduleResult;
}

/** Calendars recently built, by their definition; a worksheet full of FINISH calls uses one or two. */
const calendars = new Map<string, WorkCalendar>();
const CALENDARS_KEPT = 16;

/**
 * The plan's calendar, as `schedule` builds it, reused when the same working days, hours and
 * holidays come again: building one fills per-minute and per-day tables (most of a one-task
 * FINISH). Its anchor day only numbers the working minutes; dates come out the same from any.
 */
function calendarOf(plan: Plan): WorkCalendar {
  const def = projectCalendarDefinition(plan);
  const hours = (list: readonly WorkInterval[]) => list.map((i) => `${i.start}-${i.end}`).join();
  const key = `${def.workingWeekdays.join()}|${hours(def.intervals)}|${(def.weekdayIntervals ?? []).map(hours).join('/')}|${[...def.holidays].join()}|${[...(def.exceptions ?? [])].map(([d, h]) => `${d}:${hours(h)}`).join()}`;
  let cal = calendars.get(key);
  if (cal) {
    calendars.delete(key);
  } else {
    cal = new WorkCalendar(def, dayOf(plan.settings.projectStart));
    if (calendars.size >= CALENDARS_KEPT) calendars.delete(calendars.keys().next().value!);
  }
  calendars.set(key, cal);
  return cal;
}

/**
 * Empties the cells holding a 0 that the reader rejected (an error on that very cell): older Excel
 * versions pass an empty cell as 0, and a 0 is no date, no predecessor, no outline level.
 * Returns whether any was emptied.
 */
function emptyRejectedZeros(issues: readonly Issue[], sheets: readonly RawSheet[]): boolean {
  let emptied = false;
  for (const issue of issues) {
    const at = issue.severity === 'error' ? cellOf(issue.at) : null;
    const row = at ? sheets.find((s) => s.name === at.sheet)?.rows[at.row] : undefined;
    if (at && row && row[at.column]?.value === 0) {
      row[at.column] = undefined;
      emptied = true;
    }
  }
  return emptied;
}

/** Reads and schedules a workbook made of the given argument sheets (warnings are not errors and pass). */
export function readAndSchedule(sheets: (ArgSheet | null)[]): Scheduled {
  const places = new Places(sheets);
  const workbook: RawWorkbook = {
    sheets: sheets.filter((s): s is ArgSheet => s !== null).map((s) => s.sheet),
    source: 'excel',
  };
  let read = readPlan(workbook);
  if (hasErrors(read.issues) && emptyRejectedZeros(read.issues, workbook.sheets)) read = readPlan(workbook);
  failOnErrors(read.issues, places);
  const plan = read.plan!;
  const result = levelIfAsked(plan, schedule(plan, {}, calendarOf(plan)));
  failOnErrors(result.issues, places);
  return { plan, result };
}
