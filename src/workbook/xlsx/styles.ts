/**
 * The styles part, as far as values depend on it: each cell style's number format, and
 * whether ExcelJS reads a number under it as a date (or the host flags it as a percent).
 */
import { decline } from './decline';
import { MAIN_NS } from './namespaces';
import { eachChild, openRoot, Scanner } from './xml-scanner';

/** ExcelJS's built-in number formats (the ones it has a format code for). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** ExcelJS's test for a date format: date letters outside [brackets] and "quotes". */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** What a cell style (an index into cellXfs) means for values. */
export interface Styles {
  /** No cellXfs at all: ExcelJS fails on the first styled cell, row or column. */
  missing: boolean;
  /** Whether the style exists (ExcelJS gives a cell of a missing style no style at all). */
  exists: boolean[];
  numFmt: (string | undefined)[];
  date: boolean[];
  percent: boolean[];
}

export function readStyles(xml: string): Styles {
  const s = new Scanner(xml);
  openRoot(s, 'styleSheet', MAIN_NS);
  const custom = new Map<number, string>();
  let xfs: number[] | null = null; // numFmtId of each cellXfs entry
  eachChild(s, () => {
    if (s.name === 'numFmts') {
      eachChild(s, () => {
        if (s.name === 'numFmt') {
          const code = s.attrs.formatCode ?? decline('a number format without a code');
          custom.set(parseInt(s.attrs.numFmtId, 10), code.replace(/[\\](.)/g, '$1'));
        }
        s.skip();
      });
    } else if (s.name === 'cellXfs') {
      xfs = [];
      eachChild(s, () => {
        if (s.name !== 'xf') decline(`<${s.name}> in <cellXfs>`);
        xfs!.push(parseInt(s.attrs.numFmtId, 10));
        s.skip();
      });
    } else {
      s.skip(new Set(['numFmts', 'cellXfs']));
    }
  });
  const styles: Styles = {
    missing: xfs === null || (xfs as number[]).length === 0,
    exists: [],
    numFmt: [],
    date: [],
    percent: [],
  };
  (xfs ?? []).forEach((id, k) => {
    const fmt = id ? custom.get(id) || BUILT_IN_FORMATS[id] : undefined;
    styles.exists[k] = true;
    styles.numFmt[k] = fmt;
    styles.date[k] = isDateFormat(fmt);
    styles.percent[k] = fmt !== undefined && fmt.includes('%');
  });
  return styles;
}
