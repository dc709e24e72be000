/**
 * A small, strict XML reader for the add-in tests (no dependency): elements, attributes and text,
 * names kept as written (`bt:Url`). Comments, the XML declaration and CDATA are understood;
 * DOCTYPEs and entities other than the five predefined and numeric ones are not (a manifest has none).
 * Throws on anything that is not well-formed.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'), trimmed. */
  text: string;
  parent?: XmlElement;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s<>/]+)\s*>|<([^\s<>/!?]+)((?:\s+[^\s=<>/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/y;
const ATTR = /([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] as string;
  });
}

export function parseXml(src: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`not well-formed XML at offset ${at}: ${JSON.stringify(src.slice(at, at + 40))}`);
    const [, cdata, close, open, attrText, selfClose, text] = m;
    const top = stack[stack.length - 1];
    if (open !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTR)) {
        if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} on <${open}>`);
        attrs[a[1]] = decode(a[2] ?? a[3] ?? '');
      }
      const el: XmlElement = { name: open, attrs, children: [], text: '', parent: top };
      if (top) top.children.push(el);
      else if (root) throw new Error(`a second root element <${open}>`);
      else root = el;
      if (!selfClose) stack.push(el);
    } else if (close !== undefined) {
      if (!top || top.name !== close) throw new Error(`</${close}> does not close <${top?.name ?? 'nothing'}>`);
      top.text = top.text.trim();
      stack.pop();
    } else if (text !== undefined || cdata !== undefined) {
      const t = cdata ?? decode(text ?? '');
      if (top) top.text += t;
      else if (t.trim()) throw new Error(`text outside the root element: ${JSON.stringify(t.trim().slice(0, 40))}`);
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** `el` and every element below it, in document order. */
export function elements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [el];
  for (const c of el.children) out.push(...elements(c));
  return out;
}

/** Every element below `el` (document order) with this name. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  return elements(el).filter((e) => e !== el && e.name === name);
}

/** The only child of `el` with this name; throws when there is none or more than one. */
export function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

/** The names of `el`'s ancestors, root first. */
export function ancestry(el: XmlElement): string[] {
  const names: string[] = [];
  for (let p = el.parent; p; p = p.parent) names.unshift(p.name);
  return names;
}
