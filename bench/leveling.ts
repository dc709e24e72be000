/**
 * `npm run bench:leveling`: the leveler on PSPLIB's single-mode sets, against j30's optima and
 * j60's and j120's critical-path lower bounds and best known makespans.
 *
 *   node lib/bench/leveling.js [--sets j30,j60,j120] [--time-limit 1] [--sample K] [--jobs N] [--seed S]
 *
 * `--sample K` takes every K-th instance (a quick look; the targets are judged on whole sets),
 * `--jobs N` runs N instances at a time, each in a worker of its own (one core each).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { networkOf, scheduleFault } from '../src/core/leveling/problem';
import { readPsplib } from '../src/core/leveling/psplib';
import { Tuning, solve } from '../src/core/leveling/solver';

const PSPLIB = process.env.PSPLIB_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'psplib');

/** Targets of issue 14: mean deviation in percent (j30 from the optimum, j60 and j120 from the critical path). */
const TARGETS: Record<string, { against: 'optimum' | 'critical path'; mean: number; stretch: number }> = {
  j30: { against: 'optimum', mean: 0.05, stretch: 0.02 },
  j60: { against: 'critical path', mean: 10.9, stretch: 10.6 },
  j120: { against: 'critical path', mean: 32.0, stretch: 31.0 },
};

interface Task {
  file: string;
  key: string;
}

interface Outcome {
  key: string;
  makespan: number;
  criticalPath: number;
  seconds: number;
  schedules: number;
  fault: string | null;
}

function runOne(file: string, key: string, timeLimit: number, seed: number): Outcome {
  const net = networkOf(readPsplib(fs.readFileSync(file, 'utf8')));
  const t0 = performance.now();
  // LEVELING_TUNING='{"mutation":0.1}' tries other knobs (see Tuning in solver.ts).
  const tuning = process.env.LEVELING_TUNING ? (JSON.parse(process.env.LEVELING_TUNING) as Partial<Tuning>) : undefined;
  const sol = solve(net, {
    seed,
    maxSchedules: Infinity,
    timeLimitMs: timeLimit * 1000,
    clock: () => performance.now(),
    tuning,
  });
  const seconds = (performance.now() - t0) / 1000;
  return {
    key,
    makespan: sol.makespan,
    criticalPath: net.criticalPath,
    seconds,
    schedules: sol.schedules,
    fault: scheduleFault(net, sol.starts),
  };
}

/** The reference makespans of a set: optima (j30opt.sm) or best known (jXXhrs.sm), by `parameter_instance`. */
function references(set: string): Map<string, number> {
  const file = path.join(PSPLIB, set === 'j30' ? 'j30opt.sm' : `${set}hrs.sm`);
  const out = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)/.exec(line);
    if (m) out.set(`${m[1]}_${m[2]}`, Number(m[3]));
  }
  return out;
}

function instances(set: string, sample: number): Task[] {
  const dir = path.join(PSPLIB, set);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sm'))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return files
    .filter((_, i) => i % sample === 0)
    .map((f) => {
      const m = new RegExp(`^${set}(\\d+)_(\\d+)\\.sm$`).exec(f)!;
      return { file: path.join(dir, f), key: `${m[1]}_${m[2]}` };
    });
}

async function runAll(tasks: Task[], jobs: number, timeLimit: number, seed: number): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  const worker = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(__filename, { workerData: { timeLimit, seed } });
      const feed = () => {
        if (next >= tasks.length) {
          void w.terminate();
          resolve();
          return;
        }
        w.postMessage(tasks[next++]);
      };
      w.on('message', (o: Outcome) => {
        out.push(o);
        feed();
      });
      w.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: jobs }, worker));
  return out;
}

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const fixed = (x: number, d: number) => x.toFixed(d);

async function mainThread(): Promise<void> {
  const sets = arg('sets', 'j30,j60,j120').split(',');
  const timeLimit = Number(arg('time-limit', '1'));
  const sample = Number(arg('sample', '1'));
  const jobs = Math.min(Number(arg('jobs', '1')), os.cpus().length);
  const seed = Number(arg('seed', '1'));
  console.log(
    `# Leveling on PSPLIB: ${timeLimit} s per instance, seed ${seed}, ${jobs} instance(s) at a time${sample > 1 ? `, every ${sample}th instance` : ''}\n`,
  );
  console.log(
    '| set | instances | mean above reference | at reference | mean above critical path | target | mean s | worst s | schedules per instance | infeasible |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const verdicts: string[] = [];
  for (const set of sets) {
    const refs = references(set);
    const outcomes = await runAll(instances(set, sample), jobs, timeLimit, seed);
    const n = outcomes.length;
    let aboveRef = 0;
    let aboveCp = 0;
    let atRef = 0;
    let seconds = 0;
    let worst = 0;
    let schedules = 0;
    let faults = 0;
    for (const o of outcomes) {
      const ref = refs.get(o.key);
      if (ref === undefined) throw new Error(`${set} ${o.key}: no reference makespan`);
      aboveRef += (o.makespan - ref) / ref;
      aboveCp += (o.makespan - o.criticalPath) / o.criticalPath;
      if (o.makespan <= ref) atRef++;
      seconds += o.seconds;
      worst = Math.max(worst, o.seconds);
      schedules += o.schedules;
      if (o.fault) faults++;
    }
    const t = TARGETS[set];
    const measured = t.against === 'optimum' ? (100 * aboveRef) / n : (100 * aboveCp) / n;
    const ok = measured <= t.mean && faults === 0 && worst <= timeLimit * 1.05;
    verdicts.push(
      `${ok ? 'PASS' : 'FAIL'}  ${set}: ${fixed(measured, 3)}% above the ${t.against} (target <= ${t.mean}%, stretch ${t.stretch}%), worst ${fixed(worst, 2)} s, ${faults} infeasible`,
    );
    console.log(
      `| ${set} | ${n} | ${fixed((100 * aboveRef) / n, 3)}% | ${atRef} (${fixed((100 * atRef) / n, 1)}%) | ${fixed((100 * aboveCp) / n, 2)}% | ${t.against === 'optimum' ? `<= ${t.mean}% above optimum` : `<= ${t.mean}% above critical path`} | ${fixed(seconds / n, 3)} | ${fixed(worst, 3)} | ${Math.round(schedules / n).toLocaleString('en-US')} | ${faults} |`,
    );
  }
  console.log('');
  for (const v of verdicts) console.log(v);
  if (sample > 1) console.log('\n(a sample: the targets are judged on whole sets)');
}

if (isMainThread) {
  mainThread().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  const { timeLimit, seed } = workerData as { timeLimit: number; seed: number };
  parentPort!.on('message', (t: Task) => parentPort!.postMessage(runOne(t.file, t.key, timeLimit, seed)));
}
