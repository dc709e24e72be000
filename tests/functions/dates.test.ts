/**
 * PROD.FINISH and PROD.WORKDAYS, hand-checked on the default calendar (Mon-Fri,
 * 08:00-12:00 and 13:00-17:00). Monday 2027-03-01 starts the week.
 */
import { FINISH, WORKDAYS } from '../../src/functions/functions';
import { expectFailure, serial } from './helpers';

const MON_0800 = serial(2027, 3, 1, 8);

describe('FINISH', () => {
  test('Mon 2027-03-01 08:00 + "5d" = Fri 2027-03-05 17:00', () => {
    expect(FINISH(MON_0800, '5d')).toBe(serial(2027, 3, 5, 17));
  });
  test('a number is days', () => expect(FINISH(MON_0800, 5)).toBe(serial(2027, 3, 5, 17)));
  test('a date without a time starts at 08:00', () =>
    expect(FINISH(serial(2027, 3, 1), '1d')).toBe(serial(2027, 3, 1, 17)));
  test('a date typed as text works as on the Tasks sheet', () =>
    expect(FINISH('2027-03-01 13:00', '1d')).toBe(serial(2027, 3, 2, 12)));
  test('hours skip the lunch break: 5h from 08:00 is 14:00', () =>
    expect(FINISH(MON_0800, '5h')).toBe(serial(2027, 3, 1, 14)));
  test('"2w" is ten working days', () => expect(FINISH(MON_0800, '2w')).toBe(serial(2027, 3, 12, 17)));
  test('a holiday pushes the finish a working day', () => {
    expect(FINISH(MON_0800, '5d', [[serial(2027, 3, 3)]])).toBe(serial(2027, 3, 8, 17));
  });
  test('holidays as a Date | Name table with its header, and as a row of dates', () => {
    expect(
      FINISH(MON_0800, '5d', [
        ['Date', 'Name'],
        [serial(2027, 3, 3), 'Studio closed'],
      ]),
    ).toBe(serial(2027, 3, 8, 17));
    expect(FINISH(MON_0800, '5d', [[serial(2027, 3, 2), '', serial(2027, 3, 3)]])).toBe(serial(2027, 3, 9, 17));
  });
  test('a closure of several days with End Date', () => {
    expect(
      FINISH(MON_0800, '5d', [
        ['Date', 'End Date'],
        [serial(2027, 3, 2), serial(2027, 3, 3)],
      ]),
    ).toBe(serial(2027, 3, 9, 17));
  });
  test('"4ed" runs around the clock: Monday 08:00 to Friday 08:00', () => {
    expect(FINISH(MON_0800, '4ed')).toBe(serial(2027, 3, 5, 8));
  });
  test('"4ed" ignores holidays and weekends', () => {
    expect(FINISH(serial(2027, 3, 5, 8), '4ed', [[serial(2027, 3, 8)]])).toBe(serial(2027, 3, 9, 8));
  });
  test('a start on a Saturday waits for Monday 08:00', () =>
    expect(FINISH(serial(2027, 3, 6), '1d')).toBe(serial(2027, 3, 8, 17)));
  test('0 is a milestone: it sits at the start', () => expect(FINISH(MON_0800, 0)).toBe(MON_0800));
  test('working days Mon-Sat: six days end on Saturday', () => {
    expect(FINISH(MON_0800, '6d', null as never, 'Mon-Sat')).toBe(serial(2027, 3, 6, 17));
  });
  test('working hours 07:00-15:00: a date alone starts at 07:00, a day is 8 hours', () => {
    expect(FINISH(serial(2027, 3, 1), '1d', null as never, '', '07:00-15:00')).toBe(serial(2027, 3, 1, 15));
  });
  test('calendars are reused across calls: far from where one was first built, dates are the same', () => {
    expect(FINISH(MON_0800, '5d')).toBe(serial(2027, 3, 5, 17));
    expect(FINISH(serial(2090, 3, 1, 8), '5d')).toBe(serial(2090, 3, 7, 17)); // a Wednesday
    expect(FINISH(serial(1995, 3, 1, 8), '5d')).toBe(serial(1995, 3, 7, 17));
    expect(FINISH(serial(1995, 3, 1, 8), '5d', [[serial(1995, 3, 2)]])).toBe(serial(1995, 3, 8, 17));
    expect(FINISH(MON_0800, '5d')).toBe(serial(2027, 3, 5, 17));
  });
  test('a 6-hour working day makes "1d" six hours', () => {
    expect(FINISH(MON_0800, '1d', null as never, null as never, '8-14')).toBe(serial(2027, 3, 1, 14));
  });

  test('empty cells passed as 0 (older Excel versions): holidays and options take no 0', () => {
    expect(FINISH(MON_0800, '5d', [[serial(2027, 3, 3)], [0], [0]], 0 as never, 0 as never)).toBe(
      serial(2027, 3, 8, 17),
    );
  });

  describe('errors', () => {
    test('a duration that is not one', () => {
      expectFailure(
        () => FINISH(MON_0800, '5x'),
        '#VALUE!',
        'Duration: "5x" is not a duration: use a number with a unit: 5d, 3h, 2w, 1mo, 4ed, or 0 for a milestone.',
      );
    });
    test('scheduling back takes working time, not elapsed time', () => {
      expectFailure(() => FINISH(MON_0800, '-4ed'), '#VALUE!', /^Duration: scheduling back takes working time/);
      expectFailure(() => FINISH(MON_0800, '-soon'), '#VALUE!', /^Duration: "soon" is not a duration/);
    });
    test('an empty duration', () => {
      expectFailure(
        () => FINISH(MON_0800, ''),
        '#VALUE!',
        'Duration is empty: give a duration such as 5d, 3h, 2w or 4ed, or 0 for a milestone.',
      );
    });
    test('an empty start', () => {
      expectFailure(
        () => FINISH(null, '5d'),
        '#VALUE!',
        'Start is empty: give a date (an Excel date, or text like 2027-03-01 08:00).',
      );
    });
    test('a start that reads two ways', () => {
      expectFailure(
        () => FINISH('3/1/2027', '5d'),
        '#VALUE!',
        'Start: "3/1/2027" could be 1 Mar 2027 (month first) or 3 Jan 2027 (day first): add a Date Order setting (MDY or DMY), or enter it as an Excel date or as 2027-03-01.',
      );
    });
    test('a cell showing an error', () => {
      expectFailure(
        () => FINISH({ code: '#REF!' }, '5d'),
        '#VALUE!',
        'Start: the cell shows the error #REF!, not a date.',
      );
    });
    test('bad working days', () => {
      expectFailure(
        () => FINISH(MON_0800, '5d', null as never, 'Funday'),
        '#VALUE!',
        'Working days: "Funday" is not a list of working days: write Mon-Fri, Mon-Sat or Mon,Tue,Thu, or a weekend code as WORKDAY.INTL takes (1, 11, "0000011").',
      );
    });
    test('bad working hours', () => {
      expectFailure(
        () => FINISH(MON_0800, '5d', null as never, '', '17-8'),
        '#VALUE!',
        'Working hours: "17-8" has an interval that ends before it starts (17-8): write intervals like 08:00-12:00,13:00-17:00.',
      );
    });
    test('a holiday that is not a date names its cell in the range', () => {
      expectFailure(
        () => FINISH(MON_0800, '5d', [[serial(2027, 3, 3)], ['someday']]),
        '#VALUE!',
        'Holiday "Holiday": "someday" is not a date: enter an Excel date or 2027-03-01 (with a time: 2027-03-01 08:00) (row 2 of the holidays range).',
      );
    });
    test('a holiday in a table names its row', () => {
      expectFailure(
        () =>
          FINISH(MON_0800, '5d', [
            ['Date', 'Name'],
            [serial(2027, 3, 3), 'Closed'],
            ['soon', 'Party'],
          ]),
        '#VALUE!',
        'Holiday "Party": "soon" is not a date: enter an Excel date or 2027-03-01 (with a time: 2027-03-01 08:00) (row 3 of the holidays range, column Date).',
      );
    });
    test('a holiday in a block of dates names row and column', () => {
      expectFailure(
        () => FINISH(MON_0800, '5d', [[serial(2027, 3, 3), -3]]),
        '#VALUE!',
        /-3 is not a date.*\(row 1, column 2 of the holidays range\)\.$/,
      );
    });
  });
});

describe('FINISH with a negative duration schedules back from a finish, as WORKDAY takes a negative count', () => {
  test('finish by Fri 2027-03-05 (end of day), 5 days of work: start Mon 08:00', () => {
    expect(FINISH(serial(2027, 3, 5), -5)).toBe(MON_0800);
    expect(FINISH(serial(2027, 3, 5), '-5d')).toBe(MON_0800);
  });
  test('hours back over the weekend: 5h before Mon 12:00 starts Fri 16:00', () => {
    expect(FINISH(serial(2027, 3, 8, 12), '-5h')).toBe(serial(2027, 3, 5, 16));
  });
  test('a holiday moves the start a working day earlier', () => {
    expect(FINISH(serial(2027, 3, 5), -5, [[serial(2027, 3, 3)]])).toBe(serial(2027, 2, 26, 8));
  });
  test('a finish on a non-working day counts back from the last working moment before it', () => {
    expect(FINISH(serial(2027, 3, 6), -1)).toBe(serial(2027, 3, 5, 8)); // Saturday: Friday's work
  });
  test('a milestone stays at its finish', () => expect(FINISH(serial(2027, 3, 5), 0)).toBe(serial(2027, 3, 5, 8)));
  test('the start it gives finishes where asked, for any duration', () => {
    for (const d of ['1d', '2.5d', '3h', '2w', '17d', '1mo']) {
      const due = serial(2027, 3, 19, 17);
      expect(FINISH(FINISH(due, `-${d}`), d)).toBe(due);
    }
  });
});

describe('weekend codes, as WORKDAY.INTL takes them', () => {
  test('1 is Sat-Sun (the default week), 7 is Fri-Sat, 11 is Sunday only', () => {
    expect(FINISH(MON_0800, '5d', null as never, 1 as never)).toBe(serial(2027, 3, 5, 17));
    expect(FINISH(serial(2027, 3, 4, 8), '2d', null as never, 7 as never)).toBe(serial(2027, 3, 7, 17)); // Thu, Sun
    expect(FINISH(MON_0800, '6d', null as never, 11 as never)).toBe(serial(2027, 3, 6, 17));
  });
  test('seven digits Monday to Sunday, 1 for a day off', () => {
    expect(FINISH(MON_0800, '6d', null as never, '0000001')).toBe(serial(2027, 3, 6, 17));
    expect(WORKDAYS(serial(2027, 3, 1), serial(2027, 3, 7), null as never, '0101011')).toBe(3);
  });
  test('a week with no working day is refused', () => {
    expectFailure(
      () => FINISH(MON_0800, '1d', null as never, '1111111'),
      '#VALUE!',
      'Working days: "1111111" leaves no working day in the week.',
    );
  });
});

describe('WORKDAYS', () => {
  test('Monday to Friday, dates alone: 5 working days (08:00 to 17:00)', () => {
    expect(WORKDAYS(serial(2027, 3, 1), serial(2027, 3, 5))).toBe(5);
  });
  test('one day alone is one working day', () => expect(WORKDAYS(serial(2027, 3, 1), serial(2027, 3, 1))).toBe(1));
  test('a holiday is not counted', () =>
    expect(WORKDAYS(serial(2027, 3, 1), serial(2027, 3, 5), [[serial(2027, 3, 3)]])).toBe(4));
  test('hours: 08:00 to 12:00 is half a day', () => expect(WORKDAYS(MON_0800, serial(2027, 3, 1, 12))).toBe(0.5));
  test('the lunch break and the weekend are not working time: Fri 13:00 to Mon 12:00 is one day', () => {
    expect(WORKDAYS(serial(2027, 3, 5, 13), serial(2027, 3, 8, 12))).toBe(1);
  });
  test('finish before start is negative', () => expect(WORKDAYS(serial(2027, 3, 5, 17), MON_0800)).toBe(-5));
  test('dates alone the other way round count the same days, negative, as NETWORKDAYS does', () => {
    expect(WORKDAYS(serial(2027, 3, 1), serial(2027, 3, 12))).toBe(10);
    expect(WORKDAYS(serial(2027, 3, 12), serial(2027, 3, 1))).toBe(-10);
    expect(WORKDAYS(serial(2027, 3, 3), serial(2027, 3, 3))).toBe(1);
  });
  test('working days Mon-Sat count Saturday', () => {
    expect(WORKDAYS(serial(2027, 3, 1), serial(2027, 3, 6), null as never, 'Mon-Sat')).toBe(6);
  });
  test('what FINISH adds, WORKDAYS counts back', () => {
    const finish = FINISH(MON_0800, '7.5d', [[serial(2027, 3, 4)]]);
    expect(WORKDAYS(MON_0800, finish, [[serial(2027, 3, 4)]])).toBe(7.5);
  });
  test('errors name the argument', () => {
    expectFailure(
      () => WORKDAYS(MON_0800, 'later'),
      '#VALUE!',
      'Finish: "later" is not a date: enter an Excel date or 2027-03-01 (with a time: 2027-03-01 08:00).',
    );
    expectFailure(
      () => WORKDAYS('', MON_0800),
      '#VALUE!',
      'Start is empty: give a date (an Excel date, or text like 2027-03-01 08:00).',
    );
  });
});
