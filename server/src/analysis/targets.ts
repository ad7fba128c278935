// Where dialplan applications send the call: the targets of Goto, GotoIf, GotoIfTime, Gosub, GosubIf, Macro and
// Local/ channels in Dial and Queue, with their source ranges. Shared by checks, hovers and navigation.
import type { Priority } from '../model/dialplan';

export interface Target {
  kind: string;
  /** undefined: the current one. */
  context?: string;
  extension?: string;
  priority?: number;
  label?: string;
  /** Built at run time (`${...}`, `$[...]`): not checked. */
  dynamic: boolean;
  /** What happens on a real call when it is missing. */
  consequence: string;
  start: number;
  end: number;
  /** Source ranges of the context, extension and label as written (absent when not written, or not exact). */
  contextAt?: { start: number; end: number };
  extensionAt?: { start: number; end: number };
  labelAt?: { start: number; end: number };
  /** The context is written without this prefix (Macro(name) runs `macro-name`). */
  contextPrefix?: string;
}

const GOTO_FAILS = 'The call ends there (Goto fails and the channel hangs up).';

/** Splits at `sep` outside `${...}` and `$[...]`. */
export function splitTop(text: string, sep: string, limit = Infinity): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && (text[i + 1] === '{' || text[i + 1] === '[')) {
      depth++;
      i++;
    } else if ((c === '}' || c === ']') && depth > 0) depth--;
    else if (c === sep && depth === 0 && out.length < limit - 1) {
      out.push({ text: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  out.push({ text: text.slice(start), offset: start });
  return out;
}

/** A `[[context,]extension,]priority` goto string (pbx_parseable_goto). */
function gotoString(kind: string, text: string, base: number, consequence: string, gosub = false): Target | null {
  if (text.trim() === '') return null;
  const parts = text.split(',', 3);
  // where each part starts in `text`
  const second = parts[0].length + 1;
  const third = second + (parts[1]?.length ?? 0) + 1;
  const range = (at: number, part: string): { start: number; end: number } => {
    const lead = part.length - part.trimStart().length;
    return { start: base + at + lead, end: base + at + lead + part.trim().length };
  };
  let context: string | undefined;
  let extension: string | undefined;
  let contextAt: Target['contextAt'];
  let extensionAt: Target['extensionAt'];
  let labelAt: Target['labelAt'];
  let pri: string;
  let priAt: number;
  if (parts.length === 1) {
    pri = parts[0];
    priAt = 0;
  } else if (parts.length === 2) {
    extension = parts[0] === '' ? undefined : parts[0];
    pri = parts[1];
    priAt = second;
    if (extension !== undefined) extensionAt = range(0, parts[0]);
  } else {
    context = parts[0] === '' ? undefined : parts[0];
    extension = parts[1] === '' ? undefined : parts[1];
    pri = parts[2];
    priAt = third;
    if (context !== undefined) contextAt = range(0, parts[0]);
    if (extension !== undefined) extensionAt = range(second, parts[1]);
  }
  if (gosub) pri = pri.replace(/\(.*$/, ''); // Gosub(ctx,ext,1(arg1,arg2))
  const lead = pri.length - pri.trimStart().length;
  pri = pri.trim().replace(/^[+-]/, '');
  const dynamic = /\$[{[]/.test(text);
  const number = /^\d+/.test(pri) ? parseInt(pri, 10) : undefined;
  if (number === undefined && pri !== '') labelAt = { start: base + priAt + lead, end: base + priAt + lead + pri.length };
  // every target has the same fields, in the same order (one object shape for the code that reads them)
  return { kind, context, extension, priority: number, label: number === undefined ? pri : undefined, dynamic, consequence, start: base, end: base + text.length, contextAt, extensionAt, labelAt, contextPrefix: undefined };
}

/** The jump targets of a dialplan line (computed once per line; moved with it when an edit above moves it). */
/** Most lines jump nowhere: they share this slot, which never needs moving. */
const NO_TARGETS: { at: number; list: Target[] } = Object.freeze({ at: -1, list: Object.freeze([]) as unknown as Target[] });

export function applicationTargets(p: Priority): Target[] {
  if (p.targets === NO_TARGETS) return NO_TARGETS.list;
  if (p.targets === null) {
    const list = computeTargets(p);
    p.targets = list.length === 0 ? NO_TARGETS : { at: dataStart(p), list };
    return list;
  }
  const at = dataStart(p);
  if (p.targets.at !== at) {
    const delta = at - p.targets.at;
    const move = (r: { start: number; end: number } | undefined): { start: number; end: number } | undefined => (r ? { start: r.start + delta, end: r.end + delta } : undefined);
    p.targets = { at, list: (p.targets.list as Target[]).map((t) => ({ ...t, start: t.start + delta, end: t.end + delta, contextAt: move(t.contextAt), extensionAt: move(t.extensionAt), labelAt: move(t.labelAt) })) };
  }
  return p.targets.list as Target[];
}

const dataStart = (p: Priority): number => p.statement.application?.data?.start ?? -1;

/** Places a target: where the data is one contiguous slice of the source, at its own place; otherwise the whole data. */
type Placer = (t: Target | null) => Target[];

/** What an application's data says about where the call goes, read from its text (`base`: its source offset). */
type Reader = (app: string, text: string, base: number, at: Placer) => Target[];

const gotoIfBranches: Reader = (app, text, base, at) => {
  const [, branches] = splitTop(text, '?', 2);
  if (!branches) return [];
  const gosub = app === 'gosubif';
  const name = app === 'gotoif' ? 'GotoIf' : app === 'gosubif' ? 'GosubIf' : 'GotoIfTime';
  return splitTop(branches.text, ':', 2).flatMap((b) => at(gotoString(name, b.text, base + branches.offset + b.offset, gosub ? 'The call ends there (GosubIf fails).' : 'The call ends there (a Goto to a missing label ends the call).', gosub)));
};

const macroCall: Reader = (_app, text, base, at) => {
  const name = splitTop(text, ',')[0].text.trim();
  if (name === '') return [];
  const lead = text.length - text.trimStart().length;
  const contextAt = { start: base + lead, end: base + lead + name.length };
  return at({ kind: 'Macro', context: `macro-${name}`, extension: 's', priority: 1, dynamic: /\$[{[]/.test(name), consequence: 'The Macro fails and the call hangs up.', start: base, end: base + name.length, contextAt, contextPrefix: 'macro-' });
};

const dialTargets: Reader = (app, text, base, at) => {
  // most Dial lines name devices only: without a Local/ channel or an M U F G option there is nothing to find
  if (!/local\//i.test(text) && !/[MUFG]\(/.test(text)) return [];
  const args = splitTop(text, ',');
  const first = args[0];
  const out: Target[] = [];
  // Dial options that run dialplan: M(macro^args), U(sub^args), F(ctx^exten^pri), G(ctx^exten^pri)
  const options = app === 'dial' ? args[2] : undefined;
  if (options) {
    const re = /([MUFG])\(([^)]*)\)/g;
    for (let m = re.exec(options.text); m; m = re.exec(options.text)) {
      const startAt = base + options.offset + m.index + 2;
      const spec = m[2].split('^');
      if (m[1] === 'M' || m[1] === 'U') {
        // M(macro^args) runs macro-<macro>; U(sub^args) runs Gosub(sub,s,1(args)) on the called channel
        const context = m[1] === 'M' ? `macro-${spec[0]}` : spec[0];
        const where = { start: startAt, end: startAt + spec[0].length };
        out.push(...at({ kind: `Dial option ${m[1]}()`, context, extension: 's', priority: 1, dynamic: /\$[{[]/.test(spec[0]), consequence: 'The answered call is hung up (the routine cannot run).', ...where, contextAt: where, ...(m[1] === 'M' ? { contextPrefix: 'macro-' } : {}) }));
      } else {
        const t = gotoString(`Dial option ${m[1]}()`, spec.join(','), startAt, 'The call does not go where this option sends it.');
        if (t) out.push(...at({ ...t, end: startAt + m[2].length }));
      }
    }
  }
  let offset = 0;
  for (const channel of first.text.split('&')) {
    const m = /^Local\/([^@/]*)@([^/]*)/i.exec(channel);
    if (m) {
      const ctxStart = base + offset + 'Local/'.length + m[1].length + 1;
      const local = { start: base + offset, end: base + offset + m[0].length, contextAt: { start: ctxStart, end: ctxStart + m[2].length }, extensionAt: { start: base + offset + 6, end: base + offset + 6 + m[1].length } };
      out.push(...at({ kind: 'Local channel', context: m[2], extension: m[1], priority: 1, dynamic: /\$[{[]/.test(m[0]), consequence: 'Dial cannot create the Local channel (no such extension).', ...local }));
    }
    offset += channel.length + 1;
  }
  return out;
};

/**
 * The applications that name where a call goes, each with what reads its data: any other line jumps nowhere (and
 * is not read at all: most lines of a large dialplan).
 */
const READERS = new Map<string, Reader>([
  ['goto', (_app, text, base, at) => at(gotoString('Goto', text, base, GOTO_FAILS))],
  ['gosub', (_app, text, base, at) => at(gotoString('Gosub', text, base, 'The call ends there (Gosub fails).', true))],
  ['gotoif', gotoIfBranches],
  ['gosubif', gotoIfBranches],
  ['gotoiftime', gotoIfBranches],
  ['macro', macroCall],
  ['macroexclusive', macroCall],
  ['dial', dialTargets],
  ['queue', dialTargets],
]);

function computeTargets(p: Priority): Target[] {
  const app = p.app.toLowerCase();
  const read = READERS.get(app);
  if (read === undefined) return [];
  const data = p.statement.application?.data;
  if (!data) return [];
  // the data is one contiguous slice of the source unless the line had `\;` or block comments
  const exact = data.end - data.start === data.text.length;
  const at: Placer = (t) => (t === null ? [] : [exact ? t : { ...t, start: data.start, end: data.end, contextAt: undefined, extensionAt: undefined, labelAt: undefined }]);
  return read(app, data.text, data.start, at);
}
