/**
 * Workbooks as other programs write them (LibreOffice, openpyxl), broken or hostile cells, and files
 * that are no workbook at all: each regenerates, or gets a plain answer, and nothing is lost.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { calculationToJson } from '../../src/core/report/json';
import { loadWorkbook } from '../../src/workbook/exceljs-host';
import { scanWorksheets } from '../../src/workbook/xlsx/worksheet-scan';
import { FileError, calculateFile, regenerateFile } from '../../src/workbook/files';
import { readWorkbook } from '../../src/workbook/office-host';
import { calculate } from '../../src/core/calculate';
import { SimContext, SimWorkbook } from '../support/excel-sim';
import { SMALL_PLAN, tempDir, writeXlsx } from './fixtures';

const PRODUCERS = path.resolve(__dirname, '../fixtures/producers');
const SAMPLE = path.resolve(__dirname, '../../examples/film-shoot.xlsx');

/** A workbook as the file reader loads it (ExcelJS alone cannot open openpyxl's files). */
async function open(file: string): Promise<ExcelJS.Workbook> {
  return loadWorkbook(fs.readFileSync(file));
}

/** Every non-empty cell value of a sheet by address. */
function values(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      out[cell.address] = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
    }),
  );
  return out;
}

/** A copy of a workbook with one part's XML changed. */
async function patched(file: string, out: string, part: string, change: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file(part)!.async('string');
  const next = change(xml);
  if (next === xml) throw new Error(`the patch changed nothing in ${part}`);
  zip.file(part, next);
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
  return out;
}

describe('workbooks saved by other programs regenerate', () => {
  test.each([
    ['LibreOffice', 'film-libreoffice.xlsx'],
    ['openpyxl', 'film-openpyxl.xlsx'],
  ])('the film sample saved by %s', async (_producer, name) => {
    const dir = tempDir();
    const input = path.join(dir, name);
    fs.copyFileSync(path.join(PRODUCERS, name), input);
    const before = fs.readFileSync(input);
    const r = await regenerateFile(input);
    expect(r.written).not.toBeNull();
    expect(fs.readFileSync(input)).toEqual(before);
    // The same schedule as the sample as Excel saves it.
    const original = calculationToJson(await calculateFile(SAMPLE));
    expect(calculationToJson(r.calc).tasks).toEqual(original.tasks);
    const [inWb, outWb] = [await open(input), await open(r.written!)];
    for (const ws of inWb.worksheets) expect(values(outWb.getWorksheet(ws.name)!)).toEqual(values(ws));
    expect(outWb.getWorksheet('Gantt')).toBeDefined();
  });
});

describe("an Excel table's totals row is no task", () => {
  async function withTotals(dir: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Settings').addRows([
      ['Setting', 'Value'],
      ['Project Start', '2027-03-01'],
    ]);
    const ws = wb.addWorksheet('Tasks');
    ws.addTable({
      name: 'TasksTable',
      ref: 'A1',
      totalsRow: true,
      columns: [
        { name: 'ID', totalsRowLabel: 'Total' },
        { name: 'Name' },
        { name: 'Duration' },
        { name: 'Fixed Cost', totalsRowFunction: 'sum' },
      ],
      rows: [
        ['1', 'Prep', '2d', 100],
        ['2', 'Shoot', '3d', 200],
      ],
    });
    const file = path.join(dir, 'totals.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }

  test('in a file, read by calculate and by regenerate', async () => {
    const file = await withTotals(tempDir());
    for (const calc of [await calculateFile(file), (await regenerateFile(file)).calc]) {
      expect(calc.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(calc.plan!.tasks.map((t) => t.id)).toEqual(['1', '2']);
    }
  });

  test('inside Excel', async () => {
    const book = new SimWorkbook();
    const settings = book.addSheet('Settings');
    [
      ['Setting', 'Value'],
      ['Project Start', '2027-03-01'],
    ].forEach((r, i) => r.forEach((v, c) => settings.type(i, c, v)));
    const tasks = book.addSheet('Tasks');
    const rows = [
      ['ID', 'Name', 'Duration'],
      ['1', 'Prep', '2d'],
      ['2', 'Shoot', '3d'],
      ['Total', '', ''],
    ];
    rows.forEach((r, i) => r.forEach((v, c) => v !== '' && tasks.type(i, c, v)));
    tasks.tables.push({ name: 'TasksTable', area: { row: 0, col: 0, rows: 4, cols: 3 }, showTotals: true });
    const ctx = new SimContext(book);
    const snapshot = await readWorkbook(ctx as unknown as Excel.RequestContext);
    const calc = calculate(snapshot.raw);
    expect(calc.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(calc.plan!.tasks.map((t) => t.id)).toEqual(['1', '2']);
  });
});

describe('broken cells', () => {
  test('a number cell holding no number is kept as the text it holds, with a warning at its cell', async () => {
    const dir = tempDir();
    const wb = workbookWithNotes();
    const plain = path.join(dir, 'plain.xlsx');
    await wb.xlsx.writeFile(plain);
    const input = await patched(plain, path.join(dir, 'broken.xlsx'), 'xl/worksheets/sheet3.xml', (x) =>
      x.replace('<v>111</v>', '<v>abc</v>').replace('<v>222</v>', '<v>1e999</v>').replace('<v>333</v>', '<v>NaN</v>'),
    );
    const r = await regenerateFile(input);
    expect(r.written).not.toBeNull();
    const notes = (await open(r.written!)).getWorksheet('Notes')!;
    expect([notes.getCell('A1').value, notes.getCell('B1').value, notes.getCell('C1').value]).toEqual([
      'abc',
      '1e999',
      'NaN',
    ]);
    const warnings = r.calc.issues.filter((i) => /saved as a number but holds/.test(i.message));
    expect(warnings.map((w) => w.at)).toEqual([
      { kind: 'cell', sheet: 'Notes', row: 0, column: 0 },
      { kind: 'cell', sheet: 'Notes', row: 0, column: 1 },
      { kind: 'cell', sheet: 'Notes', row: 0, column: 2 },
    ]);
    // calculate reads the cells the same way (the fast reader leaves them to ExcelJS's host).
    const calc = await calculateFile(input);
    expect(calc.issues.filter((i) => /saved as a number but holds/.test(i.message))).toHaveLength(3);
  });

  test('control characters and literal _xHHHH_ texts come back as they were', async () => {
    const dir = tempDir();
    const wb = workbookWithNotes();
    const texts = ['a\u0001b', 'c\u0000d', 'lit_x0041_', 'tab\there', 'line\nbreak', 'x\u001Fy_X005f_'];
    const notes = wb.getWorksheet('Notes')!;
    texts.forEach((t, i) => (notes.getCell(3, i + 1).value = t));
    wb.getWorksheet('Tasks')!.getCell('B2').value = 'Prep\u0007 day';
    const input = path.join(dir, 'text.xlsx');
    fs.writeFileSync(input, await (await import('../../src/workbook/exceljs-host')).workbookToBuffer(wb));
    // As Excel stores them.
    const sst = await (await JSZip.loadAsync(fs.readFileSync(input))).file('xl/sharedStrings.xml')!.async('string');
    expect(sst).toContain('a_x0001_b');
    expect(sst).toContain('lit_x005F_x0041_');
    const before = await open(input);
    expect(before.getWorksheet('Notes')!.getCell(3, 1).value).toBe('a\u0001b');
    const r = await regenerateFile(input);
    const after = await open(r.written!);
    for (const name of ['Notes', 'Tasks'])
      expect(values(after.getWorksheet(name)!)).toEqual(values(before.getWorksheet(name)!));
    expect(after.getWorksheet('Notes')!.getRow(3).values).toEqual([undefined, ...texts]);
    expect(after.getWorksheet('Schedule')!.getColumn(2).values).toContain('Prep\u0007 day');
  });

  function workbookWithNotes(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Settings').addRows([
      ['Setting', 'Value'],
      ['Project Start', '2027-03-01'],
    ]);
    wb.addWorksheet('Tasks').addRows([
      ['ID', 'Name', 'Duration'],
      ['1', 'Prep', '2d'],
    ]);
    const notes = wb.addWorksheet('Notes');
    notes.addRow([111, 222, 333]);
    return wb;
  }
});

describe('files that are no workbook get a plain answer (exit 2)', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    [
      'an OpenDocument spreadsheet named .xlsx',
      () => fs.readFileSync(path.join(PRODUCERS, 'film-saved-as-ods.xlsx')),
      /OpenDocument spreadsheet \(\.ods\): open it in Excel or LibreOffice and save it as \.xlsx/,
    ],
    ['a zip that is no workbook', async () => zipOf({ 'notes.txt': 'hello' }), /a zip archive, not an Excel workbook/],
    [
      'a Word document',
      async () => zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }),
      /a Word document/,
    ],
    ['a password-protected workbook', () => compoundFile(true), /password-protected: .*clear the password/],
    ['an Excel 97-2003 workbook', () => compoundFile(false), /Excel 97-2003 workbook \(\.xls\)/],
    ['a CSV file', () => Buffer.from('ID,Name,Duration\n1,Prep,2d\n'), /a text file \(CSV\?\)/],
    ['an empty file', () => Buffer.alloc(0), /the file is empty/],
    ['a damaged zip', () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]), /damaged/],
  ];
  test.each(cases)('%s', async (_what, bytes, message) => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.xlsx');
    fs.writeFileSync(file, await bytes());
    await expect(calculateFile(file)).rejects.toThrow(FileError);
    await expect(calculateFile(file)).rejects.toThrow(message);
    await expect(regenerateFile(file)).rejects.toThrow(message);
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  async function zipOf(files: Record<string, string>): Promise<Buffer> {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  /** A compound file's signature and, for an encrypted workbook, its EncryptionInfo stream's name (UTF-16). */
  function compoundFile(encrypted: boolean): Buffer {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = Buffer.from(encrypted ? 'EncryptionInfo' : 'Workbook', 'utf16le');
    return Buffer.concat([header, Buffer.alloc(504), name, Buffer.alloc(512)]);
  }
});

test('a workbook written for the tests regenerates too (the fixtures are real workbooks)', async () => {
  const dir = tempDir();
  const file = await writeXlsx(dir, 'small.xlsx', SMALL_PLAN);
  expect((await regenerateFile(file)).written).not.toBeNull();
});

describe('a workbook too large for the file writer is refused before it is loaded, naming its sheet', () => {
  async function zipOf(sheets: Record<string, number>): Promise<JSZip> {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(name);
      for (let r = 1; r <= rows; r++) ws.addRow([r, 'junk', r * 2]);
    }
    return JSZip.loadAsync(await wb.xlsx.writeBuffer());
  }

  test('cells and rows are counted per sheet, a row weighing three cells, and the heaviest sheet is named', async () => {
    const zip = await zipOf({ Tasks: 10, Junk: 1000 });
    expect((await scanWorksheets(zip, [])).counts).toEqual([
      { name: 'Tasks', cells: 30, rows: 10 },
      { name: 'Junk', cells: 3000, rows: 1000 },
    ]);
    // 3,030 cells + 3 x 1,010 rows = 6,060.
    expect((await scanWorksheets(zip, [], 6059)).tooLarge).toMatch(
      /^this workbook holds 3,030 cells in 1,010 rows, 3,000 cells in 1,000 rows of them on the sheet "Junk"; the file writer takes up to 6,059 cells, each row counting as 3 more/,
    );
    expect((await scanWorksheets(zip, [], 6060)).tooLarge).toBeNull();
  });

  test('a million rows of one number each are refused, with what the sheet holds', async () => {
    const junk = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${Array.from(
      { length: 400_000 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`,
    ).join('')}</sheetData></worksheet>`;
    const zip = await zipOf({ Tasks: 10, Junk: 1 });
    const part = Object.keys(zip.files).find((f) => /sheet2\.xml$/.test(f))!;
    zip.file(part, junk);
    // 400,000 cells in 400,000 rows weigh 1,600,000: over the writer's 1,000,000.
    expect((await scanWorksheets(zip, [])).tooLarge).toMatch(
      /400,000 cells in 400,000 rows of them on the sheet "Junk"/,
    );
  });

  test("the product's own sheets, replaced on every run, do not count", async () => {
    const zip = await zipOf({ Tasks: 10, Schedule: 1000 });
    expect((await scanWorksheets(zip, ['Schedule'], 2000)).tooLarge).toBeNull();
    expect((await scanWorksheets(zip, [], 2000)).tooLarge).not.toBeNull();
  });
});
