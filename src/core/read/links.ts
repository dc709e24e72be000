import { clip } from '../helpers';
import type { Issue, Link, PlanTask } from '../model';
import { parsePredecessors } from '../parsers/predecessors';
import type { TaskField } from './tasks';
import { TableRow, cellText } from './table';

function isAncestor(tasks: PlanTask[], maybeAncestor: number, of: number): boolean {
  for (let p = tasks[of].parent; p >= 0; p = tasks[p].parent) if (p === maybeAncestor) return true;
  return false;
}

/** Each task's Predecessors cell as links; a link that cannot be is an issue at that cell. */
export function readLinks(
  rows: TableRow<TaskField>[],
  tasks: PlanTask[],
  index: Map<string, number>,
  mpd: number,
  sheetName: string,
  issues: Issue[],
): void {
  const isKnown = (id: string) => index.has(id);
  rows.forEach((row, i) => {
    if (!row.has('predecessors')) return;
    const task = tasks[i];
    // Both built only when a message needs them.
    const at = () => row.at('predecessors');
    const label = () => `Task ${task.id || '?'}${task.name ? ` '${clip(task.name)}'` : ''}`;
    const parsed = parsePredecessors(cellText(row.cell('predecessors')), isKnown, mpd);
    for (const p of parsed.problems) issues.push({ severity: 'error', message: `${label()} predecessors: ${p}.`, at: at() });
    const seen = new Set<number>();
    for (const l of parsed.links) {
      const pred = index.get(l.id);
      if (pred === undefined) {
        issues.push({ severity: 'error', message: `${label()} depends on ${clip(l.id)}, which is not in the ${sheetName} sheet.`, at: at() });
        continue;
      }
      if (pred === i) {
        issues.push({ severity: 'error', message: `${label()} lists itself as its own predecessor.`, at: at() });
        continue;
      }
      if (isAncestor(tasks, pred, i) || isAncestor(tasks, i, pred)) {
        const [inner, outer] = isAncestor(tasks, pred, i) ? [task, tasks[pred]] : [tasks[pred], task];
        issues.push({ severity: 'error', message: `${label()} is linked to ${l.id}, but task ${inner.id} is part of summary task ${outer.id}: a task cannot be linked to its own summary.`, at: at() });
        continue;
      }
      if (task.isSummary && (l.type === 'FF' || l.type === 'SF')) {
        issues.push({ severity: 'error', message: `${label()} is a summary task and cannot have a ${l.type} predecessor (${l.text}); link one of its subtasks instead, or use FS or SS.`, at: at() });
        continue;
      }
      if (seen.has(pred)) {
        issues.push({ severity: 'warning', message: `${label()} lists predecessor ${l.id} twice; only the first link (${task.links.find((x) => x.pred === pred)?.text}) is used.`, at: at() });
        continue;
      }
      seen.add(pred);
      const link: Link = { pred, type: l.type, lag: l.lag, text: l.text };
      task.links.push(link);
    }
  });
}

