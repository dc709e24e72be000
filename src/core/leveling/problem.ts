/**
 * The resource-constrained scheduling problem the leveler solves, in integer periods: activities
 * with durations, finish-to-start precedences and requests on renewable resources of fixed
 * capacity. PSPLIB instances are read into it as they are; a workbook's tasks are mapped onto it
 * (periods of working time) by the caller. Activity 0 may be a dummy source and the last a dummy
 * sink, as in PSPLIB, but nothing here requires it.
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
  predStart: Int32Array;
  pred: Int32Array;
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

/** Checks a problem and builds its network; a cycle, an unknown activity or a request above capacity is an error. */
export function networkOf(p: Problem): Network {
  const n = p.durations.length;
  const k = p.capacities.length;
  if (p.successors.length !== n || p.requests.length !== n)
    throw new ProblemError('one duration, successor list and request list per activity');
  const preds: number[][] = Array.from({ length: n }, () => []);
  p.successors.forEach((list, j) => {
    for (const s of list) {
      if (!Number.isInteger(s) || s < 0 || s >= n)
        throw new ProblemError(`activity ${j + 1} has an unknown successor ${s + 1}`);
      preds[s].push(j);
    }
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
    for (let y = q.start[j]; y < q.start[j + 1]; y++) t = Math.max(t, es[q.items[y]] + dur[q.items[y]]);
    es[j] = t;
    cp = Math.max(cp, t + dur[j]);
  }
  const lf = new Int32Array(n).fill(cp);
  for (let x = n - 1; x >= 0; x--) {
    const j = topo[x];
    for (let y = s.start[j]; y < s.start[j + 1]; y++) lf[j] = Math.min(lf[j], lf[s.items[y]] - dur[s.items[y]]);
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
    latest = Math.max(latest, release[j]);
  }
  return {
    n,
    k,
    dur,
    req,
    cap,
    release,
    succStart: s.start,
    succ: s.items,
    predStart: q.start,
    pred: q.items,
    topo,
    es,
    lf,
    criticalPath: cp,
    lowerBound: lb,
    horizon: latest + total + 1,
  };
}

/** Whether a schedule keeps every precedence, release and capacity; the first fault in words otherwise. */
export function scheduleFault(net: Network, starts: ArrayLike<number>): string | null {
  const { n, k, dur, req, cap } = net;
  let end = 0;
  for (let j = 0; j < n; j++) {
    if (!Number.isInteger(starts[j]) || starts[j] < net.release[j]) return `activity ${j + 1} starts before it may`;
    end = Math.max(end, starts[j] + dur[j]);
    for (let x = net.succStart[j]; x < net.succStart[j + 1]; x++)
      if (starts[net.succ[x]] < starts[j] + dur[j])
        return `activity ${net.succ[x] + 1} starts before activity ${j + 1} finishes`;
  }
  const use = new Int32Array((end + 1) * k);
  for (let j = 0; j < n; j++)
    for (let t = starts[j]; t < starts[j] + dur[j]; t++)
      for (let r = 0; r < k; r++) {
        use[t * k + r] += req[j * k + r];
        if (use[t * k + r] > cap[r]) return `resource ${r + 1} is over its capacity in period ${t}`;
      }
  return null;
}
