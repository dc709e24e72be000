/**
 * The XML scanner of the fast .xlsx reader: a small tokenizer (Scanner) for the parts read in
 * full, and the attribute reader (nextAttribute) the cell loop calls in place. Text and
 * attribute values are decoded as an XML parser hands them over; whatever such a parser would
 * reject, or ExcelJS's parser reads its own way, declines.
 */
import { decline } from './decline';

const LT = 60,
  GT = 62,
  SLASH = 47,
  EQ = 61,
  QUOT = 34,
  APOS = 39,
  QUESTION = 63,
  BANG = 33;

export function isSpace(c: number): boolean {
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
  if (x.charCodeAt(i) !== LT || x.charCodeAt(i + 1) === QUESTION || x.charCodeAt(i + 1) === BANG)
    decline('unexpected content before the root element');
  return i;
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (all, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named];
    if (dec === undefined && hex === undefined) decline('an ampersand that starts no known entity');
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    const ok =
      code === 9 ||
      code === 10 ||
      code === 13 ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) decline(`a character reference XML does not allow (${all})`);
    return String.fromCodePoint(code);
  });
}

/** Characters XML does not allow: ExcelJS's parser fails on them, so the reader declines. */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
export const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** Character data as an XML parser hands it over: line ends normalized, entities decoded. */
export function decodeText(raw: string): string {
  if (NOT_XML.test(raw)) decline('a character XML does not allow');
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s.includes('&') ? decodeEntities(s) : s;
}

/** An attribute value as an XML parser hands it over: white space normalized, entities decoded. */
export function decodeAttr(raw: string): string {
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  if (s.includes('<')) decline('a < in an attribute value');
  return s.includes('&') ? decodeEntities(s) : s;
}

export const enum Tok {
  Open,
  Close,
  Text,
  End,
}

/**
 * A small XML tokenizer for the parts that are read in full: open tags with their
 * attributes, close tags and text. Elements are not nested by the scanner; callers do.
 */
export class Scanner {
  i: number;
  name = '';
  attrs: Record<string, string> = {};
  selfClosing = false;
  /** Raw text of a Text token (decode with decodeText). */
  raw = '';

  constructor(
    readonly x: string,
    start?: number,
    readonly end = x.length,
  ) {
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
    for (let c = x.charCodeAt(j); !(isSpace(c) || c === SLASH || c === GT); c = x.charCodeAt(++j))
      if (j >= x.length) decline('an unterminated tag');
    this.name = x.slice(ns, j);
    if (this.name === '' || this.name.charCodeAt(0) === BANG || this.name.charCodeAt(0) === QUESTION)
      decline('a comment, CDATA section, DTD or processing instruction');
    const attrs: Record<string, string> = {};
    this.i = readAttributes(x, j, (name, value) => {
      if (Object.prototype.hasOwnProperty.call(attrs, name)) decline(`attribute ${name} given twice`);
      attrs[name] = value;
    });
    this.attrs = attrs;
    this.selfClosing = cursor.lastSelfClosing;
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

/**
 * What nextAttribute read last, in one record it overwrites (the cell loop reads every
 * attribute of every cell in place: no object per attribute).
 */
const cursor = {
  /** The attribute's name (start, length) and its raw value (start, end) in the text. */
  attrName: 0,
  attrNameLength: 0,
  attrStart: 0,
  attrEnd: 0,
  /** At the end of a tag: the index after it, and whether it was `/>`. */
  tagEnd: 0,
  lastSelfClosing: false,
};
export { cursor };

/**
 * Reads the attribute at x[j] (white space before it allowed) into the cursor: returns the index
 * after it, or -1 at the end of the tag (cursor.tagEnd, cursor.lastSelfClosing). The cell loop
 * calls it for every attribute.
 */
export function nextAttribute(x: string, j: number): number {
  let c = x.charCodeAt(j);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = x.charCodeAt(++j);
  if (c === GT) {
    cursor.lastSelfClosing = false;
    cursor.tagEnd = j + 1;
    return -1;
  }
  if (c === SLASH) {
    if (x.charCodeAt(j + 1) !== GT) decline('a malformed tag');
    cursor.lastSelfClosing = true;
    cursor.tagEnd = j + 2;
    return -1;
  }
  const name = j;
  while (!(c === EQ || c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13)) {
    if (j >= x.length) decline('an unterminated tag');
    c = x.charCodeAt(++j);
  }
  const nameLength = j - name;
  while (c === 32 || c === 9 || c === 10 || c === 13) c = x.charCodeAt(++j);
  if (c !== EQ || nameLength === 0) decline('a malformed attribute');
  c = x.charCodeAt(++j);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = x.charCodeAt(++j);
  if (c !== QUOT && c !== APOS) decline('an unquoted attribute value');
  const quote = c;
  let k = j + 1;
  for (c = x.charCodeAt(k); c !== quote; c = x.charCodeAt(++k))
    if (k >= x.length) decline('an unterminated attribute value');
  cursor.attrName = name;
  cursor.attrNameLength = nameLength;
  cursor.attrStart = j + 1;
  cursor.attrEnd = k;
  c = x.charCodeAt(k + 1);
  if (!(c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13)) decline('no space between attributes');
  return k + 1;
}

/**
 * Reads the attributes of a tag from x[j] (just after its name) to its end, calling `take`
 * with each decoded name and value. Returns the index after the tag; sets cursor.lastSelfClosing.
 */
function readAttributes(x: string, j: number, take: (name: string, value: string) => void): number {
  while ((j = nextAttribute(x, j)) >= 0)
    take(
      x.slice(cursor.attrName, cursor.attrName + cursor.attrNameLength),
      decodeAttr(x.slice(cursor.attrStart, cursor.attrEnd)),
    );
  return cursor.tagEnd;
}

/** The root element, checked to be `name` in the transitional namespace (strict OOXML is left to ExcelJS). */
export function openRoot(s: Scanner, name: string, ns: string): void {
  if (s.next() !== Tok.Open || s.name !== name) decline(`a root element other than <${name}>`);
  if (s.attrs.xmlns !== ns) decline(`<${name}> in namespace ${s.attrs.xmlns ?? '(none)'}`);
}

/**
 * Walks the root's content: `onChild` for each element directly inside it, which must consume
 * the element (s.skip() if nothing else). Text at this level is ignored, as ExcelJS ignores it.
 */
export function eachChild(s: Scanner, onChild: () => void): void {
  if (s.selfClosing) return;
  for (;;) {
    const t = s.next();
    if (t === Tok.Open) onChild();
    else if (t === Tok.Close) return;
    else if (t === Tok.End) decline('an unterminated element');
  }
}

/** Declines on a tag the cell loop does not expect at x[lt], saying what it is. */
export function unexpected(x: string, lt: number, where: string): never {
  const c = x.charCodeAt(lt + 1);
  if (c === BANG || c === QUESTION) decline(`a comment, CDATA section, DTD or processing instruction in ${where}`);
  decline(`an unexpected ${x.slice(lt, lt + 12)}... in ${where}`);
}

/** True for the character after an element name. */
export function endsName(c: number): boolean {
  return c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13;
}

/** An attribute value, decoded only when it needs it. */
export function plainAttr(x: string, vs: number, ve: number): string {
  const raw = x.slice(vs, ve);
  return /[&\t\n\r<]/.test(raw) ? decodeAttr(raw) : raw;
}
