import type { Issue, Plan } from './model';
import type { RawWorkbook } from './raw';
import { ReadOptions, readPlan } from './read/read-plan';
import { ScheduleResult, schedule } from './schedule/schedule';

/** A plan read and scheduled, with every issue found on the way. */
export interface Calculation {
  plan: Plan | null;
  schedule: ScheduleResult | null;
  issues: Issue[];
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Reads and schedules a workbook. Errors stop the calculation: then `schedule` is null. */
export function calculate(workbook: RawWorkbook, options: ReadOptions = {}): Calculation {
  const read = readPlan(workbook, options);
  if (!read.plan || hasErrors(read.issues)) return { plan: read.plan, schedule: null, issues: read.issues };
  const result = schedule(read.plan);
  const issues = [...read.issues, ...result.issues];
  return { plan: read.plan, schedule: hasErrors(result.issues) ? null : result, issues };
}
