// Properties of the one recognition model, over generated two-PBX workspaces (fast-check): A dials B over a trunk
// whose two ends are drawn from the settings the sip-recognition labs vary (driver of each side, host and port,
// insecure, secrets on either side, defaultuser, fromuser, allowguest, alwaysauthreject, identify, context, the
// anonymous endpoint). Whatever the draw:
// - the check and the simulation agree ("never two opinions"): when Simulate dial says B refuses A's call with
//   401 or 403, `check` has an error about that trunk; when the call is let in, `check` has no trunk-call-refused
//   error;
// - a refusal is 401, 403 (who it is) or 488 (no codec in common) and the landing context of an accepted call is B's;
// - nothing throws.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fileFindings } from '../../server/src/analysis/findings';
import { simulate } from '../../server/src/analysis/simulate/simulate';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

interface Draw {
  aDriver: 'sip' | 'pjsip';
  bDriver: 'sip' | 'pjsip';
  bPort: boolean;
  bInsecurePort: boolean;
  bInsecureInvite: boolean;
  bSecret: 'same' | 'other' | 'none';
  aSecret: boolean;
  aDefaultUser: boolean;
  aFromUser: boolean;
  bType: 'peer' | 'friend';
  allowguest: boolean;
  alwaysauthreject: boolean;
  identify: boolean;
  anonymous: boolean;
  bContext: boolean;
  /** A's pjsip endpoint allows alaw (else no codec: every call 488). */
  aCodecs: boolean;
  /** Without defaultuser=pbx-a, A answers challenges as another user (chan_sip defaultuser=someone). */
  aOtherUser: boolean;
}

const draw: fc.Arbitrary<Draw> = fc.record({
  aDriver: fc.constantFrom('sip' as const, 'pjsip' as const),
  bDriver: fc.constantFrom('sip' as const, 'pjsip' as const),
  bPort: fc.boolean(),
  bInsecurePort: fc.boolean(),
  bInsecureInvite: fc.boolean(),
  bSecret: fc.constantFrom('same' as const, 'other' as const, 'none' as const),
  aSecret: fc.boolean(),
  aDefaultUser: fc.boolean(),
  aFromUser: fc.boolean(),
  bType: fc.constantFrom('peer' as const, 'friend' as const),
  allowguest: fc.boolean(),
  alwaysauthreject: fc.boolean(),
  identify: fc.boolean(),
  anonymous: fc.boolean(),
  bContext: fc.boolean(),
  aCodecs: fc.boolean(),
  aOtherUser: fc.boolean(),
});

const SECRET = 'Trunk-Secret-5260';

export function workspaceOf(d: Draw): Record<string, string> {
  const files: Record<string, string> = {};
  const dial = d.aDriver === 'sip' ? 'SIP/to-b/${EXTEN:4}' : 'PJSIP/${EXTEN:4}@to-b';
  files['/w/A/extensions.conf'] = `[from-users]\nexten => _**99.,1,Dial(${dial},5)\n same => n,Hangup()\n`;
  files['/w/B/extensions.conf'] = '[from-a]\nexten => 101,1,Answer()\n same => n,Hangup()\n[public]\nexten => 101,1,Answer()\n[default]\nexten => 101,1,Answer()\n';
  if (d.aDriver === 'sip') {
    const lines = ['[general]', 'bindaddr=127.0.0.1', 'bindport=5260', 'allowguest=no', '[to-b]', 'type=peer', 'host=127.0.0.1', 'port=5270'];
    if (d.aDefaultUser) lines.push('defaultuser=pbx-a');
    else if (d.aOtherUser) lines.push('defaultuser=someone');
    if (d.aSecret) lines.push(`secret=${SECRET}`);
    if (d.aFromUser) lines.push('fromuser=pbx-a');
    files['/w/A/sip.conf'] = lines.join('\n') + '\n';
  } else {
    const lines = ['[t]', 'type=transport', 'protocol=udp', 'bind=127.0.0.1:5260', '[to-b]', 'type=endpoint', 'transport=t', 'aors=to-b', ...(d.aCodecs ? ['disallow=all', 'allow=alaw'] : [])];
    if (d.aSecret) lines.push('outbound_auth=to-b-auth');
    if (d.aFromUser) lines.push('from_user=pbx-a');
    lines.push('[to-b]', 'type=aor', 'contact=sip:127.0.0.1:5270');
    if (d.aSecret) lines.push('[to-b-auth]', 'type=auth', 'auth_type=userpass', `username=${d.aDefaultUser ? 'pbx-a' : 'someone'}`, `password=${SECRET}`);
    files['/w/A/pjsip.conf'] = lines.join('\n') + '\n';
  }
  if (d.bDriver === 'sip') {
    const lines = ['[general]', 'bindaddr=127.0.0.1', 'bindport=5270', 'context=public', `allowguest=${d.allowguest ? 'yes' : 'no'}`, `alwaysauthreject=${d.alwaysauthreject ? 'yes' : 'no'}`, '[pbx-a]', `type=${d.bType}`, 'host=127.0.0.1'];
    if (d.bPort) lines.push('port=5260');
    const insecure = [d.bInsecurePort ? 'port' : '', d.bInsecureInvite ? 'invite' : ''].filter(Boolean).join(',');
    if (insecure) lines.push(`insecure=${insecure}`);
    if (d.bSecret !== 'none') lines.push(`secret=${d.bSecret === 'same' ? SECRET : 'Another-Secret-77'}`);
    if (d.bContext) lines.push('context=from-a');
    files['/w/B/sip.conf'] = lines.join('\n') + '\n';
  } else {
    const lines = ['[t]', 'type=transport', 'protocol=udp', 'bind=127.0.0.1:5270', '[pbx-a]', 'type=endpoint', 'transport=t', 'aors=pbx-a', 'disallow=all', 'allow=alaw'];
    if (d.bSecret !== 'none') lines.push('auth=pbx-a-auth');
    if (d.bContext) lines.push('context=from-a');
    lines.push('[pbx-a]', 'type=aor', `contact=sip:127.0.0.1:5260`);
    if (d.bSecret !== 'none') lines.push('[pbx-a-auth]', 'type=auth', 'auth_type=userpass', 'username=pbx-a', `password=${d.bSecret === 'same' ? SECRET : 'Another-Secret-77'}`);
    if (d.identify) lines.push('[pbx-a-identify]', 'type=identify', 'endpoint=pbx-a', `match=127.0.0.1${d.bPort ? ':5260' : ''}`);
    if (d.anonymous) lines.push('[anonymous]', 'type=endpoint', 'transport=t', 'context=public', 'allow=alaw');
    files['/w/B/pjsip.conf'] = lines.join('\n') + '\n';
  }
  return files;
}

describe('the recognition model over generated trunks (fast-check)', () => {
  it('gives the check and the simulation one opinion about every call A sends to B', () => {
    fc.assert(
      fc.property(draw, (d) => {
        const files = workspaceOf(d);
        const ws = new Workspace(new MemoryHost(files));
        for (const f of Object.keys(files)) ws.addKnown(f);
        const r = simulate(ws, { number: '**99101', from: { pbx: 'A', kind: 'context', name: 'from-users' }, when: new Date(Date.UTC(2026, 11, 1, 12)) });
        const errors = Object.keys(files).flatMap((f) => fileFindings(ws, f)).filter((f) => f.severity === 'error');
        const crossing = r.crossings?.[0];
        assert.ok(crossing, `A's call crosses the trunk: ${JSON.stringify(r.outcome)}`);
        const refused = crossing.context === null;
        if (refused) {
          assert.ok([401, 403, 488].includes(crossing.responses.at(-1) ?? 0), JSON.stringify(crossing));
          assert.ok(errors.length > 0, `refused (${crossing.reason}) yet no error: ${JSON.stringify(d)}`);
        } else {
          assert.ok(['from-a', 'public', 'default'].includes(crossing.context!), crossing.context!);
          assert.deepEqual(errors.filter((e) => e.code === 'trunk-call-refused'), [], `let in (${crossing.reason}) yet trunk-call-refused: ${JSON.stringify(d)}`);
        }
      }),
      { numRuns: 1000, seed: 20261206 },
    );
  });
});
