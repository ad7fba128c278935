// register => lines in every form chan_sip's sip_parse_register_line accepts.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseConfig } from '../../server/src/parser/configParser';
import type { Assignment } from '../../server/src/parser/ast';
import { parseRegister } from '../../server/src/model/sip';

function reg(value: string): ReturnType<typeof parseRegister> {
  const text = `[general]\nregister => ${value}\n`;
  const line = parseConfig(text).sections[0].items[0] as Assignment;
  return parseRegister('/pbx/sip.conf', line);
}

describe('register => lines', () => {
  it('user:secret@host:port', () => {
    const r = reg('wazo-trunk:pass@127.0.0.1:5070')!;
    assert.deepEqual([r.transport, r.user, r.domain, r.secret, r.authuser, r.host, r.port, r.extension], ['udp', 'wazo-trunk', null, 'pass', null, '127.0.0.1', 5070, 's']);
    const text = '[general]\nregister => wazo-trunk:pass@127.0.0.1:5070\n';
    assert.equal(text.slice(r.at.user.start, r.at.user.end), 'wazo-trunk');
    assert.equal(text.slice(r.at.secret!.start, r.at.secret!.end), 'pass');
    assert.equal(text.slice(r.at.port!.start, r.at.port!.end), '5070');
  });

  it('user@domain:secret:authuser@host:port/contact~expiry, with a transport', () => {
    const r = reg('tcp://wazo-trunk@example.com:pass:authme@10.0.0.1:5080/101~300')!;
    assert.deepEqual([r.transport, r.user, r.domain, r.secret, r.authuser, r.host, r.port, r.extension], ['tcp', 'wazo-trunk', 'example.com', 'pass', 'authme', '10.0.0.1', 5080, '101']);
  });

  it('user@domain:domainport:secret:authuser, the reordered form', () => {
    const r = reg('u@d.example:5061:s3cret:auth@h.example')!;
    assert.deepEqual([r.user, r.domain, r.secret, r.authuser, r.port], ['u', 'd.example', 's3cret', 'auth', 5060]);
  });

  it('the peer? prefix, the default TLS port, and a line chan_sip rejects', () => {
    assert.deepEqual(reg('trunk?tls://u:p@h.example')!.port, 5061);
    assert.equal(reg('no-at-sign'), null);
  });
});
