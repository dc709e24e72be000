import type { Plan, PlanTask, ResourceDef } from '../model';
import type { ScheduleResult } from '../schedule/schedule';

/** Part of one task's cost that books to one account (or to none). */
export interface Booking {
  task: number;
  /** Null: the cost books to no budget line. */
  account: string | null;
  /** At the current schedule. */
  scheduled: number;
  /** Budgeted (baseline) cost. */
  baseline: number;
}

/**
 * What each task costs: its resources' work times their rates, plus its Fixed
 * Cost. A summary task counts only its own assignments and fixed cost (its
 * subtasks count theirs), so sums over tasks never count a cost twice.
 */
export interface TaskCosts {
  /** At the current schedule's durations. */
  scheduled: Float64Array;
  /** Budgeted cost: at the baseline's duration where the task has Baseline Start and Finish, else as scheduled. */
  baseline: Float64Array;
  /** 1 where the task has a baseline (both Baseline Start and Baseline Finish). */
  hasBaseline: Uint8Array;
  bookings: Booking[];
}

/**
 * Cost of one assignment: Work and Equipment resources cost their hourly rate
 * for every hour of work (work = duration x units, as MS Project's fixed-units
 * tasks); Material costs its rate per unit for the units assigned.
 */
export function assignmentCost(resource: ResourceDef, units: number, durationMinutes: number): number {
  if (resource.type === 'Material') return resource.rate * units;
  return (resource.rate * units * durationMinutes) / 60;
}

export function taskCosts(plan: Plan, result: ScheduleResult): TaskCosts {
  const n = plan.tasks.length;
  const scheduled = new Float64Array(n);
  const baseline = new Float64Array(n);
  const hasBaseline = new Uint8Array(n);
  const bookings: Booking[] = [];
  const byName = new Map<string, ResourceDef>();
  for (const r of plan.resources) byName.set(r.name.toLowerCase(), r);
  const cal = result.calendar;

  for (let i = 0; i < n; i++) {
    const t = plan.tasks[i];
    const bStart = t.baselineStart,
      bFinish = t.baselineFinish;
    if (bStart !== null && bFinish !== null) hasBaseline[i] = 1;
    if (t.resources.length === 0 && t.fixedCost === 0) continue;
    const current = result.duration[i];
    // The baseline's working time prices only the resources: a task with none skips it above.
    let planned = current;
    if (bStart !== null && bFinish !== null) {
      const elapsed = t.duration?.elapsed === true && !t.isSummary;
      planned = Math.max(0, elapsed ? bFinish - bStart : cal.workBetween(bStart, bFinish));
    }
    let s = t.fixedCost;
    let b = t.fixedCost;
    // Without a task account, each resource's cost books to the resource's own account.
    const parts = new Map<string | null, [number, number]>();
    const add = (account: string | null, sc: number, bc: number) => {
      const p = parts.get(account);
      if (p) {
        p[0] += sc;
        p[1] += bc;
      } else parts.set(account, [sc, bc]);
    };
    add(t.costAccount, t.fixedCost, t.fixedCost);
    for (const a of t.resources) {
      const r = byName.get(a.resource.toLowerCase());
      if (!r) continue;
      const sc = assignmentCost(r, a.units, current);
      const bc = assignmentCost(r, a.units, planned);
      s += sc;
      b += bc;
      add(t.costAccount ?? r.costAccount, sc, bc);
    }
    scheduled[i] = s;
    baseline[i] = b;
    for (const [account, [sc, bc]] of parts)
      if (sc !== 0 || bc !== 0) bookings.push({ task: i, account, scheduled: sc, baseline: bc });
  }
  return { scheduled, baseline, hasBaseline, bookings };
}

/** Sums a per-task figure up the outline: each summary gets its own figure plus its subtasks'. */
export function rollUp(tasks: readonly PlanTask[], own: Float64Array): Float64Array {
  // A copy by slice(): Float64Array.from goes through the iterator, a few milliseconds at 100,000 tasks.
  const out = own.slice();
  for (let i = tasks.length - 1; i >= 0; i--) {
    const p = tasks[i].parent;
    if (p >= 0) out[p] += out[i];
  }
  return out;
}
