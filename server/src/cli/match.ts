// `pbx-interconnect match`: which extension a number reaches, as Asterisk's pbx_find_extension decides.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dialplan } from '../model/dialplan';
import { buildDialplan } from '../model/dialplan';
import { DiskFileHost } from '../model/fileHost';
import type { MatchSummary, When } from '../model/matcher';
import { lookup, summarize } from '../model/matcher';
import { Workspace } from '../model/workspace';
import { notText } from './check';
import type { CliIo } from './run';
import { ioError, usageError } from './usage';

interface Answer {
  expect: MatchSummary;
  canMatch: MatchSummary;
  matchMore: MatchSummary;
  timed?: { open: Omit<Answer, 'timed'>; closed: Omit<Answer, 'timed'> };
}

export function answer(plan: Dialplan, number: string, context: string, callerId: string | null, when: When | 'any', fileName: (f: string) => string): Answer {
  const at = (w: When): Omit<Answer, 'timed'> => ({
    expect: summarize(lookup(plan, context, number, { callerId, mode: 'match', when: w }), fileName),
    canMatch: summarize(lookup(plan, context, number, { callerId, mode: 'canmatch', when: w }), fileName),
    matchMore: summarize(lookup(plan, context, number, { callerId, mode: 'matchmore', when: w }), fileName),
  });
  if (when !== 'any') return at(when);
  const now = at(new Date());
  const open = at('open');
  const closed = at('closed');
  return JSON.stringify(open) === JSON.stringify(closed) ? now : { ...now, timed: { open, closed } };
}

export function runMatch(args: string[], io: CliIo): number {
  let number: string | undefined;
  let context: string | undefined;
  let dir = '.';
  let callerId: string | null = null;
  let when: When | 'any' = new Date();
  let outside = false;
  let json = false;
  let stdin = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => args[++i];
    if (a === '--context' || a === '--pbx' || a === '--caller-id' || a === '--at') {
      const v = value();
      if (v === undefined || (v === '' && a !== '--caller-id')) return usageError(io, 'match', `${a} needs a value`);
      if (a === '--context') context = v;
      else if (a === '--pbx') dir = v;
      else if (a === '--caller-id') callerId = v;
      else if (v === 'any') when = 'any';
      else {
        const d = new Date(v);
        if (Number.isNaN(d.getTime())) return usageError(io, 'match', `--at needs an ISO date and time (2026-11-22T09:30:00) or 'any', not '${v}'`);
        when = d;
      }
    } else if (a === '--json') json = true;
    else if (a === '--include-outside') outside = true;
    else if (a === '--stdin') stdin = true;
    else if (a.startsWith('-')) return usageError(io, 'match', `unknown option '${a}'`);
    else if (number === undefined) number = a;
    else return usageError(io, 'match', 'one NUMBER only');
  }
  if (!stdin && (number === undefined || context === undefined)) return usageError(io, 'match', 'match needs NUMBER and --context (or --stdin)');
  const pbx = path.resolve(io.cwd, dir).split(path.sep).join('/');
  if (!fs.existsSync(pbx)) return ioError(io, `no such folder: ${dir}`);
  if (!fs.statSync(pbx).isDirectory()) return ioError(io, `--pbx wants the folder holding extensions.conf, and ${dir} is a file`);
  const root = path.posix.join(pbx, 'extensions.conf');
  if (!fs.existsSync(root)) return ioError(io, `no extensions.conf in ${dir === '.' ? 'the current folder' : dir}`);
  const problem = notText(root);
  if (problem) return ioError(io, `${path.posix.relative(path.resolve(io.cwd).split(path.sep).join('/'), root)} ${problem}`);
  const ws = new Workspace(new DiskFileHost());
  ws.addFolder(pbx);
  ws.configure({ includeOutsideWorkspace: outside });
  const plan = buildDialplan(ws.load(root));
  if (plan.newMatcher) io.err('pbx-interconnect: note: [general] sets extenpatternmatchnew=yes; Asterisk then uses its other matcher, whose choice between overlapping patterns may differ from these answers.\n');
  const fileName = (f: string): string => path.posix.relative(pbx, f);
  if (stdin) {
    const lines = fs.readFileSync(0, 'utf8').split('\n');
    // one output line per question; a malformed line gets an error object and the rest are still answered (exit 2)
    let malformed = false;
    lines.forEach((line, i) => {
      const words = line.trim().split(/\s+/);
      const [n, c, cid] = words;
      if (!n) return;
      if (!c || words.length > 3) {
        malformed = true;
        io.out(JSON.stringify({ line: i + 1, error: `a line needs NUMBER CONTEXT [CALLERID] (${words.length} word${words.length > 1 ? 's' : ''} here)` }) + '\n');
        return;
      }
      io.out(JSON.stringify(answer(plan, n, c, cid ?? null, when, fileName)) + '\n');
    });
    if (malformed) io.err('pbx-interconnect: some lines of stdin were not NUMBER CONTEXT [CALLERID]: their output lines are {"line": N, "error": ...}\n');
    return malformed ? 2 : 0;
  }
  const a = answer(plan, number!, context!, callerId, when, fileName);
  if (json) io.out(JSON.stringify(a, null, 2) + '\n');
  else io.out(describe(number!, context!, a));
  return a.expect.result === 'match' ? 0 : 1;
}

function describe(number: string, context: string, a: Answer): string {
  const one = (s: MatchSummary): string =>
    s.result === 'match' ? `${s.extension}${s.callerIdPattern !== undefined ? `/${s.callerIdPattern}` : ''} in ${s.foundIn} (${s.file}:${s.line})` : s.result;
  const lines = [`${number} dialed in ${context}: ${one(a.expect)}`, `  could still match (overlap dialing): ${one(a.canMatch)}`, `  could match a longer number: ${one(a.matchMore)}`];
  if (a.timed) lines.push(`  with the timed includes open: ${one(a.timed.open.expect)}; closed: ${one(a.timed.closed.expect)}`);
  return lines.join('\n') + '\n';
}
