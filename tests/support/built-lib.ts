/**
 * Whether lib/ (the compiled library, `npm run build:lib`) is older than its sources. A test that runs
 * lib/ (bin/production-planner.js requires lib/src/cli/main.js) calls assertLibFresh() first, so that a
 * stale build fails it with a clear message instead of testing yesterday's code. `npm test` builds lib/
 * before running jest.
 *
 * The sources are those tsconfig.build.json compiles (its include, less its exclude: plain paths, no
 * wildcards), each compared with its .js in lib/ by modification time.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');

interface BuildConfig {
  include?: string[];
  exclude?: string[];
  compilerOptions?: { outDir?: string; rootDir?: string };
}

function buildConfig(root: string): BuildConfig {
  return JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as BuildConfig;
}

/** The .ts files tsconfig.build.json compiles, relative to `root`, with '/' between folders. */
export function libSources(root = ROOT): string[] {
  const config = buildConfig(root);
  const clean = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
  const include = (config.include ?? []).map(clean);
  const exclude = (config.exclude ?? []).map(clean);
  for (const p of [...include, ...exclude]) {
    if (/[*?]/.test(p))
      throw new Error(`tsconfig.build.json: '${p}': tests/support/built-lib.ts reads plain paths only`);
  }
  const excluded = (rel: string) => exclude.some((x) => rel === x || rel.startsWith(x + '/'));
  const sources: string[] = [];
  const walk = (rel: string) => {
    if (excluded(rel)) return;
    const abs = path.join(root, rel);
    if (fs.statSync(abs).isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) walk(`${rel}/${name}`);
    } else if (rel.endsWith('.ts') && !rel.endsWith('.d.ts')) sources.push(rel);
  };
  for (const p of include) if (fs.existsSync(path.join(root, p))) walk(p);
  return sources;
}

/** The sources whose .js in lib/ is missing or older than they are. */
export function staleLibSources(root = ROOT): string[] {
  const options = buildConfig(root).compilerOptions ?? {};
  const outDir = path.join(root, options.outDir ?? 'lib');
  const rootDir = path.join(root, options.rootDir ?? '.');
  return libSources(root).filter((rel) => {
    const source = path.join(root, rel);
    const output = path.join(outDir, path.relative(rootDir, source)).replace(/\.ts$/, '.js');
    return !fs.existsSync(output) || fs.statSync(output).mtimeMs < fs.statSync(source).mtimeMs;
  });
}

/** Throws when lib/ is older than its sources (see staleLibSources), naming a few of them. */
export function assertLibFresh(root = ROOT): void {
  const stale = staleLibSources(root);
  if (!stale.length) return;
  const named = stale.slice(0, 5).join(', ') + (stale.length > 5 ? ` and ${stale.length - 5} more` : '');
  throw new Error(
    `lib/ is older than src/: run \`npm run build:lib\` (npm test does it). Not built since they changed: ${named}`,
  );
}
