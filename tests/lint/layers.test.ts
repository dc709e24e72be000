/**
 * The layer rule (lint/layers.mjs, configured in eslint.config.mjs) rejects imports across the
 * architecture's layers and accepts the allowed ones. Snippets are linted with the project's own
 * config as if they were files in each layer. ESLint loads its config with import(), which jest's
 * CommonJS sandbox cannot do, so one child process runs ESLint's Node API over every snippet.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

interface Case {
  file: string;
  code: string;
}

const LINT_SNIPPETS = `
import { ESLint } from 'eslint';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const c of JSON.parse(input)) {
  const [result] = await eslint.lintText(c.code, { filePath: c.file });
  out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
process.stdout.write(JSON.stringify(out));
`;

/** Layer-rule messages for each case (and any fatal parse error, so a broken snippet cannot pass). */
function lintAll(cases: Case[]): string[][] {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT_SNIPPETS], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);
  const results = JSON.parse(run.stdout) as { ruleId: string | null; message: string }[][];
  return results.map((messages) =>
    messages
      .filter((m) => m.ruleId === 'layers/layers' || m.ruleId === null || m.ruleId === 'no-restricted-globals')
      .map((m) => m.message),
  );
}

const rejected: [string, Case, RegExp][] = [
  [
    'Node in the core',
    { file: 'src/core/x.ts', code: "import * as fs from 'fs';\nexport const f = fs;" },
    /The core .* may not import the package 'fs'/,
  ],
  [
    'node: modules in the core',
    { file: 'src/core/read/x.ts', code: "import { join } from 'node:path';\nexport const j = join;" },
    /package 'node:path'/,
  ],
  [
    'ExcelJS in the core',
    { file: 'src/core/x.ts', code: "import ExcelJS from 'exceljs';\nexport const e = ExcelJS;" },
    /package 'exceljs'/,
  ],
  [
    'a host in the core',
    {
      file: 'src/core/x.ts',
      code: "import { calculateFile } from '../workbook/files';\nexport const c = calculateFile;",
    },
    /may not import '..\/workbook\/files' \(src\/workbook\)/,
  ],
  [
    'import type of a host in the core',
    {
      file: 'src/core/layout/x.ts',
      code: "import type { FileError } from '../../workbook/files';\nexport type E = FileError;",
    },
    /\(src\/workbook\)/,
  ],
  [
    'a dynamic import() in the core',
    { file: 'src/core/x.ts', code: "export const load = () => import('jszip');" },
    /package 'jszip'/,
  ],
  [
    'require() in the core',
    {
      file: 'src/core/x.ts',
      code: "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const os = require('os');",
    },
    /package 'os'/,
  ],
  [
    'typeof import() of a surface in the core',
    { file: 'src/core/x.ts', code: "export type Cli = typeof import('../cli/main');" },
    /\(src\/cli\)/,
  ],
  [
    're-exporting a surface from the core',
    { file: 'src/core/x.ts', code: "export { registerCommands } from '../commands/commands';" },
    /\(src\/commands\)/,
  ],
  [
    'an Office.js global in the core',
    { file: 'src/core/x.ts', code: 'export const run = () => Excel.run(async () => undefined);' },
    /Unexpected use of 'Excel'/,
  ],
  [
    'a surface in the workbook hosts',
    { file: 'src/workbook/x.ts', code: "import { main } from '../cli/main';\nexport const m = main;" },
    /The workbook hosts .* may not import '..\/cli\/main' \(src\/cli\)/,
  ],
  [
    'commands in the workbook hosts',
    {
      file: 'src/workbook/x.ts',
      code: "import type { ExcelRun } from '../commands/regenerate';\nexport type R = ExcelRun;",
    },
    /\(src\/commands\)/,
  ],
  [
    'the task pane in the commands',
    { file: 'src/commands/x.ts', code: "import { App } from '../taskpane/App';\nexport const a = App;" },
    /The commands .* \(src\/taskpane\)/,
  ],
  [
    'the functions in the task pane',
    {
      file: 'src/taskpane/x.tsx',
      code: "import { registerFunctions } from '../functions/functions';\nexport const r = registerFunctions;",
    },
    /The taskpane surface .* \(src\/functions\)/,
  ],
  [
    'the command line in the functions',
    { file: 'src/functions/x.ts', code: "import { main } from '../cli/main';\nexport const m = main;" },
    /\(src\/cli\)/,
  ],
  [
    'the task pane in the command line',
    { file: 'src/cli/x.ts', code: "export const load = () => import('../taskpane/host');" },
    /\(src\/taskpane\)/,
  ],
];

const accepted: [string, Case][] = [
  [
    'the core importing the core',
    {
      file: 'src/core/layout/x.ts',
      code: "import type { Plan } from '../model';\nimport { WorkCalendar } from '../calendar';\nexport type P = Plan;\nexport const c = WorkCalendar;",
    },
  ],
  [
    'a host importing the core and its packages',
    {
      file: 'src/workbook/x.ts',
      code: "import ExcelJS from 'exceljs';\nimport * as fs from 'fs';\nimport { readPlan } from '../core/read/read-plan';\nexport const all = [ExcelJS, fs, readPlan];",
    },
  ],
  [
    'the commands importing the core and a host',
    {
      file: 'src/commands/x.ts',
      code: "import { calculate } from '../core/calculate';\nimport { readWorkbook } from '../workbook/office-host';\nexport const all = [calculate, readWorkbook];",
    },
  ],
  [
    'the task pane importing the commands',
    {
      file: 'src/taskpane/x.tsx',
      code: "import { regenerateWorkbook } from '../commands/regenerate';\nimport * as React from 'react';\nexport const all = [regenerateWorkbook, React];",
    },
  ],
  [
    'the command line importing a host',
    {
      file: 'src/cli/x.ts',
      code: "import { calculateFile } from '../workbook/files';\nimport { Command } from 'commander';\nexport const all = [calculateFile, Command];",
    },
  ],
  [
    'the functions importing the core',
    {
      file: 'src/functions/x.ts',
      code: "import { schedule } from '../core/schedule/schedule';\nexport const s = schedule;",
    },
  ],
];

describe('layer rule', () => {
  let all: string[][];
  beforeAll(() => {
    all = lintAll([...rejected.map(([, c]) => c), ...accepted.map(([, c]) => c)]);
  });

  test.each(rejected.map(([name, c, expected], k) => [name, c, expected, k] as const))(
    'rejects %s',
    (_name, _c, expected, k) => {
      expect(all[k]).toContainEqual(expect.stringMatching(expected));
    },
  );

  test.each(accepted.map(([name, c], k) => [name, c, rejected.length + k] as const))('accepts %s', (_name, _c, k) => {
    expect(all[k]).toEqual([]);
  });
});
