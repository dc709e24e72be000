/**
 * Regenerate inside Excel: read the open workbook, calculate, write the
 * generated sheets and highlights. The ribbon's Regenerate button and the task
 * pane both call this; `run` is `Excel.run` in Excel and a simulated host in
 * tests.
 */
import type { Calculation } from '../core/calculate';
import type { Location } from '../core/location';
import type { Issue } from '../core/model';
import { findOverallocations } from '../core/resources/overallocation';
import type { CostStatus } from '../core/costs';
import { formatMoment, formatWallReadable } from '../core/time';
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
  /** Each stretch a resource is booked above what it has (`Camera Package, Mon 10 May 2027 13:00`), at its first task's Resources cell. */
  overallocations: { text: string; at: Location }[];
  /** With Settings Leveling On, how many tasks leveling delayed; null when leveling is off. */
  leveled: number | null;
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
    overallocations:
      r && plan
        ? findOverallocations(plan, r).map((o) => ({
            text: `${o.resource}, ${formatMoment(o.from)}`,
            at: plan.tasks[o.tasks[0]].refs.resources,
          }))
        : [],
    leveled: r?.leveling ? r.leveling.delay.size : null,
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
