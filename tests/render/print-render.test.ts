/**
 * Every generated sheet of both samples, printed by LibreOffice: one page wide, nothing hidden,
 * the project's title above and the status date and page numbers below.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { regenerateFile } from '../../src/workbook/files';
import { workbookFromJsonPlan } from '../../src/workbook/from-json';
import { workbookToBuffer } from '../../src/workbook/exceljs-host';
import { EXAMPLES } from '../../scripts/examples';
import { canRender, renderSheet } from './render';

const describeIf = canRender() ? describe : describe.skip;

interface Printed {
  pages: number;
  /** Width over height of the first page. */
  landscape: boolean;
  /** The PDF's text, page by page, laid out as printed. */
  text: string[];
}

/** Prints one sheet of a workbook to PDF with LibreOffice and reads the PDF back. */
async function print(workbook: string, sheet: string, dir: string): Promise<Printed> {
  const out = path.join(dir, sheet.replace(/ /g, '-'));
  const { pages } = await renderSheet(workbook, sheet, out, 20);
  const pdf = path.join(out, 'sheet.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, pages.length);
  return { pages: pages.length, landscape: pages[0].width > pages[0].height, text };
}

async function regenerated(doc: Record<string, unknown>, tasksAsTable: boolean, dir: string): Promise<string> {
  const input = path.join(dir, 'plan.xlsx');
  fs.writeFileSync(input, await workbookToBuffer(workbookFromJsonPlan(doc, { tasksAsTable })));
  const res = await regenerateFile(input, { output: path.join(dir, 'out.xlsx') });
  if (!res.written) throw new Error('the sample has errors');
  return res.written;
}

/** The first and last column headers of each sheet (the Gantt's last is its table's: the timeline has dates). */
const EDGE_HEADERS: Record<string, [string, string]> = {
  Schedule: ['ID', 'Variance'],
  Gantt: ['ID', 'Float'],
  'Resource Usage': ['Resource', 'Over'],
  'Cost Report': ['Account', 'Status'],
  'Earned Value': ['Account', 'TCPI'],
  'Plan Issues': ['Severity', 'Issue'],
};

describeIf('printed sheets', () => {
  for (const make of EXAMPLES) {
    const example = make();
    const tasks = (example.doc.tasks as { ID: string; Name: string }[]).map((t) => t.ID);
    describe(example.title, () => {
      let out = '';
      let dir = '';
      beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-print-'));
        out = await regenerated(example.doc, example.tasksAsTable, dir);
      }, 120000);

      test.each(['Schedule', 'Gantt', 'Resource Usage', 'Cost Report', 'Earned Value', 'Plan Issues'])(
        '%s: one page wide, every page titled and numbered',
        async (sheet) => {
          const p = await print(out, sheet, dir);
          const settings = example.doc.settings as Record<string, string>;
          p.text.forEach((page, k) => {
            expect(page).toContain(settings['Project Name']);
            expect(page).toContain(`Page ${k + 1} of ${p.pages}`);
            expect(page).toMatch(/Status date \d+ \w{3} \d{4}/);
          });
          // One page wide: the first and the last column's headers are on every page (headers repeat).
          const [first, last] = EDGE_HEADERS[sheet];
          for (const page of p.text) {
            expect(page).toMatch(new RegExp(`\\b${first}\\b`));
            expect(page).toMatch(new RegExp(`\\b${last}\\b`));
          }
          if (sheet === 'Schedule' || sheet === 'Gantt') {
            expect(p.landscape).toBe(true);
            // Nothing hidden or cut off: every task's ID is printed, on one of the pages.
            const all = p.text.join('\n');
            for (const id of tasks) expect(all).toContain(id);
            expect(p.pages).toBeLessThanOrEqual(Math.ceil(tasks.length / 30));
          }
          if (sheet === 'Resource Usage') {
            expect(p.landscape).toBe(true);
            // Every resource some task books is printed, with its Max Units.
            const booked = new Set(
              (example.doc.tasks as { Resources?: string }[]).flatMap((t) =>
                (t.Resources ?? '').split(',').map((a) => a.replace(/\[.*\]/, '').trim()),
              ),
            );
            const all = p.text.join('\n');
            for (const r of example.doc.resources as { Name: string; Type?: string }[])
              if (booked.has(r.Name) && r.Type !== 'Material') expect(all).toContain(r.Name);
          }
        },
        120000,
      );
    });
  }
});

describeIf('an outline of three levels prints every row', () => {
  test('the days under the shoot weeks are on the printed Schedule and Gantt', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-print-'));
    const level = (id: string, name: string, outline: number, extra: Record<string, string> = {}) => ({
      ID: id,
      Name: name,
      'Outline Level': outline,
      ...extra,
    });
    const doc = {
      settings: { 'Project Start': '2027-03-01', 'Project Name': 'Episode 104' },
      tasks: [
        level('SH', 'Shoot', 1),
        level('W1', 'Shoot week 1', 2),
        level('D1', 'Shoot day 1', 3, { Duration: '1d' }),
        level('D2', 'Shoot day 2', 3, { Duration: '1d', Predecessors: 'D1' }),
        level('W2', 'Shoot week 2', 2),
        level('D3', 'Shoot day 3', 3, { Duration: '1d', Predecessors: 'D2' }),
      ],
    };
    const out = await regenerated(doc, false, dir);
    for (const sheet of ['Schedule', 'Gantt']) {
      const all = (await print(out, sheet, dir)).text.join('\n');
      for (const name of ['Shoot day 1', 'Shoot day 2', 'Shoot day 3']) expect(all).toContain(name);
    }
  }, 120000);
});
