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
  let parts = a.valueMap === null ? fastExtension(a.value.text, kind, a.value.start) : null;
  parts ??= fromGrammar(dialplanGrammar.parse(a.value.text, { startRule: kind === 'exten' ? 'ExtenValue' : 'SameValue' }), (raw) => mapSpan(a, raw));
  // every field written here, `registered` included, so that all statements share one compact shape (a field
  // added later, or a spread, moves the fields out of the object: more memory per line, issue 13)
  const st: ExtensionStatement = { kind, statement: a, extension: parts.extension, callerId: parts.callerId, priority: parts.priority, application: parts.application, registered: undefined };
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
  const raw = dialplanGrammar.parse(a.value.text, { startRule: 'IncludeValue' });
  return { statement: a, context: mapSpan(a, raw.context), times: raw.times ? raw.times.map((t: Raw) => mapSpan(a, t)) : null };
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
 * The common `exten => 100,1,App(data)` / `same => n,App(data)` shape without the per-character cost of the
 * generated parser, straight to the final nodes (offsets plus `base`). It gives exactly what the grammar gives
 * (test/unit/dialplanGrammar.test.ts checks it on the corpus), or null when the line needs the grammar
 * (`[`, `\`, `/`, labels, offsets, `$` before the `(`).
 */
export function fastExtension(value: string, kind: 'exten' | 'same', base: number): StatementParts | null {
  let pos = 0;
  let extension: ExtensionStatement['extension'] = null;
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
        if (close < 0 || (comma >= 0 && comma < close)) return null;
        i = close;
        continue;
      }
      if (c === 92 || c === 47 || c === 93) return null; // \ / ]
    }
    if (comma < 0) return null;
    extension = { text: value.slice(0, comma), start: base, end: base + comma, unclosedBracket: false };
    pos = comma + 1;
  }
  let priEnd = value.indexOf(',', pos);
  const hasApp = priEnd >= 0;
  if (!hasApp) priEnd = value.length;
  let a = pos;
  let b = priEnd;
  while (a < b && (value.charCodeAt(a) === 32 || value.charCodeAt(a) === 9)) a++;
  while (b > a && (value.charCodeAt(b - 1) === 32 || value.charCodeAt(b - 1) === 9)) b--;
  if (a === b) return null;
  let core = value.slice(a, b);
  const raw = core;
  // `n(label)` / `1(label)`: the label runs to the first `)`, which must end the field
  let label: Span | null = null;
  const open = core.indexOf('(');
  if (open >= 0) {
    const close = core.indexOf(')', open + 1);
    if (close !== core.length - 1 || core.indexOf('(', open + 1) >= 0) return null;
    label = { text: core.slice(open + 1, close), start: base + a + open + 1, end: base + a + close };
    core = core.slice(0, open);
    b = a + open;
  }
  let kindOf: PriorityKind;
  let number: number | null = null;
  const c0 = core.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    for (let i = 1; i < core.length; i++) {
      const c = core.charCodeAt(i);
      if (c < 48 || c > 57) return null;
    }
    kindOf = 'number';
    number = parseInt(core, 10);
  } else if (core === 'n' || core === 'next') kindOf = 'next';
  else if (core === 's' || core === 'same') kindOf = 'same';
  else if (core === 'hint') kindOf = 'hint';
  else return null;
  if (core.length === 0) return null;
  const value0: Span = { text: core, start: base + a, end: base + b };
  const priority: PriorityNode = { start: base + a, end: base + a + raw.length, text: raw, kind: kindOf, value: value0, number, label, labelClosed: true, offset: null };
  let application: ApplicationNode | null = null;
  if (hasApp) {
    const appStart = priEnd + 1;
    const open = value.indexOf('(', appStart);
    if (open < 0) {
      let lead = appStart;
      while (lead < value.length && /\s/.test(value[lead])) lead++;
      application = { start: base + appStart, end: base + value.length, name: { text: value.slice(lead), start: base + lead, end: base + value.length }, data: null, closed: true };
    } else {
      const first = value.charCodeAt(appStart);
      if (first === 32 || first === 9) return null;
      for (let i = appStart; i < open; i++) if (value.charCodeAt(i) === 36) return null; // $
      const close = value.lastIndexOf(')');
      const closed = close > open;
      const dataEnd = closed ? close : value.length;
      application = {
        start: base + appStart,
        end: base + value.length,
        name: { text: interned(appNames, value, appStart, open, 40), start: base + appStart, end: base + open },
        data: { text: value.slice(open + 1, dataEnd), start: base + open + 1, end: base + dataEnd },
        closed,
      };
    }
  }
  return { extension, callerId: null, priority, application };
}

/** Application names repeat on every line (`Dial`, `NoOp`): one string each (configParser.ts interned). */
const appNames = new Map<string, string>();

/**
 * Moves a parsed statement with its line (incremental re-parse shifts the lines after an edit). This runs for every
 * line after an edit: each node kind is moved at its own site, so every site sees one object shape.
 */
export function shiftStatement(st: ExtensionStatement, delta: number): void {
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
