import type { DateOrder, Wall } from './time';
import type { WorkInterval } from './calendar';
import type { Location } from './location';

/** A problem found in a plan, in a coordinator's words, with the place it is about. */
export interface Issue {
  severity: 'error' | 'warning';
  message: string;
  /**
   * The cell it is about (`Tasks!D7`), or the row or sheet where no single cell fits; a place in
   * the document for a JSON plan (`tasks[5].Duration`). Shown as text by `formatLocation`.
   */
  at: Location;
  /** Another place the message names ("also at Tasks!A2"), for surfaces that name places their own way. */
  also?: Location;
}

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export const CONSTRAINT_TYPES = ['ASAP', 'ALAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO'] as const;
export type ConstraintType = (typeof CONSTRAINT_TYPES)[number];

/** A duration or lag amount: working minutes, or elapsed (calendar) minutes. */
export interface Span {
  minutes: number;
  elapsed: boolean;
}

export interface Lag {
  /** Working or elapsed minutes; ignored when `percent` is set. */
  minutes: number;
  elapsed: boolean;
  /** A lag given as a percentage of the predecessor's duration (`7FS+50%`). */
  percent?: number;
}

export interface Link {
  /** Index of the predecessor in {@link Plan.tasks}. */
  pred: number;
  type: LinkType;
  lag: Lag;
  /** The text of this link as typed, for messages. */
  text: string;
}

export interface Assignment {
  resource: string;
  /** 1 = 100%. */
  units: number;
}

/** Where a task row's fields are, for messages (`Tasks!D7`); the row itself for a column the sheet lacks. */
export interface TaskRefs {
  readonly id: Location;
  readonly name: Location;
  readonly duration: Location;
  readonly predecessors: Location;
  readonly constraint: Location;
  readonly constraintDate: Location;
  readonly deadline: Location;
  readonly percentComplete: Location;
  readonly actualStart: Location;
  readonly actualFinish: Location;
  readonly baselineStart: Location;
  readonly baselineFinish: Location;
  readonly outlineLevel: Location;
  readonly resources: Location;
  readonly costAccount: Location;
  readonly fixedCost: Location;
  readonly calendar: Location;
}

/** Where a budget line's fields are. */
export interface BudgetRefs {
  readonly account: Location;
  readonly description: Location;
  readonly category: Location;
  readonly budget: Location;
  readonly committed: Location;
  readonly actual: Location;
  readonly etc: Location;
}

export interface PlanTask {
  id: string;
  name: string;
  outlineLevel: number;
  /** Index of the summary task this task belongs to, or -1. */
  parent: number;
  isSummary: boolean;
  /** Null for summary tasks (their duration follows from their subtasks). */
  duration: Span | null;
  links: Link[];
  constraint: ConstraintType;
  constraintDate: Wall | null;
  deadline: Wall | null;
  /** 0 to 100. */
  percentComplete: number;
  actualStart: Wall | null;
  actualFinish: Wall | null;
  baselineStart: Wall | null;
  baselineFinish: Wall | null;
  resources: Assignment[];
  costAccount: string | null;
  fixedCost: number;
  priority: number;
  /** The task's calendar (Calendar column), by name in lower case; null: the project's (or its resources'). */
  calendar: string | null;
  refs: TaskRefs;
}

export interface ResourceDef {
  name: string;
  type: 'Work' | 'Equipment' | 'Material';
  maxUnits: number;
  rate: number;
  costAccount: string | null;
  /** When the resource can first be booked, and when it no longer can (exclusive); null: always. */
  availableFrom: Wall | null;
  availableTo: Wall | null;
  /** The resource's calendar (Calendar column), by name in lower case; null: the project's. */
  calendar: string | null;
  /** The resource's Name cell. */
  at: Location;
  /** Where the row's other fields are (the row itself for a column the sheet lacks). */
  refs: {
    costAccount: Location;
    type: Location;
    maxUnits: Location;
    rate: Location;
    availableFrom: Location;
    availableTo: Location;
    calendar: Location;
  };
}

export interface BudgetLine {
  account: string;
  description: string;
  category: string;
  budget: number;
  committed: number;
  actual: number;
  /** Null when the ETC cell is empty: ETC then follows from the budget. */
  etc: number | null;
  /** The line's Account cell. */
  at: Location;
  refs: BudgetRefs;
}

export type VarianceSign = 'budget-minus-forecast' | 'forecast-minus-budget';
export type GanttScale = 'auto' | 'hour' | 'shift' | 'day' | 'week' | 'month';

/**
 * How earned value forecasts the cost at completion: `cpi` AC + (BAC - EV) / CPI (work to go at the
 * cost efficiency so far), `budget-rate` AC + (BAC - EV) (work to go at budget), `cpi-spi`
 * AC + (BAC - EV) / (CPI x SPI) (cost and schedule efficiency both persist).
 */
export const EAC_METHODS = ['cpi', 'budget-rate', 'cpi-spi'] as const;
export type EacMethod = (typeof EAC_METHODS)[number];

export interface PlanSettings {
  projectStart: Wall;
  statusDate: Wall;
  /** Whether the status date was given, or taken from today. */
  statusDateGiven: boolean;
  workingWeekdays: boolean[];
  /** The standard day's hours (how long `1d` is). */
  intervals: WorkInterval[];
  /** Hours by weekday (0 = Sunday) where they differ from day to day (Working Hours `Mon-Fri 07:00-19:00, Sat 08:00-13:00`, a night shift); null when every working day has `intervals`. */
  weekIntervals: WorkInterval[][] | null;
  currency: string;
  varianceAmberPct: number;
  varianceRedPct: number;
  varianceSign: VarianceSign;
  ganttScale: GanttScale;
  eacMethod: EacMethod;
  /** How dates typed with numbers only (`05/27/2027`) are read; null: only where one reading is a date. */
  dateOrder: DateOrder | null;
  /** The title of every generated sheet and printed page ('' when not given), and its second line. */
  projectName: string;
  subtitle: string;
  /** An Excel number format for the dates the generated sheets show; null: chosen from the plan. */
  dateFormat: string | null;
  /** Durations and float on the generated sheets: in working days, hours, or chosen from the plan. */
  durationUnits: DurationUnits;
  /** Settings `Project Calendar`: a calendar of the Calendars sheet, in lower case; null: Working Days and Hours. */
  projectCalendar: string | null;
  /** Whether over-allocations are resolved by delaying tasks (Settings Leveling On), or only reported. */
  leveling: boolean;
  levelingOrder: LevelingOrder;
}

export type DurationUnits = 'auto' | 'days' | 'hours';

/**
 * Which task yields to which when leveling, as Project's Leveling Order: `standard` (later starts,
 * more slack and lower priority yield), `priority-standard` (priority first, then standard),
 * `id-only` (lower rows yield).
 */
export const LEVELING_ORDERS = ['standard', 'priority-standard', 'id-only'] as const;
export type LevelingOrder = (typeof LEVELING_ORDERS)[number];

/** A calendar of the Calendars sheet, its base calendars' hours resolved. */
export interface NamedCalendar {
  name: string;
  workingWeekdays: boolean[];
  intervals: WorkInterval[];
  weekIntervals: WorkInterval[][] | null;
  /** Its base calendars, nearest first, by name in lower case: their exceptions are its own. */
  bases: string[];
  at: Location;
}

export interface Holiday {
  day: number;
  name: string;
  /** The calendar it belongs to, in lower case (and the calendars based on it); absent: every calendar. */
  calendar?: string;
  /** A working exception: the day works these hours (a Saturday shoot) instead of being a day off. */
  hours?: WorkInterval[];
}

/** A whole plan as read from a workbook or a JSON file, ready to schedule. */
export interface Plan {
  settings: PlanSettings;
  holidays: Holiday[];
  tasks: PlanTask[];
  resources: ResourceDef[];
  budget: BudgetLine[];
  /** The Calendars sheet's calendars by name in lower case (empty without one). */
  calendars: Map<string, NamedCalendar>;
  /** Names of the input sheets as found (they may be renamed in Settings). */
  sheetNames: {
    tasks: string;
    budget: string;
    resources: string;
    holidays: string;
    calendars: string;
    settings: string;
  };
}
