/**
 * The resource-constrained scheduling problem the leveler solves, in integer periods: activities
 * with durations, precedences and requests on renewable resources. PSPLIB instances are read into
 * it as they are (finish-to-start precedences, fixed capacities); a workbook's tasks are mapped onto
 * it by `level-plan.ts` (periods of working time, links of every type with their lags as minimum
 * start-to-start distances, started and pinned tasks fixed, availability windows as stretches of
 * no capacity). Activity 0 may be a dummy source and the last a dummy sink, as in PSPLIB, but
 * nothing here requires it.
 */
export interface Problem {
  /** Duration of each activity in periods (0 for a milestone). */
  durations: number[];
  /** For each activity, the activities that may start only once it has finished. */
  successors: number[][];
  /** Capacity of each resource per period. */
  capacities: number[];
  /** requests[j][k]: units of resource k activity j holds during each of its periods. */
  requests: number[][];
  /** Earliest start of each activity (release dates, a started task's date); 0 when absent. */
  releases?: number[];
  /**
   * delays[j][x]: the successor successors[j][x] starts at least this many periods after activity
   * j starts (a finish-to-start link is j's duration, the default; a start-to-start link with a lag
   * is the lag; a lead makes it smaller, even negative).
   */
  delays?: number[][];
  /** Activities that start at their release whatever else happens (started, pinned): never moved. */
  fixed?: boolean[];
  /** Stretches of periods [from, to) in which a resource has no capacity at all. */
  unavailable?: { resource: number; from: number; to: number }[];
}

/** The problem in flat typed arrays, with predecessors, a topological order and its bounds. */
export interface Network {
  n: number;
  k: number;
  dur: Int32Array;
  /** requests, activity-major: req[j * k + r]. */
  req: Int32Array;
  cap: Int32Array;
  release: Int32Array;
  succStart: Int32Array;
  succ: Int32Array;
  /** Minimum distance from an activity's start to each successor's start (aligned with succ). */
  succDelay: Int32Array;
  predStart: Int32Array;
  pred: Int32Array;
  /** Minimum distance from each predecessor's start to the activity's start (aligned with pred). */
  predDelay: Int32Array;
  /** 1 where the activity is fixed at its release. */
  fixed: Uint8Array;
  /**
   * The units of each resource free for the movable activities in each period 0..freeLength - 1,
   * resource-major (free[r * freeLength + t]): capacity, less unavailable stretches and the fixed
   * activities' requests (never below 0); from freeLength on, freeTail[r] (the capacity, or 0 for
   * a resource gone for good). Null when it is the capacity throughout.
   */
  free: Int32Array | null;
  freeLength: number;
  freeTail: Int32Array;
  /** A topological order of the activities. */
  topo: Int32Array;
  /** Earliest starts and latest finishes ignoring resources (latest against the critical path). */
  es: Int32Array;
  lf: Int32Array;
  /** The critical-path length (release dates included): a lower bound on the makespan. */
  criticalPath: number;
  /** A lower bound on the makespan: the critical path, or the work of a resource over its capacity. */
  lowerBound: number;
  /** A horizon no schedule of the serial scheme exceeds: the sum of durations after the latest release. */
  horizon: number;
}

export class ProblemError extends Error {}

function flatten(lists: number[][], n: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) start[j + 1] = start[j] + lists[j].length;
  const items = new Int32Array(start[n]);
  for (let j = 0; j < n; j++) items.set(lists[j], start[j]);
  return { start, items };
}

/** The start-to-start distance of the x-th successor link of j. */
function delayOf(p: Problem, j: number, x: number): number {
  const d = p.delays?.[j]?.[x];
  if (d === undefined) return p.durations[j];
  if (!Number.isInteger(d)) throw new ProblemError(`activity ${j + 1} has a link that is no whole number of periods`);
  return d;
}

/** Checks a problem and builds its network; a cycle, an unknown activity or a request above capacity is an error. */
export function networkOf(p: Problem): Network {
  const n = p.durations.length;
  const k = p.capacities.length;
  if (p.successors.length !== n || p.requests.length !== n)
    throw new ProblemError('one duration, successor list and request list per activity');
  const preds: number[][] = Array.from({ length: n }, () => []);
  const predDelays: number[][] = Array.from({ length: n }, () => []);
  const succDelays: number[][] = Array.from({ length: n }, () => []);
  p.successors.forEach((list, j) => {
    list.forEach((s, x) => {
      if (!Number.isInteger(s) || s < 0 || s >= n)
        throw new ProblemError(`activity ${j + 1} has an unknown successor ${s + 1}`);
      preds[s].push(j);
      predDelays[s].push(delayOf(p, j, x));
      succDelays[j].push(delayOf(p, j, x));
    });
  });
  const req = new Int32Array(n * k);
  for (let j = 0; j < n; j++) {
    const d = p.durations[j];
    if (!Number.isInteger(d) || d < 0)
      throw new ProblemError(`activity ${j + 1} has a duration that is no whole number of periods`);
    for (let r = 0; r < k; r++) {
      const q = p.requests[j][r] ?? 0;
      if (!Number.isInteger(q) || q < 0)
        throw new ProblemError(`activity ${j + 1} requests no whole number of resource ${r + 1}`);
      if (q > p.capacities[r] && d > 0)
        throw new ProblemError(`activity ${j + 1} requests ${q} of resource ${r + 1}, which has ${p.capacities[r]}`);
      req[j * k + r] = q;
    }
  }
  const s = flatten(p.successors, n);
  const q = flatten(preds, n);
  const succDelay = flatten(succDelays, n).items;
  const predDelay = flatten(predDelays, n).items;
  const fixed = new Uint8Array(n);
  if (p.fixed) for (let j = 0; j < n; j++) fixed[j] = p.fixed[j] ? 1 : 0;
  // Kahn's order: smallest index first among the ready, so that it is deterministic.
  const indeg = new Int32Array(n);
  for (let j = 0; j < n; j++) indeg[j] = q.start[j + 1] - q.start[j];
  const topo = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let j = 0; j < n; j++) if (indeg[j] === 0) topo[tail++] = j;
  while (head < tail) {
    const j = topo[head++];
    for (let x = s.start[j]; x < s.start[j + 1]; x++) if (--indeg[s.items[x]] === 0) topo[tail++] = s.items[x];
  }
  if (tail < n) throw new ProblemError('the precedences form a loop');
  const dur = Int32Array.from(p.durations);
  const release = new Int32Array(n);
  if (p.releases) for (let j = 0; j < n; j++) release[j] = Math.max(0, p.releases[j] ?? 0);
  const es = new Int32Array(n);
  let cp = 0;
  for (let x = 0; x < n; x++) {
    const j = topo[x];
    let t = release[j];
    if (!fixed[j]) for (let y = q.start[j]; y < q.start[j + 1]; y++) t = Math.max(t, es[q.items[y]] + predDelay[y]);
    es[j] = t;
    cp = Math.max(cp, t + dur[j]);
  }
  const lf = new Int32Array(n).fill(cp);
  for (let x = n - 1; x >= 0; x--) {
    const j = topo[x];
    for (let y = s.start[j]; y < s.start[j + 1]; y++) {
      const t = s.items[y];
      lf[j] = Math.min(lf[j], lf[t] - dur[t] - succDelay[y] + dur[j]);
    }
  }
  let lb = cp;
  const cap = Int32Array.from(p.capacities);
  for (let r = 0; r < k; r++) {
    let work = 0;
    for (let j = 0; j < n; j++) work += dur[j] * req[j * k + r];
    if (cap[r] > 0) lb = Math.max(lb, Math.ceil(work / cap[r]));
  }
  let total = 0;
  let latest = 0;
  for (let j = 0; j < n; j++) {
    total += dur[j];
    latest = Math.max(latest, release[j] + (fixed[j] ? dur[j] : 0));
  }
  for (let x = 0; x < q.items.length; x++) total += Math.max(0, predDelay[x] - dur[q.items[x]]);
  for (const u of p.unavailable ?? []) {
    if (!Number.isInteger(u.resource) || u.resource < 0 || u.resource >= k || !(u.to >= u.from))
      throw new ProblemError(`an unavailable stretch of resource ${u.resource + 1} is not a range of periods`);
    latest = Math.max(latest, u.from, Number.isFinite(u.to) ? u.to : 0);
  }
  const horizon = latest + total + 1;
  const freeTail = Int32Array.from(cap);
  for (const u of p.unavailable ?? []) if (!Number.isFinite(u.to)) freeTail[u.resource] = 0;
  const freeLength = latest + 1;
  const free = freeProfile(p, k, cap, req, dur, release, fixed, freeLength);
  return {
    n,
    k,
    dur,
    req,
    cap,
    release,
    succStart: s.start,
    succ: s.items,
    succDelay,
    predStart: q.start,
    pred: q.items,
    predDelay,
    fixed,
    free,
    freeLength,
    freeTail,
    topo,
    es,
    lf,
    criticalPath: cp,
    lowerBound: lb,
    horizon,
  };
}

/** Capacity less unavailable stretches and fixed activities, per resource and period; null when none. */
function freeProfile(
  p: Problem,
  k: number,
  cap: Int32Array,
  req: Int32Array,
  dur: Int32Array,
  release: Int32Array,
  fixed: Uint8Array,
  periods: number,
): Int32Array | null {
  if (!p.unavailable?.length && !fixed.some((f) => f === 1)) return null;
  const free = new Int32Array(periods * k);
  for (let r = 0; r < k; r++) free.fill(cap[r], r * periods, (r + 1) * periods);
  for (const u of p.unavailable ?? []) {
    const from = Math.max(0, Math.min(periods, u.from));
    const to = Math.max(from, Math.min(periods, u.to));
    free.fill(0, u.resource * periods + from, u.resource * periods + to);
  }
  for (let j = 0; j < fixed.length; j++) {
    if (!fixed[j]) continue;
    for (let r = 0; r < k; r++) {
      const q = req[j * k + r];
      if (q === 0) continue;
      for (let t = release[j]; t < release[j] + dur[j] && t < periods; t++)
        free[r * periods + t] = Math.max(0, free[r * periods + t] - q);
    }
  }
  return free;
}

/**
 * Whether a schedule keeps every precedence, release and capacity; the first fault in words
 * otherwise. A fixed activity must start at its release; the precedences into it are not checked
 * (nothing may move it), nor two fixed activities' own conflicts.
 */
export function scheduleFault(net: Network, starts: ArrayLike<number>): string | null {
  const { n, k, dur, req, cap, fixed } = net;
  let end = 0;
  for (let j = 0; j < n; j++) {
    if (!Number.isInteger(starts[j]) || starts[j] < net.release[j]) return `activity ${j + 1} starts before it may`;
    if (fixed[j] && starts[j] !== net.release[j]) return `activity ${j + 1} is fixed and was moved`;
    end = Math.max(end, starts[j] + dur[j]);
    for (let x = net.succStart[j]; x < net.succStart[j + 1]; x++) {
      const s = net.succ[x];
      if (!fixed[s] && starts[s] < starts[j] + net.succDelay[x])
        return `activity ${s + 1} starts too soon after activity ${j + 1}`;
    }
  }
  const use = new Int32Array((end + 1) * k);
  for (let j = 0; j < n; j++) {
    if (fixed[j]) continue;
    for (let t = starts[j]; t < starts[j] + dur[j]; t++)
      for (let r = 0; r < k; r++) {
        use[t * k + r] += req[j * k + r];
        const limit = !net.free ? cap[r] : t < net.freeLength ? net.free[r * net.freeLength + t] : net.freeTail[r];
        if (req[j * k + r] > 0 && use[t * k + r] > limit)
          return `resource ${r + 1} is over its capacity in period ${t}`;
      }
  }
  return null;
}
