/**
 * Export then import gives back the same plan and the same schedule: random plans with calendars
 * (a night calendar, Saturday hours, holidays, a working exception), summaries, every link type and
 * lag kind, constraints, deadlines, progress, baselines and resources.
 */
import fc from 'fast-check';
import { planToMspdi } from '../../../src/core/msproject/export';
import { importMspdi } from '../../../src/core/msproject/import';
import { readMspdi } from '../../../src/workbook/msproject/read-mspdi';
import type { Plan } from '../../../src/core/model';
import type { ScheduleResult } from '../../../src/core/schedule/schedule';
import { calc, plan, Row } from '../../helpers';

const DURATIONS = ['1d', '2d', '4h', '3h', '2ed', '10eh', '0', '1w', '90m'];
const LAGS = ['', '+1d', '-2h', '+1ed', '+50%', '+30m', '-1ed'];
const TYPES = ['FS', 'SS', 'FF', 'SF'];
const HOURS = ['08:00-12:00,13:00-17:00', 'Mon-Fri 07:00-15:00, Sat 08:00-12:00', '06:00-14:00,14:00-22:00'];

export const arbitraryPlan = fc
  .record({
    n: fc.integer({ min: 2, max: 12 }),
    hours: fc.constantFrom(...HOURS),
    seedRows: fc.array(
      fc.record({
        step: fc.integer({ min: -1, max: 1 }),
        dur: fc.constantFrom(...DURATIONS),
        links: fc.array(fc.record({ back: fc.nat(), type: fc.constantFrom(...TYPES), lag: fc.constantFrom(...LAGS) }), {
          maxLength: 2,
        }),
        constraint: fc.constantFrom('', '', 'SNET', 'FNLT', 'MSO', 'ALAP', 'FNET'),
        day: fc.integer({ min: 1, max: 20 }),
        night: fc.boolean(),
        resource: fc.constantFrom('', '', 'Crew', 'Crew[50%]', 'Paint[4]', 'Night crew'),
        deadline: fc.boolean(),
        baseline: fc.boolean(),
        priority: fc.constantFrom(500, 500, 800, 1000),
      }),
      { minLength: 12, maxLength: 12 },
    ),
    progress: fc.boolean(),
  })
  .map(({ n, hours, seedRows, progress }) => {
    const rows: Row[] = [];
    let level = 1;
    const levels: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = seedRows[i];
      level = i === 0 ? 1 : Math.max(1, Math.min(level + s.step, levels[i - 1] + 1));
      levels.push(level);
    }
    const isSummary = (i: number) => i + 1 < n && levels[i + 1] > levels[i];
    const ancestors = (i: number) => {
      const out: number[] = [];
      let need = levels[i] - 1;
      for (let k = i - 1; k >= 0 && need > 0; k--)
        if (levels[k] === need) {
          out.push(k);
          need--;
        }
      return out;
    };
    const date = (d: number) => `2027-03-${String(d).padStart(2, '0')}`;
    for (let i = 0; i < n; i++) {
      const s = seedRows[i];
      const row: Row = { ID: `T-${i + 1}`, Name: `Task ${i + 1} & co`, 'Outline Level': levels[i] };
      const summary = isSummary(i);
      if (!summary) row.Duration = s.dur;
      const preds = s.links
        .map((l) => (i === 0 ? -1 : (i - 1 - (l.back % i) + i) % i))
        .map((p, k) => ({ p, l: s.links[k] }))
        .filter(({ p }) => p >= 0 && !ancestors(i).includes(p) && !(isSummary(p) && ancestors(i).includes(p)));
      const texts = [...new Set(preds.map(({ p, l }) => `T-${p + 1}${l.type}${l.lag}`))];
      const byPred = new Map<string, string>();
      for (const t of texts) byPred.set(t.replace(/(FS|SS|FF|SF).*$/, ''), t);
      if (byPred.size) row.Predecessors = [...byPred.values()].join(', ');
      const constraint = summary
        ? s.constraint === 'SNET' || s.constraint === 'FNLT'
          ? s.constraint
          : ''
        : s.constraint;
      if (constraint) {
        row.Constraint = constraint;
        if (constraint !== 'ALAP') row['Constraint Date'] = date(s.day);
      }
      if (s.deadline) row.Deadline = date(s.day + 5);
      if (s.baseline) {
        row['Baseline Start'] = date(s.day);
        row['Baseline Finish'] = date(s.day + 2);
      }
      if (!summary && s.night) row.Calendar = 'Night';
      // (A night task booking the day crew shares no hour with it in a week: an error, left out.)
      if (!summary && s.resource && !(s.night && s.resource !== 'Night crew')) row.Resources = s.resource;
      if (s.priority !== 500) row.Priority = s.priority;
      if (progress && i === 0 && !summary) {
        row['% Complete'] = 0.4;
        row['Actual Start'] = '2027-03-01T08:00';
      }
      rows.push(row);
    }
    return plan(
      rows,
      { 'Working Hours': hours },
      {
        calendars: [
          { Name: 'Night', 'Working Days': 'Mon-Fri', 'Working Hours': '22:00-06:00' },
          { Name: 'Night B', 'Base Calendar': 'Night' },
        ],
        resources: [
          { Name: 'Crew', Type: 'Work', 'Max Units': 3, Rate: 40 },
          { Name: 'Paint', Type: 'Material', Rate: 12 },
          { Name: 'Night crew', Type: 'Work', 'Max Units': 1, Rate: 55, Calendar: 'Night B' },
        ],
        holidays: [
          { Date: '2027-03-10', Name: 'Closed' },
          { Date: '2027-03-13', Name: 'Saturday shoot', 'Working Hours': '09:00-13:00' },
          { Date: '2027-03-17', Name: 'Night off', Calendar: 'Night' },
        ],
      },
    );
  });

/** What a plan and its schedule say, task by task, in comparable form. */
function summaryOf(p: Plan, r: ScheduleResult) {
  return p.tasks.map((t, i) => ({
    id: t.id,
    name: t.name,
    level: t.outlineLevel,
    duration: t.duration,
    links: t.links.map((l) => ({ pred: p.tasks[l.pred].id, type: l.type, lag: { ...l.lag } })),
    constraint: [t.constraint, t.constraintDate],
    deadline: t.deadline,
    progress: [t.percentComplete, t.actualStart, t.actualFinish],
    baseline: [t.baselineStart, t.baselineFinish],
    resources: t.resources,
    priority: t.priority,
    calendar: t.calendar,
    dates: [r.start[i], r.finish[i], r.earlyStart[i], r.lateFinish[i]],
    float: [r.totalFloat[i], r.freeFloat[i], r.critical[i]],
  }));
}

describe('Project XML round trip', () => {
  test('export then import (IDs from the WBS codes) gives the same plan and schedule', () => {
    fc.assert(
      fc.property(arbitraryPlan, (doc) => {
        const a = calc(doc);
        const errors = a.issues.filter((i) => i.severity === 'error');
        fc.pre(errors.length === 0);
        const xml = planToMspdi(a.plan!, a.schedule!);
        const back = importMspdi(readMspdi([Buffer.from(xml, 'utf8')]), { ids: 'wbs' });
        expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const b = calc(back.doc);
        expect(b.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(summaryOf(b.plan!, b.schedule!)).toEqual(summaryOf(a.plan!, a.schedule!));
        expect(b.schedule!.projectFinish).toBe(a.schedule!.projectFinish);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150), endOnFailure: true },
    );
  });

  test('the written XML carries the schedule: dates, slack in tenths of minutes, critical flags', () => {
    const a = calc(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d' },
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'A' },
        { ID: 'C', Name: 'C', Duration: '1d' },
      ]),
    );
    const xml = planToMspdi(a.plan!, a.schedule!);
    const doc = readMspdi([Buffer.from(xml)]);
    const c = doc.tasks[2];
    const field = (name: string) => c.children.find((x) => x.name === name)?.text;
    expect([field('Start'), field('Finish'), field('TotalSlack'), field('FreeSlack'), field('Critical')]).toEqual([
      '2027-03-01T08:00:00',
      '2027-03-01T17:00:00',
      String(2 * 480 * 10),
      String(2 * 480 * 10),
      '0',
    ]);
    expect(doc.tasks[1].children.find((x) => x.name === 'Critical')?.text).toBe('1');
  });
});
