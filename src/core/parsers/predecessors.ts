import type { Lag, LinkType } from '../model';
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
  const links: ParsedLink[] = [];
  const problems: string[] = [];
  for (const raw of input.split(/[,;]/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (isKnownId(entry)) {
      links.push({ id: entry, type: 'FS', lag: { minutes: 0, elapsed: false }, text: entry });
      continue;
    }
    const typed = WITH_TYPE.exec(entry);
    if (typed && isKnownOrPlausible(typed[1], isKnownId)) {
      const type = typed[2].toUpperCase() as LinkType;
      if (typed[3] === undefined) {
        links.push({ id: typed[1].trim(), type, lag: { minutes: 0, elapsed: false }, text: entry });
        continue;
      }
      const lag = parseLag(typed[3], minutesPerDay);
      if (!lag.ok) {
        problems.push(`"${clip(entry)}": ${lag.message}`);
        continue;
      }
      links.push({ id: typed[1].trim(), type, lag: lag.value, text: entry });
      continue;
    }
    const lagOnly = LAG_ONLY.exec(entry);
    if (lagOnly && isKnownId(lagOnly[1].trim())) {
      const lag = parseLag(lagOnly[2], minutesPerDay);
      if (lag.ok) {
        links.push({ id: lagOnly[1].trim(), type: 'FS', lag: lag.value, text: entry });
        continue;
      }
    }
    if (/\s/.test(entry) || entry.length > 60) {
      problems.push(`"${clip(entry)}" is not a predecessor: write an ID, optionally with a link type and lag, like 3, 3FS+2d or 4SS`);
      continue;
    }
    // A single word that is no known ID: reported by the caller as an unknown task.
    links.push({ id: entry, type: 'FS', lag: { minutes: 0, elapsed: false }, text: entry });
  }
  return { links, problems };
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
