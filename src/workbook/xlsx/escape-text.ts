/**
 * Text as the file format stores it. XML cannot hold most control characters, so Excel writes
 * them as `_xHHHH_` (a tab stays a tab), and a literal `_x0041_` typed by a user as `_x005F_x0041_`
 * so that it is not read back as `A`. ExcelJS decodes both when it reads, but when it writes it drops
 * control characters and leaves literal sequences bare: the user's text would change. Encoding the
 * text first, as Excel does, makes ExcelJS write it byte for byte as Excel would.
 */
import { NOT_XML } from './xml-scanner';

/** A character XML cannot hold, or a literal escape sequence: either is written escaped. */
const ESCAPED = new RegExp(`_(x[0-9A-Fa-f]{4}_)|${NOT_XML.source}`, 'g');

/** Whether a text must be escaped to be written as it is. */
export function needsEscape(text: string): boolean {
  ESCAPED.lastIndex = 0;
  return ESCAPED.test(text);
}

/** The text in Excel's escaped form: `a\u0001b` -> `a_x0001_b`, `_x0041_` -> `_x005F_x0041_`. */
export function escapeText(text: string): string {
  if (!needsEscape(text)) return text;
  return text.replace(ESCAPED, (m, rest: string | undefined) =>
    rest !== undefined ? `_x005F_${rest}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}
