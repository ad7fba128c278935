// The fast path for the common exten/same line (`exten => 100,1,App(data)`, `same => n(label),App(data)`): read
// without the generated parser's per-character cost, and kept as one compact statement per line, the indexes of
// its pieces in the line's value, its nodes made when asked for (issue 13, size). What it finds is exactly what the
// grammar finds (test/unit/dialplanGrammar.test.ts checks both on the corpus); anything else goes to the grammar.
import type { Assignment, Span } from './ast';
import { interned } from './configParser';
import type { ApplicationNode, ExtensionStatement, PriorityKind, PriorityNode, StatementParts } from './dialplanParser';

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

/** The statement of a common line, compact when it is short enough to pack; null when the line needs the grammar. */
export function fastStatement(a: Assignment, kind: 'exten' | 'same'): ExtensionStatement | null {
  const text = a.value.text;
  if (a.valueMap !== null || !scanFast(text, kind)) return null;
  if (text.length <= PACKED_LENGTH) return new CompactStatement(kind, a, scratch);
  const base = a.value.start;
  return { kind, statement: a, extension: extensionNode(scratch, text, base), callerId: null, priority: priorityNode(scratch, text, base), application: applicationNode(scratch, text, base), registered: undefined };
}

/** A compact statement's indexes are into its line's value: it moves with the line by itself. */
export function movesWithItsLine(st: ExtensionStatement): boolean {
  return st instanceof CompactStatement;
}
