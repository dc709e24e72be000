/** Every sheet the product generates, as [marker key, sheet name], for cleaning a workbook. */
export const GENERATED_SHEETS = [
  ['Schedule', 'Schedule'],
  ['Gantt', 'Gantt'],
  ['ResourceUsage', 'Resource Usage'],
  ['CostReport', 'Cost Report'],
  ['EarnedValue', 'Earned Value'],
  ['PlanIssues', 'Plan Issues'],
] as const;
