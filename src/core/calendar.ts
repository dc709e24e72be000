import { MINUTES_PER_DAY, Wall, dayOf, weekdayOfDay } from './time';

/** A working interval within a day, in minutes after midnight: [start, end). */
export interface WorkInterval {
  start: number;
  end: number;
}

export interface CalendarDefinition {
  /** Indexed by weekday, 0 = Sunday. */
  workingWeekdays: readonly boolean[];
  /** Sorted, non-overlapping, within one day. */
  intervals: readonly WorkInterval[];
  /** Day numbers (days since 1970-01-01) that are not worked. */
  holidays: Iterable<number>;
}

const INITIAL_SPAN_DAYS = 4 * 366;

/**
 * The project calendar. It maps wall-clock time to a *working index*: the
 * number of working minutes since an anchor day. All schedule arithmetic is
 * done on working indices; wall times come back through {@link startWall}
 * and {@link finishWall}, which differ only at the edges of working periods
 * (a task ending on Friday at 17:00 and its successor starting on Monday at
 * 08:00 share one working index).
 *
 * Look-ups are O(1) from wall to index and O(log days) back, over a table of
 * cumulative working minutes per day that grows on demand in both directions.
 */
export class WorkCalendar {
  readonly minutesPerDay: number;
  readonly intervals: readonly WorkInterval[];
  readonly workingWeekdays: readonly boolean[];
  private readonly holidaySet: Set<number>;
  /** workedBefore[m] = working minutes in a working day before minute-of-day m (m = 0..1440). */
  private readonly workedBefore: Int32Array;
  /** First day covered by the table. */
  private lo: number;
  /** cum[k] = working index at the start of day lo + k; one entry more than days covered. */
  private cum: Float64Array;
  private days: number;

  constructor(def: CalendarDefinition, anchorDay: number) {
    this.intervals = def.intervals.map((i) => ({ ...i }));
    this.workingWeekdays = [...def.workingWeekdays];
    this.holidaySet = new Set(def.holidays);
    this.workedBefore = new Int32Array(MINUTES_PER_DAY + 1);
    let worked = 0;
    for (let m = 0; m <= MINUTES_PER_DAY; m++) {
      this.workedBefore[m] = worked;
      if (m < MINUTES_PER_DAY && this.intervals.some((i) => m >= i.start && m < i.end)) worked++;
    }
    this.minutesPerDay = worked;
    if (worked === 0 || !this.workingWeekdays.some(Boolean)) {
      throw new Error('A calendar needs at least one working day and one working interval.');
    }
    this.lo = anchorDay - 7;
    this.days = INITIAL_SPAN_DAYS;
    this.cum = new Float64Array(this.days + 1);
    this.fill(0, 0);
  }

  isWorkingDay(day: number): boolean {
    return this.workingWeekdays[weekdayOfDay(day)] && !this.holidaySet.has(day);
  }

  isHoliday(day: number): boolean {
    return this.holidaySet.has(day);
  }

  /** Whether the minute that begins at `wall` is working time. */
  isWorkingMinute(wall: Wall): boolean {
    const day = dayOf(wall);
    if (!this.isWorkingDay(day)) return false;
    const m = wall - day * MINUTES_PER_DAY;
    return this.workedBefore[m + 1] - this.workedBefore[m] === 1;
  }

  /** Working minutes between the anchor and `wall` (negative before it). */
  index(wall: Wall): number {
    const day = dayOf(wall);
    this.cover(day);
    const k = day - this.lo;
    return this.isWorkingDay(day) ? this.cum[k] + this.workedBefore[wall - day * MINUTES_PER_DAY] : this.cum[k];
  }

  /** Working minutes from `a` to `b` (negative when b is before a). */
  workBetween(a: Wall, b: Wall): number {
    return this.index(b) - this.index(a);
  }

  /** The moment the working minute with index `i` begins: the start side of a boundary. */
  startWall(i: number): Wall {
    // Day d with cum[d] <= i < cum[d+1]: the first day whose end index exceeds i.
    const k = this.search(i, false);
    return this.wallInDay(k, i - this.cum[k], false);
  }

  /** The moment the working minute with index `i - 1` ends: the finish side of a boundary. */
  finishWall(i: number): Wall {
    // Day d with cum[d] < i <= cum[d+1].
    const k = this.search(i, true);
    return this.wallInDay(k, i - this.cum[k], true);
  }

  /** The next working moment at or after `wall` (where a task placed there starts). */
  snapStart(wall: Wall): Wall {
    return this.isWorkingMinute(wall) ? wall : this.startWall(this.index(wall));
  }

  /** The last working moment at or before `wall` (where a task ending there finishes). */
  snapFinish(wall: Wall): Wall {
    return this.isWorkingMinute(wall - 1) ? wall : this.finishWall(this.index(wall));
  }

  /** The first working moment of a day (the day's default start time). */
  dayStart(day: number): Wall {
    return day * MINUTES_PER_DAY + this.intervals[0].start;
  }

  /** The end of a day's last working interval (the day's default finish time). */
  dayEnd(day: number): Wall {
    return day * MINUTES_PER_DAY + this.intervals[this.intervals.length - 1].end;
  }

  private wallInDay(k: number, offset: number, finishSide: boolean): Wall {
    const base = (this.lo + k) * MINUTES_PER_DAY;
    let left = offset;
    for (const iv of this.intervals) {
      const len = iv.end - iv.start;
      if (finishSide ? left <= len : left < len) return base + iv.start + left;
      left -= len;
    }
    return base + this.intervals[this.intervals.length - 1].end;
  }

  /**
   * Table slot of the day holding index i. With `inclusive` false: last k with
   * cum[k] <= i and cum[k+1] > i; with true: cum[k] < i and cum[k+1] >= i.
   */
  private search(i: number, inclusive: boolean): number {
    while (inclusive ? this.cum[this.days] < i : this.cum[this.days] <= i) this.growForward();
    while (inclusive ? this.cum[0] >= i : this.cum[0] > i) this.growBackward();
    // first j with cum[j] > i (or >= i when inclusive), then step back one day.
    let a = 0;
    let b = this.days;
    const cum = this.cum;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (inclusive ? cum[mid] >= i : cum[mid] > i) b = mid;
      else a = mid + 1;
    }
    return a - 1;
  }

  private cover(day: number): void {
    while (day < this.lo) this.growBackward();
    while (day >= this.lo + this.days) this.growForward();
  }

  private fill(fromK: number, startValue: number): void {
    let acc = startValue;
    for (let k = fromK; k < this.days; k++) {
      this.cum[k] = acc;
      if (this.isWorkingDay(this.lo + k)) acc += this.minutesPerDay;
    }
    this.cum[this.days] = acc;
  }

  private growForward(): void {
    const old = this.cum;
    const oldDays = this.days;
    this.days = oldDays * 2;
    this.cum = new Float64Array(this.days + 1);
    this.cum.set(old);
    this.fill(oldDays, old[oldDays]);
  }

  private growBackward(): void {
    const old = this.cum;
    const add = this.days;
    this.days += add;
    this.lo -= add;
    this.cum = new Float64Array(this.days + 1);
    this.cum.set(old, add);
    let acc = old[0];
    for (let k = add - 1; k >= 0; k--) {
      if (this.isWorkingDay(this.lo + k)) acc -= this.minutesPerDay;
      this.cum[k] = acc;
    }
  }
}
