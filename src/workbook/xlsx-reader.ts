/**
 * A fast, read-only .xlsx reader: the workbook's cell values as raw sheets, without ExcelJS.
 *
 * ExcelJS builds every cell object and style of a workbook (about 2 s for a 20,000-line
 * budget); the read-only paths need only the values. This reader scans the few parts that
 * hold them (workbook, its relationships, shared strings, styles, each worksheet's cells,
 * merges and hyperlinks) with a hand-written scanner, and produces exactly the raw workbook
 * `rawWorkbookFromExcelJS(await loadWorkbook(buffer))` gives: the same sheets, rows, cells,
 * values and flags, down to ExcelJS's own quirks (a formula's cached 0 reads as empty, a
 * shared string's `_xHHHH_` escapes are decoded, a merged cell repeats its master's value,
 * a cell with an external hyperlink reads as its text).
 *
 * Whatever it does not know for certain (a strict-OOXML namespace, a missing part, a cell
 * type it does not read, comments or CDATA in the XML, overlapping merges...) makes it
 * decline with a reason, and the caller loads the workbook with ExcelJS instead: it never
 * guesses.
 *
 * This module finds the parts and puts the sheets together; the modules in ./xlsx read them:
 * zip-entry (an entry's bytes), xml-scanner (the XML tokenizer), workbook-part, relationships,
 * styles, shared-strings, worksheet (merges, hyperlinks) and sheet-grid (the cell loop).
 */
import type JSZip from 'jszip';
import type { RawWorkbook } from '../core/raw';
import { gridSheet } from '../core/raw';
import { decline, Unsupported } from './xlsx/decline';
import { readRelationships } from './xlsx/relationships';
import { readSharedStrings } from './xlsx/shared-strings';
import { readStyles } from './xlsx/styles';
import { checkSheetName, readWorkbookPart } from './xlsx/workbook-part';
import { readWorksheet } from './xlsx/worksheet';
import { inflate } from './xlsx/zip-entry';

export { PROVEN_WITH_JSZIP } from './xlsx/zip-entry';

/**
 * The ExcelJS version whose reading the reader was proven to match (the equivalence tests in
 * tests/workbook/xlsx-reader.test.ts compare the two on every kind of workbook). The reader
 * copies that version's reading, quirks included, so package.json pins ExcelJS to it exactly, and
 * a test fails when the installed ExcelJS or the pin differs: upgrading ExcelJS means running
 * those equivalence tests against the new version, reading its changes to the .xlsx reading,
 * adapting the reader, then updating this.
 */
export const PROVEN_WITH_EXCELJS = '4.4.0';

export type FastReadResult =
  | { ok: true; raw: RawWorkbook; /** `<workbookPr date1904="1">`, as ExcelJS reads it. */ date1904: boolean }
  | { ok: false; /** Why the fast reader declined (the caller falls back to ExcelJS). */ reason: string };

/**
 * Reads the workbook in a loaded zip. Resolves to the raw workbook, or to the reason it
 * declined; never rejects for a workbook it does not understand.
 */
export async function readXlsxFast(zip: JSZip): Promise<FastReadResult> {
  try {
    return { ok: true, ...(await readWorkbook(zip)) };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, reason: e.message };
    return { ok: false, reason: `unexpected: ${(e as Error).message}` };
  }
}

// ---- Package -----------------------------------------------------------------------------

/** ExcelJS's own part-name patterns (unanchored, as it tests them). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_RELS_PART = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

async function readWorkbook(zip: JSZip): Promise<{ raw: RawWorkbook; date1904: boolean }> {
  // Parts by name as ExcelJS names them (a leading '/' dropped).
  const parts = new Map<string, JSZip.JSZipObject>();
  const worksheetParts = new Map<string, string>(); // part name -> sheet number
  const relsParts = new Map<string, string>(); // sheet number -> rels part name
  const tableParts: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = entry.name[0] === '/' ? entry.name.slice(1) : entry.name;
    if (parts.has(name)) decline(`two entries named ${name}`);
    parts.set(name, entry);
    if (
      [
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/sharedStrings.xml',
        'xl/styles.xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
      ].includes(name)
    )
      continue;
    let m = WORKSHEET_PART.exec(name);
    if (m) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) decline(`unusual worksheet part ${name}`);
      worksheetParts.set(name, m[1]);
      continue;
    }
    if (/^xl\/tables\/[^/]+\.xml$/.test(name)) tableParts.push(name);
    m = WORKSHEET_RELS_PART.exec(name);
    if (m) {
      if (!/^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name) || relsParts.has(m[1]))
        decline(`unusual worksheet relationships part ${name}`);
      relsParts.set(m[1], name);
    }
  }
  // Every part that may be read starts inflating now, on zlib's threads, while this thread
  // parses the parts that are ready.
  const inflating = new Map<string, Promise<Buffer>>();
  for (const name of [
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    'xl/sharedStrings.xml',
    ...worksheetParts.keys(),
    ...relsParts.values(),
  ]) {
    const entry = parts.get(name);
    if (!entry) continue;
    const bytes = inflate(entry);
    bytes.catch(() => undefined); // a part never awaited (the reader declined first) must not fail the process
    inflating.set(name, bytes);
  }
  const text = async (name: string): Promise<string | null> => {
    const bytes = inflating.get(name);
    return bytes ? (await bytes).toString('utf8') : null;
  };
  const need = async (name: string): Promise<string> => (await text(name)) ?? decline(`no ${name}`);

  // A table's totals row is no row of the table: ExcelJS's host knows which rows those are.
  for (const name of tableParts)
    if (/\btotalsRowCount="[1-9]/.test((await inflate(parts.get(name)!)).toString('utf8')))
      decline('a table with a totals row');

  const book = readWorkbookPart(await need('xl/workbook.xml'));
  const bookRels = readRelationships(await need('xl/_rels/workbook.xml.rels'));
  const styles = readStyles(await need('xl/styles.xml'));
  const sstText = await text('xl/sharedStrings.xml');
  const shared = sstText === null ? null : readSharedStrings(sstText);

  // Sheets in workbook order that point at a worksheet part (chartsheets and dangling
  // relationships are left out, as ExcelJS leaves them out).
  const chosen: { name: string; part: string; sheetNo: string }[] = [];
  const ids = new Set<number>();
  for (const s of book.sheets) {
    const rel = bookRels.get(s.rId ?? 'undefined');
    if (!rel) continue;
    if (rel.Target === undefined) decline('a sheet relationship without a target');
    const part = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`;
    const sheetNo = worksheetParts.get(part);
    if (sheetNo === undefined) continue;
    if (!(Number.isInteger(s.id) && s.id > 0) || ids.has(s.id)) decline('a missing or repeated sheetId');
    ids.add(s.id);
    if (chosen.some((c) => c.part === part)) decline('two sheets on one worksheet part');
    checkSheetName(
      s.name,
      chosen.map((c) => c.name),
    );
    chosen.push({ name: s.name as string, part, sheetNo });
  }

  const sheets = [];
  for (const c of chosen) {
    const relsName = relsParts.get(c.sheetNo);
    const relsText = relsName === undefined ? null : await text(relsName);
    const rows = readWorksheet(await need(c.part), {
      styles,
      shared,
      date1904: book.date1904,
      rels: relsText === null ? null : () => readRelationships(relsText),
    });
    sheets.push(gridSheet(c.name, rows));
  }
  return { raw: { sheets, source: 'xlsx' }, date1904: book.date1904 };
}
