/**
 * Hand-checked cases of Microsoft Project's default scheduling arithmetic.
 * Calendar unless said otherwise: Mon-Fri, 08:00-12:00 and 13:00-17:00
 * (8 h a day), project start Monday 2027-03-01. Each test names its case.
 */
import { issueToJson } from '../../../src/core/report/json';
import { formatLocation } from '../../../src/core/location';
import { calculationToJson } from '../../../src/core/report/json';
import { describeDriver } from '../../../src/core/schedule/explain';
import { calc, plan, run } from '../../helpers';

const byId = (c: ReturnType<typeof calc>) => Object.fromEntries(calculationToJson(c).tasks.map((t) => [t.id, t]));

const A5 = { ID: 'A', Name: 'A', Duration: '5d' }; // Mon 03-01 08:00 to Fri 03-05 17:00

describe('links and lags', () => {
  test('FS: the successor starts at the next working time after the predecessor finishes (Fri 17:00 -> Mon 08:00)', () => {
    const r = run(plan([A5, { ID: 'B', Name: 'B', Duration: '3d', Predecessors: 'A' }]));
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-01T08:00', '2027-03-05T17:00']);
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-08T08:00', '2027-03-10T17:00']);
  });

  test('FS+2d: a working-day lag skips the weekend (starts Wednesday)', () => {
    const r = run(plan([A5, { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'AFS+2d' }]));
    expect(r.B.start).toBe('2027-03-10T08:00');
  });

  test('FS-1d: a negative lag overlaps the predecessor by a day', () => {
    const r = run(plan([A5, { ID: 'B', Name: 'B', Duration: '2d', Predecessors: 'AFS-1d' }]));
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-05T08:00', '2027-03-08T17:00']);
  });

  test('SS+2d: the successor starts two working days after the predecessor starts', () => {
    const r = run(plan([A5, { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'ASS+2d' }]));
    expect(r.B.start).toBe('2027-03-03T08:00');
  });

  test('FF: the successor finishes with its predecessor', () => {
    const r = run(plan([A5, { ID: 'B', Name: 'B', Duration: '2d', Predecessors: 'AFF' }]));
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-04T08:00', '2027-03-05T17:00']);
  });

  test('FF+1d: the successor finishes a working day after its predecessor (over the weekend)', () => {
    const r = run(plan([A5, { ID: 'B', Name: 'B', Duration: '2d', Predecessors: 'AFF+1d' }]));
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-05T08:00', '2027-03-08T17:00']);
  });

  test('SF+1d: the successor finishes a day after its predecessor starts', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '1d', Constraint: 'SNET', 'Constraint Date': '2027-03-03' },
        { ID: 'B', Name: 'B', Duration: '2d', Predecessors: 'ASF+1d' },
      ]),
    );
    expect(r.A.start).toBe('2027-03-03T08:00');
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-02T08:00', '2027-03-03T17:00']);
  });

  test('FS+4h: an hour lag ending at noon starts the successor after lunch', () => {
    const r = run(plan([A5, { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'AFS+4h' }]));
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-08T13:00', '2027-03-09T12:00']);
  });

  test('FS+50%: a percentage lag is that share of the predecessor duration', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '10d' },
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'AFS+50%' },
      ]),
    );
    expect(r.A.finish).toBe('2027-03-12T17:00');
    expect(r.B.start).toBe('2027-03-22T08:00');
  });

  test('FS+50% of an elapsed task: the lag is elapsed time too (2ed -> 24 h)', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '2ed' },
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'AFS+50%' },
      ]),
    );
    expect(r.A.finish).toBe('2027-03-03T08:00');
    expect(r.B.start).toBe('2027-03-04T08:00');
  });

  test("FS+50% of a summary task: a share of the summary's span (4 working days -> 2)", () => {
    const r = run(
      plan([
        { ID: 'S', Name: 'S', Duration: '', 'Outline Level': 1 },
        { ID: 'X', Name: 'X', Duration: '2d', 'Outline Level': 2 },
        { ID: 'Y', Name: 'Y', Duration: '2d', 'Outline Level': 2, Predecessors: 'X' },
        { ID: 'C', Name: 'C', Duration: '1d', 'Outline Level': 1, Predecessors: 'SFS+50%' },
      ]),
    );
    expect(r.S.finish).toBe('2027-03-04T17:00');
    expect(r.C.start).toBe('2027-03-09T08:00');
  });

  test('FS+2ed: an elapsed lag runs through the weekend (Fri 17:00 + 48 h = Sun 17:00 -> Mon 08:00)', () => {
    const r = run(
      plan([
        A5,
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'AFS+2ed' },
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'AFS+3ed' },
      ]),
    );
    expect(r.B.start).toBe('2027-03-08T08:00');
    expect(r.C.start).toBe('2027-03-09T08:00');
  });

  test('two predecessors: the later one drives the start', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d' },
        { ID: 'B', Name: 'B', Duration: '4d' },
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'A, B' },
      ]),
    );
    expect(r.C.start).toBe('2027-03-05T08:00');
  });
});

describe('durations and calendars', () => {
  test('hours: a 6h task runs over lunch and a 3h successor runs into the next morning', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '6h' },
        { ID: 'B', Name: 'B', Duration: '3h', Predecessors: 'A' },
      ]),
    );
    expect(r.A.finish).toBe('2027-03-01T15:00');
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-01T15:00', '2027-03-02T09:00']);
  });

  test('elapsed duration: 3ed after a Friday 17:00 finish runs around the clock to Monday 17:00', () => {
    const r = run(plan([A5, { ID: 'B', Name: 'Cure', Duration: '3ed', Predecessors: 'A' }]));
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-05T17:00', '2027-03-08T17:00']);
  });

  test('weeks and months: 2w is 10 working days, 1mo is 20', () => {
    const r = run(
      plan([
        { ID: 'W', Name: 'W', Duration: '2w' },
        { ID: 'M', Name: 'M', Duration: '1mo' },
      ]),
    );
    expect(r.W.finish).toBe('2027-03-12T17:00');
    expect(r.M.finish).toBe('2027-03-26T17:00');
  });

  test('fractional days: 1.5d finishes at noon of the second day', () => {
    const r = run(plan([{ ID: 'A', Name: 'A', Duration: '1.5d' }]));
    expect(r.A.finish).toBe('2027-03-02T12:00');
  });

  test('milestone: a 0-duration task after a task sits at that task finish (Fri 17:00)', () => {
    const r = run(plan([A5, { ID: 'M', Name: 'M', Duration: 0, Predecessors: 'A' }]));
    expect([r.M.start, r.M.finish]).toEqual(['2027-03-05T17:00', '2027-03-05T17:00']);
  });

  test('milestone with no predecessor: at the project start (Mon 08:00)', () => {
    const r = run(plan([{ ID: 'M', Name: 'Kick-off', Duration: 0 }]));
    expect(r.M.start).toBe('2027-03-01T08:00');
  });

  test('holiday: a 5d task over a Wednesday holiday finishes the next Monday', () => {
    const r = run(plan([A5], {}, { holidays: [{ Date: '2027-03-03', Name: 'Holiday' }] }));
    expect(r.A.finish).toBe('2027-03-08T17:00');
  });

  test('holiday range: an End Date makes a multi-day shutdown', () => {
    const r = run(plan([A5], {}, { holidays: [{ Date: '2027-03-02', 'End Date': '2027-03-04', Name: 'Shutdown' }] }));
    expect(r.A.finish).toBe('2027-03-10T17:00');
  });

  test('project start on a Saturday: the first task starts Monday 08:00', () => {
    const r = run(plan([A5], { 'Project Start': '2027-02-27' }));
    expect(r.A.start).toBe('2027-03-01T08:00');
  });

  test('Working Days Mon-Sat: a 6d task finishes Saturday', () => {
    const r = run(plan([{ ID: 'A', Name: 'A', Duration: '6d' }], { 'Working Days': 'Mon-Sat' }));
    expect(r.A.finish).toBe('2027-03-06T17:00');
  });

  test('Working Hours 07:00-15:00: days follow the hours (1d = 8 h from 07:00)', () => {
    const r = run(plan([{ ID: 'A', Name: 'A', Duration: '2d' }], { 'Working Hours': '07:00-15:00' }));
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-01T07:00', '2027-03-02T15:00']);
  });

  test('two shifts of 8 h: a day is 16 h, and 1d finishes at the end of the second shift', () => {
    const r = run(
      plan(
        [
          { ID: 'A', Name: 'A', Duration: '1d' },
          { ID: 'B', Name: 'B', Duration: '8h', Predecessors: 'A' },
        ],
        { 'Working Hours': '06:00-14:00,14:30-22:30' },
      ),
    );
    expect(r.A.finish).toBe('2027-03-01T22:30');
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-02T06:00', '2027-03-02T14:00']);
  });
});

describe('constraints and deadlines', () => {
  test('SNET later than the links moves the task and leaves float on its predecessor', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d' },
        { ID: 'B', Name: 'B', Duration: '2d', Predecessors: 'A', Constraint: 'SNET', 'Constraint Date': '2027-03-08' },
      ]),
    );
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-08T08:00', '2027-03-09T17:00']);
    expect(r.A.totalFloat).toBe(3);
    expect(r.A.critical).toBe(false);
  });

  test('SNET earlier than the links changes nothing', () => {
    const r = run(
      plan([
        A5,
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'A', Constraint: 'SNET', 'Constraint Date': '2027-03-02' },
      ]),
    );
    expect(r.B.start).toBe('2027-03-08T08:00');
  });

  test('FNET: the task finishes no earlier than the date (17:00 that day)', () => {
    const r = run(plan([{ ID: 'A', Name: 'A', Duration: '2d', Constraint: 'FNET', 'Constraint Date': '2027-03-05' }]));
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-04T08:00', '2027-03-05T17:00']);
  });

  test('MSO: the task starts on the date and has no float', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d', Constraint: 'MSO', 'Constraint Date': '2027-03-10' },
        { ID: 'L', Name: 'Long', Duration: '20d' },
      ]),
    );
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-10T08:00', '2027-03-11T17:00']);
    expect(r.A.totalFloat).toBe(0);
    expect(r.A.critical).toBe(true);
  });

  test('MSO before the predecessor finishes: the constraint is honoured and the predecessor gets negative float', () => {
    const c = calc(
      plan([
        A5,
        { ID: 'B', Name: 'B', Duration: '2d', Predecessors: 'A', Constraint: 'MSO', 'Constraint Date': '2027-03-03' },
      ]),
    );
    const r = byId(c);
    expect(r.B.start).toBe('2027-03-03T08:00');
    expect(r.A.totalFloat).toBe(-3);
    expect(r.A.critical).toBe(true);
    expect(c.issues.map(issueToJson)).toEqual([
      expect.objectContaining({ severity: 'warning', where: 'tasks[1].Constraint' }),
    ]);
    expect(c.issues[0].message).toMatch(/MSO .* honoured/);
  });

  test('MFO: the task finishes on the date', () => {
    const r = run(plan([{ ID: 'A', Name: 'A', Duration: '3d', Constraint: 'MFO', 'Constraint Date': '2027-03-10' }]));
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-08T08:00', '2027-03-10T17:00']);
  });

  test('SNLT pushed by a predecessor: the constraint wins, the predecessor gets negative float', () => {
    const r = run(
      plan([
        A5,
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'A', Constraint: 'SNLT', 'Constraint Date': '2027-03-03' },
      ]),
    );
    expect(r.B.start).toBe('2027-03-03T08:00');
    expect(r.A.totalFloat).toBe(-3);
  });

  test('FNLT that cannot be met from the project start: the task stays at the start with negative float', () => {
    const r = run(plan([{ ID: 'A', Name: 'A', Duration: '5d', Constraint: 'FNLT', 'Constraint Date': '2027-03-03' }]));
    expect(r.A.start).toBe('2027-03-01T08:00');
    expect(r.A.totalFloat).toBe(-2);
    expect(r.A.critical).toBe(true);
  });

  test('FNLT with room: float is the time to the constraint', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d', Constraint: 'FNLT', 'Constraint Date': '2027-03-05' },
        { ID: 'L', Name: 'Long', Duration: '20d' },
      ]),
    );
    expect(r.A.totalFloat).toBe(3);
    expect(r.A.lateFinish).toBe('2027-03-05T17:00');
  });

  test('ALAP: scheduled at its late dates, pushing its ASAP successor along, while early dates stay early', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d', Constraint: 'ALAP' },
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'A' },
        { ID: 'B', Name: 'B', Duration: '10d' },
      ]),
    );
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-10T08:00', '2027-03-11T17:00']);
    expect(r.A.earlyStart).toBe('2027-03-01T08:00');
    expect(r.C.start).toBe('2027-03-12T08:00');
    expect(r.A.totalFloat).toBe(7);
  });

  test('deadline missed: negative float and a warning on the deadline cell', () => {
    const c = calc(plan([{ ID: 'A', Name: 'A', Duration: '5d', Deadline: '2027-03-03' }]));
    const t = calculationToJson(c).tasks[0];
    expect(t.totalFloat).toBe(-2);
    expect(t.critical).toBe(true);
    expect(c.issues.map(issueToJson)).toEqual([
      expect.objectContaining({ severity: 'warning', where: 'tasks[0].Deadline' }),
    ]);
  });

  test('deadline met: float up to the deadline, no warning', () => {
    const c = calc(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d', Deadline: '2027-03-05' },
        { ID: 'L', Name: 'Long', Duration: '20d' },
      ]),
    );
    expect(calculationToJson(c).tasks[0].totalFloat).toBe(3);
    expect(c.issues).toEqual([]);
  });
});

describe('progress', () => {
  test('Actual Start overrides the links', () => {
    const r = run(
      plan([
        A5,
        { ID: 'B', Name: 'B', Duration: '2d', Predecessors: 'A', 'Actual Start': '2027-03-02', '% Complete': '50%' },
      ]),
    );
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-02T08:00', '2027-03-03T17:00']);
  });

  test('Actual Start and Finish fix the duration actually taken; successors follow the actual finish', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '5d', 'Actual Start': '2027-03-01', 'Actual Finish': '2027-03-02' },
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'A' },
      ]),
    );
    expect(r.A.finish).toBe('2027-03-02T17:00');
    expect(r.B.start).toBe('2027-03-03T08:00');
  });

  test('Actual Start with a time of day is kept to the minute', () => {
    const r = run(plan([{ ID: 'A', Name: 'A', Duration: '1d', 'Actual Start': '2027-03-01T10:30' }]));
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-01T10:30', '2027-03-02T10:30']);
  });

  test("progress out of sequence: B started before A lets it, so A shows negative float, and a warning at B's Actual Start says why", () => {
    const c = calc(plan([A5, { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'A', 'Actual Start': '2027-03-01' }]));
    const t = byId(c);
    // B ran Monday; A must still finish before B's late start (Friday 08:00), so by Thursday 17:00: -1d.
    expect([t.B.start, t.B.finish]).toEqual(['2027-03-01T08:00', '2027-03-01T17:00']);
    expect([t.A.lateFinish, t.A.totalFloat, t.A.critical]).toEqual(['2027-03-04T17:00', -1, true]);
    const warning = c.issues.find((i) => formatLocation(i.at) === 'tasks[1]["Actual Start"]');
    expect(warning?.message).toBe(
      "Task B 'B' started Mon 2027-03-01 08:00, before its predecessor A 'A' lets it start (Mon 2027-03-08 08:00): its progress is out of sequence. The link still counts backwards, so the tasks before it show negative float.",
    );
    // Started at the same working instant as the link allows (Sunday night for Monday 08:00): in sequence.
    const inSequence = calc(
      plan([A5, { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'A', 'Actual Start': '2027-03-07T23:00' }]),
    );
    expect(inSequence.issues.filter((i) => i.message.includes('out of sequence'))).toEqual([]);
  });

  test('a 100% complete task is never critical', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d', '% Complete': '100%', 'Actual Start': '2027-03-01' },
        { ID: 'B', Name: 'B', Duration: '2d', Predecessors: 'A' },
      ]),
    );
    expect(r.A.critical).toBe(false);
    expect(r.B.critical).toBe(true);
  });
});

describe('summary tasks', () => {
  const outline = (rows: [string, number, string | number, string?][]) =>
    rows.map(([ID, level, Duration, Predecessors]) => ({
      ID,
      Name: ID,
      'Outline Level': level,
      Duration,
      ...(Predecessors ? { Predecessors } : {}),
    }));

  test('a summary spans its subtasks', () => {
    const r = run(
      plan(
        outline([
          ['S', 1, ''],
          ['A', 2, '2d'],
          ['B', 2, '3d', 'A'],
        ]),
      ),
    );
    expect([r.S.start, r.S.finish]).toEqual(['2027-03-01T08:00', '2027-03-05T17:00']);
  });

  test('a link into a summary holds back all its subtasks', () => {
    const r = run(
      plan(
        outline([
          ['P', 1, '3d'],
          ['S', 1, '', 'P'],
          ['A', 2, '2d'],
          ['B', 2, '1d'],
        ]),
      ),
    );
    expect(r.A.start).toBe('2027-03-04T08:00');
    expect(r.B.start).toBe('2027-03-04T08:00');
    expect(r.S.start).toBe('2027-03-04T08:00');
  });

  test('a link from a summary waits for its last subtask', () => {
    const r = run(
      plan(
        outline([
          ['S', 1, ''],
          ['A', 2, '2d'],
          ['B', 2, '4d'],
          ['C', 1, '1d', 'S'],
        ]),
      ),
    );
    expect(r.C.start).toBe('2027-03-05T08:00');
  });

  test('nested summaries inherit a link from two levels up', () => {
    const r = run(
      plan(
        outline([
          ['P', 1, '1d'],
          ['S', 1, '', 'P'],
          ['T', 2, ''],
          ['A', 3, '1d'],
        ]),
      ),
    );
    expect(r.A.start).toBe('2027-03-02T08:00');
  });

  test('FF from a summary that an elapsed subtask finishes on Sunday: the Friday 17:00 successor meets it, and no float goes negative', () => {
    // A 2.5d; B 2ed, FS+2d after A: Wed 12:00 + 2d = Fri 12:00, + 48 h = Sun 12:00, which ends S.
    // C FF S: Sun 12:00 is the working instant of Fri 17:00, so C finishes Fri 17:00 and
    // bounds S's finish there; B, in wall-clock time, must read that bound as the instant's
    // latest wall time (Mon 08:00), or it would be pulled back to Wed 17:00 (float -1.5d).
    const r = run(
      plan(
        outline([
          ['S', 1, ''],
          ['A', 2, '2.5d'],
          ['B', 2, '2ed', 'AFS+2d'],
          ['T', 1, ''],
          ['C', 2, '1d', 'SFF'],
        ]),
      ),
    );
    expect([r.B.start, r.B.finish, r.S.finish]).toEqual(['2027-03-05T12:00', '2027-03-07T12:00', '2027-03-07T12:00']);
    expect([r.C.start, r.C.finish]).toEqual(['2027-03-05T08:00', '2027-03-05T17:00']);
    expect([r.A.totalFloat, r.B.totalFloat, r.S.totalFloat, r.C.totalFloat]).toEqual([0, 0, 0, 0]);
    expect([r.B.lateStart, r.B.lateFinish]).toEqual([r.B.start, r.B.finish]);
  });

  test('FS into a summary that an elapsed subtask starts on Saturday 17:00: that moment is exact, so the chain before it has no float', () => {
    // N 1d ends Mon 17:00; E1 5ed runs to Sat 17:00 and ends P; Q (after P) starts then with E2 1ed.
    // Sat 17:00 is inside non-working time: it is not the working instant of Mon 08:00, so P (and
    // E1, N) must finish by Sat 17:00, not Monday: N is critical.
    const r = run(
      plan(
        outline([
          ['N', 1, '1d'],
          ['P', 1, ''],
          ['E1', 2, '5ed', 'N'],
          ['Q', 1, '', 'P'],
          ['E2', 2, '1ed'],
        ]),
      ),
    );
    expect([r.E1.finish, r.Q.start, r.E2.finish]).toEqual(['2027-03-06T17:00', '2027-03-06T17:00', '2027-03-07T17:00']);
    expect([r.N.totalFloat, r.E1.totalFloat, r.P.totalFloat]).toEqual([0, 0, 0]);
    expect([r.N.critical, r.E1.critical]).toEqual([true, true]);
    expect(r.E1.lateFinish).toBe('2027-03-06T17:00');
  });

  test("summary % complete is the subtasks' completed working time over their total", () => {
    const c = calc(
      plan([
        { ID: 'S', Name: 'S', 'Outline Level': 1, Duration: '' },
        { ID: 'A', Name: 'A', 'Outline Level': 2, Duration: '2d', '% Complete': '50%' },
        { ID: 'B', Name: 'B', 'Outline Level': 2, Duration: '6d' },
      ]),
    );
    expect(c.schedule!.percentComplete[0]).toBeCloseTo(12.5, 6);
  });
});

describe('float and the critical path', () => {
  test('total float and free float differ along a chain', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d' },
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'A' },
        { ID: 'C', Name: 'C', Duration: '6d' },
        { ID: 'D', Name: 'D', Duration: '1d', Predecessors: 'B, C' },
      ]),
    );
    expect([r.A.totalFloat, r.A.freeFloat]).toEqual([3, 0]);
    expect([r.B.totalFloat, r.B.freeFloat]).toEqual([3, 3]);
    expect([r.C.critical, r.D.critical, r.A.critical]).toEqual([true, true, false]);
  });

  test('float in hours is reported in fractional working days', () => {
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '4h' },
        { ID: 'B', Name: 'B', Duration: '1d' },
      ]),
    );
    expect(r.A.totalFloat).toBe(0.5);
  });

  test('the driving predecessor is the one that sets the start', () => {
    const c = calc(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d' },
        { ID: 'B', Name: 'B', Duration: '4d' },
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'A, BFS+1d' },
      ]),
    );
    expect(describeDriver(c.plan!, c.schedule!, 2)).toBe('BFS+1d');
    expect(describeDriver(c.plan!, c.schedule!, 0)).toBe('Project start');
  });

  test('% lags keep their exact percentages, each its own: FS+12.5% and SS+33.3% of an 8d task', () => {
    const c = calc(
      plan([
        { ID: 'A', Name: 'A', Duration: '8d' },
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'AFS+12.5%' },
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'ASS+33.3%' },
      ]),
    );
    expect(describeDriver(c.plan!, c.schedule!, 1)).toBe('AFS+12.5%');
    expect(describeDriver(c.plan!, c.schedule!, 2)).toBe('ASS+33.3%');
    const r = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '8d' },
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'AFS+12.5%' },
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'ASS+33.3%' },
      ]),
    );
    // 12.5% of 8d = 1d after Wed 10 Mar 17:00; 33.3% of 3,840 min = 1,279 min = 2d 5h 19m after Mon 1 Mar 08:00.
    expect(r.B.start).toBe('2027-03-12T08:00');
    expect(r.C.start).toBe('2027-03-03T14:19');
  });
});

describe('row order and upward links', () => {
  test('a plan whose links run upwards schedules the same as the same plan typed top-down', () => {
    const down = run(
      plan([
        { ID: 'A', Name: 'A', Duration: '2d' },
        { ID: 'B', Name: 'B', Duration: '3d', Predecessors: 'A' },
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'BSS+1d' },
      ]),
    );
    const up = run(
      plan([
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'BSS+1d' },
        { ID: 'B', Name: 'B', Duration: '3d', Predecessors: 'A' },
        { ID: 'A', Name: 'A', Duration: '2d' },
      ]),
    );
    expect(up).toEqual(down);
  });
});

describe('an Actual Finish without an Actual Start', () => {
  test('the task ran up to it, for its duration: start follows from the finish', () => {
    const r = run(
      plan(
        [
          { ID: 'A', Name: 'A', Duration: '3d', 'Actual Finish': '2027-03-12' },
          { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'A' },
        ],
        { 'Status Date': '2027-03-15' },
      ),
    );
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-10T08:00', '2027-03-12T17:00']);
    expect(r.B.start).toBe('2027-03-15T08:00');
  });

  test('a milestone with an Actual Finish sits at it', () => {
    const r = run(
      plan([{ ID: 'M', Name: 'M', Duration: 0, 'Actual Finish': '2027-03-12' }], { 'Status Date': '2027-03-15' }),
    );
    expect([r.M.start, r.M.finish]).toEqual(['2027-03-12T17:00', '2027-03-12T17:00']);
  });
});

describe("Project's rules where the engine once differed (issue 15)", () => {
  const at = (start: string) => ({ 'Project Start': start });

  test('SNET before the project start: an unlinked task starts on its SNET date, not on the project start', () => {
    // Project Start Monday 03-08; A 2d SNET Monday 03-01: Project schedules A 03-01 08:00 to 03-02 17:00 (Microsoft
    // lists "a Start No Earlier Than date before the project start" among the causes of a task starting before it).
    const c = calc(
      plan(
        [
          { ID: 'A', Name: 'A', Duration: '2d', Constraint: 'SNET', 'Constraint Date': '2027-03-01' },
          { ID: 'B', Name: 'B', Duration: '1d' },
        ],
        at('2027-03-08'),
      ),
    );
    const r = byId(c);
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-01T08:00', '2027-03-02T17:00']);
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-08T08:00', '2027-03-08T17:00']);
    // The project's start is its earliest task's, and the constraint drives A.
    expect(calculationToJson(c).project!.start).toBe('2027-03-01T08:00');
    expect(describeDriver(c.plan!, c.schedule!, 0)).toMatch(/SNET/);
  });

  test('SNET before the project start with a predecessor: the link drives, as any SNET earlier than its links', () => {
    const r = run(
      plan(
        [
          { ID: 'A', Name: 'A', Duration: '1d' },
          {
            ID: 'B',
            Name: 'B',
            Duration: '1d',
            Predecessors: 'A',
            Constraint: 'SNET',
            'Constraint Date': '2027-03-01',
          },
        ],
        at('2027-03-08'),
      ),
    );
    expect(r.A.start).toBe('2027-03-08T08:00');
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-09T08:00', '2027-03-09T17:00']);
  });

  test('FNET before the project start: the task stays on the project start (only SNET and MSO take its place)', () => {
    const r = run(
      plan(
        [{ ID: 'A', Name: 'A', Duration: '2d', Constraint: 'FNET', 'Constraint Date': '2027-03-02' }],
        at('2027-03-08'),
      ),
    );
    expect([r.A.start, r.A.finish]).toEqual(['2027-03-08T08:00', '2027-03-09T17:00']);
  });

  test('MSO before the project start: the task starts on its date (unchanged)', () => {
    const r = run(
      plan(
        [{ ID: 'A', Name: 'A', Duration: '1d', Constraint: 'MSO', 'Constraint Date': '2027-03-03' }],
        at('2027-03-08'),
      ),
    );
    expect(r.A.start).toBe('2027-03-03T08:00');
  });

  const monday = { ID: 'A', Name: 'A', Duration: '1d', Constraint: 'SNET', 'Constraint Date': '2027-03-08' };

  test("SF: a finish the link meets shows the predecessor's moment (Monday 08:00, not Friday 17:00)", () => {
    const c = calc(
      plan([
        monday,
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'ASF' },
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'B' },
        { ID: 'S', Name: 'S', Duration: '', 'Outline Level': 1 },
        { ID: 'D', Name: 'D', Duration: '2d', Predecessors: 'ASF', 'Outline Level': 2 },
      ]),
    );
    const r = byId(c);
    expect(r.A.start).toBe('2027-03-08T08:00');
    // B: 1d finishing at Monday 08:00 starts Friday 08:00; Project shows its finish on Monday 08:00.
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-05T08:00', '2027-03-08T08:00']);
    // The same working instant as Friday 17:00: its FS successor starts Monday 08:00, its float is 0.
    expect([r.C.start, r.C.finish]).toEqual(['2027-03-08T08:00', '2027-03-08T17:00']);
    expect([r.B.totalFloat, r.B.critical, r.B.lateFinish]).toEqual([0, true, '2027-03-08T08:00']);
    // A summary spans it: S finishes Monday 08:00 too.
    expect([r.D.start, r.D.finish, r.S.finish]).toEqual(['2027-03-04T08:00', '2027-03-08T08:00', '2027-03-08T08:00']);
  });

  test('SF, followed through an elapsed lag: shown at Friday 17:00, as the instant has it (Project differs)', () => {
    // Project would count E's lag from Monday 08:00; the engine counts from the instant, Friday 17:00,
    // and keeps B's finish there so that nothing shows before what it follows (docs/scheduling.md).
    const r = run(
      plan([
        monday,
        { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'ASF' },
        { ID: 'E', Name: 'E', Duration: '1d', Predecessors: 'BFS+2eh' },
      ]),
    );
    expect(r.B.finish).toBe('2027-03-05T17:00');
    expect(r.E.start).toBe('2027-03-08T08:00');
  });

  test('SF with a lag: the lag ends a working day (Monday 08:00 + 1d = Monday 17:00), as before', () => {
    const r = run(plan([monday, { ID: 'B', Name: 'B', Duration: '1d', Predecessors: 'ASF+1d' }]));
    expect([r.B.start, r.B.finish]).toEqual(['2027-03-08T08:00', '2027-03-08T17:00']);
  });

  test('SF into a milestone: the milestone is the moment itself (Monday 08:00)', () => {
    const r = run(plan([monday, { ID: 'M', Name: 'M', Duration: '0d', Predecessors: 'ASF' }]));
    expect([r.M.start, r.M.finish]).toEqual(['2027-03-08T08:00', '2027-03-08T08:00']);
  });

  test('slack of an elapsed task is elapsed time: a 1ed task beside a 22d one has 28.375 ed, not 21 working days', () => {
    // L runs Mon 03-01 08:00 to Tue 03-30 17:00 (22 working days). E, 1ed from Mon 03-01 08:00, may finish by Tue 03-30
    // 17:00, so start by Mon 03-29 17:00: 28 days and 9 hours later around the clock (21 working days).
    const c = calc(
      plan([
        { ID: 'L', Name: 'L', Duration: '22d' },
        { ID: 'E', Name: 'E', Duration: '1ed' },
      ]),
    );
    const r = byId(c);
    expect(r.L.finish).toBe('2027-03-30T17:00');
    expect(r.E.lateStart).toBe('2027-03-29T17:00');
    expect(r.E.totalFloat).toBe(28.375);
    expect(r.E.freeFloat).toBe(28.375); // no successor: the slack to the project finish
    expect(c.schedule!.totalFloat[1]).toBe(28 * 1440 + 9 * 60); // elapsed minutes
    expect(r.L.totalFloat).toBe(0);
  });

  test("an elapsed task's free slack is elapsed time too: up to its successor's start", () => {
    // E 1ed Mon 08:00 to Tue 08:00; C (SNET Friday) starts Fri 03-05 08:00: E may finish by then, 3 elapsed days later.
    const r = run(
      plan([
        { ID: 'E', Name: 'E', Duration: '1ed' },
        { ID: 'C', Name: 'C', Duration: '1d', Predecessors: 'E', Constraint: 'SNET', 'Constraint Date': '2027-03-05' },
      ]),
    );
    expect(r.C.start).toBe('2027-03-05T08:00');
    expect([r.E.freeFloat, r.E.totalFloat]).toEqual([3, 3]);
  });
});
