// Random configurations for the property tests and `npm run fuzz` (issue 13): files built from the grammar's pieces
// (headers, templates, (+), exten/same/include lines, patterns, Gotos, Dials, #include and globs, comments, junk),
// and every file run through the loader, the dialplan, every check, the matcher and simulate. The property: no
// exception, and no internal-error finding (which would be one, contained).
import fc from 'fast-check';
import { fileFindings } from '../../server/src/analysis/findings';
import { simulate } from '../../server/src/analysis/simulate/simulate';
import { lookup } from '../../server/src/model/matcher';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

const name = fc.constantFrom('default', 'from-users', 'Incalls', 'sub', 'x', '', 'a b', 'ctx-1', 'macro-m');
const number = fc.constantFrom('101', '**99101', '_X.', '_NXXNXXXXXX', '_[5-1]', '_[z-a]', '_!', '_.', 's', 'h', 'i', 't', '2--63483', '_177[0-9][-3]3.', '1(', '');
const app = fc.oneof(
  fc.constantFrom('NoOp()', 'Hangup()', 'Answer()', 'Return()', 'Busy(5)', 'Congestion()', 'Playback(x)', 'WaitExten(1)'),
  fc.tuple(name, number).map(([c, n]) => `Goto(${c},${n.replace(/^_/, '')},1)`),
  fc.tuple(name, number).map(([c, n]) => `Gosub(${c},${n.replace(/^_/, '')},1(a,b))`),
  fc.constantFrom('Dial(SIP/trunk/${EXTEN:4},30)', 'Dial(PJSIP/${EXTEN}@trunk)', 'Dial(Local/101@default)', 'Set(X=$[${EXTEN} + 1])', 'GotoIf($["${X}" = "1"]?a:b)', 'Set(PJSIP_HEADER(add,X-A)=b)', 'ExecIf($[1]?NoOp(x))', 'Macro(m,1)', 'While($[${I} < 3])', 'EndWhile()', 'Set(I=$[${I} + 1])'),
);
export const dialplanLine = fc.oneof(
  name.map((n) => `[${n}]`),
  fc.tuple(name, name).map(([a, b]) => `[${a}](${b})`),
  name.map((n) => `[${n}](+)`),
  name.map((n) => `[${n}](!)`),
  fc.tuple(number, fc.constantFrom('1', 'n', '2', 'hint', 'n(lab)', '0', 's'), app).map(([n, p, a]) => `exten => ${n},${p},${a}`),
  fc.tuple(fc.constantFrom('n', 'n(busy)', '1'), app).map(([p, a]) => ` same => ${p},${a}`),
  name.map((n) => `include => ${n}`),
  name.map((n) => `include => ${n},09:00-17:00,mon-fri,*,*`),
  fc.constantFrom('#include part.conf', '#tryinclude nosuch.conf[clear-mwi]', '#include "p*.conf"', '#include /etc/passwd', '#exec /bin/true', ';-- block', '--;', '; comment', '', 'junk without equals', '= value', '\\ bad', 'static=yes', 'TRUNK=SIP/trunk', '[globals]', '[general]'),
);
const sipLine = fc.constantFrom(
  '[general]', 'bindport=5060', 'allowguest=yes', 'context=from-users', 'register => trunk:pass@127.0.0.1:5070', 'register => broken',
  '[trunk]', '[trunk](!)', '[peer](trunk)', 'type=friend', 'type=peer', 'type=user', 'host=127.0.0.1', 'host=dynamic', 'port=5070', 'insecure=port,invite',
  'secret=Xk29!qLm7vB2', 'defaultuser=trunk', 'fromuser=trunk', 'context=Incalls', 'disallow=all', 'allow=alaw', '[1001]', '#include sip_custom.conf',
);
const pjsipLine = fc.constantFrom(
  '[t]', 'type=transport', 'protocol=udp', 'bind=127.0.0.1:5070', '[trunk]', 'type=endpoint', 'type=aor', 'type=auth', 'type=identify', 'type=registration', 'type=wizard',
  'transport=t', 'context=Incalls', 'aors=trunk', 'auth=trunk', 'outbound_auth=trunk', 'username=trunk', 'password=Xk29!qLm7vB2', 'contact=sip:127.0.0.1:5060',
  'match=127.0.0.0/8', 'match=127.0.0.1:5060', 'match_header=X-A: b', 'endpoint=trunk', 'server_uri=sip:127.0.0.1:5060', 'client_uri=sip:trunk@127.0.0.1', 'max_contacts=1',
  '[anonymous]', 'identify_by=ip', '[global]', 'endpoint_identifier_order=username,ip',
);

const lines = (line: fc.Arbitrary<string>, max: number): fc.Arbitrary<string> => fc.array(line, { maxLength: max }).map((l) => l.join('\n') + '\n');

export const workspaceFiles: fc.Arbitrary<Record<string, string>> = fc
  .record({ ext: lines(dialplanLine, 25), part: lines(dialplanLine, 8), sip: lines(sipLine, 20), pjsip: lines(pjsipLine, 20), other: lines(sipLine, 12) })
  .map((f) => ({ '/w/a/extensions.conf': f.ext, '/w/a/part.conf': f.part, '/w/a/sip.conf': f.sip, '/w/b/pjsip.conf': f.pjsip, '/w/b/extensions.conf': f.part, '/w/b/sip.conf': f.other }));

/** Runs every layer over the files; throws on any exception or internal-error finding. */
export function everyLayer(files: Record<string, string>): void {
  const ws = new Workspace(new MemoryHost(files));
  ws.addFolder('/w');
  for (const f of Object.keys(files)) ws.addKnown(f);
  for (const f of Object.keys(files)) {
    const internal = fileFindings(ws, f).filter((x) => x.code === 'internal-error');
    if (internal.length > 0) throw new Error(`internal-error in ${f}: ${internal[0].message}`);
  }
  const plan = ws.dialplanFor('/w/a/extensions.conf');
  for (const ctx of plan ? [...plan.contexts.keys()].slice(0, 3) : []) {
    for (const n of ['101', '**99101', '2--63483', 's']) {
      lookup(plan!, ctx, n, { when: new Date(Date.UTC(2026, 11, 1, 12)) });
      simulate(ws, { number: n, from: { pbx: 'a', kind: 'context', name: ctx }, when: new Date(Date.UTC(2026, 11, 1, 12)) });
    }
  }
}

/** A real file mutated: lines deleted, duplicated, swapped, cut in half, or a grammar piece inserted (seeded). */
export function mutations(text: string): fc.Arbitrary<string> {
  const lines = text.split('\n');
  const op = fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'swap', 'cut', 'insert'),
    at: fc.nat(Math.max(0, lines.length - 1)),
    other: fc.nat(Math.max(0, lines.length - 1)),
    piece: dialplanLine,
  });
  return fc.array(op, { minLength: 1, maxLength: 8 }).map((ops) => {
    const out = [...lines];
    for (const o of ops) {
      const at = Math.min(o.at, out.length - 1);
      const other = Math.min(o.other, out.length - 1);
      if (at < 0) break;
      if (o.kind === 'delete') out.splice(at, 1);
      else if (o.kind === 'duplicate') out.splice(at, 0, out[at]);
      else if (o.kind === 'swap') [out[at], out[other]] = [out[other], out[at]];
      else if (o.kind === 'cut') out[at] = out[at].slice(0, Math.floor(out[at].length / 2));
      else out.splice(at, 0, o.piece);
    }
    return out.join('\n');
  });
}
