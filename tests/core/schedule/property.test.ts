/**
 * Properties of the scheduler over random networks (fast-check): every link
 * is met, float is negative only where a constraint or deadline causes it,
 * and the critical path runs from the project start to its finish.
 */
import fc from 'fast-check';
import { LINK_NAMES } from '../../../src/core/schedule/network';
import { readScheduleInput } from '../../../src/core/schedule/input';
import { Driver, scheduleInput } from '../../../src/core/schedule/schedule';
import { calc, plan, Row } from '../../helpers';

const LAGS = ['', '+1d', '-1d', '+4h', '+2d', '-3h', '+50%', '+2ed', '+1ed', '-1ed'];
const DURATIONS = ['1d', '3d', '0', '4h', '2.5d', '1w', '2ed', '30m', '6h', '1ed'];
/** How many of LAGS and DURATIONS (from the front) are in working time only. */
const WORKING_LAGS = 7;
const WORKING_DURATIONS = 6;
/** Runs per property; raise with FC_RUNS=5000 for a deeper search. */
const RUNS = Number(process.env.FC_RUNS ?? 300);
const LATE_CONSTRAINTS = new Set(['SNLT', 'FNLT', 'MSO', 'MFO']);

interface NetSpec {
  durations: number[];
  links: { pred: number; type: number; lag: number }[][];
  constraints: { kind: number; day: number }[];
  deadlines: number[];
  holidays: number[];
  summaries: boolean;
}

const spec = (withConstraints: boolean, summaries: boolean, elapsed = true) =>
  fc.integer({ min: 2, max: 25 }).chain((n) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 0, max: (elapsed ? DURATIONS.length : WORKING_DURATIONS) - 1 }), {
        minLength: n,
        maxLength: n,
      }),
      links: fc.array(
        fc.array(
          fc.record({
            pred: fc.nat(),
            type: fc.integer({ min: 0, max: 3 }),
            lag: fc.integer({ min: 0, max: (elapsed ? LAGS.length : WORKING_LAGS) - 1 }),
          }),
          { maxLength: 3 },
        ),
        { minLength: n, maxLength: n },
      ),
      constraints: fc.array(
        fc.record({
          kind: withConstraints ? fc.integer({ min: 0, max: 14 }) : fc.constant(0),
          day: fc.integer({ min: 0, max: 40 }),
        }),
        { minLength: n, maxLength: n },
      ),
      deadlines: fc.array(withConstraints ? fc.integer({ min: -1, max: 40 }) : fc.constant(-1), {
        minLength: n,
        maxLength: n,
      }),
      holidays: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 5 }),
      summaries: fc.constant(summaries),
    }),
  );

const CONSTRAINT_OF_KIND = ['', '', '', '', '', '', '', 'SNET', 'FNET', 'ALAP', 'SNLT', 'FNLT', 'MSO', 'MFO', 'SNET'];

function day(offset: number): string {
  const d = new Date(Date.UTC(2027, 2, 1 + offset));
  return d.toISOString().slice(0, 10);
}

/** `bottomUp`: the rows typed in reverse (no summaries), so that every link runs upwards. */
function toPlan(s: NetSpec, bottomUp = false) {
  const n = s.durations.length;
  // With summaries: every 5th row opens a summary over the next four rows (a summary row has no duration).
  const isSummary = (i: number) => s.summaries && i % 5 === 0 && i + 1 < n;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const preds = new Map<number, string>();
    for (const l of s.links[i]) {
      if (i === 0) break;
      const p = l.pred % i; // only earlier rows: no loops
      if (s.summaries && isSummary(p) && Math.floor(p / 5) === Math.floor(i / 5)) continue; // not to its own summary
      let type = l.type;
      if (isSummary(i) && type >= 2) type = 0; // summaries take only FS and SS predecessors
      preds.set(p, `T${p}${LINK_NAMES[type]}${LAGS[l.lag]}`);
    }
    const row: Row = { ID: `T${i}`, Name: `Task ${i}`, Duration: isSummary(i) ? '' : DURATIONS[s.durations[i]] };
    if (preds.size) row.Predecessors = [...preds.values()].join(', ');
    if (s.summaries) row['Outline Level'] = isSummary(i) || i % 5 === 0 ? 1 : 2;
    const c = CONSTRAINT_OF_KIND[s.constraints[i].kind];
    if (c && !isSummary(i)) {
      row.Constraint = c;
      if (c !== 'ALAP') row['Constraint Date'] = day(s.constraints[i].day);
    }
    if (s.deadlines[i] >= 0 && !isSummary(i)) row.Deadline = day(s.deadlines[i]);
    rows.push(row);
  }
  if (bottomUp) rows.reverse();
  return plan(rows, {}, { holidays: s.holidays.map((h) => ({ Date: day(h), Name: 'H' })) });
}

function scheduled(s: NetSpec, bottomUp = false) {
  const c = calc(toPlan(s, bottomUp));
  const errors = c.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !c.schedule || !c.plan) throw new Error(JSON.stringify(errors));
  return { plan: c.plan, r: c.schedule };
}

/**
 * Whether a link holds. The bound is the predecessor's date plus the lag (in
 * working time, or wall-clock time for elapsed lags); a successor in working
 * time meets it when it is at the same working instant or later (Friday 17:00
 * and Monday 08:00 are one working instant), an elapsed successor to the minute.
 */
function linkMet(
  plan: ReturnType<typeof scheduled>['plan'],
  r: ReturnType<typeof scheduled>['r'],
  j: number,
  li: number,
): boolean {
  const cal = r.calendar;
  const link = plan.tasks[j].links[li];
  const p = link.pred;
  const from = link.type[0] === 'F' ? r.finish[p] : r.start[p];
  const to = link.type[1] === 'S' ? r.start[j] : r.finish[j];
  const pt = plan.tasks[p];
  const predMinutes = pt.isSummary ? cal.index(r.finish[p]) - cal.index(r.start[p]) : pt.duration!.minutes;
  const percent = link.lag.percent;
  const lag = percent !== undefined ? Math.round((percent / 100) * predMinutes) : link.lag.minutes;
  const elapsedLag = link.lag.elapsed || (percent !== undefined && pt.duration?.elapsed === true);
  const bound = lag === 0 ? from : elapsedLag ? from + lag : cal.finishWall(cal.index(from) + lag);
  return plan.tasks[j].duration?.elapsed ? to >= bound : cal.index(to) >= cal.index(bound);
}

describe('scheduling properties', () => {
  test('the order of the rows does not change the schedule: typed bottom-up (every link upwards), the dates and floats are the same', () => {
    fc.assert(
      fc.property(spec(true, false), (s) => {
        const top = scheduled(s).r;
        const bottom = scheduled(s, true).r;
        const n = top.start.length;
        for (let i = 0; i < n; i++) {
          const k = n - 1 - i; // the same task, typed bottom-up
          expect([
            bottom.start[k],
            bottom.finish[k],
            bottom.lateStart[k],
            bottom.lateFinish[k],
            bottom.totalFloat[k],
            bottom.freeFloat[k],
            bottom.critical[k],
          ]).toEqual([
            top.start[i],
            top.finish[i],
            top.lateStart[i],
            top.lateFinish[i],
            top.totalFloat[i],
            top.freeFloat[i],
            top.critical[i],
          ]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("Kahn's order gives the schedule the row order gives, with summaries, constraints and deadlines", () => {
    fc.assert(
      fc.property(spec(true, true), (s) => {
        const { plan, r } = scheduled(s);
        const input = readScheduleInput(plan.tasks, r.calendar);
        if (!input.rowOrder) return; // only the plans both orders can schedule
        input.rowOrder = false;
        const kahn = scheduleInput(plan, r.calendar, input);
        expect(Array.from(kahn.network.order)).not.toEqual([]);
        for (const key of [
          'start',
          'finish',
          'lateStart',
          'lateFinish',
          'totalFloat',
          'freeFloat',
          'duration',
          'critical',
          'driver',
        ] as const) {
          expect([key, Array.from(kahn[key])]).toEqual([key, Array.from(r[key])]);
        }
        expect(kahn.issues.map((i) => i.message).sort()).toEqual(r.issues.map((i) => i.message).sort());
      }),
      { numRuns: RUNS },
    );
  });

  test('every link is met by the scheduled dates (no constraints or progress)', () => {
    fc.assert(
      fc.property(spec(false, false), (s) => {
        const { plan, r } = scheduled(s);
        plan.tasks.forEach((t, j) => t.links.forEach((_, li) => expect(linkMet(plan, r, j, li)).toBe(true)));
      }),
      { numRuns: RUNS },
    );
  });

  test('every link is met with summary tasks in the outline', () => {
    fc.assert(
      fc.property(spec(false, true), (s) => {
        const { plan, r } = scheduled(s);
        plan.tasks.forEach((t, j) => t.links.forEach((_, li) => expect(linkMet(plan, r, j, li)).toBe(true)));
        // A summary spans exactly its subtasks.
        plan.tasks.forEach((t, i) => {
          if (t.parent >= 0) {
            expect(r.start[i]).toBeGreaterThanOrEqual(r.start[t.parent]);
            expect(r.finish[i]).toBeLessThanOrEqual(r.finish[t.parent]);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('without constraints or deadlines no float is negative, and late dates never precede early dates', () => {
    fc.assert(
      fc.property(spec(false, true), (s) => {
        const { plan, r } = scheduled(s);
        plan.tasks.forEach((_, i) => {
          expect(r.totalFloat[i]).toBeGreaterThanOrEqual(0);
          expect(r.freeFloat[i]).toBeGreaterThanOrEqual(0);
          expect(r.freeFloat[i]).toBeLessThanOrEqual(r.totalFloat[i]);
          expect(r.lateStart[i]).toBeGreaterThanOrEqual(r.earlyStart[i]);
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('negative float appears only on tasks that reach a late constraint or a deadline', () => {
    fc.assert(
      fc.property(spec(true, false), (s) => {
        const { plan, r } = scheduled(s);
        const n = plan.tasks.length;
        // bound[i]: task i, or a task after it through links, carries a late constraint or a deadline.
        const succs: number[][] = plan.tasks.map(() => []);
        plan.tasks.forEach((t, j) => t.links.forEach((l) => succs[l.pred].push(j)));
        const bound = new Array<boolean>(n).fill(false);
        for (let i = n - 1; i >= 0; i--) {
          const t = plan.tasks[i];
          bound[i] = t.deadline !== null || LATE_CONSTRAINTS.has(t.constraint) || succs[i].some((j) => bound[j]);
        }
        plan.tasks.forEach((_, i) => {
          if (r.totalFloat[i] < 0) expect(bound[i]).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

  // With elapsed lags the path can break, rightly: a predecessor whose elapsed lag ends in
  // non-working time may slip until the next working time without delaying anything.
  test('the critical path runs from the project start to the project finish (working-time lags)', () => {
    fc.assert(
      fc.property(spec(false, false, false), (s) => {
        const { plan, r } = scheduled(s);
        const leaves = plan.tasks.map((_, i) => i);
        // Some critical task finishes the project...
        const last = leaves.filter((i) => r.finish[i] === r.projectFinish);
        expect(last.some((i) => r.critical[i] === 1)).toBe(true);
        // ...and following driving links back from any critical task stays critical down to the project start.
        for (const i of leaves.filter((k) => r.critical[k] === 1)) {
          let k = i;
          for (let guard = 0; guard <= plan.tasks.length; guard++) {
            const d = r.driver[k];
            if (d < 0) {
              expect(d).toBe(Driver.ProjectStart);
              expect(r.calendar.index(r.start[k])).toBe(r.calendar.index(r.projectStart));
              break;
            }
            k = r.network.linkPred[d];
            expect(r.critical[k]).toBe(1);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
