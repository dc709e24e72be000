/**
 * PSPLIB's single-mode format (`.sm`, Kolisch and Sprecher 1996): jobs with their successors,
 * durations and requests on renewable resources, and the resources' availabilities. Jobs are
 * numbered from 1 in the file and from 0 in the {@link Problem}.
 */
import type { Problem } from './problem';

export class PsplibError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const numbers = (text: string) => text.trim().split(/\s+/).filter(Boolean).map(Number);

export function readPsplib(text: string): Problem {
  const lines = text.split(/\r?\n/);
  let at = 0;
  const fail = (message: string): never => {
    throw new PsplibError(Math.min(at + 1, lines.length), message);
  };
  const seek = (re: RegExp, what: string): RegExpExecArray => {
    for (; at < lines.length; at++) {
      const m = re.exec(lines[at]);
      if (m) return m;
    }
    return fail(`the file ends before ${what}: it is not a whole PSPLIB .sm file`);
  };
  const jobs = Number(seek(/^\s*jobs \(incl\. supersource\/sink \)\s*:\s*(\d+)/, 'the number of jobs')[1]);
  if (!(jobs >= 2)) fail('the number of jobs is missing');
  const renewable = Number(seek(/^\s*-\s*renewable\s*:\s*(\d+)/, 'the number of renewable resources')[1]);
  at++;
  const nonrenewable = seek(/^\s*-\s*nonrenewable\s*:\s*(\d+)/, 'the number of nonrenewable resources');
  if (Number(nonrenewable[1]) > 0)
    fail('nonrenewable resources: this is a multi-mode instance, and only single-mode (.sm) instances are read');
  seek(/^PRECEDENCE RELATIONS:/, 'the precedence relations');
  at += 2;
  const successors: number[][] = [];
  for (let j = 1; j <= jobs; j++, at++) {
    if (at >= lines.length) fail(`the file ends within the precedence relations, at job ${j} of ${jobs}`);
    const row = numbers(lines[at]);
    if (row.length < 3 || row.some((x) => !Number.isInteger(x)) || row[0] !== j)
      fail(`expected job ${j}'s modes and successors, found "${lines[at].trim()}"`);
    if (row[1] !== 1) fail(`job ${j} has ${row[1]} modes: only single-mode (.sm) instances are read`);
    const list = row.slice(3);
    if (list.length !== row[2]) fail(`job ${j} announces ${row[2]} successors and lists ${list.length}`);
    for (const s of list) if (s < 1 || s > jobs) fail(`job ${j} has a successor ${s}, which is no job`);
    successors.push(list.map((s) => s - 1));
  }
  seek(/^REQUESTS\/DURATIONS:/, 'the requests and durations');
  at += 3;
  const durations: number[] = [];
  const requests: number[][] = [];
  for (let j = 1; j <= jobs; j++, at++) {
    if (at >= lines.length) fail(`the file ends within the requests and durations, at job ${j} of ${jobs}`);
    const row = numbers(lines[at]);
    if (row.length !== 3 + renewable || row.some((x) => !Number.isInteger(x) || x < 0) || row[0] !== j)
      fail(`expected job ${j}'s mode, duration and ${renewable} requests, found "${lines[at].trim()}"`);
    durations.push(row[2]);
    requests.push(row.slice(3));
  }
  seek(/^RESOURCEAVAILABILITIES:/, 'the resource availabilities');
  at += 2;
  if (at >= lines.length) fail('the file ends before the resource availabilities');
  const capacities = numbers(lines[at]);
  if (capacities.length !== renewable || capacities.some((x) => !Number.isInteger(x) || x < 0))
    fail(`expected ${renewable} resource availabilities, found "${lines[at].trim()}"`);
  return { durations, successors, capacities, requests };
}
