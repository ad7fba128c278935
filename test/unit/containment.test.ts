// Failure containment (issue 13): a bug of ours in one check, in loading a file or in a whole command never takes
// the rest down. It becomes one internal-error finding on the file concerned, naming the code path and never the
// error's message (which could quote the configuration, and so a secret); the CLI exits 3.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DIALPLAN_CHECKS, TRUNK_CHECKS } from '../../server/src/analysis/checks';
import { perLine } from '../../server/src/analysis/checks/lineByLine';
import type { TrunkCheck } from '../../server/src/analysis/findings';
import { fileFindings } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { runCli } from '../../server/src/cli/run';

const FILES = {
  '/pbx/sip.conf': '[general]\nallowguest=no\n[1001]\ntype=friend\nhost=dynamic\nsecret=1234\ncontext=phones\n',
  '/pbx/extensions.conf': '[phones]\nexten => 1001,1,Dial(SIP/1001)\n',
};

function workspace(files: Record<string, string>, host = new MemoryHost(files)): Workspace {
  const ws = new Workspace(host);
  for (const f of Object.keys(files)) ws.addKnown(f);
  return ws;
}

describe('failure containment', () => {
  it('turns a check that throws into one internal-error finding, keeping every other finding and no secret', () => {
    const boom: TrunkCheck = {
      code: 'exposure-boom',
      run() {
        throw new Error('secret=1234 leaked into a message');
      },
    };
    TRUNK_CHECKS.push(boom);
    try {
      const found = fileFindings(workspace(FILES), '/pbx/sip.conf');
      const internal = found.filter((f) => f.code === 'internal-error');
      assert.equal(internal.length, 1);
      assert.match(internal[0].message, /failed while running the check exposure-boom \(Error in Object\.run < safely/);
      assert.ok(!internal[0].message.includes('1234'), internal[0].message);
      assert.ok(found.some((f) => f.code === 'exposure-weak-secret'), 'the other checks still report');
    } finally {
      TRUNK_CHECKS.splice(TRUNK_CHECKS.indexOf(boom), 1);
    }
  });

  it('turns a line check that throws on one line into one internal-error finding; the checks run beside it still report', () => {
    // first of the row of line checks, which the runner visits together, line by line
    const boom = perLine('dialplan-boom', (_plan, p) => {
      if (p.app === 'NoOp') throw new RangeError('secret=1234');
    });
    const at = DIALPLAN_CHECKS.findIndex((c) => c.eachLine !== undefined);
    DIALPLAN_CHECKS.splice(at, 0, boom);
    try {
      const files = { '/pbx/extensions.conf': '[phones]\nexten => 1001,1,NoOp(one)\nsame => n,Playbak(hello)\nsame => n,NoOp(two)\n[other]\nexten => 2,1,Dial(SIP/2|20)\n' };
      const found = fileFindings(workspace(files), '/pbx/extensions.conf');
      const internal = found.filter((f) => f.code === 'internal-error');
      assert.equal(internal.length, 1, 'one per context where it failed, not one per line');
      assert.match(internal[0].message, /failed while running the check dialplan-boom on \[phones\] \(RangeError/);
      assert.ok(!internal[0].message.includes('1234'));
      assert.deepEqual(
        found.filter((f) => f.code !== 'internal-error').map((f) => f.code),
        ['dialplan-app-unknown', 'dialplan-app-arguments'],
        'the line checks after it, in the same context and in the next one',
      );
    } finally {
      DIALPLAN_CHECKS.splice(DIALPLAN_CHECKS.indexOf(boom), 1);
    }
  });

  it('turns a failure to load a file into an internal-error finding on that file', () => {
    class Failing extends MemoryHost {
      override read(file: string): string | undefined {
        if (file.endsWith('broken.conf')) throw new TypeError('cannot read');
        return super.read(file);
      }
    }
    const files = { ...FILES, '/pbx/extensions.conf': '[phones]\n#include broken.conf\n', '/pbx/broken.conf': 'x' };
    const found = fileFindings(workspace(files, new Failing(files)), '/pbx/extensions.conf');
    assert.deepEqual(
      found.map((f) => f.code),
      ['internal-error'],
    );
    assert.match(found[0].message, /failed while loading this file \(TypeError in /);
  });

  it('makes check exit 3 on an internal error, still printing the other findings', () => {
    const boom: TrunkCheck = {
      code: 'exposure-boom',
      run() {
        throw new RangeError('boom');
      },
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-internal-'));
    TRUNK_CHECKS.push(boom);
    try {
      for (const [f, t] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, path.basename(f)), t);
      let out = '';
      const status = runCli(['check', '--pbx', dir], { cwd: dir, out: (t) => (out += t), err: () => {} });
      assert.equal(status, 3);
      assert.match(out, /\[internal-error\] PBX Interconnect failed while running the check exposure-boom \(RangeError in Object\.run < safely/);
      assert.match(out, /\[exposure-weak-secret\]/);
    } finally {
      TRUNK_CHECKS.splice(TRUNK_CHECKS.indexOf(boom), 1);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
