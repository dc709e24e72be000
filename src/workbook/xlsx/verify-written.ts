import JSZip from 'jszip';
import { invalidNumberCells } from './invalid-numbers';

/**
 * Checks that bytes about to be written are a workbook Excel opens: a package with a workbook part,
 * whose worksheets hold only valid numbers (`NaN` or `Infinity` in a number cell makes Excel repair
 * the file and other readers refuse it). Throws with the first problem found.
 */
export async function verifyWrittenWorkbook(data: Buffer): Promise<void> {
  const zip = await JSZip.loadAsync(data);
  if (!zip.file('[Content_Types].xml') || !zip.file('xl/workbook.xml'))
    throw new Error('the package has no workbook part');
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  if (sheets.length === 0) throw new Error('the workbook has no worksheets');
  for (const name of sheets) {
    const [bad] = invalidNumberCells(await zip.file(name)!.async('string'));
    if (bad) throw new Error(`cell ${bad.ref} of ${name} would hold "${bad.text}" as a number`);
  }
}
