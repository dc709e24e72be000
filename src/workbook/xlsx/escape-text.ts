/**
 * Text as the file format stores it. XML cannot hold most control characters, so Excel writes
 * them as `_xHHHH_` (a tab stays a tab), and a literal `_x0041_` typed by a user as `_x005F_x0041_`
 * so that it is not read back as `A`. ExcelJS decodes both when it reads, but when it writes it drops
 * control characters and leaves literal sequences bare: the user's text would change. Encoding the
 * text first, as Excel does, makes ExcelJS write it byte for byte as Excel would.
 */

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/** Whether a text must be escaped to be written as it is. */
export function needsEscape(text: string): boolean {
  return NEEDS_ESCAPE.test(text);
}

/** The text in Excel's escaped form: `a\u0001b` -> `a_x0001_b`, `_x0041_` -> `_x005F_x0041_`. */
export function escapeText(text: string): string {
  if (!needsEscape(text)) return text;
  // eslint-disable-next-line no-control-regex -- as above
  return text.replace(/_(x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (m, rest) =>
    rest !== undefined ? `_x005F_${rest}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}
