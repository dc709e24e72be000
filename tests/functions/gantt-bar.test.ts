/**
 * PROD.GANTTBAR: bars over timelines of days, weeks and months, marked by the Gantt sheet's rule
 * (barColumns): overlap marks a period; 17:00 does not reach into the next day.
 */
import { GANTTBAR } from '../../src/functions/functions';
import { expectFailure, serial } from './helpers';

/** Mon 2027-03-01 to Sun 2027-03-07, one day a cell. */
const WEEK = [[1, 2, 3, 4, 5, 6, 7].map((d) => serial(2027, 3, d))];
const bar = (marks: string) => [[...marks].map((m) => (m === '#' ? '█' : m === 'o' ? '◆' : ''))];

describe('GANTTBAR', () => {
  test('Tue 08:00 to Thu 17:00 over a week of days', () => {
    expect(GANTTBAR(serial(2027, 3, 2, 8), serial(2027, 3, 4, 17), WEEK)).toEqual(bar('.###...'));
  });
  test('a start at 13:00 covers its day; a finish at 17:00 does not reach the next', () => {
    expect(GANTTBAR(serial(2027, 3, 1, 13), serial(2027, 3, 1, 17), WEEK)).toEqual(bar('#......'));
  });
  test('dates without a time: the start at 08:00, the finish at 17:00 of its day', () => {
    expect(GANTTBAR(serial(2027, 3, 2), serial(2027, 3, 4), WEEK)).toEqual(bar('.###...'));
  });
  test('dates typed as text work too, in the timeline as well', () => {
    expect(GANTTBAR('2027-03-06 08:00', '2027-03-07 12:00', [['2027-03-01', '2027-03-06', '2027-03-07']])).toEqual(
      bar('.##'),
    );
  });
  test('a milestone is a diamond in the period holding its instant', () => {
    expect(GANTTBAR(serial(2027, 3, 3, 17), serial(2027, 3, 3, 17), WEEK)).toEqual(bar('..o....'));
  });
  test('a task outside the timeline draws nothing; one running past it is cut at its end', () => {
    expect(GANTTBAR(serial(2027, 4, 1, 8), serial(2027, 4, 2, 17), WEEK)).toEqual(bar('.......'));
    expect(GANTTBAR(serial(2027, 2, 20, 8), serial(2027, 3, 2, 17), WEEK)).toEqual(bar('##.....'));
    expect(GANTTBAR(serial(2027, 3, 6, 8), serial(2027, 3, 20, 17), WEEK)).toEqual(bar('.....##'));
  });
  test('weeks: the last period is as long as the one before', () => {
    const weeks = [[serial(2027, 3, 1), serial(2027, 3, 8), serial(2027, 3, 15)]];
    expect(GANTTBAR(serial(2027, 3, 5, 8), serial(2027, 3, 9, 17), weeks)).toEqual(bar('##.'));
    expect(GANTTBAR(serial(2027, 3, 19, 8), serial(2027, 3, 22, 17), weeks)).toEqual(bar('..#'));
  });
  test('months: the last period is a whole month', () => {
    const months = [[serial(2027, 1, 1), serial(2027, 2, 1), serial(2027, 3, 1)]];
    expect(GANTTBAR(serial(2027, 3, 30, 8), serial(2027, 4, 2, 17), months)).toEqual(bar('..#'));
    expect(GANTTBAR(serial(2027, 1, 25, 8), serial(2027, 2, 2, 17), months)).toEqual(bar('##.'));
  });
  test('a column timeline gives a column; empty timeline cells stay empty and are skipped', () => {
    expect(
      GANTTBAR(serial(2027, 3, 2, 8), serial(2027, 3, 3, 17), [
        [serial(2027, 3, 1)],
        [serial(2027, 3, 2)],
        [''],
        [serial(2027, 3, 3)],
        [serial(2027, 3, 4)],
      ]),
    ).toEqual([[''], ['█'], [''], ['█'], ['']]);
  });
  test('a row with no dates draws nothing, so the formula can be filled down past the last task', () => {
    expect(GANTTBAR('', null, WEEK)).toEqual(bar('.......'));
    expect(GANTTBAR(0, 0, WEEK)).toEqual(bar('.......')); // empty cells as older Excel versions pass them
  });

  describe('errors', () => {
    test('finish before start', () => {
      expectFailure(
        () => GANTTBAR(serial(2027, 3, 4, 8), serial(2027, 3, 2, 17), WEEK),
        '#VALUE!',
        'Finish (Tue 2027-03-02 17:00) is before Start (Thu 2027-03-04 08:00).',
      );
    });
    test('one date without the other', () => {
      expectFailure(
        () => GANTTBAR(serial(2027, 3, 4, 8), '', WEEK),
        '#VALUE!',
        'Finish is empty: give a date (an Excel date, or text like 2027-03-01 08:00).',
      );
    });
    test('a start that is not a date', () => {
      expectFailure(() => GANTTBAR('soon', serial(2027, 3, 4), WEEK), '#VALUE!', /^Start: "soon" is not a date/);
    });
    test('a timeline cell that is not a date', () => {
      expectFailure(
        () => GANTTBAR(serial(2027, 3, 2), serial(2027, 3, 4), [[serial(2027, 3, 1), 'W10']]),
        '#VALUE!',
        'Timeline cell 2: "W10" is not a date: enter an Excel date or 2027-03-01 (with a time: 2027-03-01 08:00).',
      );
    });
    test('a timeline that does not run forward', () => {
      expectFailure(
        () => GANTTBAR(serial(2027, 3, 2), serial(2027, 3, 4), [[serial(2027, 3, 2), serial(2027, 3, 1)]]),
        '#VALUE!',
        'Timeline cell 2 (Mon 2027-03-01 00:00) is not after the cell before it (Tue 2027-03-02 00:00): the dates must increase.',
      );
    });
    test('a block of cells', () => {
      expectFailure(
        () => GANTTBAR(serial(2027, 3, 2), serial(2027, 3, 4), [WEEK[0], WEEK[0]]),
        '#VALUE!',
        'The timeline is 2 rows by 7 columns: give one row (or one column) of period start dates.',
      );
    });
    test('an empty timeline', () => {
      expectFailure(
        () => GANTTBAR(serial(2027, 3, 2), serial(2027, 3, 4), [['', '']]),
        '#VALUE!',
        'The timeline is empty: give a row of period start dates, like the header row of a Gantt grid.',
      );
    });
  });
});
