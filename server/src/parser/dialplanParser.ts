// Dialplan statements (the values of exten/same/include/switch in extensions.conf) and patterns, on the Peggy
// grammars grammars/dialplan.peggy and grammars/pattern.peggy. Offsets in the results are source offsets.
import * as dialplanGrammar from './generated/dialplan';
import * as patternGrammar from './generated/pattern';
import type { Assignment, Span } from './ast';
import { interned, valueOffset } from './configParser';

export type PriorityKind = 'number' | 'next' | 'same' | 'hint' | 'label';

export interface PriorityNode {
  start: number;
  end: number;
  text: string;
  kind: PriorityKind;
  /** The priority without label and offset: `1`, `n`, `hint`, or a label name. */
  value: Span;
  number: number | null;
  /** `1(label)`, `n(label)`. */
  label: Span | null;
  labelClosed: boolean;
  /** `n+2`, `label+1`. */
  offset: Span | null;
}

export interface ApplicationNode {
  start: number;
  end: number;
  name: Span;
  /** Text between the first `(` and the last `)`; null when there are no parentheses. */
  data: Span | null;
  /** False when a `(` has no `)` after it (Asterisk warns and takes the data to the end). */
  closed: boolean;
}

export interface ExtensionStatement {
  kind: 'exten' | 'same';
  /** The `exten`/`same` line. */
  statement: Assignment;
  /** Extension name as written (null for `same`). */
  extension: (Span & { unclosedBracket: boolean }) | null;
  callerId: Span | null;
  priority: PriorityNode | null;
  application: ApplicationNode | null;
  /** Set by the dialplan model: the priority this line registered in the newest dialplan built from it. */
  registered?: unknown;
}

export interface IncludeStatement {
  statement: Assignment;
  context: Span;
  times: Span[] | null;
}

type Raw = { text: string; start: number; end: number };

function mapSpan(a: Assignment, raw: Raw): Span {
  return { text: raw.text, start: valueOffset(a, raw.start), end: raw.end === raw.start ? valueOffset(a, raw.start) : valueOffset(a, raw.end - 1) + 1 };
}

/**
 * `exten => ...` (kind 'exten') or `same => ...` (kind 'same'). Parsed once per line: the model, the checks and
 * the hovers share the result (a line's node is replaced when it is re-parsed, which drops the entry).
 */
export function parseExtensionStatement(a: Assignment, kind: 'exten' | 'same'): ExtensionStatement {
  const hit = a.parsedAt === a.start ? (a.parsed as ExtensionStatement) : undefined;
  if (hit !== undefined && hit.kind === kind) return hit;
  let st: ExtensionStatement;
  const text = a.value.text;
  if (a.valueMap === null && scanFast(text, kind)) {
    if (text.length <= PACKED_LENGTH) st = new CompactStatement(kind, a, scratch);
    else st = { kind, statement: a, extension: extensionNode(scratch, text, a.value.start), callerId: null, priority: priorityNode(scratch, text, a.value.start), application: applicationNode(scratch, text, a.value.start), registered: undefined };
  } else {
    const parts = fromGrammar(dialplanGrammar.parse(text, { startRule: kind === 'exten' ? 'ExtenValue' : 'SameValue' }), (raw) => mapSpan(a, raw));
    // every field written here, `registered` included, so that all statements share one compact shape (a field
    // added later, or a spread, moves the fields out of the object: more memory per line, issue 13)
    st = { kind, statement: a, extension: parts.extension, callerId: parts.callerId, priority: parts.priority, application: parts.application, registered: undefined };
  }
  a.parsed = st;
  a.parsedAt = a.start;
  return st;
}

type StatementParts = Omit<ExtensionStatement, 'kind' | 'statement'>;

/** The grammar's ExtenValue/SameValue result, with offsets mapped by `map`. */
export function fromGrammar(raw: any, map: (r: Raw) => Span): StatementParts {
  const ext = raw.extension;
  const pri = raw.priority;
  const app = raw.application;
  let priority: PriorityNode | null = null;
  if (pri) {
    const value = map(pri.value);
    priority = { start: value.start, end: map(pri).end, text: pri.text, kind: pri.kind, value, number: pri.number, label: pri.label ? map(pri.label) : null, labelClosed: pri.labelClosed, offset: pri.offset ? map(pri.offset) : null };
  }
  return {
    extension: ext ? { ...map(ext), unclosedBracket: ext.unclosedBracket } : null,
    callerId: ext?.callerId ? map(ext.callerId) : null,
    priority,
    application: app ? { start: map(app).start, end: map(app).end, name: map(app.name), data: app.data ? map(app.data) : null, closed: app.closed } : null,
  };
}

export function parseIncludeStatement(a: Assignment): IncludeStatement {
  const raw = includeValue(a.value.text);
  return { statement: a, context: mapSpan(a, raw.context), times: raw.times ? raw.times.map((t: Raw) => mapSpan(a, t)) : null };
}

/**
 * The grammar's IncludeValue (grammars/dialplan.peggy) without its per-character cost: the context up to the first
 * `,` or `|`, then the time fields, each stripped (a million includes in a chain, issue 13). test/unit/
 * dialplanGrammar.test.ts checks it against the grammar on generated values.
 */
export function includeValue(text: string): { context: Raw; times: Raw[] | null } {
  const fields: Raw[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c !== -1 && c !== 44 /* , */ && c !== 124 /* | */) continue;
    fields.push(strippedField(text.slice(from, i), from));
    from = i + 1;
  }
  return { context: fields[0], times: fields.length > 1 ? fields.slice(1) : null };
}

function strippedField(text: string, start: number): Raw {
  const lead = text.length - text.trimStart().length;
  const t = text.trim();
  return { text: t, start: start + lead, end: start + lead + t.length };
}

export interface ArgumentNode extends Span {
  /** `${...}` and `$[...]` inside the argument, outermost first, with their nested ones in `inner`. */
  expressions: ExpressionNode[];
}

export interface ExpressionNode extends Span {
  type: 'Substitution' | 'Expression';
  body: string;
  closed: boolean;
  inner: ExpressionNode[];
}

/** Splits application data into arguments as ast_app_separate_args does. Offsets are source offsets. */
export function parseArguments(a: Assignment, data: Span): ArgumentNode[] {
  const base = data.start;
  const text = data.text;
  const raw = dialplanGrammar.parse(text, { startRule: 'Arguments' }) as (Raw & { expressions: unknown[] })[];
  // data is a contiguous run of the value unless the line had escapes or block comments
  const offsetOf = (i: number): number => (a.valueMap === null ? base + i : sourceInValue(a, data, i));
  const mapExpr = (e: Raw & { type: 'Substitution' | 'Expression'; body: string; closed: boolean; inner: unknown[] }): ExpressionNode => ({
    type: e.type,
    text: e.text,
    start: offsetOf(e.start),
    end: offsetOf(e.end - 1) + 1,
    body: e.body,
    closed: e.closed,
    inner: (e.inner as (typeof e)[]).map(mapExpr),
  });
  return raw.map((arg) => ({
    text: arg.text,
    start: offsetOf(arg.start),
    end: arg.end === arg.start ? offsetOf(arg.start) : offsetOf(arg.end - 1) + 1,
    expressions: (arg.expressions as Parameters<typeof mapExpr>[0][]).map(mapExpr),
  }));
}

function sourceInValue(a: Assignment, data: Span, i: number): number {
  // Find data's index in the value, then map through the value map.
  const valueIndex = a.valueMap!.indexOf(data.start);
  return valueOffset(a, (valueIndex < 0 ? 0 : valueIndex) + i);
}

export interface PatternElement {
  type: 'Digits' | 'Wildcard' | 'Char' | 'Set';
  start: number;
  end: number;
  char?: string;
  min?: string;
  max?: string;
  oneOrMore?: boolean;
  ignored?: string;
  items?: { type: 'Range' | 'Char'; from?: string; to?: string; char?: string; start: number; end: number }[];
  closed?: boolean;
}

export type ExtensionName = { type: 'Literal'; text: string; start: number; end: number } | { type: 'Pattern'; elements: PatternElement[]; start: number; end: number };

/** Parses an extension name (`_NXX.` or `100`); offsets are relative to the name. */
export function parseExtensionName(name: string): ExtensionName {
  return patternGrammar.parse(name, { startRule: 'Extension' });
}

// ------------------------------------------------------------------------------------------ fast path

/**
 * Where the pieces of a common `exten => 100,1,App(data)` / `same => n,App(data)` line are, as indexes into its
 * value (-1: absent). Filled by `scanFast`, one record reused for every line (no garbage per line).
 */
interface FastPlaces {
  extEnd: number;
  priStart: number;
  priEnd: number;
  coreEnd: number;
  labelStart: number;
  labelEnd: number;
  priKind: PriorityKind;
  number: number;
  appStart: number;
  nameStart: number;
  nameEnd: number;
  dataStart: number;
  dataEnd: number;
  closed: boolean;
  /** The application's name (one string per name: they repeat on every line). */
  appName: string;
}

const scratch: FastPlaces = { extEnd: -1, priStart: 0, priEnd: 0, coreEnd: 0, labelStart: -1, labelEnd: -1, priKind: 'number', number: -1, appStart: -1, nameStart: -1, nameEnd: -1, dataStart: -1, dataEnd: -1, closed: true, appName: '' };

/**
 * The common `exten => 100,1,App(data)` / `same => n,App(data)` shape without the per-character cost of the
 * generated parser. Fills `scratch` and returns true, or returns false when the line needs the grammar (`[` not
 * closed before a comma, `\`, `/`, offsets, `$` before the `(`). What it finds is exactly what the grammar finds
 * (test/unit/dialplanGrammar.test.ts checks it on the corpus).
 */
function scanFast(value: string, kind: 'exten' | 'same'): boolean {
  const out = scratch;
  let pos = 0;
  out.extEnd = -1;
  if (kind === 'exten') {
    let comma = -1;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c === 44) {
        comma = i;
        break;
      }
      if (c === 91) {
        // a set `[1-9]` is part of the name, provided it closes before any comma (else the grammar decides)
        const close = value.indexOf(']', i + 1);
        const comma = value.indexOf(',', i + 1);
        if (close < 0 || (comma >= 0 && comma < close)) return false;
        i = close;
        continue;
      }
      if (c === 92 || c === 47 || c === 93) return false; // \ / ]
    }
    if (comma < 0) return false;
    out.extEnd = comma;
    pos = comma + 1;
  }
  let priEnd = value.indexOf(',', pos);
  const hasApp = priEnd >= 0;
  if (!hasApp) priEnd = value.length;
  let a = pos;
  let b = priEnd;
  while (a < b && (value.charCodeAt(a) === 32 || value.charCodeAt(a) === 9)) a++;
  while (b > a && (value.charCodeAt(b - 1) === 32 || value.charCodeAt(b - 1) === 9)) b--;
  if (a === b) return false;
  out.priStart = a;
  out.priEnd = b;
  out.labelStart = -1;
  out.labelEnd = -1;
  // `n(label)` / `1(label)`: the label runs to the first `)`, which must end the field
  const open = value.indexOf('(', a);
  if (open >= 0 && open < b) {
    const close = value.indexOf(')', open + 1);
    const again = value.indexOf('(', open + 1);
    if (close !== b - 1 || (again >= 0 && again < b)) return false;
    out.labelStart = open + 1;
    out.labelEnd = close;
    b = open;
  }
  out.coreEnd = b;
  out.number = -1;
  const c0 = value.charCodeAt(a);
  if (c0 >= 48 && c0 <= 57) {
    for (let i = a + 1; i < b; i++) {
      const c = value.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
    out.priKind = 'number';
    out.number = parseInt(value.slice(a, b), 10);
  } else if (isWord(value, a, b, 'n') || isWord(value, a, b, 'next')) out.priKind = 'next';
  else if (isWord(value, a, b, 's') || isWord(value, a, b, 'same')) out.priKind = 'same';
  else if (isWord(value, a, b, 'hint')) out.priKind = 'hint';
  else return false;
  if (a === b) return false;
  out.appStart = -1;
  out.appName = '';
  out.dataStart = -1;
  out.dataEnd = -1;
  out.closed = true;
  if (hasApp) {
    const appStart = priEnd + 1;
    out.appStart = appStart;
    const open = value.indexOf('(', appStart);
    if (open < 0) {
      let lead = appStart;
      while (lead < value.length && /\s/.test(value[lead])) lead++;
      out.nameStart = lead;
      out.nameEnd = value.length;
      out.appName = value.slice(lead);
    } else {
      const first = value.charCodeAt(appStart);
      if (first === 32 || first === 9) return false;
      for (let i = appStart; i < open; i++) if (value.charCodeAt(i) === 36) return false; // $
      const close = value.lastIndexOf(')');
      out.closed = close > open;
      out.nameStart = appStart;
      out.nameEnd = open;
      out.appName = interned(appNames, value, appStart, open, 40);
      out.dataStart = open + 1;
      out.dataEnd = out.closed ? close : value.length;
    }
  }
  return true;
}

function isWord(value: string, from: number, to: number, word: string): boolean {
  return to - from === word.length && value.startsWith(word, from);
}

/** The nodes of a scanned line, offsets plus `base` (one function per node: a compact statement makes each on demand). */
function extensionNode(places: FastPlaces, value: string, base: number): ExtensionStatement['extension'] {
  const end = places.extEnd;
  return end < 0 ? null : { text: value.slice(0, end), start: base, end: base + end, unclosedBracket: false };
}

function priorityNode(places: FastPlaces, value: string, base: number): PriorityNode {
  const { priStart, priEnd, coreEnd, labelStart, labelEnd } = places;
  return {
    start: base + priStart,
    end: base + priEnd,
    text: value.slice(priStart, priEnd),
    kind: places.priKind,
    value: { text: value.slice(priStart, coreEnd), start: base + priStart, end: base + coreEnd },
    number: places.number < 0 ? null : places.number,
    label: labelStart < 0 ? null : { text: interned(labelNames, value, labelStart, labelEnd, 40), start: base + labelStart, end: base + labelEnd },
    labelClosed: true,
    offset: null,
  };
}

function applicationNode(places: FastPlaces, value: string, base: number): ApplicationNode | null {
  const { appStart, nameStart, nameEnd, dataStart } = places;
  if (appStart < 0) return null;
  return {
    start: base + appStart,
    end: base + value.length,
    name: { text: places.appName, start: base + nameStart, end: base + nameEnd },
    data: dataStart < 0 ? null : { text: value.slice(dataStart, places.dataEnd), start: base + dataStart, end: base + places.dataEnd },
    closed: places.closed,
  };
}

/** The fast path's nodes for a value (null when the line needs the grammar). */
export function fastExtension(value: string, kind: 'exten' | 'same', base: number): StatementParts | null {
  if (!scanFast(value, kind)) return null;
  return { extension: extensionNode(scratch, value, base), callerId: null, priority: priorityNode(scratch, value, base), application: applicationNode(scratch, value, base) };
}

const PRIORITY_KINDS: PriorityKind[] = ['number', 'next', 'same', 'hint', 'label'];
/** Indexes packed two to a number (15 bits each, stored plus one so that -1 fits): values up to this length. */
const PACKED_LENGTH = 0x7ffe;
const pack = (low: number, high: number): number => (low + 1) | ((high + 1) << 15);
const low = (word: number): number => (word & 0x7fff) - 1;
const high = (word: number): number => (word >>> 15) - 1;
/** The application node a compact statement made last, at the offset of its value then. */
const lastApplication: { of: unknown; base: number; node: ApplicationNode | null } = { of: null, base: -1, node: null };
/** One record for what a compact statement unpacks (its nodes are made from it at once). */
const unpacked: FastPlaces = { ...scratch };

/**
 * A statement of the common shape, kept as indexes into its line's value, packed two to a number: its nodes are
 * made when asked for. A million lines each holding six small nodes cost a third of the memory and most of the
 * collector's time (issue 13, size); this is one object of eight fields per line. The indexes are into the value,
 * so the statement moves with its line by itself (shiftStatement has nothing to do).
 */
class CompactStatement implements ExtensionStatement {
  readonly statement: Assignment;
  registered: unknown = undefined;
  private readonly appName: string;
  private readonly number: number;
  private readonly w0: number;
  private readonly w1: number;
  private readonly w2: number;
  private readonly w3: number;
  /** dataEnd, then the kind, priority kind, `closed` and whether there is data. */
  private readonly w4: number;

  constructor(kind: 'exten' | 'same', statement: Assignment, p: FastPlaces) {
    this.statement = statement;
    this.number = p.number;
    this.appName = p.appName;
    this.w0 = pack(p.extEnd, p.priStart);
    this.w1 = pack(p.priEnd, p.labelStart);
    this.w2 = pack(p.labelEnd, p.appStart);
    this.w3 = pack(p.nameStart, p.nameEnd);
    const flags = PRIORITY_KINDS.indexOf(p.priKind) | (p.closed ? 4 : 0) | (p.dataStart >= 0 ? 8 : 0) | (kind === 'same' ? 16 : 0);
    this.w4 = pack(p.dataEnd, flags);
  }

  get kind(): 'exten' | 'same' {
    return high(this.w4) & 16 ? 'same' : 'exten';
  }

  private places(): FastPlaces {
    const u = unpacked;
    u.extEnd = low(this.w0);
    u.priStart = high(this.w0);
    u.priEnd = low(this.w1);
    u.labelStart = high(this.w1);
    u.labelEnd = low(this.w2);
    u.appStart = high(this.w2);
    u.nameStart = low(this.w3);
    u.nameEnd = high(this.w3);
    u.dataEnd = low(this.w4);
    const flags = high(this.w4);
    u.priKind = PRIORITY_KINDS[flags & 3];
    u.closed = (flags & 4) !== 0;
    u.dataStart = flags & 8 ? u.nameEnd + 1 : -1;
    u.coreEnd = u.labelStart >= 0 ? u.labelStart - 1 : u.priEnd;
    u.number = this.number;
    u.appName = this.appName;
    return u;
  }

  get extension(): ExtensionStatement['extension'] {
    return extensionNode(this.places(), this.statement.value.text, this.statement.value.start);
  }

  get callerId(): Span | null {
    return null;
  }

  get priority(): PriorityNode {
    return priorityNode(this.places(), this.statement.value.text, this.statement.value.start);
  }

  get application(): ApplicationNode | null {
    // the checks read a line's application several times in a row: the last one made is handed out again
    const base = this.statement.value.start;
    if (lastApplication.of !== this || lastApplication.base !== base) {
      lastApplication.of = this;
      lastApplication.base = base;
      lastApplication.node = applicationNode(this.places(), this.statement.value.text, base);
    }
    return lastApplication.node;
  }
}

/** Application names repeat on every line (`Dial`, `NoOp`), labels on many (`busy`): one string each (configParser.ts interned). */
const appNames = new Map<string, string>();
const labelNames = new Map<string, string>();

/**
 * Moves a parsed statement with its line (incremental re-parse shifts the lines after an edit). This runs for every
 * line after an edit: each node kind is moved at its own site, so every site sees one object shape.
 */
export function shiftStatement(st: ExtensionStatement, delta: number): void {
  if (st instanceof CompactStatement) return; // indexes into its value, which moved with the line
  const ext = st.extension;
  if (ext) {
    ext.start += delta;
    ext.end += delta;
  }
  const cid = st.callerId;
  if (cid) {
    cid.start += delta;
    cid.end += delta;
  }
  const p = st.priority;
  if (p) {
    p.start += delta;
    p.end += delta;
    const { value, label, offset } = p;
    if (value) {
      value.start += delta;
      value.end += delta;
    }
    if (label) {
      label.start += delta;
      label.end += delta;
    }
    if (offset) {
      offset.start += delta;
      offset.end += delta;
    }
  }
  const app = st.application;
  if (app) {
    app.start += delta;
    app.end += delta;
    app.name.start += delta;
    app.name.end += delta;
    const data = app.data;
    if (data) {
      data.start += delta;
      data.end += delta;
    }
  }
}
