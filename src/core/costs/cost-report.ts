import type { Location } from '../location';
import type { BudgetLine, PlanSettings, VarianceSign } from '../model';
import type { Booking } from './task-costs';

export type CostStatus = 'green' | 'amber' | 'red';

/** The money columns of a cost report row: a line, a category or the total. */
export interface CostFigures {
  budget: number;
  committed: number;
  actual: number;
  /** Estimate to complete. */
  etc: number;
  /** Estimated final cost: Actual + Committed + ETC. */
  efc: number;
  /** Budget - EFC, or EFC - Budget, as Settings' Variance Sign asks. */
  variance: number;
  /** Variance as a percentage of the budget; null for a zero budget. */
  variancePct: number | null;
  status: CostStatus;
  /** What the tasks booking here cost at the current schedule. */
  scheduled: number;
}

export interface CostLine extends CostFigures {
  account: string;
  description: string;
  category: string;
  /** The line's account cell (`Budget!A7`). */
  at: Location;
  /** Whether the ETC was typed (false: it follows from the budget). */
  etcGiven: boolean;
}

export interface CostCategory extends CostFigures {
  category: string;
  /** Indices into {@link CostReport.lines}, in sheet order. */
  lines: number[];
}

/** The cost report: every budget line, the category rollups (the topsheet) and the project total. */
export interface CostReport {
  lines: CostLine[];
  categories: CostCategory[];
  total: CostFigures;
  currency: string;
  sign: VarianceSign;
  amberPct: number;
  redPct: number;
}

export interface Thresholds {
  amberPct: number;
  redPct: number;
}

/**
 * A line is amber when its EFC is over budget by more than the amber
 * percentage, red when by more than the red one; spending with no budget at
 * all is red. Under or on budget is green.
 */
export function costStatus(budget: number, efc: number, t: Thresholds): CostStatus {
  const over = efc - budget;
  if (over <= 1e-9) return 'green';
  if (budget <= 0) return 'red';
  const pct = (over / budget) * 100;
  if (pct > t.redPct) return 'red';
  if (pct > t.amberPct) return 'amber';
  return 'green';
}

/** Variance with the sign Settings ask for: positive is under budget with budget-minus-forecast. */
export function signedVariance(budget: number, efc: number, sign: VarianceSign): number {
  return sign === 'budget-minus-forecast' ? budget - efc : efc - budget;
}

/** Whether a variance, in the given sign convention, is favourable (under budget), unfavourable or neither. */
export function favourable(variance: number, sign: VarianceSign): 'Fav' | 'Unfav' | '' {
  const under = sign === 'budget-minus-forecast' ? variance : -variance;
  return under > 1e-9 ? 'Fav' : under < -1e-9 ? 'Unfav' : '';
}

/** The estimate to complete a line: as typed, or what is left of the budget once actuals and commitments are counted. */
export function lineEtc(budget: number, actual: number, committed: number, etc: number | null): number {
  return etc ?? Math.max(0, budget - actual - committed);
}

function figures(
  budget: number,
  committed: number,
  actual: number,
  etc: number,
  scheduled: number,
  s: Pick<PlanSettings, 'varianceSign' | 'varianceAmberPct' | 'varianceRedPct'>,
): CostFigures {
  const efc = actual + committed + etc;
  const variance = signedVariance(budget, efc, s.varianceSign);
  return {
    budget,
    committed,
    actual,
    etc,
    efc,
    variance,
    variancePct: budget !== 0 ? (variance / budget) * 100 : null,
    status: costStatus(budget, efc, { amberPct: s.varianceAmberPct, redPct: s.varianceRedPct }),
    scheduled,
  };
}

/** The cost report of a budget, with each line's scheduled cost from the tasks booking to it. */
export function costReport(
  budget: readonly BudgetLine[],
  settings: PlanSettings,
  bookings: readonly Booking[] = [],
): CostReport {
  const scheduledBy = new Map<string, number>();
  for (const b of bookings)
    if (b.account !== null) scheduledBy.set(b.account, (scheduledBy.get(b.account) ?? 0) + b.scheduled);

  const lines: CostLine[] = budget.map((l) => ({
    account: l.account,
    description: l.description,
    category: l.category,
    at: l.at,
    etcGiven: l.etc !== null,
    ...figures(
      l.budget,
      l.committed,
      l.actual,
      lineEtc(l.budget, l.actual, l.committed, l.etc),
      scheduledBy.get(l.account) ?? 0,
      settings,
    ),
  }));

  const order: string[] = [];
  const members = new Map<string, number[]>();
  lines.forEach((l, k) => {
    let m = members.get(l.category);
    if (!m) {
      m = [];
      members.set(l.category, m);
      order.push(l.category);
    }
    m.push(k);
  });
  const sum = (ks: readonly number[]) => {
    let b = 0,
      c = 0,
      a = 0,
      e = 0,
      s = 0;
    for (const k of ks) {
      const l = lines[k];
      b += l.budget;
      c += l.committed;
      a += l.actual;
      e += l.etc;
      s += l.scheduled;
    }
    return figures(b, c, a, e, s, settings);
  };
  const categories: CostCategory[] = order.map((category) => ({
    category,
    lines: members.get(category)!,
    ...sum(members.get(category)!),
  }));
  const total = sum(lines.map((_, k) => k));
  return {
    lines,
    categories,
    total,
    currency: settings.currency,
    sign: settings.varianceSign,
    amberPct: settings.varianceAmberPct,
    redPct: settings.varianceRedPct,
  };
}
