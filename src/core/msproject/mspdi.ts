/**
 * Microsoft Project XML (MSPDI) as the importer sees it: the Project element's simple fields and
 * the small element trees of its calendars, tasks, resources and assignments. A reader in the
 * workbook layer builds it from the file (src/workbook/msproject); the core maps it to a plan.
 */

/** An element: its name, its own text (trimmed) and its child elements. */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

export interface MspdiDocument {
  /** The Project element's simple children by name (`StartDate`, `CalendarUID`, `MinutesPerDay`...). */
  project: Map<string, string>;
  calendars: XmlElement[];
  tasks: XmlElement[];
  resources: XmlElement[];
  assignments: XmlElement[];
}

export const MSPDI_NAMESPACE = 'http://schemas.microsoft.com/project';

export function childOf(e: XmlElement, name: string): XmlElement | undefined {
  return e.children.find((c) => c.name === name);
}

/** A child's text, undefined when the child is missing or empty. */
export function textOf(e: XmlElement, name: string): string | undefined {
  const c = childOf(e, name);
  return c === undefined || c.text === '' ? undefined : c.text;
}

export function childrenOf(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c) => c.name === name);
}

/** The `name` children of e's `container` child (`WeekDays` > `WeekDay`); none when it has no such child. */
export function childrenIn(e: XmlElement, container: string, name: string): XmlElement[] {
  const c = childOf(e, container);
  return c ? childrenOf(c, name) : [];
}

/** Project's link types by the number MSPDI gives them. */
export const LINK_TYPES = ['FF', 'FS', 'SF', 'SS'] as const;
/** Project's constraint types by number. */
export const CONSTRAINTS = ['ASAP', 'ALAP', 'MSO', 'MFO', 'SNET', 'SNLT', 'FNET', 'FNLT'] as const;

/**
 * Duration formats (DurationFormat, LagFormat): the unit and whether it is elapsed; 32 more is the
 * same unit estimated (`5d?`).
 */
export const DURATION_FORMATS: Record<number, { unit: 'm' | 'h' | 'd' | 'w' | 'mo' | '%'; elapsed: boolean }> = {
  3: { unit: 'm', elapsed: false },
  4: { unit: 'm', elapsed: true },
  5: { unit: 'h', elapsed: false },
  6: { unit: 'h', elapsed: true },
  7: { unit: 'd', elapsed: false },
  8: { unit: 'd', elapsed: true },
  9: { unit: 'w', elapsed: false },
  10: { unit: 'w', elapsed: true },
  11: { unit: 'mo', elapsed: false },
  12: { unit: 'mo', elapsed: true },
  19: { unit: '%', elapsed: false },
  20: { unit: '%', elapsed: true },
};

export function durationFormat(code: number): { unit: string; elapsed: boolean; estimated: boolean } | undefined {
  const estimated = code >= 35 && code <= 52;
  const f = DURATION_FORMATS[estimated ? code - 32 : code];
  return f && { ...f, estimated };
}

/** The DurationFormat code of a unit (the inverse of DURATION_FORMATS). */
export function durationFormatCode(unit: 'm' | 'h' | 'd' | 'w' | 'mo', elapsed: boolean): number {
  const base = { m: 3, h: 5, d: 7, w: 9, mo: 11 }[unit];
  return elapsed ? base + 1 : base;
}

/**
 * An ISO 8601 duration as MSPDI writes it (`PT16H0M0S`, `P2DT4H`, `-PT8H0M0S`) in minutes, rounded
 * to the minute; undefined when it is not one. A day of an MSPDI duration is 24 hours.
 */
export function parseIsoDuration(text: string): number | undefined {
  const m =
    /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      text.trim(),
    );
  if (!m || text.trim() === 'P' || text.trim() === 'PT') return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  const minutes = n(2) * 525600 + n(3) * 43200 + n(4) * 1440 + n(5) * 60 + n(6) + n(7) / 60;
  return Math.round(m[1] ? -minutes : minutes);
}

/** Minutes as MSPDI's duration text: `PT16H30M0S`. */
export function isoDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const a = Math.abs(minutes);
  return `${sign}PT${Math.floor(a / 60)}H${a % 60}M0S`;
}

/** `2027-03-01T08:00:00` as minutes since 1970 (a wall time); undefined when it is not such a date. */
export function parseMspdiDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i] ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (back.getUTCDate() !== d) return undefined; // 2027-02-30
  return Math.round(ms / 60000);
}

/** A wall time as MSPDI writes dates: `2027-03-01T08:00:00`. */
export function mspdiDate(wall: number): string {
  return new Date(wall * 60000).toISOString().slice(0, 19);
}
