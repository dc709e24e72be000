/**
 * Over-allocation, always on: where a resource is booked above its Max Units by tasks at the same
 * time. A task books its resources from its start to its finish at the units of its assignment
 * (`Camera Crew` is 1, `Line 1[2]` is 2, `Editor[50%]` is 0.5). Material resources are consumed,
 * not booked; summary tasks book nothing (their subtasks do); a milestone takes no time.
 *
 * A resource is available from its Available From to its Available To (always, without them).
 * A booking is the task's whole span, whatever calendar the task works (a night task books the
 * day between its nights too).
 */
import { clip } from '../helpers';
import { fixedReason } from '../leveling/fixed';
import type { Issue, Plan } from '../model';
import type { ScheduleResult } from '../schedule/schedule';
import { Wall, formatMoment } from '../time';

export interface Overallocation {
  /** The resource's name as on the Resources sheet. */
  resource: string;
  from: Wall;
  to: Wall;
  /** The most units booked at one moment within the stretch. */
  booked: number;
  available: number;
  /** Indexes of the tasks booked on the resource within the stretch, in plan order. */
  tasks: number[];
}

const EPSILON = 1e-9;

/** A task's booking of a resource: from its start to its finish, at its assignment's units. */
export interface Booking {
  task: number;
  start: Wall;
  finish: Wall;
  units: number;
}

/**
 * Each booked resource's bookings, in plan order, by its name in lower case: the Work and
 * Equipment resources the tasks name, by tasks that take time and are not summaries.
 */
export function bookingsByResource(plan: Plan, result: ScheduleResult): Map<string, Booking[]> {
  const resources = new Map(plan.resources.map((r) => [r.name.toLowerCase(), r]));
  const byResource = new Map<string, Booking[]>();
  plan.tasks.forEach((task, i) => {
    if (task.isSummary) return;
    const [start, finish] = [result.start[i], result.finish[i]];
    if (finish <= start) return;
    for (const a of task.resources) {
      const def = resources.get(a.resource.toLowerCase());
      if (!def || def.type === 'Material' || a.units <= 0) continue;
      const key = def.name.toLowerCase();
      let list = byResource.get(key);
      if (!list) byResource.set(key, (list = []));
      list.push({ task: i, start, finish, units: a.units });
    }
  });
  return byResource;
}

/**
 * Every stretch of time in which a resource is booked above what it has: above its Max Units by two
 * tasks or more, or at all outside its availability (before Available From, from Available To on).
 */
export function findOverallocations(plan: Plan, result: ScheduleResult): Overallocation[] {
  const resources = new Map(plan.resources.map((r) => [r.name.toLowerCase(), r]));
  const byResource = bookingsByResource(plan, result);
  const found: Overallocation[] = [];
  for (const [key, bookings] of byResource) {
    const def = resources.get(key)!;
    const limited = def.availableFrom !== null || def.availableTo !== null;
    if (bookings.length < 2 && !limited) continue;
    // Bookings start and finish; the resource's units change at its availability's edges.
    const events: { at: Wall; delta: number; k: number; capacity?: number }[] = bookings.flatMap((b, k) => [
      { at: b.start, delta: b.units, k },
      { at: b.finish, delta: -b.units, k },
    ]);
    if (def.availableFrom !== null) events.push({ at: def.availableFrom, delta: 0, k: -1, capacity: def.maxUnits });
    if (def.availableTo !== null) events.push({ at: def.availableTo, delta: 0, k: -1, capacity: 0 });
    events.sort((x, y) => x.at - y.at);
    const active = new Set<number>();
    let load = 0;
    let capacity = def.availableFrom !== null ? 0 : def.maxUnits;
    let open: Overallocation | null = null;
    let involved = new Set<number>();
    for (let e = 0; e < events.length; e++) {
      const ev = events[e];
      if (ev.capacity !== undefined) capacity = ev.capacity;
      else if (ev.delta > 0) active.add(ev.k);
      else active.delete(ev.k);
      load += ev.delta;
      // Only once every event at this moment is counted (back-to-back bookings do not overlap).
      if (e + 1 < events.length && events[e + 1].at === ev.at) continue;
      const over = load > capacity + EPSILON && (active.size >= 2 || capacity < def.maxUnits);
      if (over && !open) {
        open = { resource: def.name, from: ev.at, to: ev.at, booked: load, available: capacity, tasks: [] };
        involved = new Set(active);
      } else if (over && open) {
        open.booked = Math.max(open.booked, load);
        open.available = Math.min(open.available, capacity);
        for (const k of active) involved.add(k);
      } else if (!over && open) {
        open.to = ev.at;
        open.tasks = [...involved].map((k) => bookings[k].task).sort((a, b) => a - b);
        found.push(open);
        open = null;
      }
    }
  }
  return found.sort((a, b) => a.from - b.from || a.resource.localeCompare(b.resource));
}

/** Why leveling left an over-allocation: the tasks it may not move, or no room to move the others into. */
function levelingNote(plan: Plan, o: Overallocation): string {
  const why = o.tasks.map((t) => fixedReason(plan.tasks[t]));
  const fixed = o.tasks.flatMap((t, k) => (why[k] ? [`${clip(plan.tasks[t].id)} (${why[k]})`] : []));
  if (fixed.length === o.tasks.length) return ` Leveling cannot resolve it: none of them may move, ${listOf(fixed)}.`;
  return ` Leveling could not resolve it${fixed.length ? `: ${listOf(fixed)} may not move` : ''}; the resource's availability or the tasks' links leave no room.`;
}

function units(u: number): string {
  return String(Math.round(u * 1000) / 1000);
}

function listOf(ids: string[]): string {
  const shown = ids.slice(0, 3);
  const more = ids.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * Warnings in words: each over-allocated stretch at the Resources cell of its first task, and each
 * task that books a resource above its Max Units on its own (which leveling cannot resolve).
 */
export function overallocationIssues(plan: Plan, result: ScheduleResult): Issue[] {
  const issues: Issue[] = [];
  const resources = new Map(plan.resources.map((r) => [r.name.toLowerCase(), r]));
  plan.tasks.forEach((task) => {
    if (task.isSummary) return;
    for (const a of task.resources) {
      const def = resources.get(a.resource.toLowerCase());
      if (!def || def.type === 'Material' || a.units <= def.maxUnits + EPSILON) continue;
      issues.push({
        severity: 'warning',
        message: `Task ${clip(task.id)} books ${def.name} at ${units(a.units)} units, and it has ${units(def.maxUnits)} (Max Units): leveling cannot resolve this; lower the units or raise Max Units.`,
        at: task.refs.resources,
      });
    }
  });
  for (const o of findOverallocations(plan, result)) {
    const ids = o.tasks.map((t) => clip(plan.tasks[t].id));
    const def = resources.get(o.resource.toLowerCase())!;
    const window =
      o.available < def.maxUnits
        ? ` (it is available${def.availableFrom !== null ? ` from ${formatMoment(def.availableFrom)}` : ''}${def.availableTo !== null ? ` until ${formatMoment(def.availableTo)}` : ''})`
        : '';
    issues.push({
      severity: 'warning',
      message: `${o.resource} is booked ${units(o.booked)} of ${units(o.available)} units from ${formatMoment(o.from)} to ${formatMoment(o.to)} by ${listOf(ids)}${window}.${result.leveling ? levelingNote(plan, o) : ''}`,
      at: plan.tasks[o.tasks[0]].refs.resources,
    });
  }
  return issues;
}
