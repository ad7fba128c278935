// IvozProvider friends: the friends file, the Asterisk side against it, priorities, patterns and reachability.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { regexToPatterns } from '../../server/src/analysis/trunks/friendPatterns';
import { DiskFileHost } from '../../server/src/model/fileHost';
import { pbxsOf } from '../../server/src/model/pbx';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { ROOT } from '../paths';

const COMPANY = `[company]
type = company
domain = acme.ivoz.example
extensions = 100-199

[office]
type = friend
priority = 1
password = Xk29!qLm7vB2
allow = alaw
pattern = ^2[0-9]{2}$
`;

const FRIEND = `[general]
allowguest=no
context=from-ivoz
register => office:Xk29!qLm7vB2@acme.ivoz.example

[ivoz]
type=peer
host=acme.ivoz.example
context=from-ivoz
defaultuser=office
secret=Xk29!qLm7vB2
fromdomain=acme.ivoz.example
insecure=port,invite
disallow=all
allow=alaw
`;

function run(files: Record<string, string>, file: string): { list: string[]; ws: Workspace } {
  const ws = new Workspace(new MemoryHost(files));
  for (const f of Object.keys(files)) ws.addKnown(f);
  const text = files[file];
  return { list: fileFindings(ws, file).map((f) => `${f.code}@${text.slice(0, f.start).split('\n').length}`), ws };
}

const base = (asterisk: string, company = COMPANY): Record<string, string> => ({
  '/acme/ivozprovider.conf': company,
  '/office/sip.conf': asterisk,
  '/office/extensions.conf': '[from-ivoz]\nexten => _2XX,1,Dial(SIP/${EXTEN})\n',
});

describe('IvozProvider friends', () => {
  it('reads the friends file: company, domain, extensions, friends and their fields', () => {
    const ws = new Workspace(new MemoryHost(base(FRIEND)));
    for (const f of Object.keys(base(FRIEND))) ws.addKnown(f);
    const acme = pbxsOf(ws).find((p) => p.name === 'acme')!.company!;
    assert.equal(acme.domain?.text, 'acme.ivoz.example');
    assert.equal(acme.extensions.length, 100);
    assert.deepEqual(acme.friends.map((f) => [f.name, f.priority?.value, f.codecs, f.patterns.map((p) => p.text)]), [['office', 1, ['alaw'], ['^2[0-9]{2}$']]]);
  });

  it('finds nothing wrong when the Asterisk side follows the seed', () => {
    assert.deepEqual(run(base(FRIEND), '/office/sip.conf').list, []);
  });

  it('ivoz-friend-identity: the auth user, password and from domain of a known friend; an unknown register user', () => {
    const broken = FRIEND.replace('secret=Xk29!qLm7vB2', 'secret=Other-pass-2024').replace('fromdomain=acme.ivoz.example', 'fromdomain=office.example').replace('defaultuser=office', 'defaultuser=ofice');
    assert.deepEqual(run(base(broken), '/office/sip.conf').list, ['ivoz-friend-identity@10', 'ivoz-friend-identity@11', 'ivoz-friend-identity@12']);
    const unknown = FRIEND.replace('register => office:Xk29', 'register => offfice:Xk29');
    const { list, ws } = run(base(unknown), '/office/sip.conf');
    assert.deepEqual(list, ['ivoz-friend-identity@4']);
    assert.match(fileFindings(ws, '/office/sip.conf')[0].message, /acme \(acme\.ivoz\.example\) has no friend 'offfice' \(its friends: 'office'\)/);
  });

  it('ivoz-insecure: a friend must not challenge IvozProvider; the fix adds insecure=port,invite', () => {
    const files = base(FRIEND.replace('insecure=port,invite\n', ''));
    const { list, ws } = run(files, '/office/sip.conf');
    assert.deepEqual(list, ['ivoz-insecure@6']);
    const fix = fileFindings(ws, '/office/sip.conf')[0].fixes![0];
    assert.equal(fix.title, 'Add insecure=port,invite');
    const e = fix.edits[0];
    const fixed = files['/office/sip.conf'].slice(0, e.start) + e.text + files['/office/sip.conf'].slice(e.end);
    assert.deepEqual(run({ ...files, '/office/sip.conf': fixed }, '/office/sip.conf').list, []);
  });

  it('ivoz-codec: no codec in common with the friend', () => {
    assert.deepEqual(run(base(FRIEND.replace('allow=alaw', 'allow=gsm')), '/office/sip.conf').list, ['ivoz-codec@15']);
  });

  it('ivoz-priority-duplicate, ivoz-pattern-portability, ivoz-pattern-unanchored (with an example), ivoz-friend-unreachable', () => {
    const company = `${COMPANY}
[branch]
type = friend
priority = 1
password = Br4nch-0ffice-2024
pattern = 4\\d{2}

[shadowed]
type = friend
priority = 5
password = Sh4d0wed-2024
pattern = ^1[0-9][0-9]$
pattern = ^2[0-4][0-9]$
`;
    const files = base(FRIEND, company);
    const { list, ws } = run(files, '/acme/ivozprovider.conf');
    assert.deepEqual(list, ['ivoz-priority-duplicate@15', 'ivoz-pattern-portability@17', 'ivoz-pattern-unanchored@17', 'ivoz-friend-unreachable@19']);
    const unanchored = fileFindings(ws, '/acme/ivozprovider.conf').find((f) => f.code === 'ivoz-pattern-unanchored')!;
    assert.match(unanchored.message, /For example it matches 94009, because 400 is inside it/);
  });

  it('turns simple anchored expressions into Asterisk patterns, and leaves the rest undecided', () => {
    assert.deepEqual(regexToPatterns('^2[0-9]{2}$'), ['_2XX']);
    assert.deepEqual(regexToPatterns('^\\d{3,4}$'), ['_XXX', '_XXXX']);
    assert.deepEqual(regexToPatterns('^(1|2[1-3])$'), ['_1', '_2[1-3]']);
    assert.equal(regexToPatterns('^9\\d+$'), null);
    assert.equal(regexToPatterns('2[0-9]{2}'), null);
  });

  it('checks the example company against the example friend: nothing to report', () => {
    const ws = new Workspace(new DiskFileHost());
    ws.scan(path.join(ROOT, 'examples'), 1000);
    const friend = fileFindings(ws, path.join(ROOT, 'examples/asterisk-friend/sip.conf').split(path.sep).join('/')).filter((f) => f.code.startsWith('ivoz-'));
    const company = fileFindings(ws, path.join(ROOT, 'examples/ivozprovider/ivozprovider.conf').split(path.sep).join('/'));
    assert.deepEqual([...friend, ...company].map((f) => f.code), []);
    assert.ok(fs.existsSync(path.join(ROOT, 'examples/ivozprovider/ivozprovider.conf')));
  });
});
