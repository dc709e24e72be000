import type { WorkCalendar } from '../calendar';
import type { ConstraintType, PlanTask } from '../model';
import { Arena, runBytes } from './arena';

/** How a task is timed. */
export enum Kind {
  Normal = 0,
  Milestone = 1,
  Elapsed = 2,
  Summary = 3,
}

/** Constraint codes. */
export enum C {
  Asap = 0,
  Alap = 1,
  Snet = 2,
  Snlt = 3,
  Fnet = 4,
  Fnlt = 5,
  Mso = 6,
  Mfo = 7,
}

const CONSTRAINT_CODE: Record<ConstraintType, C> = {
  ASAP: C.Asap, ALAP: C.Alap, SNET: C.Snet, SNLT: C.Snlt, FNET: C.Fnet, FNLT: C.Fnlt, MSO: C.Mso, MFO: C.Mfo,
};

/**
 * What the scheduler needs of a plan, as flat arrays (NaN where a date is
 * absent). Reading the task objects once, in two passes, keeps the passes of
 * the scheduler on compact memory.
 */
/** The links of a plan as flat arrays, link l running from task linkPred[l] to task linkSucc[l]. */
export interface LinkArrays {
  linkPred: Int32Array;
  linkSucc: Int32Array;
  /** 0 FS, 1 SS, 2 FF, 3 SF. */
  linkType: Uint8Array;
  /** Lag in minutes (working or elapsed), NaN when given as a percentage. */
  linkLag: Float64Array;
  linkLagElapsed: Uint8Array;
  linkLagPercent: Float64Array;
}

export interface ScheduleInput extends LinkArrays {
  taskCount: number;
  kind: Uint8Array;
  /** Working minutes, or elapsed minutes for elapsed tasks. */
  dur: Float64Array;
  constraint: Uint8Array;
  constraintDate: Float64Array;
  deadline: Float64Array;
  actualStart: Float64Array;
  actualFinish: Float64Array;
  percentComplete: Float64Array;
  parent: Int32Array;
  hasAlap: boolean;
  summaryCount: number;
  /** Where the rest of the run takes its arrays from. */
  arena: Arena;
}

export function readScheduleInput(tasks: readonly PlanTask[], cal: WorkCalendar): ScheduleInput {
  const n = tasks.length;
  const arena = new Arena(n * (1 + 8 + 1 + 8 * 6 + 4) + 10 * 8);
  const kindOf = arena.u8(n);
  const durOf = arena.f64(n);
  const constraint = arena.u8(n);
  const constraintDate = arena.f64(n);
  const deadline = arena.f64(n);
  const actualStart = arena.f64(n);
  const actualFinish = arena.f64(n);
  const percentComplete = arena.f64(n);
  const parent = arena.i32(n);
  let hasAlap = false;
  let summaryCount = 0;
  let linkCount = 0;
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    const d = t.duration;
    let kind = t.isSummary || !d ? Kind.Summary : d.elapsed ? Kind.Elapsed : d.minutes === 0 ? Kind.Milestone : Kind.Normal;
    let dur = d ? d.minutes : 0;
    const as = t.actualStart;
    const af = t.actualFinish;
    // Actual Start and Actual Finish together fix the time actually taken.
    if (as !== null && af !== null && kind !== Kind.Summary) {
      dur = kind === Kind.Elapsed ? af - as : Math.max(0, cal.workBetween(as, af));
      if (kind !== Kind.Elapsed) kind = dur === 0 ? Kind.Milestone : Kind.Normal;
    }
    if (kind === Kind.Summary) summaryCount++;
    kindOf[i] = kind;
    durOf[i] = dur;
    constraint[i] = CONSTRAINT_CODE[t.constraint];
    constraintDate[i] = t.constraintDate ?? NaN;
    deadline[i] = t.deadline ?? NaN;
    actualStart[i] = as ?? NaN;
    actualFinish[i] = af ?? NaN;
    percentComplete[i] = t.percentComplete;
    parent[i] = t.parent;
    linkCount += t.links.length;
    if (t.constraint === 'ALAP' && kind !== Kind.Summary && as === null) hasAlap = true;
  }
  arena.reserve(runBytes(n, linkCount, summaryCount));
  const linkPred = arena.i32(linkCount);
  const linkSucc = arena.i32(linkCount);
  const linkType = arena.u8(linkCount);
  const linkLag = arena.f64(linkCount);
  const linkLagElapsed = arena.u8(linkCount);
  const linkLagPercent = arena.f64(linkCount);
  let l = 0;
  for (let j = 0; j < n; j++) {
    const links = tasks[j].links;
    for (let k = 0; k < links.length; k++, l++) {
      const link = links[k];
      const type = link.type;
      linkPred[l] = link.pred;
      linkSucc[l] = j;
      linkType[l] = type === 'FS' ? 0 : type === 'SS' ? 1 : type === 'FF' ? 2 : 3;
      const lag = link.lag;
      if (lag.percent !== undefined) {
        linkLag[l] = NaN;
        linkLagPercent[l] = lag.percent;
      } else {
        linkLag[l] = lag.minutes;
        linkLagElapsed[l] = lag.elapsed ? 1 : 0;
      }
    }
  }
  return {
    taskCount: n, kind: kindOf, dur: durOf, constraint, constraintDate, deadline, actualStart, actualFinish,
    percentComplete, parent, hasAlap, summaryCount, arena,
    linkPred, linkSucc, linkType, linkLag, linkLagElapsed, linkLagPercent,
  };
}
