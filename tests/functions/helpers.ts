import { FunctionError } from '../../src/functions/errors';
import { excelSerialFromWall, wallFromParts } from '../../src/core/time';

/** The Excel serial number of a local date and time, as Excel passes a date cell. */
export function serial(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return excelSerialFromWall(wallFromParts(year, month, day, hour, minute));
}

/** Runs `fn`, expecting it to fail with the Excel error `code`; returns the message. */
export function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof FunctionError) return { code: e.code, message: e.message };
    throw new Error(`expected a FunctionError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the function to fail, but it returned');
}

/** Asserts that `fn` fails with `code` and exactly `message` (a string) or a message matching it (a RegExp). */
export function expectFailure(fn: () => unknown, code: string, message: string | RegExp): void {
  const f = failure(fn);
  expect(f.code).toBe(code);
  if (typeof message === 'string') expect(f.message).toBe(message);
  else expect(f.message).toMatch(message);
}
