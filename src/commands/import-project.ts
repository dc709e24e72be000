/**
 * Import from Microsoft Project, inside Excel: a Project XML file chosen in the task pane becomes
 * the workbook's input sheets (Settings, Tasks, Resources, Calendars, Holidays). A sheet of that
 * name already in the workbook is replaced only when the user agreed: the first call asks (the
 * outcome names the sheets), the second, with `replace`, writes.
 */
import type { Issue } from '../core/model';
import { importMspdi, type ImportResult } from '../core/msproject/import';
import { inputSheetPlans } from '../core/msproject/input-sheets';
import { SyncCounter, writeInputSheets } from '../workbook/office-host';
import { MspdiError, readMspdi } from '../workbook/msproject/read-mspdi';
import type { ExcelRun } from './regenerate';

export type ImportOutcome =
  /** Nothing written: the file is not Project XML, or it has errors. */
  | { kind: 'refused'; issues: Issue[] }
  /** Nothing written yet: these sheets would be replaced; ask, then call again with `replace`. */
  | { kind: 'confirm'; sheets: string[] }
  /** Written: the sheets, those replaced, what did not come across (warnings), and the syncs taken. */
  | {
      kind: 'imported';
      sheets: string[];
      replaced: string[];
      issues: Issue[];
      counts: ImportResult['counts'];
      syncs: number;
    };

export async function importProjectXml(
  run: ExcelRun,
  bytes: Uint8Array,
  fileName: string,
  options: { replace?: boolean; ids?: 'id' | 'wbs' } = {},
): Promise<ImportOutcome> {
  let read: ImportResult;
  try {
    read = importMspdi(readMspdi([bytes]), { fileName, ids: options.ids });
  } catch (e) {
    if (!(e instanceof MspdiError)) throw e;
    return {
      kind: 'refused',
      issues: [
        {
          severity: 'error',
          message: `${fileName} is not a Microsoft Project XML file: ${e.message}.`,
          at: { kind: 'file', name: fileName },
        },
      ],
    };
  }
  const doc = read.doc;
  if (!doc) return { kind: 'refused', issues: read.issues };
  const plans = inputSheetPlans(doc);
  return run(async (context) => {
    const counter: SyncCounter = { syncs: 0 };
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    counter.syncs++;
    const names = sheets.items.map((s) => s.name);
    const clash = plans.flatMap((p) => names.filter((n) => n.toLowerCase() === p.name.toLowerCase()));
    if (clash.length > 0 && !options.replace) return { kind: 'confirm', sheets: clash };
    await writeInputSheets(context, plans, clash, counter);
    return {
      kind: 'imported',
      sheets: plans.map((p) => p.name),
      replaced: clash,
      issues: read.issues,
      counts: read.counts,
      syncs: counter.syncs,
    };
  });
}
