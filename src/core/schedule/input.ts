import type { WorkCalendar } from '../calendar';
import type { ConstraintType, PlanTask } from '../model';
import { LAST_PLACEABLE_WALL } from '../time';
import { Arena, runBytes } from './arena';

/** How a task is timed. */
export enum Kind {
  Normal = 0,
  Milestone = 1,
  Elapsed = 2,
  Summary = 3,
  /** In working time on a calendar of its own (its task's, its resources'): wall-time bounds, as elapsed tasks. */
  Calendar = 4,
}

/**
 * Link types, as bits 0-1 of a link word hold them (see {@link linkWord}). Ask which side of each
 * task a link binds with {@link linkFromFinish} and {@link linkToFinish}, not by comparing types.
 */
export const LINK_FS = 0;
export const LINK_SS = 1;
export const LINK_FF = 2;
export const LINK_SF = 3;

/** Whether a link of this type runs from its predecessor's finish (FS, FF); else from its start (SS, SF). */
export function linkFromFinish(type: number): boolean {
  return type === LINK_FS || type === LINK_FF;
}

/** Whether a link of this type binds its successor's finish (FF, SF); else its start (FS, SS). */
export function linkToFinish(type: number): boolean {
  return type === LINK_FF || type === LINK_SF;
}

/** How a link's lag is given. */
export const LAG_WORKING = 0;
export const LAG_ELAPSED = 1;
export const LAG_PERCENT = 2;

/** A task's constraint type, as ScheduleInput.constraint holds it. */
export enum ConstraintCode {
  Asap = 0,
  Alap = 1,
  Snet = 2,
  Snlt = 3,
  Fnet = 4,
  Fnlt = 5,
  Mso = 6,
  Mfo = 7,
}

/**
 * Bits of {@link ScheduleInput.dated}: which of a task's optional dates it has. Most tasks have
 * none, and one byte says so where four 8-byte columns would each be read to find out (at a
 * million tasks the passes are bound by the memory they read).
 */
export const HAS_CONSTRAINT_DATE = 1;
export const HAS_DEADLINE = 2;
export const HAS_ACTUAL_START = 4;
export const HAS_ACTUAL_FINISH = 8;
/** A start no earlier than the leveler's date (see ScheduleOptions.levelStart). */
export const HAS_LEVEL_START = 16;

const CONSTRAINT_CODE: Record<ConstraintType, ConstraintCode> = {
  ASAP: ConstraintCode.Asap,
  ALAP: ConstraintCode.Alap,
  SNET: ConstraintCode.Snet,
  SNLT: ConstraintCode.Snlt,
  FNET: ConstraintCode.Fnet,
  FNLT: ConstraintCode.Fnlt,
  MSO: ConstraintCode.Mso,
  MFO: ConstraintCode.Mfo,
};

/**
 * The links of a plan as flat arrays, grouped by successor: the links into task j are
 * linkStart[j] .. linkStart[j + 1] - 1, link l running from task linkPred[l]. (The successor of
 * a link is where its range is; a column of successors would be 4 bytes more per link.)
 */
export interface LinkArrays {
  linkStart: Int32Array;
  linkPred: Int32Array;
  /** Each link's type and lag in one word: see {@link linkWord}. */
  linkWord: Int32Array;
  /** The percentages of the % lags. */
  lagPercent: Float64Array;
}

/**
 * A link's type and lag in one 32-bit word (one read where three columns took three): bits 0-1
 * the type (LINK_FS, LINK_SS, LINK_FF or LINK_SF), bits 2-3 the lag's kind (LAG_WORKING, LAG_ELAPSED or
 * LAG_PERCENT, of the predecessor's duration), the 28 bits above them the lag, signed: whole
 * minutes, or for a % lag the place of its percentage in {@link LinkArrays.lagPercent} (a
 * percentage need not be whole). Lags are at most 100 years, 52.6 million minutes: 28 bits hold 134.
 */
export function linkWord(type: number, lagKind: number, lag: number): number {
  return (lag << 4) | (lagKind << 2) | type;
}

/** The type of a link word: LINK_FS, LINK_SS, LINK_FF or LINK_SF. */
export function wordType(word: number): number {
  return word & 3;
}

/** The lag kind of a link word. */
export function wordLagKind(word: number): number {
  return (word >> 2) & 3;
}

/** The lag of a link word: minutes, or the place of a % lag's percentage. */
export function wordLag(word: number): number {
  return word >> 4;
}

/**
 * What the scheduler needs of a plan, as flat arrays, read from the task objects
 * once (see {@link readScheduleInput}), so that the scheduler's passes run over
 * compact memory.
 */
export interface ScheduleInput extends LinkArrays {
  taskCount: number;
  kind: Uint8Array;
  /** Whole working minutes, or elapsed minutes for elapsed tasks. */
  dur: Int32Array;
  constraint: Uint8Array;
  /**
   * Constraint dates (wall minutes) by task, of the tasks whose {@link dated} has HAS_CONSTRAINT_DATE.
   * Few tasks have one: a column would be 4 MB at a million tasks, and touched on every page.
   */
  constraintDate: ReadonlyMap<number, number>;
  /** Deadlines by task, of the tasks whose {@link dated} has HAS_DEADLINE. */
  deadline: ReadonlyMap<number, number>;
  /** Read only where {@link dated} has HAS_ACTUAL_START; empty when no task has an actual start. */
  actualStart: Int32Array;
  /** Read only where {@link dated} has HAS_ACTUAL_FINISH; empty when no task has an actual finish. */
  actualFinish: Int32Array;
  /** Written only where it is not 0 (the arena's memory comes zeroed). */
  percentComplete: Float64Array;
  /** Whether any task has a % complete above 0 (a plan not yet started has none). */
  hasProgress: boolean;
  /** HAS_* bits of each task's optional dates (a date column holds 0 where its bit is clear). */
  dated: Uint8Array;
  parent: Int32Array;
  hasAlap: boolean;
  /** The first task with an actual date past LAST_PLACEABLE_WALL (a plan built in code; the reader refuses one), or -1. */
  actualPastLast: number;
  /**
   * Whether the rows' own order is a topological order: every link runs from a row above to a row
   * below, and none from a summary into its own subtasks (whose finishes its finish waits for).
   */
  rowOrder: boolean;
  summaryCount: number;
  /** Where the rest of the run takes its arrays from. */
  arena: Arena;
}

/** Links per task the link columns start with room for; a plan with more grows them (by doubling). */
const LINKS_PER_TASK_GUESS = 2.5;

/** The link columns while they are filled. */
class LinkColumns {
  readonly pred: Int32Array;
  readonly word: Int32Array;
  /** The percentages of the % lags, in the order met (no more of them than links). */
  readonly percent: Float64Array;
  length = 0;
  percentCount = 0;

  constructor(
    arena: Arena,
    readonly capacity: number,
  ) {
    this.pred = arena.i32(capacity);
    this.word = arena.i32(capacity);
    this.percent = arena.f64(capacity); // memory not written is never touched
  }

  /** These columns if `more` links fit; else columns twice the size (or more) holding the links so far. */
  withRoomFor(more: number): LinkColumns {
    if (this.length + more <= this.capacity) return this;
    const capacity = Math.max(2 * this.capacity, this.length + more);
    const next = new LinkColumns(new Arena(capacity * LINK_BYTES + LINK_ALIGNMENT), capacity);
    next.pred.set(this.pred.subarray(0, this.length));
    next.word.set(this.word.subarray(0, this.length));
    next.percent.set(this.percent.subarray(0, this.percentCount));
    next.length = this.length;
    next.percentCount = this.percentCount;
    return next;
  }
}

/** Bytes of one link in {@link LinkColumns}, and what the three columns' 8-byte alignment may add. */
const LINK_BYTES = 4 + 4 + 8;
const LINK_ALIGNMENT = 3 * 8;

/**
 * The plan's tasks and links as flat arrays, in one pass over the task objects (at a million
 * tasks the objects are most of the heap, and each visit to one is a trip to memory).
 */
export function readScheduleInput(
  tasks: readonly PlanTask[],
  cal: WorkCalendar,
  own: ReadonlyMap<number, WorkCalendar> = new Map(),
): ScheduleInput {
  const n = tasks.length;
  const linkGuess = Math.ceil(n * LINKS_PER_TASK_GUESS) + 16;
  const arena = new Arena(
    n * (1 + 4 + 1 + 4 * 2 + 8 + 4 + 1 + 4) + 4 + 10 * 8 + linkGuess * LINK_BYTES + LINK_ALIGNMENT,
  );
  const kindOf = arena.u8(n);
  const durOf = arena.i32(n);
  const constraint = arena.u8(n);
  const constraintDate = new Map<number, number>();
  const deadline = new Map<number, number>();
  // Actual dates only for plans that have some (a plan not yet started has none, and a column
  // that is never read need not be written: at a million tasks, 16 MB less to touch).
  let actualStart: Int32Array | null = null;
  let actualFinish: Int32Array | null = null;
  const percentComplete = arena.f64(n);
  const parent = arena.i32(n);
  const dated = arena.u8(n);
  const linkStart = arena.i32(n + 1);
  let links = new LinkColumns(arena, linkGuess);
  let hasAlap = false;
  let hasProgress = false;
  let rowOrder = true;
  let actualPastLast = -1;
  let summaryCount = 0;
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    const d = t.duration;
    let kind =
      t.isSummary || !d ? Kind.Summary : d.elapsed ? Kind.Elapsed : d.minutes === 0 ? Kind.Milestone : Kind.Normal;
    let dur = d ? d.minutes : 0;
    const as = t.actualStart;
    const af = t.actualFinish;
    const ownCal = own.size > 0 && kind === Kind.Normal ? own.get(i) : undefined;
    // Actual Start and Actual Finish together fix the time actually taken.
    if (as !== null && af !== null && kind !== Kind.Summary) {
      dur = kind === Kind.Elapsed ? af - as : Math.max(0, (ownCal ?? cal).workBetween(as, af));
      if (kind !== Kind.Elapsed) kind = dur === 0 ? Kind.Milestone : Kind.Normal;
    }
    if (ownCal && kind === Kind.Normal) kind = Kind.Calendar;
    if (kind === Kind.Summary) summaryCount++;
    kindOf[i] = kind;
    durOf[i] = dur;
    const c = t.constraint;
    constraint[i] = c === 'ASAP' ? ConstraintCode.Asap : CONSTRAINT_CODE[c];
    const cd = t.constraintDate;
    const dl = t.deadline;
    if (cd !== null) constraintDate.set(i, cd);
    if (dl !== null) deadline.set(i, dl);
    if (as !== null) (actualStart ??= arena.i32(n))[i] = as;
    if (af !== null) (actualFinish ??= arena.i32(n))[i] = af;
    if (actualPastLast < 0 && ((as ?? 0) > LAST_PLACEABLE_WALL || (af ?? 0) > LAST_PLACEABLE_WALL)) actualPastLast = i;
    dated[i] =
      (cd !== null ? HAS_CONSTRAINT_DATE : 0) |
      (dl !== null ? HAS_DEADLINE : 0) |
      (as !== null ? HAS_ACTUAL_START : 0) |
      (af !== null ? HAS_ACTUAL_FINISH : 0);
    const pc = t.percentComplete;
    if (pc !== 0) {
      percentComplete[i] = pc;
      hasProgress = true;
    }
    parent[i] = t.parent;
    if (c === 'ALAP' && kind !== Kind.Summary && as === null) hasAlap = true;
    const taskLinks = t.links;
    const count = taskLinks.length;
    linkStart[i] = links.length;
    if (count === 0) continue;
    links = links.withRoomFor(count);
    const { pred, word } = links;
    let l = links.length;
    for (let k = 0; k < count; k++, l++) {
      const link = taskLinks[k];
      const name = link.type;
      const p = link.pred;
      pred[l] = p;
      if (p >= i || (kindOf[p] === Kind.Summary && isAncestor(p, i, parent))) rowOrder = false;
      const type = name === 'FS' ? LINK_FS : name === 'SS' ? LINK_SS : name === 'FF' ? LINK_FF : LINK_SF;
      const lag = link.lag;
      if (lag.percent !== undefined) {
        word[l] = linkWord(type, LAG_PERCENT, links.percentCount);
        links.percent[links.percentCount++] = lag.percent;
      } else {
        word[l] = linkWord(type, lag.elapsed ? LAG_ELAPSED : LAG_WORKING, lag.minutes);
      }
    }
    links.length = l;
  }
  const linkCount = links.length;
  linkStart[n] = linkCount;
  arena.reserve(runBytes(n, linkCount, summaryCount));
  return {
    taskCount: n,
    kind: kindOf,
    dur: durOf,
    constraint,
    constraintDate,
    deadline,
    actualStart: actualStart ?? new Int32Array(0),
    actualFinish: actualFinish ?? new Int32Array(0),
    percentComplete,
    hasProgress,
    dated,
    parent,
    hasAlap,
    actualPastLast,
    rowOrder,
    summaryCount,
    arena,
    linkStart,
    linkPred: links.pred.subarray(0, linkCount),
    linkWord: links.word.subarray(0, linkCount),
    lagPercent: links.percent.subarray(0, links.percentCount),
  };
}

/** Whether summary a is above row i in the outline (rows above i have their parents set). */
function isAncestor(a: number, i: number, parent: Int32Array): boolean {
  let up = parent[i];
  while (up > a) up = parent[up]; // a summary's row is above its subtasks'
  return up === a;
}
