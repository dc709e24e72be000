/** The task pane's flows inside Excel, against the simulated host. */
import { cellLocation, rowLocation, sheetLocation } from '../../src/core/location';
import { explainSelection, goToCell, readSettings, setBaseline, writeSettings } from '../../src/commands/planner';
import { regenerateWorkbook } from '../../src/commands/regenerate';
import { SIM_PAYLOAD_LIMIT, SimWorkbook, simWorkbookFromJson, simulatedExcel } from '../support/excel-sim';

const TODAY = { today: new Date(Date.UTC(2027, 2, 1)) };
const DOC = {
  settings: { 'Project Start': '2027-03-01', 'Status Date': '2027-03-03', 'Gantt Scale': 'week' },
  tasks: [
    { ID: 'A', Name: 'Prep', Duration: '2d' },
    { ID: 'B', Name: 'Shoot', Duration: '3d', Predecessors: 'AFS+1d' },
    { ID: 'C', Name: 'Side job', Duration: '1d' },
  ],
};

test("go to an issue's cell: the sheet is shown and the cell selected; a place that is not a cell is refused", async () => {
  const excel = simulatedExcel(simWorkbookFromJson(DOC));
  expect(await goToCell(excel.run, cellLocation('Tasks', 2, 2))).toBe(true);
  expect(excel.book.active).toBe('Tasks');
  expect(excel.book.selection).toEqual({ sheet: 'Tasks', address: 'C3' });
  expect(await goToCell(excel.run, sheetLocation('Tasks'))).toBe(false);
  expect(await goToCell(excel.run, cellLocation('No such', 0, 0))).toBe(false);
  expect(await goToCell(excel.run, rowLocation('Tasks', 3))).toBe(true);
  expect(excel.book.selection).toEqual({ sheet: 'Tasks', address: 'A4:XFD4' });
});

test('settings: read from the Settings sheet; saved beside their names, or as new rows', async () => {
  const excel = simulatedExcel(simWorkbookFromJson(DOC));
  expect(await readSettings(excel.run)).toEqual({ 'Gantt Scale': 'week' });
  await writeSettings(excel.run, {
    'Gantt Scale': 'day',
    'Variance Amber %': '3',
    'Variance Sign': 'forecast-minus-budget',
  });
  expect(excel.book.values('Settings')).toEqual([
    ['Setting', 'Value'],
    ['Project Start', '2027-03-01'],
    ['Status Date', '2027-03-03'],
    ['Gantt Scale', 'day'],
    ['Variance Amber %', 3],
    ['Variance Sign', 'forecast-minus-budget'],
  ]);
  expect(await readSettings(excel.run)).toEqual({
    'Gantt Scale': 'day',
    'Variance Amber %': '3',
    'Variance Sign': 'forecast-minus-budget',
  });
  // The saved settings take effect on the next regeneration.
  const summary = await regenerateWorkbook(excel.run, TODAY);
  expect(summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
});

test('set baseline: columns added after the last used one; replacing earlier dates needs confirming', async () => {
  const excel = simulatedExcel(simWorkbookFromJson(DOC));
  const first = await setBaseline(excel.run, TODAY);
  expect(first).toMatchObject({ written: true, overwrites: [], tasks: 3 });
  const tasks = excel.book.values('Tasks');
  expect(tasks[0].slice(-2)).toEqual(['Baseline Start', 'Baseline Finish']);
  expect(excel.book.sheet('Tasks')!.cell(1, tasks[0].length - 2)).toMatchObject({ numberFormat: 'yyyy-mm-dd hh:mm' });

  // The plan moves: B's lag grows, so its baseline would change.
  excel.book.sheet('Tasks')!.type(2, 3, "'AFS+3d");
  const asked = await setBaseline(excel.run, TODAY);
  expect(asked.written).toBe(false);
  expect(asked.overwrites).toEqual([
    expect.stringMatching(/^Tasks!E3: 2027-03-04 08:00 -> 2027-03-08 08:00$/),
    expect.stringMatching(/^Tasks!F3:/),
  ]);
  const replaced = await setBaseline(excel.run, { ...TODAY, replace: true });
  expect(replaced.written).toBe(true);
  const summary = await regenerateWorkbook(excel.run, TODAY);
  expect(summary.issues.filter((i) => /baseline/i.test(i.message))).toEqual([]);
});

test('explain the selected task: on the Tasks sheet by its row, on Schedule by its ID', async () => {
  const book: SimWorkbook = simWorkbookFromJson(DOC);
  const excel = simulatedExcel(book);
  await regenerateWorkbook(excel.run, TODAY);
  book.selection = { sheet: 'Tasks', address: 'B3' };
  const onTasks = await explainSelection(excel.run, TODAY);
  expect(onTasks).toEqual({
    explanation: expect.objectContaining({
      id: 'B',
      critical: true,
      totalFloat: 0,
      constraint: 'ASAP',
      chain: [
        expect.objectContaining({ id: 'B', drivenBy: 'AFS+1d' }),
        expect.objectContaining({ id: 'A', drivenBy: 'Project start' }),
      ],
    }),
  });
  // A whole row selected (Excel hands back `Tasks!3:3`): the same task.
  book.selection = { sheet: 'Tasks', address: '3:3' };
  expect(await explainSelection(excel.run, TODAY)).toEqual({ explanation: expect.objectContaining({ id: 'B' }) });
  book.selection = { sheet: 'Schedule', address: 'D4' };
  const onSchedule = await explainSelection(excel.run, TODAY);
  expect(onSchedule).toEqual({ explanation: expect.objectContaining({ id: 'C', critical: false, totalFloat: 5 }) });
  book.selection = { sheet: 'Settings', address: 'A1' };
  expect(await explainSelection(excel.run, TODAY)).toEqual({ message: expect.stringMatching(/Select a task's row/) });
});

test('settings on an empty Settings sheet: written into it, not a second one', async () => {
  const book = simWorkbookFromJson(DOC);
  book.sheet('Settings')!.cells.clear();
  const excel = simulatedExcel(book);
  await writeSettings(excel.run, { 'Gantt Scale': 'week' });
  expect(book.sheets.filter((s) => s.name === 'Settings')).toHaveLength(1);
  expect(book.values('Settings')).toEqual([
    ['Setting', 'Value'],
    ['Gantt Scale', 'week'],
  ]);
});

test('set baseline on 5,000 tasks: column blocks, every request under 5 MB', async () => {
  const tasks = Array.from({ length: 5_000 }, (_, k) => ({
    ID: `T${k}`,
    Name: `Task ${k}`,
    Duration: `${1 + (k % 5)}d`,
    ...(k > 0 ? { Predecessors: `T${k - 1}` } : {}),
  }));
  const excel = simulatedExcel(simWorkbookFromJson({ settings: DOC.settings, tasks }));
  const outcome = await setBaseline(excel.run, TODAY);
  expect(outcome).toMatchObject({ written: true, tasks: 5_000 });
  const stats = excel.runs[0];
  expect(Math.max(...stats.requestBytes)).toBeLessThan(SIM_PAYLOAD_LIMIT);
  expect(stats.syncs).toBeLessThanOrEqual(4);
  expect(stats.recalculations).toBe(1);
  const values = excel.book.values('Tasks');
  expect(values[0].slice(-2)).toEqual(['Baseline Start', 'Baseline Finish']);
  expect(values[5000][values[0].length - 1]).toEqual(expect.any(Number));
});
