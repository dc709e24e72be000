/**
 * A look at a workbook's worksheet parts before ExcelJS loads it:
 * - how many cells and rows each sheet holds: the file writer keeps every cell and row of the
 *   workbook in memory, so a sheet of a million rows of junk beside the plan is refused up front,
 *   named, rather than running out of memory minutes later;
 * - the number cells that hold no valid number (see invalid-numbers), to be kept as text.
 */
import type JSZip from 'jszip';
import { InvalidNumber, invalidNumberCells, mayHoldInvalidNumbers } from './invalid-numbers';
import { sheetParts } from './workbook-part';

/**
 * What the file writer takes in one workbook, in cells, each row counting as {@link ROW_WEIGHT}
 * cells more: measured (docs/performance.md) to keep a regenerate under 1 GB. A plan of 100,000
 * tasks of seven cells weighs 1,000,000; a row costs ExcelJS about three times a cell.
 */
export const MAX_WRITER_WEIGHT = 1_000_000;
export const ROW_WEIGHT = 3;

export interface WorksheetScan {
  /** Each sheet's cells and rows (as written: `<c ...>` and `<row ...>` elements), in workbook order. */
  counts: { name: string; cells: number; rows: number }[];
  /** Why the file writer refuses the workbook, naming its largest sheet; null when it takes it. */
  tooLarge: string | null;
  invalid: InvalidNumber[];
}

/** How often each needle occurs in a part, read a piece at a time: a sheet of ten million cells is never one string. */
async function countInPart(zip: JSZip, part: string, needles: readonly string[]): Promise<number[]> {
  const counts = needles.map(() => 0);
  const keep = Math.max(...needles.map((n) => n.length)) - 1;
  const bytes = needles.map((n) => Buffer.from(n, 'latin1'));
  let carry = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    zip
      .file(part)!
      .nodeStream('nodebuffer')
      .on('data', (chunk: Buffer) => {
        const text = Buffer.concat([carry, chunk]);
        bytes.forEach((needle, k) => {
          // A needle that began in the carried tail was counted with the piece before, unless it ends here.
          for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length))
            if (at + needle.length > carry.length) counts[k]++;
        });
        carry = text.subarray(Math.max(0, text.length - keep));
      })
      .on('error', reject)
      .on('end', () => resolve());
  });
  return counts;
}

/**
 * Scans every worksheet. `generated` names the product's own sheets: replaced on every run, they
 * do not count towards the ceiling (a large plan regenerated again is not refused for them). A
 * workbook over the ceiling is refused on its counts alone, its sheets never inflated whole.
 */
export async function scanWorksheets(
  zip: JSZip,
  generated: readonly string[],
  max = MAX_WRITER_WEIGHT,
): Promise<WorksheetScan> {
  const counts: WorksheetScan['counts'] = [];
  const parts = (await sheetParts(zip)).filter(({ part }) => zip.file(part));
  for (const { name, part } of parts) {
    const [cells, rows] = await countInPart(zip, part, ['<c ', '<row ']);
    counts.push({ name, cells, rows });
  }
  const refused = tooLarge(counts, generated, max);
  const invalid: InvalidNumber[] = [];
  if (refused) return { counts, tooLarge: refused, invalid };
  for (const { name, part } of parts) {
    const xml = await zip.file(part)!.async('string');
    if (mayHoldInvalidNumbers(xml)) for (const cell of invalidNumberCells(xml)) invalid.push({ sheet: name, ...cell });
  }
  return { counts, tooLarge: null, invalid };
}

function tooLarge(counts: WorksheetScan['counts'], generated: readonly string[], max: number): string | null {
  const own = new Set(generated.map((g) => g.toLowerCase()));
  const kept = counts.filter((c) => !own.has(c.name.toLowerCase()));
  const weight = (c: { cells: number; rows: number }) => c.cells + ROW_WEIGHT * c.rows;
  const total = kept.reduce((sum, c) => sum + weight(c), 0);
  if (total <= max) return null;
  const largest = kept.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  const [cells, rows] = [kept.reduce((s, c) => s + c.cells, 0), kept.reduce((s, c) => s + c.rows, 0)];
  const n = (x: number) => x.toLocaleString('en-US');
  return `this workbook holds ${n(cells)} cells in ${n(rows)} rows, ${n(largest.cells)} cells in ${n(largest.rows)} rows of them on the sheet "${largest.name}"; the file writer takes up to ${n(max)} cells, each row counting as ${ROW_WEIGHT} more (about a gigabyte of memory). Delete the rows that sheet does not need, or move it to another workbook; inside Excel, the add-in regenerates it.`;
}
