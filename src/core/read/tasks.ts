import { clip } from '../helpers';
import { Location, formatLocation } from '../location';
import type { ConstraintType, Issue, PlanTask, ResourceDef, Span, TaskRefs } from '../model';
import { parseDuration } from '../parsers/duration';
import {
  atDefaultTime,
  parseAssignments,
  parseConstraint,
  parseDateCell,
  parseAmountCell,
  parseNumberCell,
  parsePercentCell,
} from '../parsers/values';
import type { Parsed } from '../parsers/parsed';
import type { RawSheet, RawValue } from '../raw';
import { DateOrder, LAST_PLACEABLE_WALL, LAST_PLACEABLE_YEAR, Wall, formatDay } from '../time';
import { IdIndex } from './id-index';
import { readLinks } from './links';
import type { SettingsRead } from './settings';
import { ColumnSpec, TableRow, cellText, readTable } from './table';

export type TaskField =
  | 'id'
  | 'name'
  | 'duration'
  | 'predecessors'
  | 'resources'
  | 'constraint'
  | 'constraintDate'
  | 'deadline'
  | 'percentComplete'
  | 'actualStart'
  | 'actualFinish'
  | 'baselineStart'
  | 'baselineFinish'
  | 'outlineLevel'
  | 'costAccount'
  | 'fixedCost'
  | 'priority'
  | 'calendar';

/** The Tasks sheet's columns and the headers each is known by (normalized). */
export const TASK_COLUMNS: ColumnSpec<TaskField>[] = [
  { field: 'id', label: 'ID', names: ['id', 'taskid'], required: true },
  { field: 'name', label: 'Name', names: ['name', 'taskname', 'task'], required: true },
  { field: 'duration', label: 'Duration', names: ['duration', 'dur'], required: true },
  {
    field: 'predecessors',
    label: 'Predecessors',
    names: ['predecessors', 'predecessor', 'preds', 'dependencies', 'dependson'],
  },
  { field: 'resources', label: 'Resources', names: ['resources', 'resourcenames', 'resource'] },
  { field: 'constraint', label: 'Constraint', names: ['constraint', 'constrainttype'] },
  { field: 'constraintDate', label: 'Constraint Date', names: ['constraintdate'] },
  { field: 'deadline', label: 'Deadline', names: ['deadline'] },
  { field: 'percentComplete', label: '% Complete', names: ['complete', 'percentcomplete', 'pctcomplete', 'progress'] },
  { field: 'actualStart', label: 'Actual Start', names: ['actualstart'] },
  { field: 'actualFinish', label: 'Actual Finish', names: ['actualfinish'] },
  { field: 'baselineStart', label: 'Baseline Start', names: ['baselinestart'] },
  { field: 'baselineFinish', label: 'Baseline Finish', names: ['baselinefinish'] },
  { field: 'outlineLevel', label: 'Outline Level', names: ['outlinelevel', 'level', 'outline'] },
  { field: 'costAccount', label: 'Cost Account', names: ['costaccount', 'account'] },
  { field: 'fixedCost', label: 'Fixed Cost', names: ['fixedcost'] },
  { field: 'priority', label: 'Priority', names: ['priority'] },
  { field: 'calendar', label: 'Calendar', names: ['calendar', 'taskcalendar'] },
];

/** What every task row is read against: the settings' day edges and status date, the known resources, where issues go. */
interface TaskContext {
  mpd: number;
  dayStart: number;
  dayEnd: number;
  statusDate: Wall | null;
  dateOrder: DateOrder | null;
  knownResources: Set<string>;
  /** Durations parsed so far, by their text. */
  durations: Map<string, Parsed<Span>>;
  error(message: string, at: Location, also?: Location): void;
  warn(message: string, at: Location): void;
}

/** The Tasks sheet: one row per task, its outline, dates, progress, resources and costs, then its links. */
export function readTasks(
  sheet: RawSheet,
  mpd: number,
  settingsRead: SettingsRead,
  resources: ResourceDef[],
  issues: Issue[],
  dateOrder: DateOrder | null = null,
): PlanTask[] {
  const table = readTable(sheet, TASK_COLUMNS, issues);
  if (!table) return [];
  if (table.rows.length === 0 || Object.keys(table.columns).length === 0) {
    issues.push({
      severity: 'error',
      message: `The ${sheet.name} sheet has no tasks: add one row per task under the header row.`,
      at: sheet.locateSheet(),
    });
    return [];
  }
  const intervals = settingsRead.ok ? settingsRead.value.intervals : null;
  const cx: TaskContext = {
    mpd,
    dayStart: intervals ? intervals[0].start : 8 * 60,
    dayEnd: intervals ? intervals[intervals.length - 1].end : 17 * 60,
    statusDate: settingsRead.ok ? settingsRead.value.statusDate : null,
    dateOrder,
    knownResources: new Set(resources.map((r) => r.name.toLowerCase())),
    durations: new Map(),
    error: (message, at, also) =>
      issues.push(also ? { severity: 'error', message, at, also } : { severity: 'error', message, at }),
    warn: (message, at) => issues.push({ severity: 'warning', message, at }),
  };
  const rows = table.rows;
  const { ids, index } = readIds(rows, cx);
  const outline = readOutline(rows, cx);
  const tasks = rows.map((row, i) => readTask(row, ids[i], outline, i, cx));
  readLinks(rows, tasks, index, mpd, sheet.name, issues);
  return tasks;
}

/** Each row's ID, and the row of each ID; a missing or repeated ID is an error. */
function readIds(rows: TableRow<TaskField>[], cx: TaskContext): { ids: string[]; index: IdIndex } {
  const ids: string[] = rows.map((row) => (notText(row, 'id') === null ? row.text('id') : ''));
  const index = new IdIndex();
  rows.forEach((row, i) => {
    const id = ids[i];
    const wrong = notText(row, 'id');
    if (wrong !== null) {
      cx.error(`This task's ID: ${wrong}; give every task an ID such as 12 or S-9.`, row.at('id'));
    } else if (id === '') {
      const name = row.text('name');
      cx.error(`This task${name ? ` ("${clip(name)}")` : ''} has no ID: give every task a unique ID.`, row.at('id'));
    } else if (index.has(id)) {
      const first = rows[index.get(id)!].at('id');
      cx.error(`ID ${id} is used twice (also at ${formatLocation(first)}): IDs must be unique.`, row.at('id'), first);
    } else {
      index.set(id, i);
    }
  });
  return { ids, index };
}

/**
 * Why a cell that should hold text does not: an error value (`#N/A`), or in a JSON plan a list or an
 * object where a text belongs. Null when it holds text, a number or nothing.
 */
function notText(row: TableRow<TaskField>, field: TaskField): string | null {
  const v = row.filled(field)?.value;
  if (v === undefined || v === null || typeof v !== 'object' || v.kind !== 'error') return null;
  return v.text.startsWith('#') ? `the cell shows the error ${v.text}, not text` : `${v.text} is not text`;
}

/** The outline: each row's level, its summary task (-1 at the top), and whether it is a summary itself. */
interface Outline {
  levels: number[];
  parents: number[];
  isSummary: boolean[];
}

/** Reads Outline Level: a row followed by a deeper row is a summary; a jump of more than one level is read as one. */
function readOutline(rows: TableRow<TaskField>[], cx: TaskContext): Outline {
  const levels = rows.map((row) => {
    const cell = row.filled('outlineLevel');
    if (cell === undefined) return 1;
    const p = parseNumberCell(cell.value, 'an outline level');
    if (!p.ok || !Number.isInteger(p.value) || p.value < 1 || p.value > 100) {
      cx.error(
        `Outline Level must be a whole number from 1 ${p.ok ? `(not ${p.value})` : `(${p.message})`}.`,
        row.at('outlineLevel'),
      );
      return 1;
    }
    return p.value;
  });
  const parents: number[] = new Array(rows.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const prevLevel = i > 0 ? levels[i - 1] : 0;
    if (levels[i] > prevLevel + 1) {
      cx.warn(
        `Outline Level jumps from ${prevLevel} to ${levels[i]}; read as ${prevLevel + 1}, one level below the row above.`,
        rows[i].at('outlineLevel'),
      );
      levels[i] = prevLevel + 1;
    }
    while (stack.length > 0 && levels[stack[stack.length - 1]] >= levels[i]) stack.pop();
    parents[i] = stack.length > 0 ? stack[stack.length - 1] : -1;
    stack.push(i);
  }
  const isSummary = rows.map((_, i) => i + 1 < rows.length && levels[i + 1] > levels[i]);
  return { levels, parents, isSummary };
}

/** One task row (without its links, read once every row's ID is known). */
function readTask(row: TableRow<TaskField>, id: string, outline: Outline, i: number, cx: TaskContext): PlanTask {
  const wrongName = notText(row, 'name');
  const name = wrongName === null ? row.text('name') : '';
  const summary = outline.isSummary[i];
  // Built only when a message needs it.
  const label = () => `Task ${id || '?'}${name ? ` '${clip(name)}'` : ''}`;
  if (wrongName !== null) cx.error(`${label()} Name: ${wrongName}.`, row.at('name'));
  else if (name === '') cx.warn(`${label()} has no name.`, row.at('name'));
  /** `places`: a date the task is placed at (not only bounded by), so within the years the scheduler places tasks in. */
  const date = (f: TaskField, what: string, defaultMinute: number, places = false): Wall | null => {
    const cell = row.filled(f);
    if (cell === undefined) return null;
    const d = parseDateCell(cell.value, cx.dateOrder);
    if (!d.ok) {
      cx.error(`${label()} ${what}: ${d.message}.`, row.at(f));
      return null;
    }
    const wall = atDefaultTime(d.value, defaultMinute);
    if (places && wall > LAST_PLACEABLE_WALL) {
      cx.error(
        `${label()} ${what}: ${formatDay(wall)} is after the year ${LAST_PLACEABLE_YEAR}, the last year the scheduler places tasks in.`,
        row.at(f),
      );
      return null;
    }
    return wall;
  };

  const duration = summary ? null : readDuration(row, label, cx);
  const { constraint, constraintDate } = readConstraint(row, summary, label, date, cx);
  const progress = readProgress(row, summary, label, date, cx);
  const resources = readAssignments(row, label, cx);
  const fixedCost = readFixedCost(row, label, cx);
  const priority = readPriority(row, label, cx);
  const account = row.text('costAccount');
  const calendar = row.text('calendar');
  // Fields listed one by one (no spread of `progress`): a literal of known shape is built in one go.
  return {
    id,
    name,
    outlineLevel: outline.levels[i],
    parent: outline.parents[i],
    isSummary: summary,
    duration,
    links: [],
    constraint,
    constraintDate,
    deadline: date('deadline', 'Deadline', cx.dayEnd),
    percentComplete: progress.percentComplete,
    actualStart: progress.actualStart,
    actualFinish: progress.actualFinish,
    baselineStart: date('baselineStart', 'Baseline Start', cx.dayStart),
    baselineFinish: date('baselineFinish', 'Baseline Finish', cx.dayEnd),
    resources,
    costAccount: account === '' ? null : account,
    fixedCost,
    priority,
    calendar: calendar === '' ? null : calendar.toLowerCase(),
    refs: new RowRefs(row),
  };
}

type Label = () => string;

/**
 * parseDuration, remembering text durations: a large plan writes the same few (`5d`, `2w`)
 * thousands of times. Each task still gets a duration object of its own.
 */
function durationOf(value: RawValue, cx: TaskContext): Parsed<Span> {
  if (typeof value !== 'string') return parseDuration(value, cx.mpd);
  let parsed = cx.durations.get(value);
  if (parsed === undefined) {
    parsed = parseDuration(value, cx.mpd);
    cx.durations.set(value, parsed);
  }
  return parsed.ok ? { ok: true, value: { minutes: parsed.value.minutes, elapsed: parsed.value.elapsed } } : parsed;
}
type DateReader = (f: TaskField, what: string, defaultMinute: number, places?: boolean) => Wall | null;

function readDuration(row: TableRow<TaskField>, label: Label, cx: TaskContext): PlanTask['duration'] {
  const cell = row.filled('duration');
  if (cell === undefined) {
    cx.error(`${label()} has no duration: enter a duration such as 5d, or 0 for a milestone.`, row.at('duration'));
    return null;
  }
  const d = durationOf(cell.value, cx);
  if (d.ok) return d.value;
  cx.error(`${label()} duration: ${d.message}.`, row.at('duration'));
  return null;
}

/** Constraint and Constraint Date; a summary keeps only ASAP, SNET or FNLT. */
function readConstraint(
  row: TableRow<TaskField>,
  summary: boolean,
  label: Label,
  date: DateReader,
  cx: TaskContext,
): { constraint: ConstraintType; constraintDate: Wall | null } {
  let constraint: ConstraintType = 'ASAP';
  const constraintCell = row.filled('constraint');
  if (constraintCell !== undefined) {
    const c = parseConstraint(cellText(constraintCell));
    if (c.ok) constraint = c.value;
    else cx.error(`${label()}: ${c.message}.`, row.at('constraint'));
  }
  const startSide = constraint === 'SNET' || constraint === 'SNLT' || constraint === 'MSO';
  // A date that places the task (not only bounds it); a summary keeps only SNET of these (below).
  const pushes =
    constraint === 'SNET' || (!summary && (constraint === 'FNET' || constraint === 'MSO' || constraint === 'MFO'));
  let constraintDate = date('constraintDate', 'Constraint Date', startSide ? cx.dayStart : cx.dayEnd, pushes);
  if (constraint !== 'ASAP' && constraint !== 'ALAP' && constraintDate === null && !row.has('constraintDate')) {
    cx.error(`${label()} has the constraint ${constraint} but no Constraint Date.`, row.at('constraintDate'));
  }
  if ((constraint === 'ASAP' || constraint === 'ALAP') && constraintDate !== null) {
    cx.warn(
      `${label()} has a Constraint Date but the constraint ${constraint}, which takes no date; the date is ignored.`,
      row.at('constraintDate'),
    );
    constraintDate = null;
  }
  if (summary && constraint !== 'ASAP' && constraint !== 'SNET' && constraint !== 'FNLT') {
    cx.warn(
      `${label()} is a summary task; summary tasks take only ASAP, SNET or FNLT constraints, so ${constraint} is ignored.`,
      row.at('constraint'),
    );
    constraint = 'ASAP';
    constraintDate = null;
  }
  return { constraint, constraintDate };
}

/** % Complete, Actual Start and Actual Finish; a summary's own are ignored (its progress rolls up). */
function readProgress(
  row: TableRow<TaskField>,
  summary: boolean,
  label: Label,
  date: DateReader,
  cx: TaskContext,
): Pick<PlanTask, 'percentComplete' | 'actualStart' | 'actualFinish'> {
  let percentComplete = 0;
  const percentCell = row.filled('percentComplete');
  if (percentCell !== undefined) {
    const p = parsePercentCell(percentCell);
    if (!p.ok) cx.error(`${label()} % Complete: ${p.message}.`, row.at('percentComplete'));
    else {
      percentComplete = p.value.value;
      if (p.value.note) cx.warn(`${label()}: ${p.value.note}.`, row.at('percentComplete'));
    }
  }
  let actualStart = date('actualStart', 'Actual Start', cx.dayStart, true);
  let actualFinish = date('actualFinish', 'Actual Finish', cx.dayEnd, true);
  if (summary && (actualStart !== null || actualFinish !== null || percentCell !== undefined)) {
    cx.warn(
      `${label()} is a summary task: its progress follows from its subtasks, so its own % Complete and actual dates are ignored.`,
      row.at(actualStart !== null ? 'actualStart' : actualFinish !== null ? 'actualFinish' : 'percentComplete'),
    );
    actualStart = null;
    actualFinish = null;
    percentComplete = 0;
  }
  if (actualStart !== null && actualFinish !== null && actualFinish < actualStart) {
    cx.error(`${label()} has an Actual Finish before its Actual Start.`, row.at('actualFinish'));
  }
  if (actualFinish !== null && percentComplete < 100) {
    if (percentCell !== undefined)
      cx.warn(`${label()} has an Actual Finish, so it is read as 100% complete.`, row.at('percentComplete'));
    percentComplete = 100;
  }
  if (cx.statusDate !== null && actualStart !== null && actualStart > cx.statusDate) {
    cx.warn(`${label()} has an Actual Start after the Status Date; check the date.`, row.at('actualStart'));
  }
  return { percentComplete, actualStart, actualFinish };
}

function readAssignments(row: TableRow<TaskField>, label: Label, cx: TaskContext): PlanTask['resources'] {
  const cell = row.filled('resources');
  if (cell === undefined) return [];
  const a = parseAssignments(cellText(cell));
  if (!a.ok) {
    cx.error(`${label()} Resources: ${a.message}.`, row.at('resources'));
    return [];
  }
  for (const asg of a.value) {
    if (!cx.knownResources.has(asg.resource.toLowerCase())) {
      cx.warn(
        `${label()} uses the resource "${clip(asg.resource)}", which is not on the Resources sheet.`,
        row.at('resources'),
      );
    }
  }
  return a.value;
}

function readFixedCost(row: TableRow<TaskField>, label: Label, cx: TaskContext): number {
  const cell = row.filled('fixedCost');
  if (cell === undefined) return 0;
  const p = parseAmountCell(cell.value);
  if (!p.ok) cx.error(`${label()} Fixed Cost: ${p.message}.`, row.at('fixedCost'));
  else if (p.value < 0) cx.warn(`${label()} has a negative Fixed Cost.`, row.at('fixedCost'));
  else return p.value;
  return 0;
}

function readPriority(row: TableRow<TaskField>, label: Label, cx: TaskContext): number {
  const cell = row.filled('priority');
  if (cell === undefined) return 500;
  const p = parseNumberCell(cell.value, 'a priority');
  if (!p.ok || !Number.isInteger(p.value) || p.value < 0 || p.value > 1000) {
    cx.error(`${label()} Priority must be a whole number from 0 to 1000.`, row.at('priority'));
    return 500;
  }
  return p.value;
}

/** A task's cell references, worked out when a message needs one (not 13 strings a task). */
class RowRefs implements TaskRefs {
  constructor(private readonly row: TableRow<TaskField>) {}
  get id(): Location {
    return this.row.at('id');
  }
  get name(): Location {
    return this.row.at('name');
  }
  get duration(): Location {
    return this.row.at('duration');
  }
  get predecessors(): Location {
    return this.row.at('predecessors');
  }
  get constraint(): Location {
    return this.row.at('constraint');
  }
  get constraintDate(): Location {
    return this.row.at('constraintDate');
  }
  get deadline(): Location {
    return this.row.at('deadline');
  }
  get percentComplete(): Location {
    return this.row.at('percentComplete');
  }
  get actualStart(): Location {
    return this.row.at('actualStart');
  }
  get actualFinish(): Location {
    return this.row.at('actualFinish');
  }
  get baselineStart(): Location {
    return this.row.at('baselineStart');
  }
  get baselineFinish(): Location {
    return this.row.at('baselineFinish');
  }
  get outlineLevel(): Location {
    return this.row.at('outlineLevel');
  }
  get resources(): Location {
    return this.row.at('resources');
  }
  get costAccount(): Location {
    return this.row.at('costAccount');
  }
  get fixedCost(): Location {
    return this.row.at('fixedCost');
  }
  get calendar(): Location {
    return this.row.at('calendar');
  }
}
