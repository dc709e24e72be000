import { WorkCalendar } from '../calendar';
import type { Issue, Plan, PlanTask } from '../model';
import { clip } from '../parsers/duration';
import { Wall, dayOf, formatWallReadable } from '../time';
import { INHERIT_EDGE, Network, ROLLUP_EDGE, buildNetwork, findLoops, taskOfNode } from './network';

/** What set a task's start, when no link did. */
export enum Driver {
  ProjectStart = -1,
  Constraint = -2,
  ActualStart = -3,
  /** The task's summary task's own start bound (a link or constraint on the summary). */
  Summary = -4,
  /** An ALAP task, placed at its late start. */
  AsLateAsPossible = -5,
  /** A summary task, which starts with its earliest subtask. */
  Subtasks = -6,
}

export interface ScheduleResult {
  calendar: WorkCalendar;
  network: Network;
  projectStart: Wall;
  projectFinish: Wall;
  statusDate: Wall;
  /** Scheduled dates: early dates, but ALAP tasks at their late dates. Wall minutes. */
  start: Float64Array;
  finish: Float64Array;
  earlyStart: Float64Array;
  earlyFinish: Float64Array;
  lateStart: Float64Array;
  lateFinish: Float64Array;
  /** Working minutes. */
  totalFloat: Float64Array;
  freeFloat: Float64Array;
  /** Working (or, for elapsed tasks, elapsed) minutes from start to finish. */
  duration: Float64Array;
  /** 0 to 100; rolled up for summary tasks. */
  percentComplete: Float64Array;
  critical: Uint8Array;
  /** A link index (see network.link*) or a {@link Driver} code. */
  driver: Int32Array;
  issues: Issue[];
}

export interface ScheduleOptions {
  /** Report constraint conflicts and missed deadlines (default true). */
  warnings?: boolean;
}

enum Kind {
  Normal = 0,
  Milestone = 1,
  Elapsed = 2,
  Summary = 3,
}

/**
 * Critical path scheduling with Microsoft Project's default semantics:
 * as soon as possible from the project start, links with signed lags in working
 * or elapsed time, the eight constraint types always honoured, deadlines,
 * progress, summary tasks. See docs/scheduling.md for the rules.
 */
export function schedule(plan: Plan, options: ScheduleOptions = {}): ScheduleResult {
  const tasks = plan.tasks;
  const n = tasks.length;
  const s = plan.settings;
  const cal = new WorkCalendar(
    { workingWeekdays: s.workingWeekdays, intervals: s.intervals, holidays: plan.holidays.map((h) => h.day) },
    dayOf(s.projectStart),
  );
  const net = buildNetwork(tasks);
  const issues: Issue[] = [];
  const warnings = options.warnings !== false;

  const kind = new Uint8Array(n);
  const dur = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    if (t.isSummary || !t.duration) kind[i] = Kind.Summary;
    else if (t.duration.elapsed) kind[i] = Kind.Elapsed;
    else if (t.duration.minutes === 0) kind[i] = Kind.Milestone;
    else kind[i] = Kind.Normal;
    dur[i] = t.duration ? t.duration.minutes : 0;
    // Actual Start and Actual Finish together fix the working time actually taken.
    if (t.actualStart !== null && t.actualFinish !== null && !t.isSummary) {
      dur[i] = kind[i] === Kind.Elapsed ? t.actualFinish - t.actualStart : Math.max(0, cal.workBetween(t.actualStart, t.actualFinish));
      if (kind[i] !== Kind.Elapsed) kind[i] = dur[i] === 0 ? Kind.Milestone : Kind.Normal;
    }
  }

  const result = emptyResult(cal, net, n, s.statusDate, issues);
  if (net.order.length < net.nodeCount) {
    reportLoops(tasks, net, issues);
    return result;
  }

  const projectStart = cal.snapStart(s.projectStart);

  // ---- Calendar arithmetic by task kind -------------------------------------------------
  const finishFromStart = (i: number, start: Wall): Wall => {
    const k = kind[i];
    if (k === Kind.Elapsed) return start + dur[i];
    if (k === Kind.Milestone) return start;
    return cal.finishWall(cal.index(start) + dur[i]);
  };
  const startFromFinish = (i: number, finish: Wall): Wall => {
    const k = kind[i];
    if (k === Kind.Elapsed) return finish - dur[i];
    if (k === Kind.Milestone) return finish;
    return cal.startWall(cal.index(finish) - dur[i]);
  };
  const snapStartOf = (i: number, w: Wall): Wall => {
    const k = kind[i];
    if (k === Kind.Elapsed) return w;
    if (k === Kind.Milestone) return cal.isWorkingMinute(w) || cal.isWorkingMinute(w - 1) ? w : cal.startWall(cal.index(w));
    return cal.snapStart(w);
  };
  const snapFinishOf = (i: number, w: Wall): Wall => {
    const k = kind[i];
    if (k === Kind.Elapsed) return w;
    if (k === Kind.Milestone) return cal.isWorkingMinute(w) || cal.isWorkingMinute(w - 1) ? w : cal.finishWall(cal.index(w));
    return cal.snapFinish(w);
  };
  const spanOf = (es: Float64Array, ef: Float64Array, i: number): number =>
    kind[i] === Kind.Elapsed ? ef[i] - es[i] : cal.index(ef[i]) - cal.index(es[i]);
  /** A link's lag as { minutes, elapsed }; a % lag is a share of the predecessor's duration. */
  const lagOf = (l: number, es: Float64Array, ef: Float64Array): number => {
    const lag = net.linkLag[l];
    if (lag === lag) return lag; // not NaN
    const p = net.linkPred[l];
    return Math.round((net.linkLagPercent[l] / 100) * (kind[p] === Kind.Summary ? spanOf(es, ef, p) : dur[p]));
  };
  const lagElapsed = (l: number): boolean =>
    net.linkLagElapsed[l] === 1 || (net.linkLag[l] !== net.linkLag[l] && kind[net.linkPred[l]] === Kind.Elapsed);
  const addLag = (base: Wall, lag: number, elapsed: boolean): Wall => {
    if (lag === 0) return base;
    return elapsed ? base + lag : cal.finishWall(cal.index(base) + lag);
  };
  /**
   * The inverse of addLag for the backward pass. Where the arithmetic is in wall-clock time (an
   * elapsed lag, or an elapsed predecessor), it starts from the latest wall time of the successor's
   * working instant: a working-time successor at Friday 17:00 is at the same instant as Monday
   * 08:00, and the forward pass accepted either.
   */
  const subtractLag = (base: Wall, lag: number, elapsed: boolean, pred: number, succ: number): Wall => {
    if (!elapsed && lag !== 0) return cal.startWall(cal.index(base) - lag);
    const wallClock = elapsed || kind[pred] === Kind.Elapsed;
    const latest = wallClock && kind[succ] !== Kind.Elapsed ? cal.startWall(cal.index(base)) : base;
    return latest - lag;
  };

  // ---- Forward pass (early dates, or scheduled dates with ALAP tasks placed late) -----------
  const summaryBound = new Float64Array(net.nodeCount - n); // start bound of each summary start node
  const summaryDriver = new Int32Array(net.nodeCount - n);
  const forward = (es: Float64Array, ef: Float64Array, drv: Int32Array, alap: Float64Array | null, report: boolean) => {
    const order = net.order;
    for (let o = 0; o < order.length; o++) {
      const v = order[o];
      if (v >= n) {
        // A summary's start node: what its links, its own summary and its SNET require of its subtasks.
        const i = net.summaryOfStartNode[v - n];
        let req = -Infinity;
        let d: number = Driver.ProjectStart;
        for (let k = net.inStart[v]; k < net.inStart[v + 1]; k++) {
          const edge = net.inEdge[k];
          const b = edge === INHERIT_EDGE ? summaryBound[net.inNode[k] - n] : linkStartBound(edge, i, es, ef);
          if (b > req) {
            req = b;
            d = edge === INHERIT_EDGE ? Driver.Summary : edge;
          }
        }
        const t = tasks[i];
        if (t.constraint === 'SNET' && t.constraintDate !== null && t.constraintDate > req) {
          req = t.constraintDate;
          d = Driver.Constraint;
        }
        summaryBound[v - n] = req;
        summaryDriver[v - n] = d;
        continue;
      }
      if (kind[v] === Kind.Summary) {
        let a = Infinity;
        let b = -Infinity;
        for (let k = net.inStart[v]; k < net.inStart[v + 1]; k++) {
          const c = net.inNode[k];
          if (es[c] < a) a = es[c];
          if (ef[c] > b) b = ef[c];
        }
        es[v] = a;
        ef[v] = b;
        drv[v] = Driver.Subtasks;
        continue;
      }
      scheduleLeaf(v, es, ef, drv, alap, report);
    }
  };

  const linkStartBound = (l: number, succ: number, es: Float64Array, ef: Float64Array): Wall => {
    const p = net.linkPred[l];
    const lag = lagOf(l, es, ef);
    const el = lagElapsed(l);
    switch (net.linkType[l]) {
      case 0: return addLag(ef[p], lag, el); // FS
      case 1: return addLag(es[p], lag, el); // SS
      case 2: return startFromFinish(succ, addLag(ef[p], lag, el)); // FF
      default: return startFromFinish(succ, addLag(es[p], lag, el)); // SF
    }
  };

  const scheduleLeaf = (i: number, es: Float64Array, ef: Float64Array, drv: Int32Array, alap: Float64Array | null, report: boolean) => {
    const t = tasks[i];
    let req = -Infinity;
    let d: number = Driver.ProjectStart;
    for (let k = net.inStart[i]; k < net.inStart[i + 1]; k++) {
      const edge = net.inEdge[k];
      const b = edge === INHERIT_EDGE ? summaryBound[net.inNode[k] - n] : linkStartBound(edge, i, es, ef);
      if (b > req) {
        req = b;
        d = edge === INHERIT_EDGE ? Driver.Summary : edge;
      }
    }
    if (projectStart > req) {
      req = projectStart;
      d = Driver.ProjectStart;
    }
    let start = snapStartOf(i, req);

    if (t.actualStart !== null) {
      es[i] = t.actualStart;
      ef[i] = t.actualFinish ?? finishFromStart(i, t.actualStart);
      drv[i] = Driver.ActualStart;
      return;
    }

    const c = t.constraintDate;
    if (c !== null) {
      const linked = start;
      switch (t.constraint) {
        case 'SNET': {
          const x = snapStartOf(i, c);
          if (x > start) { start = x; d = Driver.Constraint; }
          break;
        }
        case 'FNET': {
          const x = startFromFinish(i, snapFinishOf(i, c));
          if (x > start) { start = x; d = Driver.Constraint; }
          break;
        }
        case 'MSO':
        case 'MFO': {
          start = t.constraint === 'MSO' ? snapStartOf(i, c) : startFromFinish(i, snapFinishOf(i, c));
          if (report && linked > start && d >= 0) conflict(t, linked, start);
          d = Driver.Constraint;
          break;
        }
        case 'SNLT':
        case 'FNLT': {
          const x = t.constraint === 'SNLT' ? snapStartOf(i, c) : startFromFinish(i, snapFinishOf(i, c));
          // Honoured over links; a task that only waits for the project start stays there (negative float shows it).
          if (start > x && d !== Driver.ProjectStart) {
            if (report && d >= 0) conflict(t, start, x);
            start = x;
            d = Driver.Constraint;
          }
          break;
        }
        default:
          break;
      }
    }
    if (alap !== null && t.constraint === 'ALAP' && alap[i] > start) {
      start = alap[i];
      d = Driver.AsLateAsPossible;
    }
    es[i] = start;
    ef[i] = finishFromStart(i, start);
    if (t.actualFinish !== null) {
      // A finish reported without a start: the task ran up to it.
      ef[i] = t.actualFinish;
      if (es[i] > ef[i]) es[i] = startFromFinish(i, ef[i]);
      d = Driver.ActualStart;
    }
    drv[i] = d;
  };

  const conflict = (t: PlanTask, wanted: Wall, placed: Wall) => {
    if (!warnings) return;
    issues.push({
      severity: 'warning',
      message: `Task ${t.id} '${clip(t.name)}' has the constraint ${t.constraint} ${formatWallReadable(t.constraintDate!)}, but its predecessors would start it ${formatWallReadable(wanted)}; the constraint is honoured (start ${formatWallReadable(placed)}), so a link is not met and the float is negative.`,
      where: t.refs.constraint,
    });
  };

  const { earlyStart: es, earlyFinish: ef, driver } = result;
  forward(es, ef, driver, null, true);

  // Scheduled dates are the early dates unless an ALAP task moves later (computed after the late pass).
  let projectFinish = -Infinity;
  let firstStart = Infinity;
  for (let i = 0; i < n; i++) {
    if (ef[i] > projectFinish) projectFinish = ef[i];
    if (es[i] < firstStart) firstStart = es[i];
  }

  // ---- Backward pass -------------------------------------------------------------------
  const { lateStart: ls, lateFinish: lf } = result;
  const summaryLateFinishBound = new Float64Array(n).fill(Infinity); // for summary finish nodes
  const summaryLateStartBound = new Float64Array(n).fill(Infinity);
  const order = net.order;
  const lateOfSucc = (l: number, useStart: boolean): Wall => {
    const j = net.linkSucc[l];
    return useStart ? ls[j] : lf[j];
  };
  for (let o = order.length - 1; o >= 0; o--) {
    const v = order[o];
    if (v >= n) {
      // Summary start node: spans its subtasks' late dates.
      const i = net.summaryOfStartNode[v - n];
      let a = Infinity;
      let b = -Infinity;
      for (let k = net.outStart[v]; k < net.outStart[v + 1]; k++) {
        const c = taskOfNode(net, net.outNode[k]);
        if (ls[c] < a) a = ls[c];
        if (lf[c] > b) b = lf[c];
      }
      ls[i] = a;
      lf[i] = b;
      continue;
    }
    const t = tasks[v];
    let finishBound = projectFinish;
    let startBound = Infinity;
    for (let k = net.outStart[v]; k < net.outStart[v + 1]; k++) {
      const edge = net.outEdge[k];
      if (edge === ROLLUP_EDGE) {
        // A summary finishes with its last subtask, so a bound on its finish binds every subtask; it
        // starts with its first, so a bound on its start binds only the subtasks that start it.
        const p = net.outNode[k];
        if (summaryLateFinishBound[p] < finishBound) finishBound = summaryLateFinishBound[p];
        if (es[v] === es[p] && summaryLateStartBound[p] < startBound) startBound = summaryLateStartBound[p];
        continue;
      }
      const lag = lagOf(edge, es, ef);
      const el = lagElapsed(edge);
      const type = net.linkType[edge];
      // FS and SS bind to the successor's late start, FF and SF to its late finish.
      const b = subtractLag(lateOfSucc(edge, type === 0 || type === 1), lag, el, v, net.linkSucc[edge]);
      if (type === 0 || type === 2) {
        if (b < finishBound) finishBound = b;
      } else if (b < startBound) {
        startBound = b;
      }
    }
    const c = t.constraintDate;
    if (c !== null) {
      if (t.constraint === 'FNLT' || t.constraint === 'MFO') finishBound = Math.min(finishBound, c);
      if (t.constraint === 'SNLT' || t.constraint === 'MSO') startBound = Math.min(startBound, c);
    }
    if (t.deadline !== null && t.deadline < finishBound) finishBound = t.deadline;
    if (kind[v] === Kind.Summary) {
      summaryLateFinishBound[v] = finishBound;
      summaryLateStartBound[v] = startBound;
      continue; // its late dates come from its subtasks, at its start node
    }
    let late = snapFinishOf(v, finishBound);
    if (startBound < Infinity) {
      const viaStart = finishFromStart(v, snapStartOf(v, startBound));
      if (viaStart < late) late = viaStart;
    }
    lf[v] = late;
    ls[v] = startFromFinish(v, late);
  }

  // ---- Scheduled dates ------------------------------------------------------------------
  const hasAlap = tasks.some((t) => t.constraint === 'ALAP' && !t.isSummary && t.actualStart === null);
  if (hasAlap) {
    forward(result.start, result.finish, new Int32Array(n), ls, false);
    for (let i = 0; i < n; i++) {
      if (tasks[i].constraint === 'ALAP' && result.start[i] !== es[i]) driver[i] = Driver.AsLateAsPossible;
    }
  } else {
    result.start.set(es);
    result.finish.set(ef);
  }

  // ---- Floats, progress, critical flag --------------------------------------------------
  const { totalFloat, freeFloat, duration, percentComplete, critical } = result;
  const linkSlack = new Float64Array(net.linkPred.length);
  for (let l = 0; l < linkSlack.length; l++) {
    const p = net.linkPred[l];
    const j = net.linkSucc[l];
    const type = net.linkType[l];
    const base = type === 0 || type === 2 ? ef[p] : es[p];
    const bound = addLag(base, lagOf(l, es, ef), lagElapsed(l));
    const actual = type === 0 || type === 1 ? es[j] : ef[j];
    linkSlack[l] = cal.index(actual) - cal.index(bound);
  }
  const outLinks = (i: number, visit: (l: number) => void) => {
    for (let k = net.outStart[i]; k < net.outStart[i + 1]; k++) if (net.outEdge[k] >= 0) visit(net.outEdge[k]);
  };
  const finishIndex = cal.index(projectFinish);
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    // Late dates at the same working instant as the early ones are shown as the early ones
    // (not Friday 17:00 against Monday 08:00).
    if (cal.index(ls[i]) === cal.index(es[i])) ls[i] = es[i];
    if (cal.index(lf[i]) === cal.index(ef[i])) lf[i] = ef[i];
    const startFloat = cal.index(ls[i]) - cal.index(es[i]);
    const finishFloat = cal.index(lf[i]) - cal.index(ef[i]);
    totalFloat[i] = Math.min(startFloat, finishFloat);
    // Free float: the least slack on the links out of the task or out of its summaries.
    let ff = Infinity;
    for (let a = i; a >= 0; a = tasks[a].parent) {
      const shiftFinish = cal.index(ef[a]) - cal.index(ef[i]);
      const shiftStart = cal.index(es[i]) - cal.index(es[a]);
      outLinks(a, (l) => {
        const type = net.linkType[l];
        const slack = linkSlack[l] + (type === 0 || type === 2 ? shiftFinish : shiftStart);
        if (slack < ff) ff = slack;
      });
    }
    if (ff === Infinity) ff = finishIndex - cal.index(ef[i]);
    freeFloat[i] = Math.max(0, Math.min(ff, totalFloat[i]));
    duration[i] = kind[i] === Kind.Summary || t.actualStart !== null ? spanOf(result.start, result.finish, i) : dur[i];
    percentComplete[i] = t.percentComplete;
  }
  rollUpProgress(tasks, dur, kind, percentComplete);
  for (let i = 0; i < n; i++) critical[i] = totalFloat[i] <= 0 && percentComplete[i] < 100 ? 1 : 0;

  if (warnings) {
    for (let i = 0; i < n; i++) {
      const t = tasks[i];
      if (t.deadline !== null && result.finish[i] > t.deadline) {
        issues.push({
          severity: 'warning',
          message: `Task ${t.id} '${clip(t.name)}' finishes ${formatWallReadable(result.finish[i])}, after its deadline ${formatWallReadable(t.deadline)}.`,
          where: t.refs.deadline,
        });
      }
    }
  }

  result.projectStart = Math.min(projectStart, firstStart);
  result.projectFinish = projectFinish;
  return result;
}

function emptyResult(cal: WorkCalendar, net: Network, n: number, statusDate: Wall, issues: Issue[]): ScheduleResult {
  return {
    calendar: cal, network: net, projectStart: NaN, projectFinish: NaN, statusDate,
    start: new Float64Array(n), finish: new Float64Array(n),
    earlyStart: new Float64Array(n), earlyFinish: new Float64Array(n),
    lateStart: new Float64Array(n), lateFinish: new Float64Array(n),
    totalFloat: new Float64Array(n), freeFloat: new Float64Array(n), duration: new Float64Array(n),
    percentComplete: new Float64Array(n), critical: new Uint8Array(n), driver: new Int32Array(n), issues,
  };
}

/** Summary % complete: the subtasks' completed working time over their total (MS Project's rule). */
function rollUpProgress(tasks: readonly PlanTask[], dur: Float64Array, kind: Uint8Array, pct: Float64Array): void {
  const n = tasks.length;
  const done = new Float64Array(n);
  const total = new Float64Array(n);
  const count = new Float64Array(n);
  const pctSum = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (kind[i] !== Kind.Summary) {
      done[i] = (dur[i] * pct[i]) / 100;
      total[i] = dur[i];
      count[i] = 1;
      pctSum[i] = pct[i];
    } else {
      pct[i] = total[i] > 0 ? (100 * done[i]) / total[i] : count[i] > 0 ? pctSum[i] / count[i] : 0;
    }
    const p = tasks[i].parent;
    if (p >= 0) {
      done[p] += done[i];
      total[p] += total[i];
      count[p] += count[i];
      pctSum[p] += pctSum[i];
    }
  }
}

function reportLoops(tasks: readonly PlanTask[], net: Network, issues: Issue[]): void {
  for (const loop of findLoops(net)) {
    if (loop.length === 0) continue;
    const ids: string[] = [];
    for (const l of loop) {
      const succ = tasks[net.linkSucc[l]];
      const pred = tasks[net.linkPred[l]];
      if (ids.length === 0) ids.push(`${pred.id} '${clip(pred.name, 30)}'`);
      ids.push(`${succ.id} '${clip(succ.name, 30)}'`);
    }
    const head = tasks[net.linkSucc[loop[loop.length - 1]]];
    const closing = ids[0] === ids[ids.length - 1] ? ids : [...ids, ids[0] + ' (through its summary task)'];
    issues.push({
      severity: 'error',
      message: `These tasks depend on each other in a loop, so none of them can be scheduled: ${closing.join(' → ')}. Remove or change one of these links.`,
      where: head.refs.predecessors,
    });
  }
  if (issues.length === 0) {
    issues.push({ severity: 'error', message: 'The task links form a loop, so the plan cannot be scheduled.', where: tasks[0]?.refs.predecessors ?? 'Tasks' });
  }
}


