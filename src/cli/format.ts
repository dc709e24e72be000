import type { Calculation } from '../core/calculate';
import type { Issue } from '../core/model';
import { formatWall } from '../core/time';
import { round } from '../core/parsers/duration';

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

export function formatIssues(issues: readonly Issue[]): string {
  if (issues.length === 0) return 'No issues.';
  const errors = issues.filter((i) => i.severity === 'error').length;
  const head = `${errors} error${errors === 1 ? '' : 's'}, ${issues.length - errors} warning${issues.length - errors === 1 ? '' : 's'}:`;
  return [head, ...issues.map((i) => `  ${i.severity === 'error' ? 'error  ' : 'warning'}  ${i.where}  ${i.message}`)].join('\n');
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
      `${round(r.totalFloat[i] / mpd, 2)}d`,
      r.critical[i] ? 'yes' : '',
    ]);
  });
  return [
    `Project: ${date(r.projectStart)} to ${date(r.projectFinish)}, ${plan.tasks.length} tasks, ${critical} critical (status date ${date(r.statusDate)})`,
    '',
    table(rows),
    '',
    formatIssues(calc.issues),
  ].join('\n');
}
