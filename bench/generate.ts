/**
 * Deterministic generator of realistic task networks for the benchmarks.
 *
 * A generated plan is a programme of parallel work streams of STREAM_LENGTH
 * rows each (think: one stream per episode, site or product line). Within a
 * stream, rows are cut into groups of about 20 tasks, most of them led by an
 * Outline Level 1 summary row with Level 2 subtasks. Each task depends on
 * about two earlier rows: mostly nearby rows of its own stream, sometimes a
 * row far back, in its own or an earlier stream. Long-range links always go
 * to a lower position within a stream, so the longest path is bounded by the
 * stream length and the project spans a few years whatever the task count:
 * a million-task plan is a wide programme, not a thousand-year chain.
 *
 * The network is first drawn into a compact {@link NetworkSpec}; from it,
 * {@link toJsonDocument} writes the JSON form the command line reads and
 * {@link toPlan} builds the engine's {@link Plan} directly in memory, with
 * the same values and object shapes the reader produces (checked by
 * {@link comparePlans}; see `measure.ts verify`).
 */
import { isDeepStrictEqual } from 'util';
import { Location, formatLocation, pathLocation } from '../src/core/location';
import type { Issue, Lag, Link, LinkType, Plan, PlanTask, Span, TaskRefs } from '../src/core/model';
import { readPlan } from '../src/core/read/read-plan';
import { readJsonPlan } from '../src/workbook/json-host';

// ---- Shape of the generated programme -----------------------------------------------------

/** Rows per work stream; bounds the longest path (and so the project span). */
const STREAM_LENGTH = 500;
const GROUP_SIZE_MIN = 15;
const GROUP_SIZE_MAX = 25;
/** Share of groups led by a summary row (the rest are plain Level 1 rows). */
const SUMMARY_GROUP_SHARE = 0.75;
/** Share of predecessors drawn far back rather than among the nearby rows. */
const LONG_RANGE_SHARE = 0.12;
/** Mean distance, in rows, of a nearby predecessor (geometric-like). */
const NEARBY_MEAN_DISTANCE = 6;
const NEARBY_MAX_DISTANCE = 40;

const PROJECT_START = '2027-03-01';
const DAY_START_MINUTE = 8 * 60;
const DAY_END_MINUTE = 17 * 60;
const MINUTES_PER_WORKDAY = 8 * 60;
const HOLIDAYS_PER_YEAR: [month: number, day: number, name: string][] = [
  [1, 1, "New Year's Day"],
  [1, 19, 'Founders Day'],
  [2, 16, "Presidents' Day"],
  [4, 3, 'Good Friday'],
  [5, 25, 'Memorial Day'],
  [7, 5, 'Independence Day (observed)'],
  [9, 6, 'Labor Day'],
  [11, 25, 'Thanksgiving'],
  [11, 26, 'Day after Thanksgiving'],
  [12, 24, 'Christmas Eve'],
];
const ACTIVITIES = [
  'Scout location',
  'Build set',
  'Rig lighting',
  'Casting call',
  'Wardrobe fitting',
  'Rehearse',
  'Shoot scene',
  'Edit assembly',
  'Sound mix',
  'Colour grade',
  'VFX pass',
  'Review cut',
  'Order materials',
  'Install',
  'Test run',
  'Inspect',
];

export enum DurationKind {
  Days,
  Hours,
  ElapsedDays,
  Weeks,
  Milestone,
}
export enum LagKind {
  None,
  PlusDays,
  MinusDay,
  PlusHours,
  PlusPercent,
  PlusElapsedDays,
}
export enum ConstraintKind {
  None,
  Snet,
  Fnlt,
}
const LINK_TYPES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];
/** Fixed amounts of the lag kinds that take none from the spec. */
const LAG_HOURS = 4;
const LAG_PERCENT = 50;
const LAG_ELAPSED_DAYS = 2;

/**
 * A generated network, struct-of-arrays (compact even at a million rows).
 * Row i is task ID `i + 1`; predecessors of row i are entries
 * predStart[i] .. predStart[i + 1] - 1 of the pred* arrays.
 */
export interface NetworkSpec {
  taskCount: number;
  linkCount: number;
  summaryCount: number;
  projectStartDay: number;
  holidays: { day: number; name: string }[];
  level: Uint8Array;
  parent: Int32Array;
  isSummary: Uint8Array;
  activity: Uint8Array;
  durationKind: Uint8Array;
  durationAmount: Uint8Array;
  predStart: Int32Array;
  predRow: Int32Array;
  predType: Uint8Array;
  lagKind: Uint8Array;
  lagAmount: Uint8Array;
  constraint: Uint8Array;
  /** Day numbers (days since 1970-01-01); -1 where there is none. */
  constraintDay: Int32Array;
  deadlineDay: Int32Array;
}

// ---- Seeded randomness ----------------------------------------------------------------------

/** mulberry32: a small, fast, seedable PRNG; the same seed always gives the same plan. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Index drawn with the given weights (which need not sum to 1). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let k = 0; k < weights.length; k++) {
      u -= weights[k];
      if (u < 0) return k;
    }
    return weights.length - 1;
  }
}

// ---- Drawing the network --------------------------------------------------------------------

/** Predecessors per leaf task: 1, 2, 3 or 4, for a mean a little above 2. */
const PRED_COUNT_WEIGHTS = [0, 0.3, 0.4, 0.2, 0.1];
/** FS, SS, FF, SF. Summary tasks take FS or SS only. */
const LINK_TYPE_WEIGHTS = [0.7, 0.15, 0.1, 0.05];
const SUMMARY_LINK_TYPE_WEIGHTS = [0.85, 0.15];
/** None, +Nd, -1d, +4h, +50%, +2ed. */
const LAG_WEIGHTS = [0.65, 0.15, 0.05, 0.05, 0.05, 0.05];
/** Days, hours, elapsed days, weeks, milestone. */
const DURATION_WEIGHTS = [0.75, 0.12, 0.03, 0.04, 0.06];
const HOURS_CHOICES = [2, 4, 6, 8, 12, 16];
const SNET_SHARE = 0.005;
const FNLT_SHARE = 0.003;
const DEADLINE_SHARE = 0.005;

/** Rough dates in working days from the project start, kept while drawing to place constraint dates sensibly. */
interface Estimates {
  start: Float64Array;
  finish: Float64Array;
  /** For summary rows: the start bound its links put on its subtasks. */
  summaryBound: Float64Array;
}

/** Draws a network of `taskCount` tasks; the same seed gives the same network. */
export function generateNetwork(taskCount: number, seed = 20270301): NetworkSpec {
  if (!Number.isInteger(taskCount) || taskCount < 1)
    throw new Error(`taskCount must be a positive integer, not ${taskCount}`);
  const rng = new Rng(seed);
  const n = taskCount;
  const spec = allocateSpec(n);
  drawOutline(spec, rng);

  const est: Estimates = { start: new Float64Array(n), finish: new Float64Array(n), summaryBound: new Float64Array(n) };
  // Links: at most 4 per row; trimmed to the real count at the end.
  const drawn: LinkArrays = {
    predRow: new Int32Array(n * 4),
    predType: new Uint8Array(n * 4),
    lagKind: new Uint8Array(n * 4),
    lagAmount: new Uint8Array(n * 4),
  };
  const { predRow, predType, lagKind, lagAmount } = drawn;
  let l = 0;
  const constraintOffset = new Float64Array(n); // working days, resolved to dates once holidays are known
  const deadlineOffset = new Float64Array(n); // 0: no deadline

  for (let r = 0; r < n; r++) {
    spec.activity[r] = rng.int(0, ACTIVITIES.length - 1);
    if (!spec.isSummary[r]) drawDuration(spec, r, rng);
    spec.predStart[r] = l;
    for (const target of drawPredecessors(spec, r, rng)) {
      predRow[l] = target;
      predType[l] = spec.isSummary[r] ? rng.weighted(SUMMARY_LINK_TYPE_WEIGHTS) : rng.weighted(LINK_TYPE_WEIGHTS);
      lagKind[l] = rng.weighted(LAG_WEIGHTS);
      lagAmount[l] = lagKind[l] === LagKind.PlusDays ? rng.int(1, 5) : 0;
      l++;
    }
    estimate(spec, est, r, drawn, spec.predStart[r], l);
    if (!spec.isSummary[r]) drawDates(spec, est, r, rng, constraintOffset, deadlineOffset);
  }
  spec.predStart[n] = l;
  spec.linkCount = l;
  spec.predRow = predRow.slice(0, l);
  spec.predType = predType.slice(0, l);
  spec.lagKind = lagKind.slice(0, l);
  spec.lagAmount = lagAmount.slice(0, l);

  let lastWorkday = 0;
  for (let r = 0; r < n; r++)
    lastWorkday = Math.max(lastWorkday, est.finish[r], constraintOffset[r], deadlineOffset[r]);
  spec.holidays = holidaysCovering(spec.projectStartDay, lastWorkday);
  resolveDates(spec, constraintOffset, deadlineOffset, lastWorkday);
  return spec;
}

function allocateSpec(n: number): NetworkSpec {
  const none = () => new Int32Array(n).fill(-1);
  return {
    taskCount: n,
    linkCount: 0,
    summaryCount: 0,
    projectStartDay: dayNumber(PROJECT_START),
    holidays: [],
    level: new Uint8Array(n),
    parent: none(),
    isSummary: new Uint8Array(n),
    activity: new Uint8Array(n),
    durationKind: new Uint8Array(n),
    durationAmount: new Uint8Array(n),
    predStart: new Int32Array(n + 1),
    predRow: new Int32Array(0),
    predType: new Uint8Array(0),
    lagKind: new Uint8Array(0),
    lagAmount: new Uint8Array(0),
    constraint: new Uint8Array(n),
    constraintDay: none(),
    deadlineDay: none(),
  };
}

/** Cuts each stream into groups; most groups get a Level 1 summary row over Level 2 subtasks. */
function drawOutline(spec: NetworkSpec, rng: Rng): void {
  const n = spec.taskCount;
  for (let streamStart = 0; streamStart < n; streamStart += STREAM_LENGTH) {
    const streamEnd = Math.min(n, streamStart + STREAM_LENGTH);
    for (let g = streamStart; g < streamEnd;) {
      const end = Math.min(streamEnd, g + rng.int(GROUP_SIZE_MIN, GROUP_SIZE_MAX));
      const summarized = end - g >= 2 && rng.chance(SUMMARY_GROUP_SHARE);
      for (let r = g; r < end; r++) {
        const isHead = summarized && r === g;
        spec.level[r] = summarized && !isHead ? 2 : 1;
        spec.isSummary[r] = isHead ? 1 : 0;
        spec.parent[r] = summarized && !isHead ? g : -1;
      }
      if (summarized) spec.summaryCount++;
      g = end;
    }
  }
}

function drawDuration(spec: NetworkSpec, r: number, rng: Rng): void {
  const kind = rng.weighted(DURATION_WEIGHTS) as DurationKind;
  spec.durationKind[r] = kind;
  switch (kind) {
    case DurationKind.Days:
      spec.durationAmount[r] = rng.int(1, 10);
      break;
    case DurationKind.Hours:
      spec.durationAmount[r] = HOURS_CHOICES[rng.int(0, HOURS_CHOICES.length - 1)];
      break;
    case DurationKind.ElapsedDays:
      spec.durationAmount[r] = rng.int(1, 7);
      break;
    case DurationKind.Weeks:
      spec.durationAmount[r] = rng.int(1, 3);
      break;
    default:
      spec.durationAmount[r] = 0;
      break;
  }
}

/**
 * Distinct earlier rows for row r to depend on. Never its own summary (an
 * error in MS Project semantics). A long-range predecessor is never a summary,
 * whose subtasks could sit further down their stream than row r: that keeps
 * every path moving down the streams, so its length stays bounded.
 */
function drawPredecessors(spec: NetworkSpec, r: number, rng: Rng): number[] {
  const stream = Math.floor(r / STREAM_LENGTH);
  const streamStart = stream * STREAM_LENGTH;
  const offset = r - streamStart;
  const wanted = spec.isSummary[r] ? (rng.chance(0.5) ? 1 : 0) : rng.weighted(PRED_COUNT_WEIGHTS);
  const chosen: number[] = [];
  for (let attempt = 0; attempt < wanted * 4 && chosen.length < wanted; attempt++) {
    const longRange = offset >= 2 && rng.chance(LONG_RANGE_SHARE);
    let target: number;
    if (longRange) {
      target = rng.int(0, stream) * STREAM_LENGTH + rng.int(0, offset - 2);
      if (spec.isSummary[target]) continue;
    } else {
      const distance = Math.min(
        NEARBY_MAX_DISTANCE,
        1 + Math.floor(-Math.log(1 - rng.next()) * (NEARBY_MEAN_DISTANCE - 1)),
      );
      target = r - distance;
      if (target < streamStart) continue;
    }
    if (target === spec.parent[r] || chosen.includes(target)) continue;
    chosen.push(target);
  }
  return chosen;
}

/** Duration in (fractional) working days, for the rough estimates. */
function estimatedDays(spec: NetworkSpec, r: number): number {
  const a = spec.durationAmount[r];
  switch (spec.durationKind[r] as DurationKind) {
    case DurationKind.Days:
      return a;
    case DurationKind.Hours:
      return (a * 60) / MINUTES_PER_WORKDAY;
    case DurationKind.ElapsedDays:
      return (a * 5) / 7;
    case DurationKind.Weeks:
      return a * 5;
    default:
      return 0;
  }
}

function estimatedLagDays(kind: LagKind, amount: number, predDays: number): number {
  switch (kind) {
    case LagKind.PlusDays:
      return amount;
    case LagKind.MinusDay:
      return -1;
    case LagKind.PlusHours:
      return (LAG_HOURS * 60) / MINUTES_PER_WORKDAY;
    case LagKind.PlusPercent:
      return (LAG_PERCENT / 100) * predDays;
    case LagKind.PlusElapsedDays:
      return (LAG_ELAPSED_DAYS * 5) / 7;
    default:
      return 0;
  }
}

/** The link arrays being filled while drawing. */
interface LinkArrays {
  predRow: Int32Array;
  predType: Uint8Array;
  lagKind: Uint8Array;
  lagAmount: Uint8Array;
}

/**
 * A rough forward pass in working days (no calendar, summaries as spans of
 * their subtasks), enough to date constraints and deadlines near where the
 * engine will place their tasks. Links of row r are entries [from, to).
 */
function estimate(spec: NetworkSpec, est: Estimates, r: number, links: LinkArrays, from: number, to: number): void {
  const days = spec.isSummary[r] ? 0 : estimatedDays(spec, r);
  const parent = spec.parent[r];
  let start = parent >= 0 ? est.summaryBound[parent] : 0;
  for (let l = from; l < to; l++) {
    const p = links.predRow[l];
    const lag = estimatedLagDays(links.lagKind[l], links.lagAmount[l], est.finish[p] - est.start[p]);
    const type = links.predType[l]; // 0 FS, 1 SS, 2 FF, 3 SF
    const base = type === 0 || type === 2 ? est.finish[p] : est.start[p];
    const bound = type <= 1 ? base + lag : base + lag - days;
    if (bound > start) start = bound;
  }
  if (spec.isSummary[r]) {
    est.summaryBound[r] = start;
    est.start[r] = Infinity; // widened by its subtasks as they come
    est.finish[r] = -Infinity;
    return;
  }
  est.start[r] = start;
  est.finish[r] = start + days;
  if (parent >= 0) {
    est.start[parent] = Math.min(est.start[parent], start);
    est.finish[parent] = Math.max(est.finish[parent], start + days);
  }
}

/**
 * A few SNET constraints (at or a little after the estimated start, so some
 * bind), FNLT constraints (comfortably after the estimated finish) and
 * deadlines (around the estimated finish, so a few are missed), in working
 * days from the project start.
 */
function drawDates(
  spec: NetworkSpec,
  est: Estimates,
  r: number,
  rng: Rng,
  constraintOffset: Float64Array,
  deadlineOffset: Float64Array,
): void {
  const u = rng.next();
  if (u < SNET_SHARE) {
    spec.constraint[r] = ConstraintKind.Snet;
    constraintOffset[r] = Math.floor(est.start[r]) + rng.int(0, 10);
    // Keep the estimates of later rows honest: the constraint may push this task.
    const shift = Math.max(0, constraintOffset[r] - est.start[r]);
    est.start[r] += shift;
    est.finish[r] += shift;
  } else if (u < SNET_SHARE + FNLT_SHARE) {
    spec.constraint[r] = ConstraintKind.Fnlt;
    constraintOffset[r] = Math.ceil(est.finish[r]) + rng.int(10, 40);
  }
  if (rng.chance(DEADLINE_SHARE)) deadlineOffset[r] = Math.max(1, Math.ceil(est.finish[r]) + rng.int(-2, 30));
}

// ---- Calendar helpers ---------------------------------------------------------------------

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

export function isoDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

function isWeekend(day: number): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** HOLIDAYS_PER_YEAR for every year from the project start to a year past the estimated finish. */
function holidaysCovering(startDay: number, lastWorkday: number): { day: number; name: string }[] {
  const firstYear = new Date(startDay * 86400000).getUTCFullYear();
  // 5 working days a week plus the holidays themselves: 7/5 is a safe stretch, then one more year.
  const lastYear = new Date((startDay + Math.ceil((lastWorkday * 7) / 5) + 366) * 86400000).getUTCFullYear();
  const out: { day: number; name: string }[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    for (const [m, d, name] of HOLIDAYS_PER_YEAR) out.push({ day: Date.UTC(y, m - 1, d) / 86400000, name });
  }
  return out;
}

/** Turns working-day offsets from the project start into day numbers, skipping weekends and holidays. */
function resolveDates(
  spec: NetworkSpec,
  constraintOffset: Float64Array,
  deadlineOffset: Float64Array,
  lastWorkday: number,
): void {
  const holidays = new Set(spec.holidays.map((h) => h.day));
  const workday = new Int32Array(Math.ceil(lastWorkday) + 1);
  for (let k = 0, day = spec.projectStartDay; k < workday.length; day++) {
    if (!isWeekend(day) && !holidays.has(day)) workday[k++] = day;
  }
  for (let r = 0; r < spec.taskCount; r++) {
    if (spec.constraint[r] !== ConstraintKind.None)
      spec.constraintDay[r] = workday[Math.max(0, Math.round(constraintOffset[r]))];
    if (deadlineOffset[r] > 0) spec.deadlineDay[r] = workday[Math.round(deadlineOffset[r])];
  }
}

// ---- The JSON form --------------------------------------------------------------------------

export type JsonRow = Record<string, string | number>;

/** The JSON form of a plan, as `production-planner calculate plan.json` reads it. */
export interface JsonPlanDocument {
  settings: Record<string, string | number>;
  holidays: JsonRow[];
  tasks: JsonRow[];
}

const SETTINGS = {
  'Project Start': PROJECT_START,
  'Status Date': PROJECT_START,
  'Working Days': 'Mon-Fri',
  'Working Hours': '08:00-12:00,13:00-17:00',
  Currency: 'USD',
};

function taskName(spec: NetworkSpec, r: number): string {
  return spec.isSummary[r] ? `Work package ${r + 1}` : `${ACTIVITIES[spec.activity[r]]} ${r + 1}`;
}

function durationText(spec: NetworkSpec, r: number): string | number {
  const a = spec.durationAmount[r];
  switch (spec.durationKind[r] as DurationKind) {
    case DurationKind.Days:
      return `${a}d`;
    case DurationKind.Hours:
      return `${a}h`;
    case DurationKind.ElapsedDays:
      return `${a}ed`;
    case DurationKind.Weeks:
      return `${a}w`;
    default:
      return 0; // a milestone, written as a number as a spreadsheet would hold it
  }
}

function lagText(kind: LagKind, amount: number): string {
  switch (kind) {
    case LagKind.PlusDays:
      return `+${amount}d`;
    case LagKind.MinusDay:
      return '-1d';
    case LagKind.PlusHours:
      return `+${LAG_HOURS}h`;
    case LagKind.PlusPercent:
      return `+${LAG_PERCENT}%`;
    case LagKind.PlusElapsedDays:
      return `+${LAG_ELAPSED_DAYS}ed`;
    default:
      return '';
  }
}

/** One entry of a Predecessors cell: `12`, `12SS`, `12FS+2d`, `12FF-1d`. */
function linkText(spec: NetworkSpec, l: number): string {
  const id = String(spec.predRow[l] + 1);
  const type = spec.predType[l];
  const lag = lagText(spec.lagKind[l], spec.lagAmount[l]);
  return type === 0 && lag === '' ? id : `${id}${LINK_TYPES[type]}${lag}`;
}

function constraintName(kind: ConstraintKind): 'SNET' | 'FNLT' {
  return kind === ConstraintKind.Snet ? 'SNET' : 'FNLT';
}

/** The JSON document of a generated network. */
export function toJsonDocument(spec: NetworkSpec): JsonPlanDocument {
  const tasks: JsonRow[] = new Array(spec.taskCount);
  for (let r = 0; r < spec.taskCount; r++) {
    const row: JsonRow = {
      ID: String(r + 1),
      Name: taskName(spec, r),
      Duration: spec.isSummary[r] ? '' : durationText(spec, r),
    };
    const links: string[] = [];
    for (let l = spec.predStart[r]; l < spec.predStart[r + 1]; l++) links.push(linkText(spec, l));
    if (links.length > 0) row.Predecessors = links.join(', ');
    if (spec.constraint[r] !== ConstraintKind.None) {
      row.Constraint = constraintName(spec.constraint[r]);
      row['Constraint Date'] = isoDay(spec.constraintDay[r]);
    }
    if (spec.deadlineDay[r] >= 0) row.Deadline = isoDay(spec.deadlineDay[r]);
    row['Outline Level'] = spec.level[r];
    tasks[r] = row;
  }
  return {
    settings: { ...SETTINGS },
    holidays: spec.holidays.map((h) => ({ Date: isoDay(h.day), Name: h.name })),
    tasks,
  };
}

// ---- The Plan, built directly -------------------------------------------------------------

/**
 * A task's cell references, computed when a message needs one rather than
 * stored (13 strings a task would be most of a million-task plan's memory).
 * They read exactly as the JSON host's references.
 */
class GeneratedTaskRefs implements TaskRefs {
  constructor(
    private readonly r: number,
    private readonly columns: ReadonlySet<string>,
  ) {}

  private at(header: string): Location {
    return this.columns.has(header) ? pathLocation('tasks', this.r, header) : pathLocation('tasks', this.r);
  }

  get id(): Location {
    return this.at('ID');
  }
  get name(): Location {
    return this.at('Name');
  }
  get duration(): Location {
    return this.at('Duration');
  }
  get predecessors(): Location {
    return this.at('Predecessors');
  }
  get constraint(): Location {
    return this.at('Constraint');
  }
  get constraintDate(): Location {
    return this.at('Constraint Date');
  }
  get deadline(): Location {
    return this.at('Deadline');
  }
  get percentComplete(): Location {
    return this.at('% Complete');
  }
  get actualStart(): Location {
    return this.at('Actual Start');
  }
  get actualFinish(): Location {
    return this.at('Actual Finish');
  }
  get baselineStart(): Location {
    return this.at('Baseline Start');
  }
  get baselineFinish(): Location {
    return this.at('Baseline Finish');
  }
  get outlineLevel(): Location {
    return this.at('Outline Level');
  }
  get resources(): Location {
    return this.at('Resources');
  }
  get costAccount(): Location {
    return this.at('Cost Account');
  }
  get fixedCost(): Location {
    return this.at('Fixed Cost');
  }
  get calendar(): Location {
    return this.at('Calendar');
  }
}

/** The columns the JSON document of this spec has (the union of its rows' keys). */
function jsonColumns(spec: NetworkSpec): Set<string> {
  const columns = new Set(['ID', 'Name', 'Duration', 'Outline Level']);
  if (spec.linkCount > 0) columns.add('Predecessors');
  if (spec.constraint.some((c) => c !== ConstraintKind.None)) columns.add('Constraint').add('Constraint Date');
  if (spec.deadlineDay.some((d) => d >= 0)) columns.add('Deadline');
  return columns;
}

function span(spec: NetworkSpec, r: number): Span {
  const a = spec.durationAmount[r];
  switch (spec.durationKind[r] as DurationKind) {
    case DurationKind.Days:
      return { minutes: a * MINUTES_PER_WORKDAY, elapsed: false };
    case DurationKind.Hours:
      return { minutes: a * 60, elapsed: false };
    case DurationKind.ElapsedDays:
      return { minutes: a * 1440, elapsed: true };
    case DurationKind.Weeks:
      return { minutes: a * 5 * MINUTES_PER_WORKDAY, elapsed: false };
    default:
      return { minutes: 0, elapsed: false };
  }
}

function lag(kind: LagKind, amount: number): Lag {
  switch (kind) {
    case LagKind.PlusDays:
      return { minutes: amount * MINUTES_PER_WORKDAY, elapsed: false };
    case LagKind.MinusDay:
      return { minutes: -MINUTES_PER_WORKDAY, elapsed: false };
    case LagKind.PlusHours:
      return { minutes: LAG_HOURS * 60, elapsed: false };
    case LagKind.PlusPercent:
      return { minutes: 0, elapsed: false, percent: LAG_PERCENT };
    case LagKind.PlusElapsedDays:
      return { minutes: LAG_ELAPSED_DAYS * 1440, elapsed: true };
    default:
      return { minutes: 0, elapsed: false };
  }
}

function links(spec: NetworkSpec, r: number): Link[] {
  const out: Link[] = [];
  for (let l = spec.predStart[r]; l < spec.predStart[r + 1]; l++) {
    out.push({
      pred: spec.predRow[l],
      type: LINK_TYPES[spec.predType[l]],
      lag: lag(spec.lagKind[l], spec.lagAmount[l]),
      text: linkText(spec, l),
    });
  }
  return out;
}

/**
 * The Plan of a generated network, built in memory without the parsers. It
 * holds what the reader would produce from {@link toJsonDocument} (fields in
 * the reader's order, so objects have the same shape), except that cell
 * references are computed on demand.
 */
export function toPlan(spec: NetworkSpec): Plan {
  const columns = jsonColumns(spec);
  const dayMinute = (day: number, minute: number) => (day < 0 ? null : day * 1440 + minute);
  const tasks: PlanTask[] = new Array(spec.taskCount);
  for (let r = 0; r < spec.taskCount; r++) {
    const kind = spec.constraint[r] as ConstraintKind;
    tasks[r] = {
      id: String(r + 1),
      name: taskName(spec, r),
      outlineLevel: spec.level[r],
      parent: spec.parent[r],
      isSummary: spec.isSummary[r] === 1,
      duration: spec.isSummary[r] ? null : span(spec, r),
      links: links(spec, r),
      constraint: kind === ConstraintKind.None ? 'ASAP' : constraintName(kind),
      constraintDate: dayMinute(
        spec.constraintDay[r],
        kind === ConstraintKind.Snet ? DAY_START_MINUTE : DAY_END_MINUTE,
      ),
      deadline: dayMinute(spec.deadlineDay[r], DAY_END_MINUTE),
      percentComplete: 0,
      actualStart: null,
      actualFinish: null,
      baselineStart: null,
      baselineFinish: null,
      resources: [],
      costAccount: null,
      fixedCost: 0,
      priority: 500,
      calendar: null,
      refs: new GeneratedTaskRefs(r, columns),
    };
  }
  return {
    settings: {
      projectStart: spec.projectStartDay * 1440 + DAY_START_MINUTE,
      statusDate: spec.projectStartDay * 1440 + DAY_END_MINUTE,
      statusDateGiven: true,
      workingWeekdays: [false, true, true, true, true, true, false],
      intervals: [
        { start: 8 * 60, end: 12 * 60 },
        { start: 13 * 60, end: 17 * 60 },
      ],
      currency: 'USD',
      varianceAmberPct: 5,
      varianceRedPct: 10,
      varianceSign: 'budget-minus-forecast',
      ganttScale: 'auto',
      eacMethod: 'cpi',
      dateOrder: null,
      projectName: '',
      subtitle: '',
      dateFormat: null,
      durationUnits: 'auto',
      leveling: false,
      weekIntervals: null,
      projectCalendar: null,
      levelingOrder: 'standard',
    },
    holidays: spec.holidays.map((h) => ({ day: h.day, name: h.name })),
    tasks,
    resources: [],
    budget: [],
    calendars: new Map(),
    sheetNames: {
      tasks: 'Tasks',
      budget: 'Budget',
      resources: 'Resources',
      holidays: 'Holidays',
      calendars: 'Calendars',
      settings: 'Settings',
    },
  };
}

// ---- Reading and checking ---------------------------------------------------------------

/** Throws, listing the first few, when any issue is an error: a generated plan must be clean. */
export function assertNoErrors(issues: readonly Issue[], what: string): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return;
  const shown = errors
    .slice(0, 5)
    .map((e) => `  ${formatLocation(e.at)}: ${e.message}`)
    .join('\n');
  throw new Error(`${what}: ${errors.length} error(s) in a generated plan:\n${shown}`);
}

/** Reads a JSON document as the command line does (the JSON host, then the plan reader). */
export function readJsonDocument(doc: JsonPlanDocument): { plan: Plan; issues: Issue[] } {
  const json = readJsonPlan(doc);
  assertNoErrors(json.issues, 'readJsonPlan');
  const read = readPlan(json.workbook);
  assertNoErrors(read.issues, 'readPlan');
  if (!read.plan) throw new Error('readPlan returned no plan');
  return { plan: read.plan, issues: [...json.issues, ...read.issues] };
}

const REF_FIELDS: (keyof TaskRefs)[] = [
  'id',
  'name',
  'duration',
  'predecessors',
  'constraint',
  'constraintDate',
  'deadline',
  'percentComplete',
  'actualStart',
  'actualFinish',
  'outlineLevel',
  'resources',
];

/** Differences between two plans (at most `limit`), field by field; empty when they match. */
export function comparePlans(expected: Plan, actual: Plan, limit = 10): string[] {
  const out: string[] = [];
  const check = (what: string, a: unknown, b: unknown) => {
    if (out.length < limit && !isDeepStrictEqual(a, b))
      out.push(`${what}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}`);
  };
  check('settings', expected.settings, actual.settings);
  check('holidays', expected.holidays, actual.holidays);
  check('resources', expected.resources, actual.resources);
  check('budget', expected.budget, actual.budget);
  check('sheetNames', expected.sheetNames, actual.sheetNames);
  check('task count', expected.tasks.length, actual.tasks.length);
  const n = Math.min(expected.tasks.length, actual.tasks.length);
  for (let i = 0; i < n && out.length < limit; i++) {
    const { refs: refsA, ...a } = expected.tasks[i];
    const { refs: refsB, ...b } = actual.tasks[i];
    check(`tasks[${i}]`, a, b);
    for (const f of REF_FIELDS) check(`tasks[${i}].refs.${f}`, refsA[f], refsB[f]);
  }
  return out;
}
