/**
 * Progress on leaf tasks (see 'Progress on leaf tasks'; docs/scheduling.md, "Progress"): Actual Start alone, Actual Start
 * and Actual Finish, Actual Finish alone, % Complete (typed as 50%, 40, 0.25, 1...), with and without actual dates, on
 * working and elapsed tasks and milestones, the dates in and out of working time: early and scheduled dates, late
 * dates, total and free float, critical (never when 100% complete), duration and % complete, to the minute; check 3
 * whole on plans without actual dates, and its first half on the others (see checkProgress for why).
 *
 * The reference and its rules: forward.test.ts.
 */
import { calc, plan, Row } from '../../../helpers';
import { Driver } from '../../../../src/core/schedule/schedule';
import { fmt, W, kindOf, referenceSchedule, referenceLate, checkDelays } from '../../../support/reference-scheduler';
import type { RefTask } from '../../../support/reference-scheduler';
import {
  holds,
  inBothTimes,
  w,
  e,
  typedAs,
  referenceSelfCheck,
  compareTasks,
  progressSpec,
  ProgressSpec,
  buildProgress,
  hasActualDates,
} from '../../../support/random-plans';
import { DEFAULT_CAL, at, MON, link, typedRow } from './cases';

/**
 * The engine against the reference on a plan with progress: early and scheduled dates, late dates,
 * total and free float, critical (never when 100% complete), duration and % complete, to the
 * minute; drivers of tasks with actual dates (Driver.ActualStart). Check 3 (checkDelays): its first
 * half (a task delayed by its total float leaves the project finish, by its free float every other
 * task, where they were) on every plan; its second half (one minute more moves something) only on
 * plans without actual dates. An actual date overrides every bound, the delay too, so a task with
 * one cannot be delayed at all; and a task linked into one does not move it, while the backward pass
 * still bounds it by that link (docs: "what each successor link allows"), so its float is less than
 * the forward pass alone would give. % Complete moves no date, so it leaves check 3 whole.
 */
function checkProgress(s: ProgressSpec): string[] {
  const b = buildProgress(s);
  const header = typedAs(b);
  const calculation = calc(b.doc);
  const errors = calculation.issues.filter((i) => i.severity === 'error');
  if (errors.length || !calculation.schedule) return ['engine errors: ' + JSON.stringify(errors) + ' ' + header];
  const r = calculation.schedule;
  const cal = b.refCal;
  const early = referenceSchedule(cal, b.projectStartSetting, b.tasks);
  const late = referenceLate(cal, b.tasks, early);
  // A 100% complete task is never critical (docs).
  const problems = compareTasks(
    b,
    r,
    early,
    early,
    late,
    (j) => late.totalFloat[j] <= 0 && (b.tasks[j].percentComplete ?? 0) < 100,
  );
  b.tasks.forEach((t, j) => {
    const id = `T${j}`;
    const row = b.rowOf[j];
    const pct = t.percentComplete ?? 0;
    if (r.duration[row] !== t.dur.minutes)
      problems.push(`${id} duration: expected ${t.dur.minutes} min, engine ${r.duration[row]}`);
    if (Math.abs(r.percentComplete[row] - pct) > 1e-9)
      problems.push(`${id} % complete: expected ${pct}, engine ${r.percentComplete[row]}`);
    if ((t.actualStart !== undefined || t.actualFinish !== undefined) && r.driver[row] !== Driver.ActualStart)
      problems.push(`${id} driver: expected its actual dates, engine ${r.driver[row]}`);
  });
  const actuals = hasActualDates(b.tasks);
  const floats = {
    total: (j: number) => r.totalFloat[b.rowOf[j]],
    free: (j: number) => r.freeFloat[b.rowOf[j]],
    tight: (j: number) => !actuals && kindOf(b.tasks[j]) !== 'elapsed',
  };
  problems.push(...checkDelays(cal, b.projectStartSetting, b.tasks, early, floats).map((p) => 'engine floats: ' + p));
  if (problems.length) problems.unshift(header);
  return problems;
}

/** Check 3 on the reference's own floats with progress (its second half only without actual dates: see checkProgress). */
function checkReferenceDelaysProgress(s: ProgressSpec): string[] {
  const b = buildProgress(s);
  const actuals = hasActualDates(b.tasks);
  // Out-of-sequence progress may make float negative (docs), so signs are checked only without actual dates.
  return referenceSelfCheck(b, (j) => !actuals && kindOf(b.tasks[j]) !== 'elapsed', { order: false, signs: !actuals });
}

/** A hand-checked progress case on the default settings: task `task`'s values (see PROGRESS_CASES). */
interface ProgressCase {
  rows: Row[];
  tasks: RefTask[];
  task: number;
  expected: {
    earlyStart: number;
    earlyFinish: number;
    lateStart: number;
    lateFinish: number;
    totalFloat: number;
    freeFloat: number;
    critical: boolean;
    duration: number;
    percentComplete: number;
  };
  why: string;
}

const PROGRESS_CASES: Record<string, ProgressCase> = {
  'Actual Start and Finish two days apart on a 5d task: a 2d task, 100% complete (msproject)': {
    rows: [
      { ...typedRow('A', '5d'), 'Actual Start': '2027-03-01', 'Actual Finish': '2027-03-02' },
      typedRow('B', '5d'),
    ],
    tasks: [
      { dur: w(960), links: [], actualStart: MON, actualFinish: at(2027, 3, 2, 17), percentComplete: 100 },
      { dur: w(2400), links: [] },
    ],
    task: 0,
    expected: {
      earlyStart: MON,
      earlyFinish: at(2027, 3, 2, 17),
      lateStart: at(2027, 3, 4, 8),
      lateFinish: at(2027, 3, 5, 17),
      totalFloat: 1440,
      freeFloat: 1440,
      critical: false,
      duration: 960,
      percentComplete: 100,
    },
    why: 'The working time between the actual dates is the duration (docs): 2d, so its late start is 2d before the project finish.',
  },
  'an Actual Finish alone on a Saturday (17:00) is kept; the start follows from the duration; 100% complete, not critical':
    {
      rows: [{ ...typedRow('A', '1d'), 'Actual Finish': '2027-03-06' }, typedRow('B', '1d', 'A')],
      tasks: [
        { dur: w(480), links: [], actualFinish: at(2027, 3, 6, 17), percentComplete: 100 },
        { dur: w(480), links: [link(0, 'FS', w(0))] },
      ],
      task: 0,
      expected: {
        earlyStart: at(2027, 3, 5, 8),
        earlyFinish: at(2027, 3, 6, 17),
        lateStart: at(2027, 3, 5, 8),
        lateFinish: at(2027, 3, 6, 17),
        totalFloat: 0,
        freeFloat: 0,
        critical: false,
        duration: 480,
        percentComplete: 100,
      },
      why: `Saturday 17:00 is the working instant of Friday 17:00: A ran Friday, B follows Monday. A's total float is 0, but a
      100% complete task is never critical (docs). (The finish is shown as typed; the docs are silent; as the engine.)`,
    },
  "a successor with an Actual Start before its predecessor finishes: the predecessor's float goes negative": {
    rows: [typedRow('A', '5d'), { ...typedRow('B', '1d', 'A'), 'Actual Start': '2027-03-01' }],
    tasks: [
      { dur: w(2400), links: [] },
      { dur: w(480), links: [link(0, 'FS', w(0))], actualStart: MON },
    ],
    task: 0,
    expected: {
      earlyStart: MON,
      earlyFinish: at(2027, 3, 5, 17),
      lateStart: at(2027, 2, 26, 8),
      lateFinish: at(2027, 3, 4, 17),
      totalFloat: -480,
      freeFloat: 0,
      critical: true,
      duration: 2400,
      percentComplete: 0,
    },
    why: `B's Actual Start overrides the link (B runs Monday), so the project finishes with A, Friday 17:00. B's late start is
      Friday 08:00, and the link still bounds A in the backward pass (docs: "what each successor link allows"): A must
      finish by Thursday 17:00, a day before its early finish. (The docs' "float goes negative only through a deadline
      or a late constraint" leaves this case out; the engine gives -480 with no warning.)`,
  },
  '% Complete moves no date; a 100% complete task with no float is not critical': {
    rows: [
      { ...typedRow('A', '2d'), '% Complete': '100%' },
      { ...typedRow('B', '2d', 'A'), '% Complete': '50%' },
    ],
    tasks: [
      { dur: w(960), links: [], percentComplete: 100 },
      { dur: w(960), links: [link(0, 'FS', w(0))], percentComplete: 50 },
    ],
    task: 0,
    expected: {
      earlyStart: MON,
      earlyFinish: at(2027, 3, 2, 17),
      lateStart: MON,
      lateFinish: at(2027, 3, 2, 17),
      totalFloat: 0,
      freeFloat: 0,
      critical: false,
      duration: 960,
      percentComplete: 100,
    },
    why: 'Completed work is not moved to the status date (docs): A keeps its dates and its float of 0, and is not critical.',
  },
  "an elapsed task's actual dates two days apart around the clock: a 2ed task": {
    rows: [
      { ...typedRow('A', '1ed'), 'Actual Start': '2027-03-01T10:00', 'Actual Finish': '2027-03-03T10:00' },
      typedRow('B', '1d', 'A'),
    ],
    tasks: [
      {
        dur: e(2880),
        links: [],
        actualStart: at(2027, 3, 1, 10),
        actualFinish: at(2027, 3, 3, 10),
        percentComplete: 100,
      },
      { dur: w(480), links: [link(0, 'FS', w(0))] },
    ],
    task: 0,
    expected: {
      earlyStart: at(2027, 3, 1, 10),
      earlyFinish: at(2027, 3, 3, 10),
      lateStart: at(2027, 3, 1, 10),
      lateFinish: at(2027, 3, 3, 10),
      totalFloat: 0,
      freeFloat: 0,
      critical: false,
      duration: 2880,
      percentComplete: 100,
    },
    why: 'B runs Wednesday 10:00 to Thursday 10:00, the project finish; A, 2ed by its actual dates, has no float, and is 100% complete.',
  },
};

const progressCaseValues = (v: ProgressCase['expected']) => ({
  ...v,
  earlyStart: fmt(v.earlyStart),
  earlyFinish: fmt(v.earlyFinish),
  lateStart: fmt(v.lateStart),
  lateFinish: fmt(v.lateFinish),
});
function referenceProgressCase(k: ProgressCase) {
  const c = DEFAULT_CAL();
  const early = referenceSchedule(c, MON, k.tasks);
  const late = referenceLate(c, k.tasks, early);
  const i = k.task;
  const t = k.tasks[i];
  const shown = (x: number, e: number) => (W(c, x) === W(c, e) ? e : x);
  return progressCaseValues({
    earlyStart: early.start[i],
    earlyFinish: early.finish[i],
    lateStart: shown(late.start[i], early.start[i]),
    lateFinish: shown(late.finish[i], early.finish[i]),
    totalFloat: late.totalFloat[i],
    freeFloat: late.freeFloat[i],
    critical: late.totalFloat[i] <= 0 && (t.percentComplete ?? 0) < 100,
    duration: t.dur.minutes,
    percentComplete: t.percentComplete ?? 0,
  });
}
function engineProgressCase(k: ProgressCase) {
  const c = calc(plan(k.rows));
  if (c.issues.some((x) => x.severity === 'error')) throw new Error(JSON.stringify(c.issues));
  const r = c.schedule!;
  const i = k.task;
  return progressCaseValues({
    earlyStart: r.earlyStart[i],
    earlyFinish: r.earlyFinish[i],
    lateStart: r.lateStart[i],
    lateFinish: r.lateFinish[i],
    totalFloat: r.totalFloat[i],
    freeFloat: r.freeFloat[i],
    critical: r.critical[i] === 1,
    duration: r.duration[i],
    percentComplete: r.percentComplete[i],
  });
}

describe('progress on leaf tasks, to the minute, against the reference', () => {
  test('hand-checked progress cases come out of the reference (no engine)', () => {
    for (const [name, k] of Object.entries(PROGRESS_CASES))
      expect([name, referenceProgressCase(k)]).toEqual([name, progressCaseValues(k.expected)]);
  });

  test('the hand-checked cases', () => {
    for (const [name, k] of Object.entries(PROGRESS_CASES))
      expect([name, engineProgressCase(k)]).toEqual([name, progressCaseValues(k.expected)]);
  });
  test("the reference's floats by its own forward pass alone (check 3, see checkProgress), elapsed too (no engine)", () => {
    holds(progressSpec(true), checkReferenceDelaysProgress);
  });

  inBothTimes(
    'working-time durations and lags: early, scheduled and late dates, floats, critical, duration, % complete; check 3',
    progressSpec,
    checkProgress,
  );
});
