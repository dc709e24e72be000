/** Every bad input gets a clear issue naming its cell; errors stop the calculation. */
import fc from 'fast-check';
import { calculate } from '../../../src/core/calculate';
import { gridSheet, RawCell, RawValue, RawWorkbook } from '../../../src/core/raw';
import { issueToJson } from '../../../src/core/report/json';
import { formatLocation } from '../../../src/core/location';
import { parseDateText } from '../../../src/core/time';

type Grid = RawValue[][];
const TODAY = { today: new Date(Date.UTC(2027, 2, 1)) };

function workbook(sheets: Record<string, Grid>): RawWorkbook {
  return {
    source: 'xlsx',
    sheets: Object.entries(sheets).map(([name, grid]) =>
      gridSheet(
        name,
        grid.map((row) => row.map((v): RawCell | undefined => (v === undefined ? undefined : { value: v }))),
      ),
    ),
  };
}

const SETTINGS: Grid = [
  ['Setting', 'Value'],
  ['Project Start', '2027-03-01'],
];
const HEADER = [
  'ID',
  'Name',
  'Duration',
  'Predecessors',
  'Constraint',
  'Constraint Date',
  'Actual Start',
  'Actual Finish',
  '% Complete',
  'Outline Level',
  'Priority',
  'Fixed Cost',
];

function tasks(...rows: RawValue[][]): Record<string, Grid> {
  return { Settings: SETTINGS, Tasks: [HEADER, ...rows] };
}

/** The issues in their text form (`where: 'Tasks!D7'`), as the CLI and the JSON report show them. */
function issuesOf(sheets: Record<string, Grid>) {
  const c = calculate(workbook(sheets), TODAY);
  const issues = c.issues.map(issueToJson);
  return { c, issues, errors: issues.filter((i) => i.severity === 'error') };
}

describe('bad input is reported at its cell', () => {
  test('a loop names every task in it, at the Predecessors cell that closes it', () => {
    const { c, errors } = issuesOf(
      tasks(['1', 'Build set', '2d', '3'], ['2', 'Dress set', '1d', '1'], ['3', 'Light set', '1d', '2']),
    );
    expect(c.schedule).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/loop.*1 'Build set' → 2 'Dress set' → 3 'Light set' → 1 'Build set'/);
    expect(errors[0].where).toMatch(/^Tasks!D[234]$/);
  });

  test('a loop through a summary task: the summary waits for a task that waits for one of its subtasks', () => {
    const { c, errors } = issuesOf(
      tasks(
        ['1', 'Shoot', '', '3', '', '', '', '', '', 1],
        ['2', 'Day 1', '1d', '', '', '', '', '', '', 2],
        ['3', 'Review dailies', '1d', '2', '', '', '', '', '', 1],
      ),
    );
    expect(c.schedule).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(
      /2 'Day 1' → 3 'Review dailies' → 1 'Shoot' → 2 'Day 1' \(through its summary task\)/,
    );
    expect(errors[0].where).toMatch(/^Tasks!D[234]$/);
  });

  test('an unknown predecessor ID', () => {
    const { errors } = issuesOf(tasks(['1', 'Scout', '2d'], ['12', 'Permits', '1d', '99']));
    expect(errors).toEqual([
      {
        severity: 'error',
        message: "Task 12 'Permits' depends on 99, which is not in the Tasks sheet.",
        where: 'Tasks!D3',
      },
    ]);
  });

  test('a duplicate ID names both cells', () => {
    const { errors } = issuesOf(tasks(['1', 'A', '1d'], ['1', 'B', '1d']));
    expect(errors).toEqual([
      expect.objectContaining({
        where: 'Tasks!A3',
        message: expect.stringMatching(/ID 1 is used twice \(also at Tasks!A2\)/),
      }),
    ]);
    // Both places are structured: the issue's own and the other one its message names.
    const { c } = issuesOf(tasks(['1', 'A', '1d'], ['1', 'B', '1d']));
    expect(c.issues[0].at).toEqual({ kind: 'cell', sheet: 'Tasks', row: 2, column: 0 });
    expect(c.issues[0].also).toEqual({ kind: 'cell', sheet: 'Tasks', row: 1, column: 0 });
  });

  test('a missing ID', () => {
    const { errors } = issuesOf(tasks(['', 'Orphan', '1d']));
    expect(errors).toEqual([
      expect.objectContaining({ where: 'Tasks!A2', message: expect.stringMatching(/"Orphan".*has no ID/) }),
    ]);
  });

  test.each([['five days'], ['-2d'], ['3x']])('a bad duration %j', (d) => {
    const { errors } = issuesOf(tasks(['1', 'A', d]));
    expect(errors).toEqual([
      expect.objectContaining({ where: 'Tasks!C2', message: expect.stringMatching(/^Task 1 'A' duration: /) }),
    ]);
  });

  test('a missing duration on a task that is not a summary', () => {
    const { errors } = issuesOf(tasks(['1', 'A', null]));
    expect(errors).toEqual([
      expect.objectContaining({ where: 'Tasks!C2', message: expect.stringMatching(/has no duration/) }),
    ]);
  });

  test('bad link text', () => {
    const { errors } = issuesOf(tasks(['1', 'A', '1d'], ['2', 'B', '1d', '1FS+soon']));
    expect(errors).toEqual([
      expect.objectContaining({
        where: 'Tasks!D3',
        message: expect.stringMatching(/Task 2 'B' predecessors: "1FS\+soon"/),
      }),
    ]);
  });

  test('a task that lists itself, and one linked to its own summary', () => {
    const { errors } = issuesOf(
      tasks(
        ['1', 'S', null, null, null, null, null, null, null, 1],
        ['2', 'A', '1d', '1', null, null, null, null, null, 2],
        ['3', 'B', '1d', '3', null, null, null, null, null, 1],
      ),
    );
    expect(errors.map((e) => e.where).sort()).toEqual(['Tasks!D3', 'Tasks!D4']);
    expect(errors.find((e) => e.where === 'Tasks!D3')!.message).toMatch(/cannot be linked to its own summary/);
    expect(errors.find((e) => e.where === 'Tasks!D4')!.message).toMatch(/lists itself/);
  });

  test('a summary with an FF predecessor', () => {
    const { errors } = issuesOf(
      tasks(
        ['1', 'P', '1d', null, null, null, null, null, null, 1],
        ['2', 'S', null, '1FF', null, null, null, null, null, 1],
        ['3', 'A', '1d', null, null, null, null, null, null, 2],
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        where: 'Tasks!D3',
        message: expect.stringMatching(/summary task and cannot have a FF predecessor/),
      }),
    ]);
  });

  test('dates that are not dates', () => {
    const { errors } = issuesOf(
      tasks(['1', 'A', '1d', null, 'SNET', 'next week'], ['2', 'B', '1d', null, null, null, '3/4/2027']),
    );
    expect(errors.map((e) => e.where)).toEqual(['Tasks!F2', 'Tasks!G3']);
    expect(errors[0].message).toMatch(/Constraint Date: "next week" is not a date/);
    expect(errors[1].message).toMatch(
      /could be 4 Mar 2027 \(month first\) or 3 Apr 2027 \(day first\): add a Date Order setting/,
    );
  });

  test('a dated constraint without its date', () => {
    const { errors } = issuesOf(tasks(['1', 'A', '1d', null, 'MSO']));
    expect(errors).toEqual([
      expect.objectContaining({ where: 'Tasks!F2', message: expect.stringMatching(/MSO but no Constraint Date/) }),
    ]);
  });

  test('an unknown constraint type', () => {
    const { errors } = issuesOf(tasks(['1', 'A', '1d', null, 'Soonish']));
    expect(errors).toEqual([expect.objectContaining({ where: 'Tasks!E2' })]);
  });

  test('Actual Finish before Actual Start', () => {
    const { errors } = issuesOf(tasks(['1', 'A', '1d', null, null, null, '2027-03-05', '2027-03-02']));
    expect(errors).toEqual([
      expect.objectContaining({
        where: 'Tasks!H2',
        message: expect.stringMatching(/Actual Finish before its Actual Start/),
      }),
    ]);
  });

  test('text in numeric columns', () => {
    const { errors } = issuesOf(tasks(['1', 'A', '1d', null, null, null, null, null, 'most', 'top', 'high', 'lots']));
    expect(new Set(errors.map((e) => e.where))).toEqual(new Set(['Tasks!I2', 'Tasks!J2', 'Tasks!K2', 'Tasks!L2']));
  });

  test('a missing Project Start', () => {
    const { errors } = issuesOf({
      Settings: [
        ['Setting', 'Value'],
        ['Currency', 'EUR'],
      ],
      Tasks: [HEADER, ['1', 'A', '1d']],
    });
    expect(errors).toEqual([
      expect.objectContaining({ where: 'Settings', message: expect.stringMatching(/Project Start is missing/) }),
    ]);
  });

  test('a Project Start that is not a date', () => {
    const { errors } = issuesOf({
      Settings: [
        ['Setting', 'Value'],
        ['Project Start', 'spring'],
      ],
      Tasks: [HEADER, ['1', 'A', '1d']],
    });
    expect(errors).toEqual([expect.objectContaining({ where: 'Settings!B2' })]);
  });

  test('dates past the year 5999, the last the scheduler places tasks in: refused where they would place a task, accepted as bounds', () => {
    const late = issuesOf({
      Settings: [
        ['Setting', 'Value'],
        ['Project Start', '6500-01-01'],
      ],
      Tasks: [HEADER, ['1', 'A', '1d']],
    });
    expect(late.errors).toEqual([
      expect.objectContaining({
        where: 'Settings!B2',
        message: 'Project Start 6500-01-01 is after the year 5999, the last year the scheduler places tasks in.',
      }),
    ]);
    const placed = issuesOf(
      tasks(['1', 'Build', '1d', '', 'SNET', '9999-12-31'], ['2', 'Ship', '1d', '', '', '', '7000-01-05']),
    );
    expect(placed.errors).toEqual([
      expect.objectContaining({
        where: 'Tasks!F2',
        message:
          "Task 1 'Build' Constraint Date: 9999-12-31 is after the year 5999, the last year the scheduler places tasks in.",
      }),
      expect.objectContaining({
        where: 'Tasks!G3',
        message: expect.stringMatching(/^Task 2 'Ship' Actual Start: 7000-01-05 is after the year 5999/),
      }),
    ]);
    // A no-later-than date far away only bounds the task: 9999-12-31 as "no limit" is fine.
    const bound = issuesOf(tasks(['1', 'Build', '1d', '', 'FNLT', '9999-12-31']));
    expect(bound.errors).toEqual([]);
    expect(bound.c.schedule).not.toBeNull();
  });

  test('a schedule that would run past the year 5999 stops with an issue at the task that gets there, not with wrapped dates', () => {
    const { c, errors } = issuesOf({
      Settings: [
        ['Setting', 'Value'],
        ['Project Start', '5900-01-04'],
      ],
      Tasks: [HEADER, ['1', 'Age', '20000ed'], ['2', 'Age more', '20000ed', '1']],
    });
    expect(c.schedule).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        where: 'Tasks!C3',
        message:
          "Task 2 'Age more' would finish after 5999-12-31, the last day the scheduler places tasks on: check the dates and durations that lead to it.",
      }),
    ]);
  });

  test('a deadline that would need a task to start before the year 1000 stops with an issue at that task, not with wrapped dates', () => {
    const { c, errors } = issuesOf({
      Settings: [
        ['Setting', 'Value'],
        ['Project Start', '2027-03-01'],
        ['Working Days', 'Mon'],
      ],
      Tasks: [
        [...HEADER, 'Deadline'],
        ['1', 'Long', '60000d', '', '', '', '', '', '', '', '', '', '2027-03-02'],
      ],
    });
    expect(c.schedule).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        where: 'Tasks!C2',
        message:
          "Task 1 'Long' would have to start before 1000-01-01, the first day the scheduler places tasks on, to meet the deadlines and constraints after it: check them.",
      }),
    ]);
  });

  test('a setting that names a generated sheet as an input says so at the setting, and nothing else', () => {
    const { errors, issues } = issuesOf({
      Settings: [...SETTINGS, ['Tasks Sheet', 'Plan Issues'], ['Budget Sheet', 'cost report']],
      'Plan Issues': [
        ['Severity', 'Where', 'Issue'],
        ['error', 'Tasks!A1', 'old'],
      ],
      'Cost Report': [
        ['Account', 'Budget'],
        ['Total', 100],
      ],
    });
    expect(issues).toEqual([
      {
        severity: 'error',
        message: expect.stringMatching(
          /^Tasks Sheet names "Plan Issues", a sheet Production Planner writes .*cannot be an input/,
        ),
        where: 'Settings!B3',
      },
      {
        severity: 'error',
        message: expect.stringMatching(/^Budget Sheet names "cost report", a sheet Production Planner writes/),
        where: 'Settings!B4',
      },
    ]);
    expect(errors).toHaveLength(2);
  });

  test('no Settings sheet', () => {
    const { errors } = issuesOf({ Tasks: [HEADER, ['1', 'A', '1d']] });
    expect(errors).toEqual([
      expect.objectContaining({ where: 'Settings', message: expect.stringMatching(/no Settings sheet/) }),
    ]);
  });

  test('bad Working Days and Working Hours', () => {
    const { errors } = issuesOf({
      Settings: [...SETTINGS, ['Working Days', 'weekdays'], ['Working Hours', '9 till 5']],
      Tasks: [HEADER, ['1', 'A', '1d']],
    });
    expect(errors.map((e) => e.where)).toEqual(['Settings!B3', 'Settings!B4']);
  });

  test('a missing required column names the header row', () => {
    const { errors } = issuesOf({
      Settings: SETTINGS,
      Tasks: [
        ['ID', 'Name', 'Predecessors'],
        ['1', 'A', null],
      ],
    });
    expect(errors).toEqual([
      expect.objectContaining({
        where: 'Tasks!1:1',
        message: 'The Tasks sheet has no "Duration" column; add it to the header row.',
      }),
    ]);
  });

  test('an empty Tasks sheet, and no Tasks sheet at all', () => {
    expect(issuesOf({ Settings: SETTINGS, Tasks: [] }).errors).toEqual([
      expect.objectContaining({ where: 'Tasks', message: expect.stringMatching(/has no tasks/) }),
    ]);
    expect(issuesOf({ Settings: SETTINGS, Tasks: [HEADER] }).errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/has no tasks/) }),
    ]);
    expect(issuesOf({ Settings: SETTINGS }).errors).toEqual([
      expect.objectContaining({ where: 'Tasks', message: expect.stringMatching(/no "Tasks" sheet/) }),
    ]);
  });

  test('bad holiday dates, resources and budget lines', () => {
    const { errors } = issuesOf({
      ...tasks(['1', 'A', '1d']),
      Holidays: [
        ['Date', 'Name'],
        ['someday', 'Party'],
      ],
      Resources: [
        ['Name', 'Type', 'Max Units', 'Rate'],
        ['Editor', 'Person', 'two', '-5'],
      ],
      Budget: [
        ['Account', 'Description', 'Budget', 'Actual'],
        ['1100', 'Cast', 'a lot', 10],
        ['1100', 'Crew', 5, 1],
      ],
    });
    expect(new Set(errors.map((e) => e.where))).toEqual(
      new Set(['Holidays!A2', 'Resources!B2', 'Resources!C2', 'Resources!D2', 'Budget!C2', 'Budget!A3']),
    );
  });
});

describe('budget, resources and cost accounts', () => {
  const BUDGET_HEADER = ['Account', 'Description', 'Category', 'Budget', 'Committed', 'Actual', 'ETC'];

  test('text in a money column is an error on its cell, naming the line', () => {
    const { errors } = issuesOf({
      ...tasks(['1', 'A', '1d']),
      Budget: [BUDGET_HEADER, ['2100', 'Crew', 'Production', 5000, 'TBC', 10, null]],
    });
    expect(errors).toEqual([
      expect.objectContaining({ where: 'Budget!E2', message: expect.stringMatching(/Budget line 2100 Committed/) }),
    ]);
  });

  test('money typed as text with a currency sign and thousands separators is read', () => {
    const { issues, c } = issuesOf({
      ...tasks(['1', 'A', '1d']),
      Budget: [BUDGET_HEADER, ['2100', 'Crew', 'Production', '$12,500.50', null, null, null]],
    });
    expect(issues.filter((i) => i.where.startsWith('Budget'))).toEqual([]);
    expect(c.plan!.budget[0].budget).toBe(12500.5);
  });

  test('a duplicate account is an error on the second one, pointing at the first', () => {
    const { errors } = issuesOf({
      ...tasks(['1', 'A', '1d']),
      Budget: [BUDGET_HEADER, ['2100', 'Crew', 'P', 1], ['2100', 'Camera', 'P', 2]],
    });
    expect(errors).toEqual([
      expect.objectContaining({ where: 'Budget!A3', message: expect.stringMatching(/also at Budget!A2/) }),
    ]);
  });

  test('a task or resource booking to an account not on the Budget is a warning on its Cost Account cell', () => {
    const { issues, c } = issuesOf({
      Settings: SETTINGS,
      Tasks: [
        ['ID', 'Name', 'Duration', 'Resources', 'Cost Account'],
        ['1', 'A', '1d', 'Crew', '9999'],
      ],
      Resources: [
        ['Name', 'Type', 'Rate', 'Cost Account'],
        ['Crew', 'Work', 10, '8888'],
      ],
      Budget: [BUDGET_HEADER, ['2100', 'Crew', 'P', 1000]],
    });
    expect(c.costs).not.toBeNull();
    expect(issues.filter((i) => /not on the Budget sheet/.test(i.message)).map((i) => i.where)).toEqual([
      'Resources!D2',
      'Tasks!E2',
    ]);
  });

  test('negative budgets, commitments, ETCs, rates and fixed costs are questioned', () => {
    const { issues } = issuesOf({
      Settings: SETTINGS,
      Tasks: [
        ['ID', 'Name', 'Duration', 'Fixed Cost', 'Resources'],
        ['1', 'A', '1d', -5, 'Crew'],
      ],
      Resources: [
        ['Name', 'Rate'],
        ['Crew', -10],
      ],
      Budget: [BUDGET_HEADER, ['2100', 'Crew', 'P', -1000, -5, 0, -1]],
    });
    expect(issues.map((i) => [i.severity, i.where])).toEqual(
      expect.arrayContaining([
        ['error', 'Resources!B2'],
        ['warning', 'Budget!D2'],
        ['warning', 'Budget!E2'],
        ['warning', 'Budget!G2'],
        ['warning', 'Tasks!D2'],
      ]),
    );
  });

  test('amounts beyond what money can be are errors at their cells, so that no total is infinite', () => {
    const { errors, c } = issuesOf({
      Settings: SETTINGS,
      Tasks: [
        ['ID', 'Name', 'Duration', 'Fixed Cost', 'Resources'],
        ['1', 'A', '1d', 1e308, 'Crew'],
      ],
      Resources: [
        ['Name', 'Rate'],
        ['Crew', 1e308],
      ],
      Budget: [
        ['Account', 'Budget', 'Actual', 'Units', 'Qty', 'Rate'],
        ['2100', 5e-324, null],
        ['2200', 1000, 1e308],
        ['2300', null, null, 1e7, 1e7, 1e7],
        ['2400', 9_999_999_999_999, 0.01],
      ],
    });
    expect(c.costs).toBeNull();
    expect(errors.map((e) => [e.where, e.message])).toEqual([
      ['Resources!B2', expect.stringMatching(/Crew" rate: 1e\+308 is more than any amount of money/)],
      ['Budget!B2', expect.stringMatching(/5e-324 is less than any amount of money/)],
      ['Budget!C3', expect.stringMatching(/Actual: 1e\+308 is more than any amount of money/)],
      ['Budget!F4', expect.stringMatching(/Units x Qty x Rate is 1\.00e\+21, more than any amount of money/)],
      ['Tasks!D2', expect.stringMatching(/Fixed Cost: 1e\+308 is more than any amount of money/)],
    ]);
  });

  test('a line with neither Budget nor all of Units, Qty and Rate is an error', () => {
    const { errors } = issuesOf({
      ...tasks(['1', 'A', '1d']),
      Budget: [
        ['Account', 'Units', 'Qty', 'Rate', 'Budget'],
        ['2100', 2, null, 100, null],
      ],
    });
    expect(errors).toEqual([
      expect.objectContaining({ where: 'Budget!E2', message: expect.stringMatching(/not all of Units, Qty and Rate/) }),
    ]);
  });
});

describe('what is read leniently, with a warning', () => {
  test('headers match ignoring case, spaces, dots and %; a title row above and a table starting at column B are fine', () => {
    const c = calculate(
      {
        source: 'xlsx',
        sheets: [
          gridSheet('Settings', [[{ value: 'project start' }, { value: '2027-03-01' }]]),
          gridSheet('Tasks', [
            [undefined, { value: 'Production schedule' }],
            [],
            [undefined, { value: 'id' }, { value: 'TASK NAME' }, { value: 'dur.' }, { value: 'pct complete' }],
            [undefined, { value: 'A1' }, { value: 'Prep' }, { value: '2d' }, { value: '50%' }],
          ]),
        ],
      },
      TODAY,
    );
    expect(c.issues).toEqual([]);
    expect(c.plan!.tasks[0]).toEqual(expect.objectContaining({ id: 'A1', name: 'Prep', percentComplete: 50 }));
    expect(formatLocation(c.plan!.tasks[0].refs.duration)).toBe('Tasks!D4');
  });

  test('an Outline Level that jumps is read one level down, with a warning', () => {
    const { issues, c } = issuesOf(
      tasks(
        ['1', 'S', null, null, null, null, null, null, null, 1],
        ['2', 'A', '1d', null, null, null, null, null, null, 3],
      ),
    );
    expect(c.schedule).not.toBeNull();
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', where: 'Tasks!J3' })]);
  });

  test('an unknown setting and an unknown resource are warnings', () => {
    const { issues, c } = issuesOf({
      Settings: [...SETTINGS, ['Colour', 'blue']],
      Tasks: [
        [...HEADER, 'Resources'],
        ['1', 'A', '1d', ...new Array(9).fill(null), 'Gaffer'],
      ],
    });
    expect(c.schedule).not.toBeNull();
    expect(issues.map((i) => [i.severity, i.where])).toEqual([
      ['warning', 'Settings!B3'],
      ['warning', 'Tasks!M2'],
    ]);
  });
});

describe('the whole reader never throws', () => {
  test('arbitrary values in every column give issues, never exceptions, and every issue names a place', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('1', '2', '1FS+2d', '2SS', '0', '5d', '2027-03-01', 'MSO'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: HEADER.length, maxLength: HEADER.length }), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const c = calculate(workbook(tasks(...rows)), TODAY);
          for (const i of c.issues) {
            expect(formatLocation(i.at)).toMatch(/^(Tasks|Settings)/);
            expect(i.message.length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the Date Order setting', () => {
  test('reads dates typed with numbers only in its order, on every sheet', () => {
    const { c, errors } = issuesOf({
      Settings: [
        ['Setting', 'Value'],
        ['Project Start', '01/03/2027'],
        ['Date Order', 'd/m/y'],
      ],
      Tasks: [HEADER, ['1', 'A', '1d', '', 'Start No Earlier Than', '05/03/2027']],
      Holidays: [
        ['Date', 'Name'],
        ['08/03/2027', 'Day off'],
      ],
    });
    expect(errors).toEqual([]);
    expect(c.plan!.settings.dateOrder).toBe('DMY');
    const day = (iso: string) => parseDateText(iso)!.wall;
    expect(c.plan!.settings.projectStart).toBe(day('2027-03-01 08:00'));
    expect(c.plan!.tasks[0].constraintDate).toBe(day('2027-03-05 08:00'));
    expect(c.plan!.holidays.map((h) => h.day)).toEqual([day('2027-03-08') / 1440]);
    expect(c.schedule!.start[0]).toBe(day('2027-03-05 08:00'));
  });

  test('an order that is none is an error at its cell', () => {
    const { errors } = issuesOf({
      Settings: [...SETTINGS, ['Date Order', 'month first']],
      Tasks: [HEADER, ['1', 'A', '1d']],
    });
    expect(errors).toEqual([
      {
        severity: 'error',
        message: expect.stringMatching(/^Date Order: "month first" must be MDY/),
        where: 'Settings!B3',
      },
    ]);
  });
});
