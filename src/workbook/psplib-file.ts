/**
 * A PSPLIB instance file levelled by the same leveler workbooks use: read, solve within a time
 * limit, checked. A file that cannot be read is a {@link FileError} naming the line it stopped at.
 */
import * as fs from 'fs';
import { networkOf, ProblemError, scheduleFault } from '../core/leveling/problem';
import { PsplibError, readPsplib } from '../core/leveling/psplib';
import { solve } from '../core/leveling/solver';
import { FileError, cannotRead } from './files';

export interface PsplibOptions {
  /** Seconds the search may take. Default 1. */
  timeLimit?: number;
  seed?: number;
}

export interface PsplibResult {
  makespan: number;
  /** Start of each job, keyed by its PSPLIB number (from 1), in the instance's periods. */
  starts: Record<string, number>;
  criticalPath: number;
  lowerBound: number;
  schedules: number;
  seconds: number;
}

export function levelPsplibFile(file: string, options: PsplibOptions = {}): PsplibResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw cannotRead(file, e);
  }
  let net: ReturnType<typeof networkOf>;
  try {
    net = networkOf(readPsplib(text));
  } catch (e) {
    if (e instanceof PsplibError || e instanceof ProblemError) throw new FileError(`${file}: ${e.message}`);
    throw e;
  }
  const t0 = performance.now();
  const solution = solve(net, {
    seed: options.seed ?? 1,
    maxSchedules: Infinity,
    timeLimitMs: (options.timeLimit ?? 1) * 1000,
    clock: () => performance.now(),
  });
  const seconds = (performance.now() - t0) / 1000;
  const fault = scheduleFault(net, solution.starts);
  if (fault) throw new Error(`the leveler made an infeasible schedule (${fault})`);
  const starts: Record<string, number> = {};
  solution.starts.forEach((s, j) => (starts[String(j + 1)] = s));
  return {
    makespan: solution.makespan,
    starts,
    criticalPath: net.criticalPath,
    lowerBound: net.lowerBound,
    schedules: solution.schedules,
    seconds,
  };
}
