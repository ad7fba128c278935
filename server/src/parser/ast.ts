// Syntax tree of an Asterisk configuration file. Every node carries source offsets [start, end).

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface SyntaxProblem {
  /** Stable code: `syntax-...` for what Asterisk's parser rejects or ignores; `exec-directive` for #exec. */
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Asterisk rejects the whole file because of this line. */
  fatal?: boolean;
}

export interface Assignment {
  type: 'Assignment';
  start: number;
  end: number;
  line: number;
  key: Span;
  op: '=' | '=>' | '+=';
  /** The value as Asterisk stores it (escapes resolved); its start/end are source offsets. */
  value: Span;
  /** Source offsets of each value character when the value is not one contiguous slice of the source. */
  valueMap: number[] | null;
  /** The dialplan statement parsed from the value, kept by dialplanParser, and the offset it was parsed at. */
  parsed: unknown;
  parsedAt: number;
  /**
   * A line is its own loaded variable (model/configLoader.ts LoadedVariable): the loader sets the file it was read
   * from ('' until then), and a line read from a template is another record. No record per line (a 50 MB dialplan,
   * a million one-line sections, issue 13).
   */
  file: string;
  readonly inheritedFrom: null;
  /** Itself. */
  readonly assignment: Assignment;
}

export interface Directive {
  type: 'Directive';
  start: number;
  end: number;
  line: number;
  name: Span;
  /** `include`, `tryinclude`, `exec`, or null for a directive Asterisk does not know. */
  kind: 'include' | 'tryinclude' | 'exec' | null;
  argument: (Span & { quote?: '"' | '<' }) | null;
}

export type Item = Assignment | Directive;

export interface Section {
  type: 'Section';
  name: Span;
  /**
   * The header line `[name](...)`: it starts where the section starts; made when asked from `headerEnd` and
   * `headerLine` (no object per section kept for it: a million one-line sections, issue 13).
   */
  readonly header: { start: number; end: number; line: number };
  headerEnd: number;
  headerLine: number;
  /** From the header to the end of its last item. */
  start: number;
  end: number;
  /** `(!)`: a template, not a real section. */
  template: boolean;
  /** `(+)`: adds to an earlier section of the same name. */
  additive: boolean;
  /** Sections and templates named in the header, to inherit from. */
  inherits: Span[];
  items: Item[];
  /** The header has no `]` (a syntax error: Asterisk rejects the file). */
  unclosed?: boolean;
  /**
   * The file whose loader took this section's lines as they are (model/configLoader.ts), kept with the node so that
   * a section an incremental re-parse keeps is not read again; null until then, or when it has a directive.
   */
  loaded: string | null;
}

export interface ConfigDocument {
  /** Items before the first section header (directives; anything else is an error). */
  preamble: Item[];
  sections: Section[];
  /** Every directive (#include, #tryinclude, #exec...), in order. */
  directives: Directive[];
  problems: SyntaxProblem[];
  blockComments: { start: number; end: number }[];
  /** Offset where each line starts (a final empty line after a trailing newline counts). */
  lineStarts: Int32Array;
  /** Block comment depth at the start of each line (lets an edit re-parse only the sections it touches). */
  commentAtLine: Int16Array;
  length: number;
}
