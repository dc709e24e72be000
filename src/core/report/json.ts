import { formatLocation } from '../location';
import type { Calculation } from '../calculate';
import type { CostFigures, CostReport, EvFigures } from '../costs';
import type { EvCoverage } from '../costs/earned-value';
import type { Issue } from '../model';
import { floatInDays } from '../schedule/schedule';
import type { LevelingInfo } from '../schedule/schedule';
import { round } from '../helpers';
import { formatWall } from '../time';
import { JsonBytes, asciiBytes } from './json-bytes';

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
  /** Only when the plan is leveled (Settings Leveling On): working days leveling delayed the task (0 for most). */
  levelingDelay?: number;
  /** Only for a task leveling delayed: why, in words. */
  levelingReason?: string;
}

/** Money columns of a cost report row in the JSON: a line, a category or the total (rounded to cents). */
export type CostFiguresJson = Omit<CostFigures, 'scheduled'>;

export interface CostsJson {
  lines: ({ account: string; category: string } & CostFiguresJson)[];
  categories: ({ category: string } & CostFiguresJson)[];
  total: CostFiguresJson;
}

export interface EarnedValueJson {
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  eac: number;
  etc: number;
  vac: number;
  tcpi: number | null;
  /** The Budget earned value covers, and the lines outside it (no task books to them). */
  coverage?: {
    budgetInEv: number;
    outsideBudget: number;
    /** 0 to 1. */
    outsideShare: number;
    outsideLines: { account: string; budget: number }[];
  };
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
    budget: money(f.budget),
    committed: money(f.committed),
    actual: money(f.actual),
    etc: money(f.etc),
    efc: money(f.efc),
    variance: money(f.variance),
    variancePct: f.variancePct === null ? null : round(f.variancePct, 2),
    status: f.status,
  };
}

export function costsToJson(report: CostReport): CostsJson {
  return {
    lines: report.lines.map((l) => ({ account: l.account, category: l.category, ...costFigures(l) })),
    categories: report.categories.map((c) => ({ category: c.category, ...costFigures(c) })),
    total: costFigures(report.total),
  };
}

export function earnedValueToJson(f: EvFigures, coverage?: EvCoverage): EarnedValueJson {
  return {
    ...evFiguresJson(f),
    ...(coverage
      ? {
          coverage: {
            budgetInEv: money(coverage.budgetInEv),
            outsideBudget: money(coverage.outsideBudget),
            outsideShare: round(coverage.outsideShare, 4),
            outsideLines: coverage.outside.map((l) => ({ account: l.account, budget: money(l.budget) })),
          },
        }
      : {}),
  };
}

function evFiguresJson(f: EvFigures): EarnedValueJson {
  return {
    pv: money(f.pv),
    ev: money(f.ev),
    ac: money(f.ac),
    sv: money(f.sv),
    cv: money(f.cv),
    spi: ratio(f.spi),
    cpi: ratio(f.cpi),
    eac: money(f.eac),
    etc: money(f.etc),
    vac: money(f.vac),
    tcpi: ratio(f.tcpi),
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
  if (!r || !plan)
    return { project: null, tasks: [], costs: null, earnedValue: null, issues: calc.issues.map(issueToJson) };
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
    totalFloat: round(floatInDays(t, r.totalFloat[i], mpd), 4),
    freeFloat: round(floatInDays(t, r.freeFloat[i], mpd), 4),
    critical: r.critical[i] === 1,
    ...(r.leveling ? levelingOf(r.leveling, i, days) : {}),
  }));
  return {
    project: {
      start: formatWall(r.projectStart),
      finish: formatWall(r.projectFinish),
      statusDate: formatWall(r.statusDate),
    },
    tasks,
    costs: calc.costs ? costsToJson(calc.costs.report) : null,
    earnedValue: calc.costs ? earnedValueToJson(calc.costs.earnedValue.project, calc.costs.earnedValue.coverage) : null,
    issues: calc.issues.map(issueToJson),
  };
}

function levelingOf(
  leveling: LevelingInfo,
  i: number,
  days: (minutes: number) => number,
): Pick<TaskJson, 'levelingDelay' | 'levelingReason'> {
  const reason = leveling.reasons.get(i);
  return {
    levelingDelay: days(leveling.delay.get(i) ?? 0),
    ...(reason !== undefined ? { levelingReason: reason } : {}),
  };
}

/** A task's keys and punctuation in {@link calculationToJsonText}, as bytes. */
const KEYS = {
  firstId: asciiBytes('{"id":'),
  id: asciiBytes(',{"id":'),
  name: asciiBytes(',"name":'),
  start: asciiBytes(',"start":"'),
  finish: asciiBytes('","finish":"'),
  earlyStart: asciiBytes('","earlyStart":"'),
  earlyFinish: asciiBytes('","earlyFinish":"'),
  lateStart: asciiBytes('","lateStart":"'),
  lateFinish: asciiBytes('","lateFinish":"'),
  totalFloat: asciiBytes('","totalFloat":'),
  freeFloat: asciiBytes(',"freeFloat":'),
  critical: asciiBytes(',"critical":true}'),
  notCritical: asciiBytes(',"critical":false}'),
};
/** About what a task takes in the text (with short names), for the buffer's first size. */
const BYTES_PER_TASK = 280;

/**
 * The compact text of {@link calculationToJson}'s document, byte for byte what
 * `JSON.stringify(calculationToJson(calc))` gives, written straight into bytes without an object
 * or a string per task: at 100,000 tasks the objects and their serialization were a third of
 * `calculate --json`. The dates are plain `YYYY-MM-DDTHH:mm`, which JSON writes as they are.
 */
export function calculationToJsonText(calc: Calculation): string {
  const r = calc.schedule;
  const plan = calc.plan;
  if (!r || !plan || r.leveling) return JSON.stringify(calculationToJson(calc));
  return UTF8_DECODER.decode(calculationToJsonBytes(calc));
}

/**
 * {@link calculationToJsonText} as UTF-8 bytes, for a caller that writes them out as they are:
 * decoding 27 MB into a string (and the string back into bytes to write it) took 20-60 ms at
 * 100,000 tasks. With `lineEnd`, a line feed follows the text, so that it can be written at once.
 */
export function calculationToJsonBytes(calc: Calculation, lineEnd = false): Uint8Array {
  const r = calc.schedule;
  const plan = calc.plan;
  // A leveled plan has keys more per task: written through the objects.
  if (!r || !plan || r.leveling)
    return UTF8_ENCODER.encode(JSON.stringify(calculationToJson(calc)) + (lineEnd ? '\n' : ''));
  const mpd = r.calendar.minutesPerDay;
  const out = new JsonBytes(BYTES_PER_TASK * plan.tasks.length + 4096);
  const project = {
    start: formatWall(r.projectStart),
    finish: formatWall(r.projectFinish),
    statusDate: formatWall(r.statusDate),
  };
  out.ascii('{"project":');
  out.text(JSON.stringify(project));
  out.ascii(',"tasks":[');
  for (let i = 0; i < plan.tasks.length; i++) {
    const t = plan.tasks[i];
    out.bytes(i === 0 ? KEYS.firstId : KEYS.id);
    out.string(t.id);
    out.bytes(KEYS.name);
    out.string(t.name);
    out.bytes(KEYS.start);
    out.wall(r.start[i]);
    out.bytes(KEYS.finish);
    out.wall(r.finish[i]);
    out.bytes(KEYS.earlyStart);
    out.wall(r.earlyStart[i]);
    out.bytes(KEYS.earlyFinish);
    out.wall(r.earlyFinish[i]);
    out.bytes(KEYS.lateStart);
    out.wall(r.lateStart[i]);
    out.bytes(KEYS.lateFinish);
    out.wall(r.lateFinish[i]);
    out.bytes(KEYS.totalFloat);
    out.fourDecimals(floatInDays(t, r.totalFloat[i], mpd));
    out.bytes(KEYS.freeFloat);
    out.fourDecimals(floatInDays(t, r.freeFloat[i], mpd));
    out.bytes(r.critical[i] === 1 ? KEYS.critical : KEYS.notCritical);
  }
  const costs = calc.costs ? costsToJson(calc.costs.report) : null;
  const earnedValue = calc.costs
    ? earnedValueToJson(calc.costs.earnedValue.project, calc.costs.earnedValue.coverage)
    : null;
  out.ascii('],"costs":');
  out.text(JSON.stringify(costs));
  out.ascii(',"earnedValue":');
  out.text(JSON.stringify(earnedValue));
  out.ascii(',"issues":');
  out.text(JSON.stringify(calc.issues.map(issueToJson)));
  out.ascii(lineEnd ? '}\n' : '}');
  return out.toBytes();
}

const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();
