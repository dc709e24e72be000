/**
 * Agreement with Microsoft Project's own computed dates: for each Project XML file in a folder
 * (files saved by Project, which the repository does not hold), the plan is imported, scheduled,
 * and each task the plan can express is compared with the Start, Finish, TotalSlack and Critical
 * that Project saved. Manually scheduled tasks, tasks with a leveling delay and files scheduled
 * from their finish are left out: the plan expresses them differently on purpose.
 *
 *   npm run build:lib && node lib/bench/msproject-agreement.js <folder of .xml files>
 */
import * as fs from 'fs';
import * as path from 'path';
import { calculate } from '../src/core/calculate';
import { importMspdi } from '../src/core/msproject/import';
import { parseMspdiDate, textOf } from '../src/core/msproject/mspdi';
import { readJsonPlan } from '../src/workbook/json-host';
import { readMspdi } from '../src/workbook/msproject/read-mspdi';

interface Tally {
  files: number;
  tasks: number;
  dates: number;
  slack: number;
  critical: number;
  skippedFiles: string[];
  differences: string[];
}

function compareFile(file: string, t: Tally): void {
  const name = path.basename(file);
  let doc;
  try {
    doc = readMspdi([fs.readFileSync(file)]);
  } catch (e) {
    t.skippedFiles.push(`${name}: ${(e as Error).message}`);
    return;
  }
  if (doc.project.get('ScheduleFromStart') === '0') {
    t.skippedFiles.push(`${name}: scheduled from its finish`);
    return;
  }
  const imported = importMspdi(doc, { fileName: name });
  if (!imported.doc) {
    t.skippedFiles.push(`${name}: ${imported.issues[0]?.message}`);
    return;
  }
  const calc = calculate(readJsonPlan(imported.doc).workbook);
  if (!calc.plan || !calc.schedule) {
    t.skippedFiles.push(`${name}: ${calc.issues.find((i) => i.severity === 'error')?.message}`);
    return;
  }
  t.files++;
  const r = calc.schedule;
  const row = new Map(calc.plan.tasks.map((task, i) => [task.id, i]));
  for (const task of doc.tasks) {
    const id = textOf(task, 'ID');
    const i = id === undefined ? undefined : row.get(id);
    if (i === undefined) continue;
    if (textOf(task, 'Manual') === '1' || Number(textOf(task, 'LevelingDelay') ?? '0') !== 0) continue;
    const start = parseMspdiDate(textOf(task, 'Start') ?? '');
    const finish = parseMspdiDate(textOf(task, 'Finish') ?? '');
    if (start === undefined || finish === undefined) continue;
    t.tasks++;
    const datesOk = start === r.start[i] && finish === r.finish[i];
    const slack = Number(textOf(task, 'TotalSlack') ?? 'NaN') / 10;
    const slackOk = Number.isFinite(slack) && Math.abs(slack - r.totalFloat[i]) < 1;
    const criticalOk = (textOf(task, 'Critical') === '1') === (r.critical[i] === 1);
    if (datesOk) t.dates++;
    if (slackOk) t.slack++;
    if (criticalOk) t.critical++;
    if ((!datesOk || !slackOk || !criticalOk) && t.differences.length < 40)
      t.differences.push(
        `${name} ID ${id}: Project ${textOf(task, 'Start')} - ${textOf(task, 'Finish')} slack ${slack} min; engine ${new Date(r.start[i] * 60000).toISOString().slice(0, 16)} - ${new Date(r.finish[i] * 60000).toISOString().slice(0, 16)} slack ${r.totalFloat[i]} min`,
      );
  }
}

function main(): void {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(dir)) {
    console.error('usage: node lib/bench/msproject-agreement.js <folder of Project XML files>');
    process.exitCode = 2;
    return;
  }
  const t: Tally = { files: 0, tasks: 0, dates: 0, slack: 0, critical: 0, skippedFiles: [], differences: [] };
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.xml'))
    .sort())
    compareFile(path.join(dir, f), t);
  const pct = (n: number) => (t.tasks === 0 ? 'n/a' : `${((100 * n) / t.tasks).toFixed(1)}%`);
  console.log(`| files | tasks compared | start and finish | total slack | critical flag |`);
  console.log(`| --- | --- | --- | --- | --- |`);
  console.log(`| ${t.files} | ${t.tasks} | ${pct(t.dates)} | ${pct(t.slack)} | ${pct(t.critical)} |`);
  if (t.skippedFiles.length) console.log(`\nFiles left out:\n${t.skippedFiles.map((s) => `- ${s}`).join('\n')}`);
  if (t.differences.length) console.log(`\nDifferences (first 40):\n${t.differences.join('\n')}`);
}

main();
