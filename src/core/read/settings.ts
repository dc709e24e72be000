import { clip, normalizeHeader } from '../helpers';
import { Location, sheetLocation } from '../location';
import { DEFAULT_INTERVALS, WorkInterval } from '../calendar';
import type { DurationUnits, GanttScale, Issue, Plan, PlanSettings } from '../model';
import { parseEacMethod, parseLeveling, parseLevelingOrder, parseVarianceSign } from '../parsers/settings';
import { atDefaultTime, parseDateCell, parseNumberCell, parseWeekHours, parseWorkingDays } from '../parsers/values';
import { RawCell, RawSheet, isEmptyValue } from '../raw';
import { DATE_ORDERS, DateOrder, LAST_PLACEABLE_WALL, LAST_PLACEABLE_YEAR, Wall, dayOf, formatDay } from '../time';
import type { ReadOptions } from './options';
import { cellText } from './table';

const MON_FRI = [false, true, true, true, true, true, false];

/** The settings that rename an input sheet (`Tasks Sheet | Shots`), by normalized key. */
export const SHEET_SETTINGS: Record<string, keyof Plan['sheetNames']> = {
  taskssheet: 'tasks',
  budgetsheet: 'budget',
  resourcessheet: 'resources',
  holidayssheet: 'holidays',
  calendarssheet: 'calendars',
};

const KNOWN_SETTINGS = new Set([
  'setting',
  'projectstart',
  'statusdate',
  'workingdays',
  'workinghours',
  'currency',
  'varianceamber',
  'variancered',
  'variancesign',
  'ganttscale',
  'eacmethod',
  'dateorder',
  'projectname',
  'subtitle',
  'dateformat',
  'durationunits',
  'leveling',
  'levelingorder',
  'projectcalendar',
  ...Object.keys(SHEET_SETTINGS),
]);

/** A sheet that Settings name but the workbook lacks. */
export function missingSheet(name: string, entry: SettingEntry, issues: Issue[]): void {
  issues.push({
    severity: 'warning',
    message: `Settings name the sheet "${name}", but there is no sheet by that name.`,
    at: entry.at,
  });
}

/** A setting as typed: its value cell and where that cell is. */
export interface SettingEntry {
  cell: RawCell | undefined;
  at: Location;
  keyText: string;
}

/** The input sheets' names: the defaults, or what Settings name (`Tasks Sheet | Shots`). */
export function sheetNamesFrom(entries: Map<string, SettingEntry>): Plan['sheetNames'] {
  const sheetNames = {
    tasks: 'Tasks',
    budget: 'Budget',
    resources: 'Resources',
    holidays: 'Holidays',
    calendars: 'Calendars',
    settings: 'Settings',
  };
  for (const [key, field] of Object.entries(SHEET_SETTINGS)) {
    const e = entries.get(key);
    const text = e ? cellText(e.cell) : '';
    if (text !== '') sheetNames[field] = text;
  }
  return sheetNames;
}

/** The input sheet names a Settings sheet gives, as {@link readPlan} will look for them (for hosts that read sheets lazily). */
export function inputSheetNames(settings: RawSheet | undefined): Plan['sheetNames'] {
  return sheetNamesFrom(settings ? readSettingsEntries(settings) : new Map());
}

/** The Settings sheet's rows by normalized key (`projectstart`), each with its value cell. */
export function readSettingsEntries(sheet: RawSheet): Map<string, SettingEntry> {
  const entries = new Map<string, SettingEntry>();
  // Key in the first non-empty column of each row, value in the next one; a header row `Setting | Value` is skipped.
  sheet.rows.forEach((row, r) => {
    const c = row.findIndex((cell) => cell !== undefined && !isEmptyValue(cell.value));
    if (c < 0) return;
    const keyText = cellText(row[c]);
    const key = normalizeHeader(keyText);
    if (key === 'setting' || key === 'settings') return;
    if (!entries.has(key)) entries.set(key, { cell: row[c + 1], at: sheet.locate(r, c + 1), keyText });
  });
  return entries;
}

/** The Date Order setting as typed (`MDY`, `d/m/y`, `DMY`...): null when not given, 'invalid' when not an order. */
function parseDateOrder(text: string): DateOrder | null | 'invalid' {
  if (text === '') return null;
  const letters = text.toUpperCase().replace(/[^DMY]/g, '');
  return (DATE_ORDERS as readonly string[]).includes(letters) && letters.length === text.replace(/[\s/.-]/g, '').length
    ? (letters as DateOrder)
    : 'invalid';
}

/** The order dates typed with numbers only are read in, for every sheet: the Date Order setting, if valid. */
export function dateOrderOf(entries: Map<string, SettingEntry>): DateOrder | null {
  const order = parseDateOrder(cellText(entries.get('dateorder')?.cell));
  return order === 'invalid' ? null : order;
}

export type SettingsRead = { ok: true; value: PlanSettings } | { ok: false };

/** The settings the plan runs on; every setting that is wrong becomes an issue at its cell. */
export function readSettings(
  sheet: RawSheet | undefined,
  entries: Map<string, SettingEntry>,
  issues: Issue[],
  options: ReadOptions,
  /** The Project Calendar's week, which replaces Working Days and Working Hours (a day's length, a date's default time). */
  week?: { workingWeekdays: boolean[]; intervals: WorkInterval[]; weekIntervals: WorkInterval[][] | null },
): SettingsRead {
  const at = (key: string) => entries.get(key)?.at ?? sheet?.locateSheet() ?? sheetLocation('Settings');
  const text = (key: string) => cellText(entries.get(key)?.cell);
  const err = (key: string, message: string) => issues.push({ severity: 'error', message, at: at(key) });
  let ok = true;

  if (!sheet) {
    issues.push({
      severity: 'error',
      message:
        'There is no Settings sheet: add a sheet named Settings with a row "Project Start" and the date the project starts.',
      at: sheetLocation('Settings'),
    });
  }
  for (const [key, entry] of entries) {
    if (!KNOWN_SETTINGS.has(key) && entry.keyText !== '') {
      issues.push({
        severity: 'warning',
        message: `"${clip(entry.keyText)}" is not a setting this version knows; it is ignored.`,
        at: entry.at,
      });
    }
  }

  const order = parseDateOrder(text('dateorder'));
  if (order === 'invalid') {
    err(
      'dateorder',
      `Date Order: "${clip(text('dateorder'))}" must be MDY (05/27/2027), DMY (27/05/2027) or YMD (2027/05/27).`,
    );
    ok = false;
  }
  const dateOrder = order === 'invalid' ? null : order;

  let workingWeekdays = MON_FRI;
  if (text('workingdays') !== '') {
    const p = parseWorkingDays(text('workingdays'));
    if (p.ok) workingWeekdays = p.value;
    else {
      err('workingdays', `Working Days: ${p.message}.`);
      ok = false;
    }
  }
  let intervals = DEFAULT_INTERVALS;
  let weekIntervals: WorkInterval[][] | null = null;
  if (text('workinghours') !== '') {
    const p = parseWeekHours(text('workinghours'), workingWeekdays);
    if (p.ok) {
      intervals = p.value.standard;
      weekIntervals = p.value.week;
      workingWeekdays = p.value.workingWeekdays;
    } else {
      err('workinghours', `Working Hours: ${p.message}.`);
      ok = false;
    }
  }
  if (week) ({ workingWeekdays, intervals, weekIntervals } = week);
  const dayStartMinute = intervals[0].start;
  const dayEndMinute = intervals[intervals.length - 1].end;

  let projectStart: Wall | null = null;
  const ps = entries.get('projectstart');
  if (!ps || isEmptyValue(ps.cell?.value)) {
    if (sheet)
      err(
        'projectstart',
        'Project Start is missing: add a row "Project Start" to Settings with the date the project starts.',
      );
    ok = false;
  } else {
    const d = parseDateCell(ps.cell!.value, dateOrder);
    if (d.ok) projectStart = atDefaultTime(d.value, dayStartMinute);
    else {
      err('projectstart', `Project Start: ${d.message}.`);
      ok = false;
    }
    if (projectStart !== null && projectStart > LAST_PLACEABLE_WALL) {
      err(
        'projectstart',
        `Project Start ${formatDay(projectStart)} is after the year ${LAST_PLACEABLE_YEAR}, the last year the scheduler places tasks in.`,
      );
      projectStart = null;
      ok = false;
    }
  }

  let statusDate: Wall;
  let statusDateGiven = false;
  const sd = entries.get('statusdate');
  if (sd && !isEmptyValue(sd.cell?.value)) {
    const d = parseDateCell(sd.cell!.value, dateOrder);
    if (d.ok) {
      statusDate = atDefaultTime(d.value, dayEndMinute);
      statusDateGiven = true;
    } else {
      err('statusdate', `Status Date: ${d.message}.`);
      ok = false;
      statusDate = 0;
    }
  } else {
    const t = options.today ?? new Date();
    statusDate = dayOf(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()) / 60000) * 1440 + dayEndMinute;
  }

  const pct = (key: string, label: string, dflt: number): number => {
    if (text(key) === '') return dflt;
    const cell = entries.get(key)!.cell!;
    const p = parseNumberCell(
      typeof cell.value === 'string' ? cell.value.replace(/%\s*$/, '') : cell.value,
      'a percentage',
    );
    if (!p.ok || p.value < 0) {
      err(key, `${label}: ${p.ok ? 'it must be 0 or more' : p.message}.`);
      ok = false;
      return dflt;
    }
    // A percent-formatted cell holds 0.05 for 5%.
    return cell.percent ? p.value * 100 : p.value;
  };
  const varianceAmberPct = pct('varianceamber', 'Variance Amber %', 5);
  const varianceRedPct = pct('variancered', 'Variance Red %', 10);
  if (varianceRedPct < varianceAmberPct) {
    issues.push({
      severity: 'warning',
      message: `Variance Red % (${varianceRedPct}) is below Variance Amber % (${varianceAmberPct}); lines over it show red.`,
      at: at('variancered'),
    });
  }

  const sign = parseVarianceSign(text('variancesign'));
  const varianceSign = sign ?? 'budget-minus-forecast';
  if (sign === null) {
    err(
      'variancesign',
      `Variance Sign: "${clip(text('variancesign'))}" must be budget-minus-forecast or forecast-minus-budget.`,
    );
    ok = false;
  }

  let ganttScale: GanttScale = 'auto';
  const gs = text('ganttscale').toLowerCase();
  if (gs !== '') {
    if (['auto', 'hour', 'shift', 'day', 'week', 'month'].includes(gs)) ganttScale = gs as GanttScale;
    else {
      err('ganttscale', `Gantt Scale: "${clip(text('ganttscale'))}" must be hour, shift, day, week, month or auto.`);
      ok = false;
    }
  }

  const method = parseEacMethod(text('eacmethod'));
  const eacMethod = method ?? 'cpi';
  if (method === null) {
    err('eacmethod', `EAC Method: "${clip(text('eacmethod'))}" must be cpi, budget-rate or cpi-spi.`);
    ok = false;
  }

  const dateFormat = text('dateformat');
  if (dateFormat !== '' && !/[dmy]/i.test(dateFormat.replace(/"[^"]*"|\\./g, ''))) {
    err(
      'dateformat',
      `Date Format: "${clip(dateFormat)}" has no day, month or year: write an Excel date format such as dd/mm/yyyy or ddd d mmm yy hh:mm.`,
    );
    ok = false;
  }
  const units = text('durationunits').toLowerCase();
  let durationUnits: DurationUnits = 'auto';
  if (units !== '') {
    const known: Record<string, DurationUnits> = {
      auto: 'auto',
      days: 'days',
      day: 'days',
      d: 'days',
      hours: 'hours',
      hour: 'hours',
      h: 'hours',
    };
    if (known[units]) durationUnits = known[units];
    else {
      err('durationunits', `Duration Units: "${clip(text('durationunits'))}" must be days, hours or auto.`);
      ok = false;
    }
  }

  const leveling = parseLeveling(text('leveling'));
  if (leveling === null) {
    err('leveling', `Leveling: "${clip(text('leveling'))}" must be On or Off.`);
    ok = false;
  }
  const levelingOrder = parseLevelingOrder(text('levelingorder'));
  if (levelingOrder === null) {
    err(
      'levelingorder',
      `Leveling Order: "${clip(text('levelingorder'))}" must be Standard, Priority, Standard or ID Only.`,
    );
    ok = false;
  }

  if (!ok || projectStart === null) return { ok: false };
  return {
    ok: true,
    value: {
      projectStart,
      statusDate,
      statusDateGiven,
      workingWeekdays,
      intervals,
      weekIntervals,
      currency: text('currency') || 'USD',
      varianceAmberPct,
      varianceRedPct,
      varianceSign,
      ganttScale,
      eacMethod,
      dateOrder,
      projectName: text('projectname'),
      subtitle: text('subtitle'),
      dateFormat: dateFormat === '' ? null : dateFormat,
      durationUnits,
      leveling: leveling === true,
      projectCalendar: text('projectcalendar') === '' ? null : text('projectcalendar').toLowerCase(),
      levelingOrder: levelingOrder ?? 'standard',
    },
  };
}
