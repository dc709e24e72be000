/**
 * The production build, run once into a temporary folder (dist/ is left alone), offline: the page,
 * the bundle, functions.json and the icons are there, and the page reaches nothing but the
 * office.js CDN.
 */
import { SpawnSyncReturns, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  FUNCTIONS_SOURCE,
  NETWORK_MARKER,
  OFFICE_JS,
  manifestFiles,
  offlineEnv,
  pngSize,
  readManifest,
  root,
} from './manifest';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'production-planner-addin-'));
const withFunctions = fs.existsSync(FUNCTIONS_SOURCE);
let run: SpawnSyncReturns<string>;

beforeAll(() => {
  run = spawnSync(
    process.execPath,
    [require.resolve('webpack/bin/webpack.js'), '--mode', 'production', '--output-path', out],
    {
      cwd: root,
      env: offlineEnv(),
      encoding: 'utf8',
      timeout: 170_000,
    },
  );
}, 180_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');

test('the production build succeeds without the network', () => {
  expect(run.error).toBeUndefined();
  expect(run.stderr).not.toContain(NETWORK_MARKER);
  expect([run.status, run.stdout]).toEqual([0, expect.stringContaining('compiled successfully')]);
});

test('taskpane.html loads office.js from the CDN, then the taskpane bundle, and nothing else', () => {
  const html = read('taskpane.html');
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((s) =>
    /\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(s[1]),
  );
  expect(scripts.map((s) => s && (s[1] ?? s[2] ?? s[3]))).toEqual([OFFICE_JS, 'taskpane.js']);
  // No other address: every absolute or protocol-relative URL in the page is the CDN's office.js.
  const addresses = [...html.matchAll(/(?:\b[a-z][a-z0-9+.-]*:)?\/\/[^\s"'<>]+/gi)].map((x) => x[0]);
  expect(addresses).toEqual([OFFICE_JS]);
  expect(html).not.toMatch(/<(?:link|img|iframe)\b/i);
});

test('every file manifest.xml names is in the build', () => {
  const missing = manifestFiles(readManifest()).filter((f) => !fs.existsSync(path.join(out, f)));
  // Until src/functions/functions.ts is written there are no functions to describe.
  expect(missing).toEqual(withFunctions ? [] : ['functions.json']);
  expect(read('manifest.xml')).toBe(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'));
});

test('the icons are the PNGs from assets/, at their sizes', () => {
  for (const size of [16, 32, 64, 80]) {
    const file = `assets/icon-${size}.png`;
    expect(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(root, file)))).toBe(true);
    expect(pngSize(path.join(out, file))).toEqual({ width: size, height: size });
  }
});

(withFunctions ? test : test.skip)(
  'functions.json describes the PROD functions, and the bundle registers each of them',
  () => {
    const metadata = JSON.parse(read('functions.json'));
    expect(Array.isArray(metadata.functions)).toBe(true);
    expect(metadata.functions.length).toBeGreaterThan(0);
    const bundle = read('taskpane.js');
    for (const f of metadata.functions) {
      expect(f).toEqual(
        expect.objectContaining({ id: expect.stringMatching(/^[A-Za-z0-9.]+$/), name: expect.any(String) }),
      );
      expect([f.id, bundle.includes(`CustomFunctions.associate("${f.id}"`)]).toEqual([f.id, true]);
    }
  },
);
