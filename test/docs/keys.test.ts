// The configuration-key documentation table: coverage, shape, and the lookups hover and completion use.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ConfFile } from '../../server/src/docs/keys';
import { KEYS, keyDoc, keysFor } from '../../server/src/docs/keys';

const SECTIONS: Record<ConfFile, string[]> = {
  'pjsip.conf': ['endpoint', 'aor', 'auth', 'transport', 'registration', 'identify', 'domain_alias', 'acl', 'contact', 'global', 'system', 'phoneprov', 'wizard'],
  'sip.conf': ['general', 'peer', 'user', 'friend'],
  'iax.conf': ['general', 'peer', 'user', 'friend'],
  'extensions.conf': ['general'],
};

function keys(file: ConfFile, section: string): string[] {
  return keysFor(file, section).map((d) => d.key);
}

function values(file: ConfFile, key: string, section?: string): string[] {
  return (keyDoc(file, key, section)?.values ?? []).map((v) => v.value);
}

describe('configuration key documentation', () => {
  it('covers at least 160 keys, most of them in pjsip.conf', () => {
    assert.ok(KEYS.length >= 160, `only ${KEYS.length} keys`);
    const count = (file: ConfFile) => KEYS.filter((d) => d.file === file).length;
    assert.ok(count('pjsip.conf') >= 100, `pjsip.conf: ${count('pjsip.conf')}`);
    assert.ok(count('sip.conf') >= 55, `sip.conf: ${count('sip.conf')}`);
    assert.ok(count('iax.conf') >= 10, `iax.conf: ${count('iax.conf')}`);
    assert.ok(count('extensions.conf') >= 6, `extensions.conf: ${count('extensions.conf')}`);
  });

  it('has one entry per (file, key, section)', () => {
    const seen = new Set<string>();
    for (const d of KEYS) {
      for (const s of d.sections) {
        const id = `${d.file} ${d.key} [${s}]`;
        assert.ok(!seen.has(id), `duplicate ${id}`);
        seen.add(id);
      }
    }
  });

  it('gives every entry lower-case key, known sections, an https link and text of our own', () => {
    for (const d of KEYS) {
      const id = `${d.file} ${d.key}`;
      assert.equal(d.key, d.key.toLowerCase(), id);
      assert.ok(d.sections.length > 0, `${id} has no section`);
      for (const s of d.sections) assert.ok(SECTIONS[d.file].includes(s), `${id}: unknown section ${s}`);
      assert.match(d.url, /^https:\/\/\S+$/, id);
      assert.ok(d.summary.length > 10 && d.summary.length <= 200, `${id}: summary length ${d.summary.length}`);
      for (const text of [d.summary, d.description ?? '', ...(d.values ?? []).map((v) => v.doc)]) {
        assert.doesNotMatch(text, /\b(TODO|TBD|FIXME)\b/, id);
      }
    }
  });

  it('lists the accepted values of every enum and boolean key, each documented once', () => {
    for (const d of KEYS) {
      const id = `${d.file} ${d.key}`;
      if (d.kind === 'enum' || d.kind === 'boolean') assert.ok(d.values && d.values.length > 0, `${id} has no values`);
      if (d.kind === 'boolean') assert.deepEqual(d.values?.map((v) => v.value), ['yes', 'no'], id);
      const names = (d.values ?? []).map((v) => v.value);
      assert.equal(new Set(names).size, names.length, `${id} repeats a value`);
      for (const v of d.values ?? []) assert.ok(v.doc.length > 0, `${id}=${v.value} undocumented`);
    }
  });

  it('says which pjsip object type every object key names', () => {
    const types = SECTIONS['pjsip.conf'];
    for (const d of KEYS.filter((k) => k.kind === 'object')) {
      assert.ok(d.refers, `${d.file} ${d.key} lacks refers`);
      assert.ok(types.includes(d.refers), `${d.key} refers to unknown ${d.refers}`);
    }
    assert.equal(keyDoc('pjsip.conf', 'outbound_auth', 'endpoint')?.refers, 'auth');
    assert.equal(keyDoc('pjsip.conf', 'aors', 'endpoint')?.refers, 'aor');
    assert.equal(keyDoc('pjsip.conf', 'transport', 'endpoint')?.refers, 'transport');
    assert.equal(keyDoc('pjsip.conf', 'endpoint', 'identify')?.refers, 'endpoint');
  });

  it('offers the endpoint keys in an endpoint and keeps AOR keys out', () => {
    const endpoint = keys('pjsip.conf', 'endpoint');
    for (const k of ['context', 'aors', 'auth', 'outbound_auth', 'allow', 'transport', 'from_user', 'type']) assert.ok(endpoint.includes(k), k);
    assert.ok(!endpoint.includes('max_contacts'));
    assert.ok(keys('pjsip.conf', 'aor').includes('max_contacts'));
    assert.ok(!keys('pjsip.conf', 'aor').includes('outbound_auth'));
  });

  it('covers the keys most used in pjsip.conf', () => {
    const expected: Record<string, string[]> = {
      endpoint: [
        'context', 'disallow', 'allow', 'aors', 'auth', 'outbound_auth', 'transport', 'from_user', 'from_domain', 'callerid',
        'callerid_privacy', 'direct_media', 'rtp_symmetric', 'force_rport', 'rewrite_contact', 'dtmf_mode', 'ice_support',
        'media_encryption', 'identify_by', 'trust_id_inbound', 'trust_id_outbound', 'send_pai', 'send_rpid', '100rel', 'timers',
        'language', 'mailboxes', 'named_call_group', 'named_pickup_group', 'call_group', 'pickup_group', 'device_state_busy_at',
        'allow_subscribe', 'sdp_session', 't38_udptl', 'moh_suggest', 'rtp_timeout', 'set_var', 'max_audio_streams', 'webrtc',
        'tos_audio', 'cos_audio', 'accountcode', 'outbound_proxy', 'contact_user', 'send_diversion', 'inband_progress',
        'allow_transfer', 'aggregate_mwi', 'suppress_q850_reason_headers',
      ],
      aor: [
        'max_contacts', 'remove_existing', 'contact', 'qualify_frequency', 'qualify_timeout', 'default_expiration',
        'minimum_expiration', 'maximum_expiration', 'authenticate_qualify', 'mailboxes', 'outbound_proxy', 'support_path',
      ],
      auth: ['auth_type', 'username', 'password', 'md5_cred', 'realm', 'nonce_lifetime'],
      transport: [
        'protocol', 'bind', 'external_media_address', 'external_signaling_address', 'external_signaling_port', 'local_net',
        'cert_file', 'priv_key_file', 'ca_list_file', 'method', 'verify_server', 'verify_client', 'require_client_cert',
        'allow_reload', 'tos', 'cos', 'symmetric_transport',
      ],
      registration: [
        'server_uri', 'client_uri', 'contact_user', 'outbound_auth', 'retry_interval', 'forbidden_retry_interval',
        'fatal_retry_interval', 'max_retries', 'expiration', 'auth_rejection_permanent', 'line', 'endpoint', 'transport',
        'outbound_proxy', 'support_path',
      ],
      identify: ['endpoint', 'match', 'srv_lookups', 'match_header'],
      global: ['user_agent', 'default_outbound_endpoint', 'keep_alive_interval', 'endpoint_identifier_order', 'max_forwards'],
      wizard: [
        'sends_auth', 'accepts_auth', 'sends_registrations', 'accepts_registrations', 'remote_hosts', 'outbound_proxy',
        'transport', 'server_uri_pattern', 'client_uri_pattern', 'contact_pattern', 'has_phoneprov', 'endpoint/*', 'aor/*',
        'inbound_auth/*', 'outbound_auth/*', 'registration/*', 'identify/*',
      ],
    };
    for (const [section, list] of Object.entries(expected)) {
      const offered = keys('pjsip.conf', section);
      for (const k of list) assert.ok(offered.includes(k), `${section}: ${k}`);
    }
  });

  it('documents type= for every pjsip object, with wizard kept for pjsip_wizard.conf', () => {
    const types = values('pjsip.conf', 'type', 'endpoint');
    for (const t of ['endpoint', 'aor', 'auth', 'transport', 'registration', 'identify', 'domain_alias', 'acl', 'global', 'system']) assert.ok(types.includes(t), t);
    const wizard = keyDoc('pjsip.conf', 'type')?.values?.find((v) => v.value === 'wizard');
    assert.match(wizard?.doc ?? '', /pjsip_wizard\.conf/);
    for (const k of KEYS.filter((d) => d.sections.includes('wizard') && d.key !== 'type')) assert.match(k.description ?? '', /pjsip_wizard\.conf/, k.key);
  });

  it('gives the allowed values of the main pjsip enums', () => {
    assert.deepEqual(values('pjsip.conf', 'dtmf_mode').slice(0, 5), ['rfc4733', 'inband', 'info', 'auto', 'auto_info']);
    assert.deepEqual(values('pjsip.conf', 'media_encryption'), ['no', 'sdes', 'dtls']);
    assert.deepEqual(values('pjsip.conf', 'identify_by'), ['username', 'auth_username', 'ip', 'header', 'request_uri']);
    assert.deepEqual(values('pjsip.conf', 'protocol').slice(0, 5), ['udp', 'tcp', 'tls', 'ws', 'wss']);
    assert.ok(values('pjsip.conf', 'method').includes('tlsv1_2'));
    assert.deepEqual(values('pjsip.conf', 'auth_type').filter((v) => v !== 'digest'), ['userpass', 'md5', 'google_oauth']);
    assert.equal(keyDoc('pjsip.conf', 'allow')?.kind, 'codecs');
    assert.equal(keyDoc('pjsip.conf', 'max_contacts')?.default, '0');
  });

  it('offers device keys in a sip.conf peer and keeps [general]-only keys out', () => {
    const peer = keys('sip.conf', 'peer');
    for (const k of ['host', 'secret', 'insecure', 'context', 'type']) assert.ok(peer.includes(k), k);
    assert.ok(!peer.includes('bindport'));
    assert.ok(!peer.includes('register'));
    assert.ok(keys('sip.conf', 'general').includes('bindport'));
    assert.ok(keys('sip.conf', 'general').includes('register'));
    assert.ok(!keys('sip.conf', 'user').includes('host'));
    const friend = keys('sip.conf', 'friend');
    for (const k of [...peer, ...keys('sip.conf', 'user')]) assert.ok(k === 'register' || friend.includes(k), `friend lacks ${k}`);
  });

  it('covers the keys most used in sip.conf', () => {
    const all = new Set(KEYS.filter((d) => d.file === 'sip.conf').map((d) => d.key));
    for (const k of [
      'type', 'host', 'port', 'username', 'defaultuser', 'secret', 'md5secret', 'remotesecret', 'fromuser', 'fromdomain', 'context',
      'subscribecontext', 'insecure', 'nat', 'qualify', 'qualifyfreq', 'canreinvite', 'directmedia', 'disallow', 'allow',
      'dtmfmode', 'callerid', 'callgroup', 'pickupgroup', 'call-limit', 'busylevel', 'transport', 'trustrpid', 'sendrpid',
      'allowguest', 'alwaysauthreject', 'bindaddr', 'bindport', 'udpbindaddr', 'tcpenable', 'tcpbindaddr', 'tlsenable',
      'srvlookup', 'registertimeout', 'registerattempts', 'defaultexpiry', 'minexpiry', 'maxexpiry', 'externip', 'externaddr',
      'localnet', 'useragent', 'language', 'mailbox', 'deny', 'permit', 'acl', 'outboundproxy', 't38pt_udptl', 'videosupport',
      'session-timers', 'rtptimeout', 'rtpholdtimeout', 'rtpkeepalive', 'register',
    ]) {
      assert.ok(all.has(k), k);
    }
  });

  it('documents insecure, nat and register in sip.conf', () => {
    const insecure = values('sip.conf', 'insecure', 'peer');
    for (const v of ['port', 'invite', 'port,invite']) assert.ok(insecure.includes(v), v);
    assert.match(keyDoc('sip.conf', 'insecure')?.description ?? '', /password/);
    const nat = values('sip.conf', 'nat');
    for (const v of ['no', 'force_rport', 'comedia', 'auto_force_rport', 'auto_comedia', 'yes']) assert.ok(nat.includes(v), v);
    assert.deepEqual(values('sip.conf', 'dtmfmode'), ['rfc2833', 'info', 'shortinfo', 'inband', 'auto']);
    assert.deepEqual(values('sip.conf', 'transport'), ['udp', 'tcp', 'tls', 'ws', 'wss']);
    const register = keyDoc('sip.conf', 'register', 'general');
    assert.ok(register?.summary.includes('[transport://]user[@domain][:secret[:authuser]]@host[:port][/extension][~expiry]'));
  });

  it('covers iax.conf and extensions.conf [general]', () => {
    const iax = new Set(KEYS.filter((d) => d.file === 'iax.conf').map((d) => d.key));
    for (const k of ['type', 'host', 'username', 'secret', 'context', 'trunk', 'auth', 'requirecalltoken', 'bindport', 'bindaddr']) assert.ok(iax.has(k), k);
    assert.deepEqual([...values('iax.conf', 'auth')].sort(), ['md5', 'plaintext', 'rsa']);
    const general = keys('extensions.conf', 'general');
    for (const k of ['static', 'writeprotect', 'autofallthrough', 'clearglobalvars', 'extenpatternmatchnew', 'userscontext']) assert.ok(general.includes(k), k);
  });

  it('looks keys up case-insensitively and prefers the entry valid in the section', () => {
    assert.equal(keyDoc('sip.conf', 'INSECURE')?.key, 'insecure');
    assert.equal(keyDoc('pjsip.conf', ' Max_Contacts ', 'AOR')?.key, 'max_contacts');
    assert.equal(keyDoc('pjsip.conf', 'outbound_proxy', 'aor')?.sections.includes('aor'), true);
    assert.equal(keyDoc('pjsip.conf', 'outbound_proxy', 'registration')?.url.includes('res_pjsip_outbound_registration'), true);
    assert.equal(keyDoc('pjsip.conf', 'endpoint', 'registration')?.sections.includes('registration'), true);
    assert.equal(keyDoc('pjsip.conf', 'no_such_key'), undefined);
    assert.equal(keyDoc('iax.conf', 'max_contacts'), undefined);
  });

  it('resolves a wizard pass-through key to its prefix, and has no auth/ prefix (the wizard has none)', () => {
    assert.equal(keyDoc('pjsip.conf', 'endpoint/context', 'wizard')?.key, 'endpoint/*');
    assert.equal(keyDoc('pjsip.conf', 'outbound_auth/username', 'wizard')?.key, 'outbound_auth/*');
    assert.equal(keyDoc('pjsip.conf', 'auth/username', 'wizard'), undefined);
    assert.match(keyDoc('pjsip.conf', 'accepts_registrations', 'wizard')?.description ?? '', /identify/);
  });

  it('warns that a registration alone does not route incoming calls', () => {
    assert.match(keyDoc('pjsip.conf', 'server_uri')?.description ?? '', /identify/);
    assert.match(keyDoc('pjsip.conf', 'match', 'identify')?.description ?? '', /incoming calls/);
  });
});
