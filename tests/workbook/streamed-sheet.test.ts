import * as fs from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellStyle, SheetPlan } from '../../src/core/layout/sheet-plan';
import { GENERATED_SHEETS } from '../../src/core/layout/generated-sheets';
import { baselineFile, cleanFile, regenerateFile } from '../../src/workbook/files';
import { ownSheetParts, withoutRows } from '../../src/workbook/xlsx/own-sheets';
import {
  LookSteps,
  planDimension,
  planRows,
  sheetRowsXml,
  splitPlaceholder,
  withStyles,
} from '../../src/workbook/xlsx/streamed-sheet';
import { filmShoot } from '../../scripts/examples';
import { wallFromParts } from '../../src/core/time';
import { tempDir, writeXlsx } from './fixtures';

/** Looks as the list of steps that made them: `c2+0.00+bold` is column 2's style, a number format, then bold. */
function recordingSteps(): LookSteps & { names: string[] } {
  const names = ['none'];
  const id = (name: string) => {
    let k = names.indexOf(name);
    if (k < 0) k = names.push(name) - 1;
    return k;
  };
  return {
    names,
    base: (c) => id(`c${c}`),
    step: (from, step) => id(`${names[from]}+${typeof step === 'string' ? step : JSON.stringify(step)}`),
  };
}

const BOLD: CellStyle = { bold: true };
const FILL: CellStyle = { fill: 'FF0000' };

const col = (numFmt?: string) => ({ header: '', width: 10, ...(numFmt ? { numFmt } : {}) });

function plan(over: Partial<SheetPlan> = {}): SheetPlan {
  return {
    key: 'Test',
    name: 'Test',
    columns: [col(), col('0.00'), col()],
    rows: [
      ['ID', 'Hours', 'Note'],
      ['A', 1.5, null],
      ['B', null, 'x'],
    ],
    styles: [],
    links: [],
    ...over,
  };
}

describe('the rows of a generated sheet, written from its plan', () => {
  test("a cell's look takes the same steps as the cell-by-cell writer: column, number format, styles in order", () => {
    const steps = recordingSteps();
    const rows = [
      ...planRows(
        plan({
          styles: [
            { row: 0, col: 0, cols: 3, style: BOLD },
            { row: 1, col: 1, rows: 3, style: FILL },
          ],
        }),
        steps,
      ),
    ];
    const looks = rows.map(([r, cells]) => [r, cells.cols.map((c, k) => `${c}:${steps.names[cells.looks[k]]}`)]);
    expect(looks).toEqual([
      // The header row has no number format; a style range reaches cells without a value.
      [0, ['0:c0+{"bold":true}', '1:c1+{"bold":true}', '2:c2+{"bold":true}']],
      [1, ['0:c0', '1:c1+0.00+{"fill":"FF0000"}']],
      [2, ['0:c0', '1:c1+{"fill":"FF0000"}', '2:c2']],
      // Beyond the values: the style range alone.
      [3, ['1:c1+{"fill":"FF0000"}']],
    ]);
    expect(planDimension(plan({ styles: [{ row: 1, col: 1, rows: 3, style: FILL }] }))).toBe('A1:C4');
  });

  test('text stays text byte for byte; numbers, dates and booleans as Excel stores them', () => {
    const escaped = new Map<string, number>();
    const xml = [
      ...sheetRowsXml(
        plan({
          columns: [col(), col(), col(), col(), col(), col()],
          rows: [['=1+1', ' lead & <tag> "q"', true, { date: wallFromParts(2027, 3, 1, 8, 0) }, 'a\u0007b', 0.1]],
          headerRows: 0,
        }),
        recordingSteps(),
        escaped,
      ),
    ].join('');
    expect(xml).toContain('<c r="A1" s="L1" t="inlineStr"><is><t>=1+1</t></is></c>');
    expect(xml).toContain('<t xml:space="preserve"> lead &amp; &lt;tag&gt; &quot;q&quot;</t>');
    expect(xml).toContain('<c r="C1" s="L3" t="b"><v>1</v></c>');
    // 2027-03-01 08:00 is Excel's day 46447 and a third.
    expect(xml).toMatch(/<c r="D1" s="L4"><v>46447\.3333333333\d*<\/v><\/c>/);
    // A text XML cannot hold goes to the shared strings, where every reader decodes Excel's escapes.
    expect(xml).toContain('<c r="E1" s="L5" t="s"><v>T1</v></c>');
    expect([...escaped]).toEqual([['a\u0007b', 1]]);
    expect(xml).toContain('<c r="F1" s="L6"><v>0.1</v></c>');
  });

  test('a number that is no number is never written', () => {
    expect(() => [...sheetRowsXml(plan({ rows: [['x', Infinity, null]] }), recordingSteps(), new Map())]).toThrow(
      /would hold Infinity/,
    );
  });

  test('pieces end with whole rows, and the placeholder gives each look its style and each text its string', () => {
    const rows = Array.from({ length: 500 }, (_, r) => [`T${r}`, r, null]);
    const pieces = [...sheetRowsXml(plan({ rows }), recordingSteps(), new Map(), 1000)];
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces) expect(p).toMatch(/^<row r="\d+">.*<\/row>$/);
    const placeholder = splitPlaceholder(
      '<worksheet><dimension ref="A1:B3"/><sheetData><row r="1"><c r="A1" s="7"/><c r="B1" s="2" t="s"><v>42</v></c></row><row r="2"><c r="A2"/></row></sheetData><pageSetup/></worksheet>',
      'A1:C500',
    );
    expect(placeholder.head).toBe('<worksheet><dimension ref="A1:C500"/>');
    expect(placeholder.tail).toBe('<pageSetup/></worksheet>');
    expect(withStyles('<c r="A1" s="L1"/><c r="B1" s="L2" t="s"><v>T1</v></c>', placeholder)).toBe(
      '<c r="A1" s="7"/><c r="B1" t="s"><v>42</v></c>',
    );
  });
});

describe('large plans: what is written and read', () => {
  async function open(file: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb;
  }

  function contents(ws: ExcelJS.Worksheet): unknown[] {
    const out: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) =>
        out.push([r, c, cell.value, cell.numFmt, cell.font?.bold, cell.fill, row.outlineLevel]),
      ),
    );
    return out;
  }

  test('regenerating again does not read the generated sheets, and writes them the same', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'film.xlsx', filmShoot().doc);
    const first = await regenerateFile(input, { output: `${dir}/first.xlsx` });
    const zip = await JSZip.loadAsync(fs.readFileSync(first.written!));
    const parts = await ownSheetParts(zip, GENERATED_SHEETS);
    // Schedule, Gantt, Resource Usage, Cost Report, Earned Value and Plan Issues.
    expect(parts).toHaveLength(6);
    expect(withoutRows(await zip.file(parts[0])!.async('string'))).toContain('<sheetData/>');
    const second = await regenerateFile(first.written!, { output: `${dir}/second.xlsx` });
    const [a, b] = [await open(first.written!), await open(second.written!)];
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) expect(contents(b.getWorksheet(ws.name)!)).toEqual(contents(ws));
  });

  test('a sheet that is no longer ours (renamed, or with no marker) is read whole', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'film.xlsx', filmShoot().doc);
    const first = await regenerateFile(input, { output: `${dir}/first.xlsx` });
    const wb = await open(first.written!);
    wb.getWorksheet('Schedule')!.name = 'Schedule snapshot';
    const renamed = `${dir}/renamed.xlsx`;
    await wb.xlsx.writeFile(renamed);
    const zip = await JSZip.loadAsync(fs.readFileSync(renamed));
    expect(await ownSheetParts(zip, GENERATED_SHEETS)).toHaveLength(5);
    const again = await regenerateFile(renamed, { output: `${dir}/again.xlsx` });
    const snapshot = (await open(again.written!)).getWorksheet('Schedule snapshot')!;
    expect(contents(snapshot)).toEqual(contents(wb.getWorksheet('Schedule snapshot')!));
  });

  test('clean removes the generated sheets; baseline keeps them whole', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'film.xlsx', filmShoot().doc);
    const first = await regenerateFile(input, { output: `${dir}/first.xlsx` });
    const cleaned = await cleanFile(first.written!, { output: `${dir}/clean.xlsx` });
    expect(cleaned.sheets).toHaveLength(6);
    const based = await baselineFile(first.written!, { output: `${dir}/based.xlsx`, yes: true });
    const [a, b] = [await open(first.written!), await open(based.written!)];
    for (const name of ['Schedule', 'Gantt', 'Cost Report'])
      expect(contents(b.getWorksheet(name)!)).toEqual(contents(a.getWorksheet(name)!));
  });
});
