import { clip } from '../helpers';
import type { Issue, PlanTask } from '../model';
import { parsePredecessors } from '../parsers/predecessors';
import type { IdIndex } from './id-index';
import type { TaskField } from './tasks';
import type { TableRow } from './table';

function isAncestor(tasks: PlanTask[], maybeAncestor: number, of: number): boolean {
  for (let p = tasks[of].parent; p >= 0; p = tasks[p].parent) if (p === maybeAncestor) return true;
  return false;
}

/** `Task 7 'Shoot scene 7'`, as link messages name the task whose cell they are about. */
function taskLabel(task: PlanTask): string {
  return `Task ${task.id || '?'}${task.name ? ` '${clip(task.name)}'` : ''}`;
}

/** The task's link from `pred`, if it has one already (a task has a handful of links: a scan beats a Set per row). */
function linkFrom(task: PlanTask, pred: number): PlanTask['links'][number] | undefined {
  for (const link of task.links) if (link.pred === pred) return link;
  return undefined;
}

/**
 * Each task's Predecessors cell as links; a link that cannot be is an issue at that cell.
 * A plain loop with no closures or sets per row: on a large plan this runs for every row, and
 * what it allocated per row was most of the reader's garbage.
 */
export function readLinks(
  rows: TableRow<TaskField>[],
  tasks: PlanTask[],
  index: IdIndex,
  mpd: number,
  sheetName: string,
  issues: Issue[],
): void {
  const isKnown = (id: string) => index.has(id);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const text = row.text('predecessors');
    if (text === '') continue;
    const task = tasks[i];
    const parsed = parsePredecessors(text, isKnown, mpd);
    for (const p of parsed.problems)
      issues.push({ severity: 'error', message: `${taskLabel(task)} predecessors: ${p}.`, at: row.at('predecessors') });
    for (const l of parsed.links) {
      const pred = index.get(l.id);
      let problem: string | null = null;
      let severity: 'error' | 'warning' = 'error';
      if (pred === undefined) {
        problem = `depends on ${clip(l.id)}, which is not in the ${sheetName} sheet.`;
      } else if (pred === i) {
        problem = 'lists itself as its own predecessor.';
      } else if (isAncestor(tasks, pred, i) || isAncestor(tasks, i, pred)) {
        const [inner, outer] = isAncestor(tasks, pred, i) ? [task, tasks[pred]] : [tasks[pred], task];
        problem = `is linked to ${l.id}, but task ${inner.id} is part of summary task ${outer.id}: a task cannot be linked to its own summary.`;
      } else if (task.isSummary && (l.type === 'FF' || l.type === 'SF')) {
        problem = `is a summary task and cannot have a ${l.type} predecessor (${l.text}); link one of its subtasks instead, or use FS or SS.`;
      } else {
        const first = linkFrom(task, pred);
        if (first !== undefined) {
          severity = 'warning';
          problem = `lists predecessor ${l.id} twice; only the first link (${first.text}) is used.`;
        }
      }
      if (problem !== null || pred === undefined) {
        issues.push({ severity, message: `${taskLabel(task)} ${problem}`, at: row.at('predecessors') });
        continue;
      }
      task.links.push({ pred, type: l.type, lag: l.lag, text: l.text });
    }
    // The first push gave the array room for 17 links; the plan keeps it, so keep a copy its own size.
    if (task.links.length > 0) task.links = task.links.slice();
  }
}
