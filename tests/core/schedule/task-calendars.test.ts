/**
 * Named calendars (the Calendars sheet) for the project, tasks and resources, to the minute.
 * Project calendar Mon-Fri 08:00-12:00, 13:00-17:00 unless said; start Monday 2027-03-01.
 */
import { formatLocation } from '../../../src/core/location';
import { calc, plan, Row, run } from '../../helpers';

const CALENDARS = [
  { Name: 'Night', 'Working Days': 'Mon-Fri', 'Working Hours': '22:00-06:00' },
  { Name: 'Weekend', 'Working Days': 'Sat-Sun', 'Working Hours': '08:00-17:00' },
  { Name: 'Long', 'Working Hours': '07:00-19:00' },
  { Name: 'Late', 'Working Hours': '12:00-22:00' },
  { Name: 'Around the clock', 'Working Days': 'Mon-Sun', 'Working Hours': '24h' },
  { Name: 'Night crew', 'Base Calendar': 'Night' },
];
const RESOURCES = [
  { Name: 'Night Crew', Type: 'Work', 'Max Units': 2, Rate: 0, Calendar: 'Night crew' },
  { Name: 'Weekend Crew', Type: 'Work', 'Max Units': 1, Rate: 0, Calendar: 'Weekend' },
  { Name: 'Late Shift', Type: 'Work', 'Max Units': 1, Rate: 0, Calendar: 'Late' },
  { Name: 'Day Crew', Type: 'Work', 'Max Units': 3, Rate: 0 },
];

const t = (id: string, duration: string, extra: Row = {}): Row => ({ ID: id, Name: id, Duration: duration, ...extra });

function dates(tasks: Row[], settings: Record<string, string> = {}, holidays: Row[] = []): string[] {
  const doc = plan(tasks, settings, { calendars: CALENDARS, resources: RESOURCES, holidays });
  return Object.values(run(doc)).map((x) => `${x.id} ${x.start} ${x.finish}`);
}

describe('task and resource calendars', () => {
  test('a task on the night calendar between two day tasks', () => {
    expect(
      dates([
        t('A', '1d'),
        t('B', '1d', { Predecessors: 'A', Calendar: 'Night' }),
        t('C', '1d', { Predecessors: 'B' }),
      ]),
    ).toEqual([
      'A 2027-03-01T08:00 2027-03-01T17:00',
      // Monday 22:00 to Tuesday 06:00; C waits for the day shift.
      'B 2027-03-01T22:00 2027-03-02T06:00',
      'C 2027-03-02T08:00 2027-03-02T17:00',
    ]);
  });

  test("a task works its resource's calendar: the weekend crew, and a night crew through its base calendar", () => {
    expect(
      dates([
        t('W', '2d', { Resources: 'Weekend Crew' }),
        t('N', '12h', { Resources: 'Night Crew' }),
        t('D', '1d', { Resources: 'Day Crew' }),
      ]),
    ).toEqual([
      // Two days of 8 hours on a calendar of 9-hour days: Saturday, and Sunday to 15:00.
      'W 2027-03-06T08:00 2027-03-07T15:00',
      // 12 hours from Monday 22:00: to Tuesday 06:00 (8), Tuesday 22:00 to Wednesday 02:00 (4).
      'N 2027-03-01T22:00 2027-03-03T02:00',
      'D 2027-03-01T08:00 2027-03-01T17:00',
    ]);
  });

  test('a task calendar and a resource calendar: the task works the hours both allow', () => {
    // Long (07:00-19:00) and Late (12:00-22:00) share 12:00-19:00: 7 hours a day.
    expect(dates([t('X', '14h', { Calendar: 'Long', Resources: 'Late Shift' })])).toEqual([
      'X 2027-03-01T12:00 2027-03-02T19:00',
    ]);
  });

  test('around the clock, and a Project Calendar named in Settings', () => {
    expect(dates([t('A', '2d', { Calendar: 'Around the clock' }), t('B', '1d', { Predecessors: 'A' })])).toEqual([
      'A 2027-03-01T08:00 2027-03-02T00:00',
      'B 2027-03-02T08:00 2027-03-02T17:00',
    ]);
    expect(dates([t('A', '1d'), t('B', '1d', { Predecessors: 'A' })], { 'Project Calendar': 'Long' })).toEqual([
      // Its 12-hour day is what 1d means now, and a date alone starts at its 07:00.
      'A 2027-03-01T07:00 2027-03-01T19:00',
      'B 2027-03-02T07:00 2027-03-02T19:00',
    ]);
  });

  test('a holiday naming a calendar closes only it, and the calendars based on it', () => {
    const holidays = [{ Date: '2027-03-02', Name: 'Night shift off', Calendar: 'Night' }];
    expect(
      dates([t('N', '16h', { Resources: 'Night Crew' }), t('D', '2d', { Resources: 'Day Crew' })], {}, holidays),
    ).toEqual([
      // Tuesday is off for Night (and Night crew), its early hours too: Monday 22:00-24:00 (2),
      // Wednesday 00:00-06:00 (6), Wednesday 22:00 to Thursday 06:00 (8).
      'N 2027-03-01T22:00 2027-03-04T06:00',
      'D 2027-03-01T08:00 2027-03-02T17:00',
    ]);
  });

  test('calendars that are not there, a base loop, and no working time in common are errors at their cells', () => {
    const doc = plan(
      [t('A', '1d', { Calendar: 'Moon' }), t('B', '1d', { Calendar: 'Weekend', Resources: 'Night Crew' })],
      { 'Project Calendar': 'Mars' },
      {
        calendars: [
          ...CALENDARS,
          { Name: 'Loop A', 'Base Calendar': 'Loop B' },
          { Name: 'Loop B', 'Base Calendar': 'Loop A' },
          { Name: 'Orphan', 'Base Calendar': 'Nowhere' },
        ],
        resources: [...RESOURCES, { Name: 'Ghost', Type: 'Work', 'Max Units': 1, Rate: 0, Calendar: 'Venus' }],
        holidays: [{ Date: '2027-03-02', Name: 'Off', Calendar: 'Pluto' }],
      },
    );
    const found = calc(doc)
      .issues.filter((i) => i.severity === 'error')
      .map((i) => `${formatLocation(i.at)} ${i.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'calendars[6]["Base Calendar"] Calendar "Loop A" is its own base, through "Loop A" → "Loop B" → "Loop A".',
        'calendars[8]["Base Calendar"] Calendar "Orphan": its base calendar "Nowhere" is not on the Calendars sheet.',
        'holidays[0].Calendar "Off" Calendar: "Pluto" is not on the Calendars sheet.',
        'settings["Project Calendar"] Project Calendar: "Mars" is not on the Calendars sheet.',
        'tasks[0].Calendar Task A Calendar: "moon" is not on the Calendars sheet.',
        'resources[4].Calendar Resource "Ghost" Calendar: "venus" is not on the Calendars sheet.',
      ]),
    );
    // Night crew and Weekend share no hour.
    const apart = calc(
      plan(
        [t('B', '1d', { Calendar: 'Weekend', Resources: 'Night Crew' })],
        {},
        { calendars: CALENDARS, resources: RESOURCES },
      ),
    );
    expect(apart.issues.map((i) => `${formatLocation(i.at)} ${i.message}`)).toEqual([
      'tasks[0].Calendar Task B can never work: its calendars ("Weekend", "Night crew") have no working time in common in their week (a working exception they share is not enough to finish it).',
    ]);
    // A working Saturday open to every calendar is the only hour a night task and the day crew share:
    // an error, not a search for time that never comes (found by the Project XML round trip).
    const onlyAnException = calc(
      plan(
        [t('N', '1d', { Calendar: 'Night', Resources: 'Crew' })],
        {},
        {
          calendars: [{ Name: 'Night', 'Working Days': 'Mon-Fri', 'Working Hours': '22:00-06:00' }],
          resources: [{ Name: 'Crew', Type: 'Work', 'Max Units': 3 }],
          holidays: [{ Date: '2027-03-13', Name: 'Saturday shoot', 'Working Hours': '09:00-13:00' }],
        },
      ),
    );
    expect(onlyAnException.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(
        /^Task N can never work: its calendars \("Night", the project calendar\)|^Task N can never work/,
      ),
    ]);
  });

  test("a calendar's hours of no time, or that overlap, are errors at its cells", () => {
    const doc = plan(
      [t('A', '1d')],
      {},
      {
        calendars: [
          { Name: 'Empty', 'Working Hours': '08:00-08:00' },
          { Name: 'Double', 'Working Hours': '08:00-12:00, 11:00-15:00' },
        ],
      },
    );
    expect(
      calc(doc)
        .issues.filter((i) => i.severity === 'error')
        .map((i) => `${formatLocation(i.at)} ${i.message.replace(/: write intervals.*$/, '')}`),
    ).toEqual(
      expect.arrayContaining([
        'calendars[0]["Working Hours"] Calendar "Empty" Working Hours: "08:00-08:00" has an interval of no time (08:00-08:00)',
        'calendars[1]["Working Hours"] Calendar "Double" Working Hours: "08:00-12:00, 11:00-15:00" has overlapping intervals on Mon (08:00-12:00 and 11:00-15:00)',
      ]),
    );
  });

  test('a plan without a Calendars sheet schedules exactly as before', () => {
    const tasks = [t('A', '3d', { Resources: 'Day Crew' }), t('B', '2d', { Predecessors: 'A' })];
    const before = Object.values(run(plan(tasks, {}, { resources: [RESOURCES[3]] })));
    const withSheet = Object.values(run(plan(tasks, {}, { resources: [RESOURCES[3]], calendars: CALENDARS })));
    expect(withSheet).toEqual(before);
  });
});
