// The migration proof on hand-written migrations of examples/wazo-a and wazo-b (the converter is written apart):
// a faithful one keeps every call and trunk; a broken one (a wrong context, a changed password, a device noted by
// the converter) shows the difference with its reason; a mixed pair (A on chan_pjsip, B still on chan_sip) still
// registers and calls. Secrets never show.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { afterWorkspace, proveMigration } from '../../server/src/analysis/migrate/proof';
import { proofMarkdown, proofText } from '../../server/src/analysis/migrate/proofTable';
import type { Proof, ProofRow } from '../../server/src/analysis/migrate/types';
import { pbxsOf } from '../../server/src/model/pbx';
import { exampleFiles, WAZO_A_PJSIP, WAZO_B_PJSIP, wazoMigration, workspaceOf, WS } from './wazoMigration';

const files = exampleFiles(['wazo-a', 'wazo-b']);

function row(proof: Proof, kind: string, pbx: string, name: string, number: string): ProofRow {
  const found = proof.rows.find((r) => r.origin.kind === kind && r.origin.pbx === pbx && r.origin.name === name && r.number === number);
  assert.ok(found, `no row ${kind} ${pbx}:${name} ${number} in ${proof.rows.map((r) => `${r.origin.pbx}:${r.origin.name} ${r.number}`).join(', ')}`);
  return found;
}

function noSecret(proof: Proof): void {
  for (const text of [proofText(proof), proofMarkdown(proof), JSON.stringify(proof)]) assert.doesNotMatch(text, /(^|[^A-Za-z0-9_-])pass($|[^A-Za-z0-9_-])/, 'the password "pass" shows');
}

describe('afterWorkspace', () => {
  it('overlays the changes: sip.conf gone, pjsip.conf made, the dialplan rewritten, settings kept', () => {
    const ws = workspaceOf(files);
    ws.configure({ asteriskVersion: 21, addresses: { 'wazo-a': ['192.0.2.1'] } });
    const after = afterWorkspace(ws, [wazoMigration(files, 'wazo-a', WAZO_A_PJSIP)]);
    assert.equal(after.host.read(`${WS}/wazo-a/sip.conf`), undefined);
    assert.ok(!after.known.has(`${WS}/wazo-a/sip.conf`));
    assert.ok(after.known.has(`${WS}/wazo-a/pjsip.conf`));
    assert.match(after.host.read(`${WS}/wazo-a/extensions.conf`)!, /Dial\(PJSIP\/\$\{EXTEN:4\}@wazo-trunk,30\)/);
    assert.equal(after.host.read(`${WS}/wazo-b/sip.conf`), files[`${WS}/wazo-b/sip.conf`]);
    assert.equal(after.settings.asteriskVersion, 21);
    assert.deepEqual(after.settings.addresses, { 'wazo-a': ['192.0.2.1'] });
    const a = pbxsOf(after).find((p) => p.name === 'wazo-a')!;
    assert.equal(a.sip, null);
    assert.ok(a.pjsip);
    // the workspace before is untouched
    assert.ok(pbxsOf(ws).find((p) => p.name === 'wazo-a')!.sip);
  });
});

describe('proveMigration: wazo-a and wazo-b to chan_pjsip', () => {
  const ws = workspaceOf(files);
  const proof = proveMigration(ws, [wazoMigration(files, 'wazo-a', WAZO_A_PJSIP), wazoMigration(files, 'wazo-b', WAZO_B_PJSIP)]);

  it('keeps every call and every trunk', () => {
    assert.deepEqual(proof.rows.filter((r) => !r.same).map((r) => `${r.origin.pbx}:${r.origin.name} ${r.number}: ${r.reason}`), []);
    assert.ok(proof.rows.length >= 30, `${proof.rows.length} rows`);
    assert.equal(proof.notes, undefined);
    assert.deepEqual(proof.trunks.map((t) => `${t.pbx} ${t.peer} -> ${t.other} ${t.same}`), ['wazo-a wazo-trunk -> wazo-b true', 'wazo-b wazo-trunk -> wazo-a true']);
    assert.match(proof.trunks[0].after, /registers to wazo-b \(chan_pjsip\) as endpoint 'wazo-trunk'/);
    assert.match(proof.trunks[0].after, /calls reach wazo-b \(chan_pjsip\) as endpoint 'wazo-trunk' by ip .*into \[Incalls\]/);
  });

  it("places the README's call: **99101 from 1001 reaches B's Incalls 101, on chan_sip and on chan_pjsip", () => {
    const r = row(proof, 'phone', 'wazo-a', '1001', '**99101');
    for (const s of [r.before, r.after]) assert.deepEqual([s.kind, s.pbx, s.context, s.exten], ['extension', 'wazo-b', 'Incalls', '101']);
    assert.match(r.before.text, /Rings SIP\/someone/);
    assert.match(r.after.text, /Rings PJSIP\/someone/);
    assert.equal(r.same, true);
  });

  it('enumerates phones, trunks and entry contexts with the numbers their dialplan names', () => {
    const origins = [...new Set(proof.rows.map((r) => `${r.origin.kind} ${r.origin.pbx}:${r.origin.name}`))];
    assert.deepEqual(origins, ['phone wazo-a:1001', 'phone wazo-a:1002', 'context wazo-a:public', 'phone wazo-b:someone', 'phone wazo-b:carol', 'context wazo-b:public', 'trunk wazo-b:wazo-a/wazo-trunk', 'trunk wazo-a:wazo-b/wazo-trunk']);
    assert.deepEqual(proof.rows.filter((r) => r.origin.name === '1001').map((r) => r.number), ['**99101', '**99102', '**99103', '**99200', '1001', '1002', '*65', '*43', '*60']);
    assert.deepEqual(proof.rows.filter((r) => r.origin.name === 'wazo-a/wazo-trunk').map((r) => r.number), ['101', '102', '103', '200']);
  });

  it('never shows a secret', () => noSecret(proof));

  it('formats a text table and Markdown', () => {
    const text = proofText(proof);
    assert.match(text, /^\d+ calls: \d+ the same, 0 different; 2 trunks: 2 the same, 0 different\.\n/);
    assert.match(text, /\nORIGIN +NUMBER +BEFORE +AFTER\n/);
    assert.match(text, /\nphone wazo-a:1001 +\*\*99101 +extension 101@Incalls on wazo-b +extension 101@Incalls on wazo-b +same\n/);
    assert.match(text, /\nTRUNKS\nwazo-a 'wazo-trunk' -> wazo-b: same\n/);
    const markdown = proofMarkdown(proof);
    assert.match(markdown, /\| origin \| number \| before \| after \| \|\n\|---\|---\|---\|---\|---\|\n/);
    assert.match(markdown, /\| phone wazo-a:1001 \| \\\*\\\*99101 \| Rings SIP\/someone, .* \| Rings PJSIP\/someone, .* \| same \|/);
  });
});

describe('proveMigration: broken migrations', () => {
  const ws = workspaceOf(files);

  it("a wrong context on B's trunk endpoint: the trunk and the calls over it differ, with the reason", () => {
    const badB = WAZO_B_PJSIP.replace(/(\[wazo-trunk\]\ntype=endpoint\ntransport=transport-udp\n)context=Incalls/, '$1context=public');
    assert.notEqual(badB, WAZO_B_PJSIP);
    const proof = proveMigration(ws, [wazoMigration(files, 'wazo-a', WAZO_A_PJSIP), wazoMigration(files, 'wazo-b', badB)]);
    // over the trunk, B's [public] hangs up (cause 21)
    const over = row(proof, 'trunk', 'wazo-b', 'wazo-a/wazo-trunk', '101');
    assert.equal(over.same, false);
    assert.deepEqual([over.before.kind, over.before.context, over.after.kind, over.after.context], ['extension', 'Incalls', 'hangup', 'public']);
    assert.match(over.reason!, /it ended at 101@Incalls on wazo-b and now at 101@public on wazo-b/);
    // so A's phone, whose Dial fails, goes on in its own dialplan
    const r = row(proof, 'phone', 'wazo-a', '1001', '**99101');
    assert.equal(r.same, false);
    assert.deepEqual([r.after.kind, r.after.pbx, r.after.context], ['hangup', 'wazo-a', 'from-users']);
    const t = proof.trunks.find((x) => x.pbx === 'wazo-a')!;
    assert.equal(t.same, false);
    assert.match(t.after, /into \[public\]/);
    assert.equal(t.reason, "calls now land in [public] (the context of 'wazo-trunk') instead of [Incalls].");
    assert.match(proofText(proof), /DIFF\n {4}before: Rings SIP\/someone.*\n {4}after: {2}.*\n {4}why: {4}it ended as extension and now ends as hangup; it ended at 101@Incalls on wazo-b/);
    noSecret(proof);
  });

  it("a password lost on B: A's REGISTER and calls are refused after, and the password never shows", () => {
    const badB = WAZO_B_PJSIP.replace('password=pass', 'password=Changed-Secret-77');
    const proof = proveMigration(ws, [wazoMigration(files, 'wazo-a', WAZO_A_PJSIP), wazoMigration(files, 'wazo-b', badB)]);
    const t = proof.trunks.find((x) => x.pbx === 'wazo-a')!;
    assert.equal(t.same, false);
    assert.match(t.after, /REGISTER refused by wazo-b/);
    const r = row(proof, 'phone', 'wazo-a', '1001', '**99101');
    assert.equal(r.same, false);
    assert.equal(r.after.kind, 'rejected');
    noSecret(proof);
    for (const text of [proofText(proof), proofMarkdown(proof), JSON.stringify(proof)]) assert.ok(!text.includes('Changed-Secret-77'));
  });

  it("a converter's note on a line the call runs is the reason", () => {
    const dir = `${WS}/wazo-b`;
    const m = wazoMigration(files, 'wazo-b', WAZO_B_PJSIP);
    const ext = m.changes.find((c) => c.file === `${dir}/extensions.conf`)!;
    ext.after = ext.after!.replace('exten => 101,1,Dial(PJSIP/someone)', 'exten => 101,1,Dial(PJSIP/nobody)');
    const line = ext.after.split('\n').findIndex((l) => l.startsWith('exten => 101,1,Dial(PJSIP/nobody)'));
    m.notes.push({ file: `${dir}/extensions.conf`, line, text: 'Dial(SIP/someone)', reason: 'the phone is named nobody on chan_pjsip', kind: 'approximated' });
    const proof = proveMigration(ws, [wazoMigration(files, 'wazo-a', WAZO_A_PJSIP), m]);
    const r = row(proof, 'trunk', 'wazo-b', 'wazo-a/wazo-trunk', '101');
    assert.equal(r.same, false);
    assert.match(r.reason!, /^Dial\(SIP\/someone\): the phone is named nobody on chan_pjsip \(/);
  });
});

describe('proveMigration: a mixed pair (wazo-a on chan_pjsip, wazo-b still on chan_sip)', () => {
  const ws = workspaceOf(files);
  const proof = proveMigration(ws, [wazoMigration(files, 'wazo-a', WAZO_A_PJSIP)]);

  it('still registers and calls both ways: B (chan_sip) takes the pjsip REGISTER by To user, A identifies B by address', () => {
    assert.deepEqual(proof.trunks.map((t) => `${t.pbx} ${t.peer} -> ${t.other} ${t.same}`), ['wazo-a wazo-trunk -> wazo-b true', 'wazo-b wazo-trunk -> wazo-a true']);
    assert.match(proof.trunks[0].after, /registers to wazo-b \(chan_sip\) as peer 'wazo-trunk' by to-user/);
    assert.match(proof.trunks[1].after, /calls reach wazo-a \(chan_pjsip\) as endpoint 'wazo-trunk' by ip .*into \[Incalls\]/);
    assert.deepEqual(proof.rows.filter((r) => !r.same).map((r) => `${r.origin.pbx}:${r.origin.name} ${r.number}: ${r.reason}`), []);
    const r = row(proof, 'phone', 'wazo-a', '1001', '**99101');
    assert.deepEqual([r.after.kind, r.after.pbx, r.after.context, r.after.exten], ['extension', 'wazo-b', 'Incalls', '101']);
    assert.match(r.after.text, /Rings SIP\/someone/);
    noSecret(proof);
  });

  it('without the identify, B calls A no more: chan_pjsip never recognises a call by a registration', () => {
    const noIdentify = WAZO_A_PJSIP.replace(/\[wazo-trunk-identify\]\ntype=identify\nendpoint=wazo-trunk\nmatch=127.0.0.1:5070\n/, '');
    assert.notEqual(noIdentify, WAZO_A_PJSIP);
    const p = proveMigration(ws, [wazoMigration(files, 'wazo-a', noIdentify)]);
    const t = p.trunks.find((x) => x.pbx === 'wazo-b')!;
    assert.equal(t.same, false);
    assert.match(t.after, /INVITE refused by wazo-a \(chan_pjsip\)/);
    const r = row(p, 'trunk', 'wazo-a', 'wazo-b/wazo-trunk', '1001');
    assert.equal(r.same, false);
    assert.equal(r.after.kind, 'rejected');
    // only A's phones are origins: B was not migrated
    assert.ok(!p.rows.some((x) => x.origin.kind === 'phone' && x.origin.pbx === 'wazo-b'));
  });
});
