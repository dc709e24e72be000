/**
 * `import` and `export` on files: Project XML to a plan (.xlsx or .json) and a plan to Project XML.
 * Writes are atomic (safe-write) and never replace an existing file unless asked.
 */
import fs from 'fs';
import path from 'path';
import type { Issue } from '../../core/model';
import { hasErrors } from '../../core/calculate';
import { importMspdi, type ImportResult } from '../../core/msproject/import';
import { planToMspdi } from '../../core/msproject/export';
import { FileError, calculateFile, cannotRead } from '../files';
import { workbookFromJsonPlan } from '../from-json';
import { workbookToBuffer } from '../exceljs-host';
import { WriteError, writeFileSafely } from '../safe-write';
import { MspdiError, readMspdi } from './read-mspdi';

const CHUNK = 1 << 20;
/** The Tasks columns of an import, in the order a coordinator reads them. */
const TASK_COLUMNS = [
  'ID',
  'Name',
  'Duration',
  'Predecessors',
  'Outline Level',
  'Resources',
  'Constraint',
  'Constraint Date',
  'Deadline',
];

/** A file's bytes a megabyte at a time, so that a 50 MB file is never one string in memory. */
function* chunksOf(fd: number): Generator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (;;) {
    const n = fs.readSync(fd, buffer, 0, CHUNK, null);
    if (n === 0) return;
    yield buffer.subarray(0, n);
  }
}

/** Reads a Project XML file; a file that is not one is a FileError naming what it is. */
export function readProjectXml(file: string, ids: 'id' | 'wbs' = 'id'): ImportResult {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw cannotRead(file, e);
  }
  try {
    return importMspdi(readMspdi(chunksOf(fd)), { ids, fileName: path.basename(file) });
  } catch (e) {
    if (e instanceof MspdiError) throw new FileError(`${file}: not a Microsoft Project XML file: ${e.message}`);
    throw cannotRead(file, e);
  } finally {
    fs.closeSync(fd);
  }
}

export interface ImportFileOptions {
  output: string;
  ids?: 'id' | 'wbs';
  /** Replace the output file when it exists. */
  force?: boolean;
}

export interface ImportFileResult {
  written: string | null;
  issues: Issue[];
  counts: ImportResult['counts'];
}

function refuseExisting(output: string, force: boolean | undefined): void {
  if (!force && fs.existsSync(output))
    throw new FileError(`${output} exists: nothing was written. Choose another name, or add --force to replace it.`);
}

async function writeOut(output: string, data: Buffer): Promise<void> {
  try {
    await writeFileSafely(output, data);
  } catch (e) {
    if (e instanceof WriteError) throw new FileError(e.message);
    throw e;
  }
}

/** Project XML to a plan workbook (.xlsx) or JSON plan (.json). Nothing is written when the file has errors. */
export async function importProjectFile(input: string, options: ImportFileOptions): Promise<ImportFileResult> {
  const ext = path.extname(options.output).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.json')
    throw new FileError(`${options.output}: write the plan as an .xlsx workbook or a .json plan`);
  refuseExisting(options.output, options.force);
  const read = readProjectXml(input, options.ids);
  if (!read.doc || hasErrors(read.issues)) return { written: null, issues: read.issues, counts: read.counts };
  const data =
    ext === '.json'
      ? Buffer.from(JSON.stringify(read.doc, null, 2) + '\n', 'utf8')
      : await workbookToBuffer(
          workbookFromJsonPlan(read.doc as unknown as Record<string, unknown>, { taskColumns: TASK_COLUMNS }),
        );
  await writeOut(options.output, data);
  return { written: options.output, issues: read.issues, counts: read.counts };
}

/** A plan (.xlsx or .json), scheduled, to Project XML. Nothing is written when the plan has errors. */
export async function exportProjectFile(
  input: string,
  options: { output: string; force?: boolean },
): Promise<{ written: string | null; issues: Issue[] }> {
  if (path.extname(options.output).toLowerCase() !== '.xml')
    throw new FileError(`${options.output}: Project XML is written to an .xml file`);
  refuseExisting(options.output, options.force);
  const calc = await calculateFile(input);
  if (!calc.plan || !calc.schedule || hasErrors(calc.issues)) return { written: null, issues: calc.issues };
  const xml = planToMspdi(calc.plan, calc.schedule, path.basename(input, path.extname(input)));
  await writeOut(options.output, Buffer.from(xml, 'utf8'));
  return { written: options.output, issues: calc.issues };
}
