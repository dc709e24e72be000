/**
 * How the functions fail: CustomFunctions.Error inside Excel, FunctionError in Node, and never a
 * stack trace.
 */
import { FunctionError, fail, guard } from '../../src/functions/errors';
import { FINISH, SCHEDULE } from '../../src/functions/functions';
import { expectFailure, serial } from './helpers';

/** A stand-in for Excel's runtime, as the custom functions runtime defines it. */
class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const FAKE_RUNTIME = {
  Error: FakeError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
};

function withRuntime(body: () => void): void {
  const g = globalThis as { CustomFunctions?: unknown };
  g.CustomFunctions = FAKE_RUNTIME;
  try {
    body();
  } finally {
    delete g.CustomFunctions;
  }
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('fail', () => {
  test('in Node: a FunctionError with the Excel code and the message', () => {
    const e = thrown(() => fail('notAvailable', 'Task 9 is not there.'));
    expect(e).toBeInstanceOf(FunctionError);
    expect(e).toMatchObject({ code: '#N/A', message: 'Task 9 is not there.' });
  });

  test('in Excel: CustomFunctions.Error with the code and the message', () => {
    withRuntime(() => {
      const e = thrown(() => fail('invalidValue', 'Duration: "5x" is not a duration.'));
      expect(e).toBeInstanceOf(FakeError);
      expect(e).toEqual(new FakeError('#VALUE!', 'Duration: "5x" is not a duration.'));
    });
  });

  test('in Excel: #DIV/0! takes no message (Excel shows messages only with #VALUE! and #N/A)', () => {
    withRuntime(() => expect(thrown(() => fail('divisionByZero', 'AC is 0.'))).toEqual(new FakeError('#DIV/0!')));
  });

  test('in Excel: a custom function passes the runtime error through', () => {
    withRuntime(() => {
      const e = thrown(() => FINISH(serial(2027, 3, 1, 8), '5x'));
      expect(e).toEqual(
        new FakeError(
          '#VALUE!',
          'Duration: "5x" is not a duration: use a number with a unit: 5d, 3h, 2w, 1mo, 4ed, or 0 for a milestone.',
        ),
      );
    });
  });
});

describe('guard', () => {
  test('returns what the body returns', () => expect(guard(() => 42)).toBe(42));
  test('a fault in the code becomes #VALUE! with a one-line message, no stack trace', () => {
    expectFailure(
      () =>
        guard(() => {
          throw new TypeError('x is undefined\n    at somewhere (file.ts:1:1)');
        }),
      '#VALUE!',
      'Production Planner could not compute this: x is undefined',
    );
  });
  test('a range argument that is not a range is a message, not a crash', () => {
    expectFailure(() => SCHEDULE(42 as never, [[serial(2027, 3, 1)]]), '#VALUE!', /^The tasks range has no header row/);
  });
});
