import { Location, formatLocation } from '../location';
import type { Issue, ResourceDef } from '../model';
import { clip } from '../helpers';
import { parseAmountCell, parseDateCell, parseUnits } from '../parsers/values';
import { DateOrder, MINUTES_PER_DAY, Wall, formatWallReadable } from '../time';
import type { RawSheet } from '../raw';
import { ColumnSpec, cellText, readTable } from './table';

type ResourceField =
  'name' | 'type' | 'maxUnits' | 'rate' | 'costAccount' | 'availableFrom' | 'availableTo' | 'calendar';
export const RESOURCE_COLUMNS: ColumnSpec<ResourceField>[] = [
  { field: 'name', label: 'Name', names: ['name', 'resource', 'resourcename'], required: true },
  { field: 'type', label: 'Type', names: ['type'] },
  { field: 'maxUnits', label: 'Max Units', names: ['maxunits', 'units'] },
  { field: 'rate', label: 'Rate', names: ['rate', 'standardrate', 'stdrate'] },
  { field: 'costAccount', label: 'Cost Account', names: ['costaccount', 'account'] },
  { field: 'availableFrom', label: 'Available From', names: ['availablefrom'] },
  { field: 'availableTo', label: 'Available To', names: ['availableto', 'availableuntil'] },
  { field: 'calendar', label: 'Calendar', names: ['calendar', 'basecalendar', 'resourcecalendar'] },
];

/** The Resources sheet: who and what does the work, at what rate, booked to which account. */
export function readResources(sheet: RawSheet, issues: Issue[], dateOrder: DateOrder | null = null): ResourceDef[] {
  const table = readTable(sheet, RESOURCE_COLUMNS, issues);
  if (!table) return [];
  const out: ResourceDef[] = [];
  const seen = new Map<string, Location>();
  for (const row of table.rows) {
    const name = cellText(row.cell('name'));
    if (name === '') {
      issues.push({ severity: 'error', message: 'This resource has no name.', at: row.at('name') });
      continue;
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      issues.push({
        severity: 'error',
        message: `Resource "${clip(name)}" is listed twice (also at ${formatLocation(seen.get(key)!)}).`,
        at: row.at('name'),
        also: seen.get(key),
      });
      continue;
    }
    seen.set(key, row.at('name'));
    let type: ResourceDef['type'] = 'Work';
    const t = cellText(row.cell('type')).toLowerCase();
    if (t === 'work' || t === '') type = 'Work';
    else if (t === 'equipment') type = 'Equipment';
    else if (t === 'material') type = 'Material';
    else
      issues.push({
        severity: 'error',
        message: `Resource "${clip(name)}": type "${clip(t)}" must be Work, Equipment or Material.`,
        at: row.at('type'),
      });
    let maxUnits = 1;
    if (row.has('maxUnits')) {
      const u = parseUnits(row.cell('maxUnits')!.value);
      if (u.ok && u.value > 0) maxUnits = u.value;
      else if (u.ok)
        issues.push({
          severity: 'error',
          message: `Resource "${clip(name)}": Max Units is 0, so it could never be booked; write how many can work at once (1, 3, 300%).`,
          at: row.at('maxUnits'),
        });
      else
        issues.push({ severity: 'error', message: `Resource "${clip(name)}": ${u.message}.`, at: row.at('maxUnits') });
    }
    // A date alone is the whole day: from its start, to its end.
    const availability = (field: 'availableFrom' | 'availableTo', label: string, endOfDay: boolean): Wall | null => {
      const cell = row.filled(field);
      if (cell === undefined) return null;
      const d = parseDateCell(cell.value, dateOrder);
      if (!d.ok) {
        issues.push({
          severity: 'error',
          message: `Resource "${clip(name)}" ${label}: ${d.message}.`,
          at: row.at(field),
        });
        return null;
      }
      return d.value.hasTime ? d.value.wall : d.value.wall + (endOfDay ? MINUTES_PER_DAY : 0);
    };
    const availableFrom = availability('availableFrom', 'Available From', false);
    let availableTo = availability('availableTo', 'Available To', true);
    if (availableFrom !== null && availableTo !== null && availableTo <= availableFrom) {
      issues.push({
        severity: 'error',
        message: `Resource "${clip(name)}" is available to ${formatWallReadable(availableTo)}, which is not after it is available from (${formatWallReadable(availableFrom)}).`,
        at: row.at('availableTo'),
      });
      availableTo = null;
    }
    let rate = 0;
    if (row.has('rate')) {
      const cell = row.cell('rate')!;
      const v =
        typeof cell.value === 'string' ? cell.value.replace(/\s*\/\s*(h|hr|hour|unit|day)\s*$/i, '') : cell.value;
      const p = parseAmountCell(v);
      if (!p.ok)
        issues.push({ severity: 'error', message: `Resource "${clip(name)}" rate: ${p.message}.`, at: row.at('rate') });
      else if (p.value < 0)
        issues.push({
          severity: 'error',
          message: `Resource "${clip(name)}" has a negative rate.`,
          at: row.at('rate'),
        });
      else rate = p.value;
    }
    const account = cellText(row.cell('costAccount'));
    const calendar = cellText(row.cell('calendar'));
    out.push({
      name,
      type,
      maxUnits,
      rate,
      costAccount: account === '' ? null : account,
      availableFrom,
      availableTo,
      calendar: calendar === '' ? null : calendar.toLowerCase(),
      at: row.at('name'),
      refs: {
        costAccount: row.at('costAccount'),
        type: row.at('type'),
        maxUnits: row.at('maxUnits'),
        rate: row.at('rate'),
        availableFrom: row.at('availableFrom'),
        availableTo: row.at('availableTo'),
        calendar: row.at('calendar'),
      },
    });
  }
  return out;
}
