import fc from 'fast-check';
import { WorkCalendar } from '../../src/core/calendar';

const ANCHOR = 20878; // 2027-03-01

const calendars = fc.record({
  weekdays: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }).filter((d) => d.some(Boolean)),
  cuts: fc
    .uniqueArray(fc.integer({ min: 1, max: 47 }), { minLength: 2, maxLength: 6 })
    .map((c) => c.sort((a, b) => a - b)),
  holidays: fc.array(fc.integer({ min: -400, max: 3000 }), { maxLength: 40 }),
});

function make(c: { weekdays: boolean[]; cuts: number[]; holidays: number[] }): WorkCalendar {
  const intervals = [];
  for (let k = 0; k + 1 < c.cuts.length; k += 2) intervals.push({ start: c.cuts[k] * 30, end: c.cuts[k + 1] * 30 });
  return new WorkCalendar(
    { workingWeekdays: c.weekdays, intervals, holidays: c.holidays.map((h) => ANCHOR + h) },
    ANCHOR,
  );
}

test('the index counts working minutes: it rises by one exactly over each working minute', () => {
  fc.assert(
    fc.property(calendars, fc.integer({ min: -800 * 1440, max: 6000 * 1440 }), (c, offset) => {
      const cal = make(c);
      const w = ANCHOR * 1440 + offset;
      expect(cal.index(w + 1) - cal.index(w)).toBe(cal.isWorkingMinute(w) ? 1 : 0);
    }),
    { numRuns: 3000 },
  );
});

test('startWall and finishWall are the two sides of an index, and each is a working edge', () => {
  fc.assert(
    fc.property(calendars, fc.integer({ min: -300000, max: 3000000 }), (c, i) => {
      const cal = make(c);
      const s = cal.startWall(i);
      const f = cal.finishWall(i);
      expect(cal.index(s)).toBe(i);
      expect(cal.index(f)).toBe(i);
      expect(cal.isWorkingMinute(s)).toBe(true);
      expect(cal.isWorkingMinute(f - 1)).toBe(true);
      expect(f).toBeLessThanOrEqual(s);
    }),
    { numRuns: 3000 },
  );
});

test('the table grows both ways without moving indices', () => {
  const cal = make({ weekdays: [false, true, true, true, true, true, false], cuts: [16, 24, 26, 34], holidays: [] });
  const before = cal.index(ANCHOR * 1440 + 600);
  cal.index((ANCHOR + 20000) * 1440);
  cal.index((ANCHOR - 20000) * 1440);
  expect(cal.index(ANCHOR * 1440 + 600)).toBe(before);
  expect(cal.minutesPerDay).toBe(480);
  expect(cal.index((ANCHOR + 7) * 1440) - cal.index(ANCHOR * 1440)).toBe(5 * 480);
});

describe('hours that differ by weekday, and days with hours of their own', () => {
  const intervalsOf = (cuts: number[]) => {
    const out = [];
    for (let k = 0; k + 1 < cuts.length; k += 2) out.push({ start: cuts[k] * 30, end: cuts[k + 1] * 30 });
    return out;
  };
  const cutsArb = fc
    .uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 0, maxLength: 6 })
    .map((c) => c.sort((a, b) => a - b));
  const general = fc.record({
    week: fc.array(cutsArb, { minLength: 7, maxLength: 7 }).filter((w) => w.some((c) => c.length >= 2)),
    exceptions: fc.array(fc.tuple(fc.integer({ min: -400, max: 3000 }), cutsArb), { maxLength: 30 }),
    holidays: fc.array(fc.integer({ min: -400, max: 3000 }), { maxLength: 20 }),
  });
  function makeGeneral(c: { week: number[][]; exceptions: [number, number[]][]; holidays: number[] }): WorkCalendar {
    const weekdayIntervals = c.week.map(intervalsOf);
    const standard = weekdayIntervals.find((x) => x.length > 0)!;
    return new WorkCalendar(
      {
        workingWeekdays: weekdayIntervals.map((x) => x.length > 0),
        intervals: standard,
        holidays: c.holidays.map((h) => ANCHOR + h),
        weekdayIntervals,
        exceptions: new Map(c.exceptions.map(([d, cuts]) => [ANCHOR + d, intervalsOf(cuts)])),
      },
      ANCHOR,
    );
  }

  test('the index rises by one over each working minute; start and finish sides agree with it', () => {
    fc.assert(
      fc.property(general, fc.integer({ min: -800 * 1440, max: 6000 * 1440 }), (c, offset) => {
        const cal = makeGeneral(c);
        const w = ANCHOR * 1440 + offset;
        expect(cal.index(w + 1) - cal.index(w)).toBe(cal.isWorkingMinute(w) ? 1 : 0);
        const i = cal.index(w);
        const [s, f] = [cal.startWall(i), cal.finishWall(i)];
        expect([cal.index(s), cal.index(f)]).toEqual([i, i]);
        expect(cal.isWorkingMinute(s)).toBe(true);
        expect(cal.isWorkingMinute(f - 1)).toBe(true);
        expect(f).toBeLessThanOrEqual(s);
      }),
      { numRuns: 3000 },
    );
  });

  test('a night shift, Mon-Fri 22:00-06:00: to the minute across midnight and the weekend', () => {
    const night = { start: 22 * 60, end: 24 * 60 };
    const morning = { start: 0, end: 6 * 60 };
    // Sunday off; Monday's shift starts at 22:00; Saturday ends Friday's shift at 06:00.
    const week = [[], [night], [morning, night], [morning, night], [morning, night], [morning, night], [morning]];
    const cal = new WorkCalendar(
      {
        workingWeekdays: week.map((x) => x.length > 0),
        intervals: [morning, night],
        holidays: [],
        weekdayIntervals: week,
      },
      ANCHOR,
    );
    const at = (day: number, h: number, m = 0) => (ANCHOR + day) * 1440 + h * 60 + m;
    // Mon 1 March 22:00, eight hours on: Tue 06:00; the next eight hours run from Tue 22:00.
    const mon22 = at(0, 22);
    expect(cal.snapStart(at(0, 8))).toBe(mon22);
    expect(cal.finishWall(cal.index(mon22) + 480)).toBe(at(1, 6));
    expect(cal.startWall(cal.index(mon22) + 480)).toBe(at(1, 22));
    // Friday night's shift ends Saturday 06:00; the next work is Monday 22:00.
    expect(cal.finishWall(cal.index(at(4, 22)) + 480)).toBe(at(5, 6));
    expect(cal.startWall(cal.index(at(5, 6)))).toBe(at(7, 22));
    expect(cal.workBetween(mon22, at(7, 22))).toBe(5 * 480);
    expect(cal.isWorkingDay(ANCHOR + 6)).toBe(false);
  });

  test('a working Saturday with its own hours, and different hours by weekday', () => {
    const long = { start: 7 * 60, end: 19 * 60 };
    const sat = { start: 8 * 60, end: 13 * 60 };
    const week = [[], [long], [long], [long], [long], [long], [sat]];
    const cal = new WorkCalendar(
      {
        workingWeekdays: week.map((x) => x.length > 0),
        intervals: [long],
        holidays: [ANCHOR + 2],
        weekdayIntervals: week,
        exceptions: new Map([[ANCHOR + 12, [{ start: 6 * 60, end: 18 * 60 }]]]),
      },
      ANCHOR,
    );
    const at = (day: number, h: number) => (ANCHOR + day) * 1440 + h * 60;
    expect(cal.minutesPerDay).toBe(720);
    // Mon-Fri 12 h but Wednesday 3 March a holiday, Saturday 5 h: 4 x 12 + 5 = 53 h in the first week.
    expect(cal.workBetween(at(0, 0), at(7, 0))).toBe(53 * 60);
    // The second Saturday (13 March) is a shoot day of 12 hours, 06:00-18:00.
    expect(cal.workBetween(at(12, 0), at(13, 0))).toBe(12 * 60);
    expect(cal.dayStart(ANCHOR + 12)).toBe(at(12, 6));
    expect(cal.dayEnd(ANCHOR + 5)).toBe(at(5, 13));
    expect(cal.dayEnd(ANCHOR + 6)).toBe(at(6, 19)); // a Sunday off: the standard day's
    // Friday 5 March 19:00 and Saturday 08:00 are the same instant.
    expect(cal.index(at(4, 19))).toBe(cal.index(at(5, 8)));
  });
});
