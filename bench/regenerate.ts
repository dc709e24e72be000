/**
 * Whole-process regenerate of a 5,000-task workbook spanning about a year, at day scale (the
 * Gantt then has some 380 timeline columns): the time the command takes and the file it writes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { workbookToBuffer } from '../src/workbook/exceljs-host';
import { workbookFromJsonPlan } from '../src/workbook/from-json';

export interface RegenerateTiming {
  tasks: number;
  inputMB: number;
  outputMB: number;
  runsS: number[];
  bestS: number;
  exitCodes: (number | null)[];
}

/** 250 summarised groups of 19 chained tasks (1 to 24 days each, ~a year per chain), some links across groups. */
export function yearPlan(groups = 250): Record<string, unknown> {
  let seed = 20270301;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const tasks: Record<string, string | number>[] = [];
  for (let g = 0; g < groups; g++) {
    tasks.push({ ID: `G${g}`, Name: `Work package ${g + 1}`, Duration: '', 'Outline Level': 1 });
    for (let k = 0; k < 19; k++) {
      const preds = k > 0 ? [`G${g}-${k - 1}`] : [];
      if (g > 0 && k > 0 && random() < 0.15) preds.push(`G${g - 1}-${k}SS+2d`);
      const row: Record<string, string | number> = {
        ID: `G${g}-${k}`,
        Name: `Task ${k + 1} of package ${g + 1}`,
        Duration: `${1 + Math.floor(random() * 24)}d`,
        'Outline Level': 2,
      };
      if (preds.length) row.Predecessors = preds.join(', ');
      if (random() < 0.1) row['% Complete'] = '50%';
      tasks.push(row);
    }
  }
  return {
    settings: { 'Project Start': '2027-01-04', 'Status Date': '2027-03-01', 'Gantt Scale': 'day' },
    holidays: [
      { Date: '2027-04-02', Name: 'Good Friday' },
      { Date: '2027-12-24', 'End Date': '2027-12-31', Name: 'Winter break' },
    ],
    tasks,
  };
}

/**
 * The year plan with a Resources sheet of `resources` crews and machines (Max Units 1 to 3), half
 * the tasks booking one of them (about 20% more work than they can do within the year), and
 * Settings Leveling On: the leveling bench's plan.
 */
export function leveledYearPlan(groups = 250, resources = 50): Record<string, unknown> {
  const doc = yearPlan(groups) as { settings: Record<string, string>; tasks: Record<string, string | number>[] };
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pool = Array.from({ length: resources }, (_, k) => ({
    Name: `${k % 2 === 0 ? 'Crew' : 'Machine'} ${k + 1}`,
    Type: k % 2 === 0 ? 'Work' : 'Equipment',
    'Max Units': 1 + (k % 3),
    Rate: 50,
  }));
  // Half the tasks book one of them; progress only on the first tasks, which start at the project start.
  for (const t of doc.tasks) {
    delete t['% Complete'];
    if (t.Duration === '' || random() < 0.5) continue;
    t.Resources = pool[Math.floor(random() * resources)].Name;
  }
  for (let g = 0; g < Math.min(20, groups); g++) doc.tasks[g * 20 + 1]['% Complete'] = '50%';
  return { ...doc, settings: { ...doc.settings, Leveling: 'On' }, resources: pool };
}

export async function timeRegenerate(
  bin: string,
  runs = 3,
  doc: Record<string, unknown> = yearPlan(),
): Promise<RegenerateTiming> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bench-regen-'));
  const input = path.join(dir, 'year-plan.xlsx');
  fs.writeFileSync(input, await workbookToBuffer(workbookFromJsonPlan(doc)));
  const output = path.join(dir, 'out.xlsx');
  const runsS: number[] = [];
  const exitCodes: (number | null)[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [bin, 'regenerate', input, '-o', output], { stdio: 'ignore' });
    runsS.push(Number(process.hrtime.bigint() - t0) / 1e9);
    exitCodes.push(res.status);
  }
  const timing = {
    tasks: (doc.tasks as unknown[]).length,
    inputMB: fs.statSync(input).size / 2 ** 20,
    outputMB: fs.existsSync(output) ? fs.statSync(output).size / 2 ** 20 : NaN,
    runsS,
    bestS: Math.min(...runsS),
    exitCodes,
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return timing;
}

export interface LargeRegenerateTiming {
  tasks: number;
  inputMB: number;
  seconds: number;
  /** Peak resident memory of the whole process, MB (process.resourceUsage().maxRSS). */
  peakMB: number;
  exitCode: number | null;
}

/**
 * Whole-process regenerate of a large generated plan (the engine bench's network, as a workbook):
 * its time and its peak memory, which the child process reports as it exits.
 */
export async function timeLargeRegenerate(bin: string, tasks: number): Promise<LargeRegenerateTiming> {
  const { generateNetwork, toJsonDocument } = await import('./generate');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bench-large-'));
  const input = path.join(dir, 'plan.xlsx');
  const doc = toJsonDocument(generateNetwork(tasks)) as unknown as Record<string, unknown>;
  fs.writeFileSync(input, await workbookToBuffer(workbookFromJsonPlan(doc)));
  // The command as users run it (its launcher sets the heap's growth), reporting its own peak memory.
  const script = `process.argv.splice(1, 0, 'production-planner');
    process.on('exit', () => process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n'));
    require(${JSON.stringify(bin)});`;
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ['-e', script, 'regenerate', input, '-o', path.join(dir, 'out.xlsx')], {
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = /maxRSS (\d+)/.exec(res.stderr ?? '');
  const timing = {
    tasks,
    inputMB: fs.statSync(input).size / 2 ** 20,
    seconds,
    peakMB: rss ? Number(rss[1]) / 1024 : NaN,
    exitCode: res.status,
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return timing;
}
