/** Offline structural checks of manifest.xml (office-addin-manifest validate needs the internet). */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

test('every resid the manifest uses is defined once in its Resources', () => {
  const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
  const defined = [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
  expect(used.size).toBeGreaterThan(0);
  for (const id of used) expect(defined).toContain(id);
  expect(new Set(defined).size).toBe(defined.length);
});

test('every URL is on the add-in origin, and every icon it names is in assets/', () => {
  const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(0);
  for (const u of urls) expect(u.startsWith('https://localhost:3000/')).toBe(true);
  for (const u of urls.filter((x) => x.includes('/assets/'))) {
    expect(fs.existsSync(path.join(root, 'assets', path.basename(u)))).toBe(true);
  }
});

test('the manifest is an Excel task pane add-in with a well-formed id and version', () => {
  expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
  expect(xml).toMatch(/<Host Name="Workbook"\/>/);
  expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  expect(xml).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
});
