/**
 * Leveling on random plans: summaries, links of every type with lags and leads, resources of a few
 * units, assignments at whole and part units. Checked against the plan itself, not the leveler's
 * model: bookings summed at every moment one begins, links measured on the calendar.
 */
import type { Calculation } from '../../../src/core/calculate';
import { randomGenerator } from '../../../src/core/leveling/solver';
import { findOverallocations } from '../../../src/core/resources/overallocation';
import { calc, plan, Row } from '../../helpers';

const RESOURCE_NAMES = ['Crew', 'Camera', 'Stage', 'Editor'];

function randomPlan(seed: number, leveling: boolean) {
  const random = randomGenerator(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const maxUnits = RESOURCE_NAMES.map(() => 1 + Math.floor(random() * 3));
  const resources = RESOURCE_NAMES.map((Name, k) => ({ Name, Type: 'Work', 'Max Units': maxUnits[k], Rate: 10 }));
  const n = 6 + Math.floor(random() * 20);
  const tasks: Row[] = [];
  const leaves: number[] = [];
  let inSummary = 0;
  for (let i = 0; i < n; i++) {
    const id = `T${i + 1}`;
    if (inSummary === 0 && i < n - 3 && random() < 0.15) {
      tasks.push({ ID: id, Name: `Block ${i + 1}`, 'Outline Level': 1 });
      inSummary = 2 + Math.floor(random() * 3);
      continue;
    }
    const level = inSummary > 0 ? 2 : 1;
    if (inSummary > 0) inSummary--;
    const duration = random() < 0.1 ? 0 : pick(['4h', '1d', '2d', '3d', '5d', '6h', '1.5d']);
    const preds: string[] = [];
    for (let k = 0; k < 2 && leaves.length > 0; k++) {
      if (random() < 0.5) continue;
      const p = tasks[pick(leaves)].ID as string;
      if (preds.some((x) => x.startsWith(`${p}`) && /^[A-Z]+\d+(FS|SS|FF|SF)?/.test(x))) continue;
      preds.push(`${p}${pick(['', 'SS', 'FF', 'SF', 'FS'])}${pick(['', '', '+1d', '-4h', '+2h'])}`);
    }
    const booked = RESOURCE_NAMES.flatMap((name, k) =>
      duration !== 0 && random() < 0.45 ? [`${name}[${pick([1, 1, 0.5, 2, 3].filter((u) => u <= maxUnits[k]))}]`] : [],
    );
    tasks.push({
      ID: id,
      Name: `Task ${i + 1}`,
      Duration: duration,
      Predecessors: [...new Set(preds)].join(', '),
      Resources: booked.join(', '),
      'Outline Level': level,
      ...(random() < 0.1 ? { Priority: pick([100, 800]) } : {}),
      ...(random() < 0.1 ? { Constraint: 'SNET', 'Constraint Date': pick(['2027-03-03', '2027-03-08']) } : {}),
    });
    leaves.push(i);
  }
  return plan(tasks, leveling ? { Leveling: 'On' } : {}, { resources });
}

/** The resources booked above Max Units at some moment, found by summing bookings where each begins. */
function overbookedByHand(c: Calculation): string[] {
  const p = c.plan!;
  const r = c.schedule!;
  const over = new Set<string>();
  for (const res of p.resources) {
    const key = res.name.toLowerCase();
    const bookings = p.tasks.flatMap((t, i) =>
      t.isSummary || r.finish[i] <= r.start[i]
        ? []
        : t.resources.filter((a) => a.resource.toLowerCase() === key).map((a) => ({ i, units: a.units })),
    );
    for (const b of bookings) {
      const at = r.start[b.i];
      const load = bookings
        .filter((x) => r.start[x.i] <= at && at < r.finish[x.i])
        .reduce((sum, x) => sum + x.units, 0);
      if (load > res.maxUnits + 1e-9) over.add(res.name);
    }
  }
  return [...over].sort();
}

describe('leveling random plans', () => {
  const SEEDS = Array.from({ length: 100 }, (_, k) => k + 1);

  test.each(SEEDS)('seed %i: no over-allocation left, links and calendar hold, nothing earlier, same twice', (seed) => {
    const unleveled = calc(randomPlan(seed, false));
    const leveled = calc(randomPlan(seed, true));
    expect(leveled.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const p = leveled.plan!;
    const r = leveled.schedule!;
    const cal = r.calendar;
    // No resource over its units at any moment (every task may move: none is started or pinned).
    expect(overbookedByHand(leveled)).toEqual([]);
    expect(findOverallocations(p, r)).toEqual([]);
    p.tasks.forEach((t, i) => {
      if (t.isSummary) return;
      // Nothing starts before its unleveled date; every task keeps its working time on the calendar.
      expect(r.start[i]).toBeGreaterThanOrEqual(unleveled.schedule!.start[i]);
      expect(cal.workBetween(r.start[i], r.finish[i])).toBe(t.duration!.minutes);
      if (t.duration!.minutes > 0) expect(cal.isWorkingMinute(r.start[i])).toBe(true);
      // Every link between tasks holds, measured in working time.
      for (const link of t.links) {
        if (p.tasks[link.pred].isSummary) continue;
        const from = link.type === 'FS' || link.type === 'FF' ? r.finish[link.pred] : r.start[link.pred];
        const to = link.type === 'FF' || link.type === 'SF' ? r.finish[i] : r.start[i];
        expect(cal.index(to)).toBeGreaterThanOrEqual(cal.index(from) + link.lag.minutes);
      }
      // A task's summary spans it.
      if (t.parent >= 0) {
        expect(r.start[t.parent]).toBeLessThanOrEqual(r.start[i]);
        expect(r.finish[t.parent]).toBeGreaterThanOrEqual(r.finish[i]);
      }
    });
    // Deterministic: the same plan, the same dates.
    const again = calc(randomPlan(seed, true)).schedule!;
    expect(Array.from(again.start)).toEqual(Array.from(r.start));
    expect(Array.from(again.finish)).toEqual(Array.from(r.finish));
  });

  test.each(SEEDS)('seed %i without leveling: every over-allocated resource reported, none invented', (seed) => {
    const c = calc(randomPlan(seed, false));
    const reported = [...new Set(findOverallocations(c.plan!, c.schedule!).map((o) => o.resource))].sort();
    expect(reported).toEqual(overbookedByHand(c));
    expect(c.schedule!.leveling).toBeUndefined();
  });
});
