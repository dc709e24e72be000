import { pathLocation } from '../core/location';
import type { Issue } from '../core/model';
import type { RawCell, RawSheet, RawValue, RawWorkbook } from '../core/raw';

/** The JSON form's keys and the sheets they stand for. */
const SHEETS: [key: string, sheet: string][] = [
  ['tasks', 'Tasks'],
  ['holidays', 'Holidays'],
  ['resources', 'Resources'],
  ['budget', 'Budget'],
  ['calendars', 'Calendars'],
];

export interface JsonRead {
  workbook: RawWorkbook;
  /** Problems with the document's shape (not with what it says): a key that is not a list, a row that is not an object. */
  issues: Issue[];
}

function toRaw(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return { kind: 'error', text: Array.isArray(v) ? 'a list' : 'an object' };
}

function tableSheet(key: string, name: string, rows: unknown[], issues: Issue[]): RawSheet {
  const headers: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      issues.push({
        severity: 'error',
        message: `Each entry of "${key}" must be an object of column: value; entry ${i} is not.`,
        at: pathLocation(key, i),
      });
      return;
    }
    for (const h of Object.keys(row))
      if (!seen.has(h)) {
        seen.add(h);
        headers.push(h);
      }
  });
  const grid: (RawCell | undefined)[][] = [headers.map((h) => ({ value: h }))];
  for (const row of rows) {
    const obj = row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : {};
    grid.push(headers.map((h) => (h in obj ? { value: toRaw(obj[h]) } : undefined)));
  }
  // Grid row 0 is the header row the columns' keys make; row r is the document's entry r - 1.
  return {
    name,
    rows: grid,
    locate: (r, c) => (r === 0 ? pathLocation(key) : pathLocation(key, r - 1, headers[c] ?? String(c))),
    locateRow: (r) => (r === 0 ? pathLocation(key) : pathLocation(key, r - 1)),
    locateSheet: () => pathLocation(key),
  };
}

function settingsSheet(settings: unknown, issues: Issue[]): RawSheet | null {
  let pairs: [string, unknown][];
  if (settings === undefined) return null;
  if (Array.isArray(settings)) {
    // Also accepted: a list of { Setting, Value } rows, as the sheet has them.
    pairs = settings.map((r) => {
      const o = (r ?? {}) as Record<string, unknown>;
      return [String(o.Setting ?? o.setting ?? ''), o.Value ?? o.value];
    });
  } else if (settings !== null && typeof settings === 'object') {
    pairs = Object.entries(settings as Record<string, unknown>);
  } else {
    issues.push({
      severity: 'error',
      message: '"settings" must be an object of setting: value.',
      at: pathLocation('settings'),
    });
    return null;
  }
  const grid: (RawCell | undefined)[][] = pairs.map(([k, v]) => [{ value: k }, { value: toRaw(v) }]);
  return {
    name: 'Settings',
    rows: grid,
    locate: (r) => pathLocation('settings', pairs[r]?.[0] ?? ''),
    locateRow: (r) => pathLocation('settings', pairs[r]?.[0] ?? ''),
    locateSheet: () => pathLocation('settings'),
  };
}

/** Reads the contract's JSON form of a workbook (already parsed) into raw sheets. */
export function readJsonPlan(doc: unknown): JsonRead {
  const issues: Issue[] = [];
  const sheets: RawSheet[] = [];
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    issues.push({
      severity: 'error',
      message:
        'A JSON plan must be an object with "settings" and "tasks" (and optionally "holidays", "resources", "budget", "calendars").',
      at: pathLocation(),
    });
    return { workbook: { sheets, source: 'json' }, issues };
  }
  const obj = doc as Record<string, unknown>;
  const settings = settingsSheet(obj.settings, issues);
  if (settings) sheets.push(settings);
  for (const [key, name] of SHEETS) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) {
      issues.push({ severity: 'error', message: `"${key}" must be a list of rows.`, at: pathLocation(key) });
      continue;
    }
    sheets.push(tableSheet(key, name, v, issues));
  }
  return { workbook: { sheets, source: 'json' }, issues };
}
