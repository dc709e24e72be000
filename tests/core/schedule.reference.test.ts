/**
 * An independent reference for the forward pass: the early dates must be not only feasible
 * (schedule.property.test.ts checks that every link is met) but TIGHT, to the minute: each task
 * starts at the earliest moment its links and the project start allow, and finishes where its
 * duration takes it.
 *
 * The reference below does its own calendar arithmetic from the plan's settings (working
 * weekdays, working intervals with lunch, holidays): it walks days and intervals, and snaps by
 * stepping minute by minute. It does not use the engine's WorkCalendar. Networks are small and
 * ASAP only: no summaries, constraints, deadlines or progress.
 *
 * The rules it encodes (docs/scheduling.md, tests/core/schedule.msproject.test.ts):
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
import fc from 'fast-check';
import { calc, plan, Row } from '../helpers';
import { Driver } from '../../src/core/schedule/schedule';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const DAY = 1440;

// ---- The reference calendar ------------------------------------------------------------

interface RefCalendar {
  /** 0 = Sunday. */
  weekdays: boolean[];
  /** [start, end) minutes after midnight, sorted. */
  intervals: [number, number][];
  holidays: Set<number>;
  mpd: number;
  /** Day number W counts from (no date before it is ever asked). */
  anchor: number;
}

const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;
const ANCHOR = dayNumber(2027, 1, 1);

function refCalendar(weekdays: boolean[], intervals: [number, number][], holidays: number[]): RefCalendar {
  const mpd = intervals.reduce((s, [a, b]) => s + b - a, 0);
  return { weekdays, intervals, holidays: new Set(holidays), mpd, anchor: ANCHOR };
}

function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
}

function workingDay(c: RefCalendar, day: number): boolean {
  return c.weekdays[weekday(day)] && !c.holidays.has(day);
}

/** Whether the minute beginning at wall time t is worked. */
function workingMinute(c: RefCalendar, t: number): boolean {
  const day = Math.floor(t / DAY);
  const m = t - day * DAY;
  return workingDay(c, day) && c.intervals.some(([a, b]) => m >= a && m < b);
}

/** W(t): working minutes from the anchor to t. */
function W(c: RefCalendar, t: number): number {
  const day = Math.floor(t / DAY);
  if (day < c.anchor) throw new Error('reference: before the anchor');
  let count = 0;
  for (let d = c.anchor; d < day; d++) if (workingDay(c, d)) count += c.mpd;
  if (workingDay(c, day)) {
    const m = t - day * DAY;
    for (const [a, b] of c.intervals) count += Math.max(0, Math.min(m, b) - a);
  }
  return count;
}

/** The wall time at which working minute number k (0-based from the anchor) begins. */
function beginOfWorkingMinute(c: RefCalendar, k: number): number {
  if (k < 0) throw new Error('reference: before the anchor');
  for (let d = c.anchor; ; d++) {
    if (!workingDay(c, d)) continue;
    if (k >= c.mpd) {
      k -= c.mpd;
      continue;
    }
    for (const [a, b] of c.intervals) {
      if (k < b - a) return d * DAY + a + k;
      k -= b - a;
    }
  }
}

/** Start side of working instant T: where a task starting there begins (Monday 08:00). */
const startSide = (c: RefCalendar, T: number) => beginOfWorkingMinute(c, T);
/** Finish side of working instant T: the earliest wall time at it (Friday 17:00). */
const finishSide = (c: RefCalendar, T: number) => beginOfWorkingMinute(c, T - 1) + 1;

/** The next working time at or after t, minute by minute. */
function nextWorkingTime(c: RefCalendar, t: number): number {
  let x = t;
  for (let guard = 0; guard < 60 * DAY; guard++, x++) if (workingMinute(c, x)) return x;
  throw new Error('reference: no working time within 60 days');
}

// ---- The reference schedule -------------------------------------------------------------

type LinkType = 'FS' | 'SS' | 'FF' | 'SF';
interface Span { minutes: number; elapsed: boolean }
interface RefLink { pred: number; type: LinkType; lag: Span | { percent: number }; text: string }
interface RefTask { dur: Span; links: RefLink[] }

type Kind = 'work' | 'elapsed' | 'milestone';
const kindOf = (t: RefTask): Kind => (t.dur.elapsed ? 'elapsed' : t.dur.minutes === 0 ? 'milestone' : 'work');

/** A lower bound on a successor's start or finish: a wall time, or a working instant. */
interface Bound { side: 'start' | 'finish'; wall?: number; index?: number }

interface RefSchedule { start: number[]; finish: number[]; bounds: Bound[][]; projectStart: number }

function linkBound(c: RefCalendar, tasks: RefTask[], start: number[], finish: number[], l: RefLink): Bound {
  const p = tasks[l.pred];
  const base = l.type[0] === 'F' ? finish[l.pred] : start[l.pred];
  const side = l.type[1] === 'S' ? 'start' : 'finish';
  let minutes: number;
  let elapsed: boolean;
  if ('percent' in l.lag) {
    minutes = Math.round((l.lag.percent / 100) * p.dur.minutes);
    elapsed = p.dur.elapsed;
  } else {
    minutes = l.lag.minutes;
    elapsed = l.lag.elapsed;
  }
  if (minutes === 0) return { side, wall: base };
  if (elapsed) return { side, wall: base + minutes };
  return { side, index: W(c, base) + minutes };
}

/** The start a single bound (or the project start) asks of a task of this kind. */
function startFor(c: RefCalendar, t: RefTask, b: Bound): number {
  const k = kindOf(t);
  const d = b.side === 'finish' ? t.dur.minutes : 0;
  if (k === 'work') return startSide(c, (b.index ?? W(c, b.wall!)) - d);
  const wall = (b.wall ?? finishSide(c, b.index!)) - d; // the earliest wall time meeting the bound
  if (k === 'elapsed') return wall;
  return workingMinute(c, wall) || workingMinute(c, wall - 1) ? wall : nextWorkingTime(c, wall);
}

/**
 * Orders two starts of task t: by W in working time; by wall time for elapsed tasks and
 * milestones (a milestone's bounds are wall times: of two at one working instant, the later wins).
 */
function compareStarts(c: RefCalendar, t: RefTask, a: number, b: number): number {
  return kindOf(t) === 'work' ? W(c, a) - W(c, b) : a - b;
}

function finishOf(c: RefCalendar, t: RefTask, start: number): number {
  switch (kindOf(t)) {
    case 'milestone': return start;
    case 'elapsed': return start + t.dur.minutes;
    default: return finishSide(c, W(c, start) + t.dur.minutes);
  }
}

function referenceSchedule(c: RefCalendar, projectStartSetting: number, tasks: RefTask[]): RefSchedule {
  const projectStart = nextWorkingTime(c, projectStartSetting);
  const start: number[] = [];
  const finish: number[] = [];
  const bounds: Bound[][] = [];
  tasks.forEach((t, j) => {
    const bs = t.links.map((l) => linkBound(c, tasks, start, finish, l));
    bounds.push(bs);
    let s = startFor(c, t, { side: 'start', wall: projectStart });
    for (const b of bs) {
      const x = startFor(c, t, b);
      if (compareStarts(c, t, x, s) > 0) s = x;
    }
    start[j] = s;
    finish[j] = finishOf(c, t, s);
  });
  return { start, finish, bounds, projectStart };
}

// ---- Settings, durations and lags, as typed and as the reference reads them -----------

const DAYS_OF = (list: number[]) => [0, 1, 2, 3, 4, 5, 6].map((d) => list.includes(d));

interface CalendarChoice { days?: string; hours?: string; weekdays: boolean[]; intervals: [number, number][] }
const CALENDARS: CalendarChoice[] = [
  { weekdays: DAYS_OF([1, 2, 3, 4, 5]), intervals: [[480, 720], [780, 1020]] }, // the defaults, settings left out
  { days: 'Mon-Sat', hours: '07:00-15:00', weekdays: DAYS_OF([1, 2, 3, 4, 5, 6]), intervals: [[420, 900]] },
  { days: 'Sun-Thu', hours: '06:00-14:00,14:30-22:30', weekdays: DAYS_OF([0, 1, 2, 3, 4]), intervals: [[360, 840], [870, 1350]] },
  { days: 'Mon,Tue,Thu', hours: '9-12, 13-17:30', weekdays: DAYS_OF([1, 2, 4]), intervals: [[540, 720], [780, 1050]] },
  { days: 'Mon-Fri', hours: '00:00-24:00', weekdays: DAYS_OF([1, 2, 3, 4, 5]), intervals: [[0, 1440]] },
];

/** Project Start as typed, and its wall time (a date alone means the day's first working minute). */
const PROJECT_STARTS: [string, (c: CalendarChoice) => number][] = [
  ['2027-03-01', (c) => dayNumber(2027, 3, 1) * DAY + c.intervals[0][0]],
  ['2027-02-27', (c) => dayNumber(2027, 2, 27) * DAY + c.intervals[0][0]], // a Saturday
  ['2027-03-03T12:30', () => dayNumber(2027, 3, 3) * DAY + 750], // lunch, on the default hours
  ['2027-03-02T10:15', () => dayNumber(2027, 3, 2) * DAY + 615],
  ['2027-03-05T17:00', () => dayNumber(2027, 3, 5) * DAY + 1020], // the end of a Friday on the default hours
];

const w = (minutes: number): Span => ({ minutes, elapsed: false });
const e = (minutes: number): Span => ({ minutes, elapsed: true });

/** Durations: the working ones first. */
const DURATIONS: [string, (mpd: number) => Span][] = [
  ['1d', (m) => w(m)], ['3d', (m) => w(3 * m)], ['0', () => w(0)], ['4h', () => w(240)], ['2.5d', (m) => w(2.5 * m)],
  ['1w', (m) => w(5 * m)], ['30m', () => w(30)], ['6h', () => w(360)],
  ['2ed', () => e(2880)], ['1ed', () => e(1440)], ['10eh', () => e(600)], ['90em', () => e(90)],
];
const WORKING_DURATIONS = 8;

type LagOf = (mpd: number) => Span | { percent: number };
const LAGS: [string, LagOf][] = [
  ['', () => w(0)], ['+1d', (m) => w(m)], ['-1d', (m) => w(-m)], ['+4h', () => w(240)], ['+2d', (m) => w(2 * m)],
  ['-3h', () => w(-180)], ['+30m', () => w(30)], ['-90m', () => w(-90)], ['+50%', () => ({ percent: 50 })],
  ['-25%', () => ({ percent: -25 })], ['+150%', () => ({ percent: 150 })],
  ['+2ed', () => e(2880)], ['+1ed', () => e(1440)], ['-1ed', () => e(-1440)], ['+5eh', () => e(300)], ['-10eh', () => e(-600)],
];
const WORKING_LAGS = 11;
const TYPES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];

interface Spec {
  calendar: number;
  projectStart: number;
  durations: number[];
  links: { pred: number; type: number; lag: number }[][];
  holidays: { day: number; length: number }[];
  /** Sort keys placing the tasks in rows: the rows are typed in any order, links may run upwards. */
  rowKeys: readonly number[];
}

const spec = (elapsed: boolean) =>
  fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.record({
      calendar: fc.integer({ min: 0, max: CALENDARS.length - 1 }),
      projectStart: fc.integer({ min: 0, max: PROJECT_STARTS.length - 1 }),
      durations: fc.array(fc.integer({ min: 0, max: (elapsed ? DURATIONS.length : WORKING_DURATIONS) - 1 }), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.array(fc.record({ pred: fc.nat(), type: fc.integer({ min: 0, max: 3 }), lag: fc.integer({ min: 0, max: (elapsed ? LAGS.length : WORKING_LAGS) - 1 }) }), { maxLength: 3 }),
        { minLength: n, maxLength: n },
      ),
      holidays: fc.array(fc.record({ day: fc.integer({ min: -3, max: 60 }), length: fc.integer({ min: 1, max: 3 }) }), { maxLength: 5 }),
      rowKeys: fc.oneof(fc.constant([]), fc.array(fc.nat({ max: 99 }), { minLength: n, maxLength: n })),
    }),
  );

function isoDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

function fmt(t: number): string {
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return `${names[weekday(Math.floor(t / DAY))]} ${new Date(t * 60000).toISOString().slice(0, 16).replace('T', ' ')}`;
}

/** The rows as typed, and the reference's own reading of them. */
function build(s: Spec) {
  const cal = CALENDARS[s.calendar];
  const mpd = cal.intervals.reduce((a, [x, y]) => a + y - x, 0);
  const tasks: RefTask[] = [];
  const rows: Row[] = [];
  s.durations.forEach((di, i) => {
    const links = new Map<number, RefLink>();
    if (i > 0) {
      for (const l of s.links[i]) {
        const pred = l.pred % i; // earlier rows only: no loops
        const [lagText, lagOf] = LAGS[l.lag];
        links.set(pred, { pred, type: TYPES[l.type], lag: lagOf(mpd), text: `T${pred}${TYPES[l.type]}${lagText}` });
      }
    }
    const [durText, durOf] = DURATIONS[di];
    tasks.push({ dur: durOf(mpd), links: [...links.values()] });
    const row: Row = { ID: `T${i}`, Name: `Task ${i}`, Duration: durText };
    if (links.size) row.Predecessors = [...links.values()].map((l) => l.text).join(', ');
    rows.push(row);
  });
  // rowOf[j]: the row task j is typed in (by its sort key; none: in order, every link downwards).
  const byKey = s.durations.map((_, j) => j).sort((a, b) => (s.rowKeys[a] ?? 0) - (s.rowKeys[b] ?? 0) || a - b);
  const rowOf: number[] = [];
  byKey.forEach((j, row) => { rowOf[j] = row; });
  const typed = byKey.map((j) => rows[j]);
  const holidayRows = s.holidays.map((h) => {
    const first = dayNumber(2027, 3, 1) + h.day;
    return h.length === 1 ? { Date: isoDay(first), Name: 'H' } : { Date: isoDay(first), 'End Date': isoDay(first + h.length - 1), Name: 'H' };
  });
  const holidayDays = s.holidays.flatMap((h) => Array.from({ length: h.length }, (_, k) => dayNumber(2027, 3, 1) + h.day + k));
  const settings: Record<string, string> = { 'Project Start': PROJECT_STARTS[s.projectStart][0] };
  if (cal.days) settings['Working Days'] = cal.days;
  if (cal.hours) settings['Working Hours'] = cal.hours;
  const doc = plan(typed, settings, { holidays: holidayRows });
  const refCal = refCalendar(cal.weekdays, cal.intervals, holidayDays);
  return { doc, rows: typed, rowOf, settings, holidayRows, tasks, refCal, projectStartSetting: PROJECT_STARTS[s.projectStart][1](cal) };
}

/**
 * Compares the engine's early dates and drivers with the reference. Returns the problems found,
 * each naming the task, the expected and the actual values.
 */
function check(s: Spec): string[] {
  const b = build(s);
  const c = calc(b.doc);
  const errors = c.issues.filter((i) => i.severity === 'error');
  if (errors.length || !c.schedule) return ['engine errors: ' + JSON.stringify(errors)];
  const r = c.schedule;
  const cal = b.refCal;
  const ref = referenceSchedule(cal, b.projectStartSetting, b.tasks);
  const problems: string[] = [];
  const net = r.network;
  b.tasks.forEach((t, j) => {
    const id = `T${j}`;
    const row = b.rowOf[j]; // the engine's index of task j
    // 1. Tight early dates, to the minute.
    if (r.earlyStart[row] !== ref.start[j] || r.start[row] !== ref.start[j]) {
      problems.push(`${id} start: expected ${fmt(ref.start[j])}, engine ${fmt(r.earlyStart[row])} (scheduled ${fmt(r.start[row])})`);
    }
    if (r.earlyFinish[row] !== ref.finish[j] || r.finish[row] !== ref.finish[j]) {
      problems.push(`${id} finish: expected ${fmt(ref.finish[j])}, engine ${fmt(r.earlyFinish[row])}`);
    }
    // The engine's own finish follows from its own start, in the reference's arithmetic.
    if (r.earlyFinish[row] !== finishOf(cal, t, r.earlyStart[row])) {
      problems.push(`${id} finish ${fmt(r.earlyFinish[row])} does not follow from its start ${fmt(r.earlyStart[row])} + ${DURATIONS[s.durations[j]][0]}`);
    }
    // 2. The driver binds: its bound asks exactly the task's start.
    const d = r.driver[row];
    const asked = (bound: Bound) => startFor(cal, t, bound);
    if (d >= 0) {
      const li = d >= net.linkStart[row] && d < net.linkStart[row + 1] ? t.links.findIndex((l) => b.rowOf[l.pred] === net.linkPred[d]) : -1;
      if (li < 0) problems.push(`${id} driver: link ${d} is not one of its links`);
      else if (asked(ref.bounds[j][li]) !== ref.start[j]) {
        problems.push(`${id} driver ${t.links[li].text} asks ${fmt(asked(ref.bounds[j][li]))}, the start is ${fmt(ref.start[j])}`);
      }
    } else if (d === Driver.ProjectStart) {
      const x = asked({ side: 'start', wall: ref.projectStart });
      if (x !== ref.start[j]) problems.push(`${id} driver is the project start ${fmt(x)}, the start is ${fmt(ref.start[j])}`);
    } else {
      problems.push(`${id} driver: unexpected code ${d}`);
    }
  });
  if (problems.length) {
    problems.unshift(`settings ${JSON.stringify(b.settings)} holidays ${JSON.stringify(b.holidayRows)} rows ${JSON.stringify(b.rows)}`);
  }
  return problems;
}

// ---- The reference itself, checked without the engine ----------------------------------

const DEFAULT_CAL = () => refCalendar(CALENDARS[0].weekdays, CALENDARS[0].intervals, []);
const at = (y: number, m: number, d: number, hh: number, mm = 0) => dayNumber(y, m, d) * DAY + hh * 60 + mm;
const MON = at(2027, 3, 1, 8);

describe('the reference calendar and schedule (no engine)', () => {
  test('W counts working minutes as a minute-by-minute walk does, and the sides invert it', () => {
    const c = refCalendar(CALENDARS[3].weekdays, CALENDARS[3].intervals, [dayNumber(2027, 3, 4), dayNumber(2027, 3, 9)]);
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
    expect(fmt(after(w(480), 'FS', { percent: 50 }, { dur: w(4800), links: [] }).start[1])).toBe(fmt(at(2027, 3, 22, 8)));
    expect(fmt(after(w(480), 'FS', { percent: 50 }, { dur: e(2880), links: [] }).start[1])).toBe(fmt(at(2027, 3, 4, 8)));
    expect(fmt(after(w(480), 'FS', e(2880)).start[1])).toBe(fmt(at(2027, 3, 8, 8))); // Sun 17:00 -> Mon 08:00
    expect(fmt(after(w(480), 'FS', e(3 * 1440)).start[1])).toBe(fmt(at(2027, 3, 9, 8)));
    const cure = after(e(3 * 1440), 'FS', w(0));
    expect([fmt(cure.start[1]), fmt(cure.finish[1])]).toEqual([fmt(at(2027, 3, 5, 17)), fmt(at(2027, 3, 8, 17))]);
    const m = after(w(0), 'FS', w(0));
    expect([fmt(m.start[1]), fmt(m.finish[1])]).toEqual([fmt(at(2027, 3, 5, 17)), fmt(at(2027, 3, 5, 17))]);
    expect(fmt(referenceSchedule(c, MON, [{ dur: w(0), links: [] }]).start[0])).toBe(fmt(MON));
    expect(fmt(after(w(480), 'SS', { percent: 33.3 }, { dur: w(3840), links: [] }).start[1])).toBe(fmt(at(2027, 3, 3, 14, 19)));
    const sixHours = referenceSchedule(c, MON, [{ dur: w(360), links: [] }, { dur: w(180), links: [{ pred: 0, type: 'FS', lag: w(0), text: '' }] }]);
    expect([fmt(sixHours.finish[0]), fmt(sixHours.start[1]), fmt(sixHours.finish[1])]).toEqual([fmt(at(2027, 3, 1, 15)), fmt(at(2027, 3, 1, 15)), fmt(at(2027, 3, 2, 9))]);
    const holiday = refCalendar(CALENDARS[0].weekdays, CALENDARS[0].intervals, [dayNumber(2027, 3, 3)]);
    expect(fmt(referenceSchedule(holiday, MON, [A5]).finish[0])).toBe(fmt(at(2027, 3, 8, 17)));
    expect(fmt(referenceSchedule(c, at(2027, 2, 27, 8), [A5]).start[0])).toBe(fmt(MON)); // a Saturday project start
  });
});

// ---- The engine against the reference --------------------------------------------------

describe('early dates are tight, to the minute, against an independent reference', () => {
  test('working-time durations and lags, five calendars, holidays', () => {
    fc.assert(fc.property(spec(false), (s) => expect(check(s)).toEqual([])), { numRuns: RUNS });
  });

  test('with elapsed durations and lags too', () => {
    fc.assert(fc.property(spec(true), (s) => expect(check(s)).toEqual([])), { numRuns: RUNS });
  });
});
