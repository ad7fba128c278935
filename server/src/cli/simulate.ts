// `pbx-interconnect simulate`: follows a dialed number through the dialplans, trunks and friends of the PBX
// folders given, as the editor's "Simulate Dial" command does (analysis/simulate).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SimulateOptions } from '../analysis/simulate/simulate';
import { originPbxs, simulate } from '../analysis/simulate/simulate';
import { DiskFileHost } from '../model/fileHost';
import { FRIENDS_FILE } from '../model/ivozprovider';
import { pbxsOf } from '../model/pbx';
import { ROOT_FILES, Workspace } from '../model/workspace';
import type { DialStatus, Origin, OriginKind, SimulateDialResult } from '../protocol';
import { DIAL_STATUSES } from '../protocol';
import type { CliIo } from './run';
import { ioError, usageError } from './usage';

/** The files that make a folder a PBX (model/pbx.ts). */
const PBX_FILES = [...ROOT_FILES, FRIENDS_FILE];
const KINDS: OriginKind[] = ['context', 'peer', 'endpoint', 'user', 'friend'];
const FAILED = ['no-extension', 'no-context', 'no-priority', 'rejected'];

/** `ctx`, `PBX:ctx`, `peer:NAME`, `PBX:peer:NAME`. */
export function parseOrigin(text: string): Origin | null {
  const parts = text.split(':');
  const k = parts.findIndex((p, i) => i < parts.length - 1 && KINDS.includes(p as OriginKind));
  if (k >= 0) {
    const name = parts.slice(k + 1).join(':');
    const pbx = parts.slice(0, k).join(':');
    if (name === '' || k > 1) return null;
    return { ...(pbx ? { pbx } : {}), kind: parts[k] as OriginKind, name };
  }
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  return parts.length === 2 ? { pbx: parts[0], kind: 'context', name: parts[1] } : { kind: 'context', name: parts[0] };
}

export function runSimulate(args: string[], io: CliIo): number {
  const dirs: string[] = [];
  let number: string | undefined;
  let from: Origin | null = null;
  let outside = false;
  let json = false;
  const options: Partial<SimulateOptions> = {};
  const inputs: NonNullable<SimulateOptions['inputs']> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (['--from', '--pbx', '--caller-id', '--at', '--set', '--dial-status', '--digits'].includes(a)) {
      const v = args[++i];
      if (v === undefined || (v === '' && a !== '--caller-id' && a !== '--digits')) return usageError(io, 'simulate', `${a} needs a value`);
      if (a === '--set') {
        const eq = v.indexOf('=');
        if (eq <= 0) return usageError(io, 'simulate', `--set needs VAR=VALUE, not '${v}'`);
        (inputs.set ??= {})[v.slice(0, eq)] = v.slice(eq + 1);
      } else if (a === '--dial-status') {
        for (const status of v.split(',').map((x) => x.trim().toUpperCase())) {
          if (!(DIAL_STATUSES as readonly string[]).includes(status)) return usageError(io, 'simulate', `--dial-status takes ${DIAL_STATUSES.join(', ')}, not '${status}'`);
          (inputs.dialStatus ??= []).push(status as DialStatus);
        }
      } else if (a === '--digits') {
        for (const keys of v.split(',')) {
          if (!/^[0-9A-D*#]*$/i.test(keys)) return usageError(io, 'simulate', `--digits takes keys 0-9, *, #, A-D separated by commas, not '${keys}'`);
          (inputs.digits ??= []).push(keys.toUpperCase());
        }
      } else if (a === '--from') {
        from = parseOrigin(v);
        if (!from) return usageError(io, 'simulate', `--from needs [PBX:]CONTEXT or [PBX:]KIND:NAME (kinds: ${KINDS.slice(1).join(', ')}), not '${v}'`);
      } else if (a === '--pbx') dirs.push(v);
      else if (a === '--caller-id') options.callerId = v;
      else {
        const d = new Date(v);
        if (Number.isNaN(d.getTime())) return usageError(io, 'simulate', `--at needs an ISO date and time (2026-11-22T09:30:00), not '${v}'`);
        options.when = d;
      }
    } else if (a === '--json') json = true;
    else if (a === '--include-outside') outside = true;
    else if (a === '--all-paths') options.allPaths = true;
    else if (a.startsWith('-') && !/^-[0-9*#]/.test(a)) return usageError(io, 'simulate', `unknown option '${a}'`);
    else if (number === undefined) number = a;
    else return usageError(io, 'simulate', 'one NUMBER only');
  }
  if (number === undefined || !from) return usageError(io, 'simulate', 'simulate needs NUMBER and --from');
  if (!/^[0-9A-Za-z*#+_-]+$/.test(number)) return usageError(io, 'simulate', `'${number}' is not a number a phone can dial`);
  if (dirs.length === 0) dirs.push('.');
  const workspace = new Workspace(new DiskFileHost());
  workspace.configure({ includeOutsideWorkspace: outside });
  for (const d of dirs) {
    const dir = path.resolve(io.cwd, d).split(path.sep).join('/');
    if (!fs.existsSync(dir)) return ioError(io, `no such folder: ${d}`);
    if (!fs.statSync(dir).isDirectory()) return ioError(io, `--pbx wants a PBX folder or a folder of PBX folders, and ${d} is a file`);
    const found = workspace.scan(dir, 100000);
    if (!found.some((f) => PBX_FILES.includes(path.posix.basename(f)))) return ioError(io, `no PBX in ${d === '.' ? 'the current folder' : d}: no folder under it holds extensions.conf, sip.conf, pjsip.conf or ivozprovider.conf`);
  }
  const pbxNames = pbxsOf(workspace).map((p) => p.name);
  if (from.pbx !== undefined && !pbxNames.includes(from.pbx)) return usageError(io, 'simulate', `--from names PBX '${from.pbx}', which is not among the PBXs given: ${pbxNames.join(', ')}`);
  const have = originPbxs(workspace, from);
  if (from.pbx === undefined && have.length > 1) {
    const name = from.kind === 'context' ? from.name : `${from.kind}:${from.name}`;
    return usageError(io, 'simulate', `${have.length} PBXs have ${from.kind === 'context' ? 'context' : from.kind} '${from.name}'; say which one the call starts on: ${have.map((p) => `--from ${p}:${name}`).join(', ')}`);
  }
  const result = simulate(workspace, { ...options, inputs, number, from });
  const dirOf = new Map(pbxsOf(workspace).map((p) => [p.name, p.dir]));
  const relative = (pbx: string, file: string | undefined): string | undefined => (file === undefined ? undefined : path.posix.relative(dirOf.get(pbx) ?? io.cwd, file));
  if (json) io.out(JSON.stringify(toJson(result, relative), null, 2) + '\n');
  else io.out(describe(result, relative));
  return FAILED.includes(result.outcome.kind) ? 1 : 0;
}

type Relative = (pbx: string, file: string | undefined) => string | undefined;

/** The documented JSON shape (README): files relative to their PBX folder. */
export function toJson(r: SimulateDialResult, relative: Relative): unknown {
  const place = <T extends { file?: string }>(pbx: string, x: T): T => (x.file === undefined ? x : { ...x, file: relative(pbx, x.file) });
  return {
    number: r.number,
    from: r.from,
    match: r.match.file === undefined ? r.match : { ...r.match, file: relative(r.from.pbx, r.match.file) },
    hops: r.hops.map((h) => ({
      pbx: h.pbx,
      channel: h.channel,
      context: h.context,
      exten: h.exten,
      extension: h.extension,
      ...(h.callerIdPattern !== undefined ? { callerIdPattern: h.callerIdPattern } : {}),
      priority: h.priority,
      file: relative(h.pbx, h.file),
      line: h.line,
      app: h.app,
      data: h.data,
      ...(h.phase ? { phase: h.phase } : {}),
      ...(h.assumptions ? { assumptions: h.assumptions } : {}),
    })),
    end: r.end,
    ...(r.hStart !== undefined ? { hStart: r.hStart } : {}),
    assumptions: r.assumptions,
    outcome: place(r.outcome.pbx, { kind: r.outcome.kind, pbx: r.outcome.pbx, context: r.outcome.context, extension: r.outcome.extension, sipStatus: r.outcome.sipStatus, reason: r.outcome.reason, ...(r.outcome.file !== undefined ? { file: r.outcome.file, line: r.outcome.line } : {}) }),
    log: r.log,
    ...(r.paths
      ? {
          paths: r.paths.map((p) => ({ ...p, outcome: place(p.outcome.pbx, { ...p.outcome }), assumptions: p.assumptions.map((a) => ({ ...a, hop: a.hop && { ...a.hop, file: relative(a.hop.pbx, a.hop.file) } })) })),
          pathsCut: r.pathsCut === true,
        }
      : {}),
  };
}

function describe(r: SimulateDialResult, relative: Relative): string {
  const start = r.from.context ? `${r.number} dialed in '${r.from.context}' on ${r.from.pbx}` : r.from.pbx ? `${r.number} routed by ${r.from.pbx}` : `${r.number}: the call does not start`;
  const lines = [start];
  r.hops.forEach((h, i) => {
    const match = h.match !== undefined ? r.matches[h.match] : undefined;
    if (match) lines.push(`  lookup on ${match.pbx}: ${match.number} in '${match.context}': ${match.why}`);
    if (i === r.hStart) lines.push('  the call has ended: the h extension runs');
    const place = h.file ? `  (${relative(h.pbx, h.file)}:${h.line})` : '';
    const assumed = (h.assumptions ?? []).map((a) => `\n      assumed: ${r.assumptions[a].what} = ${r.assumptions[a].value}${r.assumptions[a].source === 'input' ? ' (given)' : ''}`).join('');
    lines.push(`  ${String(i + 1).padStart(2)}. ${h.pbx} ${h.context} ${h.exten},${h.priority} ${h.app}(${h.data})${h.phase === 'h' ? ' [h]' : ''}${place}${h.note ? `\n      ${h.note}` : ''}${assumed}`);
  });
  for (const w of r.rewrites) lines.push(`  number: ${w.from} -> ${w.to} (${w.how})`);
  for (const l of r.log) if (l.level === 'WARNING' || l.level === 'ERROR') lines.push(`  Asterisk logs ${l.level}: ${l.message.split('\n')[0]}`);
  for (const n of r.notes) lines.push(`  note: ${n}`);
  const o = r.outcome;
  const where = [o.extension, o.context].filter(Boolean).join('@');
  lines.push(`Outcome: ${o.kind}${o.sipStatus ? ` (SIP ${o.sipStatus})` : ''}${where ? ` ${where}` : ''}${o.pbx ? ` on ${o.pbx}` : ''}: ${o.reason}`);
  if (r.paths) {
    lines.push(`All outcomes (${r.paths.reduce((n, p) => n + p.paths, 0)} paths${r.pathsCut ? ', cut at 256: there are more' : ''}):`);
    for (const p of r.paths) {
      const at = p.outcome.file ? ` at ${relative(p.outcome.pbx, p.outcome.file)}:${p.outcome.line}` : '';
      const why = p.assumptions.filter((a) => a.value !== '').map((a) => `${a.what} = ${a.values.join(' or ')}`).join('; ');
      lines.push(`  - ${p.outcome.kind}${p.outcome.sipStatus ? ` ${p.outcome.sipStatus}` : ''} ${[p.outcome.extension, p.outcome.context].filter(Boolean).join('@')} on ${p.outcome.pbx}${at} (${p.paths} path${p.paths > 1 ? 's' : ''})${why ? `: when ${why}` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}
