/**
 * What the Regenerate flow needs of a workbook it writes into, whatever the host: ExcelJS over a
 * file (exceljs-host.ts) or Office.js inside Excel (office-host.ts). No host type appears here,
 * so the flow (regenerate-flow.ts) is the same for both.
 *
 * An adapter may apply each call at once (ExcelJS) or queue it and apply everything at
 * {@link WorkbookWriter.commit} (Office.js, which batches its requests into few syncs); the flow
 * makes its calls in one order and commits once, and only when it writes something.
 */
import type { HighlightPlan } from '../core/layout/highlights';
import type { SheetPlan } from '../core/layout/sheet-plan';

/** A generated sheet as [marker key, sheet name] (see GENERATED_SHEETS). */
export type GeneratedSheet = readonly [key: string, name: string];

export interface WorkbookWriter {
  /** Names of the planned sheets that cannot be written: a same-named sheet exists that the product did not write. */
  conflictingSheets(plans: readonly SheetPlan[]): Promise<string[]>;
  /** Writes a sheet plan, replacing the sheet the product wrote under its key (in that sheet's place). */
  applySheetPlan(plan: SheetPlan): Promise<void>;
  /** Removes the product's sheets under these keys, and their markers: sheets this run has no content for. */
  removeStaleSheets(sheets: readonly GeneratedSheet[]): Promise<void>;
  /** Replaces the product's highlight rules on the user's sheets with these. */
  applyHighlights(highlights: readonly HighlightPlan[]): Promise<void>;
  /** Shows a sheet written in this run. */
  activate(sheet: string): Promise<void>;
  /** Applies whatever the adapter queued. Called once, after the other calls, when anything is written. */
  commit(): Promise<void>;
}
