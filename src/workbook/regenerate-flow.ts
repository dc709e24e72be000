/**
 * Regenerate, for every host: calculate, plan the generated sheets, stop at sheets in the way,
 * write the sheets, remove those this run has no content for, write the highlights. The CLI and
 * library (files.ts, over ExcelJS) and the ribbon and task pane (commands/regenerate.ts, over
 * Office.js) both run this one flow through a {@link WorkbookWriter}; what differs between them
 * is an option here, not a second flow.
 */
import { Calculation, calculate, hasErrors } from '../core/calculate';
import { GENERATED_SHEETS, planGeneratedSheets, planHighlights } from '../core/layout';
import { sheetLocation } from '../core/location';
import type { Issue } from '../core/model';
import type { RawWorkbook } from '../core/raw';
import type { WorkbookWriter } from './port';

export interface RegenerateFlowOptions {
  /** How the plan is read (the day used when Settings give no Status Date). */
  read?: Parameters<typeof calculate>[1];
  /**
   * What is written when the plan has errors: nothing (a file: the command lists the errors), or
   * the Plan Issues sheet alone, shown (inside Excel, where a click on the ribbon has no other
   * place to tell what to fix). The earlier Schedule, Gantt and cost sheets stay either way.
   */
  onErrors: 'write-nothing' | 'write-issues-sheet';
  /** Issues the host adds to the calculation's (what the file writer cannot keep): listed on Plan Issues too. */
  extraIssues?: readonly Issue[];
  /** Told each step as it starts. */
  onProgress?: (step: string) => void;
}

export interface RegenerateOutcome {
  /** The calculation, its issues including the host's and any sheet in the way. */
  calc: Calculation;
  /** True when the generated sheets were written: false when errors or a sheet in the way stopped the run. */
  written: boolean;
  /** The sheets written: all the generated ones, Plan Issues alone (errors, `write-issues-sheet`), or none. */
  sheets: string[];
}

/** A sheet with a generated sheet's name that the product did not write: it stops the run. */
export function sheetConflictIssue(name: string): Issue {
  return {
    severity: 'error',
    message: `A sheet named "${name}" already exists and was not written by Production Planner, so it is left alone and nothing is written. Rename that sheet to let the planner create its own.`,
    at: sheetLocation(name),
  };
}

/**
 * Calculates a plan and writes what it generates through `writer`. Nothing at all is written when
 * a sheet with a generated sheet's name was not written by the product; when the plan has errors,
 * what `onErrors` says.
 */
export async function regenerate(
  raw: RawWorkbook,
  writer: WorkbookWriter,
  options: RegenerateFlowOptions,
): Promise<RegenerateOutcome> {
  const progress = options.onProgress ?? (() => undefined);
  progress('Calculating the schedule and costs');
  const calc = calculate(raw, options.read);
  const issues = [...calc.issues, ...(options.extraIssues ?? [])];
  const result: Calculation = { ...calc, issues };
  const plans = planGeneratedSheets(result);
  const conflicts = await writer.conflictingSheets(plans);
  for (const name of conflicts) issues.push(sheetConflictIssue(name));
  if (conflicts.length > 0) return { calc: result, written: false, sheets: [] };
  if (hasErrors(issues)) {
    if (options.onErrors === 'write-nothing') return { calc: result, written: false, sheets: [] };
    const issuesSheet = plans.filter((p) => p.key === 'PlanIssues');
    for (const p of issuesSheet) {
      await writer.applySheetPlan(p);
      await writer.activate(p.name);
    }
    await writer.commit();
    return { calc: result, written: false, sheets: issuesSheet.map((p) => p.name) };
  }
  progress(`Writing ${plans.map((p) => p.name).join(', ')}`);
  for (const p of plans) await writer.applySheetPlan(p);
  // Sheets an earlier run wrote that this one has no content for (a budget since removed).
  await writer.removeStaleSheets(GENERATED_SHEETS.filter(([key]) => !plans.some((p) => p.key === key)));
  await writer.applyHighlights(planHighlights(result));
  await writer.commit();
  return { calc: result, written: true, sheets: plans.map((p) => p.name) };
}
