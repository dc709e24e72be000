/**
 * The reference scheduler (tests/support/reference-scheduler.ts) checked without the engine: its
 * calendar arithmetic against a minute-by-minute walk, hand-checked cases (MS Project's, the late
 * dates and floats, constraints and deadlines) coming out of it, and check 3 on its own floats: its
 * mirrored backward rules against its forward ones. Its rules: forward.test.ts.
 */
import fc from 'fast-check';
import {
  DAY,
  fmt,
  dayNumber,
  refCalendar,
  workingMinute,
  W,
  startSide,
  finishSide,
  kindOf,
  referenceSchedule,
} from '../../../support/reference-scheduler';
import type { LinkType, Span, RefTask, RefSchedule } from '../../../support/reference-scheduler';
import {
  holds,
  CALENDARS,
  w,
  e,
  spec,
  Spec,
  build,
  referenceSelfCheck,
  constrainedSpec,
  ConstrainedSpec,
  buildConstrained,
  hasLateBounds,
} from '../../../support/random-plans';
import {
  DEFAULT_CAL,
  at,
  MON,
  FOUND_CASES,
  LATE_CASES,
  CONSTRAINT_CASES,
  CONSTRAINT_FOUND_CASES,
  referenceCase,
  expectedCase,
  referenceLateValues,
  expectedLateValues,
} from './cases';

/** Check 3 on the reference's own floats: the reference's mirrored rules against its forward ones. */
function checkReferenceDelays(s: Spec): string[] {
  const b = build(s);
  return referenceSelfCheck(b, (j) => kindOf(b.tasks[j]) !== 'elapsed');
}

/** Check 3 on the reference's own floats with SNET, FNET and ALAP (no late bounds: see checkConstrained). */
function checkReferenceDelaysConstrained(s: ConstrainedSpec): string[] {
  const b = buildConstrained(s);
  if (hasLateBounds(b.tasks)) return [];
  return referenceSelfCheck(b, (j) => kindOf(b.tasks[j]) !== 'elapsed', { order: false });
}

describe('the reference calendar and schedule (no engine)', () => {
  test('W counts working minutes as a minute-by-minute walk does, and the sides invert it', () => {
    const c = refCalendar(CALENDARS[3].weekdays, CALENDARS[3].intervals, [
      dayNumber(2027, 3, 4),
      dayNumber(2027, 3, 9),
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * DAY }), (offset) => {
        const t = dayNumber(2027, 2, 20) * DAY + offset;
        let count = 0;
        for (let x = c.anchor * DAY; x < t; x++) if (workingMinute(c, x)) count++;
        expect(W(c, t)).toBe(count);
        const k = W(c, t);
        expect(workingMinute(c, startSide(c, k))).toBe(true);
        expect(W(c, startSide(c, k))).toBe(k);
        expect(W(c, finishSide(c, k))).toBe(k);
        expect(workingMinute(c, finishSide(c, k) - 1)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  test('hand-checked MS Project cases come out of the reference', () => {
    const c = DEFAULT_CAL();
    const A5: RefTask = { dur: w(2400), links: [] };
    const after = (dur: Span, type: LinkType, lag: Span | { percent: number }, pred: RefTask = A5): RefSchedule =>
      referenceSchedule(c, MON, [pred, { dur, links: [{ pred: 0, type, lag, text: '' }] }]);
    expect(fmt(after(w(1440), 'FS', w(0)).start[1])).toBe(fmt(at(2027, 3, 8, 8))); // Fri 17:00 -> Mon 08:00
    expect(fmt(after(w(960), 'FS', w(-480)).start[1])).toBe(fmt(at(2027, 3, 5, 8))); // FS-1d
    expect(fmt(after(w(960), 'FF', w(480)).start[1])).toBe(fmt(at(2027, 3, 5, 8))); // FF+1d over the weekend
    expect(fmt(after(w(960), 'FF', w(480)).finish[1])).toBe(fmt(at(2027, 3, 8, 17)));
    const fs4h = after(w(480), 'FS', w(240));
    expect([fmt(fs4h.start[1]), fmt(fs4h.finish[1])]).toEqual([fmt(at(2027, 3, 8, 13)), fmt(at(2027, 3, 9, 12))]);
    expect(fmt(after(w(480), 'FS', { percent: 50 }, { dur: w(4800), links: [] }).start[1])).toBe(
      fmt(at(2027, 3, 22, 8)),
    );
    expect(fmt(after(w(480), 'FS', { percent: 50 }, { dur: e(2880), links: [] }).start[1])).toBe(
      fmt(at(2027, 3, 4, 8)),
    );
    expect(fmt(after(w(480), 'FS', e(2880)).start[1])).toBe(fmt(at(2027, 3, 8, 8))); // Sun 17:00 -> Mon 08:00
    expect(fmt(after(w(480), 'FS', e(3 * 1440)).start[1])).toBe(fmt(at(2027, 3, 9, 8)));
    const cure = after(e(3 * 1440), 'FS', w(0));
    expect([fmt(cure.start[1]), fmt(cure.finish[1])]).toEqual([fmt(at(2027, 3, 5, 17)), fmt(at(2027, 3, 8, 17))]);
    const m = after(w(0), 'FS', w(0));
    expect([fmt(m.start[1]), fmt(m.finish[1])]).toEqual([fmt(at(2027, 3, 5, 17)), fmt(at(2027, 3, 5, 17))]);
    expect(fmt(referenceSchedule(c, MON, [{ dur: w(0), links: [] }]).start[0])).toBe(fmt(MON));
    expect(fmt(after(w(480), 'SS', { percent: 33.3 }, { dur: w(3840), links: [] }).start[1])).toBe(
      fmt(at(2027, 3, 3, 14, 19)),
    );
    const sixHours = referenceSchedule(c, MON, [
      { dur: w(360), links: [] },
      { dur: w(180), links: [{ pred: 0, type: 'FS', lag: w(0), text: '' }] },
    ]);
    expect([fmt(sixHours.finish[0]), fmt(sixHours.start[1]), fmt(sixHours.finish[1])]).toEqual([
      fmt(at(2027, 3, 1, 15)),
      fmt(at(2027, 3, 1, 15)),
      fmt(at(2027, 3, 2, 9)),
    ]);
    const holiday = refCalendar(CALENDARS[0].weekdays, CALENDARS[0].intervals, [dayNumber(2027, 3, 3)]);
    expect(fmt(referenceSchedule(holiday, MON, [A5]).finish[0])).toBe(fmt(at(2027, 3, 8, 17)));
    expect(fmt(referenceSchedule(c, at(2027, 2, 27, 8), [A5]).start[0])).toBe(fmt(MON)); // a Saturday project start
  });
  test('hand-checked late dates and floats come out of the reference backward pass', () => {
    for (const [name, k] of Object.entries({ ...LATE_CASES, ...FOUND_CASES }))
      expect([name, referenceLateValues(k)]).toEqual([name, expectedLateValues(k)]);
  });

  test("the reference's floats are exact by its own forward pass alone (check 3), working time", () => {
    holds(spec(false), checkReferenceDelays);
  });

  test("the reference's floats are exact by its own forward pass alone (check 3), elapsed durations and lags too", () => {
    holds(spec(true), checkReferenceDelays);
  });
});

describe('the reference with constraints and deadlines (no engine)', () => {
  test('hand-checked constraint and deadline cases come out of the reference', () => {
    for (const [name, k] of Object.entries({ ...CONSTRAINT_CASES, ...CONSTRAINT_FOUND_CASES }))
      expect([name, referenceCase(k)]).toEqual([name, expectedCase(k)]);
  });

  test("the reference's floats are exact by its own forward pass alone (check 3), with SNET, FNET and ALAP", () => {
    holds(constrainedSpec(true, false), checkReferenceDelaysConstrained);
  });
});
