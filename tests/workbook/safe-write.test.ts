/** Writing files so that the file replaced is never lost, whatever fails on the way. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { FileStamp, WriteError, WriteIo, nodeIo, stampOf, writeFileSafely } from '../../src/workbook/safe-write';
import { verifyWrittenWorkbook } from '../../src/workbook/xlsx/verify-written';
import { tempDir } from './fixtures';

const OLD = Buffer.from('the old workbook');
const NEW = Buffer.from('the new workbook, longer than the old one');

/** The real file-system calls, with the one named made to fail. */
function failing(call: keyof WriteIo, code = 'ENOSPC'): WriteIo {
  const io: WriteIo = { ...nodeIo };
  const real = io[call] as (...args: unknown[]) => unknown;
  (io as unknown as Record<string, unknown>)[call] = (...args: unknown[]) => {
    if (call === 'closeSync') real(...args); // the descriptor is released, and the error still reported
    throw Object.assign(new Error(`${call} failed`), { code });
  };
  return io;
}

function setUp(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'plan.xlsx');
  fs.writeFileSync(file, OLD);
  return { dir, file };
}

describe('a failed write leaves the old file whole and nothing beside it', () => {
  const calls: [keyof WriteIo, string][] = [
    ['openSync', 'ENOSPC'],
    ['writeSync', 'ENOSPC'],
    ['writeSync', 'EDQUOT'],
    ['fsyncSync', 'EIO'],
    ['closeSync', 'ENOSPC'],
    ['readFileSync', 'EIO'],
    ['renameSync', 'EXDEV'],
  ];
  test.each(calls)('%s failing with %s', async (call, code) => {
    const { dir, file } = setUp();
    const write = writeFileSafely(file, NEW, { io: failing(call, code) });
    await expect(write).rejects.toThrow(WriteError);
    await expect(write).rejects.toThrow(new RegExp(`${code}.*the file is unchanged`));
    expect(fs.readFileSync(file)).toEqual(OLD);
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  test('a full disk is said in words', async () => {
    const { file } = setUp();
    await expect(writeFileSafely(file, NEW, { io: failing('writeSync') })).rejects.toThrow(
      /plan\.xlsx cannot be written \(the disk is full, ENOSPC\) while writing: the file is unchanged/,
    );
  });

  test('short writes are continued until every byte is down', async () => {
    const { file } = setUp();
    const io = failing('fchownSync'); // never called for a file of our own
    io.writeSync = (fd, d, o, l) => fs.writeSync(fd, d, o, Math.min(l, 5));
    await writeFileSafely(file, NEW, { io });
    expect(fs.readFileSync(file)).toEqual(NEW);
  });

  test('a disk that takes bytes but gives other ones back is caught before the rename', async () => {
    const { dir, file } = setUp();
    const io = failing('fchownSync');
    io.readFileSync = (f) => Buffer.concat([fs.readFileSync(f).subarray(0, 10), Buffer.alloc(NEW.length - 10)]);
    await expect(writeFileSafely(file, NEW, { io })).rejects.toThrow(/checking the written file/);
    expect(fs.readFileSync(file)).toEqual(OLD);
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  test('bytes that would not open are refused before anything is written', async () => {
    const { dir, file } = setUp();
    await expect(writeFileSafely(file, NEW, { verify: verifyWrittenWorkbook })).rejects.toThrow(
      /nothing was written, the result would not open/,
    );
    expect(fs.readFileSync(file)).toEqual(OLD);
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });
});

describe('whose file it is', () => {
  test('through a symbolic link, the linked file is written and the link stays a link', async () => {
    const { dir, file } = setUp();
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(file, link);
    await writeFileSafely(link, NEW);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file)).toEqual(NEW);
    expect(fs.readdirSync(dir).sort()).toEqual(['link.xlsx', 'plan.xlsx']);
  });

  test('a link to nothing is refused', async () => {
    const dir = tempDir();
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(path.join(dir, 'gone.xlsx'), link);
    await expect(writeFileSafely(link, NEW)).rejects.toThrow(/link to a file that does not exist/);
    expect(fs.readdirSync(dir)).toEqual(['link.xlsx']);
  });

  test('the mode is kept (a private 0600 workbook stays private)', async () => {
    const { file } = setUp();
    fs.chmodSync(file, 0o600);
    await writeFileSafely(file, NEW);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o640);
    await writeFileSafely(file, OLD);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  test('a read-only workbook is refused, as Excel refuses to save over it, even where the process could', async () => {
    const { file } = setUp();
    fs.chmodSync(file, 0o444);
    await expect(writeFileSafely(file, NEW)).rejects.toThrow(/is read-only: nothing was written/);
    expect(fs.readFileSync(file)).toEqual(OLD);
  });

  test('a file changed by another writer since it was read is not overwritten', async () => {
    const { dir, file } = setUp();
    const read: FileStamp = stampOf(fs.statSync(file));
    fs.writeFileSync(file, 'another program saved this');
    await expect(writeFileSafely(file, NEW, { expect: read })).rejects.toThrow(/changed by another program/);
    expect(fs.readFileSync(file, 'utf8')).toBe('another program saved this');
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
    fs.rmSync(file);
    await expect(writeFileSafely(file, NEW, { expect: read })).rejects.toThrow(/moved or deleted/);
  });
});

describe('the written workbook is checked', () => {
  async function workbook(value: ExcelJS.CellValue): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('B3').value = value;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  test('valid cells pass', async () => {
    await expect(verifyWrittenWorkbook(await workbook(12.5))).resolves.toBeUndefined();
    await expect(verifyWrittenWorkbook(await workbook('NaN'))).resolves.toBeUndefined(); // text is text
  });

  test.each([NaN, Infinity, -Infinity])('a number cell holding %s is refused, naming the cell', async (n) => {
    await expect(verifyWrittenWorkbook(await workbook(n))).rejects.toThrow(/cell B3 of xl\/worksheets\/sheet1\.xml/);
  });

  test('something that is not a workbook is refused', async () => {
    await expect(verifyWrittenWorkbook(NEW)).rejects.toThrow();
  });
});
