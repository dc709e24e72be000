import type { Wall } from './time';
import type { WorkInterval } from './calendar';

/** A problem found in a plan, in a coordinator's words, with the cell it is about. */
export interface Issue {
  severity: 'error' | 'warning';
  message: string;
  /** `Tasks!D7` for a workbook, `tasks[5].Duration` for a JSON plan; a sheet or row reference where no single cell fits. */
  where: string;
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

/** Cell references of a task row's fields, for messages (`Tasks!D7`). */
export interface TaskRefs {
  readonly id: string;
  readonly name: string;
  readonly duration: string;
  readonly predecessors: string;
  readonly constraint: string;
  readonly constraintDate: string;
  readonly deadline: string;
  readonly percentComplete: string;
  readonly actualStart: string;
  readonly actualFinish: string;
  readonly baselineStart: string;
  readonly baselineFinish: string;
  readonly outlineLevel: string;
  readonly resources: string;
  readonly costAccount: string;
  readonly fixedCost: string;
}

/** Cell references of a budget line's fields. */
export interface BudgetRefs {
  readonly account: string;
  readonly description: string;
  readonly category: string;
  readonly budget: string;
  readonly committed: string;
  readonly actual: string;
  readonly etc: string;
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
  refs: TaskRefs;
}

export interface ResourceDef {
  name: string;
  type: 'Work' | 'Equipment' | 'Material';
  maxUnits: number;
  rate: number;
  costAccount: string | null;
  where: string;
  refs: { costAccount: string };
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
  where: string;
  refs: BudgetRefs;
}

export type VarianceSign = 'budget-minus-forecast' | 'forecast-minus-budget';
export type GanttScale = 'auto' | 'day' | 'week' | 'month';

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
  intervals: WorkInterval[];
  currency: string;
  varianceAmberPct: number;
  varianceRedPct: number;
  varianceSign: VarianceSign;
  ganttScale: GanttScale;
  eacMethod: EacMethod;
}

export interface Holiday {
  day: number;
  name: string;
}

/** A whole plan as read from a workbook or a JSON file, ready to schedule. */
export interface Plan {
  settings: PlanSettings;
  holidays: Holiday[];
  tasks: PlanTask[];
  resources: ResourceDef[];
  budget: BudgetLine[];
  /** Names of the input sheets as found (they may be renamed in Settings). */
  sheetNames: { tasks: string; budget: string; resources: string; holidays: string; settings: string };
}
