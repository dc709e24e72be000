import { Arena, UNCOUNTED_BUDGET_BYTES, allocateBuffer, uncountedBytesInUse } from '../../../src/core/schedule/arena';
import {
  HAS_CONSTRAINT_DATE,
  HAS_DEADLINE,
  LAG_ELAPSED,
  LAG_PERCENT,
  LAG_WORKING,
  linkWord,
  readScheduleInput,
  wordLag,
  wordLagKind,
  wordType,
} from '../../../src/core/schedule/input';
import { schedule, scheduleInput } from '../../../src/core/schedule/schedule';
import { formatWall, wallFromParts } from '../../../src/core/time';
import { calc, plan } from '../../helpers';

test('arrays from an arena are zeroed, aligned and do not overlap', () => {
  const arena = new Arena(1000);
  const a = arena.u8(3);
  const b = arena.f64(4);
  const c = arena.i32(5);
  a.fill(255);
  b.fill(1.5);
  c.fill(-1);
  expect(Array.from(a)).toEqual([255, 255, 255]);
  expect(Array.from(b)).toEqual([1.5, 1.5, 1.5, 1.5]);
  expect(Array.from(c)).toEqual([-1, -1, -1, -1, -1]);
  expect(b.byteOffset % 8).toBe(0);
  expect(Array.from(arena.f64(2))).toEqual([0, 0]);
  expect(arena.overflows).toBe(0);
});

test('a scheduling run fits the room it reserves, with summaries, ALAP tasks and % lags', () => {
  const rows = [];
  for (let g = 0; g < 20; g++) {
    rows.push({
      ID: `S${g}`,
      Name: 'Group',
      Duration: '',
      'Outline Level': 1,
      ...(g > 0 ? { Predecessors: `S${g - 1}SS+1d` } : {}),
    });
    for (let k = 0; k < 5; k++) {
      rows.push({
        ID: `T${g}-${k}`,
        Name: 'Task',
        Duration: k === 4 ? '0' : `${k + 1}d`,
        'Outline Level': 2,
        ...(k > 0 ? { Predecessors: `T${g}-${k - 1}FS+50%` } : {}),
        ...(k === 2 ? { Constraint: 'ALAP' } : {}),
      });
    }
  }
  const c = calc(plan(rows));
  expect(c.schedule).not.toBeNull();
  const input = readScheduleInput(c.plan!.tasks, c.schedule!.calendar);
  expect(input.hasAlap).toBe(true);
  const result = scheduleInput(c.plan!, c.schedule!.calendar, input);
  expect(Array.from(result.start)).toEqual(Array.from(c.schedule!.start));
  expect(input.arena.overflows).toBe(0);
});

test("arena memory comes from outside V8's accounting only up to a budget, then from ordinary ArrayBuffers", () => {
  const before = uncountedBytesInUse();
  const small = allocateBuffer(1024);
  expect(small).toBeInstanceOf(SharedArrayBuffer);
  expect(uncountedBytesInUse()).toBe(before + 1024);
  expect(new Uint8Array(small).every((b) => b === 0)).toBe(true);
  // More than the budget has room for: an ordinary, accounted buffer, and the count does not move.
  const big = allocateBuffer(UNCOUNTED_BUDGET_BYTES - uncountedBytesInUse() + 1);
  expect(big).toBeInstanceOf(ArrayBuffer);
  expect(uncountedBytesInUse()).toBe(before + 1024);
});

test('a plan with more links than the reader guessed grows its link columns and keeps every link in place', () => {
  // Six predecessors per task: more than twice the guess the link columns start with.
  const rows = [];
  for (let i = 1; i <= 40; i++) {
    const preds = [];
    for (let k = 1; k <= 6 && i - k >= 1; k++) preds.push(k % 2 === 0 ? `${i - k}SS+${k}h` : `${i - k}`);
    rows.push({ ID: String(i), Name: `Task ${i}`, Duration: `${(i % 3) + 1}d`, Predecessors: preds.join(';') });
  }
  const c = calc(plan(rows));
  expect(c.schedule).not.toBeNull();
  const tasks = c.plan!.tasks;
  const input = readScheduleInput(tasks, c.schedule!.calendar);
  const expected = tasks.flatMap((t, j) => t.links.map((l) => [l.pred, j, l.type === 'SS' ? 1 : 0, l.lag.minutes]));
  expect(expected.length).toBeGreaterThan(3 * tasks.length);
  const successor = (l: number) => tasks.findIndex((_, j) => input.linkStart[j] <= l && l < input.linkStart[j + 1]);
  expect(
    Array.from(input.linkPred, (p, l) => [p, successor(l), wordType(input.linkWord[l]), wordLag(input.linkWord[l])]),
  ).toEqual(expected);
  expect(Array.from(scheduleInput(c.plan!, c.schedule!.calendar, input).finish)).toEqual(
    Array.from(c.schedule!.finish),
  );
});

test("a run takes over the input's % complete column and rolls summaries up in it: a second run over the same input agrees", () => {
  const c = calc(
    plan([
      { ID: 'S', Name: 'Shoot', Duration: '', 'Outline Level': 1 },
      {
        ID: 'A',
        Name: 'Day 1',
        Duration: '2d',
        'Outline Level': 2,
        '% Complete': '100%',
        'Actual Start': '2027-03-01',
      },
      {
        ID: 'B',
        Name: 'Day 2',
        Duration: '2d',
        'Outline Level': 2,
        Predecessors: 'A',
        '% Complete': '50%',
        'Actual Start': '2027-03-03',
      },
      { ID: 'C', Name: 'Wrap', Duration: '1d', 'Outline Level': 1, Predecessors: 'S' },
    ]),
  );
  const input = readScheduleInput(c.plan!.tasks, c.schedule!.calendar);
  const first = scheduleInput(c.plan!, c.schedule!.calendar, input);
  expect(Array.from(first.percentComplete)).toEqual([75, 100, 50, 0]);
  const second = scheduleInput(c.plan!, c.schedule!.calendar, input);
  for (const key of [
    'start',
    'finish',
    'totalFloat',
    'freeFloat',
    'duration',
    'percentComplete',
    'critical',
  ] as const) {
    expect(Array.from(second[key])).toEqual(Array.from(first[key]));
  }
});

test("a plan whose links run upwards (ordered by Kahn's algorithm) also fits the room it reserves", () => {
  const rows = [];
  for (let g = 0; g < 10; g++) {
    rows.push({ ID: `S${g}`, Name: 'Group', Duration: '', 'Outline Level': 1 });
    for (let k = 0; k < 4; k++) {
      rows.push({
        ID: `T${g}-${k}`,
        Name: 'Task',
        Duration: `${k + 1}d`,
        'Outline Level': 2,
        ...(k < 3 ? { Predecessors: `T${g}-${k + 1}` } : g < 9 ? { Predecessors: `S${g + 1}` } : {}),
      });
    }
  }
  const c = calc(plan(rows));
  expect(c.schedule).not.toBeNull();
  const input = readScheduleInput(c.plan!.tasks, c.schedule!.calendar);
  const result = scheduleInput(c.plan!, c.schedule!.calendar, input);
  expect(Array.from(result.network.order)).not.toEqual(Array.from(result.network.order).sort((a, b) => a - b));
  expect(Array.from(result.finish)).toEqual(Array.from(c.schedule!.finish));
  expect(input.arena.overflows).toBe(0);
});

describe('what the reader tells the run about the plan', () => {
  const input = (rows: Record<string, string | number>[]) => {
    const c = calc(plan(rows));
    return readScheduleInput(c.plan!.tasks, c.schedule!.calendar);
  };
  const row = (ID: string, extra: Record<string, string | number> = {}) => ({ ID, Name: ID, Duration: '1d', ...extra });

  test('rowOrder: every link runs down the rows (the rows are the order), not when one runs upwards', () => {
    expect(input([row('A'), row('B', { Predecessors: 'A' }), row('C', { Predecessors: 'A, B' })]).rowOrder).toBe(true);
    expect(input([row('A', { Predecessors: 'B' }), row('B'), row('C', { Predecessors: 'A' })]).rowOrder).toBe(false);
  });

  test('rowOrder: not when a summary (built in code) leads into its own subtask, which the run then reports as a loop', () => {
    const c = calc(
      plan([
        { ID: 'S', Name: 'S', Duration: '', 'Outline Level': 1 },
        { ...row('A'), 'Outline Level': 2 },
        { ...row('B'), 'Outline Level': 2 },
      ]),
    );
    const tasks = c.plan!.tasks;
    expect(readScheduleInput(tasks, c.schedule!.calendar).rowOrder).toBe(true);
    tasks[2].links.push({ pred: 0, type: 'FS', lag: { minutes: 0, elapsed: false }, text: 'S' });
    expect(readScheduleInput(tasks, c.schedule!.calendar).rowOrder).toBe(false);
    const result = schedule(c.plan!);
    expect(result.issues.map((i) => i.severity)).toEqual(['error']);
    expect(result.issues[0].message).toMatch(/loop/);
  });

  test('an actual date past the year 5999 in a plan built in code is refused before it is cut to 32 bits', () => {
    const c = calc(plan([row('A'), row('B', { Predecessors: 'A' })]));
    c.plan!.tasks[1].actualStart = wallFromParts(7000, 1, 5, 8);
    expect(readScheduleInput(c.plan!.tasks, c.schedule!.calendar).actualPastLast).toBe(1);
    const result = schedule(c.plan!);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'error', at: c.plan!.tasks[1].refs.actualStart }),
    ]);
  });

  test("a summary with no subtasks (built in code) is a point after its predecessors, in the row order and in Kahn's order alike", () => {
    const c = calc(
      plan([
        row('X', { Predecessors: 'Y' }),
        row('A', { Duration: '2d' }),
        row('S', { Predecessors: 'A' }),
        row('B', { Predecessors: 'S' }),
        row('Y'),
        row('Z', { Duration: '10d' }),
      ]),
    );
    const tasks = c.plan!.tasks;
    tasks[2].isSummary = true;
    tasks[2].duration = null;
    const byKahn = schedule(c.plan!);
    expect(byKahn.network.order.length).toBe(byKahn.network.nodeCount);
    tasks[0].links = [];
    tasks[4].links = [];
    const byRows = scheduleInput(c.plan!, c.schedule!.calendar, readScheduleInput(tasks, c.schedule!.calendar));
    for (const r of [byKahn, byRows]) {
      // A: Mon 08:00 to Tue 17:00; S sits at A's finish; B runs Wednesday.
      expect([formatWall(r.start[2]), formatWall(r.finish[2])]).toEqual(['2027-03-02T17:00', '2027-03-02T17:00']);
      expect(formatWall(r.start[3])).toBe('2027-03-03T08:00');
      // Z (10d) sets the finish: A, S and B all have 7 days of float, not none.
      expect([r.totalFloat[1], r.totalFloat[2], r.totalFloat[3]]).toEqual([7 * 480, 7 * 480, 7 * 480]);
    }
  });

  test('hasProgress, and the % complete column written only where it is not 0', () => {
    const none = input([row('A'), row('B', { Predecessors: 'A' })]);
    expect(none.hasProgress).toBe(false);
    expect(Array.from(none.percentComplete)).toEqual([0, 0]);
    const some = input([row('A', { '% Complete': '40%', 'Actual Start': '2027-03-01' }), row('B')]);
    expect(some.hasProgress).toBe(true);
    expect(Array.from(some.percentComplete)).toEqual([40, 0]);
  });

  test('constraint dates and deadlines are kept by task, for the tasks that have them', () => {
    const r = input([
      row('A'),
      row('B', { Constraint: 'SNET', 'Constraint Date': '2027-03-03' }),
      row('C', { Deadline: '2027-03-10' }),
    ]);
    expect([...r.constraintDate.keys()]).toEqual([1]);
    expect([...r.deadline.keys()]).toEqual([2]);
    expect(r.dated[1] & HAS_CONSTRAINT_DATE).toBeTruthy();
    expect(r.dated[2] & HAS_DEADLINE).toBeTruthy();
    expect(r.dated[0]).toBe(0);
  });
});

test('a link word keeps every type, lag kind and lag up to 100 years either way', () => {
  const longest = 100 * 366 * 1440;
  for (const type of [0, 1, 2, 3]) {
    for (const kind of [LAG_WORKING, LAG_ELAPSED, LAG_PERCENT]) {
      for (const lag of [-longest, -480, -1, 0, 1, 480, longest]) {
        const w = linkWord(type, kind, lag);
        expect([wordType(w), wordLagKind(w), wordLag(w)]).toEqual([type, kind, lag]);
      }
    }
  }
});
