/**
 * The project calendar's Working Hours by weekday, shifts, night shifts and around the clock,
 * checked to the minute through the whole calculation. Project start Monday 2027-03-01.
 */
import { calc, plan, Row, run } from '../../helpers';

const task = (id: string, duration: string, extra: Row = {}): Row => ({
  ID: id,
  Name: id,
  Duration: duration,
  ...extra,
});

function dates(tasks: Row[], settings: Record<string, string>) {
  return Object.values(run(plan(tasks, settings))).map((t) => `${t.id} ${t.start} ${t.finish}`);
}

describe('Working Hours that differ by weekday', () => {
  test('Mon-Fri 07:00-19:00, Sat 08:00-13:00: a day is 12 hours, Saturday works its 5', () => {
    // 5d = 60 h: Mon-Fri 12 h each finishes Friday 19:00; 6d goes on into Saturday.
    expect(
      dates([task('A', '5d'), task('B', '65h'), task('C', '1d', { Predecessors: 'B' })], {
        'Working Days': 'Mon-Sat',
        'Working Hours': 'Mon-Fri 07:00-19:00, Sat 08:00-13:00',
      }),
    ).toEqual([
      'A 2027-03-01T07:00 2027-03-05T19:00',
      'B 2027-03-01T07:00 2027-03-06T13:00',
      'C 2027-03-08T07:00 2027-03-08T19:00',
    ]);
  });

  test('two shifts, 06:00-14:00,14:00-22:00: sixteen hours a day', () => {
    expect(
      dates([task('A', '20h'), task('B', '1d', { Predecessors: 'A' })], { 'Working Hours': '06:00-14:00,14:00-22:00' }),
    ).toEqual(['A 2027-03-01T06:00 2027-03-02T10:00', 'B 2027-03-02T10:00 2027-03-03T10:00']);
  });

  test('a night shift, 22:00-06:00 Mon-Fri: across midnight and over the weekend', () => {
    // Monday's shift starts 22:00; 16 h run to Wednesday 06:00; 40 h end Saturday 06:00 and the
    // next task waits for Monday 22:00.
    expect(
      dates([task('A', '16h'), task('B', '24h', { Predecessors: 'A' }), task('C', '1h', { Predecessors: 'B' })], {
        'Working Hours': '22:00-06:00',
      }),
    ).toEqual([
      'A 2027-03-01T22:00 2027-03-03T06:00',
      'B 2027-03-03T22:00 2027-03-06T06:00',
      'C 2027-03-08T22:00 2027-03-08T23:00',
    ]);
  });

  test('around the clock: 24h every day', () => {
    expect(dates([task('A', '3d')], { 'Working Days': 'Mon-Sun', 'Working Hours': '24h' })).toEqual([
      'A 2027-03-01T00:00 2027-03-04T00:00',
    ]);
  });

  test('the same hours every day schedule exactly as before', () => {
    const tasks = [task('A', '3d'), task('B', '2d', { Predecessors: 'A' })];
    expect(dates(tasks, { 'Working Hours': '08:00-12:00,13:00-17:00' })).toEqual(dates(tasks, {}));
    expect(calc(plan(tasks, {})).plan!.settings.weekIntervals).toBeNull();
  });

  test('hours that overlap, and a night shift running into the next day, are errors at the cell', () => {
    const errors = (hours: string) =>
      calc(plan([task('A', '1d')], { 'Working Hours': hours }))
        .issues.filter((i) => i.severity === 'error')
        .map((i) => i.message);
    expect(errors('08:00-12:00, 11:00-17:00')[0]).toMatch(
      /^Working Hours: "08:00-12:00, 11:00-17:00" has overlapping intervals on Mon \(08:00-12:00 and 11:00-17:00\)/,
    );
    expect(errors('06:00-14:00, 22:00-07:00')[0]).toMatch(
      /^Working Hours: "06:00-14:00, 22:00-07:00" has a night shift \(22:00-07:00\) running into the next day's hours on Tue \(06:00-14:00\)/,
    );
    expect(errors('Someday 08:00-17:00')[0]).toMatch(/names days that are not weekdays \(Someday\)/);
    expect(errors('08:00-08:00')[0]).toMatch(/has an interval of no time/);
  });

  test('a working exception on Holidays: a Saturday shoot with its own hours', () => {
    const doc = plan(
      [task('A', '6d'), task('B', '2h', { Predecessors: 'A' })],
      {},
      {
        holidays: [
          { Date: '2027-03-06', Name: 'Saturday shoot', 'Working Hours': '07:00-19:00' },
          { Date: '2027-03-08', Name: 'Studio closed' },
        ],
      },
    );
    // Mon-Fri 40 h, then the shoot Saturday from 07:00: 48 h end Saturday 15:00, and B follows.
    expect(Object.values(run(doc)).map((t) => `${t.id} ${t.start} ${t.finish}`)).toEqual([
      'A 2027-03-01T08:00 2027-03-06T15:00',
      'B 2027-03-06T15:00 2027-03-06T17:00',
    ]);
    const bad = calc(
      plan([task('A', '1d')], {}, { holidays: [{ Date: '2027-03-06', Name: 'Shoot', 'Working Hours': 'all day' }] }),
    );
    expect(bad.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^"Shoot" Working Hours: "all day" is not a list of time intervals/),
    ]);
  });
});
