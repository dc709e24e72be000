/**
 * Random plans for the reference tests (tests/core/schedule/reference/): fast-check arbitraries of
 * plans (calendars, project starts, durations, lags and links; constraints and deadlines; outlines of
 * summaries; progress), the rows as typed with the reference's own reading of them (build), and what
 * those tests share to run them: holds, inBothTimes, referenceSelfCheck, compareTasks.
 *
 * Runs per property: FC_RUNS (default 200).
 */
import fc from 'fast-check';
import { calc, plan, Row } from '../helpers';
import type { ScheduleResult } from '../../src/core/schedule/schedule';
import {
  DAY,
  fmt,
  dayNumber,
  refCalendar,
  W,
  onStart,
  referenceSchedule,
  referenceLate,
  checkDelays,
  ancestorsOf,
  actualDuration,
  shownFinishes,
} from './reference-scheduler';
import type { LinkType, Span, RefLink, ConstraintType, RefTask, RefSchedule } from './reference-scheduler';

export const RUNS = Number(process.env.FC_RUNS ?? 200);
/** Two tests of `check`: on networks in working time (titled `title`), then with elapsed durations and lags too. */
export function inBothTimes<T>(
  title: string,
  arbitrary: (elapsed: boolean) => fc.Arbitrary<T>,
  check: (value: T) => string[],
): void {
  test(title, () => holds(arbitrary(false), check));
  test('with elapsed durations and lags too', () => holds(arbitrary(true), check));
}

/** A property: `check` finds no problem on any value of `arbitrary` (RUNS of them). */
export function holds<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => string[]): void {
  fc.assert(
    fc.property(arbitrary, (value) => expect(check(value)).toEqual([])),
    { numRuns: RUNS },
  );
}

// ---- Settings, durations and lags, as typed and as the reference reads them -----------

export const DAYS_OF = (list: number[]) => [0, 1, 2, 3, 4, 5, 6].map((d) => list.includes(d));

export interface CalendarChoice {
  days?: string;
  hours?: string;
  weekdays: boolean[];
  intervals: [number, number][];
}
export const CALENDARS: CalendarChoice[] = [
  {
    weekdays: DAYS_OF([1, 2, 3, 4, 5]),
    intervals: [
      [480, 720],
      [780, 1020],
    ],
  }, // the defaults, settings left out
  { days: 'Mon-Sat', hours: '07:00-15:00', weekdays: DAYS_OF([1, 2, 3, 4, 5, 6]), intervals: [[420, 900]] },
  {
    days: 'Sun-Thu',
    hours: '06:00-14:00,14:30-22:30',
    weekdays: DAYS_OF([0, 1, 2, 3, 4]),
    intervals: [
      [360, 840],
      [870, 1350],
    ],
  },
  {
    days: 'Mon,Tue,Thu',
    hours: '9-12, 13-17:30',
    weekdays: DAYS_OF([1, 2, 4]),
    intervals: [
      [540, 720],
      [780, 1050],
    ],
  },
  { days: 'Mon-Fri', hours: '00:00-24:00', weekdays: DAYS_OF([1, 2, 3, 4, 5]), intervals: [[0, 1440]] },
];

/** Project Start as typed, and its wall time (a date alone means the day's first working minute). */
export const PROJECT_STARTS: [string, (c: CalendarChoice) => number][] = [
  ['2027-03-01', (c) => dayNumber(2027, 3, 1) * DAY + c.intervals[0][0]],
  ['2027-02-27', (c) => dayNumber(2027, 2, 27) * DAY + c.intervals[0][0]], // a Saturday
  ['2027-03-03T12:30', () => dayNumber(2027, 3, 3) * DAY + 750], // lunch, on the default hours
  ['2027-03-02T10:15', () => dayNumber(2027, 3, 2) * DAY + 615],
  ['2027-03-05T17:00', () => dayNumber(2027, 3, 5) * DAY + 1020], // the end of a Friday on the default hours
];

export const w = (minutes: number): Span => ({ minutes, elapsed: false });
export const e = (minutes: number): Span => ({ minutes, elapsed: true });

/** Durations: the working ones first. */
export const DURATIONS: [string, (mpd: number) => Span][] = [
  ['1d', (m) => w(m)],
  ['3d', (m) => w(3 * m)],
  ['0', () => w(0)],
  ['4h', () => w(240)],
  ['2.5d', (m) => w(2.5 * m)],
  ['1w', (m) => w(5 * m)],
  ['30m', () => w(30)],
  ['6h', () => w(360)],
  ['2ed', () => e(2880)],
  ['1ed', () => e(1440)],
  ['10eh', () => e(600)],
  ['90em', () => e(90)],
];
export const WORKING_DURATIONS = 8;

export type LagOf = (mpd: number) => Span | { percent: number };
export const LAGS: [string, LagOf][] = [
  ['', () => w(0)],
  ['+1d', (m) => w(m)],
  ['-1d', (m) => w(-m)],
  ['+4h', () => w(240)],
  ['+2d', (m) => w(2 * m)],
  ['-3h', () => w(-180)],
  ['+30m', () => w(30)],
  ['-90m', () => w(-90)],
  ['+50%', () => ({ percent: 50 })],
  ['-25%', () => ({ percent: -25 })],
  ['+150%', () => ({ percent: 150 })],
  ['+2ed', () => e(2880)],
  ['+1ed', () => e(1440)],
  ['-1ed', () => e(-1440)],
  ['+5eh', () => e(300)],
  ['-10eh', () => e(-600)],
];
export const WORKING_LAGS = 11;
export const TYPES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];

export interface Spec {
  calendar: number;
  projectStart: number;
  durations: number[];
  links: { pred: number; type: number; lag: number }[][];
  holidays: { day: number; length: number }[];
  /** Sort keys placing the tasks in rows: the rows are typed in any order, links may run upwards. */
  rowKeys: readonly number[];
}

export const spec = (elapsed: boolean) =>
  fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.record({
      calendar: fc.integer({ min: 0, max: CALENDARS.length - 1 }),
      projectStart: fc.integer({ min: 0, max: PROJECT_STARTS.length - 1 }),
      durations: fc.array(fc.integer({ min: 0, max: (elapsed ? DURATIONS.length : WORKING_DURATIONS) - 1 }), {
        minLength: n,
        maxLength: n,
      }),
      links: fc.array(
        fc.array(
          fc.record({
            pred: fc.nat(),
            type: fc.integer({ min: 0, max: 3 }),
            lag: fc.integer({ min: 0, max: (elapsed ? LAGS.length : WORKING_LAGS) - 1 }),
          }),
          { maxLength: 3 },
        ),
        { minLength: n, maxLength: n },
      ),
      holidays: fc.array(fc.record({ day: fc.integer({ min: -3, max: 60 }), length: fc.integer({ min: 1, max: 3 }) }), {
        maxLength: 5,
      }),
      rowKeys: fc.oneof(fc.constant([]), fc.array(fc.nat({ max: 99 }), { minLength: n, maxLength: n })),
    }),
  );

export function isoDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/**
 * The rows as typed, and the reference's own reading of them. `decorate`: more cells on task i's row
 * (constraints, progress).
 *
 * A summary spec (`steps`) is an outline, typed in order: every row with its Outline Level, a
 * summary's Duration left empty. A row is a summary when the next row is deeper. Links run
 * downwards, between any tasks but a task and its own summaries; a summary's FF and SF predecessors
 * are typed FS and SS (docs: summaries take only FS and SS). A summary's successors come after its
 * last subtask, so a pass in row order finds its dates before they are needed.
 */
export function build(
  s: Spec | SummarySpec,
  decorate?: (i: number, row: Row, task: RefTask, cal: CalendarChoice) => void,
) {
  const cal = CALENDARS[s.calendar];
  const mpd = cal.intervals.reduce((a, [x, y]) => a + y - x, 0);
  const n = s.durations.length;
  const level = 'steps' in s ? outlineLevels(s.steps) : undefined;
  const isSummary = (i: number) => level !== undefined && i + 1 < n && level[i + 1] > level[i];
  const tasks: RefTask[] = [];
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const task: RefTask = { dur: w(0), links: [] };
    if (level) {
      let parent = -1;
      for (let k = i - 1; k >= 0; k--)
        if (level[k] < level[i]) {
          parent = k;
          break;
        }
      task.parent = parent;
      if (isSummary(i)) task.summary = true;
    }
    tasks.push(task);
    const own = ancestorsOf(tasks, i);
    const links = new Map<number, RefLink>();
    if (i > 0) {
      for (const l of s.links[i]) {
        const pred = l.pred % i; // earlier rows only: no loops
        if (own.includes(pred)) continue; // not to its own summary
        const type = TYPES[isSummary(i) ? l.type % 2 : l.type];
        const [lagText, lagOf] = LAGS[l.lag];
        links.set(pred, { pred, type, lag: lagOf(mpd), text: `T${pred}${type}${lagText}` });
      }
    }
    task.links = [...links.values()];
    const [durText, durOf] = DURATIONS[s.durations[i]];
    if (!task.summary) task.dur = durOf(mpd);
    const row: Row = { ID: `T${i}`, Name: `Task ${i}`, Duration: task.summary ? '' : durText };
    if (level) row['Outline Level'] = level[i];
    if (links.size) row.Predecessors = [...links.values()].map((l) => l.text).join(', ');
    decorate?.(i, row, task, cal);
    rows.push(row);
  }
  // rowOf[j]: the row task j is typed in (by its sort key; none: in order, every link downwards).
  const byKey = s.durations.map((_, j) => j).sort((a, b) => (s.rowKeys[a] ?? 0) - (s.rowKeys[b] ?? 0) || a - b);
  const rowOf: number[] = [];
  byKey.forEach((j, row) => {
    rowOf[j] = row;
  });
  const typed = byKey.map((j) => rows[j]);
  const holidayRows = s.holidays.map((h) => {
    const first = dayNumber(2027, 3, 1) + h.day;
    return h.length === 1
      ? { Date: isoDay(first), Name: 'H' }
      : { Date: isoDay(first), 'End Date': isoDay(first + h.length - 1), Name: 'H' };
  });
  const holidayDays = s.holidays.flatMap((h) =>
    Array.from({ length: h.length }, (_, k) => dayNumber(2027, 3, 1) + h.day + k),
  );
  const settings: Record<string, string> = { 'Project Start': PROJECT_STARTS[s.projectStart][0] };
  if (cal.days) settings['Working Days'] = cal.days;
  if (cal.hours) settings['Working Hours'] = cal.hours;
  const doc = plan(typed, settings, { holidays: holidayRows });
  const refCal = refCalendar(cal.weekdays, cal.intervals, holidayDays);
  return {
    doc,
    rows: typed,
    rowOf,
    settings,
    holidayRows,
    tasks,
    refCal,
    projectStartSetting: PROJECT_STARTS[s.projectStart][1](cal),
  };
}

export type Built = ReturnType<typeof build>;

/** A plan as typed, to head the problems found on it. */
export const typedAs = (b: Pick<Built, 'settings' | 'holidayRows' | 'rows'>) =>
  `settings ${JSON.stringify(b.settings)} holidays ${JSON.stringify(b.holidayRows)} rows ${JSON.stringify(b.rows)}`;

/**
 * Check 3 on the reference's own floats (its mirrored backward rules against its forward ones), and
 * its own sanity: no negative float or slack (`signs`), late dates never before early ones
 * (`order`), every summary over subtasks. `tight(j)`: whether one working minute more must move
 * something (see checkDelays); `delays`: false where check 3 does not apply. The problems found,
 * headed by the plan as typed.
 */
export function referenceSelfCheck(
  b: Pick<Built, 'settings' | 'holidayRows' | 'rows' | 'tasks' | 'refCal' | 'projectStartSetting'>,
  tight: (j: number) => boolean,
  { delays = true, order = true, signs = true } = {},
): string[] {
  const early = referenceSchedule(b.refCal, b.projectStartSetting, b.tasks);
  const late = referenceLate(b.refCal, b.tasks, early);
  const problems = delays
    ? checkDelays(b.refCal, b.projectStartSetting, b.tasks, early, {
        total: (j) => late.totalFloat[j],
        free: (j) => late.freeFloat[j],
        tight,
      })
    : [];
  b.tasks.forEach((t, j) => {
    if (order && (late.start[j] < early.start[j] || late.finish[j] < early.finish[j]))
      problems.push(`T${j}: late dates before the early ones`);
    if (signs && (late.totalFloat[j] < 0 || (late.linkSlack[j] ?? 0) < 0))
      problems.push(`T${j}: negative float or slack`);
    if (t.summary && !(early.start[j] < Infinity)) problems.push(`T${j}: a summary with no subtasks`);
  });
  if (problems.length) problems.unshift(typedAs(b));
  return problems;
}

/** The rows of a spec scheduled by the engine and by the reference's forward pass; or the engine's errors. */
export function scheduleBoth(s: Spec) {
  const b = build(s);
  const c = calc(b.doc);
  const errors = c.issues.filter((i) => i.severity === 'error');
  if (errors.length || !c.schedule) return { errors: ['engine errors: ' + JSON.stringify(errors)] };
  return { b, r: c.schedule, cal: b.refCal, ref: referenceSchedule(b.refCal, b.projectStartSetting, b.tasks) };
}

// ---- Constraints and deadlines on leaf tasks ------------------------------------------------

/** The constraints as typed: none (three times, so that most tasks have none), then the eight; those with no late bound first. */
export const CONSTRAINTS: (ConstraintType | '')[] = ['', '', '', 'SNET', 'FNET', 'ALAP', 'SNLT', 'FNLT', 'MSO', 'MFO'];
/** How many of CONSTRAINTS (from the front) put no late bound on a task: none, SNET, FNET, ALAP. */
export const EARLY_CONSTRAINTS = 6;
/**
 * Times typed after a constraint date or deadline: none (the day's first working minute for SNET,
 * SNLT, MSO, its last for the others and deadlines: read/tasks.ts), the edges of the default day,
 * lunch, the night, and others.
 */
export const DATE_TIMES: [string, number | null][] = [
  ['', null],
  ['', null],
  ['T08:00', 480],
  ['T17:00', 1020],
  ['T12:30', 750],
  ['T03:00', 180],
  ['T10:15', 615],
  ['T00:00', 0],
  ['T16:59', 1019],
];

export interface DatedSpec {
  day: number;
  time: number;
}
export interface ConstrainedSpec extends Spec {
  constraints: { kind: number; date: DatedSpec }[];
  /** null: no deadline. */
  deadlines: (DatedSpec | null)[];
}

/** Days from Friday 2027-02-26 to four weeks after the default project start, Fridays and Mondays among them. */
export const datedSpec = fc.record({
  day: fc.integer({ min: -3, max: 25 }),
  time: fc.integer({ min: 0, max: DATE_TIMES.length - 1 }),
});

/** Constraints and deadlines for each task of a spec; `lateBounds` false: SNET, FNET and ALAP only, no deadlines. */
function withConstraints<S extends Spec>(base: fc.Arbitrary<S>, lateBounds: boolean) {
  return base.chain((s) => {
    const n = s.durations.length;
    const deadline = lateBounds
      ? fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: datedSpec, weight: 1 })
      : fc.constant(null);
    return fc
      .record({
        constraints: fc.array(
          fc.record({
            kind: fc.integer({ min: 0, max: (lateBounds ? CONSTRAINTS.length : EARLY_CONSTRAINTS) - 1 }),
            date: datedSpec,
          }),
          { minLength: n, maxLength: n },
        ),
        deadlines: fc.array(deadline, { minLength: n, maxLength: n }),
      })
      .map((x): S & Pick<ConstrainedSpec, 'constraints' | 'deadlines'> => ({ ...s, ...x }));
  });
}

/** `lateBounds` false: SNET, FNET and ALAP only, no deadlines (the plans check 3 applies to). */
export const constrainedSpec = (elapsed: boolean, lateBounds = true): fc.Arbitrary<ConstrainedSpec> =>
  withConstraints(spec(elapsed), lateBounds);

/** A date as typed, and its wall time (a date alone: the day's first or last working minute). */
export function typedDate(d: DatedSpec, cal: CalendarChoice, startSide: boolean): [string, number] {
  const day = dayNumber(2027, 3, 1) + d.day;
  const [text, minute] = DATE_TIMES[d.time];
  const dayMinute = minute ?? (startSide ? cal.intervals[0][0] : cal.intervals[cal.intervals.length - 1][1]);
  return [isoDay(day) + text, day * DAY + dayMinute];
}

export function buildConstrained(s: ConstrainedSpec) {
  return build(s, (i, row, task, cal) => decorateConstrained(s, i, row, task, cal));
}

/** Whether a plan has a late constraint or a deadline: what can make float negative (docs). */
export const hasLateBounds = (tasks: RefTask[]) =>
  tasks.some(
    (t) =>
      t.deadline !== undefined ||
      (t.constraint !== undefined && ['SNLT', 'FNLT', 'MSO', 'MFO'].includes(t.constraint.type)),
  );

/**
 * The engine's dates, floats and critical flags against the reference's, task by task, to the
 * minute: early dates, scheduled dates (`scheduled`), late dates (shown as the early ones at the
 * same working instant, as the engine shows them), total and free float, and the project finish.
 * `critical(j)`: whether task j should be flagged critical. Returns the problems found.
 */
export function compareTasks(
  b: { tasks: RefTask[]; rowOf: number[]; refCal: ReturnType<typeof refCalendar> },
  r: ScheduleResult,
  early: RefSchedule,
  scheduled: RefSchedule,
  late: ReturnType<typeof referenceLate>,
  critical: (j: number) => boolean,
): string[] {
  const cal = b.refCal;
  const problems: string[] = [];
  const same = (id: string, what: string, expected: number, actual: number) => {
    if (expected !== actual) problems.push(`${id} ${what}: expected ${fmt(expected)}, engine ${fmt(actual)}`);
  };
  const shown = (expected: number, earlyWall: number) =>
    W(cal, expected) === W(cal, earlyWall) ? earlyWall : expected;
  // Finishes as shown (Project's SF rule): the project's spans them.
  const earlyFinish = shownFinishes(cal, b.tasks, early);
  const finish = shownFinishes(cal, b.tasks, scheduled);
  // The project's finish spans the finishes the rule moved (not ALAP's later ones: it is the early dates').
  const projectFinish = Math.max(late.projectFinish, ...finish.filter((f, j) => f !== scheduled.finish[j]));
  if (r.projectFinish !== projectFinish)
    problems.push(`project finish: expected ${fmt(projectFinish)}, engine ${fmt(r.projectFinish)}`);
  b.tasks.forEach((_, j) => {
    const id = `T${j}`;
    const row = b.rowOf[j];
    same(id, 'early start', early.start[j], r.earlyStart[row]);
    same(id, 'early finish', earlyFinish[j], r.earlyFinish[row]);
    same(id, 'start', scheduled.start[j], r.start[row]);
    same(id, 'finish', finish[j], r.finish[row]);
    same(id, 'late start', shown(late.start[j], early.start[j]), r.lateStart[row]);
    same(id, 'late finish', shown(late.finish[j], earlyFinish[j]), r.lateFinish[row]);
    if (r.totalFloat[row] !== late.totalFloat[j])
      problems.push(`${id} total float: expected ${late.totalFloat[j]} min, engine ${r.totalFloat[row]}`);
    if (r.freeFloat[row] !== late.freeFloat[j])
      problems.push(`${id} free float: expected ${late.freeFloat[j]} min, engine ${r.freeFloat[row]}`);
    if (r.critical[row] !== (critical(j) ? 1 : 0))
      problems.push(`${id} critical: expected ${critical(j)}, engine ${r.critical[row] === 1}`);
  });
  return problems;
}

// ---- Summary tasks -------------------------------------------------------------------------

export interface SummarySpec extends Spec {
  /** How each row's Outline Level follows the row above's: 0 the same, 1 one deeper (at most 3), 2 one up, 3 back to 1. */
  steps: number[];
}

/** Outlines of one or two levels of summaries (Outline Level 1 to 3) over the rows of a spec, typed in order. */
export const summarySpec = (elapsed: boolean) =>
  spec(elapsed).chain((s) =>
    fc
      .array(
        fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 4 }),
        { minLength: s.durations.length, maxLength: s.durations.length },
      )
      .map((steps): SummarySpec => ({ ...s, rowKeys: [], steps })),
  );

export function outlineLevels(steps: number[]): number[] {
  const levels: number[] = [];
  steps.forEach((st, i) => {
    const above = i === 0 ? 0 : levels[i - 1];
    levels.push(
      i === 0 ? 1 : st === 0 ? above : st === 1 ? Math.min(3, above + 1) : st === 2 ? Math.max(1, above - 1) : 1,
    );
  });
  return levels;
}

/** The rows of a summary spec (an outline: see build), with its constraints and deadlines if any. */
export function buildSummaries(s: SummarySpec | ConstrainedSummarySpec) {
  return build(s, 'constraints' in s ? (i, row, task, cal) => decorateConstrained(s, i, row, task, cal) : undefined);
}

export interface ConstrainedSummarySpec extends SummarySpec {
  constraints: { kind: number; date: DatedSpec }[];
  deadlines: (DatedSpec | null)[];
}

/** Outlines with constraints and deadlines (as constrainedSpec); `lateBounds` false: SNET, FNET and ALAP only, no deadlines. */
export const constrainedSummarySpec = (elapsed: boolean, lateBounds = true): fc.Arbitrary<ConstrainedSummarySpec> =>
  withConstraints(summarySpec(elapsed), lateBounds);

/**
 * Task i's constraint and deadline cells, and the reference's reading of them. A summary takes only
 * SNET and FNLT (docs; the other kinds are left off it) and a deadline.
 */
export function decorateConstrained(
  s: Pick<ConstrainedSpec, 'constraints' | 'deadlines'>,
  i: number,
  row: Row,
  task: RefTask,
  cal: CalendarChoice,
) {
  const kind = CONSTRAINTS[s.constraints[i].kind];
  const type = task.summary && kind !== 'SNET' && kind !== 'FNLT' ? '' : kind;
  if (type) {
    row.Constraint = type;
    if (type === 'ALAP') task.constraint = { type, date: NaN };
    else {
      const [text, wall] = typedDate(s.constraints[i].date, cal, onStart(type));
      row['Constraint Date'] = text;
      task.constraint = { type, date: wall };
    }
  }
  const dl = s.deadlines[i];
  if (dl) {
    const [text, wall] = typedDate(dl, cal, false);
    row.Deadline = text;
    task.deadline = wall;
  }
}

// ---- Progress on leaf tasks -------------------------------------------------------------------

/**
 * Progress on a task: none (twice, so that most tasks have none), Actual Start alone, Actual Start
 * and Actual Finish, Actual Finish alone.
 */
export const PROGRESS_KINDS = ['', '', 'AS', 'AS+AF', 'AF'] as const;
/** % Complete as typed, and as read (parsePercentCell: a number below 1 is a share, 1 is 100%, others are percents). */
export const PERCENTS: [string | number | null, number][] = [
  [null, 0],
  [null, 0],
  ['50%', 50],
  ['100%', 100],
  ['0%', 0],
  [40, 40],
  [0.25, 25],
  ['12.5%', 12.5],
  [1, 100],
  ['99%', 99],
];

export interface ProgressSpec extends Spec {
  progress: { kind: number; start: DatedSpec; finishDays: number; finishTime: number; percent: number }[];
}

export const progressSpec = (elapsed: boolean) =>
  spec(elapsed).chain((s) =>
    fc
      .array(
        fc.record({
          kind: fc.integer({ min: 0, max: PROGRESS_KINDS.length - 1 }),
          start: datedSpec,
          finishDays: fc.integer({ min: 0, max: 6 }),
          finishTime: fc.integer({ min: 0, max: DATE_TIMES.length - 1 }),
          percent: fc.integer({ min: 0, max: PERCENTS.length - 1 }),
        }),
        { minLength: s.durations.length, maxLength: s.durations.length },
      )
      .map((progress): ProgressSpec => ({ ...s, progress })),
  );

/**
 * The rows of a progress spec, and the reference's reading of them (read/tasks.ts): a date alone is
 * the day's first working minute for Actual Start, its last for Actual Finish; an Actual Finish makes
 * the task 100% complete; an Actual Finish before the Actual Start (an error) is left off. With both
 * dates, the duration is the time between them (actualDuration).
 */
export function buildProgress(s: ProgressSpec) {
  const b = build(s, (i, row, task, cal) => {
    const p = s.progress[i];
    const kind = PROGRESS_KINDS[p.kind];
    const [pctText, pct] = PERCENTS[p.percent];
    if (pctText !== null) row['% Complete'] = pctText;
    task.percentComplete = pct;
    const [asText, as] = typedDate(p.start, cal, true);
    const [afText, af] = typedDate({ day: p.start.day + p.finishDays, time: p.finishTime }, cal, false);
    if (kind === 'AS' || kind === 'AS+AF') {
      row['Actual Start'] = asText;
      task.actualStart = as;
    }
    if (kind === 'AF' || (kind === 'AS+AF' && af >= as)) {
      row['Actual Finish'] = afText;
      task.actualFinish = af;
      task.percentComplete = 100;
    }
  });
  for (const t of b.tasks)
    if (t.actualStart !== undefined && t.actualFinish !== undefined)
      t.dur = actualDuration(b.refCal, t.dur, t.actualStart, t.actualFinish);
  return b;
}

export const hasActualDates = (tasks: RefTask[]) =>
  tasks.some((t) => t.actualStart !== undefined || t.actualFinish !== undefined);
