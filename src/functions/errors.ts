/**
 * Errors of the PROD.* custom functions. A custom function reports a bad input by throwing
 * `CustomFunctions.Error(code, message)`: Excel shows the code in the cell (#VALUE!, #N/A,
 * #DIV/0!) and the message in its tooltip. Outside Excel (Node, jest) there is no
 * `CustomFunctions` global, so {@link fail} throws a {@link FunctionError} carrying the same
 * code and message. Nothing here touches any other Office API.
 */

/** The Excel error codes the functions use, by their `CustomFunctions.ErrorCode` names. */
export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
} as const;
export type ErrorCodeName = keyof typeof ErrorCode;

/** What `fail` throws outside Excel: the Excel error code and the message. */
export class FunctionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

/** The slice of the custom functions runtime used here (declared locally: the library build has no Office types). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => object;
  ErrorCode?: Record<string, string>;
}

function runtime(): CustomFunctionsRuntime | undefined {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  return cf && typeof cf.Error === 'function' ? cf : undefined;
}

/** Excel shows a custom message only with #VALUE! and #N/A; with other codes the message is not passed on. */
const TAKES_MESSAGE: ReadonlySet<ErrorCodeName> = new Set(['invalidValue', 'notAvailable']);

/** Throws the Excel error `code` with `message`: a `CustomFunctions.Error` inside Excel, a {@link FunctionError} elsewhere. */
export function fail(code: ErrorCodeName, message: string): never {
  const cf = runtime();
  if (cf) {
    const excelCode = cf.ErrorCode?.[code] ?? ErrorCode[code];
    throw TAKES_MESSAGE.has(code) ? new cf.Error(excelCode, message) : new cf.Error(excelCode);
  }
  throw new FunctionError(ErrorCode[code], message);
}

/** Whether `e` is an error {@link fail} threw. */
function isFunctionError(e: unknown): boolean {
  const cf = runtime();
  return e instanceof FunctionError || (cf !== undefined && e instanceof cf.Error);
}

/**
 * Runs a custom function's body: what {@link fail} throws goes to Excel as it is; anything else (a
 * fault in this code) becomes #VALUE! with its one-line message, never a stack trace.
 */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (isFunctionError(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    return fail('invalidValue', `Production Planner could not compute this: ${message.split('\n')[0]}`);
  }
}
