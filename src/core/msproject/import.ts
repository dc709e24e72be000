/**
 * Microsoft Project XML (MSPDI) to a plan as a coordinator would type it: the JSON form of the
 * workbook (docs/workbook.md), with Settings, Tasks, Resources, Calendars and Holidays. What the
 * plan cannot express is listed in the report, one warning per kind with a count and an example;
 * what makes the file unusable (a link to a task that is not there) is an error. See
 * docs/msproject.md.
 */
import type { Issue } from '../model';
import { WorkCalendar } from '../calendar';
import { standardWeekday } from '../parsers/values';
import { FIRST_PLACEABLE_WALL, LAST_PLACEABLE_WALL, formatWall, wallFromParts } from '../time';
import type { Location } from '../location';
import {
  CONSTRAINTS,
  LINK_TYPES,
  MspdiDocument,
  XmlElement,
  childOf,
  childrenIn,
  childrenOf,
  durationFormat,
  parseIsoDuration,
  parseMspdiDate,
  textOf,
} from './mspdi';

export interface ImportOptions {
  /** The task IDs: Project's own (`id`, the default) or its WBS codes (`wbs`). */
  ids?: 'id' | 'wbs';
  /** The file's name, for messages. */
  fileName?: string;
}

type Row = Record<string, string | number>;

export interface PlanDocument {
  settings: Record<string, string | number>;
  tasks: Row[];
  resources: Row[];
  calendars: Row[];
  holidays: Row[];
}

export interface ImportResult {
  /** The plan, unless an error makes it unusable. */
  doc: PlanDocument | null;
  /** Errors (nothing usable), then the report: one warning per kind of thing that did not come across. */
  issues: Issue[];
  /** How many tasks, links, resources, assignments and calendars came across. */
  counts: { tasks: number; links: number; resources: number; assignments: number; calendars: number };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Project's default working time for a day it marks working without times. */
const DEFAULT_DAY: Interval[] = [
  [480, 720],
  [780, 1020],
];
/** The earliest and latest dates a plan takes: Excel's first year, the engine's last. */
const FIRST_DATE = Math.max(FIRST_PLACEABLE_WALL, wallFromParts(1900, 1, 1));
const LAST_DATE = LAST_PLACEABLE_WALL;

/** Minutes from midnight, [from, to). */
type Interval = [number, number];
/** Hours for each weekday (0 = Sunday), undefined where a derived calendar takes its base's. */
type Week = (Interval[] | undefined)[];

interface CalendarInfo {
  uid: string;
  name: string;
  base: string | null;
  isBase: boolean;
  week: Week;
  /** Exceptions as Holidays rows (without the Calendar column). */
  exceptions: Row[];
  /** The same as day numbers: non-working (hours null) or working those hours. */
  days: { day: number; hours: Interval[] | null }[];
  /** A resource calendar with no hours and no exceptions of its own: its resource works its base. */
  empty: boolean;
}

/**
 * Collects what did not come across, one warning per kind: "3 manually scheduled tasks came in as
 * Must Start On their start", at "plan.xml: for example Task ID 4 'Build set'".
 */
class Report {
  private readonly kinds = new Map<string, { count: number; example: string; what: string; at: Location }>();
  readonly errors: Issue[] = [];

  constructor(private readonly file: string) {}

  note(kind: string, what: (count: number) => string, example: string): void {
    const k = this.kinds.get(kind);
    if (k) k.count++;
    else this.kinds.set(kind, { count: 1, example, what: what(1), at: this.at(`for example ${example}`) });
    const cur = this.kinds.get(kind)!;
    cur.what = what(cur.count);
  }

  error(message: string, where: string): void {
    this.errors.push({ severity: 'error', message, at: this.at(where) });
  }

  at(where: string): Location {
    return { kind: 'file', name: `${this.file}: ${where}` };
  }

  issues(): Issue[] {
    return [
      ...this.errors,
      ...[...this.kinds.values()].map((k): Issue => ({
        severity: 'warning',
        message: `${k.what}.`,
        at: k.at,
      })),
    ];
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function clock(minutes: number): string {
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/** `08:00:00` as minutes from midnight; `00:00:00` as an end is midnight at the end of the day. */
function timeOfDay(text: string | undefined, end: boolean): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text.trim());
  if (!m) return undefined;
  const t = Number(m[1]) * 60 + Number(m[2]);
  return end && t === 0 ? 1440 : t;
}

function intervalsOf(e: XmlElement): Interval[] {
  const out: Interval[] = [];
  for (const w of childrenIn(e, 'WorkingTimes', 'WorkingTime')) {
    const from = timeOfDay(textOf(w, 'FromTime'), false);
    const to = timeOfDay(textOf(w, 'ToTime'), true);
    if (from !== undefined && to !== undefined && to > from) out.push([from, to]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Working Hours text for a list of intervals: `08:00-12:00,13:00-17:00`. */
function hoursText(list: Interval[]): string {
  return list.map(([a, b]) => `${clock(a)}-${clock(b)}`).join(',');
}

const sameHours = (a: Interval[], b: Interval[]) =>
  a.length === b.length && a.every((x, i) => x[0] === b[i][0] && x[1] === b[i][1]);

/** Working Days and Working Hours cells for a full week. */
export function weekCells(week: Interval[][]): { days: string; hours: string } {
  const working = [1, 2, 3, 4, 5, 6, 0].filter((d) => week[d].length > 0);
  const days = working.map((d) => WEEKDAYS[d]).join(',');
  const first = week[working[0]];
  if (working.every((d) => sameHours(week[d], first))) return { days, hours: hoursText(first) };
  // Hours by weekday, consecutive days with the same hours as one range (`Mon-Fri 08:00-17:00`).
  const parts: string[] = [];
  for (let k = 0; k < working.length;) {
    let j = k;
    while (
      j + 1 < working.length &&
      working[j + 1] === (working[j] === 6 ? 0 : working[j] + 1) &&
      working[j + 1] !== 1 &&
      sameHours(week[working[j + 1]], week[working[k]])
    )
      j++;
    const label = j === k ? WEEKDAYS[working[k]] : `${WEEKDAYS[working[k]]}-${WEEKDAYS[working[j]]}`;
    parts.push(`${label} ${hoursText(week[working[k]])}`);
    k = j + 1;
  }
  return { days, hours: parts.join(', ') };
}

/** Reads Project XML into a plan document; see the module's note. */
export function importMspdi(doc: MspdiDocument, options: ImportOptions = {}): ImportResult {
  const file = options.fileName ?? 'Project XML';
  const report = new Report(file);
  const counts = { tasks: 0, links: 0, resources: 0, assignments: 0, calendars: 0 };
  const p = doc.project;

  const date = (text: string | undefined, where: string, what: string): string | undefined => {
    if (text === undefined) return undefined;
    const w = parseMspdiDate(text);
    if (w === undefined) {
      report.error(`${what} "${text}" is not a date (Project writes 2027-03-01T08:00:00)`, where);
      return undefined;
    }
    if (w < FIRST_DATE || w > LAST_DATE) {
      report.error(
        `${what} ${text.slice(0, 10)} is outside the dates a plan can hold (${formatWall(FIRST_DATE).slice(0, 4)} to ${formatWall(LAST_DATE).slice(0, 4)})`,
        where,
      );
      return undefined;
    }
    return formatWall(w);
  };

  // ---- Calendars ----------------------------------------------------------------------
  const calendars = new Map<string, CalendarInfo>();
  const usedNames = new Set<string>();
  const holidays: Row[] = [];
  for (const c of doc.calendars) {
    const uid = textOf(c, 'UID');
    if (uid === undefined) continue;
    let name = (textOf(c, 'Name') ?? `Calendar ${uid}`).trim() || `Calendar ${uid}`;
    if (usedNames.has(name.toLowerCase())) {
      const taken = name;
      let k = 2;
      while (usedNames.has(`${taken} (${k})`.toLowerCase())) k++;
      name = `${taken} (${k})`;
      report.note(
        'calendar-name',
        (n) => `${plural(n, 'calendar', 'calendars')} shared a name with another and got a number`,
        `calendar UID ${uid} '${taken}', now '${name}'`,
      );
    }
    usedNames.add(name.toLowerCase());
    const week: Week = new Array(7).fill(undefined);
    const exceptions: Row[] = [];
    const days: { day: number; hours: Interval[] | null }[] = [];
    const note = (row: Row, hours: Interval[] | null) => {
      exceptions.push(row);
      const first = Math.floor(parseMspdiDate(String(row.Date))! / 1440);
      const last = row['End Date'] ? Math.floor(parseMspdiDate(String(row['End Date']))! / 1440) : first;
      for (let d = first; d <= last && d - first < 3660; d++) days.push({ day: d, hours });
    };
    const where = `calendar UID ${uid} '${name}'`;
    for (const wd of childrenIn(c, 'WeekDays', 'WeekDay')) {
      const type = Number(textOf(wd, 'DayType'));
      const working = textOf(wd, 'DayWorking') === '1';
      const hours = working ? intervalsOf(wd) : [];
      if (type >= 1 && type <= 7) week[type - 1] = working && hours.length === 0 ? DEFAULT_DAY : hours;
      else if (type === 0) {
        // Project 2003's exceptions: a day type 0 with its time period.
        const tp = childOf(wd, 'TimePeriod');
        const from = tp && date(textOf(tp, 'FromDate'), where, 'An exception date');
        const to = tp && date(textOf(tp, 'ToDate'), where, 'An exception date');
        const h = working ? (hours.length ? hours : DEFAULT_DAY) : null;
        if (from && to) note(exceptionRow(from, to, '', h), h);
      }
    }
    for (const ex of childrenIn(c, 'Exceptions', 'Exception')) {
      const tp = childOf(ex, 'TimePeriod');
      const from = tp && date(textOf(tp, 'FromDate'), where, 'An exception date');
      const to = tp && date(textOf(tp, 'ToDate'), where, 'An exception date');
      if (!from || !to) continue;
      const working = textOf(ex, 'DayWorking') === '1';
      const hours = working ? intervalsOf(ex) : [];
      const type = Number(textOf(ex, 'Type') ?? '1');
      const period = Number(textOf(ex, 'Period') ?? '1');
      const exName = textOf(ex, 'Name') ?? '';
      const h = working ? (hours.length ? hours : DEFAULT_DAY) : null;
      const row = (f: string, t: string) => note(exceptionRow(f, t, exName, h), h);
      if (type === 1 && period <= 1) row(from, to);
      else {
        const recurring = recurringDays(ex, from, to, type, period);
        if (recurring) for (const d of recurring) row(d, d);
        else
          report.note(
            'recurring-exception',
            (n) =>
              `${plural(n, 'recurring calendar exception', 'recurring calendar exceptions')} of a kind the importer does not expand (by weekday position in a month) did not come across`,
            `'${exName}' in ${where}`,
          );
      }
    }
    if (childrenIn(c, 'WorkWeeks', 'WorkWeek').length > 0)
      report.note(
        'work-weeks',
        (n) =>
          `${plural(n, 'calendar has', 'calendars have')} alternate work weeks (a period with other hours), which a plan cannot express: the default week applies all year`,
        where,
      );
    const baseUid = textOf(c, 'BaseCalendarUID');
    const isBase = textOf(c, 'IsBaseCalendar') !== '0';
    calendars.set(uid, {
      uid,
      name,
      base: baseUid !== undefined && baseUid !== '-1' ? baseUid : null,
      isBase,
      week,
      exceptions,
      days,
      empty: !isBase && week.every((d) => d === undefined) && exceptions.length === 0,
    });
  }
  /** The calendar a resource works: a resource calendar with nothing of its own is its base. */
  const worksOn = (cal: CalendarInfo): CalendarInfo | undefined =>
    cal.empty && cal.base !== null ? calendars.get(cal.base) : cal;
  const fullWeek = (cal: CalendarInfo, seen = new Set<string>()): Interval[][] => {
    seen.add(cal.uid);
    const base = cal.base !== null && !seen.has(cal.base) ? calendars.get(cal.base) : undefined;
    const inherited = base ? fullWeek(base, seen) : null;
    return cal.week.map((d, i) => d ?? inherited?.[i] ?? (i === 0 || i === 6 ? [] : DEFAULT_DAY));
  };

  /** A calendar as the engine works it, to measure a task's span (see splits below); null if it has no working week. */
  const workCalendars = new Map<string, WorkCalendar | null>();
  const workCalendar = (cal: CalendarInfo): WorkCalendar | null => {
    if (workCalendars.has(cal.uid)) return workCalendars.get(cal.uid)!;
    const week = fullWeek(cal);
    const days = new Map<number, Interval[] | null>();
    for (let c: CalendarInfo | undefined = cal, k = 0; c && k < 20; c = c.base ? calendars.get(c.base) : undefined, k++)
      for (const d of c.days) if (!days.has(d.day)) days.set(d.day, d.hours);
    const toIntervals = (list: Interval[]) => list.map(([start, end]) => ({ start, end }));
    const standardDay = week[[1, 2, 3, 4, 5, 6, 0].find((d) => week[d].length > 0) ?? 1];
    let made: WorkCalendar | null;
    try {
      made = new WorkCalendar(
        {
          workingWeekdays: week.map((d) => d.length > 0),
          intervals: toIntervals(standardDay),
          weekdayIntervals: week.map(toIntervals),
          holidays: [...days].filter(([, h]) => h === null).map(([d]) => d),
          exceptions: new Map([...days].flatMap(([d, h]) => (h ? [[d, toIntervals(h)] as const] : []))),
        },
        Math.floor((parseMspdiDate(p.get('StartDate') ?? '') ?? 0) / 1440),
      );
    } catch {
      made = null;
    }
    workCalendars.set(cal.uid, made);
    return made;
  };

  // ---- Project ------------------------------------------------------------------------
  const settings: Record<string, string | number> = {};
  const start = date(p.get('StartDate'), 'Project StartDate', 'The project start');
  if (start) settings['Project Start'] = start;
  else if (!p.has('StartDate')) report.error('The project has no StartDate', 'Project');
  const status = date(p.get('StatusDate'), 'Project StatusDate', 'The status date');
  if (status) settings['Status Date'] = status;
  const title = p.get('Title') ?? p.get('Name');
  if (title) settings['Project Name'] = title;
  if (p.get('CurrencyCode')) settings['Currency'] = p.get('CurrencyCode')!;
  if (p.get('ScheduleFromStart') === '0')
    report.note(
      'from-finish',
      () => 'The project is scheduled from its finish in Project; the plan schedules it from its start',
      'Project ScheduleFromStart',
    );

  /** Calendars a plan needs: the project's, the tasks', the resources' and their bases. */
  const needed = new Set<string>();
  const need = (uid: string) => {
    for (let u: string | null = uid; u !== null && !needed.has(u); u = calendars.get(u)?.base ?? null) needed.add(u);
  };
  const projectCalUid = p.get('CalendarUID');
  let projectCal: CalendarInfo | undefined;
  if (projectCalUid !== undefined && projectCalUid !== '-1') {
    projectCal = calendars.get(projectCalUid);
    if (!projectCal)
      report.error(`The project's calendar UID ${projectCalUid} is not in the file`, 'Project CalendarUID');
  } else projectCal = [...calendars.values()].find((c) => c.isBase);
  if (projectCal) {
    need(projectCal.uid);
    settings['Project Calendar'] = projectCal.name;
  }
  const mpd = Number(p.get('MinutesPerDay') ?? 480);
  const mpw = Number(p.get('MinutesPerWeek') ?? 2400);
  const dpm = Number(p.get('DaysPerMonth') ?? 20);
  // The plan's working day: the hours most days of the project calendar have (docs/workbook.md).
  const planDay = projectCal ? standardDayMinutes(fullWeek(projectCal)) : 480;

  /** Working minutes as duration text: whole days, weeks, months where they divide, else hours or minutes. */
  const working = (minutes: number, unit: string): string => {
    const dayOk = mpd === planDay;
    if (dayOk && unit === 'mo' && dpm === 20 && minutes % (20 * planDay) === 0) return `${minutes / (20 * planDay)}mo`;
    if (dayOk && unit === 'w' && mpw === 5 * planDay && minutes % (5 * planDay) === 0)
      return `${minutes / (5 * planDay)}w`;
    if (dayOk && minutes % planDay === 0 && unit !== 'h' && unit !== 'm') return `${minutes / planDay}d`;
    if (minutes % 60 === 0 && unit !== 'm') return `${minutes / 60}h`;
    return `${minutes}m`;
  };
  const elapsedText = (minutes: number, unit: string): string => {
    if (unit === 'w' && minutes % 10080 === 0) return `${minutes / 10080}ew`;
    if (unit === 'mo' && minutes % 43200 === 0) return `${minutes / 43200}emo`;
    if (minutes % 1440 === 0 && unit !== 'h' && unit !== 'm') return `${minutes / 1440}ed`;
    if (minutes % 60 === 0 && unit !== 'm') return `${minutes / 60}eh`;
    return `${minutes}em`;
  };

  // ---- Tasks --------------------------------------------------------------------------
  const tasks = doc.tasks.filter((t) => textOf(t, 'IsNull') !== '1' && textOf(t, 'UID') !== undefined);
  const skippedNull = doc.tasks.length - tasks.length;
  // Task 0 (outline level 0) is Project's summary of the whole project: the plan has none.
  const real = tasks.filter(
    (t) => textOf(t, 'OutlineLevel') !== '0' && !(textOf(t, 'UID') === '0' && textOf(t, 'ID') === '0'),
  );
  const idOf = new Map<string, string>();
  const label = (t: XmlElement) => `Task ID ${textOf(t, 'ID') ?? '?'} '${textOf(t, 'Name') ?? ''}'`;
  const usedIds = new Set<string>();
  for (const t of real) {
    const uid = textOf(t, 'UID')!;
    let id = options.ids === 'wbs' ? (textOf(t, 'WBS') ?? textOf(t, 'OutlineNumber')) : textOf(t, 'ID');
    if (id === undefined || usedIds.has(id)) {
      const fallback = `UID${uid}`;
      if (id !== undefined)
        report.note(
          'duplicate-id',
          (n) =>
            `${plural(n, 'task', 'tasks')} repeated another's ${options.ids === 'wbs' ? 'WBS' : 'ID'} and got the ID UID<n>`,
          `${label(t)}, now ${fallback}`,
        );
      id = fallback;
    }
    usedIds.add(id);
    idOf.set(uid, id);
  }
  if (real.length === 0) report.error('The file has no tasks', 'Tasks');

  const byTask = new Map<string, XmlElement[]>();
  for (const a of doc.assignments) {
    const t = textOf(a, 'TaskUID');
    if (t === undefined) continue;
    const list = byTask.get(t);
    if (list) list.push(a);
    else byTask.set(t, [a]);
  }

  // ---- Resources ----------------------------------------------------------------------
  const resourceRows: Row[] = [];
  const resources = new Map<string, { name: string; type: string }>();
  const usedResourceNames = new Set<string>();
  for (const r of doc.resources) {
    const uid = textOf(r, 'UID');
    if (uid === undefined || textOf(r, 'IsNull') === '1' || uid === '0') continue;
    let name = (textOf(r, 'Name') ?? '').trim();
    if (name === '') continue;
    const where = `resource UID ${uid} '${name}'`;
    if (/[,;[\]]/.test(name)) {
      const fixed = name
        .replace(/[,;[\]]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      report.note(
        'resource-name',
        (n) =>
          `${plural(n, 'resource name', 'resource names')} had a comma, semicolon or bracket, which a Resources cell uses; they became spaces`,
        `'${name}', now '${fixed}'`,
      );
      name = fixed;
    }
    if (usedResourceNames.has(name.toLowerCase())) {
      report.note(
        'resource-dup',
        (n) => `${plural(n, 'resource', 'resources')} repeated another's name and got a number`,
        where,
      );
      name = `${name} ${uid}`;
    }
    usedResourceNames.add(name.toLowerCase());
    const type = textOf(r, 'Type') === '0' ? 'Material' : textOf(r, 'Type') === '2' ? 'Cost' : 'Work';
    resources.set(uid, { name, type });
    if (type === 'Cost') {
      report.note(
        'cost-resource',
        (n) =>
          `${plural(n, 'cost resource', 'cost resources')} came in as the fixed cost of the tasks ${n === 1 ? 'it is' : 'they are'} assigned to`,
        where,
      );
      continue;
    }
    const row: Row = { Name: name, Type: type };
    const maxUnits = Number(textOf(r, 'MaxUnits') ?? '1');
    if (type !== 'Material' && Number.isFinite(maxUnits) && maxUnits > 0) row['Max Units'] = round4(maxUnits);
    const rate = Number(textOf(r, 'StandardRate') ?? '0');
    if (Number.isFinite(rate) && rate > 0) row['Rate'] = round4(rate);
    const from = date(textOf(r, 'AvailableFrom'), where, 'Available From');
    const to = date(textOf(r, 'AvailableTo'), where, 'Available To');
    if (from) row['Available From'] = from;
    if (to) row['Available To'] = to;
    const calUid = textOf(r, 'CalendarUID');
    if (calUid !== undefined && calUid !== '-1') {
      const cal = calendars.get(calUid);
      if (!cal) report.error(`Its calendar UID ${calUid} is not in the file`, where);
      else {
        const used = worksOn(cal);
        if (used && used !== projectCal) {
          need(used.uid);
          row['Calendar'] = used.name;
        }
      }
    }
    resourceRows.push(row);
    counts.resources++;
  }

  const calUidOf = (t: XmlElement): string | undefined => {
    const u = textOf(t, 'CalendarUID');
    return u === undefined || u === '-1' ? undefined : u;
  };
  /** Whether a task books a resource on a calendar other than the project's (its span may be longer for that). */
  const ownCalendarResources = new Set<string>();
  for (const r of doc.resources) {
    const u = textOf(r, 'CalendarUID');
    const cal = u === undefined ? undefined : calendars.get(u);
    const used = cal && worksOn(cal);
    if (used && used !== projectCal) ownCalendarResources.add(textOf(r, 'UID') ?? '');
  }
  const bookedOnOwnCalendar = (uid: string) =>
    (byTask.get(uid) ?? []).some((a) => ownCalendarResources.has(textOf(a, 'ResourceUID') ?? ''));

  // ---- Task rows ----------------------------------------------------------------------
  const rows: Row[] = [];
  for (const t of real) {
    const uid = textOf(t, 'UID')!;
    const where = label(t);
    const row: Row = { ID: idOf.get(uid)!, Name: textOf(t, 'Name') ?? '' };
    if (String(row.Name).trim() === '') {
      row.Name = `Task ${row.ID}`;
      report.note(
        'no-name',
        (n) =>
          `${plural(n, 'task', 'tasks')} had no name and ${n === 1 ? 'was' : 'were'} named after ${n === 1 ? 'its' : 'their'} ID`,
        where,
      );
    }
    const level = Number(textOf(t, 'OutlineLevel') ?? '1');
    row['Outline Level'] = level;
    const summary = textOf(t, 'Summary') === '1';
    const notes: string[] = [];
    const manual = textOf(t, 'Manual') === '1';
    const fmt = durationFormat(Number(textOf(t, 'DurationFormat') ?? '7')) ?? {
      unit: 'd',
      elapsed: false,
      estimated: false,
    };
    const estimated = textOf(t, 'Estimated') === '1' || fmt.estimated;
    if (!summary) {
      const raw = (manual ? textOf(t, 'ManualDuration') : undefined) ?? textOf(t, 'Duration') ?? 'PT0H0M0S';
      const minutes = parseIsoDuration(raw);
      if (minutes === undefined || minutes < 0)
        report.error(`Its Duration "${raw}" is not a duration (Project writes PT16H0M0S)`, where);
      else {
        let span = minutes;
        // A split task (its work interrupted): Project writes its duration without the gaps. The plan
        // has no splits, so it comes in as its overall span, from Start to Finish, with a note.
        const taskCal = calUidOf(t);
        const spanCal = taskCal ? calendars.get(taskCal) : projectCal;
        if (
          !manual &&
          !fmt.elapsed &&
          minutes > 0 &&
          !textOf(t, 'ActualStart') &&
          spanCal &&
          !bookedOnOwnCalendar(uid)
        ) {
          const s0 = parseMspdiDate(textOf(t, 'Start') ?? '');
          const f0 = parseMspdiDate(textOf(t, 'Finish') ?? '');
          const wc = workCalendar(spanCal);
          if (wc && s0 !== undefined && f0 !== undefined && f0 > s0) {
            const worked = wc.workBetween(s0, f0);
            if (worked > minutes + 1) {
              span = worked;
              notes.push(`Split in Project (${working(minutes, 'h')} of work): imported as its overall span.`);
              report.note(
                'split',
                (n) =>
                  `${plural(n, 'split task', 'split tasks')} came in as ${n === 1 ? 'its' : 'their'} overall span, from start to finish`,
                where,
              );
            }
          }
        }
        let text = span === 0 ? '0' : fmt.elapsed ? elapsedText(span, fmt.unit) : working(span, fmt.unit);
        if (estimated && minutes > 0) text += '?';
        row['Duration'] = text;
        if (textOf(t, 'Milestone') === '1' && minutes > 0)
          report.note(
            'milestone-duration',
            (n) =>
              `${plural(n, 'task is', 'tasks are')} marked as a milestone in Project but ${n === 1 ? 'lasts some time: it came in as a task' : 'last some time: they came in as tasks'}`,
            where,
          );
      }
    }
    if (textOf(t, 'Recurring') === '1') {
      notes.push('Recurring task in Project: its occurrences are the tasks below it.');
      report.note(
        'recurring',
        (n) =>
          `${plural(n, 'recurring task', 'recurring tasks')} came in as a summary of ${n === 1 ? 'its' : 'their'} occurrences`,
        where,
      );
    }
    // Links.
    const preds: string[] = [];
    for (const l of childrenOf(t, 'PredecessorLink')) {
      const predUid = textOf(l, 'PredecessorUID');
      if (textOf(l, 'CrossProject') === '1') {
        report.note(
          'cross-project',
          (n) => `${plural(n, 'link', 'links')} to other projects did not come across`,
          where,
        );
        continue;
      }
      const pred = predUid === undefined ? undefined : idOf.get(predUid);
      if (pred === undefined) {
        report.error(`Its predecessor UID ${predUid ?? '(none)'} is not a task of the file`, where);
        continue;
      }
      const type = LINK_TYPES[Number(textOf(l, 'Type') ?? '1')] ?? 'FS';
      const lagTenths = Number(textOf(l, 'LinkLag') ?? '0');
      const lagFmt = durationFormat(Number(textOf(l, 'LagFormat') ?? '7')) ?? {
        unit: 'd',
        elapsed: false,
        estimated: false,
      };
      let lag = '';
      if (Number.isFinite(lagTenths) && lagTenths !== 0) {
        const sign = lagTenths < 0 ? '-' : '+';
        const abs = Math.abs(lagTenths);
        if (lagFmt.unit === '%') lag = `${sign}${round4(abs / 10)}%`;
        else {
          const minutes = Math.round(abs / 10);
          lag = sign + (lagFmt.elapsed ? elapsedText(minutes, lagFmt.unit) : working(minutes, lagFmt.unit));
        }
      }
      preds.push(`${pred}${type === 'FS' && lag === '' ? '' : type}${lag}`); // a plain FS link as typed: `12`
      counts.links++;
    }
    if (preds.length) row['Predecessors'] = preds.join(', ');
    // Constraints.
    let constraint: string = CONSTRAINTS[Number(textOf(t, 'ConstraintType') ?? '0')] ?? 'ASAP';
    let constraintDate = date(textOf(t, 'ConstraintDate'), where, 'The constraint date');
    if (manual && !summary) {
      const ms = date(textOf(t, 'ManualStart') ?? textOf(t, 'Start'), where, 'The manual start');
      if (ms) {
        constraint = 'MSO';
        constraintDate = ms;
        notes.push('Manually scheduled in Project: fixed on its start (Must Start On).');
        report.note(
          'manual',
          (n) =>
            `${plural(n, 'manually scheduled task', 'manually scheduled tasks')} came in as Must Start On ${n === 1 ? 'its' : 'their'} start`,
          where,
        );
      }
    }
    if (summary && constraint !== 'ASAP' && constraint !== 'SNET' && constraint !== 'FNLT') {
      report.note(
        'summary-constraint',
        (n) =>
          `${plural(n, 'summary task', 'summary tasks')} had a constraint a summary cannot take in a plan (only SNET and FNLT): dropped`,
        `${where} (${constraint})`,
      );
      constraint = 'ASAP';
    }
    if (constraint !== 'ASAP') {
      row['Constraint'] = constraint;
      if (constraint !== 'ALAP' && constraintDate) row['Constraint Date'] = constraintDate;
    }
    const deadline = date(textOf(t, 'Deadline'), where, 'The deadline');
    if (deadline) row['Deadline'] = deadline;
    const priority = Number(textOf(t, 'Priority') ?? '500');
    if (Number.isFinite(priority) && priority !== 500)
      row['Priority'] = Math.max(0, Math.min(1000, Math.round(priority)));
    // Progress and baseline.
    const pct = Number(textOf(t, 'PercentComplete') ?? '0');
    if (!summary && Number.isFinite(pct) && pct > 0) row['% Complete'] = pct / 100;
    const as = date(textOf(t, 'ActualStart'), where, 'The actual start');
    const af = date(textOf(t, 'ActualFinish'), where, 'The actual finish');
    if (!summary && as) row['Actual Start'] = as;
    if (!summary && af) row['Actual Finish'] = af;
    const baseline = childrenOf(t, 'Baseline').find((b) => (textOf(b, 'Number') ?? '0') === '0');
    if (baseline) {
      const bs = date(textOf(baseline, 'Start'), where, 'The baseline start');
      const bf = date(textOf(baseline, 'Finish'), where, 'The baseline finish');
      if (bs) row['Baseline Start'] = bs;
      if (bf) row['Baseline Finish'] = bf;
    }
    // Calendar.
    const calUid = textOf(t, 'CalendarUID');
    if (calUid !== undefined && calUid !== '-1') {
      const cal = calendars.get(calUid);
      if (!cal) report.error(`Its calendar UID ${calUid} is not in the file`, where);
      else if (cal !== projectCal) {
        need(cal.uid);
        row['Calendar'] = cal.name;
      }
    }
    // Resources and cost.
    // MSPDI keeps money in hundredths (a FixedCost of 150000 is 1,500.00).
    let fixedCost = Number(textOf(t, 'FixedCost') ?? '0') / 100;
    const booked: string[] = [];
    for (const a of byTask.get(uid) ?? []) {
      const ruid = textOf(a, 'ResourceUID');
      if (ruid === undefined || ruid === '-65535' || Number(ruid) < 0) continue;
      const r = resources.get(ruid);
      if (!r) {
        report.error(`An assignment names resource UID ${ruid}, which is not in the file`, where);
        continue;
      }
      counts.assignments++;
      if (r.type === 'Cost') {
        const cost = Number(textOf(a, 'Cost') ?? '0');
        if (Number.isFinite(cost)) fixedCost += cost / 100;
        continue;
      }
      const units = Number(textOf(a, 'Units') ?? '1');
      booked.push(
        !Number.isFinite(units) || units === 1
          ? r.name
          : r.type === 'Material'
            ? `${r.name}[${round4(units)}]`
            : `${r.name}[${round4(units * 100)}%]`,
      );
    }
    if (booked.length && !summary) row['Resources'] = booked.join(', ');
    if (Number.isFinite(fixedCost) && fixedCost !== 0) row['Fixed Cost'] = round4(fixedCost);
    const projectNotes = textOf(t, 'Notes');
    if (projectNotes) notes.unshift(projectNotes);
    if (notes.length) row['Notes'] = notes.join('\n');
    rows.push(row);
    counts.tasks++;
  }
  if (skippedNull > 0)
    report.note(
      'null',
      () =>
        `${plural(skippedNull, 'blank row', 'blank rows')} of Project (null tasks) ${skippedNull === 1 ? 'was' : 'were'} skipped`,
      'the Tasks list',
    );

  // ---- Calendars and their exceptions as the plan has them -----------------------------
  const calendarRows: Row[] = [];
  for (const cal of calendars.values()) {
    if (!needed.has(cal.uid)) continue;
    const cells = weekCells(fullWeek(cal));
    const base = cal.base !== null ? calendars.get(cal.base) : undefined;
    const row: Row = { Name: cal.name };
    if (base) row['Base Calendar'] = base.name;
    row['Working Days'] = cells.days;
    row['Working Hours'] = cells.hours;
    calendarRows.push(row);
    counts.calendars++;
    for (const e of cal.exceptions) holidays.push({ ...e, Calendar: cal.name });
  }
  if (projectCal) {
    const cells = weekCells(fullWeek(projectCal));
    settings['Working Days'] = cells.days;
    settings['Working Hours'] = cells.hours;
  }
  if (report.errors.length > 0) return { doc: null, issues: report.issues(), counts };
  return {
    doc: { settings, tasks: rows, resources: resourceRows, calendars: calendarRows, holidays },
    issues: report.issues(),
    counts,
  };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** The minutes of the standard day, as the plan reads Working Hours (standardWeekday). */
function standardDayMinutes(week: Interval[][]): number {
  const minutes = week.map((d) => d.reduce((s, [a, b]) => s + b - a, 0));
  const best = standardWeekday(minutes);
  return best < 0 ? 480 : minutes[best];
}

/** A Holidays row: from one day to another, non-working, or working those hours. */
function exceptionRow(from: string, to: string, name: string, hours: Interval[] | null): Row {
  const row: Row = { Date: from.slice(0, 10) };
  if (to.slice(0, 10) !== from.slice(0, 10)) row['End Date'] = to.slice(0, 10);
  row['Name'] = name || 'Exception';
  if (hours) row['Working Hours'] = hoursText(hours);
  return row;
}

/**
 * The days of a recurring exception (Project 2007+): daily every n days, weekly on some weekdays,
 * monthly or yearly on a day of the month. Undefined for those by weekday position (the second
 * Tuesday), which the importer does not expand.
 */
function recurringDays(ex: XmlElement, from: string, to: string, type: number, period: number): string[] | undefined {
  const first = Math.floor(parseMspdiDate(from)! / 1440);
  const last = Math.floor(parseMspdiDate(to)! / 1440);
  if (last - first > 366 * 60) return undefined;
  const out: string[] = [];
  const day = (d: number) => formatWall(d * 1440).slice(0, 10);
  const every = Math.max(1, period);
  const dow = Number(textOf(ex, 'DaysOfWeek') ?? '0');
  const monthDay = Number(textOf(ex, 'MonthDay') ?? '0');
  const month = Number(textOf(ex, 'Month') ?? '-1');
  for (let d = first; d <= last; d++) {
    const date = new Date(d * 86400000);
    const ok =
      type === 1
        ? (d - first) % every === 0
        : type === 6
          ? (dow & (1 << date.getUTCDay())) !== 0 && Math.floor((d - first) / 7) % every === 0
          : type === 4
            ? date.getUTCDate() === monthDay
            : type === 2
              ? date.getUTCDate() === monthDay && date.getUTCMonth() === month
              : null;
    if (ok === null) return undefined;
    if (ok) out.push(day(d));
  }
  return out;
}
