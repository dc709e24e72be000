import type { Plan } from '../model';
import { formatLag } from '../parsers/predecessors';
import { formatDay } from '../time';
import { LINK_NAMES } from './network';
import { Driver, ScheduleResult } from './schedule';

/** What sets a task's start, in a few words: `3FS+2d`, `Project start`, `SNET 2027-03-05`. */
export function describeDriver(plan: Plan, result: ScheduleResult, i: number): string {
  const d = result.driver[i];
  const net = result.network;
  const mpd = result.calendar.minutesPerDay;
  if (d >= 0) {
    const lag = net.linkLag[d];
    const text = formatLag(
      lag === lag ? { minutes: lag, elapsed: net.linkLagElapsed[d] === 1 } : { minutes: 0, elapsed: false, percent: net.linkLagPercent[d] },
      mpd,
    );
    return `${plan.tasks[net.linkPred[d]].id}${LINK_NAMES[net.linkType[d]]}${text}`;
  }
  const t = plan.tasks[i];
  switch (d) {
    case Driver.ProjectStart: return 'Project start';
    case Driver.Constraint: return `${t.constraint} ${t.constraintDate !== null ? formatDay(t.constraintDate) : ''}`.trim();
    case Driver.ActualStart: return 'Actual start';
    case Driver.AsLateAsPossible: return 'ALAP';
    case Driver.Subtasks: return '';
    case Driver.Summary: {
      // The task's summary holds the link or constraint: name it and what drives it.
      let p = t.parent;
      while (p >= 0 && plan.tasks[p].parent >= 0 && !summaryHasOwnBound(plan, p)) p = plan.tasks[p].parent;
      return p >= 0 ? `Summary ${plan.tasks[p].id}` : '';
    }
    default: return '';
  }
}

function summaryHasOwnBound(plan: Plan, i: number): boolean {
  const t = plan.tasks[i];
  return t.links.length > 0 || t.constraint === 'SNET';
}
