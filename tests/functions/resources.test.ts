/**
 * PROD.OVERALLOCATIONS: Mon-Fri, 08:00-12:00 and 13:00-17:00; project start Mon 2027-03-01.
 * Dates as Excel passes date cells: serial numbers.
 */
import { OVERALLOCATIONS, SCHEDULE } from '../../src/functions/functions';
import { excelSerialFromWall, wallFromParts } from '../../src/core/time';
import { expectFailure, serial } from './helpers';

const TASKS: unknown[][] = [
  ['ID', 'Name', 'Duration', 'Predecessors', 'Resources'],
  ['SH-3', 'Main unit', '3d', '', 'Camera Package'],
  ['S-15', 'Second unit', '2d', '', 'Camera Package, Director[50%]'],
  ['SH-4', 'Pickups', '1d', 'SH-3', 'Camera Package'],
];
const RESOURCES: unknown[][] = [
  ['Name', 'Type', 'Max Units'],
  ['Camera Package', 'Equipment', 1],
  ['Director', 'Work', 1],
];
const SETTINGS = [[serial(2027, 3, 1)]];
const at = (d: number, h: number) => excelSerialFromWall(wallFromParts(2027, 3, d, h, 0));

describe('OVERALLOCATIONS', () => {
  test('spills each stretch: resource, from, to, booked, available and the tasks', () => {
    expect(OVERALLOCATIONS(TASKS, RESOURCES, SETTINGS)).toEqual([
      ['Resource', 'From', 'To', 'Booked', 'Available', 'Tasks'],
      // Main and second unit share the camera Mon 08:00 to Tue 17:00; pickups start Thu.
      ['Camera Package', at(1, 8), at(2, 17), 2, 1, 'SH-3, S-15'],
    ]);
  });

  test('none over-allocated is #N/A with a reason; a missing resources range is #VALUE!', () => {
    const apart = TASKS.map((row, i) => (i === 2 ? [...row.slice(0, 3), 'SH-4', row[4]] : row));
    expectFailure(
      () => OVERALLOCATIONS(apart, RESOURCES, SETTINGS),
      '#N/A',
      /No resource is booked above its Max Units/,
    );
    expectFailure(() => OVERALLOCATIONS(TASKS, [[null]], SETTINGS), '#VALUE!', /The resources range is empty/);
  });

  test('a bad Max Units names its cell in the resources range', () => {
    const bad = RESOURCES.map((row, i) => (i === 1 ? ['Camera Package', 'Equipment', 'lots'] : row));
    expectFailure(
      () => OVERALLOCATIONS(TASKS, bad, SETTINGS),
      '#VALUE!',
      /row 2 of the resources range, column Max Units/,
    );
  });
});

describe('SCHEDULE with resources and Leveling On', () => {
  const LEVELING: unknown[][] = [
    ['Setting', 'Value'],
    ['Project Start', serial(2027, 3, 1)],
    ['Leveling', 'On'],
  ];

  test('the second unit waits for the camera; leveled, OVERALLOCATIONS finds nothing left', () => {
    // Unleveled, S-15 starts Monday with SH-3; leveled, it waits for the camera until Thursday
    // (SH-3 Mon-Wed), and pickups (SH-4, after SH-3) follow it on Monday.
    const rows = SCHEDULE(TASKS, LEVELING, undefined, RESOURCES);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [at(1, 8), at(3, 17)],
      [at(4, 8), at(5, 17)],
      [at(8, 8), at(8, 17)],
    ]);
    expect(
      SCHEDULE(TASKS, LEVELING)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([at(1, 8), at(1, 8), at(4, 8)]);
    expectFailure(() => OVERALLOCATIONS(TASKS, RESOURCES, LEVELING), '#N/A', /No resource is booked/);
  });
});

describe('a calendars range', () => {
  const CALENDARS: unknown[][] = [
    ['Name', 'Working Days', 'Working Hours'],
    ['Night', 'Mon-Fri', '22:00-06:00'],
  ];

  test('SCHEDULE places a task on its Calendar; OVERALLOCATIONS reads the resources on theirs', () => {
    const tasks: unknown[][] = [
      ['ID', 'Name', 'Duration', 'Predecessors', 'Calendar', 'Resources'],
      ['A', 'Day work', '1d', '', '', ''],
      ['B', 'Night work', '8h', 'A', 'Night', ''],
      ['C', 'Night crew', '8h', '', '', 'Night Crew'],
      ['D', 'Night crew too', '8h', '', '', 'Night Crew'],
    ];
    const resources: unknown[][] = [
      ['Name', 'Type', 'Max Units', 'Calendar'],
      ['Night Crew', 'Work', 1, 'Night'],
    ];
    const rows = SCHEDULE(tasks, SETTINGS, undefined, resources, CALENDARS);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [at(1, 8), at(1, 17)],
      // Monday 22:00 to Tuesday 06:00, for B and for both night-crew tasks.
      [at(1, 22), at(2, 6)],
      [at(1, 22), at(2, 6)],
      [at(1, 22), at(2, 6)],
    ]);
    expect(OVERALLOCATIONS(tasks, resources, SETTINGS, undefined, CALENDARS)).toEqual([
      ['Resource', 'From', 'To', 'Booked', 'Available', 'Tasks'],
      ['Night Crew', at(1, 22), at(2, 6), 2, 1, 'C, D'],
    ]);
    expectFailure(() => SCHEDULE(tasks, SETTINGS), '#VALUE!', /there is no Calendars sheet/);
  });
});
