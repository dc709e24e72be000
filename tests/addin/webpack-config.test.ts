/* eslint-disable @typescript-eslint/no-explicit-any -- webpack.config.js is untyped JavaScript */
/**
 * webpack.config.js without running webpack: what a plain build and `webpack serve` get, and that
 * the build emits every file manifest.xml names. (build.test.ts runs the real build.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { FUNCTIONS_SOURCE, manifestFiles, readManifest, root } from './manifest';

jest.mock('office-addin-dev-certs', () => ({
  getHttpsServerOptions: jest.fn(async () => ({ ca: 'CA', key: 'KEY', cert: 'CERT', extra: 'not passed on' })),
}));
const devCerts = require('office-addin-dev-certs') as { getHttpsServerOptions: jest.Mock };
const makeConfig = require('../../webpack.config.js');

const build = { WEBPACK_BUNDLE: true, WEBPACK_BUILD: true };
const serve = { WEBPACK_BUNDLE: true, WEBPACK_SERVE: true };

/** The config with src/functions/functions.ts present or not, whatever the tree holds now. */
async function configWithFunctions(present: boolean, env: object, mode: string) {
  const nodeFs: typeof fs = require('fs'); // the module object the config calls (spyOn cannot patch an import namespace)
  const existsSync = nodeFs.existsSync;
  const spy = jest
    .spyOn(nodeFs, 'existsSync')
    .mockImplementation((p) => (p === FUNCTIONS_SOURCE ? present : existsSync(p)));
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return { config: await makeConfig(env, { mode }), warnings: warn.mock.calls.map((c) => String(c[0])) };
  } finally {
    spy.mockRestore();
    warn.mockRestore();
  }
}

const pluginNamed = (config: any, name: string) => config.plugins.filter((p: object) => p.constructor.name === name);

/** The files a build writes, as paths below the output folder, read off the config. */
function emitted(config: any): Set<string> {
  const out = new Set<string>();
  for (const name of Object.keys(config.entry)) out.add(config.output.filename.replace('[name]', name));
  for (const p of pluginNamed(config, 'HtmlWebpackPlugin')) out.add(p.userOptions.filename);
  for (const p of pluginNamed(config, 'CustomFunctionsMetadataPlugin')) out.add(p.options.output);
  for (const p of pluginNamed(config, 'CopyPlugin')) {
    for (const { from, to } of p.patterns) {
      const src = path.resolve(config.context, from);
      if (fs.statSync(src).isDirectory()) for (const f of fs.readdirSync(src)) out.add(path.posix.join(to, f));
      else out.add(to);
    }
  }
  return out;
}

beforeEach(() => devCerts.getHttpsServerOptions.mockClear());

test('names the same functions file as the tests', () => {
  expect(makeConfig.FUNCTIONS_SOURCE).toBe(FUNCTIONS_SOURCE);
  expect(makeConfig.DEV_SERVER_PORT).toBe(3000);
});

test('a plain build (npm run build) has no dev server and never asks for certificates', async () => {
  const { config } = await configWithFunctions(true, build, 'production');
  expect(config.mode).toBe('production');
  expect(config.devServer).toBeUndefined();
  expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
  expect(config.output.path).toBe(path.join(root, 'dist'));
  expect(config.context).toBe(root);
});

test('webpack serve: https on port 3000 with the office-addin-dev-certs certificates', async () => {
  const { config } = await configWithFunctions(true, serve, 'development');
  expect(config.mode).toBe('development');
  expect(devCerts.getHttpsServerOptions).toHaveBeenCalledTimes(1);
  expect(config.devServer.port).toBe(3000);
  expect(config.devServer.server).toEqual({ type: 'https', options: { ca: 'CA', key: 'KEY', cert: 'CERT' } });
});

test('with the functions file: one taskpane bundle holds it, and functions.json is generated from it', async () => {
  const { config, warnings } = await configWithFunctions(true, build, 'production');
  expect(warnings).toEqual([]);
  expect(config.entry).toEqual({ taskpane: ['./src/taskpane/index.tsx', FUNCTIONS_SOURCE] });
  const [metadata] = pluginNamed(config, 'CustomFunctionsMetadataPlugin');
  expect(metadata.options).toEqual({ input: FUNCTIONS_SOURCE, output: 'functions.json' });
  expect(pluginNamed(config, 'HtmlWebpackPlugin')[0].userOptions).toMatchObject({
    filename: 'taskpane.html',
    chunks: ['taskpane'],
  });
});

test('without it the build still works, says so, and makes no functions.json', async () => {
  const { config, warnings } = await configWithFunctions(false, build, 'production');
  expect(warnings).toEqual([expect.stringContaining('src/functions/functions.ts not found')]);
  expect(config.entry).toEqual({ taskpane: ['./src/taskpane/index.tsx'] });
  expect(pluginNamed(config, 'CustomFunctionsMetadataPlugin')).toEqual([]);
});

test('the build emits every file manifest.xml names', async () => {
  const { config } = await configWithFunctions(true, build, 'production');
  const files = manifestFiles(readManifest());
  expect(files).toEqual(
    expect.arrayContaining(['taskpane.html', 'taskpane.js', 'functions.json', 'assets/icon-80.png']),
  );
  const made = emitted(config);
  expect(files.filter((f) => !made.has(f))).toEqual([]);
  expect(made.has('manifest.xml')).toBe(true);
});
