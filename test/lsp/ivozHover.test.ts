// Hovers in the IvozProvider friends file over a real LSP connection: a friend's pattern in plain words with who
// takes its numbers first, a friend and the company by their section names, the keys; never a password.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { markers } from '../paths';
import { LspClient, uriOf } from './lspClient';

const FRIENDS = `[$0company]
type = company
name = acme
domain = acme.ivoz.example
extensions = 100-120, 200-204
extensions = 300

[$1office-pbx]
type = friend
description = Office Asterisk
priority = 1
$2password = Xk29!qLm7vB2
allow = alaw
pattern = $3^2[0-9]{2}$

[branch-pbx]
type = friend
priority = 2
password = Br4nch-0ffice-2024
direct_connection = yes
address = 198.51.100.20
allow = alaw, gsm
pattern = $4^2[0-9]{2}$
pattern = $54[0-9]{2}
pattern = $6^\\d{3,4}$
`;

const SIP = `[general]
register => office-pbx:Xk29!qLm7vB2@acme.ivoz.example

[ivoz]
type=peer
host=acme.ivoz.example
defaultuser=office-pbx
secret=Xk29!qLm7vB2
fromdomain=acme.ivoz.example
insecure=port,invite
allow=alaw
context=from-ivoz
`;

describe('hovers in the IvozProvider friends file over LSP', () => {
  const { text, at } = markers(FRIENDS);
  let dir: string;
  let client: LspClient;
  let file: string;
  const positionOf = (offset: number): { line: number; character: number } => {
    const lines = text.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  const hoverAt = async (offset: number): Promise<string | null> => {
    const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file) }, position: positionOf(offset) })) as Hover | null;
    return h ? (h.contents as MarkupContent).value : null;
  };
  const hover = async (marker: string): Promise<string> => {
    const h = await hoverAt(at[marker] + 1);
    assert.ok(h, `no hover at $${marker}`);
    return h;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-ivoz-hover-'));
    file = path.join(dir, 'acme', 'ivozprovider.conf');
    fs.mkdirSync(path.join(dir, 'acme'));
    fs.mkdirSync(path.join(dir, 'office'));
    fs.writeFileSync(file, text);
    fs.writeFileSync(path.join(dir, 'office', 'sip.conf'), SIP);
    fs.writeFileSync(path.join(dir, 'office', 'extensions.conf'), '[from-ivoz]\nexten => _2XX,1,Dial(SIP/${EXTEN})\n');
    client = await LspClient.start(dir);
    await client.open(file, text);
    await client.diagnosticsFor(file, () => true);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("explains a friend's pattern like a dialplan pattern: what it takes, lengths, examples, one it misses", async () => {
    const h = await hover('3');
    assert.match(h, /\*\*`\^2\[0-9\]\{2\}\$`\*\* — pattern of friend `office-pbx`/);
    assert.match(h, /Three digits starting with 2\./);
    assert.match(h, /Length: 3 characters · matches `212`, `201`, `247` · not `312` \(it must start with `2`\)/);
    assert.match(h, /Priority 1: tried 1st of 2 friends, after the internal extensions\./);
    assert.match(h, /Internal extensions take these numbers first: `200`, `201`, `202` and 2 more\./);
  });

  it('says which earlier friends take its numbers, when none is left, and what an unanchored or \\d pattern does', async () => {
    const same = await hover('4');
    assert.match(same, /Friends tried before it: `200` goes to `office-pbx` \(priority 1\)\./);
    assert.match(same, /\*\*Never reached\*\* through this pattern: every number it matches is taken first\./);
    const loose = await hover('5');
    assert.match(loose, /Anything that contains three digits starting with 4\./);
    assert.match(loose, /⚠ Not anchored \(no \^ and no \$\): it matches every number that merely contains what it describes \(`94129` too\)/);
    const digits = await hover('6');
    assert.match(digits, /Three or four digits\./);
    assert.match(digits, /MySQL's REGEXP before 8\.0 as the letter d/);
  });

  it('describes a friend and the company by their names, and a key from the documentation table', async () => {
    const friend = await hover('1');
    assert.match(friend, /\*\*Friend\*\* `office-pbx` — Office Asterisk/);
    assert.match(friend, /Registers to `acme\.ivoz\.example` like a terminal/);
    assert.match(friend, /Numbers reached through it: `\^2\[0-9\]\{2\}\$` \(three digits starting with 2\)\./);
    assert.match(friend, /The Asterisk side: register line on office \(\.\.\/office\/sip\.conf:2\) and peer `ivoz` on office \(\.\.\/office\/sip\.conf:4\)\./);
    const company = await hover('0');
    assert.match(company, /\*\*Company\*\* `acme` — SIP domain `acme\.ivoz\.example`/);
    assert.match(company, /27 internal extensions \(100-120, 200-204, 300\)/);
    assert.match(company, /Friends, in the order they are tried: `office-pbx` \(1\), `branch-pbx` \(2\)/);
    const key = await hover('2');
    assert.match(key, /\*\*password\*\* \(ivozprovider\.conf in a `friend` section\)/);
    assert.match(key, /\[IvozProvider documentation\]\(https:\/\/irontec\.github\.io\/ivozprovider\//);
  });

  it('never shows a password, wherever the cursor is', async () => {
    const shown: string[] = [];
    for (let offset = 0; offset < text.length; offset++) {
      const h = await hoverAt(offset);
      if (h !== null) shown.push(h);
    }
    assert.ok(shown.length > 50, `only ${shown.length} hovers`);
    for (const h of shown) for (const secret of ['Xk29!qLm7vB2', 'Br4nch-0ffice-2024']) assert.ok(!h.includes(secret), h);
  });
});
