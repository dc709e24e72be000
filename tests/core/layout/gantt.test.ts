/** Geometry of the Gantt sheet plan: which timeline columns each bar covers, at each scale. */
import {
  COLUMN_WIDTH,
  GANTT_COLORS,
  TIMELINE_BUDGET,
  TimeScale,
  barColumns,
  buildTimeline,
  chooseScale,
  planGanttSheet,
} from '../../../src/core/layout/gantt';
import type { CellStyle, SheetPlan } from '../../../src/core/layout/sheet-plan';
import { formatDay } from '../../../src/core/time';
import { calc, plan, Row } from '../../helpers';

const T = 7; // left table columns
const FIRST_TASK_ROW = 3;

/** The Gantt of a plan, at day scale unless the settings ask for another (`Gantt Scale`). */
function gantt(rows: Row[], settings: Record<string, string | number> = {}, extra: Record<string, unknown> = {}) {
  const c = calc(plan(rows, { 'Gantt Scale': 'day', ...settings }, extra));
  if (!c.schedule) throw new Error(JSON.stringify(c.issues));
  return planGanttSheet(c.plan!, c.schedule);
}

/** The style a cell ends up with: the styled ranges over it applied in order, over its column's style. */
function styleAt(sheet: SheetPlan, row: number, col: number): CellStyle {
  let style: CellStyle = { ...(sheet.columns[col]?.style ?? {}) };
  for (const s of sheet.styles) {
    if (row >= s.row && row < s.row + (s.rows ?? 1) && col >= s.col && col < s.col + (s.cols ?? 1)) {
      style = { ...style, ...s.style, border: { ...style.border, ...s.style.border } };
    }
  }
  return style;
}

/** Timeline columns of a task row with a fill of the given colour, as day labels (the column's first day). */
function filled(sheet: SheetPlan, task: number, color: string): string[] {
  const out: string[] = [];
  for (let c = T; c < sheet.columns.length; c++)
    if (styleAt(sheet, FIRST_TASK_ROW + task, c).fill === color) out.push(sheet.columns[c].header);
  return out;
}

function columnOf(sheet: SheetPlan, day: string): number {
  return sheet.columns.findIndex((c, k) => k >= T && c.header === day);
}

describe('scale', () => {
  test('auto: the finest scale whose columns fit a printed page; hours and shifts only for fine plans', () => {
    // columnsAt(scale, max) as ganttTimeline gives it: a span of `days` calendar days, five in seven worked, 9 hours a day.
    const span = (days: number) => (scale: TimeScale, max: number) => {
      const n = { hour: days * 9, shift: days * 2, day: days, week: days / 7, month: days / 30 }[scale];
      return n <= max ? n : null;
    };
    const fits = (scale: TimeScale) => Math.floor(TIMELINE_BUDGET / COLUMN_WIDTH[scale]);
    expect(chooseScale('auto', span(3), true)).toBe('hour');
    expect(chooseScale('auto', span(fits('hour') / 9 + 1), true)).toBe('shift');
    expect(chooseScale('auto', span(fits('shift') / 2 + 1), true)).toBe('day');
    expect(chooseScale('auto', span(3), false)).toBe('day'); // a plan of whole days shows days
    expect(chooseScale('auto', span(fits('day')), false)).toBe('day');
    expect(chooseScale('auto', span(fits('day') + 1), false)).toBe('week');
    expect(chooseScale('auto', span(7 * fits('week') + 7), false)).toBe('month');
    expect(chooseScale('month', span(3), true)).toBe('month');
    expect(chooseScale('hour', span(400), false)).toBe('hour');
  });

  test('week columns start on Mondays, month columns on the 1st', () => {
    const cal = calc(plan([{ ID: '1', Name: 'A', Duration: '1d' }])).schedule!.calendar;
    const wk = buildTimeline(20878 * 1440 + 3 * 1440, 20878 * 1440 + 20 * 1440, 'week', cal)!; // Thu 2027-03-04 ..
    expect(wk.map((c) => formatDay(c.start))).toEqual(['2027-03-01', '2027-03-08', '2027-03-15']);
    const mo = buildTimeline(20878 * 1440 + 20 * 1440, 20878 * 1440 + 40 * 1440, 'month', cal)!;
    expect(mo.map((c) => formatDay(c.start))).toEqual(['2027-03-01', '2027-04-01']);
  });
});

describe('hour and shift scales, for plans of a few days or of tasks shorter than a day', () => {
  const WEEK: Row[] = [
    { ID: '1', Name: 'Set up line', Duration: '45m' },
    { ID: '2', Name: 'Run batch', Duration: '2d', Predecessors: '1' },
  ];
  test('auto picks hours for a 45-minute setup: it fills one hour, not a whole day', () => {
    const sheet = gantt(WEEK, { 'Gantt Scale': 'auto' });
    expect(sheet.rows[1][0]).toMatch(/hour scale$/);
    expect(filled(sheet, 0, GANTT_COLORS.critical)).toEqual(['2027-03-01T08:00']);
    // Hours of the working window only (08 to 17), working days only; the lunch hour shaded.
    const hours = sheet.rows[2].slice(T, T + 9);
    expect(hours).toEqual(['08', '09', '10', '11', '12', '13', '14', '15', '16']);
    expect(sheet.rows[1][T]).toBe('Mon 1');
    expect(sheet.columns[T + 4].style?.fill).toBe(GANTT_COLORS.nonWorking);
    expect(sheet.columns[T + 3].style).toBeUndefined();
  });
  test('a shift scale has one column per working interval', () => {
    const sheet = gantt(WEEK, { 'Gantt Scale': 'shift' });
    expect(sheet.rows[2].slice(T, T + 4)).toEqual(['08-12', '13-17', '08-12', '13-17']);
    expect(filled(sheet, 1, GANTT_COLORS.critical)).toEqual([
      '2027-03-01T08:00',
      '2027-03-01T13:00',
      '2027-03-02T08:00',
      '2027-03-02T13:00',
      '2027-03-03T08:00',
    ]);
  });
  test('a plan of whole days over months prints in weeks, within a page', () => {
    const sheet = gantt([{ ID: '1', Name: 'Shoot', Duration: '100d' }], { 'Gantt Scale': 'auto' });
    expect(sheet.rows[1][0]).toMatch(/week scale$/);
    const timeline = sheet.columns.slice(T).reduce((w, c) => w + c.width, 0);
    expect(timeline).toBeLessThanOrEqual(TIMELINE_BUDGET);
  });
});

describe('bar geometry at day scale', () => {
  test('a task covers exactly the days it overlaps: Mon 13:00 to Wed 12:00 is Mon, Tue, Wed', () => {
    const sheet = gantt([
      { ID: 'A', Name: 'A', Duration: '2d', Constraint: 'SNET', 'Constraint Date': '2027-03-01T13:00' },
      { ID: 'L', Name: 'Long', Duration: '10d' },
    ]);
    expect(filled(sheet, 0, GANTT_COLORS.task)).toEqual(['2027-03-01', '2027-03-02', '2027-03-03']);
  });

  test('a task ending Friday 17:00 does not reach Saturday; one crossing a weekend spans it', () => {
    const sheet = gantt([
      { ID: 'A', Name: 'A', Duration: '5d' },
      { ID: 'B', Name: 'B', Duration: '2d', Predecessors: 'ASS+4d' },
    ]);
    expect(filled(sheet, 0, GANTT_COLORS.critical)).toEqual([
      '2027-03-01',
      '2027-03-02',
      '2027-03-03',
      '2027-03-04',
      '2027-03-05',
    ]);
    // B: Fri 5 to Mon 8 March, over the weekend.
    expect(filled(sheet, 1, GANTT_COLORS.critical)).toEqual(['2027-03-05', '2027-03-06', '2027-03-07', '2027-03-08']);
  });

  test('weekends and holidays are shaded as non-working columns, working days are not', () => {
    const sheet = gantt(
      [{ ID: 'A', Name: 'A', Duration: '8d' }],
      {},
      { holidays: [{ Date: '2027-03-03', Name: 'H' }] },
    );
    const shaded = sheet.columns
      .filter((c, k) => k >= T && c.style?.fill === GANTT_COLORS.nonWorking)
      .map((c) => c.header);
    expect(shaded).toEqual(['2027-02-28', '2027-03-03', '2027-03-06', '2027-03-07']);
    // The bar still covers the holiday it runs over (the task is stopped, not split).
    expect(filled(sheet, 0, GANTT_COLORS.critical)).toContain('2027-03-04');
  });

  test('a milestone is a ◆ in the column of its instant, with no bar', () => {
    const sheet = gantt([
      { ID: 'A', Name: 'A', Duration: '5d' },
      { ID: 'M', Name: 'M', Duration: 0, Predecessors: 'A' },
    ]);
    const row = sheet.rows[FIRST_TASK_ROW + 1];
    const marks = row.map((v, k) => (v === '◆' ? sheet.columns[k].header : null)).filter(Boolean);
    expect(marks).toEqual(['2027-03-05']);
    expect(filled(sheet, 1, GANTT_COLORS.critical)).toEqual([]);
  });

  test('a summary bar spans its subtasks in the summary colour', () => {
    const sheet = gantt([
      { ID: 'S', Name: 'S', Duration: '', 'Outline Level': 1 },
      { ID: 'A', Name: 'A', Duration: '2d', 'Outline Level': 2 },
      { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'A', 'Outline Level': 2 },
    ]);
    expect(filled(sheet, 0, GANTT_COLORS.summary)).toEqual(['2027-03-01', '2027-03-02', '2027-03-03']);
    expect(sheet.rowLevels!.slice(FIRST_TASK_ROW)).toEqual([0, 1, 1]);
  });

  test('the done part is darker up to the completed working time (40% of 5 days = 2 days)', () => {
    const sheet = gantt([
      { ID: 'A', Name: 'A', Duration: '5d', '% Complete': '40%', 'Actual Start': '2027-03-01' },
      { ID: 'L', Name: 'L', Duration: '9d' },
    ]);
    expect(filled(sheet, 0, GANTT_COLORS.taskDone)).toEqual(['2027-03-01', '2027-03-02']);
    expect(filled(sheet, 0, GANTT_COLORS.task)).toEqual(['2027-03-03', '2027-03-04', '2027-03-05']);
  });

  test('the status date is a red line on the right edge of its day, down every task row', () => {
    const sheet = gantt(
      [
        { ID: 'A', Name: 'A', Duration: '5d' },
        { ID: 'B', Name: 'B', Duration: '5d' },
      ],
      { 'Status Date': '2027-03-03' },
    );
    const col = columnOf(sheet, '2027-03-03');
    for (const task of [0, 1])
      expect(styleAt(sheet, FIRST_TASK_ROW + task, col).border?.right?.color).toBe(GANTT_COLORS.statusLine);
    expect(styleAt(sheet, FIRST_TASK_ROW, col + 1).border?.right).toBeUndefined();
  });

  test('a baseline is a grey line under the days it covered; a deadline a ▼ on its day', () => {
    const sheet = gantt([
      {
        ID: 'A',
        Name: 'A',
        Duration: '3d',
        'Baseline Start': '2027-03-02',
        'Baseline Finish': '2027-03-03',
        Deadline: '2027-03-10',
      },
    ]);
    const lined = sheet.columns
      .map((c, k) =>
        k >= T && styleAt(sheet, FIRST_TASK_ROW, k).border?.bottom?.color === GANTT_COLORS.baseline ? c.header : null,
      )
      .filter(Boolean);
    expect(lined).toEqual(['2027-03-02', '2027-03-03']);
    expect(sheet.rows[FIRST_TASK_ROW][columnOf(sheet, '2027-03-10')]).toBe('▼');
  });
});

describe('a leveled plan', () => {
  const CAMERA = { resources: [{ Name: 'Camera Package', Type: 'Equipment', 'Max Units': 1, Rate: 0 }] };
  const rows: Row[] = [
    { ID: 'A', Name: 'Main unit', Duration: '2d', Resources: 'Camera Package' },
    { ID: 'B', Name: 'Second unit', Duration: '2d', Resources: 'Camera Package' },
  ];

  test('a delayed task has a dashed line from where it would start up to its bar, and the legend says so', () => {
    const sheet = gantt(rows, { Leveling: 'On' }, CAMERA);
    const lined = (task: number) =>
      sheet.columns
        .map((c, k) =>
          k >= T && styleAt(sheet, FIRST_TASK_ROW + task, k).border?.bottom?.color === GANTT_COLORS.levelingDelay
            ? c.header
            : null,
        )
        .filter(Boolean);
    expect(lined(0)).toEqual([]);
    // B waits Monday and Tuesday for the camera, and runs Wednesday and Thursday.
    expect(lined(1)).toEqual(['2027-03-01', '2027-03-02']);
    expect(filled(sheet, 1, GANTT_COLORS.critical)).toEqual(['2027-03-03', '2027-03-04']);
    expect(sheet.rows[1][6]).toBe('Leveled');
  });

  test('without leveling: no line, no legend entry', () => {
    const sheet = gantt(rows, {}, CAMERA);
    expect(sheet.rows[1][6]).toBeNull();
    expect(sheet.styles.some((s) => s.style.border?.bottom?.color === GANTT_COLORS.levelingDelay)).toBe(false);
  });
});

describe('bar geometry at week and month scale', () => {
  test('weeks: a task from Wed 3 to Tue 9 March covers two week columns', () => {
    const c = calc(plan([{ ID: 'A', Name: 'A', Duration: '5d', Constraint: 'SNET', 'Constraint Date': '2027-03-03' }]));
    const sheet = planGanttSheet(c.plan!, c.schedule!, { scale: 'week' });
    expect(filled(sheet, 0, GANTT_COLORS.critical)).toEqual(['2027-03-01', '2027-03-08']);
  });

  test('months: a task from 25 March to 7 April covers March and April', () => {
    const c = calc(
      plan([{ ID: 'A', Name: 'A', Duration: '10d', Constraint: 'SNET', 'Constraint Date': '2027-03-25' }]),
    );
    const sheet = planGanttSheet(c.plan!, c.schedule!, { scale: 'month' });
    expect(filled(sheet, 0, GANTT_COLORS.critical)).toEqual(['2027-03-01', '2027-04-01']);
  });

  test('barColumns: before the timeline gives null; a zero-length bar takes the column of its instant', () => {
    const cal = calc(plan([{ ID: '1', Name: 'A', Duration: '1d' }])).schedule!.calendar;
    const cols = buildTimeline(20878 * 1440, 20885 * 1440, 'day', cal)!;
    expect(barColumns(cols, 20870 * 1440, 20871 * 1440)).toBeNull();
    expect(barColumns(cols, 20879 * 1440 + 600, 20879 * 1440 + 600)).toEqual([1, 1]);
    expect(barColumns(cols, 20878 * 1440 + 1020, 20879 * 1440 + 1020)).toEqual([0, 1]);
  });
});

describe('baseline variance', () => {
  test('Schedule shows start and finish variance in working days and marks a slipped finish', () => {
    const { planScheduleSheet, SLIPPED_FILL } = require('../../../src/core/layout/schedule-sheet');
    const c = calc(
      plan([
        { ID: 'A', Name: 'A', Duration: '3d', 'Baseline Start': '2027-03-01', 'Baseline Finish': '2027-03-03' },
        {
          ID: 'B',
          Name: 'B',
          Duration: '2d',
          Predecessors: 'A',
          'Baseline Start': '2027-03-01',
          'Baseline Finish': '2027-03-05',
        },
      ]),
    );
    const sheet: SheetPlan = planScheduleSheet(c.plan!, c.schedule!);
    expect(sheet.rows[0].slice(10)).toEqual(['Start Variance (days)', 'Finish Variance (days)']);
    // A as baselined; B starts 3 days late and finishes 0 days late (Thu 4 to Fri 5).
    expect(sheet.rows[1].slice(10)).toEqual([0, 0]);
    expect(sheet.rows[2].slice(10)).toEqual([3, 0]);
    const late = calc(
      plan([{ ID: 'A', Name: 'A', Duration: '4d', 'Baseline Start': '2027-03-01', 'Baseline Finish': '2027-03-02' }]),
    );
    const lateSheet: SheetPlan = planScheduleSheet(late.plan!, late.schedule!);
    expect(lateSheet.rows[1][11]).toBe(2);
    expect(styleAt(lateSheet, 1, 11).fill).toBe(SLIPPED_FILL);
    expect(styleAt(sheet, 2, 11).fill).toBeUndefined();
  });
});

describe('the span of the timeline', () => {
  test('a status date before the project start widens the timeline to it, and the line stands on its day', () => {
    const sheet = gantt([{ ID: 'A', Name: 'A', Duration: '5d' }], { 'Status Date': '2027-01-15' });
    const col = columnOf(sheet, '2027-01-15');
    expect(col).toBeGreaterThan(0);
    expect(styleAt(sheet, FIRST_TASK_ROW, col).border?.right?.color).toBe(GANTT_COLORS.statusLine);
  });

  test('a deadline typed in the wrong century gives a coarser scale, not a sheet wider than Excel allows', () => {
    const sheet = gantt([{ ID: 'A', Name: 'A', Duration: '5d', Deadline: '2972-03-01' }], { 'Gantt Scale': 'day' });
    expect(sheet.columns.length).toBeLessThanOrEqual(16384);
  });
});
