/** The library: the same engine as the add-in and the command line. */
export { calculate, hasErrors } from './core/calculate';
export type { Calculation } from './core/calculate';
export { schedule } from './core/schedule/schedule';
export type { ScheduleResult } from './core/schedule/schedule';
export { readPlan } from './core/read/read-plan';
export { calculationToJson } from './core/report/json';
export { planGeneratedSheets } from './core/layout';
export type { Plan, PlanTask, Issue } from './core/model';
export { readJsonPlan } from './workbook/json-host';
export { calculateFile, regenerateFile, loadPlanFile, FileError } from './workbook/files';
