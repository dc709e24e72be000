import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { workbookFromJsonPlan } from '../../src/workbook/from-json';
import { workbookToBuffer } from '../../src/workbook/exceljs-host';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pp-test-'));
}

/** Writes a JSON-form plan as a real .xlsx workbook (dates as Excel dates) and returns its path. */
export async function writeXlsx(
  dir: string,
  name: string,
  doc: Record<string, unknown>,
  tasksAsTable = false,
): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await workbookToBuffer(workbookFromJsonPlan(doc, { tasksAsTable })));
  return file;
}

export const SMALL_PLAN = {
  settings: { 'Project Start': '2027-03-01', 'Status Date': '2027-03-03' },
  holidays: [{ Date: '2027-03-03', Name: 'Holiday' }],
  tasks: [
    { ID: '1', Name: 'Prep', Duration: '2d', 'Outline Level': 1 },
    { ID: '2', Name: '=1+1', Duration: '1d', Predecessors: '1', 'Outline Level': 1 },
    { ID: '3', Name: 'Wrap', Duration: 0, Predecessors: '2', 'Outline Level': 1 },
  ],
};
