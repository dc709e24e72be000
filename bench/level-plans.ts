/**
 * Leveling workbook plans (Settings Leveling On): in process, the time `calculate` takes on the
 * leveling bench's plans, what leveling did to their finish, and whether anything is left
 * over-allocated; the whole-process regenerate is timed in run.ts with timeRegenerate.
 */
import { calculate } from '../src/core/calculate';
import { findOverallocations } from '../src/core/resources/overallocation';
import { formatWall } from '../src/core/time';
import { readJsonPlan } from '../src/workbook/json-host';
import { leveledYearPlan } from './regenerate';

export interface LevelPlanTiming {
  tasks: number;
  resources: number;
  runsMs: number[];
  bestMs: number;
  /** The same plan without leveling, in process. */
  unleveledMs: number;
  unleveledFinish: string;
  leveledFinish: string;
  /** Tasks leveling delayed, schedules it decoded, the grain it worked in (working minutes). */
  delayed: number;
  schedules: number;
  grain: number;
  /** Over-allocations left, all among tasks leveling may not move (started ones). */
  left: number;
}

/** Times leveling `groups` work packages of 20 tasks over `resources` resources, `runs` times. */
export function timeLevelPlan(groups: number, resources: number, runs = 3): LevelPlanTiming {
  const doc = leveledYearPlan(groups, resources) as { settings: Record<string, string> };
  const leveledBook = readJsonPlan(doc).workbook;
  const plainBook = readJsonPlan({ ...doc, settings: { ...doc.settings, Leveling: 'Off' } }).workbook;
  const runsMs: number[] = [];
  let calc = calculate(leveledBook);
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    calc = calculate(leveledBook);
    runsMs.push(performance.now() - t0);
  }
  const t0 = performance.now();
  const plain = calculate(plainBook);
  const unleveledMs = performance.now() - t0;
  const r = calc.schedule!;
  return {
    tasks: calc.plan!.tasks.length,
    resources,
    runsMs,
    bestMs: Math.min(...runsMs),
    unleveledMs,
    unleveledFinish: formatWall(plain.schedule!.projectFinish),
    leveledFinish: formatWall(r.projectFinish),
    delayed: r.leveling!.delay.size,
    schedules: r.leveling!.schedules,
    grain: r.leveling!.grain,
    left: findOverallocations(calc.plan!, r).length,
  };
}
