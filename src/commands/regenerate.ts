/**
 * Regenerate inside Excel: read the open workbook, calculate, write the
 * generated sheets and highlights. The ribbon's Regenerate button and the task
 * pane both call this; `run` is `Excel.run` in Excel and a simulated host in
 * tests.
 */
import type { Calculation } from '../core/calculate';
import type { Issue } from '../core/model';
import type { CostStatus } from '../core/costs';
import { formatWallReadable } from '../core/time';
import { SyncCounter, officeWriter, readWorkbook } from '../workbook/office-host';
import { regenerate } from '../workbook/regenerate-flow';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface RegenerateSummary {
  /** False when the plan has errors or a sheet is in the way: then nothing was written. */
  written: boolean;
  sheets: string[];
  issues: Issue[];
  tasks: number;
  /** `Wed 2027-08-25 12:00`. */
  finish: string | null;
  /** IDs of the critical tasks that are not summaries, in plan order. */
  critical: string[];
  budget: { status: CostStatus; budget: number; efc: number; currency: string } | null;
  /** CPI and SPI, and the share of the budget (0 to 1) on lines no task books to, which they do not cover. */
  earnedValue: { cpi: number | null; spi: number | null; outsideShare: number } | null;
  /** Wall-clock milliseconds, reading to the last sync. */
  ms: number;
  syncs: number;
}

export interface RegenerateOptions {
  /** The day used when Settings give no Status Date (default: today). */
  today?: Date;
  /** A clock, for the time taken (default: performance.now or Date.now). */
  now?: () => number;
  /** Told each step as it starts: for the pane's progress line. */
  onProgress?: (step: string) => void;
}

/** The summary of a calculation, whether or not anything was written. */
export function summarize(calc: Calculation, written: string[], ms: number, syncs: number): RegenerateSummary {
  const r = calc.schedule;
  const plan = calc.plan;
  const costs = calc.costs ?? null;
  return {
    written: written.length > 0,
    sheets: written,
    issues: calc.issues,
    tasks: plan?.tasks.length ?? 0,
    finish: r ? formatWallReadable(r.projectFinish) : null,
    critical: r && plan ? plan.tasks.filter((t, i) => !t.isSummary && r.critical[i] === 1).map((t) => t.id) : [],
    budget:
      costs && plan && plan.budget.length > 0
        ? {
            status: costs.report.total.status,
            budget: costs.report.total.budget,
            efc: costs.report.total.efc,
            currency: costs.report.currency,
          }
        : null,
    earnedValue:
      costs && costs.earnedValue.project.bac > 0
        ? {
            cpi: costs.earnedValue.project.cpi,
            spi: costs.earnedValue.project.spi,
            outsideShare: costs.earnedValue.coverage.outsideShare,
          }
        : null,
    ms,
    syncs,
  };
}

/**
 * Reads, calculates and writes in one `Excel.run`, through the Regenerate flow every host shares.
 * When the plan has errors only the Plan Issues sheet is written (and shown), so a click on the
 * ribbon, with no pane open, still tells what to fix; the earlier Schedule, Gantt and cost sheets
 * stay as they were. Nothing at all is written when a sheet with a generated sheet's name was not
 * written by the product.
 */
export async function regenerateWorkbook(run: ExcelRun, options: RegenerateOptions = {}): Promise<RegenerateSummary> {
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const t0 = now();
  const counter: SyncCounter = { syncs: 0 };
  const progress = options.onProgress ?? (() => undefined);
  return run(async (context) => {
    progress('Reading the workbook');
    const snapshot = await readWorkbook(context, counter);
    const outcome = await regenerate(snapshot.raw, officeWriter(context, snapshot, counter), {
      read: { today: options.today },
      onErrors: 'write-issues-sheet',
      onProgress: progress,
    });
    return { ...summarize(outcome.calc, outcome.sheets, now() - t0, counter.syncs), written: outcome.written };
  });
}
