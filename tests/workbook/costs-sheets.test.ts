/** The Cost Report and Earned Value sheets, and the variance highlights on the user's Budget sheet. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { COST_COLUMNS, planCostReportSheet } from '../../src/core/layout/cost-report-sheet';
import { planEarnedValueSheet } from '../../src/core/layout/earned-value-sheet';
import { isOwnRule, planBudgetHighlights } from '../../src/core/layout/highlights';
import { cleanFile, regenerateFile } from '../../src/workbook/files';
import { calc, plan } from '../helpers';
import { tempDir, writeXlsx } from './fixtures';

const BUDGET = [
  {
    Account: '1100',
    Description: 'Producer',
    Category: 'Above the line',
    Budget: 100000,
    Committed: 20000,
    Actual: 50000,
  },
  {
    Account: '2100',
    Description: 'Crew',
    Category: 'Production',
    Budget: 50000,
    Committed: 10000,
    Actual: 40000,
    ETC: 3500,
  }, // 7% over: amber
  { Account: '2200', Description: 'Camera', Category: 'Production', Budget: 20000, Actual: 22500 }, // 12.5% over: red
];
const DOC = plan(
  [
    {
      ID: 'A',
      Name: 'Prep',
      Duration: '10d',
      'Fixed Cost': 10000,
      'Cost Account': '1100',
      '% Complete': '40%',
      'Actual Start': '2027-03-01',
    },
    { ID: 'B', Name: 'Shoot', Duration: '5d', Predecessors: 'A', Resources: 'Crew', 'Cost Account': '2100' },
  ],
  { 'Status Date': '2027-03-05' },
  { budget: BUDGET, resources: [{ Name: 'Crew', Type: 'Work', Rate: 100 }] },
);

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('Cost Report sheet plan', () => {
  const c = calc(DOC);
  const sheet = planCostReportSheet(c.costs!.report, c.schedule!.statusDate);
  const find = (label: string) => sheet.rows.find((r) => r[1] === label)!;

  test('a title with the status date, currency, sign convention and thresholds; then the column headers', () => {
    expect(sheet.rows[0][0]).toBe(
      'Cost report as of 2027-03-05 · USD · Variance = Budget - EFC · amber over 5%, red over 10%',
    );
    expect(sheet.rows[1]).toEqual([
      'Account',
      'Description',
      'Category',
      'Budget',
      'Committed',
      'Actual',
      'ETC',
      'EFC',
      'Scheduled Cost',
      'Variance',
      'Variance %',
      'Fav/Unfav',
      'Status',
    ]);
    expect(sheet.headerRows).toBe(2);
  });

  test('the topsheet: one row per category with its status, then the total', () => {
    expect(find('Production').slice(3)).toEqual([
      70000,
      10000,
      62500,
      3500,
      76000,
      4000,
      -6000,
      -6000 / 70000,
      'Unfav',
      'Amber',
    ]);
    expect(find('Total').slice(3, 8)).toEqual([170000, 30000, 112500, 33500, 176000]);
  });

  test('the detail: each line under its category, then the category total; Account in column A for the Budget highlights', () => {
    const labels = sheet.rows.map((r) => r[1]);
    const detail = sheet.rows.findIndex((r) => r[0] === 'Detail by account');
    expect(labels.slice(detail + 1)).toEqual([
      'Above the line',
      'Producer',
      'Total Above the line',
      'Production',
      'Crew',
      'Camera',
      'Total Production',
      undefined,
      expect.stringMatching(/^Scheduled Cost: what the tasks booked to the line cost at the current schedule/),
    ]);
    const camera = sheet.rows.find((r) => r[0] === '2200')!;
    expect(camera[COST_COLUMNS.status]).toBe('Red');
    expect(camera.slice(9, 12)).toEqual([-2500, -0.125, 'Unfav']);
  });

  test("status cells are coloured as Excel's Good, Neutral and Bad styles; a derived ETC is italic", () => {
    const r = sheet.rows.findIndex((row) => row[0] === '2200');
    expect(sheet.styles).toContainEqual({
      row: r,
      col: COST_COLUMNS.status,
      style: expect.objectContaining({ fill: 'FFC7CE' }),
    });
    expect(sheet.styles).toContainEqual({ row: r, col: 6, style: { italic: true, color: '595959' } });
    const crew = sheet.rows.findIndex((row) => row[0] === '2100');
    expect(sheet.styles.some((s) => s.row === crew && s.col === 6 && s.style.italic)).toBe(false);
  });

  test('with forecast-minus-budget the variance flips sign, and the labels stay right', () => {
    const flipped = calc({ ...DOC, settings: { ...DOC.settings, 'Variance Sign': 'forecast-minus-budget' } });
    const s = planCostReportSheet(flipped.costs!.report, flipped.schedule!.statusDate);
    expect(s.rows[0][0]).toMatch(/Variance = EFC - Budget/);
    expect(s.rows.find((r) => r[0] === '2200')!.slice(9, 13)).toEqual([2500, 0.125, 'Unfav', 'Red']);
  });
});

describe('Earned Value sheet plan', () => {
  const c = calc(DOC);
  const sheet = planEarnedValueSheet(c.plan!, c.costs!.earnedValue);

  test('project figures first, then accounts and tasks, with the baseline used named in the title', () => {
    expect(sheet.rows[0][0]).toMatch(
      /^Earned value as of Fri 2027-03-05 17:00 · no baseline set: the current schedule serves as the baseline · EAC = AC \+ \(BAC - EV\) \/ CPI/,
    );
    const project = sheet.rows.find((r) => r[0] === 'Project')!;
    // On the budget typed: BAC = the Budgets of the lines tasks book to, 100,000 (A) + 50,000 (B);
    // PV 50,000 (half of A's working time is past); EV 40% of 100,000; AC 50,000 + 40,000: the
    // Actuals of accounts 1100 and 2100 (B has earned nothing yet, but its account has spent).
    expect(project.slice(2, 6)).toEqual([150000, 50000, 40000, 90000]);
    expect(sheet.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['1100', '2100', 'A', 'B']));
  });

  test('a line no task books to is outside earned value: its share beside the project figures, and listed', () => {
    const outside = sheet.rows.find((r) => r[0] === 'Outside EV')!;
    // 2200 Camera (20,000) of 170,000: 11.8% of the budget.
    expect(outside.slice(1, 3)).toEqual(['11.8% of budget: 1 line without tasks', 20000]);
    const listed = sheet.rows.findIndex((r) => String(r[0]).startsWith('Outside earned value'));
    expect(sheet.rows[listed + 1].slice(0, 3)).toEqual(['2200', 'Camera', 20000]);
    expect(c.costs!.earnedValue.coverage).toEqual({
      budgetInEv: 150000,
      outside: [{ account: '2200', description: 'Camera', budget: 20000 }],
      outsideBudget: 20000,
      outsideShare: 20000 / 170000,
    });
  });

  test('the S-curve block: week ending Sundays, cumulative PV to the end, EV and AC to the status week; a line chart over it', () => {
    const curve = sheet.rows
      .slice(2)
      .map((r) => r.slice(15, 19))
      .filter((r) => r.length > 0);
    expect(curve).toHaveLength(3);
    expect(curve.map((r) => r[1])).toEqual([50000, 100000, 150000]);
    expect(curve[0].slice(2)).toEqual([40000, 90000]);
    expect(curve[1].slice(2)).toEqual([null, null]);
    expect(sheet.charts).toEqual([expect.objectContaining({ type: 'line', categories: { row: 2, col: 15, rows: 3 } })]);
    expect(sheet.charts![0].series.map((s) => s.name)).toEqual(['PV', 'EV', 'AC']);
  });
});

describe('Budget highlights and regeneration', () => {
  test('a JSON plan has no cells to highlight', () => {
    const h = planBudgetHighlights(calc(DOC).plan!);
    expect(h).toBeNull(); // a JSON plan has no cells to highlight
  });

  test('regenerate writes Cost Report and Earned Value, highlights the Budget lines, keeps every typed value', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', DOC);
    const before = JSON.stringify((await open(input)).getWorksheet('Budget')!.getSheetValues());
    const res = await regenerateFile(input);
    expect(res.sheets).toEqual(['Schedule', 'Gantt', 'Resource Usage', 'Cost Report', 'Earned Value', 'Plan Issues']);
    const wb = await open(res.written!);
    const budget = wb.getWorksheet('Budget')!;
    expect(JSON.stringify(budget.getSheetValues())).toBe(before);
    const cfs = (budget as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(cfs).toHaveLength(1);
    expect(cfs[0].ref).toBe('A2:G4');
    const formulae = cfs[0].rules.map((r) => ('formulae' in r ? (r.formulae as string[])[0] : ''));
    expect(formulae).toEqual([
      `AND(IFERROR(INDEX('Cost Report'!$M:$M,MATCH(TRIM($A2&""),'Cost Report'!$A:$A,0)),"")="Red",N("production-planner:budget-red")=0)`,
      `AND(IFERROR(INDEX('Cost Report'!$M:$M,MATCH(TRIM($A2&""),'Cost Report'!$A:$A,0)),"")="Amber",N("production-planner:budget-amber")=0)`,
    ]);
    expect(formulae.every(isOwnRule)).toBe(true);
    const report = wb.getWorksheet('Cost Report')!;
    expect(report.getCell('A1').value).toMatch(/^Cost report as of/);
    expect(wb.definedNames.model.map((n) => n.name)).toEqual(
      expect.arrayContaining(['ProductionPlanner.CostReport', 'ProductionPlanner.EarnedValue']),
    );

    // Again: still one set of rules; then the budget goes, and so do the money sheets.
    const again = await regenerateFile(res.written!, { inPlace: true });
    const wb2 = await open(again.written!);
    expect(
      (wb2.getWorksheet('Budget') as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
    ).toHaveLength(1);
    wb2.removeWorksheet(wb2.getWorksheet('Budget')!.id);
    wb2.removeWorksheet(wb2.getWorksheet('Resources')!.id);
    const noBudget = `${dir}/no-budget.xlsx`;
    await wb2.xlsx.writeFile(noBudget);
    const third = await regenerateFile(noBudget, { inPlace: true });
    const names = (await open(third.written!)).worksheets.map((w) => w.name);
    expect(names).not.toContain('Cost Report');
    // Tasks still carry a fixed cost, so earned value stays.
    expect(names).toContain('Earned Value');

    const cleaned = await cleanFile(res.written!, { output: `${dir}/clean.xlsx` });
    expect(cleaned.sheets.sort()).toEqual([
      'Cost Report',
      'Earned Value',
      'Gantt',
      'Plan Issues',
      'Resource Usage',
      'Schedule',
    ]);
    const cleanBudget = (await open(cleaned.written)).getWorksheet('Budget')!;
    expect((cleanBudget as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings).toHaveLength(0);
    expect(fs.existsSync(input)).toBe(true);
  });
});
