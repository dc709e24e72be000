import * as fs from 'fs';
import * as path from 'path';
import { formatLocation } from '../src/core/location';
import { formatWallReadable } from '../src/core/time';
import { regenerateFile } from '../src/workbook/files';
import { makeExamples } from './make-examples';

/** `npm run demo`: rebuilds the sample workbooks, regenerates each into out/, and prints a summary. */
async function demo(): Promise<number> {
  const root = path.resolve(__dirname, '..', '..');
  const step = (text: string) => process.stdout.write(text);
  step('Building the sample workbooks in examples/ ... ');
  const made = await makeExamples(root);
  step('done\n\n');
  const outDir = path.join(root, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  let failed = 0;
  for (const [k, { example, xlsx }] of made.entries()) {
    const target = path.join(outDir, `${example.file}.xlsx`);
    step(`[${k + 1}/${made.length}] ${example.title}: reading, scheduling, writing ... `);
    const started = process.hrtime.bigint();
    const res = await regenerateFile(xlsx, { output: target });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    step(`${res.written ? 'done' : 'FAILED'} in ${ms.toFixed(0)} ms\n`);
    const r = res.calc.schedule;
    const plan = res.calc.plan;
    if (!res.written || !r || !plan) {
      failed++;
      for (const i of res.calc.issues) console.log(`    ${i.severity} ${formatLocation(i.at)}: ${i.message}`);
      continue;
    }
    const critical = plan.tasks
      .map((t, i) => ({ t, i }))
      .filter(({ t, i }) => !t.isSummary && r.critical[i])
      .sort((a, b) => r.start[a.i] - r.start[b.i])
      .map(({ t }) => t.id);
    const errors = res.calc.issues.filter((i) => i.severity === 'error').length;
    console.log(`    tasks:         ${plan.tasks.length}`);
    console.log(`    finish:        ${formatWallReadable(r.projectFinish)}`);
    console.log(`    critical:      ${critical.length ? critical.join(' → ') : '(none: every task has float)'}`);
    const warnings = res.calc.issues.length - errors;
    console.log(
      `    issues:        ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
    for (const i of res.calc.issues.slice(0, 5)) console.log(`      - ${formatLocation(i.at)}: ${i.message}`);
    if (res.calc.issues.length > 5)
      console.log(`      … and ${res.calc.issues.length - 5} more on the Plan Issues sheet`);
    console.log(`    written:       ${path.relative(root, target)} (sheets: ${res.sheets.join(', ')})\n`);
  }
  return failed === 0 ? 0 : 1;
}

demo().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 2;
  },
);
