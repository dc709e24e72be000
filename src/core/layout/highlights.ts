import type { Plan } from '../model';
import { a1, cellOf, columnLetters } from '../location';
import { COST_COLUMNS, STATUS_STYLE } from './cost-report-sheet';
import { USAGE_COLUMNS } from './resource-usage-sheet';
import type { CellStyle } from './sheet-plan';

/** The tag in every rule the product writes on a user's sheet: `N("…")` is 0, so it changes nothing. */
export const RULE_TAG = 'production-planner';

export interface HighlightRule {
  /** What the rule shows (`critical`, `slipped`). */
  key: string;
  /** The rule's formula, for the range's top-left cell, without the leading `=`. */
  formula: string;
  style: CellStyle;
}

/** Conditional-format rules for a block of a user's sheet: formatting only, never values. */
export interface HighlightPlan {
  sheet: string;
  /** A1 range, like `A2:Q41`. */
  range: string;
  rules: HighlightRule[];
}

/** Whether a conditional-format formula is one the product wrote. */
export function isOwnRule(formula: string): boolean {
  return formula.includes(`N("${RULE_TAG}:`);
}

/**
 * Highlights on the Tasks sheet: critical rows in red, rows that finish later than their
 * baseline on an amber fill. Each rule looks the row's ID up on the Schedule sheet, so it follows
 * the row if the user sorts or inserts rows, and it is replaced whole on each regeneration.
 */
export function planTaskHighlights(plan: Plan): HighlightPlan | null {
  const tasks = plan.tasks;
  const first = tasks.length > 0 ? cellOf(tasks[0].refs.id) : null;
  const last = tasks.length > 0 ? cellOf(tasks[tasks.length - 1].refs.id) : null;
  if (!first || !last) return null; // not a workbook (a JSON plan)
  let maxCol = first.column;
  const refs = tasks[0].refs;
  for (const at of [
    refs.name,
    refs.duration,
    refs.predecessors,
    refs.constraint,
    refs.constraintDate,
    refs.deadline,
    refs.percentComplete,
    refs.actualStart,
    refs.actualFinish,
    refs.outlineLevel,
    refs.resources,
  ]) {
    const p = cellOf(at);
    if (p) maxCol = Math.max(maxCol, p.column);
  }
  // Trimmed, as the reader trims IDs: a typed `S-9 ` is task S-9 on the Schedule too.
  const id = `TRIM($${columnLetters(first.column)}${first.row + 1})`;
  const lookup = (column: string, criterion: string, key: string) =>
    `COUNTIFS(Schedule!$A:$A,${id},Schedule!$${column}:$${column},${criterion})+N("${RULE_TAG}:${key}")>0`;
  return {
    sheet: plan.sheetNames.tasks,
    range: `${a1(first.row, 0)}:${a1(last.row, maxCol)}`,
    rules: [
      { key: 'slipped', formula: lookup('L', '">0"', 'slipped'), style: { fill: 'FFEB9C' } },
      { key: 'critical', formula: lookup('H', '"Yes"', 'critical'), style: { color: 'C00000', bold: true } },
    ],
  };
}

/**
 * Highlights on the Budget sheet: lines whose estimated final cost runs over
 * budget beyond the thresholds, amber or red as on the Cost Report. Each rule
 * finds the row's account on the Cost Report (as text, so `2100` typed as a
 * number or as text both match) and reads its Status there, so it follows the
 * line if the user sorts; the product replaces it on every regeneration.
 */
export function planBudgetHighlights(plan: Plan): HighlightPlan | null {
  const lines = plan.budget;
  const first = lines.length > 0 ? cellOf(lines[0].refs.account) : null;
  const last = lines.length > 0 ? cellOf(lines[lines.length - 1].refs.account) : null;
  if (!first || !last) return null;
  let minCol = first.column;
  let maxCol = minCol;
  const refs = lines[0].refs;
  for (const at of [refs.description, refs.category, refs.budget, refs.committed, refs.actual, refs.etc]) {
    const p = cellOf(at);
    if (p) {
      minCol = Math.min(minCol, p.column);
      maxCol = Math.max(maxCol, p.column);
    }
  }
  const report = `'Cost Report'`;
  const status = columnLetters(COST_COLUMNS.status);
  const account = columnLetters(COST_COLUMNS.account);
  const lookup = (text: string, key: string) =>
    `IFERROR(INDEX(${report}!$${status}:$${status},MATCH(TRIM($${columnLetters(first.column)}${first.row + 1}&""),${report}!$${account}:$${account},0)),"")="${text}"` +
    `,N("${RULE_TAG}:${key}")=0`;
  return {
    sheet: plan.sheetNames.budget,
    range: `${a1(first.row, minCol)}:${a1(last.row, maxCol)}`,
    rules: [
      {
        key: 'budget-red',
        formula: `AND(${lookup(STATUS_STYLE.red.text, 'budget-red')})`,
        style: { fill: STATUS_STYLE.red.fill, color: STATUS_STYLE.red.color },
      },
      {
        key: 'budget-amber',
        formula: `AND(${lookup(STATUS_STYLE.amber.text, 'budget-amber')})`,
        style: { fill: STATUS_STYLE.amber.fill, color: STATUS_STYLE.amber.color },
      },
    ],
  };
}

/**
 * Highlights on the Resources sheet: resources over-allocated somewhere, in red. Each rule finds
 * the row's name on the Resource Usage sheet and reads its Over column there. With no Resource
 * Usage sheet (no task books a resource), the plan has no rules: the product's earlier ones go.
 */
export function planResourceHighlights(plan: Plan, usageSheet: boolean): HighlightPlan | null {
  const list = plan.resources;
  const first = list.length > 0 ? cellOf(list[0].at) : null;
  const last = list.length > 0 ? cellOf(list[list.length - 1].at) : null;
  if (!first || !last) return null;
  let [minCol, maxCol] = [first.column, first.column];
  for (const at of Object.values(list[0].refs)) {
    const p = cellOf(at);
    if (p) [minCol, maxCol] = [Math.min(minCol, p.column), Math.max(maxCol, p.column)];
  }
  const usage = `'Resource Usage'`;
  const name = columnLetters(USAGE_COLUMNS.resource);
  const over = columnLetters(USAGE_COLUMNS.overallocated);
  const formula =
    `COUNTIFS(${usage}!$${name}:$${name},TRIM($${columnLetters(first.column)}${first.row + 1}&""),` +
    `${usage}!$${over}:$${over},"Yes")+N("${RULE_TAG}:overallocated")>0`;
  return {
    sheet: plan.sheetNames.resources,
    range: `${a1(first.row, minCol)}:${a1(last.row, maxCol)}`,
    rules: usageSheet ? [{ key: 'overallocated', formula, style: { fill: 'FFC7CE', color: '9C0006' } }] : [],
  };
}
