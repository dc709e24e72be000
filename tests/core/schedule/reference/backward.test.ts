/**
 * The backward pass (late dates, total and free float, critical) is checked the same way: the
 * reference mirrors its own forward rules link by link (its 'backward pass' section), and
 * its floats are checked against its forward pass alone: a task delayed by its total float leaves
 * the project finish, by its free float every other task, where they were; one working minute more
 * moves them. Its smallest cases include five the engine once got wrong (see FOUND_CASES).
 *
 * The reference and its rules: forward.test.ts.
 */
import { fmt, W, kindOf, referenceLate, checkDelays, shownFinishes } from '../../../support/reference-scheduler';
import { inBothTimes, spec, Spec, typedAs, scheduleBoth } from '../../../support/random-plans';
import { FOUND_CASES, LATE_CASES, engineLateValues, expectedLateValues } from './cases';

/**
 * Compares the engine's late dates, floats and critical flags with the reference's backward pass
 * (on networks whose early dates agree: check() covers those), and puts the engine's own floats
 * through check 3 (checkDelays). Returns the problems found.
 */
function checkLate(s: Spec): string[] {
  const both = scheduleBoth(s);
  if (both.errors) return both.errors;
  const { b, r, cal, ref: early } = both;
  const shownFinish = shownFinishes(cal, b.tasks, early); // Project's SF rule, as shown
  if (
    b.tasks.some((_, j) => r.earlyStart[b.rowOf[j]] !== early.start[j] || r.earlyFinish[b.rowOf[j]] !== shownFinish[j])
  ) {
    return [`early dates differ (see the forward pass's properties) in rows ${JSON.stringify(b.rows)}`];
  }
  const late = referenceLate(cal, b.tasks, early);
  const problems: string[] = [];
  const projectFinish = Math.max(late.projectFinish, ...shownFinish.filter((f, j) => f !== early.finish[j]));
  if (r.projectFinish !== projectFinish)
    problems.push(`project finish: expected ${fmt(projectFinish)}, engine ${fmt(r.projectFinish)}`);
  b.tasks.forEach((_t, j) => {
    const id = `T${j}`;
    const row = b.rowOf[j]; // the engine's index of task j
    // Late dates at the working instant of the early ones are shown as the early ones (schedule.ts,
    // floats()).
    const compare = (what: string, expected: number, earlyWall: number, actual: number) => {
      const shown = W(cal, expected) === W(cal, earlyWall) ? earlyWall : expected;
      const same = actual === shown;
      if (!same) problems.push(`${id} ${what}: expected ${fmt(shown)}, engine ${fmt(actual)}`);
    };
    compare('late start', late.start[j], early.start[j], r.lateStart[row]);
    compare('late finish', late.finish[j], shownFinish[j], r.lateFinish[row]);
    if (r.totalFloat[row] !== late.totalFloat[j])
      problems.push(`${id} total float: expected ${late.totalFloat[j]} min, engine ${r.totalFloat[row]}`);
    if (r.freeFloat[row] !== late.freeFloat[j])
      problems.push(`${id} free float: expected ${late.freeFloat[j]} min, engine ${r.freeFloat[row]}`);
    if (r.critical[row] !== (late.totalFloat[j] <= 0 ? 1 : 0))
      problems.push(`${id} critical: expected ${late.totalFloat[j] <= 0}, engine ${r.critical[row] === 1}`);
    // Sanity of the reference on these plans (no constraints, deadlines or progress).
    if (late.totalFloat[j] < 0 || (late.linkSlack[j] ?? 0) < 0)
      problems.push(`${id}: the reference finds a negative float or slack`);
  });
  const floats = {
    total: (j: number) => r.totalFloat[b.rowOf[j]],
    free: (j: number) => r.freeFloat[b.rowOf[j]],
    tight: (j: number) => kindOf(b.tasks[j]) !== 'elapsed',
  };
  problems.push(...checkDelays(cal, b.projectStartSetting, b.tasks, early, floats).map((p) => 'engine floats: ' + p));
  if (problems.length) {
    problems.unshift(typedAs(b));
  }
  return problems;
}

describe('late dates and floats, to the minute, against an independent backward pass', () => {
  inBothTimes(
    "working-time durations and lags; the engine's floats are exact by the forward pass alone (check 3)",
    spec,
    checkLate,
  );

  test('the hand-checked cases', () => {
    for (const [name, k] of Object.entries(LATE_CASES))
      expect([name, engineLateValues(k)]).toEqual([name, expectedLateValues(k)]);
  });

  // The expected values are hand-checked (see `why`) and come out of the reference (reference.test.ts).
  for (const [name, k] of Object.entries(FOUND_CASES))
    test(name, () => expect(engineLateValues(k)).toEqual(expectedLateValues(k)));
});
