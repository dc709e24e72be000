/* eslint-disable @typescript-eslint/no-explicit-any -- custom function arguments are what Excel passes */
/**
 * The add-in's custom functions, namespace PROD (=PROD.FINISH(...), =PROD.SCHEDULE(...)...).
 *
 * Every custom function is declared here: the build runs custom-functions-metadata on this file
 * to write functions.json from the JSDoc below (@customfunction NAME, the description, a @param
 * for each parameter, optional parameters marked `?` in the signature), and associates each ID
 * with the function of the same name. The work is done in the other files of this folder, on the
 * engine in src/core. Dates come in and go out as Excel serial numbers; ranges come in as 2-D
 * arrays. A bad input is an Excel error with a message (see errors.ts). The functions never
 * write cells and use no Office API but CustomFunctions.Error.
 */
import { excelSerialFromWall } from '../core/time';
import { finishOf, workdaysBetween } from './dates';
import { guard } from './errors';
import { ganttBar } from './gantt-bar';
import { cpiOf, eacOf, efcOf, spiOf, varianceOf } from './money';
import { overallocationTable } from './resources';
import { criticalIds, scheduleTable, taskFloat } from './tasks';

/**
 * Finish date and time of a task that starts at start and takes duration, on the project calendar (Microsoft Project's rules).
 * @customfunction FINISH
 * @param start When the task starts: an Excel date (a date alone means the start of that working day, 08:00).
 * @param duration Working time such as 5 (days), "5d", "3h", "2w", "1mo"; elapsed time such as "4ed"; 0 for a milestone; negative (-5) to schedule back from start as a finish.
 * @param holidays Optional. Non-working days: a range of dates, or a Date | End Date | Name table with its header row.
 * @param workingDays Optional. The working days, such as "Mon-Sat" or "Sun-Thu", or a WORKDAY.INTL weekend code (1, 11, "0000011"). Default "Mon-Fri".
 * @param workingHours Optional. The working hours, such as "07:00-15:00". Default "08:00-12:00,13:00-17:00" (an 8-hour day).
 * @returns The finish as an Excel date and time serial number.
 */
export function FINISH(
  start: any,
  duration: any,
  holidays?: any[][],
  workingDays?: string,
  workingHours?: string,
): number {
  return guard(() => excelSerialFromWall(finishOf(start, duration, holidays, workingDays, workingHours)));
}

/**
 * Working days from start to finish on the project calendar: the working time between them over the hours of a working day.
 * @customfunction WORKDAYS
 * @param start From: an Excel date (a date alone means the start of that working day, 08:00).
 * @param finish To: an Excel date (a date alone means the end of that working day, 17:00).
 * @param holidays Optional. Non-working days: a range of dates, or a Date | End Date | Name table with its header row.
 * @param workingDays Optional. The working days, such as "Mon-Sat" or "Sun-Thu", or a WORKDAY.INTL weekend code (1, 11, "0000011"). Default "Mon-Fri".
 * @param workingHours Optional. The working hours, such as "07:00-15:00". Default "08:00-12:00,13:00-17:00" (an 8-hour day).
 * @returns Working days, with fractions for hours (4 hours of an 8-hour day is 0.5); negative when finish is before start.
 */
export function WORKDAYS(
  start: any,
  finish: any,
  holidays?: any[][],
  workingDays?: string,
  workingHours?: string,
): number {
  return guard(() => workdaysBetween(start, finish, holidays, workingDays, workingHours));
}

/**
 * Schedules a tasks range (header row ID, Name, Duration, Predecessors... as on the Tasks sheet): Start, Finish, Total Float and Critical for each row.
 * @customfunction SCHEDULE
 * @param tasks The tasks with their header row: ID, Name, Duration, and any of Predecessors, Constraint, % Complete, Outline Level...
 * @param settings Optional. The project start: a Setting | Value range with a Project Start row (and Working Days, Working Hours...), or just the start date. Left out: today.
 * @param holidays Optional. Non-working days: a range of dates, or a Date | End Date | Name table with its header row.
 * @param resources Optional. The resources with their header row (Name, Type, Max Units...): with Leveling On in the settings, tasks are delayed to resolve over-allocations.
 * @param calendars Optional. Named calendars with their header row (Name, Base Calendar, Working Days, Working Hours), for the tasks' and resources' Calendar columns and a Project Calendar setting.
 * @returns One row for each row of tasks: column names on the header row, then Start and Finish (dates), Total Float (working days; elapsed days for an elapsed task), Critical (TRUE/FALSE).
 */
export function SCHEDULE(
  tasks: any[][],
  settings?: any[][],
  holidays?: any[][],
  resources?: any[][],
  calendars?: any[][],
): any[][] {
  return guard(() => scheduleTable(tasks, settings, holidays, resources, calendars));
}

/**
 * The IDs of the critical tasks (total float 0 or less, not complete), in the order of the tasks range.
 * @customfunction CRITICALPATH
 * @param tasks The tasks with their header row: ID, Name, Duration, and any of Predecessors, Constraint, % Complete, Outline Level...
 * @param settings Optional. The project start: a Setting | Value range with a Project Start row (and Working Days, Working Hours...), or just the start date. Left out: today.
 * @param holidays Optional. Non-working days: a range of dates, or a Date | End Date | Name table with its header row.
 * @returns A column of task IDs.
 */
export function CRITICALPATH(tasks: any[][], settings?: any[][], holidays?: any[][]): any[][] {
  return guard(() => criticalIds(tasks, settings, holidays));
}

/**
 * Total float of one task, in working days (elapsed days for an elapsed task, as Project): how far it can slip without moving the project finish (negative when a deadline or constraint is missed).
 * @customfunction FLOAT
 * @param tasks The tasks with their header row: ID, Name, Duration, and any of Predecessors, Constraint, % Complete, Outline Level...
 * @param id The ID of the task, as in the ID column.
 * @param settings Optional. The project start: a Setting | Value range with a Project Start row (and Working Days, Working Hours...), or just the start date. Left out: today.
 * @param holidays Optional. Non-working days: a range of dates, or a Date | End Date | Name table with its header row.
 * @returns Total float in working days (4 hours of an 8-hour day is 0.5).
 */
export function FLOAT(tasks: any[][], id: any, settings?: any[][], holidays?: any[][]): number {
  return guard(() => taskFloat(tasks, id, settings, holidays));
}

/**
 * Where resources are booked above their Max Units: each stretch of time with the resource, the units booked and available, and the tasks.
 * @customfunction OVERALLOCATIONS
 * @param tasks The tasks with their header row: ID, Name, Duration, Resources, and any of Predecessors, Constraint, % Complete...
 * @param resources The resources with their header row: Name, Type, Max Units, as on the Resources sheet.
 * @param settings Optional. The project start: a Setting | Value range with a Project Start row (and Working Days, Working Hours...), or just the start date. Left out: today.
 * @param holidays Optional. Non-working days: a range of dates, or a Date | End Date | Name table with its header row.
 * @param calendars Optional. Named calendars with their header row (Name, Base Calendar, Working Days, Working Hours), for the Calendar columns.
 * @returns A header row, then one row per over-allocation: Resource, From and To (dates), Booked and Available (units), Tasks (their IDs).
 */
export function OVERALLOCATIONS(
  tasks: any[][],
  resources: any[][],
  settings?: any[][],
  holidays?: any[][],
  calendars?: any[][],
): any[][] {
  return guard(() => overallocationTable(tasks, resources, settings, holidays, calendars));
}

/**
 * Estimated final cost of a budget line: Actual + Committed + ETC; an empty ETC is what is left of the budget, max(0, Budget - Actual - Committed).
 * @customfunction EFC
 * @param actual Spent to date (empty is 0).
 * @param committed Purchase orders and contracts not yet paid (empty is 0).
 * @param etc Estimate to complete; leave it empty to take what is left of the budget.
 * @param budget Optional. The line's budget, used when etc is empty.
 * @returns The estimated final cost.
 */
export function EFC(actual: any, committed: any, etc: any, budget?: any): number {
  return guard(() => efcOf(actual, committed, etc, budget));
}

/**
 * Variance of a budget line: Budget - EFC (positive is under budget), or EFC - Budget with the sign "forecast-minus-budget".
 * @customfunction VARIANCE
 * @param budget The budget.
 * @param efc The estimated final cost.
 * @param sign Optional. "budget-minus-forecast" (the default) or "forecast-minus-budget".
 * @returns The variance.
 */
export function VARIANCE(budget: any, efc: any, sign?: string): number {
  return guard(() => varianceOf(budget, efc, sign));
}

/**
 * Cost performance index: earned value over actual cost (below 1 is over cost).
 * @customfunction CPI
 * @param ev Earned value: % complete x budget at completion.
 * @param ac Actual cost.
 * @returns EV / AC; #DIV/0! while AC is 0.
 */
export function CPI(ev: any, ac: any): number {
  return guard(() => cpiOf(ev, ac));
}

/**
 * Schedule performance index: earned value over planned value (below 1 is behind schedule).
 * @customfunction SPI
 * @param ev Earned value: % complete x budget at completion.
 * @param pv Planned value: the budgeted cost of the work scheduled by the status date.
 * @returns EV / PV; #DIV/0! while PV is 0.
 */
export function SPI(ev: any, pv: any): number {
  return guard(() => spiOf(ev, pv));
}

/**
 * Estimate at completion from earned value: AC + (BAC - EV) / CPI by default; "budget-rate" takes the rest at budget, "cpi-spi" divides by CPI x SPI.
 * @customfunction EAC
 * @param bac Budget at completion.
 * @param ev Earned value.
 * @param ac Actual cost.
 * @param method Optional. "cpi" (the default), "budget-rate" or "cpi-spi".
 * @param pv Optional. Planned value; needed by "cpi-spi".
 * @returns The estimate at completion (while the method's index is undefined, the rest of the work is taken at budget).
 */
export function EAC(bac: any, ev: any, ac: any, method?: string, pv?: any): number {
  return guard(() => eacOf(bac, ev, ac, method, pv));
}

/**
 * An in-cell Gantt bar: a mark in each period of the timeline that the task from start to finish overlaps.
 * @customfunction GANTTBAR
 * @param start The task's start (an Excel date).
 * @param finish The task's finish (an Excel date; a date alone means the end of that day's work).
 * @param timeline The start dates of the periods (days, weeks or months), in a row such as the header of a Gantt grid.
 * @returns A row shaped like the timeline: "█" where the task runs, "◆" for a milestone, "" elsewhere.
 */
export function GANTTBAR(start: any, finish: any, timeline: any[][]): string[][] {
  return guard(() => ganttBar(start, finish, timeline));
}
