// The chan_pjsip model: objects by type from pjsip.conf, what res_pjsip_config_wizard makes of pjsip_wizard.conf,
// and what Asterisk ignores or loses (sections without type=, wizards in pjsip.conf, duplicate objects, registrations
// without a transport).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { PjsipConfig, PjsipObject, PjsipValue } from '../../server/src/model/pjsip';
import { buildPjsip, endpointCodecs, hasCommonCodec, items, objectOf, objectsOf, option, options, parseSipUri, transportAddress, transportFor } from '../../server/src/model/pjsip';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

const PJSIP = '/pbx/pjsip.conf';
const WIZARD = '/pbx/pjsip_wizard.conf';

function build(files: Record<string, string>): { pjsip: PjsipConfig; files: Record<string, string> } {
  const ws = new Workspace(new MemoryHost(files));
  for (const f of Object.keys(files)) ws.addKnown(f);
  return { pjsip: buildPjsip(files[PJSIP] !== undefined ? ws.load(PJSIP) : null, files[WIZARD] !== undefined ? ws.load(WIZARD) : null), files };
}

/** Every object as `type:id`, in type order. */
function ids(pjsip: PjsipConfig): string[] {
  return [...pjsip.objects].flatMap(([type, byId]) => [...byId.keys()].map((id) => `${type}:${id}`)).sort();
}

/** An object's options as `key=value`. */
function opts(o: PjsipObject | undefined): string[] {
  return (o?.options ?? []).map((x) => `${x.key}=${x.value.text}`);
}

/** The source text a value points at. */
function shown(files: Record<string, string>, v: PjsipValue | undefined): string {
  return v ? files[v.at.file].slice(v.at.start, v.at.end) : '';
}

const TRANSPORT = '[transport-udp]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:5160\n';

describe('pjsip model', () => {
  it('makes one object per section and type: one name may hold an endpoint, an aor, an auth, an identify and a registration', () => {
    const { pjsip } = build({
      [PJSIP]: `${TRANSPORT}[t]\ntype = endpoint\naors = t\n[t]\ntype = aor\ncontact = sip:127.0.0.1:5170\n[t]\ntype = auth\nusername = t\n[t]\ntype = identify\nendpoint = t\nmatch = 127.0.0.1\n[t]\ntype = registration\nserver_uri = sip:127.0.0.1:5170\nclient_uri = sip:t@127.0.0.1:5170\n`,
    });
    assert.deepEqual(ids(pjsip), ['aor:t', 'auth:t', 'endpoint:t', 'identify:t', 'registration:t', 'transport:transport-udp']);
    assert.deepEqual(opts(objectOf(pjsip, 'aor', 't')), ['type=aor', 'contact=sip:127.0.0.1:5170']);
    assert.deepEqual([pjsip.untyped, pjsip.duplicates, pjsip.misplacedWizards, pjsip.failed], [[], [], [], []]);
  });

  it('takes templates and their type, and skips the templates themselves', () => {
    const { pjsip } = build({ [PJSIP]: `${TRANSPORT}[ep](!)\ntype = endpoint\nallow = ulaw\n[1001](ep)\ncontext = phones\n` });
    assert.deepEqual(ids(pjsip), ['endpoint:1001', 'transport:transport-udp']);
    assert.deepEqual(opts(objectOf(pjsip, 'endpoint', '1001')), ['type=endpoint', 'allow=ulaw', 'context=phones']);
  });

  it('drops every object of a type that has a duplicate id, and only that type', () => {
    const { pjsip, files } = build({
      [PJSIP]: `${TRANSPORT}[t]\ntype = endpoint\n[t]\ntype = aor\n[t]\ntype = endpoint\ncontext = other\n[phone]\ntype = endpoint\n[phone]\ntype = aor\n`,
    });
    assert.deepEqual(ids(pjsip), ['aor:phone', 'aor:t', 'transport:transport-udp']);
    assert.equal(pjsip.duplicates.length, 1);
    const d = pjsip.duplicates[0];
    assert.deepEqual([d.type, d.id, d.lost.map((o) => o.id)], ['endpoint', 't', ['t', 't', 'phone']]);
    const line = (offset: number): number => files[PJSIP].slice(0, offset).split('\n').length;
    assert.deepEqual([line(d.first.section.name.start), line(d.second.section.name.start)], [5, 9]);
  });

  it('ignores sections without type= and type=wizard sections of pjsip.conf, and keeps them apart', () => {
    const { pjsip, files } = build({ [PJSIP]: `${TRANSPORT}[t]\nusername = t\n[w]\ntype = wizard\nsends_auth = yes\noutbound_auth/username = w\n` });
    assert.deepEqual(ids(pjsip), ['transport:transport-udp']);
    assert.deepEqual(pjsip.untyped.map((c) => c.name), ['t']);
    assert.deepEqual(pjsip.misplacedWizards.map((m) => [m.category.name, shown(files, m.type)]), [['w', 'wizard']]);
  });

  it('creates no registration when there is no transport at all', () => {
    const { pjsip } = build({ [PJSIP]: '[t]\ntype = registration\nserver_uri = sip:127.0.0.1:5170\nclient_uri = sip:t@127.0.0.1:5170\n[t]\ntype = endpoint\n' });
    assert.deepEqual(ids(pjsip), ['endpoint:t']);
    assert.deepEqual(pjsip.failed.map((f) => [f.object.id, f.reason]), [['t', 'no-transport']]);
  });
});

describe('pjsip wizard (res_pjsip_config_wizard)', () => {
  const TRUNK = [
    '[wazo-trunk]',
    'type = wizard',
    'sends_auth = yes',
    'sends_registrations = yes',
    'transport = transport-udp',
    'remote_hosts = 127.0.0.1:5170, 10.0.0.2',
    'outbound_auth/username = wazo-trunk',
    'outbound_auth/password = pass',
    'endpoint/context = Incalls',
    'endpoint/allow = ulaw',
    'aor/qualify_frequency = 10',
    'registration/expiration = 120',
    '',
  ].join('\n');

  it('expands a trunk that sends auth and registrations', () => {
    const { pjsip, files } = build({ [PJSIP]: TRANSPORT, [WIZARD]: TRUNK });
    assert.deepEqual(ids(pjsip), [
      'aor:wazo-trunk',
      'auth:wazo-trunk-oauth',
      'endpoint:wazo-trunk',
      'identify:wazo-trunk-identify',
      'registration:wazo-trunk-reg-0',
      'registration:wazo-trunk-reg-1',
      'transport:transport-udp',
    ]);
    const endpoint = objectOf(pjsip, 'endpoint', 'wazo-trunk');
    assert.deepEqual(opts(endpoint), ['context=Incalls', 'allow=ulaw', 'aors=wazo-trunk', 'transport=transport-udp', 'outbound_auth=wazo-trunk-oauth']);
    assert.equal(endpoint?.wizard?.id, 'wazo-trunk');
    assert.deepEqual(opts(objectOf(pjsip, 'aor', 'wazo-trunk')), ['qualify_frequency=10', 'contact=sip:127.0.0.1:5170', 'contact=sip:10.0.0.2']);
    assert.deepEqual(opts(objectOf(pjsip, 'auth', 'wazo-trunk-oauth')), ['username=wazo-trunk', 'password=pass', 'auth_type=userpass']);
    // Asterisk 20 keeps the port in the match (conformance case i4)
    assert.deepEqual(opts(objectOf(pjsip, 'identify', 'wazo-trunk-identify')), ['endpoint=wazo-trunk', 'match=127.0.0.1:5170', 'match=10.0.0.2']);
    assert.deepEqual(opts(objectOf(pjsip, 'registration', 'wazo-trunk-reg-1')), [
      'expiration=120',
      'server_uri=sip:10.0.0.2',
      'client_uri=sip:wazo-trunk@10.0.0.2',
      'outbound_auth=wazo-trunk-oauth',
      'transport=transport-udp',
    ]);
    // values point at the wizard lines they come from
    const reg = objectOf(pjsip, 'registration', 'wazo-trunk-reg-0')!;
    assert.equal(shown(files, option(reg, 'server_uri')), '127.0.0.1:5170');
    assert.equal(shown(files, option(reg, 'client_uri')), 'wazo-trunk');
    assert.equal(shown(files, option(endpoint!, 'context')), 'Incalls');
    assert.equal(shown(files, options(objectOf(pjsip, 'aor', 'wazo-trunk')!, 'contact')[1]), '10.0.0.2');
  });

  it('makes no identify when it accepts registrations, and ignores identify/match then (case i3)', () => {
    const { pjsip } = build({
      [PJSIP]: TRANSPORT,
      [WIZARD]: '[b]\ntype = wizard\naccepts_auth = yes\naccepts_registrations = yes\ninbound_auth/username = b\ninbound_auth/password = p\naor/max_contacts = 1\nidentify/match = 127.0.0.1\n',
    });
    assert.deepEqual(ids(pjsip), ['aor:b', 'auth:b-iauth', 'endpoint:b', 'transport:transport-udp']);
    assert.deepEqual(opts(objectOf(pjsip, 'endpoint', 'b')), ['aors=b', 'auth=b-iauth']);
    assert.deepEqual(opts(objectOf(pjsip, 'aor', 'b')), ['max_contacts=1']);
    assert.deepEqual(pjsip.wizardErrors, []);
  });

  it('uses aor/contact and identify/match instead of remote_hosts, and the patterns', () => {
    const { pjsip } = build({
      [PJSIP]: TRANSPORT,
      [WIZARD]:
        '[t]\ntype = wizard\nremote_hosts = h.example:5080\naor/contact = sip:other@h.example\nidentify/match = 192.0.2.0/24\nsends_registrations = yes\nserver_uri_pattern = sip:${REMOTE_HOST}\\;transport=tcp\nclient_uri_pattern = sip:${USERNAME}@example.com\n',
    });
    assert.deepEqual(opts(objectOf(pjsip, 'aor', 't')), ['contact=sip:other@h.example']);
    assert.deepEqual(opts(objectOf(pjsip, 'identify', 't-identify')), ['match=192.0.2.0/24', 'endpoint=t']);
    // without sends_auth the username is the wizard's name, and there is no outbound auth
    assert.deepEqual(opts(objectOf(pjsip, 'registration', 't-reg-0')), ['server_uri=sip:h.example:5080;transport=tcp', 'client_uri=sip:t@example.com']);
    assert.deepEqual(opts(objectOf(pjsip, 'endpoint', 't')), ['aors=t']);
  });

  it('refuses what it cannot make, with the ERROR Asterisk logs, and makes the rest', () => {
    const { pjsip } = build({ [PJSIP]: TRANSPORT, [WIZARD]: '[t]\ntype = wizard\nsends_auth = yes\nsends_registrations = yes\n' });
    assert.deepEqual(
      pjsip.wizardErrors.map((e) => `${e.type}: ${e.message}`),
      [
        "auth: Wizard 't' must have 'outbound_auth/username' if it sends_auth.",
        "identify: Wizard 't' must have 'remote_hosts' if it doesn't accept registrations.",
        "registration: Wizard 't' must have 'remote_hosts' if it sends registrations.",
      ],
    );
    assert.deepEqual(ids(pjsip), ['aor:t', 'endpoint:t', 'transport:transport-udp']);
  });

  it('reads only type=wizard sections of pjsip_wizard.conf, and a pjsip.conf object of the same id wins', () => {
    const { pjsip } = build({ [PJSIP]: `${TRANSPORT}[t]\ntype = aor\nmax_contacts = 5\n`, [WIZARD]: '[t]\ntype = wizard\naccepts_registrations = yes\n[x]\ntype = endpoint\n' });
    assert.deepEqual(ids(pjsip), ['aor:t', 'endpoint:t', 'transport:transport-udp']);
    assert.equal(objectOf(pjsip, 'aor', 't')?.wizard, null);
  });
});

describe('pjsip values', () => {
  it('parses SIP URIs with the ranges of their parts', () => {
    const text = 'client_uri = sip:wazo-trunk@127.0.0.1:5170;transport=tcp';
    const v: PjsipValue = { text: text.slice(13), at: { file: 'f', start: 13, end: text.length }, exact: true };
    const uri = parseSipUri(v)!;
    assert.deepEqual([uri.user?.text, uri.host.text, uri.port?.number, uri.transport], ['wazo-trunk', '127.0.0.1', 5170, 'tcp']);
    assert.equal(text.slice(uri.user!.at.start, uri.user!.at.end), 'wazo-trunk');
    assert.equal(text.slice(uri.port!.at.start, uri.port!.at.end), '5170');
    const bare = parseSipUri({ ...v, text: '<sips:[::1]>' })!;
    assert.deepEqual([bare.scheme, bare.user, bare.host.text, bare.port], ['sips', null, '::1', null]);
    assert.equal(parseSipUri({ ...v, text: '127.0.0.1:5170' }), null);
  });

  it('splits lists with their ranges', () => {
    const text = 'match = 10.0.0.1 , 10.0.0.2';
    const v: PjsipValue = { text: text.slice(8), at: { file: 'f', start: 8, end: text.length }, exact: true };
    assert.deepEqual(items(v).map((i) => [i.text, text.slice(i.at.start, i.at.end)]), [
      ['10.0.0.1', '10.0.0.1'],
      ['10.0.0.2', '10.0.0.2'],
    ]);
  });

  it('reads transports, and picks the named one or the first of the right protocol', () => {
    const { pjsip } = build({ [PJSIP]: `${TRANSPORT}[tcp]\ntype = transport\nprotocol = tcp\nbind = 0.0.0.0\n[e]\ntype = endpoint\ntransport = missing\n[f]\ntype = endpoint\ntransport = tcp\n` });
    assert.deepEqual(
      objectsOf(pjsip, 'transport').map((t) => {
        const a = transportAddress(t);
        return `${a.protocol} ${a.host}:${a.port}`;
      }),
      ['udp 127.0.0.1:5160', 'tcp 0.0.0.0:5060'],
    );
    const e = transportFor(pjsip, objectOf(pjsip, 'endpoint', 'e')!, null);
    assert.deepEqual([e.transport?.id, e.missing], ['transport-udp', true]);
    assert.equal(transportFor(pjsip, objectOf(pjsip, 'endpoint', 'f')!, null).transport?.id, 'tcp');
  });

  it('computes codecs from allow/disallow, with allow=all', () => {
    const { pjsip } = build({ [PJSIP]: '[a]\ntype = endpoint\ndisallow = all\nallow = ulaw,alaw\n[b]\ntype = endpoint\nallow = all\ndisallow = ulaw,alaw\n[c]\ntype = endpoint\nallow = gsm\n' });
    const [a, b, c] = ['a', 'b', 'c'].map((id) => endpointCodecs(objectOf(pjsip, 'endpoint', id)!));
    assert.deepEqual(a.names, ['ulaw', 'alaw']);
    assert.equal(hasCommonCodec(a, b), false);
    assert.equal(hasCommonCodec(b, c), true);
    assert.equal(hasCommonCodec(a, c), false);
  });
});
