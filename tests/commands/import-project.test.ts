/** Import from Microsoft Project in the task pane's flow, against the simulated Excel host. */
import { importProjectXml } from '../../src/commands/import-project';
import { regenerateWorkbook } from '../../src/commands/regenerate';
import { planToMspdi } from '../../src/core/msproject/export';
import { SimWorkbook, simWorkbookFromJson, simulatedExcel } from '../support/excel-sim';
import { calc, plan } from '../helpers';

const TODAY = { today: new Date(Date.UTC(2027, 2, 1)) };

function projectXml(n = 3): Uint8Array {
  const rows = Array.from({ length: n }, (_, i) => ({
    ID: `S-${i + 1}`,
    Name: `Scene ${i + 1}`,
    Duration: i % 3 === 2 ? '4h' : '1d',
    ...(i > 0 ? { Predecessors: `S-${i}` } : {}),
    ...(i % 4 === 1 ? { Resources: 'Camera' } : {}),
  }));
  const c = calc(
    plan(
      rows,
      {},
      {
        resources: [{ Name: 'Camera', Type: 'Equipment', 'Max Units': 1, Rate: 80 }],
        holidays: [{ Date: '2027-03-05', Name: 'Wrap party' }],
      },
    ),
  );
  return Buffer.from(planToMspdi(c.plan!, c.schedule!, 'Shoot'), 'utf8');
}

function emptyBook(): SimWorkbook {
  const book = new SimWorkbook();
  book.addSheet('Sheet1');
  return book;
}

test('into a new workbook: the input sheets, as typed, and Regenerate schedules them', async () => {
  const excel = simulatedExcel(emptyBook());
  const out = await importProjectXml(excel.run, projectXml(), 'shoot.xml', { ids: 'wbs' });
  expect(out).toMatchObject({
    kind: 'imported',
    sheets: ['Settings', 'Tasks', 'Resources', 'Calendars', 'Holidays'],
    replaced: [],
  });
  expect(excel.book.sheets.map((s) => s.name)).toEqual([
    'Sheet1',
    'Settings',
    'Tasks',
    'Resources',
    'Calendars',
    'Holidays',
  ]);
  expect(excel.book.active).toBe('Tasks');
  const tasks = excel.book.values('Tasks');
  expect(tasks[0]).toEqual(['ID', 'Name', 'Duration', 'Predecessors', 'Outline Level', 'Resources']);
  expect(tasks[2]).toEqual(['S-2', 'Scene 2', '1d', 'S-1', 1, 'Camera']);
  // No marker: the sheets are the user's; Regenerate reads them and writes its own.
  expect([...excel.book.names.keys()]).toEqual([]);
  const summary = await regenerateWorkbook(excel.run, TODAY);
  expect(summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
  // S-1 Mon, S-2 Tue, S-3 Wed morning; the holiday Friday is in the Holidays sheet.
  expect(summary.written).toBe(true);
  expect(excel.book.values('Holidays')[1]).toEqual([expect.any(Number), 'Exception', 'Standard']);
});

test("a sheet of the user's is replaced only after asking; nothing changes until then", async () => {
  const book = simWorkbookFromJson({
    settings: { 'Project Start': '2027-01-04' },
    tasks: [{ ID: 'X', Name: 'Mine', Duration: '1d' }],
  });
  const excel = simulatedExcel(book);
  const before = excel.book.values('Tasks');
  const ask = await importProjectXml(excel.run, projectXml(), 'shoot.xml');
  expect(ask).toEqual({ kind: 'confirm', sheets: ['Settings', 'Tasks'] });
  expect(excel.book.values('Tasks')).toEqual(before);
  const done = await importProjectXml(excel.run, projectXml(), 'shoot.xml', { replace: true });
  expect(done).toMatchObject({ kind: 'imported', replaced: ['Settings', 'Tasks'] });
  expect(excel.book.values('Tasks')[1].slice(0, 2)).toEqual(['1', 'Scene 1']);
  expect(excel.book.sheets.filter((s) => /importing/.test(s.name))).toEqual([]);
});

test('a workbook whose only sheet is Tasks keeps a sheet throughout', async () => {
  const book = new SimWorkbook();
  book.setRows('Tasks', [
    ['ID', 'Name'],
    ['1', 'Old'],
  ]);
  const excel = simulatedExcel(book);
  const out = await importProjectXml(excel.run, projectXml(), 'shoot.xml', { replace: true });
  expect(out.kind).toBe('imported');
  expect(excel.book.values('Tasks')[1][1]).toBe('Scene 1');
});

test('a file that is not Project XML is refused in words, and nothing is written', async () => {
  const excel = simulatedExcel(emptyBook());
  const out = await importProjectXml(excel.run, Buffer.from('<APIBusinessObjects/>'), 'p6.xml');
  expect(out).toEqual({
    kind: 'refused',
    issues: [
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/^p6.xml is not a Microsoft Project XML file: it is Primavera P6 XML/),
      }),
    ],
  });
  expect(excel.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});

test('5,000 tasks: a few syncs, every request under the payload limit', async () => {
  const excel = simulatedExcel(emptyBook());
  const out = await importProjectXml(excel.run, projectXml(5000), 'big.xml');
  expect(out).toMatchObject({ kind: 'imported', counts: { tasks: 5000, links: 4999 } });
  if (out.kind !== 'imported') return;
  expect(out.syncs).toBeLessThanOrEqual(4);
  expect(excel.book.values('Tasks').length).toBe(5001);
});
