/** The command line end to end: the contract's JSON shape, exit codes, and nothing written on errors. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, cli } from './run-cli';
import { textTable } from '../../src/cli/format';
import { SMALL_PLAN, tempDir, writeXlsx } from '../workbook/fixtures';
import { assertLibFresh } from '../support/built-lib';

// BIN runs lib/, compiled from src/: a stale build would test old code.
assertLibFresh();

function writeJson(dir: string, name: string, doc: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('calculate', () => {
  test('--json prints the contract document', async () => {
    const dir = tempDir();
    const r = await cli('calculate', writeJson(dir, 'plan.json', SMALL_PLAN), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['project', 'tasks', 'costs', 'earnedValue', 'issues']);
    expect(doc.project).toEqual({
      start: '2027-03-01T08:00',
      finish: '2027-03-04T17:00',
      statusDate: '2027-03-03T17:00',
    });
    expect(Object.keys(doc.tasks[0])).toEqual([
      'id',
      'name',
      'start',
      'finish',
      'earlyStart',
      'earlyFinish',
      'lateStart',
      'lateFinish',
      'totalFloat',
      'freeFloat',
      'critical',
    ]);
    expect(doc.tasks[2]).toEqual(
      expect.objectContaining({
        id: '3',
        start: '2027-03-04T17:00',
        finish: '2027-03-04T17:00',
        totalFloat: 0,
        critical: true,
      }),
    );
  });

  test('without --json prints a readable table', async () => {
    const dir = tempDir();
    const r = await cli('calculate', await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Project: 2027-03-01 08:00 to 2027-03-04 17:00, 3 tasks, 3 critical/);
    expect(r.out).toMatch(/2\s+=1\+1\s+2027-03-04 08:00\s+2027-03-04 17:00\s+0d\s+yes/);
  });

  test('a plan with errors exits 1 and lists each error with its cell', async () => {
    const dir = tempDir();
    const r = await cli(
      'calculate',
      writeJson(dir, 'bad.json', { settings: {}, tasks: [{ ID: '1', Name: 'A', Duration: 'x' }] }),
      '--json',
    );
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.tasks).toEqual([]);
    expect(doc.issues.map((i: { where: string }) => i.where)).toEqual(['settings', 'tasks[0].Duration']);
  });

  test.each([
    [['calculate', '/nonexistent/plan.xlsx'], /no such file/],
    [['calculate', 'plan.txt'], /expected an .xlsx workbook or a .json plan/],
    [['frobnicate'], /unknown command/],
    [['calculate'], /missing required argument/],
  ])('usage and file errors exit 2: %j', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test("a file that is not valid JSON exits 2 with the parser's reason", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ "tasks": [ ');
    const r = await cli('calculate', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken.json: not valid JSON/);
  });

  test('a file that is not a workbook exits 2', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fake.xlsx');
    fs.writeFileSync(file, 'not a zip');
    const r = await cli('calculate', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/this is not an \.xlsx workbook/);
  });
});

describe('regenerate', () => {
  test('writes a new file beside the input by default and never touches the input', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN);
    const before = fs.readFileSync(input);
    const r = await cli('regenerate', input);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Wrote Schedule, Gantt, Plan Issues to .*plan.regenerated.xlsx/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  test('-o writes where asked; -o with the input itself is refused', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN);
    expect((await cli('regenerate', input, '-o', path.join(dir, 'out.xlsx'))).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out.xlsx'))).toBe(true);
    const same = await cli('regenerate', input, '-o', input);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/use --in-place/);
  });

  test('errors: exit 1, input byte-identical, no output file', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', {
      ...SMALL_PLAN,
      tasks: [...SMALL_PLAN.tasks, { ID: '4', Name: 'Loop', Duration: '1d', Predecessors: '4' }],
    });
    const before = fs.readFileSync(input);
    const r = await cli('regenerate', input, '--in-place');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Nothing written[\s\S]*error\s+Tasks!E5\s+Task 4 'Loop' lists itself/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });
});

describe('the installed command', () => {
  test('bin/production-planner.js runs and returns the contract exit codes', () => {
    const dir = tempDir();
    const good = writeJson(dir, 'plan.json', SMALL_PLAN);
    const ok = spawnSync(process.execPath, [BIN, 'calculate', good, '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).tasks).toHaveLength(3);
    const bad = spawnSync(process.execPath, [BIN, 'calculate', writeJson(dir, 'bad.json', { tasks: [] })], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(spawnSync(process.execPath, [BIN, 'calculate'], { encoding: 'utf8' }).status).toBe(2);
  });
});

test("--today is the same calendar day whatever the machine's time zone", () => {
  const dir = tempDir();
  const file = writeJson(dir, 'plan.json', {
    settings: { 'Project Start': '2027-03-01' },
    tasks: [{ ID: '1', Name: 'A', Duration: '1d' }],
  });
  for (const TZ of ['UTC', 'America/New_York', 'Pacific/Auckland']) {
    const res = spawnSync(process.execPath, [BIN, 'calculate', file, '--json', '--today', '2027-03-03'], {
      encoding: 'utf8',
      env: { ...process.env, TZ },
    });
    expect(JSON.parse(res.stdout).project.statusDate).toBe('2027-03-03T17:00');
  }
});

describe('output as people read it', () => {
  test('a reader that stops early (| head -1) ends the run quietly', () => {
    const dir = tempDir();
    const doc = {
      ...SMALL_PLAN,
      tasks: Array.from({ length: 20000 }, (_, i) => ({ ID: String(i + 1), Name: `Task ${i + 1}`, Duration: '1d' })),
    };
    const plan = writeJson(dir, 'big.json', doc);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" calculate "${plan}" | head -1`], {
      encoding: 'utf8',
    });
    expect(r.stdout).toMatch(/^Project: /);
    expect(r.stderr).toBe('');
  });

  test('a table of 200,000 rows is laid out (no spread of every row into Math.max)', () => {
    const rows = Array.from({ length: 200001 }, (_, i) => [String(i), i % 2 ? 'x' : 'a longer cell']);
    const text = textTable(rows);
    expect(text.split('\n')).toHaveLength(200001);
    expect(text.split('\n')[200000]).toBe('200000  a longer cell');
    expect(text.split('\n')[1]).toBe('1       x');
  });

  test('a budget met to the unit is "on budget", never "-0 under"', async () => {
    const dir = tempDir();
    const plan = writeJson(dir, 'plan.json', {
      ...SMALL_PLAN,
      tasks: [{ ID: '1', Name: 'Prep', Duration: '1d', 'Cost Account': '2100', 'Fixed Cost': 1000 }],
      budget: [{ Account: '2100', Budget: 1000.2 }],
    });
    const r = await cli('calculate', plan);
    expect(r.out).toMatch(/estimated final cost 1,000 \(on budget\)/);
    expect(r.out).not.toMatch(/-0 under/);
  });

  test('--help names every sheet regenerate writes', async () => {
    const r = await cli('regenerate', '--help');
    expect(r.out.replace(/\s+/g, ' ')).toMatch(
      /\(Schedule, Gantt, Resource Usage, Cost Report, Earned Value, Plan Issues\)/,
    );
  });
});

describe('psplib', () => {
  const J301 = path.resolve(__dirname, '../fixtures/psplib/j301_1.sm');

  test('--json prints the makespan and each job start by its PSPLIB number, a feasible schedule', async () => {
    const r = await cli('psplib', J301, '--json', '--time-limit', '0.5');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { makespan: number; starts: Record<string, number> };
    expect(Object.keys(doc).slice(0, 2)).toEqual(['makespan', 'starts']);
    expect(Object.keys(doc.starts)).toEqual(Array.from({ length: 32 }, (_, j) => String(j + 1)));
    // j30 1_1: optimum 43 (j30opt.sm).
    expect(doc.makespan).toBe(43);
    expect(doc.starts['32']).toBe(43);
    // Job 1 precedes 2, 3 and 4; job 2 lasts 8 periods and precedes 6, 11 and 15.
    for (const s of ['6', '11', '15']) expect(doc.starts[s]).toBeGreaterThanOrEqual(doc.starts['2'] + 8);
  });

  test('the installed command levels within its time limit', () => {
    const t0 = Date.now();
    const res = spawnSync(process.execPath, [BIN, 'psplib', J301, '--time-limit', '0.3'], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(
      /^Makespan 43 periods \(critical path 38, lower bound 38\); [\d,]+ schedules in 0\.\d\d s\n1: 0\n/,
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test('an unreadable file is exit 2 with the line it stopped at; bad options are exit 2', async () => {
    const dir = tempDir();
    const cut = path.join(dir, 'cut.sm');
    fs.writeFileSync(cut, fs.readFileSync(J301, 'utf8').split('\n').slice(0, 72).join('\n') + '\n 19      1     3');
    expect(await cli('psplib', cut)).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /cut\.sm: line 73: expected job 19's mode, duration and 4 requests, found "19 {6}1 {5}3"/,
      ),
    });
    expect((await cli('psplib', path.join(dir, 'none.sm'))).err).toMatch(/none\.sm: no such file/);
    expect(await cli('psplib', J301, '--time-limit', '0')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--time-limit 0: give seconds/),
    });
    expect(await cli('psplib', J301, '--seed', 'x')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--seed x: give a whole number/),
    });
  });
});
