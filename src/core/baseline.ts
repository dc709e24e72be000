import type { Plan } from './model';
import { Location, a1, cellOf, cellLocation, formatLocation } from './location';
import { RawSheet, isEmptyValue, rawText } from './raw';
import type { ScheduleResult } from './schedule/schedule';
import { Wall, formatWall } from './time';

/** What setting the baseline writes on the Tasks sheet, for any host to apply. */
export interface BaselinePlan {
  sheet: string;
  /** Header cells of the Baseline Start / Baseline Finish columns the sheet lacks (A1 addresses on `sheet`). */
  headers: { address: string; text: string }[];
  /** Each task's current start and finish, into its baseline cells. */
  writes: { address: string; wall: Wall }[];
  /** Earlier baseline values that would change, as `Tasks!K5: 2027-03-01 08:00 -> 2027-03-03 08:00`. */
  overwrites: string[];
}

/**
 * Plans the baseline: each task's current Start and Finish into its Baseline Start and Baseline
 * Finish cells, adding those columns after the last used column when the sheet has none (so
 * nothing typed is covered). Lists every earlier value that would change.
 */
export function planBaseline(plan: Plan, r: ScheduleResult, sheet: RawSheet): BaselinePlan | null {
  const first = plan.tasks.length > 0 ? cellOf(plan.tasks[0].refs.id) : null;
  if (!first) return null; // not a workbook
  // The header row (0-based): the nearest row above the first task with something in the ID column.
  let headerRow = first.row - 1;
  while (headerRow > 0 && isEmptyValue(sheet.rows[headerRow]?.[first.column]?.value)) headerRow--;
  let lastUsed = 0;
  for (const row of sheet.rows) if (row) lastUsed = Math.max(lastUsed, row.length);
  const headers: BaselinePlan['headers'] = [];
  const columnFor = (at: Location, text: string): number => {
    const c = cellOf(at);
    if (c) return c.column;
    const column = lastUsed++;
    headers.push({ address: a1(headerRow, column), text });
    return column;
  };
  const startCol = columnFor(plan.tasks[0].refs.baselineStart, 'Baseline Start');
  const finishCol = columnFor(plan.tasks[0].refs.baselineFinish, 'Baseline Finish');
  const shown = (w: Wall) => formatWall(w).replace('T', ' ');
  const writes: BaselinePlan['writes'] = [];
  const overwrites: string[] = [];
  plan.tasks.forEach((t, i) => {
    const row = cellOf(t.refs.id)!.row;
    for (const [column, old, now] of [
      [startCol, t.baselineStart, r.start[i]],
      [finishCol, t.baselineFinish, r.finish[i]],
    ] as const) {
      const cell = formatLocation(cellLocation(plan.sheetNames.tasks, row, column));
      if (old !== null && old !== now) overwrites.push(`${cell}: ${shown(old)} -> ${shown(now)}`);
      else if (old === null) {
        const there = sheet.rows[row]?.[column]?.value;
        if (!isEmptyValue(there)) overwrites.push(`${cell}: "${rawText(there)}" -> ${shown(now)}`);
      }
      writes.push({ address: a1(row, column), wall: now });
    }
  });
  return { sheet: plan.sheetNames.tasks, headers, writes, overwrites };
}
