/**
 * A plan and its schedule as Microsoft Project XML (MSPDI): calendars, tasks with their links,
 * constraints, deadlines, progress and baseline, resources and assignments, with the computed
 * dates, slack and critical flags filled in, so a reader that does not reschedule sees the
 * engine's schedule. Elements are written in the order of Project's schema. See docs/msproject.md.
 */
import type { Holiday, Plan, PlanTask } from '../model';
import type { WorkInterval } from '../calendar';
import type { ScheduleResult } from '../schedule/schedule';
import { formatWall } from '../time';
import { MSPDI_NAMESPACE, durationFormatCode, isoDuration, mspdiDate } from './mspdi';

const LINK_CODE = { FF: 0, FS: 1, SF: 2, SS: 3 } as const;
const CONSTRAINT_CODE = { ASAP: 0, ALAP: 1, MSO: 2, MFO: 3, SNET: 4, SNLT: 5, FNET: 6, FNLT: 7 } as const;

/** Characters XML 1.0 does not allow, even escaped: the C0 controls but tab, line feed and carriage return. */
function allowedInXml(c: string): boolean {
  const code = c.charCodeAt(0);
  return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function esc(text: string): string {
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  if ([...out].some((c) => !allowedInXml(c))) out = [...out].filter(allowedInXml).join('');
  return out;
}

class Xml {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  private depth = 0;
  open(name: string, attrs = ''): this {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}${attrs}>\n`);
    this.depth++;
    return this;
  }
  close(name: string): this {
    this.depth--;
    this.parts.push(`${'  '.repeat(this.depth)}</${name}>\n`);
    return this;
  }
  field(name: string, value: string | number | null | undefined): this {
    if (value === null || value === undefined) return this;
    this.parts.push(`${'  '.repeat(this.depth)}<${name}>${esc(String(value))}</${name}>\n`);
    return this;
  }
  text(): string {
    return this.parts.join('');
  }
}

const time = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;

/** A week of hours: each weekday's intervals (0 = Sunday). */
function weekOf(
  workingWeekdays: boolean[],
  intervals: WorkInterval[],
  week: WorkInterval[][] | null,
): WorkInterval[][] {
  return Array.from({ length: 7 }, (_, d) => (week ? week[d] : workingWeekdays[d] ? intervals : []));
}

/** A day's hours as MSPDI's WorkingTimes; nothing for a day off. */
function writeWorkingTimes(x: Xml, hours: readonly WorkInterval[]): void {
  if (hours.length === 0) return;
  x.open('WorkingTimes');
  for (const h of hours)
    x.open('WorkingTime').field('FromTime', time(h.start)).field('ToTime', time(h.end)).close('WorkingTime');
  x.close('WorkingTimes');
}

function writeWeekDay(x: Xml, dayType: number, hours: WorkInterval[]): void {
  x.open('WeekDay')
    .field('DayType', dayType)
    .field('DayWorking', hours.length > 0 ? 1 : 0);
  writeWorkingTimes(x, hours);
  x.close('WeekDay');
}

interface CalendarOut {
  uid: number;
  name: string;
  baseUid: number;
  week: WorkInterval[][] | null;
  holidays: Holiday[];
}

function writeCalendar(x: Xml, c: CalendarOut): void {
  x.open('Calendar')
    .field('UID', c.uid)
    .field('Name', c.name)
    .field('IsBaseCalendar', c.baseUid < 0 ? 1 : 0);
  x.field('BaseCalendarUID', c.baseUid);
  x.open('WeekDays');
  if (c.week) c.week.forEach((hours, d) => writeWeekDay(x, d + 1, hours));
  // Exceptions, as every Project version reads them: a day type 0 with its time period.
  for (const h of c.holidays) {
    const from = formatWall(h.day * 1440).slice(0, 10);
    x.open('WeekDay')
      .field('DayType', 0)
      .field('DayWorking', h.hours && h.hours.length ? 1 : 0);
    x.open('TimePeriod').field('FromDate', `${from}T00:00:00`).field('ToDate', `${from}T23:59:00`).close('TimePeriod');
    writeWorkingTimes(x, h.hours ?? []);
    x.close('WeekDay');
  }
  x.close('WeekDays');
  x.close('Calendar');
}

/** The text of a duration in the unit it reads best in, with its DurationFormat code. */
function durationFormatOf(t: PlanTask, mpd: number): number {
  const d = t.duration;
  if (!d) return 7;
  if (d.elapsed) return durationFormatCode(d.minutes % 1440 === 0 ? 'd' : d.minutes % 60 === 0 ? 'h' : 'm', true);
  return durationFormatCode(d.minutes % mpd === 0 ? 'd' : d.minutes % 60 === 0 ? 'h' : 'm', false);
}

/** Writes Project XML for a plan and its schedule. `name`: the project's title when the plan has none. */
export function planToMspdi(plan: Plan, r: ScheduleResult, name = 'Production plan'): string {
  const x = new Xml();
  const s = plan.settings;
  const mpd = r.calendar.minutesPerDay;
  const tasks = plan.tasks;
  x.open('Project', ` xmlns="${MSPDI_NAMESPACE}"`);
  x.field('SaveVersion', 14)
    .field('Name', s.projectName || name)
    .field('Title', s.projectName || name);
  x.field('ScheduleFromStart', 1)
    .field('StartDate', mspdiDate(s.projectStart))
    .field('FinishDate', mspdiDate(r.projectFinish));
  x.field('CurrencyCode', s.currency);
  // Calendars: the Settings' hours (UID 1), then each calendar of the Calendars sheet.
  const named = [...plan.calendars.values()];
  const uidOf = new Map<string, number>(named.map((c, k) => [c.name.toLowerCase(), k + 2]));
  const projectUid = s.projectCalendar ? (uidOf.get(s.projectCalendar.toLowerCase()) ?? 1) : 1;
  x.field('CalendarUID', projectUid);
  const first = s.intervals[0]?.start ?? 480;
  const last = s.intervals[s.intervals.length - 1]?.end ?? 1020;
  x.field('DefaultStartTime', time(first)).field('DefaultFinishTime', time(last));
  x.field('MinutesPerDay', mpd)
    .field('MinutesPerWeek', mpd * 5)
    .field('DaysPerMonth', 20);
  x.field('StatusDate', s.statusDateGiven ? mspdiDate(s.statusDate) : null);
  x.open('Calendars');
  const everywhere = plan.holidays.filter((h) => !h.calendar);
  writeCalendar(x, {
    uid: 1,
    name: 'Standard',
    baseUid: -1,
    week: weekOf(s.workingWeekdays, s.intervals, s.weekIntervals),
    holidays: everywhere,
  });
  for (const c of named) {
    const base = c.bases[0] ? uidOf.get(c.bases[0].toLowerCase()) : undefined;
    const own = plan.holidays.filter((h) => h.calendar?.toLowerCase() === c.name.toLowerCase());
    writeCalendar(x, {
      uid: uidOf.get(c.name.toLowerCase())!,
      name: c.name,
      baseUid: base ?? -1,
      week: weekOf(c.workingWeekdays, c.intervals, c.weekIntervals),
      // A calendar on its own base gets the holidays every calendar has; one based on another inherits them.
      holidays: base === undefined ? [...everywhere, ...own] : own,
    });
  }
  x.close('Calendars');

  // Tasks: UIDs and IDs are row numbers; the plan's ID is the WBS code (import with --ids wbs).
  x.open('Tasks');
  const outline: number[] = [];
  tasks.forEach((t, i) => {
    const uid = i + 1;
    outline.length = t.outlineLevel;
    outline[t.outlineLevel - 1] = (outline[t.outlineLevel - 1] ?? 0) + 1;
    const summary = t.isSummary;
    const milestone = !summary && t.duration !== null && t.duration.minutes === 0;
    x.open('Task')
      .field('UID', uid)
      .field('ID', uid)
      .field('Name', t.name)
      .field('Manual', 0)
      .field('Type', 1)
      .field('IsNull', 0);
    x.field('WBS', t.id).field('OutlineNumber', outline.join('.')).field('OutlineLevel', t.outlineLevel);
    x.field('Priority', t.priority);
    x.field('Start', mspdiDate(r.start[i])).field('Finish', mspdiDate(r.finish[i]));
    x.field('Duration', isoDuration(summary ? r.duration[i] : (t.duration?.minutes ?? 0)));
    x.field('DurationFormat', durationFormatOf(t, mpd));
    x.field('Estimated', 0)
      .field('Milestone', milestone ? 1 : 0)
      .field('Summary', summary ? 1 : 0);
    x.field('Critical', r.critical[i]);
    x.field('EarlyStart', mspdiDate(r.earlyStart[i])).field('EarlyFinish', mspdiDate(r.earlyFinish[i]));
    x.field('LateStart', mspdiDate(r.lateStart[i])).field('LateFinish', mspdiDate(r.lateFinish[i]));
    // Slack in tenths of a minute, as MSPDI keeps it.
    x.field('FreeSlack', r.freeFloat[i] * 10).field('TotalSlack', r.totalFloat[i] * 10);
    x.field('FixedCost', Math.round(t.fixedCost * 100)).field('FixedCostAccrual', 3);
    x.field('PercentComplete', Math.round(r.percentComplete[i]));
    x.field('ActualStart', t.actualStart !== null ? mspdiDate(t.actualStart) : null);
    x.field('ActualFinish', t.actualFinish !== null ? mspdiDate(t.actualFinish) : null);
    x.field('ConstraintType', CONSTRAINT_CODE[t.constraint]);
    x.field('CalendarUID', t.calendar ? (uidOf.get(t.calendar.toLowerCase()) ?? -1) : -1);
    x.field('ConstraintDate', t.constraintDate !== null ? mspdiDate(t.constraintDate) : null);
    x.field('Deadline', t.deadline !== null ? mspdiDate(t.deadline) : null);
    for (const l of t.links) {
      x.open('PredecessorLink')
        .field('PredecessorUID', l.pred + 1)
        .field('Type', LINK_CODE[l.type])
        .field('CrossProject', 0);
      if (l.lag.percent !== undefined) x.field('LinkLag', Math.round(l.lag.percent * 10)).field('LagFormat', 19);
      else {
        const m = l.lag.minutes;
        const unit = l.lag.elapsed
          ? m % 1440 === 0
            ? 'd'
            : m % 60 === 0
              ? 'h'
              : 'm'
          : m % mpd === 0
            ? 'd'
            : m % 60 === 0
              ? 'h'
              : 'm';
        x.field('LinkLag', m * 10).field('LagFormat', durationFormatCode(unit, l.lag.elapsed));
      }
      x.close('PredecessorLink');
    }
    if (t.baselineStart !== null || t.baselineFinish !== null) {
      x.open('Baseline').field('Number', 0);
      x.field('Start', t.baselineStart !== null ? mspdiDate(t.baselineStart) : null);
      x.field('Finish', t.baselineFinish !== null ? mspdiDate(t.baselineFinish) : null);
      x.close('Baseline');
    }
    x.close('Task');
  });
  x.close('Tasks');

  // Resources, each on a resource calendar based on its Calendar (or the project's).
  x.open('Resources');
  const resourceUid = new Map<string, number>();
  plan.resources.forEach((res, k) => {
    const uid = k + 1;
    resourceUid.set(res.name.toLowerCase(), uid);
    x.open('Resource').field('UID', uid).field('ID', uid).field('Name', res.name);
    x.field('Type', res.type === 'Material' ? 0 : 1).field('IsNull', 0);
    if (res.type !== 'Material') x.field('MaxUnits', res.maxUnits);
    x.field('AvailableFrom', res.availableFrom !== null ? mspdiDate(res.availableFrom) : null);
    x.field('AvailableTo', res.availableTo !== null ? mspdiDate(res.availableTo) : null);
    x.field('StandardRate', res.rate).field('StandardRateFormat', res.type === 'Material' ? 7 : 2);
    if (res.calendar) x.field('CalendarUID', uidOf.get(res.calendar.toLowerCase()) ?? projectUid);
    x.close('Resource');
  });
  x.close('Resources');
  x.open('Assignments');
  let a = 0;
  tasks.forEach((t, i) => {
    for (const as of t.resources) {
      const ruid = resourceUid.get(as.resource.toLowerCase());
      if (ruid === undefined) continue;
      a++;
      x.open('Assignment')
        .field('UID', a)
        .field('TaskUID', i + 1)
        .field('ResourceUID', ruid);
      x.field('Finish', mspdiDate(r.finish[i])).field('Start', mspdiDate(r.start[i])).field('Units', as.units);
      x.close('Assignment');
    }
  });
  x.close('Assignments');
  x.close('Project');
  return x.text();
}
