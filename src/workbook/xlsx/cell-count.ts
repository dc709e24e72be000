/**
 * How many cells each sheet of a workbook holds, counted in its XML before anything is loaded: the
 * file writer keeps every cell of the workbook in memory, so a sheet of a million rows of junk
 * beside the plan is refused up front, named, rather than running out of memory minutes later.
 */
import type JSZip from 'jszip';
import { sheetParts } from './invalid-numbers';

/** Filled cells the file writer takes in one workbook: about 1 GB of ExcelJS's model and its written copy. */
export const MAX_WRITER_CELLS = 2_000_000;

const CELL = Buffer.from('<c ');

function occurrences(bytes: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Each sheet's cells (as written: `<c ...>` elements), in workbook order. */
export async function cellCounts(zip: JSZip): Promise<{ name: string; cells: number }[]> {
  const out: { name: string; cells: number }[] = [];
  for (const { name, part } of await sheetParts(zip)) {
    const entry = zip.file(part);
    if (entry) out.push({ name, cells: occurrences(await entry.async('nodebuffer'), CELL) });
  }
  return out;
}

/** Why the file writer refuses a workbook this large, naming its largest sheet; null when it takes it. */
export async function tooLargeToWrite(
  zip: JSZip,
  generated: readonly string[],
  max = MAX_WRITER_CELLS,
): Promise<string | null> {
  // The product's own sheets are replaced, not kept: a large plan regenerated again is not refused for them.
  const own = new Set(generated.map((g) => g.toLowerCase()));
  const counts = (await cellCounts(zip)).filter((c) => !own.has(c.name.toLowerCase()));
  if (counts.length === 0) return null;
  const total = counts.reduce((sum, c) => sum + c.cells, 0);
  if (total <= max) return null;
  const largest = counts.reduce((a, b) => (b.cells > a.cells ? b : a));
  const n = (x: number) => x.toLocaleString('en-US');
  return `this workbook holds ${n(total)} cells, ${n(largest.cells)} of them on the sheet "${largest.name}"; the file writer takes up to ${n(max)} (about a gigabyte of memory). Delete the rows that sheet does not need, or move it to another workbook; inside Excel, the add-in regenerates it.`;
}
