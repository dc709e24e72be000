/**
 * The cell loop: the rows and cells of a worksheet's <sheetData>, read in place and built
 * into raw cells exactly as ExcelJS and its host build them.
 */
import type { RawCell, RawValue } from '../../core/raw';
import { columnIndex } from '../../core/location';
import { wallFromDate } from '../../core/time';
import { decline } from './decline';
import { isValidNumberText } from './invalid-numbers';
import { xmlDecodeAgain } from './exceljs-text';
import type { Relationship } from './relationships';
import { EMPTY_SI, readRun, RichText, type SharedString } from './shared-strings';
import type { Styles } from './styles';
import {
  cursor,
  decodeAttr,
  decodeText,
  eachChild,
  endsName,
  nextAttribute,
  plainAttr,
  Scanner,
  unexpected,
} from './xml-scanner';

/** Character codes the cell loop compares with. */
const LT = 60,
  GT = 62,
  SLASH = 47;

export interface SheetContext {
  styles: Styles;
  shared: SharedString[] | null;
  date1904: boolean;
  /** The sheet's relationships, read on demand (hyperlinks to other places need them). */
  rels: (() => Map<string, Relationship>) | null;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const CELL_REF = /^([A-Z]{1,3})([0-9]+)$/;

/** 1-based column number of column letters, as ExcelJS counts columns. */
export function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}

/** What the ExcelJS host makes of a value it has no reading for. */
function unreadable(): RawValue {
  return { kind: 'error', text: 'an unreadable value' };
}

/** A cell's value as ExcelJS holds it before the host turns it into a raw value. */
type ExcelValue = number | string | boolean | Date | RichText | typeof EMPTY_SI | { error: string } | undefined;

// Cell types (the t attribute), as codes for the cell loop.
const T_NUMBER = 0,
  T_SHARED = 1,
  T_STR = 2,
  T_INLINE = 3,
  T_BOOL = 4,
  T_ERROR = 5,
  T_OTHER = 6;

function typeCode(t: string): number {
  switch (t) {
    case '':
    case 'n':
      return T_NUMBER;
    case 's':
      return T_SHARED;
    case 'str':
      return T_STR;
    case 'inlineStr':
      return T_INLINE;
    case 'b':
      return T_BOOL;
    case 'e':
      return T_ERROR;
    default:
      return T_OTHER;
  }
}

/**
 * The cells of one worksheet, built row by row as ExcelJS builds them: a later <row> with the
 * same number replaces an earlier one, a later cell replaces an earlier one in its column,
 * and an empty cell without a style is no cell at all.
 */
export class SheetGrid {
  private readonly byRow: ((RawCell | undefined)[] | undefined)[] = [];
  /** Rows where a later cell took a value away (their trailing holes are trimmed at the end). */
  private readonly thinned = new Set<number>();
  /** With merges: each row's style, and the style of each cell ExcelJS created (valued or not). */
  private readonly rowStyle: number[] = [];
  private readonly cellStyle: Map<number, number>[] = [];
  /** Shared-formula masters' addresses by their si, in a plain object as ExcelJS keeps them. */
  private readonly formulae: Record<string, unknown> = {};
  private readonly shared: SharedString[] | null;
  private readonly exists: boolean[];
  private readonly isDate: boolean[];
  private readonly isPercent: boolean[];

  // The cell being read (fields rather than arguments: the cell loop runs for every cell).
  private x = '';
  private refStart = 0;
  private refEnd = 0;
  /** The r attribute when it needed decoding; undefined when the cell has none. */
  private refDecoded: string | undefined = undefined;
  private hasRef = false;
  private styleId = 0;
  private type = T_NUMBER;
  private hasFormula = false;
  private hasFormulaText = false;
  private shareType: string | undefined = undefined;
  private si: string | undefined = undefined;
  private fref: string | undefined = undefined;
  /**
   * The cell's value text (<v>, or <t> in <is>): either decoded in `text`, or still in x from
   * `valueStart` to `valueEnd` (then `digits` holds its number when it is only digits, else -1).
   */
  private hasValue = false;
  private text: string | undefined = undefined;
  private valueStart = 0;
  private valueEnd = 0;
  private digits = -1;
  private runs: string[] | undefined = undefined;
  /** The column of the last cell ExcelJS kept in the row (the next one without r follows it). */
  private lastCol = 0;

  constructor(
    private readonly ctx: SheetContext,
    private readonly links: Map<string, string> | null,
    private readonly trackStyles: boolean,
  ) {
    this.shared = ctx.shared;
    this.exists = ctx.styles.exists;
    this.isDate = ctx.styles.date;
    this.isPercent = ctx.styles.percent;
  }

  rows(): (RawCell | undefined)[][] {
    const rows: (RawCell | undefined)[][] = [];
    this.byRow.forEach((cells, r) => {
      if (!cells) return;
      if (this.thinned.has(r)) {
        let n = cells.length;
        while (n > 0 && !(n - 1 in cells)) n--;
        cells.length = n;
      }
      if (cells.some(() => true)) rows[r] = cells;
    });
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    return rows;
  }

  /** Reads the <row> elements in x[start] to x[end] (the content of <sheetData>). */
  readSheetData(x: string, start: number, end: number): void {
    this.x = x;
    let i = start;
    for (;;) {
      const lt = x.indexOf('<', i);
      if (lt < 0 || lt >= end) return;
      if (!(
        x.charCodeAt(lt + 1) === 114 &&
        x.charCodeAt(lt + 2) === 111 &&
        x.charCodeAt(lt + 3) === 119 &&
        endsName(x.charCodeAt(lt + 4))
      )) {
        unexpected(x, lt, '<sheetData>');
      }
      i = this.readRow(x, lt + 4);
    }
  }

  private readRow(x: string, j: number): number {
    let number = NaN,
      rowStyle = 0;
    while ((j = nextAttribute(x, j)) >= 0) {
      if (cursor.attrNameLength !== 1) continue;
      const n0 = x.charCodeAt(cursor.attrName);
      if (n0 === 114 /* r */) number = parseInt(plainAttr(x, cursor.attrStart, cursor.attrEnd), 10);
      else if (n0 === 115 /* s */) rowStyle = readStyleId(x, cursor.attrStart, cursor.attrEnd);
    }
    j = cursor.tagEnd;
    const selfClosing = cursor.lastSelfClosing;
    if (!(number >= 1 && number <= 1048576)) decline('a row without a usable number');
    const r = number - 1;
    // A row read again replaces the earlier one, cells and all.
    const cells: (RawCell | undefined)[] = [];
    this.byRow[r] = cells;
    this.thinned.delete(r);
    if (rowStyle && this.ctx.styles.missing) decline('a row style without cell styles');
    if (this.trackStyles) {
      this.rowStyle[r] = rowStyle;
      this.cellStyle[r] = new Map();
    }
    if (selfClosing) return j;
    this.lastCol = 0;
    for (;;) {
      const lt = x.indexOf('<', j);
      if (lt < 0) decline('an unterminated <row>');
      const c1 = x.charCodeAt(lt + 1);
      if (c1 === 99 /* c */ && endsName(x.charCodeAt(lt + 2))) {
        j = this.readCell(x, lt + 2, r, cells);
      } else if (c1 === SLASH && x.startsWith('</row>', lt)) {
        return lt + 6;
      } else {
        unexpected(x, lt, 'a <row>');
      }
    }
  }

  /** Reads one <c> from just after its name; returns the index after it. */
  private readCell(x: string, j: number, r: number, cells: (RawCell | undefined)[]): number {
    let col = 0;
    this.hasRef = false;
    this.refDecoded = undefined;
    this.styleId = 0;
    this.type = T_NUMBER;
    // The attributes, read in place: only r, s and t count.
    while ((j = nextAttribute(x, j)) >= 0) {
      if (cursor.attrNameLength !== 1) continue;
      const n0 = x.charCodeAt(cursor.attrName),
        vs = cursor.attrStart,
        ve = cursor.attrEnd;
      if (n0 === 114 /* r */) col = this.readRef(x, vs, ve);
      else if (n0 === 115 /* s */) this.styleId = readStyleId(x, vs, ve);
      else if (n0 === 116 /* t */)
        this.type = ve - vs === 1 && x.charCodeAt(vs) === 115 ? T_SHARED : typeCode(plainAttr(x, vs, ve));
    }

    // The content: <v> (read in place), <f>, <is>.
    this.hasFormula = false;
    this.hasFormulaText = false;
    this.shareType = this.si = this.fref = undefined;
    this.hasValue = false;
    this.text = undefined;
    this.runs = undefined;
    j = cursor.lastSelfClosing ? cursor.tagEnd : this.readContent(x, cursor.tagEnd);

    const previous = this.lastCol;
    if (!this.hasRef) {
      if (previous === 0) {
        // ExcelJS fails on a first cell without r, unless it keeps no such cell anyway.
        if (this.keeps()) decline('a first cell without a reference');
        return j;
      }
      col = previous + 1;
      if (col > 16384) decline('a column out of bounds');
    }
    const cell = this.cellValue();
    if (cell === undefined) return j; // no cell at all: not counted for the next one
    this.lastCol = col;
    if (cell === null) {
      if (col - 1 in cells) {
        delete cells[col - 1];
        this.thinned.add(r);
      }
    } else {
      cells[col - 1] = cell;
    }
    if (this.trackStyles) this.cellStyle[r].set(col - 1, this.styleId && this.exists[this.styleId] ? this.styleId : 0);
    return j;
  }

  /** The column of an r attribute (its row is the <row>'s, as ExcelJS takes it). */
  private readRef(x: string, vs: number, ve: number): number {
    this.hasRef = true;
    this.refStart = vs;
    this.refEnd = ve;
    let k = vs,
      col = 0;
    let c = x.charCodeAt(k);
    while (c >= 65 && c <= 90 && k < ve) {
      col = col * 26 + c - 64;
      c = x.charCodeAt(++k);
    }
    const letters = k - vs;
    while (c >= 48 && c <= 57 && k < ve) c = x.charCodeAt(++k);
    if (k === ve && letters >= 1 && letters <= 3 && k > vs + letters && col <= 16384) return col;
    // Entities or anything else: decoded, then held to the same shape.
    const ref = decodeAttr(x.slice(vs, ve));
    const m = CELL_REF.exec(ref);
    if (!m || columnNumber(m[1]) > 16384) decline(`a cell reference ExcelJS reads its own way: ${ref}`);
    this.refDecoded = ref;
    return columnNumber(m[1]);
  }

  /** The cell's r attribute as a string (undefined without one). */
  private ref(): string | undefined {
    if (!this.hasRef) return undefined;
    return this.refDecoded ?? this.x.slice(this.refStart, this.refEnd);
  }

  /** Reads a cell's content after its start tag, through </c>. */
  private readContent(x: string, j: number): number {
    let seenF = false,
      seenV = false,
      seenIs = false;
    for (;;) {
      const lt = x.indexOf('<', j);
      if (lt < 0) decline('an unterminated <c>');
      const c1 = x.charCodeAt(lt + 1);
      if (c1 === SLASH) {
        if (!(x.charCodeAt(lt + 2) === 99 && x.charCodeAt(lt + 3) === GT)) decline('a misplaced close tag in a cell');
        j = lt + 4;
        break;
      }
      if (c1 === 118 /* v */ && x.charCodeAt(lt + 2) === GT) {
        if (seenV) decline('two <v> in a cell');
        seenV = true;
        // Plain digits (a shared-string index, a whole number) are read in place.
        let k = lt + 3,
          n = 0,
          c = x.charCodeAt(k);
        while (c >= 48 && c <= 57) {
          n = n * 10 + c - 48;
          c = x.charCodeAt(++k);
        }
        const close = c === LT ? k : x.indexOf('<', k);
        if (!(x.charCodeAt(close + 1) === SLASH && x.charCodeAt(close + 2) === 118 && x.charCodeAt(close + 3) === GT))
          decline('an element inside <v>');
        if (close > lt + 3) {
          this.hasValue = true;
          if (close === k && k - lt - 3 <= 15) {
            this.valueStart = lt + 3;
            this.valueEnd = close;
            this.digits = n;
          } else {
            this.text = decodeText(x.slice(lt + 3, close));
          }
        }
        j = close + 4;
        continue;
      }
      const s = new Scanner(x, lt);
      s.next();
      if (s.name === 'f') {
        if (seenF) decline('two <f> in a cell');
        seenF = true;
        this.shareType = s.attrs.t;
        this.si = s.attrs.si;
        this.fref = s.attrs.ref;
        this.hasFormulaText = s.textContent() !== '';
      } else if (s.name === 'v') {
        if (seenV) decline('two <v> in a cell');
        seenV = true;
        const text = s.textContent();
        if (text !== '') this.setText(text);
      } else if (s.name === 'is') {
        if (seenIs) decline('two <is> in a cell');
        seenIs = true;
        this.readInline(s);
      } else {
        decline(`<${s.name}> in a cell`);
      }
      j = s.i;
    }
    // ExcelJS's cell is a formula when <f> has text or a t attribute.
    this.hasFormula = this.hasFormulaText || !!this.shareType;
    if (seenIs && (this.type !== T_INLINE || seenV || seenF)) decline('an inline string in a cell that is not one');
    if (this.hasFormula && this.type === T_INLINE) decline('an inline string with a formula');
    return j;
  }

  /** <is>: text straight in <t> is taken raw (no _x escapes), runs as rich text. */
  private readInline(s: Scanner): void {
    eachChild(s, () => {
      if (s.name === 't') {
        const text = s.textContent();
        if (text !== '') this.setText((this.hasValue ? this.valueText() : '') + text);
      } else if (s.name === 'r') {
        (this.runs ??= []).push(readRun(s));
      } else if (s.name === 'phoneticPr') {
        s.skip();
      } else {
        decline(`<${s.name}> in an inline string`);
      }
    });
    if (this.runs !== undefined && this.hasValue) decline('plain and rich text in one inline string');
  }

  private setText(text: string): void {
    this.hasValue = true;
    this.text = text;
  }

  /** The value text, as ExcelJS holds it (its XML parser's decoded text). */
  private valueText(): string {
    if (this.text === undefined) this.text = this.x.slice(this.valueStart, this.valueEnd);
    return this.text;
  }

  /** parseFloat of the value text (parseInt too, for plain digits). */
  private valueNumber(): number {
    return this.text === undefined ? this.digits : parseFloat(this.text);
  }

  /** The value as a number; one that is none (`abc`, `NaN`, `1e999`) the file reader keeps as text. */
  private validNumber(): number {
    const n = this.valueNumber();
    if (!Number.isFinite(n) || (this.text !== undefined && !isValidNumberText(this.text)))
      decline('a number cell holding no valid number');
    return n;
  }

  /** parseInt(value text, 10). */
  private valueInt(): number {
    return this.text === undefined ? this.digits : parseInt(this.text, 10);
  }

  /** Whether ExcelJS keeps the cell being read (as a cell, valued or not). */
  private keeps(): boolean {
    return this.hasFormula || this.hasValue || this.runs !== undefined || !!this.styleId || this.link() !== undefined;
  }

  private link(): string | undefined {
    return this.links === null ? undefined : this.links.get(String(this.ref())) || undefined;
  }

  /**
   * The raw cell ExcelJS's host makes of the cell being read: null for a cell that exists with no
   * value (a styled empty cell), undefined for one ExcelJS does not keep.
   */
  private cellValue(): RawCell | null | undefined {
    const styleId = this.styleId;
    if (styleId && this.ctx.styles.missing) decline('a cell style without cell styles');
    const styled = !!styleId && this.exists[styleId] === true;
    const date = styled && this.isDate[styleId];
    if (this.hasFormula) {
      let result: ExcelValue;
      if (this.hasValue) {
        if (this.type === T_STR) result = xmlDecodeAgain(this.valueText());
        else if (this.type === T_BOOL) result = this.valueInt() !== 0;
        else if (this.type === T_ERROR) result = { error: this.valueText() };
        else if (this.type === T_OTHER) decline('a formula cell of an unknown type');
        else result = this.validNumber();
      }
      if (result !== undefined && date) result = this.excelDate(result);
      let sharedFormula: unknown;
      if (this.shareType === 'shared') {
        if (this.fref) this.formulae[this.si as string] = this.ref();
        else sharedFormula = this.formulae[this.si as string];
      }
      if (this.links !== null && this.link()) return { value: String(result ?? '') };
      // ExcelJS copies only the truthy parts of a formula: a cached 0, false or '' is no result.
      if (!this.hasFormulaText && !sharedFormula) return { value: unreadable() };
      return this.raw(result || undefined, styled && this.isPercent[styleId]);
    }
    let v: ExcelValue;
    if (this.hasValue || this.runs !== undefined) {
      switch (this.type) {
        case T_NUMBER:
          v = this.validNumber();
          if (date) v = this.excelDate(v);
          break;
        case T_SHARED:
          if (!this.shared) decline('a shared string without shared strings');
          v = this.shared[this.valueInt()];
          if (v === undefined) decline('a shared string index out of range');
          break;
        case T_STR:
          v = xmlDecodeAgain(this.valueText());
          break;
        case T_INLINE:
          v = this.runs ? new RichText(this.runs.join('')) : this.valueText();
          break;
        case T_BOOL:
          v = this.valueInt() !== 0;
          break;
        case T_ERROR:
          v = { error: this.valueText() };
          break;
        default:
          decline('a cell of a type ExcelJS reads as a number');
      }
    } else if (this.links === null || !this.link()) {
      return styleId ? null : undefined;
    }
    if (this.links !== null && this.link()) return { value: String(v ?? '') };
    return this.raw(v, styled && this.isPercent[styleId]);
  }

  private raw(v: ExcelValue, percent: boolean): RawCell {
    let value: RawValue;
    if (typeof v === 'number') return percent ? { value: v, percent: true } : { value: v };
    if (typeof v === 'string') return { value: v };
    if (v === undefined) value = null;
    else if (typeof v === 'boolean') value = v;
    else if (v instanceof Date) value = { kind: 'date', wall: wallFromDate(v) };
    else if (v instanceof RichText) value = v.text;
    else if (v === EMPTY_SI) value = unreadable();
    else value = { kind: 'error', text: String((v as { error: string }).error) };
    return { value };
  }

  /** ExcelJS's serial-to-date conversion, to the millisecond (and its NaN for text). */
  private excelDate(v: unknown): Date {
    return new Date(Math.round((Number(v) - 25569 + (this.ctx.date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  }

  /**
   * Merged ranges: every cell but the top-left takes the top-left's value, with its own number
   * format for the percent flag (its style if ExcelJS created it from the file, else its row's
   * or its column's).
   */
  applyMerges(merges: Merge[], cols: { min: number; max: number; numFmt: string | undefined }[]): void {
    // Column styles as ExcelJS lays them out (sorted by min; a range overlapping an earlier one is cut).
    const colFmt: (string | undefined)[] = [];
    let count = 1;
    for (const c of [...cols].sort((a, b) => a.min - b.min)) {
      while (count < c.min) colFmt[count++] = undefined;
      while (count <= c.max) colFmt[count++] = c.numFmt;
    }
    const fmtOf = (id: number) => (id && this.exists[id] ? this.ctx.styles.numFmt[id] : undefined);
    for (const m of merges) {
      const master = this.byRow[m.top - 1]?.[m.left - 1];
      const value = master ? master.value : null;
      for (let r = m.top; r <= m.bottom; r++) {
        const cells = (this.byRow[r - 1] ??= []);
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          const own = this.cellStyle[r - 1]?.get(c - 1);
          const fmt = own !== undefined ? fmtOf(own) : fmtOf(this.rowStyle[r - 1] ?? 0) || colFmt[c];
          const copy = value !== null && typeof value === 'object' ? { ...value } : value;
          cells[c - 1] =
            typeof copy === 'number' && fmt !== undefined && fmt.includes('%')
              ? { value: copy, percent: true }
              : { value: copy };
        }
      }
    }
  }
}

/** An s attribute as ExcelJS reads it: parseInt when present and not empty (NaN counts as none). */
function readStyleId(x: string, vs: number, ve: number): number {
  let n = 0;
  for (let k = vs; k < ve; k++) {
    const d = x.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return parseInt(decodeAttr(x.slice(vs, ve)), 10) || 0;
    n = n * 10 + d;
  }
  return n;
}
