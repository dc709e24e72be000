/**
 * An independent reference scheduler for tests: its own working-time arithmetic (it counts working
 * minutes day by day and steps minute by minute, never using the engine's WorkCalendar), its own
 * forward and backward passes, and "check 3", which judges floats by the forward pass alone. The
 * engine is compared with it in tests/core/schedule/reference/ (forward.test.ts states the rules it
 * encodes). Kept small and slow on purpose: networks of a dozen tasks over a few weeks.
 */

export const DAY = 1440;

// ---- The reference calendar ------------------------------------------------------------

export interface RefCalendar {
  /** 0 = Sunday. */
  weekdays: boolean[];
  /** [start, end) minutes after midnight, sorted. */
  intervals: [number, number][];
  holidays: Set<number>;
  mpd: number;
  /** Day number W counts from (no date before it is ever asked). */
  anchor: number;
}

/** A wall time as `Mon 2027-03-01 08:00`, for messages. */
export function fmt(t: number): string {
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return `${names[weekday(Math.floor(t / DAY))]} ${new Date(t * 60000).toISOString().slice(0, 16).replace('T', ' ')}`;
}

export const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;
export const ANCHOR = dayNumber(2027, 1, 1);

export function refCalendar(weekdays: boolean[], intervals: [number, number][], holidays: number[]): RefCalendar {
  const mpd = intervals.reduce((s, [a, b]) => s + b - a, 0);
  return { weekdays, intervals, holidays: new Set(holidays), mpd, anchor: ANCHOR };
}

export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
}

export function workingDay(c: RefCalendar, day: number): boolean {
  return c.weekdays[weekday(day)] && !c.holidays.has(day);
}

/** Whether the minute beginning at wall time t is worked. */
export function workingMinute(c: RefCalendar, t: number): boolean {
  const day = Math.floor(t / DAY);
  const m = t - day * DAY;
  return workingDay(c, day) && c.intervals.some(([a, b]) => m >= a && m < b);
}

/** W(t): working minutes from the anchor to t. */
export function W(c: RefCalendar, t: number): number {
  const day = Math.floor(t / DAY);
  if (day < c.anchor) throw new Error('reference: before the anchor');
  let count = 0;
  for (let d = c.anchor; d < day; d++) if (workingDay(c, d)) count += c.mpd;
  if (workingDay(c, day)) {
    const m = t - day * DAY;
    for (const [a, b] of c.intervals) count += Math.max(0, Math.min(m, b) - a);
  }
  return count;
}

/** The wall time at which working minute number k (0-based from the anchor) begins. */
export function beginOfWorkingMinute(c: RefCalendar, k: number): number {
  if (k < 0) throw new Error('reference: before the anchor');
  for (let d = c.anchor; ; d++) {
    if (!workingDay(c, d)) continue;
    if (k >= c.mpd) {
      k -= c.mpd;
      continue;
    }
    for (const [a, b] of c.intervals) {
      if (k < b - a) return d * DAY + a + k;
      k -= b - a;
    }
  }
}

/** Start side of working instant T: where a task starting there begins (Monday 08:00). */
export const startSide = (c: RefCalendar, T: number) => beginOfWorkingMinute(c, T);
/** Finish side of working instant T: the earliest wall time at it (Friday 17:00). */
export const finishSide = (c: RefCalendar, T: number) => beginOfWorkingMinute(c, T - 1) + 1;

/** The next working time at or after t, minute by minute. */
export function nextWorkingTime(c: RefCalendar, t: number): number {
  let x = t;
  for (let guard = 0; guard < 60 * DAY; guard++, x++) if (workingMinute(c, x)) return x;
  throw new Error('reference: no working time within 60 days');
}

// ---- The reference schedule -------------------------------------------------------------

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';
export interface Span {
  minutes: number;
  elapsed: boolean;
}
export interface RefLink {
  pred: number;
  type: LinkType;
  lag: Span | { percent: number };
  text: string;
}
export type ConstraintType = 'SNET' | 'FNET' | 'SNLT' | 'FNLT' | 'MSO' | 'MFO' | 'ALAP';
/**
 * A constraint (date: a wall time, Constraint Date as typed; none for ALAP) and a deadline (a wall time).
 * Summary tasks (summary: true; dur and constraints unused) and their subtasks (parent: the summary's
 * index): a summary comes before its subtasks, which follow it contiguously (outline order), and a link
 * from a summary runs to a task after its last subtask (see summaryForward and summaryBackward below).
 */
export interface RefTask {
  dur: Span;
  links: RefLink[];
  constraint?: { type: ConstraintType; date: number };
  deadline?: number;
  summary?: boolean;
  parent?: number;
  /**
   * Progress on a leaf (docs/scheduling.md, "Progress"): Actual Start and Actual Finish as typed, wall
   * times; % Complete (0-100; 100 with an Actual Finish). With both actual dates, `dur` must be the
   * time between them (see actualDuration).
   */
  actualStart?: number;
  actualFinish?: number;
  percentComplete?: number;
}

/**
 * A task's duration with both actual dates (docs: "the working time between them is the task's
 * duration"): the working minutes between them, a milestone when there are none (docs: a milestone
 * is a task of duration 0); for an elapsed task, the time between them around the clock.
 */
export function actualDuration(c: RefCalendar, planned: Span, actualStart: number, actualFinish: number): Span {
  if (planned.elapsed) return { minutes: actualFinish - actualStart, elapsed: true };
  return { minutes: Math.max(0, W(c, actualFinish) - W(c, actualStart)), elapsed: false };
}

/**
 * The dates of a leaf with an actual date (docs, "Progress"), which override its links, constraints,
 * ALAP and any delay: at its Actual Start to the minute (even in non-working time), finishing at its
 * Actual Finish when given, else where its duration takes it; with an Actual Finish alone, at it,
 * the start following from the duration (a task in working time: the working instant W(finish) - d;
 * an elapsed task: the finish less d; a milestone: the finish). None when it has no actual date.
 */
export function actualDates(c: RefCalendar, t: RefTask): { start: number; finish: number } | undefined {
  if (t.actualStart !== undefined)
    return { start: t.actualStart, finish: t.actualFinish ?? finishOf(c, t, t.actualStart) };
  if (t.actualFinish === undefined) return undefined;
  const af = t.actualFinish;
  const k = kindOf(t);
  return {
    start: k === 'work' ? startSide(c, W(c, af) - t.dur.minutes) : k === 'elapsed' ? af - t.dur.minutes : af,
    finish: af,
  };
}

/** Task j's summaries, nearest first. */
export function ancestorsOf(tasks: RefTask[], j: number): number[] {
  const out: number[] = [];
  for (let a = tasks[j].parent ?? -1; a >= 0; a = tasks[a].parent ?? -1) out.push(a);
  return out;
}

export type Kind = 'work' | 'elapsed' | 'milestone';
export const kindOf = (t: RefTask): Kind => (t.dur.elapsed ? 'elapsed' : t.dur.minutes === 0 ? 'milestone' : 'work');

/** A summary's span in working minutes, W(finish) - W(start): its duration for a % lag from it (msproject: 4 working days -> 2). */
export const summarySpan = (c: RefCalendar, start: number[], finish: number[], p: number) =>
  W(c, finish[p]) - W(c, start[p]);

/** A lower bound on a successor's start or finish: a wall time, or a working instant. */
export interface Bound {
  side: 'start' | 'finish';
  wall?: number;
  index?: number;
}

export interface RefSchedule {
  start: number[];
  finish: number[];
  bounds: Bound[][];
  projectStart: number;
  /** Each summary's bound on its subtasks' starts, a wall time (-Infinity: none; undefined for leaves). */
  summaryBound: number[];
}

/**
 * A link's lag in minutes, and whether it runs around the clock (a % lag: in its predecessor's kind of
 * time). `span`: a summary predecessor's duration, its span in working minutes (a summary's % lag is
 * in working time).
 */
export function lagOf(tasks: RefTask[], l: RefLink, span?: (p: number) => number): Span {
  if (!('percent' in l.lag)) return l.lag;
  const p = tasks[l.pred];
  if (p.summary) {
    if (!span) throw new Error('reference: a % lag from a summary needs its span');
    return { minutes: Math.round((l.lag.percent / 100) * span(l.pred)), elapsed: false };
  }
  return { minutes: Math.round((l.lag.percent / 100) * p.dur.minutes), elapsed: p.dur.elapsed };
}

export function linkBound(c: RefCalendar, tasks: RefTask[], start: number[], finish: number[], l: RefLink): Bound {
  const base = l.type[0] === 'F' ? finish[l.pred] : start[l.pred];
  const side = l.type[1] === 'S' ? 'start' : 'finish';
  const { minutes, elapsed } = lagOf(tasks, l, (p) => summarySpan(c, start, finish, p));
  if (minutes === 0) return { side, wall: base };
  if (elapsed) return { side, wall: base + minutes };
  return { side, index: W(c, base) + minutes };
}

/** The start a single bound (or the project start) asks of a task of this kind. */
export function startFor(c: RefCalendar, t: RefTask, b: Bound): number {
  const k = kindOf(t);
  const d = b.side === 'finish' ? t.dur.minutes : 0;
  if (k === 'work') return startSide(c, (b.index ?? W(c, b.wall!)) - d);
  const wall = (b.wall ?? finishSide(c, b.index!)) - d; // the earliest wall time meeting the bound
  if (k === 'elapsed') return wall;
  return workingMinute(c, wall) || workingMinute(c, wall - 1) ? wall : nextWorkingTime(c, wall);
}

/**
 * Orders two starts of task t: by W in working time; by wall time for elapsed tasks and
 * milestones (a milestone's bounds are wall times: of two at one working instant, the later wins).
 */
export function compareStarts(c: RefCalendar, t: RefTask, a: number, b: number): number {
  return kindOf(t) === 'work' ? W(c, a) - W(c, b) : a - b;
}

export function finishOf(c: RefCalendar, t: RefTask, start: number): number {
  switch (kindOf(t)) {
    case 'milestone':
      return start;
    case 'elapsed':
      return start + t.dur.minutes;
    default:
      return finishSide(c, W(c, start) + t.dur.minutes);
  }
}

/** Whether a constraint's date bounds the start (SNET, SNLT, MSO) or the finish (FNET, FNLT, MFO). */
export const onStart = (type: ConstraintType) => type === 'SNET' || type === 'SNLT' || type === 'MSO';

/**
 * The start a constraint's date asks of task t (docs/scheduling.md, "Constraints"): a date bounds
 * the start or the finish as a link's bound does, to the minute for an elapsed task, by its working
 * instant for a task in working time (SNET Saturday 10:00 is a start on Monday 08:00, FNLT Saturday
 * 10:00 a finish on Friday 17:00). A milestone is a moment (docs): see below.
 */
export function constraintStart(c: RefCalendar, t: RefTask, type: ConstraintType, date: number): number {
  // A milestone is a moment: bounded from below (SNET, FNET, MSO) by one inside non-working time, it
  // goes on to the next working time, as after a link; from above (SNLT, FNLT, MFO), back to the
  // edge of working time before it.
  if (kindOf(t) === 'milestone') {
    if (type === 'SNLT' || type === 'FNLT' || type === 'MFO')
      return milestoneMaySit(c, date) ? date : finishSide(c, W(c, date));
    return startFor(c, t, { side: 'start', wall: date });
  }
  return startFor(c, t, { side: onStart(type) ? 'start' : 'finish', wall: date });
}

/**
 * `extra`: one more bound on one task (the delays of the float checks below). `alapAt`: the late
 * starts, to place ALAP tasks at (the scheduled dates); none for the early dates.
 * Constraints, always honoured: SNET and FNET are one more bound; MSO and MFO place the task,
 * whatever its links; SNLT and FNLT pull it back to their date when a link holds it later (the link
 * is then not met), but not when only the project start does. A link asking the same start as the
 * project start holds the task too. ALAP: the early dates as ASAP; scheduled at the late start when
 * that is later (its successors follow).
 * Summaries (docs/scheduling.md, "Summary tasks"): links into a summary (FS, SS), its SNET date and
 * its own summary's bound are one bound on each of its subtasks' starts, at the latest of their wall
 * times (a working bound at its earliest wall time, as a successor's bound reads: see startFor; the
 * SNET date as typed: the docs are silent on an elapsed subtask under an SNET in non-working time, and
 * the engine starts it at that moment); a summary spans its subtasks, from the earliest start to the
 * latest finish (wall times). A summary's FNLT and deadline bound only the late dates.
 * Progress: a leaf with an actual date is placed by it alone (see actualDates); its late dates and
 * floats are any task's, by its duration (the time between its actual dates when it has both).
 */
export function referenceSchedule(
  c: RefCalendar,
  projectStartSetting: number,
  tasks: RefTask[],
  extra?: { task: number; bound: Bound },
  alapAt?: number[],
): RefSchedule {
  const projectStart = nextWorkingTime(c, projectStartSetting);
  const start: number[] = [];
  const finish: number[] = [];
  const bounds: Bound[][] = [];
  /** Each summary's bound on its subtasks' starts, a wall time (-Infinity: none). */
  const summaryBound: number[] = [];
  tasks.forEach((t, j) => {
    const bs = t.links.map((l) => linkBound(c, tasks, start, finish, l));
    bounds.push(bs);
    const up = t.parent ?? -1;
    if (t.summary) {
      let req = up >= 0 ? summaryBound[up] : -Infinity;
      for (const b of bs) req = Math.max(req, b.wall ?? finishSide(c, b.index!));
      if (t.constraint?.type === 'SNET') req = Math.max(req, t.constraint.date);
      summaryBound[j] = req;
      start[j] = Infinity; // spanned as its subtasks are placed
      finish[j] = -Infinity;
      return;
    }
    const inherited: Bound[] =
      up >= 0 && summaryBound[up] > -Infinity ? [{ side: 'start', wall: summaryBound[up] }] : [];
    const atProjectStart = startFor(c, t, { side: 'start', wall: projectStart });
    let linked: number | undefined;
    for (const b of extra?.task === j ? [...bs, ...inherited, extra.bound] : [...bs, ...inherited]) {
      const x = startFor(c, t, b);
      if (linked === undefined || compareStarts(c, t, x, linked) > 0) linked = x;
    }
    const heldByLink = linked !== undefined && compareStarts(c, t, linked, atProjectStart) >= 0;
    const actual = actualDates(c, t);
    if (actual) {
      ({ start: start[j], finish: finish[j] } = actual);
      for (const a of ancestorsOf(tasks, j)) {
        start[a] = Math.min(start[a], start[j]);
        finish[a] = Math.max(finish[a], finish[j]);
      }
      return;
    }
    let s = heldByLink ? linked! : atProjectStart;
    const k = t.constraint;
    if (k && k.type !== 'ALAP') {
      const x = constraintStart(c, t, k.type, k.date);
      // SNET before the project start takes its place (Project starts an unlinked task on it).
      if (k.type === 'SNET' && compareStarts(c, t, x, atProjectStart) < 0)
        s = linked !== undefined && compareStarts(c, t, linked, x) > 0 ? linked : x;
      else if (k.type === 'SNET' || k.type === 'FNET') {
        if (compareStarts(c, t, x, s) > 0) s = x;
      } else if (k.type === 'MSO' || k.type === 'MFO') s = x;
      else if (heldByLink && compareStarts(c, t, s, x) > 0) s = x;
    }
    if (alapAt && k?.type === 'ALAP' && compareStarts(c, t, alapAt[j], s) > 0) s = alapAt[j];
    start[j] = s;
    finish[j] = finishOf(c, t, s);
    for (const a of ancestorsOf(tasks, j)) {
      start[a] = Math.min(start[a], start[j]);
      finish[a] = Math.max(finish[a], finish[j]);
    }
  });
  return { start, finish, bounds, projectStart, summaryBound };
}

// ---- The reference backward pass ----------------------------------------------------------
//
// Late dates mirror the forward rules (docs/scheduling.md: "the mirror of the table above"). The
// mirror is worked out here from the forward rules themselves rather than from a second table:
// for each link, the latest wall time of the predecessor's finish (FS, FF) or start (SS, SF) whose
// bound still lets the successor start by its late start; the predecessor's late dates are then
// the latest its kind of task can take under all of its links and the project finish (the latest
// early finish, a wall time: nothing may finish after it). The same rule with the successor's
// early start in place of its late start gives each link's slack: how far the predecessor can
// slip, alone, before the successor moves; and so the free float.
//
// Dates are wall times throughout, as in the forward pass. A task in working time is at a working
// instant, and a bound anywhere in it keeps the task where it is (latestBound: its finish on Friday
// 17:00 allows a bound up to Monday 08:00). A milestone and an elapsed task are at their moments: a
// milestone moved from Friday 17:00 to Monday 08:00 has another date (docs: a milestone "sits at the
// moment its predecessors allow"), which an elapsed lag after it, or the project finish, tells.

/** Whether a milestone may sit at wall time t: in working time or at its edge (see startFor). */
export const milestoneMaySit = (c: RefCalendar, t: number) => workingMinute(c, t) || workingMinute(c, t - 1);

/** The latest wall time at or before t where a milestone may sit, minute by minute. */
export function milestonePlaceAtOrBefore(c: RefCalendar, t: number): number {
  let x = t;
  for (let guard = 0; guard < 60 * DAY; guard++, x--) if (milestoneMaySit(c, x)) return x;
  throw new Error('reference: no working time within 60 days');
}

/**
 * The latest wall time a bound on task t's start or finish (side) may have and still let t start
 * by `by`, a start t can take. Any bound up to it keeps t at or before `by`, any later one does not:
 * - working: a bound b asks the start W(b) - d (d: the duration, for a bound on the finish), so
 *   W(b) <= W(by) + d: b up to where working minute W(by) + d begins (Monday 08:00 for a finish
 *   on Friday 17:00);
 * - elapsed: b - d <= by;
 * - milestone: it sits at b, or at the next working time after b; `by` being a place a milestone
 *   may sit, b <= by.
 * (A bound given as a working instant K stands at its earliest wall time, finishSide(K), which is
 * at or before a wall time x exactly when K <= W(x).)
 */
export function latestBound(c: RefCalendar, t: RefTask, side: 'start' | 'finish', by: number): number {
  // A summary (FS and SS only: a bound on its start) passes the bound to each of its subtasks, each
  // of which starts by its own late start with any bound up to that start (see above): so any bound
  // up to the earliest of those, the summary's late start.
  if (t.summary) return by;
  const d = side === 'finish' ? t.dur.minutes : 0;
  return kindOf(t) === 'work' ? startSide(c, W(c, by) + d) : by + d;
}

/**
 * The latest wall time of link l's predecessor's finish (FS, FF) or start (SS, SF) that keeps the
 * link's bound at or before wall time `latest`: without a lag or with an elapsed one, that time less
 * the lag; with a working lag, W(x) + lag <= W(latest), so x up to where working minute
 * W(latest) - lag begins.
 */
export function latestBase(
  c: RefCalendar,
  tasks: RefTask[],
  l: RefLink,
  latest: number,
  span?: (p: number) => number,
): number {
  const { minutes, elapsed } = lagOf(tasks, l, span);
  return minutes === 0 || elapsed ? latest - minutes : startSide(c, W(c, latest) - minutes);
}

/**
 * The latest dates task t can take with its finish at or before wall time finishBy and its start at
 * or before startBy (Infinity: no bound):
 * - working: its finish at instant k is shown at the end of working minute k - 1, at or before
 *   finishBy when k <= W(finishBy); its start at instant k is the beginning of working minute k, at
 *   or before startBy when k < W(startBy + 1), the working minutes that begin by startBy. (Not
 *   k <= W(startBy): a start at W(Monday 03:00) is on Monday 08:00, after 03:00.)
 * - elapsed: to the minute;
 * - milestone: the latest place it may sit at or before both.
 */
export function latestDates(c: RefCalendar, t: RefTask, finishBy: number, startBy: number) {
  const d = t.dur.minutes;
  switch (kindOf(t)) {
    case 'work': {
      let k = Infinity;
      if (finishBy < Infinity) k = W(c, finishBy);
      if (startBy < Infinity) k = Math.min(k, W(c, startBy + 1) - 1 + d);
      return { start: startSide(c, k - d), finish: finishSide(c, k) };
    }
    case 'elapsed': {
      const f = Math.min(finishBy, startBy + d);
      return { start: f - d, finish: f };
    }
    default: {
      const m = milestonePlaceAtOrBefore(c, Math.min(finishBy, startBy));
      return { start: m, finish: m };
    }
  }
}

/** Float in working minutes from early dates to later ones: the least of the starts' and the finishes' (docs/scheduling.md). */
export const floatBetween = (c: RefCalendar, es: number, ef: number, ls: number, lf: number) =>
  Math.min(W(c, ls) - W(c, es), W(c, lf) - W(c, ef));

export interface RefLate {
  start: number[];
  finish: number[];
  /** Working minutes. */
  totalFloat: number[];
  freeFloat: number[];
  /** The least slack of each task's links (null: no successor), before the free float is capped by the total float. */
  linkSlack: (number | null)[];
  /** A summary's latest finish (its links from its finish) and start (from its start) that leave its successors at their early dates: wall times (Infinity: no such link). */
  finishFree: number[];
  startFree: number[];
  projectFinish: number;
}

export function referenceLate(c: RefCalendar, tasks: RefTask[], early: RefSchedule): RefLate {
  const n = tasks.length;
  const projectFinish = Math.max(...early.finish);
  const finishBy: number[] = new Array(n).fill(projectFinish);
  const startBy: number[] = new Array(n).fill(Infinity);
  const linkSlack: (number | null)[] = new Array(n).fill(null);
  const start: number[] = [];
  const finish: number[] = [];
  /** A summary's latest finish (links from its finish) and start (from its start) that leave its successors' early dates, wall times. */
  const finishFree: number[] = new Array(n).fill(Infinity);
  const startFree: number[] = new Array(n).fill(Infinity);
  const span = (p: number) => summarySpan(c, early.start, early.finish, p);
  // A summary's own late bounds (FNLT, a deadline) bind its finish, so every subtask (placed before it below).
  tasks.forEach((t, j) => {
    if (!t.summary) return;
    if (t.deadline !== undefined) finishBy[j] = Math.min(finishBy[j], t.deadline);
    if (t.constraint?.type === 'FNLT') finishBy[j] = Math.min(finishBy[j], t.constraint.date);
  });
  // Links run from earlier tasks to later ones (see build), so one pass from the end places every
  // task after all of its successors. A summary comes before its subtasks and its successors after
  // them: its bounds are all gathered when its subtasks are placed, and it is placed after them.
  for (let j = n - 1; j >= 0; j--) {
    const t = tasks[j];
    if (t.summary) {
      // Summaries (docs): it spans its subtasks' late dates.
      start[j] = Infinity;
      finish[j] = -Infinity;
      tasks.forEach((u, k) => {
        if (u.parent !== j) return;
        start[j] = Math.min(start[j], start[k]);
        finish[j] = Math.max(finish[j], finish[k]);
      });
    } else {
      // A bound on a summary's finish binds every subtask, a bound on its start the subtasks that
      // start it (docs: those whose early start is the summary's).
      for (const a of ancestorsOf(tasks, j)) {
        finishBy[j] = Math.min(finishBy[j], finishBy[a]);
        if (early.start[j] === early.start[a]) startBy[j] = Math.min(startBy[j], startBy[a]);
      }
      // Its own late bounds: a deadline and FNLT, MFO bound the finish, SNLT and MSO the start. A
      // start date bounds a task in working time by its working instant, as in the forward pass (SNLT
      // Saturday 10:00 or Monday 03:00: by Monday 08:00), any other task to the minute.
      if (t.deadline !== undefined) finishBy[j] = Math.min(finishBy[j], t.deadline);
      const k = t.constraint;
      if (k && (k.type === 'FNLT' || k.type === 'MFO')) finishBy[j] = Math.min(finishBy[j], k.date);
      if (k && (k.type === 'SNLT' || k.type === 'MSO'))
        startBy[j] = Math.min(startBy[j], kindOf(t) === 'work' ? startSide(c, W(c, k.date)) : k.date);
      ({ start: start[j], finish: finish[j] } = latestDates(c, tasks[j], finishBy[j], startBy[j]));
    }
    tasks[j].links.forEach((l) => {
      const side = l.type[1] === 'S' ? 'start' : 'finish';
      const p = l.pred;
      const onFinish = l.type[0] === 'F';
      const x = latestBase(c, tasks, l, latestBound(c, tasks[j], side, start[j]), span);
      if (onFinish) finishBy[p] = Math.min(finishBy[p], x);
      else startBy[p] = Math.min(startBy[p], x);
      // The same with the successor at its early start: how far p may slip, in working minutes of
      // its start, before the successor moves. (A task in working time moves its start and finish
      // by as much; an elapsed task's finish, around the clock, may move less or more.)
      // A milestone by its actual dates may span non-working time (Actual Start Monday 17:00, Actual
      // Finish Tuesday 03:00, no working minute between): a bound on its finish is measured from its
      // finish, the link table's own mirror (the docs are silent on such a task; as the engine).
      const atEarly =
        side === 'finish' && kindOf(tasks[j]) === 'milestone'
          ? early.finish[j]
          : latestBound(c, tasks[j], side, early.start[j]);
      const free = latestBase(c, tasks, l, atEarly, span);
      if (tasks[p].summary) {
        if (onFinish) finishFree[p] = Math.min(finishFree[p], free);
        else startFree[p] = Math.min(startFree[p], free);
        return;
      }
      const at = latestDates(c, tasks[p], onFinish ? free : Infinity, onFinish ? Infinity : free);
      linkSlack[p] = Math.min(linkSlack[p] ?? Infinity, slip(tasks[p], at.start, early.start[p]));
    });
  }
  const totalFloat = tasks.map((t, j) =>
    kindOf(t) === 'elapsed' && !t.summary
      ? Math.min(start[j] - early.start[j], finish[j] - early.finish[j])
      : floatBetween(c, early.start[j], early.finish[j], start[j], finish[j]),
  );
  // With no successor, the free float is the slack to the project finish: the total float.
  // The links out of a task's summaries are its successors too:
  // - out of a summary's finish: the task may finish by the latest finish they leave the summary
  //   (a leaf slips by its start, as through its own links; a summary by its finish);
  // - out of a summary's start: a leaf that starts the summary (docs: a bound on its start binds
  //   those) must begin by the latest start they leave the summary, as through its own links. For
  //   the others, which never move the summary's start, and for a summary, the docs are silent: as
  //   the engine, the summary's own slack, W(latest) - W(early start), plus how much later than it
  //   the task starts (a lower bound for those leaves).
  const freeFloat = tasks.map((t, j) => {
    let ff = linkSlack[j] ?? Infinity;
    for (const a of t.summary ? [j, ...ancestorsOf(tasks, j)] : ancestorsOf(tasks, j)) {
      if (finishFree[a] < Infinity) {
        ff = Math.min(
          ff,
          t.summary
            ? W(c, finishFree[a]) - W(c, early.finish[j])
            : slip(t, latestDates(c, t, finishFree[a], Infinity).start, early.start[j]),
        );
      }
      if (startFree[a] < Infinity) {
        ff = Math.min(
          ff,
          !t.summary && early.start[j] === early.start[a]
            ? slip(t, latestDates(c, t, Infinity, startFree[a]).start, early.start[j])
            : !t.summary && kindOf(t) === 'elapsed'
              ? startFree[a] - early.start[a] + early.start[j] - early.start[a]
              : W(c, startFree[a]) - W(c, early.start[a]) + W(c, early.start[j]) - W(c, early.start[a]),
        );
      }
    }
    return Math.max(0, Math.min(ff, totalFloat[j]));
  });
  return { start, finish, totalFloat, freeFloat, linkSlack, finishFree, startFree, projectFinish };

  /** How far a leaf's start may slip: working minutes, elapsed ones for an elapsed task (as Project). */
  function slip(t: RefTask, latest: number, earliest: number): number {
    return kindOf(t) === 'elapsed' ? latest - earliest : W(c, latest) - W(c, earliest);
  }
}

/**
 * Check 3: floats against the forward pass alone, with no mirrored rule. Delaying task i by
 * `minutes` of working time is one more bound on its start: the working instant of its early start
 * + the minutes. Delayed by its total float, it leaves the project finish where it is; by its free
 * float, every other task's early dates too. With tight(i), one working minute more moves the
 * project finish (total float), or another task or the project finish (free float).
 * A date moves when its wall time does; a working-time task's or a summary's, when its working instant does.
 */
export function checkDelays(
  c: RefCalendar,
  projectStartSetting: number,
  tasks: RefTask[],
  early: RefSchedule,
  floats: { total: (i: number) => number; free: (i: number) => number; tight: (i: number) => boolean },
): string[] {
  const problems: string[] = [];
  const projectFinish = Math.max(...early.finish);
  const delayed = (i: number, minutes: number) => {
    // An elapsed task's floats are elapsed minutes: it is delayed around the clock.
    const bound: Bound =
      kindOf(tasks[i]) === 'elapsed'
        ? { side: 'start', wall: early.start[i] + minutes }
        : { side: 'start', index: W(c, early.start[i]) + minutes };
    const d = referenceSchedule(c, projectStartSetting, tasks, { task: i, bound });
    const finish = Math.max(...d.finish);
    // A task's own summaries are not its successors: they span it (their successors are checked).
    const own = ancestorsOf(tasks, i);
    // A task in working time (or a summary) moves when its working instants do: a finish an SF link
    // sets may show the same instant as Friday 17:00 or Monday 08:00 (see referenceSchedule).
    const moved = (k: number, x: number, y: number) =>
      tasks[k].summary || kindOf(tasks[k]) === 'work' ? W(c, x) !== W(c, y) : x !== y;
    const other = tasks.findIndex(
      (_, k) =>
        k !== i && !own.includes(k) && (moved(k, d.start[k], early.start[k]) || moved(k, d.finish[k], early.finish[k])),
    );
    return {
      at: fmt(d.start[i]),
      finish: finish === projectFinish ? null : `the project finish moves to ${fmt(finish)}`,
      other: other < 0 ? null : `T${other} moves to ${fmt(d.start[other])}`,
    };
  };
  tasks.forEach((t, i) => {
    if (t.summary) return; // a summary is not delayed: its subtasks are
    const tf = floats.total(i);
    const ff = floats.free(i);
    const a = delayed(i, tf);
    if (a.finish) problems.push(`T${i} delayed by its total float ${tf} min (to ${a.at}): ${a.finish}`);
    const f = delayed(i, ff);
    if (f.other || f.finish)
      problems.push(`T${i} delayed by its free float ${ff} min (to ${f.at}): ${f.other ?? f.finish}`);
    if (!floats.tight(i)) return;
    const b = delayed(i, tf + 1);
    if (!b.finish)
      problems.push(`T${i} delayed by its total float + 1 = ${tf + 1} min (to ${b.at}): the project finish stays`);
    const g = delayed(i, ff + 1);
    if (!g.other && !g.finish)
      problems.push(`T${i} delayed by its free float + 1 = ${ff + 1} min (to ${g.at}): nothing else moves`);
  });
  return problems;
}

/**
 * Project's SF rule, as the engine shows it (docs/scheduling.md): a task in working time whose
 * finish an SF link with no lag meets exactly shows its predecessor's moment (Monday 08:00, not
 * Friday 17:00, the same working instant); its summaries span it. A rule of display: the passes
 * above count instants. Returns the finishes as shown.
 */
export function shownFinishes(c: RefCalendar, tasks: RefTask[], s: { start: number[]; finish: number[] }): number[] {
  const finish = [...s.finish];
  const span = (p: number) => summarySpan(c, s.start, s.finish, p);
  // Not where something follows the finish by its wall time (docs): a milestone, an elapsed task
  // or a summary after it, or an elapsed lag, from the task or one of its summaries.
  const byWall = new Set<number>();
  tasks.forEach((u) => {
    for (const l of u.links)
      if (l.type[0] === 'F' && (u.summary || kindOf(u) !== 'work' || lagOf(tasks, l, span).elapsed)) byWall.add(l.pred);
  });
  tasks.forEach((t, j) => {
    if (t.summary || kindOf(t) !== 'work' || t.actualStart !== undefined || t.actualFinish !== undefined) return;
    if ([j, ...ancestorsOf(tasks, j)].some((a) => byWall.has(a))) return;
    const at = startSide(c, W(c, s.finish[j]));
    if (at <= s.finish[j]) return;
    if (!t.links.some((l) => l.type === 'SF' && lagOf(tasks, l, span).minutes === 0 && s.start[l.pred] === at)) return;
    finish[j] = at;
    for (const a of ancestorsOf(tasks, j)) finish[a] = Math.max(finish[a], at);
  });
  return finish;
}
