import type { EacMethod, Plan } from '../model';
import type { ScheduleResult } from '../schedule/schedule';
import { Wall, dayOf, weekdayOfDay } from '../time';
import { Booking, TaskCosts, rollUp } from './task-costs';

/** Earned value figures, as MS Project names them. Ratios are null where their divisor is zero. */
export interface EvFigures {
  /** Budget at completion: the baseline cost. */
  bac: number;
  /** Planned value: the baseline cost of the work scheduled by the status date. */
  pv: number;
  /** Earned value: % complete x baseline cost. */
  ev: number;
  /** Actual cost. */
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  /** Estimate at completion, by the chosen method. */
  eac: number;
  /** Estimate to complete: EAC - AC. */
  etc: number;
  vac: number;
  /** To-complete performance index: (BAC - EV) / (BAC - AC). */
  tcpi: number | null;
}

/** The figures that follow from BAC, PV, EV and AC. */
export function evFigures(bac: number, pv: number, ev: number, ac: number, method: EacMethod = 'cpi'): EvFigures {
  const cpi = ac !== 0 ? ev / ac : null;
  const spi = pv !== 0 ? ev / pv : null;
  const eac = estimateAtCompletion(bac, ev, ac, cpi, spi, method);
  return {
    bac,
    pv,
    ev,
    ac,
    sv: ev - pv,
    cv: ev - ac,
    spi,
    cpi,
    eac,
    etc: eac - ac,
    vac: bac - eac,
    // `+ 0` turns a -0 (nothing left to do, over budget) into 0.
    tcpi: bac - ac !== 0 ? (bac - ev) / (bac - ac) + 0 : null,
  };
}

/**
 * EAC by method. Where the method's index is undefined (no actual cost yet, or
 * no planned value yet), the work to go is taken at budget: AC + (BAC - EV).
 */
export function estimateAtCompletion(
  bac: number,
  ev: number,
  ac: number,
  cpi: number | null,
  spi: number | null,
  method: EacMethod,
): number {
  const remaining = bac - ev;
  if (method === 'cpi' && cpi !== null && cpi > 0) return ac + remaining / cpi;
  if (method === 'cpi-spi' && cpi !== null && spi !== null && cpi * spi > 0) return ac + remaining / (cpi * spi);
  return ac + remaining;
}

export interface AccountEv {
  account: string;
  description: string;
  figures: EvFigures;
}

export interface CurvePoint {
  /** The end of the week (Sunday 24:00), or the status date for the status week's EV and AC. */
  weekEnd: Wall;
  /** Cumulative. */
  pv: number;
  /** Null after the status date. */
  ev: number | null;
  ac: number | null;
}

/** How much of the budget earned value covers: the lines with tasks, and those without. */
export interface EvCoverage {
  /** The total Budget of the lines that tasks book to: spread over those tasks, earned by their progress. */
  budgetInEv: number;
  /** Lines no task books to (insurance, fees, contingency): on the cost report, outside earned value. */
  outside: { account: string; description: string; budget: number }[];
  outsideBudget: number;
  /** outsideBudget over the whole Budget (0 to 1); 0 with no budget. */
  outsideShare: number;
}

export interface EarnedValue {
  statusDate: Wall;
  coverage: EvCoverage;
  method: EacMethod;
  /** Whether tasks carry a baseline: where one is missing, the current schedule serves as it. */
  baseline: 'set' | 'partial' | 'none';
  project: EvFigures;
  /** Per task, summaries with their subtasks rolled up. */
  tasks: EvFigures[];
  /** Per budget line that tasks book to, in Budget sheet order. */
  accounts: AccountEv[];
  /** Cumulative PV by week to the end; EV and AC by week to the status date. */
  curve: CurvePoint[];
}

/**
 * Earned value at the status date (through its end, as MS Project): each
 * task's baseline cost is spread evenly over its baseline working time for PV;
 * EV is its % complete of that cost; AC is the Actual of the budget lines the
 * tasks book to, shared over those tasks by their earned value (by budgeted
 * cost while nothing is earned).
 */
export function earnedValue(plan: Plan, result: ScheduleResult, taskCostsOf: TaskCosts): EarnedValue {
  const n = plan.tasks.length;
  const cal = result.calendar;
  const cutoff = result.statusDate;
  const method = plan.settings.eacMethod;
  const { costs, coverage } = onTheBudget(plan, result, taskCostsOf);
  let withBaseline = 0;
  for (let i = 0; i < n; i++) withBaseline += costs.hasBaseline[i];
  const baseline = withBaseline === 0 ? 'none' : withBaseline === n ? 'set' : 'partial';

  if (costs.bookings.length === 0 && costsNothing(costs.baseline, result.percentComplete)) {
    // No task costs anything, so every figure is zero: the general way below would come to the
    // same, with a spent fraction, four rollups and more per task (70 ms at 100,000 tasks).
    const tasks: EvFigures[] = [];
    for (let i = 0; i < n; i++) tasks.push(evFigures(0, 0, 0, 0, method));
    return {
      statusDate: cutoff,
      coverage,
      method,
      baseline,
      project: evFigures(0, 0, 0, 0, method),
      tasks,
      accounts: [],
      curve: [],
    };
  }

  // Baseline span of each task: its baseline dates, or its current dates.
  const bStart = new Float64Array(n);
  const bFinish = new Float64Array(n);
  const pvFrac = new Float64Array(n);
  const evFrac = new Float64Array(n);
  // The spent fraction counts only for a task with a budgeted cost (PV is that cost times it) or a
  // booking (an account's PV); for any other it would be worked out to be multiplied by zero.
  const booked = new Uint8Array(n);
  for (const b of costs.bookings) booked[b.task] = 1;
  for (let i = 0; i < n; i++) {
    const t = plan.tasks[i];
    bStart[i] = costs.hasBaseline[i] ? t.baselineStart! : result.start[i];
    bFinish[i] = costs.hasBaseline[i] ? t.baselineFinish! : result.finish[i];
    if (booked[i] === 1 || !isPositiveZero(costs.baseline[i]))
      pvFrac[i] = spentFraction(cal, elapsedTask(plan, i), bStart[i], bFinish[i], cutoff);
    evFrac[i] = result.percentComplete[i] / 100;
  }

  // Actual cost: each account's Actual shared over the bookings to it.
  const actualBy = new Map<string, number>();
  const describe = new Map<string, string>();
  for (const l of plan.budget) {
    actualBy.set(l.account, l.actual);
    describe.set(l.account, l.description);
  }
  const groups = new Map<string, number[]>();
  costs.bookings.forEach((b, k) => {
    if (b.account === null || !actualBy.has(b.account)) return;
    let g = groups.get(b.account);
    if (!g) {
      g = [];
      groups.set(b.account, g);
    }
    g.push(k);
  });
  const ownAc = new Float64Array(n);
  const ownPv = new Float64Array(n);
  const ownEv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ownPv[i] = costs.baseline[i] * pvFrac[i];
    ownEv[i] = costs.baseline[i] * evFrac[i];
  }
  const accounts: AccountEv[] = [];
  for (const l of plan.budget) {
    const g = groups.get(l.account);
    if (!g) continue;
    const earned = g.map((k) => costs.bookings[k].baseline * evFrac[costs.bookings[k].task]);
    const budgeted = g.map((k) => costs.bookings[k].baseline);
    const weights = total(earned) > 0 ? earned : total(budgeted) > 0 ? budgeted : g.map(() => 1);
    const w = total(weights);
    let bac = 0,
      pv = 0,
      ev = 0;
    g.forEach((k, j) => {
      const b = costs.bookings[k];
      ownAc[b.task] += (l.actual * weights[j]) / w;
      bac += b.baseline;
      pv += b.baseline * pvFrac[b.task];
      ev += earned[j];
    });
    accounts.push({
      account: l.account,
      description: describe.get(l.account) ?? '',
      figures: evFigures(bac, pv, ev, l.actual, method),
    });
  }

  const bacs = rollUp(plan.tasks, costs.baseline);
  const pvs = rollUp(plan.tasks, ownPv);
  const evs = rollUp(plan.tasks, ownEv);
  const acs = rollUp(plan.tasks, ownAc);
  const tasks: EvFigures[] = [];
  let bac = 0,
    pv = 0,
    ev = 0,
    ac = 0;
  for (let i = 0; i < n; i++) {
    tasks.push(evFigures(bacs[i], pvs[i], evs[i], acs[i], method));
    bac += costs.baseline[i];
    pv += ownPv[i];
    ev += ownEv[i];
    ac += ownAc[i];
  }

  return {
    statusDate: cutoff,
    coverage,
    method,
    baseline,
    project: evFigures(bac, pv, ev, ac, method),
    tasks,
    accounts,
    curve: sCurve(plan, result, costs.baseline, ownAc, bStart, bFinish, evFrac),
  };
}

/**
 * Earned value on the budget the user typed. Each Budget line that tasks book to (by the task's
 * Cost Account, or its resources') has its Budget spread over those bookings, in proportion to their
 * budgeted cost (by the tasks' baseline working time where they cost nothing of their own, equally
 * where that is nothing too): the line's BAC is its Budget. Costs booked to no line keep their own
 * budgeted cost. Lines no task books to are outside earned value, and said to be.
 */
function onTheBudget(plan: Plan, result: ScheduleResult, costs: TaskCosts): { costs: TaskCosts; coverage: EvCoverage } {
  const lines = new Map(plan.budget.map((l) => [l.account, l]));
  const bookings: Booking[] = costs.bookings.map((b) => ({ ...b }));
  const booked = new Set(bookings.map((b) => `${b.task}\u0000${b.account}`));
  plan.tasks.forEach((t, i) => {
    // A task on a line's account earns part of that line's budget, cost of its own or not.
    if (t.isSummary || t.costAccount === null || !lines.has(t.costAccount)) return;
    if (!booked.has(`${i}\u0000${t.costAccount}`))
      bookings.push({ task: i, account: t.costAccount, scheduled: 0, baseline: 0 });
  });
  const byLine = new Map<string, Booking[]>();
  for (const b of bookings) {
    if (b.account === null || !lines.has(b.account)) continue;
    const g = byLine.get(b.account);
    if (g) g.push(b);
    else byLine.set(b.account, [b]);
  }
  const cal = result.calendar;
  const span = (i: number) => {
    const t = plan.tasks[i];
    const start = costs.hasBaseline[i] ? t.baselineStart! : result.start[i];
    const finish = costs.hasBaseline[i] ? t.baselineFinish! : result.finish[i];
    return Math.max(0, cal.workBetween(start, finish));
  };
  for (const [account, g] of byLine) {
    const budget = lines.get(account)!.budget;
    let weights = g.map((b) => Math.max(0, b.baseline));
    if (total(weights) <= 0) weights = g.map((b) => span(b.task));
    if (total(weights) <= 0) weights = g.map(() => 1);
    const w = total(weights);
    g.forEach((b, k) => (b.baseline = (budget * weights[k]) / w));
  }
  const baseline = new Float64Array(plan.tasks.length);
  for (const b of bookings) baseline[b.task] += b.baseline;
  const outside = plan.budget
    .filter((l) => !byLine.has(l.account))
    .map((l) => ({ account: l.account, description: l.description, budget: l.budget }));
  const outsideBudget = total(outside.map((l) => l.budget));
  const all = total(plan.budget.map((l) => l.budget));
  // The bookings added for tasks with no cost of their own go back to plan order.
  bookings.sort((a, b) => a.task - b.task);
  return {
    costs: { ...costs, baseline, bookings },
    coverage: {
      budgetInEv: all - outsideBudget,
      outside,
      outsideBudget,
      outsideShare: all > 0 ? outsideBudget / all : 0,
    },
  };
}

/** +0, not -0: a product with it is +0 for any finite factor that is not negative. */
function isPositiveZero(x: number): boolean {
  return x === 0 && 1 / x > 0;
}

/**
 * Whether no task has a budgeted cost (each is +0) and every % complete is a finite number not below
 * zero: then every PV, EV and BAC, each a cost times a fraction, is +0 as well.
 */
function costsNothing(baseline: Float64Array, percentComplete: Float64Array): boolean {
  for (let i = 0; i < baseline.length; i++) {
    const pct = percentComplete[i];
    if (!isPositiveZero(baseline[i]) || !(pct >= 0 && pct < Infinity)) return false;
  }
  return true;
}

function total(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function elapsedTask(plan: Plan, i: number): boolean {
  const t = plan.tasks[i];
  return t.duration?.elapsed === true && !t.isSummary;
}

/** The share of a span's time (working, or elapsed for elapsed tasks) that lies before `at`. A zero-length span counts whole once reached. */
function spentFraction(cal: ScheduleResult['calendar'], elapsed: boolean, start: Wall, finish: Wall, at: Wall): number {
  if (at >= finish) return 1;
  if (at <= start) return 0;
  const whole = elapsed ? finish - start : cal.workBetween(start, finish);
  if (whole <= 0) return 1;
  const done = elapsed ? at - start : cal.workBetween(start, at);
  return Math.min(1, Math.max(0, done / whole));
}

const WEEK = 7 * 1440;

/** Sunday 24:00 (Monday 00:00) of the week holding `wall`. */
function weekEndOf(wall: Wall): Wall {
  const day = dayOf(wall);
  const monday = day - ((weekdayOfDay(day) + 6) % 7);
  return (monday + 7) * 1440;
}

/**
 * The S-curve: cumulative PV for every week to the later of the baseline and
 * current finish; EV and AC to the status date. Each task's earned value and
 * actual cost are spread evenly over the working time it has been in progress
 * (from its start to its finish when done, else to the status date).
 */
function sCurve(
  plan: Plan,
  result: ScheduleResult,
  bac: Float64Array,
  ac: Float64Array,
  bStart: Float64Array,
  bFinish: Float64Array,
  evFrac: Float64Array,
): CurvePoint[] {
  const n = plan.tasks.length;
  const cal = result.calendar;
  const cutoff = result.statusDate;
  let first = Infinity,
    last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (bac[i] === 0 && ac[i] === 0) continue;
    first = Math.min(first, bStart[i], result.start[i]);
    last = Math.max(last, bFinish[i], result.finish[i]);
  }
  if (first === Infinity) return [];
  const firstEnd = weekEndOf(first);
  const weeks = Math.max(1, Math.round((weekEndOf(Math.max(last - 1, first)) - firstEnd) / WEEK) + 1);
  const statusWeek = Math.min(weeks - 1, Math.max(-1, Math.round((weekEndOf(cutoff) - firstEnd) / WEEK)));
  const pv = new Float64Array(weeks);
  const pvStep = new Float64Array(weeks + 1);
  const ev = new Float64Array(weeks);
  const acc = new Float64Array(weeks);
  const evStep = new Float64Array(weeks + 1);
  const acStep = new Float64Array(weeks + 1);
  const at = (k: number) => firstEnd + k * WEEK;
  const weekOf = (wall: Wall) => Math.round((weekEndOf(wall) - firstEnd) / WEEK);

  for (let i = 0; i < n; i++) {
    const elapsed = elapsedTask(plan, i);
    if (bac[i] !== 0) {
      const w0 = weekOf(bStart[i]);
      const w1 = bFinish[i] > bStart[i] ? weekOf(bFinish[i] - 1) : w0;
      for (let k = w0; k < w1; k++) pv[k] += bac[i] * spentFraction(cal, elapsed, bStart[i], bFinish[i], at(k));
      pvStep[w1] += bac[i];
    }
    const pct = evFrac[i];
    if ((pct <= 0 && ac[i] === 0) || statusWeek < 0) continue;
    // In progress from its start to its finish when done, else to the status date.
    const s = Math.min(result.start[i], cutoff);
    const f = pct >= 1 ? Math.min(result.finish[i], cutoff) : cutoff;
    const earned = bac[i] * pct;
    const w0 = weekOf(s);
    const w1 = Math.min(statusWeek, f > s ? weekOf(f - 1) : w0);
    for (let k = Math.max(0, w0); k < w1; k++) {
      const frac = spentFraction(cal, elapsed, s, f, at(k));
      ev[k] += earned * frac;
      acc[k] += ac[i] * frac;
    }
    evStep[Math.max(0, w1)] += earned;
    acStep[Math.max(0, w1)] += ac[i];
  }
  const out: CurvePoint[] = [];
  let p = 0,
    e = 0,
    a = 0;
  for (let k = 0; k < weeks; k++) {
    p += pvStep[k];
    e += evStep[k];
    a += acStep[k];
    const done = k <= statusWeek;
    out.push({ weekEnd: at(k), pv: pv[k] + p, ev: done ? ev[k] + e : null, ac: done ? acc[k] + a : null });
  }
  return out;
}
