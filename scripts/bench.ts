// `npm run bench`: parse speed on a generated 200,000-line extensions.conf (scripts/benchData.ts).
// Prints medians; a benchmark, not a test. Reference (issue 2): a real Asterisk 20 tokenizes such a file at about
// 480 MB/s and loads the dialplan in about 0.26 s (36 MB/s). Targets: full parse >= 20 MB/s, re-parse after a
// one-line edit <= 10 ms.
import { spawnSync } from 'node:child_process';
import { parseConfig } from '../server/src/parser/configParser';
import { parseExtensionStatement } from '../server/src/parser/dialplanParser';
import { reparseConfig } from '../server/src/parser/incremental';
import type { ConfigDocument } from '../server/src/parser/ast';
import { generateDialplan } from './benchData';
import { adversarialBench } from './benchAdversarial';
import { buildDialplan } from '../server/src/model/dialplan';
import { lookup } from '../server/src/model/matcher';
import { MemoryFileHost } from './memoryFileHost';
import { Workspace } from '../server/src/model/workspace';
import { fileFindings, findingsOf } from '../server/src/analysis/findings';
import { simulate } from '../server/src/analysis/simulate/simulate';
import { explainPattern } from '../server/src/analysis/explainPattern';
import { DiskFileHost } from '../server/src/model/fileHost';
import { pbxsOf } from '../server/src/model/pbx';
import * as path from 'node:path';
import { completion } from '../server/src/features/completion';
import { toDiagnostics } from '../server/src/features/diagnostics';
import { DiagnosticsPublisher } from '../server/src/publisher';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(runs: number, f: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    result = f();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: median(times), result };
}

/** The full parse: config lines, then every exten/same statement split as pbx_config.c splits it. */
function fullParse(text: string): ConfigDocument {
  const doc = parseConfig(text);
  for (const s of doc.sections) {
    for (const i of s.items) {
      if (i.type !== 'Assignment') continue;
      const key = i.key.text.toLowerCase();
      if (key === 'exten') parseExtensionStatement(i, 'exten');
      else if (key.startsWith('same')) parseExtensionStatement(i, 'same');
    }
  }
  return doc;
}

const text = generateDialplan();
const mb = Buffer.byteLength(text) / 1e6;
const section = process.argv[2];

// Each section runs in a process of its own (same flags), so one's garbage does not weigh on the next.
if (section === undefined) {
  const lines = text.split('\n').length;
  console.log(`bench file: ${lines} lines, ${mb.toFixed(2)} MB, 2,000 contexts (node ${process.version}, flags: ${process.execArgv.join(' ') || 'none'})`);
  for (const part of ['parse', 'dialplan', 'trunks', 'paths', 'adversarial']) {
    const r = spawnSync(process.execPath, [...process.execArgv, __filename, part], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
} else if (section === 'parse') parseBench();
else if (section === 'dialplan') dialplanBench();
else if (section === 'trunks') trunkBench();
else if (section === 'paths') pathsBench();
else if (section === 'adversarial') adversarialBench();

function parseBench(): void {

time(3, () => fullParse(text)); // warm-up
const full = time(7, () => fullParse(text));
console.log(`full parse (config + dialplan statements): ${full.ms.toFixed(1)} ms median of 7 = ${(mb / (full.ms / 1000)).toFixed(1)} MB/s (target >= 20 MB/s)`);
const configOnly = time(7, () => parseConfig(text));
void configOnly;
console.log(`config parse alone: ${configOnly.ms.toFixed(1)} ms = ${(mb / (configOnly.ms / 1000)).toFixed(1)} MB/s`);

// Typing in the middle of the file: insert or delete one character in an extension's line, as a keystroke does
// (so every later node moves). Before timing, the new text is read once: V8 keeps `a + b + c` as a rope and the
// first read of it copies the 8 MB into one string (measured below), which happens in any LSP server when
// vscode-languageserver-textdocument applies the change, whatever parser follows.
const edits: number[] = [];
const joins: number[] = [];
let doc = parseConfig(text);
let current = text;
for (let i = 0; i < 41; i++) {
  const at = current.indexOf('NoOp(User', Math.floor((current.length * (i + 5)) / 50)) + 5;
  const edit = i % 2 ? { start: at, end: at + 1, text: '' } : { start: at, end: at, text: 'X' };
  const next = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
  const j = process.hrtime.bigint();
  next.indexOf('\u0000'); // forces the rope into a flat string
  joins.push(Number(process.hrtime.bigint() - j) / 1e6);
  const t = process.hrtime.bigint();
  doc = reparseConfig(doc, next, edit);
  edits.push(Number(process.hrtime.bigint() - t) / 1e6);
  current = next;
}
console.log(`re-parse after a one-line edit: ${median(edits).toFixed(2)} ms median of ${edits.length} (target <= 10 ms)`);
console.log(`  (V8 joining the edited text into one string, paid once per edit by the text document: ${median(joins).toFixed(2)} ms)`);

}

// Issue 3: the dialplan model of the same file, and lookups in its 2,000 contexts.
function dialplanBench(): void {
  // Each run starts from a fresh parse, so the exten/same statements are split again inside the build.
  const freshLoad = () => {
    const ws = new Workspace(new MemoryFileHost({ '/bench/extensions.conf': text }));
    ws.addKnown('/bench/extensions.conf');
    return ws.load('/bench/extensions.conf');
  };
  buildDialplan(freshLoad()); // warm-up
  const builds: number[] = [];
  let plan = buildDialplan(freshLoad());
  for (let i = 0; i < 5; i++) {
    const loaded = freshLoad();
    const t = process.hrtime.bigint();
    plan = buildDialplan(loaded);
    builds.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`dialplan model build from the parsed file: ${median(builds).toFixed(1)} ms median of 5 (target <= 500 ms)`);
  const loaded = freshLoad();
  const checks = time(1, () => findingsOf(buildDialplan(loaded)));
  console.log(`dialplan checks (all codes) on it: ${checks.ms.toFixed(0)} ms, ${checks.result.length} findings`);
  const numbers = ['1005', '**99101', '0612345678', '2034', '9', '+33123456789', '00441234', '7777', '1999', '5551234'];
  const when = new Date(Date.UTC(2026, 10, 23, 10));
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const ctx = `ctx-${(i * 7919) % 2000}`;
    const n = numbers[i % numbers.length];
    const t = process.hrtime.bigint();
    lookup(plan, ctx, n, { when });
    times.push(Number(process.hrtime.bigint() - t) / 1e3);
  }
  console.log(`one lookup in a 2,000-context dialplan: ${median(times).toFixed(1)} µs median of ${times.length} (target <= 50 µs)`);
}

/** Two PBXs joined by a trunk, 100,000 dialplan lines and 2,500 peers each. */
function twoPbxs(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [side, port, other] of [['a', 5060, 5070], ['b', 5070, 5060]] as const) {
    const incalls = '[Incalls]\nexten => 101,1,NoOp()\nexten => _**99.,1,Dial(SIP/trunk/${EXTEN:4},30)\n';
    files[`/bench/${side}/extensions.conf`] = generateDialplan(1000, 100, side === 'a' ? 1 : 2).replace('[ctx-0]', `${incalls}[ctx-0]`);
    const peers = [`[general]\nudpbindaddr=127.0.0.1:${port}\nallowguest=no\ncontext=ctx-0\nregister => trunk:Xk29!qLm7vB2@127.0.0.1:${other}\n`];
    peers.push(`[trunk]\ntype=friend\nhost=${side === 'a' ? '127.0.0.1' : 'dynamic'}\nport=${other}\nusername=trunk\nsecret=Xk29!qLm7vB2\ncontext=Incalls\n`);
    peers.push('[phone](!)\ntype=friend\nhost=dynamic\ncontext=ctx-1\ndisallow=all\nallow=alaw\n');
    for (let i = 0; i < 2499; i++) peers.push(`[${1000 + i}](phone)\nsecret=S3cret-${i}-long\ncallerid="User ${i}" <${1000 + i}>\n`);
    files[`/bench/${side}/sip.conf`] = peers.join('\n');
  }
  return files;
}

// Issue 4: a full check of two PBXs, and the re-check after a one-line edit.
function trunkBench(): void {
  const files = twoPbxs();
  const lines = Object.entries(files).filter(([f]) => f.endsWith('extensions.conf')).reduce((n, [, t]) => n + t.split('\n').length, 0);
  const fullCheck = (): { ws: Workspace; host: MemoryFileHost; count: number } => {
    const host = new MemoryFileHost({ ...files });
    const ws = new Workspace(host);
    for (const f of Object.keys(files)) ws.addKnown(f);
    let count = 0;
    for (const f of Object.keys(files)) count += fileFindings(ws, f).length;
    return { ws, host, count };
  };
  fullCheck(); // warm-up
  // only the count is kept: a workspace left alive here would double the heap the re-checks below work in.
  // Median of 5: about one run in four also pays a full garbage collection of the workspace checked before it
  // (a server checks its workspace once; a benchmark that checks it again and again leaves the old one behind).
  const full = time(5, () => fullCheck().count);
  console.log(`full check of two PBXs (${lines} dialplan lines, 5,000 peers): ${full.ms.toFixed(0)} ms median of 5, ${full.result} findings (target <= 1,000 ms)`);
  for (const target of ['/bench/a/sip.conf', '/bench/a/extensions.conf']) {
    const { ws, host } = fullCheck();
    const times: number[] = [];
    // one place in the middle of the file, where X is typed and then deleted again, in turn
    const first = host.read(target)!;
    const at = first.indexOf(target.endsWith('sip.conf') ? 'callerid="User 12' : 'NoOp(User', Math.floor(first.length / 2));
    if (at < 0) throw new Error(`bench: no place to edit in ${target}`);
    // 5 keystrokes first, untimed (as in an editor, the first ones warm up the JIT for this path), then 21 timed
    for (let i = 0; i < 26; i++) {
      const text = host.read(target)!;
      const e = i % 2 ? { start: at, end: at + 1, text: '' } : { start: at, end: at, text: 'X' };
      const next = text.slice(0, e.start) + e.text + text.slice(e.end);
      host.set(target, next);
      const t = process.hrtime.bigint();
      ws.edited(target, next, [e]);
      for (const f of Object.keys(files)) fileFindings(ws, f);
      if (i >= 5) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    console.log(`re-check of both PBXs after a one-line edit in ${target.slice(7)}: ${median(times).toFixed(0)} ms median of 21 (target <= 50 ms)`);
  }
  diagnosticsBench(files);
  const checked = fullCheck();
  simulateBench(checked.ws);
  completionBench(checked.ws, checked.host);
}

// Issue 10: the Problems panel for the whole workspace. What the server does after a scan and after each pause in
// typing: every file's findings as LSP diagnostics, each file's compared with what was sent before (nothing is
// sent for a file whose diagnostics did not change).
function diagnosticsBench(files: Record<string, string>): void {
  const setup = () => {
    const host = new MemoryFileHost({ ...files });
    const ws = new Workspace(host);
    for (const f of Object.keys(files)) ws.addKnown(f);
    let sent = 0;
    const publisher = new DiagnosticsPublisher(ws, {
      openUri: () => undefined,
      uri: (f) => `file://${f}`,
      diagnostics: (f, found) => toDiagnostics(found, ws.document(f)!.lineStarts, { uri: (x) => `file://${x}`, lineStarts: (x) => ws.document(x)?.lineStarts }),
      send: () => void sent++,
    });
    return { host, ws, publisher, sent: () => sent };
  };
  setup().publisher.publishAll('workspace', []); // warm-up
  const first = time(3, () => {
    const s = setup();
    s.publisher.publishAll('workspace', []);
    return s.sent();
  });
  console.log(`workspace diagnostics, first pass (full check, ${first.result} files with diagnostics sent): ${first.ms.toFixed(0)} ms median of 3`);
  const { host, ws, publisher } = setup();
  publisher.publishAll('workspace', []);
  const target = '/bench/b/sip.conf';
  const original = host.read(target)!;
  const at = original.indexOf('callerid="User 12', Math.floor(original.length / 2));
  const times: number[] = [];
  for (let i = 0; i < 26; i++) {
    const text = host.read(target)!;
    const e = i % 2 ? { start: at, end: at + 1, text: '' } : { start: at, end: at, text: 'X' };
    const next = text.slice(0, e.start) + e.text + text.slice(e.end);
    host.set(target, next);
    ws.edited(target, next, [e]);
    const t = process.hrtime.bigint();
    publisher.publishAll('workspace', [target]);
    if (i >= 5) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`workspace diagnostics after a one-line edit in b/sip.conf (every file re-checked, compared, changed ones sent): ${median(times).toFixed(0)} ms median of 21`);
  // the cost the Problems panel adds to a re-check: findings kept, each file's diagnostics made and compared
  const again = time(21, () => publisher.publishAll('workspace', [target]));
  console.log(`  of which diagnostics made and compared for every file (checks unchanged): ${again.ms.toFixed(1)} ms median of 21`);
}

// Issue 6: completion on the 200,000-line workspace, right after the keystroke that asks for it (the model is
// brought up to date by the request itself: diagnostics wait for a pause in typing, completion does not).
function completionBench(ws: Workspace, host: MemoryFileHost): void {
  const file = '/bench/a/extensions.conf';
  const cases = [
    { what: 'contexts after include =>', line: 'include => ' },
    { what: 'peers in Dial(SIP/', line: 'exten => 7,1,Dial(SIP/' },
    { what: 'applications', line: 'exten => 7,1,Go' },
    { what: 'variables and functions in ${', line: 'exten => 7,1,NoOp(${' },
  ];
  for (const c of cases) {
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 23; i++) {
      const text = host.read(file)!;
      // the line is typed at the end of [ctx-1000]'s first line, then removed again
      const at = text.indexOf('\n', text.indexOf('[ctx-1000]')) + 1;
      const typed = i % 2 === 0;
      const next = typed ? text.slice(0, at) + c.line + '\n' + text.slice(at) : text.slice(0, at) + text.slice(at + c.line.length + 1);
      const edit = typed ? { start: at, end: at, text: c.line + '\n' } : { start: at, end: at + c.line.length + 1, text: '' };
      host.set(file, next);
      ws.edited(file, next, [edit]);
      if (!typed) continue;
      const doc = ws.document(file)!;
      let line = 0;
      while (doc.lineStarts[line + 1] <= at) line++;
      const t = process.hrtime.bigint();
      count = completion(ws, file, next, { line, character: c.line.length }).length;
      if (i > 1) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    console.log(`completion of ${c.what} right after the keystroke: ${median(times).toFixed(1)} ms median of ${times.length}, ${count} items (target <= 50 ms)`);
  }
}

// Issue 5: one simulation once the model is built, from contexts deep in the include chains (ctx-N includes
// ctx-N-1 ... ctx-0, so a number found only near ctx-0 makes the matcher weigh every candidate on the way), and
// across the trunk (**99101 from Incalls on a reaches 101 on b).
function simulateBench(ws: Workspace): void {
  const numbers = ['**99101', '1005', '0612345678', '2034', '+33123456789', '5551234', '7777'];
  const when = new Date(Date.UTC(2026, 10, 23, 10));
  const across = simulate(ws, { number: '**99101', from: { pbx: 'a', kind: 'context', name: 'Incalls' }, when });
  if (!across.hops.some((h) => h.pbx === 'b')) throw new Error(`bench: **99101 should reach b, got ${across.outcome.kind} on ${across.outcome.pbx}`);
  const times: number[] = [];
  const kinds = new Map<string, number>();
  for (let i = 0; i < 320; i++) {
    const from = i % 3 === 0 ? { pbx: 'a', kind: 'context' as const, name: 'Incalls' } : { pbx: i % 2 ? 'a' : 'b', kind: 'context' as const, name: `ctx-${(i * 7919) % 1000}` };
    const t = process.hrtime.bigint();
    const r = simulate(ws, { number: numbers[i % numbers.length], from, when });
    if (i < 20) continue; // warm-up
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    kinds.set(r.outcome.kind, (kinds.get(r.outcome.kind) ?? 0) + 1);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const outcomes = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
  console.log(`one simulate dial on the two PBXs, model built: ${median(times).toFixed(2)} ms median of 300, 99th percentile ${sorted[296].toFixed(1)} ms, slowest ${sorted[299].toFixed(1)} ms (target <= 20 ms; outcomes: ${outcomes})`);
}

// Issue 11: every possible outcome (--all-paths) from each entry context of the examples (the contexts peers,
// endpoints and users enter), for each number those contexts name: each literal extension and a sample of each
// pattern.
function pathsBench(): void {
  const ws = new Workspace(new DiskFileHost());
  ws.scan(path.join(__dirname, '..', '..', 'examples'), 1000);
  const runs: { pbx: string; context: string; number: string }[] = [];
  for (const pbx of pbxsOf(ws)) {
    const entries = new Set([...(pbx.sip?.peers.values() ?? [])].map((p) => p.context.name));
    for (const name of entries) {
      for (const e of pbx.dialplan?.contexts.get(name)?.extensions ?? []) {
        const number = e.isPattern ? explainPattern(e.name).matches[0] : e.name;
        if (number && !['h', 'i', 't', 'e', 'o'].includes(number)) runs.push({ pbx: pbx.name, context: name, number });
      }
    }
  }
  const when = new Date(Date.UTC(2026, 10, 23, 10));
  const times: number[] = [];
  let paths = 0;
  let cut = 0;
  for (let round = 0; round < 3; round++) {
    for (const r of runs) {
      const t = process.hrtime.bigint();
      const result = simulate(ws, { number: r.number, from: { pbx: r.pbx, kind: 'context', name: r.context }, when, allPaths: true });
      if (round > 0) {
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        paths += result.paths?.reduce((n, p) => n + p.paths, 0) ?? 0;
        cut += result.pathsCut ? 1 : 0;
      }
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`all outcomes (--all-paths) of ${runs.length} numbers from the examples' entry contexts: ${median(times).toFixed(1)} ms median, slowest ${sorted[sorted.length - 1].toFixed(1)} ms (target <= 200 ms; ${paths / 2} paths in all, ${cut / 2} cut at 256)`);
}
