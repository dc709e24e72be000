import * as fs from 'fs';
import * as path from 'path';
import { Problem, ProblemError, networkOf, scheduleFault } from '../../../src/core/leveling/problem';
import { PsplibError, readPsplib } from '../../../src/core/leveling/psplib';
import { randomGenerator, solve } from '../../../src/core/leveling/solver';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'psplib');
const j301 = fs.readFileSync(path.join(FIXTURES, 'j301_1.sm'), 'utf8');

describe('reading PSPLIB single-mode instances', () => {
  test('jobs, successors, durations, requests and capacities, numbered from 0', () => {
    const p = readPsplib(j301);
    expect(p.durations).toHaveLength(32);
    expect(p.successors[0]).toEqual([1, 2, 3]);
    expect(p.successors[31]).toEqual([]);
    expect(p.durations.slice(0, 4)).toEqual([0, 8, 4, 6]);
    expect(p.requests[2]).toEqual([10, 0, 0, 0]);
    expect(p.capacities).toEqual([12, 13, 4, 12]);
  });

  test('a truncated file is an error at the line it stopped at', () => {
    const lines = j301.split('\n');
    expect(() => readPsplib(lines.slice(0, 50).join('\n'))).toThrow(
      new PsplibError(50, 'the file ends before the requests and durations: it is not a whole PSPLIB .sm file'),
    );
    expect(() => readPsplib(lines.slice(0, 30).join('\n'))).toThrow(
      /^line 30: the file ends within the precedence relations, at job 13 of 32$/,
    );
    const cut = lines.slice(0, 72).join('\n') + '\n 19      1     3       0    1';
    expect(() => readPsplib(cut)).toThrow(/^line 73: expected job 19's mode, duration and 4 requests/);
  });

  test('a multi-mode instance is refused, naming its first job with modes', () => {
    const multi = j301.replace(/^( {3}2 {8})1( {10}3)/m, '$13$2');
    expect(() => readPsplib(multi)).toThrow(
      /^line 20: job 2 has 3 modes: only single-mode \(\.sm\) instances are read$/,
    );
    const doubly = j301.replace('  - nonrenewable              :  0   N', '  - nonrenewable              :  2   N');
    expect(() => readPsplib(doubly)).toThrow(/nonrenewable resources: this is a multi-mode instance/);
  });
});

describe('the network', () => {
  test('bounds: critical path and resource work', () => {
    const net = networkOf({
      durations: [3, 2, 4],
      successors: [[1], [], []],
      capacities: [2],
      requests: [[2], [1], [2]],
    });
    expect(net.criticalPath).toBe(5);
    // Work on the resource: 6 + 2 + 8 = 16 unit-periods over 2 units.
    expect(net.lowerBound).toBe(8);
  });

  test('a loop, an unknown successor or a request above capacity is refused', () => {
    const base: Problem = { durations: [1, 1], successors: [[1], [0]], capacities: [1], requests: [[1], [1]] };
    expect(() => networkOf(base)).toThrow(new ProblemError('the precedences form a loop'));
    expect(() => networkOf({ ...base, successors: [[5], []] })).toThrow(/unknown successor 6/);
    expect(() => networkOf({ ...base, successors: [[], []], requests: [[2], [1]] })).toThrow(
      /activity 1 requests 2 of resource 1, which has 1/,
    );
  });
});

/** A random instance in PSPLIB's shape: a source, a sink, layered precedences, 1 to 4 resources. */
function randomProblem(seed: number): Problem {
  const random = randomGenerator(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const n = int(5, 40);
  const k = int(1, 4);
  const capacities = Array.from({ length: k }, () => int(1, 10));
  const durations = Array.from({ length: n }, (_, j) => (j === 0 || j === n - 1 ? 0 : int(0, 10)));
  const requests = durations.map((_, j) =>
    capacities.map((c) => (j === 0 || j === n - 1 || random() < 0.4 ? 0 : int(0, c))),
  );
  const successors = Array.from({ length: n }, () => [] as number[]);
  for (let j = 1; j < n - 1; j++) {
    const before = int(0, j - 1);
    successors[before].push(j);
    if (random() < 0.3 && j > 1) {
      const other = int(0, j - 1);
      if (!successors[other].includes(j)) successors[other].push(j);
    }
    successors[j].push(n - 1);
  }
  if (n > 1 && successors[0].length === 0) successors[0].push(n - 1);
  const releases = random() < 0.3 ? durations.map(() => (random() < 0.2 ? int(0, 15) : 0)) : undefined;
  return { durations, successors, capacities, requests, releases };
}

describe('leveling', () => {
  test('j30 instance 1_1 reaches its optimum, 43 periods, within 20,000 schedules', () => {
    const net = networkOf(readPsplib(j301));
    const sol = solve(net, { seed: 1, maxSchedules: 20_000 });
    expect(scheduleFault(net, sol.starts)).toBeNull();
    expect(sol.makespan).toBe(43);
  });

  test('the same seed and budget give the same schedule; the schedule count is the budget', () => {
    const net = networkOf(readPsplib(fs.readFileSync(path.join(FIXTURES, 'j6013_1.sm'), 'utf8')));
    const a = solve(net, { seed: 7, maxSchedules: 3000 });
    const b = solve(net, { seed: 7, maxSchedules: 3000 });
    expect(Array.from(a.starts)).toEqual(Array.from(b.starts));
    expect(a.makespan).toBe(b.makespan);
    expect(a.schedules).toBeGreaterThanOrEqual(3000);
    expect(a.schedules).toBeLessThan(3100);
    // Best known: 112; the critical path 69, the resource bound 102.
    expect(a.makespan).toBeGreaterThanOrEqual(112);
    expect(a.makespan).toBeLessThanOrEqual(120);
  });

  test('two activities that each need the whole resource never overlap', () => {
    const net = networkOf({ durations: [3, 4], successors: [[], []], capacities: [1], requests: [[1], [1]] });
    const sol = solve(net, { maxSchedules: 100 });
    expect(sol.makespan).toBe(7);
    expect(sol.provenOptimal).toBe(true);
  });

  test('on 300 random instances: feasible (links, releases, capacities), never shorter than the bound, deterministic', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const net = networkOf(randomProblem(seed));
      const sol = solve(net, { seed, maxSchedules: 400 });
      expect({ seed, fault: scheduleFault(net, sol.starts) }).toEqual({ seed, fault: null });
      expect(sol.makespan).toBeGreaterThanOrEqual(net.lowerBound);
      // Each activity no earlier than without resources.
      for (let j = 0; j < net.n; j++) expect(sol.starts[j]).toBeGreaterThanOrEqual(net.es[j]);
      if (seed % 50 === 0)
        expect(Array.from(solve(net, { seed, maxSchedules: 400 }).starts)).toEqual(Array.from(sol.starts));
    }
  });

  test('the orders the caller seeds are taken, made precedence-feasible', () => {
    // With no resource limit in the way, any order gives the critical path.
    const net = networkOf({
      durations: [2, 3, 1],
      successors: [[2], [2], []],
      capacities: [5],
      requests: [[1], [1], [1]],
    });
    const sol = solve(net, { seedLists: [[2, 1, 0]], maxSchedules: 10 });
    expect(sol.makespan).toBe(4);
    expect(Array.from(sol.starts)).toEqual([0, 0, 3]);
  });
});
