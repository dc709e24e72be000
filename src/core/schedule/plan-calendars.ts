/**
 * The calendars a plan schedules with, by Microsoft Project's rules:
 * - The project calendar: the Settings' Working Days and Working Hours, or the calendar Settings
 *   `Project Calendar` names. Holidays rows without a Calendar apply to every calendar; a row
 *   naming one applies to it and to the calendars based on it.
 * - A task works on its own calendar (Tasks `Calendar`) where it has one; a task that books
 *   Work or Equipment resources works when all of them can (each on its Resources `Calendar`, or
 *   the project calendar), intersected with its own calendar where it has one; any other task
 *   works on the project calendar.
 * Lags, float and the project's dates stay on the project calendar (see docs/scheduling.md).
 */
import { CalendarDefinition, WorkCalendar, WorkInterval } from '../calendar';
import { clip } from '../helpers';
import type { Issue, Plan, PlanTask } from '../model';
import { dayOf, weekdayOfDay } from '../time';

const PROJECT = '';

/** The hours two lists of intervals share. */
function intersect(a: readonly WorkInterval[], b: readonly WorkInterval[]): WorkInterval[] {
  const out: WorkInterval[] = [];
  for (const x of a)
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end > start) out.push({ start, end });
    }
  return out.sort((p, q) => p.start - q.start);
}

/** Intervals merged where they overlap or touch, in order. */
function merge(list: readonly WorkInterval[]): WorkInterval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: WorkInterval[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ ...x });
  }
  return out;
}

function weekdayHours(def: CalendarDefinition, d: number): readonly WorkInterval[] {
  if (def.weekdayIntervals) return def.weekdayIntervals[d];
  return def.workingWeekdays[d] ? def.intervals : [];
}

function dayHours(def: CalendarDefinition, day: number, holidays: ReadonlySet<number>): readonly WorkInterval[] {
  const e = def.exceptions?.get(day);
  if (e) return e;
  if (holidays.has(day)) return [];
  return weekdayHours(def, weekdayOfDay(day));
}

export class PlanCalendars {
  private readonly definitions = new Map<string, CalendarDefinition>();
  private readonly built = new Map<string, WorkCalendar | null>();
  readonly project: WorkCalendar;
  /** Each task's calendar where it is not the project's (a task that has no working time has none here). */
  readonly ofTask = new Map<number, WorkCalendar>();

  /** `project`: the project calendar when the caller has it built already (see functions/plan.ts). */
  constructor(
    private readonly plan: Plan,
    issues: Issue[],
    project?: WorkCalendar,
  ) {
    const anchor = dayOf(plan.settings.projectStart);
    this.project = project ?? new WorkCalendar(this.definition(plan.settings.projectCalendar ?? PROJECT), anchor);
    if (plan.calendars.size === 0) return;
    const resources = new Map(plan.resources.map((r) => [r.name.toLowerCase(), r]));
    plan.tasks.forEach((t, i) => {
      if (t.isSummary || t.duration === null || t.duration.elapsed) return;
      const names = new Set<string>();
      if (t.calendar !== null) names.add(t.calendar);
      let own = t.calendar !== null;
      for (const a of t.resources) {
        const r = resources.get(a.resource.toLowerCase());
        if (!r || r.type === 'Material') continue;
        if (r.calendar !== null) own = true;
        names.add(r.calendar ?? plan.settings.projectCalendar ?? PROJECT);
      }
      if (!own) return;
      const key = [...names].sort().join('\u0000');
      let cal = this.built.get(key);
      if (cal === undefined) {
        cal = this.intersection([...names], anchor);
        this.built.set(key, cal);
      }
      if (cal) this.ofTask.set(i, cal);
      else issues.push(noCommonTime(t, [...names], plan));
    });
  }

  /** A calendar's definition by name in lower case ('' for the Settings' week), its exceptions included. */
  definition(name: string): CalendarDefinition {
    let def = this.definitions.get(name);
    if (!def) this.definitions.set(name, (def = calendarDefinitionOf(this.plan, name)));
    return def;
  }

  /** The calendar of the hours any calendar of the plan works: the project's and every named one. */
  union(): WorkCalendar {
    const names = [PROJECT, ...this.plan.calendars.keys()];
    return new WorkCalendar(
      this.combined(names, (lists) => merge(lists.flat())),
      dayOf(this.plan.settings.projectStart),
    );
  }

  /** The calendar of the hours all the named calendars share; null when they share none. */
  private intersection(names: string[], anchor: number): WorkCalendar | null {
    if (names.length === 1) return new WorkCalendar(this.definition(names[0]), anchor);
    const def = this.combined(names, (lists) => lists.reduce<WorkInterval[]>(intersect, [{ start: 0, end: 1440 }]));
    // No hour in common in a week: a working exception they share (a Saturday open to all) is a few
    // hours in all, and a task longer than those could never finish.
    if (!def.weekdayIntervals!.some((x) => x.length > 0)) return null;
    try {
      return new WorkCalendar(def, anchor);
    } catch {
      return null;
    }
  }

  /**
   * The named calendars made one, weekday by weekday and on every day any of them treats apart
   * (a holiday, an exception), by `hours` of their hours that day (intersect, merge). The standard
   * day stays the project's (what `1d` means).
   */
  private combined(names: string[], hours: (lists: (readonly WorkInterval[])[]) => WorkInterval[]): CalendarDefinition {
    const defs = names.map((n) => this.definition(n));
    const holidays = defs.map((d) => new Set(d.holidays));
    const days = new Set<number>();
    defs.forEach((def, k) => {
      for (const h of holidays[k]) days.add(h);
      for (const day of def.exceptions?.keys() ?? []) days.add(day);
    });
    const exceptions = [...days].map(
      (day) => [day, hours(defs.map((def, k) => dayHours(def, day, holidays[k])))] as const,
    );
    return {
      workingWeekdays: [...this.project.workingWeekdays],
      intervals: [...this.project.intervals],
      holidays: exceptions.filter(([, x]) => x.length === 0).map(([day]) => day),
      weekdayIntervals: [0, 1, 2, 3, 4, 5, 6].map((d) => hours(defs.map((def) => weekdayHours(def, d)))),
      exceptions: new Map(exceptions.filter(([, x]) => x.length > 0)),
    };
  }
}

/** The project calendar's definition: the calendar Settings `Project Calendar` names, or the Settings' week. */
export function projectCalendarDefinition(plan: Plan): CalendarDefinition {
  return calendarDefinitionOf(plan, plan.settings.projectCalendar ?? PROJECT);
}

/** A calendar's definition by name in lower case ('' for the Settings' week), with the Holidays rows that apply to it. */
function calendarDefinitionOf(plan: Plan, name: string): CalendarDefinition {
  const s = plan.settings;
  const named = name === PROJECT ? null : plan.calendars.get(name)!;
  const applies = new Set(named ? [name, ...named.bases] : []);
  const mine = plan.holidays.filter((h) => h.calendar === undefined || applies.has(h.calendar));
  const weekIntervals = named ? named.weekIntervals : s.weekIntervals;
  return {
    workingWeekdays: named ? named.workingWeekdays : s.workingWeekdays,
    intervals: named ? named.intervals : s.intervals,
    holidays: mine.filter((h) => !h.hours).map((h) => h.day),
    ...(weekIntervals ? { weekdayIntervals: weekIntervals } : {}),
    ...(mine.some((h) => h.hours)
      ? { exceptions: new Map(mine.flatMap((h) => (h.hours ? [[h.day, h.hours] as const] : []))) }
      : {}),
  };
}

function noCommonTime(t: PlanTask, names: string[], plan: Plan): Issue {
  const shown = names.map((n) =>
    n === PROJECT ? 'the project calendar' : `"${clip(plan.calendars.get(n)?.name ?? n)}"`,
  );
  return {
    severity: 'error',
    message: `Task ${clip(t.id)} can never work: its calendars (${shown.join(', ')}) have no working time in common in their week (a working exception they share is not enough to finish it).`,
    at: t.calendar !== null ? t.refs.calendar : t.refs.resources,
  };
}
