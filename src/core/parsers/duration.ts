import { clip, round } from '../helpers';
import type { Lag, Span } from '../model';
import type { Parsed } from './parsed';

interface UnitDef {
  /** Size in minutes; for working units, a multiple of the working day is given by `days`. */
  days?: number;
  minutes?: number;
  elapsed: boolean;
}

const UNITS: Record<string, UnitDef> = {};
function unit(names: string[], def: UnitDef): void {
  for (const n of names) UNITS[n] = def;
}
unit(['', 'd', 'dy', 'dys', 'day', 'days'], { days: 1, elapsed: false });
unit(['h', 'hr', 'hrs', 'hour', 'hours'], { minutes: 60, elapsed: false });
unit(['m', 'min', 'mins', 'minute', 'minutes'], { minutes: 1, elapsed: false });
unit(['w', 'wk', 'wks', 'week', 'weeks'], { days: 5, elapsed: false });
unit(['mo', 'mon', 'mons', 'month', 'months'], { days: 20, elapsed: false });
unit(['ed', 'edy', 'eday', 'edays'], { minutes: 1440, elapsed: true });
unit(['eh', 'ehr', 'ehrs', 'ehour', 'ehours'], { minutes: 60, elapsed: true });
unit(['em', 'emin', 'emins', 'eminute', 'eminutes'], { minutes: 1, elapsed: true });
unit(['ew', 'ewk', 'ewks', 'eweek', 'eweeks'], { minutes: 7 * 1440, elapsed: true });
unit(['emo', 'emon', 'emonth', 'emonths'], { minutes: 30 * 1440, elapsed: true });

const AMOUNT = /^([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*)\s*\??$/i;

const HELP = 'use a number with a unit: 5d, 3h, 2w, 1mo, 4ed, or 0 for a milestone';

/** The largest duration or lag accepted: 100 years of working days, far past any plan. */
const MAX_DAYS = 36500;

function amount(text: string, minutesPerDay: number): Parsed<Span & { negative: boolean }> | null {
  const m = AMOUNT.exec(text);
  if (!m) return null;
  const u = UNITS[m[3].toLowerCase()];
  if (!u) return null;
  const n = Number(m[2]);
  if (!Number.isFinite(n)) return null;
  const minutes = Math.round(u.days !== undefined ? n * u.days * minutesPerDay : n * (u.minutes as number));
  if (minutes > MAX_DAYS * 1440) return { ok: false, message: `${text.trim()} is longer than 100 years` };
  return { ok: true, value: { minutes, elapsed: u.elapsed, negative: m[1] === '-' } };
}

/**
 * A task duration as typed: `5`, `5d`, `3h`, `2w`, `1mo`, `4ed`, `0`, also
 * `2.5 days` or `5d?` (MS Project's estimated mark, accepted and ignored).
 * A bare number is days. Numbers from a cell are days.
 */
export function parseDuration(input: unknown, minutesPerDay: number): Parsed<Span> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0)
      return { ok: false, message: `${input} is not a duration: it must be 0 or more` };
    if (input > MAX_DAYS) return { ok: false, message: `${input} days is longer than 100 years` };
    return { ok: true, value: { minutes: Math.round(input * minutesPerDay), elapsed: false } };
  }
  if (typeof input !== 'string') return { ok: false, message: `this is not a duration: ${HELP}` };
  const text = input.trim();
  if (text === '') return { ok: false, message: `the duration is empty: ${HELP}` };
  const a = amount(text, minutesPerDay);
  if (a === null) return { ok: false, message: `"${clip(text)}" is not a duration: ${HELP}` };
  if (!a.ok) return a;
  if (a.value.negative) return { ok: false, message: `"${clip(text)}" is negative: a duration must be 0 or more` };
  return { ok: true, value: { minutes: a.value.minutes, elapsed: a.value.elapsed } };
}

/** A signed lag as typed after a link type: `+2d`, `-1d`, `+50%`, `+3ed`, `+4h`. */
export function parseLag(text: string, minutesPerDay: number): Parsed<Lag> {
  const t = text.trim();
  const pct = /^([+-])\s*(\d+(?:\.\d*)?|\.\d+)\s*%$/.exec(t);
  if (pct) {
    const p = Number(pct[2]) * (pct[1] === '-' ? -1 : 1);
    if (Math.abs(p) > 100000) return { ok: false, message: `the lag ${t} is too large` };
    return { ok: true, value: { minutes: 0, elapsed: false, percent: p } };
  }
  if (!/^[+-]/.test(t)) return { ok: false, message: `the lag "${clip(t)}" must start with + or -` };
  const a = amount(t, minutesPerDay);
  if (a === null) return { ok: false, message: `"${clip(t)}" is not a lag: use +2d, -1d, +4h, +3ed or +50%` };
  if (!a.ok) return a;
  return {
    ok: true,
    value: { minutes: a.value.negative ? -a.value.minutes : a.value.minutes, elapsed: a.value.elapsed },
  };
}

/** Formats working minutes as a duration a coordinator reads: `5d`, `3h`, `2.5d`, `30m`, `4ed`. */
export function formatSpan(span: Span, minutesPerDay: number): string {
  if (span.elapsed) {
    if (span.minutes % 1440 === 0) return `${span.minutes / 1440}ed`;
    if (span.minutes % 60 === 0) return `${span.minutes / 60}eh`;
    return `${span.minutes}em`;
  }
  if (span.minutes === 0) return '0d';
  if (span.minutes % minutesPerDay === 0 || span.minutes >= minutesPerDay) {
    return `${round(span.minutes / minutesPerDay, 2)}d`;
  }
  if (span.minutes % 60 === 0) return `${span.minutes / 60}h`;
  return `${span.minutes}m`;
}
