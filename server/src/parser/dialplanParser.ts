// Dialplan statements (the values of exten/same/include/switch in extensions.conf) and patterns, on the Peggy
// grammars grammars/dialplan.peggy and grammars/pattern.peggy. Offsets in the results are source offsets.
import * as dialplanGrammar from './generated/dialplan';
import * as patternGrammar from './generated/pattern';
import type { Assignment, Span } from './ast';
import { valueOffset } from './configParser';

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

/** `exten => ...` (kind 'exten') or `same => ...` (kind 'same'). */
export function parseExtensionStatement(a: Assignment, kind: 'exten' | 'same'): ExtensionStatement {
  const raw = fastExtension(a.value.text, kind) ?? dialplanGrammar.parse(a.value.text, { startRule: kind === 'exten' ? 'ExtenValue' : 'SameValue' });
  const ext = raw.extension;
  const pri = raw.priority;
  const app = raw.application;
  return {
    kind,
    statement: a,
    extension: ext ? { ...mapSpan(a, ext), unclosedBracket: ext.unclosedBracket } : null,
    callerId: ext?.callerId ? mapSpan(a, ext.callerId) : null,
    priority: pri
      ? {
          start: valueOffset(a, pri.start),
          end: mapSpan(a, pri).end,
          text: pri.text,
          kind: pri.kind,
          value: mapSpan(a, pri.value),
          number: pri.number,
          label: pri.label ? mapSpan(a, pri.label) : null,
          labelClosed: pri.labelClosed,
          offset: pri.offset ? mapSpan(a, pri.offset) : null,
        }
      : null,
    application: app
      ? { start: valueOffset(a, app.start), end: mapSpan(a, app).end, name: mapSpan(a, app.name), data: app.data ? mapSpan(a, app.data) : null, closed: app.closed }
      : null,
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

const PLAIN_PRIORITY = /^[ \t]*(?:([0-9]+)|(n|next|s|same|hint))[ \t]*$/;

/**
 * The common `exten => 100,1,App(data)` / `same => n,App(data)` shape without the per-character cost of the
 * generated parser. It returns exactly what the grammar returns, or null when the line holds anything that
 * needs the grammar (`[`, `\`, `/`, labels, offsets). test/unit/dialplanGrammar.test.ts checks the two agree.
 */
export function fastExtension(value: string, kind: 'exten' | 'same'): { extension: (Raw & { callerId: null; unclosedBracket: false }) | null; priority: unknown; application: unknown } | null {
  let pos = 0;
  let extension: (Raw & { callerId: null; unclosedBracket: false }) | null = null;
  if (kind === 'exten') {
    const comma = value.indexOf(',');
    if (comma < 0) return null;
    for (let i = 0; i < comma; i++) {
      const c = value.charCodeAt(i);
      if (c === 91 || c === 92 || c === 47 || c === 93) return null; // [ \ / ]
    }
    extension = { text: value.slice(0, comma), start: 0, end: comma, callerId: null, unclosedBracket: false };
    pos = comma + 1;
  }
  let priEnd = value.indexOf(',', pos);
  const hasApp = priEnd >= 0;
  if (!hasApp) priEnd = value.length;
  const priText = value.slice(pos, priEnd);
  const m = PLAIN_PRIORITY.exec(priText);
  if (m === null) return null;
  const lead = priText.length - priText.trimStart().length;
  const core = priText.trim();
  const start = pos + lead;
  const priority = {
    type: 'Priority',
    start,
    end: start + core.length,
    text: core,
    kind: m[1] !== undefined ? 'number' : core === 'hint' ? 'hint' : core === 'n' || core === 'next' ? 'next' : 'same',
    value: { text: core, start, end: start + core.length },
    number: m[1] !== undefined ? parseInt(m[1], 10) : null,
    label: null,
    labelClosed: true,
    offset: null,
  };
  let application: unknown = null;
  if (hasApp) {
    const appStart = priEnd + 1;
    const text = value.slice(appStart);
    const open = text.indexOf('(');
    const lead2 = text.length - text.trimStart().length;
    if (open < 0) {
      application = { type: 'Application', start: appStart, end: value.length, name: { text: text.trimStart(), start: appStart + lead2, end: value.length }, data: null, closed: true };
    } else {
      const namePart = text.slice(0, open);
      if (namePart.includes('$')) return null;
      if (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9) return null;
      const close = text.lastIndexOf(')');
      const closed = close > open;
      const dataEnd = closed ? close : text.length;
      application = {
        type: 'Application',
        start: appStart,
        end: value.length,
        name: { text: namePart, start: appStart, end: appStart + open },
        data: { text: text.slice(open + 1, dataEnd), start: appStart + open + 1, end: appStart + dataEnd },
        closed,
      };
    }
  }
  return { extension, priority, application };
}
