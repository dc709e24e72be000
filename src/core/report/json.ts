import { formatLocation } from '../location';
import type { Calculation } from '../calculate';
import type { CostFigures, CostReport, EvFigures } from '../costs';
import type { Issue } from '../model';
import { round } from '../helpers';
import { formatWall } from '../time';

/** One task in the contract's `calculate --json` output. */
export interface TaskJson {
  id: string;
  name: string;
  start: string;
  finish: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  /** Working days. */
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
}

/** Money columns of a cost report row in the JSON: a line, a category or the total (rounded to cents). */
export type CostFiguresJson = Omit<CostFigures, 'scheduled'>;

export interface CostsJson {
  lines: ({ account: string; category: string } & CostFiguresJson)[];
  categories: ({ category: string } & CostFiguresJson)[];
  total: CostFiguresJson;
}

export interface EarnedValueJson {
  pv: number; ev: number; ac: number; sv: number; cv: number;
  spi: number | null; cpi: number | null;
  eac: number; etc: number; vac: number; tcpi: number | null;
}

export interface CalculationJson {
  project: { start: string; finish: string; statusDate: string } | null;
  tasks: TaskJson[];
  /** Null when the plan could not be scheduled. */
  costs: CostsJson | null;
  earnedValue: EarnedValueJson | null;
  issues: IssueJson[];
}

const money = (x: number) => round(x, 2);
const ratio = (x: number | null) => (x === null ? null : round(x, 4));

function costFigures(f: CostFigures): CostFiguresJson {
  return {
    budget: money(f.budget), committed: money(f.committed), actual: money(f.actual), etc: money(f.etc),
    efc: money(f.efc), variance: money(f.variance), variancePct: f.variancePct === null ? null : round(f.variancePct, 2), status: f.status,
  };
}

export function costsToJson(report: CostReport): CostsJson {
  return {
    lines: report.lines.map((l) => ({ account: l.account, category: l.category, ...costFigures(l) })),
    categories: report.categories.map((c) => ({ category: c.category, ...costFigures(c) })),
    total: costFigures(report.total),
  };
}

export function earnedValueToJson(f: EvFigures): EarnedValueJson {
  return {
    pv: money(f.pv), ev: money(f.ev), ac: money(f.ac), sv: money(f.sv), cv: money(f.cv),
    spi: ratio(f.spi), cpi: ratio(f.cpi), eac: money(f.eac), etc: money(f.etc), vac: money(f.vac), tcpi: ratio(f.tcpi),
  };
}

/** An issue in the contract's JSON form: where it is as text (`Tasks!D7`, `tasks[5].Duration`). */
export interface IssueJson {
  severity: Issue['severity'];
  message: string;
  where: string;
}

export function issueToJson(issue: Issue): IssueJson {
  return { severity: issue.severity, message: issue.message, where: formatLocation(issue.at) };
}

/** The contract's JSON document for a calculation. */
export function calculationToJson(calc: Calculation): CalculationJson {
  const r = calc.schedule;
  const plan = calc.plan;
  if (!r || !plan) return { project: null, tasks: [], costs: null, earnedValue: null, issues: calc.issues.map(issueToJson) };
  const mpd = r.calendar.minutesPerDay;
  const days = (minutes: number) => round(minutes / mpd, 4);
  const tasks: TaskJson[] = plan.tasks.map((t, i) => ({
    id: t.id,
    name: t.name,
    start: formatWall(r.start[i]),
    finish: formatWall(r.finish[i]),
    earlyStart: formatWall(r.earlyStart[i]),
    earlyFinish: formatWall(r.earlyFinish[i]),
    lateStart: formatWall(r.lateStart[i]),
    lateFinish: formatWall(r.lateFinish[i]),
    totalFloat: days(r.totalFloat[i]),
    freeFloat: days(r.freeFloat[i]),
    critical: r.critical[i] === 1,
  }));
  return {
    project: { start: formatWall(r.projectStart), finish: formatWall(r.projectFinish), statusDate: formatWall(r.statusDate) },
    tasks,
    costs: calc.costs ? costsToJson(calc.costs.report) : null,
    earnedValue: calc.costs ? earnedValueToJson(calc.costs.earnedValue.project) : null,
    issues: calc.issues.map(issueToJson),
  };
}
