/** The Resource Usage sheet plan and the Resources sheet's highlight, hand-checked. */
import { planGeneratedSheets } from '../../../src/core/layout';
import { USAGE_COLORS, planResourceUsageSheet } from '../../../src/core/layout/resource-usage-sheet';
import { calc, plan } from '../../helpers';

const RESOURCES = {
  resources: [
    { Name: 'Camera Package', Type: 'Equipment', 'Max Units': 1 },
    { Name: 'Crew', Type: 'Work', 'Max Units': 4 },
    { Name: 'Film Stock', Type: 'Material' },
  ],
};
// Mon 2027-03-01: A and B both on the camera Mon-Tue; C on the crew Wed; day scale.
const DOC = plan(
  [
    { ID: 'A', Name: 'Main unit', Duration: '2d', Resources: 'Camera Package, Crew[3]' },
    { ID: 'B', Name: 'Second unit', Duration: '2d', Resources: 'Camera Package, Film Stock[4]' },
    { ID: 'C', Name: 'Wrap', Duration: '1d', Predecessors: 'A', Resources: 'Crew[2]' },
  ],
  { 'Gantt Scale': 'Day' },
  RESOURCES,
);

describe('Resource Usage sheet', () => {
  const c = calc(DOC);
  const sheet = planResourceUsageSheet(c.plan!, c.schedule!)!;
  const data = sheet.rows.slice(3);
  // The timeline starts a day before the project (Sun 28 Feb): Mon 1 Mar is its second column.
  const T = 5;
  const mon = sheet.columns.findIndex((col) => col.header === '2027-03-01');

  test('each booked resource, then its tasks under it; Material resources are not booked', () => {
    expect(data.map((r) => r.slice(0, T))).toEqual([
      ['Camera Package', 'Equipment', null, 1, 'Yes'],
      ['A', 'Main unit', 1, null, null],
      ['B', 'Second unit', 1, null, null],
      ['Crew', 'Work', null, 4, null],
      ['A', 'Main unit', 3, null, null],
      ['C', 'Wrap', 2, null, null],
    ]);
    expect(sheet.rowLevels!.slice(3)).toEqual([0, 1, 1, 0, 1, 1]);
  });

  test("a resource's row holds the most units booked in each period; red where over Max Units", () => {
    expect(mon).toBe(T + 1);
    expect(data[0].slice(mon, mon + 3)).toEqual([2, 2, null]);
    expect(data[3].slice(mon, mon + 3)).toEqual([3, 3, 2]);
    const red = sheet.styles.filter((s) => s.style.fill === USAGE_COLORS.over);
    expect(red).toEqual([{ row: 3, col: mon, cols: 2, style: { fill: USAGE_COLORS.over, bold: true } }]);
  });

  test("a task's row is a bar over its periods", () => {
    const bars = sheet.styles.filter((s) => s.style.fill === USAGE_COLORS.booked);
    expect(bars.map((b) => [b.row, b.col, b.cols])).toEqual([
      [4, mon, 2],
      [5, mon, 2],
      [7, mon, 2],
      [8, mon + 2, 1],
    ]);
  });

  test('no booking, no sheet', () => {
    const none = calc(plan([{ ID: 'A', Name: 'A', Duration: '1d' }], {}, RESOURCES));
    expect(planResourceUsageSheet(none.plan!, none.schedule!)).toBeNull();
    expect(planGeneratedSheets(none).map((s) => s.name)).not.toContain('Resource Usage');
  });
});
