import * as fs from 'fs';
import * as path from 'path';

/**
 * Writing a file so that the one it replaces is never lost: the bytes go to a temporary file in
 * the same folder, are flushed to disk and read back, and only then renamed over the target. Any
 * failure on the way (a full disk, a quota, a read-only folder, a file changed by another program
 * meanwhile) leaves the target as it was and removes the temporary file.
 */

/** What identifies one version of a file: when the target no longer matches, someone else wrote it. */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export function stampOf(st: fs.Stats): FileStamp {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** A write that did not happen, with a message for people; the target is unchanged. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The file-system calls a write makes, so that tests can make any of them fail. */
export interface WriteIo {
  openSync(file: string, flags: string, mode: number): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  closeSync(fd: number): void;
  readFileSync(file: string): Buffer;
  renameSync(from: string, to: string): void;
}

/** The real calls. */
export const nodeIo: WriteIo = {
  openSync: (f, flags, mode) => fs.openSync(f, flags, mode),
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  fchmodSync: (fd, mode) => fs.fchmodSync(fd, mode),
  fchownSync: (fd, uid, gid) => fs.fchownSync(fd, uid, gid),
  closeSync: (fd) => fs.closeSync(fd),
  readFileSync: (f) => fs.readFileSync(f),
  renameSync: (a, b) => fs.renameSync(a, b),
};

export interface SafeWriteOptions {
  /** The target as it was read: when it has changed since, nothing is written (another writer's work stays). */
  expect?: FileStamp;
  /** Checks the bytes open as what they should be, before anything is written; throws to refuse them. */
  verify?: (data: Buffer) => Promise<void> | void;
  io?: WriteIo;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'a disk error',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a folder',
  EBUSY: 'the file is in use',
  EFBIG: 'the file is too large for the disk',
};

function reasonOf(e: unknown): { reason: string; code?: string } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code) return { reason: REASONS[code] ? `${REASONS[code]}, ${code}` : code, code };
  return { reason: (e as Error).message ?? String(e) };
}

/**
 * Where writing `target` really goes: through a symbolic link to the file it names (a link is kept,
 * not replaced by a file), with that file's status when it exists.
 */
export function resolveTarget(target: string): { real: string; stat: fs.Stats | null } {
  let link: fs.Stats;
  try {
    link = fs.lstatSync(target);
  } catch {
    return { real: path.resolve(target), stat: null };
  }
  if (!link.isSymbolicLink()) return { real: path.resolve(target), stat: link };
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    throw new WriteError(
      `${target} is a link to a file that does not exist: point it at a workbook, or write elsewhere`,
    );
  }
  return { real, stat: fs.statSync(real) };
}

/** Whether a file's permissions say nobody may write it, as Excel's "read-only" does. */
function readOnlyMode(mode: number): boolean {
  return (mode & 0o222) === 0;
}

/** Writes `data` to `target` so that the old target survives any failure; see the module's note. */
export async function writeFileSafely(target: string, data: Buffer, options: SafeWriteOptions = {}): Promise<void> {
  const io = options.io ?? nodeIo;
  const { real, stat } = resolveTarget(target);
  if (stat && !stat.isFile()) throw new WriteError(`${target} cannot be written: it is not a file`);
  if (stat && readOnlyMode(stat.mode))
    throw new WriteError(
      `${target} is read-only: nothing was written. Make it writable (Properties, or chmod u+w), or write a copy with -o.`,
    );
  if (options.verify) {
    try {
      await options.verify(data);
    } catch (e) {
      throw new WriteError(`${target}: nothing was written, the result would not open: ${(e as Error).message}`);
    }
  }
  const dir = path.dirname(real);
  removeOrphans(dir, path.basename(real));
  const tmp = path.join(dir, `${tempPrefix(path.basename(real))}${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  let created = false;
  const fail = (what: string, e: unknown): never => {
    if (fd !== null) {
      try {
        io.closeSync(fd);
      } catch {
        // the write has failed already; this is only tidying up
      }
      fd = null;
    }
    if (created) fs.rmSync(tmp, { force: true });
    const { reason, code } = reasonOf(e);
    throw new WriteError(`${target} cannot be written (${reason}) while ${what}: the file is unchanged`, code);
  };
  try {
    fd = io.openSync(tmp, 'wx', stat ? stat.mode & 0o7777 : 0o666);
    created = true;
  } catch (e) {
    fail('creating a temporary file beside it', e);
  }
  try {
    if (stat) {
      io.fchmodSync(fd!, stat.mode & 0o7777); // the umask must not loosen or tighten it
      if (process.getuid && (stat.uid !== process.getuid() || stat.gid !== process.getgid!())) {
        try {
          io.fchownSync(fd!, stat.uid, stat.gid);
        } catch {
          // Only the owner's administrator may give a file away; the mode is kept all the same.
        }
      }
    }
    for (let off = 0; off < data.length;) {
      const n = io.writeSync(fd!, data, off, data.length - off);
      if (n <= 0) throw Object.assign(new Error('nothing written'), { code: 'EIO' });
      off += n;
    }
    io.fsyncSync(fd!);
  } catch (e) {
    fail('writing', e);
  }
  try {
    const f = fd!;
    fd = null;
    io.closeSync(f);
  } catch (e) {
    fail('closing the written file', e);
  }
  let back: Buffer | null = null;
  try {
    back = io.readFileSync(tmp);
  } catch (e) {
    fail('reading the written file back', e);
  }
  if (!back!.equals(data)) fail('checking the written file', Object.assign(new Error(''), { code: 'EIO' }));
  if (options.expect) {
    let now: fs.Stats | null;
    try {
      now = fs.statSync(real);
    } catch {
      now = null;
    }
    if (!now || !sameStamp(stampOf(now), options.expect)) {
      fs.rmSync(tmp, { force: true });
      throw new WriteError(
        `${target} was ${now ? 'changed' : 'moved or deleted'} by another program since it was read: nothing was written, so that its changes are not lost. Run the command again.`,
        'ECHANGED',
      );
    }
  }
  try {
    io.renameSync(tmp, real);
  } catch (e) {
    fail('replacing it', e);
  }
  syncFolder(dir);
}

/** Temporary files for `name` are `.~<name>.<pid>.<time>.tmp`. */
function tempPrefix(name: string): string {
  return `.~${name}.`;
}

/**
 * Removes the temporary files a killed run (power cut, kill -9) left beside `name`: those of
 * processes no longer running. A running writer's file is left alone.
 */
function removeOrphans(dir: string, name: string): void {
  const prefix = tempPrefix(name);
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = Number(entry.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    fs.rmSync(path.join(dir, entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process: running
  }
}

/** Flushes a folder's entry list, so that the rename itself survives a power cut (where the system allows). */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not every system can open or flush a folder; the file itself is flushed already.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
