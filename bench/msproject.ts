/**
 * Project XML import, whole process as users run it: `production-planner import project.xml -o
 * plan.xlsx` on a file of about 5 MB (5,000 tasks with summaries, links and resources, written by
 * the exporter from the bench's generated plan), best of three; and a 50 MB file to .json, its
 * peak memory.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { calculate } from '../src/core/calculate';
import { planToMspdi } from '../src/core/msproject/export';
import { readJsonPlan } from '../src/workbook/json-host';
import { generateNetwork, toJsonDocument } from './generate';

export interface ImportTiming {
  tasks: number;
  fileMB: number;
  bestS: number;
  peakMB: number;
  exitCodes: (number | null)[];
}

function projectXml(tasks: number, file: string): void {
  const read = readJsonPlan(toJsonDocument(generateNetwork(tasks)));
  const calc = calculate(read.workbook);
  if (!calc.plan || !calc.schedule) throw new Error('bench: the generated plan has errors');
  fs.writeFileSync(file, planToMspdi(calc.plan, calc.schedule, 'Bench'));
}

/** Times `import` of a generated Project XML of `tasks` tasks, `runs` times, to `ext` (.xlsx or .json). */
export function timeImport(bin: string, tasks: number, runs: number, ext: '.xlsx' | '.json'): ImportTiming {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bench-mspdi-'));
  const input = path.join(dir, 'project.xml');
  projectXml(tasks, input);
  const script = `process.argv.splice(1, 0, 'production-planner');
    process.on('exit', () => process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n'));
    require(${JSON.stringify(bin)});`;
  const times: number[] = [];
  const exitCodes: (number | null)[] = [];
  let peak = 0;
  for (let k = 0; k < runs; k++) {
    const out = path.join(dir, `plan${k}${ext}`);
    const t0 = process.hrtime.bigint();
    const res = spawnSync(process.execPath, ['-e', script, 'import', input, '-o', out], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    exitCodes.push(res.status);
    const rss = /maxRSS (\d+)/.exec(res.stderr ?? '');
    if (rss) peak = Math.max(peak, Number(rss[1]) / 1024);
  }
  const timing = {
    tasks,
    fileMB: fs.statSync(input).size / 2 ** 20,
    bestS: Math.min(...times),
    peakMB: peak,
    exitCodes,
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return timing;
}
