// `pbx-interconnect match`, as a script would run it: every conformance case through --stdin in one process,
// the --json shape with `file`, the time of timed includes, and the exit codes.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFORMANCE, ROOT } from '../paths';

const BIN = path.join(ROOT, 'bin', 'pbx-interconnect.js');
const DIR = path.join(CONFORMANCE, 'dialplan-match');

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: DIR });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dropFile = (o: Record<string, unknown>): Record<string, unknown> => {
  const { file: _file, ...rest } = o;
  return rest;
};

describe('pbx-interconnect match', () => {
  it('answers every dialplan-match conformance case through --stdin, in order', () => {
    const cases = JSON.parse(fs.readFileSync(path.join(DIR, 'cases.json'), 'utf8')).cases as {
      number: string;
      context: string;
      callerId?: string;
      expect: { result: string };
      canMatch: object;
      matchMore: object;
    }[];
    const input = cases.map((c) => `${c.number} ${c.context}${c.callerId ? ` ${c.callerId}` : ''}`).join('\n') + '\n';
    const r = run(['match', '--stdin', '--at', '2026-11-22T12:00:00Z'], input);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, cases.length);
    lines.forEach((got, i) => {
      const c = cases[i];
      for (const k of ['expect', 'canMatch', 'matchMore'] as const) {
        if (got[k].result === 'match') assert.equal(got[k].file, 'extensions.conf');
        assert.deepEqual(dropFile(got[k]), c[k], `${c.number} in ${c.context}: ${k}`);
      }
    });
  });

  it('answers every well-formed line of --stdin, and gives a malformed one an error object on its own line (exit 2)', () => {
    const r = run(['match', '--stdin'], '**99101 ord_star\nlonely\n555 empty_ctx\n1 2 3 4\n');
    assert.equal(r.status, 2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.error ?? l.expect.result), ['match', lines[1].error, 'no-extension', lines[3].error]);
    assert.deepEqual([lines[1].line, lines[3].line], [2, 4]);
    assert.match(lines[1].error, /NUMBER CONTEXT \[CALLERID\]/);
    assert.match(r.stderr, /some lines of stdin were not NUMBER CONTEXT/);
  });

  it('prints one answer as JSON with --json and exits 0 on a match, 1 without one', () => {
    const hit = run(['match', '**99101', '--context', 'ord_star', '--json']);
    assert.equal(hit.status, 0);
    assert.deepEqual(JSON.parse(hit.stdout).expect, { result: 'match', extension: '_**99.', foundIn: 'ord_star', line: 80, file: 'extensions.conf' });
    const miss = run(['match', '555', '--context', 'empty_ctx', '--json']);
    assert.equal(miss.status, 1);
    assert.deepEqual(JSON.parse(miss.stdout).expect, { result: 'no-extension' });
  });

  it('uses the caller ID for caller-ID variants', () => {
    const r = run(['match', '100', '--context', 'ord_cid', '--caller-id', '5551234', '--json']);
    assert.equal(JSON.parse(r.stdout).expect.callerIdPattern, '5551234');
  });

  it('reads timed includes at the given time, and with --at any says what opening them changes', () => {
    // inc_l2 opens only on a 30 February: never
    assert.equal(JSON.parse(run(['match', '777', '--context', 'ord_inc_timed', '--json', '--at', '2026-02-28T10:00:00Z']).stdout).expect.foundIn, 'inc_c');
    const any = JSON.parse(run(['match', '777', '--context', 'ord_inc_timed', '--json', '--at', 'any']).stdout);
    assert.equal(any.timed, undefined);
  });

  it('explains in text without --json', () => {
    const r = run(['match', '102', '--context', 'ord_main']);
    assert.match(r.stdout, /^102 dialed in ord_main: _1XX in ord_main \(extensions\.conf:12\)/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run(['match', '101']).status, 2);
    assert.equal(run(['match', '101', '--context', 'x', '--at', 'yesterday']).status, 2);
    assert.equal(run(['match', '101', '--context', 'x', '--pbx', '/nonexistent']).status, 2);
  });
});
