/** What the add-in tests share: manifest.xml read and resolved, PNG sizes, the no-network guard. */
import * as fs from 'fs';
import * as path from 'path';
import { XmlElement, descendants, elements, parseXml } from './xml';

export const root = path.resolve(__dirname, '../..');
export const ORIGIN = 'https://localhost:3000';
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the PROD functions are written; webpack.config.js names the same file. */
export const FUNCTIONS_SOURCE = path.join(root, 'src/functions/functions.ts');
/**
 * Preload (`node --require`) that makes any connection off this machine, and any DNS lookup of
 * another host, fail and say so on stderr with NETWORK_MARKER.
 */
export const NO_NETWORK = path.join(__dirname, 'no-network.js');
export const NETWORK_MARKER = 'no-network.js blocked';

/** Environment for a child process that must not use the network. */
export function offlineEnv(): NodeJS.ProcessEnv {
  const prior = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return { ...process.env, NODE_OPTIONS: `${prior}--require ${JSON.stringify(NO_NETWORK)}` };
}

export interface Manifest {
  xml: string;
  doc: XmlElement;
  /** Resource id to its element in Resources (bt:Image, bt:Url or bt:String). */
  resources: Map<string, XmlElement>;
  /** A resid resolved to its DefaultValue; throws when it is not defined. */
  value(resid: string): string;
}

export function readManifest(file = path.join(root, 'manifest.xml')): Manifest {
  const xml = fs.readFileSync(file, 'utf8');
  const doc = parseXml(xml);
  const resources = new Map<string, XmlElement>();
  const [res] = descendants(doc, 'Resources');
  if (res) {
    for (const kind of ['bt:Image', 'bt:Url', 'bt:String']) {
      for (const el of descendants(res, kind)) {
        if (resources.has(el.attrs.id)) throw new Error(`resource id ${el.attrs.id} defined twice`);
        resources.set(el.attrs.id, el);
      }
    }
  }
  const value = (resid: string) => {
    const el = resources.get(resid);
    if (!el) throw new Error(`resid ${resid} is not defined in Resources`);
    return el.attrs.DefaultValue;
  };
  return { xml, doc, resources, value };
}

/** Every URL the manifest gives Office: DefaultValue attributes that are URLs, and AppDomain texts. */
export function manifestUrls(m: Manifest): string[] {
  return elements(m.doc).flatMap((e) => {
    const v = e.attrs.DefaultValue;
    if (v !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(v)) return [v];
    return e.name === 'AppDomain' ? [e.text] : [];
  });
}

/** The files (paths below the origin) that the manifest's URLs name, without duplicates. */
export function manifestFiles(m: Manifest): string[] {
  const files = manifestUrls(m)
    .map((u) => new URL(u).pathname.replace(/^\//, ''))
    .filter((p) => p !== '');
  return [...new Set(files)];
}

/** Width and height of a PNG file; throws when it is not a PNG. */
export function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 24 || !b.subarray(0, 8).equals(signature) || b.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
