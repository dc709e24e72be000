import { formatLocation } from '../../src/core/location';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import type { RawWorkbook } from '../../src/core/raw';
import { calculationToJson } from '../../src/core/report/json';
import { loadWorkbook, rawWorkbookFromExcelJS, workbookToBuffer } from '../../src/workbook/exceljs-host';
import { calculateFile, loadPlanFile, regenerateFile } from '../../src/workbook/files';
import { workbookFromJsonPlan } from '../../src/workbook/from-json';
import { PROVEN_WITH_EXCELJS, PROVEN_WITH_JSZIP, readXlsxFast } from '../../src/workbook/xlsx-reader';
import { inflate } from '../../src/workbook/xlsx/zip-entry';
import { costPlan } from '../../bench/costs';
import { filmShoot } from '../../scripts/examples';
import { tempDir, writeXlsx } from './fixtures';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Everything a raw workbook tells the core: sheet names, rows and cells, and how each is addressed. */
function contents(raw: RawWorkbook) {
  return {
    source: raw.source,
    sheets: raw.sheets.map((s) => ({
      name: s.name,
      rows: s.rows,
      sheet: s.locateSheet(),
      rowAddresses: s.rows.map((_, r) => s.locateRow(r)),
      // One column past each row's end too: addresses do not depend on what the row holds.
      cellAddresses: s.rows.map((row, r) => Array.from({ length: row.length + 1 }, (_, c) => s.locate(r, c))),
    })),
  };
}

/** Reads the workbook both ways; the fast reader must take it and give exactly what the ExcelJS path gives. */
async function expectSameAsExcelJS(buffer: Buffer): Promise<RawWorkbook> {
  const fast = await readXlsxFast(await JSZip.loadAsync(buffer));
  const excel = await loadWorkbook(buffer);
  if (!fast.ok) throw new Error(`the fast reader declined: ${fast.reason}`);
  // toStrictEqual: holes stay holes, and no property is undefined on one side and absent on the other.
  expect(contents(fast.raw)).toStrictEqual(contents(rawWorkbookFromExcelJS(excel)));
  expect(fast.date1904).toBe((excel.properties as { date1904?: boolean }).date1904 === true);
  return fast.raw;
}

/** A cell's raw value by its Excel address, for spot checks. */
function valueAt(raw: RawWorkbook, sheet: string, address: string) {
  const s = raw.sheets.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return s.rows[Number(m[2]) - 1]?.[col];
}

/** Rewrites one part of a package (adds it when it is not there: `edit` then gets ''). */
async function patchPart(buffer: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const old = zip.file(part);
  zip.file(part, edit(old ? await old.async('string') : ''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Cell values of every kind, as ExcelJS writes them. */
function valuesWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Values');
  const set = (address: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const cell = ws.getCell(address);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  };
  // Text: shared strings, rich text, special characters, spaces kept.
  set('A1', 'plain');
  set('A2', '  leading and trailing  ');
  set('A3', 'Specials & < > " \' done');
  set('A4', {
    richText: [{ text: 'Bold', font: { bold: true } }, { text: ' & <rich> ' }, { text: 'end', font: { italic: true } }],
  });
  set('A5', 'Line one\nLine two\ttabbed');
  set('A6', 'Café – 東京 😀');
  set('A7', '');
  set('A8', 'x_x0041_y');
  set('A9', '=1+1'); // text that looks like a formula
  // Numbers, booleans, errors.
  [42, -3.5, 1e20, 1e-7, 0, 0.1 + 0.2, 123456789012345680000].forEach((n, k) => set(`B${k + 1}`, n));
  set('C1', true);
  set('C2', false);
  set('D1', { error: '#N/A' } as ExcelJS.CellErrorValue);
  set('D2', { error: '#DIV/0!' } as ExcelJS.CellErrorValue);
  // Formulas with cached results of each kind, and without one (ExcelJS keeps only truthy results).
  set('E1', { formula: 'B1*2', result: 84 } as ExcelJS.CellFormulaValue);
  set('E2', { formula: 'B5', result: 0 } as ExcelJS.CellFormulaValue);
  set('E3', { formula: 'A1', result: 'plain' } as ExcelJS.CellFormulaValue);
  set('E4', { formula: '""', result: '' } as ExcelJS.CellFormulaValue);
  set('E5', { formula: 'TRUE()', result: true } as ExcelJS.CellFormulaValue);
  set('E6', { formula: 'FALSE()', result: false } as ExcelJS.CellFormulaValue);
  set('E7', { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue);
  set('E8', { formula: 'B1+1' } as ExcelJS.CellFormulaValue);
  set('E9', { formula: 'B1*3', result: 126, shareType: 'shared', ref: 'E9:E10' } as ExcelJS.CellFormulaValue);
  set('E10', { sharedFormula: 'E9', result: -10.5 } as ExcelJS.CellSharedFormulaValue);
  set('E11', { formula: 'A3&"x"', result: 'a & b <c>' } as ExcelJS.CellFormulaValue);
  // Dates and date-times, built-in and custom formats; numbers in formats that are not dates.
  const day = new Date(Date.UTC(2027, 2, 1));
  const moment = new Date(Date.UTC(2027, 2, 1, 13, 45));
  set('F1', day);
  set('F2', moment, 'yyyy-mm-dd hh:mm');
  set('F3', day, 'd-mmm-yy');
  set('F4', moment, 'h:mm');
  set('F5', moment, 'mm:ss');
  set('F6', moment, '[h]:mm:ss');
  set('F7', day, 'dd/mm/yyyy');
  set('F8', day, '[$-409]d-mmm-yyyy;@');
  set('F9', 46447.75, 'yyyy-mm-dd');
  set('F10', { formula: 'F9+1', result: 46448.75 } as ExcelJS.CellFormulaValue, 'yyyy-mm-dd hh:mm');
  set('F11', { formula: 'F9*0', result: 0 } as ExcelJS.CellFormulaValue, 'yyyy-mm-dd');
  set('F12', 5, '0 "days"');
  set('F13', 7.5, '#,##0.00 "hrs"');
  set('F14', 9, 'General');
  set('F15', 'not a date', 'yyyy-mm-dd');
  set('F16', 2.5, '0.0\\s'); // an escaped s: a date letter to ExcelJS all the same
  // Percents.
  set('G1', 0.4, '0%');
  set('G2', 0.125, '0.00%');
  set('G3', 0.5, '0.0%');
  set('G4', 'forty', '0%');
  set('G5', { formula: 'G1/2', result: 0.2 } as ExcelJS.CellFormulaValue, '0%');
  set('G6', 0.3, '0.0"%"');
  // Hyperlinks (ExcelJS writes internal ones with a relationship too).
  set('H1', { text: 'Example', hyperlink: 'https://example.com/?a=1&b=2' });
  set('H2', { text: 'Back to A1', hyperlink: '#Values!A1' });
  // A gap of empty columns and rows, then cells far away.
  set('J1', 'after a gap');
  set('C30', 'far below');
  // Merged cells: text, a percent, a date.
  set('K1', 'merged title');
  ws.mergeCells('K1:L2');
  set('K4', 0.5, '0%');
  ws.mergeCells('K4:K5');
  set('M1', day, 'yyyy-mm-dd');
  ws.mergeCells('M1:N1');
  // An Excel table.
  const table = wb.addWorksheet('Table');
  table.addTable({
    name: 'People',
    ref: 'B2',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [{ name: 'Name' }, { name: 'Share' }, { name: 'Since' }],
    rows: [
      ['Ann', 0.25, day],
      ['Bo', 0.75, moment],
    ],
  });
  table.getColumn(3).numFmt = '0%';
  // Sheet names with spaces and quotes; a sheet starting at B3, with empty rows and columns.
  const spaced = wb.addWorksheet('Cost Report 2027');
  spaced.getCell('A1').value = 'spaced';
  const quoted = wb.addWorksheet("Bob's (draft) plan");
  quoted.getCell('B3').value = 'starts at B3';
  quoted.getCell('D3').value = 1;
  quoted.getCell('B5').value = 'after an empty row';
  quoted.getCell('F7').value = 'after empty columns';
  wb.addWorksheet('Empty');
  return wb;
}

describe('the fast .xlsx reader reads exactly what the ExcelJS path reads', () => {
  test.each(fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')))('examples/%s', async (name) => {
    const raw = await expectSameAsExcelJS(fs.readFileSync(path.join(EXAMPLES, name)));
    expect(raw.sheets.length).toBeGreaterThan(3);
  });

  test('values of every kind, written by ExcelJS with shared strings', async () => {
    const raw = await expectSameAsExcelJS(await workbookToBuffer(valuesWorkbook()));
    // Spot checks that the workbook holds what it is meant to.
    expect(valueAt(raw, 'Values', 'A2')).toEqual({ value: '  leading and trailing  ' });
    expect(valueAt(raw, 'Values', 'A4')).toEqual({ value: 'Bold & <rich> end' });
    expect(valueAt(raw, 'Values', 'A6')).toEqual({ value: 'Café – 東京 😀' });
    expect(valueAt(raw, 'Values', 'E1')).toEqual({ value: 84 });
    expect(valueAt(raw, 'Values', 'E2')).toEqual({ value: null }); // a cached 0 is no result to ExcelJS
    expect(valueAt(raw, 'Values', 'E8')).toEqual({ value: null });
    expect(valueAt(raw, 'Values', 'E10')).toEqual({ value: -10.5 });
    expect(valueAt(raw, 'Values', 'F2')).toEqual({
      value: { kind: 'date', wall: Date.UTC(2027, 2, 1, 13, 45) / 60000 },
    });
    expect(valueAt(raw, 'Values', 'F12')).toEqual({ value: 5 });
    expect(valueAt(raw, 'Values', 'G1')).toEqual({ value: 0.4, percent: true });
    expect(valueAt(raw, 'Values', 'G5')).toEqual({ value: 0.2, percent: true });
    expect(valueAt(raw, 'Values', 'H1')).toEqual({ value: 'Example' });
    expect(valueAt(raw, 'Values', 'L2')).toEqual({ value: 'merged title' });
    expect(valueAt(raw, 'Values', 'K5')).toEqual({ value: 0.5, percent: true });
    const quoted = raw.sheets.find((s) => s.name === "Bob's (draft) plan")!;
    expect(formatLocation(quoted.locate(2, 1))).toBe("'Bob''s (draft) plan'!B3");
    expect(quoted.rows[1]).toEqual([]);
  });

  test('values of every kind, without shared strings (inline strings, plain and rich; str cells)', async () => {
    // ExcelJS's document writer always shares strings: the text goes back into the cells here,
    // as inline strings and (plain text every other time) as str cells.
    const shared = await workbookToBuffer(valuesWorkbook());
    const sst = await (await JSZip.loadAsync(shared)).file('xl/sharedStrings.xml')!.async('string');
    const items = [...sst.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1]);
    let k = 0;
    const buffer = await patchPart(shared, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/ t="s"><v>(\d+)<\/v><\/c>/g, (_all, index: string) => {
        const item = items[Number(index)];
        const plain = /^<t(?: xml:space="preserve")?>(.*)<\/t>$/s.exec(item);
        return plain && k++ % 2 === 1 ? ` t="str"><v>${plain[1]}</v></c>` : ` t="inlineStr"><is>${item}</is></c>`;
      }),
    );
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('t="s"');
    expect(xml).toContain('t="inlineStr"><is><r>');
    expect(xml).toContain('t="str"><v>');
    await expectSameAsExcelJS(buffer);
  });

  test('XML that ExcelJS does not write: inline strings, entities, escapes, cells without r, repeated cells and rows, merged cells over styled cells, rows and columns, links on cells other than text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Raw');
    ws.getCell('A1').value = new Date(Date.UTC(2027, 0, 1));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    ws.getCell('B1').value = 0.5;
    ws.getCell('B1').numFmt = '0%';
    ws.getCell('C1').value = 'shared';
    let buffer = await workbookToBuffer(wb);
    const original = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    const date = /<c r="A1" s="(\d+)"/.exec(original)![1];
    const pct = /<c r="B1" s="(\d+)"/.exec(original)![1];
    const sst = await (await JSZip.loadAsync(buffer)).file('xl/sharedStrings.xml')!.async('string');
    const n = (sst.match(/<si>/g) ?? []).length;
    buffer = await patchPart(buffer, 'xl/sharedStrings.xml', (xml) =>
      xml.replace(
        '</sst>',
        [
          '<si><t xml:space="preserve">  lead and trail  </t></si>',
          '<si><t>caf&#233; &#x1F600; one&#13;&#10;two\r\nthree _x000D_ _x005F_x0041_ _x00e9_</t><rPh sb="0" eb="1"><t>phonetic</t></rPh><phoneticPr fontId="1"/></si>',
          '<si><r><t>rich</t></r><r><rPr><i/><sz val="11"/></rPr><t xml:space="preserve"> text &amp; more</t></r></si>',
          '<si><t/></si>',
          '</sst>',
        ].join(''),
      ),
    );
    const rows = [
      `<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  padded _x0041_ inline  </t></is></c>` +
        `<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> &amp; plain_x0041_</t></r></is></c>` +
        `<c r="C1" t="str"><v>a &amp;amp; b &lt;c&gt;</v></c><c r="D1" t="inlineStr"><is><t></t></is></c></row>`,
      `<row r="2" spans="1:4"><c r="A2"><v>1.5E3</v></c><c r="B2" s="${pct}"><v>0.25</v></c><c r="C2" s="${date}"><v>46447.5</v></c>` +
        `<c r="D2" t="n"><v>-0.000123</v></c><c r="E2"><v>0012</v></c><c r="F2"><v>12345678901234567890</v></c><c r="G2" s="${date}"><v>0</v></c></row>`,
      `<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><v>#REF!</v></c><c r="C3"><f>1+1</f><v>0</v></c><c r="D3" t="str"><f>"x"</f><v></v></c>` +
        `<c r="E3" t="b"><f>TRUE()</f><v>0</v></c><c r="F3"><f t="shared" ref="F3:F4" si="0">A3</f><v>7</v></c><c r="G3" t="str"><f>A1</f><v>x &amp;amp; y</v></c></row>`,
      `<row r="4"><c r="A4" t="s"><v>${n}</v></c><c t="s"><v>${n + 1}</v></c><c r="D4"><v>1</v></c><c r="D4"><v>2</v></c>` +
        `<c r="F4"><f t="shared" si="0"/><v>8</v></c><c r="G4" s="${pct}"/><c r="H4"><v>3</v></c><c r="H4" s="${pct}"/><c r="I4"><v>4</v></c><c r="I4"/></row>`,
      `<row r="6"/>`,
      `<row r="7" s="${pct}" customFormat="1"><c r="B7" t="s"><v>${n + 2}</v></c><c r="C7" t="s"><v>${n + 3}</v></c></row>`,
      `<row r="8"><c r="C8"><v>5</v></c></row>`,
      `<row r="8"><c r="A8"><v>6</v></c></row>`,
      `<row r="10"><c r="B10"><v>0.75</v></c><c r="C10" s="${pct}"/><c r="E10"><v>0.5</v></c><c r="G10" s="${date}"><v>46447</v></c></row>`,
      `<row r="11" s="${pct}" customFormat="1"><c r="E11" s="${date}"/><c r="F11"><v>9</v></c></row>`,
      `<row r="13"><c r="A13"><v>42</v></c><c r="B13" t="s"><v>${n + 2}</v></c><c r="C13" s="${date}"><v>46447</v></c><c r="D13" s="${pct}"/><c r="E13"/>` +
        `<c r="F13"><f>1-1</f><v>0</v></c><c r="G13"><v>7</v></c><c r="H13" t="e"><v>#N/A</v></c></row>`,
    ];
    const links = ['A13', 'B13', 'C13', 'D13', 'E13', 'F13', 'H13']
      .map((ref) => `<hyperlink ref="${ref}" r:id="rIdLink"/>`)
      .join('');
    buffer = await patchPart(buffer, 'xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace(/<cols>.*<\/cols>/, '')
        .replace(
          /<sheetData>.*<\/sheetData>/s,
          [
            `<cols><col min="4" max="5" width="9" style="${pct}" customWidth="1"/></cols>`,
            `<sheetData>\n  ${rows.join('\n  ')}\n</sheetData>`,
            '<mergeCells count="3"><mergeCell ref="B10:C11"/><mergeCell ref="E12:E10"/><mergeCell ref="G10:H10"/></mergeCells>',
            `<hyperlinks>${links}<hyperlink ref="G13" location="Raw!A1" display="inside"/></hyperlinks>`,
          ].join(''),
        ),
    );
    buffer = await patchPart(
      buffer,
      'xl/worksheets/_rels/sheet1.xml.rels',
      () =>
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/>' +
        '</Relationships>',
    );
    const raw = await expectSameAsExcelJS(buffer);
    expect(valueAt(raw, 'Raw', 'A1')).toEqual({ value: '  padded _x0041_ inline  ' });
    expect(valueAt(raw, 'Raw', 'B1')).toEqual({ value: 'Bold & plainA' });
    expect(valueAt(raw, 'Raw', 'C1')).toEqual({ value: 'a & b <c>' });
    expect(valueAt(raw, 'Raw', 'B4')).toEqual({ value: 'café 😀 one\r\ntwo\nthree \r _x0041_ _x00e9_' });
    expect(valueAt(raw, 'Raw', 'D4')).toEqual({ value: 2 });
    expect(valueAt(raw, 'Raw', 'H4')).toBeUndefined();
    expect(valueAt(raw, 'Raw', 'C8')).toBeUndefined();
    // A merged cell's percent flag: its own style when the file has the cell, else its row's, else its column's.
    expect(valueAt(raw, 'Raw', 'C10')).toEqual({ value: 0.75, percent: true });
    expect(valueAt(raw, 'Raw', 'B11')).toEqual({ value: 0.75, percent: true });
    expect(valueAt(raw, 'Raw', 'E11')).toEqual({ value: 0.5 });
    expect(valueAt(raw, 'Raw', 'E12')).toEqual({ value: 0.5, percent: true });
    // A cell with a link to a relationship reads as the link's text, whatever it held; one to a place does not.
    expect(valueAt(raw, 'Raw', 'A13')).toEqual({ value: '42' });
    expect(valueAt(raw, 'Raw', 'E13')).toEqual({ value: '' });
    expect(valueAt(raw, 'Raw', 'F13')).toEqual({ value: '0' });
    expect(valueAt(raw, 'Raw', 'G13')).toEqual({ value: 7 });
  });

  test('a workbook in the 1904 date system: same dates, and the flag', async () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const ws = wb.addWorksheet('Tasks');
    ws.getCell('A1').value = new Date(Date.UTC(2027, 2, 1));
    ws.getCell('A2').value = 46447;
    ws.getCell('A2').numFmt = 'yyyy-mm-dd';
    const buffer = await workbookToBuffer(wb);
    expect(await (await JSZip.loadAsync(buffer)).file('xl/workbook.xml')!.async('string')).toContain('date1904="1"');
    const fast = await readXlsxFast(await JSZip.loadAsync(buffer));
    expect(fast.ok && fast.date1904).toBe(true);
    await expectSameAsExcelJS(buffer);
  });

  test('a regenerated workbook (generated sheets, links between sheets, highlight rules)', async () => {
    const dir = tempDir();
    const res = await regenerateFile(await writeXlsx(dir, 'film.xlsx', filmShoot().doc, true));
    expect(res.written).not.toBeNull();
    const raw = await expectSameAsExcelJS(fs.readFileSync(res.written!));
    expect(raw.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Schedule', 'Gantt', 'Cost Report', 'Plan Issues']),
    );
  });

  test('random sheets: values of every kind in random places and formats, merged and linked at random', async () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(' x ', 'a & <b>', '_x0041_', 'line\nline', '', '"\'"'),
    );
    const number = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 0.5, 1e-9, 46447.25),
    );
    const date = fc.date({
      min: new Date(Date.UTC(1901, 0, 1)),
      max: new Date(Date.UTC(2200, 0, 1)),
      noInvalidDate: true,
    });
    const error = fc
      .constantFrom('#N/A', '#REF!', '#DIV/0!', '#VALUE!')
      .map((e) => ({ error: e }) as ExcelJS.CellErrorValue);
    const result = fc.oneof(number, text, fc.boolean(), error, fc.constant(undefined));
    const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
      text,
      number,
      fc.boolean(),
      date,
      error,
      fc
        .array(text, { minLength: 1, maxLength: 3 })
        .map((runs) => ({ richText: runs.map((t, k) => ({ text: t, font: { bold: k % 2 === 0 } })) })),
      result.map((r) => ({ formula: 'A1+1', result: r }) as ExcelJS.CellFormulaValue),
      fc
        .tuple(text, fc.constantFrom('https://example.com/', '#Sheet1!A1'))
        .map(([t, link]) => ({ text: t, hyperlink: link })),
    );
    const numFmt = fc.constantFrom(
      undefined,
      '0%',
      '0.00%',
      '0.0"%"',
      'yyyy-mm-dd',
      'd-mmm-yy',
      'h:mm',
      '[h]:mm:ss',
      'mm:ss',
      '0 "days"',
      '#,##0.00',
      'General',
      '@',
    );
    const cell = fc.record({
      row: fc.integer({ min: 1, max: 25 }),
      col: fc.integer({ min: 1, max: 8 }),
      value,
      numFmt,
    });
    const merge = fc.record({
      row: fc.integer({ min: 1, max: 25 }),
      col: fc.integer({ min: 1, max: 8 }),
      rows: fc.integer({ min: 1, max: 3 }),
      cols: fc.integer({ min: 1, max: 3 }),
    });
    const columnFmt = fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), numFmt), { maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { maxLength: 40 }),
        fc.array(merge, { maxLength: 4 }),
        columnFmt,
        async (cells, merges, columns) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet('Sheet1');
          for (const [col, fmt] of columns) if (fmt) ws.getColumn(col).numFmt = fmt;
          for (const c of cells) {
            const target = ws.getCell(c.row, c.col);
            target.value = c.value;
            if (c.numFmt) target.numFmt = c.numFmt;
          }
          const taken: { top: number; left: number; bottom: number; right: number }[] = [];
          for (const m of merges) {
            const r = { top: m.row, left: m.col, bottom: m.row + m.rows - 1, right: m.col + m.cols - 1 };
            if (taken.some((t) => !(t.bottom < r.top || t.top > r.bottom || t.right < r.left || t.left > r.right)))
              continue;
            taken.push(r);
            ws.mergeCells(r.top, r.left, r.bottom, r.right);
          }
          await expectSameAsExcelJS(await workbookToBuffer(wb));
        },
      ),
      { numRuns: 60 },
    );
  });

  test("the bench's cost plan (20,000 budget lines, 5,000 tasks)", async () => {
    const raw = await expectSameAsExcelJS(await workbookToBuffer(workbookFromJsonPlan(costPlan())));
    expect(raw.sheets.find((s) => s.name === 'Budget')!.rows.length).toBe(20_001);
  });
});

describe('reading plan files', () => {
  test('calculate reads a workbook with the fast reader; writers still get the ExcelJS workbook', async () => {
    const file = path.join(EXAMPLES, 'film-shoot.xlsx');
    const fast = await loadPlanFile(file, { readOnly: true });
    const full = await loadPlanFile(file);
    expect(fast.excel).toBeNull();
    expect(full.excel).not.toBeNull();
    expect(contents(fast.raw)).toStrictEqual(contents(full.raw));
    // The same plan and issues; an issue's place is named in each file's own terms.
    const [fromXlsx, fromJson] = [
      calculationToJson(await calculateFile(file)),
      calculationToJson(await calculateFile(path.join(EXAMPLES, 'film-shoot.json'))),
    ];
    const unplaced = (doc: typeof fromXlsx) => ({ ...doc, issues: doc.issues.map((i) => ({ ...i, where: '' })) });
    expect(unplaced(fromXlsx)).toEqual(unplaced(fromJson));
    expect(fromXlsx.issues.map((i) => i.where)).toEqual(['Tasks!G23', 'Tasks!G27']);
    expect(fromJson.issues.map((i) => i.where)).toEqual(['tasks[21].Resources', 'tasks[25].Resources']);
  });

  test.each([
    ['a comment in the sheet', (xml: string) => xml.replace('<sheetData>', '<sheetData><!-- a note -->'), /comment/],
    [
      'a cell type it does not read',
      (xml: string) => xml.replace(/<c r="B4"( s="\d+")?>/, '<c r="B4"$1 t="d">'),
      /type/,
    ],
    [
      'the strict OOXML namespace',
      (xml: string) =>
        xml.replace(
          'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
          'http://purl.oclc.org/ooxml/spreadsheetml/main',
        ),
      /namespace/,
    ],
  ])('a workbook with %s falls back to ExcelJS and still reads', async (_what, edit, reason) => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.xlsx');
    const buffer = await patchPart(
      fs.readFileSync(path.join(EXAMPLES, 'film-shoot.xlsx')),
      'xl/worksheets/sheet1.xml',
      edit,
    );
    fs.writeFileSync(file, buffer);
    const fast = await readXlsxFast(await JSZip.loadAsync(buffer));
    expect(fast.ok).toBe(false);
    expect(!fast.ok && fast.reason).toMatch(reason);
    const loaded = await loadPlanFile(file, { readOnly: true });
    expect(loaded.excel).not.toBeNull(); // ExcelJS read it
    expect(contents(loaded.raw)).toStrictEqual(contents(rawWorkbookFromExcelJS(await loadWorkbook(buffer))));
    const calc = await calculateFile(file);
    expect(calc.schedule).not.toBeNull();
  });

  test('the 1904 refusal and the parts the writer cannot keep are reported on the fast path too', async () => {
    const dir = tempDir();
    const wb = workbookFromJsonPlan(filmShoot().doc);
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const zip = await JSZip.loadAsync(await workbookToBuffer(wb));
    zip.file('customXml/item1.xml', '<root/>');
    const file = path.join(dir, 'plan.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const fast = await loadPlanFile(file, { readOnly: true });
    const full = await loadPlanFile(file);
    expect(fast.excel).toBeNull();
    expect(fast.unkeptParts).toEqual(['custom XML parts']);
    expect(fast.issues).toEqual(full.issues);
    expect(fast.issues[0].message).toMatch(/1904 date system/);
    const calc = await calculateFile(file);
    expect(calc.plan).toBeNull();
    expect(calc.issues[0].message).toMatch(/1904 date system/);
  });

  test('a file that is not a workbook is a file error either way', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(file, 'not a zip');
    await expect(loadPlanFile(file, { readOnly: true })).rejects.toThrow(
      /this is not an \.xlsx workbook \(it is not a zip package\)/,
    );
    await expect(loadPlanFile(file)).rejects.toThrow(/this is not an \.xlsx workbook \(it is not a zip package\)/);
  });
});

describe('the ExcelJS and JSZip the reader was proven with', () => {
  const ROOT = path.join(__dirname, '..', '..');
  const pins = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  ).dependencies;
  const installed = (name: string) =>
    (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

  /** What stands between the installed and pinned package and the version the reader was proven with: [] when nothing. */
  function versionProblems(name: string, proven: string, constant: string, reprove: string): string[] {
    const problems: string[] = [];
    const what = (v: string, where: string) =>
      `${name} ${v} ${where}, but the fast .xlsx reader was proven with ${name} ${proven} (${constant}). ${reprove}`;
    if (installed(name) !== proven) problems.push(what(installed(name), 'is installed'));
    if (pins[name] !== proven)
      problems.push(what(`"${pins[name]}"`, 'is what package.json asks for (it must pin the proven version exactly)'));
    return problems;
  }

  test('ExcelJS: the installed version and the pin are the one the equivalence tests above were proven against', () => {
    expect(
      versionProblems(
        'exceljs',
        PROVEN_WITH_EXCELJS,
        'PROVEN_WITH_EXCELJS in src/workbook/xlsx-reader.ts',
        "The reader copies that version's reading, quirks included. Before moving to another ExcelJS: run the equivalence tests in " +
          'tests/workbook/xlsx-reader.test.ts against it, read what it changed in reading .xlsx files (its lib/xlsx), adapt the reader ' +
          'wherever it reads differently, then set PROVEN_WITH_EXCELJS and the exact pin in package.json (and package-lock.json) to it.',
      ),
    ).toEqual([]);
  });

  test('JSZip: the installed version and the pin are the one whose private entry layout the reader reads', () => {
    expect(
      versionProblems(
        'jszip',
        PROVEN_WITH_JSZIP,
        'PROVEN_WITH_JSZIP in src/workbook/xlsx/zip-entry.ts',
        "The reader takes the deflated bytes of each entry from JSZip's private _data (compressedData in src/workbook/xlsx/zip-entry.ts). " +
          'Before moving to another JSZip: check that its ZipObject still keeps a CompressedObject there (lib/zipObject.js, ' +
          'lib/compressedObject.js), run these tests against it, then set PROVEN_WITH_JSZIP and the exact pin in package.json ' +
          '(and package-lock.json) to it.',
      ),
    ).toEqual([]);
  });

  test("JSZip: a loaded archive's entries are inflated by zlib from what JSZip keeps of them, not by JSZip", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(EXAMPLES, 'film-shoot.xlsx')));
    const entries = Object.values(zip.files).filter((e) => !e.dir);
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      const viaJSZip = jest.spyOn(entry, 'async');
      const bytes = await inflate(entry);
      // Called: compressedData no longer finds JSZip's CompressedObject in _data (see the JSZip version test).
      expect(viaJSZip).not.toHaveBeenCalled();
      viaJSZip.mockRestore();
      expect(bytes).toEqual(await entry.async('nodebuffer'));
    }
  });

  test('JSZip: an entry without the data of a loaded archive is left to JSZip', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const entry = zip.file('xl/workbook.xml')!;
    const viaJSZip = jest.spyOn(entry, 'async');
    expect((await inflate(entry)).toString('utf8')).toBe('<workbook/>');
    expect(viaJSZip).toHaveBeenCalledWith('nodebuffer');
  });
});
