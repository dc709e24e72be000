/**
 * The shared strings part, and the string items and rich-text runs inline strings share
 * with it.
 */
import { decline } from './decline';
import { decodeEscapes } from './exceljs-text';
import { MAIN_NS } from './namespaces';
import { decodeText, eachChild, openRoot, Scanner, Tok } from './xml-scanner';

/** A shared string with rich-text runs (their text joined), or an empty `<si/>`. */
export class RichText {
  constructor(readonly text: string) {}
}
export const EMPTY_SI = Object.freeze({ kind: 'empty-si' });
export type SharedString = string | RichText | typeof EMPTY_SI;

const SIMPLE_SI = /<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;

export function readSharedStrings(xml: string): SharedString[] {
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
  return runs ? new RichText(runs.join('')) : (plain ?? EMPTY_SI);
}

/** A rich-text run's text (its last <t>, escapes decoded); its font is skipped. */
export function readRun(s: Scanner): string {
  let text = '';
  eachChild(s, () => {
    if (s.name === 't') text = decodeEscapes(s.textContent());
    else if (s.name === 'rPr') s.skip();
    else decline(`<${s.name}> in a rich-text run`);
  });
  return text;
}
