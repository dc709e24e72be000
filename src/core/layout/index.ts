import type { Calculation } from '../calculate';
import { planCostReportSheet } from './cost-report-sheet';
import { planEarnedValueSheet } from './earned-value-sheet';
import { planGanttSheet } from './gantt';
import { HighlightPlan, planBudgetHighlights, planResourceHighlights, planTaskHighlights } from './highlights';
import { hasResourceBookings, planResourceUsageSheet } from './resource-usage-sheet';
import { planIssuesSheet } from './issues-sheet';
import { planScheduleSheet } from './schedule-sheet';
import { projectTitle, withPrintSetup } from './presentation';
import type { SheetPlan } from './sheet-plan';

/** Every sheet the product generates for a calculation, in workbook order. */
export function planGeneratedSheets(calc: Calculation): SheetPlan[] {
  const sheets: SheetPlan[] = [];
  const title = calc.plan ? projectTitle(calc.plan.settings) : '';
  if (calc.plan && calc.schedule) {
    sheets.push(planScheduleSheet(calc.plan, calc.schedule));
    sheets.push(planGanttSheet(calc.plan, calc.schedule));
    // A plan whose tasks book no Work or Equipment resource gets none (and loses that of an earlier run).
    const usage = planResourceUsageSheet(calc.plan, calc.schedule);
    if (usage) sheets.push(usage);
    // A plan without a budget or costs gets no money sheets (and loses those of an earlier run).
    if (calc.costs && calc.plan.budget.length > 0)
      sheets.push(planCostReportSheet(calc.costs.report, calc.schedule.statusDate, title));
    if (calc.costs && calc.costs.earnedValue.project.bac > 0)
      sheets.push(planEarnedValueSheet(calc.plan, calc.costs.earnedValue, title));
  }
  sheets.push(planIssuesSheet(calc.issues));
  // Every sheet prints the same way: one page wide, the title above, the status date and page below.
  const statusDate = calc.schedule?.statusDate ?? null;
  return sheets.map((sheet) => withPrintSetup(sheet, title, statusDate));
}

/** Every highlight plan for a calculation: the Tasks sheet's, the Budget sheet's when it has lines, the Resources sheet's. */
export function planHighlights(calc: Calculation): HighlightPlan[] {
  if (!calc.plan) return [];
  const usage = calc.schedule !== null && hasResourceBookings(calc.plan, calc.schedule);
  const plans = [
    planTaskHighlights(calc.plan),
    calc.costs ? planBudgetHighlights(calc.plan) : null,
    calc.schedule ? planResourceHighlights(calc.plan, usage) : null,
  ];
  return plans.filter((h): h is HighlightPlan => h !== null);
}

export type { SheetPlan } from './sheet-plan';

export { GENERATED_SHEETS } from './generated-sheets';
