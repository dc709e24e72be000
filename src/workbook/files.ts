import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { Calculation, calculate, hasErrors } from '../core/calculate';
import { cellLocation, fileLocation, parseA1 } from '../core/location';
import { clip } from '../core/helpers';
import type { Issue } from '../core/model';
import type { RawWorkbook } from '../core/raw';
import { excelSerialFromWall } from '../core/time';
import type { ReadOptions } from '../core/read/read-plan';
// ExcelJS takes a third of a second to load: it is loaded to write a workbook back (or to read one the
// fast reader declines), never for JSON plans or a plain calculate.
type ExcelHost = typeof import('./exceljs-host');
const excelHost = (): Promise<ExcelHost> => import('./exceljs-host');
import { readJsonPlan } from './json-host';
import { FileStamp, WriteError, stampOf, writeFileSafely } from './safe-write';
import type { InvalidNumber } from './xlsx/invalid-numbers';
// What only writing a workbook (or reading an .xlsx) takes is loaded then: 8 ms of modules that
// `calculate plan.json` does without.
const regenerateFlow = () => import('./regenerate-flow');
const xlsxReader = () => import('./xlsx-reader');

/** A problem with the command or the file itself (exit code 2), as opposed to the plan in it. */
export class FileError extends Error {}

/** Why a file could not be read, in a line: `plan.xlsx: no such file`, `plan.xlsx: cannot be read (EACCES)`. */
export function cannotRead(file: string, e: unknown): FileError {
  const code = (e as NodeJS.ErrnoException).code;
  return new FileError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(e)})`);
}

export interface LoadedPlan {
  raw: RawWorkbook;
  /**
   * The workbook, for .xlsx input; null when it was read with `readOnly` by the fast reader
   * (which declines, leaving it to ExcelJS, whatever it does not read exactly as ExcelJS does).
   */
  excel: ExcelJS.Workbook | null;
  /** Shape problems of a JSON plan. */
  issues: Issue[];
  /** Parts of the file that the .xlsx writer cannot carry over (charts, pivot tables, macros...). */
  unkeptParts: string[];
  /** The file's version as read: writing it back in place is refused when another program changed it since. */
  stamp?: FileStamp;
}

/** Package parts the .xlsx writer (ExcelJS) does not carry over, or not faithfully. */
const UNKEPT_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, 'charts'],
  [/^xl\/pivot(Tables|Cache)\//, 'pivot tables'],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, 'slicers or timelines'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
  [/^xl\/externalLinks\//, 'links to other workbooks'],
  [/^xl\/threadedComments\//, 'threaded comments'],
  [/^xl\/drawings\//, 'drawings (shapes, text boxes or pictures)'],
  [/^xl\/(ctrlProps|activeX)\//, 'form controls'],
  [/^xl\/embeddings\//, 'embedded objects'],
  [/^xl\/(connections\.xml|queryTables\/|model\/)/, 'data connections or queries'],
  [/^customXml\//, 'custom XML parts'],
];

function unkeptParts(zip: JSZip): string[] {
  const found = new Set<string>();
  for (const name of Object.keys(zip.files))
    for (const [re, label] of UNKEPT_PARTS) if (re.test(name)) found.add(label);
  return [...found];
}

function date1904Issues(date1904: boolean, file: string): Issue[] {
  if (!date1904) return [];
  return [
    {
      severity: 'error',
      message:
        'This workbook uses the 1904 date system, which Production Planner does not read yet. In Excel: File > Options > Advanced > "When calculating this workbook", clear "Use 1904 date system" (check your dates afterwards).',
      at: fileLocation(path.basename(file)),
    },
  ];
}

export interface LoadOptions {
  /**
   * The caller only reads the plan (it writes nothing back): a workbook is read by the fast
   * reader, without ExcelJS, and `excel` is null unless the fast reader declined it.
   */
  readOnly?: boolean;
  /**
   * The caller replaces or removes every generated sheet (regenerate, clean): their rows, which
   * for a large plan are most of the workbook, are not read.
   */
  replacesGenerated?: boolean;
}

export async function loadPlanFile(file: string, options: LoadOptions = {}): Promise<LoadedPlan> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx' && ext !== '.xlsm') {
    throw new FileError(`${file}: expected an .xlsx workbook or a .json plan`);
  }
  let buffer: Buffer;
  let stamp: FileStamp;
  try {
    // The version read and its stamp from one open file, so that a write in between cannot slip by.
    const fd = fs.openSync(file, 'r');
    try {
      stamp = stampOf(fs.fstatSync(fd));
      buffer = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw cannotRead(file, e);
  }
  if (ext === '.json') {
    let doc: unknown;
    try {
      doc = JSON.parse(buffer.toString('utf8'));
    } catch (e) {
      throw new FileError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const read = readJsonPlan(doc);
    return { raw: read.workbook, excel: null, issues: read.issues, unkeptParts: [], stamp };
  }
  const unreadable = (e: unknown) => new FileError(`${file}: not a readable .xlsx workbook (${(e as Error).message})`);
  const identify = await import('./xlsx/identify');
  const notZip = identify.notAZipWorkbook(buffer);
  if (notZip) throw new FileError(`${file}: ${notZip}`);
  let unkept: string[];
  let zip: JSZip;
  try {
    const { default: JSZipClass } = await import('jszip');
    zip = await JSZipClass.loadAsync(buffer);
    unkept = unkeptParts(zip);
  } catch (e) {
    throw new FileError(
      `${file}: this .xlsx file is damaged (its zip package cannot be read: ${(e as Error).message}); open it in Excel to repair it`,
    );
  }
  const notXlsx = await identify.notAnXlsxPackage(zip);
  if (notXlsx) throw new FileError(`${file}: ${notXlsx}`);
  if (options.readOnly) {
    const fast = await (await xlsxReader()).readXlsxFast(zip);
    if (fast.ok)
      return { raw: fast.raw, excel: null, issues: date1904Issues(fast.date1904, file), unkeptParts: unkept, stamp };
  }
  // ExcelJS holds every cell in memory: a workbook too large for that is refused before it is loaded.
  const { GENERATED_SHEETS } = await import('../core/layout/generated-sheets');
  const generated = GENERATED_SHEETS.map(([, name]) => name);
  const scan = await (await import('./xlsx/worksheet-scan')).scanWorksheets(zip, generated);
  if (scan.tooLarge) throw new FileError(`${file}: ${scan.tooLarge}`);
  const host = await excelHost();
  const emptyParts = options.replacesGenerated
    ? await (await import('./xlsx/own-sheets')).ownSheetParts(zip, GENERATED_SHEETS)
    : [];
  let excel: ExcelJS.Workbook;
  try {
    excel = await host.loadWorkbook(buffer, { emptyParts });
  } catch (e) {
    throw unreadable(e);
  }
  const date1904 = (excel.properties as { date1904?: boolean }).date1904 === true;
  const kept = keepInvalidNumbersAsText(scan.invalid, excel);
  return {
    raw: host.rawWorkbookFromExcelJS(excel),
    excel,
    issues: [...date1904Issues(date1904, file), ...kept],
    unkeptParts: unkept,
    stamp,
  };
}

/**
 * Number cells holding no valid number (`abc`, `NaN`, `1e999`, as broken producers write them)
 * become the text they hold, so that they are neither lost nor written back as a number Excel must
 * repair; each is a warning at its cell.
 */
function keepInvalidNumbersAsText(invalid: readonly InvalidNumber[], excel: ExcelJS.Workbook): Issue[] {
  const issues: Issue[] = [];
  for (const bad of invalid) {
    const ws = excel.getWorksheet(bad.sheet);
    const at = parseA1(bad.ref);
    if (!ws || !at) continue;
    ws.getCell(bad.ref).value = bad.text;
    issues.push({
      severity: 'warning',
      message: `This cell was saved as a number but holds "${clip(bad.text)}", which is no number (the program that wrote the file broke it): it is kept as text.`,
      at: cellLocation(bad.sheet, at.row, at.column),
    });
  }
  return issues;
}

/** Reads and calculates a plan file; shape problems of a JSON plan come back as errors. */
export async function calculateFile(file: string, options: ReadOptions = {}): Promise<Calculation> {
  const loaded = await loadPlanFile(file, { readOnly: true });
  if (hasErrors(loaded.issues)) return { plan: null, schedule: null, issues: loaded.issues };
  const calc = calculate(loaded.raw, options);
  return { ...calc, issues: [...loaded.issues, ...calc.issues] };
}

export interface RegenerateOptions extends ReadOptions {
  /** Where to write; default: `<input>.regenerated.xlsx` beside the input. */
  output?: string;
  inPlace?: boolean;
}

export interface RegenerateResult {
  calc: Calculation;
  /** The file written, or null when errors stopped the run. */
  written: string | null;
  sheets: string[];
}

/** Whether two paths name one file (also on case-insensitive disks, and through links). */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false; // one of them does not exist yet
  }
}

/**
 * Writes a workbook safely (see safe-write): checked to open, flushed, read back, then renamed over
 * the target. Updating the input in place is refused when another program changed it since it was
 * read. A failure is a file error (exit 2), the target unchanged.
 */
async function writeWorkbook(
  excel: ExcelJS.Workbook,
  target: string,
  loaded: LoadedPlan,
  input: string,
): Promise<void> {
  const { workbookToBuffer } = await excelHost();
  const { verifyWrittenWorkbook } = await import('./xlsx/verify-written');
  const buffer = await workbookToBuffer(excel);
  try {
    await writeFileSafely(target, buffer, {
      verify: verifyWrittenWorkbook,
      expect: sameFile(target, input) ? loaded.stamp : undefined,
    });
  } catch (e) {
    if (e instanceof WriteError) throw new FileError(e.message);
    throw e;
  }
}

/**
 * Regenerates a workbook file: reads it, calculates, and writes the generated
 * sheets into a copy (or the file itself with `inPlace`). Input sheets are
 * never changed; nothing is written when the plan has errors.
 */
export async function regenerateFile(input: string, options: RegenerateOptions = {}): Promise<RegenerateResult> {
  const target = outputFor(input, options, 'regenerated');
  // Every generated sheet is replaced, or removed when this run has no content for it.
  const loaded = await loadForWriting(input, options.inPlace, true);
  if (hasErrors(loaded.issues))
    return { calc: { plan: null, schedule: null, issues: loaded.issues }, written: null, sheets: [] };
  const extraIssues: Issue[] = [...loaded.issues];
  if (loaded.unkeptParts.length > 0) {
    extraIssues.push({
      severity: 'warning',
      message: `The workbook has ${loaded.unkeptParts.join(', ')}, which the file writer cannot carry over: the regenerated copy lacks them. The original file is unchanged.`,
      at: fileLocation(path.basename(input)),
    });
  }
  const { excelJsWriter } = await excelHost();
  const { regenerate } = await regenerateFlow();
  const outcome = await regenerate(loaded.raw, excelJsWriter(loaded.excel), {
    read: options,
    onErrors: 'write-nothing',
    extraIssues,
  });
  if (!outcome.written) return { calc: outcome.calc, written: null, sheets: [] };
  await writeWorkbook(loaded.excel, target, loaded, input);
  return { calc: outcome.calc, written: target, sheets: outcome.sheets };
}

/** Where a command writes: the input itself (--in-place), -o, or a new file beside the input. */
function outputFor(input: string, options: { output?: string; inPlace?: boolean }, suffix: string): string {
  if (path.extname(input).toLowerCase() !== '.xlsx') throw new FileError(`${input}: this works on .xlsx workbooks`);
  if (options.inPlace && options.output) throw new FileError('give either -o or --in-place, not both');
  const ext = path.extname(input);
  const target = options.inPlace
    ? input
    : (options.output ?? path.join(path.dirname(input), `${path.basename(input, ext)}.${suffix}${ext}`));
  if (!options.inPlace && sameFile(target, input))
    throw new FileError(`${target} is the input file: use --in-place to update it`);
  if (path.extname(target).toLowerCase() !== '.xlsx')
    throw new FileError(`${target}: the output must be an .xlsx file`);
  return target;
}

async function loadForWriting(
  input: string,
  inPlace: boolean | undefined,
  replacesGenerated: boolean,
): Promise<LoadedPlan & { excel: ExcelJS.Workbook }> {
  const loaded = await loadPlanFile(input, { replacesGenerated });
  if (inPlace && loaded.unkeptParts.length > 0) {
    throw new FileError(
      `${input} has ${loaded.unkeptParts.join(', ')}, which the file writer cannot keep: updating it in place would lose them. Write a copy instead (without --in-place).`,
    );
  }
  return loaded as LoadedPlan & { excel: ExcelJS.Workbook };
}

/** Removes what the product wrote (generated sheets and highlight rules); the user's sheets and rules stay. */
export async function cleanFile(
  input: string,
  options: { output?: string; inPlace?: boolean } = {},
): Promise<{ written: string; sheets: string[]; rules: number }> {
  const target = outputFor(input, options, 'clean');
  const loaded = await loadForWriting(input, options.inPlace, true);
  const { cleanWorkbook } = await excelHost();
  const { GENERATED_SHEETS } = await import('../core/layout');
  const removed = cleanWorkbook(loaded.excel, GENERATED_SHEETS);
  await writeWorkbook(loaded.excel, target, loaded, input);
  return { written: target, ...removed };
}

export interface BaselineResult {
  calc: Calculation;
  /** The file written; null when the plan has errors or overwriting needs --yes. */
  written: string | null;
  /** Baseline cells that held other dates, as `Tasks!P5: 2027-03-01 08:00 -> 2027-03-02 08:00`. */
  overwrites: string[];
  tasks: number;
}

/**
 * Sets the baseline: copies each task's current Start and Finish into its Baseline Start and
 * Baseline Finish cells (adding those columns to the Tasks sheet when it has none). Where that
 * would replace earlier baseline dates, nothing is written unless `yes` is given; the cells are
 * listed either way.
 */
export async function baselineFile(
  input: string,
  options: { output?: string; inPlace?: boolean; yes?: boolean } & ReadOptions = {},
): Promise<BaselineResult> {
  const target = outputFor(input, options, 'baselined');
  // The generated sheets stay as they are: read whole, to be written back whole.
  const loaded = await loadForWriting(input, options.inPlace, false);
  if (hasErrors(loaded.issues))
    return { calc: { plan: null, schedule: null, issues: loaded.issues }, written: null, overwrites: [], tasks: 0 };
  const calculated = calculate(loaded.raw, options);
  const calc = { ...calculated, issues: [...loaded.issues, ...calculated.issues] };
  if (!calc.plan || !calc.schedule || hasErrors(calc.issues)) return { calc, written: null, overwrites: [], tasks: 0 };
  const { plan, schedule: r } = calc;
  const { findSheet } = await excelHost();
  const ws = findSheet(loaded.excel, plan.sheetNames.tasks)!;
  const raw = loaded.raw.sheets.find((sh) => sh.name === plan.sheetNames.tasks)!;
  const { planBaseline } = await import('../core/baseline');
  const baseline = planBaseline(plan, r, raw)!;
  const overwrites = baseline.overwrites;
  if (overwrites.length > 0 && !options.yes) return { calc, written: null, overwrites, tasks: plan.tasks.length };
  for (const h of baseline.headers) {
    const cell = ws.getCell(h.address);
    cell.value = h.text;
    // The look of the header beside it (fill, font, borders, wrap), or bold where it has none of its own.
    const col = Number(cell.col);
    const beside = col > 1 ? ws.getCell(Number(cell.row), col - 1) : null;
    if (beside && beside.value !== null && Object.keys(beside.style ?? {}).length > 0)
      cell.style = JSON.parse(JSON.stringify(beside.style)) as ExcelJS.Style;
    else cell.font = { bold: true };
  }
  for (const { address, wall } of baseline.writes) {
    const cell = ws.getCell(address);
    cell.value = excelSerialFromWall(wall);
    cell.numFmt = 'yyyy-mm-dd hh:mm';
  }
  await writeWorkbook(loaded.excel, target, loaded, input);
  return { calc, written: target, overwrites, tasks: plan.tasks.length };
}
