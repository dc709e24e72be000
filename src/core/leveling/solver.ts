/**
 * The leveler: a genetic algorithm over activity lists, each decoded by the serial schedule
 * generation scheme and improved by forward-backward justification (Hartmann 1998; Valls,
 * Ballestín and Quintanilla 2005 and 2008). It is deterministic for a seed and a schedule budget;
 * a time limit, when the caller gives a clock, only ends it sooner.
 *
 * - An individual is a precedence-feasible order of the activities. The serial scheme takes them in
 *   that order, each at the earliest period its predecessors, its release and the resources allow.
 * - Justification moves every activity as late as it can go in the order of its finish, then as
 *   early as it can go in the order of the new starts: the makespan never grows, and usually
 *   shrinks. The improved order goes back into the individual.
 * - The first population comes from the caller's orders (a workbook's Leveling Order) and the
 *   latest-finish rule, then biased random sampling on it; then peak or two-point crossover, a
 *   mutation that moves one activity within the room its links leave it, and the best of parents
 *   and children survive, one of each schedule. A population that stops improving is started
 *   again around the best order found.
 */
import { Network } from './problem';

export interface SolveOptions {
  /** Seed of the pseudo-random numbers: the same seed and budget give the same schedule. */
  seed?: number;
  /** Schedules decoded at most (each justification pass counts as one). Default 50,000. */
  maxSchedules?: number;
  /** Milliseconds, measured on `clock`: the search ends when they are spent, whatever the budget. */
  timeLimitMs?: number;
  clock?: () => number;
  /** Orders to start from (each a permutation of the activities; made precedence-feasible here). */
  seedLists?: number[][];
  /** Individuals per population. Default: from the network's size. */
  population?: number;
  /** Tuning knobs (defaults measured on PSPLIB samples; see docs/performance.md). */
  tuning?: Partial<Tuning>;
  /**
   * Among schedules of one makespan, whether `a` is preferred to `b` (negative), as a workbook's
   * Leveling Order says which task yields; the first found is kept otherwise. Each seed list is
   * also decoded as it is, unjustified, so that the order's own schedule is a candidate.
   */
  prefer?: (a: Int32Array, b: Int32Array) => number;
}

export interface Tuning {
  /** Probability that two neighbours in a child's order swap. */
  mutation: number;
  /** Generations without a better schedule before the population starts again. */
  restartAfter: number;
  /** Whether a restart keeps the best order (and mutations of it) or starts afresh. */
  restartAroundBest: boolean;
  /** Largest number of justification passes per child. */
  passes: number;
  /** Individuals per activity (the population is this times the activities, between 20 and `maxPopulation`). */
  populationFactor: number;
  maxPopulation: number;
  /** Share of children made by the peak crossover (the rest by two-point crossover). */
  peak: number;
  /** Probability that a child has one activity moved to another place its precedences allow. */
  shift: number;
}

const TUNING: Tuning = {
  mutation: 0,
  restartAfter: 15,
  restartAroundBest: true,
  passes: 4,
  populationFactor: 0.75,
  maxPopulation: 90,
  peak: 0.7,
  shift: 1,
};

export interface Solution {
  starts: Int32Array;
  makespan: number;
  /** Schedules decoded. */
  schedules: number;
  /** Whether the makespan equals the network's lower bound (the search stopped there). */
  provenOptimal: boolean;
}

/** Most cells (resources x periods) a decoder's table may hold: three tables of 4 bytes each. */
const MAX_DECODER_CELLS = 8_000_000;
/**
 * Above this many activities, biased random sampling draws random keys (n log n) instead of
 * weighing every eligible activity at each step (n x eligible): PSPLIB's instances (up to 122)
 * keep the method they were tuned with.
 */
const SAMPLE_BY_KEYS = 200;

/** A small, fast, seedable generator (mulberry32). */
export function randomGenerator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Serial schedule generation over a network, forward or on its reverse. Keeps each resource's free
 * units per period (resource-major, so that a span is contiguous) and each activity's non-zero
 * requests only; reuses its buffers.
 */
class Decoder {
  /**
   * Free units per resource and period, resource-major with `periods` per resource: forward
   * (from the network's profile), its untouched copy to reset from, and backward (capacity).
   * They start at about twice the lower bound and grow when a schedule runs past them.
   */
  private freeForward: Int32Array;
  private baseForward: Int32Array;
  private freeBackward: Int32Array;
  private periods: number;
  /** Each activity's non-zero requests: resources `nzRes[nzStart[j]..nzStart[j+1])` and their units. */
  readonly nzStart: Int32Array;
  readonly nzRes: Int32Array;
  readonly nzQty: Int32Array;
  /** Backward, the distance from each successor's reversed start (aligned with the network's succ). */
  private readonly backDelay: Int32Array;
  schedules = 0;

  constructor(private readonly net: Network) {
    const { n, k, req } = net;
    this.periods = 0;
    this.freeForward = this.baseForward = this.freeBackward = new Int32Array(0);
    this.resize(Math.min(net.horizon + 1, Math.max(net.freeLength, 2 * net.lowerBound + 64)));
    this.nzStart = new Int32Array(n + 1);
    const res: number[] = [];
    const qty: number[] = [];
    for (let j = 0; j < n; j++) {
      for (let r = 0; r < k; r++)
        if (req[j * k + r] > 0 && net.dur[j] > 0) {
          res.push(r);
          qty.push(req[j * k + r]);
        }
      this.nzStart[j + 1] = res.length;
    }
    this.nzRes = Int32Array.from(res);
    this.nzQty = Int32Array.from(qty);
    // S'j >= S's + d(s) - d(j) + delay, in reversed time, for a link j -> s.
    this.backDelay = new Int32Array(net.succ.length);
    for (let j = 0; j < n; j++)
      for (let y = net.succStart[j]; y < net.succStart[j + 1]; y++)
        this.backDelay[y] = net.dur[net.succ[y]] - net.dur[j] + net.succDelay[y];
  }

  /** Gives the tables `periods` periods per resource, keeping what they hold. */
  private resize(periods: number): void {
    const { k, cap, free, freeLength, freeTail } = this.net;
    const old = this.periods;
    const grow = (from: Int32Array, fill: (r: number) => number): Int32Array => {
      const out = new Int32Array(periods * k);
      for (let r = 0; r < k; r++) {
        out.set(from.subarray(r * old, r * old + old), r * periods);
        out.fill(fill(r), r * periods + old, (r + 1) * periods);
      }
      return out;
    };
    const tail = (r: number) => freeTail[r];
    this.freeBackward = grow(this.freeBackward, (r) => cap[r]);
    this.freeForward = grow(this.freeForward, tail);
    this.baseForward = grow(this.baseForward, tail);
    if (old === 0 && free) {
      // The network's profile, over the periods it covers.
      const m = Math.min(freeLength, periods);
      for (let r = 0; r < k; r++) {
        this.freeForward.set(free.subarray(r * freeLength, r * freeLength + m), r * periods);
        this.baseForward.set(free.subarray(r * freeLength, r * freeLength + m), r * periods);
      }
    }
    this.periods = periods;
  }

  /** Doubles the tables, within the horizon and MAX_DECODER_CELLS; false when they may not grow. */
  private grow(): boolean {
    const next = Math.min(this.net.horizon + 1, this.periods * 2);
    if (next <= this.periods || next * this.net.k > MAX_DECODER_CELLS) return false;
    this.resize(next);
    return true;
  }

  /**
   * Decodes `list` into `starts` and returns the makespan. Backward, the network is reversed
   * (successors first), releases, fixed activities and unavailable stretches are not applied: the
   * times are reversed times, and serve only to order the activities.
   */
  decode(list: Int32Array, starts: Int32Array, backward: boolean): number {
    this.schedules++;
    const { n, dur, release, fixed } = this.net;
    const first = backward ? this.net.succStart : this.net.predStart;
    const items = backward ? this.net.succ : this.net.pred;
    const delay = backward ? this.backDelay : this.net.predDelay;
    const { nzStart, nzRes, nzQty } = this;
    let free = backward ? this.freeBackward : this.freeForward;
    let periods = this.periods;
    let makespan = 0;
    for (let x = 0; x < n; x++) {
      const j = list[x];
      const d = dur[j];
      let t: number;
      if (!backward && fixed[j] === 1) {
        t = release[j]; // its resources are held in the profile already
      } else {
        t = backward ? 0 : release[j];
        for (let y = first[j]; y < first[j + 1]; y++)
          if (starts[items[y]] + delay[y] > t) t = starts[items[y]] + delay[y];
        const a = nzStart[j];
        const b = nzStart[j + 1];
        if (a < b) {
          const earliest = t;
          for (;;) {
            // Earliest t where the whole span fits: scan the span from its end, jump past any conflict.
            for (let tau = t + d - 1; tau >= t && t + d < periods; tau--) {
              for (let z = a; z < b; z++) {
                if (free[nzRes[z] * periods + tau] < nzQty[z]) {
                  t = tau + 1;
                  tau = t + d; // the loop's decrement starts the new span at its end
                  break;
                }
              }
            }
            if (t + d < periods || !this.grow()) break;
            free = backward ? this.freeBackward : this.freeForward;
            periods = this.periods;
          }
          if (t + d >= periods) {
            t = earliest; // it fits nowhere (a resource gone for good): left where it may start, over capacity
          } else {
            for (let z = a; z < b; z++) {
              const row = nzRes[z] * periods;
              const q = nzQty[z];
              for (let tau = t; tau < t + d; tau++) free[row + tau] -= q;
            }
          }
        }
      }
      starts[j] = t;
      if (t + d > makespan) makespan = t + d;
    }
    this.reset(free, backward, makespan);
    return makespan;
  }

  /** Gives back the units the decode took, up to its makespan. */
  private reset(free: Int32Array, backward: boolean, makespan: number): void {
    const { k, cap } = this.net;
    const periods = this.periods;
    const to = Math.min(periods, makespan + 1);
    for (let r = 0; r < k; r++) {
      if (backward) free.fill(cap[r], r * periods, r * periods + to);
      else free.set(this.baseForward.subarray(r * periods, r * periods + to), r * periods);
    }
  }
}

/**
 * Activities by a key, ascending (a counting sort over reused buffers): the caller sets each
 * activity's key in `keys`, between 0 and the horizon. Ties keep their order in `order`, or its
 * reverse with `reverseTies`: a list stays precedence-feasible when a milestone ties with the
 * activity it follows.
 */
class KeySort {
  readonly keys: Int32Array;
  private readonly count: Int32Array;

  constructor(n: number, horizon: number) {
    this.keys = new Int32Array(n);
    this.count = new Int32Array(horizon + 2);
  }

  sort(order: Int32Array, out: Int32Array, reverseTies: boolean): void {
    const { keys, count } = this;
    const n = order.length;
    let max = 0;
    for (let x = 0; x < n; x++) if (keys[order[x]] > max) max = keys[order[x]];
    count.fill(0, 0, max + 2);
    for (let x = 0; x < n; x++) count[keys[order[x]] + 1]++;
    for (let t = 0; t <= max; t++) count[t + 1] += count[t];
    if (reverseTies) for (let x = n - 1; x >= 0; x--) out[count[keys[order[x]]]++] = order[x];
    else for (let x = 0; x < n; x++) out[count[keys[order[x]]]++] = order[x];
  }
}

/**
 * Precedence-feasible lists by a key, in n log n: each activity as soon as its predecessors
 * (backward: its successors) are placed, the eligible one with the smallest key first. `apply`
 * repairs a list, keeping its order where the links allow: needed where links are not plain
 * finish-to-start, for a successor may then start before its predecessor does, and a list ordered
 * by start times need not follow the links.
 */
class TopoOrder {
  private readonly rank: Int32Array;
  private readonly waiting: Int32Array;
  private readonly heap: Int32Array;
  private readonly out: Int32Array;

  constructor(private readonly net: Network) {
    this.rank = new Int32Array(net.n);
    this.waiting = new Int32Array(net.n);
    this.heap = new Int32Array(net.n);
    this.out = new Int32Array(net.n);
  }

  /** Whether lists need repairs: some link other than finish-to-start without lag. */
  static needed(net: Network): boolean {
    for (let j = 0; j < net.n; j++)
      for (let y = net.predStart[j]; y < net.predStart[j + 1]; y++)
        if (net.predDelay[y] !== net.dur[net.pred[y]]) return true;
    return false;
  }

  /** Reorders `list` in place. */
  apply(list: Int32Array, backward: boolean): void {
    const rank = this.rank;
    for (let x = 0; x < list.length; x++) rank[list[x]] = x;
    list.set(this.order(rank, backward));
  }

  /** The activities in a precedence-feasible order, the eligible one with the smallest key first. */
  order(key: ArrayLike<number>, backward = false): Int32Array {
    const { n } = this.net;
    const { waiting, heap, out } = this;
    const inStart = backward ? this.net.succStart : this.net.predStart;
    const outStart = backward ? this.net.predStart : this.net.succStart;
    const outItems = backward ? this.net.pred : this.net.succ;
    let size = 0;
    const push = (j: number) => {
      let c = size++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (key[heap[parent]] <= key[j]) break;
        heap[c] = heap[parent];
        c = parent;
      }
      heap[c] = j;
    };
    const pop = (): number => {
      const top = heap[0];
      const last = heap[--size];
      let c = 0;
      for (;;) {
        let child = 2 * c + 1;
        if (child >= size) break;
        if (child + 1 < size && key[heap[child + 1]] < key[heap[child]]) child++;
        if (key[heap[child]] >= key[last]) break;
        heap[c] = heap[child];
        c = child;
      }
      heap[c] = last;
      return top;
    };
    for (let j = 0; j < n; j++) {
      waiting[j] = inStart[j + 1] - inStart[j];
      if (waiting[j] === 0) push(j);
    }
    for (let x = 0; x < n; x++) {
      const j = pop();
      out[x] = j;
      for (let y = outStart[j]; y < outStart[j + 1]; y++) if (--waiting[outItems[y]] === 0) push(outItems[y]);
    }
    return out.slice();
  }
}

interface Individual {
  list: Int32Array;
  makespan: number;
  /** The schedule the list decodes to (after justification). */
  starts: Int32Array;
}

/** Solves the network: the best schedule found within the budget. */
export function solve(net: Network, options: SolveOptions = {}): Solution {
  const { n } = net;
  const tuning = { ...TUNING, ...options.tuning };
  const random = randomGenerator(options.seed ?? 1);
  const maxSchedules = options.maxSchedules ?? 50_000;
  const clock = options.clock;
  const deadline = clock && options.timeLimitMs !== undefined ? clock() + options.timeLimitMs : Infinity;
  const decoder = new Decoder(net);
  const starts = new Int32Array(n);
  const back = new Int32Array(n);
  const scratch = new Int32Array(n);
  const sorter = new KeySort(n, net.horizon);
  const keys = sorter.keys;
  const dur = net.dur;
  const topoOrder = new TopoOrder(net);
  const repair = TopoOrder.needed(net) ? topoOrder : null;
  const best: Individual = {
    list: net.topo.slice(),
    makespan: Infinity,
    starts: new Int32Array(n),
  };
  const done = () =>
    best.makespan <= net.lowerBound ||
    decoder.schedules >= maxSchedules ||
    (clock !== undefined && clock() >= deadline);

  /** Decodes and justifies a list in place (the list becomes the order of the improved starts); its makespan. */
  const evaluate = (list: Int32Array): number => {
    let makespan = decoder.decode(list, starts, false);
    for (let pass = 0; pass < tuning.passes; pass++) {
      // Right: latest finish first; then left: earliest (right-justified) start first.
      for (let j = 0; j < n; j++) keys[j] = makespan - starts[j] - dur[j];
      sorter.sort(list, scratch, true);
      repair?.apply(scratch, true);
      const reversedSpan = decoder.decode(scratch, back, true);
      for (let j = 0; j < n; j++) keys[j] = reversedSpan - back[j] - dur[j];
      sorter.sort(scratch, list, true);
      repair?.apply(list, false);
      const improved = decoder.decode(list, starts, false);
      if (improved >= makespan) {
        makespan = Math.min(makespan, improved);
        break;
      }
      makespan = improved;
    }
    keys.set(starts);
    sorter.sort(list, scratch, false);
    list.set(scratch);
    repair?.apply(list, false);
    offer(list, makespan);
    return makespan;
  };

  /** Keeps the schedule in `starts` if it is the best so far. */
  const offer = (list: Int32Array, makespan: number): void => {
    if (
      makespan < best.makespan ||
      (makespan === best.makespan && options.prefer !== undefined && options.prefer(starts, best.starts) < 0)
    ) {
      best.makespan = makespan;
      best.list = list.slice();
      best.starts.set(starts);
    }
  };

  // Direct predecessors, for the mutation's swaps of neighbours.
  const isPred = new Set<number>();
  for (let j = 0; j < n; j++)
    for (let y = net.predStart[j]; y < net.predStart[j + 1]; y++) isPred.add(net.pred[y] * n + j);

  /** A precedence-feasible list by biased random sampling: activities with a smaller latest finish are likelier. */
  const sampleKeys = new Float64Array(n);
  const sampled = (priority: (j: number) => number, bias: number): Int32Array => {
    if (bias < 0 || n > SAMPLE_BY_KEYS) {
      // Smallest priority first (ties by index); biased, with random keys: each priority pushed back
      // by up to a share of the priorities' range, so that nearby activities swap now and then.
      let lo = Infinity;
      let hi = -Infinity;
      for (let j = 0; j < n; j++) {
        const p = priority(j);
        sampleKeys[j] = p;
        if (p < lo) lo = p;
        if (p > hi) hi = p;
      }
      const spread = bias < 0 ? 0 : ((hi - lo) * (0.05 + 0.25 * random())) / (1 + bias);
      for (let j = 0; j < n; j++) sampleKeys[j] += spread * random() + j / (n + 1) / (n + 1);
      return topoOrder.order(sampleKeys);
    }
    const list = new Int32Array(n);
    const waiting = new Int32Array(n);
    for (let j = 0; j < n; j++) waiting[j] = net.predStart[j + 1] - net.predStart[j];
    const eligible: number[] = [];
    for (let j = 0; j < n; j++) if (waiting[j] === 0) eligible.push(j);
    for (let x = 0; x < n; x++) {
      let pick = 0;
      if (bias >= 0 && eligible.length > 1) {
        let worst = -Infinity;
        for (const j of eligible) worst = Math.max(worst, priority(j));
        let total = 0;
        const weights = eligible.map((j) => {
          const w = Math.pow(worst - priority(j) + 1, bias);
          total += w;
          return w;
        });
        let u = random() * total;
        while (pick < eligible.length - 1 && u >= weights[pick]) u -= weights[pick++];
      } else {
        for (let e = 1; e < eligible.length; e++) {
          const [a, b] = [priority(eligible[e]), priority(eligible[pick])];
          if (a < b || (a === b && eligible[e] < eligible[pick])) pick = e;
        }
      }
      const j = eligible[pick];
      eligible[pick] = eligible[eligible.length - 1];
      eligible.pop();
      list[x] = j;
      for (let y = net.succStart[j]; y < net.succStart[j + 1]; y++)
        if (--waiting[net.succ[y]] === 0) eligible.push(net.succ[y]);
    }
    return list;
  };

  /** A caller's order made precedence-feasible: each activity as soon as its predecessors are placed, in that order's sense. */
  const feasible = (order: number[]): Int32Array => {
    const rank = new Int32Array(n).fill(n);
    order.forEach((j, x) => {
      if (j >= 0 && j < n && rank[j] === n) rank[j] = x;
    });
    return sampled((j) => rank[j] * (n + 1) + j, -1);
  };

  const lft = (j: number) => net.lf[j];
  const size =
    options.population ?? Math.max(20, Math.min(tuning.maxPopulation, Math.round(n * tuning.populationFactor)));
  const fresh = (keep: Individual[]): Individual[] => {
    const pop: Individual[] = [...keep];
    if (keep.length === 0) {
      for (const order of options.seedLists ?? []) {
        const list = feasible(order);
        offer(list, decoder.decode(list, starts, false));
        pop.push(individual(list.slice()));
      }
      pop.push(individual(sampled(lft, -1)));
    }
    while (pop.length < size) pop.push(individual(sampled(lft, 1 + random() * 2)));
    return pop;
  };

  /** An individual of a list: decoded, justified, its schedule kept. */
  function individual(list: Int32Array): Individual {
    const makespan = evaluate(list);
    return { list, makespan, starts: starts.slice() };
  }

  /** Mutation: neighbours swap where neither must come before the other. */
  const position = new Int32Array(n);
  const mutate = (out: Int32Array): Int32Array => {
    const rate = tuning.mutation;
    for (let y = 0; y + 1 < n; y++)
      if (random() < rate && !isPred.has(out[y] * n + out[y + 1])) [out[y], out[y + 1]] = [out[y + 1], out[y]];
    if (tuning.shift > 0 && random() < tuning.shift) {
      // One activity to a random place between its last predecessor and its first successor.
      for (let y = 0; y < n; y++) position[out[y]] = y;
      const from = Math.floor(random() * n);
      const j = out[from];
      let lo = 0;
      let hi = n - 1;
      for (let x = net.predStart[j]; x < net.predStart[j + 1]; x++) lo = Math.max(lo, position[net.pred[x]] + 1);
      for (let x = net.succStart[j]; x < net.succStart[j + 1]; x++) hi = Math.min(hi, position[net.succ[x]] - 1);
      const to = lo + Math.floor(random() * (hi - lo + 1));
      if (to < from) out.copyWithin(to + 1, to, from);
      else if (to > from) out.copyWithin(from, from + 1, to + 1);
      out[to] = j;
    }
    return out;
  };

  /** Two-point crossover: the mother's order up to q1, the father's to q2, the mother's after. */
  const child = (mother: Int32Array, father: Int32Array): Int32Array => {
    const out = new Int32Array(n);
    const taken = new Uint8Array(n);
    let q1 = Math.floor(random() * n);
    let q2 = Math.floor(random() * n);
    if (q1 > q2) [q1, q2] = [q2, q1];
    let x = 0;
    for (; x < q1; x++) taken[(out[x] = mother[x])] = 1;
    for (let y = 0; y < n && x < q2; y++) if (!taken[father[y]]) taken[(out[x++] = father[y])] = 1;
    for (let y = 0; y < n && x < n; y++) if (!taken[mother[y]]) taken[(out[x++] = mother[y])] = 1;
    return mutate(out);
  };

  /**
   * Peak crossover (after Valls, Ballestín and Quintanilla 2008): the child keeps the mother's
   * busiest stretch of time as she has it, and takes the father's order before and after it.
   * Activities that start before the stretch in the mother's schedule come first in the father's
   * order, then those starting within it in the mother's, then the rest in the father's: since a
   * successor never starts before its predecessor, the order stays precedence-feasible.
   */
  const load = new Float64Array(net.horizon + 1);
  const peakChild = (mother: Individual, father: Individual): Int32Array => {
    const span = mother.makespan;
    load.fill(0, 0, span + 1);
    for (let j = 0; j < n; j++)
      for (let z = decoder.nzStart[j]; z < decoder.nzStart[j + 1]; z++) {
        const w = decoder.nzQty[z] / net.cap[decoder.nzRes[z]];
        for (let t = mother.starts[j]; t < mother.starts[j] + net.dur[j]; t++) load[t] += w;
      }
    const width = Math.max(1, Math.floor(span * (0.25 + 0.25 * random())));
    let sum = 0;
    for (let t = 0; t < width; t++) sum += load[t];
    let from = 0;
    let bestSum = sum;
    for (let t = width; t < span; t++) {
      sum += load[t] - load[t - width];
      if (sum > bestSum) [bestSum, from] = [sum, t - width + 1];
    }
    const to = from + width;
    const out = new Int32Array(n);
    let x = 0;
    for (let y = 0; y < n; y++) if (mother.starts[father.list[y]] < from) out[x++] = father.list[y];
    for (let y = 0; y < n; y++) {
      const s = mother.starts[mother.list[y]];
      if (s >= from && s < to) out[x++] = mother.list[y];
    }
    for (let y = 0; y < n; y++) if (mother.starts[father.list[y]] >= to) out[x++] = father.list[y];
    repair?.apply(out, false); // with general links, a successor may start first
    return mutate(out);
  };

  let pop = fresh([]);
  let stale = 0;
  let bestSeen = best.makespan;
  while (!done()) {
    const children: Individual[] = [];
    // Parents by tournament of two.
    const pick = () => {
      const a = pop[Math.floor(random() * pop.length)];
      const b = pop[Math.floor(random() * pop.length)];
      return a.makespan <= b.makespan ? a : b;
    };
    for (let c = 0; c < pop.length && !done(); c++) {
      const [mother, father] = [pick(), pick()];
      children.push(individual(random() < tuning.peak ? peakChild(mother, father) : child(mother.list, father.list)));
    }
    // The best of both survive, one individual per schedule length and order.
    const seen = new Set<string>();
    pop = [...pop, ...children]
      .sort((a, b) => a.makespan - b.makespan)
      .filter((ind) => {
        const key = `${ind.makespan}:${ind.list.join(',')}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, size);
    if (best.makespan < bestSeen) {
      bestSeen = best.makespan;
      stale = 0;
    } else if (++stale >= tuning.restartAfter) {
      // Start again around the best order: it, and mutations of it, with fresh samples.
      stale = 0;
      const around: Individual[] = tuning.restartAroundBest
        ? [{ list: best.list.slice(), makespan: best.makespan, starts: best.starts.slice() }]
        : [];
      for (let m = 0; tuning.restartAroundBest && m < size / 4; m++)
        around.push(individual(child(best.list, sampled(lft, 1 + random() * 2))));
      pop = fresh(around);
    }
  }
  return {
    starts: best.starts,
    makespan: best.makespan,
    schedules: decoder.schedules,
    provenOptimal: best.makespan <= net.lowerBound,
  };
}
