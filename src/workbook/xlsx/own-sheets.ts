/**
 * The parts of the sheets the product generated (found by their markers, under the product's own
 * names): a command that replaces or removes them all (regenerate, clean) need not read their
 * rows, which for a large plan are most of the workbook.
 */
import type JSZip from 'jszip';
import { parseA1 } from '../../core/location';
import { markerName } from '../../core/layout/sheet-plan';
import { xmlDecodeAgain } from './exceljs-text';
import { sheetParts } from './workbook-part';

/** Parts of the generated sheets, as `xl/worksheets/sheet4.xml`; none when the package is unusual in any way. */
export async function ownSheetParts(zip: JSZip, generated: readonly (readonly [string, string])[]): Promise<string[]> {
  const bookXml = await zip.file('xl/workbook.xml')?.async('string');
  if (bookXml === undefined) return [];
  const sheets = await sheetParts(zip);
  const parts: string[] = [];
  for (const [key, name] of generated) {
    const marker = new RegExp(
      `<definedName name="${markerName(key).replace('.', '\\.')}"[^>]*>([^<]*)</definedName>`,
    ).exec(bookXml);
    const marked = marker ? parseA1(xmlDecodeAgain(marker[1]))?.sheet : null;
    if (!marked || marked.toLowerCase() !== name.toLowerCase()) continue;
    const part = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())?.part;
    if (part !== undefined && zip.file(part)) parts.push(part);
  }
  return parts;
}

/** A sheet's XML without its rows and the links on them: the frame ExcelJS reads in no time. */
export function withoutRows(xml: string): string {
  return xml
    .replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>')
    .replace(/<hyperlinks>[\s\S]*<\/hyperlinks>/, '')
    .replace(/<mergeCells[\s\S]*<\/mergeCells>/, '');
}
