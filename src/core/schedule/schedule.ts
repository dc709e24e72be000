import { WorkCalendar } from '../calendar';
import { PlanCalendars } from './plan-calendars';
import type { Issue, Plan, PlanTask } from '../model';
import { sheetLocation } from '../location';
import { clip } from '../helpers';
import {
  FIRST_PLACEABLE_WALL,
  LAST_PLACEABLE_WALL,
  MAX_SPAN_MINUTES,
  MINUTES_PER_DAY,
  Wall,
  formatDay,
  formatWallReadable,
} from '../time';
import type { Arena } from './arena';
import {
  ConstraintCode,
  HAS_ACTUAL_FINISH,
  HAS_ACTUAL_START,
  HAS_CONSTRAINT_DATE,
  HAS_DEADLINE,
  HAS_LEVEL_START,
  Kind,
  LAG_ELAPSED,
  LAG_PERCENT,
  LAG_WORKING,
  LINK_SF,
  ScheduleInput,
  linkFromFinish,
  linkToFinish,
  readScheduleInput,
  wordLag,
  wordLagKind,
  wordType,
} from './input';
import { Network, buildNetwork, findLoops, successorOf } from './network';

/** What set a task's start, when no link did. */
export enum Driver {
  ProjectStart = -1,
  Constraint = -2,
  ActualStart = -3,
  /** The task's summary task's own start bound (a link or constraint on the summary). */
  Summary = -4,
  /** An ALAP task, placed at its late start. */
  AsLateAsPossible = -5,
  /** A summary task, which starts with its earliest subtask. */
  Subtasks = -6,
  /** Delayed by leveling, past what its links and constraint ask. */
  Leveling = -7,
}

export interface ScheduleResult {
  calendar: WorkCalendar;
  network: Network;
  projectStart: Wall;
  projectFinish: Wall;
  statusDate: Wall;
  /** Scheduled dates: early dates, but ALAP tasks at their late dates. Wall minutes. */
  start: Int32Array;
  finish: Int32Array;
  earlyStart: Int32Array;
  earlyFinish: Int32Array;
  lateStart: Int32Array;
  lateFinish: Int32Array;
  /** Working minutes. */
  totalFloat: Int32Array;
  freeFloat: Int32Array;
  /** Working (or, for elapsed tasks, elapsed) minutes from start to finish. */
  duration: Int32Array;
  /** 0 to 100; rolled up for summary tasks. */
  percentComplete: Float64Array;
  critical: Uint8Array;
  /** A link index (see network.link*) or a {@link Driver} code. */
  driver: Int32Array;
  issues: Issue[];
  /** Present when the plan was leveled (Settings Leveling On); see src/core/leveling/level-plan.ts. */
  leveling?: LevelingInfo;
  /** The tasks on calendars of their own (a task calendar, or their resources'), when any is. */
  taskCalendars?: ReadonlyMap<number, WorkCalendar>;
  /** With taskCalendars: the minutes any calendar of the plan works (the leveler's time). */
  timeline?: WorkCalendar;
}

/** What leveling did. */
export interface LevelingInfo {
  /** Each task leveling delayed (its driver is Driver.Leveling): working minutes past what its links and constraint ask. */
  delay: ReadonlyMap<number, number>;
  /** Why, in words, by task: `delayed by leveling: waiting for Camera Package, busy on SH-3 until ...`. */
  reasons: ReadonlyMap<number, string>;
  /** Schedules the leveler decoded, and the grain of time it worked in (working minutes). */
  schedules: number;
  grain: number;
}

export interface ScheduleOptions {
  /** Report constraint conflicts and missed deadlines (default true). */
  warnings?: boolean;
  /**
   * Leveling's dates: each task here starts no earlier than its wall time, on top of its links and
   * constraint (the leveler's delay, not a constraint: the late dates do not see it).
   */
  levelStart?: ReadonlyMap<number, Wall>;
  /** Tasks on calendars of their own (see plan-calendars.ts): they are Kind.Calendar in the input. */
  taskCalendars?: ReadonlyMap<number, WorkCalendar>;
  /** ALAP tasks placed at these starts instead of their late dates (leveling keeps them where they were). */
  alapAt?: ReadonlyMap<number, Wall>;
}

/**
 * Wall dates with their working indices alongside, so the passes convert each date once. Wall
 * times are whole minutes since 1970 and fit 32 bits until the year 6053; working indices fit
 * them too (2^31 working minutes is 17,000 years of 8-hour days).
 */
interface Dates {
  start: Int32Array;
  finish: Int32Array;
  startIndex: Int32Array;
  finishIndex: Int32Array;
}

function newDates(n: number, arena: Arena): Dates {
  return { start: arena.i32(n), finish: arena.i32(n), startIndex: arena.i32(n), finishIndex: arena.i32(n) };
}

/**
 * Critical path scheduling with Microsoft Project's default semantics:
 * as soon as possible from the project start, links with signed lags in working
 * or elapsed time, the eight constraint types always honoured, deadlines,
 * progress, summary tasks. See docs/scheduling.md for the rules.
 */
/**
 * Whether a task's floats are elapsed minutes (an elapsed task's, as Project counts them) rather
 * than working minutes.
 */
export function elapsedFloats(t: PlanTask): boolean {
  return !t.isSummary && t.duration?.elapsed === true;
}

/** A task's float in days: elapsed days for an elapsed task, else working days of the calendar's day. */
export function floatInDays(t: PlanTask, minutes: number, minutesPerDay: number): number {
  return minutes / (elapsedFloats(t) ? MINUTES_PER_DAY : minutesPerDay);
}

export function schedule(plan: Plan, options: ScheduleOptions = {}, project?: WorkCalendar): ScheduleResult {
  const issues: Issue[] = [];
  // `project`: the project calendar, when the caller keeps it built (the custom functions do).
  const calendars = new PlanCalendars(plan, issues, project);
  const cal = calendars.project;
  const taskCalendars = calendars.ofTask;
  const result = scheduleInput(plan, cal, readScheduleInput(plan.tasks, cal, taskCalendars), {
    ...options,
    taskCalendars,
  });
  result.issues.push(...issues);
  if (taskCalendars.size > 0) result.timeline = calendars.union();
  return result;
}

/** The run after the plan's tasks are read into flat arrays (split out so tests can watch the input). */
export function scheduleInput(
  plan: Plan,
  cal: WorkCalendar,
  input: ScheduleInput,
  options: ScheduleOptions = {},
): ScheduleResult {
  const tasks = plan.tasks;
  const s = plan.settings;
  const net = buildNetwork(input);
  const issues: Issue[] = [];
  if (net.order.length < net.nodeCount) {
    reportLoops(tasks, net, issues);
    return emptyResult(cal, net, tasks.length, s.statusDate, issues);
  }
  const levelStart = options.levelStart ?? new Map<number, Wall>();
  for (const i of levelStart.keys()) input.dated[i] |= HAS_LEVEL_START;
  const scheduler = new Scheduler(
    tasks,
    cal,
    input,
    net,
    cal.snapStart(s.projectStart),
    options.warnings !== false,
    issues,
    levelStart,
    options.taskCalendars ?? new Map(),
    options.alapAt ?? new Map(),
  );
  const result = scheduler.run(s.statusDate);
  if (options.taskCalendars && options.taskCalendars.size > 0) result.taskCalendars = options.taskCalendars;
  if (options.levelStart) result.leveling = { delay: scheduler.levelDelay, reasons: new Map(), schedules: 0, grain: 0 };
  return result;
}

/**
 * One scheduling run. The passes are methods rather than closures, so that the optimised code
 * V8 builds for them serves every run (a closure is a new function object on every call).
 */
class Scheduler {
  private readonly n: number;
  private readonly kind: Uint8Array;
  private readonly dur: Int32Array;
  private readonly constraint: Uint8Array;
  private readonly constraintDate: ReadonlyMap<number, number>;
  private readonly deadline: ReadonlyMap<number, number>;
  private readonly actualStart: Int32Array;
  private readonly actualFinish: Int32Array;
  private readonly dated: Uint8Array;
  private readonly projectStartIndex: number;
  /** Start bound of each summary start node, as a wall time and a working index. */
  private readonly summaryBound: Float64Array;
  private readonly summaryBoundIndex: Float64Array;
  /** Each summary's span (by start node - n), gathered as its subtasks are placed in a pass. */
  private readonly span: SummarySpan;
  /**
   * The run's date range (see LAST_PLACEABLE_WALL, FIRST_PLACEABLE_WALL and MAX_SPAN_MINUTES):
   * dates and working indices outside it would not fit their 32-bit columns.
   */
  private readonly lastWall: Wall;
  private readonly firstWall: Wall;
  /** The first task the early pass would finish after lastWall (or with an actual date after it), or -1. */
  private pastLast = -1;
  /** The first task the backward pass would start before firstWall, or -1. */
  private pastFirst = -1;
  /** Working minutes each task's leveling date added to its start, in the early pass. */
  readonly levelDelay = new Map<number, number>();

  constructor(
    private readonly tasks: readonly PlanTask[],
    private readonly cal: WorkCalendar,
    private readonly input: ScheduleInput,
    private readonly net: Network,
    private readonly projectStart: Wall,
    private readonly warnings: boolean,
    private readonly issues: Issue[],
    private readonly levelStart: ReadonlyMap<number, Wall>,
    private readonly ownCal: ReadonlyMap<number, WorkCalendar>,
    private readonly alapAt: ReadonlyMap<number, Wall>,
  ) {
    this.n = input.taskCount;
    this.kind = input.kind;
    this.dur = input.dur;
    this.constraint = input.constraint;
    this.constraintDate = input.constraintDate;
    this.deadline = input.deadline;
    this.actualStart = input.actualStart;
    this.actualFinish = input.actualFinish;
    this.dated = input.dated;
    this.projectStartIndex = cal.index(projectStart);
    this.lastWall = Math.min(LAST_PLACEABLE_WALL, projectStart + MAX_SPAN_MINUTES);
    this.firstWall = Math.max(FIRST_PLACEABLE_WALL, projectStart - MAX_SPAN_MINUTES);
    const summaries = net.nodeCount - this.n;
    const arena = input.arena;
    this.summaryBound = arena.f64(summaries);
    this.summaryBoundIndex = arena.f64(summaries);
    this.span = {
      start: arena.i32(summaries),
      startIndex: arena.i32(summaries),
      finish: arena.i32(summaries),
      finishIndex: arena.i32(summaries),
    };
  }

  /** Gives summary i (start node n + s) the span its subtasks were placed over; false when it has none. */
  private placeSpan(d: Dates, i: number, s: number): boolean {
    const span = this.span;
    if (span.start[s] === NO_BOUND) return false;
    d.start[i] = span.start[s];
    d.finish[i] = span.finish[s];
    d.startIndex[i] = span.startIndex[s];
    d.finishIndex[i] = span.finishIndex[s];
    return true;
  }

  private placePoint(d: Dates, i: number, at: Wall): void {
    d.start[i] = d.finish[i] = at;
    d.startIndex[i] = d.finishIndex[i] = this.cal.index(at);
  }

  /** Empties the summaries' spans for a pass. */
  private clearSpans(): void {
    this.span.start.fill(NO_BOUND);
    this.span.finish.fill(NO_SPAN_FINISH);
  }

  /**
   * Widens the span of task c's summary to take in c's dates, once c is placed: a summary starts
   * with its first subtask and finishes with its last. (Gathered as the subtasks are placed, the
   * spans need no list of each summary's subtasks.)
   */
  private spanUp(c: number, d: Dates): void {
    const p = this.input.parent[c];
    if (p < 0) return;
    const span = this.span;
    const s = this.net.startNode[p] - this.n;
    if (d.start[c] < span.start[s]) {
      span.start[s] = d.start[c];
      span.startIndex[s] = d.startIndex[c];
    }
    if (d.finish[c] > span.finish[s]) {
      span.finish[s] = d.finish[c];
      span.finishIndex[s] = d.finishIndex[c];
    }
  }

  run(statusDate: Wall): ScheduleResult {
    const n = this.n;
    const arena = this.input.arena;
    const early = newDates(n, arena);
    const driver = arena.i32(n);
    this.pastLast = this.input.actualPastLast;
    if (this.pastLast < 0) this.forward(early, driver, null, true);
    if (this.pastLast >= 0) return this.outOfRangeResult(this.pastLast, true, statusDate);
    let projectFinish = -Infinity;
    let firstStart = Infinity;
    for (let i = 0; i < n; i++) {
      if (early.finish[i] > projectFinish) projectFinish = early.finish[i];
      if (early.start[i] < firstStart) firstStart = early.start[i];
    }
    const slacks = newSlacks(n, this.net.nodeCount - n, arena);
    const late = this.backward(early, projectFinish, slacks);
    if (this.pastFirst >= 0) return this.outOfRangeResult(this.pastFirst, false, statusDate);
    let scheduled = early;
    if (this.input.hasAlap) {
      scheduled = newDates(n, arena);
      this.forward(scheduled, arena.i32(n), this.alapDates(late, arena), false);
      for (let i = 0; i < n; i++) {
        if (this.constraint[i] === ConstraintCode.Alap && scheduled.start[i] !== early.start[i])
          driver[i] = Driver.AsLateAsPossible;
      }
    }
    // Shown as Project shows them (after the passes, which count the instants): see sfMoments.
    const shownFinish = this.sfMoments(early, scheduled, projectFinish);
    const floats = this.floats(early, late, scheduled, slacks, projectFinish);
    if (this.warnings) this.reportDeadlines(scheduled);
    return {
      calendar: this.cal,
      network: this.net,
      statusDate,
      issues: this.issues,
      projectStart: Math.min(this.projectStart, firstStart),
      projectFinish: shownFinish,
      start: scheduled.start,
      finish: scheduled.finish,
      earlyStart: early.start,
      earlyFinish: early.finish,
      lateStart: late.start,
      lateFinish: late.finish,
      ...floats,
      driver,
    };
  }

  /**
   * Project's Start-to-Finish rule, as shown: a task in working time whose finish an SF link with
   * no lag meets exactly shows its predecessor's moment, Monday 08:00 where its predecessor starts
   * then, not Friday 17:00, the same working instant. Only the wall time shown changes (and its
   * summaries' finishes and the project's, which span it); the passes count working instants, so
   * dates, floats and what follows the task are as before. Not where something follows the finish
   * by its wall time (a milestone, an elapsed task, a task on a calendar of its own or a summary
   * after it, or an elapsed lag from it, its own or its summaries'): Project would move that too,
   * and it stays as the instant has it, so the task keeps Friday 17:00 rather than show a finish
   * after what follows it. Returns the project finish as shown.
   */
  private sfMoments(early: Dates, scheduled: Dates, projectFinish: Wall): Wall {
    const { linkStart, linkPred, linkWord, parent } = this.net;
    const cal = this.cal;
    let shown = projectFinish;
    const moment = (d: Dates, i: number): void => {
      const at = cal.startWall(d.finishIndex[i]);
      if (at <= d.finish[i]) return;
      for (let l = linkStart[i], end = linkStart[i + 1]; l < end; l++) {
        if (wordType(linkWord[l]) !== LINK_SF || d.start[linkPred[l]] !== at || this.lagOf(l, d) !== 0) continue;
        d.finish[i] = at;
        for (let a = parent[i]; a >= 0; a = parent[a]) if (d.finish[a] < at) d.finish[a] = at;
        if (d === scheduled && at > shown) shown = at;
        return;
      }
    };
    let any = false;
    for (let l = 0; l < linkWord.length && !any; l++) any = wordType(linkWord[l]) === LINK_SF;
    if (!any) return projectFinish;
    // The tasks whose finish's wall time something follows.
    const byWall = new Uint8Array(this.n);
    for (let j = 0; j < this.n; j++)
      for (let l = linkStart[j], end = linkStart[j + 1]; l < end; l++)
        if (linkFromFinish(wordType(linkWord[l])) && (this.kind[j] !== Kind.Normal || this.wallClockLag(l)))
          byWall[linkPred[l]] = 1;
    const followedByWall = (i: number): boolean => {
      for (let a = i; a >= 0; a = parent[a]) if (byWall[a]) return true;
      return false;
    };
    for (let i = 0; i < this.n; i++) {
      if (this.kind[i] !== Kind.Normal || (this.dated[i] & (HAS_ACTUAL_START | HAS_ACTUAL_FINISH)) !== 0) continue;
      if (followedByWall(i)) continue;
      moment(early, i);
      if (scheduled !== early) moment(scheduled, i);
    }
    return shown;
  }

  /**
   * Where ALAP tasks are placed: at their late dates, or, for the tasks `alapAt` pins (a leveled
   * run), at the dates given, so that leveling's later finish does not pull them, and what they
   * drive, after it.
   */
  private alapDates(late: Dates, arena: Arena): Dates {
    if (this.alapAt.size === 0) return late;
    const d = newDates(this.n, arena);
    d.start.set(late.start);
    d.startIndex.set(late.startIndex);
    d.finish.set(late.finish);
    d.finishIndex.set(late.finishIndex);
    for (const [i, wall] of this.alapAt) {
      d.start[i] = wall;
      d.startIndex[i] = this.cal.index(wall);
    }
    return d;
  }

  // ---- Calendar arithmetic by task kind -------------------------------------------------

  private finishFromStart(i: number, start: Wall): Wall {
    const k = this.kind[i];
    if (k === Kind.Elapsed) return start + this.dur[i];
    if (k === Kind.Milestone) return start;
    if (k === Kind.Calendar) {
      const own = this.ownCal.get(i)!;
      return own.finishWall(own.index(start) + this.dur[i]);
    }
    return this.cal.finishWall(this.cal.index(start) + this.dur[i]);
  }

  private startFromFinish(i: number, finish: Wall): Wall {
    const k = this.kind[i];
    if (k === Kind.Elapsed) return finish - this.dur[i];
    if (k === Kind.Milestone) return finish;
    if (k === Kind.Calendar) {
      const own = this.ownCal.get(i)!;
      return own.startWall(own.index(finish) - this.dur[i]);
    }
    return this.cal.startWall(this.cal.index(finish) - this.dur[i]);
  }

  private snapStartOf(i: number, w: Wall): Wall {
    const k = this.kind[i];
    const cal = this.cal;
    if (k === Kind.Elapsed) return w;
    if (k === Kind.Milestone)
      return cal.isWorkingMinute(w) || cal.isWorkingMinute(w - 1) ? w : cal.startWall(cal.index(w));
    if (k === Kind.Calendar) return this.ownCal.get(i)!.snapStart(w);
    return cal.snapStart(w);
  }

  private snapFinishOf(i: number, w: Wall): Wall {
    const k = this.kind[i];
    const cal = this.cal;
    if (k === Kind.Elapsed) return w;
    if (k === Kind.Milestone)
      return cal.isWorkingMinute(w) || cal.isWorkingMinute(w - 1) ? w : cal.finishWall(cal.index(w));
    if (k === Kind.Calendar) return this.ownCal.get(i)!.snapFinish(w);
    return cal.snapFinish(w);
  }

  /**
   * A link's lag in minutes. A % lag is that share of the predecessor's duration, in the
   * predecessor's kind of time; a summary's duration is its span in the given dates.
   */
  private lagOf(l: number, d: Dates): number {
    const { linkWord, linkPred, lagPercent } = this.net;
    const word = linkWord[l];
    if (wordLagKind(word) !== LAG_PERCENT) return wordLag(word);
    const p = linkPred[l];
    const duration = this.kind[p] === Kind.Summary ? d.finishIndex[p] - d.startIndex[p] : this.dur[p];
    return Math.round((lagPercent[wordLag(word)] / 100) * duration);
  }

  /** Whether a link's lag runs in wall-clock time: an elapsed lag, or a % of an elapsed task. */
  private wallClockLag(l: number): boolean {
    const k = wordLagKind(this.net.linkWord[l]);
    return k === LAG_ELAPSED || (k === LAG_PERCENT && this.kind[this.net.linkPred[l]] === Kind.Elapsed);
  }

  // ---- Forward pass (early dates; with `alap`, scheduled dates with ALAP tasks placed late) ----

  /** The bound a link puts on its successor's start, as a wall time. */
  private linkStartBound(l: number, succ: number, d: Dates): Wall {
    const p = this.net.linkPred[l];
    const type = wordType(this.net.linkWord[l]);
    const fromFinish = linkFromFinish(type);
    const base = fromFinish ? d.finish[p] : d.start[p];
    const lag = this.lagOf(l, d);
    let b = base;
    if (lag !== 0) {
      b = this.wallClockLag(l)
        ? base + lag
        : this.cal.finishWall((fromFinish ? d.finishIndex[p] : d.startIndex[p]) + lag);
    }
    if (!linkToFinish(type)) return b;
    if (this.kind[succ] === Kind.Calendar) {
      // On a calendar of its own, the finish must reach the project's instant of b: where its last
      // working minute before b ends earlier (its own night before a day's bound), it ends after b.
      const own = this.ownCal.get(succ)!;
      const at = own.index(b);
      const f = this.cal.index(own.finishWall(at)) >= this.cal.index(b) ? own.finishWall(at) : own.finishWall(at + 1);
      return this.startFromFinish(succ, f);
    }
    return this.startFromFinish(succ, b);
  }

  private place(i: number, start: Wall, d: Dates): void {
    const cal = this.cal;
    d.start[i] = start;
    const si = cal.index(start);
    d.startIndex[i] = si;
    const k = this.kind[i];
    const dur = this.dur[i];
    let finish: Wall;
    if (k === Kind.Normal) {
      d.finishIndex[i] = si + dur;
      finish = cal.finishWall(si + dur);
    } else if (k === Kind.Milestone) {
      d.finishIndex[i] = si;
      finish = start;
    } else if (k === Kind.Calendar) {
      finish = this.finishFromStart(i, start);
      d.finishIndex[i] = cal.index(finish);
    } else {
      finish = start + dur;
      d.finishIndex[i] = cal.index(start + dur);
    }
    if (finish > this.lastWall && this.pastLast < 0) this.pastLast = i;
    d.finish[i] = finish;
  }

  /** `alap`: the late dates, to place ALAP tasks at (the scheduled pass); null for early dates. */
  private forward(d: Dates, drv: Int32Array, alap: Dates | null, report: boolean): void {
    const { n, kind, constraint, constraintDate, dated, summaryBound, summaryBoundIndex, cal } = this;
    const { order, linkStart, parent, startNode, summaryOfStartNode } = this.net;
    this.clearSpans();
    for (let o = 0; o < order.length; o++) {
      const v = order[o];
      if (v >= n) {
        // A summary's start node: what its links, its own summary and its SNET require of its subtasks.
        const i = summaryOfStartNode[v - n];
        let req = -Infinity;
        for (let l = linkStart[i]; l < linkStart[i + 1]; l++) {
          const b = this.linkStartBound(l, i, d);
          if (b > req) req = b;
        }
        const up = parent[i];
        if (up >= 0 && summaryBound[startNode[up] - n] > req) req = summaryBound[startNode[up] - n];
        if (constraint[i] === ConstraintCode.Snet && (dated[i] & HAS_CONSTRAINT_DATE) !== 0)
          req = Math.max(req, constraintDate.get(i)!);
        summaryBound[v - n] = req;
        summaryBoundIndex[v - n] = req === -Infinity ? -Infinity : cal.index(req);
        continue;
      }
      if (kind[v] === Kind.Summary) {
        // A summary's finish node: it spans its subtasks.
        const s = startNode[v] - n;
        if (!this.placeSpan(d, v, s)) {
          // A summary with no subtasks (only a plan built in code can have one): a point at its start bound.
          const at = Math.max(summaryBound[s], this.projectStart);
          if (at > this.lastWall && this.pastLast < 0) this.pastLast = v;
          this.placePoint(d, v, at);
        }
        drv[v] = Driver.Subtasks;
      } else if (
        kind[v] === Kind.Normal &&
        (dated[v] & (HAS_ACTUAL_START | HAS_ACTUAL_FINISH | HAS_CONSTRAINT_DATE | HAS_LEVEL_START)) === 0
      ) {
        this.scheduleNormal(v, d, drv, alap);
      } else {
        this.scheduleLeaf(v, d, drv, alap, report);
      }
      if (this.pastLast >= 0) return; // past the run's dates: reported, not scheduled further
      this.spanUp(v, d);
    }
  }

  /**
   * The working index link l puts its successor's start (FS, SS) or finish (FF, SF) at, from its
   * predecessor's dates in d.
   */
  private boundIndex(l: number, d: Dates): number {
    const p = this.net.linkPred[l];
    const fromFinish = linkFromFinish(wordType(this.net.linkWord[l]));
    const lag = this.lagOf(l, d);
    const baseIndex = fromFinish ? d.finishIndex[p] : d.startIndex[p];
    return lag === 0
      ? baseIndex
      : this.wallClockLag(l)
        ? this.cal.index((fromFinish ? d.finish[p] : d.start[p]) + lag)
        : baseIndex + lag;
  }

  /**
   * The fast path for a task in working time with no dated constraint and no progress: every
   * bound is a working index (snapping a wall time to a start never changes its index), so the
   * task's dates take one conversion each. scheduleLeaf is the general path and gives the same dates.
   */
  private scheduleNormal(i: number, d: Dates, drv: Int32Array, alap: Dates | null): void {
    const { n, summaryBoundIndex, cal } = this;
    const { linkStart, linkPred, linkWord, parent, startNode } = this.net;
    const startIndex = d.startIndex;
    const finishIndex = d.finishIndex;
    let req = -Infinity;
    let drive: number = Driver.ProjectStart;
    const di = this.dur[i];
    for (let l = linkStart[i], end = linkStart[i + 1]; l < end; l++) {
      const p = linkPred[l];
      const word = linkWord[l];
      const type = wordType(word);
      const fromFinish = linkFromFinish(type);
      let b =
        wordLagKind(word) === LAG_WORKING
          ? (fromFinish ? finishIndex[p] : startIndex[p]) + wordLag(word)
          : this.boundIndex(l, d);
      if (linkToFinish(type)) b -= di;
      if (b > req) {
        req = b;
        drive = l;
      }
    }
    const up = parent[i];
    if (up >= 0 && summaryBoundIndex[startNode[up] - n] > req) {
      req = summaryBoundIndex[startNode[up] - n];
      drive = Driver.Summary;
    }
    if (this.projectStartIndex > req) {
      req = this.projectStartIndex;
      drive = Driver.ProjectStart;
    }
    if (alap !== null && this.constraint[i] === ConstraintCode.Alap && alap.startIndex[i] > req) {
      req = alap.startIndex[i];
      drive = Driver.AsLateAsPossible;
    }
    startIndex[i] = req;
    d.start[i] = cal.startWall(req);
    finishIndex[i] = req + di;
    const finish = cal.finishWall(req + di);
    if (finish > this.lastWall && this.pastLast < 0) this.pastLast = i;
    d.finish[i] = finish;
    drv[i] = drive;
  }

  /** The general path: milestones, elapsed tasks, dated constraints, progress. */
  private scheduleLeaf(i: number, d: Dates, drv: Int32Array, alap: Dates | null, report: boolean): void {
    const { n, constraint, cal } = this;
    const { linkStart, parent, startNode } = this.net;
    let req = -Infinity;
    let drive: number = Driver.ProjectStart;
    for (let l = linkStart[i]; l < linkStart[i + 1]; l++) {
      const b = this.linkStartBound(l, i, d);
      if (b > req) {
        req = b;
        drive = l;
      }
    }
    const up = parent[i];
    if (up >= 0 && this.summaryBound[startNode[up] - n] > req) {
      req = this.summaryBound[startNode[up] - n];
      drive = Driver.Summary;
    }
    // The project start holds the task only where it asks a later start than its links do: a link
    // whose bound is on Friday 17:00 asks a task in working time for Monday 08:00 as well, and then
    // the link holds the task (as in scheduleNormal), so that an SNLT or FNLT can pull it back.
    // A Start No Earlier Than date before the project start takes the project start's place, as in
    // Project: an unlinked task starts on it.
    const has = this.dated[i];
    let floor = this.projectStart;
    let floorDrive: number = Driver.ProjectStart;
    if (constraint[i] === ConstraintCode.Snet && (has & HAS_CONSTRAINT_DATE) !== 0) {
      const c = this.snapStartOf(i, this.constraintDate.get(i)!);
      if (c < floor) {
        floor = c;
        floorDrive = Driver.Constraint;
      }
    }
    if (req === -Infinity || (floor > req && this.snapStartOf(i, req) < floor)) {
      req = floor;
      drive = floorDrive;
    }

    if ((has & HAS_ACTUAL_START) !== 0) {
      if (report && drive >= 0)
        this.checkSequence(i, this.actualStart[i], this.snapStartOf(i, req), this.net.linkPred[drive]);
      this.place(i, this.actualStart[i], d);
      if ((has & HAS_ACTUAL_FINISH) !== 0) {
        const af = this.actualFinish[i];
        d.finish[i] = af;
        d.finishIndex[i] = cal.index(af);
      }
      drv[i] = Driver.ActualStart;
      return;
    }

    let start = this.snapStartOf(i, req);
    if ((has & HAS_CONSTRAINT_DATE) !== 0) {
      const c = this.constraintDate.get(i)!;
      const linked = start;
      switch (constraint[i]) {
        case ConstraintCode.Snet: {
          const x = this.snapStartOf(i, c);
          if (x > start) {
            start = x;
            drive = Driver.Constraint;
          }
          break;
        }
        case ConstraintCode.Fnet: {
          // A milestone is a moment: no earlier than one inside non-working time, it goes on to the
          // next working time, as after a link (a task in working time finishes at the date's instant).
          const x =
            this.kind[i] === Kind.Milestone ? this.snapStartOf(i, c) : this.startFromFinish(i, this.snapFinishOf(i, c));
          if (x > start) {
            start = x;
            drive = Driver.Constraint;
          }
          break;
        }
        case ConstraintCode.Mso:
        case ConstraintCode.Mfo: {
          start =
            constraint[i] === ConstraintCode.Mso
              ? this.snapStartOf(i, c)
              : this.startFromFinish(i, this.snapFinishOf(i, c));
          if (report && linked > start && drive >= 0) this.conflict(this.tasks[i], linked, start);
          drive = Driver.Constraint;
          break;
        }
        case ConstraintCode.Snlt:
        case ConstraintCode.Fnlt: {
          // A milestone no later than a moment inside non-working time goes back to the edge before it.
          const x =
            constraint[i] === ConstraintCode.Fnlt
              ? this.startFromFinish(i, this.snapFinishOf(i, c))
              : this.kind[i] === Kind.Milestone
                ? this.snapFinishOf(i, c)
                : this.snapStartOf(i, c);
          // Honoured over links; a task that only waits for the project start stays there (negative float shows it).
          if (start > x && drive !== Driver.ProjectStart) {
            if (report && drive >= 0) this.conflict(this.tasks[i], start, x);
            start = x;
            drive = Driver.Constraint;
          }
          break;
        }
        default:
          break;
      }
    }
    if ((has & HAS_LEVEL_START) !== 0) {
      const x = this.snapStartOf(i, this.levelStart.get(i)!);
      if (x > start) {
        if (alap === null) this.levelDelay.set(i, cal.index(x) - cal.index(start));
        start = x;
        drive = Driver.Leveling;
      }
    }
    if (alap !== null && constraint[i] === ConstraintCode.Alap && alap.start[i] > start) {
      start = alap.start[i];
      drive = Driver.AsLateAsPossible;
    }
    this.place(i, start, d);
    if ((has & HAS_ACTUAL_FINISH) !== 0) {
      const af = this.actualFinish[i];
      // A finish reported without a start: the task ran up to it, for its duration.
      this.place(i, this.startFromFinish(i, af), d);
      d.finish[i] = af;
      d.finishIndex[i] = cal.index(af);
      drive = Driver.ActualStart;
    }
    drv[i] = drive;
  }

  private conflict(t: PlanTask, wanted: Wall, placed: Wall): void {
    if (!this.warnings) return;
    this.issues.push({
      severity: 'warning',
      message: `Task ${t.id} '${clip(t.name)}' has the constraint ${t.constraint} ${formatWallReadable(t.constraintDate!)}, but its predecessors would start it ${formatWallReadable(wanted)}; the constraint is honoured (start ${formatWallReadable(placed)}), so a link is not met and the float is negative.`,
      at: t.refs.constraint,
    });
  }

  /**
   * Warns when task i started (its Actual Start) before its predecessor p lets it start: progress
   * out of sequence. The link still binds p's late dates, so p and the tasks before it show
   * negative float, which the warning explains. A task in working time started at the same working
   * instant (Sunday night for Monday 08:00) is in sequence.
   */
  private checkSequence(i: number, actual: Wall, wanted: Wall, p: number): void {
    const k = this.kind[i];
    const early = k === Kind.Normal ? this.cal.index(actual) < this.cal.index(wanted) : actual < wanted;
    if (!early || !this.warnings) return;
    const t = this.tasks[i];
    const pred = this.tasks[p];
    this.issues.push({
      severity: 'warning',
      message: `Task ${t.id} '${clip(t.name)}' started ${formatWallReadable(actual)}, before its predecessor ${pred.id} '${clip(pred.name)}' lets it start (${formatWallReadable(wanted)}): its progress is out of sequence. The link still counts backwards, so the tasks before it show negative float.`,
      at: t.refs.actualStart,
    });
  }

  // ---- Backward pass -------------------------------------------------------------------

  /**
   * The inverse of a lag for the backward pass: the latest wall time a link's predecessor side may
   * have, with the successor's side at `base`. A successor in working time (on the project's
   * calendar or on its own) stands for its whole working instant of the project calendar: at Friday 17:00 it is at the same instant as Monday 08:00, and the forward pass
   * accepted either, so the bound starts from the latest (a milestone before it, an elapsed task
   * through an elapsed lag, or a summary with elapsed subtasks, may take all of it: a summary that an
   * elapsed subtask finishes on Sunday 12:00 has met an FF successor finishing on Friday 17:00). A
   * milestone or an elapsed successor is its moment: a milestone moved from Friday 17:00 to Monday
   * 08:00 changes the date of what follows it through an elapsed lag, or of the project's finish. So
   * is a summary successor (links bind only its start): a start that is not where a working minute
   * begins is an elapsed subtask's or a milestone's.
   */
  private subtractLag(base: Wall, baseIndex: number, lag: number, wallClock: boolean, succ: number): Wall {
    if (!wallClock && lag !== 0) return this.cal.startWall(baseIndex - lag);
    const k = this.kind[succ];
    return (k === Kind.Normal || k === Kind.Calendar ? this.cal.startWall(baseIndex) : base) - lag;
  }

  private backward(early: Dates, projectFinish: Wall, slacks: Slacks): Dates {
    const { n, kind, cal } = this;
    const net = this.net;
    const { order, summaryOfStartNode, startNode } = net;
    this.clearSpans();
    const arena = this.input.arena;
    const late = newDates(n, arena);
    // Until a task is placed, its late columns gather the bounds its successors put on it (see
    // pushBounds): the links are walked into each task as it is placed, in the order they are
    // stored, rather than out of each task through an index of its own.
    late.start.fill(NO_BOUND);
    late.finish.fill(NO_BOUND);
    late.startIndex.fill(NO_BOUND);
    late.finishIndex.fill(NO_BOUND);
    const summaries = net.nodeCount - n;
    const bounds: LateBounds = {
      finish: arena.f64(summaries).fill(Infinity),
      start: arena.f64(summaries).fill(Infinity),
      finishIndex: arena.f64(summaries).fill(Infinity),
      startIndex: arena.f64(summaries).fill(Infinity),
      projectFinishIndex: cal.index(projectFinish),
    };
    for (let o = order.length - 1; o >= 0; o--) {
      const v = order[o];
      if (v >= n) {
        // Summary start node: spans its subtasks' late dates.
        const i = summaryOfStartNode[v - n];
        const s = v - n;
        if (!this.placeSpan(late, i, s)) {
          // No subtasks (see forward): a point at the latest its own bounds allow.
          const at = this.snapFinishOf(i, Math.min(bounds.finish[s], bounds.start[s]));
          if (at < this.firstWall) return this.stopBefore(i, late);
          this.placePoint(late, i, at);
        }
        this.pushBounds(i, early, late, bounds, slacks);
        this.spanUp(i, late);
        continue;
      }
      if (kind[v] === Kind.Summary) {
        // A summary's finish node: it holds the bounds on its finish and start for its subtasks
        // (see lateFinishBound, lateStartBound); its late dates come from them, at its start node.
        const s = startNode[v] - n;
        const finishBound = this.lateFinishBound(v, late, bounds, projectFinish);
        const startBound = this.lateStartBound(v, early, late, bounds);
        bounds.finish[s] = finishBound;
        bounds.start[s] = startBound;
        bounds.finishIndex[s] = cal.index(finishBound);
        bounds.startIndex[s] = startBound === Infinity ? Infinity : this.startIndexBy(startBound); // for its subtasks in working time
        continue;
      }
      if (kind[v] === Kind.Normal) {
        if (!this.lateNormal(v, early, late, bounds)) return this.stopBefore(v, late);
      } else if (!this.lateLeaf(v, early, late, bounds, projectFinish)) {
        return this.stopBefore(v, late);
      }
      this.pushBounds(v, early, late, bounds, slacks);
      this.spanUp(v, late);
    }
    return late;
  }

  /** Ends the backward pass at a task that would start before the run's first date (see run). */
  private stopBefore(i: number, late: Dates): Dates {
    this.pastFirst = i;
    return late;
  }

  /**
   * The backward pass's fast path for a task in working time: bounds as working indices. False,
   * with nothing written, when the task would start before the run's first date.
   */
  private lateNormal(i: number, early: Dates, late: Dates, bounds: LateBounds): boolean {
    const cal = this.cal;
    const { parent, startNode } = this.net;
    let finish = bounds.projectFinishIndex;
    let start = Infinity;
    const up = parent[i];
    if (up >= 0) {
      const s = startNode[up] - this.n;
      if (bounds.finishIndex[s] < finish) finish = bounds.finishIndex[s];
      if (early.start[i] === early.start[up] && bounds.startIndex[s] < start) start = bounds.startIndex[s];
    }
    // What the successors require, gathered as they were placed (NO_BOUND is past any finish).
    if (late.finishIndex[i] < finish) finish = late.finishIndex[i];
    if (late.startIndex[i] !== NO_BOUND && late.startIndex[i] < start) start = late.startIndex[i];
    const has = this.dated[i];
    if ((has & HAS_CONSTRAINT_DATE) !== 0) {
      const c = this.constraintDate.get(i)!;
      const code = this.constraint[i];
      if (code === ConstraintCode.Fnlt || code === ConstraintCode.Mfo) finish = Math.min(finish, cal.index(c));
      if (code === ConstraintCode.Snlt || code === ConstraintCode.Mso) start = Math.min(start, cal.index(c));
    }
    if ((has & HAS_DEADLINE) !== 0) finish = Math.min(finish, cal.index(this.deadline.get(i)!));
    const dur = this.dur[i];
    if (start + dur < finish) finish = start + dur;
    const startWall = cal.startWall(finish - dur);
    if (startWall < this.firstWall) return false;
    late.finishIndex[i] = finish;
    late.finish[i] = cal.finishWall(finish);
    late.startIndex[i] = finish - dur;
    late.start[i] = startWall;
    return true;
  }

  /**
   * The backward pass's general path (scheduleLeaf's counterpart), for milestones and elapsed tasks:
   * bounds as wall times. (A task in working time takes lateNormal whatever its dates.) False, with
   * nothing written, when the task would start before the run's first date.
   */
  private lateLeaf(i: number, early: Dates, late: Dates, bounds: LateBounds, projectFinish: Wall): boolean {
    const cal = this.cal;
    const finishBound = this.lateFinishBound(i, late, bounds, projectFinish);
    const startBound = this.lateStartBound(i, early, late, bounds);
    let lf = this.snapFinishOf(i, finishBound);
    if (startBound < Infinity) {
      // The latest start at or before the bound: for an elapsed task the bound itself, for a
      // milestone (whose start is its finish) the edge of working time before it, when it lies
      // inside non-working time.
      const viaStart = this.finishFromStart(i, this.snapFinishOf(i, startBound));
      if (viaStart < lf) lf = viaStart;
    }
    const ls = this.startFromFinish(i, lf);
    if (ls < this.firstWall) return false;
    late.finish[i] = lf;
    late.start[i] = ls;
    late.finishIndex[i] = cal.index(lf);
    late.startIndex[i] = cal.index(ls);
    return true;
  }

  /**
   * The latest wall time task i (a leaf out of the fast path, or a summary at its finish node) may
   * finish by: the project's finish, its summary's finish bound (a summary finishes with its last
   * subtask, so a bound on its finish binds every subtask), what its successors require (gathered
   * as they were placed: a leaf's in its late finish, where NO_BOUND lies past any finish the run
   * places, see lastWall; a summary's in its LateBounds, from Infinity), an FNLT or MFO date, a deadline.
   */
  private lateFinishBound(i: number, late: Dates, bounds: LateBounds, projectFinish: Wall): number {
    const n = this.n;
    const { parent, startNode } = this.net;
    let bound = projectFinish;
    const up = parent[i];
    if (up >= 0 && bounds.finish[startNode[up] - n] < bound) bound = bounds.finish[startNode[up] - n];
    const own = startNode[i] - n;
    const pushed = own >= 0 ? bounds.finish[own] : late.finish[i];
    if (pushed < bound) bound = pushed;
    const has = this.dated[i];
    if ((has & HAS_CONSTRAINT_DATE) !== 0) {
      const code = this.constraint[i];
      const c = this.constraintDate.get(i)!;
      if ((code === ConstraintCode.Fnlt || code === ConstraintCode.Mfo) && c < bound) bound = c;
    }
    if ((has & HAS_DEADLINE) !== 0 && this.deadline.get(i)! < bound) bound = this.deadline.get(i)!;
    return bound;
  }

  /**
   * The latest wall time task i (as for lateFinishBound) may start by, or Infinity: its summary's
   * start bound if i starts the summary (a summary starts with its first subtask, so a bound on its
   * start binds only the subtasks that start it), what its successors require, an SNLT or MSO date.
   */
  private lateStartBound(i: number, early: Dates, late: Dates, bounds: LateBounds): number {
    const n = this.n;
    const { parent, startNode } = this.net;
    let bound = Infinity;
    const up = parent[i];
    if (up >= 0 && early.start[i] === early.start[up] && bounds.start[startNode[up] - n] < bound)
      bound = bounds.start[startNode[up] - n];
    const own = startNode[i] - n;
    const pushed = own >= 0 ? bounds.start[own] : late.start[i];
    if (pushed !== NO_BOUND && pushed < bound) bound = pushed;
    if ((this.dated[i] & HAS_CONSTRAINT_DATE) !== 0) {
      const code = this.constraint[i];
      const c = this.constraintDate.get(i)!;
      if ((code === ConstraintCode.Snlt || code === ConstraintCode.Mso) && c < bound) bound = c;
    }
    return bound;
  }

  /**
   * Pushes the bounds that task j, placed, puts on its predecessors, along the links into it (FS
   * and FF bind a predecessor's finish, SS and SF its start). A predecessor in working time gathers
   * them as working indices (see lateNormal), a summary in its LateBounds, any other as wall times.
   */
  private pushBounds(j: number, early: Dates, late: Dates, bounds: LateBounds, slacks: Slacks): void {
    const { n, kind } = this;
    const { linkStart, linkPred, linkWord, startNode } = this.net;
    for (let l = linkStart[j], end = linkStart[j + 1]; l < end; l++) {
      const p = linkPred[l];
      const type = wordType(linkWord[l]);
      const toFinish = linkToFinish(type);
      const fromFinish = linkFromFinish(type);
      if (kind[p] === Kind.Normal) {
        // The latest index this link allows p with j at its late dates, and at its early ones.
        let x: number;
        let free: number;
        const word = linkWord[l];
        const lag = wordLag(word);
        if (wordLagKind(word) === LAG_WORKING && (lag !== 0 || fromFinish || kind[j] === Kind.Normal)) {
          // latestInWorkingTime's common case, inline: this is the run's hottest loop.
          x = (toFinish ? late.finishIndex[j] : late.startIndex[j]) - lag;
          free = (toFinish ? early.finishIndex[j] : early.startIndex[j]) - lag;
        } else {
          x = this.latestInWorkingTime(l, j, late, toFinish, fromFinish);
          free = this.latestInWorkingTime(l, j, early, toFinish, fromFinish);
        }
        const column = fromFinish ? late.finishIndex : late.startIndex;
        if (x < column[p]) column[p] = x;
        // The link's slack in the early dates, kept for the free float (see Slacks).
        const slack = free - (fromFinish ? early.finishIndex[p] : early.startIndex[p]);
        const slackColumn = fromFinish ? slacks.finish : slacks.start;
        if (slack < slackColumn[p]) slackColumn[p] = slack;
        continue;
      }
      const lag = this.lagOf(l, early);
      const wallClock = this.wallClockLag(l);
      const x = this.subtractLag(
        toFinish ? late.finish[j] : late.start[j],
        toFinish ? late.finishIndex[j] : late.startIndex[j],
        lag,
        wallClock,
        j,
      );
      // The same with j at its early dates, for the free float (see Slacks).
      const free = this.subtractLag(
        toFinish ? early.finish[j] : early.start[j],
        toFinish ? early.finishIndex[j] : early.startIndex[j],
        lag,
        wallClock,
        j,
      );
      const s = startNode[p] - n;
      if (s >= 0) {
        const column = fromFinish ? bounds.finish : bounds.start;
        if (x < column[s]) column[s] = x;
        const by = fromFinish ? slacks.summaryFinishBy : slacks.summaryStartBy;
        if (free < by[s]) by[s] = free;
      } else {
        const column = fromFinish ? late.finish : late.start;
        if (x < column[p]) column[p] = x;
        // An elapsed task's slack is elapsed time, as in Project (see floats).
        const slack =
          kind[p] === Kind.Elapsed
            ? (fromFinish ? free - this.dur[p] : free) - early.start[p]
            : this.latestIndexBy(p, fromFinish, free) - this.sideIndex(p, fromFinish, early);
        const slackColumn = fromFinish ? slacks.finish : slacks.start;
        if (slack < slackColumn[p]) slackColumn[p] = slack;
      }
    }
  }

  /**
   * The latest working index link l lets its predecessor, a task in working time, have on the side
   * the link binds (its finish for FS and FF, its start for SS and SF), with successor j at its
   * dates in d: the late dates for the backward pass, the early ones for the free float.
   * - A working lag counts from the predecessor's working instant: the successor's index less the lag.
   * - Without a lag the successor's own date is the bound. A successor in working time stands for
   *   its whole instant (Monday 08:00 is Friday 17:00); any other is that moment exactly (see
   *   subtractLag), and a start must begin by it.
   * - An elapsed lag takes the predecessor's side back to a wall time, which a start must begin by:
   *   a start at the instant of Monday 03:00 would be on Monday 08:00, five hours later.
   */
  private latestInWorkingTime(l: number, j: number, d: Dates, toFinish: boolean, fromFinish: boolean): number {
    const at = toFinish ? d.finishIndex[j] : d.startIndex[j];
    const lag = this.lagOf(l, d);
    if (this.wallClockLag(l))
      return this.latestIndexBy(
        this.net.linkPred[l],
        fromFinish,
        this.subtractLag(toFinish ? d.finish[j] : d.start[j], at, lag, true, j),
      );
    if (lag !== 0 || fromFinish) return at - lag;
    const k = this.kind[j];
    return k === Kind.Normal || k === Kind.Calendar ? at : this.startIndexBy(toFinish ? d.finish[j] : d.start[j]);
  }

  /** The latest working index a task in working time can start at and begin by wall time b. */
  private startIndexBy(b: Wall): number {
    const i = this.cal.index(b);
    return this.cal.isWorkingMinute(b) ? i : i - 1;
  }

  // ---- Floats, progress, critical flag --------------------------------------------------

  /**
   * The latest working index of task i's side that slips (see sideIndex) with its finish
   * (fromFinish) or its start at or before wall time b: what a link out of it allows, for the free
   * float. A task in working time starts where a working minute begins, so by Monday 03:00 means
   * Friday 16:59. An elapsed task slips by its start, its finish following around the clock: by a
   * finish it may start up to the bound less its duration (its finish may stay inside one night
   * while its start crosses working hours). A milestone may sit at the edge of working time before
   * a bound inside non-working time.
   */
  private latestIndexBy(i: number, fromFinish: boolean, b: Wall): number {
    const k = this.kind[i];
    if (k === Kind.Elapsed) return this.cal.index(fromFinish ? b - this.dur[i] : b);
    if (k === Kind.Normal && !fromFinish) return this.startIndexBy(b);
    return this.cal.index(b);
  }

  /** The early working index of the side of task i that latestIndexBy bounds: an elapsed task's start. */
  private sideIndex(i: number, fromFinish: boolean, early: Dates): number {
    return fromFinish && this.kind[i] !== Kind.Elapsed ? early.finishIndex[i] : early.startIndex[i];
  }

  /**
   * Total and free float, in working minutes; an elapsed task's in elapsed minutes, as Project
   * counts them (a 1ed task with four weeks and a day to spare has 29 elapsed days of slack, not 21).
   */
  private floats(early: Dates, late: Dates, scheduled: Dates, slacks: Slacks, projectFinish: Wall) {
    const { n, kind, dur, dated, cal } = this;
    const projectFinishIndex = cal.index(projectFinish);
    const { startNode } = this.net;
    const parent = this.input.parent;
    const arena = this.input.arena;
    const finishSlack = slacks.finish;
    const startSlack = slacks.start;
    const { summaryFinishBy, summaryStartBy } = slacks;
    // Written over the slacks and late indices just read at each row (see ResultsOverInputs).
    const { totalFloat, freeFloat, duration, critical } = resultsOverInputs(slacks, late, n);
    // The input's column becomes the result: leaves keep their own value and summaries' are rolled
    // up from them, so a second run over the same input gives the same values.
    // Without progress the column is all zeros and never written: no roll-up, and no memory touched.
    const percentComplete = this.input.percentComplete;
    const hasProgress = this.input.hasProgress;
    for (let i = 0; i < n; i++) {
      const elapsed = kind[i] === Kind.Elapsed;
      const tf = elapsed
        ? Math.min(late.start[i] - early.start[i], late.finish[i] - early.finish[i])
        : Math.min(late.startIndex[i] - early.startIndex[i], late.finishIndex[i] - early.finishIndex[i]);
      // Late dates at the same working instant as the early ones are shown as the early ones.
      if (late.startIndex[i] === early.startIndex[i]) late.start[i] = early.start[i];
      if (late.finishIndex[i] === early.finishIndex[i]) late.finish[i] = early.finish[i];
      // Free float: the least slack on the links out of the task or out of its summaries, a summary's
      // links measured from this task's own dates.
      let ff = Infinity;
      const own = startNode[i] - n;
      if (own < 0) ff = Math.min(finishSlack[i], startSlack[i]); // its own links' (NO_SLACK where none)
      for (let a = own < 0 ? parent[i] : i; a >= 0; a = parent[a]) {
        const s = startNode[a] - n;
        // A bound on a summary's finish binds every task below it; one on its start, the tasks that
        // start it. One that starts d later does not move the summary's start; it is given the
        // summary's start slack plus d (a safe bound), as is a summary.
        const finishBy = summaryFinishBy[s];
        if (finishBy !== NO_BOUND)
          ff = Math.min(
            ff,
            elapsed
              ? finishBy - dur[i] - early.start[i]
              : this.latestIndexBy(i, true, finishBy) - this.sideIndex(i, true, early),
          );
        const startBy = summaryStartBy[s];
        if (startBy !== NO_BOUND) {
          const startsIt = own < 0 && early.start[i] === early.start[a]; // as the backward pass has it
          if (elapsed) {
            const d = early.start[i] - early.start[a];
            ff = Math.min(ff, startsIt ? startBy - early.start[i] : startBy - early.start[a] + d);
          } else {
            const d = early.startIndex[i] - early.startIndex[a];
            ff = Math.min(
              ff,
              startsIt
                ? this.latestIndexBy(i, false, startBy) - early.startIndex[i]
                : cal.index(startBy) - early.startIndex[a] + d,
            );
          }
        }
      }
      if (ff >= NO_SLACK) ff = Infinity;
      if (ff === Infinity) ff = elapsed ? projectFinish - early.finish[i] : projectFinishIndex - early.finishIndex[i];
      totalFloat[i] = tf;
      freeFloat[i] = Math.max(0, Math.min(ff, tf));
      const summaryOrStarted = kind[i] === Kind.Summary || (dated[i] & HAS_ACTUAL_START) !== 0;
      duration[i] = !summaryOrStarted
        ? dur[i]
        : kind[i] === Kind.Elapsed
          ? scheduled.finish[i] - scheduled.start[i]
          : kind[i] === Kind.Calendar
            ? this.ownCal.get(i)!.workBetween(scheduled.start[i], scheduled.finish[i])
            : cal.index(scheduled.finish[i]) - cal.index(scheduled.start[i]);
      critical[i] = tf <= 0 && (!hasProgress || percentComplete[i] < 100) ? 1 : 0; // a summary's is set again once its % complete is rolled up
    }
    if (hasProgress) {
      rollUpProgress(this.net, dur, kind, percentComplete, arena);
      const { summaryOfStartNode } = this.net;
      for (let k = 0; k < summaryOfStartNode.length; k++) {
        const i = summaryOfStartNode[k];
        critical[i] = totalFloat[i] <= 0 && percentComplete[i] < 100 ? 1 : 0;
      }
    }
    return { totalFloat, freeFloat, duration, percentComplete, critical };
  }

  /** The answer when task i would finish after the run's last date (late: true) or start before its first. */
  private outOfRangeResult(i: number, late: boolean, statusDate: Wall): ScheduleResult {
    const t = this.tasks[i];
    const last = this.lastWall;
    this.issues.push(
      late
        ? {
            severity: 'error',
            message: `Task ${t.id} '${clip(t.name)}' would finish after ${formatDay(last - 1)}, the last day the scheduler places tasks on: check the dates and durations that lead to it.`,
            at:
              (t.actualFinish ?? 0) > last
                ? t.refs.actualFinish
                : (t.actualStart ?? 0) > last
                  ? t.refs.actualStart
                  : t.constraintDate !== null
                    ? t.refs.constraintDate
                    : t.refs.duration,
          }
        : {
            severity: 'error',
            message: `Task ${t.id} '${clip(t.name)}' would have to start before ${formatDay(this.firstWall)}, the first day the scheduler places tasks on, to meet the deadlines and constraints after it: check them.`,
            at: t.refs.duration,
          },
    );
    return emptyResult(this.cal, this.net, this.n, statusDate, this.issues);
  }

  private reportDeadlines(scheduled: Dates): void {
    this.deadline.forEach((dl, i) => {
      if (scheduled.finish[i] > dl) {
        const t = this.tasks[i];
        this.issues.push({
          severity: 'warning',
          message: `Task ${t.id} '${clip(t.name)}' finishes ${formatWallReadable(scheduled.finish[i])}, after its deadline ${formatWallReadable(dl)}.`,
          at: t.refs.deadline,
        });
      }
    });
  }
}

/** No link out of this side of a task (slacks are working minutes, far inside 32 bits). */
const NO_SLACK = 0x7fffffff;
/**
 * What the links out of each task's finish (FS, FF) and out of its start (SS, SF) allow it in the
 * early dates, noted as the backward pass walks each link. A leaf's least slack is read only at its
 * own row in the floats, so it is kept in the columns that become its free and total float. A
 * summary's links bind every task below it, each by its own kind of task, so a summary keeps the
 * latest wall times its links allow its finish and its start (NO_BOUND where it has none).
 */
interface Slacks {
  /** Becomes the free float (see ResultsOverInputs). */
  finish: Int32Array;
  /** Becomes the total float (see ResultsOverInputs). */
  start: Int32Array;
  summaryFinishBy: Int32Array;
  summaryStartBy: Int32Array;
}

function newSlacks(n: number, summaries: number, arena: Arena): Slacks {
  return {
    finish: arena.i32(n).fill(NO_SLACK),
    start: arena.i32(n).fill(NO_SLACK),
    summaryFinishBy: arena.i32(summaries).fill(NO_BOUND),
    summaryStartBy: arena.i32(summaries).fill(NO_BOUND),
  };
}

/**
 * The result columns the floats write into memory the passes are done with. At each row the
 * floats read the row's slacks and late working indices before writing its results, and nothing
 * reads them after: at a million tasks, 13 MB of fresh memory fewer. Each column is a view of the
 * memory named beside it; after the floats, that memory holds only the results.
 */
interface ResultsOverInputs {
  /** Over the start slacks (Slacks.start). */
  totalFloat: Int32Array;
  /** Over the finish slacks (Slacks.finish). */
  freeFloat: Int32Array;
  /** Over the late working start indices (late.startIndex). */
  duration: Int32Array;
  /** Over the first quarter of the late working finish indices: byte i lies in word i / 4, a row already read. */
  critical: Uint8Array;
}

function resultsOverInputs(slacks: Slacks, late: Dates, n: number): ResultsOverInputs {
  return {
    totalFloat: slacks.start,
    freeFloat: slacks.finish,
    duration: late.startIndex,
    critical: new Uint8Array(late.finishIndex.buffer, late.finishIndex.byteOffset, n),
  };
}

/** No successor has bound this side of a task yet (past any date or working index in 32 bits); no subtask has started a summary's span. */
const NO_BOUND = 0x7fffffff;
/** No subtask has finished a summary's span (before any date in 32 bits). */
const NO_SPAN_FINISH = -0x80000000;

/**
 * Summaries' spans by start node - n: the range from the first subtask's start to the last one's
 * finish, as wall times with their working indices. (Not model.ts's Span, a length of time.)
 */
interface SummarySpan {
  start: Int32Array;
  startIndex: Int32Array;
  finish: Int32Array;
  finishIndex: Int32Array;
}

/** Bounds held for each summary (by start node - n) in the backward pass, as wall times and working indices. */
interface LateBounds {
  finish: Float64Array;
  start: Float64Array;
  finishIndex: Float64Array;
  startIndex: Float64Array;
  projectFinishIndex: number;
}

function emptyResult(cal: WorkCalendar, net: Network, n: number, statusDate: Wall, issues: Issue[]): ScheduleResult {
  return {
    calendar: cal,
    network: net,
    projectStart: NaN,
    projectFinish: NaN,
    statusDate,
    start: new Int32Array(n),
    finish: new Int32Array(n),
    earlyStart: new Int32Array(n),
    earlyFinish: new Int32Array(n),
    lateStart: new Int32Array(n),
    lateFinish: new Int32Array(n),
    totalFloat: new Int32Array(n),
    freeFloat: new Int32Array(n),
    duration: new Int32Array(n),
    percentComplete: new Float64Array(n),
    critical: new Uint8Array(n),
    driver: new Int32Array(n),
    issues,
  };
}

/** Summary % complete: the subtasks' completed working time over their total (MS Project's rule). */
function rollUpProgress(net: Network, dur: Int32Array, kind: Uint8Array, pct: Float64Array, arena: Arena): void {
  const { parent, startNode, taskCount: n } = net;
  // Sums per summary (by start node - n): subtasks come after their summary, so one pass upwards adds them up.
  const summaries = net.nodeCount - n;
  const done = arena.f64(summaries);
  const total = arena.f64(summaries);
  const count = arena.f64(summaries);
  const pctSum = arena.f64(summaries);
  for (let i = n - 1; i >= 0; i--) {
    let d: number;
    let t: number;
    let c: number;
    let ps: number;
    if (kind[i] !== Kind.Summary) {
      d = (dur[i] * pct[i]) / 100;
      t = dur[i];
      c = 1;
      ps = pct[i];
    } else {
      const s = startNode[i] - n;
      d = done[s];
      t = total[s];
      c = count[s];
      ps = pctSum[s];
      pct[i] = t > 0 ? (100 * d) / t : c > 0 ? ps / c : 0;
    }
    const p = parent[i];
    if (p >= 0) {
      const s = startNode[p] - n;
      done[s] += d;
      total[s] += t;
      count[s] += c;
      pctSum[s] += ps;
    }
  }
}

function reportLoops(tasks: readonly PlanTask[], net: Network, issues: Issue[]): void {
  for (const loop of findLoops(net)) {
    if (loop.length === 0) continue;
    const ids: string[] = [];
    for (const l of loop) {
      const succ = tasks[successorOf(net, l)];
      const pred = tasks[net.linkPred[l]];
      if (ids.length === 0) ids.push(`${pred.id} '${clip(pred.name, 30)}'`);
      ids.push(`${succ.id} '${clip(succ.name, 30)}'`);
    }
    const head = tasks[successorOf(net, loop[loop.length - 1])];
    const closing = ids[0] === ids[ids.length - 1] ? ids : [...ids, ids[0] + ' (through its summary task)'];
    issues.push({
      severity: 'error',
      message: `These tasks depend on each other in a loop, so none of them can be scheduled: ${closing.join(' → ')}. Remove or change one of these links.`,
      at: head.refs.predecessors,
    });
  }
  if (issues.length === 0) {
    issues.push({
      severity: 'error',
      message: 'The task links form a loop, so the plan cannot be scheduled.',
      at: tasks[0]?.refs.predecessors ?? sheetLocation('Tasks'),
    });
  }
}
