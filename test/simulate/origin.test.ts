// Where a simulated call starts, strictly: an origin no PBX has is `no-context` naming the PBXs searched (exit 1),
// never a call routed through a PBX that happens to accept anything; an origin several PBXs have is a usage error
// (exit 2) listing the PBX:NAME choices, never the first PBX in alphabetical order. On the repository's examples/,
// through the real bin.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { simulate } from '../../server/src/analysis/simulate/simulate';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { Workspace } from '../../server/src/model/workspace';
import { ROOT } from '../paths';

const BIN = path.join(ROOT, 'bin', 'pbx-interconnect.js');
const PBXS = 'asterisk-friend, branch-pjsip, dialplan-traps, ivozprovider, office-sip, wazo-a, wazo-b';

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'simulate', ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('simulate --from an origin that does not exist', () => {
  it('is no-context naming the PBXs searched, exit 1, and goes through no PBX', () => {
    const r = run(['999', '--from', 'nosuchctx', '--pbx', 'examples', '--json']);
    assert.equal(r.status, 1, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.outcome.kind, 'no-context');
    assert.equal(json.outcome.pbx, '');
    assert.deepEqual(json.hops, []);
    assert.equal(json.outcome.reason, `There is no context 'nosuchctx' on any of ${PBXS}: Asterisk would answer "no such context".`);
    const text = run(['999', '--from', 'nosuchctx', '--pbx', 'examples']);
    assert.equal(text.status, 1);
    assert.ok(!/ivozprovider:|external/.test(text.stdout.split('\n')[0]), text.stdout);
    assert.match(text.stdout, /^Outcome: no-context nosuchctx: There is no context 'nosuchctx' on any of /m);
  });

  it('says so for a peer, an endpoint, a friend, and a context missing on the PBX named', () => {
    for (const [from, what] of [
      ['peer:ghost', "peer 'ghost'"],
      ['endpoint:ghost', "endpoint 'ghost'"],
      ['friend:ghost', "friend 'ghost'"],
    ]) {
      const r = run(['1', '--from', from, '--pbx', 'examples', '--json']);
      assert.equal(r.status, 1, from);
      assert.match(JSON.parse(r.stdout).outcome.reason, new RegExp(`^There is no ${what} on any of ${PBXS}`), from);
    }
    // ivozprovider has no dialplan: a context on it does not exist either (it used to route the call as a friend's)
    const ivoz = run(['999', '--from', 'ivozprovider:from-users', '--pbx', 'examples', '--json']);
    assert.equal(ivoz.status, 1);
    assert.deepEqual([JSON.parse(ivoz.stdout).outcome.kind, JSON.parse(ivoz.stdout).outcome.reason], ['no-context', `There is no context 'from-users' on ivozprovider: Asterisk would answer "no such context".`]);
  });

  it('is a usage error for a PBX name that is not among those given', () => {
    const r = run(['1', '--from', 'wazo-c:from-users', '--pbx', 'examples']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, new RegExp(`--from names PBX 'wazo-c', which is not among the PBXs given: ${PBXS}\\n\\nUsage: pbx-interconnect simulate`));
  });
});

describe('simulate --from an origin several PBXs have', () => {
  it('is a usage error listing the PBX:NAME choices, exit 2', () => {
    const r = run(['101', '--from', 'from-users', '--pbx', 'examples']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^pbx-interconnect: 3 PBXs have context 'from-users'; say which one the call starts on: --from asterisk-friend:from-users, --from wazo-a:from-users, --from wazo-b:from-users\n\nUsage: pbx-interconnect simulate /);
  });

  it('lists KIND:NAME choices for a peer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-origin-'));
    try {
      for (const p of ['one', 'two']) {
        fs.mkdirSync(path.join(dir, p));
        fs.writeFileSync(path.join(dir, p, 'sip.conf'), '[trunk]\ntype=friend\nhost=dynamic\ncontext=in\n');
        fs.writeFileSync(path.join(dir, p, 'extensions.conf'), '[in]\nexten => 1,1,Answer()\n');
      }
      const r = spawnSync(process.execPath, [BIN, 'simulate', '1', '--from', 'peer:trunk'], { encoding: 'utf8', cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /2 PBXs have peer 'trunk'; say which one the call starts on: --from one:peer:trunk, --from two:peer:trunk/);
      const chosen = spawnSync(process.execPath, [BIN, 'simulate', '1', '--from', 'two:peer:trunk', '--json'], { encoding: 'utf8', cwd: dir });
      assert.equal(chosen.status, 0, chosen.stderr);
      assert.equal(JSON.parse(chosen.stdout).from.pbx, 'two');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs once the PBX is named, and the engine itself refuses to guess', () => {
    const r = run(['101', '--from', 'wazo-b:from-users', '--pbx', 'examples', '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).from, { pbx: 'wazo-b', context: 'from-users' });
    const ws = new Workspace(new DiskFileHost());
    ws.scan(path.join(ROOT, 'examples'), 1000);
    const guess = simulate(ws, { number: '101', from: { kind: 'context', name: 'from-users' } });
    assert.equal(guess.outcome.kind, 'no-context');
    assert.deepEqual(guess.hops, []);
    assert.match(guess.outcome.reason, /^Several PBXs have context 'from-users': asterisk-friend, wazo-a, wazo-b\. Name the one the call starts on: asterisk-friend:from-users or wazo-a:from-users or wazo-b:from-users\.$/);
  });
});

describe('simulate --pbx', () => {
  it('refuses a folder that does not exist, a file, and a folder without a PBX (exit 2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-nopbx-'));
    fs.writeFileSync(path.join(dir, 'extensions_custom.conf'), '[custom]\nexten => 1,1,NoOp()\n');
    try {
      const cases: [string, RegExp][] = [
        ['no-such-dir', /^pbx-interconnect: no such folder: no-such-dir\n$/],
        ['examples/wazo-a/sip.conf', /--pbx wants a PBX folder or a folder of PBX folders, and examples\/wazo-a\/sip\.conf is a file/],
        [dir, /^pbx-interconnect: no PBX in .*pbx-nopbx-.*: no folder under it holds extensions\.conf, sip\.conf, pjsip\.conf or ivozprovider\.conf\n$/],
      ];
      for (const [pbx, message] of cases) {
        const r = run(['1', '--from', 'x', '--pbx', pbx]);
        assert.equal(r.status, 2, pbx);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, message);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
