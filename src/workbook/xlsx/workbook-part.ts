/**
 * The workbook part: its sheets in order (name, sheetId, relationship) and the 1904 flag; and each
 * sheet's worksheet part in a package.
 */
import type JSZip from 'jszip';
import { decline } from './decline';
import { xmlDecodeAgain } from './exceljs-text';
import { MAIN_NS } from './namespaces';
import { readRelationships } from './relationships';
import { eachChild, openRoot, Scanner } from './xml-scanner';

export interface BookSheet {
  name: string | undefined;
  id: number;
  rId: string | undefined;
}

export function readWorkbookPart(xml: string): { sheets: BookSheet[]; date1904: boolean } {
  const s = new Scanner(xml);
  openRoot(s, 'workbook', MAIN_NS);
  let sheets: BookSheet[] = [];
  let date1904 = false;
  eachChild(s, () => {
    if (s.name === 'sheets') {
      sheets = [];
      eachChild(s, () => {
        if (s.name !== 'sheet') decline(`<${s.name}> in <sheets>`);
        const a = s.attrs;
        sheets.push({
          name: a.name === undefined ? undefined : xmlDecodeAgain(a.name),
          id: parseInt(a.sheetId, 10),
          rId: a['r:id'],
        });
        s.skip();
      });
    } else if (s.name === 'workbookPr') {
      const flag = s.attrs.date1904;
      // ExcelJS takes only "1" as true; "true" (also valid XML) it reads as false. Let it decide.
      if (flag !== undefined && flag !== '1' && flag !== '0' && flag !== 'false') decline(`date1904="${flag}"`);
      date1904 = flag === '1';
      s.skip();
    } else {
      s.skip(new Set(['sheets', 'sheet', 'workbookPr']));
    }
  });
  return { sheets, date1904 };
}

/** ExcelJS refuses (or truncates) such names when it loads a workbook: let it. */
export function checkSheetName(name: string | undefined, before: string[]): void {
  if (
    name === undefined ||
    name === '' ||
    name === 'History' ||
    /[*?:/\\[\]]/.test(name) ||
    /(^')|('$)/.test(name) ||
    name.length > 31 ||
    before.some((b) => b.toLowerCase() === name.toLowerCase())
  ) {
    decline(`a sheet name ExcelJS does not take as it is: ${JSON.stringify(name)}`);
  }
}

/**
 * The workbook's sheets in order, each with its worksheet part's name (`xl/worksheets/sheet4.xml`),
 * whether the relationship's target is written from the package root or from `xl/`; [] when the
 * workbook part cannot be followed.
 */
export async function sheetParts(zip: JSZip): Promise<{ name: string; part: string }[]> {
  const book = zip.file('xl/workbook.xml');
  const rels = zip.file('xl/_rels/workbook.xml.rels');
  if (!book || !rels) return [];
  try {
    const relById = readRelationships(await rels.async('string'));
    return readWorkbookPart(await book.async('string')).sheets.flatMap((s) => {
      const target = relById.get(s.rId ?? '')?.Target;
      if (target === undefined || s.name === undefined) return [];
      const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      return [{ name: s.name, part }];
    });
  } catch {
    return []; // a workbook part this scanner cannot follow: the caller reads the package as it is
  }
}
