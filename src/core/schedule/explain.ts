import type { Plan } from '../model';
import { formatLag } from '../parsers/predecessors';
import { formatDay, formatWallReadable } from '../time';
import { LAG_ELAPSED, LAG_PERCENT, wordLag, wordLagKind, wordType } from './input';
import { LINK_NAMES } from './network';
import { Driver, ScheduleResult, floatInDays } from './schedule';

/** What sets a task's start, in a few words: `3FS+2d`, `Project start`, `SNET 2027-03-05`. */
export function describeDriver(plan: Plan, result: ScheduleResult, i: number): string {
  const d = result.driver[i];
  const net = result.network;
  const mpd = result.calendar.minutesPerDay;
  if (d >= 0) {
    const word = net.linkWord[d];
    const lag = wordLag(word);
    const lagKind = wordLagKind(word);
    const text = formatLag(
      lagKind === LAG_PERCENT
        ? { minutes: 0, elapsed: false, percent: net.lagPercent[lag] }
        : { minutes: lag, elapsed: lagKind === LAG_ELAPSED },
      mpd,
    );
    return `${plan.tasks[net.linkPred[d]].id}${LINK_NAMES[wordType(word)]}${text}`;
  }
  const t = plan.tasks[i];
  switch (d) {
    case Driver.ProjectStart:
      return 'Project start';
    case Driver.Constraint:
      return `${t.constraint} ${t.constraintDate !== null ? formatDay(t.constraintDate) : ''}`.trim();
    case Driver.ActualStart:
      return 'Actual start';
    case Driver.AsLateAsPossible:
      return 'ALAP';
    case Driver.Subtasks:
      return '';
    case Driver.Leveling:
      return 'Leveling';
    case Driver.Summary: {
      // The task's summary holds the link or constraint: name it and what drives it.
      let p = t.parent;
      while (p >= 0 && plan.tasks[p].parent >= 0 && !summaryHasOwnBound(plan, p)) p = plan.tasks[p].parent;
      return p >= 0 ? `Summary ${plan.tasks[p].id}` : '';
    }
    default:
      return '';
  }
}

function summaryHasOwnBound(plan: Plan, i: number): boolean {
  const t = plan.tasks[i];
  return t.links.length > 0 || t.constraint === 'SNET';
}

/** One step of a driving chain: a task and what sets its start. */
export interface ChainStep {
  id: string;
  name: string;
  start: string;
  finish: string;
  /** `3FS+2d`, `Project start`, `SNET 2027-03-05`, `Summary PRE`... */
  drivenBy: string;
}

/** Why a task is where it is: its dates, floats, constraint and the chain of what drives its start. */
export interface TaskExplanation {
  id: string;
  name: string;
  start: string;
  finish: string;
  /** Working days. */
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
  constraint: string;
  deadline: string | null;
  /** Why leveling delayed the task (`delayed by leveling: waiting for Camera Package, busy on ...`), or null. */
  leveling: string | null;
  /** The task first, then its driving predecessor, and so on back to what started the chain. */
  chain: ChainStep[];
}

const CHAIN_LIMIT = 50;

export function explainTask(plan: Plan, result: ScheduleResult, i: number): TaskExplanation {
  const t = plan.tasks[i];
  const mpd = result.calendar.minutesPerDay;
  const chain: ChainStep[] = [];
  const seen = new Set<number>();
  for (let k = i; k >= 0 && !seen.has(k) && chain.length < CHAIN_LIMIT;) {
    seen.add(k);
    const task = plan.tasks[k];
    chain.push({
      id: task.id,
      name: task.name,
      start: formatWallReadable(result.start[k]),
      finish: formatWallReadable(result.finish[k]),
      drivenBy:
        result.driver[k] === Driver.Leveling
          ? (result.leveling?.reasons.get(k) ?? 'leveling').replace(/^delayed by /, '')
          : describeDriver(plan, result, k),
    });
    const d = result.driver[k];
    if (d >= 0) k = result.network.linkPred[d];
    else if (d === Driver.Summary) k = task.parent;
    else k = -1;
  }
  return {
    id: t.id,
    name: t.name,
    start: formatWallReadable(result.start[i]),
    finish: formatWallReadable(result.finish[i]),
    totalFloat: Math.round(floatInDays(t, result.totalFloat[i], mpd) * 100) / 100,
    freeFloat: Math.round(floatInDays(t, result.freeFloat[i], mpd) * 100) / 100,
    critical: result.critical[i] === 1,
    constraint:
      t.constraint === 'ASAP' || t.constraintDate === null
        ? t.constraint
        : `${t.constraint} ${formatDay(t.constraintDate)}`,
    deadline: t.deadline !== null ? formatDay(t.deadline) : null,
    leveling: result.leveling?.reasons.get(i) ?? null,
    chain,
  };
}
