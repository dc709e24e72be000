/** The check that lib/ is not older than its sources (built-lib.ts), on a small project in a temporary folder. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertLibFresh, libSources, staleLibSources } from './built-lib';

/** Writes `rel` under `root`, modified `seconds` after the epoch. */
function write(root: string, rel: string, seconds: number): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  fs.utimesSync(file, seconds, seconds);
}

/** A project whose lib/ was built (at 2000) after its sources were written (at 1000). */
function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'production-planner-built-lib-'));
  fs.writeFileSync(
    path.join(root, 'tsconfig.build.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { outDir: 'lib', rootDir: '.' },
      include: ['src', 'scripts'],
      exclude: ['src/taskpane', 'src/workbook/office-host.ts'],
    }),
  );
  for (const rel of ['src/index.ts', 'src/core/a.ts', 'scripts/demo.ts']) write(root, rel, 1000);
  for (const rel of ['src/taskpane/host.ts', 'src/workbook/office-host.ts', 'src/types.d.ts']) write(root, rel, 3000);
  for (const rel of ['lib/src/index.js', 'lib/src/core/a.js', 'lib/scripts/demo.js']) write(root, rel, 2000);
  return root;
}

test('the sources are the .ts files tsconfig.build.json includes, less those it excludes', () => {
  expect(libSources(project())).toEqual(['src/core/a.ts', 'src/index.ts', 'scripts/demo.ts']);
});

test('a lib/ built after its sources is fresh', () => {
  const root = project();
  expect(staleLibSources(root)).toEqual([]);
  expect(() => assertLibFresh(root)).not.toThrow();
});

test('a source changed since the build, or never built, makes lib/ stale, with a message saying what to run', () => {
  const root = project();
  write(root, 'src/core/a.ts', 3000);
  write(root, 'src/core/b.ts', 1000);
  expect(staleLibSources(root)).toEqual(['src/core/a.ts', 'src/core/b.ts']);
  expect(() => assertLibFresh(root)).toThrow(
    'lib/ is older than src/: run `npm run build:lib` (npm test does it). Not built since they changed: src/core/a.ts, src/core/b.ts',
  );
});
