/**
 * Cost benchmark: a 5,000-task year plan (bench/regenerate.ts) with 40 resources and a
 * 20,000-line budget that the tasks book to. Times `calculate` (read, schedule, costs, earned
 * value) in process, the cost part alone, and the whole `production-planner calculate --json`
 * process on the plan as JSON and as .xlsx.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { calculate, hasErrors } from '../src/core/calculate';
import { calculateCosts } from '../src/core/costs';
import { workbookToBuffer } from '../src/workbook/exceljs-host';
import { workbookFromJsonPlan } from '../src/workbook/from-json';
import { readJsonPlan } from '../src/workbook/json-host';
import { yearPlan } from './regenerate';

export const BUDGET_LINES = 20_000;
const CATEGORIES = [
  'Above the line',
  'Production',
  'Post-production',
  'Other',
  'Material',
  'Labour',
  'Machine time',
  'Overhead',
];

export interface CostTiming {
  tasks: number;
  lines: number;
  inProcessMs: number[];
  costsOnlyMs: number[];
  jsonS: number[];
  xlsxS: number[];
  exitCodes: (number | null)[];
  jsonMB: number;
  xlsxMB: number;
}

/** The year plan with resources, cost accounts on every task and a 20,000-line budget. */
export function costPlan(lines = BUDGET_LINES): Record<string, unknown> {
  const doc = yearPlan() as { settings: Record<string, string>; tasks: Record<string, string | number>[] };
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const resources = Array.from({ length: 40 }, (_, k) => ({
    Name: `Resource ${k + 1}`,
    Type: k % 10 === 9 ? 'Material' : k % 5 === 4 ? 'Equipment' : 'Work',
    Rate: 20 + (k % 13) * 7,
  }));
  const budget = Array.from({ length: lines }, (_, k) => {
    const amount = 1000 + Math.round(random() * 99_000);
    const spent = random();
    return {
      Account: String(100_000 + k),
      Description: `Budget line ${k + 1}`,
      Category: CATEGORIES[k % CATEGORIES.length],
      Budget: amount,
      Committed: Math.round(amount * 0.3 * random()),
      Actual: Math.round(amount * spent * 0.8),
      ETC: k % 4 === 0 ? Math.round(amount * 0.2) : '',
    };
  });
  doc.tasks.forEach((t, k) => {
    if (t.Duration === '') return;
    t['Cost Account'] = String(100_000 + ((k * 4) % lines));
    t.Resources = `Resource ${1 + (k % 40)}, Resource ${1 + ((k * 7) % 40)}[50%]`;
    if (k % 3 === 0) t['Fixed Cost'] = 500 * (1 + (k % 9));
  });
  return { ...doc, settings: { ...doc.settings, 'Status Date': '2027-06-30' }, resources, budget };
}

const best = (xs: number[]) => Math.min(...xs);

export async function timeCosts(bin: string, runs = 5): Promise<CostTiming> {
  const doc = costPlan();
  const read = readJsonPlan(doc);
  const inProcessMs: number[] = [];
  const costsOnlyMs: number[] = [];
  let tasks = 0;
  for (let k = 0; k < runs + 2; k++) {
    const t0 = process.hrtime.bigint();
    const c = calculate(read.workbook, { today: new Date(Date.UTC(2027, 5, 30)) });
    const t1 = process.hrtime.bigint();
    if (hasErrors(c.issues) || !c.plan || !c.schedule)
      throw new Error(`the cost plan has errors: ${JSON.stringify(c.issues.slice(0, 3))}`);
    calculateCosts(c.plan, c.schedule);
    const t2 = process.hrtime.bigint();
    tasks = c.plan.tasks.length;
    if (k >= 2) {
      // two warm-up runs
      inProcessMs.push(Number(t1 - t0) / 1e6);
      costsOnlyMs.push(Number(t2 - t1) / 1e6);
    }
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bench-costs-'));
  const json = path.join(dir, 'cost-plan.json');
  const xlsx = path.join(dir, 'cost-plan.xlsx');
  fs.writeFileSync(json, JSON.stringify(doc));
  fs.writeFileSync(xlsx, await workbookToBuffer(workbookFromJsonPlan(doc)));
  const exitCodes: (number | null)[] = [];
  const time = (file: string) => {
    const out: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = process.hrtime.bigint();
      const res = spawnSync(process.execPath, [bin, 'calculate', file, '--json'], { stdio: 'ignore' });
      out.push(Number(process.hrtime.bigint() - t0) / 1e9);
      exitCodes.push(res.status);
    }
    return out;
  };
  const timing: CostTiming = {
    tasks,
    lines: BUDGET_LINES,
    inProcessMs,
    costsOnlyMs,
    jsonS: time(json),
    xlsxS: time(xlsx),
    exitCodes,
    jsonMB: fs.statSync(json).size / 2 ** 20,
    xlsxMB: fs.statSync(xlsx).size / 2 ** 20,
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return timing;
}

export function costTimingBest(t: CostTiming): {
  inProcessMs: number;
  costsOnlyMs: number;
  jsonS: number;
  xlsxS: number;
} {
  return {
    inProcessMs: best(t.inProcessMs),
    costsOnlyMs: best(t.costsOnlyMs),
    jsonS: best(t.jsonS),
    xlsxS: best(t.xlsxS),
  };
}
