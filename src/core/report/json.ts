import type { Calculation } from '../calculate';
import type { Issue } from '../model';
import { round } from '../parsers/duration';
import { formatWall } from '../time';

/** One task in the contract's `calculate --json` output. */
export interface TaskJson {
  id: string;
  name: string;
  start: string;
  finish: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  /** Working days. */
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
}

export interface CalculationJson {
  project: { start: string; finish: string; statusDate: string } | null;
  tasks: TaskJson[];
  /** Filled by the cost engine; null until a plan's costs are calculated. */
  costs: unknown;
  earnedValue: unknown;
  issues: Issue[];
}

/** The contract's JSON document for a calculation. */
export function calculationToJson(calc: Calculation): CalculationJson {
  const r = calc.schedule;
  const plan = calc.plan;
  if (!r || !plan) return { project: null, tasks: [], costs: null, earnedValue: null, issues: calc.issues };
  const mpd = r.calendar.minutesPerDay;
  const days = (minutes: number) => round(minutes / mpd, 4);
  const tasks: TaskJson[] = plan.tasks.map((t, i) => ({
    id: t.id,
    name: t.name,
    start: formatWall(r.start[i]),
    finish: formatWall(r.finish[i]),
    earlyStart: formatWall(r.earlyStart[i]),
    earlyFinish: formatWall(r.earlyFinish[i]),
    lateStart: formatWall(r.lateStart[i]),
    lateFinish: formatWall(r.lateFinish[i]),
    totalFloat: days(r.totalFloat[i]),
    freeFloat: days(r.freeFloat[i]),
    critical: r.critical[i] === 1,
  }));
  return {
    project: { start: formatWall(r.projectStart), finish: formatWall(r.projectFinish), statusDate: formatWall(r.statusDate) },
    tasks,
    costs: null,
    earnedValue: null,
    issues: calc.issues,
  };
}
