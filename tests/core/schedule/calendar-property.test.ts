/**
 * Random plans whose tasks work on calendars of their own (task calendars, resource calendars, the
 * two together) beside the project calendar: every task works its own calendar for exactly its
 * duration, every link holds on the project calendar, and the late dates are never before the
 * early ones where nothing but links binds the plan.
 */
import { randomGenerator } from '../../../src/core/leveling/solver';
import { findOverallocations } from '../../../src/core/resources/overallocation';
import { calc, plan, Row } from '../../helpers';

const CALENDARS = [
  { Name: 'Night', 'Working Days': 'Mon-Fri', 'Working Hours': '22:00-06:00' },
  { Name: 'Long', 'Working Days': 'Mon-Sat', 'Working Hours': 'Mon-Fri 07:00-19:00, Sat 08:00-13:00' },
  { Name: 'Clock', 'Working Days': 'Mon-Sun', 'Working Hours': '24h' },
  { Name: 'Shifts', 'Working Hours': '06:00-14:00,14:00-22:00' },
];
const RESOURCES = [
  { Name: 'Night Crew', Type: 'Work', 'Max Units': 5, Rate: 0, Calendar: 'Night' },
  { Name: 'Line', Type: 'Equipment', 'Max Units': 5, Rate: 0, Calendar: 'Shifts' },
  { Name: 'Crew', Type: 'Work', 'Max Units': 5, Rate: 0 },
];

function randomPlan(seed: number, leveling = false) {
  const random = randomGenerator(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const tasks: Row[] = [];
  const n = 5 + Math.floor(random() * 15);
  for (let i = 0; i < n; i++) {
    const preds: string[] = [];
    if (i > 0 && random() < 0.7)
      preds.push(`T${1 + Math.floor(random() * i)}${pick(['', 'SS', 'FF', 'SF'])}${pick(['', '+2h', '-1h', '+1d'])}`);
    const calendar = random() < 0.4 ? pick(['Night', 'Long', 'Clock', 'Shifts']) : '';
    const resource = random() < 0.4 ? pick(['Night Crew', 'Line', 'Crew']) : '';
    // Calendars that share no hour with the resource's: left out (tested on their own).
    const clash =
      (calendar === 'Night' && (resource === 'Line' || resource === 'Crew')) ||
      (resource === 'Night Crew' && (calendar === 'Shifts' || calendar === 'Long'));
    tasks.push({
      ID: `T${i + 1}`,
      Name: `Task ${i + 1}`,
      Duration: pick(['1h', '3h', '1d', '2d', '10h']),
      Predecessors: [...new Set(preds)].join(', '),
      Calendar: clash ? '' : calendar,
      Resources: resource,
    });
  }
  return plan(tasks, leveling ? { Leveling: 'On' } : {}, {
    calendars: CALENDARS,
    resources: leveling ? RESOURCES.map((r) => ({ ...r, 'Max Units': 1 })) : RESOURCES,
  });
}

describe('random plans on several calendars', () => {
  test.each(Array.from({ length: 100 }, (_, k) => k + 1))('seed %i', (seed) => {
    const c = calc(randomPlan(seed));
    expect(c.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const r = c.schedule!;
    const own = r.taskCalendars ?? new Map();
    c.plan!.tasks.forEach((t, i) => {
      const cal = own.get(i) ?? r.calendar;
      // Its own calendar, its duration exactly, starting and ending on working minutes.
      expect(cal.workBetween(r.start[i], r.finish[i])).toBe(t.duration!.minutes);
      expect(cal.isWorkingMinute(r.start[i])).toBe(true);
      // (Project's SF rule may show a finish at its predecessor's moment: Monday 08:00 for Friday 17:00.)
      const sfMoment = t.links.some((l) => l.type === 'SF') && cal.isWorkingMinute(r.finish[i]);
      expect(cal.isWorkingMinute(r.finish[i] - 1) || sfMoment).toBe(true);
      // Links hold, lags on the project calendar.
      for (const link of t.links) {
        const from = link.type === 'FS' || link.type === 'FF' ? r.finish[link.pred] : r.start[link.pred];
        const to = link.type === 'FF' || link.type === 'SF' ? r.finish[i] : r.start[i];
        expect(r.calendar.index(to)).toBeGreaterThanOrEqual(r.calendar.index(from) + link.lag.minutes);
      }
      // Nothing but links: no task is late against its late dates.
      expect(r.lateStart[i]).toBeGreaterThanOrEqual(r.earlyStart[i]);
      expect(r.totalFloat[i]).toBeGreaterThanOrEqual(0);
    });
  });

  test.each(Array.from({ length: 60 }, (_, k) => k + 1))(
    'leveled, seed %i: nothing left over-booked; calendars and links hold; nothing earlier; same twice',
    (seed) => {
      const c = calc(randomPlan(seed, true));
      expect(c.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const r = c.schedule!;
      expect(findOverallocations(c.plan!, r)).toEqual([]);
      const unleveled = calc({
        ...randomPlan(seed, true),
        settings: { ...randomPlan(seed, true).settings, Leveling: 'Off' },
      });
      const own = r.taskCalendars ?? new Map();
      c.plan!.tasks.forEach((t, i) => {
        const cal = own.get(i) ?? r.calendar;
        expect(cal.workBetween(r.start[i], r.finish[i])).toBe(t.duration!.minutes);
        expect(cal.isWorkingMinute(r.start[i])).toBe(true);
        expect(r.start[i]).toBeGreaterThanOrEqual(unleveled.schedule!.start[i]);
        for (const link of t.links) {
          const from = link.type === 'FS' || link.type === 'FF' ? r.finish[link.pred] : r.start[link.pred];
          const to = link.type === 'FF' || link.type === 'SF' ? r.finish[i] : r.start[i];
          expect(r.calendar.index(to)).toBeGreaterThanOrEqual(r.calendar.index(from) + link.lag.minutes);
        }
      });
      expect(Array.from(calc(randomPlan(seed, true)).schedule!.start)).toEqual(Array.from(r.start));
    },
  );
});
