import type { EarnedValue, EvFigures } from '../costs';
import type { Plan } from '../model';
import { formatDay, formatWallReadable } from '../time';
import { MONEY_FORMAT } from './cost-report-sheet';
import { DATE_FORMAT, headerStyle, idColumnWidth } from './schedule-sheet';
import type { ColumnPlan, PlanValue, SheetPlan, StyledRange } from './sheet-plan';

export const RATIO_FORMAT = '0.000';
const SECTION_FILL = 'D9E1F2';
const SUMMARY_FILL = 'F2F2F2';
/** Columns of the S-curve block, right of the figures. */
const CURVE_COL = 15;

const METHOD_LABEL: Record<EarnedValue['method'], string> = {
  cpi: 'AC + (BAC - EV) / CPI',
  'budget-rate': 'AC + (BAC - EV)',
  'cpi-spi': 'AC + (BAC - EV) / (CPI x SPI)',
};

const BASELINE_LABEL: Record<EarnedValue['baseline'], string> = {
  set: 'baseline as set',
  partial: 'the current schedule serves as the baseline where a task has none',
  none: 'no baseline set: the current schedule serves as the baseline',
};

/**
 * The Earned Value sheet: the project's figures, then each budget account the
 * tasks book to, then each task (summaries rolled up); beside them the weekly
 * S-curve data (cumulative PV to the end, EV and AC to the status date) and,
 * where the host draws charts, its line chart.
 */
export function planEarnedValueSheet(plan: Plan, ev: EarnedValue, projectTitle = ''): SheetPlan {
  const figureColumns = ['BAC', 'PV', 'EV', 'AC', 'SV', 'CV', 'SPI', 'CPI', 'EAC', 'ETC', 'VAC', 'TCPI'];
  const ratio = new Set([8, 9, 13]);
  const columns: ColumnPlan[] = [
    { header: 'ID / Account', width: Math.max(12, idColumnWidth(plan)) },
    { header: 'Name', width: 34 },
    ...figureColumns.map((h, k) => ({
      header: h,
      width: ratio.has(k + 2) ? 7 : 13,
      numFmt: ratio.has(k + 2) ? RATIO_FORMAT : MONEY_FORMAT,
    })),
    { header: '', width: 3 },
    { header: 'Week ending', width: 12, numFmt: DATE_FORMAT },
    { header: 'PV', width: 14, numFmt: MONEY_FORMAT },
    { header: 'EV', width: 14, numFmt: MONEY_FORMAT },
    { header: 'AC', width: 14, numFmt: MONEY_FORMAT },
  ];
  const width = 2 + figureColumns.length;
  const title = `${projectTitle === '' ? '' : `${projectTitle} · `}Earned value as of ${formatWallReadable(ev.statusDate)} · ${BASELINE_LABEL[ev.baseline]} · EAC = ${METHOD_LABEL[ev.method]}`;
  const titles: PlanValue[] = new Array(CURVE_COL + 1).fill(null);
  titles[0] = title;
  titles[CURVE_COL] = 'S-curve, cumulative';
  const rows: PlanValue[][] = [titles, columns.map((c) => c.header)];
  const styles: StyledRange[] = [
    { row: 0, col: 0, style: { bold: true, size: 13 } },
    { row: 0, col: CURVE_COL, style: { bold: true } },
    headerStyle(width, 1),
    { ...headerStyle(4, 1), col: CURVE_COL },
  ];
  const figures = (f: EvFigures): PlanValue[] => [
    f.bac,
    f.pv,
    f.ev,
    f.ac,
    f.sv,
    f.cv,
    f.spi,
    f.cpi,
    f.eac,
    f.etc,
    f.vac,
    f.tcpi,
  ];
  const section = (text: string) => {
    rows.push([text]);
    styles.push({ row: rows.length - 1, col: 0, cols: width, style: { bold: true, fill: SECTION_FILL } });
  };

  section('Whole project');
  rows.push(['Project', 'All tasks', ...figures(ev.project)]);
  styles.push({ row: rows.length - 1, col: 0, cols: width, style: { bold: true } });
  const cov = ev.coverage;
  if (cov.outside.length > 0) {
    // Beside CPI and SPI: how much of the budget they do not speak for.
    const share = `${Math.round(cov.outsideShare * 1000) / 10}%`;
    rows.push([
      'Outside EV',
      `${share} of budget: ${cov.outside.length} line${cov.outside.length === 1 ? '' : 's'} without tasks`,
      cov.outsideBudget,
    ]);
    styles.push({ row: rows.length - 1, col: 0, cols: width, style: { italic: true, color: '7F7F7F' } });
  }
  if (ev.accounts.length > 0) {
    section('By budget account');
    for (const a of ev.accounts) rows.push([a.account, a.description, ...figures(a.figures)]);
  }
  if (cov.outside.length > 0) {
    section('Outside earned value: budget lines no task books to (their Budget in BAC)');
    for (const l of cov.outside) rows.push([l.account, l.description, l.budget]);
  }
  section('By task');
  plan.tasks.forEach((t, i) => {
    rows.push([t.id, t.name, ...figures(ev.tasks[i])]);
    const r = rows.length - 1;
    if (t.outlineLevel > 1) styles.push({ row: r, col: 1, style: { indent: Math.min(15, t.outlineLevel - 1) } });
    if (t.isSummary) styles.push({ row: r, col: 0, cols: width, style: { bold: true, fill: SUMMARY_FILL } });
  });

  // The S-curve block, from the first data row down, beside the figures.
  const first = 2;
  ev.curve.forEach((p, k) => {
    const r = first + k;
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length < CURVE_COL) row.push(null);
    row.push({ date: p.weekEnd - 1440 }, p.pv, p.ev, p.ac);
  });
  const charts: SheetPlan['charts'] =
    ev.curve.length > 0
      ? [
          {
            type: 'line',
            title: `S-curve to ${formatDay(ev.statusDate)}: planned, earned and actual cost`,
            categories: { row: first, col: CURVE_COL, rows: ev.curve.length },
            series: ['PV', 'EV', 'AC'].map((name, k) => ({
              name,
              values: { row: first, col: CURVE_COL + 1 + k, rows: ev.curve.length },
            })),
            at: { row: first, col: CURVE_COL + 5, cols: 10, rows: 20 },
          },
        ]
      : [];
  return {
    key: 'EarnedValue',
    name: 'Earned Value',
    columns,
    rows,
    styles,
    links: [],
    headerRows: 2,
    freeze: { rows: 2, cols: 2 },
    tabColor: '7030A0',
    charts,
    print: { landscape: true, titleRows: 2, fitToWidth: true },
  };
}
