// Text -> ConfigDocument: the line scanner, then the Peggy line grammar (grammars/config.peggy) on each logical
// line. Problems found here are those of one line alone; the loader (model/configLoader.ts) adds the ones that
// depend on other lines or files (a template or `(+)` naming no section, a missing #include).
import * as grammar from './generated/config';
import type { Assignment, ConfigDocument, Directive, Item, Section, Span, SyntaxProblem } from './ast';
import type { LogicalLine, ScanRange } from './scanner';
import { scan, sourceOffset } from './scanner';

const WHOLE_FILE = 'Asterisk will load none of this file.';

interface RawSpan {
  text: string;
  start: number;
  end: number;
  quote?: '"' | '<';
}

export function parseConfig(text: string): ConfigDocument {
  const region = parseRegion(text, { from: 0, to: text.length, firstLine: 0, comment: 0 });
  return {
    preamble: region.preamble,
    sections: region.sections,
    directives: region.directives,
    problems: region.problems,
    blockComments: region.blockComments,
    lineStarts: region.lineStarts,
    commentAtLine: region.commentAtLine,
    length: text.length,
  };
}

/** A parsed run of lines: a document without its length, plus the comment depth after its last line. */
export type Region = Omit<ConfigDocument, 'length'> & { endComment: number };

/** Parses a run of whole lines (all of the text, or a part of it for an incremental re-parse). */
export function parseRegion(text: string, range: ScanRange): Region {
  const parsed: SyntaxProblem[] = [];
  const preamble: Item[] = [];
  const sections: Section[] = [];
  const directives: Directive[] = [];
  let current: Section | null = null;

  // each logical line is parsed as the scanner finds it: a million lines are never all held at once (issue 13)
  const scanned = scan(text, range, {
    push(line: LogicalLine): void {
      const node = parseLine(line, parsed);
      if (node === null) return;
      if (node.type === 'Directive') directives.push(node);
      if (node.type === 'Section') {
        if (current !== null) current.items = fitted(current.items);
        current = node;
        sections.push(node);
        return;
      }
      if (current === null) {
        // Whether such lines are an error depends on who includes this file: the loader decides.
        preamble.push(node);
      } else {
        // a first item makes a list of its own, of one (no room to spare: a million one-line sections, issue 13)
        if (current.items === NO_ITEMS) current.items = [node];
        else current.items.push(node);
        current.end = node.end;
      }
    },
  });
  // the scanner's problems first, then the parser's (as when the lines were parsed after the scan)
  const problems = scanned.problems.length === 0 ? parsed : [...scanned.problems, ...parsed];
  if (current !== null) (current as Section).items = fitted((current as Section).items);
  return {
    preamble,
    sections,
    directives,
    problems,
    blockComments: scanned.blockComments,
    lineStarts: scanned.lineStarts,
    commentAtLine: scanned.commentAtLine,
    endComment: scanned.endComment,
  };
}

const NO_SPANS = Object.freeze([]) as never[];
/** The items of every section without any (a section's list is made at its first item). */
const NO_ITEMS = Object.freeze([]) as never[];

/**
 * A section's list once complete: a short one without the room a growing array keeps (given one element, an array
 * has room for 17). A million one-line sections kept that room each (issue 13, size).
 */
function fitted<T>(list: T[]): T[] {
  return list.length < 8 && list.length > 1 ? list.slice() : list;
}

function span(line: LogicalLine, raw: RawSpan): Span {
  return { text: raw.text, start: sourceOffset(line, raw.start), end: endOffset(line, raw.end) };
}

/**
 * A span of a fast-path node (fastAssignment, fastSectionHeader: made for this line alone, exactly text, start and
 * end) placed in the source: moved in place when the line is read as written, not copied (a million lines, issue 13).
 */
function placed(line: LogicalLine, raw: RawSpan): Span {
  if (line.map !== null) return span(line, raw);
  raw.start += line.start;
  raw.end += line.start;
  return raw;
}

function endOffset(line: LogicalLine, end: number): number {
  return end === 0 ? sourceOffset(line, 0) : sourceOffset(line, end - 1) + 1;
}

/** Parses one logical line; returns null for a line Asterisk ignores. */
function parseLine(line: LogicalLine, problems: SyntaxProblem[]): Section | Item | null {
  // The grammar is total (every rule has a catch-all alternative), so parse never throws.
  const fast = fastAssignment(line.text) ?? fastSectionHeader(line.text);
  const node = fast ?? grammar.parse(line.text, { startRule: 'Line' });
  const start = sourceOffset(line, 0);
  const end = endOffset(line, line.text.length);
  const problem = (code: string, severity: SyntaxProblem['severity'], message: string, s = start, e = end, fatal = false): void => {
    problems.push(fatal ? { code, severity, message, start: s, end: e, fatal } : { code, severity, message, start: s, end: e });
  };
  switch (node.type) {
    case 'SectionHeader': {
      const name = fast !== null ? placed(line, node.name) : span(line, node.name);
      const section = new SectionNode(name, start, end, line.line);
      if (node.options) {
        const inherits: Span[] = [];
        for (const item of node.options.items as RawSpan[]) {
          if (item.text.toLowerCase() === '!') section.template = true;
          else if (item.text.startsWith('+')) section.additive = true;
          else inherits.push(span(line, item));
        }
        if (inherits.length > 0) section.inherits = inherits;
        if (!node.options.closed) {
          problem('syntax-unclosed-options', 'error', `Missing ')' after the section options. ${WHOLE_FILE}`, start, end, true);
        }
      }
      if (node.trailing) {
        const t = span(line, node.trailing);
        problem('syntax-header-trailing', 'warning', `Asterisk ignores '${node.trailing.text.trim()}' after the section header.`, t.start, t.end);
      }
      if (name.text === '') problem('syntax-empty-section-name', 'warning', 'This section has an empty name.', start, end);
      return section;
    }
    case 'UnclosedSection': {
      problem('syntax-unclosed-section', 'error', `Missing ']' in the section header. ${WHOLE_FILE}`, start, end, true);
      // Kept as a section, so the lines below it stay with it in the outline instead of joining the one above.
      const name = span(line, node.name);
      const section = new SectionNode(name, start, end, line.line);
      section.unclosed = true;
      return section;
    }
    case 'Directive': {
      const nameText: string = node.name.text;
      const lower = nameText.toLowerCase();
      const kind = lower === 'include' || lower === 'tryinclude' || lower === 'exec' ? lower : null;
      const directive: Directive = {
        type: 'Directive',
        start,
        end,
        line: line.line,
        name: span(line, node.name),
        kind,
        argument: node.argument ? { ...span(line, node.argument), ...(node.argument.quote ? { quote: node.argument.quote } : {}) } : null,
      };
      if (kind === null) {
        problem('syntax-unknown-directive', 'warning', `Unknown directive '#${nameText}': Asterisk ignores this line. Use #include, #tryinclude or #exec.`, directive.name.start - 1, directive.name.end);
      } else if (directive.argument === null) {
        problem('syntax-directive-argument', 'warning', `'#${nameText}' needs ${kind === 'exec' ? 'a program to run' : 'a file name'}: Asterisk ignores this line.`);
      } else if (kind === 'exec') {
        // Not a syntax error (Asterisk accepts the line), so not a `syntax-` code.
        problem(
          'exec-directive',
          'warning',
          `#exec runs '${directive.argument.text}' when Asterisk loads this file (only with execincludes=yes in asterisk.conf; otherwise Asterisk skips it with a warning) and reads its output as configuration. PBX Interconnect never runs it, so what it would add is not checked.`,
        );
      }
      return directive;
    }
    case 'BadEscape':
      problem('syntax-bad-escape', 'error', `A '\\' at the start of a line must escape a visible character. ${WHOLE_FILE}`, start, end, true);
      return null;
    case 'NoEquals':
      problem('syntax-missing-equals', 'warning', `No '=' in this line: Asterisk ignores it ("No '=' (equal sign)").`);
      return null;
    case 'Assignment': {
      const key = fast !== null ? placed(line, node.key) : span(line, node.key);
      if (key.text === '') {
        problem('syntax-missing-key', 'warning', 'Nothing before the \'=\': Asterisk ignores this line ("No variable name").');
        return null;
      }
      const value = fast !== null ? placed(line, node.value) : span(line, node.value);
      let valueMap: number[] | null = null;
      if (line.map !== null) {
        valueMap = line.map.slice(node.value.start, node.value.end);
      }
      return new AssignmentNode(start, end, line.line, key, node.op, value, valueMap);
    }
    default:
      return null;
  }
}

/** A section: its header line, then its items (see Section.header). */
export class SectionNode implements Section {
  readonly type = 'Section';
  end: number;
  headerEnd: number;
  template = false;
  additive = false;
  inherits: Span[] = NO_SPANS;
  items: Item[] = NO_ITEMS;
  unclosed = false;
  loaded: string | null = null;

  constructor(
    public name: Span,
    public start: number,
    headerEnd: number,
    public headerLine: number,
  ) {
    this.end = headerEnd;
    this.headerEnd = headerEnd;
  }

  get header(): { start: number; end: number; line: number } {
    return { start: this.start, end: this.headerEnd, line: this.headerLine };
  }
}

/** A `key = value` line: its own loaded variable too (see Assignment.file). */
export class AssignmentNode implements Assignment {
  readonly type = 'Assignment';
  parsed: unknown = null;
  parsedAt = -1;
  file = '';

  constructor(
    public start: number,
    public end: number,
    public line: number,
    public key: Span,
    public op: Assignment['op'],
    public value: Span,
    public valueMap: number[] | null,
  ) {}

  get inheritedFrom(): null {
    return null;
  }

  get assignment(): Assignment {
    return this;
  }
}

/** Source offset of a character of an assignment's value. */
export function valueOffset(assignment: Assignment, index: number): number {
  const map = assignment.valueMap;
  if (map === null) return assignment.value.start + index;
  if (index < map.length) return map[index];
  return map.length === 0 ? assignment.value.start : map[map.length - 1] + 1;
}

/**
 * The common line `key = value` / `key => value` / `key += value`, without the per-character cost of the
 * generated parser: builds exactly the node the grammar's Assignment rule builds (test/unit/configGrammar.test.ts
 * checks both agree on every line of the corpus). Returns null for anything else, which the grammar handles.
 */
export function fastAssignment(text: string): { type: 'Assignment'; key: RawSpan; op: Assignment['op']; value: RawSpan } | null {
  const first = text.charCodeAt(0);
  if (first === 91 /* [ */ || first === 35 /* # */ || first === 92 /* \ */) return null;
  const eq = text.indexOf('=');
  if (eq < 0) return null;
  let keyEnd = eq;
  let op: Assignment['op'] = '=';
  let valueStart = eq + 1;
  if (eq > 0 && text.charCodeAt(eq - 1) === 43 /* + */) {
    keyEnd = eq - 1;
    op = '+=';
  } else if (text.charCodeAt(eq + 1) === 62 /* > */) {
    op = '=>';
    valueStart = eq + 2;
  }
  let ks = 0;
  let ke = keyEnd;
  while (ks < ke && isBlank(text.charCodeAt(ks))) ks++;
  while (ke > ks && isBlank(text.charCodeAt(ke - 1))) ke--;
  let vs = valueStart;
  let ve = text.length;
  while (vs < ve && isBlank(text.charCodeAt(vs))) vs++;
  while (ve > vs && isBlank(text.charCodeAt(ve - 1))) ve--;
  return {
    type: 'Assignment',
    key: { text: interned(keys, text, ks, ke, 24), start: ks, end: ke },
    op,
    value: { text: text.slice(vs, ve), start: vs, end: ve },
  };
}

/**
 * The plain header `[name]` (no options, nothing after it), as the grammar's SectionHeader node, without the
 * grammar's per-character cost: a million one-line contexts are a million headers (issue 13). Null for anything else
 * (the grammar decides). test/unit/configGrammar.test.ts checks both agree on every header of the corpus.
 */
export function fastSectionHeader(text: string): { type: 'SectionHeader'; start: number; end: number; name: RawSpan; options: null; trailing: null } | null {
  const end = text.length - 1;
  if (text.charCodeAt(0) !== 91 /* [ */ || text.charCodeAt(end) !== 93 /* ] */ || end < 1) return null;
  for (let i = 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 93 || c === 40 || c === 41) return null; // [ ] ( )
  }
  return { type: 'SectionHeader', start: 0, end: text.length, name: { text: text.slice(1, end), start: 1, end }, options: null, trailing: null };
}

/**
 * One string for each short text that repeats on every line (keys such as `exten`, `same`, `type`; application
 * names such as `Dial`), instead of one per line (issue 13, size). Bounded: past 4,096 texts, new ones are kept as is.
 */
export function interned(table: Map<string, string>, text: string, from: number, to: number, longest: number): string {
  const piece = text.slice(from, to);
  if (to - from > longest) return piece;
  const known = table.get(piece);
  if (known !== undefined) return known;
  if (table.size < 4096) table.set(piece, piece);
  return piece;
}

const keys = new Map<string, string>();

function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
