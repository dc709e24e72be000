/**
 * Leveling a workbook's plan (Settings Leveling On): the plan's tasks mapped onto the leveler's
 * problem, solved, and the answer given back to the scheduler as a start no earlier than a date
 * for each task the leveler delayed. The scheduler then places every task by its own rules
 * (links, constraints, calendar, summaries), so leveling can never break one of them; the
 * leveler's model only has to be right for the schedule to be free of over-allocations.
 *
 * The model, in periods of working time (a grain of working minutes, see {@link grainOf}) of the
 * project calendar, or where tasks work calendars of their own, of every calendar the plan has
 * together (ScheduleResult.timeline):
 * - An activity per task that is not a summary, of its scheduled duration, released at its
 *   unleveled start: leveling only ever delays.
 * - Fixed, never moved: tasks started or finished (actual dates or % complete), Must Start On and
 *   Must Finish On, As Late As Possible, and Priority 1000.
 * - Links as minimum start-to-start distances: FS from the predecessor's finish, SS from its start,
 *   FF and SF binding the successor's finish. A link into a summary binds all its subtasks' starts
 *   (FS, SS) or the finish of its subtask that finishes last (FF, SF); a link out of a summary
 *   runs from all its subtasks' finishes (FS, FF) or from the start of its first subtask (SS,
 *   SF). Elapsed and % lags are taken at their unleveled length.
 * - Work and Equipment resources at Max Units (in thousandths), not before Available From nor
 *   from Available To on.
 *
 * Where the model is only close (elapsed time, a % lag of a summary, a grain coarser than the
 * plan), the scheduler's dates may differ from the leveler's: then the plan is leveled again from
 * those dates, six rounds at most. What is still over-allocated is reported, as without leveling,
 * saying why leveling could not resolve it (see overallocation.ts).
 */
import type { WorkCalendar } from '../calendar';
import { clip } from '../helpers';
import { sheetLocation } from '../location';
import type { Issue, LevelingOrder, Plan, PlanTask } from '../model';
import { bookingsByResource, findOverallocations } from '../resources/overallocation';
import { readScheduleInput } from '../schedule/input';
import { ScheduleResult, scheduleInput } from '../schedule/schedule';
import { Wall, formatMoment } from '../time';
import { Problem, ProblemError, networkOf } from './problem';
import { fixedReason } from './fixed';
import { solve } from './solver';

export interface LevelOptions {
  /** Schedules the leveler may decode in all (default: from the plan's size, see {@link scheduleBudget}). */
  maxSchedules?: number;
  seed?: number;
}

/** Units are counted in thousandths (`Editor[50%]` is 500 of 1000). */
const UNIT_SCALE = 1000;
/** Most cells (resources x periods) a leveling model may hold: three such tables of 4 bytes each. */
const MAX_CELLS = 4_000_000;
const MAX_ROUNDS = 6;
/** Decoding work the budget allows in all (activities, links and booked periods each count one per schedule). */
const BUDGET_WORK = 30_000_000;
const MIN_SCHEDULES = 40;
const MAX_SCHEDULES = 5_000;

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

interface Model {
  problem: Problem;
  /** Task of each activity. */
  task: number[];
  /** Working index of period 0, and the grain: period t begins at working index base + t * grain. */
  base: number;
  grain: number;
  /** The leveling order (activities), which also seeds the search. */
  order: number[];
}

/** The plan as the leveler's problem, from the dates of `current`; null when no task books a resource. */
function buildModel(plan: Plan, cal: WorkCalendar, current: ScheduleResult): Model | null {
  const tasks = plan.tasks;
  const n = tasks.length;
  const resources = plan.resources.filter((r) => r.type !== 'Material');
  const resourceIndex = new Map(resources.map((r, k) => [r.name.toLowerCase(), k]));
  const act = new Int32Array(n).fill(-1);
  const task: number[] = [];
  const sIdx = new Float64Array(n);
  const fIdx = new Float64Array(n);
  let booked = false;
  for (let i = 0; i < n; i++) {
    sIdx[i] = cal.index(current.start[i]);
    fIdx[i] = cal.index(current.finish[i]);
    if (tasks[i].isSummary || tasks[i].duration === null) continue;
    act[i] = task.length;
    task.push(i);
    if (tasks[i].resources.some((a) => resourceIndex.has(a.resource.toLowerCase()) && a.units > 0)) booked = true;
  }
  if (!booked) return null;
  const m = task.length;
  const fixed = task.map((i) => fixedReason(tasks[i]) !== null);
  const durMin = task.map((i) => Math.max(0, fIdx[i] - sIdx[i]));

  // Leaf tasks under each summary.
  const children: number[][] = Array.from({ length: n }, () => []);
  tasks.forEach((t, i) => {
    if (t.parent >= 0) children[t.parent].push(i);
  });
  const leaves = (s: number): number[] => {
    const out: number[] = [];
    const stack = [s];
    while (stack.length) {
      const v = stack.pop()!;
      if (act[v] >= 0) out.push(act[v]);
      else stack.push(...children[v]);
    }
    return out;
  };

  // Links, as start-to-start distances in working minutes, between movable activities.
  const distance = new Map<number, number>();
  tasks.forEach((t, j) => {
    for (const link of t.links) {
      const p = link.pred;
      const fromFinish = link.type === 'FS' || link.type === 'FF';
      const toFinish = link.type === 'FF' || link.type === 'SF';
      let lag: number;
      if (link.lag.percent !== undefined) lag = Math.round((link.lag.percent / 100) * (fIdx[p] - sIdx[p]));
      else if (link.lag.elapsed) {
        const side = fromFinish ? current.finish[p] : current.start[p];
        lag = cal.index(side + link.lag.minutes) - cal.index(side);
      } else lag = link.lag.minutes;
      let sources = act[p] >= 0 ? [act[p]] : leaves(p);
      if (act[p] < 0 && !fromFinish && sources.length > 1)
        sources = [sources.reduce((a, b) => (sIdx[task[b]] < sIdx[task[a]] ? b : a))];
      let targets = act[j] >= 0 ? [act[j]] : leaves(j);
      if (act[j] < 0 && toFinish && targets.length > 1)
        targets = [targets.reduce((a, b) => (fIdx[task[b]] > fIdx[task[a]] ? b : a))];
      for (const a of sources) {
        if (fixed[a]) continue; // it stays where it is, and its successors' releases already hold it
        for (const b of targets) {
          if (a === b || fixed[b]) continue;
          const d = (fromFinish ? durMin[a] : 0) + lag - (toFinish ? durMin[b] : 0);
          const key = a * m + b;
          const was = distance.get(key);
          if (was === undefined || d > was) distance.set(key, d);
        }
      }
    }
  });

  let base = Infinity;
  for (const i of task) base = Math.min(base, sIdx[i]);
  // Where the fixed tasks and the resources' availability begin and end: exact where the grain allows.
  const edges: number[] = [];
  task.forEach((i, a) => {
    if (fixed[a]) edges.push(sIdx[i] - base, fIdx[i] - base);
  });
  for (const r of resources)
    for (const w of [r.availableFrom, r.availableTo]) if (w !== null) edges.push(cal.index(w) - base);
  // About how long the leveled plan may run: the unleveled plan, and the busiest resource's work.
  let length = 0;
  for (const i of task) length = Math.max(length, fIdx[i] - base);
  const work = new Float64Array(resources.length);
  task.forEach((i, a) => {
    for (const asg of tasks[i].resources) {
      const k = resourceIndex.get(asg.resource.toLowerCase());
      if (k !== undefined) work[k] += (durMin[a] * Math.min(asg.units, resources[k].maxUnits)) / resources[k].maxUnits;
    }
  });
  length += Math.max(0, ...work);
  const grain = grainOf(task, fixed, durMin, distance, sIdx, base, resources.length, edges, length);
  const up = (x: number) => Math.ceil(x / grain);

  const successors: number[][] = Array.from({ length: m }, () => []);
  const delays: number[][] = Array.from({ length: m }, () => []);
  for (const [key, d] of distance) {
    const a = Math.floor(key / m);
    successors[a].push(key - a * m);
    delays[a].push(Math.sign(d) * up(Math.abs(d)));
  }
  const durations: number[] = [];
  const releases: number[] = [];
  task.forEach((i, a) => {
    if (fixed[a]) {
      const from = Math.floor((sIdx[i] - base) / grain);
      releases.push(from);
      durations.push(up(fIdx[i] - base) - from);
    } else {
      releases.push(up(sIdx[i] - base));
      durations.push(up(durMin[a]));
    }
  });
  const capacities = resources.map((r) => Math.max(1, Math.round(r.maxUnits * UNIT_SCALE)));
  const requests = task.map((i) => {
    const row = new Array<number>(resources.length).fill(0);
    for (const asg of tasks[i].resources) {
      const k = resourceIndex.get(asg.resource.toLowerCase());
      if (k !== undefined && asg.units > 0) row[k] += Math.round(asg.units * UNIT_SCALE);
    }
    return row.map((q, k) => Math.min(q, capacities[k])); // above Max Units alone: warned, not levelable
  });
  const unavailable: Problem['unavailable'] = [];
  resources.forEach((r, k) => {
    if (r.availableFrom !== null) unavailable.push({ resource: k, from: 0, to: up(cal.index(r.availableFrom) - base) });
    if (r.availableTo !== null)
      unavailable.push({
        resource: k,
        from: Math.max(0, Math.floor((cal.index(r.availableTo) - base) / grain)),
        to: Infinity,
      });
  });
  return {
    problem: { durations, successors, delays, capacities, requests, releases, fixed, unavailable },
    task,
    base,
    grain,
    order: levelingOrder(plan.settings.levelingOrder, task, tasks, sIdx, current.totalFloat),
  };
}

/**
 * The grain of time the leveler works in, in working minutes: the largest that divides every
 * movable task's duration, link distance and unleveled start (then leveling is exact), or without
 * the starts (a start is then rounded up to the grain), or coarser still (durations and distances
 * rounded up) when the plan is too long for the model's size at that grain. `length` is about how
 * long the leveled plan runs (working minutes): the tables hold twice that.
 */
function grainOf(
  task: number[],
  fixed: boolean[],
  durMin: number[],
  distance: Map<number, number>,
  sIdx: Float64Array,
  base: number,
  resources: number,
  edges: number[],
  length: number,
): number {
  let g = 0;
  task.forEach((_, a) => {
    if (!fixed[a]) g = gcd(g, durMin[a]);
  });
  for (const d of distance.values()) g = gcd(g, d);
  let exact = g;
  task.forEach((i, a) => {
    if (!fixed[a]) exact = gcd(exact, sIdx[i] - base);
  });
  for (const edge of edges) if (edge > 0) exact = gcd(exact, edge);
  const cells = (grain: number) => ((2 * length) / grain + 64) * Math.max(1, resources);
  if (exact > 0 && cells(exact) <= MAX_CELLS) return exact;
  if (g > 0 && cells(g) <= MAX_CELLS) return g;
  const unit = Math.max(1, g);
  return unit * Math.max(1, Math.ceil(cells(unit) / MAX_CELLS));
}

/** Activities in the order the Leveling Order gives resources to: those after yield to those before. */
function levelingOrder(
  order: LevelingOrder,
  task: number[],
  tasks: readonly PlanTask[],
  sIdx: Float64Array,
  totalFloat: Int32Array,
): number[] {
  const standard = (a: number, b: number) => {
    const [i, j] = [task[a], task[b]];
    return sIdx[i] - sIdx[j] || totalFloat[i] - totalFloat[j] || tasks[j].priority - tasks[i].priority || i - j;
  };
  const list = task.map((_, a) => a);
  if (order === 'id-only') return list;
  if (order === 'priority-standard')
    return list.sort((a, b) => tasks[task[b]].priority - tasks[task[a]].priority || standard(a, b));
  return list.sort(standard);
}

/** Schedules to decode, from the model's size: fewer for a larger plan, so that it stays within about a second. */
export function scheduleBudget(problem: Problem): number {
  let work = problem.durations.length;
  problem.successors.forEach((s) => (work += s.length));
  problem.requests.forEach((row, a) => {
    const booked = row.filter((q) => q > 0).length;
    work += booked * problem.durations[a];
  });
  return Math.max(MIN_SCHEDULES, Math.min(MAX_SCHEDULES, Math.floor(BUDGET_WORK / Math.max(1, work))));
}

/**
 * Levels a scheduled plan: the schedule with each task the leveler delayed starting no earlier
 * than its leveled date, with `leveling` saying what was delayed and why. Deterministic: the same
 * plan gives the same dates (the search is bounded by a number of schedules, not by time).
 */
export function levelSchedule(
  plan: Plan,
  cal: WorkCalendar,
  unleveled: ScheduleResult,
  options: LevelOptions = {},
): ScheduleResult {
  // The leveler's time: the project calendar's working minutes, or, where tasks work calendars of
  // their own (a night shift), the minutes any calendar of the plan works, so that no task's work
  // falls outside it.
  const axis = unleveled.timeline ?? cal;
  // ALAP tasks stay where the unleveled plan put them (leveling may not move them; their late dates
  // would follow its later finish, and drag what they drive along).
  const alapAt = new Map<number, Wall>();
  plan.tasks.forEach((t, i) => {
    if (t.constraint === 'ALAP' && !t.isSummary) alapAt.set(i, unleveled.start[i]);
  });
  let schedules = 0;
  let grain = 0;
  const issues: Issue[] = [];
  /** The movable tasks of each over-allocation left in a schedule. */
  const movableLeft = (r: ScheduleResult) =>
    findOverallocations(plan, r).map((o) => o.tasks.filter((t) => !fixedReason(plan.tasks[t])));

  /**
   * Rounds of leveling from the unleveled dates. With `linkedFree`, the first round bounds only
   * the tasks the leveler held back for resources, not those its links place (fewer, truer
   * delays); without, every task it moved.
   */
  const rounds = (linkedFree: boolean): ScheduleResult => {
    const bounds = new Map<number, Wall>();
    let current = unleveled;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const model = buildModel(plan, axis, current);
      if (!model) break;
      let net;
      try {
        net = networkOf(model.problem);
      } catch (e) {
        if (!(e instanceof ProblemError)) throw e;
        if (issues.length === 0)
          issues.push({
            severity: 'warning',
            message: `Leveling could not run: ${e.message}.`,
            at: sheetLocation(plan.sheetNames.settings),
          });
        break;
      }
      const solution = solve(net, {
        seed: options.seed ?? 1,
        maxSchedules: options.maxSchedules ?? scheduleBudget(model.problem),
        seedLists: [model.order],
        // The earliest-placed in the order gets the earlier start: those after it yield.
        prefer: (a, b) => {
          for (const x of model.order) if (a[x] !== b[x]) return a[x] - b[x];
          return 0;
        },
      });
      schedules += solution.schedules;
      grain = model.grain;
      let moved = false;
      // Where the leveler put each movable task (never before where it was).
      const wanted = model.task.map((i, a) =>
        Math.max(model.base + solution.starts[a] * model.grain, axis.index(current.start[i])),
      );
      model.task.forEach((i, a) => {
        // Only where the leveler held the task back for resources: at its release (a start rounded up
        // to the grain is no delay) or, in the first round, right after its predecessors in the
        // model, its links place it. (Later rounds bound every task they move: where the model's
        // durations were only close, the links alone placed some too early.)
        let linked = net.release[a];
        if (linkedFree && round === 0)
          for (let y = net.predStart[a]; y < net.predStart[a + 1]; y++)
            linked = Math.max(linked, solution.starts[net.pred[y]] + net.predDelay[y]);
        if (net.fixed[a] || solution.starts[a] <= linked || wanted[a] <= axis.index(current.start[i])) return;
        const wall = axis.startWall(wanted[a]);
        if (wall > (bounds.get(i) ?? -Infinity)) {
          bounds.set(i, wall);
          moved = true;
        }
      });
      if (!moved) break;
      const taskCalendars = unleveled.taskCalendars;
      current = scheduleInput(plan, cal, readScheduleInput(plan.tasks, cal, taskCalendars), {
        levelStart: bounds,
        taskCalendars,
        alapAt,
      });
      if (!current.leveling) break; // a run stopped by an error: nothing more to level
      // Again where the scheduler placed a task later than the leveler did, or where movable tasks
      // still overlap (its model was only close: elapsed time, calendars of their own, a coarse
      // grain); not for what only the fixed tasks over-book.
      const later = model.task.some((i, a) => !net.fixed[a] && axis.index(current.start[i]) > wanted[a]);
      if (!movableLeft(current).some((movable) => movable.length >= 2 || (later && movable.length > 0))) break;
    }
    return current;
  };
  let current = rounds(true);
  // Movable tasks still over-booking a resource together: again, bounding every task it moves.
  if (movableLeft(current).some((movable) => movable.length >= 2)) current = rounds(false);
  if (current === unleveled) {
    current = { ...unleveled, leveling: { delay: new Map(), reasons: new Map(), schedules, grain } };
  }
  const delay = current.leveling!.delay;
  current.leveling = { delay, reasons: reasonsOf(plan, axis, current, delay), schedules, grain };
  current.issues.push(...issues);
  return current;
}

/** Why each delayed task waits: the resource, and the task it waits for (the last to finish on it before). */
function reasonsOf(
  plan: Plan,
  cal: WorkCalendar,
  result: ScheduleResult,
  delay: ReadonlyMap<number, number>,
): Map<number, string> {
  const reasons = new Map<number, string>();
  const defs = new Map(plan.resources.map((r) => [r.name.toLowerCase(), r]));
  const byResource = bookingsByResource(plan, result);
  for (const i of delay.keys()) {
    const s = cal.index(result.start[i]);
    let text = '';
    let latest = -Infinity;
    for (const a of plan.tasks[i].resources) {
      const def = defs.get(a.resource.toLowerCase());
      if (!def || def.type === 'Material') continue;
      // The task on this resource that finished last by the time this one starts.
      for (const { task: b, finish } of byResource.get(def.name.toLowerCase()) ?? []) {
        const f = cal.index(finish);
        if (b === i || f > s || f <= latest) continue;
        latest = f;
        text = `waiting for ${def.name}, busy on ${clip(plan.tasks[b].id)} until ${formatMoment(finish)}`;
      }
      if (def.availableFrom !== null && cal.index(def.availableFrom) >= s && latest < s) {
        latest = s;
        text = `waiting for ${def.name}, available from ${formatMoment(cal.snapStart(def.availableFrom))}`;
      }
    }
    reasons.set(i, `delayed by leveling${text ? `: ${text}` : ''}`);
  }
  return reasons;
}

/** The schedule leveled where the plan's Settings ask for it (Leveling On); as it is otherwise, or when it has errors. */
export function levelIfAsked(plan: Plan, result: ScheduleResult, options: LevelOptions = {}): ScheduleResult {
  if (!plan.settings.leveling || result.issues.some((i) => i.severity === 'error')) return result;
  return levelSchedule(plan, result.calendar, result, options);
}
