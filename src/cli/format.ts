import { formatLocation } from '../core/location';
import type { Calculation } from '../core/calculate';
import type { Issue } from '../core/model';
import { formatWall } from '../core/time';
import { round } from '../core/helpers';
import { elapsedFloats, floatInDays } from '../core/schedule/schedule';

/** Rows of cells as aligned columns. A loop, not a spread into Math.max: a plan may have a million rows. */
export function textTable(rows: string[][]): string {
  const widths = rows[0].map(() => 0);
  for (const r of rows) for (let c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c], r[c].length);
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatIssues(issues: readonly Issue[]): string {
  if (issues.length === 0) return 'No issues.';
  const errors = issues.filter((i) => i.severity === 'error').length;
  const head = `${errors} error${errors === 1 ? '' : 's'}, ${issues.length - errors} warning${issues.length - errors === 1 ? '' : 's'}:`;
  return [
    head,
    ...issues.map((i) => `  ${i.severity === 'error' ? 'error  ' : 'warning'}  ${formatLocation(i.at)}  ${i.message}`),
  ].join('\n');
}

/** The readable form of `calculate`: the project's dates, the tasks as a table, the issues. */
export function formatCalculation(calc: Calculation): string {
  const r = calc.schedule;
  const plan = calc.plan;
  if (!r || !plan) return formatIssues(calc.issues);
  const mpd = r.calendar.minutesPerDay;
  const date = (w: number) => formatWall(w).replace('T', ' ');
  let critical = 0;
  const rows = [['ID', 'Name', 'Start', 'Finish', 'Total float', 'Critical']];
  plan.tasks.forEach((t, i) => {
    if (r.critical[i]) critical++;
    rows.push([
      t.id,
      '  '.repeat(t.outlineLevel - 1) + (t.name.length > 40 ? t.name.slice(0, 39) + '…' : t.name),
      date(r.start[i]),
      date(r.finish[i]),
      elapsedFloats(t) ? `${round(floatInDays(t, r.totalFloat[i], mpd), 2)}ed` : `${round(r.totalFloat[i] / mpd, 2)}d`,
      r.critical[i] ? 'yes' : '',
    ]);
  });
  const money = formatMoneySummary(calc);
  return [
    `Project: ${date(r.projectStart)} to ${date(r.projectFinish)}, ${plan.tasks.length} tasks, ${critical} critical (status date ${date(r.statusDate)})`,
    ...(money ? [money] : []),
    '',
    textTable(rows),
    '',
    formatIssues(calc.issues),
  ].join('\n');
}

// `+ 0` turns the -0 that rounding a small negative gives into 0: no "-0 under".
const amount = (x: number) => (Math.round(x) + 0).toLocaleString('en-US');
const index = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));

/** One or two lines on the money: the budget's total and status, and earned value at the status date. */
export function formatMoneySummary(calc: Calculation): string | null {
  const c = calc.costs;
  if (!c || !calc.plan) return null;
  const out: string[] = [];
  const t = c.report.total;
  if (c.report.lines.length > 0) {
    const over = Math.round(t.efc - t.budget);
    const against = over > 0 ? `${amount(over)} over` : over < 0 ? `${amount(-over)} under` : 'on budget';
    out.push(
      `Budget: ${amount(t.budget)} ${c.report.currency}, estimated final cost ${amount(t.efc)} (${against}), status ${t.status}; ` +
        `${c.report.lines.filter((l) => l.status === 'red').length} red and ${c.report.lines.filter((l) => l.status === 'amber').length} amber lines`,
    );
  }
  const ev = c.earnedValue.project;
  if (ev.bac > 0)
    out.push(
      `Earned value: PV ${amount(ev.pv)}, EV ${amount(ev.ev)}, AC ${amount(ev.ac)}, SPI ${index(ev.spi)}, CPI ${index(ev.cpi)}, EAC ${amount(ev.eac)}`,
    );
  return out.length > 0 ? out.join('\n') : null;
}
