/**
 * Constraints and deadlines on leaf tasks (SNET, FNET, SNLT, FNLT, MSO, MFO, ALAP, Deadline; dates
 * with and without a time, in working time, at its edges and outside it) are checked the same way,
 * early, scheduled and late dates, floats and critical, to the minute (see 'Constraints and deadlines
 * on leaf tasks' and constraintStart); check 3 only on plans with no late bound (SNET, FNET, ALAP),
 * where float cannot be negative. The engine got one case wrong until 2026-11-30 (CONSTRAINT_FOUND_CASES).
 *
 * The reference and its rules: forward.test.ts.
 */
import { calc } from '../../../helpers';
import { kindOf, referenceSchedule, referenceLate, checkDelays } from '../../../support/reference-scheduler';
import {
  holds,
  inBothTimes,
  typedAs,
  constrainedSpec,
  ConstrainedSpec,
  buildConstrained,
  hasLateBounds,
  compareTasks,
} from '../../../support/random-plans';
import { CONSTRAINT_CASES, CONSTRAINT_FOUND_CASES, engineCase, expectedCase } from './cases';

/**
 * The engine against the reference on a plan with constraints and deadlines: early dates, scheduled
 * dates (ALAP tasks at their late dates, their successors after them), late dates, total and free
 * float, critical, to the minute. Check 3 (checkDelays) on the early dates, for plans with no late
 * constraint or deadline (SNET, FNET and ALAP only): where a late bound holds a task, a delay past
 * its float need not move anything (an MSO successor stays), and a negative float is no delay.
 */

function checkConstrained(s: ConstrainedSpec): string[] {
  const b = buildConstrained(s);
  const calculation = calc(b.doc);
  const errors = calculation.issues.filter((i) => i.severity === 'error');
  if (errors.length || !calculation.schedule)
    return ['engine errors: ' + JSON.stringify(errors) + ' rows ' + JSON.stringify(b.rows)];
  const r = calculation.schedule;
  const cal = b.refCal;
  const early = referenceSchedule(cal, b.projectStartSetting, b.tasks);
  const late = referenceLate(cal, b.tasks, early);
  const scheduled = referenceSchedule(cal, b.projectStartSetting, b.tasks, undefined, late.start);
  const problems = compareTasks(b, r, early, scheduled, late, (j) => late.totalFloat[j] <= 0);
  if (!hasLateBounds(b.tasks)) {
    b.tasks.forEach((_, j) => {
      if (late.totalFloat[j] < 0)
        problems.push(`T${j}: the reference finds a negative float with no late constraint or deadline`);
    });
    const floats = {
      total: (j: number) => r.totalFloat[b.rowOf[j]],
      free: (j: number) => r.freeFloat[b.rowOf[j]],
      tight: (j: number) => kindOf(b.tasks[j]) !== 'elapsed',
    };
    problems.push(...checkDelays(cal, b.projectStartSetting, b.tasks, early, floats).map((p) => 'engine floats: ' + p));
  }
  if (problems.length) problems.unshift(typedAs(b));
  return problems;
}

describe('constraints and deadlines on leaf tasks, to the minute, against the reference', () => {
  inBothTimes(
    'working-time durations and lags: early, scheduled and late dates, floats, critical (check 3 without late bounds)',
    constrainedSpec,
    checkConstrained,
  );

  test("SNET, FNET and ALAP only, elapsed too: the engine's floats are exact by the forward pass alone (check 3)", () => {
    holds(constrainedSpec(true, false), checkConstrained);
  });

  test('the hand-checked cases', () => {
    for (const [name, k] of Object.entries(CONSTRAINT_CASES))
      expect([name, engineCase(k)]).toEqual([name, expectedCase(k)]);
  });

  for (const [name, k] of Object.entries(CONSTRAINT_FOUND_CASES))
    test(name, () => expect(engineCase(k)).toEqual(expectedCase(k)));
});
