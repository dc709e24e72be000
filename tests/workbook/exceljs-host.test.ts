import { cellLocation, sheetLocation } from '../../src/core/location';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { calculationToJson } from '../../src/core/report/json';
import { markerName } from '../../src/core/layout/sheet-plan';
import { calculateFile, regenerateFile } from '../../src/workbook/files';
import { filmShoot } from '../../scripts/examples';
import { SMALL_PLAN, tempDir, writeXlsx } from './fixtures';

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('reading workbooks', () => {
  test('an .xlsx with Tasks as an Excel table and real dates gives the same schedule as its JSON form', async () => {
    const dir = tempDir();
    const example = filmShoot();
    const xlsx = await writeXlsx(dir, 'film.xlsx', example.doc, true);
    const json = path.join(dir, 'film.json');
    fs.writeFileSync(json, JSON.stringify(example.doc));
    const a = calculationToJson(await calculateFile(xlsx));
    const b = calculationToJson(await calculateFile(json));
    expect(a.tasks.length).toBe(example.doc.tasks.length);
    expect(a.tasks).toEqual(b.tasks);
    expect(a.project).toEqual(b.project);
    // Issues name cells in the workbook's own terms.
    expect(a.issues.map((i) => i.where).every((w) => /^(Tasks|Settings|Holidays|Budget|Resources)(!|$)/.test(w))).toBe(
      true,
    );
  });
});

describe('regenerating a workbook', () => {
  test('writes Schedule and Plan Issues into a copy; the input stays byte-identical', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN);
    const before = fs.readFileSync(input);
    const res = await regenerateFile(input);
    expect(res.written).toBe(path.join(dir, 'plan.regenerated.xlsx'));
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const wb = await open(res.written!);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Settings',
      'Tasks',
      'Holidays',
      'Schedule',
      'Gantt',
      'Plan Issues',
    ]);
    const ws = wb.getWorksheet('Schedule')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'ID',
      'Name',
      'Start',
      'Finish',
      'Duration (days)',
      'Total Float (days)',
      'Free Float (days)',
      'Critical',
      'Driving Predecessor',
      '% Complete',
      'Start Variance (days)',
      'Finish Variance (days)',
    ]);
    // Prep: Mon 1 and Tue 2 (Wed 3 is a holiday); the next task starts Thu 4 at 08:00.
    expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(2027, 2, 1, 8, 0)));
    expect(ws.getCell('D2').value).toEqual(new Date(Date.UTC(2027, 2, 2, 17, 0)));
    expect(ws.getCell('C3').value).toEqual(new Date(Date.UTC(2027, 2, 4, 8, 0)));
    // A plan of whole days shows its dates without times.
    expect(ws.getCell('C3').numFmt).toBe('ddd d mmm yy');
    expect(ws.getCell('I3').value).toBe('1FS');
    expect(ws.getCell('H2').value).toBe('Yes');
    expect(wb.definedNames.getRanges(markerName('Schedule')).ranges).toEqual(['Schedule!$A$1']);
  });

  test('user text is written as text, never as a formula', async () => {
    const dir = tempDir();
    const res = await regenerateFile(await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN));
    const cell = (await open(res.written!)).getWorksheet('Schedule')!.getCell('B3');
    expect(cell.value).toBe('=1+1');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    const zip = await JSZip.loadAsync(fs.readFileSync(res.written!));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    for (const f of sheets) expect(await zip.files[f].async('string')).not.toMatch(/<f>1\+1<\/f>/);
  });

  test('regenerating twice replaces the generated sheets: no duplicate sheets or markers, same content', async () => {
    const dir = tempDir();
    const first = await regenerateFile(await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN));
    const second = await regenerateFile(first.written!, { inPlace: true });
    expect(second.written).toBe(first.written);
    const wb = await open(second.written!);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Settings',
      'Tasks',
      'Holidays',
      'Schedule',
      'Gantt',
      'Plan Issues',
    ]);
    expect(
      wb.definedNames.model
        .filter((n) => n.name.startsWith('ProductionPlanner.'))
        .map((n) => n.name)
        .sort(),
    ).toEqual(['ProductionPlanner.Gantt', 'ProductionPlanner.PlanIssues', 'ProductionPlanner.Schedule']);
    expect(wb.getWorksheet('Schedule')!.getCell('C3').value).toEqual(new Date(Date.UTC(2027, 2, 4, 8, 0)));
  });

  test('a same-named sheet the product did not write is never overwritten, and nothing is written', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN);
    const wb = await open(input);
    wb.addWorksheet('Schedule').getCell('A1').value = 'my own notes';
    await wb.xlsx.writeFile(input);
    const before = fs.readFileSync(input);
    const res = await regenerateFile(input, { inPlace: true });
    expect(res.written).toBeNull();
    expect(res.calc.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        at: sheetLocation('Schedule'),
        message: expect.stringMatching(/not written by Production Planner/),
      }),
    ]);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'plan.regenerated.xlsx'))).toBe(false);
  });

  test('a plan with errors writes nothing', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'bad.xlsx', {
      ...SMALL_PLAN,
      tasks: [{ ID: '1', Name: 'A', Duration: 'soon' }],
    });
    const res = await regenerateFile(input);
    expect(res.written).toBeNull();
    expect(res.calc.issues).toEqual([expect.objectContaining({ at: cellLocation('Tasks', 1, 2) })]);
    expect(fs.readdirSync(dir)).toEqual(['bad.xlsx']);
  });

  test('--in-place refuses a workbook with charts it cannot keep', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN);
    const zip = await JSZip.loadAsync(fs.readFileSync(input));
    zip.file(
      'xl/charts/chart1.xml',
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    fs.writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer' }));
    const before = fs.readFileSync(input);
    await expect(regenerateFile(input, { inPlace: true })).rejects.toThrow(/charts.*would lose them/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const copy = await regenerateFile(input);
    expect(copy.calc.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/charts.*original file is unchanged/),
      }),
    ]);
  });
});

test('the sample workbooks are byte-for-byte repeatable (a fixed date on every zip entry, no folder entries)', async () => {
  const { workbookToBuffer } = await import('../../src/workbook/exceljs-host');
  const { workbookFromJsonPlan } = await import('../../src/workbook/from-json');
  const fixedDate = new Date(Date.UTC(2027, 0, 1));
  const a = await workbookToBuffer(workbookFromJsonPlan(filmShoot().doc, { tasksAsTable: true }), { fixedDate });
  await new Promise((r) => setTimeout(r, 1100)); // a second later: any "now" would show
  const b = await workbookToBuffer(workbookFromJsonPlan(filmShoot().doc, { tasksAsTable: true }), { fixedDate });
  expect(a.equals(b)).toBe(true);
  const zip = await JSZip.loadAsync(a);
  expect(Object.values(zip.files).filter((f) => f.dir)).toEqual([]);
});

test('a sheet written in joined pieces (ExcelJS patched to join its XML by row) reads back whole and in order', async () => {
  const { workbookToBuffer } = await import('../../src/workbook/exceljs-host');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Big');
  // 20,000 rows of 5 cells: some 200,000 pieces of XML, joined several times over.
  for (let r = 1; r <= 20000; r++) ws.addRow([r, `row ${r}`, r * 0.5, r % 2 === 0, `ü${r}`]);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await workbookToBuffer(wb)) as unknown as ArrayBuffer);
  const rows = back.getWorksheet('Big')!;
  expect(rows.rowCount).toBe(20000);
  for (const r of [1, 6553, 6554, 13107, 19999, 20000])
    expect(rows.getRow(r).values).toEqual([undefined, r, `row ${r}`, r * 0.5, r % 2 === 0, `ü${r}`]);
});
