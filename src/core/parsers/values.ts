import type { WorkInterval } from '../calendar';
import type { Assignment, ConstraintType } from '../model';
import type { RawCell, RawValue } from '../raw';
import {
  DateOrder,
  ParsedDate,
  Wall,
  formatLongDay,
  parseDateText,
  parseNumericDate,
  parseTimeOfDay,
  wallFromExcelSerial,
} from '../time';
import { clip } from '../helpers';
import type { Parsed } from './parsed';

/** Excel's largest date, 9999-12-31. */
const MAX_SERIAL = 2958465;

/**
 * A date cell: an Excel date, an Excel serial number, or text in an unambiguous form. Dates typed
 * with numbers only (`05/27/2027`) are read in `order` (the Date Order setting), or without one
 * only when a single reading is a date.
 */
export function parseDateCell(v: RawValue, order: DateOrder | null = null): Parsed<ParsedDate> {
  if (v !== null && typeof v === 'object' && v.kind === 'date') {
    return { ok: true, value: { wall: v.wall, hasTime: v.wall % 1440 !== 0 } };
  }
  if (typeof v === 'number') {
    if (v >= 1 && v <= MAX_SERIAL) {
      const wall = wallFromExcelSerial(v);
      return { ok: true, value: { wall, hasTime: wall % 1440 !== 0 } };
    }
    return { ok: false, message: `${v} is not a date` };
  }
  if (typeof v === 'string') {
    const d = parseDateText(v);
    if (d) return { ok: true, value: d };
    const n = parseNumericDate(v, order);
    if (n.kind === 'date') return { ok: true, value: n.date };
    if (n.kind === 'ambiguous') {
      const [mdy, dmy] = n.readings.map((w) => formatLongDay(w));
      return {
        ok: false,
        message: `"${clip(v)}" could be ${mdy} (month first) or ${dmy} (day first): add a Date Order setting (MDY or DMY), or enter it as an Excel date or as 2027-03-01`,
      };
    }
    if (n.kind === 'invalid') return { ok: false, message: `"${clip(v)}" is not a date: ${n.reason}` };
    return {
      ok: false,
      message: `"${clip(v)}" is not a date: enter an Excel date or 2027-03-01 (with a time: 2027-03-01 08:00)`,
    };
  }
  if (v !== null && typeof v === 'object')
    return { ok: false, message: `the cell shows the error ${v.text}, not a date` };
  return { ok: false, message: 'this is not a date' };
}

/** A plain number; text like `1,250.50` or `$1,250` is read too. */
export function parseNumberCell(v: RawValue, what = 'a number'): Parsed<number> {
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: v };
  if (typeof v === 'string') {
    const t = v
      .trim()
      .replace(/^[$€£¥]\s*/, '')
      .replace(/\s*(USD|EUR|GBP)$/i, '');
    if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t) || /^[+-]?\.\d+$/.test(t)) {
      return { ok: true, value: Number(t.replace(/,/g, '')) };
    }
    if (/^\(\d[\d,]*(\.\d+)?\)$/.test(t)) return { ok: true, value: -Number(t.slice(1, -1).replace(/,/g, '')) };
    return { ok: false, message: `"${clip(v)}" is not ${what}` };
  }
  if (v !== null && typeof v === 'object') {
    return {
      ok: false,
      message: v.kind === 'error' ? `the cell shows the error ${v.text}, not ${what}` : `a date is not ${what}`,
    };
  }
  if (typeof v === 'boolean') return { ok: false, message: `${v ? 'TRUE' : 'FALSE'} is not ${what}` };
  return { ok: false, message: `this is not ${what}` };
}

/** The largest amount of money read: 10^13, whose cents Excel's 15 digits still hold exactly. */
export const MAX_AMOUNT = 1e13;
/** The smallest amount read other than zero: below it, shares and ratios of it overflow. */
export const MIN_AMOUNT = 1e-6;

/** An amount of money: a number (as parseNumberCell reads it) within what money can be. */
export function parseAmountCell(v: RawValue): Parsed<number> {
  const p = parseNumberCell(v, 'an amount');
  if (!p.ok) return p;
  const size = Math.abs(p.value);
  if (size > MAX_AMOUNT)
    return { ok: false, message: `${String(v).trim()} is more than any amount of money (at most 10,000,000,000,000)` };
  if (size > 0 && size < MIN_AMOUNT)
    return { ok: false, message: `${String(v).trim()} is less than any amount of money (at least 0.000001)` };
  return p;
}

export interface PercentRead {
  /** 0 to 100. */
  value: number;
  /** Set when the reading of the cell is worth telling the user. */
  note?: string;
}

/**
 * % Complete as typed: `40%`, `0.4` or `40`. A number up to 1 is a fraction
 * (that is how Excel stores a typed `40%`), above 1 a percentage; a bare 1
 * outside a percent-formatted cell is read as 100% and said so.
 */
export function parsePercentCell(cell: RawCell): Parsed<PercentRead> {
  const v = cell.value;
  let n: number;
  let typedPercent = cell.percent === true;
  if (typeof v === 'string') {
    const t = v.trim();
    const m = /^(\d+(?:\.\d*)?|\.\d+)\s*(%?)$/.exec(t);
    if (!m) return { ok: false, message: `"${clip(v)}" is not a percentage: write 40%, 0.4 or 40` };
    n = Number(m[1]);
    if (m[2] === '%') {
      if (n > 100) return { ok: false, message: `${t} is more than 100%` };
      return { ok: true, value: { value: n } };
    }
    typedPercent = false;
  } else if (typeof v === 'number' && Number.isFinite(v)) {
    n = v;
  } else {
    return { ok: false, message: 'this is not a percentage: write 40%, 0.4 or 40' };
  }
  if (n < 0) return { ok: false, message: `${n} is negative: % Complete runs from 0 to 100%` };
  if (typedPercent) {
    if (n > 1) return { ok: false, message: `${Math.round(n * 100)}% is more than 100%` };
    return { ok: true, value: { value: n * 100 } };
  }
  if (n < 1) return { ok: true, value: { value: n * 100 } };
  if (n === 1)
    return { ok: true, value: { value: 100, note: 'read 1 as 100% complete; write 1% if one percent was meant' } };
  if (n > 100) return { ok: false, message: `${n} is more than 100%` };
  return { ok: true, value: { value: n } };
}

const CONSTRAINTS: Record<string, ConstraintType> = {
  asap: 'ASAP',
  assoonaspossible: 'ASAP',
  alap: 'ALAP',
  aslateaspossible: 'ALAP',
  snet: 'SNET',
  startnoearlierthan: 'SNET',
  snlt: 'SNLT',
  startnolaterthan: 'SNLT',
  fnet: 'FNET',
  finishnoearlierthan: 'FNET',
  fnlt: 'FNLT',
  finishnolaterthan: 'FNLT',
  mso: 'MSO',
  muststarton: 'MSO',
  mfo: 'MFO',
  mustfinishon: 'MFO',
};

export function parseConstraint(text: string): Parsed<ConstraintType> {
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  const c = CONSTRAINTS[key];
  if (c) return { ok: true, value: c };
  return {
    ok: false,
    message: `"${clip(text)}" is not a constraint type: use ASAP, ALAP, SNET, SNLT, FNET, FNLT, MSO or MFO`,
  };
}

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** 0 = Sunday; accepts any prefix of two letters or more (`Mo`, `Tue`, `Thurs`). */
function dayIndex(word: string): number {
  const w = word.trim().toLowerCase();
  return w.length < 2 ? -1 : DAY_NAMES.findIndex((d) => d.startsWith(w));
}

/**
 * Excel's WORKDAY.INTL weekend codes: 1-7 (two-day weekends: 1 Sat-Sun, 2 Sun-Mon ... 7 Fri-Sat),
 * 11-17 (one day: 11 Sun ... 17 Sat), or seven 0/1 digits Monday to Sunday (`0000011`), 1 for a
 * day off. Null when the text is none of these; a week with no working day is refused.
 */
function weekendCode(text: string): Parsed<boolean[]> | null {
  // Days off indexed Sunday = 0, as weekdayOfDay counts them.
  let off: number[];
  if (/^[01]{7}$/.test(text)) off = [...text].flatMap((c, i) => (c === '1' ? [(i + 1) % 7] : []));
  else if (/^[1-7]$/.test(text)) off = [(Number(text) + 5) % 7, (Number(text) + 6) % 7];
  else if (/^1[1-7]$/.test(text)) off = [Number(text) - 11];
  else return null;
  const days = [0, 1, 2, 3, 4, 5, 6].map((d) => !off.includes(d));
  if (!days.some(Boolean)) return { ok: false, message: `"${text}" leaves no working day in the week` };
  return { ok: true, value: days };
}

/** Working days: `Mon-Fri`, `Mon-Sat`, `Sun-Thu`, `Mon,Tue,Thu`, full names too; or an Excel weekend code. */
export function parseWorkingDays(text: string): Parsed<boolean[]> {
  const code = weekendCode(text.trim());
  if (code !== null) return code;
  const days = [false, false, false, false, false, false, false];
  const bad = {
    ok: false as const,
    message: `"${clip(text)}" is not a list of working days: write Mon-Fri, Mon-Sat or Mon,Tue,Thu, or a weekend code as WORKDAY.INTL takes (1, 11, "0000011")`,
  };
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return bad;
  for (const part of parts) {
    const range = part.split(/\s*(?:-|–|to)\s*/i);
    if (range.length === 1) {
      const d = dayIndex(range[0]);
      if (d < 0) return bad;
      days[d] = true;
    } else if (range.length === 2) {
      const a = dayIndex(range[0]);
      const b = dayIndex(range[1]);
      if (a < 0 || b < 0) return bad;
      for (let d = a; ; d = (d + 1) % 7) {
        days[d] = true;
        if (d === b) break;
      }
    } else {
      return bad;
    }
  }
  return { ok: true, value: days };
}

/** Working hours: `08:00-12:00,13:00-17:00`, `8-12, 13-17`, `8am-5pm`. */
export function parseWorkingHours(text: string): Parsed<WorkInterval[]> {
  const bad = (why: string) => ({
    ok: false as const,
    message: `"${clip(text)}" ${why}: write intervals like 08:00-12:00,13:00-17:00`,
  });
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return bad('has no working hours');
  const out: WorkInterval[] = [];
  for (const part of parts) {
    const ends = part.split(/\s*(?:-|–|to)\s*/i);
    if (ends.length !== 2) return bad('is not a list of time intervals');
    const start = parseTimeOfDay(ends[0]);
    const end = parseTimeOfDay(ends[1]);
    if (start === null || end === null) return bad('is not a list of time intervals');
    if (end <= start) return bad(`has an interval that ends before it starts (${part})`);
    out.push({ start, end });
  }
  out.sort((a, b) => a.start - b.start);
  for (let i = 1; i < out.length; i++) {
    if (out[i].start < out[i - 1].end) return bad('has overlapping intervals');
  }
  return { ok: true, value: out };
}

/**
 * A week of working hours, as a calendar's Working Hours cell gives it: the same hours every
 * working day (`08:00-12:00,13:00-17:00`), hours by weekday (`Mon-Fri 07:00-19:00, Sat
 * 08:00-13:00`), shifts (`06:00-14:00,14:00-22:00`), a night shift crossing midnight
 * (`22:00-06:00`: from 22:00 on each working day to 06:00 the next morning) or around the clock
 * (`24h`, `00:00-24:00`).
 */
export interface WeekHours {
  /** The standard day: how long `1d` is, the hour columns of the Gantt, a date's default time. */
  standard: WorkInterval[];
  /** The days that have hours (0 = Sunday). */
  workingWeekdays: boolean[];
  /** Each weekday's hours, or null when every working day has the standard hours. */
  week: WorkInterval[][] | null;
}

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Working Hours with the days they apply to when they name none (the Working Days). */
export function parseWeekHours(text: string, workingDays: readonly boolean[]): Parsed<WeekHours> {
  const bad = (why: string) => ({
    ok: false as const,
    message: `"${clip(text)}" ${why}: write intervals like 08:00-12:00,13:00-17:00, days before them like Mon-Fri 07:00-19:00, Sat 08:00-13:00, or 22:00-06:00 for a night shift`,
  });
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return bad('has no working hours');
  // Each piece of hours on its day: [weekday, start, end, the part it came from].
  const pieces: [number, number, number, string][] = [];
  let days = [...workingDays];
  for (const part of parts) {
    let hours = part;
    const prefixed = /^([A-Za-z][A-Za-z]*(?:\s*(?:-|–|to)\s*[A-Za-z]+)?)\s+(\S.*)$/.exec(part);
    if (prefixed && !/^(am|pm)$/i.test(prefixed[1])) {
      const d = parseWorkingDays(prefixed[1]);
      if (!d.ok) return bad(`names days that are not weekdays (${prefixed[1]})`);
      days = d.value;
      hours = prefixed[2];
    }
    let start: number | null;
    let end: number | null;
    if (/^24\s*h(ours)?$/i.test(hours)) [start, end] = [0, MINUTES_IN_DAY];
    else {
      const ends = hours.split(/\s*(?:-|–|to)\s*/i);
      if (ends.length !== 2) return bad('is not a list of time intervals');
      [start, end] = [parseTimeOfDay(ends[0]), parseTimeOfDay(ends[1])];
    }
    if (start === null || end === null) return bad('is not a list of time intervals');
    if (end === start) return bad(`has an interval of no time (${part})`);
    for (let d = 0; d < 7; d++) {
      if (!days[d]) continue;
      if (end > start) pieces.push([d, start, end, part]);
      else {
        // A night shift: to midnight on its day, and on from midnight the next.
        pieces.push([d, start, MINUTES_IN_DAY, part]);
        if (end > 0) pieces.push([(d + 1) % 7, 0, end, part]);
      }
    }
  }
  const week: WorkInterval[][] = Array.from({ length: 7 }, () => []);
  const from: string[][] = Array.from({ length: 7 }, () => []);
  pieces.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [d, start, end, part] of pieces) {
    const list = week[d];
    const last = list[list.length - 1];
    if (last && start < last.end) {
      const other = from[d][from[d].length - 1];
      const night = [other, part].find((x) => /(\d)\s*(?:-|–|to)\s*/.test(x) && isNightPart(x));
      return bad(
        night
          ? `has a night shift (${night}) running into the next day's hours on ${WEEKDAY_SHORT[d]} (${other === night ? part : other})`
          : `has overlapping intervals on ${WEEKDAY_SHORT[d]} (${other} and ${part})`,
      );
    }
    list.push({ start, end });
    from[d].push(part);
  }
  const workingWeekdays = week.map((x) => x.length > 0);
  if (!workingWeekdays.some(Boolean)) return bad('leaves no working day in the week');
  const standard = week[standardWeekday(week.map((x) => x.reduce((sum, i) => sum + i.end - i.start, 0)))];
  const uniform = week.every(
    (x) =>
      x.length === 0 ||
      (x.length === standard.length && x.every((i, k) => i.start === standard[k].start && i.end === standard[k].end)),
  );
  return { ok: true, value: { standard, workingWeekdays, week: uniform ? null : week } };
}

/**
 * The weekday whose hours are the standard day (how long `1d` is): the length most working days
 * have, Monday first among equals. `minutes`: each weekday's working minutes (0 = Sunday); -1 when
 * none works.
 */
export function standardWeekday(minutes: readonly number[]): number {
  let best = -1;
  for (const d of [1, 2, 3, 4, 5, 6, 0]) {
    if (minutes[d] === 0) continue;
    const count = minutes.filter((m) => m === minutes[d]).length;
    if (best < 0 || count > minutes.filter((m) => m === minutes[best]).length) best = d;
  }
  return best;
}

/** Whether a part of Working Hours crosses midnight (`22:00-06:00`). */
function isNightPart(part: string): boolean {
  const hours = part.replace(/^[A-Za-z][A-Za-z]*(?:\s*(?:-|–|to)\s*[A-Za-z]+)?\s+/, '');
  const ends = hours.split(/\s*(?:-|–|to)\s*/i);
  const [a, b] = [parseTimeOfDay(ends[0] ?? ''), parseTimeOfDay(ends[1] ?? '')];
  return a !== null && b !== null && b < a;
}

const MINUTES_IN_DAY = 1440;

/** Resources cell: `Camera Crew`, `Line 1[2]`, `Editor[50%]`, several separated by commas or semicolons. */
export function parseAssignments(text: string): Parsed<Assignment[]> {
  const out: Assignment[] = [];
  for (const raw of text.split(/[,;]/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = /^(.*?)\s*(?:\[\s*([^\]]*)\s*\])?$/.exec(entry);
    const name = m?.[1]?.trim() ?? '';
    if (!m || name === '' || /[[\]]/.test(name)) {
      return {
        ok: false,
        message: `"${clip(entry)}" is not a resource: write a name, optionally with units like Editor[50%] or Line 1[2]`,
      };
    }
    let units = 1;
    if (m[2] !== undefined) {
      const u = /^(\d+(?:\.\d*)?|\.\d+)\s*(%?)$/.exec(m[2].trim());
      if (!u) return { ok: false, message: `"${clip(entry)}": the units in brackets must be a number like 2 or 50%` };
      units = Number(u[1]) / (u[2] === '%' ? 100 : 1);
    }
    out.push({ resource: name, units });
  }
  return { ok: true, value: out };
}

/** Max Units: `3`, `300%`, or a number. */
export function parseUnits(v: RawValue): Parsed<number> {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return { ok: true, value: v };
  if (typeof v === 'string') {
    const u = /^(\d+(?:\.\d*)?|\.\d+)\s*(%?)$/.exec(v.trim());
    if (u) return { ok: true, value: Number(u[1]) / (u[2] === '%' ? 100 : 1) };
  }
  return { ok: false, message: `"${clip(String(v ?? ''))}" is not a number of units: write 3 or 300%` };
}

/** The wall time a date-only value stands for, given the default time of day to use. */
export function atDefaultTime(d: ParsedDate, defaultMinuteOfDay: number): Wall {
  return d.hasTime ? d.wall : d.wall + defaultMinuteOfDay;
}
