/** The reader declines: the workbook has something it does not read exactly as ExcelJS does. */
export class Unsupported extends Error {}

/** Stops reading the workbook, saying why: the caller loads it with ExcelJS instead. */
export function decline(reason: string): never {
  throw new Unsupported(reason);
}
