/**
 * An independent reference for the forward pass: the early dates must be not only feasible
 * (../property.test.ts checks that every link is met) but TIGHT, to the minute: each task
 * starts at the earliest moment its links and the project start allow, and finishes where its
 * duration takes it.
 *
 * The reference (tests/support/reference-scheduler.ts) does its own calendar arithmetic from the
 * plan's settings (working weekdays, working intervals with lunch, holidays): it walks days and intervals, and snaps by
 * stepping minute by minute. It does not use the engine's WorkCalendar. Networks are small. The
 * backward pass, constraints and deadlines, progress and summaries are checked in the files beside
 * this one; the reference's own checks in reference.test.ts; the random plans come from
 * tests/support/random-plans.ts, the hand-checked cases from cases.ts.
 *
 * The rules it encodes (docs/scheduling.md, tests/core/schedule/msproject.test.ts):
 * - W(t), the working instant of a wall time t, counts the working minutes before t. Friday 17:00
 *   and Monday 08:00 have the same W: tasks in working time are compared by W.
 * - A link gives a lower bound on its successor's start (FS, SS) or finish (FF, SF), from the
 *   predecessor's finish (FS, FF) or start (SS, SF):
 *   - no lag: the predecessor's date itself, a wall time;
 *   - an elapsed lag (ed, eh, em; or a % of an elapsed predecessor): that wall time + the lag;
 *   - a working lag (d, h, m, w; or a % of a working predecessor): W(date) + lag, a working
 *     instant; as a wall time, the earliest one at that instant (the end of a working minute).
 *   A % lag is round(percent / 100 * the predecessor's duration), in its kind of time.
 * - A working task starts at the first working minute at the latest W its bounds and the project
 *   start require, and finishes at the end of its last working minute.
 * - An elapsed task starts at the exact latest wall time its bounds allow, even in non-working
 *   time, and lasts its duration around the clock.
 * - A milestone sits at the latest bound as a wall time when that is working time or its edge
 *   (Friday 17:00 after a task finishing then); in the middle of non-working time it moves to the
 *   next working time (as a start does), never back to the previous edge.
 * - The project start is the next working time at or after Project Start (08:00, or the day's
 *   first working minute, when only a date is given).
 *
 * Runs per property: FC_RUNS (default 200).
 */
import { Driver } from '../../../../src/core/schedule/schedule';
import { W, fmt, finishOf, shownFinishes, startFor } from '../../../support/reference-scheduler';
import type { Bound } from '../../../support/reference-scheduler';
import { inBothTimes, DURATIONS, spec, Spec, typedAs, scheduleBoth } from '../../../support/random-plans';

/**
 * Compares the engine's early dates and drivers with the reference. Returns the problems found,
 * each naming the task, the expected and the actual values.
 */
function check(s: Spec): string[] {
  const both = scheduleBoth(s);
  if (both.errors) return both.errors;
  const { b, r, cal, ref } = both;
  const problems: string[] = [];
  const net = r.network;
  const shown = shownFinishes(cal, b.tasks, ref); // Project's SF rule, as shown
  b.tasks.forEach((t, j) => {
    const id = `T${j}`;
    const row = b.rowOf[j]; // the engine's index of task j
    // 1. Tight early dates, to the minute.
    if (r.earlyStart[row] !== ref.start[j] || r.start[row] !== ref.start[j]) {
      problems.push(
        `${id} start: expected ${fmt(ref.start[j])}, engine ${fmt(r.earlyStart[row])} (scheduled ${fmt(r.start[row])})`,
      );
    }
    if (r.earlyFinish[row] !== shown[j] || r.finish[row] !== shown[j]) {
      problems.push(`${id} finish: expected ${fmt(shown[j])}, engine ${fmt(r.earlyFinish[row])}`);
    }
    // The engine's own finish follows from its own start, in the reference's arithmetic.
    // (Shown at the same working instant where Project's SF rule keeps the predecessor's moment.)
    const follows = finishOf(cal, t, r.earlyStart[row]);
    if (r.earlyFinish[row] !== follows && !(r.earlyFinish[row] === shown[j] && W(cal, shown[j]) === W(cal, follows))) {
      problems.push(
        `${id} finish ${fmt(r.earlyFinish[row])} does not follow from its start ${fmt(r.earlyStart[row])} + ${DURATIONS[s.durations[j]][0]}`,
      );
    }
    // 2. The driver binds: its bound asks exactly the task's start.
    const d = r.driver[row];
    const asked = (bound: Bound) => startFor(cal, t, bound);
    if (d >= 0) {
      const li =
        d >= net.linkStart[row] && d < net.linkStart[row + 1]
          ? t.links.findIndex((l) => b.rowOf[l.pred] === net.linkPred[d])
          : -1;
      if (li < 0) problems.push(`${id} driver: link ${d} is not one of its links`);
      else if (asked(ref.bounds[j][li]) !== ref.start[j]) {
        problems.push(
          `${id} driver ${t.links[li].text} asks ${fmt(asked(ref.bounds[j][li]))}, the start is ${fmt(ref.start[j])}`,
        );
      }
    } else if (d === Driver.ProjectStart) {
      const x = asked({ side: 'start', wall: ref.projectStart });
      if (x !== ref.start[j])
        problems.push(`${id} driver is the project start ${fmt(x)}, the start is ${fmt(ref.start[j])}`);
    } else {
      problems.push(`${id} driver: unexpected code ${d}`);
    }
  });
  if (problems.length) {
    problems.unshift(typedAs(b));
  }
  return problems;
}

describe('early dates are tight, to the minute, against an independent reference', () => {
  inBothTimes('working-time durations and lags, five calendars, holidays', spec, check);
});
