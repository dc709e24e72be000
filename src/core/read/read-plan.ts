import { clip } from '../helpers';
import { sheetLocation } from '../location';
import type { BudgetLine, Issue, NamedCalendar, Plan, PlanTask, ResourceDef } from '../model';
import { readCalendars } from './calendars';
import { DEFAULT_INTERVALS, minutesPerDay } from '../calendar';
import type { RawSheet, RawWorkbook } from '../raw';
import { readBudget } from './budget';
import { readHolidays } from './holidays';
import type { ReadOptions } from './options';
import { readResources } from './resources';
import { GENERATED_SHEETS } from '../layout/generated-sheets';
import { cellText } from './table';
import {
  SHEET_SETTINGS,
  SettingEntry,
  dateOrderOf,
  missingSheet,
  readSettings,
  readSettingsEntries,
  sheetNamesFrom,
} from './settings';
import { readTasks } from './tasks';

export type { ReadOptions } from './options';

export interface ReadResult {
  /** Null when errors make the plan unreadable; issues then say why. */
  plan: Plan | null;
  issues: Issue[];
}

/**
 * Settings that name a sheet the product writes (`Tasks Sheet | Plan Issues`): an error at the
 * setting, and the sheet is not read, since each regenerate replaces it.
 */
function generatedSheetsNamed(entries: Map<string, SettingEntry>, issues: Issue[]): Set<keyof Plan['sheetNames']> {
  const refused = new Set<keyof Plan['sheetNames']>();
  for (const [key, field] of Object.entries(SHEET_SETTINGS)) {
    const e = entries.get(key);
    const text = e ? cellText(e.cell) : '';
    const generated = GENERATED_SHEETS.find(([, name]) => name.toLowerCase() === text.toLowerCase());
    if (!e || !generated) continue;
    refused.add(field);
    issues.push({
      severity: 'error',
      message: `${e.keyText} names "${text}", a sheet Production Planner writes and replaces on every run: a generated sheet cannot be an input. Name the sheet you type your ${field} in.`,
      at: e.at,
    });
  }
  return refused;
}

/** Reads a whole plan from raw sheets. Every problem becomes an issue naming its cell; nothing throws. */
export function readPlan(wb: RawWorkbook, options: ReadOptions = {}): ReadResult {
  const issues: Issue[] = [];
  const find = (name: string): RawSheet | undefined =>
    wb.sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());

  const settingsSheet = find('Settings');
  const entries = settingsSheet ? readSettingsEntries(settingsSheet) : new Map<string, SettingEntry>();
  const sheetNames = sheetNamesFrom(entries);
  const refused = generatedSheetsNamed(entries, issues);
  const dateOrder = dateOrderOf(entries);

  let settings = readSettings(settingsSheet, entries, issues, options);

  const calendarsSheet = refused.has('calendars') ? undefined : find(sheetNames.calendars);
  if (!calendarsSheet && entries.has('calendarssheet') && !refused.has('calendars'))
    missingSheet(sheetNames.calendars, entries.get('calendarssheet')!, issues);
  const calendars =
    calendarsSheet && settings.ok
      ? readCalendars(
          calendarsSheet,
          {
            ...settings.value,
            daysText: cellText(entries.get('workingdays')?.cell),
            hoursText: cellText(entries.get('workinghours')?.cell),
          },
          issues,
        )
      : new Map<string, NamedCalendar>();

  // A Project Calendar stands for Working Days and Hours: how long a day is, a date's default time.
  const projectCalendar =
    settings.ok && settings.value.projectCalendar ? calendars.get(settings.value.projectCalendar) : undefined;
  if (projectCalendar) settings = readSettings(settingsSheet, entries, [], options, projectCalendar);
  const mpd = minutesPerDay(settings.ok ? settings.value.intervals : DEFAULT_INTERVALS);

  const holidaysSheet = refused.has('holidays') ? undefined : find(sheetNames.holidays);
  const holidays = holidaysSheet ? readHolidays(holidaysSheet, issues, dateOrder, calendars) : [];
  if (!holidaysSheet && entries.has('holidayssheet') && !refused.has('holidays'))
    missingSheet(sheetNames.holidays, entries.get('holidayssheet')!, issues);

  const resourcesSheet = refused.has('resources') ? undefined : find(sheetNames.resources);
  const resources = resourcesSheet ? readResources(resourcesSheet, issues, dateOrder) : [];
  if (!resourcesSheet && entries.has('resourcessheet') && !refused.has('resources'))
    missingSheet(sheetNames.resources, entries.get('resourcessheet')!, issues);

  const budgetSheet = refused.has('budget') ? undefined : find(sheetNames.budget);
  const budget = budgetSheet ? readBudget(budgetSheet, issues) : [];
  if (!budgetSheet && entries.has('budgetsheet') && !refused.has('budget'))
    missingSheet(sheetNames.budget, entries.get('budgetsheet')!, issues);

  const tasksSheet = refused.has('tasks') ? undefined : find(sheetNames.tasks);
  let tasks: PlanTask[] = [];
  if (refused.has('tasks')) {
    // Said at the setting.
  } else if (!tasksSheet) {
    issues.push({
      severity: 'error',
      message: `There is no "${sheetNames.tasks}" sheet: add a sheet named ${sheetNames.tasks} with one row per task (columns ID, Name, Duration).`,
      at: entries.get('taskssheet')?.at ?? sheetLocation(sheetNames.tasks),
    });
  } else {
    tasks = readTasks(tasksSheet, mpd, settings, resources, issues, dateOrder);
  }
  if (budgetSheet) checkAccounts(budgetSheet.name, budget, tasks, resources, issues);
  checkCalendars(calendars, settings.ok ? settings.value.projectCalendar : null, entries, tasks, resources, issues);

  if (settingsSheet) sheetNames.settings = settingsSheet.name;
  if (tasksSheet) sheetNames.tasks = tasksSheet.name;
  if (holidaysSheet) sheetNames.holidays = holidaysSheet.name;
  if (resourcesSheet) sheetNames.resources = resourcesSheet.name;
  if (budgetSheet) sheetNames.budget = budgetSheet.name;
  if (calendarsSheet) sheetNames.calendars = calendarsSheet.name;

  const hasErrors = issues.some((i) => i.severity === 'error');
  if (hasErrors || !settings.ok) return { plan: null, issues };
  return {
    plan: { settings: settings.value, holidays, tasks, resources, budget, calendars, sheetNames },
    issues,
  };
}

/** A calendar named by the Settings, a task or a resource must be on the Calendars sheet. */
function checkCalendars(
  calendars: Map<string, NamedCalendar>,
  project: string | null,
  entries: Map<string, SettingEntry>,
  tasks: PlanTask[],
  resources: ResourceDef[],
  issues: Issue[],
): void {
  const unknown = (name: string) =>
    calendars.size === 0
      ? `there is no Calendars sheet: add one with a row for "${clip(name)}" (Name, Working Days, Working Hours)`
      : `"${clip(name)}" is not on the Calendars sheet`;
  if (project !== null && !calendars.has(project))
    issues.push({
      severity: 'error',
      message: `Project Calendar: ${unknown(cellText(entries.get('projectcalendar')?.cell))}.`,
      at: entries.get('projectcalendar')!.at,
    });
  for (const t of tasks)
    if (t.calendar !== null && !calendars.has(t.calendar))
      issues.push({
        severity: 'error',
        message: `Task ${clip(t.id)} Calendar: ${unknown(t.calendar)}.`,
        at: t.refs.calendar,
      });
  for (const r of resources)
    if (r.calendar !== null && !calendars.has(r.calendar))
      issues.push({
        severity: 'error',
        message: `Resource "${clip(r.name)}" Calendar: ${unknown(r.calendar)}.`,
        at: r.refs.calendar,
      });
}

/** Tasks and resources that book to an account the Budget sheet does not have: their cost would be on no line. */
function checkAccounts(
  budgetName: string,
  budget: BudgetLine[],
  tasks: PlanTask[],
  resources: ResourceDef[],
  issues: Issue[],
): void {
  const accounts = new Set(budget.map((b) => b.account));
  for (const r of resources) {
    if (r.costAccount !== null && !accounts.has(r.costAccount)) {
      issues.push({
        severity: 'warning',
        message: `Resource "${clip(r.name)}" books to account ${clip(r.costAccount)}, which is not on the ${budgetName} sheet: its cost is on no budget line.`,
        at: r.refs.costAccount,
      });
    }
  }
  for (const t of tasks) {
    if (t.costAccount !== null && !accounts.has(t.costAccount)) {
      issues.push({
        severity: 'warning',
        message: `Task ${clip(t.id)} books to account ${clip(t.costAccount)}, which is not on the ${budgetName} sheet: its cost is on no budget line.`,
        at: t.refs.costAccount,
      });
    }
  }
}
