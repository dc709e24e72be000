import { formatLocation, isWorkbookPlace } from '../location';
import type { Issue } from '../model';
import { headerStyle } from './schedule-sheet';
import { PlanValue, SheetPlan, StyledRange } from './sheet-plan';

/** The Plan Issues sheet: every issue, errors first, each linked to its cell. */
export function planIssuesSheet(issues: readonly Issue[]): SheetPlan {
  const columns = [
    { header: 'Severity', width: 10 },
    { header: 'Where', width: 18 },
    { header: 'Issue', width: 110 },
  ];
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const rows: PlanValue[][] = [columns.map((c) => c.header)];
  const styles: StyledRange[] = [headerStyle(columns.length)];
  const links: SheetPlan['links'] = [];
  sorted.forEach((issue, k) => {
    const where = formatLocation(issue.at);
    rows.push([issue.severity === 'error' ? 'Error' : 'Warning', where, issue.message]);
    styles.push({ row: k + 1, col: 0, style: { bold: true, color: issue.severity === 'error' ? 'C00000' : '9C5700' } });
    styles.push({ row: k + 1, col: 2, style: { wrap: true } });
    if (isWorkbookPlace(issue.at)) links.push({ row: k + 1, col: 1, target: where });
  });
  if (sorted.length === 0) rows.push(['', '', 'No issues found: the plan reads cleanly.']);
  return {
    key: 'PlanIssues',
    name: 'Plan Issues',
    columns,
    rows,
    styles,
    links,
    freeze: { rows: 1, cols: 0 },
    autoFilter: sorted.length > 0,
  };
}
