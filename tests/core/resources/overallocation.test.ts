/**
 * Over-allocation, hand-checked. Calendar: Mon-Fri, 08:00-12:00 and 13:00-17:00; project start
 * Monday 2027-03-01.
 */
import { formatLocation } from '../../../src/core/location';
import { findOverallocations } from '../../../src/core/resources/overallocation';
import { calc, plan, Row } from '../../helpers';

const RESOURCES = {
  resources: [
    { Name: 'Camera Package', Type: 'Equipment', 'Max Units': 1, Rate: 100 },
    { Name: 'Director', Type: 'Work', 'Max Units': 1, Rate: 200 },
    { Name: 'Crew', Type: 'Work', 'Max Units': 3, Rate: 50 },
    { Name: 'Film Stock', Type: 'Material', 'Max Units': 1, Rate: 10 },
  ],
};

function warnings(tasks: Row[]): { message: string; at: string }[] {
  const c = calc(plan(tasks, {}, RESOURCES));
  return c.issues
    .filter((i) => /booked|books/.test(i.message))
    .map((i) => ({ message: i.message, at: formatLocation(i.at) }));
}

describe('over-allocation warnings', () => {
  test('two units of one camera package at once: the stretch, the units and the tasks, at the Resources cell', () => {
    // Main unit Mon-Wed; second unit from Tue: both on the camera Tue 08:00 to Wed 17:00.
    expect(
      warnings([
        { ID: 'SH-3', Name: 'Main unit', Duration: '3d', Resources: 'Camera Package' },
        {
          ID: 'S-15',
          Name: 'Second unit',
          Duration: '3d',
          Resources: 'Camera Package',
          Constraint: 'SNET',
          'Constraint Date': '2027-03-02',
        },
      ]),
    ).toEqual([
      {
        message:
          'Camera Package is booked 2 of 1 units from Tue 2 Mar 2027 08:00 to Wed 3 Mar 2027 17:00 by SH-3 and S-15.',
        at: 'tasks[0].Resources',
      },
    ]);
  });

  test('within Max Units, back to back, summaries and material: no warning invented', () => {
    expect(
      warnings([
        { ID: 'A', Name: 'Setup', Duration: '2d', Resources: 'Crew[2]' },
        { ID: 'B', Name: 'Rigging', Duration: '2d', Resources: 'Crew' },
        // Back to back with A: A ends Tue 17:00, C starts Wed 08:00.
        {
          ID: 'C',
          Name: 'Shoot',
          Duration: '1d',
          Predecessors: 'A',
          Resources: 'Director, Camera Package, Film Stock[5]',
        },
        { ID: 'D', Name: 'Review', Duration: '1d', Predecessors: 'A', Resources: 'Film Stock[3]' },
      ]),
    ).toEqual([]);
  });

  test('one task above Max Units on its own: leveling cannot resolve it', () => {
    expect(warnings([{ ID: 'SH-1', Name: 'Two cameras', Duration: '1d', Resources: 'Camera Package[2]' }])).toEqual([
      {
        message:
          'Task SH-1 books Camera Package at 2 units, and it has 1 (Max Units): leveling cannot resolve this; lower the units or raise Max Units.',
        at: 'tasks[0].Resources',
      },
    ]);
  });

  test('the director on two tasks at once; partial units add up (50% + 75% of one)', () => {
    expect(
      warnings([
        { ID: 'P1', Name: 'Prep', Duration: '1d', Resources: 'Director[50%]' },
        { ID: 'P2', Name: 'Casting', Duration: '4h', Resources: 'Director[75%]' },
        { ID: 'P3', Name: 'Recce', Duration: '4h', Predecessors: 'P2', Resources: 'Director[50%]' },
      ]),
    ).toEqual([
      {
        message: 'Director is booked 1.25 of 1 units from Mon 1 Mar 2027 08:00 to Mon 1 Mar 2027 12:00 by P1 and P2.',
        at: 'tasks[0].Resources',
      },
    ]);
  });

  test('a stretch while the overlap lasts, with every task in it and the most booked', () => {
    const c = calc(
      plan(
        [
          { ID: 'A', Name: 'A', Duration: '3d', Resources: 'Crew[2]' },
          { ID: 'B', Name: 'B', Duration: '1d', Resources: 'Crew[2]' },
          { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'B', Resources: 'Crew[2]' },
          { ID: 'D', Name: 'D', Duration: '1d', Predecessors: 'B', Resources: 'Crew' },
        ],
        {},
        RESOURCES,
      ),
    );
    // Monday A and B (4 of 3); B's finish ends the stretch; Tuesday A, C and D (5 of 3).
    expect(findOverallocations(c.plan!, c.schedule!)).toMatchObject([
      { resource: 'Crew', booked: 4, available: 3, tasks: [0, 1] },
      { resource: 'Crew', booked: 5, available: 3, tasks: [0, 2, 3] },
    ]);
  });
});

describe('availability', () => {
  const STAGE = {
    resources: [
      {
        Name: 'Stage 2',
        Type: 'Equipment',
        'Max Units': 1,
        'Available From': '2027-03-03',
        'Available To': '2027-03-05',
      },
    ],
  };

  function stageWarnings(tasks: Row[]): string[] {
    return calc(plan(tasks, {}, STAGE))
      .issues.filter((i) => /booked/.test(i.message))
      .map((i) => i.message);
  }

  test('booked outside its dates: a warning for one task alone, with the window in words', () => {
    // Mon 03-01 to Wed 03-03 17:00; the stage is there from Wed 03-03 00:00 to the end of Fri 03-05.
    expect(stageWarnings([{ ID: 'B', Name: 'Build', Duration: '3d', Resources: 'Stage 2' }])).toEqual([
      'Stage 2 is booked 1 of 0 units from Mon 1 Mar 2027 08:00 to Wed 3 Mar 2027 00:00 by B (it is available from Wed 3 Mar 2027 00:00 until Sat 6 Mar 2027 00:00).',
    ]);
  });

  test('within its dates: nothing; on its last day to the evening: nothing', () => {
    expect(
      stageWarnings([
        {
          ID: 'S',
          Name: 'Shoot',
          Duration: '3d',
          Resources: 'Stage 2',
          Constraint: 'SNET',
          'Constraint Date': '2027-03-03',
        },
      ]),
    ).toEqual([]);
  });

  test('bad availability and Max Units are errors at their cells', () => {
    const doc = plan(
      [{ ID: 'A', Name: 'A', Duration: '1d' }],
      {},
      {
        resources: [
          { Name: 'Zero', 'Max Units': 0 },
          { Name: 'Backwards', 'Available From': '2027-05-01', 'Available To': '2027-04-01' },
          { Name: 'Soon', 'Available From': 'next week' },
        ],
      },
    );
    const errors = calc(doc)
      .issues.filter((i) => i.severity === 'error')
      .map((i) => [formatLocation(i.at), i.message]);
    expect(errors).toEqual([
      [
        'resources[0]["Max Units"]',
        'Resource "Zero": Max Units is 0, so it could never be booked; write how many can work at once (1, 3, 300%).',
      ],
      [
        'resources[1]["Available To"]',
        'Resource "Backwards" is available to Fri 2027-04-02 00:00, which is not after it is available from (Sat 2027-05-01 00:00).',
      ],
      ['resources[2]["Available From"]', expect.stringMatching(/^Resource "Soon" Available From: /)],
    ]);
  });
});
