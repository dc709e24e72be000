import type { Holiday, Issue, NamedCalendar } from '../model';
import { clip } from '../helpers';
import type { WorkInterval } from '../calendar';
import { parseDateCell, parseWorkingHours } from '../parsers/values';
import type { RawSheet } from '../raw';
import { DateOrder, dayOf } from '../time';
import { ColumnSpec, cellText, readTable } from './table';

type HolidayField = 'date' | 'end' | 'name' | 'hours' | 'calendar';
export const HOLIDAY_COLUMNS: ColumnSpec<HolidayField>[] = [
  { field: 'date', label: 'Date', names: ['date', 'start', 'startdate', 'from'], required: true },
  { field: 'end', label: 'End Date', names: ['end', 'enddate', 'to', 'until'] },
  { field: 'name', label: 'Name', names: ['name', 'holiday', 'description'] },
  { field: 'hours', label: 'Working Hours', names: ['workinghours', 'hours'] },
  { field: 'calendar', label: 'Calendar', names: ['calendar'] },
];

/**
 * The Holidays sheet: one row per holiday or range of days off (`Date | End Date | Name`); a row
 * with Working Hours is a working exception instead: those days work those hours (a Saturday
 * shoot, a short day before a holiday).
 */
export function readHolidays(
  sheet: RawSheet,
  issues: Issue[],
  dateOrder: DateOrder | null = null,
  calendars: ReadonlyMap<string, NamedCalendar> = new Map(),
): Holiday[] {
  const table = readTable(sheet, HOLIDAY_COLUMNS, issues);
  if (!table) return [];
  const out: Holiday[] = [];
  for (const row of table.rows) {
    const name = cellText(row.cell('name')) || 'Holiday';
    const d = row.has('date')
      ? parseDateCell(row.cell('date')!.value, dateOrder)
      : { ok: false as const, message: 'the date is empty' };
    if (!d.ok) {
      issues.push({ severity: 'error', message: `Holiday "${clip(name)}": ${d.message}.`, at: row.at('date') });
      continue;
    }
    let last = dayOf(d.value.wall);
    if (row.has('end')) {
      const e = parseDateCell(row.cell('end')!.value, dateOrder);
      if (!e.ok) {
        issues.push({ severity: 'error', message: `Holiday "${clip(name)}" end: ${e.message}.`, at: row.at('end') });
        continue;
      }
      last = dayOf(e.value.wall);
      if (last < dayOf(d.value.wall)) {
        issues.push({
          severity: 'error',
          message: `Holiday "${clip(name)}" ends before it starts.`,
          at: row.at('end'),
        });
        continue;
      }
      if (last - dayOf(d.value.wall) > 366) {
        issues.push({
          severity: 'error',
          message: `Holiday "${clip(name)}" is longer than a year; check its dates.`,
          at: row.at('end'),
        });
        continue;
      }
    }
    let hours: WorkInterval[] | undefined;
    const hoursText = cellText(row.cell('hours'));
    if (hoursText !== '') {
      const h = parseWorkingHours(hoursText);
      if (!h.ok) {
        issues.push({
          severity: 'error',
          message: `"${clip(name)}" Working Hours: ${h.message}.`,
          at: row.at('hours'),
        });
        continue;
      }
      hours = h.value;
    }
    const calendar = cellText(row.cell('calendar')).toLowerCase();
    if (calendar !== '' && !calendars.has(calendar)) {
      issues.push({
        severity: 'error',
        message: `"${clip(name)}" Calendar: "${clip(cellText(row.cell('calendar')))}" is not on the Calendars sheet.`,
        at: row.at('calendar'),
      });
      continue;
    }
    for (let day = dayOf(d.value.wall); day <= last; day++)
      out.push({ day, name, ...(hours ? { hours } : {}), ...(calendar !== '' ? { calendar } : {}) });
  }
  return out;
}
