/**
 * Custom functions benchmark: PROD.SCHEDULE over a 10,000-row task range, as Excel hands it to
 * the function: a 2-D array with a header row, IDs and outline levels as numbers, dates as Excel
 * serial numbers, empty cells as "". The plan is bench/generate.ts's realistic network (mixed
 * link types and lags, summaries, constraints, deadlines, holidays). Timed in process: best of 7
 * after 3 warm-up runs, with the engine's own part (readPlan + schedule on the same workbook)
 * beside it, so what the function adds can be told from the engine.
 */
import { readPlan } from '../src/core/read/read-plan';
import { schedule } from '../src/core/schedule/schedule';
import { excelSerialFromWall, wallFromParts } from '../src/core/time';
import { SCHEDULE } from '../src/functions/functions';
import { holidaysArg, settingsArg, tasksArg } from '../src/functions/plan';
import { generateNetwork, toJsonDocument } from './generate';

export const FUNCTION_TASKS = 10_000;
const WARMUP_RUNS = 3;
const TIMED_RUNS = 7;

export interface FunctionsTiming {
  tasks: number;
  rows: number;
  columns: number;
  /** PROD.SCHEDULE, whole call. */
  scheduleMs: number[];
  /** readPlan + schedule on the workbook the function builds (the engine's part of the call). */
  engineMs: number[];
  /** Output rows and how many were critical (a check that the run scheduled). */
  outputRows: number;
  critical: number;
}

/** A date as Excel passes a date cell: its serial number. */
function serialOf(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  return excelSerialFromWall(wallFromParts(y, m, d));
}

const DATE_COLUMNS = new Set(['Constraint Date', 'Deadline']);

/** The generated plan as the three ranges a sheet would pass: tasks (with header), settings, holidays. */
export function functionRanges(tasks = FUNCTION_TASKS): {
  tasks: unknown[][];
  settings: unknown[][];
  holidays: unknown[][];
} {
  const doc = toJsonDocument(generateNetwork(tasks));
  const headers: string[] = [];
  for (const row of doc.tasks) for (const h of Object.keys(row)) if (!headers.includes(h)) headers.push(h);
  const cell = (h: string, v: string | number | undefined): unknown => {
    if (v === undefined || v === '') return '';
    if (DATE_COLUMNS.has(h)) return serialOf(String(v));
    // A spreadsheet holds a plain number typed into a cell as a number (an ID, a lone predecessor).
    return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  };
  const rows: unknown[][] = [headers, ...doc.tasks.map((row) => headers.map((h) => cell(h, row[h])))];
  const settings = [
    ['Setting', 'Value'],
    ...Object.entries(doc.settings).map(([k, v]) => [
      k,
      k === 'Project Start' || k === 'Status Date' ? serialOf(String(v)) : v,
    ]),
  ];
  const holidays = [['Date', 'Name'], ...doc.holidays.map((h) => [serialOf(String(h.Date)), h.Name])];
  return { tasks: rows, settings, holidays };
}

function msSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function timeFunctions(tasks = FUNCTION_TASKS): FunctionsTiming {
  const ranges = functionRanges(tasks);
  const scheduleMs: number[] = [];
  const engineMs: number[] = [];
  let out: unknown[][] = [];
  for (let k = 0; k < WARMUP_RUNS + TIMED_RUNS; k++) {
    const t0 = process.hrtime.bigint();
    out = SCHEDULE(ranges.tasks as never, ranges.settings as never, ranges.holidays as never);
    const ms = msSince(t0);
    // The engine alone on the same sheets, built outside the timing.
    const sheets = [settingsArg(ranges.settings), holidaysArg(ranges.holidays)!, tasksArg(ranges.tasks).arg].map(
      (s) => s.sheet,
    );
    const t1 = process.hrtime.bigint();
    const read = readPlan({ sheets, source: 'excel' });
    if (!read.plan) throw new Error(`the generated plan has errors: ${JSON.stringify(read.issues.slice(0, 3))}`);
    schedule(read.plan);
    const engine = msSince(t1);
    if (k >= WARMUP_RUNS) {
      scheduleMs.push(ms);
      engineMs.push(engine);
    }
  }
  if (out.length !== ranges.tasks.length)
    throw new Error(`SCHEDULE gave ${out.length} rows for ${ranges.tasks.length}`);
  return {
    tasks,
    rows: ranges.tasks.length,
    columns: ranges.tasks[0].length,
    scheduleMs,
    engineMs,
    outputRows: out.length,
    critical: out.filter((row) => row[3] === true).length,
  };
}

export const best = (xs: number[]): number => Math.min(...xs);

/** `node lib/bench/functions.js`: the figures alone. */
if (require.main === module) {
  const t = timeFunctions();
  console.log(JSON.stringify({ ...t, bestScheduleMs: best(t.scheduleMs), bestEngineMs: best(t.engineMs) }, null, 2));
}
