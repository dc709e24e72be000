import type { WorkInterval } from '../calendar';
import {
  BudgetLine, BudgetRefs, ConstraintType, EAC_METHODS, EacMethod, GanttScale, Holiday, Issue, Link, Plan, PlanSettings, PlanTask, ResourceDef, TaskRefs,
  VarianceSign,
} from '../model';
import { clip, parseDuration } from '../parsers/duration';
import { parsePredecessors } from '../parsers/predecessors';
import {
  atDefaultTime, parseAssignments, parseConstraint, parseDateCell, parseNumberCell, parsePercentCell,
  parseUnits, parseWorkingDays, parseWorkingHours,
} from '../parsers/values';
import { RawCell, RawSheet, RawWorkbook, isEmptyValue } from '../raw';
import { LAST_PLACEABLE_WALL, LAST_PLACEABLE_YEAR, Wall, dayOf, formatDay } from '../time';
import { ColumnSpec, TableRow, cellText, normalizeHeader, readTable } from './table';

export interface ReadOptions {
  /** The day used when Settings gives no Status Date (default: the machine's today). */
  today?: Date;
}

export interface ReadResult {
  /** Null when errors make the plan unreadable; issues then say why. */
  plan: Plan | null;
  issues: Issue[];
}

type TaskField =
  | 'id' | 'name' | 'duration' | 'predecessors' | 'resources' | 'constraint' | 'constraintDate' | 'deadline'
  | 'percentComplete' | 'actualStart' | 'actualFinish' | 'baselineStart' | 'baselineFinish' | 'outlineLevel'
  | 'costAccount' | 'fixedCost' | 'priority';

const TASK_COLUMNS: ColumnSpec<TaskField>[] = [
  { field: 'id', label: 'ID', names: ['id', 'taskid'], required: true },
  { field: 'name', label: 'Name', names: ['name', 'taskname', 'task'], required: true },
  { field: 'duration', label: 'Duration', names: ['duration', 'dur'], required: true },
  { field: 'predecessors', label: 'Predecessors', names: ['predecessors', 'predecessor', 'preds', 'dependencies', 'dependson'] },
  { field: 'resources', label: 'Resources', names: ['resources', 'resourcenames', 'resource'] },
  { field: 'constraint', label: 'Constraint', names: ['constraint', 'constrainttype'] },
  { field: 'constraintDate', label: 'Constraint Date', names: ['constraintdate'] },
  { field: 'deadline', label: 'Deadline', names: ['deadline'] },
  { field: 'percentComplete', label: '% Complete', names: ['complete', 'percentcomplete', 'pctcomplete', 'progress'] },
  { field: 'actualStart', label: 'Actual Start', names: ['actualstart'] },
  { field: 'actualFinish', label: 'Actual Finish', names: ['actualfinish'] },
  { field: 'baselineStart', label: 'Baseline Start', names: ['baselinestart'] },
  { field: 'baselineFinish', label: 'Baseline Finish', names: ['baselinefinish'] },
  { field: 'outlineLevel', label: 'Outline Level', names: ['outlinelevel', 'level', 'outline'] },
  { field: 'costAccount', label: 'Cost Account', names: ['costaccount', 'account'] },
  { field: 'fixedCost', label: 'Fixed Cost', names: ['fixedcost'] },
  { field: 'priority', label: 'Priority', names: ['priority'] },
];

type ResourceField = 'name' | 'type' | 'maxUnits' | 'rate' | 'costAccount';
const RESOURCE_COLUMNS: ColumnSpec<ResourceField>[] = [
  { field: 'name', label: 'Name', names: ['name', 'resource', 'resourcename'], required: true },
  { field: 'type', label: 'Type', names: ['type'] },
  { field: 'maxUnits', label: 'Max Units', names: ['maxunits', 'units'] },
  { field: 'rate', label: 'Rate', names: ['rate', 'standardrate', 'stdrate'] },
  { field: 'costAccount', label: 'Cost Account', names: ['costaccount', 'account'] },
];

type BudgetField = 'account' | 'description' | 'category' | 'budget' | 'committed' | 'actual' | 'etc' | 'units' | 'qty' | 'rate';
const BUDGET_COLUMNS: ColumnSpec<BudgetField>[] = [
  { field: 'account', label: 'Account', names: ['account', 'acct', 'accountno', 'costaccount'], required: true },
  { field: 'description', label: 'Description', names: ['description', 'desc'] },
  { field: 'category', label: 'Category', names: ['category'] },
  { field: 'budget', label: 'Budget', names: ['budget', 'amount'] },
  { field: 'committed', label: 'Committed', names: ['committed', 'commitments', 'po'] },
  { field: 'actual', label: 'Actual', names: ['actual', 'actuals', 'actualtodate'] },
  { field: 'etc', label: 'ETC', names: ['etc', 'estimatetocomplete'] },
  { field: 'units', label: 'Units', names: ['units'] },
  { field: 'qty', label: 'Qty', names: ['qty', 'quantity'] },
  { field: 'rate', label: 'Rate', names: ['rate'] },
];

type HolidayField = 'date' | 'end' | 'name';
const HOLIDAY_COLUMNS: ColumnSpec<HolidayField>[] = [
  { field: 'date', label: 'Date', names: ['date', 'start', 'startdate', 'from'], required: true },
  { field: 'end', label: 'End Date', names: ['end', 'enddate', 'to', 'until'] },
  { field: 'name', label: 'Name', names: ['name', 'holiday', 'description'] },
];

/** The default Working Hours: 08:00-12:00 and 13:00-17:00. */
export const DEFAULT_INTERVALS: WorkInterval[] = [
  { start: 8 * 60, end: 12 * 60 },
  { start: 13 * 60, end: 17 * 60 },
];
const MON_FRI = [false, true, true, true, true, true, false];

const SHEET_SETTINGS: Record<string, keyof Plan['sheetNames']> = {
  taskssheet: 'tasks', budgetsheet: 'budget', resourcessheet: 'resources', holidayssheet: 'holidays',
};

const KNOWN_SETTINGS = new Set([
  'setting', 'projectstart', 'statusdate', 'workingdays', 'workinghours', 'currency', 'varianceamber', 'variancered',
  'variancesign', 'ganttscale', 'eacmethod', ...Object.keys(SHEET_SETTINGS),
]);

/** Reads a whole plan from raw sheets. Every problem becomes an issue naming its cell; nothing throws. */
export function readPlan(wb: RawWorkbook, options: ReadOptions = {}): ReadResult {
  const issues: Issue[] = [];
  const find = (name: string): RawSheet | undefined =>
    wb.sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());

  const settingsSheet = find('Settings');
  const entries = settingsSheet ? readSettingsEntries(settingsSheet) : new Map<string, SettingEntry>();
  const sheetNames = sheetNamesFrom(entries);

  const settings = readSettings(settingsSheet, entries, issues, options);
  const mpd = minutesPerDay(settings.ok ? settings.value.intervals : DEFAULT_INTERVALS);

  const holidaysSheet = find(sheetNames.holidays);
  const holidays = holidaysSheet ? readHolidays(holidaysSheet, issues) : [];
  if (!holidaysSheet && entries.has('holidayssheet')) missingSheet(sheetNames.holidays, entries.get('holidayssheet')!, issues);

  const resourcesSheet = find(sheetNames.resources);
  const resources = resourcesSheet ? readResources(resourcesSheet, issues) : [];
  if (!resourcesSheet && entries.has('resourcessheet')) missingSheet(sheetNames.resources, entries.get('resourcessheet')!, issues);

  const budgetSheet = find(sheetNames.budget);
  const budget = budgetSheet ? readBudget(budgetSheet, issues) : [];
  if (!budgetSheet && entries.has('budgetsheet')) missingSheet(sheetNames.budget, entries.get('budgetsheet')!, issues);

  const tasksSheet = find(sheetNames.tasks);
  let tasks: PlanTask[] = [];
  if (!tasksSheet) {
    issues.push({
      severity: 'error',
      message: `There is no "${sheetNames.tasks}" sheet: add a sheet named ${sheetNames.tasks} with one row per task (columns ID, Name, Duration).`,
      where: entries.get('taskssheet')?.where ?? sheetNames.tasks,
    });
  } else {
    tasks = readTasks(tasksSheet, mpd, settings, resources, issues);
  }
  if (budgetSheet) checkAccounts(budgetSheet.name, budget, tasks, resources, issues);

  if (settingsSheet) sheetNames.settings = settingsSheet.name;
  if (tasksSheet) sheetNames.tasks = tasksSheet.name;
  if (holidaysSheet) sheetNames.holidays = holidaysSheet.name;
  if (resourcesSheet) sheetNames.resources = resourcesSheet.name;
  if (budgetSheet) sheetNames.budget = budgetSheet.name;

  const hasErrors = issues.some((i) => i.severity === 'error');
  if (hasErrors || !settings.ok) return { plan: null, issues };
  return {
    plan: { settings: settings.value, holidays, tasks, resources, budget, sheetNames },
    issues,
  };
}

/** Tasks and resources that book to an account the Budget sheet does not have: their cost would be on no line. */
function checkAccounts(budgetName: string, budget: BudgetLine[], tasks: PlanTask[], resources: ResourceDef[], issues: Issue[]): void {
  const accounts = new Set(budget.map((b) => b.account));
  for (const r of resources) {
    if (r.costAccount !== null && !accounts.has(r.costAccount)) {
      issues.push({ severity: 'warning', message: `Resource "${clip(r.name)}" books to account ${clip(r.costAccount)}, which is not on the ${budgetName} sheet: its cost is on no budget line.`, where: r.refs.costAccount });
    }
  }
  for (const t of tasks) {
    if (t.costAccount !== null && !accounts.has(t.costAccount)) {
      issues.push({ severity: 'warning', message: `Task ${clip(t.id)} books to account ${clip(t.costAccount)}, which is not on the ${budgetName} sheet: its cost is on no budget line.`, where: t.refs.costAccount });
    }
  }
}

/** A Variance Sign as typed (any case, spaces or dashes); empty is the default. Null: not a sign. */
export function parseVarianceSign(text: string): VarianceSign | null {
  const key = normalizeHeader(text);
  if (key === '' || key === 'budgetminusforecast') return 'budget-minus-forecast';
  return key === 'forecastminusbudget' ? 'forecast-minus-budget' : null;
}

/** An EAC Method as typed (`cpi`, `budget-rate`, `CPI x SPI`...); empty is the default. Null: not a method. */
export function parseEacMethod(text: string): EacMethod | null {
  const key = normalizeHeader(text).replace(/[-_×x*]/g, '');
  if (key === '') return 'cpi';
  return EAC_METHODS.find((m) => m.replace(/-/g, '') === key) ?? null;
}

function missingSheet(name: string, entry: SettingEntry, issues: Issue[]): void {
  issues.push({ severity: 'warning', message: `Settings name the sheet "${name}", but there is no sheet by that name.`, where: entry.where });
}

export function minutesPerDay(intervals: WorkInterval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}

interface SettingEntry {
  cell: RawCell | undefined;
  where: string;
  keyText: string;
}

/** The input sheets' names: the defaults, or what Settings name (`Tasks Sheet | Shots`). */
function sheetNamesFrom(entries: Map<string, SettingEntry>): Plan['sheetNames'] {
  const sheetNames = { tasks: 'Tasks', budget: 'Budget', resources: 'Resources', holidays: 'Holidays', settings: 'Settings' };
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

function readSettingsEntries(sheet: RawSheet): Map<string, SettingEntry> {
  const entries = new Map<string, SettingEntry>();
  // Key in the first non-empty column of each row, value in the next one; a header row `Setting | Value` is skipped.
  sheet.rows.forEach((row, r) => {
    const c = row.findIndex((cell) => cell !== undefined && !isEmptyValue(cell.value));
    if (c < 0) return;
    const keyText = cellText(row[c]);
    const key = normalizeHeader(keyText);
    if (key === 'setting' || key === 'settings') return;
    if (!entries.has(key)) entries.set(key, { cell: row[c + 1], where: sheet.address(r, c + 1), keyText });
  });
  return entries;
}

type SettingsRead = { ok: true; value: PlanSettings } | { ok: false };

function readSettings(
  sheet: RawSheet | undefined,
  entries: Map<string, SettingEntry>,
  issues: Issue[],
  options: ReadOptions,
): SettingsRead {
  const where = (key: string) => entries.get(key)?.where ?? sheet?.sheetAddress() ?? 'Settings';
  const text = (key: string) => cellText(entries.get(key)?.cell);
  const err = (key: string, message: string) => issues.push({ severity: 'error', message, where: where(key) });
  let ok = true;

  if (!sheet) {
    issues.push({
      severity: 'error',
      message: 'There is no Settings sheet: add a sheet named Settings with a row "Project Start" and the date the project starts.',
      where: 'Settings',
    });
  }
  for (const [key, entry] of entries) {
    if (!KNOWN_SETTINGS.has(key) && entry.keyText !== '') {
      issues.push({ severity: 'warning', message: `"${clip(entry.keyText)}" is not a setting this version knows; it is ignored.`, where: entry.where });
    }
  }

  let workingWeekdays = MON_FRI;
  if (text('workingdays') !== '') {
    const p = parseWorkingDays(text('workingdays'));
    if (p.ok) workingWeekdays = p.value;
    else { err('workingdays', `Working Days: ${p.message}.`); ok = false; }
  }
  let intervals = DEFAULT_INTERVALS;
  if (text('workinghours') !== '') {
    const p = parseWorkingHours(text('workinghours'));
    if (p.ok) intervals = p.value;
    else { err('workinghours', `Working Hours: ${p.message}.`); ok = false; }
  }
  const dayStartMinute = intervals[0].start;
  const dayEndMinute = intervals[intervals.length - 1].end;

  let projectStart: Wall | null = null;
  const ps = entries.get('projectstart');
  if (!ps || isEmptyValue(ps.cell?.value)) {
    if (sheet) err('projectstart', 'Project Start is missing: add a row "Project Start" to Settings with the date the project starts.');
    ok = false;
  } else {
    const d = parseDateCell(ps.cell!.value);
    if (d.ok) projectStart = atDefaultTime(d.value, dayStartMinute);
    else { err('projectstart', `Project Start: ${d.message}.`); ok = false; }
    if (projectStart !== null && projectStart > LAST_PLACEABLE_WALL) {
      err('projectstart', `Project Start ${formatDay(projectStart)} is after the year ${LAST_PLACEABLE_YEAR}, the last year the scheduler places tasks in.`);
      projectStart = null;
      ok = false;
    }
  }

  let statusDate: Wall;
  let statusDateGiven = false;
  const sd = entries.get('statusdate');
  if (sd && !isEmptyValue(sd.cell?.value)) {
    const d = parseDateCell(sd.cell!.value);
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
    const p = parseNumberCell(typeof cell.value === 'string' ? cell.value.replace(/%\s*$/, '') : cell.value, 'a percentage');
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
    issues.push({ severity: 'warning', message: `Variance Red % (${varianceRedPct}) is below Variance Amber % (${varianceAmberPct}); lines over it show red.`, where: where('variancered') });
  }

  const sign = parseVarianceSign(text('variancesign'));
  const varianceSign = sign ?? 'budget-minus-forecast';
  if (sign === null) {
    err('variancesign', `Variance Sign: "${clip(text('variancesign'))}" must be budget-minus-forecast or forecast-minus-budget.`);
    ok = false;
  }

  let ganttScale: GanttScale = 'auto';
  const gs = text('ganttscale').toLowerCase();
  if (gs !== '') {
    if (gs === 'auto' || gs === 'day' || gs === 'week' || gs === 'month') ganttScale = gs;
    else { err('ganttscale', `Gantt Scale: "${clip(text('ganttscale'))}" must be day, week, month or auto.`); ok = false; }
  }

  const method = parseEacMethod(text('eacmethod'));
  const eacMethod = method ?? 'cpi';
  if (method === null) { err('eacmethod', `EAC Method: "${clip(text('eacmethod'))}" must be cpi, budget-rate or cpi-spi.`); ok = false; }


  if (!ok || projectStart === null) return { ok: false };
  return {
    ok: true,
    value: {
      projectStart, statusDate, statusDateGiven, workingWeekdays, intervals,
      currency: text('currency') || 'USD', varianceAmberPct, varianceRedPct, varianceSign, ganttScale, eacMethod,
    },
  };
}

function readHolidays(sheet: RawSheet, issues: Issue[]): Holiday[] {
  const table = readTable(sheet, HOLIDAY_COLUMNS, issues);
  if (!table) return [];
  const out: Holiday[] = [];
  for (const row of table.rows) {
    const name = cellText(row.cell('name')) || 'Holiday';
    const d = row.has('date') ? parseDateCell(row.cell('date')!.value) : { ok: false as const, message: 'the date is empty' };
    if (!d.ok) {
      issues.push({ severity: 'error', message: `Holiday "${clip(name)}": ${d.message}.`, where: row.where('date') });
      continue;
    }
    let last = dayOf(d.value.wall);
    if (row.has('end')) {
      const e = parseDateCell(row.cell('end')!.value);
      if (!e.ok) {
        issues.push({ severity: 'error', message: `Holiday "${clip(name)}" end: ${e.message}.`, where: row.where('end') });
        continue;
      }
      last = dayOf(e.value.wall);
      if (last < dayOf(d.value.wall)) {
        issues.push({ severity: 'error', message: `Holiday "${clip(name)}" ends before it starts.`, where: row.where('end') });
        continue;
      }
      if (last - dayOf(d.value.wall) > 366) {
        issues.push({ severity: 'error', message: `Holiday "${clip(name)}" is longer than a year; check its dates.`, where: row.where('end') });
        continue;
      }
    }
    for (let day = dayOf(d.value.wall); day <= last; day++) out.push({ day, name });
  }
  return out;
}

function readResources(sheet: RawSheet, issues: Issue[]): ResourceDef[] {
  const table = readTable(sheet, RESOURCE_COLUMNS, issues);
  if (!table) return [];
  const out: ResourceDef[] = [];
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const name = cellText(row.cell('name'));
    if (name === '') {
      issues.push({ severity: 'error', message: 'This resource has no name.', where: row.where('name') });
      continue;
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      issues.push({ severity: 'error', message: `Resource "${clip(name)}" is listed twice (also at ${seen.get(key)}).`, where: row.where('name') });
      continue;
    }
    seen.set(key, row.where('name'));
    let type: ResourceDef['type'] = 'Work';
    const t = cellText(row.cell('type')).toLowerCase();
    if (t === 'work' || t === '') type = 'Work';
    else if (t === 'equipment') type = 'Equipment';
    else if (t === 'material') type = 'Material';
    else issues.push({ severity: 'error', message: `Resource "${clip(name)}": type "${clip(t)}" must be Work, Equipment or Material.`, where: row.where('type') });
    let maxUnits = 1;
    if (row.has('maxUnits')) {
      const u = parseUnits(row.cell('maxUnits')!.value);
      if (u.ok) maxUnits = u.value;
      else issues.push({ severity: 'error', message: `Resource "${clip(name)}": ${u.message}.`, where: row.where('maxUnits') });
    }
    let rate = 0;
    if (row.has('rate')) {
      const cell = row.cell('rate')!;
      const v = typeof cell.value === 'string' ? cell.value.replace(/\s*\/\s*(h|hr|hour|unit|day)\s*$/i, '') : cell.value;
      const p = parseNumberCell(v, 'an amount');
      if (!p.ok) issues.push({ severity: 'error', message: `Resource "${clip(name)}" rate: ${p.message}.`, where: row.where('rate') });
      else if (p.value < 0) issues.push({ severity: 'error', message: `Resource "${clip(name)}" has a negative rate.`, where: row.where('rate') });
      else rate = p.value;
    }
    const account = cellText(row.cell('costAccount'));
    out.push({ name, type, maxUnits, rate, costAccount: account === '' ? null : account, where: row.where('name'), refs: { costAccount: row.where('costAccount') } });
  }
  return out;
}

function readBudget(sheet: RawSheet, issues: Issue[]): BudgetLine[] {
  const table = readTable(sheet, BUDGET_COLUMNS, issues);
  if (!table) return [];
  const out: BudgetLine[] = [];
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const account = cellText(row.cell('account'));
    const description = cellText(row.cell('description'));
    const label = account !== '' ? `Budget line ${account}` : 'This budget line';
    if (account === '') {
      issues.push({ severity: 'error', message: `This budget line${description ? ` ("${clip(description)}")` : ''} has no account.`, where: row.where('account') });
      continue;
    }
    if (seen.has(account)) {
      issues.push({ severity: 'error', message: `Account ${account} is on two budget lines (also at ${seen.get(account)}); give each line its own account.`, where: row.where('account') });
      continue;
    }
    seen.set(account, row.where('account'));
    const money = (f: BudgetField, what: string): number | null => {
      if (!row.has(f)) return null;
      const p = parseNumberCell(row.cell(f)!.value, 'an amount');
      if (!p.ok) {
        issues.push({ severity: 'error', message: `${label} ${what}: ${p.message}.`, where: row.where(f) });
        return null;
      }
      return p.value;
    };
    let amount = money('budget', 'Budget');
    if (amount === null && (row.has('units') || row.has('qty') || row.has('rate'))) {
      const u = money('units', 'Units');
      const q = money('qty', 'Qty');
      const r = money('rate', 'Rate');
      if (u !== null && q !== null && r !== null) amount = u * q * r;
      else if (!row.has('units') || !row.has('qty') || !row.has('rate')) {
        issues.push({ severity: 'error', message: `${label} gives no Budget and not all of Units, Qty and Rate.`, where: row.where('budget') });
      }
    }
    const committed = money('committed', 'Committed') ?? 0;
    const actual = money('actual', 'Actual') ?? 0;
    const etc = money('etc', 'ETC');
    for (const [f, v, what] of [['budget', amount, 'Budget'], ['committed', committed, 'Committed'], ['etc', etc, 'ETC']] as const) {
      if (v !== null && v < 0) issues.push({ severity: 'warning', message: `${label} has a negative ${what} (${v}); check it.`, where: row.where(f) });
    }
    out.push({
      account, description, category: cellText(row.cell('category')) || 'Uncategorized',
      budget: amount ?? 0, committed, actual, etc, where: row.where('account'), refs: new BudgetRowRefs(row),
    });
  }
  return out;
}

function readTasks(
  sheet: RawSheet,
  mpd: number,
  settingsRead: SettingsRead,
  resources: ResourceDef[],
  issues: Issue[],
): PlanTask[] {
  const table = readTable(sheet, TASK_COLUMNS, issues);
  if (!table) return [];
  if (table.rows.length === 0 || Object.keys(table.columns).length === 0) {
    issues.push({ severity: 'error', message: `The ${sheet.name} sheet has no tasks: add one row per task under the header row.`, where: sheet.sheetAddress() });
    return [];
  }
  const dayStart = settingsRead.ok ? settingsRead.value.intervals[0].start : 8 * 60;
  const dayEnd = settingsRead.ok ? settingsRead.value.intervals[settingsRead.value.intervals.length - 1].end : 17 * 60;
  const statusDate = settingsRead.ok ? settingsRead.value.statusDate : null;
  const error = (message: string, where: string) => issues.push({ severity: 'error', message, where });
  const warn = (message: string, where: string) => issues.push({ severity: 'warning', message, where });

  const rows = table.rows;
  const ids: string[] = rows.map((row) => cellText(row.cell('id')));
  const index = new Map<string, number>();
  rows.forEach((row, i) => {
    const id = ids[i];
    const name = cellText(row.cell('name'));
    if (id === '') {
      error(`This task${name ? ` ("${clip(name)}")` : ''} has no ID: give every task a unique ID.`, row.where('id'));
    } else if (index.has(id)) {
      error(`ID ${id} is used twice (also at ${rows[index.get(id)!].where('id')}): IDs must be unique.`, row.where('id'));
    } else {
      index.set(id, i);
    }
  });

  // Outline: a row followed by a deeper row is a summary.
  const levels = rows.map((row) => {
    if (!row.has('outlineLevel')) return 1;
    const p = parseNumberCell(row.cell('outlineLevel')!.value, 'an outline level');
    if (!p.ok || !Number.isInteger(p.value) || p.value < 1 || p.value > 100) {
      error(`Outline Level must be a whole number from 1 ${p.ok ? `(not ${p.value})` : `(${p.message})`}.`, row.where('outlineLevel'));
      return 1;
    }
    return p.value;
  });
  const parents: number[] = new Array(rows.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const prevLevel = i > 0 ? levels[i - 1] : 0;
    if (levels[i] > prevLevel + 1) {
      warn(`Outline Level jumps from ${prevLevel} to ${levels[i]}; read as ${prevLevel + 1}, one level below the row above.`, rows[i].where('outlineLevel'));
      levels[i] = prevLevel + 1;
    }
    while (stack.length > 0 && levels[stack[stack.length - 1]] >= levels[i]) stack.pop();
    parents[i] = stack.length > 0 ? stack[stack.length - 1] : -1;
    stack.push(i);
  }
  const isSummary = rows.map((_, i) => i + 1 < rows.length && levels[i + 1] > levels[i]);

  const knownResources = new Set(resources.map((r) => r.name.toLowerCase()));
  const tasks: PlanTask[] = rows.map((row, i) => {
    const id = ids[i];
    const name = cellText(row.cell('name'));
    // Built only when a message needs it.
    const label = () => `Task ${id || '?'}${name ? ` '${clip(name)}'` : ''}`;
    if (name === '') warn(`${label()} has no name.`, row.where('name'));
    /** `places`: a date the task is placed at (not only bounded by), so within the years the scheduler places tasks in. */
    const date = (f: TaskField, what: string, defaultMinute: number, places = false): Wall | null => {
      if (!row.has(f)) return null;
      const d = parseDateCell(row.cell(f)!.value);
      if (!d.ok) {
        error(`${label()} ${what}: ${d.message}.`, row.where(f));
        return null;
      }
      const wall = atDefaultTime(d.value, defaultMinute);
      if (places && wall > LAST_PLACEABLE_WALL) {
        error(`${label()} ${what}: ${formatDay(wall)} is after the year ${LAST_PLACEABLE_YEAR}, the last year the scheduler places tasks in.`, row.where(f));
        return null;
      }
      return wall;
    };

    let duration: PlanTask['duration'] = null;
    if (!isSummary[i]) {
      if (!row.has('duration')) {
        error(`${label()} has no duration: enter a duration such as 5d, or 0 for a milestone.`, row.where('duration'));
      } else {
        const d = parseDuration(row.cell('duration')!.value, mpd);
        if (d.ok) duration = d.value;
        else error(`${label()} duration: ${d.message}.`, row.where('duration'));
      }
    }

    let constraint: ConstraintType = 'ASAP';
    if (row.has('constraint')) {
      const c = parseConstraint(cellText(row.cell('constraint')));
      if (c.ok) constraint = c.value;
      else error(`${label()}: ${c.message}.`, row.where('constraint'));
    }
    const startSide = constraint === 'SNET' || constraint === 'SNLT' || constraint === 'MSO';
    // A date that places the task (not only bounds it); a summary keeps only SNET of these (below).
    const pushes = constraint === 'SNET' || (!isSummary[i] && (constraint === 'FNET' || constraint === 'MSO' || constraint === 'MFO'));
    let constraintDate = date('constraintDate', 'Constraint Date', startSide ? dayStart : dayEnd, pushes);
    if (constraint !== 'ASAP' && constraint !== 'ALAP' && constraintDate === null && !row.has('constraintDate')) {
      error(`${label()} has the constraint ${constraint} but no Constraint Date.`, row.where('constraintDate'));
    }
    if ((constraint === 'ASAP' || constraint === 'ALAP') && constraintDate !== null) {
      warn(`${label()} has a Constraint Date but the constraint ${constraint}, which takes no date; the date is ignored.`, row.where('constraintDate'));
      constraintDate = null;
    }
    if (isSummary[i] && constraint !== 'ASAP' && constraint !== 'SNET' && constraint !== 'FNLT') {
      warn(`${label()} is a summary task; summary tasks take only ASAP, SNET or FNLT constraints, so ${constraint} is ignored.`, row.where('constraint'));
      constraint = 'ASAP';
      constraintDate = null;
    }

    let percentComplete = 0;
    if (row.has('percentComplete')) {
      const p = parsePercentCell(row.cell('percentComplete')!);
      if (!p.ok) error(`${label()} % Complete: ${p.message}.`, row.where('percentComplete'));
      else {
        percentComplete = p.value.value;
        if (p.value.note) warn(`${label()}: ${p.value.note}.`, row.where('percentComplete'));
      }
    }
    let actualStart = date('actualStart', 'Actual Start', dayStart, true);
    let actualFinish = date('actualFinish', 'Actual Finish', dayEnd, true);
    if (isSummary[i] && (actualStart !== null || actualFinish !== null || row.has('percentComplete'))) {
      warn(`${label()} is a summary task: its progress follows from its subtasks, so its own % Complete and actual dates are ignored.`, row.where(actualStart !== null ? 'actualStart' : actualFinish !== null ? 'actualFinish' : 'percentComplete'));
      actualStart = null;
      actualFinish = null;
      percentComplete = 0;
    }
    if (actualStart !== null && actualFinish !== null && actualFinish < actualStart) {
      error(`${label()} has an Actual Finish before its Actual Start.`, row.where('actualFinish'));
    }
    if (actualFinish !== null && percentComplete < 100) {
      if (row.has('percentComplete')) warn(`${label()} has an Actual Finish, so it is read as 100% complete.`, row.where('percentComplete'));
      percentComplete = 100;
    }
    if (statusDate !== null && actualStart !== null && actualStart > statusDate) {
      warn(`${label()} has an Actual Start after the Status Date; check the date.`, row.where('actualStart'));
    }

    let resourcesList: PlanTask['resources'] = [];
    if (row.has('resources')) {
      const a = parseAssignments(cellText(row.cell('resources')));
      if (!a.ok) error(`${label()} Resources: ${a.message}.`, row.where('resources'));
      else {
        resourcesList = a.value;
        for (const asg of a.value) {
          if (!knownResources.has(asg.resource.toLowerCase())) {
            warn(`${label()} uses the resource "${clip(asg.resource)}", which is not on the Resources sheet.`, row.where('resources'));
          }
        }
      }
    }

    let fixedCost = 0;
    if (row.has('fixedCost')) {
      const p = parseNumberCell(row.cell('fixedCost')!.value, 'an amount');
      if (!p.ok) error(`${label()} Fixed Cost: ${p.message}.`, row.where('fixedCost'));
      else if (p.value < 0) warn(`${label()} has a negative Fixed Cost.`, row.where('fixedCost'));
      else fixedCost = p.value;
    }
    let priority = 500;
    if (row.has('priority')) {
      const p = parseNumberCell(row.cell('priority')!.value, 'a priority');
      if (!p.ok || !Number.isInteger(p.value) || p.value < 0 || p.value > 1000) {
        error(`${label()} Priority must be a whole number from 0 to 1000.`, row.where('priority'));
      } else priority = p.value;
    }
    const account = cellText(row.cell('costAccount'));

    return {
      id, name, outlineLevel: levels[i], parent: parents[i], isSummary: isSummary[i], duration, links: [],
      constraint, constraintDate, deadline: date('deadline', 'Deadline', dayEnd), percentComplete, actualStart, actualFinish,
      baselineStart: date('baselineStart', 'Baseline Start', dayStart),
      baselineFinish: date('baselineFinish', 'Baseline Finish', dayEnd),
      resources: resourcesList, costAccount: account === '' ? null : account, fixedCost, priority,
      refs: new RowRefs(row),
    };
  });

  readLinks(rows, tasks, index, mpd, sheet.name, issues);
  return tasks;
}

/** A task's cell references, worked out when a message needs one (not 13 strings a task). */
class RowRefs implements TaskRefs {
  constructor(private readonly row: TableRow<TaskField>) {}
  get id(): string { return this.row.where('id'); }
  get name(): string { return this.row.where('name'); }
  get duration(): string { return this.row.where('duration'); }
  get predecessors(): string { return this.row.where('predecessors'); }
  get constraint(): string { return this.row.where('constraint'); }
  get constraintDate(): string { return this.row.where('constraintDate'); }
  get deadline(): string { return this.row.where('deadline'); }
  get percentComplete(): string { return this.row.where('percentComplete'); }
  get actualStart(): string { return this.row.where('actualStart'); }
  get actualFinish(): string { return this.row.where('actualFinish'); }
  get baselineStart(): string { return this.row.where('baselineStart'); }
  get baselineFinish(): string { return this.row.where('baselineFinish'); }
  get outlineLevel(): string { return this.row.where('outlineLevel'); }
  get resources(): string { return this.row.where('resources'); }
  get costAccount(): string { return this.row.where('costAccount'); }
  get fixedCost(): string { return this.row.where('fixedCost'); }
}

/** A budget line's cell references, worked out when needed. */
class BudgetRowRefs implements BudgetRefs {
  constructor(private readonly row: TableRow<BudgetField>) {}
  get account(): string { return this.row.where('account'); }
  get description(): string { return this.row.where('description'); }
  get category(): string { return this.row.where('category'); }
  get budget(): string { return this.row.where(this.row.has('budget') || !this.row.has('units') ? 'budget' : 'units'); }
  get committed(): string { return this.row.where('committed'); }
  get actual(): string { return this.row.where('actual'); }
  get etc(): string { return this.row.where('etc'); }
}

function isAncestor(tasks: PlanTask[], maybeAncestor: number, of: number): boolean {
  for (let p = tasks[of].parent; p >= 0; p = tasks[p].parent) if (p === maybeAncestor) return true;
  return false;
}

function readLinks(
  rows: TableRow<TaskField>[],
  tasks: PlanTask[],
  index: Map<string, number>,
  mpd: number,
  sheetName: string,
  issues: Issue[],
): void {
  const isKnown = (id: string) => index.has(id);
  rows.forEach((row, i) => {
    if (!row.has('predecessors')) return;
    const task = tasks[i];
    // Both built only when a message needs them.
    const where = () => row.where('predecessors');
    const label = () => `Task ${task.id || '?'}${task.name ? ` '${clip(task.name)}'` : ''}`;
    const parsed = parsePredecessors(cellText(row.cell('predecessors')), isKnown, mpd);
    for (const p of parsed.problems) issues.push({ severity: 'error', message: `${label()} predecessors: ${p}.`, where: where() });
    const seen = new Set<number>();
    for (const l of parsed.links) {
      const pred = index.get(l.id);
      if (pred === undefined) {
        issues.push({ severity: 'error', message: `${label()} depends on ${clip(l.id)}, which is not in the ${sheetName} sheet.`, where: where() });
        continue;
      }
      if (pred === i) {
        issues.push({ severity: 'error', message: `${label()} lists itself as its own predecessor.`, where: where() });
        continue;
      }
      if (isAncestor(tasks, pred, i) || isAncestor(tasks, i, pred)) {
        const [inner, outer] = isAncestor(tasks, pred, i) ? [task, tasks[pred]] : [tasks[pred], task];
        issues.push({ severity: 'error', message: `${label()} is linked to ${l.id}, but task ${inner.id} is part of summary task ${outer.id}: a task cannot be linked to its own summary.`, where: where() });
        continue;
      }
      if (task.isSummary && (l.type === 'FF' || l.type === 'SF')) {
        issues.push({ severity: 'error', message: `${label()} is a summary task and cannot have a ${l.type} predecessor (${l.text}); link one of its subtasks instead, or use FS or SS.`, where: where() });
        continue;
      }
      if (seen.has(pred)) {
        issues.push({ severity: 'warning', message: `${label()} lists predecessor ${l.id} twice; only the first link (${task.links.find((x) => x.pred === pred)?.text}) is used.`, where: where() });
        continue;
      }
      seen.add(pred);
      const link: Link = { pred, type: l.type, lag: l.lag, text: l.text };
      task.links.push(link);
    }
  });
}

