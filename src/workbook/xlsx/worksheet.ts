/**
 * A worksheet part: where its cells are (sheetData, read by SheetGrid), and what changes their
 * values around them (merged ranges, external hyperlinks, column styles under merges).
 */
import type { RawCell } from '../../core/raw';
import { decline } from './decline';
import { MAIN_NS } from './namespaces';
import { CELL_REF, columnNumber, type Merge, type SheetContext, SheetGrid } from './sheet-grid';
import { eachChild, openRoot, Scanner } from './xml-scanner';

/** Elements ExcelJS reads wherever they stand in a worksheet, out of place too. */
const VALUE_ELEMENTS = new Set(['sheetData', 'cols', 'mergeCells', 'hyperlinks']);
/** Top-level worksheet elements ExcelJS reads (their content is theirs). */
const WORKSHEET_ELEMENTS = new Set([
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'autoFilter',
  'mergeCells',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
]);

export function readWorksheet(xml: string, ctx: SheetContext): (RawCell | undefined)[][] {
  const s = new Scanner(xml);
  openRoot(s, 'worksheet', MAIN_NS);
  let data: [number, number] | null = null;
  let cols: { min: number; max: number; numFmt: string | undefined }[] | null = null;
  let merges: Merge[] = [];
  const hyperlinks: { ref: string | undefined; rId: string }[] = [];
  const seen = new Set<string>();
  eachChild(s, () => {
    const name = s.name;
    if (VALUE_ELEMENTS.has(name)) {
      if (seen.has(name)) decline(`two <${name}> elements`);
      seen.add(name);
    }
    switch (name) {
      case 'sheetData': {
        if (s.selfClosing) return;
        const end = xml.indexOf('</sheetData>', s.i);
        if (end < 0) decline('an unterminated <sheetData>');
        data = [s.i, end];
        s.i = end + '</sheetData>'.length;
        return;
      }
      case 'cols':
        cols = [];
        eachChild(s, () => {
          if (s.name === 'col') {
            const a = s.attrs;
            const min = parseInt(a.min || '0', 10),
              max = parseInt(a.max || '0', 10);
            if (!(min >= 1 && max >= min && max <= 16384)) decline('a column range out of bounds');
            const styleId = a.style ? parseInt(a.style, 10) : 0;
            if (styleId && ctx.styles.missing) decline('a column style without cell styles');
            cols!.push({ min, max, numFmt: styleId ? ctx.styles.numFmt[styleId] : undefined });
          }
          s.skip();
        });
        return;
      case 'mergeCells':
        merges = [];
        eachChild(s, () => {
          if (s.name === 'mergeCell') merges.push(mergeRange(s.attrs.ref));
          s.skip();
        });
        return;
      case 'hyperlinks':
        eachChild(s, () => {
          if (s.name === 'hyperlink' && s.attrs['r:id']) hyperlinks.push({ ref: s.attrs.ref, rId: s.attrs['r:id'] });
          s.skip();
        });
        return;
      default:
        s.skip(WORKSHEET_ELEMENTS.has(name) ? undefined : VALUE_ELEMENTS);
    }
  });

  // External hyperlinks turn their cells into the link's text (internal ones change nothing).
  let links: Map<string, string> | null = null;
  if (hyperlinks.length > 0) {
    const rels = ctx.rels?.() ?? decline('hyperlinks without relationships');
    links = new Map();
    for (const h of hyperlinks) {
      const rel = rels.get(h.rId) ?? decline('a hyperlink to a missing relationship');
      links.set(String(h.ref), rel.Target as string);
    }
  }
  checkMerges(merges);
  const grid = new SheetGrid(ctx, links, merges.length > 0);
  if (data) grid.readSheetData(xml, data[0], data[1]);
  if (merges.length > 0) grid.applyMerges(merges, cols ?? []);
  return grid.rows();
}

function mergeRange(ref: string | undefined): Merge {
  const [a, b = a] = (ref ?? '').split(':');
  const p = CELL_REF.exec(a ?? ''),
    q = CELL_REF.exec(b ?? '');
  if (!p || !q || (ref ?? '').split(':').length > 2) decline(`a merge range ExcelJS reads its own way: ${ref}`);
  const [c1, r1, c2, r2] = [columnNumber(p[1]), parseInt(p[2], 10), columnNumber(q[1]), parseInt(q[2], 10)];
  const m = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  if (m.top < 1 || m.bottom > 1048576 || m.right > 16384) decline(`a merge range out of bounds: ${ref}`);
  if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) decline('a very large merged range');
  return m;
}

/** ExcelJS refuses overlapping merges ("Cannot merge already merged cells"). */
function checkMerges(merges: Merge[]): void {
  for (let a = 0; a < merges.length; a++) {
    for (let b = 0; b < a; b++) {
      const m = merges[a],
        n = merges[b];
      if (!(n.bottom < m.top || n.top > m.bottom || n.right < m.left || n.left > m.right))
        decline('overlapping merged ranges');
    }
  }
}
