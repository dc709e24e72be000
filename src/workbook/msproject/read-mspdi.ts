/**
 * Reads Microsoft Project XML (MSPDI) with saxes, a streaming, non-validating XML parser: the file
 * goes through in chunks, and only the Project element's fields and the small trees of its
 * calendars, tasks, resources and assignments are kept (timephased data, the largest part of a
 * big file, is skipped as it streams by).
 *
 * Safety: saxes never reads a DTD, never fetches anything and knows only XML's five predefined
 * entities and character references. A document with a DOCTYPE is refused as soon as it is seen,
 * so no entity can be defined, no entity expansion can grow memory, and no file or address a
 * document names is ever opened.
 */
import { SaxesParser } from 'saxes';
import { MSPDI_NAMESPACE } from '../../core/msproject/mspdi';
import type { MspdiDocument, XmlElement } from '../../core/msproject/mspdi';

export class MspdiError extends Error {}

/** Containers under Project whose children are kept, each as a small tree. */
const LISTS: Record<string, keyof Omit<MspdiDocument, 'project'>> = {
  Calendars: 'calendars',
  Tasks: 'tasks',
  Resources: 'resources',
  Assignments: 'assignments',
};
/** Elements skipped with everything in them: bulky and not read. */
const SKIPPED = new Set([
  'TimephasedData',
  'ExtendedAttribute',
  'ExtendedAttributes',
  'OutlineCode',
  'OutlineCodes',
  'WBSMasks',
]);

/** Other products' XML, by root element, so the message can say what the file is. */
const KNOWN_ROOTS: Record<string, string> = {
  APIBusinessObjects:
    'Primavera P6 XML (export it from P6 as Microsoft Project XML, or open it in Project and save it as XML)',
  project: 'a GanttProject or Planner file',
  Workbook: 'an Excel 2003 XML spreadsheet',
  PMXML: 'Primavera PMXML',
  ConceptDraw: 'a ConceptDraw file',
};

/**
 * Text decoding: a byte order mark, else the XML declaration's encoding, else UTF-8 (XML's
 * default). Project writes UTF-8; older files and other tools may write UTF-16 or a Windows code page.
 */
function decoderFor(head: Uint8Array): TextDecoder {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return new TextDecoder('utf-8', { fatal: true });
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  if (head[0] === 0x3c && head[1] === 0x00) return new TextDecoder('utf-16le', { fatal: true });
  if (head[0] === 0x00 && head[1] === 0x3c) return new TextDecoder('utf-16be', { fatal: true });
  const declaration = new TextDecoder('latin1').decode(head.subarray(0, 200));
  const m = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(declaration);
  const label = m ? m[1].toLowerCase() : 'utf-8';
  try {
    // A declared UTF-16 without a mark in an ASCII-looking head is really 8-bit: read it as UTF-8.
    return new TextDecoder(label.startsWith('utf-16') ? 'utf-8' : label, { fatal: true });
  } catch {
    throw new MspdiError(`its XML declaration names an encoding the reader does not know (${m?.[1]})`);
  }
}

/**
 * Reads MSPDI from chunks of bytes (a file read piece by piece). Throws MspdiError with a plain
 * message when the bytes are not Project XML.
 */
export function readMspdi(chunks: Iterable<Uint8Array>): MspdiDocument {
  const doc: MspdiDocument = { project: new Map(), calendars: [], tasks: [], resources: [], assignments: [] };
  const parser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  let rootSeen = false;
  /** The open elements being kept (the current item's tree), innermost last. */
  const stack: XmlElement[] = [];
  let list: XmlElement[] | null = null;
  let projectField: string | null = null;
  let projectText = '';
  let skipDepth = 0;
  let fatal: Error | null = null;
  const fail = (message: string) => {
    if (!fatal) fatal = new MspdiError(message);
  };

  parser.on('doctype', () =>
    fail(
      'it declares a DOCTYPE, which Project XML never has; it is refused so that no entity or external file it names is read',
    ),
  );
  parser.on('opentag', (tag) => {
    depth++;
    if (fatal) return;
    const name = tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name;
    if (depth === 1) {
      rootSeen = true;
      const ns = tag.attributes['xmlns'];
      const nsText = typeof ns === 'string' ? ns : undefined;
      if (name !== 'Project') {
        const known = KNOWN_ROOTS[name];
        fail(
          known
            ? `it is ${known}`
            : `it is XML but not Microsoft Project XML: its root element is <${tag.name}>${nsText ? ` in ${nsText}` : ''}, where Project XML has <Project xmlns="${MSPDI_NAMESPACE}">`,
        );
      } else if (nsText !== undefined && nsText !== MSPDI_NAMESPACE)
        fail(
          `its <Project> element is in the namespace ${nsText}, not Microsoft Project's (${MSPDI_NAMESPACE}): it is another product's XML`,
        );
      return;
    }
    if (skipDepth > 0 || SKIPPED.has(name)) {
      skipDepth++;
      return;
    }
    if (depth === 2) {
      const key = LISTS[name];
      if (key) list = doc[key];
      else {
        projectField = name;
        projectText = '';
      }
      return;
    }
    if (depth === 3 && list === null) {
      // A field of the Project element with children of its own: not read.
      skipDepth++;
      return;
    }
    const e: XmlElement = { name, text: '', children: [] };
    if (stack.length > 0) stack[stack.length - 1].children.push(e);
    else if (list !== null) list.push(e);
    stack.push(e);
  });
  parser.on('text', (text) => {
    if (fatal || skipDepth > 0) return;
    if (stack.length > 0) stack[stack.length - 1].text += text;
    else if (projectField !== null) projectText += text;
    else if (depth <= 1 && text.trim() !== '' && !rootSeen) fail('it is not XML: it has text before its first element');
  });
  parser.on('closetag', () => {
    depth--;
    if (fatal) return;
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (stack.length > 0) {
      const e = stack.pop()!;
      e.text = e.text.trim();
      return;
    }
    if (depth === 1) {
      if (projectField !== null) doc.project.set(projectField, projectText.trim());
      projectField = null;
      list = null;
    }
  });
  parser.on('error', (e) => {
    const msg = e.message.replace(/^\d+:\d+: /, '');
    fail(
      /undefined entity/i.test(msg)
        ? `it uses an entity that is not XML's own (${msg}); it is refused, no entity is expanded`
        : `it is not well-formed XML (line ${parser.line}, column ${parser.column}: ${msg})`,
    );
  });

  let decoder: TextDecoder | null = null;
  let any = false;
  try {
    for (const chunk of chunks) {
      if (chunk.length === 0) continue;
      if (!decoder) decoder = decoderFor(chunk);
      any = true;
      parser.write(decoder.decode(chunk, { stream: true }));
      if (fatal) throw fatal;
    }
    if (!any) throw new MspdiError('it is empty');
    parser.write(decoder!.decode());
    parser.close();
  } catch (e) {
    if (e instanceof MspdiError) throw e;
    if (fatal) throw fatal;
    if (e instanceof TypeError)
      throw new MspdiError(`its bytes are not text in the encoding it declares (${e.message})`);
    throw new MspdiError(`it is not well-formed XML (${(e as Error).message.replace(/^\d+:\d+: /, '')})`);
  }
  if (fatal) throw fatal;
  if (!rootSeen) throw new MspdiError('it is not XML: it has no element');
  return doc;
}
