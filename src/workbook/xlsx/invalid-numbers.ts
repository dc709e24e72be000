/**
 * Number cells that hold no valid number (`<v>NaN</v>`, `<v>1e999</v>`, `<v>abc</v>`), as broken
 * or hostile producers write them. ExcelJS reads them as NaN or Infinity and would write them back
 * so, making a file Excel must repair; the file reader carries them over as the text they hold.
 */
import { decodeText } from './xml-scanner';

export interface InvalidNumber {
  sheet: string;
  /** The cell's reference, as `B3`. */
  ref: string;
  /** What the cell holds, as written in the file. */
  text: string;
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** A value that may not be a valid number: anything but digits and signs, or an exponent of 3+ digits. */
const SUSPECT = /<v>(?:[^<]*[^-+.\deE<][^<]*|[^<]*[eE]\+?\d{3,})<\/v>/;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** Whether a worksheet part may hold such a cell: a quick look before the cell-by-cell scan. */
export function mayHoldInvalidNumbers(xml: string): boolean {
  return SUSPECT.test(xml);
}

export function isValidNumberText(text: string): boolean {
  const t = text.trim();
  return NUMBER.test(t) && Number.isFinite(Number(t));
}

/** The value's text as an XML parser hands it over; as written when the scanner declines it. */
function decoded(text: string): string {
  try {
    return decodeText(text);
  } catch {
    return text;
  }
}

/** The number cells of a worksheet part whose value is not a valid number. */
export function invalidNumberCells(xml: string): { ref: string; text: string }[] {
  const out: { ref: string; text: string }[] = [];
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const type = /\bt="([^"]*)"/.exec(m[1])?.[1] ?? 'n';
    if (type !== 'n' || m[2] === undefined) continue;
    const v = /<v>([^<]*)<\/v>/.exec(m[2]);
    if (v && !isValidNumberText(v[1])) out.push({ ref: /\br="([^"]*)"/.exec(m[1])?.[1] ?? '?', text: decoded(v[1]) });
  }
  return out;
}
