import fc from 'fast-check';
import { parseDuration, parseLag } from '../../../src/core/parsers/duration';
import { parsePredecessors } from '../../../src/core/parsers/predecessors';
import {
  parseAssignments,
  parseConstraint,
  parseDateCell,
  parsePercentCell,
  parseWorkingDays,
  parseWorkingHours,
} from '../../../src/core/parsers/values';
import { DateOrder, parseDateText } from '../../../src/core/time';

const MPD = 480;
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[0-9a-zA-Z+\-.,;%?[\] ]{0,30}$/),
);

describe('duration parser', () => {
  test.each([
    ['5', 5 * MPD, false],
    ['5d', 5 * MPD, false],
    ['2.5 days', 2.5 * MPD, false],
    ['3h', 180, false],
    ['30m', 30, false],
    ['2w', 10 * MPD, false],
    ['1mo', 20 * MPD, false],
    ['4ed', 4 * 1440, true],
    ['12eh', 720, true],
    ['0', 0, false],
    ['5d?', 5 * MPD, false],
    ['1 WEEK', 5 * MPD, false],
  ])('%s is %d minutes (elapsed %s)', (text, minutes, elapsed) => {
    expect(parseDuration(text, MPD)).toEqual({ ok: true, value: { minutes, elapsed } });
  });

  test('a number from a cell is days', () => {
    expect(parseDuration(3, MPD)).toEqual({ ok: true, value: { minutes: 3 * MPD, elapsed: false } });
  });

  test.each(['-2d', 'five days', '3x', '', '1e9d', '5 d d'])('%j is refused with a reason', (text) => {
    const r = parseDuration(text, MPD);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        parseDuration(t, MPD);
        parseLag(t, MPD);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('predecessor parser', () => {
  const known = new Set(['1', '2', '3', 'PRE-3', 'A']);
  const isKnown = (id: string) => known.has(id);

  test('MS Project syntax: types, signed lags, percentages, several entries', () => {
    const r = parsePredecessors('3FS+2d, 2SS, 1FF-1d;ASF, 3FS+50%, 1', isKnown, MPD);
    expect(r.problems).toEqual([]);
    expect(r.links.map((l) => [l.id, l.type, l.lag])).toEqual([
      ['3', 'FS', { minutes: 2 * MPD, elapsed: false }],
      ['2', 'SS', { minutes: 0, elapsed: false }],
      ['1', 'FF', { minutes: -MPD, elapsed: false }],
      ['A', 'SF', { minutes: 0, elapsed: false }],
      ['3', 'FS', { minutes: 0, elapsed: false, percent: 50 }],
      ['1', 'FS', { minutes: 0, elapsed: false }],
    ]);
  });

  test('an ID with a dash is read whole, and with a type and lag after it', () => {
    const r = parsePredecessors('PRE-3, PRE-3SS+4h, PRE-3+1d', isKnown, MPD);
    expect(r.links.map((l) => [l.id, l.type, l.lag.minutes])).toEqual([
      ['PRE-3', 'FS', 0],
      ['PRE-3', 'SS', 240],
      ['PRE-3', 'FS', MPD],
    ]);
  });

  test('elapsed lags', () => {
    expect(parsePredecessors('1FS+2ed', isKnown, MPD).links[0].lag).toEqual({ minutes: 2880, elapsed: true });
  });

  test('unreadable entries come back as problems, unknown IDs as links for the reader to report', () => {
    const r = parsePredecessors('1FS+xyz, depends on 2, 99', isKnown, MPD);
    expect(r.problems).toHaveLength(2);
    expect(r.links.map((l) => l.id)).toEqual(['99']);
  });

  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        parsePredecessors(t, isKnown, MPD);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('values', () => {
  test('dates: ISO, with time, month names; slashed forms refused as ambiguous', () => {
    expect(parseDateText('2027-03-01')).toEqual({ wall: expect.any(Number), hasTime: false });
    expect(parseDateText('2027-03-01T08:30')?.hasTime).toBe(true);
    expect(parseDateText('1 Mar 2027')?.wall).toBe(parseDateText('2027-03-01')?.wall);
    expect(parseDateText('March 1, 2027')?.wall).toBe(parseDateText('2027-03-01')?.wall);
    expect(parseDateText('2027-02-30')).toBeNull();
    const slashed = parseDateCell('3/1/2027');
    expect(slashed.ok).toBe(false);
    if (!slashed.ok) expect(slashed.message).toMatch(/could be 1 Mar 2027 \(month first\) or 3 Jan 2027 \(day first\)/);
  });

  test('dates typed with numbers only: read when one reading is a date, or in the Date Order given', () => {
    const day = (text: string) => parseDateText(text)!.wall;
    const read = (text: string, order: DateOrder | null = null) => {
      const p = parseDateCell(text, order);
      return p.ok ? p.value : p.message;
    };
    // 27 cannot be a month: month first is the only reading.
    expect(read('05/27/2027')).toEqual({ wall: day('2027-05-27'), hasTime: false });
    expect(read('27.05.2027')).toEqual({ wall: day('2027-05-27'), hasTime: false });
    expect(read('05/05/2027')).toEqual({ wall: day('2027-05-05'), hasTime: false }); // both readings agree
    expect(read('2027/5/27 8:30')).toEqual({ wall: day('2027-05-27 08:30'), hasTime: true }); // year first
    expect(read('5/27/27')).toEqual({ wall: day('2027-05-27'), hasTime: false }); // two-digit years as Excel
    expect(read('5/27/45')).toEqual({ wall: day('1945-05-27'), hasTime: false });
    expect(read('05/06/2027')).toMatch(/could be 6 May 2027 \(month first\) or 5 Jun 2027 \(day first\)/);
    expect(read('05/06/2027', 'MDY')).toEqual({ wall: day('2027-05-06'), hasTime: false });
    expect(read('05/06/2027', 'DMY')).toEqual({ wall: day('2027-06-05'), hasTime: false });
    expect(read('05/27/2027', 'DMY')).toMatch(/is not a date: there is no such day when read DMY/);
    expect(read('05/27/2027', 'YMD')).toMatch(/write the year first/);
    expect(read('13/27/2027')).toMatch(/no such day, read either way/);
    expect(read('05/27/2027 25:00')).toMatch(/"25:00" is not a time of day/);
  });

  test('% Complete: 40%, 0.4 and 40 are all 40; a bare 1 is 100% and says so', () => {
    expect(parsePercentCell({ value: '40%' })).toEqual({ ok: true, value: { value: 40 } });
    expect(parsePercentCell({ value: 0.4 })).toEqual({ ok: true, value: { value: 40 } });
    expect(parsePercentCell({ value: 40 })).toEqual({ ok: true, value: { value: 40 } });
    expect(parsePercentCell({ value: 0.4, percent: true })).toEqual({ ok: true, value: { value: 40 } });
    const one = parsePercentCell({ value: 1 });
    expect(one.ok && one.value.value).toBe(100);
    expect(one.ok && one.value.note).toMatch(/100%/);
    expect(parsePercentCell({ value: '140%' }).ok).toBe(false);
  });

  test('constraints by abbreviation or full name', () => {
    expect(parseConstraint('Start No Earlier Than')).toEqual({ ok: true, value: 'SNET' });
    expect(parseConstraint('mfo')).toEqual({ ok: true, value: 'MFO' });
    expect(parseConstraint('soon').ok).toBe(false);
  });

  test('working days and hours', () => {
    expect(parseWorkingDays('Mon-Sat')).toEqual({ ok: true, value: [false, true, true, true, true, true, true] });
    expect(parseWorkingDays('Sun-Thu')).toEqual({ ok: true, value: [true, true, true, true, true, false, false] });
    expect(parseWorkingDays('Mon,Tue,Thu')).toEqual({
      ok: true,
      value: [false, true, true, false, true, false, false],
    });
    expect(parseWorkingHours('8-12, 13-17')).toEqual({
      ok: true,
      value: [
        { start: 480, end: 720 },
        { start: 780, end: 1020 },
      ],
    });
    expect(parseWorkingHours('8am-5pm')).toEqual({ ok: true, value: [{ start: 480, end: 1020 }] });
    expect(parseWorkingHours('08:00-12:00,11:00-17:00').ok).toBe(false);
    expect(parseWorkingHours('17:00-08:00').ok).toBe(false);
  });

  test('resource assignments with units', () => {
    expect(parseAssignments('Camera Crew, Line 1[2]; Editor[50%]')).toEqual({
      ok: true,
      value: [
        { resource: 'Camera Crew', units: 1 },
        { resource: 'Line 1', units: 2 },
        { resource: 'Editor', units: 0.5 },
      ],
    });
    expect(parseAssignments('Editor[half]').ok).toBe(false);
  });

  test('never throw on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        parseDateCell(t);
        parsePercentCell({ value: t });
        parseConstraint(t);
        parseWorkingDays(t);
        parseWorkingHours(t);
        parseAssignments(t);
      }),
      { numRuns: 2000 },
    );
  });
});
