/**
 * Leveling a workbook's plan, hand-checked against Microsoft Project's documented behaviour.
 * Calendar: Mon-Fri, 08:00-12:00 and 13:00-17:00; project start Monday 2027-03-01.
 */
import { planScheduleSheet } from '../../../src/core/layout/schedule-sheet';
import { formatLocation } from '../../../src/core/location';
import { explainTask } from '../../../src/core/schedule/explain';
import { findOverallocations } from '../../../src/core/resources/overallocation';
import { calc, plan, Row, run } from '../../helpers';

const RESOURCES = {
  resources: [
    { Name: 'Camera Package', Type: 'Equipment', 'Max Units': 1, Rate: 100 },
    { Name: 'Director', Type: 'Work', 'Max Units': 1, Rate: 200 },
    { Name: 'Crew', Type: 'Work', 'Max Units': 3, Rate: 50 },
    { Name: 'Stage 2', Type: 'Equipment', 'Max Units': 1, Rate: 0, 'Available From': '2027-03-08' },
  ],
};

function leveled(tasks: Row[], settings: Record<string, string> = {}) {
  return run(plan(tasks, { Leveling: 'On', ...settings }, RESOURCES));
}

function dates(tasks: Row[], settings: Record<string, string> = {}) {
  const byId = leveled(tasks, settings);
  return Object.fromEntries(Object.values(byId).map((t) => [t.id, `${t.start} - ${t.finish}`]));
}

describe('leveling a plan (Settings Leveling On)', () => {
  test('off by default: an over-allocation is only reported', () => {
    const c = calc(
      plan(
        [
          { ID: 'A', Name: 'Main unit', Duration: '2d', Resources: 'Camera Package' },
          { ID: 'B', Name: 'Second unit', Duration: '2d', Resources: 'Camera Package' },
        ],
        {},
        RESOURCES,
      ),
    );
    expect(c.schedule!.leveling).toBeUndefined();
    expect(findOverallocations(c.plan!, c.schedule!)).toHaveLength(1);
  });

  test('standard order: the later row of two equal tasks yields, and shows its delay and why', () => {
    const byId = leveled([
      { ID: 'A', Name: 'Main unit', Duration: '2d', Resources: 'Camera Package' },
      { ID: 'B', Name: 'Second unit', Duration: '2d', Resources: 'Camera Package' },
    ]);
    expect([byId.A.start, byId.A.finish]).toEqual(['2027-03-01T08:00', '2027-03-02T17:00']);
    expect([byId.B.start, byId.B.finish]).toEqual(['2027-03-03T08:00', '2027-03-04T17:00']);
    expect(byId.A.levelingDelay).toBe(0);
    expect(byId.B.levelingDelay).toBe(2);
    expect(byId.B.levelingReason).toBe(
      'delayed by leveling: waiting for Camera Package, busy on A until Tue 2 Mar 2027 17:00',
    );
  });

  // A long task without resources sets the finish, so that both orders are equally short and the
  // Leveling Order decides which task yields.
  const LONG: Row = { ID: 'Z', Name: 'Post', Duration: '10d' };
  // L may start Tuesday, E Monday; both need the director for two days.
  const LATE_AND_EARLY: Row[] = [
    {
      ID: 'L',
      Name: 'Late',
      Duration: '2d',
      Resources: 'Director',
      Constraint: 'SNET',
      'Constraint Date': '2027-03-02',
    },
    { ID: 'E', Name: 'Early', Duration: '2d', Resources: 'Director' },
  ];

  test('standard order: a later start yields to an earlier one, whatever the rows', () => {
    expect(dates([LONG, ...LATE_AND_EARLY])).toMatchObject({
      L: '2027-03-03T08:00 - 2027-03-04T17:00',
      E: '2027-03-01T08:00 - 2027-03-02T17:00',
    });
  });

  test('ID Only: the lower row yields, even when it starts first', () => {
    expect(dates([LONG, ...LATE_AND_EARLY], { 'Leveling Order': 'ID Only' })).toMatchObject({
      L: '2027-03-02T08:00 - 2027-03-03T17:00',
      E: '2027-03-04T08:00 - 2027-03-05T17:00',
    });
  });

  test('the shortest plan comes first: an order that would finish later does not win', () => {
    // ID Only would keep L first (finishing Friday); E first finishes Thursday.
    expect(dates([...LATE_AND_EARLY], { 'Leveling Order': 'ID Only' })).toEqual({
      L: '2027-03-03T08:00 - 2027-03-04T17:00',
      E: '2027-03-01T08:00 - 2027-03-02T17:00',
    });
  });

  test('standard order: less slack goes first; priority 1000 is never delayed; Priority, Standard puts priority first', () => {
    // B drives a 3-day successor, A has slack: A yields.
    expect(
      dates([
        { ID: 'A', Name: 'Notes', Duration: '2d', Resources: 'Director' },
        { ID: 'B', Name: 'Scout', Duration: '2d', Resources: 'Director' },
        { ID: 'C', Name: 'Build', Duration: '4d', Predecessors: 'B' },
      ]),
    ).toMatchObject({ A: '2027-03-03T08:00 - 2027-03-04T17:00', B: '2027-03-01T08:00 - 2027-03-02T17:00' });
    // Priority 1000 wins even over the shorter plan's choice of the earlier start.
    expect(
      dates([
        LONG,
        { ID: 'A', Name: 'First', Duration: '2d', Resources: 'Director' },
        {
          ID: 'B',
          Name: 'Vital',
          Duration: '2d',
          Resources: 'Director',
          Priority: 1000,
          Constraint: 'SNET',
          'Constraint Date': '2027-03-02',
        },
      ]),
    ).toMatchObject({ A: '2027-03-04T08:00 - 2027-03-05T17:00', B: '2027-03-02T08:00 - 2027-03-03T17:00' });
    const ranked: Row[] = [
      LONG,
      { ID: 'A', Name: 'First', Duration: '2d', Resources: 'Director', Priority: 100 },
      {
        ID: 'B',
        Name: 'Second',
        Duration: '2d',
        Resources: 'Director',
        Priority: 900,
        Constraint: 'SNET',
        'Constraint Date': '2027-03-02',
      },
    ];
    expect(dates(ranked)).toMatchObject({
      A: '2027-03-01T08:00 - 2027-03-02T17:00',
      B: '2027-03-03T08:00 - 2027-03-04T17:00',
    });
    expect(dates(ranked, { 'Leveling Order': 'Priority, Standard' })).toMatchObject({
      A: '2027-03-04T08:00 - 2027-03-05T17:00',
      B: '2027-03-02T08:00 - 2027-03-03T17:00',
    });
  });

  test('a successor waits for its delayed predecessor; links of every type hold', () => {
    // P and X both want 2 of the crew's 3 on Monday: X (more slack) yields to Wednesday, and S,
    // which needs P finished and 2 of the crew, goes to Thursday. F finishes a day after X.
    const byId = leveled([
      { ID: 'P', Name: 'Build', Duration: '2d', Resources: 'Crew[2]' },
      { ID: 'S', Name: 'Paint', Duration: '1d', Predecessors: 'P', Resources: 'Crew[2]' },
      { ID: 'X', Name: 'Strike', Duration: '1d', Resources: 'Crew[2]' },
      { ID: 'F', Name: 'Dress', Duration: '1d', Predecessors: 'X FF+1d' },
    ]);
    expect(Object.values(byId).map((t) => `${t.id} ${t.start} ${t.finish} ${t.levelingDelay}`)).toEqual([
      'P 2027-03-01T08:00 2027-03-02T17:00 0',
      'S 2027-03-04T08:00 2027-03-04T17:00 1',
      'X 2027-03-03T08:00 2027-03-03T17:00 2',
      'F 2027-03-04T08:00 2027-03-04T17:00 0',
    ]);
    expect(byId.S.levelingReason).toBe('delayed by leveling: waiting for Crew, busy on X until Wed 3 Mar 2027 17:00');
  });

  test('a started task and a Must Start On task never move; a clash between them is reported as unresolvable', () => {
    const c = calc(
      plan(
        [
          { ID: 'A', Name: 'Shooting', Duration: '3d', Resources: 'Director', '% Complete': 20 },
          {
            ID: 'B',
            Name: 'Press',
            Duration: '1d',
            Resources: 'Director',
            Constraint: 'MSO',
            'Constraint Date': '2027-03-02',
          },
          { ID: 'C', Name: 'Notes', Duration: '1d', Resources: 'Director' },
        ],
        { Leveling: 'On' },
        RESOURCES,
      ),
    );
    const r = c.schedule!;
    expect(r.leveling).toBeDefined();
    const byId = Object.fromEntries(c.plan!.tasks.map((t, i) => [t.id, i]));
    expect(r.leveling!.delay.has(byId.A)).toBe(false);
    expect(r.leveling!.delay.has(byId.B)).toBe(false);
    expect(r.leveling!.delay.has(byId.C)).toBe(true);
    const msg = c.issues.find((i) => i.message.includes('Leveling cannot resolve'))!;
    expect(msg.message).toBe(
      'Director is booked 2 of 1 units from Tue 2 Mar 2027 08:00 to Tue 2 Mar 2027 17:00 by A and B. Leveling cannot resolve it: none of them may move, A (started) and B (Must Start On).',
    );
    expect(c.issues.filter((i) => i.message.includes('Director'))).toHaveLength(1);
    expect(formatLocation(msg.at)).toBe('tasks[0].Resources');
  });

  test('an availability window: tasks wait for the stage to be rented, and say so', () => {
    const byId = leveled([{ ID: 'S', Name: 'Stage shoot', Duration: '2d', Resources: 'Stage 2' }]);
    expect(byId.S.start).toBe('2027-03-08T08:00');
    expect(byId.S.levelingReason).toBe('delayed by leveling: waiting for Stage 2, available from Mon 8 Mar 2027 08:00');
  });

  test('summaries stay spans of their subtasks; two runs give the same dates', () => {
    const tasks: Row[] = [
      { ID: 'SH', Name: 'Shoot', 'Outline Level': 1 },
      { ID: 'S1', Name: 'Day 1', Duration: '1d', Resources: 'Camera Package', 'Outline Level': 2 },
      { ID: 'S2', Name: 'Day 2', Duration: '1d', Resources: 'Camera Package', 'Outline Level': 2 },
      { ID: 'W', Name: 'Wrap', Duration: '1d', Predecessors: 'SH', 'Outline Level': 1 },
    ];
    const first = leveled(tasks);
    expect(first.SH.start).toBe('2027-03-01T08:00');
    expect(first.SH.finish).toBe('2027-03-02T17:00');
    expect(first.W.start).toBe('2027-03-03T08:00');
    expect(leveled(tasks)).toEqual(first);
  });

  test('Leveling and Leveling Order that are no setting are errors at their cells', () => {
    const c = calc(
      plan([{ ID: 'A', Name: 'A', Duration: '1d' }], { Leveling: 'Sometimes', 'Leveling Order': 'Random' }),
    );
    expect(c.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'Leveling: "Sometimes" must be On or Off.',
      'Leveling Order: "Random" must be Standard, Priority, Standard or ID Only.',
    ]);
  });

  test('Explain and the Schedule sheet say what leveling did; a plan without leveling keeps its columns', () => {
    const rows: Row[] = [
      { ID: 'A', Name: 'Main unit', Duration: '2d', Resources: 'Camera Package' },
      { ID: 'B', Name: 'Second unit', Duration: '2d', Resources: 'Camera Package' },
    ];
    const c = calc(plan(rows, { Leveling: 'On' }, RESOURCES));
    const why = explainTask(c.plan!, c.schedule!, 1);
    expect(why.leveling).toBe('delayed by leveling: waiting for Camera Package, busy on A until Tue 2 Mar 2027 17:00');
    expect(why.chain[0].drivenBy).toBe('leveling: waiting for Camera Package, busy on A until Tue 2 Mar 2027 17:00');
    expect(explainTask(c.plan!, c.schedule!, 0).leveling).toBeNull();
    const sheet = planScheduleSheet(c.plan!, c.schedule!);
    const col = sheet.rows[0].indexOf('Leveling Delay (days)');
    expect(col).toBe(sheet.columns.length - 1);
    expect(sheet.rows.slice(1).map((r) => [r[0], r[8], r[col]])).toEqual([
      ['A', 'Project start', 0],
      ['B', 'Leveling', 2],
    ]);
    const plain = calc(plan(rows, {}, RESOURCES));
    expect(planScheduleSheet(plain.plan!, plain.schedule!).rows[0]).not.toContain('Leveling Delay (days)');
  });

  test('an ALAP task stays where the unleveled plan put it, though leveling moves the finish', () => {
    // I (ALAP) sits just before the milestone M that starts the shoot; the shoot's two camera
    // tasks are leveled one after the other, so the finish moves two days. I and M do not.
    const tasks: Row[] = [
      { ID: 'P', Name: 'Prep', Duration: '3d' },
      { ID: 'I', Name: 'Insurance', Duration: '1d', Constraint: 'ALAP' },
      { ID: 'M', Name: 'Prep done', Duration: '0', Predecessors: 'P, I' },
      { ID: 'A', Name: 'Main unit', Duration: '2d', Predecessors: 'M', Resources: 'Camera Package' },
      { ID: 'B', Name: 'Second unit', Duration: '2d', Predecessors: 'M', Resources: 'Camera Package' },
    ];
    const plain = run(plan(tasks, {}, RESOURCES));
    const byId = leveled(tasks);
    expect([byId.I.start, byId.M.start]).toEqual([plain.I.start, plain.M.start]);
    expect([byId.I.start, byId.M.start]).toEqual(['2027-03-03T08:00', '2027-03-03T17:00']);
    expect(byId.B.start).toBe('2027-03-08T08:00');
  });
});
