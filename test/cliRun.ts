// Running `pbx-interconnect` in the tests: the real bin in a child process, as a CI job runs it, or `runCli` in
// this process, with what each wrote and its exit status.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { runCli } from '../server/src/cli/run';
import { ROOT } from './paths';

export const BIN = path.join(ROOT, 'bin', 'pbx-interconnect.js');

/** The real bin (dist/cli.js, built). */
export function bin(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command line, run in this process. */
export function cli(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(args, { cwd, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
