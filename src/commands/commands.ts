/**
 * The ribbon's Regenerate button (an ExecuteFunction command in the shared runtime): one click
 * regenerates the open workbook, no pane needed. With errors, the Plan Issues sheet is written
 * and shown (see regenerateWorkbook).
 */
import { regenerateWorkbook } from './regenerate';

async function regenerate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await regenerateWorkbook(Excel.run);
  } catch (e) {
    // Nothing to show without a pane; the message goes to the runtime's console for support.
    console.error('Production Planner: Regenerate failed', e);
  } finally {
    event.completed();
  }
}

/** Associates the manifest's FunctionName `regenerate` with its handler. */
export function registerCommands(): void {
  Office.actions.associate('regenerate', regenerate);
}
