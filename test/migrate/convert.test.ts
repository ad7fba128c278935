// The converter on real-looking sip.conf sections and dialplan lines: each mapping, the notes, the secrets.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { migratePbx, migratedFiles } from '../../server/src/analysis/migrate/convert';
import { pjsipDevice, rewriteDialplanLine } from '../../server/src/analysis/migrate/dialStrings';
import type { Migration } from '../../server/src/analysis/migrate/types';
import { pbxAt } from '../../server/src/model/pbx';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

function migrate(files: Record<string, string>, wizard = false): { m: Migration; out: Map<string, string> } {
  const full = Object.fromEntries(Object.entries(files).map(([k, v]) => [`/pbx/${k}`, v]));
  const ws = new Workspace(new MemoryHost(full));
  for (const f of Object.keys(full)) ws.addKnown(f);
  const pbx = pbxAt(ws, '/pbx');
  const m = migratePbx(ws, pbx, { wizard });
  return { m, out: migratedFiles(ws, pbx, m) };
}

/** The options of the section `[name]` of `type` in a pjsip text. */
function section(text: string, name: string, type: string): Record<string, string> | undefined {
  const blocks = text.split(/\n(?=\[)/);
  for (const b of blocks) {
    const lines = b.split('\n');
    if (!lines[0].startsWith(`[${name}]`)) continue;
    const opts: Record<string, string> = {};
    for (const l of lines.slice(1)) {
      const m = /^([a-z_/]+)=(.*)$/.exec(l);
      if (m) opts[m[1]] = opts[m[1]] === undefined ? m[2] : `${opts[m[1]]}|${m[2]}`;
    }
    if (opts.type === type) return opts;
  }
  return undefined;
}

const GENERAL = '[general]\nudpbindaddr=0.0.0.0:5060\ncontext=public\nallowguest=no\n';

describe('migrate: sip.conf -> pjsip.conf', () => {
  it('a provider trunk: fixed host, register line, insecure=invite, fromuser, dtmfmode, nat, qualify', () => {
    const { m, out } = migrate({
      'sip.conf': `${GENERAL}register => 0123456789:s3cret@sip.provider.example/0123456789\n\n[provider]\ntype=peer\nhost=sip.provider.example\ndefaultuser=0123456789\nsecret=s3cret\nfromuser=0123456789\nfromdomain=sip.provider.example\ninsecure=port,invite\ndtmfmode=rfc2833\nnat=force_rport,comedia\nqualify=yes\ncontext=from-provider\ndisallow=all\nallow=alaw\n`,
      'extensions.conf': '[from-provider]\nexten => _X.,1,Dial(SIP/provider/${EXTEN})\n',
    });
    const p = out.get('/pbx/pjsip.conf')!;
    assert.deepEqual(section(p, 'transport-udp', 'transport'), { type: 'transport', protocol: 'udp', bind: '0.0.0.0:5060' });
    const ep = section(p, 'provider', 'endpoint')!;
    assert.equal(ep.context, 'from-provider');
    assert.equal(ep.allow, 'alaw');
    assert.equal(ep.auth, undefined, 'insecure=invite: no inbound challenge');
    assert.equal(ep.outbound_auth, 'provider-out');
    assert.equal(ep.identify_by, 'ip');
    assert.equal(ep.dtmf_mode, 'rfc4733');
    assert.equal(ep.from_user, '0123456789');
    assert.equal(ep.from_domain, 'sip.provider.example');
    assert.equal(ep.force_rport, 'yes');
    assert.equal(ep.rtp_symmetric, 'yes');
    assert.deepEqual(section(p, 'provider', 'aor'), { type: 'aor', contact: 'sip:0123456789@sip.provider.example:5060', qualify_frequency: '60' });
    assert.deepEqual(section(p, 'provider', 'identify'), { type: 'identify', endpoint: 'provider', match: 'sip.provider.example' });
    assert.equal(section(p, 'provider-out', 'auth')!.username, '0123456789');
    const reg = section(p, 'provider', 'registration')!;
    assert.equal(reg.server_uri, 'sip:sip.provider.example:5060');
    assert.equal(reg.client_uri, 'sip:0123456789@sip.provider.example:5060');
    assert.equal(reg.contact_user, '0123456789');
    assert.equal(reg.outbound_auth, 'provider-out', 'the peer and the register line share user and secret');
    assert.equal(out.get('/pbx/sip.conf'), undefined);
    assert.ok(out.get('/pbx/sip.conf.chan_sip')!.includes('[provider]'));
    assert.equal(out.get('/pbx/extensions.conf'), '[from-provider]\nexten => _X.,1,Dial(PJSIP/${EXTEN}@provider)\n');
    // secrets are in the new config, never in a note
    assert.ok(p.includes('password=s3cret'));
    assert.ok(m.notes.every((n) => !n.text.includes('s3cret') && !n.reason.includes('s3cret')));
    assert.ok(m.notes.some((n) => n.text.startsWith('insecure=') && n.kind === 'approximated'));
  });

  it("remotesecret: the far side is answered with it (chan_sip's outgoing auth), the calls it sends are checked with secret", () => {
    const { out } = migrate({ 'sip.conf': `${GENERAL}[branch]\ntype=peer\nhost=192.0.2.7\nport=5090\ndefaultuser=office\nremotesecret=Office-Trunk-2718\nsecret=Branch-Trunk-3141\ncontext=from-branch\n` });
    const pjsip = out.get('/pbx/pjsip.conf')!;
    assert.equal(section(pjsip, 'branch', 'endpoint')?.auth, 'branch');
    assert.equal(section(pjsip, 'branch', 'endpoint')?.outbound_auth, 'branch-out');
    assert.deepEqual([section(pjsip, 'branch', 'auth')?.username, section(pjsip, 'branch', 'auth')?.password], ['branch', 'Branch-Trunk-3141']);
    assert.deepEqual([section(pjsip, 'branch-out', 'auth')?.username, section(pjsip, 'branch-out', 'auth')?.password], ['office', 'Office-Trunk-2718']);
    assert.doesNotMatch(pjsip, /remotesecret/);
  });

  it('phones from a template: [phone](!) becomes an endpoint template, each phone an endpoint, aor max_contacts=1 and auth', () => {
    const { out } = migrate({
      'sip.conf': `${GENERAL}\n[phone](!)\ntype=friend\nhost=dynamic\ncontext=from-users\nsecret=pw\nqualify=yes\ndisallow=all\nallow=alaw,gsm\n\n[1001](phone)\ncallerid="Alice" <1001>\nmailbox=1001@default\n`,
    });
    const p = out.get('/pbx/pjsip.conf')!;
    assert.ok(p.includes('[phone](!)\ntype=endpoint\ncontext=from-users\ndisallow=all\nallow=alaw,gsm\n'));
    assert.ok(p.includes('[1001](phone)\ntype=endpoint\n'));
    const ep = section(p, '1001', 'endpoint')!;
    assert.equal(ep.context, undefined, 'inherited from the template');
    assert.equal(ep.callerid, '"Alice" <1001>');
    assert.equal(ep.mailboxes, '1001@default');
    assert.equal(ep.identify_by, 'username,auth_username');
    assert.deepEqual(section(p, '1001', 'aor'), { type: 'aor', max_contacts: '1', remove_existing: 'yes', qualify_frequency: '60' });
    assert.deepEqual(section(p, '1001', 'auth'), { type: 'auth', auth_type: 'userpass', username: '1001', password: 'pw' });
    assert.equal(section(p, '1001', 'identify'), undefined);
  });

  it('type=user: found by From user only, no aor; allowguest default: an anonymous endpoint, with a note', () => {
    const { m, out } = migrate({ 'sip.conf': '[general]\ncontext=guests\n\n[office]\ntype=user\nsecret=x\ncontext=from-office\n' });
    const p = out.get('/pbx/pjsip.conf')!;
    assert.equal(section(p, 'office', 'endpoint')!.identify_by, 'username');
    assert.equal(section(p, 'office', 'endpoint')!.aors, undefined);
    assert.equal(section(p, 'office', 'aor'), undefined);
    assert.equal(section(p, 'anonymous', 'endpoint')!.context, 'guests');
    assert.ok(m.notes.some((n) => /anonymous/.test(n.reason) && n.kind === 'approximated'));
  });

  it('settings without an equivalent stay as comments, with a note each', () => {
    const { m, out } = migrate({ 'sip.conf': `${GENERAL}sipdebug=yes\n\n[t]\ntype=peer\nhost=192.0.2.1\ncall-limit=2\nfoo-unknown=1\n` });
    const p = out.get('/pbx/pjsip.conf')!;
    assert.match(p, /; sip\.conf call-limit=2 -- chan_pjsip has no call limit/);
    assert.match(p, /; sip\.conf foo-unknown=1 -- no chan_pjsip equivalent/);
    assert.match(p, /; sip\.conf sipdebug=yes -- /);
    assert.deepEqual(
      m.notes.filter((n) => n.kind === 'dropped').map((n) => `${n.line}:${n.text}`),
      ['4:sipdebug=yes', '9:call-limit=2', '10:foo-unknown=1'],
    );
  });

  it('an existing pjsip.conf is kept and the objects appended; modules.conf loads chan_pjsip', () => {
    const { out } = migrate({ 'sip.conf': GENERAL, 'pjsip.conf': '[old]\ntype=endpoint\n', 'modules.conf': '[modules]\nautoload=yes\nload => chan_sip.so\nnoload => res_pjsip.so\n' });
    assert.ok(out.get('/pbx/pjsip.conf')!.startsWith('[old]\ntype=endpoint\n\n; Converted from sip.conf'));
    assert.equal(out.get('/pbx/modules.conf'), '[modules]\nautoload=yes\nload => chan_pjsip.so ; was chan_sip.so (pbx-interconnect migrate)\n; noload => res_pjsip.so ; needed by chan_pjsip (pbx-interconnect migrate)\n');
  });

  it('--wizard: a trunk as one pjsip_wizard.conf section', () => {
    const { out } = migrate({ 'sip.conf': `${GENERAL}register => trunk:pw@192.0.2.10:5070\n\n[trunk]\ntype=friend\nhost=192.0.2.10\nport=5070\nusername=trunk\nsecret=pw\ncontext=Incalls\n` }, true);
    const w = out.get('/pbx/pjsip_wizard.conf')!;
    const s = section(w, 'trunk', 'wizard')!;
    assert.equal(s.remote_hosts, '192.0.2.10:5070');
    assert.equal(s.sends_registrations, 'yes');
    assert.equal(s['outbound_auth/username'], 'trunk');
    assert.equal(s['inbound_auth/username'], 'trunk');
    assert.equal(s['endpoint/context'], 'Incalls');
    assert.equal(section(out.get('/pbx/pjsip.conf')!, 'trunk', 'endpoint'), undefined);
  });
});

describe('migrate: dialplan rewrite', () => {
  it('devices', () => {
    assert.equal(pjsipDevice('peer'), 'PJSIP/peer');
    assert.equal(pjsipDevice('peer/${EXTEN:4}'), 'PJSIP/${EXTEN:4}@peer');
    assert.equal(pjsipDevice('101@peer'), 'PJSIP/101@peer');
    assert.equal(pjsipDevice('peer/sip:101@192.0.2.1'), 'PJSIP/peer/sip:101@192.0.2.1');
  });
  const cases: [string, string][] = [
    [' same => n,Dial(SIP/wazo-trunk/${EXTEN:4},30,tT)', ' same => n,Dial(PJSIP/${EXTEN:4}@wazo-trunk,30,tT)'],
    ['exten => 100,1,Dial(SIP/1001&SIP/1002&IAX2/x,20) ; ring both', 'exten => 100,1,Dial(PJSIP/1001&PJSIP/1002&IAX2/x,20) ; ring both'],
    ['exten => 100,hint,SIP/1001', 'exten => 100,hint,PJSIP/1001'],
    ['exten => 1,1,Dial(PJSIP/1001)', 'exten => 1,1,Dial(PJSIP/1001)'],
    ['exten => 1,1,Set(IP=${SIPPEER(trunk,ip)})', 'exten => 1,1,Set(IP=${PJSIP_CONTACT(${PJSIP_AOR(trunk,contact)},via_addr)})'],
    ['exten => 1,1,NoOp(${SIP_HEADER(X-Foo)})', 'exten => 1,1,NoOp(${PJSIP_HEADER(read,X-Foo)})'],
    ['exten => 1,1,SIPAddHeader(X-Foo: bar)', 'exten => 1,1,Set(PJSIP_HEADER(add,X-Foo)=bar)'],
    ['exten => 1,1,SIPRemoveHeader(X-)', 'exten => 1,1,Set(PJSIP_HEADER(remove,X-)=)'],
    ['exten => 1,1,Page(SIP/1001&SIP/1002)', 'exten => 1,1,Page(PJSIP/1001&PJSIP/1002)'],
    ['exten => 1,1,ChanIsAvail(SIP/${TRUNK}/${EXTEN})', 'exten => 1,1,ChanIsAvail(PJSIP/${EXTEN}@${TRUNK})'],
    ['; Dial(SIP/old) in a comment', '; Dial(SIP/old) in a comment'],
  ];
  for (const [before, after] of cases) it(before, () => assert.equal(rewriteDialplanLine(before).text, after));
  it('SIPAddHeader says where it must run', () => {
    assert.match(rewriteDialplanLine('exten => 1,1,SIPAddHeader(X-Foo: bar)').notes[0].reason, /pre-dial handler/);
  });
});
