import type { CostFigures, CostReport, CostStatus } from '../costs';
import { favourable } from '../costs/cost-report';
import { formatDay } from '../time';
import { headerStyle } from './schedule-sheet';
import type { ColumnPlan, PlanValue, SheetPlan, StyledRange } from './sheet-plan';

/** Money: thousands separators, cents, negatives in brackets as accountants write them, a dash for zero. */
export const MONEY_FORMAT = '#,##0.00;(#,##0.00);"-"';
export const PERCENT_FORMAT = '0.0%;-0.0%;0.0%';

/** Status fills and texts, as Excel's own Good / Neutral / Bad cell styles (green is shown by its text colour alone, so the eye goes to the others). */
export const STATUS_STYLE: Record<CostStatus, { fill: string; color: string; text: string }> = {
  green: { fill: 'C6EFCE', color: '006100', text: 'Green' },
  amber: { fill: 'FFEB9C', color: '9C5700', text: 'Amber' },
  red: { fill: 'FFC7CE', color: '9C0006', text: 'Red' },
};

/** Column of each field on the Cost Report (0-based); the Budget highlights look lines up by Account and Status. */
export const COST_COLUMNS = { account: 0, status: 12 } as const;
const SECTION_FILL = 'D9E1F2';
const CATEGORY_FILL = 'F2F2F2';

export function signLabel(sign: CostReport['sign']): string {
  return sign === 'budget-minus-forecast' ? 'Variance = Budget - EFC' : 'Variance = EFC - Budget';
}

/**
 * The Cost Report sheet, as a film cost report reads: the topsheet (one row
 * per category, then the total), then every line under its category with a
 * subtotal. Estimated final cost = Actual + Committed + ETC; the variance with
 * Settings' sign, labelled Fav or Unfav; the status coloured.
 */
export function planCostReportSheet(report: CostReport, statusDate: number, projectTitle = ''): SheetPlan {
  const columns: ColumnPlan[] = [
    { header: 'Account', width: 10 },
    { header: 'Description', width: 36 },
    { header: 'Category', width: 18 },
    { header: 'Budget', width: 15, numFmt: MONEY_FORMAT },
    { header: 'Committed', width: 15, numFmt: MONEY_FORMAT },
    { header: 'Actual', width: 15, numFmt: MONEY_FORMAT },
    { header: 'ETC', width: 15, numFmt: MONEY_FORMAT },
    { header: 'EFC', width: 15, numFmt: MONEY_FORMAT },
    { header: 'Scheduled Cost', width: 15, numFmt: MONEY_FORMAT },
    { header: 'Variance', width: 15, numFmt: MONEY_FORMAT },
    { header: 'Variance %', width: 11, numFmt: PERCENT_FORMAT },
    { header: 'Fav/Unfav', width: 10 },
    { header: 'Status', width: 8 },
  ];
  const width = columns.length;
  const title = `${projectTitle === '' ? '' : `${projectTitle} · `}Cost report as of ${formatDay(statusDate)} · ${report.currency} · ${signLabel(report.sign)} · amber over ${report.amberPct}%, red over ${report.redPct}%`;
  const rows: PlanValue[][] = [[title], columns.map((c) => c.header)];
  const styles: StyledRange[] = [{ row: 0, col: 0, style: { bold: true, size: 13 } }, headerStyle(width, 1)];
  const levels: number[] = [0, 0];

  const figures = (f: CostFigures): PlanValue[] => [
    f.budget,
    f.committed,
    f.actual,
    f.etc,
    f.efc,
    f.scheduled,
    f.variance,
    f.variancePct === null ? null : f.variancePct / 100,
    favourable(f.variance, report.sign),
    STATUS_STYLE[f.status].text,
  ];
  const status = (r: number, s: CostStatus) => {
    const st = STATUS_STYLE[s];
    styles.push({
      row: r,
      col: COST_COLUMNS.status,
      style:
        s === 'green'
          ? { color: st.color, align: 'center' }
          : { fill: st.fill, color: st.color, bold: true, align: 'center' },
    });
  };
  const section = (text: string) => {
    rows.push([text]);
    levels.push(0);
    styles.push({ row: rows.length - 1, col: 0, cols: width, style: { bold: true, fill: SECTION_FILL } });
  };

  section('Topsheet by category');
  for (const c of report.categories) {
    rows.push([null, c.category, null, ...figures(c)]);
    levels.push(0);
    status(rows.length - 1, c.status);
  }
  rows.push([null, 'Total', null, ...figures(report.total)]);
  levels.push(0);
  const totalRow = rows.length - 1;
  styles.push({
    row: totalRow,
    col: 0,
    cols: width,
    style: {
      bold: true,
      border: { top: { style: 'thin', color: '000000' }, bottom: { style: 'medium', color: '000000' } },
    },
  });
  status(totalRow, report.total.status);

  rows.push([]);
  levels.push(0);
  section('Detail by account');
  for (const c of report.categories) {
    rows.push([null, c.category]);
    levels.push(0);
    styles.push({ row: rows.length - 1, col: 0, cols: width, style: { bold: true, fill: CATEGORY_FILL } });
    for (const k of c.lines) {
      const l = report.lines[k];
      rows.push([l.account, l.description, l.category, ...figures(l)]);
      levels.push(1);
      status(rows.length - 1, l.status);
      if (!l.etcGiven) styles.push({ row: rows.length - 1, col: 6, style: { italic: true, color: '595959' } });
    }
    rows.push([null, `Total ${c.category}`, null, ...figures(c)]);
    levels.push(0);
    styles.push({
      row: rows.length - 1,
      col: 0,
      cols: width,
      style: { bold: true, border: { top: { style: 'thin', color: '808080' } } },
    });
    status(rows.length - 1, c.status);
  }
  if (report.lines.length === 0) {
    rows.push([
      null,
      'The Budget sheet has no lines yet: add Account, Description, Category, Budget, Committed, Actual and ETC columns.',
    ]);
    levels.push(0);
  } else {
    // The one column that is no part of the line's arithmetic, said where it stands.
    rows.push([]);
    levels.push(0);
    rows.push([
      null,
      'Scheduled Cost: what the tasks booked to the line cost at the current schedule (resources and fixed costs), beside EFC to compare; it is not in EFC or Variance. Earned value is on the Earned Value sheet.',
    ]);
    levels.push(0);
    styles.push({ row: rows.length - 1, col: 1, style: { italic: true, color: '595959', size: 9 } });
  }
  return {
    key: 'CostReport',
    name: 'Cost Report',
    columns,
    rows,
    styles,
    links: [],
    headerRows: 2,
    rowLevels: levels,
    freeze: { rows: 2, cols: 2 },
    tabColor: '548235',
    print: { landscape: true, titleRows: 2, fitToWidth: true },
  };
}
