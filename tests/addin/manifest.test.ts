/**
 * Offline structural checks of manifest.xml, parsed as XML (`office-addin-manifest validate`
 * needs the internet; manifest-info.test.ts runs the offline `info`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ORIGIN, manifestUrls, pngSize, readManifest, root } from './manifest';
import { XmlElement, ancestry, child, descendants, elements } from './xml';

const m = readManifest();
const { doc } = m;
const versionOverrides = child(doc, 'VersionOverrides');
const host = child(child(versionOverrides, 'Hosts'), 'Host');
const attrsOf = (els: XmlElement[], name: string) => els.map((e) => e.attrs[name]);

/** The ribbon buttons, by label. */
function buttons(): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  for (const c of descendants(host, 'Control')) out.set(m.value(child(c, 'Label').attrs.resid), c);
  return out;
}

test('an Excel task pane add-in that kept its id, with a well-formed version', () => {
  expect(doc.name).toBe('OfficeApp');
  expect(doc.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(child(doc, 'Id').text).toBe('6f1c2b5e-8a43-4d2e-9a57-3c0e7d51b2a4');
  expect(child(doc, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(attrsOf(child(doc, 'Hosts').children, 'Name')).toEqual(['Workbook']);
  expect(child(doc, 'Permissions').text).toBe('ReadWriteDocument');
});

test('VersionOverrides is version 1.0, the only one a task pane add-in takes, and overrides for Workbook', () => {
  expect(versionOverrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
  expect(versionOverrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  expect(host.attrs['xsi:type']).toBe('Workbook');
  // The order Office requires: Runtimes, then AllFormFactors, then DesktopFormFactor.
  expect(host.children.map((c) => c.name)).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
});

test('SharedRuntime 1.1 and ExcelApi 1.10 (RangeAreas, page layout, row groups) are required, by the add-in and by its VersionOverrides', () => {
  const base = child(child(doc, 'Requirements'), 'Sets');
  expect(base.children.map((s) => [s.name, s.attrs.Name, s.attrs.MinVersion])).toEqual([
    ['Set', 'SharedRuntime', '1.1'],
    ['Set', 'ExcelApi', '1.10'],
  ]);
  const sets = child(child(versionOverrides, 'Requirements'), 'bt:Sets');
  expect(sets.attrs.DefaultMinVersion).toBe('1.1');
  expect(sets.children.map((s) => [s.name, s.attrs.Name, s.attrs.MinVersion])).toEqual([
    ['bt:Set', 'SharedRuntime', '1.1'],
    ['bt:Set', 'ExcelApi', '1.10'],
  ]);
});

test('every resid used is defined once in Resources, with the kind of resource its element wants', () => {
  const uses = elements(doc).filter((e) => e.attrs.resid !== undefined);
  expect(uses.length).toBeGreaterThan(10);
  for (const e of uses) {
    const resid = e.attrs.resid;
    expect(resid.length).toBeLessThanOrEqual(32); // Office's limit on a resid
    const res = m.resources.get(resid);
    if (!res) throw new Error(`<${e.name} resid="${resid}"> is not defined in Resources`);
    const wants =
      e.name === 'bt:Image'
        ? 'bt:Images'
        : ['Runtime', 'SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(e.name)
          ? 'bt:Urls'
          : e.name === 'Description'
            ? 'bt:LongStrings'
            : 'bt:ShortStrings'; // Label, Title, Namespace
    expect([`<${e.name} resid="${resid}">`, res.parent?.name]).toEqual([`<${e.name} resid="${resid}">`, wants]);
  }
  // Nothing defined and never used.
  const usedIds = new Set(uses.map((e) => e.attrs.resid));
  expect([...m.resources.keys()].filter((id) => !usedIds.has(id))).toEqual([]);
});

test(`every URL is on one origin, ${ORIGIN}; no other address appears (but the XML namespaces)`, () => {
  const urls = manifestUrls(m);
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) expect(new URL(u).origin).toBe(ORIGIN);
  const elsewhere = [...m.xml.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi)]
    .map((x) => x[0])
    .filter((u) => !u.startsWith(`${ORIGIN}`));
  const namespaces = new Set(
    elements(doc).flatMap((e) =>
      Object.entries(e.attrs)
        .filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:'))
        .map(([, v]) => v),
    ),
  );
  expect(elsewhere.filter((u) => !namespaces.has(u))).toEqual([]);
});

test('one long-lived runtime, Taskpane.Url, shared by the pane, the ribbon command and the custom functions', () => {
  const runtimes = descendants(doc, 'Runtime');
  expect(runtimes).toHaveLength(1);
  expect(ancestry(runtimes[0]).slice(-2)).toEqual(['Host', 'Runtimes']);
  const { resid, lifetime } = runtimes[0].attrs;
  expect([resid, lifetime]).toEqual(['Taskpane.Url', 'long']);
  const pageUrl = m.value(resid);
  expect(new URL(pageUrl).pathname).toBe('/taskpane.html');

  // Every page Office opens for this add-in is that one page.
  const functionFiles = descendants(host, 'FunctionFile');
  expect(attrsOf(functionFiles, 'resid')).toEqual([resid]);
  const functions = descendants(host, 'ExtensionPoint').filter((e) => e.attrs['xsi:type'] === 'CustomFunctions');
  expect(child(child(functions[0], 'Page'), 'SourceLocation').attrs.resid).toBe(resid);
  const actions = descendants(host, 'Action');
  for (const a of actions.filter((x) => x.attrs['xsi:type'] === 'ShowTaskpane')) {
    expect(child(a, 'SourceLocation').attrs.resid).toBe(resid);
  }
  expect(child(child(doc, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(pageUrl);
  // Only one task pane: the shared runtime supports one, and a pane without an id counts as another.
  expect(attrsOf(actions, 'xsi:type').sort()).toEqual(['ExecuteFunction', 'ShowTaskpane']);
});

test('the PROD custom functions: script, page, metadata and namespace, for all form factors', () => {
  const points = descendants(host, 'ExtensionPoint').filter((e) => e.attrs['xsi:type'] === 'CustomFunctions');
  expect(points).toHaveLength(1);
  const cf = points[0];
  expect(cf.parent?.name).toBe('AllFormFactors');
  expect(cf.children.map((c) => c.name)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
  const url = (name: string) => new URL(m.value(child(child(cf, name), 'SourceLocation').attrs.resid)).pathname;
  expect(url('Script')).toBe('/taskpane.js'); // the one bundle, which holds the functions
  expect(url('Page')).toBe('/taskpane.html');
  expect(url('Metadata')).toBe('/functions.json');
  expect(m.value(child(cf, 'Namespace').attrs.resid)).toBe('PROD');
});

test('Home tab: a "Production Planner" group with Regenerate (runs `regenerate`) and Open planner (shows the pane)', () => {
  const surfaces = descendants(host, 'ExtensionPoint').filter((e) => e.attrs['xsi:type'] === 'PrimaryCommandSurface');
  expect(surfaces).toHaveLength(1);
  expect(surfaces[0].parent?.name).toBe('DesktopFormFactor');
  const tab = child(surfaces[0], 'OfficeTab');
  expect(tab.attrs.id).toBe('TabHome');
  const group = child(tab, 'Group');
  expect(m.value(child(group, 'Label').attrs.resid)).toBe('Production Planner');

  const byLabel = buttons();
  expect([...byLabel.keys()]).toEqual(['Regenerate', 'Open planner']);
  for (const c of byLabel.values()) {
    expect(c.attrs['xsi:type']).toBe('Button');
    expect(c.parent).toBe(group);
  }
  const regenerate = child(byLabel.get('Regenerate') as XmlElement, 'Action');
  expect(regenerate.attrs['xsi:type']).toBe('ExecuteFunction');
  expect(child(regenerate, 'FunctionName').text).toBe('regenerate');
  const open = child(byLabel.get('Open planner') as XmlElement, 'Action');
  expect(open.attrs['xsi:type']).toBe('ShowTaskpane');
  expect(child(open, 'TaskpaneId').text).not.toBe('');
  expect(child(open, 'SourceLocation').attrs.resid).toBe('Taskpane.Url');

  const ids = attrsOf([group, ...byLabel.values()], 'id');
  expect(new Set(ids).size).toBe(ids.length);
});

test('labels and titles are under 125 characters, descriptions and tooltips under 250', () => {
  const res = child(versionOverrides, 'Resources');
  const short = descendants(child(res, 'bt:ShortStrings'), 'bt:String');
  const long = descendants(child(res, 'bt:LongStrings'), 'bt:String');
  expect(short.length).toBeGreaterThan(3);
  for (const s of short) expect([s.attrs.id, s.attrs.DefaultValue.length < 125]).toEqual([s.attrs.id, true]);
  for (const s of long) expect([s.attrs.id, s.attrs.DefaultValue.length < 250]).toEqual([s.attrs.id, true]);
  for (const s of [...short, ...long]) expect(s.attrs.DefaultValue.trim()).not.toBe('');
});

test('every icon is a real PNG in assets/ of the size the manifest says', () => {
  const expectSize = (url: string, size: number) => {
    const file = path.join(root, new URL(url).pathname);
    expect(fs.existsSync(file)).toBe(true);
    expect([url, pngSize(file)]).toEqual([url, { width: size, height: size }]);
  };
  expectSize(child(doc, 'IconUrl').attrs.DefaultValue, 32);
  expectSize(child(doc, 'HighResolutionIconUrl').attrs.DefaultValue, 64);
  const images = descendants(host, 'bt:Image');
  expect(images.length).toBe(9); // group and two buttons, 16/32/80 each
  for (const img of images) expectSize(m.value(img.attrs.resid), Number(img.attrs.size));
});
