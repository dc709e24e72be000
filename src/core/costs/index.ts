import { sheetLocation } from '../location';
import type { Issue, Plan } from '../model';
import type { ScheduleResult } from '../schedule/schedule';
import { CostReport, costReport } from './cost-report';
import { EarnedValue, earnedValue } from './earned-value';
import { TaskCosts, taskCosts } from './task-costs';

export interface Costs {
  tasks: TaskCosts;
  report: CostReport;
  earnedValue: EarnedValue;
  issues: Issue[];
}

/** Task costs, the cost report and earned value of a scheduled plan, with what the user should know about them. */
export function calculateCosts(plan: Plan, result: ScheduleResult): Costs {
  const tasks = taskCosts(plan, result);
  const report = costReport(plan.budget, plan.settings, tasks.bookings);
  const ev = earnedValue(plan, result, tasks);
  const issues: Issue[] = [];
  const sheet = plan.sheetNames.tasks;
  if (ev.project.bac > 0 && ev.baseline !== 'set') {
    const missing = plan.tasks.findIndex((_, i) => tasks.hasBaseline[i] === 0);
    issues.push({
      severity: 'warning',
      message:
        ev.baseline === 'none'
          ? 'No baseline is set (no Baseline Start and Finish), so earned value takes the current schedule as the baseline. Set a baseline to measure progress against a fixed plan.'
          : 'Some tasks have no Baseline Start and Finish: for them earned value takes the current schedule as the baseline.',
      at: ev.baseline === 'none' ? sheetLocation(sheet) : plan.tasks[missing].refs.baselineStart,
    });
  }
  if (plan.budget.length > 0) {
    const unbooked = tasks.bookings.filter((b) => b.account === null && b.scheduled > 0);
    if (unbooked.length > 0) {
      const first = plan.tasks[unbooked[0].task];
      issues.push({
        severity: 'warning',
        message: `${unbooked.length === 1 ? `Task ${first.id} has` : `${unbooked.length} tasks (the first, ${first.id}) have`} a cost but no Cost Account: it is counted in earned value, but on no budget line and with no actual cost.`,
        at: first.refs.costAccount,
      });
    }
  }
  return { tasks, report, earnedValue: ev, issues };
}

export type { CostReport, CostLine, CostCategory, CostFigures, CostStatus } from './cost-report';
export type { EarnedValue, EvFigures, CurvePoint, AccountEv } from './earned-value';
