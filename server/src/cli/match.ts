// `pbx-interconnect match`: which extension a number reaches, as Asterisk's pbx_find_extension decides.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dialplan } from '../model/dialplan';
import { buildDialplan } from '../model/dialplan';
import { DiskFileHost } from '../model/fileHost';
import type { MatchSummary, When } from '../model/matcher';
import { lookup, summarize } from '../model/matcher';
import { Workspace } from '../model/workspace';
import type { CliIo } from './run';

export const MATCH_USAGE = `Usage:
  pbx-interconnect match NUMBER --context CTX [--pbx DIR] [--caller-id CID] [--at ISO-TIME|any] [--json]
  pbx-interconnect match --stdin [--pbx DIR] [--at ISO-TIME|any]      (lines: NUMBER CONTEXT [CALLERID])

  --pbx DIR    the folder holding extensions.conf (default: the current folder)
  --at         when timed includes are evaluated (default: now); 'any' also reports what changes when they open
Prints {"expect", "canMatch", "matchMore"} as ../shared/conformance/dialplan-match/cases.json writes them, with
"file" (relative to DIR) on every match. Exit status: 0 when the number reaches an extension, 1 when it does not,
2 on a usage or I/O error.
`;

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
  let json = false;
  let stdin = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => args[++i];
    if (a === '--context') context = value();
    else if (a === '--pbx') dir = value() ?? '';
    else if (a === '--caller-id') callerId = value() ?? null;
    else if (a === '--at') {
      const v = value();
      if (v === 'any') when = 'any';
      else {
        const d = new Date(v ?? '');
        if (Number.isNaN(d.getTime())) {
          io.err(`pbx-interconnect: --at needs an ISO date and time (2026-11-22T09:30:00) or 'any', not '${v}'\n`);
          return 2;
        }
        when = d;
      }
    } else if (a === '--json') json = true;
    else if (a === '--stdin') stdin = true;
    else if (a.startsWith('-')) {
      io.err(`pbx-interconnect: unknown option '${a}'\n${MATCH_USAGE}`);
      return 2;
    } else if (number === undefined) number = a;
    else {
      io.err(`pbx-interconnect: one NUMBER only\n${MATCH_USAGE}`);
      return 2;
    }
  }
  if (!stdin && (number === undefined || context === undefined)) {
    io.err(`pbx-interconnect: match needs NUMBER and --context (or --stdin)\n${MATCH_USAGE}`);
    return 2;
  }
  const pbx = path.resolve(io.cwd, dir).split(path.sep).join('/');
  const root = path.posix.join(pbx, 'extensions.conf');
  if (!fs.existsSync(root)) {
    io.err(`pbx-interconnect: no extensions.conf in ${dir}\n`);
    return 2;
  }
  const plan = buildDialplan(new Workspace(new DiskFileHost()).load(root));
  if (plan.newMatcher) io.err('pbx-interconnect: note: [general] sets extenpatternmatchnew=yes; Asterisk then uses its other matcher, whose choice between overlapping patterns may differ from these answers.\n');
  const fileName = (f: string): string => path.posix.relative(pbx, f);
  if (stdin) {
    const lines = fs.readFileSync(0, 'utf8').split('\n');
    for (const line of lines) {
      const [n, c, cid] = line.trim().split(/\s+/);
      if (!n) continue;
      if (!c) {
        io.err(`pbx-interconnect: a line needs NUMBER CONTEXT [CALLERID]: '${line}'\n`);
        return 2;
      }
      io.out(JSON.stringify(answer(plan, n, c, cid ?? null, when, fileName)) + '\n');
    }
    return 0;
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
