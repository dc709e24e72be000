/**
 * The Office.js adapter and the Regenerate flow against the simulated Excel host
 * (tests/support/excel-sim.ts), which enforces load-before-read, array shapes and the
 * 5 MB payload limit, and counts syncs.
 */
import { cellLocation, sheetLocation } from '../../src/core/location';
import ExcelJS from 'exceljs';
import { regenerateWorkbook } from '../../src/commands/regenerate';
import { GANTT_COLORS } from '../../src/core/layout/gantt';
import { isOwnRule } from '../../src/core/layout/highlights';
import { regenerateFile } from '../../src/workbook/files';
import { BATCH_BUDGET, READ_CELLS_PER_SYNC, officeValue, rawCellFromOffice } from '../../src/workbook/office-host';
import { filmShoot } from '../../scripts/examples';
import { costPlan } from '../../bench/costs';
import {
  SIM_PAYLOAD_LIMIT,
  SimContext,
  SimError,
  SimWorkbook,
  simWorkbookFromJson,
  simulatedExcel,
} from '../support/excel-sim';
import { tempDir, writeXlsx } from './fixtures';

const TODAY = { today: new Date(Date.UTC(2027, 2, 1)) };

describe('the simulated host enforces Office.js rules', () => {
  test('a property read before load() and sync() throws PropertyNotLoaded', async () => {
    const book = new SimWorkbook();
    book.setRows('Tasks', [['ID'], ['1']]);
    const ctx = new SimContext(book);
    const range = (ctx.workbook.worksheets.getItem('Tasks') as unknown as Excel.Worksheet).getRange('A1:A2');
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load('values');
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(range.values).toEqual([['ID'], ['1']]);
  });

  test("a 2-D array must have its range's shape; a single value fills the range", async () => {
    const book = new SimWorkbook();
    book.addSheet('S', true);
    const ctx = new SimContext(book);
    const ws = ctx.workbook.worksheets.getItem('S') as unknown as Excel.Worksheet;
    ws.getRange('A1:B2').values = [[1, 2, 3]];
    await expect(ctx.sync()).rejects.toThrow(/InvalidArgument/);
    (ws.getRange('A1:B2') as unknown as { values: number }).values = 7;
    await ctx.sync();
    expect(book.values('S')).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  test('a request over 5 MB fails with PayloadTooLarge, and the sync is counted', async () => {
    const book = new SimWorkbook();
    book.addSheet('S', true);
    const ctx = new SimContext(book);
    const ws = ctx.workbook.worksheets.getItem('S') as unknown as Excel.Worksheet;
    const big = Array.from({ length: 60_000 }, () => ['x'.repeat(100)]);
    ws.getRange(`A1:A${big.length}`).values = big;
    await expect(ctx.sync()).rejects.toThrow(SimError);
    expect(ctx.stats.syncs).toBe(1);
    expect(ctx.stats.requestBytes[0]).toBeGreaterThan(SIM_PAYLOAD_LIMIT);
  });

  test('text is typed as a user types it: = makes a formula, an apostrophe keeps text, digits make a number', async () => {
    const book = new SimWorkbook();
    book.addSheet('S', true);
    const ctx = new SimContext(book);
    (ctx.workbook.worksheets.getItem('S') as unknown as Excel.Worksheet).getRange('A1:D1').values = [
      ['=1+1', "'=1+1", '007', "'007"],
    ];
    await ctx.sync();
    expect(book.values('S')).toEqual([['=1+1', '=1+1', 7, '007']]);
    expect(book.sheet('S')!.cell(0, 1)!.text).toBe(true);
    expect(ctx.stats.formulasWritten).toEqual(['S!A1 =1+1']);
  });
});

describe('cell conversion', () => {
  test('numbers with a date format are dates; with a percent format, percentages; errors stay errors', () => {
    expect(rawCellFromOffice(46447, 'yyyy-mm-dd', 'Double')).toEqual({
      value: { kind: 'date', wall: expect.any(Number) },
    });
    expect(rawCellFromOffice(0.4, '0%', 'Double')).toEqual({ value: 0.4, percent: true });
    expect(rawCellFromOffice(5, '"days" 0', 'Double')).toEqual({ value: 5 });
    expect(rawCellFromOffice('#N/A', 'General', 'Error')).toEqual({ value: { kind: 'error', text: '#N/A' } });
    expect(rawCellFromOffice('', 'General', 'Empty')).toBeUndefined();
  });

  test('written values: text behind an apostrophe, dates as serials, empty cells empty', () => {
    expect(officeValue('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(officeValue(null)).toBe('');
    expect(officeValue({ date: 0 })).toBe(25569);
  });
});

/** The generated sheets as ExcelJS writes them, for comparing hosts. */
async function excelJsSheet(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name)!;
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value as unknown;
      // Dates come back as Dates: compare them as the serials Office.js reads.
      line[c - 1] =
        v instanceof Date
          ? v.getTime() / 86400000 + 25569
          : v && typeof v === 'object' && 'text' in (v as object)
            ? (v as { text: string }).text
            : v;
    });
    out[r - 1] = line;
  });
  return out;
}

function normalize(grid: unknown[][]): unknown[][] {
  const out = Array.from(grid, (row) => Array.from(row ?? [], (v) => (v === undefined || v === '' ? null : v)));
  return out.map((row) => {
    const r = [...row];
    while (r.length && r[r.length - 1] === null) r.pop();
    return r;
  });
}

describe('Regenerate through the Office.js adapter', () => {
  const film = filmShoot();

  test('the film sample: the same sheets and values as the file host writes, in 3 syncs', async () => {
    const excel = simulatedExcel(simWorkbookFromJson(film.doc));
    const summary = await regenerateWorkbook(excel.run, TODAY);
    expect(summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(summary.sheets).toEqual([
      'Schedule',
      'Gantt',
      'Resource Usage',
      'Cost Report',
      'Earned Value',
      'Plan Issues',
    ]);
    expect(summary.syncs).toBe(3); // read the sheets; read the cells; write everything
    expect(excel.runs[0].suspended.every(Boolean)).toBe(true);
    expect(excel.runs[0].formulasWritten).toEqual([]);
    expect(summary.finish).toBe('Wed 2027-08-25 12:00');
    expect(summary.critical).toContain('SH-3');
    expect(summary.budget).toMatchObject({ status: 'green', currency: 'USD' });

    const dir = tempDir();
    const input = await writeXlsx(dir, 'film.xlsx', film.doc, true);
    const file = (await regenerateFile(input, TODAY)).written!;
    for (const sheet of ['Schedule', 'Resource Usage', 'Cost Report', 'Earned Value', 'Plan Issues']) {
      expect({ sheet, values: normalize(excel.book.values(sheet)) }).toEqual({
        sheet,
        values: normalize(await excelJsSheet(file, sheet)),
      });
    }
    // Markers, in the workbook's names, point at each sheet's A1.
    expect(excel.book.names.get('ProductionPlanner.CostReport')!.formula).toBe("='Cost Report'!$A$1");
    // The chart the file writer cannot make.
    expect(excel.book.sheet('Earned Value')!.charts).toEqual([
      expect.objectContaining({ type: 'Line', title: expect.stringMatching(/^S-curve/) }),
    ]);
  });

  test('Gantt bars are filled through RangeAreas, one call per style and chunk, not per bar', async () => {
    // At day scale: a cell fill for every day of every bar.
    const daily = { ...film.doc, settings: { ...(film.doc.settings as object), 'Gantt Scale': 'day' } };
    const excel = simulatedExcel(simWorkbookFromJson(daily));
    await regenerateWorkbook(excel.run, TODAY);
    const gantt = excel.book.sheet('Gantt')!;
    const fills = gantt.formats.filter((f) => f.props.fill);
    expect(fills.length).toBeGreaterThan(50);
    // SH-3 is critical: its bar is filled in the critical colour, on its own row.
    const row = excel.book.values('Gantt').findIndex((r) => r[0] === 'SH-3');
    expect(gantt.formats.some((f) => f.area.row === row && f.props.fill === `#${GANTT_COLORS.critical}`)).toBe(true);
    // Fewer fill calls than filled areas: the areas share calls.
    const calls = new Set(fills.map((f) => f.props)).size;
    expect(calls).toBeLessThan(fills.length / 5);
  });

  test('text stays text: an ID like 007 and a task named =1+1 come back as typed', async () => {
    const doc = {
      settings: { 'Project Start': '2027-03-01', 'Status Date': '2027-03-01' },
      tasks: [
        { ID: '007', Name: '=1+1', Duration: '2d' },
        { ID: '8', Name: '+44 call', Duration: '1d', Predecessors: '007' },
      ],
    };
    const excel = simulatedExcel(simWorkbookFromJson(doc));
    const summary = await regenerateWorkbook(excel.run, TODAY);
    expect(summary.written).toBe(true);
    const schedule = excel.book.values('Schedule');
    expect(schedule.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['007', '=1+1'],
      ['8', '+44 call'],
    ]);
    expect(excel.runs[0].formulasWritten).toEqual([]);
  });

  test("regenerating again replaces the product's sheets and rules, keeps the user's rule and sheet order", async () => {
    const book = simWorkbookFromJson(film.doc);
    book.sheet('Tasks')!.rules.push({
      id: '{user-1}',
      area: 'Tasks!B2:B9',
      type: 'Custom',
      formula: '=LEN(B2)>30',
      format: { italic: true },
    });
    const excel = simulatedExcel(book);
    await regenerateWorkbook(excel.run, TODAY);
    const order = book.sheets.map((s) => s.name);
    const second = await regenerateWorkbook(excel.run, TODAY);
    expect(second.syncs).toBe(3);
    expect(book.sheets.map((s) => s.name)).toEqual(order);
    const live = (sheet: string) => book.sheet(sheet)!.rules.filter((r) => !r.deleted);
    expect(live('Tasks').filter((r) => isOwnRule(r.formula))).toHaveLength(2);
    expect(live('Tasks').filter((r) => !isOwnRule(r.formula))).toEqual([
      expect.objectContaining({ formula: '=LEN(B2)>30' }),
    ]);
    expect(live('Budget').filter((r) => isOwnRule(r.formula))).toHaveLength(2);
    expect([...book.names.keys()].filter((n) => n.startsWith('ProductionPlanner.')).sort()).toEqual([
      'ProductionPlanner.CostReport',
      'ProductionPlanner.EarnedValue',
      'ProductionPlanner.Gantt',
      'ProductionPlanner.PlanIssues',
      'ProductionPlanner.ResourceUsage',
      'ProductionPlanner.Schedule',
    ]);
  });

  test('a sheet named Schedule that the product did not write: nothing is written, and the issue says why', async () => {
    const book = simWorkbookFromJson(film.doc);
    book.setRows('Schedule', [['My own notes']]);
    const excel = simulatedExcel(book);
    const summary = await regenerateWorkbook(excel.run, TODAY);
    expect(summary.written).toBe(false);
    expect(summary.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', at: sheetLocation('Schedule') }),
    );
    expect(book.values('Schedule')).toEqual([['My own notes']]);
    expect(book.sheet('Gantt')).toBeUndefined();
    expect(excel.runs[0].syncs).toBe(2); // the reads only
  });

  test('a plan with errors writes only the Plan Issues sheet and shows it; the earlier sheets stay', async () => {
    const book = simWorkbookFromJson(film.doc);
    const excel = simulatedExcel(book);
    await regenerateWorkbook(excel.run, TODAY);
    const scheduleBefore = book.values('Schedule');
    book.sheet('Tasks')!.type(3, 2, "'5x"); // a bad duration
    const summary = await regenerateWorkbook(excel.run, TODAY);
    expect(summary.written).toBe(false);
    expect(summary.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', at: cellLocation('Tasks', 3, 2) }),
    );
    expect(book.active).toBe('Plan Issues');
    expect(book.values('Plan Issues').flat()).toContain('Tasks!C4');
    expect(book.values('Schedule')).toEqual(scheduleBefore);
  });

  test('Settings naming another Tasks sheet: read in one more round', async () => {
    const doc = {
      settings: { 'Project Start': '2027-03-01', 'Tasks Sheet': 'Shots' },
      tasks: [{ ID: '1', Name: 'A', Duration: '1d' }],
    };
    const book = simWorkbookFromJson(doc);
    book.sheet('Tasks')!.name = 'Shots';
    const excel = simulatedExcel(book);
    const summary = await regenerateWorkbook(excel.run, TODAY);
    expect(summary.tasks).toBe(1);
    expect(summary.syncs).toBe(5); // sheets; cells; the renamed sheet's size; its cells; the writes
  });
});

describe('size: syncs stay few and every request stays under 5 MB', () => {
  function plan(tasks: number) {
    // The year plan of bench/costs.ts (5,000 tasks with resources and budget lines), repeated to size.
    const base = costPlan(500) as { tasks: Record<string, string | number>[]; budget: unknown[]; [k: string]: unknown };
    const copies = Math.ceil(tasks / base.tasks.length);
    const all: Record<string, string | number>[] = [];
    for (let k = 0; k < copies; k++) {
      for (const t of base.tasks) {
        const row = { ...t, ID: `${k}-${t.ID}` };
        if (typeof t.Predecessors === 'string')
          (row as Record<string, string | number>).Predecessors = t.Predecessors.split(',')
            .map((p) => `${k}-${p.trim()}`)
            .join(', ');
        all.push(row);
      }
    }
    return { ...base, tasks: all.slice(0, tasks) };
  }

  test('5,000 tasks: at most 6 syncs, none over 5 MB', async () => {
    const excel = simulatedExcel(simWorkbookFromJson(plan(5_000), { store: false }));
    const summary = await regenerateWorkbook(excel.run, { today: new Date(Date.UTC(2027, 5, 30)) });
    expect(summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(summary.sheets).toHaveLength(6);
    const stats = excel.runs[0];
    expect(stats.syncs).toBeLessThanOrEqual(6);
    expect(Math.max(...stats.requestBytes)).toBeLessThan(SIM_PAYLOAD_LIMIT);
    expect(Math.max(...stats.responseBytes)).toBeLessThan(SIM_PAYLOAD_LIMIT);
    console.log(
      `5,000 tasks: ${stats.syncs} syncs; requests ${stats.requestBytes.map((b) => (b / 1e6).toFixed(2)).join(', ')} MB`,
    );
  }, 120000);

  test('50,000 tasks: the extra syncs are only those the payload limit forces', async () => {
    const excel = simulatedExcel(simWorkbookFromJson(plan(50_000), { store: false }));
    const summary = await regenerateWorkbook(excel.run, { today: new Date(Date.UTC(2027, 5, 30)) });
    expect(summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const stats = excel.runs[0];
    expect(Math.max(...stats.requestBytes)).toBeLessThan(SIM_PAYLOAD_LIMIT);
    expect(Math.max(...stats.responseBytes)).toBeLessThan(SIM_PAYLOAD_LIMIT);
    console.log(
      `50,000 tasks: ${stats.syncs} syncs; requests ${stats.requestBytes.map((b) => (b / 1e6).toFixed(2)).join(', ')} MB; responses ${stats.responseBytes.map((b) => (b / 1e6).toFixed(2)).join(', ')} MB`,
    );
    // Reads: one sync for the sheets, then one per READ_CELLS_PER_SYNC cells of the input sheets
    // (loads come in quarter blocks, so allow for packing).
    const cells = excel.book.sheets
      .filter((s) => s.store)
      .reduce((n, s) => {
        const u = s.used();
        return n + (u ? u.rows * u.cols : 0);
      }, 0);
    const reads = stats.responseBytes.findIndex((b) => b === 0);
    expect(reads).toBeLessThanOrEqual(1 + Math.ceil(cells / (READ_CELLS_PER_SYNC * 0.75)));
    expect(stats.responseBytes.slice(reads).every((b) => b === 0)).toBe(true);
    // Writes: batches filled towards the budget (by the simulator's count, which prices an action
    // lower than the adapter's cautious estimate), so their number follows the bytes to write.
    const writes = stats.requestBytes.slice(reads);
    const total = writes.reduce((a, b) => a + b, 0);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(total / (BATCH_BUDGET * 0.6)));
    expect(stats.syncs).toBe(reads + writes.length);
  }, 300000);
});

test("the fixture converter keeps the film sample's dates as Excel dates", () => {
  const book = simWorkbookFromJson(filmShoot().doc);
  const tasks = book.sheet('Tasks')!;
  const header = book.values('Tasks')[0];
  const col = header.indexOf('Actual Start');
  const row = book.values('Tasks').findIndex((r) => r[0] === 'PRE-1');
  expect(tasks.cell(row, col)).toMatchObject({ value: 46447, numberFormat: 'yyyy-mm-dd' });
});

describe('what real Excel would refuse, caught on the simulated host', () => {
  test('long non-ASCII texts: reads split when a response would pass 5 MB; writes counted in UTF-8 bytes', async () => {
    const doc = costPlan(200) as { tasks: Record<string, string | number>[]; [k: string]: unknown };
    // 20 tasks of 5,000 with a 300-character Japanese note and a long Japanese name.
    const note = '撮影の段取りと機材の手配について確認すること。'.repeat(13);
    const tasks = doc.tasks
      .slice(0, 5_000)
      .map((t, k) => ({ ...t, Name: `${t.Name} 撮影準備と機材確認 ${k}`, Notes: note }));
    const excel = simulatedExcel(simWorkbookFromJson({ ...doc, tasks }, { store: false }));
    const summary = await regenerateWorkbook(excel.run, { today: new Date(Date.UTC(2027, 5, 30)) });
    expect(summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(summary.written).toBe(true);
    const stats = excel.runs[0];
    // A too-large response failed once and was split; every request that went through was under the limit.
    expect(stats.responseBytes.some((b) => b > SIM_PAYLOAD_LIMIT)).toBe(true);
    const passed = stats.requestBytes.filter((_, k) => stats.responseBytes[k] <= SIM_PAYLOAD_LIMIT);
    expect(Math.max(...passed)).toBeLessThan(SIM_PAYLOAD_LIMIT);
    expect(stats.recalculations).toBe(1);
  }, 180000);

  test('when the money sheets go, the sheets after them still land in a valid place', async () => {
    const book = simWorkbookFromJson(filmShoot().doc);
    const excel = simulatedExcel(book);
    await regenerateWorkbook(excel.run, TODAY);
    for (const name of ['Budget', 'Resources']) book.sheets.splice(book.sheets.indexOf(book.sheet(name)!), 1);
    const again = await regenerateWorkbook(excel.run, TODAY);
    expect(again.sheets).toEqual(['Schedule', 'Gantt', 'Earned Value', 'Plan Issues']);
    expect(book.sheets.map((s) => s.name)).toEqual([
      'Settings',
      'Tasks',
      'Holidays',
      'Schedule',
      'Gantt',
      'Earned Value',
      'Plan Issues',
    ]);
    expect(book.sheet('Cost Report')).toBeUndefined();
  });

  test('a sheet that freezes only its header row freezes no column', async () => {
    const excel = simulatedExcel(simWorkbookFromJson(filmShoot().doc));
    await regenerateWorkbook(excel.run, TODAY);
    expect(excel.book.sheet('Plan Issues')!.freeze).toEqual({ row: 0, col: 0, rows: 1, cols: 0 });
    expect(excel.book.sheet('Schedule')!.freeze).toEqual({ row: 0, col: 0, rows: 1, cols: 2 });
  });
});
