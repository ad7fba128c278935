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
import type { Origin, OriginKind, SimulateDialResult } from '../protocol';
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
  let json = false;
  const options: Partial<SimulateOptions> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--from' || a === '--pbx' || a === '--caller-id' || a === '--at') {
      const v = args[++i];
      if (v === undefined || (v === '' && a !== '--caller-id')) return usageError(io, 'simulate', `${a} needs a value`);
      if (a === '--from') {
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
    else if (a.startsWith('-') && !/^-[0-9*#]/.test(a)) return usageError(io, 'simulate', `unknown option '${a}'`);
    else if (number === undefined) number = a;
    else return usageError(io, 'simulate', 'one NUMBER only');
  }
  if (number === undefined || !from) return usageError(io, 'simulate', 'simulate needs NUMBER and --from');
  if (!/^[0-9A-Za-z*#+_-]+$/.test(number)) return usageError(io, 'simulate', `'${number}' is not a number a phone can dial`);
  if (dirs.length === 0) dirs.push('.');
  const workspace = new Workspace(new DiskFileHost());
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
  const result = simulate(workspace, { ...options, number, from });
  const dirOf = new Map(pbxsOf(workspace).map((p) => [p.name, p.dir]));
  const relative = (pbx: string, file: string | undefined): string | undefined => (file === undefined ? undefined : path.posix.relative(dirOf.get(pbx) ?? io.cwd, file));
  if (json) io.out(JSON.stringify(toJson(result, relative), null, 2) + '\n');
  else io.out(describe(result, relative));
  return FAILED.includes(result.outcome.kind) ? 1 : 0;
}

type Relative = (pbx: string, file: string | undefined) => string | undefined;

/** The documented JSON shape (README): hops and outcome with exactly these fields, files relative to their PBX. */
export function toJson(r: SimulateDialResult, relative: Relative): unknown {
  return {
    number: r.number,
    from: r.from,
    match: r.match.file === undefined ? r.match : { ...r.match, file: relative(r.from.pbx, r.match.file) },
    hops: r.hops.map((h) => ({ pbx: h.pbx, context: h.context, extension: h.extension, priority: h.priority, file: relative(h.pbx, h.file), line: h.line, app: h.app, data: h.data })),
    outcome: { kind: r.outcome.kind, pbx: r.outcome.pbx, context: r.outcome.context, extension: r.outcome.extension, sipStatus: r.outcome.sipStatus, reason: r.outcome.reason },
  };
}

function describe(r: SimulateDialResult, relative: Relative): string {
  const start = r.from.context ? `${r.number} dialed in '${r.from.context}' on ${r.from.pbx}` : r.from.pbx ? `${r.number} routed by ${r.from.pbx}` : `${r.number}: the call does not start`;
  const lines = [start];
  r.hops.forEach((h, i) => {
    const match = h.match !== undefined ? r.matches[h.match] : undefined;
    if (match) lines.push(`  lookup on ${match.pbx}: ${match.number} in '${match.context}': ${match.why}`);
    const place = h.file ? `  (${relative(h.pbx, h.file)}:${h.line})` : '';
    lines.push(`  ${String(i + 1).padStart(2)}. ${h.pbx} ${h.context} ${h.extension},${h.priority} ${h.app}(${h.data})${place}${h.note ? `\n      ${h.note}` : ''}`);
  });
  for (const w of r.rewrites) lines.push(`  number: ${w.from} -> ${w.to} (${w.how})`);
  for (const n of r.notes) lines.push(`  note: ${n}`);
  const o = r.outcome;
  const where = [o.extension, o.context].filter(Boolean).join('@');
  lines.push(`Outcome: ${o.kind}${o.sipStatus ? ` (SIP ${o.sipStatus})` : ''}${where ? ` ${where}` : ''}${o.pbx ? ` on ${o.pbx}` : ''}: ${o.reason}`);
  return lines.join('\n') + '\n';
}
