/** Highlights on the user's Tasks sheet, clean, and regenerating again and again. */
import { sheetLocation } from '../../src/core/location';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { isOwnRule } from '../../src/core/layout/highlights';
import { baselineFile, cleanFile, regenerateFile } from '../../src/workbook/files';
import { tempDir, writeXlsx } from './fixtures';
import { execFileSync } from 'child_process';
import { canRender } from '../render/render';

const PLAN = {
  settings: { 'Project Start': '2027-03-01', 'Status Date': '2027-03-03' },
  tasks: [
    { ID: '1', Name: 'Prep', Duration: '2d', 'Baseline Start': '2027-03-01', 'Baseline Finish': '2027-03-01' },
    { ID: '2', Name: 'Shoot', Duration: '3d', Predecessors: '1' },
    { ID: '3', Name: 'Side job', Duration: '1d' },
  ],
};

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rules(ws: ExcelJS.Worksheet): { ref: string; formulae: string[] }[] {
  // ExcelJS keeps a sheet's rules in an untyped property.
  const all = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  return all.map((cf) => ({
    ref: cf.ref,
    formulae: cf.rules.flatMap((r) => ('formulae' in r ? ((r.formulae as string[] | undefined) ?? []) : [])),
  }));
}

function values(ws: ExcelJS.Worksheet): unknown {
  return JSON.parse(JSON.stringify(ws.getSheetValues()));
}

/** A workbook with the user's own conditional format on the Tasks sheet. */
async function withUserRule(dir: string): Promise<string> {
  const input = await writeXlsx(dir, 'plan.xlsx', PLAN);
  const wb = await open(input);
  wb.getWorksheet('Tasks')!.addConditionalFormatting({
    ref: 'B2:B4',
    rules: [{ type: 'expression', priority: 1, formulae: ['LEN(B2)>4'], style: { font: { italic: true } } }],
  });
  await wb.xlsx.writeFile(input);
  return input;
}

test("regenerating adds the product's highlight rules to the Tasks sheet, formatting only, beside the user's own rule", async () => {
  const dir = tempDir();
  const input = await withUserRule(dir);
  const before = values((await open(input)).getWorksheet('Tasks')!);
  const res = await regenerateFile(input);
  const tasks = (await open(res.written!)).getWorksheet('Tasks')!;
  expect(values(tasks)).toEqual(before);
  const all = rules(tasks);
  expect(all.filter((r) => !r.formulae.some(isOwnRule))).toEqual([{ ref: 'B2:B4', formulae: ['LEN(B2)>4'] }]);
  const own = all.filter((r) => r.formulae.some(isOwnRule));
  expect(own).toHaveLength(1);
  expect(own[0].ref).toBe('A2:F4'); // ID, Name, Duration, Baseline Start, Baseline Finish, Predecessors
  expect(own[0].formulae).toEqual([
    'COUNTIFS(Schedule!$A:$A,TRIM($A2),Schedule!$L:$L,">0")+N("production-planner:slipped")>0',
    'COUNTIFS(Schedule!$A:$A,TRIM($A2),Schedule!$H:$H,"Yes")+N("production-planner:critical")>0',
  ]);
});

test('regenerating again gives the same workbook: same sheets, values, rules and markers, nothing duplicated', async () => {
  const dir = tempDir();
  const input = await withUserRule(dir);
  const first = (await regenerateFile(input)).written!;
  const second = path.join(dir, 'second.xlsx');
  await regenerateFile(first, { output: second });
  const [a, b] = [await open(first), await open(second)];
  expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  for (const ws of a.worksheets) {
    expect(values(b.getWorksheet(ws.name)!)).toEqual(values(ws));
    expect(rules(b.getWorksheet(ws.name)!)).toEqual(rules(ws));
  }
  expect(b.definedNames.model).toEqual(a.definedNames.model);
});

test("clean removes the generated sheets, their markers and the product's rules, and leaves the rest as it was", async () => {
  const dir = tempDir();
  const input = await withUserRule(dir);
  const regenerated = (await regenerateFile(input)).written!;
  const res = await cleanFile(regenerated, { output: path.join(dir, 'clean.xlsx') });
  expect(res.sheets.sort()).toEqual(['Gantt', 'Plan Issues', 'Schedule']);
  expect(res.rules).toBe(2); // critical and slipped
  const [orig, cleaned] = [await open(input), await open(res.written)];
  expect(cleaned.worksheets.map((w) => w.name)).toEqual(orig.worksheets.map((w) => w.name));
  for (const ws of orig.worksheets) {
    expect(values(cleaned.getWorksheet(ws.name)!)).toEqual(values(ws));
    expect(rules(cleaned.getWorksheet(ws.name)!)).toEqual(rules(ws));
  }
  expect(cleaned.definedNames.model.filter((n) => n.name.startsWith('ProductionPlanner.'))).toEqual([]);
  expect(fs.existsSync(input)).toBe(true);
});

describe('baseline', () => {
  test('adds Baseline Start and Baseline Finish columns with the current dates; the schedule then shows no variance', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', {
      settings: PLAN.settings,
      tasks: [PLAN.tasks[1], PLAN.tasks[2]].map(({ Predecessors, ...t }) => t),
    });
    const res = await baselineFile(input);
    expect(res.overwrites).toEqual([]);
    const tasks = (await open(res.written!)).getWorksheet('Tasks')!;
    expect(tasks.getRow(1).values).toEqual([undefined, 'ID', 'Name', 'Duration', 'Baseline Start', 'Baseline Finish']);
    expect(tasks.getCell('D2').value).toEqual(new Date(Date.UTC(2027, 2, 1, 8)));
    expect(tasks.getCell('E2').value).toEqual(new Date(Date.UTC(2027, 2, 3, 17)));
    const regenerated = await regenerateFile(res.written!);
    const schedule = (await open(regenerated.written!)).getWorksheet('Schedule')!;
    expect([schedule.getCell('K2').value, schedule.getCell('L2').value]).toEqual([0, 0]);
  });

  test('the columns it adds look like the header beside them', async () => {
    const dir = tempDir();
    const plain = await writeXlsx(dir, 'plain.xlsx', { settings: PLAN.settings, tasks: [PLAN.tasks[2]] });
    const wb = await open(plain);
    const header = wb.getWorksheet('Tasks')!.getRow(1);
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' }, name: 'Arial', size: 10 };
    });
    const styled = path.join(dir, 'styled.xlsx');
    await wb.xlsx.writeFile(styled);
    const tasks = (await open((await baselineFile(styled)).written!)).getWorksheet('Tasks')!;
    for (const address of ['D1', 'E1']) {
      expect(tasks.getCell(address).fill).toEqual(tasks.getCell('C1').fill);
      expect(tasks.getCell(address).font).toEqual(tasks.getCell('C1').font);
    }
  });

  test('says which baseline dates it would replace, and replaces them only with --yes', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', PLAN);
    const refused = await baselineFile(input);
    expect(refused.written).toBeNull();
    expect(refused.overwrites).toEqual(['Tasks!E2: 2027-03-01 17:00 -> 2027-03-02 17:00']);
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
    const done = await baselineFile(input, { yes: true });
    expect((await open(done.written!)).getWorksheet('Tasks')!.getCell('E2').value).toEqual(
      new Date(Date.UTC(2027, 2, 2, 17)),
    );
  });
});

describe("the user's own things stay theirs", () => {
  test("a user rule in the same block as the product's rules survives regeneration and clean", async () => {
    const dir = tempDir();
    const regenerated = (await regenerateFile(await writeXlsx(dir, 'plan.xlsx', PLAN))).written!;
    const wb = await open(regenerated);
    const tasks = wb.getWorksheet('Tasks')!;
    const blocks = (tasks as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    blocks[0].rules.push({
      type: 'expression',
      priority: 9,
      formulae: ['$C2="3d"'],
      style: { font: { italic: true } },
    });
    await wb.xlsx.writeFile(regenerated);
    const again = (await regenerateFile(regenerated, { output: path.join(dir, 'again.xlsx') })).written!;
    expect(
      rules((await open(again)).getWorksheet('Tasks')!)
        .flatMap((r) => r.formulae)
        .filter((f) => !isOwnRule(f)),
    ).toEqual(['$C2="3d"']);
    const cleaned = await cleanFile(again, { output: path.join(dir, 'clean.xlsx') });
    expect(rules((await open(cleaned.written)).getWorksheet('Tasks')!)).toEqual([
      { ref: 'A2:F4', formulae: ['$C2="3d"'] },
    ]);
  });

  test('a generated sheet the user renamed is kept as their own: regenerate and clean leave it', async () => {
    const dir = tempDir();
    const regenerated = (await regenerateFile(await writeXlsx(dir, 'plan.xlsx', PLAN))).written!;
    const wb = await open(regenerated);
    wb.getWorksheet('Schedule')!.name = 'Schedule wk46';
    await wb.xlsx.writeFile(regenerated);
    const again = (await regenerateFile(regenerated, { output: path.join(dir, 'again.xlsx') })).written!;
    expect((await open(again)).worksheets.map((w) => w.name)).toEqual([
      'Settings',
      'Tasks',
      'Schedule wk46',
      'Gantt',
      'Plan Issues',
      'Schedule',
    ]);
    const cleaned = await cleanFile(again, { output: path.join(dir, 'clean.xlsx') });
    expect((await open(cleaned.written)).worksheets.map((w) => w.name)).toEqual(['Settings', 'Tasks', 'Schedule wk46']);
  });

  test('a user sheet whose name differs only in case is a conflict, reported, not a crash', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', PLAN);
    const wb = await open(input);
    wb.addWorksheet('schedule').getCell('A1').value = 'mine';
    await wb.xlsx.writeFile(input);
    const res = await regenerateFile(input);
    expect(res.written).toBeNull();
    expect(res.calc.issues).toEqual([expect.objectContaining({ severity: 'error', at: sheetLocation('Schedule') })]);
  });

  test('baseline puts new columns after the last used column and names a non-empty cell it would cover', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', {
      settings: PLAN.settings,
      tasks: [{ ID: '1', Name: 'Prep', Duration: '2d' }],
    });
    const wb = await open(input);
    wb.getWorksheet('Tasks')!.getCell('E2').value = 'my note'; // a column with no header
    await wb.xlsx.writeFile(input);
    const res = await baselineFile(input);
    const tasks = (await open(res.written!)).getWorksheet('Tasks')!;
    expect(tasks.getCell('E2').value).toBe('my note');
    expect(tasks.getRow(1).values).toEqual([
      undefined,
      'ID',
      'Name',
      'Duration',
      undefined,
      undefined,
      'Baseline Start',
      'Baseline Finish',
    ]);
  });

  test('-o naming the input under another name (a hard link) is refused', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', PLAN);
    fs.linkSync(input, path.join(dir, 'same.xlsx'));
    await expect(regenerateFile(input, { output: path.join(dir, 'same.xlsx') })).rejects.toThrow(/is the input file/);
  });

  test('a workbook in the 1904 date system is refused with a way out, nothing written', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', PLAN);
    const wb = await open(input);
    (wb.properties as { date1904?: boolean }).date1904 = true;
    await wb.xlsx.writeFile(input);
    const res = await regenerateFile(input);
    expect(res.written).toBeNull();
    expect(res.calc.issues[0].message).toMatch(/1904 date system/);
  });
});

const onLibreOffice = canRender() ? test : test.skip;
onLibreOffice(
  'an ID typed with spaces around it (`S-9 `) is highlighted: the rule compares IDs trimmed, as the reader does',
  async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', {
      settings: { 'Project Start': '2027-03-01' },
      tasks: [
        { ID: 'S-9 ', Name: 'Shoot', Duration: '2d' },
        { ID: ' 10', Name: 'Wrap', Duration: '1d', Predecessors: 'S-9' },
        { ID: '11', Name: 'Side job', Duration: '1d' },
      ],
    });
    const written = (await regenerateFile(input)).written!;
    // A spreadsheet engine evaluates the critical rule for each task row: each rule's formula, for the
    // sheet it is on, in a cell of the first sheet (the one LibreOffice exports as CSV).
    const wb = await open(written);
    const critical = rules(wb.getWorksheet('Tasks')!)[0].formulae.find((f) => f.includes('critical'))!;
    const settings = wb.getWorksheet('Settings')!;
    for (const row of [2, 3, 4])
      settings.getCell(`Z${row}`).value = {
        formula: critical.replace(/\$A2\b/g, `Tasks!$A${row}`),
      } as ExcelJS.CellValue;
    const checked = path.join(dir, 'checked.xlsx');
    await wb.xlsx.writeFile(checked);
    execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, checked], { stdio: 'ignore' });
    const lines = fs.readFileSync(path.join(dir, 'checked.csv'), 'utf8').trim().split('\n');
    expect(lines.slice(1, 4).map((l) => l.split(',').pop())).toEqual(['TRUE', 'TRUE', 'FALSE']);
  },
  60000,
);

describe('over-allocated resources on the Resources sheet', () => {
  const doc = (second: string) => ({
    settings: { 'Project Start': '2027-03-01' },
    tasks: [
      { ID: 'A', Name: 'Main unit', Duration: '2d', Resources: 'Camera Package' },
      { ID: 'B', Name: 'Second unit', Duration: '2d', Resources: second },
    ],
    resources: [
      { Name: 'Camera Package', Type: 'Equipment', 'Max Units': 1, Rate: 100 },
      { Name: 'Crew', Type: 'Work', 'Max Units': 3, Rate: 50 },
    ],
  });
  const ownRules = (wb: ExcelJS.Workbook) =>
    (
      wb.getWorksheet('Resources') as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings
      .flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, formula: (r as { formulae: string[] }).formulae[0] })))
      .filter((r) => isOwnRule(r.formula));

  test('a rule over the resource rows reads the Over column of Resource Usage; it goes when nothing is booked', async () => {
    const dir = tempDir();
    const res = await regenerateFile(await writeXlsx(dir, 'plan.xlsx', doc('Camera Package')));
    const wb = await open(res.written!);
    expect(ownRules(wb)).toEqual([
      {
        ref: 'A2:D3',
        formula: `COUNTIFS('Resource Usage'!$A:$A,TRIM($A2&""),'Resource Usage'!$E:$E,"Yes")+N("production-planner:overallocated")>0`,
      },
    ]);
    const usage = wb.getWorksheet('Resource Usage')!;
    expect([usage.getCell('A4').value, usage.getCell('E4').value]).toEqual(['Camera Package', 'Yes']);

    // Nobody booked any more: no Resource Usage sheet, and no rule left pointing at it.
    const plain = await writeXlsx(dir, 'plain.xlsx', { ...doc(''), tasks: [{ ID: 'A', Name: 'A', Duration: '1d' }] });
    const again = await regenerateFile(plain, { output: path.join(dir, 'again.xlsx') });
    const wb2 = await open(again.written!);
    expect(ownRules(wb2)).toEqual([]);
    expect(wb2.getWorksheet('Resource Usage')).toBeUndefined();
  });
});
