import { MINUTES_PER_DAY, Wall, weekdayOfDay } from './time';

/** A working interval within a day, in minutes after midnight: [start, end). */
export interface WorkInterval {
  start: number;
  end: number;
}

export interface CalendarDefinition {
  /** Indexed by weekday, 0 = Sunday. */
  workingWeekdays: readonly boolean[];
  /** Sorted, non-overlapping, within one day: the hours of each working weekday (the standard day). */
  intervals: readonly WorkInterval[];
  /** Day numbers (days since 1970-01-01) that are not worked. */
  holidays: Iterable<number>;
  /**
   * Hours that differ by weekday (indexed by weekday, 0 = Sunday; an empty list is a day off),
   * such as `Mon-Fri 07:00-19:00, Sat 08:00-13:00` or a night shift's `22:00-24:00` on its first
   * day and `00:00-06:00` on the next. When given, it decides which days are worked and
   * `workingWeekdays` and `intervals` only name the standard day (see {@link WorkCalendar.minutesPerDay}).
   */
  weekdayIntervals?: readonly (readonly WorkInterval[])[];
  /** Days with hours of their own (a Saturday shoot), by day number: they override weekdays and holidays. */
  exceptions?: ReadonlyMap<number, readonly WorkInterval[]>;
}

/** A day's working hours, as tables: minutes worked before each minute, and each working minute's edges. */
interface DayPattern {
  intervals: readonly WorkInterval[];
  minutes: number;
  /** workedBefore[m]: working minutes before minute-of-day m (m = 0..1440). */
  workedBefore: Int32Array;
  /** Minute of day at which working minute o of the day begins (o = 0..minutes-1), and ends (o = 1..minutes). */
  startMinute: Int32Array;
  finishMinute: Int32Array;
}

function dayPattern(intervals: readonly WorkInterval[]): DayPattern {
  const workedBefore = new Int32Array(MINUTES_PER_DAY + 1);
  let worked = 0;
  for (let m = 0; m <= MINUTES_PER_DAY; m++) {
    workedBefore[m] = worked;
    if (m < MINUTES_PER_DAY && intervals.some((i) => m >= i.start && m < i.end)) worked++;
  }
  const startMinute = new Int32Array(worked);
  const finishMinute = new Int32Array(worked + 1);
  for (let m = 0; m < MINUTES_PER_DAY; m++) {
    if (workedBefore[m + 1] > workedBefore[m]) {
      startMinute[workedBefore[m]] = m;
      finishMinute[workedBefore[m + 1]] = m + 1;
    }
  }
  return { intervals: intervals.map((i) => ({ ...i })), minutes: worked, workedBefore, startMinute, finishMinute };
}

function sameIntervals(a: readonly WorkInterval[], b: readonly WorkInterval[]): boolean {
  return a.length === b.length && a.every((x, k) => x.start === b[k].start && x.end === b[k].end);
}

const BEFORE_ANCHOR_DAYS = 366;
const AFTER_ANCHOR_DAYS = 4 * 366;

/**
 * The project calendar. It maps wall-clock time to a *working index*: the
 * number of working minutes since an anchor day. All schedule arithmetic is
 * done on working indices; wall times come back through {@link startWall}
 * and {@link finishWall}, which differ only at the edges of working periods
 * (a task ending on Friday at 17:00 and its successor starting on Monday at
 * 08:00 share one working index).
 *
 * Both directions are O(1) table look-ups: every working day has the same
 * working minutes, so an index falls on working day number
 * floor(index / minutesPerDay), and a table maps that number to its date.
 * The tables cover a span of days around the anchor and grow on demand.
 */
export class WorkCalendar {
  readonly minutesPerDay: number;
  readonly intervals: readonly WorkInterval[];
  readonly workingWeekdays: readonly boolean[];
  private readonly holidaySet: Set<number>;
  private readonly anchorDay: number;
  /** workedBefore[m]: working minutes in a working day before minute-of-day m (m = 0..1440). */
  private readonly workedBefore: Int32Array;
  /** Minute of day at which working minute o of a day begins (o = 0..mpd-1), and ends (o = 1..mpd). */
  private readonly startMinute: Int32Array;
  private readonly finishMinute: Int32Array;

  /** First day covered, and the number of days covered. */
  private lo = 0;
  private days = 0;
  /** working[k]: day lo + k is worked. */
  private working = new Uint8Array(0);
  /** cum[k]: working index at the start of day lo + k (one entry more than days). */
  private cum = new Float64Array(1);
  /** slotOfWorkday[w]: table slot of the w-th working day from lo. */
  private slotOfWorkday = new Int32Array(0);
  /**
   * Hours that differ from day to day (by weekday, or on exception days): the day patterns (0 is
   * a day off), each weekday's and each exception day's pattern, and each table slot's. Null for a
   * calendar whose working days all have the same hours, which the tables above serve in O(1).
   */
  private readonly patterns: DayPattern[] | null = null;
  private readonly weekdayPattern = new Int32Array(7);
  private readonly exceptionPattern = new Map<number, number>();
  private patternOfSlot = new Int32Array(0);

  constructor(def: CalendarDefinition, anchorDay: number) {
    this.intervals = def.intervals.map((i) => ({ ...i }));
    this.workingWeekdays = [...def.workingWeekdays];
    this.holidaySet = new Set(def.holidays);
    this.anchorDay = anchorDay;
    // The standard day's tables: every working day's in a calendar of the same hours every day.
    const standard = dayPattern(this.intervals);
    this.workedBefore = standard.workedBefore;
    this.startMinute = standard.startMinute;
    this.finishMinute = standard.finishMinute;
    this.minutesPerDay = standard.minutes;
    if (standard.minutes === 0 || !this.workingWeekdays.some(Boolean)) {
      throw new Error('A calendar needs at least one working day and one working interval.');
    }
    if (isGeneral(def)) {
      const patterns: DayPattern[] = [dayPattern([])];
      const idOf = (intervals: readonly WorkInterval[]): number => {
        let id = patterns.findIndex((p) => sameIntervals(p.intervals, intervals));
        if (id < 0) id = patterns.push(dayPattern(intervals)) - 1;
        return id;
      };
      const week = def.weekdayIntervals ?? def.workingWeekdays.map((w) => (w ? def.intervals : []));
      for (let d = 0; d < 7; d++) this.weekdayPattern[d] = idOf(week[d] ?? []);
      for (const h of this.holidaySet) this.exceptionPattern.set(h, 0);
      for (const [day, intervals] of def.exceptions ?? []) this.exceptionPattern.set(day, idOf(intervals));
      if (!patterns.some((p) => p.minutes > 0))
        throw new Error('A calendar needs at least one working day and one working interval.');
      this.patterns = patterns;
    }
    this.rebuild(anchorDay - BEFORE_ANCHOR_DAYS, BEFORE_ANCHOR_DAYS + AFTER_ANCHOR_DAYS);
  }

  /** The hours of a day, in the general mode. */
  private patternOfDay(day: number): DayPattern {
    const p = this.patterns!;
    const e = this.exceptionPattern.get(day);
    return p[e !== undefined ? e : this.weekdayPattern[weekdayOfDay(day)]];
  }

  isWorkingDay(day: number): boolean {
    if (this.patterns) return this.patternOfDay(day).minutes > 0;
    return this.workingWeekdays[weekdayOfDay(day)] && !this.holidaySet.has(day);
  }

  /** Whether the minute that begins at `wall` is working time. */
  isWorkingMinute(wall: Wall): boolean {
    const day = Math.floor(wall / MINUTES_PER_DAY);
    const k = this.slot(day);
    if (this.working[k] === 0) return false;
    const m = wall - day * MINUTES_PER_DAY;
    const before = this.patterns ? this.patterns[this.patternOfSlot[k]].workedBefore : this.workedBefore;
    return before[m + 1] !== before[m];
  }

  /** Working minutes between the anchor and `wall` (negative before it). */
  index(wall: Wall): number {
    const day = Math.floor(wall / MINUTES_PER_DAY);
    const k = this.slot(day);
    if (this.working[k] === 0) return this.cum[k];
    const before = this.patterns ? this.patterns[this.patternOfSlot[k]].workedBefore : this.workedBefore;
    return this.cum[k] + before[wall - day * MINUTES_PER_DAY];
  }

  /** Working minutes from `a` to `b` (negative when b is before a). */
  workBetween(a: Wall, b: Wall): number {
    return this.index(b) - this.index(a);
  }

  /** The moment the working minute with index `i` begins: the start side of a boundary. */
  startWall(i: number): Wall {
    if (this.patterns) {
      const k = this.slotWith(i, false);
      return (this.lo + k) * MINUTES_PER_DAY + this.patterns[this.patternOfSlot[k]].startMinute[i - this.cum[k]];
    }
    const mpd = this.minutesPerDay;
    let offset = i - this.cum[0];
    let w = Math.floor(offset / mpd);
    while (w < 0 || w >= this.slotOfWorkday.length) {
      this.grow(w < 0);
      offset = i - this.cum[0];
      w = Math.floor(offset / mpd);
    }
    return (this.lo + this.slotOfWorkday[w]) * MINUTES_PER_DAY + this.startMinute[offset - w * mpd];
  }

  /** The moment the working minute with index `i - 1` ends: the finish side of a boundary. */
  finishWall(i: number): Wall {
    if (this.patterns) {
      const k = this.slotWith(i, true);
      return (this.lo + k) * MINUTES_PER_DAY + this.patterns[this.patternOfSlot[k]].finishMinute[i - this.cum[k]];
    }
    const mpd = this.minutesPerDay;
    let offset = i - this.cum[0];
    let w = Math.ceil(offset / mpd) - 1;
    while (w < 0 || w >= this.slotOfWorkday.length) {
      this.grow(w < 0);
      offset = i - this.cum[0];
      w = Math.ceil(offset / mpd) - 1;
    }
    return (this.lo + this.slotOfWorkday[w]) * MINUTES_PER_DAY + this.finishMinute[offset - w * mpd];
  }

  /** The next working moment at or after `wall` (where a task placed there starts). */
  snapStart(wall: Wall): Wall {
    return this.isWorkingMinute(wall) ? wall : this.startWall(this.index(wall));
  }

  /** The last working moment at or before `wall` (where a task ending there finishes). */
  snapFinish(wall: Wall): Wall {
    return this.isWorkingMinute(wall - 1) ? wall : this.finishWall(this.index(wall));
  }

  /** The first working moment of a day (the day's default start time); the standard day's on a day off. */
  dayStart(day: number): Wall {
    const own = this.patterns ? this.patternOfDay(day).intervals : this.intervals;
    return day * MINUTES_PER_DAY + (own.length ? own : this.intervals)[0].start;
  }

  /** The end of a day's last working interval (the day's default finish time); the standard day's on a day off. */
  dayEnd(day: number): Wall {
    const own = this.patterns ? this.patternOfDay(day).intervals : this.intervals;
    const list = own.length ? own : this.intervals;
    return day * MINUTES_PER_DAY + list[list.length - 1].end;
  }

  /**
   * General mode: the table slot of the day holding working minute i, by binary search over the
   * days' cumulative minutes: on the start side the day where minute i begins, on the finish side
   * the day where minute i - 1 ends.
   */
  private slotWith(i: number, finishSide: boolean): number {
    while (finishSide ? i <= this.cum[0] : i < this.cum[0]) this.grow(true);
    while (finishSide ? i > this.cum[this.days] : i >= this.cum[this.days]) this.grow(false);
    // The smallest k with cum[k + 1] > i (start side) or >= i (finish side).
    let a = 0;
    let b = this.days - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      const next = this.cum[mid + 1];
      if (finishSide ? next >= i : next > i) b = mid;
      else a = mid + 1;
    }
    return a;
  }

  /** Table slot of a day, growing the table to cover it. */
  private slot(day: number): number {
    let k = day - this.lo;
    while (k < 0 || k >= this.days) {
      this.grow(k < 0);
      k = day - this.lo;
    }
    return k;
  }

  private grow(backward: boolean): void {
    if (backward) this.rebuild(this.lo - this.days, this.days * 2);
    else this.rebuild(this.lo, this.days * 2);
  }

  /** Recomputes the tables for days [lo, lo + days); the anchor day keeps index 0, so indices never move. */
  private rebuild(lo: number, days: number): void {
    const working = new Uint8Array(days);
    const patternOfSlot = this.patterns ? new Int32Array(days) : this.patternOfSlot;
    const minutes = new Float64Array(days);
    let workdays = 0;
    for (let k = 0; k < days; k++) {
      if (this.patterns) {
        const e = this.exceptionPattern.get(lo + k);
        const id = e !== undefined ? e : this.weekdayPattern[weekdayOfDay(lo + k)];
        patternOfSlot[k] = id;
        minutes[k] = this.patterns[id].minutes;
      } else if (this.isWorkingDay(lo + k)) {
        minutes[k] = this.minutesPerDay;
      }
      if (minutes[k] > 0) {
        working[k] = 1;
        workdays++;
      }
    }
    const cum = new Float64Array(days + 1);
    const slotOfWorkday = new Int32Array(workdays);
    const anchor = this.anchorDay - lo;
    let before = 0;
    for (let k = 0; k < anchor; k++) before += minutes[k];
    let acc = -before;
    let w = 0;
    for (let k = 0; k < days; k++) {
      cum[k] = acc;
      if (working[k] === 1) {
        slotOfWorkday[w++] = k;
        acc += minutes[k];
      }
    }
    cum[days] = acc;
    this.lo = lo;
    this.days = days;
    this.working = working;
    this.cum = cum;
    this.slotOfWorkday = slotOfWorkday;
    this.patternOfSlot = patternOfSlot;
  }
}

/** Whether a calendar needs the general mode: hours that differ by weekday, or days with hours of their own. */
function isGeneral(def: CalendarDefinition): boolean {
  if (def.exceptions && [...def.exceptions.values()].some((x) => x.length > 0)) return true;
  if (!def.weekdayIntervals) return false;
  return def.weekdayIntervals.some(
    (x, d) => x.length > 0 !== Boolean(def.workingWeekdays[d]) || (x.length > 0 && !sameIntervals(x, def.intervals)),
  );
}

/** The default Working Hours: 08:00-12:00 and 13:00-17:00. */
export const DEFAULT_INTERVALS: WorkInterval[] = [
  { start: 8 * 60, end: 12 * 60 },
  { start: 13 * 60, end: 17 * 60 },
];

/** Working minutes in a day of these hours: how long `1d` is. */
export function minutesPerDay(intervals: WorkInterval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}
