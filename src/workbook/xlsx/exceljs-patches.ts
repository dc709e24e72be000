/**
 * ExcelJS's XML writer keeps every tag, attribute and text of a part as its own string until the
 * part is done: 8 million strings for the Schedule of a 50,000-task plan, a gigabyte at once. Joined
 * after each row (once many pieces have gathered, and never inside a rollback, whose positions
 * index into them), the text is the same and its pieces a few hundred. Proven byte for byte on the
 * ExcelJS version pinned in package.json (PROVEN_WITH_EXCELJS); a test checks it.
 */

interface XmlStreamLike {
  _xml: string[];
  _rollbacks: unknown[];
  /** Text already joined, in order, before `_xml`. */
  _joined?: string[];
}

/** Pieces gathered before a row's end joins them. */
const JOIN_AT = 65536;

let applied = false;

export function joinXmlByRow(): void {
  if (applied) return;
  applied = true;
  /* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's internals, which its typings leave out */
  const XmlStream = require('exceljs/lib/utils/xml-stream.js') as { prototype: object };
  const RowXform = require('exceljs/lib/xlsx/xform/sheet/row-xform.js') as {
    prototype: { render(xml: XmlStreamLike, ...rest: unknown[]): void };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const render = RowXform.prototype.render;
  RowXform.prototype.render = function (this: unknown, xml: XmlStreamLike, ...rest: unknown[]): void {
    render.call(this, xml, ...rest);
    if (xml._xml.length > JOIN_AT && xml._rollbacks.length === 0) {
      (xml._joined ??= []).push(xml._xml.join(''));
      xml._xml = [];
    }
  };
  const xmlGetter = Object.getOwnPropertyDescriptor(XmlStream.prototype, 'xml')!.get!;
  Object.defineProperty(XmlStream.prototype, 'xml', {
    configurable: true,
    get(this: XmlStreamLike): string {
      const tail = xmlGetter.call(this) as string;
      if (!this._joined) return tail;
      const all = this._joined.join('') + tail;
      this._joined = [all];
      this._xml = [];
      return all;
    },
  });
}
