// "PBX: Simulate Dial..." in the real extension host: the command, its request to the server, and the page of
// the result view. The call is the sip-trunks conformance case a_reguser (test/e2e/fixtures/twopbx): wazo-a
// dials **99101 from [from-users] through its trunk, and wazo-b refuses the INVITE with 403 because A
// registers and authenticates as `wazo-trunk-typo`, a peer wazo-b does not have (so did the real Asterisk).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { renderPage } from '../../../client/src/simulate/resultHtml';
import { numberProblem } from '../../../client/src/simulate/pickNumber';
import type { Origin, SimulateDialResult } from '../../../server/src/protocol';
import { SIMULATE_COMMAND } from '../../../server/src/protocol';

describe('Simulate dial', () => {
  it(`registers ${SIMULATE_COMMAND}`, async () => {
    const extension = vscode.extensions.getExtension('pbx-interconnect.pbx-interconnect');
    await extension?.activate();
    assert.ok((await vscode.commands.getCommands(true)).includes(SIMULATE_COMMAND));
  });

  it('follows **99101 from wazo-a [from-users] over the trunk to wazo-b, which refuses it with 403', async () => {
    const from: Origin = { pbx: 'wazo-a', kind: 'context', name: 'from-users' };
    // with an origin and a number the command asks nothing and returns the result
    const result = await vscode.commands.executeCommand<SimulateDialResult | undefined>(SIMULATE_COMMAND, from, '**99101');
    assert.ok(result, 'the command returned no result (see the error notification)');
    const summary = JSON.stringify({ outcome: result.outcome, hops: result.hops.map((h) => `${h.pbx} ${h.context} ${h.extension},${h.priority} ${h.app}(${h.data})`) });
    assert.deepEqual(result.from, { pbx: 'wazo-a', context: 'from-users' }, summary);
    assert.equal(result.outcome.kind, 'rejected', summary);
    assert.equal(result.outcome.pbx, 'wazo-b', summary);
    assert.equal(result.outcome.sipStatus, 403, summary);
    // the refusal names the peer section wazo-b would have matched
    assert.match(result.outcome.file ?? '', /\/twopbx\/wazo-b\/sip\.conf$/, summary);
    const dial = result.hops.find((h) => h.app === 'Dial');
    assert.ok(dial, summary);
    // ${EXTEN:4} drops the **99: wazo-a sends 101 over the trunk
    assert.deepEqual([dial.pbx, dial.context, dial.priority, dial.data], ['wazo-a', 'from-users', 2, 'SIP/wazo-trunk/101,5'], summary);
    // the place of a hop: a file URI and a 1-based line, as the result view opens it
    assert.ok(dial.file && dial.line, summary);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(dial.file));
    assert.match(document.lineAt(dial.line - 1).text, /^ same => n,Dial\(SIP\/wazo-trunk\/\$\{EXTEN:4\},5\)$/);
  });

  it('passes the assumptions it is given, and asks the server for every outcome', async () => {
    const from: Origin = { pbx: 'wazo-a', kind: 'context', name: 'from-users' };
    const result = await vscode.commands.executeCommand<SimulateDialResult | undefined>(SIMULATE_COMMAND, from, '**99101', { set: { CALLER_TAG: 'vip' } });
    assert.ok(result);
    assert.deepEqual(result.assumptions.map((a) => `${a.what}=${a.value} (${a.source})`), ['CALLER_TAG=vip (input)']);
    // nothing a live call decides on this path: one outcome, the refusal
    assert.deepEqual(result.paths?.map((p) => `${p.outcome.kind} ${p.outcome.sipStatus} (${p.paths})`), ['rejected 403 (1)']);
  });

  it('accepts what a dialed number can hold and nothing else', () => {
    for (const ok of ['**99101', '101', 's', 'i', '+33123456789', '#21#', 'A1', 'fax']) assert.equal(numberProblem(ok), undefined, ok);
    for (const bad of ['', '99 101', '10.1', 'X1', '_1XX', '${EXTEN}']) assert.ok(numberProblem(bad), bad);
  });

  it('renders the result page with every config text escaped and the ids the UI test reads', () => {
    const file = 'file:///pbx/extensions.conf';
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const result: SimulateDialResult = {
      number: '101',
      from: { pbx: 'pbx', context: hostile },
      match: { result: 'match', extension: '101' },
      matches: [{ pbx: 'pbx', context: hostile, number: '101', callerId: null, result: 'match', extension: '101', foundIn: hostile, why: hostile, candidates: [
        { context: hostile, extension: '_1XX', outcome: 'no-match', file, line: 3 },
        { context: hostile, extension: '101', outcome: 'chosen', file, line: 2 },
      ] }],
      hops: [{ pbx: 'pbx', channel: hostile, context: hostile, exten: '101', extension: '101', priority: 1, app: 'NoOp', data: hostile, note: hostile, file, line: 2, match: 0 }],
      rewrites: [{ from: '101', to: hostile, how: hostile, hop: 0 }],
      notes: [hostile],
      outcome: { kind: 'hangup', pbx: 'pbx', context: hostile, extension: '101', sipStatus: null, reason: hostile },
      end: 'hangup',
      assumptions: [],
      log: [],
      crossings: [{ from: 'pbx', device: hostile, to: 'other', driver: 'chan_sip', as: hostile, by: 'address', source: null, fromUser: hostile, responses: [401, 403], context: null, log: [hostile], reason: hostile }],
    };
    const page = renderPage(result, { nonce: 'n0nce', fileLabel: (f) => f.replace('file:///', '') });
    assert.ok(!page.html.includes('<img'), 'an unescaped tag');
    assert.ok(!/onerror=alert\(1\)>"'/.test(page.html), 'unescaped quotes');
    assert.match(page.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce';">/);
    assert.equal(page.html.match(/<script/g)?.length, 1);
    assert.match(page.html, /<header id="outcome" class="outcome end" data-kind="hangup">/);
    assert.match(page.html, /<h1 id="headline">Hung up by extension 101 in &lt;img/);
    assert.equal(page.html.match(/class="hop"/g)?.length, 1);
    assert.equal(page.html.match(/class="rewrite"/g)?.length, 1);
    assert.match(page.html, /<li class="crossing" data-accepted="false">pbx → other \(chan_sip\) through <code>&lt;img[^<]*<\/code>: taken for <code>&lt;img[^<]*<\/code>, 401, 403, refused/);
    assert.match(page.html, /<li class="candidate chosen" data-outcome="chosen"><code>101<\/code>/);
    // the links carry indexes into `places`, never a path: the extension opens only what it rendered
    assert.deepEqual(page.places, [{ file, line: 2 }, { file, line: 3 }, { file, line: 2 }]);
    assert.match(page.html, /<button type="button" class="place" data-place="0" title="pbx\/extensions\.conf:2">extensions\.conf:2<\/button>/);
  });
});
