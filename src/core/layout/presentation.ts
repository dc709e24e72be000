/**
 * How the generated sheets show a plan to people: dates with times only when the plan needs them,
 * durations in days or hours, the project's title, and the page setup every printed sheet shares.
 */
import { round } from '../helpers';
import type { Plan } from '../model';
import type { ScheduleResult } from '../schedule/schedule';
import { MINUTES_PER_DAY, formatLongDay } from '../time';
import type { SheetPlan } from './sheet-plan';

/** Dates of a plan of whole days (`Mon 17 May 27`), and of one that needs the time (`Mon 17 May 27 07:30`). */
export const DAY_FORMAT = 'ddd d mmm yy';
export const DAY_TIME_FORMAT = 'ddd d mmm yy hh:mm';

export interface Presentation {
  /** The Excel number format of every date the sheets show. */
  dateFormat: string;
  /** Width, in characters, of a column of such dates. */
  dateWidth: number;
  unit: 'days' | 'hours';
  /** Working minutes (or, for elapsed durations, wall minutes) in the unit, to two decimals. */
  inUnits(minutes: number, elapsed?: boolean): number;
  /** The number format of an elapsed task's duration and floats in the unit: `2 ed`, `10 eh`. */
  elapsedFormat: string;
  /** The project's name and subtitle, for titles (`Episode 104 · Prep and shoot`); '' when not set. */
  title: string;
}

/** Whether every task starts at the start of a working day and finishes at its end. */
function wholeDays(plan: Plan, result: ScheduleResult): boolean {
  const intervals = result.calendar.intervals;
  const first = intervals[0].start;
  const last = intervals[intervals.length - 1].end;
  for (let i = 0; i < plan.tasks.length; i++) {
    if (plan.tasks[i].isSummary) continue;
    const start = result.start[i] % MINUTES_PER_DAY;
    const finish = result.finish[i] % MINUTES_PER_DAY;
    if ((start !== first && start !== last) || (finish !== last && finish !== first)) return false;
  }
  return true;
}

/** Whether days would mislead: a task whose length is no whole quarter of a working day (45 minutes is 0.09d). */
function needsHours(plan: Plan, result: ScheduleResult): boolean {
  const quarter = result.calendar.minutesPerDay / 4;
  for (let i = 0; i < plan.tasks.length; i++) {
    const t = plan.tasks[i];
    if (t.isSummary || t.duration === null || t.duration.elapsed) continue;
    if (t.duration.minutes % quarter !== 0) return true;
  }
  return false;
}

/** The project's name and subtitle as one title (`Episode 104 · Prep and shoot`); '' when neither is set. */
export function projectTitle(settings: Plan['settings']): string {
  return [settings.projectName, settings.subtitle].filter((t) => t !== '').join(' · ');
}

export function presentationOf(plan: Plan, result: ScheduleResult): Presentation {
  const s = plan.settings;
  const dateFormat = s.dateFormat ?? (wholeDays(plan, result) ? DAY_FORMAT : DAY_TIME_FORMAT);
  const unit = s.durationUnits === 'auto' ? (needsHours(plan, result) ? 'hours' : 'days') : s.durationUnits;
  const mpd = result.calendar.minutesPerDay;
  return {
    dateFormat,
    // What the format shows: `Mon 17 May 27` is 13 characters, with the time 19, plus a margin.
    dateWidth: Math.max(12, dateFormat.replace(/"/g, '').replace(/dddd|mmmm/g, 'xxxxxxxxx').length + 3),
    unit,
    inUnits: (minutes, elapsed = false) =>
      unit === 'hours' ? round(minutes / 60, 2) : round(minutes / (elapsed ? MINUTES_PER_DAY : mpd), 2),
    elapsedFormat: unit === 'days' ? '0.##" ed"' : '0.##" eh"',
    title: projectTitle(s),
  };
}

/** Text for a page header or footer: `&` is a code there, so the user's own `&` is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Wider than this many characters, a sheet prints landscape. */
const PORTRAIT_WIDTH = 100;

/**
 * Sets up a generated sheet for printing: one page wide (as many pages down as it takes), landscape
 * when wide, its header rows (and any title columns) repeated, and on every page the project's
 * title and the sheet's name above, the status date and `Page x of y` below.
 */
export function withPrintSetup(sheet: SheetPlan, title: string, statusDate: number | null): SheetPlan {
  const width = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const left = title === '' ? '' : `&B${headerText(title)}&B`;
  return {
    ...sheet,
    print: {
      landscape: width > PORTRAIT_WIDTH,
      titleRows: sheet.print?.titleRows ?? sheet.headerRows ?? 1,
      ...(sheet.print?.titleColumns ? { titleColumns: sheet.print.titleColumns } : {}),
      fitToWidth: true,
      header: { left, center: '&A' },
      footer: {
        left: statusDate === null ? '' : `Status date ${headerText(formatLongDay(statusDate))}`,
        right: 'Page &P of &N',
      },
    },
  };
}
