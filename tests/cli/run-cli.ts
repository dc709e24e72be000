import * as path from 'path';
import { main } from '../../src/cli/main';

/** The command line as installed: bin/ running the compiled lib/. */
export const BIN = path.resolve(__dirname, '../../bin/production-planner.js');

/** Runs the command line in this process, with its output collected. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'production-planner', ...args], {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
  });
  return { code, out, err };
}
