/**
 * The user's workbook survives every way a write can go wrong: a full disk, a link, a private or
 * read-only file, another writer at the same time, and the process killed mid-write.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, cli } from './run-cli';
import { generateNetwork, toJsonDocument } from '../../bench/generate';
import { loadWorkbook } from '../../src/workbook/exceljs-host';
import { baselineFile, regenerateFile } from '../../src/workbook/files';
import { SMALL_PLAN, tempDir, writeXlsx } from '../workbook/fixtures';
import { assertLibFresh } from '../support/built-lib';

assertLibFresh();

/** A small disk of its own (tmpfs), or null where this process may not mount one. */
function smallDisk(kb: number): { dir: string; done: () => void } | null {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return { dir, done: () => execFileSync('umount', [dir]) };
}

/** Fills a disk until `leave` bytes (about) are left. */
function fill(dir: string, leave: number): void {
  const free = fs.statfsSync(dir).bavail * fs.statfsSync(dir).bsize;
  fs.writeFileSync(path.join(dir, 'filler'), Buffer.alloc(Math.max(0, free - leave)));
}

const diskProbe = smallDisk(64);
diskProbe?.done();
const onSmallDisk = diskProbe ? describe : describe.skip;
if (!diskProbe)
  console.warn('file-safety: cannot mount a tmpfs here; full-disk cases run by write-failure injection only');

onSmallDisk('a full disk: exit 2, the workbook unchanged, no file left behind', () => {
  const commands: [string, string[]][] = [
    ['regenerate --in-place', ['regenerate', '--in-place']],
    ['clean --in-place', ['clean', '--in-place']],
    ['baseline --yes --in-place', ['baseline', '--yes', '--in-place']],
    ['regenerate -o', ['regenerate', '-o', 'out.xlsx']],
  ];
  test.each(commands)('%s', async (_name, args) => {
    const disk = smallDisk(400)!;
    try {
      const input = await writeXlsx(disk.dir, 'plan.xlsx', SMALL_PLAN);
      const before = fs.readFileSync(input);
      for (const leave of [0, 6000]) {
        fill(disk.dir, leave);
        const [command, ...rest] = args;
        const r = await cli(command, input, ...rest.map((a) => (a.endsWith('.xlsx') ? path.join(disk.dir, a) : a)));
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/cannot be written \(the disk is full, ENOSPC\).*the file is unchanged/);
        expect(fs.readFileSync(input)).toEqual(before);
        expect(fs.readdirSync(disk.dir).sort()).toEqual(['filler', 'plan.xlsx']);
        fs.rmSync(path.join(disk.dir, 'filler'));
      }
    } finally {
      disk.done();
    }
  });
});

describe('links, modes and read-only files', () => {
  test('--in-place through a symbolic link updates the linked workbook and keeps the link', async () => {
    const dir = tempDir();
    const real = await writeXlsx(dir, 'real.xlsx', SMALL_PLAN);
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(real, link);
    const r = await cli('regenerate', link, '--in-place');
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await loadWorkbook(fs.readFileSync(real))).getWorksheet('Schedule')).toBeDefined();
  });

  test('--in-place keeps a private workbook private (0600)', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN);
    fs.chmodSync(input, 0o600);
    expect((await cli('regenerate', input, '--in-place')).code).toBe(0);
    expect(fs.statSync(input).mode & 0o777).toBe(0o600);
  });

  test('a read-only workbook is refused for --in-place, as Excel refuses to save over it', async () => {
    const dir = tempDir();
    const input = await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN);
    fs.chmodSync(input, 0o444);
    const before = fs.readFileSync(input);
    const r = await cli('regenerate', input, '--in-place');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is read-only: nothing was written/);
    expect(fs.readFileSync(input)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });
});

test('two writers at once: the second is refused, not silently lost', async () => {
  const dir = tempDir();
  const input = await writeXlsx(dir, 'plan.xlsx', SMALL_PLAN);
  const results = await Promise.allSettled([
    baselineFile(input, { inPlace: true, yes: true }),
    regenerateFile(input, { inPlace: true }),
  ]);
  const wb = await loadWorkbook(fs.readFileSync(input));
  const hasBaseline = wb.getWorksheet('Tasks')!.getRow(1).values.toString().includes('Baseline Start');
  const hasSchedule = wb.getWorksheet('Schedule') !== undefined;
  const refused = results.filter((r) => r.status === 'rejected');
  for (const r of refused)
    expect(String((r as PromiseRejectedResult).reason)).toMatch(/changed by another program since it was read/);
  // Whatever the order: what each writer reported as written is in the file.
  if (results[0].status === 'fulfilled') expect(hasBaseline).toBe(true);
  if (results[1].status === 'fulfilled') expect(hasSchedule).toBe(true);
  expect(refused.length).toBeLessThanOrEqual(1);
});

test('killed mid-write (kill -9), the workbook is the old one or the new one, whole', async () => {
  const dir = tempDir();
  const input = await writeXlsx(
    dir,
    'plan.xlsx',
    toJsonDocument(generateNetwork(3000)) as unknown as Record<string, unknown>,
  );
  const original = fs.readFileSync(input);
  const originalTasks = (await loadWorkbook(original)).getWorksheet('Tasks')!.rowCount;
  for (const delay of [150, 400, 700, 1000, 1300, 1600, 2000]) {
    const child = spawn(process.execPath, [BIN, 'regenerate', input, '--in-place'], { stdio: 'ignore' });
    const ended = new Promise((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, delay));
    child.kill('SIGKILL');
    await ended;
    const now = fs.readFileSync(input);
    const wb = await loadWorkbook(now); // opens: it is a whole workbook
    expect(wb.getWorksheet('Tasks')!.rowCount).toBe(originalTasks);
    if (!now.equals(original)) expect(wb.getWorksheet('Schedule')).toBeDefined();
  }
  // A later run tidies the temporary files the killed runs left.
  expect((await cli('regenerate', input, '--in-place')).code).toBe(0);
  expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
}, 60000);
