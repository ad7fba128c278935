// Hovers and quick fixes over a real LSP connection, on a Wazo-style dialplan. `$0`..`$9` mark the caret.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { markers } from '../paths';
import { LspClient, uriOf } from './lspClient';

const MARKED = `[general]
static=yes

[globals]
TRUNK=SIP/wazo-trunk

[from-users]
include => $4outgoing
include => $7daytime,09:00-17:00,mon-fri,*,*
exten => 101,1,Dial(SIP/101,20)
 same => $5n(vm),VoiceMail(101@default)
exten => _1XX,1,Dial(SIP/\${EXTEN},20)
exten => _$1NXXNXXXXXX,1,Dial(\${TRUNK}/\${EXTEN},60)
exten => _stdexten-.,1,NoOp()

[$3outgoing]
exten => _**99.,1,Dial(\${TRUNK}/\${EX$2TEN:4},30)
exten => _**99[0-4],1,NoOp(low)
exten => _**99[5-9],1,NoOp(high)
exten => _**99$6X,1,NoOp(never: the two sets take every digit)

[daytime]
exten => 8000,1,Goto(from-users,101,vm)

[office]
include => $8daytime
exten => h,1,NoOp(hung up)
exten => _8XXX,1,NoOp(eight thousands)
exten => _$9X.,1,NoOp(anything else)
`;

describe('hover and quick fixes over LSP', () => {
  const { text, at } = markers(MARKED);
  let dir: string;
  let client: LspClient;
  let file: string;

  const positionOf = (offset: number): { line: number; character: number } => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  const hoverAt = async (marker: string): Promise<string> => {
    const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file) }, position: positionOf(at[marker]) })) as Hover | null;
    assert.ok(h, `no hover at $${marker}`);
    return (h.contents as MarkupContent).value;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-hover-'));
    file = path.join(dir, 'extensions.conf');
    fs.writeFileSync(file, text);
    fs.writeFileSync(path.join(dir, 'sip.conf'), '[general]\nallowguest=no\ncontext=from-users\n[provider]\ntype=peer\nhost=203.0.113.9\nsecret=Xk29!qLm7vB2\ncontext=outgoing\n');
    client = await LspClient.start(dir);
    await client.open(file, text);
    await client.diagnosticsFor(file, (d) => d.length > 0);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('explains a pattern in plain words, with lengths, examples and its rank in the context', async () => {
    const h = await hoverAt('1');
    assert.match(h, /\*\*`_NXXNXXXXXX`\*\* — pattern/);
    assert.match(h, /Ten digits; the 1st and 4th are 2-9, the rest any digit\./);
    assert.match(h, /Length: 10 characters/);
    assert.match(h, /matches `2125551234`/);
    assert.match(h, /not `1125551234` \(the 1st digit must be 2-9\)/);
    // `101`, `_1XX` and `_stdexten-.` are tried before it but never match a number it matches: none is named
    assert.match(h, /Tried 4th of 4 in `from-users`: the 3 before it match none of its numbers\./);
    assert.doesNotMatch(h, /come first|`_stdexten-\.`/);
  });

  it('names only the earlier candidates that can take the numbers of a pattern, never h', async () => {
    const h = await hoverAt('9');
    assert.match(h, /Tried 3rd of 3 in `office`: `_8XXX` comes first and matches some of its numbers; the other one before it matches none of them\./);
    assert.match(h, /Numbers it loses to earlier candidates: `8000` goes to `_8XXX`\./);
    assert.doesNotMatch(h, /`h`/);
  });

  it('says what ${EXTEN:4} gives, with an example built from the pattern', async () => {
    const h = await hoverAt('2');
    assert.match(h, /`\$\{EXTEN:4\}`: the dialed number without its first 4 characters — `\*\*99101` gives `101`/);
  });

  it('describes a context: where it is defined and what leads there', async () => {
    const h = await hoverAt('3');
    assert.match(h, /\*\*Context\*\* `outgoing`/);
    assert.match(h, /Defined at extensions\.conf:16/);
    assert.match(h, /included by `from-users` \(extensions\.conf:8\)/);
    assert.match(h, /calls from SIP peer `provider` \(sip\.conf:4\)/);
  });

  it('describes an include from the contexts themselves: when Asterisk looks there, and what it never finds there', async () => {
    const h = await hoverAt('4');
    assert.match(h, /\*\*include\*\* `outgoing`/);
    assert.match(h, /has 4 extensions/);
    assert.match(h, /Asterisk searches it only when nothing matches in the 4 extensions of `from-users`\./);
    assert.match(h, /No extension of `from-users` matches a number that `outgoing`'s extensions match\./);
    // no fixed sentence about a pattern that is not there
    assert.doesNotMatch(h, /_X\./);
    const second = await hoverAt('7');
    assert.match(second, /Asterisk searches it only when nothing matches in the 4 extensions of `from-users` or in the include above this line \(`outgoing`\)\./);
    const office = await hoverAt('8');
    assert.match(office, /Taken first by `office`: `8000` is never reached through this include \(`_8XXX` and `_X\.` here take all its numbers\)\./);
  });

  it('puts the window of a timed include in words', async () => {
    const h = await hoverAt('7');
    assert.match(h, /\*\*include\*\* `daytime`/);
    assert.match(h, /Open 09:00-17:00, Monday to Friday; at other times Asterisk skips it\./);
  });

  it('computes a priority: n after 1 is 2, and its label', async () => {
    const h = await hoverAt('5');
    assert.match(h, /\*\*Priority 2\*\* of `101` \(`n` = the line before \+ 1\), labelled `vm`/);
  });

  it('says when earlier candidates take every number', async () => {
    const h = await hoverAt('6');
    assert.match(h, /\*\*Never reached\*\*: every number it matches goes to an earlier candidate \(`_\*\*99\[0-4\]`, `_\*\*99\[5-9\]`\)/);
  });

  it('offers the quick fix for a lower-case wildcard', async () => {
    const diagnostics = await client.diagnosticsFor(file, (d) => d.some((x) => x.code === 'dialplan-lowercase-wildcard'));
    const d = diagnostics.find((x) => x.code === 'dialplan-lowercase-wildcard')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(file) }, range: d.range, context: { diagnostics: [d] } })) as {
      title: string;
      edit: { changes: Record<string, { newText: string }[]> };
    }[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Bracket the letters: _stde[x]te[n]-.');
    assert.equal(actions[0].edit.changes[uriOf(file)][0].newText, '_stde[x]te[n]-.');
  });

  it('publishes the shadowed extension with a related location', async () => {
    const diagnostics = await client.diagnosticsFor(file, (d) => d.some((x) => x.code === 'dialplan-shadowed-extension'));
    const d = diagnostics.find((x) => x.code === 'dialplan-shadowed-extension')!;
    assert.equal(d.range.start.line, 19);
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.range.start.line), [17, 18]);
  });
});
