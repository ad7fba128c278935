// Dialplan statements (the values of exten/same/include/switch in extensions.conf) and patterns, on the Peggy
// grammars grammars/dialplan.peggy and grammars/pattern.peggy. Offsets in the results are source offsets.
import * as dialplanGrammar from './generated/dialplan';
import * as patternGrammar from './generated/pattern';
import type { Assignment, Span } from './ast';
import { valueOffset } from './configParser';
import { fastStatement, movesWithItsLine } from './compactStatement';

export { fastExtension } from './compactStatement';

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
  let st = fastStatement(a, kind);
  if (st === null) {
    const parts = fromGrammar(dialplanGrammar.parse(a.value.text, { startRule: kind === 'exten' ? 'ExtenValue' : 'SameValue' }), (raw) => mapSpan(a, raw));
    // every field written here, `registered` included, so that all statements share one compact shape (a field
    // added later, or a spread, moves the fields out of the object: more memory per line, issue 13)
    st = { kind, statement: a, extension: parts.extension, callerId: parts.callerId, priority: parts.priority, application: parts.application, registered: undefined };
  }
  a.parsed = st;
  a.parsedAt = a.start;
  return st;
}

export type StatementParts = Omit<ExtensionStatement, 'kind' | 'statement'>;

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


/**
 * Moves a parsed statement with its line (incremental re-parse shifts the lines after an edit). This runs for every
 * line after an edit: each node kind is moved at its own site, so every site sees one object shape.
 */
export function shiftStatement(st: ExtensionStatement, delta: number): void {
  if (movesWithItsLine(st)) return; // indexes into its value, which moved with the line
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
