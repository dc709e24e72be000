/**
 * The Calendars sheet: named calendars (`Name | Base Calendar | Working Days | Working Hours`),
 * for the project (Settings `Project Calendar`), for tasks and for resources (their `Calendar`
 * columns). A calendar without Working Days or Working Hours takes them from its base calendar,
 * and one without a base from the Settings sheet; a calendar also keeps its base's exceptions
 * (Holidays rows naming the base in their Calendar column).
 */
import type { WorkInterval } from '../calendar';
import { clip } from '../helpers';
import { Location, formatLocation } from '../location';
import type { Issue, NamedCalendar } from '../model';
import { parseWeekHours, parseWorkingDays } from '../parsers/values';
import type { RawSheet } from '../raw';
import { ColumnSpec, cellText, readTable } from './table';

type CalendarField = 'name' | 'base' | 'days' | 'hours';
export const CALENDAR_COLUMNS: ColumnSpec<CalendarField>[] = [
  { field: 'name', label: 'Name', names: ['name', 'calendar', 'calendarname'], required: true },
  { field: 'base', label: 'Base Calendar', names: ['basecalendar', 'base'] },
  { field: 'days', label: 'Working Days', names: ['workingdays', 'days'] },
  { field: 'hours', label: 'Working Hours', names: ['workinghours', 'hours'] },
];

interface Row {
  name: string;
  at: Location;
  base: string;
  baseAt: Location;
  days: string;
  daysAt: Location;
  hours: string;
  hoursAt: Location;
}

/** What the Settings sheet says of the week: the calendar every other starts from. */
export interface SettingsWeek {
  workingWeekdays: boolean[];
  intervals: WorkInterval[];
  weekIntervals: WorkInterval[][] | null;
  /** The Working Days and Working Hours as typed ('' when not given). */
  daysText: string;
  hoursText: string;
}

/** The calendars by name in lower case; every error is an issue at its cell. */
export function readCalendars(sheet: RawSheet, settings: SettingsWeek, issues: Issue[]): Map<string, NamedCalendar> {
  const table = readTable(sheet, CALENDAR_COLUMNS, issues);
  const rows = new Map<string, Row>();
  for (const row of table?.rows ?? []) {
    const name = cellText(row.cell('name'));
    if (name === '') {
      issues.push({ severity: 'error', message: 'This calendar has no name.', at: row.at('name') });
      continue;
    }
    const key = name.toLowerCase();
    const seen = rows.get(key);
    if (seen) {
      issues.push({
        severity: 'error',
        message: `Calendar "${clip(name)}" is listed twice (also at ${formatLocation(seen.at)}).`,
        at: row.at('name'),
        also: seen.at,
      });
      continue;
    }
    rows.set(key, {
      name,
      at: row.at('name'),
      base: cellText(row.cell('base')),
      baseAt: row.at('base'),
      days: cellText(row.cell('days')),
      daysAt: row.at('days'),
      hours: cellText(row.cell('hours')),
      hoursAt: row.at('hours'),
    });
  }
  const out = new Map<string, NamedCalendar>();
  for (const [key, row] of rows) {
    // Up the chain of bases for what this calendar leaves empty; a loop is an error.
    const chain: Row[] = [row];
    let ok = true;
    for (let r = row; r.base !== '';) {
      const next = rows.get(r.base.toLowerCase());
      if (!next) {
        issues.push({
          severity: 'error',
          message: `Calendar "${clip(r.name)}": its base calendar "${clip(r.base)}" is not on the Calendars sheet.`,
          at: r.baseAt,
        });
        ok = false;
        break;
      }
      if (chain.includes(next)) {
        if (r === row || next === row)
          issues.push({
            severity: 'error',
            message: `Calendar "${clip(row.name)}" is its own base, through ${chain.map((c) => `"${clip(c.name)}"`).join(' → ')} → "${clip(next.name)}".`,
            at: row.baseAt,
          });
        ok = false;
        break;
      }
      chain.push(next);
      r = next;
    }
    if (!ok) continue;
    const days = chain.find((c) => c.days !== '');
    const hours = chain.find((c) => c.hours !== '');
    let weekdays = settings.workingWeekdays;
    if (days) {
      const p = parseWorkingDays(days.days);
      if (!p.ok) {
        if (days === row)
          issues.push({
            severity: 'error',
            message: `Calendar "${clip(row.name)}" Working Days: ${p.message}.`,
            at: row.daysAt,
          });
        continue;
      }
      weekdays = p.value;
    }
    const hoursText = hours ? hours.hours : settings.hoursText;
    let week = { standard: settings.intervals, workingWeekdays: weekdays, week: settings.weekIntervals };
    if (hoursText !== '' && (hours || days)) {
      const p = parseWeekHours(hoursText, weekdays);
      if (!p.ok) {
        if (!hours || hours === row)
          issues.push({
            severity: 'error',
            message: `Calendar "${clip(row.name)}" Working Hours: ${p.message}.`,
            at: hours ? row.hoursAt : row.daysAt,
          });
        continue;
      }
      week = p.value;
    } else if (days) {
      week = { standard: settings.intervals, workingWeekdays: weekdays, week: null };
    }
    out.set(key, {
      name: row.name,
      workingWeekdays: week.workingWeekdays,
      intervals: week.standard,
      weekIntervals: week.week,
      bases: chain.slice(1).map((c) => c.name.toLowerCase()),
      at: row.at,
    });
  }
  return out;
}
