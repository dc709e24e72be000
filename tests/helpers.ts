import { Calculation, calculate } from '../src/core/calculate';
import { readJsonPlan } from '../src/workbook/json-host';
import { calculationToJson, TaskJson } from '../src/core/report/json';

export type Row = Record<string, string | number | null>;

/** A JSON plan with sensible defaults: project start Mon 2027-03-01, status date set. */
export function plan(
  tasks: Row[],
  settings: Record<string, string | number> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    settings: { 'Project Start': '2027-03-01', 'Status Date': '2027-03-01', ...settings },
    tasks,
    ...extra,
  };
}

export function calc(doc: unknown): Calculation {
  const read = readJsonPlan(doc);
  if (read.issues.length) throw new Error(JSON.stringify(read.issues));
  return calculate(read.workbook, { today: new Date(Date.UTC(2027, 2, 1)) });
}

/** Scheduled tasks by ID, in the contract's JSON form; fails the test on errors. */
export function run(doc: unknown): Record<string, TaskJson> {
  const c = calc(doc);
  const errors = c.issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new Error('unexpected errors: ' + JSON.stringify(errors));
  const json = calculationToJson(c);
  return Object.fromEntries(json.tasks.map((t) => [t.id, t]));
}
