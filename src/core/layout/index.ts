import type { Calculation } from '../calculate';
import { planGanttSheet } from './gantt';
import { planIssuesSheet } from './issues-sheet';
import { planScheduleSheet } from './schedule-sheet';
import type { SheetPlan } from './sheet-plan';

/** Every sheet the product generates for a calculation, in workbook order. */
export function planGeneratedSheets(calc: Calculation): SheetPlan[] {
  const sheets: SheetPlan[] = [];
  if (calc.plan && calc.schedule) {
    sheets.push(planScheduleSheet(calc.plan, calc.schedule));
    sheets.push(planGanttSheet(calc.plan, calc.schedule));
  }
  sheets.push(planIssuesSheet(calc.issues));
  return sheets;
}

export type { SheetPlan } from './sheet-plan';

/** Every sheet the product generates, as [marker key, sheet name], for cleaning a workbook. */
export const GENERATED_SHEETS = [['Schedule', 'Schedule'], ['Gantt', 'Gantt'], ['PlanIssues', 'Plan Issues']] as const;
