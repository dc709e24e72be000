import type { Lag, LinkType } from '../model';
import type { Parsed } from './parsed';
import { clip } from '../helpers';
import { parseLag } from './duration';

export interface ParsedLink {
  /** The predecessor's ID as written. */
  id: string;
  type: LinkType;
  lag: Lag;
  text: string;
}

export interface PredecessorParse {
  links: ParsedLink[];
  /** One plain-language sentence per entry that could not be read. */
  problems: string[];
}

const WITH_TYPE = /^(.+?)\s*(FS|SS|FF|SF)\s*(?:([+-].*))?$/i;
const LAG_ONLY = /^(.+?)\s*([+-]\s*(?:\d+(?:\.\d*)?|\.\d+)\s*[a-z%]*)$/i;

/**
 * Reads a Predecessors cell in MS Project syntax: `3`, `3FS+2d`, `4SS`,
 * `5FF-1d`, `6SF`, `7FS+50%`, `2,3` (also `;` between entries). IDs may
 * contain letters and dashes (`PRE-3`), so an entry is first matched whole
 * against the known IDs before it is split into ID, type and lag.
 * Never throws: what cannot be read is returned as a problem.
 */
export function parsePredecessors(
  input: string,
  isKnownId: (id: string) => boolean,
  minutesPerDay: number,
): PredecessorParse {
  const result: PredecessorParse = { links: [], problems: [] };
  // The entries between commas and semicolons, as input.split(/[,;]/) would give them.
  let from = 0;
  for (let k = 0; k <= input.length; k++) {
    const ch = k < input.length ? input.charCodeAt(k) : COMMA;
    if (ch !== COMMA && ch !== SEMICOLON) continue;
    const entry = input.slice(from, k).trim();
    from = k + 1;
    if (entry !== '') readEntry(entry, isKnownId, minutesPerDay, result);
  }
  return result;
}

const COMMA = 44;
const SEMICOLON = 59;

function readEntry(
  entry: string,
  isKnownId: (id: string) => boolean,
  minutesPerDay: number,
  out: PredecessorParse,
): void {
  const { links, problems } = out;
  if (isKnownId(entry)) {
    links.push({ id: entry, type: 'FS', lag: { minutes: 0, elapsed: false }, text: entry });
    return;
  }
  if (readPlainEntry(entry, minutesPerDay, out)) return;
  const typed = WITH_TYPE.exec(entry);
  if (typed && isKnownOrPlausible(typed[1], isKnownId)) {
    const type = typed[2].toUpperCase() as LinkType;
    if (typed[3] === undefined) {
      links.push({ id: typed[1].trim(), type, lag: { minutes: 0, elapsed: false }, text: entry });
      return;
    }
    const lag = parseLag(typed[3], minutesPerDay);
    if (!lag.ok) {
      problems.push(`"${clip(entry)}": ${lag.message}`);
      return;
    }
    links.push({ id: typed[1].trim(), type, lag: lag.value, text: entry });
    return;
  }
  const lagOnly = LAG_ONLY.exec(entry);
  if (lagOnly && isKnownId(lagOnly[1].trim())) {
    const lag = parseLag(lagOnly[2], minutesPerDay);
    if (lag.ok) {
      links.push({ id: lagOnly[1].trim(), type: 'FS', lag: lag.value, text: entry });
      return;
    }
  }
  if (/\s/.test(entry) || entry.length > 60) {
    problems.push(
      `"${clip(entry)}" is not a predecessor: write an ID, optionally with a link type and lag, like 3, 3FS+2d or 4SS`,
    );
    return;
  }
  // A single word that is no known ID: reported by the caller as an unknown task.
  links.push({ id: entry, type: 'FS', lag: { minutes: 0, elapsed: false }, text: entry });
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** ASCII letters in lower case: `code | 0x20` is one of these only for the letter in either case. */
const LOWER_F = 0x66;
const LOWER_S = 0x73;

/** The link type written at entry[k], in either case (`FS`, `ss`, `Ff`), or null. */
function linkTypeAt(entry: string, k: number): LinkType | null {
  if (k + 2 > entry.length) return null;
  const a = entry.charCodeAt(k) | 0x20;
  const b = entry.charCodeAt(k + 1) | 0x20;
  if (a === LOWER_F) return b === LOWER_S ? 'FS' : b === LOWER_F ? 'FF' : null;
  if (a === LOWER_S) return b === LOWER_S ? 'SS' : b === LOWER_F ? 'SF' : null;
  return null;
}

/**
 * The common entry, read without regular expressions (on a large plan they were most of the
 * parse): digits, then optionally a link type, then optionally a lag with no spaces (`12`, `4ss`,
 * `7FS+2d`). Reads it exactly as the general rules below would, and returns false for anything
 * else, which they then read. Why the same: an entry that is not a known ID and has no type is
 * a single word (an unknown task); with a type, the shortest ID before it is the digits, and an
 * ID without spaces is always plausible.
 */
function readPlainEntry(entry: string, minutesPerDay: number, out: PredecessorParse): boolean {
  if (entry.length > 60) return false;
  let k = 0;
  while (k < entry.length && entry.charCodeAt(k) >= DIGIT_0 && entry.charCodeAt(k) <= DIGIT_9) k++;
  if (k === 0) return false;
  if (k === entry.length) {
    out.links.push({ id: entry, type: 'FS', lag: { minutes: 0, elapsed: false }, text: entry });
    return true;
  }
  const type = linkTypeAt(entry, k);
  if (type === null) return false;
  const id = entry.slice(0, k);
  if (k + 2 === entry.length) {
    out.links.push({ id, type, lag: { minutes: 0, elapsed: false }, text: entry });
    return true;
  }
  const lagText = entry.slice(k + 2);
  if (!PLAIN_LAG.test(lagText)) return false;
  const lag = parseLagCached(lagText, minutesPerDay);
  if (lag.ok) out.links.push({ id, type, lag: lag.value, text: entry });
  else out.problems.push(`"${clip(entry)}": ${lag.message}`);
  return true;
}

/** A lag with no spaces or other characters the general rules would treat differently. */
const PLAIN_LAG = /^[+-][A-Za-z0-9.%]*$/;

/** Lags as parsed, by text, for one working-day length: a large plan repeats a few lags thousands of times. */
const lagCache = new Map<string, Parsed<Lag>>();
let lagCacheMinutesPerDay = -1;
const LAG_CACHE_MAX = 10_000;

/** parseLag, remembered; each call returns a lag object of its own, as parseLag does. */
function parseLagCached(text: string, minutesPerDay: number): Parsed<Lag> {
  if (minutesPerDay !== lagCacheMinutesPerDay || lagCache.size >= LAG_CACHE_MAX) {
    lagCache.clear();
    lagCacheMinutesPerDay = minutesPerDay;
  }
  let parsed = lagCache.get(text);
  if (parsed === undefined) {
    parsed = parseLag(text, minutesPerDay);
    lagCache.set(text, parsed);
  }
  if (!parsed.ok) return parsed;
  const lag = parsed.value;
  return {
    ok: true,
    value:
      lag.percent === undefined
        ? { minutes: lag.minutes, elapsed: lag.elapsed }
        : { minutes: lag.minutes, elapsed: lag.elapsed, percent: lag.percent },
  };
}

function isKnownOrPlausible(id: string, isKnownId: (id: string) => boolean): boolean {
  const t = id.trim();
  return isKnownId(t) || (t.length > 0 && !/\s/.test(t));
}

export function formatLag(lag: Lag, minutesPerDay: number): string {
  if (lag.percent !== undefined) return `${lag.percent >= 0 ? '+' : ''}${lag.percent}%`;
  if (lag.minutes === 0) return '';
  const sign = lag.minutes < 0 ? '-' : '+';
  const m = Math.abs(lag.minutes);
  if (lag.elapsed) return m % 1440 === 0 ? `${sign}${m / 1440}ed` : `${sign}${m / 60}eh`;
  if (m % minutesPerDay === 0) return `${sign}${m / minutesPerDay}d`;
  if (m % 60 === 0) return `${sign}${m / 60}h`;
  return `${sign}${m}m`;
}
