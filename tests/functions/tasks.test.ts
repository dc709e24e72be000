/**
 * PROD.SCHEDULE, PROD.CRITICALPATH and PROD.FLOAT on the worked example of docs/workbook.md:
 * project start Mon 2027-03-01, status date Wed 2027-03-03, a holiday on Fri 2027-03-05.
 * Dates are passed as Excel passes date cells: serial numbers.
 */
import { calculate } from '../../src/core/calculate';
import { calculationToJson } from '../../src/core/report/json';
import { wallFromExcelSerial, formatWall } from '../../src/core/time';
import { readJsonPlan } from '../../src/workbook/json-host';
import { CRITICALPATH, FLOAT, SCHEDULE } from '../../src/functions/functions';
import { expectFailure, serial } from './helpers';

const HEADER = ['ID', 'Name', 'Duration', 'Predecessors', 'Outline Level', '% Complete', 'Actual Start', 'Deadline'];
const TASKS: unknown[][] = [
  HEADER,
  [1, 'Prep', '', '', 1, '', '', ''],
  [2, 'Location scout', '3d', '', 2, 0.5, serial(2027, 3, 1), ''],
  [3, 'Permits', '4d', '2FS+1d', 2, '', '', serial(2027, 3, 12)],
  [4, 'Set build', '2w', '2SS+1d', 2, '', '', ''],
  [5, 'Paint curing', '2ed', 4, 2, '', '', ''],
  [6, 'Shoot', '5d', '3, 5', 1, '', '', ''],
  [7, 'Wrap', 0, 6, 1, '', '', ''],
];
const SETTINGS = [
  ['Setting', 'Value'],
  ['Project Start', serial(2027, 3, 1)],
  ['Status Date', serial(2027, 3, 3)],
];
const HOLIDAYS = [[serial(2027, 3, 5)]];

/** A copy of the tasks range with one cell changed (row and column as in the range, 0-based). */
function withCell(r: number, c: number, value: unknown): unknown[][] {
  return TASKS.map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row));
}

/** The same plan through the JSON form and `calculate`, as the command line computes it. */
function calculated() {
  const iso = (x: unknown) =>
    typeof x === 'number' && x > 40000 ? formatWall(wallFromExcelSerial(x)).slice(0, 10) : x;
  const tasks = TASKS.slice(1).map((row) =>
    Object.fromEntries(HEADER.map((h, c) => [h, row[c] === '' ? null : iso(row[c])])),
  );
  const doc = {
    settings: { 'Project Start': '2027-03-01', 'Status Date': '2027-03-03' },
    holidays: [{ Date: '2027-03-05' }],
    tasks,
  };
  return calculationToJson(calculate(readJsonPlan(doc).workbook));
}

describe('SCHEDULE', () => {
  const out = SCHEDULE(TASKS, SETTINGS, HOLIDAYS);

  test('one row per row of the range, the header row first', () => {
    expect(out).toHaveLength(TASKS.length);
    expect(out[0]).toEqual(['Start', 'Finish', 'Total Float', 'Critical']);
    expect(out.every((row) => row.length === 4)).toBe(true);
  });

  test('hand-checked rows (docs/workbook.md): Permits waits for the lag day and the holiday, its deadline leaves 1 day of float', () => {
    expect(out[3]).toEqual([serial(2027, 3, 8, 8), serial(2027, 3, 11, 17), 1, false]);
    expect(out[4]).toEqual([serial(2027, 3, 2, 8), serial(2027, 3, 16, 17), 0, true]); // Set build, skipping the holiday
    // Paint curing, 48 h around the clock; it may finish by Friday 08:00, when the shoot starts: 15 elapsed
    // hours of float, 0.625 elapsed days (an elapsed task's float is elapsed time, as in Project).
    expect(out[5]).toEqual([serial(2027, 3, 16, 17), serial(2027, 3, 18, 17), 0.625, false]);
    expect(out[7]).toEqual([serial(2027, 3, 25, 17), serial(2027, 3, 25, 17), 0, true]); // Wrap, a milestone
    expect(out[1]).toEqual([serial(2027, 3, 1, 8), serial(2027, 3, 18, 17), 0, true]); // Prep, a summary
  });

  test('equals what calculate gives for every task', () => {
    const json = calculated();
    json.tasks.forEach((t, i) => {
      const [start, finish, float, critical] = out[i + 1] as [number, number, number, boolean];
      expect([formatWall(wallFromExcelSerial(start)), formatWall(wallFromExcelSerial(finish))]).toEqual([
        t.start,
        t.finish,
      ]);
      expect(float).toBeCloseTo(t.totalFloat, 4);
      expect(critical).toBe(t.critical);
    });
  });

  test('the settings may be just the project start', () => {
    const short = SCHEDULE(TASKS, [[serial(2027, 3, 1)]], HOLIDAYS);
    expect(short.map((row) => row.slice(0, 2))).toEqual(out.map((row) => row.slice(0, 2)));
  });

  test('rows above the header and empty rows between tasks are empty; trailing empty rows are left out', () => {
    const blank = HEADER.map(() => '');
    const spaced = [['Production plan', '', ''], ...TASKS.slice(0, 3), blank, ...TASKS.slice(3), blank, blank];
    const got = SCHEDULE(spaced, SETTINGS, HOLIDAYS);
    expect(got).toHaveLength(TASKS.length + 2);
    expect(got[0]).toEqual(['', '', '', '']);
    expect(got[1]).toEqual(['Start', 'Finish', 'Total Float', 'Critical']);
    expect(got[4]).toEqual(['', '', '', '']);
    expect(got[5]).toEqual(out[3]);
  });

  test('headers as the Tasks sheet takes them: synonyms, any case, any column order, extra columns ignored', () => {
    const tasks = [
      ['Notes', 'task name', 'Task ID', 'DUR', 'Dependencies'],
      ['first', 'Design', 'A', '2d', ''],
      ['', 'Build', 'B', '3d', 'A'],
    ];
    const got = SCHEDULE(tasks, [[serial(2027, 3, 1)]]);
    expect(got[2]).toEqual([serial(2027, 3, 3, 8), serial(2027, 3, 5, 17), 0, true]);
  });

  test('working days and hours from the settings', () => {
    const got = SCHEDULE(
      [
        ['ID', 'Name', 'Duration'],
        [1, 'Shoot', '6d'],
      ],
      [
        ['Project Start', '2027-03-01'],
        ['Working Days', 'Mon-Sat'],
        ['Working Hours', '07:00-15:00'],
      ],
    );
    expect(got[1]).toEqual([serial(2027, 3, 1, 7), serial(2027, 3, 6, 15), 0, true]);
  });

  test('a "Tasks Sheet" setting does not send the reader to another sheet', () => {
    const got = SCHEDULE(TASKS, [...SETTINGS, ['Tasks Sheet', 'Plan']], HOLIDAYS);
    expect(got).toEqual(out);
  });

  test('empty cells passed as 0 (older Excel versions) read as empty: the same schedule', () => {
    const zeros = (range: unknown[][]) => range.map((row) => row.map((v) => (v === '' ? 0 : v)));
    const zeroRow = HEADER.map(() => 0);
    const got = SCHEDULE([...zeros(TASKS), zeroRow, zeroRow], zeros([...SETTINGS, ['Working Days', ''], ['', '']]), [
      [serial(2027, 3, 5)],
      [0],
    ]);
    expect(got).toEqual(out);
    const gap = SCHEDULE([...zeros(TASKS.slice(0, 3)), zeroRow, ...zeros(TASKS.slice(3))], SETTINGS, HOLIDAYS);
    expect(gap[3]).toEqual(['', '', '', '']);
    expect(gap[4]).toEqual(out[3]);
  });

  describe('errors name the cell in the range', () => {
    test('a bad duration', () => {
      expectFailure(
        () => SCHEDULE(withCell(3, 2, '5x'), SETTINGS),
        '#VALUE!',
        'Task 3 \'Permits\' duration: "5x" is not a duration: use a number with a unit: 5d, 3h, 2w, 1mo, 4ed, or 0 for a milestone (row 4 of the tasks range, column Duration).',
      );
    });
    test('an unknown predecessor', () => {
      expectFailure(
        () => SCHEDULE(withCell(3, 3, '9'), SETTINGS),
        '#VALUE!',
        "Task 3 'Permits' depends on 9, which is not in the tasks range (row 4 of the tasks range, column Predecessors).",
      );
    });
    test('an ID used twice names both cells', () => {
      expectFailure(
        () => SCHEDULE(withCell(4, 0, 3), SETTINGS),
        '#VALUE!',
        /^ID 3 is used twice \(also at row 4 of the tasks range, column ID\): IDs must be unique \(row 5 of the tasks range, column ID\)\./,
      );
    });
    test('more than one problem: the first, and how many more', () => {
      expectFailure(
        () =>
          SCHEDULE(
            withCell(3, 2, '5x').map((row, i) => (i === 6 ? row.map((v, j) => (j === 2 ? 'long' : v)) : row)),
            SETTINGS,
          ),
        '#VALUE!',
        /^Task 3 'Permits' duration: .* \(row 4 of the tasks range, column Duration\)\. \(\+1 more problem\)$/,
      );
    });
    test('a loop', () => {
      expectFailure(
        () => SCHEDULE(withCell(2, 3, '6'), SETTINGS),
        '#VALUE!',
        /^These tasks depend on each other in a loop, so none of them can be scheduled: .*\(row \d of the tasks range, column Predecessors\)\.$/,
      );
    });
    test('a missing column', () => {
      expectFailure(
        () =>
          SCHEDULE(
            TASKS.map((row) => row.filter((_, c) => c !== 2)),
            SETTINGS,
          ),
        '#VALUE!',
        'The tasks range has no "Duration" column; add it to the header row (row 1 of the tasks range).',
      );
    });
    test('no header row', () => {
      expectFailure(
        () => SCHEDULE(TASKS.slice(1), SETTINGS),
        '#VALUE!',
        'The tasks range has no header row: its first row should name the columns ID, Name, Duration.',
      );
    });
    test('an empty tasks range', () => {
      expectFailure(
        () =>
          SCHEDULE(
            [
              ['', ''],
              ['', ''],
            ],
            SETTINGS,
          ),
        '#VALUE!',
        'The tasks range is empty: give a range with a header row (ID, Name, Duration...) and one row per task.',
      );
    });
    test('a header and no tasks', () => {
      expectFailure(
        () => SCHEDULE([HEADER], SETTINGS),
        '#VALUE!',
        'The tasks range has no tasks: add one row per task under the header row.',
      );
    });
    test('no settings: the project starts today, as a new Microsoft Project plan does', () => {
      jest.useFakeTimers({ now: new Date(2027, 2, 3, 15, 30) }); // Wed 2027-03-03, local time
      try {
        expect(SCHEDULE(TASKS, null as never)).toEqual(SCHEDULE(TASKS, [[serial(2027, 3, 3)]]));
        const one = [
          ['ID', 'Name', 'Duration'],
          ['1', 'Prep', '1d'],
        ];
        expect(SCHEDULE(one, null as never)[1].slice(0, 2)).toEqual([serial(2027, 3, 3, 8), serial(2027, 3, 3, 17)]);
      } finally {
        jest.useRealTimers();
      }
    });
    test('settings without a project start', () => {
      expectFailure(
        () =>
          SCHEDULE(TASKS, [
            ['Setting', 'Value'],
            ['Status Date', serial(2027, 3, 3)],
          ]),
        '#VALUE!',
        'Project Start is missing: add a row "Project Start" to the settings range with the date the project starts.',
      );
    });
    test('a project start that is not a date', () => {
      expectFailure(
        () =>
          SCHEDULE(TASKS, [
            ['Setting', 'Value'],
            ['Project Start', 'soon'],
          ]),
        '#VALUE!',
        'Project Start: "soon" is not a date: enter an Excel date or 2027-03-01 (with a time: 2027-03-01 08:00) (row 2 of the settings range).',
      );
    });
    test('a single settings cell that is not a date', () => {
      expectFailure(
        () => SCHEDULE(TASKS, [['soon']]),
        '#VALUE!',
        /^Project Start: "soon" is not a date: .* \(the settings argument\)\.$/,
      );
    });
    test('a bad holiday', () => {
      expectFailure(
        () => SCHEDULE(TASKS, SETTINGS, [[serial(2027, 3, 5)], [-3]]),
        '#VALUE!',
        'Holiday "Holiday": -3 is not a date (row 2 of the holidays range).',
      );
    });
  });
});

describe('CRITICALPATH', () => {
  test('the critical IDs of the worked example, as a column, numbers kept as numbers', () => {
    expect(CRITICALPATH(TASKS, SETTINGS, HOLIDAYS)).toEqual([[1], [2], [4], [6], [7]]);
  });
  test('text IDs stay text', () => {
    const tasks = [
      ['ID', 'Name', 'Duration', 'Predecessors'],
      ['PRE-1', 'Scout', '2d', ''],
      ['PRE-2', 'Permits', '1d', ''],
      ['SH-1', 'Shoot', '3d', 'PRE-1'],
    ];
    expect(CRITICALPATH(tasks, [[serial(2027, 3, 1)]])).toEqual([['PRE-1'], ['SH-1']]);
  });
  test('without the holiday the same path', () => {
    expect(CRITICALPATH(TASKS, SETTINGS)).toEqual([[1], [2], [4], [6], [7]]);
  });
  test('no critical task: #N/A', () => {
    const done = [
      ['ID', 'Name', 'Duration', '% Complete'],
      [1, 'Scout', '2d', '100%'],
    ];
    expectFailure(
      () => CRITICALPATH(done, [[serial(2027, 3, 1)]]),
      '#N/A',
      'No task is critical: the tasks with no float left are all 100% complete.',
    );
  });
  test('plan errors as SCHEDULE gives them', () => {
    expectFailure(
      () => CRITICALPATH(withCell(3, 2, '5x'), SETTINGS),
      '#VALUE!',
      /\(row 4 of the tasks range, column Duration\)\.$/,
    );
  });
});

describe('FLOAT', () => {
  test('Permits: 1 working day, its deadline binding', () => expect(FLOAT(TASKS, 3, SETTINGS, HOLIDAYS)).toBe(1));
  test('the ID as text finds the same task', () => expect(FLOAT(TASKS, '3', SETTINGS, HOLIDAYS)).toBe(1));
  test('a critical task: 0', () => expect(FLOAT(TASKS, 6, SETTINGS, HOLIDAYS)).toBe(0));
  test('a missed deadline gives negative float', () => {
    expect(FLOAT(withCell(3, 7, serial(2027, 3, 9)), 3, SETTINGS, HOLIDAYS)).toBe(-2);
  });
  test('hours of float are fractions of a day', () => {
    const tasks = [
      ['ID', 'Name', 'Duration', 'Predecessors'],
      ['A', 'Long', '2d', ''],
      ['B', 'Short', '12h', ''],
      ['C', 'End', 0, 'A, B'],
    ];
    expect(FLOAT(tasks, 'B', [[serial(2027, 3, 1)]])).toBe(0.5);
  });
  test('an ID not in the range: #N/A', () => {
    expectFailure(
      () => FLOAT(TASKS, 99, SETTINGS, HOLIDAYS),
      '#N/A',
      'There is no task with ID 99 in the tasks range.',
    );
  });
  test('no ID: #VALUE!', () => {
    expectFailure(
      () => FLOAT(TASKS, '', SETTINGS, HOLIDAYS),
      '#VALUE!',
      'The task ID is empty: give the ID of a task, as in the ID column of the tasks range.',
    );
  });
});
