import { Costs, calculateCosts } from './costs';
import type { Issue, Plan } from './model';
import type { RawWorkbook } from './raw';
import { levelIfAsked } from './leveling/level-plan';
import { ReadOptions, readPlan } from './read/read-plan';
import { overallocationIssues } from './resources/overallocation';
import { ScheduleResult, schedule } from './schedule/schedule';

/** A plan read, scheduled and costed, with every issue found on the way. */
export interface Calculation {
  plan: Plan | null;
  schedule: ScheduleResult | null;
  /** Null when the plan could not be scheduled. */
  costs?: Costs | null;
  issues: Issue[];
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Reads, schedules and costs a workbook. Errors stop the calculation: then `schedule` and `costs` are null. */
export function calculate(workbook: RawWorkbook, options: ReadOptions = {}): Calculation {
  const read = readPlan(workbook, options);
  if (!read.plan || hasErrors(read.issues))
    return { plan: read.plan, schedule: null, costs: null, issues: read.issues };
  const result = levelIfAsked(read.plan, schedule(read.plan));
  if (hasErrors(result.issues))
    return { plan: read.plan, schedule: null, costs: null, issues: [...read.issues, ...result.issues] };
  const costs = calculateCosts(read.plan, result);
  return {
    plan: read.plan,
    schedule: result,
    costs,
    issues: [...read.issues, ...result.issues, ...costs.issues, ...overallocationIssues(read.plan, result)],
  };
}
