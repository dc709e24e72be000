/**
 * Wall-clock time as used by the whole engine: whole minutes since
 * 1970-01-01 00:00, read as local "floating" time with no zone and no
 * daylight-saving shifts (a plan's 08:00 is 08:00 whatever the machine's zone).
 * Excel stores dates the same way, as zone-less serial days.
 */
export type Wall = number;

export const MINUTES_PER_DAY = 1440;
/** Excel's serial day number of 1970-01-01 (1900 date system). */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;

export function wallFromParts(year: number, month: number, day: number, hour = 0, minute = 0): Wall {
  return Math.round(Date.UTC(year, month - 1, day, hour, minute) / 60000);
}

/**
 * The last moment the scheduler places a task at: the end of the year 5999. It keeps dates in
 * 32 bits, which last until the year 6053 (Microsoft Project stops at 2149, Excel at 9999).
 */
export const LAST_PLACEABLE_WALL: Wall = wallFromParts(6000, 1, 1);
export const LAST_PLACEABLE_YEAR = 5999;
/** The first moment a late date may fall on: the year 1000 (late dates before Excel's 1900 need negative float of centuries). */
export const FIRST_PLACEABLE_WALL: Wall = wallFromParts(1000, 1, 1);
/**
 * How far a run's dates may lie from its project start: 3,900 years. Working indices count
 * working minutes from the project start in 32 bits too; around-the-clock working time fills
 * them in 4,085 years, and 3,900 leaves room for a lag of the longest kind beyond the last date.
 */
export const MAX_SPAN_MINUTES = 3900 * 525960;

/** Reads a JS Date by its UTC fields, which is how ExcelJS hands over zone-less Excel dates. */
export function wallFromDate(date: Date): Wall {
  return Math.round(date.getTime() / 60000);
}

export function dayOf(wall: Wall): number {
  return Math.floor(wall / MINUTES_PER_DAY);
}

export function minuteOfDay(wall: Wall): number {
  return wall - dayOf(wall) * MINUTES_PER_DAY;
}

/** 0 = Sunday ... 6 = Saturday, for a day number (days since 1970-01-01, a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function excelSerialFromWall(wall: Wall): number {
  return wall / MINUTES_PER_DAY + EXCEL_EPOCH_OFFSET_DAYS;
}

export function wallFromExcelSerial(serial: number): Wall {
  return Math.round((serial - EXCEL_EPOCH_OFFSET_DAYS) * MINUTES_PER_DAY);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const dayText = new Map<number, string>();

/** `YYYY-MM-DD` of a day number, cached: a large schedule has many dates on few days. */
function formatDayNumber(day: number): string {
  let text = dayText.get(day);
  if (text === undefined) {
    const d = new Date(day * 86400000);
    text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (dayText.size > 100000) dayText.clear();
    dayText.set(day, text);
  }
  return text;
}

/** `YYYY-MM-DDTHH:mm`, the contract's date-time form. */
export function formatWall(wall: Wall): string {
  const day = Math.floor(wall / MINUTES_PER_DAY);
  const m = wall - day * MINUTES_PER_DAY;
  return `${formatDayNumber(day)}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** `YYYY-MM-DD`. */
export function formatDay(wall: Wall): string {
  return formatWall(wall).slice(0, 10);
}

export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `27 May 2027`: a day with its month's name, which no reader can take the wrong way round. */
export function formatLongDay(wall: Wall): string {
  const [y, m, d] = formatDay(wall).split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** `Mon 2027-03-01 08:00`: how dates read in messages and tables. */
export function formatWallReadable(wall: Wall): string {
  return `${WEEKDAY_NAMES[weekdayOfDay(dayOf(wall))]} ${formatWall(wall).replace('T', ' ')}`;
}

/** `Mon 24 May 2027 08:00`: a moment in words, as over-allocation warnings say it. */
export function formatMoment(wall: Wall): string {
  return `${WEEKDAY_NAMES[weekdayOfDay(dayOf(wall))]} ${formatLongDay(wall)} ${formatWall(wall).slice(11)}`;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export interface ParsedDate {
  wall: Wall;
  /** false when only a day was given: callers then apply the default start or finish time. */
  hasTime: boolean;
}

function parseClock(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const ampm = m[4]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** The order of day, month and year in a date typed with numbers only (`05/27/2027`): the `Date Order` setting. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

export const DATE_ORDERS: readonly DateOrder[] = ['MDY', 'DMY', 'YMD'];

/** What a date typed with numbers only (`05/27/2027`, `27.05.27`, `2027/5/27 8:00`) says. */
export type NumericDate =
  | { kind: 'date'; date: ParsedDate }
  | { kind: 'ambiguous'; readings: [Wall, Wall] }
  | { kind: 'invalid'; reason: string }
  | { kind: 'none' };

/** A two-digit year as Excel reads it: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const y = Number(text);
  return text.length > 2 ? y : y < 30 ? 2000 + y : 1900 + y;
}

/**
 * Reads a date typed with numbers only. A year of four digits first is year-month-day whatever the
 * order. Otherwise `order` says which number is the month; without it, a date is read only when one
 * reading is a valid date (`05/27/2027` cannot be day-first) or both readings agree (`05/05/2027`).
 */
export function parseNumericDate(text: string, order: DateOrder | null): NumericDate {
  const m = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:\s+(.+))?$/.exec(text.trim());
  if (!m) return { kind: 'none' };
  const [, a, , b, c, rest] = m;
  let clock = 0;
  if (rest !== undefined) {
    const parsed = parseClock(rest);
    if (parsed === null) return { kind: 'invalid', reason: `"${rest}" is not a time of day` };
    clock = parsed;
  }
  const at = (y: number, mo: number, d: number): Wall | null =>
    validDate(y, mo, d) ? wallFromParts(y, mo, d) + clock : null;
  const done = (wall: Wall): NumericDate => ({ kind: 'date', date: { wall, hasTime: rest !== undefined } });
  if (a.length === 4 || order === 'YMD') {
    if (a.length < 3) return { kind: 'invalid', reason: 'with Date Order YMD, write the year first (2027/05/27)' };
    const wall = at(fullYear(a), Number(b), Number(c));
    return wall === null ? { kind: 'invalid', reason: 'there is no such day' } : done(wall);
  }
  if (c.length !== 2 && c.length !== 4) return { kind: 'none' };
  const year = fullYear(c);
  const mdy = at(year, Number(a), Number(b));
  const dmy = at(year, Number(b), Number(a));
  if (order === 'MDY' || order === 'DMY') {
    const wall = order === 'MDY' ? mdy : dmy;
    return wall === null ? { kind: 'invalid', reason: `there is no such day when read ${order}` } : done(wall);
  }
  if (mdy === null && dmy === null) return { kind: 'invalid', reason: 'there is no such day, read either way' };
  if (mdy === null || dmy === null || mdy === dmy) return done((mdy ?? dmy)!);
  return { kind: 'ambiguous', readings: [mdy, dmy] };
}

/**
 * Parses a date typed as text. Accepted: ISO `2027-03-01`, `2027-03-01T08:00`,
 * `2027-03-01 08:00`, and forms with a month name (`1 Mar 2027`, `Mar 1, 2027`).
 * Slashed forms like `3/1/2027` are refused: their day/month order depends on
 * the locale, and the product never guesses.
 */
export function parseDateText(text: string): ParsedDate | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.+))?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) return null;
    if (m[4] === undefined) return { wall: wallFromParts(y, mo, d), hasTime: false };
    const clock = parseClock(m[4]);
    if (clock === null) return null;
    return { wall: wallFromParts(y, mo, d) + clock, hasTime: true };
  }
  m = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-,]+(\d{4})(?:\s+(.+))?$/i.exec(s);
  let y: number, mo: number | undefined, d: number, rest: string | undefined;
  if (m) {
    d = Number(m[1]);
    mo = MONTHS[m[2].toLowerCase().slice(0, 3)];
    y = Number(m[3]);
    rest = m[4];
  } else {
    m = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(.+))?$/i.exec(s);
    if (!m) return null;
    mo = MONTHS[m[1].toLowerCase().slice(0, 3)];
    d = Number(m[2]);
    y = Number(m[3]);
    rest = m[4];
  }
  if (mo === undefined || !validDate(y, mo, d)) return null;
  if (rest === undefined) return { wall: wallFromParts(y, mo, d), hasTime: false };
  const clock = parseClock(rest);
  if (clock === null) return null;
  return { wall: wallFromParts(y, mo, d) + clock, hasTime: true };
}

/** `08:00`, `8:00`, `8`, `8am`, `5:30 PM` to minutes after midnight; null if not a time of day. */
export function parseTimeOfDay(text: string): number | null {
  const s = text.trim();
  const bare = /^(\d{1,2})\s*(am|pm)?$/i.exec(s);
  if (bare) return parseClock(`${bare[1]}:00${bare[2] ? ' ' + bare[2] : ''}`);
  return parseClock(s);
}
