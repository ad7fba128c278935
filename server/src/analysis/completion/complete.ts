// Completion from the cursor's place (where.ts) and the model: contexts where a context goes, peers and endpoints in
// Dial devices, the options of an application (options.ts), applications with their parameters and dialplan
// functions (without what the dialplan's Asterisk version removed, deprecated ones marked), variables, the keys of
// each sip.conf/pjsip.conf section type with their allowed values, templates, and pattern snippets. Signature help
// is signature.ts.
import * as path from 'node:path';
import { APPLICATIONS } from '../../docs/applications';
import type { CallableDoc } from '../../docs/applications';
import { FUNCTIONS } from '../../docs/functions';
import type { ConfFile } from '../../docs/keys';
import { keyDoc, keysFor } from '../../docs/keys';
import { callableMarkdown, keyMarkdown } from '../../docs/markdown';
import type { Pbx } from '../../model/pbx';
import { pbxOfFile, pbxsOf } from '../../model/pbx';
import { objectsOf } from '../../model/pjsip';
import type { Workspace } from '../../model/workspace';
import { isDialplanFileName } from '../../model/workspace';
import type { Section } from '../../parser/ast';
import { appOptions } from '../appOptions';
import { explainPattern } from '../explainPattern';
import type { VersionOf } from '../versionNote';
import { UNCHOSEN, versionNote, versionStatus } from '../versionNote';
import { optionSuggestions } from './options';
import type { Where } from './where';
import { restOf, whereInConf, whereInDialplan } from './where';

export interface Suggestion {
  label: string;
  kind: 'keyword' | 'context' | 'label' | 'peer' | 'endpoint' | 'application' | 'function' | 'variable' | 'key' | 'value' | 'template' | 'snippet' | 'option';
  /** One line; may hold Markdown code marks, which the LSP layer drops (editors show it as plain text). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** A snippet (`$1` placeholders) to insert instead of the label. */
  snippet?: string;
  /** How many characters before the cursor it replaces. */
  replace: number;
  /** The Asterisk version of the dialplan deprecates it (editors strike it through). */
  deprecated?: boolean;
}

const DIALPLAN_KEYS: Suggestion[] = [
  { label: 'exten', kind: 'snippet', snippet: 'exten => ${1:_X.},1,${2:NoOp}(${3})', detail: 'exten => extension,priority,Application(args)', replace: 0 },
  { label: 'same', kind: 'snippet', snippet: 'same => n,${1:NoOp}(${2})', detail: 'same => n,Application(args): the next priority of the extension above', replace: 0 },
  { label: 'include', kind: 'snippet', snippet: 'include => ${1:context}', detail: 'search another context after this one', replace: 0 },
  { label: 'ignorepat', kind: 'snippet', snippet: 'ignorepat => ${1:9}', detail: 'keep dial tone after this prefix', replace: 0 },
  { label: 'switch', kind: 'snippet', snippet: 'switch => ${1:Realtime}/${2:context@family}', detail: 'look extensions up elsewhere', replace: 0 },
];

const PATTERNS = ['_X.', '_NXXNXXXXXX', '_1NXXNXXXXXX', '_XXX', '_XXXX', '_[2-9]XX', '_0.', '_00.', '_+X.', '_**99.', '_9.', 's', 'h', 'i', 't'];
const SPECIAL: Record<string, string> = { s: 'the start extension (calls arriving without a number)', h: 'runs after the call hangs up', i: 'catches a jump to an extension that does not exist', t: 'runs when the caller does not dial in time' };
const CHANNEL_VARIABLES = ['EXTEN', 'CONTEXT', 'PRIORITY', 'CALLERID(num)', 'CALLERID(name)', 'CALLERID(all)', 'DIALSTATUS', 'HANGUPCAUSE', 'CHANNEL', 'UNIQUEID', 'DIALEDPEERNUMBER', 'ANSWEREDTIME', 'DIALEDTIME', 'BLINDTRANSFER', 'ARG1', 'ARG2', 'MACRO_EXTEN', 'MACRO_CONTEXT', 'EPOCH'];
const CODECS = ['all', 'ulaw', 'alaw', 'gsm', 'g722', 'g729', 'g726', 'opus', 'ilbc', 'speex', 'slin', 'h264', 'h263', 'vp8', 'vp9'];
const TECHS = ['SIP/', 'PJSIP/', 'IAX2/', 'Local/', 'DAHDI/'];
const GOTO_APPS = new Set(['goto', 'gosub', 'gotoif', 'gosubif', 'gotoiftime', 'execif']);

/** Which documented file a config file is, and the type of the section the cursor is in. */
export function confKind(workspace: Workspace, file: string, section: Section | null): { file: ConfFile; type: string } | null {
  const base = path.posix.basename(file);
  const name = section?.name.text.toLowerCase() ?? '';
  const typeOf = (): string | undefined => {
    if (!section) return undefined;
    const root = workspace.roots(file)[0] ?? file;
    const category = workspace.load(root).categories.find((c) => c.section === section);
    const vars = category?.variables ?? [];
    return vars.find((v) => v.assignment.key.text.toLowerCase() === 'type')?.assignment.value.text.trim().toLowerCase();
  };
  if (isDialplanFileName(file)) return name === 'general' ? { file: 'extensions.conf', type: 'general' } : null;
  if (/^sip.*\.conf$/.test(base) || /^iax.*\.conf$/.test(base)) {
    const conf: ConfFile = base.startsWith('sip') ? 'sip.conf' : 'iax.conf';
    return { file: conf, type: name === 'general' ? 'general' : (typeOf() ?? 'peer') };
  }
  if (base === 'pjsip_wizard.conf') return { file: 'pjsip.conf', type: 'wizard' };
  if (/^pjsip.*\.conf$/.test(base)) return { file: 'pjsip.conf', type: typeOf() ?? '' };
  return null;
}

/** The offsets of the cursor's line in the file: what is written on it does not count as already there. */
export interface LineSpan {
  start: number;
  end: number;
}

/** The suggestions at the end of `line` (the cursor's line up to the cursor); `after` is the rest of the line. */
export function complete(workspace: Workspace, file: string, line: string, section: Section | null, span?: LineSpan, after = ''): Suggestion[] {
  const inDialplan = isDialplanFileName(file) && section?.name.text.toLowerCase() !== 'general' && section?.name.text.toLowerCase() !== 'globals';
  const where = inDialplan ? whereInDialplan(line) : whereInConf(line, section);
  if (!where) return [];
  const pbx = pbxOfFile(pbxsOf(workspace), file);
  return suggestions(workspace, file, pbx, where, section, span, after);
}

/** Applications or functions for a version: without what it removed, deprecated ones marked, with its note. */
function callables(docs: readonly CallableDoc[], kind: 'application' | 'function', version: VersionOf, prefix: string): Suggestion[] {
  return docs.flatMap((d) => {
    const status = versionStatus(kind, d.name, version);
    if (status?.status === 'removed') return [];
    const documentation = callableMarkdown(d, kind, versionNote(kind, d.name, version));
    return [{ label: d.name, kind, detail: d.summary, documentation, snippet: `${d.name}(\${1})`, replace: prefix.length, ...(status ? { deprecated: true } : {}) }];
  });
}

function contexts(workspace: Workspace, file: string, pbx: Pbx | undefined, prefix: string, strip = ''): Suggestion[] {
  const plan = pbx?.dialplan ?? workspace.dialplanFor(file);
  return [...(plan?.contexts.keys() ?? [])]
    .filter((c) => c.startsWith(strip))
    .map((c) => ({ label: c.slice(strip.length), kind: 'context' as const, detail: `context on ${pbx?.name ?? 'this PBX'}`, replace: prefix.length }));
}

/**
 * The contexts an `include =>` on the cursor's line may still name: neither the context itself nor one it already
 * includes (on another line; Asterisk compares includes without case and ignores a second one).
 */
function includable(workspace: Workspace, file: string, pbx: Pbx | undefined, prefix: string, section: Section | null, span: LineSpan | undefined): Suggestion[] {
  const plan = pbx?.dialplan ?? workspace.dialplanFor(file);
  const here = section ? plan?.contexts.get(section.name.text) : undefined;
  const onThisLine = (start: number, at: string): boolean => span !== undefined && at === file && start >= span.start && start < span.end;
  const included = new Set((here?.includes ?? []).filter((i) => !onThisLine(i.line.start, i.file)).map((i) => i.context.toLowerCase()));
  return contexts(workspace, file, pbx, prefix).filter((c) => c.label !== section?.name.text && !included.has(c.label.toLowerCase()));
}

function suggestions(workspace: Workspace, file: string, pbx: Pbx | undefined, where: Where, section: Section | null, span: LineSpan | undefined, after: string): Suggestion[] {
  switch (where.kind) {
    case 'dialplan-key':
      return DIALPLAN_KEYS.map((k) => ({ ...k, replace: where.prefix.length }));
    case 'include':
      return includable(workspace, file, pbx, where.prefix, section, span);
    case 'pattern':
      return PATTERNS.map((p) => ({ label: p, kind: 'snippet', detail: SPECIAL[p] ?? explainPattern(p).summary, replace: where.prefix.length }));
    case 'application':
      return callables(APPLICATIONS, 'application', pbx?.dialplan ?? workspace.dialplanFor(file) ?? UNCHOSEN, where.prefix);
    case 'variable':
      return [
        ...[...(pbx?.dialplan?.globals.keys() ?? workspace.dialplanFor(file)?.globals.keys() ?? [])].map((g) => ({ label: g, kind: 'variable' as const, detail: '[globals]', replace: where.prefix.length })),
        ...CHANNEL_VARIABLES.map((v) => ({ label: v, kind: 'variable' as const, detail: 'channel variable', replace: where.prefix.length })),
        ...callables(FUNCTIONS, 'function', pbx?.dialplan ?? workspace.dialplanFor(file) ?? UNCHOSEN, where.prefix),
      ];
    case 'argument':
      return argument(workspace, file, pbx, where, section, after);
    case 'template': {
      const root = workspace.roots(file)[0] ?? file;
      return workspace
        .load(root)
        .categories.filter((c) => c.template)
        .map((c) => ({ label: c.name, kind: 'template' as const, detail: `template in ${path.posix.basename(c.file)}`, replace: where.prefix.length }));
    }
    case 'conf-key': {
      const kind = confKind(workspace, file, section);
      if (!kind) return [];
      if (kind.file === 'pjsip.conf' && kind.type === '') {
        return [{ label: 'type', kind: 'key', detail: 'what this section is: endpoint, aor, auth, transport, registration, identify...', snippet: 'type=${1}', replace: where.prefix.length }];
      }
      return keysFor(kind.file, kind.type).map((k) => ({ label: k.key, kind: 'key' as const, detail: k.summary, documentation: keyMarkdown(k, kind.file, kind.type), snippet: `${k.key}=`, replace: where.prefix.length }));
    }
    case 'conf-value':
      return values(workspace, file, pbx, where.key, where.prefix, section);
  }
}

function argument(workspace: Workspace, file: string, pbx: Pbx | undefined, where: Extract<Where, { kind: 'argument' }>, section: Section | null, after: string): Suggestion[] {
  const app = where.app.toLowerCase();
  if ((app === 'dial' || app === 'queue') && where.index === 0) {
    const device = where.text.split('&').pop()!;
    const m = /^(SIP|PJSIP|IAX2|Local)\/(?:([^@/]*)@)?([^/@]*)$/i.exec(device);
    if (!m) return /^[A-Za-z0-9]*$/.test(device) ? TECHS.map((t) => ({ label: t, kind: 'keyword' as const, detail: 'channel technology', replace: device.length })) : [];
    const tech = m[1].toUpperCase();
    if (tech === 'LOCAL') return m[2] !== undefined ? contexts(workspace, file, pbx, m[3]) : [];
    if (tech === 'SIP') return [...(pbx?.sip?.peers.values() ?? [])].map((p) => ({ label: p.name, kind: 'peer' as const, detail: `${p.type} → context ${p.context.name}`, replace: m[3].length }));
    if (tech === 'IAX2') return [...(pbx?.iax?.peers.values() ?? [])].map((p) => ({ label: p.name, kind: 'peer' as const, detail: `IAX2 ${p.type}${p.host ? ` at ${p.host.text}` : ''}`, replace: m[3].length }));
    return (pbx?.pjsip ? objectsOf(pbx.pjsip, 'endpoint') : []).map((e) => ({ label: e.id, kind: 'endpoint' as const, detail: 'pjsip endpoint', replace: m[3].length }));
  }
  const options = appOptions(where.app);
  if (options && where.index === options.argument) return optionSuggestions(options, where.text, restOf(where.args, after).argument);
  if (app === 'macro' && where.index === 0) return contexts(workspace, file, pbx, where.prefix, 'macro-');
  if (GOTO_APPS.has(app)) {
    // a context, or a label of this context
    const plan = pbx?.dialplan ?? workspace.dialplanFor(file);
    const here = section ? plan?.contexts.get(section.name.text) : undefined;
    const labels = new Set<string>();
    for (const e of here?.extensions ?? []) for (const l of e.labels.keys()) labels.add(l);
    return [...contexts(workspace, file, pbx, where.prefix), ...[...labels].map((l) => ({ label: l, kind: 'label' as const, detail: `label in ${section?.name.text}`, replace: where.prefix.length }))];
  }
  return [];
}

function values(workspace: Workspace, file: string, pbx: Pbx | undefined, key: string, prefix: string, section: Section | null): Suggestion[] {
  const kind = confKind(workspace, file, section);
  if (!kind) return [];
  const doc = keyDoc(kind.file, key, kind.type);
  const replace = prefix.length;
  if (key === 'allow' || key === 'disallow') return CODECS.map((c) => ({ label: c, kind: 'value' as const, detail: 'codec', replace }));
  if (doc?.kind === 'context' || key === 'context') return contexts(workspace, file, pbx, prefix);
  if (doc?.kind === 'object' && doc.refers && pbx?.pjsip) {
    return objectsOf(pbx.pjsip, doc.refers).map((o) => ({ label: o.id, kind: 'value' as const, detail: `${doc.refers} in ${path.posix.basename(o.file)}`, replace }));
  }
  return (doc?.values ?? []).map((v) => ({ label: v.value, kind: 'value' as const, detail: v.doc, replace }));
}
