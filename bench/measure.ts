/**
 * The benchmark's child process: run.ts forks one per plan size, so that each
 * size's peak memory is its own.
 *
 *   node --expose-gc lib/bench/measure.js measure <tasks> [single]
 *     generates the plan (untimed), then times schedule(plan): up to
 *     WARMUP_MAX_TASKS the best of several runs after warming up on the plan
 *     itself; above it, or with `single`, one run after warming the engine on a
 *     10,000-task plan (the plan itself cold, as a command-line run meets it).
 *   node lib/bench/measure.js verify <tasks>
 *     checks that the directly built plan is what the JSON reader makes of the
 *     same network, and that both schedule identically.
 *   node --expose-gc lib/bench/measure.js calculate <tasks>
 *     the whole in-process path: calculateFile on the generated plan as a JSON
 *     file, timed in turn with schedule() of the same plan (and its parts apart).
 *
 * Reports one message to the parent (or prints it as JSON when run by hand).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { hasErrors } from '../src/core/calculate';
import { calculateCosts } from '../src/core/costs';
import type { Plan } from '../src/core/model';
import { readPlan } from '../src/core/read/read-plan';
import { calculateFile, loadPlanFile } from '../src/workbook/files';
import { ScheduleResult, schedule } from '../src/core/schedule/schedule';
import { formatWall } from '../src/core/time';
import { assertNoErrors, comparePlans, generateNetwork, readJsonDocument, toJsonDocument, toPlan } from './generate';

/** Sizes up to this get a warm-up run and the best of several timed runs; larger ones one cold run. */
export const WARMUP_MAX_TASKS = 100_000;
/** The plan the engine is warmed on before a single run of a larger one. */
const WARMUP_PLAN_TASKS = 10_000;
/** Timed runs up to WARMUP_MAX_TASKS: the VM's speed drifts, so the best of several is the engine's own time. */
const RUNS_SMALL = 7;
const MB = 1024 * 1024;

export interface MeasureReport {
  kind: 'measure';
  tasks: number;
  /** 'warm': best of several runs on a plan already scheduled; 'single': one run, the plan met cold. */
  protocol: 'warm' | 'single';
  links: number;
  summaries: number;
  /** Generating and building the plan (not timed as part of scheduling). */
  setupMs: number;
  /** JS heap in use after setup and a full GC: mostly the plan itself. */
  planHeapMB: number;
  warmedUp: boolean;
  runsMs: number[];
  bestMs: number;
  medianMs: number;
  /** The fastest run's user and system CPU time and page faults. */
  best: RunTiming;
  /** The whole child's peak resident set (process.resourceUsage().maxRSS). */
  peakMB: number;
  warnings: number;
  projectStart: string;
  projectFinish: string;
}

export interface VerifyReport {
  kind: 'verify';
  tasks: number;
  /** Warnings the reader gave on the JSON form (errors would have failed the run). */
  readWarnings: number;
  scheduleWarnings: number;
  /** JSON.parse of the document, the JSON host and the plan reader. */
  readMs: number;
}

export interface FailureReport {
  kind: 'failure';
  message: string;
}

/**
 * The whole in-process path on a JSON plan file, against the engine alone, in one process and
 * the same way (best of several runs after warm-up runs): calculateFile, and its parts.
 */
export interface CalculateReport {
  kind: 'calculate';
  tasks: number;
  /** schedule(plan) on the directly built plan, as the engine-only measurement. */
  scheduleMs: number[];
  /** calculateFile(plan.json): read the file, parse, read and validate, schedule, costs. */
  calculateFileMs: number[];
  /** Its parts, timed apart: loadPlanFile + readPlan, schedule of the plan read, calculateCosts. */
  readMs: number[];
  scheduleReadMs: number[];
  costsMs: number[];
}

export type ChildReport = MeasureReport | VerifyReport | CalculateReport | FailureReport;

function now(): bigint {
  return process.hrtime.bigint();
}

function msSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** A full collection when node runs with --expose-gc; a no-op otherwise. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A schedule that failed (a loop, an error) would time nothing worth reporting. */
function assertScheduled(result: ScheduleResult, what: string): void {
  assertNoErrors(result.issues, what);
  if (result.network.order.length < result.network.nodeCount) throw new Error(`${what}: the network has a loop`);
  if (!Number.isFinite(result.projectFinish)) throw new Error(`${what}: no project finish`);
}

/** A run's wall-clock time, and the CPU time and page faults the process spent in it. */
export interface RunTiming {
  ms: number;
  /** CPU time in the engine's own code (user space). */
  userMs: number;
  /** CPU time the kernel spent for the process: mostly providing fresh memory, page by page. */
  systemMs: number;
  pageFaults: number;
}

function timeOnce(plan: Plan): { timing: RunTiming; result: ScheduleResult } {
  const u0 = process.resourceUsage();
  const t0 = now();
  const result = schedule(plan);
  const ms = msSince(t0);
  const u1 = process.resourceUsage();
  return {
    timing: {
      ms,
      userMs: (u1.userCPUTime - u0.userCPUTime) / 1000,
      systemMs: (u1.systemCPUTime - u0.systemCPUTime) / 1000,
      pageFaults: u1.minorPageFault - u0.minorPageFault,
    },
    result,
  };
}

function measure(tasks: number, single: boolean): MeasureReport {
  const t0 = now();
  const spec = generateNetwork(tasks);
  const plan = toPlan(spec);
  const { linkCount: links, summaryCount: summaries } = spec;
  const setupMs = msSince(t0);
  // (spec is not used past this point; its typed arrays are collected with it.)
  collectGarbage();
  const planHeapMB = process.memoryUsage().heapUsed / MB;

  const warmedUp = tasks <= WARMUP_MAX_TASKS && !single;
  // Warm-up: the first runs go through V8's lower compiler tiers. Above WARMUP_MAX_TASKS the
  // engine is warmed on a smaller plan (as in a server or an Excel session that has scheduled
  // before), then the big plan is scheduled once.
  if (warmedUp) for (let k = 0; k < 3; k++) assertScheduled(schedule(plan), 'warm-up schedule');
  else {
    const small = toPlan(generateNetwork(WARMUP_PLAN_TASKS));
    for (let k = 0; k < 5; k++) assertScheduled(schedule(small), 'warm-up schedule');
  }

  // No forced collection between runs: a full gc() flushes compiled code, and the run after it
  // measures recompilation (about twice as slow here), not the engine.
  const runsMs: number[] = [];
  let best: RunTiming | null = null;
  let last: ScheduleResult | null = null;
  for (let k = 0; k < (warmedUp ? RUNS_SMALL : 1); k++) {
    // eslint-disable-next-line no-useless-assignment -- lets the last run's result be collected before this one
    last = null;
    const run = timeOnce(plan);
    runsMs.push(run.timing.ms);
    if (best === null || run.timing.ms < best.ms) best = run.timing;
    last = run.result;
  }
  assertScheduled(last!, 'timed schedule');

  return {
    kind: 'measure',
    tasks,
    protocol: warmedUp ? 'warm' : 'single',
    best: best!,
    links,
    summaries,
    setupMs,
    planHeapMB,
    warmedUp,
    runsMs,
    bestMs: Math.min(...runsMs),
    medianMs: [...runsMs].sort((a, b) => a - b)[Math.floor(runsMs.length / 2)],
    peakMB: process.resourceUsage().maxRSS / 1024,
    warnings: last!.issues.length,
    projectStart: formatWall(last!.projectStart),
    projectFinish: formatWall(last!.projectFinish),
  };
}

const RESULT_ARRAYS = [
  'start',
  'finish',
  'earlyStart',
  'earlyFinish',
  'lateStart',
  'lateFinish',
  'totalFloat',
  'freeFloat',
  'duration',
  'percentComplete',
  'critical',
  'driver',
] as const;

function verify(tasks: number): VerifyReport {
  const spec = generateNetwork(tasks);
  const direct = toPlan(spec);
  const text = JSON.stringify(toJsonDocument(spec));
  const t0 = now();
  const { plan: read, issues } = readJsonDocument(JSON.parse(text));
  const readMs = msSince(t0);

  const diffs = comparePlans(read, direct);
  if (diffs.length > 0)
    throw new Error(`the directly built plan differs from the JSON reader's:\n  ${diffs.join('\n  ')}`);

  const fromRead = schedule(read);
  const fromDirect = schedule(direct);
  assertScheduled(fromRead, 'schedule of the plan read from JSON');
  for (const key of RESULT_ARRAYS) {
    if (!isDeepStrictEqual(fromRead[key], fromDirect[key])) throw new Error(`schedules differ in ${key}`);
  }
  if (!isDeepStrictEqual(fromRead.issues, fromDirect.issues)) throw new Error('schedules differ in their issues');
  return { kind: 'verify', tasks, readWarnings: issues.length, scheduleWarnings: fromRead.issues.length, readMs };
}

/** calculateFile of a generated plan's JSON file and schedule() of the same plan, in turn, after warm-up runs of both. */
async function measureCalculate(tasks: number): Promise<CalculateReport> {
  const spec = generateNetwork(tasks);
  const plan = toPlan(spec);
  const file = path.join(os.tmpdir(), `production-planner-calculate-${tasks}-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(toJsonDocument(spec)));
  const out: CalculateReport = {
    kind: 'calculate',
    tasks,
    scheduleMs: [],
    calculateFileMs: [],
    readMs: [],
    scheduleReadMs: [],
    costsMs: [],
  };
  try {
    for (let k = 0; k < 3 + RUNS_SMALL; k++) {
      let t0 = now();
      assertScheduled(schedule(plan), 'schedule');
      const scheduleMs = msSince(t0);

      t0 = now();
      const calc = await calculateFile(file);
      const calculateFileMs = msSince(t0);
      if (hasErrors(calc.issues) || !calc.costs) throw new Error('calculateFile: the generated plan has errors');

      t0 = now();
      const read = readPlan((await loadPlanFile(file, { readOnly: true })).raw);
      const readMs = msSince(t0);
      if (!read.plan) throw new Error('readPlan: the generated plan has errors');
      t0 = now();
      const result = schedule(read.plan);
      const scheduleReadMs = msSince(t0);
      t0 = now();
      calculateCosts(read.plan, result);
      const costsMs = msSince(t0);

      if (k < 3) continue; // warm-up
      out.scheduleMs.push(scheduleMs);
      out.calculateFileMs.push(calculateFileMs);
      out.readMs.push(readMs);
      out.scheduleReadMs.push(scheduleReadMs);
      out.costsMs.push(costsMs);
    }
  } finally {
    fs.rmSync(file, { force: true });
  }
  return out;
}

function report(message: ChildReport): void {
  if (process.send) process.send(message);
  else console.log(JSON.stringify(message, null, 2));
}

async function main(argv: string[]): Promise<void> {
  const [mode, count, protocol] = argv;
  const tasks = Number(count);
  const modes = ['measure', 'verify', 'calculate'];
  if (
    !modes.includes(mode) ||
    !Number.isInteger(tasks) ||
    tasks < 1 ||
    (protocol !== undefined && (protocol !== 'single' || mode !== 'measure'))
  ) {
    console.error(
      'usage: node --expose-gc lib/bench/measure.js measure <tasks> [single] | verify <tasks> | calculate <tasks>',
    );
    process.exitCode = 2;
    return;
  }
  try {
    report(
      mode === 'measure'
        ? measure(tasks, protocol === 'single')
        : mode === 'verify'
          ? verify(tasks)
          : await measureCalculate(tasks),
    );
  } catch (e) {
    report({ kind: 'failure', message: (e as Error).stack ?? String(e) });
    process.exitCode = 1;
  }
}

if (require.main === module) void main(process.argv.slice(2));
