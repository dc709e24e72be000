/**
 * Number cells that hold no valid number (`<v>NaN</v>`, `<v>1e999</v>`, `<v>abc</v>`), as broken
 * or hostile producers write them. ExcelJS reads them as NaN or Infinity and would write them back
 * so, making a file Excel must repair; the file reader carries them over as the text they hold.
 */
import type JSZip from 'jszip';
import { readRelationships } from './relationships';
import { readWorkbookPart } from './workbook-part';

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

export function isValidNumberText(text: string): boolean {
  const t = text.trim();
  return NUMBER.test(t) && Number.isFinite(Number(t));
}

function decodeXml(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!,
  );
}

/** The workbook's sheets in order, each with its part's name; [] when the workbook part cannot be followed. */
export async function sheetParts(zip: JSZip): Promise<{ name: string; part: string }[]> {
  const book = zip.file('xl/workbook.xml');
  const rels = zip.file('xl/_rels/workbook.xml.rels');
  if (!book || !rels) return [];
  try {
    const relById = readRelationships(await rels.async('string'));
    return readWorkbookPart(await book.async('string')).sheets.flatMap((s) => {
      const target = relById.get(s.rId ?? '')?.Target;
      if (target === undefined || s.name === undefined) return [];
      const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      return [{ name: s.name, part }];
    });
  } catch {
    return []; // a workbook part this scanner cannot follow: the written file's check still holds
  }
}

/** Every number cell of the workbook whose value is not a valid number, by sheet name. */
export async function findInvalidNumbers(zip: JSZip): Promise<InvalidNumber[]> {
  const found: InvalidNumber[] = [];
  for (const { name, part } of await sheetParts(zip)) {
    const entry = zip.file(part);
    if (!entry) continue;
    const xml = await entry.async('string');
    if (!SUSPECT.test(xml)) continue;
    for (const cell of invalidNumberCells(xml)) found.push({ sheet: name, ...cell });
  }
  return found;
}

/** The number cells of a worksheet part whose value is not a valid number. */
export function invalidNumberCells(xml: string): { ref: string; text: string }[] {
  const out: { ref: string; text: string }[] = [];
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const type = /\bt="([^"]*)"/.exec(m[1])?.[1] ?? 'n';
    if (type !== 'n' || m[2] === undefined) continue;
    const v = /<v>([^<]*)<\/v>/.exec(m[2]);
    if (v && !isValidNumberText(v[1])) out.push({ ref: /\br="([^"]*)"/.exec(m[1])?.[1] ?? '?', text: decodeXml(v[1]) });
  }
  return out;
}
