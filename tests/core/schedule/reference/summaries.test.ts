/**
 * Summary tasks (outlines of one or two levels of summaries, Outline Level 1 to 3; see 'Summary tasks'
 * and the reference's rules in referenceSchedule and referenceLate, from docs/scheduling.md's "Summary
 * tasks"): links between leaves, into summaries (FS, SS) and out of them (any type, % lags a share of
 * the summary's span); early, scheduled and late dates, total and free float and critical of leaves
 * and summaries, to the minute, with and without constraints (summaries: SNET, FNLT, deadlines), and
 * check 3 on leaves. Check 3 does not apply to summaries as such (a summary is not delayed; its
 * subtasks are, and a task's own summaries are not its successors). Where the docs are silent the
 * reference follows the engine, and says so: the free float of a summary, and of a subtask that does
 * not start its summary, through a link out of the summary's start. The engine got three cases wrong
 * there until 2026-11-30 (SUMMARY_FOUND_CASES).
 *
 * The reference and its rules: forward.test.ts.
 */
import { calc } from '../../../helpers';
import { Driver } from '../../../../src/core/schedule/schedule';
import {
  fmt,
  W,
  kindOf,
  startFor,
  referenceSchedule,
  referenceLate,
  checkDelays,
  shownFinishes,
} from '../../../support/reference-scheduler';
import type { Bound, RefTask } from '../../../support/reference-scheduler';
import {
  holds,
  inBothTimes,
  w,
  e,
  typedAs,
  referenceSelfCheck,
  hasLateBounds,
  summarySpec,
  SummarySpec,
  buildSummaries,
  constrainedSummarySpec,
  ConstrainedSummarySpec,
} from '../../../support/random-plans';
import { at, MON, link, LateCase, engineLateValues, referenceLateValues, expectedLateValues } from './cases';

/**
 * Which leaves check 3's "one minute more moves something" applies to: not elapsed ones (as above),
 * and none in a plan with a link out of a summary's start. Such a link binds the subtasks that start
 * the summary (docs), which is short of the truth when two subtasks start it together (either may
 * slip alone and the other holds the summary's start), and the shortfall reaches their predecessors;
 * and the free float through it is the engine's lower bound (see referenceLate).
 */
function summaryTight(tasks: RefTask[], j: number): boolean {
  if (tasks[j].summary || kindOf(tasks[j]) === 'elapsed') return false;
  return !tasks.some((t) => t.links.some((l) => tasks[l.pred].summary && l.type[0] === 'S'));
}

/**
 * Whether a plan has a % lag from a summary. Its lag is a share of the summary's span, which moves
 * when a subtask does: a delayed subtask lengthens the lag, so floats (which hold the lags fixed at
 * the early dates, as the engine's do) are not what check 3 measures there. Check 3 is skipped on
 * such plans; their dates and floats are still compared.
 */
const hasSummaryPercentLag = (tasks: RefTask[]) =>
  tasks.some((t) => t.links.some((l) => tasks[l.pred].summary && 'percent' in l.lag));

/**
 * The engine against the reference on an outline: early and scheduled dates, drivers (on plans
 * without constraints), late dates, total and free float and critical, to the minute, for leaves and
 * summaries; check 3 on the engine's floats for the leaves (a summary is not delayed itself: its
 * subtasks are), but for plans with a % lag from a summary (see hasSummaryPercentLag) or a late
 * constraint or deadline (see checkConstrained).
 */
function checkSummaries(s: SummarySpec | ConstrainedSummarySpec): string[] {
  const b = buildSummaries(s);
  const calculation = calc(b.doc);
  const errors = calculation.issues.filter((i) => i.severity === 'error');
  const header = typedAs(b);
  if (errors.length || !calculation.schedule) return ['engine errors: ' + JSON.stringify(errors) + ' ' + header];
  const r = calculation.schedule;
  const cal = b.refCal;
  const early = referenceSchedule(cal, b.projectStartSetting, b.tasks);
  const late = referenceLate(cal, b.tasks, early);
  const scheduled = referenceSchedule(cal, b.projectStartSetting, b.tasks, undefined, late.start);
  const constrained = b.tasks.some((t) => t.constraint);
  const lateBounds = hasLateBounds(b.tasks);
  const problems: string[] = [];
  const same = (id: string, what: string, expected: number, actual: number) => {
    if (expected !== actual) problems.push(`${id} ${what}: expected ${fmt(expected)}, engine ${fmt(actual)}`);
  };
  // Finishes as shown (Project's SF rule).
  const earlyFinish = shownFinishes(cal, b.tasks, early);
  const finish = shownFinishes(cal, b.tasks, scheduled);
  b.tasks.forEach((t, j) => {
    const id = `T${j}`;
    same(id, 'early start', early.start[j], r.earlyStart[j]);
    same(id, 'early finish', earlyFinish[j], r.earlyFinish[j]);
    same(id, 'start', scheduled.start[j], r.start[j]);
    same(id, 'finish', finish[j], r.finish[j]);
    if (constrained) return; // drivers: checked on plans without constraints
    if (t.summary) {
      if (r.driver[j] !== Driver.Subtasks)
        problems.push(`${id} driver: a summary's is its subtasks, engine ${r.driver[j]}`);
      return;
    }
    // The driver binds: its bound asks exactly the task's start.
    const d = r.driver[j];
    const net = r.network;
    const asked = (bound: Bound) => startFor(cal, t, bound);
    if (d >= 0) {
      const li =
        d >= net.linkStart[j] && d < net.linkStart[j + 1] ? t.links.findIndex((l) => l.pred === net.linkPred[d]) : -1;
      if (li < 0) problems.push(`${id} driver: link ${d} is not one of its links`);
      else if (asked(early.bounds[j][li]) !== early.start[j])
        problems.push(
          `${id} driver ${t.links[li].text} asks ${fmt(asked(early.bounds[j][li]))}, the start is ${fmt(early.start[j])}`,
        );
    } else if (d === Driver.Summary) {
      const x = asked({ side: 'start', wall: early.summaryBound[t.parent!] });
      if (x !== early.start[j])
        problems.push(`${id} driver is its summary, which asks ${fmt(x)}, the start is ${fmt(early.start[j])}`);
    } else if (d === Driver.ProjectStart) {
      const x = asked({ side: 'start', wall: early.projectStart });
      if (x !== early.start[j])
        problems.push(`${id} driver is the project start ${fmt(x)}, the start is ${fmt(early.start[j])}`);
    } else problems.push(`${id} driver: unexpected code ${d}`);
  });
  if (problems.length) return [header, ...problems];
  // The project's finish spans the finishes the rule moved (not ALAP's later ones: it is the early dates').
  const projectFinish = Math.max(late.projectFinish, ...finish.filter((f, j) => f !== scheduled.finish[j]));
  if (r.projectFinish !== projectFinish)
    problems.push(`project finish: expected ${fmt(projectFinish)}, engine ${fmt(r.projectFinish)}`);
  b.tasks.forEach((_, j) => {
    const id = `T${j}`;
    // Late dates at the working instant of the early ones are shown as the early ones (see checkLate).
    const shown = (expected: number, earlyWall: number) =>
      W(cal, expected) === W(cal, earlyWall) ? earlyWall : expected;
    same(id, 'late start', shown(late.start[j], early.start[j]), r.lateStart[j]);
    same(id, 'late finish', shown(late.finish[j], earlyFinish[j]), r.lateFinish[j]);
    if (r.totalFloat[j] !== late.totalFloat[j])
      problems.push(`${id} total float: expected ${late.totalFloat[j]} min, engine ${r.totalFloat[j]}`);
    if (r.freeFloat[j] !== late.freeFloat[j])
      problems.push(`${id} free float: expected ${late.freeFloat[j]} min, engine ${r.freeFloat[j]}`);
    if (r.critical[j] !== (late.totalFloat[j] <= 0 ? 1 : 0))
      problems.push(`${id} critical: expected ${late.totalFloat[j] <= 0}, engine ${r.critical[j] === 1}`);
    if (!lateBounds && late.totalFloat[j] < 0)
      problems.push(`${id}: the reference finds a negative float with no late constraint or deadline`);
  });
  const floats = {
    total: (j: number) => r.totalFloat[j],
    free: (j: number) => r.freeFloat[j],
    tight: (j: number) => summaryTight(b.tasks, j),
  };
  if (!lateBounds && !hasSummaryPercentLag(b.tasks))
    problems.push(...checkDelays(cal, b.projectStartSetting, b.tasks, early, floats).map((p) => 'engine floats: ' + p));
  if (problems.length) problems.unshift(header);
  return problems;
}

/** Check 3 on the reference's own floats on an outline (SNET, FNET and ALAP at most: see checkConstrained). */
function checkReferenceDelaysSummaries(s: SummarySpec | ConstrainedSummarySpec): string[] {
  const b = buildSummaries(s);
  if (hasLateBounds(b.tasks)) return [];
  return referenceSelfCheck(b, (j) => summaryTight(b.tasks, j), { delays: !hasSummaryPercentLag(b.tasks) });
}

describe('summary tasks, to the minute, against the reference', () => {
  test("the reference's floats are exact by its own forward pass alone (check 3), outlines, elapsed too (no engine)", () => {
    holds(summarySpec(true), checkReferenceDelaysSummaries);
  });

  test('hand-checked summary cases come out of the reference', () => {
    for (const [name, k] of Object.entries(SUMMARY_FOUND_CASES))
      expect([name, referenceLateValues(k)]).toEqual([name, expectedLateValues(k)]);
  });

  inBothTimes(
    'working-time durations and lags: early and late dates, floats, critical of leaves and summaries; check 3 on leaves',
    summarySpec,
    checkSummaries,
  );

  test("the reference's floats are exact by its own forward pass alone (check 3), outlines with SNET, FNET and ALAP (no engine)", () => {
    holds(constrainedSummarySpec(true, false), checkReferenceDelaysSummaries);
  });

  test('with constraints and deadlines (summaries: SNET, FNLT, deadlines), elapsed too: early, scheduled and late dates, floats, critical', () => {
    holds(constrainedSummarySpec(true), checkSummaries);
  });

  test("SNET, FNET and ALAP only, elapsed too: check 3 on the engine's floats", () => {
    holds(constrainedSummarySpec(true, false), checkSummaries);
  });
});

/**
 * The smallest cases of what the summary properties found, which the engine got wrong until
 * 2026-11-30. Each checks the first task of its `why` on the default settings; the expected values
 * are hand-checked and come out of the reference (above).
 */
const SUMMARY_FOUND_CASES: Record<string, LateCase> = {
  'P SS+9eh into summary S, which the elapsed E starts at Monday 17:00 and which ends the project: P is critical': {
    rows: [
      { ID: 'P', Name: 'P', Duration: '1d', 'Outline Level': 1 },
      { ID: 'S', Name: 'S', Duration: '', 'Outline Level': 1, Predecessors: 'PSS+9eh' },
      { ID: 'E', Name: 'E', Duration: '1ed', 'Outline Level': 2 },
    ],
    tasks: [
      { dur: w(480), links: [], parent: -1 },
      { dur: w(0), links: [link(0, 'SS', e(540))], summary: true, parent: -1 },
      { dur: e(1440), links: [], parent: 1 },
    ],
    task: 0,
    expected: { lateStart: MON, lateFinish: at(2027, 3, 1, 17), totalFloat: 0, freeFloat: 0, critical: true },
    why: `P runs Monday 08:00-17:00; its start + 9 h puts E (elapsed, at its exact moment) at Monday 17:00, to Tuesday
      17:00, the project finish. P started one minute later puts E at 17:01 and the project finish at Tuesday 17:01: P is
      critical, as it is with the link typed straight into E (PSS+9eh on E gives 0). The engine took S's late start,
      Monday 17:00 at the edge of working time, for its whole working instant (Tuesday 08:00), so P could start by
      Monday 23:00, that is 16:59: late dates Monday 16:59 to Tuesday 16:59, total and free float 479, not critical.`,
  },
  'the elapsed E in summary S, which S FS holds a day before C, has 840 elapsed min of free float, not 0': {
    rows: [
      { ID: 'S', Name: 'S', Duration: '', 'Outline Level': 1 },
      { ID: 'E', Name: 'E', Duration: '10eh', 'Outline Level': 2 },
      { ID: 'C', Name: 'C', Duration: '1d', 'Outline Level': 1, Predecessors: 'S' },
      { ID: 'L', Name: 'L', Duration: '5d', 'Outline Level': 1 },
    ],
    tasks: [
      { dur: w(0), links: [], summary: true, parent: -1 },
      { dur: e(600), links: [], parent: 0 },
      { dur: w(480), links: [link(0, 'FS', w(0))], parent: -1 },
      { dur: w(2400), links: [], parent: -1 },
    ],
    task: 1,
    expected: {
      lateStart: at(2027, 3, 4, 22),
      lateFinish: at(2027, 3, 5, 8),
      totalFloat: 5160,
      freeFloat: 840,
      critical: false,
    },
    why: `E runs Monday 08:00-18:00 and ends S; C starts Tuesday 08:00. E may finish by Tuesday 08:00, so start by Monday
      22:00: 14 hours of its start (docs: "an elapsed task slips by its start"), counted in elapsed time as Project counts
      an elapsed task's slack, 840 minutes, as the engine gives with the link typed straight from E. Delayed by 840 (to
      Monday 22:00, finishing Tuesday 08:00), C stays; by 841, C moves. Its late start, Thursday 22:00, is 86 elapsed
      hours after its start: 5160 minutes of total float. (Before elapsed slack, the engine measured the slip through the
      summary at E's finish, W(Tuesday 08:00) - W(Monday 18:00) = 0.)`,
  },
  'A, which starts summary S, S SS+5eh into B held to Tuesday 10:00: A has 479 min of free float, not 480': {
    rows: [
      { ID: 'S', Name: 'S', Duration: '', 'Outline Level': 1 },
      { ID: 'A', Name: 'A', Duration: '1d', 'Outline Level': 2 },
      { ID: 'Q', Name: 'Q', Duration: '10h', 'Outline Level': 1 },
      { ID: 'B', Name: 'B', Duration: '1d', 'Outline Level': 1, Predecessors: 'SSS+5eh, Q' },
      { ID: 'L', Name: 'L', Duration: '5d', 'Outline Level': 1 },
    ],
    tasks: [
      { dur: w(0), links: [], summary: true, parent: -1 },
      { dur: w(480), links: [], parent: 0 },
      { dur: w(600), links: [], parent: -1 },
      { dur: w(480), links: [link(0, 'SS', e(300)), link(2, 'FS', w(0))], parent: -1 },
      { dur: w(2400), links: [], parent: -1 },
    ],
    task: 1,
    expected: {
      lateStart: at(2027, 3, 4, 16, 59),
      lateFinish: at(2027, 3, 5, 16, 59),
      totalFloat: 1919,
      freeFloat: 479,
      critical: false,
    },
    why: `Q holds B to Tuesday 10:00, so S (started by A) may start by Tuesday 05:00 and A must begin by then: Monday 16:59,
      479 min after Monday 08:00, as with the link typed straight from A (ASS+5eh on B gives 479; FOUND_CASES's first case
      is the late-date side). A delayed by 480 starts Tuesday 08:00, + 5 h = 13:00, and B moves from 10:00. The engine
      counts to the working instant of Tuesday 05:00 (Tuesday 08:00): 480. (Its late dates, Thursday 16:59, are right.)`,
  },
};

describe('summary tasks: the smallest cases the properties found (expected values hand-checked, see why)', () => {
  for (const [name, k] of Object.entries(SUMMARY_FOUND_CASES))
    test(name, () => expect(engineLateValues(k)).toEqual(expectedLateValues(k)));
});
