/**
 * Hand-worked cost report and earned value cases. Calendar: Mon-Fri,
 * 08:00-12:00 and 13:00-17:00 (8 h a day), project start Monday 2027-03-01.
 */
import { issueToJson } from '../../../src/core/report/json';
import { costStatus, favourable } from '../../../src/core/costs/cost-report';
import { evFigures } from '../../../src/core/costs/earned-value';
import { calculationToJson } from '../../../src/core/report/json';
import { calc, plan, Row } from '../../helpers';

const line = (
  account: string,
  category: string,
  budget: number | string,
  more: Record<string, number | string> = {},
) => ({ Account: account, Description: `Line ${account}`, Category: category, Budget: budget, ...more });

describe("earned value: the issue's worked example", () => {
  // A 10-day task Mon 03-01 to Fri 03-12, 10,000 fixed cost, baselined as scheduled,
  // 40% complete, status date Fri 03-05 (end of day 5), 4,500 actually spent.
  const doc = plan(
    [
      {
        ID: 'A',
        Name: 'Build',
        Duration: '10d',
        'Fixed Cost': 10000,
        'Cost Account': '100',
        '% Complete': '40%',
        'Actual Start': '2027-03-01',
        'Baseline Start': '2027-03-01 08:00',
        'Baseline Finish': '2027-03-12 17:00',
      },
    ],
    { 'Status Date': '2027-03-05' },
    { budget: [line('100', 'Work', 10000, { Actual: 4500 })] },
  );
  const c = calc(doc);
  const ev = calculationToJson(c).earnedValue!;

  test('PV 5,000: half the baseline working time lies before the end of the status date', () =>
    expect(ev.pv).toBe(5000));
  test('EV 4,000 = 40% of 10,000', () => expect(ev.ev).toBe(4000));
  test('AC 4,500: the Actual of the account the task books to', () => expect(ev.ac).toBe(4500));
  test('SV -1,000 and CV -500', () => expect([ev.sv, ev.cv]).toEqual([-1000, -500]));
  test('CPI 0.889 and SPI 0.8', () => {
    expect(ev.cpi).toBeCloseTo(0.889, 3);
    expect(ev.spi).toBe(0.8);
  });
  test('EAC 11,250 = AC + (BAC - EV) / CPI; ETC 6,750; VAC -1,250', () => {
    expect(ev.eac).toBe(11250);
    expect(ev.etc).toBe(6750);
    expect(ev.vac).toBe(-1250);
  });
  test('TCPI 1.091 = (BAC - EV) / (BAC - AC)', () => expect(ev.tcpi).toBeCloseTo(1.091, 3));
  test('a plan with a baseline gets no "no baseline" note', () => {
    expect(c.issues.filter((i) => /baseline/i.test(i.message))).toEqual([]);
  });

  test('the other EAC methods: budget rate 10,500; CPI x SPI 12,937.50', () => {
    const budgetRate = calculationToJson(
      calc({ ...doc, settings: { ...doc.settings, 'EAC Method': 'budget-rate' } }),
    ).earnedValue!;
    expect(budgetRate.eac).toBe(10500);
    const cpiSpi = calculationToJson(
      calc({ ...doc, settings: { ...doc.settings, 'EAC Method': 'CPI-SPI' } }),
    ).earnedValue!;
    expect(cpiSpi.eac).toBe(4500 + 6000 / ((4000 / 4500) * 0.8));
  });

  test('an unknown EAC method is an error on its cell', () => {
    const bad = calc({ ...doc, settings: { ...doc.settings, 'EAC Method': 'guess' } });
    expect(bad.issues.map(issueToJson)).toContainEqual(
      expect.objectContaining({ severity: 'error', where: 'settings["EAC Method"]' }),
    );
  });
});

describe('earned value: baselines, spreading and sharing', () => {
  test('without a baseline the current schedule serves as it, and the output says so', () => {
    const c = calc(
      plan(
        [
          {
            ID: 'A',
            Name: 'A',
            Duration: '10d',
            'Fixed Cost': 1000,
            '% Complete': '50%',
            'Actual Start': '2027-03-01',
          },
        ],
        { 'Status Date': '2027-03-03' },
      ),
    );
    const ev = calculationToJson(c).earnedValue!;
    expect(ev.pv).toBe(300); // 3 of 10 working days
    expect(ev.ev).toBe(500);
    expect(c.issues.map(issueToJson)).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        where: 'Tasks',
        message: expect.stringMatching(/No baseline is set/),
      }),
    );
  });

  test('PV follows the baseline dates, not the current ones: a task that slipped a week has planned value already', () => {
    const c = calc(
      plan(
        [
          { ID: 'P', Name: 'Prep', Duration: '5d' },
          {
            ID: 'A',
            Name: 'A',
            Duration: '5d',
            Predecessors: 'P',
            'Fixed Cost': 5000,
            'Baseline Start': '2027-03-01',
            'Baseline Finish': '2027-03-05',
          },
        ],
        { 'Status Date': '2027-03-03' },
      ),
    );
    const ev = c.costs!.earnedValue;
    expect(ev.tasks[1].pv).toBe(3000); // baseline Mon-Fri: 3 of 5 days by Wednesday evening
    expect(ev.tasks[1].ev).toBe(0);
    expect(ev.baseline).toBe('partial');
  });

  test('resource cost: work = duration x units at the hourly rate; material per unit', () => {
    const c = calc(
      plan(
        [{ ID: 'A', Name: 'A', Duration: '2d', Resources: 'Crew[2], Camera, Stock[30]' }],
        {},
        {
          resources: [
            { Name: 'Crew', Type: 'Work', Rate: 50 },
            { Name: 'Camera', Type: 'Equipment', Rate: '25/h' },
            { Name: 'Stock', Type: 'Material', Rate: 10 },
          ],
        },
      ),
    );
    // Crew 2 x 16 h x 50 = 1,600; camera 16 h x 25 = 400; stock 30 x 10 = 300.
    expect(c.costs!.tasks.scheduled[0]).toBe(2300);
  });

  test('the baseline cost uses the baseline duration: a task stretched from 2 to 3 days is budgeted at 2', () => {
    const c = calc(
      plan(
        [
          {
            ID: 'A',
            Name: 'A',
            Duration: '3d',
            Resources: 'Crew',
            'Baseline Start': '2027-03-01',
            'Baseline Finish': '2027-03-02',
          },
        ],
        {},
        { resources: [{ Name: 'Crew', Rate: 10 }] },
      ),
    );
    expect(c.costs!.tasks.scheduled[0]).toBe(240);
    expect(c.costs!.tasks.baseline[0]).toBe(160);
  });

  test("an account's Actual is shared over its tasks by earned value; by budget while nothing is earned", () => {
    const tasks: Row[] = [
      {
        ID: 'A',
        Name: 'A',
        Duration: '5d',
        'Fixed Cost': 3000,
        'Cost Account': '200',
        '% Complete': '100%',
        'Actual Start': '2027-03-01',
        'Actual Finish': '2027-03-05',
      },
      {
        ID: 'B',
        Name: 'B',
        Duration: '5d',
        'Fixed Cost': 1000,
        'Cost Account': '200',
        '% Complete': '50%',
        'Actual Start': '2027-03-08',
      },
      { ID: 'C', Name: 'C', Duration: '5d', 'Fixed Cost': 4000, 'Cost Account': '200' },
    ];
    const c = calc(
      plan(tasks, { 'Status Date': '2027-03-10' }, { budget: [line('200', 'Work', 8000, { Actual: 3500 })] }),
    );
    const ev = c.costs!.earnedValue;
    // EV: A 3,000, B 500, C 0: the 3,500 actual splits 3,000 / 500 / 0.
    expect([ev.tasks[0].ac, ev.tasks[1].ac, ev.tasks[2].ac]).toEqual([3000, 500, 0]);
    expect(ev.accounts).toEqual([
      expect.objectContaining({ account: '200', figures: expect.objectContaining({ bac: 8000, ev: 3500, ac: 3500 }) }),
    ]);

    const none = calc(
      plan(
        tasks.map((t) => ({ ...t, '% Complete': 0, 'Actual Start': '', 'Actual Finish': '' })),
        { 'Status Date': '2027-03-10' },
        { budget: [line('200', 'Work', 8000, { Actual: 800 })] },
      ),
    );
    const shared = none.costs!.earnedValue.tasks.map((f) => f.ac);
    expect(shared).toEqual([300, 100, 400]);
  });

  test("summaries roll up their subtasks' figures; the project counts each cost once", () => {
    const c = calc(
      plan([
        { ID: 'S', Name: 'Phase', Duration: '', 'Outline Level': 1, 'Fixed Cost': 100 },
        { ID: 'A', Name: 'A', Duration: '2d', 'Outline Level': 2, 'Fixed Cost': 1000 },
        { ID: 'B', Name: 'B', Duration: '2d', 'Outline Level': 2, 'Fixed Cost': 2000, Predecessors: 'A' },
      ]),
    );
    const ev = c.costs!.earnedValue;
    expect(ev.tasks[0].bac).toBe(3100);
    expect(ev.project.bac).toBe(3100);
  });

  test('S-curve: cumulative PV by week to the end, EV and AC to the status week, ending at the project figures', () => {
    const c = calc(
      plan(
        [
          {
            ID: 'A',
            Name: 'A',
            Duration: '10d',
            'Fixed Cost': 10000,
            'Cost Account': '1',
            '% Complete': '40%',
            'Actual Start': '2027-03-01',
          },
          { ID: 'B', Name: 'B', Duration: '5d', 'Fixed Cost': 5000, Predecessors: 'A', 'Cost Account': '1' },
        ],
        { 'Status Date': '2027-03-05' },
        { budget: [line('1', 'Work', 15000, { Actual: 4500 })] },
      ),
    );
    const { curve, project } = c.costs!.earnedValue;
    expect(curve.map((p) => p.weekEnd)).toHaveLength(3); // weeks ending 03-07, 03-14, 03-21
    expect(curve.map((p) => p.pv)).toEqual([5000, 10000, 15000]);
    expect(curve[0].ev).toBe(project.ev);
    expect(curve[0].ac).toBe(project.ac);
    expect([curve[1].ev, curve[2].ac]).toEqual([null, null]);
  });
});

describe('earned value on the budget typed: lines with tasks and lines without', () => {
  // Line 100 (8,000) has two tasks that cost nothing of their own: its budget spreads over their
  // working time, 2 and 6 days. Line 200 (2,000) has no task: outside earned value.
  const c = calc(
    plan(
      [
        {
          ID: 'A',
          Name: 'Scout',
          Duration: '2d',
          'Cost Account': '100',
          '% Complete': '100%',
          'Actual Start': '2027-03-01',
        },
        { ID: 'B', Name: 'Build', Duration: '6d', Predecessors: 'A', 'Cost Account': '100' },
      ],
      { 'Status Date': '2027-03-04' },
      { budget: [line('100', 'Work', 8000, { Actual: 3000 }), line('200', 'Insurance', 2000, { Actual: 2000 })] },
    ),
  );
  const ev = c.costs!.earnedValue;

  test('BAC is the budget of the lines tasks book to, shared by working time: 2,000 and 6,000', () => {
    expect(ev.project.bac).toBe(8000);
    expect(ev.tasks.map((t) => t.bac)).toEqual([2000, 6000]);
  });
  test("PV: A whole (2,000) and B 2 of its 6 days (2,000); EV: A done (2,000); AC: the line's 3,000", () => {
    expect([ev.project.pv, ev.project.ev, ev.project.ac]).toEqual([4000, 2000, 3000]);
  });
  test('the line without tasks is outside, with its share of the budget, in the JSON too', () => {
    expect(calculationToJson(c).earnedValue!.coverage).toEqual({
      budgetInEv: 8000,
      outsideBudget: 2000,
      outsideShare: 0.2,
      outsideLines: [{ account: '200', budget: 2000 }],
    });
  });
});

describe('evFigures: undefined ratios', () => {
  test('no actual cost yet: CPI is null and the work to go is taken at budget', () => {
    const f = evFigures(1000, 200, 100, 0);
    expect(f.cpi).toBeNull();
    expect(f.eac).toBe(900 + 0);
    expect(f.spi).toBe(0.5);
  });
  test('BAC = AC: TCPI is null', () => expect(evFigures(1000, 1000, 800, 1000).tcpi).toBeNull());
});

describe('cost report', () => {
  const budget = [
    line('1100', 'Above the line', 100000, { Committed: 20000, Actual: 50000 }), // ETC 30,000: EFC 100,000 on budget
    line('2100', 'Production', 50000, { Committed: 10000, Actual: 40000, ETC: 3500 }), // EFC 53,500: 7% over, amber
    line('2200', 'Production', 20000, { Actual: 22500 }), // ETC 0: EFC 22,500, 12.5% over, red
    { Account: '3100', Description: 'Editor', Category: 'Post', Units: 10, Qty: 1, Rate: 2500, Actual: 5000 }, // 25,000 budget
  ];
  const doc = plan([{ ID: 'A', Name: 'A', Duration: '1d' }], {}, { budget });

  test('lines: ETC defaults to what is left; EFC = Actual + Committed + ETC; Units x Qty x Rate', () => {
    const costs = calculationToJson(calc(doc)).costs!;
    expect(costs.lines.map((l) => [l.account, l.budget, l.etc, l.efc])).toEqual([
      ['1100', 100000, 30000, 100000],
      ['2100', 50000, 3500, 53500],
      ['2200', 20000, 0, 22500],
      ['3100', 25000, 20000, 25000],
    ]);
  });

  test('variance = Budget - EFC by default; status by the thresholds (5% amber, 10% red)', () => {
    const costs = calculationToJson(calc(doc)).costs!;
    expect(costs.lines.map((l) => [l.variance, l.variancePct, l.status])).toEqual([
      [0, 0, 'green'],
      [-3500, -7, 'amber'],
      [-2500, -12.5, 'red'],
      [0, 0, 'green'],
    ]);
  });

  test('categories roll up in sheet order, and the total sums them', () => {
    const costs = calculationToJson(calc(doc)).costs!;
    expect(costs.categories.map((k) => [k.category, k.budget, k.efc, k.status])).toEqual([
      ['Above the line', 100000, 100000, 'green'],
      ['Production', 70000, 76000, 'amber'], // 8.6% over
      ['Post', 25000, 25000, 'green'],
    ]);
    expect(costs.total).toEqual({
      budget: 195000,
      committed: 30000,
      actual: 117500,
      etc: 53500,
      efc: 201000,
      variance: -6000,
      variancePct: -3.08,
      status: 'green',
    });
  });

  test('forecast-minus-budget flips the sign, not the labels or colours', () => {
    const flipped = calculationToJson(
      calc({ ...doc, settings: { ...doc.settings, 'Variance Sign': 'forecast-minus-budget' } }),
    ).costs!;
    expect(flipped.lines[1]).toMatchObject({ variance: 3500, variancePct: 7, status: 'amber' });
    expect(favourable(3500, 'forecast-minus-budget')).toBe('Unfav');
    expect(favourable(-3500, 'budget-minus-forecast')).toBe('Unfav');
    expect(favourable(3500, 'budget-minus-forecast')).toBe('Fav');
  });

  test('thresholds from Settings: with amber at 2% and red at 6%, the 7% line turns red and the 3% total amber', () => {
    const strict = calculationToJson(
      calc({ ...doc, settings: { ...doc.settings, 'Variance Amber %': 2, 'Variance Red %': 6 } }),
    ).costs!;
    expect(strict.lines.map((l) => l.status)).toEqual(['green', 'red', 'red', 'green']);
    expect(strict.categories[1].status).toBe('red');
    expect(strict.total.status).toBe('amber'); // 3.08% over
  });

  test('over by exactly the threshold is not over it; spending with no budget is red', () => {
    expect(costStatus(100, 105, { amberPct: 5, redPct: 10 })).toBe('green');
    expect(costStatus(100, 105.01, { amberPct: 5, redPct: 10 })).toBe('amber');
    expect(costStatus(100, 110, { amberPct: 5, redPct: 10 })).toBe('amber');
    expect(costStatus(0, 1, { amberPct: 5, redPct: 10 })).toBe('red');
    expect(costStatus(0, 0, { amberPct: 5, redPct: 10 })).toBe('green');
  });

  test('scheduled cost: what the tasks booking to a line cost at the current schedule', () => {
    const c = calc(
      plan(
        [
          { ID: 'A', Name: 'A', Duration: '2d', Resources: 'Crew', 'Cost Account': '2100' },
          { ID: 'B', Name: 'B', Duration: '1d', Resources: 'Crew', 'Fixed Cost': 100 }, // books via the resource's account
        ],
        {},
        { budget, resources: [{ Name: 'Crew', Rate: 10, 'Cost Account': '2200' }] },
      ),
    );
    const lines = c.costs!.report.lines;
    expect(lines[1].scheduled).toBe(160);
    expect(lines[2].scheduled).toBe(80);
    expect(c.issues.map(issueToJson)).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/Task B has a cost but no Cost Account/),
        where: 'tasks[1]["Cost Account"]',
      }),
    );
  });

  test('a plan with no Budget sheet has an empty report, not an error', () => {
    const json = calculationToJson(calc(plan([{ ID: 'A', Name: 'A', Duration: '1d' }])));
    expect(json.costs).toEqual({
      lines: [],
      categories: [],
      total: { budget: 0, committed: 0, actual: 0, etc: 0, efc: 0, variance: 0, variancePct: null, status: 'green' },
    });
    expect(json.earnedValue).toMatchObject({ pv: 0, ev: 0, ac: 0, cpi: null, spi: null, tcpi: null });
  });
});
