/**
 * Text as ExcelJS 4.4 decodes it on top of its XML parser.
 */

/** ExcelJS decodes these five entities a second time in some places (sheet names, text results). */
export function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** Excel's `_xHHHH_` escapes in shared and rich text, decoded as ExcelJS decodes them (upper-case hex only). */
export function decodeEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}
