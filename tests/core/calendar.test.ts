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
