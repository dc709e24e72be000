import { Command, CommanderError } from 'commander';
import { setFlagsFromString } from 'v8';
import { hasErrors } from '../core/calculate';
import { calculationToJson, calculationToJsonBytes, calculationToJsonText } from '../core/report/json';
import { parseDateText } from '../core/time';
import { FileError, baselineFile, calculateFile, cleanFile, regenerateFile } from '../workbook/files';
import { GENERATED_SHEETS } from '../core/layout/generated-sheets';
import { formatCalculation, formatIssues, formatMoneySummary } from './format';
import { exportProjectFile, importProjectFile } from '../workbook/msproject/files';

/**
 * Lets the heap grow by at most 20% between full collections (V8 picks up to 4x) for the commands
 * that write a workbook: a regenerate of 100,000 tasks then peaks under 1 GB rather than 1.2 GB, for
 * about 10% more time (docs/performance.md). V8 reads the factor at each collection, so it takes
 * effect from here on. `calculate` keeps V8's default: it would be 10% slower.
 */
function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=20');
}

/** Exit codes of the contract. */
export const EXIT_OK = 0;
export const EXIT_PLAN_ERRORS = 1;
export const EXIT_USAGE = 2;

interface Io {
  out: (text: string) => void;
  /**
   * Writes UTF-8 text given as bytes, as `out` would write it decoded (a line end is added). Without
   * it, such output goes to `out` as a string.
   */
  outBytes?: (bytes: Uint8Array) => void;
  err: (text: string) => void;
  /** Whether output goes to a terminal. */
  isTTY?: boolean;
}

const NEWLINE = new Uint8Array([10]);

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const defaultIo: Io = {
  isTTY: process.stdout.isTTY === true,
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  // The bytes as they are: a 27 MB JSON text at 100,000 tasks is not decoded to a string only for
  // stdout to encode it back. stdout keeps a view of them until written, so they must not change.
  outBytes: (bytes) => {
    process.stdout.write(bytes.length > 0 && bytes[bytes.length - 1] === 10 ? bytes : concatBytes(bytes, NEWLINE));
  },
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
};

/**
 * Ends the process quietly when the reader of its output goes away (`calculate ... | head -1`), as
 * command-line tools do, instead of failing with a stack trace on the next write.
 */
export function exitQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK);
    });
}

function todayOption(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = parseDateText(value);
  if (!d) throw new FileError(`--today ${value}: write the date as 2027-03-01`);
  // The reader takes today's calendar day from local fields, so build it at local midnight.
  const utc = new Date(d.wall * 60000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** Runs the command line; resolves to the exit code. Never throws. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = EXIT_OK;
  const program = new Command('production-planner')
    .description('Schedules and costs a production plan kept in an Excel workbook (or its JSON form).')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();

  program
    .command('calculate')
    .description('read a plan, compute the schedule, write nothing')
    .argument('<plan>', 'plan.xlsx or plan.json')
    .option('--json', 'print one JSON document (the contract form)')
    .option('--today <date>', 'the date taken as today when Settings gives no Status Date')
    .action(async (file: string, opts: { json?: boolean; today?: string }) => {
      const calc = await calculateFile(file, { today: todayOption(opts.today) });
      // Indented for a person at a terminal, compact for a program reading a pipe or file.
      if (opts.json && io.isTTY) io.out(JSON.stringify(calculationToJson(calc), null, 2));
      else if (opts.json && io.outBytes) io.outBytes(calculationToJsonBytes(calc, true));
      else if (opts.json) io.out(calculationToJsonText(calc));
      else io.out(formatCalculation(calc));
      code = hasErrors(calc.issues) ? EXIT_PLAN_ERRORS : EXIT_OK;
    });

  program
    .command('regenerate')
    .description(
      `write the generated sheets (${GENERATED_SHEETS.map(([, name]) => name).join(', ')}) into a copy of the workbook, or into it with --in-place`,
    )
    .argument('<workbook>', 'the .xlsx workbook')
    .option('-o, --output <file>', 'where to write (default: <workbook>.regenerated.xlsx beside it)')
    .option('--in-place', 'update the workbook itself (atomically)')
    .option('--today <date>', 'the date taken as today when Settings gives no Status Date')
    .action(async (file: string, opts: { output?: string; inPlace?: boolean; today?: string }) => {
      boundHeapGrowth();
      const res = await regenerateFile(file, {
        output: opts.output,
        inPlace: opts.inPlace,
        today: todayOption(opts.today),
      });
      if (!res.written) {
        io.err(`Nothing written: the plan has errors.\n${formatIssues(res.calc.issues)}`);
        code = EXIT_PLAN_ERRORS;
        return;
      }
      const r = res.calc.schedule;
      io.out(`Wrote ${res.sheets.join(', ')} to ${res.written}`);
      if (r)
        io.out(`Project finishes ${new Date(r.projectFinish * 60000).toISOString().slice(0, 16).replace('T', ' ')}`);
      const money = formatMoneySummary(res.calc);
      if (money) io.out(money);
      if (res.calc.issues.length > 0) io.out(formatIssues(res.calc.issues));
    });

  program
    .command('baseline')
    .description(
      "set the baseline: copy each task's current Start and Finish into Baseline Start and Baseline Finish on the Tasks sheet",
    )
    .argument('<workbook>', 'the .xlsx workbook')
    .option('-o, --output <file>', 'where to write (default: <workbook>.baselined.xlsx beside it)')
    .option('--in-place', 'update the workbook itself (atomically)')
    .option('--yes', 'replace baseline dates that are already there')
    .option('--today <date>', 'the date taken as today when Settings gives no Status Date')
    .action(async (file: string, opts: { output?: string; inPlace?: boolean; yes?: boolean; today?: string }) => {
      boundHeapGrowth();
      const res = await baselineFile(file, { ...opts, today: todayOption(opts.today) });
      if (hasErrors(res.calc.issues)) {
        io.err(`Nothing written: the plan has errors.\n${formatIssues(res.calc.issues)}`);
        code = EXIT_PLAN_ERRORS;
        return;
      }
      if (res.overwrites.length > 0) {
        io.err(
          `${res.written ? 'Replaced' : 'This would replace'} ${res.overwrites.length} baseline date${res.overwrites.length === 1 ? '' : 's'}:\n${res.overwrites.map((o) => `  ${o}`).join('\n')}`,
        );
      }
      if (!res.written) {
        io.err('Nothing written: run again with --yes to replace them.');
        code = EXIT_USAGE;
        return;
      }
      io.out(`Baseline set for ${res.tasks} tasks; wrote ${res.written}`);
    });

  program
    .command('import')
    .description('read a Microsoft Project XML file into a plan: an .xlsx workbook or a .json plan (docs/msproject.md)')
    .argument('<project.xml>', 'the Project XML (MSPDI) file, as Project saves it with File > Save As > XML')
    .requiredOption('-o, --output <file>', 'the plan to write: plan.xlsx or plan.json')
    .option('--ids <kind>', "the task IDs: Project's IDs (id) or its WBS codes (wbs)", 'id')
    .option('--force', 'replace the output file when it exists')
    .action(async (file: string, opts: { output: string; ids: string; force?: boolean }) => {
      if (opts.ids !== 'id' && opts.ids !== 'wbs') throw new FileError(`--ids ${opts.ids}: give id or wbs`);
      const res = await importProjectFile(file, { output: opts.output, ids: opts.ids, force: opts.force });
      if (!res.written) {
        io.err(`Nothing written: the Project file has errors.\n${formatIssues(res.issues)}`);
        code = EXIT_PLAN_ERRORS;
        return;
      }
      const c = res.counts;
      io.out(
        `Wrote ${res.written}: ${[
          [c.tasks, 'task'],
          [c.links, 'link'],
          [c.resources, 'resource'],
          [c.assignments, 'assignment'],
          [c.calendars, 'calendar'],
        ]
          .map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`)
          .join(', ')}`,
      );
      if (res.issues.length > 0) io.out(`Did not come across as in Project:\n${formatIssues(res.issues)}`);
    });

  program
    .command('export')
    .description('write a plan, scheduled, as Microsoft Project XML (docs/msproject.md)')
    .argument('<plan>', 'the .xlsx workbook or .json plan')
    .requiredOption('-o, --output <file>', 'the Project XML file to write (project.xml)')
    .option('--force', 'replace the output file when it exists')
    .action(async (file: string, opts: { output: string; force?: boolean }) => {
      const res = await exportProjectFile(file, { output: opts.output, force: opts.force });
      if (!res.written) {
        io.err(`Nothing written: the plan has errors.\n${formatIssues(res.issues)}`);
        code = EXIT_PLAN_ERRORS;
        return;
      }
      io.out(`Wrote ${res.written}`);
    });

  program
    .command('clean')
    .description(
      'remove what Production Planner wrote: its sheets and its highlight rules (your sheets stay as they are)',
    )
    .argument('<workbook>', 'the .xlsx workbook')
    .option('-o, --output <file>', 'where to write (default: <workbook>.clean.xlsx beside it)')
    .option('--in-place', 'update the workbook itself (atomically)')
    .action(async (file: string, opts: { output?: string; inPlace?: boolean }) => {
      boundHeapGrowth();
      const res = await cleanFile(file, opts);
      io.out(
        `Removed ${res.sheets.length ? `the sheets ${res.sheets.join(', ')}` : 'no sheets'} and ${res.rules} highlight rule${res.rules === 1 ? '' : 's'}; wrote ${res.written}`,
      );
    });

  program
    .command('psplib')
    .description('level a PSPLIB single-mode instance (.sm) with the leveler workbooks use, and print its schedule')
    .argument('<file>', 'the .sm instance')
    .option('--time-limit <seconds>', 'how long the search may take', '1')
    .option('--seed <n>', 'seed of the pseudo-random search', '1')
    .option('--json', 'print {"makespan": M, "starts": {"1": 0, ...}} with the job numbers of the file')
    .action(async (file: string, opts: { timeLimit: string; seed: string; json?: boolean }) => {
      const timeLimit = Number(opts.timeLimit);
      if (!(timeLimit > 0 && timeLimit <= 3600))
        throw new FileError(`--time-limit ${opts.timeLimit}: give seconds, more than 0 and at most 3600`);
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed) || seed < 0) throw new FileError(`--seed ${opts.seed}: give a whole number`);
      const { levelPsplibFile } = await import('../workbook/psplib-file');
      const res = levelPsplibFile(file, { timeLimit, seed });
      // makespan and starts first, as the result is built.
      if (opts.json) io.out(JSON.stringify(res));
      else {
        io.out(
          `Makespan ${res.makespan} periods (critical path ${res.criticalPath}, lower bound ${res.lowerBound}); ${res.schedules.toLocaleString('en-US')} schedules in ${res.seconds.toFixed(2)} s`,
        );
        io.out(
          Object.entries(res.starts)
            .map(([job, start]) => `${job}: ${start}`)
            .join('\n'),
        );
      }
    });

  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof FileError) {
      io.err(`production-planner: ${e.message}`);
      return EXIT_USAGE;
    }
    io.err(`production-planner: unexpected failure: ${(e as Error).message}`);
    return EXIT_USAGE;
  }
}
