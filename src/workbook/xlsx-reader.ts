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
 */
import * as zlib from 'zlib';
import type JSZip from 'jszip';
import type { RawCell, RawValue, RawWorkbook } from '../core/raw';
import { columnIndex, gridSheet } from '../core/raw';
import { wallFromDate } from '../core/time';

export type FastReadResult =
  | { ok: true; raw: RawWorkbook; /** `<workbookPr date1904="1">`, as ExcelJS reads it. */ date1904: boolean }
  | { ok: false; /** Why the fast reader declined (the caller falls back to ExcelJS). */ reason: string };

/** The reader declines: the workbook has something it does not read exactly as ExcelJS does. */
class Unsupported extends Error {}

function decline(reason: string): never {
  throw new Unsupported(reason);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

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
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = entry.name[0] === '/' ? entry.name.slice(1) : entry.name;
    if (parts.has(name)) decline(`two entries named ${name}`);
    parts.set(name, entry);
    if (['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml'].includes(name)) continue;
    let m = WORKSHEET_PART.exec(name);
    if (m) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) decline(`unusual worksheet part ${name}`);
      worksheetParts.set(name, m[1]);
      continue;
    }
    m = WORKSHEET_RELS_PART.exec(name);
    if (m) {
      if (!/^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name) || relsParts.has(m[1])) decline(`unusual worksheet relationships part ${name}`);
      relsParts.set(m[1], name);
    }
  }
  // Every part that may be read starts inflating now, on zlib's threads, while this thread
  // parses the parts that are ready.
  const inflating = new Map<string, Promise<Buffer>>();
  for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', ...worksheetParts.keys(), ...relsParts.values()]) {
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
    checkSheetName(s.name, chosen.map((c) => c.name));
    chosen.push({ name: s.name as string, part, sheetNo });
  }

  const sheets = [];
  for (const c of chosen) {
    const relsName = relsParts.get(c.sheetNo);
    const relsText = relsName === undefined ? null : await text(relsName);
    const rows = readWorksheet(await need(c.part), {
      styles, shared, date1904: book.date1904, rels: relsText === null ? null : () => readRelationships(relsText),
    });
    sheets.push(gridSheet(c.name, rows));
  }
  return { raw: { sheets, source: 'xlsx' }, date1904: book.date1904 };
}

/**
 * An entry's bytes. JSZip reads the archive, but its inflate (pako, plain JavaScript) takes
 * about 330 ms on a 20,000-line workbook in a fresh process, ten times Node's own zlib: the
 * deflated bytes JSZip found are inflated with zlib. Anything else (or an entry whose inner
 * shape is not the one expected of JSZip 3) goes through JSZip's own inflate.
 */
async function inflate(entry: JSZip.JSZipObject): Promise<Buffer> {
  const data = (entry as unknown as { _data?: Partial<ZipData> })._data;
  if (data && data.compressedContent instanceof Uint8Array && typeof data.uncompressedSize === 'number' && data.compression) {
    const content = data.compressedContent;
    let out: Buffer | null = null;
    if (data.compression.magic === '\x08\x00') {
      // One output chunk of the known size: zlib then hands it over without copying chunks together.
      const chunkSize = Math.max(64, Math.min(data.uncompressedSize, 256 * 2 ** 20));
      out = await new Promise<Buffer | null>((resolve) => zlib.inflateRaw(content, { chunkSize }, (e, r) => resolve(e ? null : r)));
    } else if (data.compression.magic === '\x00\x00') {
      out = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    }
    // On any surprise JSZip inflates it (and says what is wrong with it).
    if (out && out.length === data.uncompressedSize) return out;
  }
  return entry.async('nodebuffer');
}

/** What JSZip 3 keeps of an entry it read from an archive (its CompressedObject). */
interface ZipData {
  compressedContent: Uint8Array;
  uncompressedSize: number;
  compression: { magic: string };
}

/** ExcelJS refuses (or truncates) such names when it loads a workbook: let it. */
function checkSheetName(name: string | undefined, before: string[]): void {
  if (
    name === undefined || name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31 ||
    before.some((b) => b.toLowerCase() === name.toLowerCase())
  ) {
    decline(`a sheet name ExcelJS does not take as it is: ${JSON.stringify(name)}`);
  }
}

// ---- XML scanning ------------------------------------------------------------------------

const LT = 60, GT = 62, SLASH = 47, EQ = 61, QUOT = 34, APOS = 39, QUESTION = 63, BANG = 33;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Where a part's root element starts. Comments, CDATA sections, DTDs (with their own entities)
 * and processing instructions are declined where the scanners meet them: ExcelJS's parser reads
 * some of them its own way (it drops CDATA, for one).
 */
function startOfRoot(x: string): number {
  let i = x.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (x.startsWith('<?xml', i)) {
    const end = x.indexOf('?>', i);
    if (end < 0) decline('an unterminated XML declaration');
    i = end + 2;
  }
  while (isSpace(x.charCodeAt(i))) i++;
  if (x.charCodeAt(i) !== LT || x.charCodeAt(i + 1) === QUESTION || x.charCodeAt(i + 1) === BANG) decline('unexpected content before the root element');
  return i;
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (all, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named];
    if (dec === undefined && hex === undefined) decline('an ampersand that starts no known entity');
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    const ok = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) decline(`a character reference XML does not allow (${all})`);
    return String.fromCodePoint(code);
  });
}

/** Characters XML does not allow: ExcelJS's parser fails on them, so the reader declines. */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** Character data as an XML parser hands it over: line ends normalized, entities decoded. */
function decodeText(raw: string): string {
  if (NOT_XML.test(raw)) decline('a character XML does not allow');
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s.includes('&') ? decodeEntities(s) : s;
}

/** An attribute value as an XML parser hands it over: white space normalized, entities decoded. */
function decodeAttr(raw: string): string {
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  if (s.includes('<')) decline('a < in an attribute value');
  return s.includes('&') ? decodeEntities(s) : s;
}

/** ExcelJS decodes these five entities a second time in some places (sheet names, text results). */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;': return '<';
      case '&gt;': return '>';
      case '&amp;': return '&';
      case '&apos;': return "'";
      case '&quot;': return '"';
      default: return c;
    }
  });
}

/** Excel's `_xHHHH_` escapes in shared and rich text, decoded as ExcelJS decodes them (upper-case hex only). */
function decodeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const enum Tok {
  Open,
  Close,
  Text,
  End,
}

/**
 * A small XML tokenizer for the parts that are read in full: open tags with their
 * attributes, close tags and text. Elements are not nested by the scanner; callers do.
 */
class Scanner {
  i: number;
  name = '';
  attrs: Record<string, string> = {};
  selfClosing = false;
  /** Raw text of a Text token (decode with decodeText). */
  raw = '';

  constructor(readonly x: string, start?: number, readonly end = x.length) {
    this.i = start ?? startOfRoot(x);
  }

  next(): Tok {
    const { x } = this;
    if (this.i >= this.end) return Tok.End;
    if (x.charCodeAt(this.i) !== LT) {
      let lt = x.indexOf('<', this.i);
      if (lt < 0 || lt > this.end) lt = this.end;
      this.raw = x.slice(this.i, lt);
      this.i = lt;
      return Tok.Text;
    }
    let j = this.i + 1;
    if (x.charCodeAt(j) === SLASH) {
      const gt = x.indexOf('>', j);
      if (gt < 0) decline('an unterminated tag');
      this.name = x.slice(j + 1, gt).trimEnd();
      this.i = gt + 1;
      return Tok.Close;
    }
    const ns = j;
    for (let c = x.charCodeAt(j); !(isSpace(c) || c === SLASH || c === GT); c = x.charCodeAt(++j)) if (j >= x.length) decline('an unterminated tag');
    this.name = x.slice(ns, j);
    if (this.name === '' || this.name.charCodeAt(0) === BANG || this.name.charCodeAt(0) === QUESTION) decline('a comment, CDATA section, DTD or processing instruction');
    const attrs: Record<string, string> = {};
    this.i = readAttributes(x, j, (name, value) => {
      if (Object.prototype.hasOwnProperty.call(attrs, name)) decline(`attribute ${name} given twice`);
      attrs[name] = value;
    });
    this.attrs = attrs;
    this.selfClosing = lastSelfClosing;
    return Tok.Open;
  }

  /** After an Open token: skips the element's content up to and including its close tag. */
  skip(forbidden?: Set<string>): void {
    if (this.selfClosing) return;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t === Tok.Open) {
        if (forbidden?.has(this.name)) decline(`a ${this.name} element where ExcelJS would read it out of place`);
        if (!this.selfClosing) depth++;
      } else if (t === Tok.Close) {
        if (--depth === 0) return;
      } else if (t === Tok.End) {
        decline('an unterminated element');
      }
    }
  }

  /** After an Open token: the element's text (no child elements allowed), through its close tag. */
  textContent(): string {
    if (this.selfClosing) return '';
    let text = '';
    for (;;) {
      const t = this.next();
      if (t === Tok.Text) text += decodeText(this.raw);
      else if (t === Tok.Close) return text;
      else decline(`an element inside <${this.name}> text`);
    }
  }
}

/** Set by nextAttribute: the attribute's name (start, length) and its raw value (start, end) in the text. */
let attrName = 0, attrNameLength = 0, attrStart = 0, attrEnd = 0;
/** Set by nextAttribute at the end of a tag: the index after it, and whether it was `/>`. */
let tagEnd = 0, lastSelfClosing = false;

/**
 * Reads the attribute at x[j] (white space before it allowed): returns the index after it, or
 * -1 at the end of the tag (tagEnd, lastSelfClosing). The cell loop calls it for every attribute.
 */
function nextAttribute(x: string, j: number): number {
  let c = x.charCodeAt(j);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = x.charCodeAt(++j);
  if (c === GT) {
    lastSelfClosing = false;
    tagEnd = j + 1;
    return -1;
  }
  if (c === SLASH) {
    if (x.charCodeAt(j + 1) !== GT) decline('a malformed tag');
    lastSelfClosing = true;
    tagEnd = j + 2;
    return -1;
  }
  attrName = j;
  while (!(c === EQ || c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13)) {
    if (j >= x.length) decline('an unterminated tag');
    c = x.charCodeAt(++j);
  }
  attrNameLength = j - attrName;
  while (c === 32 || c === 9 || c === 10 || c === 13) c = x.charCodeAt(++j);
  if (c !== EQ || attrNameLength === 0) decline('a malformed attribute');
  c = x.charCodeAt(++j);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = x.charCodeAt(++j);
  if (c !== QUOT && c !== APOS) decline('an unquoted attribute value');
  const quote = c;
  let k = j + 1;
  for (c = x.charCodeAt(k); c !== quote; c = x.charCodeAt(++k)) if (k >= x.length) decline('an unterminated attribute value');
  attrStart = j + 1;
  attrEnd = k;
  c = x.charCodeAt(k + 1);
  if (!(c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13)) decline('no space between attributes');
  return k + 1;
}

/**
 * Reads the attributes of a tag from x[j] (just after its name) to its end, calling `take`
 * with each decoded name and value. Returns the index after the tag; sets lastSelfClosing.
 */
function readAttributes(x: string, j: number, take: (name: string, value: string) => void): number {
  while ((j = nextAttribute(x, j)) >= 0) take(x.slice(attrName, attrName + attrNameLength), decodeAttr(x.slice(attrStart, attrEnd)));
  return tagEnd;
}

/** The root element, checked to be `name` in the transitional namespace (strict OOXML is left to ExcelJS). */
function openRoot(s: Scanner, name: string, ns: string): void {
  if (s.next() !== Tok.Open || s.name !== name) decline(`a root element other than <${name}>`);
  if (s.attrs.xmlns !== ns) decline(`<${name}> in namespace ${s.attrs.xmlns ?? '(none)'}`);
}

/**
 * Walks the root's content: `onChild` for each element directly inside it, which must consume
 * the element (s.skip() if nothing else). Text at this level is ignored, as ExcelJS ignores it.
 */
function eachChild(s: Scanner, onChild: () => void): void {
  if (s.selfClosing) return;
  for (;;) {
    const t = s.next();
    if (t === Tok.Open) onChild();
    else if (t === Tok.Close) return;
    else if (t === Tok.End) decline('an unterminated element');
  }
}

// ---- Workbook, relationships, styles -------------------------------------------------------

interface BookSheet {
  name: string | undefined;
  id: number;
  rId: string | undefined;
}

function readWorkbookPart(xml: string): { sheets: BookSheet[]; date1904: boolean } {
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
        sheets.push({ name: a.name === undefined ? undefined : xmlDecodeAgain(a.name), id: parseInt(a.sheetId, 10), rId: a['r:id'] });
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

interface Relationship {
  Id?: string;
  Type?: string;
  Target?: string;
}

function readRelationships(xml: string): Map<string, Relationship> {
  const s = new Scanner(xml);
  openRoot(s, 'Relationships', RELS_NS);
  const rels = new Map<string, Relationship>();
  eachChild(s, () => {
    if (s.name !== 'Relationship') decline(`<${s.name}> in relationships`);
    const rel = s.attrs as Relationship;
    rels.set(String(rel.Id), rel);
    s.skip();
  });
  return rels;
}

/** ExcelJS's built-in number formats (the ones it has a format code for). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** ExcelJS's test for a date format: date letters outside [brackets] and "quotes". */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** What a cell style (an index into cellXfs) means for values. */
interface Styles {
  /** No cellXfs at all: ExcelJS fails on the first styled cell, row or column. */
  missing: boolean;
  /** Whether the style exists (ExcelJS gives a cell of a missing style no style at all). */
  exists: boolean[];
  numFmt: (string | undefined)[];
  date: boolean[];
  percent: boolean[];
}

function readStyles(xml: string): Styles {
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
  const styles: Styles = { missing: xfs === null || (xfs as number[]).length === 0, exists: [], numFmt: [], date: [], percent: [] };
  (xfs ?? []).forEach((id, k) => {
    const fmt = id ? custom.get(id) || BUILT_IN_FORMATS[id] : undefined;
    styles.exists[k] = true;
    styles.numFmt[k] = fmt;
    styles.date[k] = isDateFormat(fmt);
    styles.percent[k] = fmt !== undefined && fmt.includes('%');
  });
  return styles;
}

// ---- Shared strings ----------------------------------------------------------------------

/** A shared string with rich-text runs (their text joined), or an empty `<si/>`. */
class RichText {
  constructor(readonly text: string) {}
}
const EMPTY_SI = Object.freeze({ kind: 'empty-si' });
type SharedString = string | RichText | typeof EMPTY_SI;

const SIMPLE_SI = /<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;

function readSharedStrings(xml: string): SharedString[] {
  const s = new Scanner(xml);
  openRoot(s, 'sst', MAIN_NS);
  const out: SharedString[] = [];
  if (s.selfClosing) return out;
  for (;;) {
    // The common <si><t>text</t></si>, read by one regular expression.
    SIMPLE_SI.lastIndex = s.i;
    const m = SIMPLE_SI.exec(xml);
    if (m) {
      out.push(decodeEscapes(decodeText(m[1])));
      s.i = SIMPLE_SI.lastIndex;
      continue;
    }
    const t = s.next();
    if (t === Tok.Close) return out; // </sst>
    if (t === Tok.End) decline('an unterminated <sst>');
    if (t === Tok.Open) {
      // ExcelJS fails on anything but <si> here.
      if (s.name !== 'si') decline(`<${s.name}> in shared strings`);
      out.push(readStringItem(s));
    }
  }
}

/** A <si> or <is>: plain text (<t>, the last one counts) or rich-text runs (<r>); phonetic runs skipped. */
function readStringItem(s: Scanner): SharedString {
  let plain: string | undefined;
  let runs: string[] | undefined;
  eachChild(s, () => {
    switch (s.name) {
      case 't':
        plain = decodeEscapes(s.textContent());
        break;
      case 'r':
        (runs ??= []).push(readRun(s));
        break;
      case 'rPh':
      case 'phoneticPr':
        s.skip();
        break;
      default:
        decline(`<${s.name}> in a string item`);
    }
  });
  if (plain !== undefined && runs !== undefined) decline('plain and rich text in one string item');
  return runs ? new RichText(runs.join('')) : plain ?? EMPTY_SI;
}

/** A rich-text run's text (its last <t>, escapes decoded); its font is skipped. */
function readRun(s: Scanner): string {
  let text = '';
  eachChild(s, () => {
    if (s.name === 't') text = decodeEscapes(s.textContent());
    else if (s.name === 'rPr') s.skip();
    else decline(`<${s.name}> in a rich-text run`);
  });
  return text;
}

// ---- Worksheets --------------------------------------------------------------------------

interface SheetContext {
  styles: Styles;
  shared: SharedString[] | null;
  date1904: boolean;
  /** The sheet's relationships, read on demand (hyperlinks to other places need them). */
  rels: (() => Map<string, Relationship>) | null;
}

/** Elements ExcelJS reads wherever they stand in a worksheet, out of place too. */
const VALUE_ELEMENTS = new Set(['sheetData', 'cols', 'mergeCells', 'hyperlinks']);
/** Top-level worksheet elements ExcelJS reads (their content is theirs). */
const WORKSHEET_ELEMENTS = new Set([
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'autoFilter', 'mergeCells', 'rowBreaks', 'hyperlinks',
  'pageMargins', 'dataValidations', 'pageSetup', 'headerFooter', 'printOptions', 'picture', 'drawing', 'sheetProtection', 'tableParts',
  'conditionalFormatting', 'extLst',
]);

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function readWorksheet(xml: string, ctx: SheetContext): (RawCell | undefined)[][] {
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
            const min = parseInt(a.min || '0', 10), max = parseInt(a.max || '0', 10);
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

const CELL_REF = /^([A-Z]{1,3})([0-9]+)$/;

/** 1-based column number of column letters, as ExcelJS counts columns. */
function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}

function mergeRange(ref: string | undefined): Merge {
  const [a, b = a] = (ref ?? '').split(':');
  const p = CELL_REF.exec(a ?? ''), q = CELL_REF.exec(b ?? '');
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
      const m = merges[a], n = merges[b];
      if (!(n.bottom < m.top || n.top > m.bottom || n.right < m.left || n.left > m.right)) decline('overlapping merged ranges');
    }
  }
}

/** What the ExcelJS host makes of a value it has no reading for. */
function unreadable(): RawValue {
  return { kind: 'error', text: 'an unreadable value' };
}

/** A cell's value as ExcelJS holds it before the host turns it into a raw value. */
type ExcelValue = number | string | boolean | Date | RichText | typeof EMPTY_SI | { error: string } | undefined;

// Cell types (the t attribute), as codes for the cell loop.
const T_NUMBER = 0, T_SHARED = 1, T_STR = 2, T_INLINE = 3, T_BOOL = 4, T_ERROR = 5, T_OTHER = 6;

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

/** Declines on a tag the cell loop does not expect at x[lt], saying what it is. */
function unexpected(x: string, lt: number, where: string): never {
  const c = x.charCodeAt(lt + 1);
  if (c === BANG || c === QUESTION) decline(`a comment, CDATA section, DTD or processing instruction in ${where}`);
  decline(`an unexpected ${x.slice(lt, lt + 12)}... in ${where}`);
}

/** True for the character after an element name. */
function endsName(c: number): boolean {
  return c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13;
}

/**
 * The cells of one worksheet, built row by row as ExcelJS builds them: a later <row> with the
 * same number replaces an earlier one, a later cell replaces an earlier one in its column,
 * and an empty cell without a style is no cell at all.
 */
class SheetGrid {
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

  constructor(private readonly ctx: SheetContext, private readonly links: Map<string, string> | null, private readonly trackStyles: boolean) {
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
      if (!(x.charCodeAt(lt + 1) === 114 && x.charCodeAt(lt + 2) === 111 && x.charCodeAt(lt + 3) === 119 && endsName(x.charCodeAt(lt + 4)))) {
        unexpected(x, lt, '<sheetData>');
      }
      i = this.readRow(x, lt + 4);
    }
  }

  private readRow(x: string, j: number): number {
    let number = NaN, rowStyle = 0;
    while ((j = nextAttribute(x, j)) >= 0) {
      if (attrNameLength !== 1) continue;
      const n0 = x.charCodeAt(attrName);
      if (n0 === 114 /* r */) number = parseInt(plainAttr(x, attrStart, attrEnd), 10);
      else if (n0 === 115 /* s */) rowStyle = readStyleId(x, attrStart, attrEnd);
    }
    j = tagEnd;
    const selfClosing = lastSelfClosing;
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
      if (attrNameLength !== 1) continue;
      const n0 = x.charCodeAt(attrName), vs = attrStart, ve = attrEnd;
      if (n0 === 114 /* r */) col = this.readRef(x, vs, ve);
      else if (n0 === 115 /* s */) this.styleId = readStyleId(x, vs, ve);
      else if (n0 === 116 /* t */) this.type = ve - vs === 1 && x.charCodeAt(vs) === 115 ? T_SHARED : typeCode(plainAttr(x, vs, ve));
    }

    // The content: <v> (read in place), <f>, <is>.
    this.hasFormula = false;
    this.hasFormulaText = false;
    this.shareType = this.si = this.fref = undefined;
    this.hasValue = false;
    this.text = undefined;
    this.runs = undefined;
    j = lastSelfClosing ? tagEnd : this.readContent(x, tagEnd);

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
    let k = vs, col = 0;
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
    let seenF = false, seenV = false, seenIs = false;
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
        let k = lt + 3, n = 0, c = x.charCodeAt(k);
        while (c >= 48 && c <= 57) {
          n = n * 10 + c - 48;
          c = x.charCodeAt(++k);
        }
        const close = c === LT ? k : x.indexOf('<', k);
        if (!(x.charCodeAt(close + 1) === SLASH && x.charCodeAt(close + 2) === 118 && x.charCodeAt(close + 3) === GT)) decline('an element inside <v>');
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
        else result = this.valueNumber();
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
          v = this.valueNumber();
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
          cells[c - 1] = typeof copy === 'number' && fmt !== undefined && fmt.includes('%') ? { value: copy, percent: true } : { value: copy };
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

/** An attribute value, decoded only when it needs it. */
function plainAttr(x: string, vs: number, ve: number): string {
  const raw = x.slice(vs, ve);
  return /[&\t\n\r<]/.test(raw) ? decodeAttr(raw) : raw;
}
