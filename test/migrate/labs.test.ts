// Ground truth (issue 15 item 4): both PBXs of each chan_sip lab (test/fixtures/conformance/sip-trunks, real
// Asterisk 20.20.1) converted by `migrate`, then checked and simulated. The converted pair must keep the lab's
// verdict (healthy: no error; faulty: an error of the same kind) and its `**99101` outcome (reaches B's Incalls
// 101 exactly when the lab's call was answered), except where chan_pjsip behaves differently, said case by case.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFORMANCE, ROOT } from '../paths';
import { pjsipDevice } from '../../server/src/analysis/migrate/dialStrings';
import { findingsOf, migrateLab, simulateIn } from './labs';

const BASE = path.join(CONFORMANCE, 'sip-trunks');

/**
 * The errors after the migration (code@file) and what the call does. `differs`: why pjsip cannot keep the lab's
 * outcome.
 */
const EXPECTED: Record<string, { errors: string[]; call: 'answered' | number | 'no-invite'; differs?: string }> = {
  // the registration is still refused (client_uri user 'wazo-trunk-typo' names no aor on B), but the call works:
  // B's endpoint is found by the user A authenticates as (identify_by=auth_username), not by a registered address
  // (pjsip-trunks a1_clienturi_user shows the same: registration and calls are independent in chan_pjsip)
  a_reguser: { errors: ['pjsip-client-uri-user@A/pjsip.conf'], call: 'answered', differs: 'chan_sip found the dynamic friend only by the address it registered from, so a refused registration also refused the call (403); chan_pjsip identifies the endpoint by the digest user after the 401, so only the registration stays broken' },
  b_password: { errors: ['pjsip-password-mismatch@A/pjsip.conf'], call: 401 },
  c1_peername: { errors: [], call: 'answered' },
  c2_username: { errors: ['pjsip-unidentified-calls@B/pjsip.conf'], call: 401 },
  d_codec: { errors: ['trunk-codec-mismatch@A/pjsip.conf'], call: 488 },
  e_wrongport: { errors: ['pjsip-address-mismatch@A/pjsip.conf', 'pjsip-address-mismatch@A/pjsip.conf', 'pjsip-unidentified-calls@B/pjsip.conf'], call: 'no-invite' },
  f_nocontext: { errors: ['pjsip-context-missing@B/pjsip.conf'], call: 404 },
  g_regdomain: { errors: [], call: 'answered' },
  // chan_sip's failure here IS the registration: without it B had no address for its host=dynamic friend
  h_noregister: { errors: [], call: 'answered', differs: "chan_sip could not recognise A without a registration (trunk-dynamic-unrecognised, 403); chan_pjsip finds B's endpoint by the digest user A answers the 401 with, registered or not" },
  i_fromuser_noreg: { errors: [], call: 'answered' },
  ok: { errors: [], call: 'answered' },
};

interface Outcome {
  registrations: { registered: boolean | null }[];
  calls: { outcome: string; sipStatus: number | null; hops: { dial?: string }[] }[];
}

describe('migrate: the sip-trunks labs converted keep their verdict and their **99101 outcome', () => {
  const cases = fs.readdirSync(BASE).filter((c) => fs.statSync(path.join(BASE, c)).isDirectory());
  it('has the eleven cases', () => assert.deepEqual(cases.sort(), Object.keys(EXPECTED).sort()));
  for (const c of cases) {
    const lab = JSON.parse(fs.readFileSync(path.join(BASE, c, 'outcome.json'), 'utf8')) as Outcome;
    const want = EXPECTED[c];
    it(`${c}: ${want.differs ? 'differs, as chan_pjsip does' : 'same'}`, () => {
      const tmp = migrateLab(path.join(BASE, c), ['A', 'B']);
      try {
        assert.ok(!fs.existsSync(path.join(tmp, 'A', 'sip.conf')) && fs.existsSync(path.join(tmp, 'A', 'sip.conf.chan_sip')), 'sip.conf is out of reach');
        const errors = findingsOf(tmp)
          .filter((f) => f.startsWith('error '))
          .map((f) => {
            const [, where, code] = f.split(' ');
            return `${code}@${where.replace(/:\d+$/, '')}`;
          });
        assert.deepEqual(errors, want.errors);
        const labFaulty = lab.registrations.some((r) => r.registered === false) || lab.calls.some((x) => x.outcome !== 'answered');
        if (!want.differs) assert.equal(errors.length > 0, labFaulty, 'same verdict class as the lab');
        const sim = simulateIn([tmp], '**99101', 'A:from-users');
        const dial = sim.hops.find((h) => h.app === 'Dial');
        // the lab's `SIP/peer/101` as chan_pjsip's `PJSIP/101@peer`
        assert.equal(dial?.data?.split(',')[0], pjsipDevice(lab.calls[0].hops[0].dial!.slice('SIP/'.length)));
        if (want.call === 'answered') assert.deepEqual([sim.outcome.kind, sim.outcome.pbx, sim.outcome.context, sim.outcome.extension], ['extension', 'B', 'Incalls', '101']);
        else if (want.call === 'no-invite') assert.deepEqual([sim.outcome.kind, sim.outcome.pbx, sim.outcome.sipStatus], ['rejected', 'A', null]);
        else assert.deepEqual([sim.outcome.kind, sim.outcome.pbx, sim.outcome.sipStatus], ['rejected', 'B', want.call]);
        const labAnswered = lab.calls[0].outcome === 'answered';
        if (!want.differs) assert.equal(want.call === 'answered', labAnswered, "same **99101 outcome as the lab's");
        else assert.notEqual(want.call === 'answered', labAnswered);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
});

describe('migrate: examples/wazo-a and wazo-b converted keep every simulated call', () => {
  const examples = path.join(ROOT, 'examples');
  const calls: [from: string, number: string][] = [
    ['wazo-a:from-users', '**99101'],
    ['wazo-a:from-users', '**99102'],
    ['wazo-a:from-users', '1001'],
    ['wazo-a:from-users', '1002'],
    ['wazo-a:from-users', '*43'],
    ['wazo-a:from-users', '*60'],
    ['wazo-a:from-users', '*65'],
    ['wazo-b:from-users', '**991001'],
    ['wazo-b:from-users', '101'],
    ['wazo-b:Incalls', '103'],
    ['wazo-a:peer:1001', '**99101'],
  ];
  const tmp = migrateLab(examples, ['wazo-a', 'wazo-b']);
  for (const [from, number] of calls) {
    it(`${number} from ${from}`, () => {
      const dirs = (root: string): string[] => [path.join(root, 'wazo-a'), path.join(root, 'wazo-b')];
      const before = simulateIn(dirs(examples), number, from);
      const after = simulateIn(dirs(tmp), number, from.replace(':peer:', ':endpoint:'));
      const pick = (s: typeof before): unknown[] => [s.outcome.kind, s.outcome.pbx, s.outcome.context, s.outcome.extension];
      assert.deepEqual(pick(after), pick(before), after.outcome.reason);
    });
  }
  it('cleans up', () => fs.rmSync(tmp, { recursive: true, force: true }));
});
