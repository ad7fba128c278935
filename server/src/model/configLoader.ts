// Loads an Asterisk configuration the way ast_config_load (main/config.c) does: a root file and the files it
// #includes, in order, with the problems that depend on more than one line: a section header inheriting from
// or adding to a section that does not exist yet, a missing #include, include loops, lines before any section.
import * as path from 'node:path';
import type { Assignment, ConfigDocument, Directive, Section, SyntaxProblem } from '../parser/ast';
import type { FileHost } from './fileHost';
import { hasGlobMagic, segmentRegExp } from './fileHost';
import { append } from './append';

export interface LoadedSection {
  file: string;
  section: Section;
}

export interface IncludeEdge {
  from: string;
  directive: Directive;
  /** Files the directive resolved to (a glob may give several, a missing file none). */
  targets: string[];
}

export interface FileProblem extends SyntaxProblem {
  file: string;
}

/** A variable as Asterisk stores it in a category, with the file and line it came from. */
export interface LoadedVariable {
  file: string;
  assignment: Assignment;
  /** Copied from a template or base section named in the header (`[c](tpl)`). */
  inheritedFrom: string | null;
}

/**
 * A category as ast_config holds it after loading: one per non-`(+)` header, in order; `(+)` headers add their
 * lines to the first category of that name; `[c](t)` starts with a copy of t's lines; the lines before the first
 * header of an included file join the most recently created category.
 */
export interface Category {
  name: string;
  template: boolean;
  file: string;
  section: Section;
  /**
   * The `(+)` headers that added to it, in order (its own header is the category itself, a LoadedSection too). Most
   * have none: they share one empty list (a million categories, issue 13).
   */
  additions: LoadedSection[];
  variables: LoadedVariable[];
}

const NO_ADDITIONS = Object.freeze([]) as never[];
/** The bases of every header that names none. */
const NO_BASES = Object.freeze([]) as never[];

/** Every header that made a category: its own, then the `(+)` ones. */
export function headersOf(category: Category): LoadedSection[] {
  return [category, ...category.additions];
}

export interface LoadedConfig {
  root: string;
  /** Where relative #include names resolve: the folder of the root file. */
  configDir: string;
  /** Every file read, in load order. */
  files: string[];
  /** The parsed document of each file read (its line starts, for edits that add a line). */
  documents: Map<string, ConfigDocument>;
  sections: LoadedSection[];
  categories: Category[];
  includes: IncludeEdge[];
  problems: FileProblem[];
}

/**
 * A section's own lines as its category's variables: its list of lines itself, each line its own variable (see
 * Assignment.file), so a plain section costs no record at all (a million one-line sections, issue 13). An
 * incremental re-parse keeps the nodes of the sections it does not re-read, so loading again after an edit finds
 * them taken (`Section.loaded`), and a dialplan build can tell an unchanged category by its list. The list is
 * copied before anything is added to it. Null when the section has a directive (which may bring in lines of its
 * own), or lines another file's load took (a document read under two names).
 */
function ownLines(section: Section, file: string): LoadedVariable[] | null {
  // by index, as the loops over every section below: a for...of makes an iterator and a result object for each step
  const items = section.items;
  if (section.loaded !== file) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.type === 'Directive' || (item.file !== '' && item.file !== file)) return null;
    }
    for (let i = 0; i < items.length; i++) (items[i] as Assignment).file = file;
    section.loaded = file;
  }
  return items as Assignment[];
}

/** A line as a variable of this file: itself, unless another file's load took it. */
function lineOf(item: Assignment, file: string): LoadedVariable {
  if (item.file === '') item.file = file;
  return item.file === file ? item : { file, assignment: item, inheritedFrom: null };
}

/** Asterisk's default include depth limit (max_include_level). */
const MAX_INCLUDE_LEVEL = 10;

export type DocumentSource = (file: string) => ConfigDocument | undefined;

/** Names files relative to a folder for messages. */
function shortName(file: string, dir: string): string {
  const rel = path.posix.relative(dir, file);
  return rel.startsWith('..') ? file : rel;
}

export function resolveInclude(name: string, configDir: string, host: FileHost): string[] {
  const full = includePath(name, configDir);
  if (hasGlobMagic(name)) return host.glob(full);
  return host.read(full) === undefined ? [] : [full];
}

function includePath(name: string, configDir: string): string {
  return name.startsWith('/') ? path.posix.normalize(name) : path.posix.join(configDir, name);
}

/** Whether `file` is (or, for a glob, matches) what an #include names: a file that could end a missing include. */
export function couldBeIncluded(name: string, configDir: string, file: string): boolean {
  const full = includePath(name, configDir);
  if (!hasGlobMagic(name)) return full === file;
  const parts = full.split('/');
  const fileParts = file.split('/');
  return parts.length === fileParts.length && parts.every((p, i) => (hasGlobMagic(p) ? segmentRegExp(p).test(fileParts[i]) : p === fileParts[i]));
}

/**
 * A category whose inherited variables are not copied yet: its bases, each with how much of it there was when the
 * header named it (Asterisk copies at that moment: what a base gains later is not inherited), and its own lines.
 */
interface Lazy {
  bases: { cat: Category; len: number }[];
  own: LoadedVariable[];
  value: LoadedVariable[] | null;
  /** Once copied: how many of `value` came from the bases. */
  inherited: number;
}

const lazy = new WeakMap<Category, Lazy>();

/** Adds a line to a category that has not copied its bases yet (true), or says it has (false). */
function pendingOwn(category: Category, v: LoadedVariable): boolean {
  const l = lazy.get(category);
  if (!l || l.value !== null) return false;
  l.own.push(v);
  return true;
}

/** How much of a category a header naming it now inherits: its own lines so far, or its whole list so far. */
function sizeNow(category: Category): number {
  const l = lazy.get(category);
  return l && l.value === null ? l.own.length : category.variables.length;
}

/**
 * What a category holds, as Asterisk's copy would: each base's variables as they were when the header named it (a
 * base's own lines marked as inherited from it), in header order, then its own. Walked without recursion (chains
 * may be 20,000 deep) and without copying the bases' lists on the way: a category costs the size of what it holds.
 */
function expand(category: Category): LoadedVariable[] {
  const out: LoadedVariable[] = [];
  const work: { cat: Category; next: number; len: number }[] = [{ cat: category, next: 0, len: Infinity }];
  while (work.length > 0) {
    const f = work[work.length - 1];
    const l = lazy.get(f.cat);
    if (l && l.value === null && f.next < l.bases.length) {
      const b = l.bases[f.next++];
      work.push({ cat: b.cat, next: 0, len: b.len });
      continue;
    }
    work.pop();
    // a base not copied yet: its own lines (its bases were walked just before); copied or plain: its list
    const vars = l && l.value === null ? l.own.slice(0, f.len) : f.cat.variables.slice(0, l && f.len !== Infinity ? l.inherited + f.len : f.len);
    if (f.cat === category) append(out, vars);
    else for (const v of vars) out.push(v.inheritedFrom !== null ? v : { file: v.file, assignment: v.assignment, inheritedFrom: f.cat.name });
  }
  return out;
}

function inheritLazily(category: Category, bases: Category[]): void {
  const l: Lazy = { bases: bases.map((cat) => ({ cat, len: sizeNow(cat) })), own: [], value: null, inherited: 0 };
  lazy.set(category, l);
  Object.defineProperty(category, 'variables', {
    enumerable: true,
    configurable: true,
    get: (): LoadedVariable[] => {
      if (l.value === null) {
        const all = expand(category);
        l.inherited = all.length - l.own.length;
        l.value = all;
      }
      return l.value;
    },
    set: (v: LoadedVariable[]) => {
      l.value = v;
    },
  });
}

export function loadConfig(root: string, host: FileHost, documentOf: DocumentSource, configDir = path.posix.dirname(root), mayRead: (file: string) => boolean = () => true): LoadedConfig {
  const result: LoadedConfig = { root, configDir, files: [], documents: new Map(), sections: [], categories: [], includes: [], problems: [] };
  let lastCreated: Category | null = null;
  const stack: string[] = [];

  // category_get_sep(): the first category of that name, case-insensitive (an empty name matches any); indexed, so
  // that a file of N sections naming earlier ones costs N lookups, not N scans (issue 13, F4). The index is brought
  // up to date when a header asks (templates, `(+)`): a file that never asks, most, builds none (a million sections)
  const firstOf = new Map<string, { any?: Category; plain?: Category }>();
  let indexed = 0;
  const index = (category: Category, key: string): void => {
    let entry = firstOf.get(key);
    if (entry === undefined) {
      entry = {};
      firstOf.set(key, entry);
    }
    entry.any ??= category;
    if (!category.template) entry.plain ??= category;
  };
  const find = (name: string, templatesToo: boolean): Category | undefined => {
    for (; indexed < result.categories.length; indexed++) {
      const category = result.categories[indexed];
      index(category, category.name.toLowerCase());
      index(category, '');
    }
    const entry = firstOf.get(name.toLowerCase());
    return templatesToo ? entry?.any : entry?.plain;
  };

  const load = (file: string): boolean => {
    const doc = documentOf(file);
    if (doc === undefined) return false;
    result.files.push(file);
    result.documents.set(file, doc);
    stack.push(file);
    const topLevel = stack.length === 1;
    const consequence = topLevel ? 'Asterisk will load none of this file.' : `Asterisk rejects the configuration that includes this file (${shortName(root, configDir)}).`;
    const fatal = (code: string, message: string, start: number, end: number): void => {
      result.problems.push({ file, code, severity: 'error', message, start, end, fatal: true });
    };
    // a missing #include in an included file: nothing after it is loaded
    let dropRest = false;

    const directive = (d: Directive): void => {
      if (d.kind !== 'include' && d.kind !== 'tryinclude') return;
      if (d.argument === null) return;
      // outside the workspace folders: never read unless the user allows it (issue 13); nothing of it is known here
      const full = d.argument.text.startsWith('/') ? path.posix.normalize(d.argument.text) : path.posix.join(configDir, d.argument.text);
      if (!mayRead(full)) {
        result.problems.push({
          file,
          code: 'syntax-include-outside',
          severity: 'information',
          message: `'${full}' is outside the workspace folders: PBX Interconnect does not read it (setting pbx.includeOutsideWorkspace, or --include-outside on the command line), so what it holds is not checked.`,
          start: d.argument.start,
          end: d.argument.end,
        });
        result.includes.push({ from: file, directive: d, targets: [] });
        return;
      }
      const targets = resolveInclude(d.argument.text, configDir, host).filter((t) => mayRead(t));
      result.includes.push({ from: file, directive: d, targets });
      if (targets.length === 0) {
        if (d.kind === 'include') {
          const why = hasGlobMagic(d.argument.text) ? null : (host.whyUnreadable?.(full) ?? null);
          // in an included file, Asterisk logs an ERROR and drops the rest of that file; the includer goes on
          // (conformance README, "More facts seen on the real thing")
          const effect = topLevel ? consequence : `Asterisk logs an ERROR and drops the rest of this file (every line after this one); ${shortName(root, configDir)} goes on loading.`;
          fatal('syntax-include-missing', `The file '${d.argument.text}' ${why ?? 'does not exist'} (looked for it in ${configDir}). ${effect}`, d.argument.start, d.argument.end);
          if (!topLevel) dropRest = true;
        }
        return;
      }
      for (const target of targets) {
        const loopAt = stack.indexOf(target);
        if (loopAt >= 0 || stack.length >= MAX_INCLUDE_LEVEL) {
          const chain = [...stack.slice(Math.max(loopAt, 0)), target].map((f) => shortName(f, configDir)).join(' -> ');
          fatal(
            'syntax-include-loop',
            loopAt >= 0
              ? `This #include loops back (${chain}): Asterisk stops at include level ${MAX_INCLUDE_LEVEL} and rejects the configuration.`
              : `Includes nest more than ${MAX_INCLUDE_LEVEL} deep here: Asterisk rejects the configuration.`,
            d.argument.start,
            d.argument.end,
          );
          continue;
        }
        load(target);
      }
    };

    // The category this file's lines go to: at first the one most recently created (cfg->current).
    let current: Category | null = lastCreated;
    const variable = (item: Assignment): void => {
      if (current === null) return;
      const v = lineOf(item, file);
      if (pendingOwn(current, v)) return;
      // a list still its section's kept one (see ownLines) is copied before it grows
      if (current.variables === current.section.items) current.variables = [...current.variables];
      current.variables.push(v);
    };
    // Asterisk rejects a root file for any line before its first header, with or without '=' ("No category
    // context"); the parser's "ignored" warning is replaced by this (Workspace.problems)
    if (current === null) {
      const firstHeader = doc.sections[0]?.start ?? Infinity;
      for (const p of doc.problems) {
        if ((p.code === 'syntax-missing-equals' || p.code === 'syntax-missing-key') && p.start < firstHeader) {
          fatal('syntax-no-section', `This line comes before any [section] header: Asterisk stops reading ("No category context"), with or without '='. ${consequence}`, p.start, p.end);
        }
      }
    }
    for (const item of doc.preamble) {
      if (dropRest) break;
      if (item.type === 'Directive') directive(item);
      else if (current === null) {
        fatal('syntax-no-section', `This line comes before any [section] header. ${consequence}`, item.start, item.end);
      } else variable(item);
    }
    for (let s = 0; s < doc.sections.length; s++) {
      const section = doc.sections[s];
      if (dropRest) break;
      if (section.unclosed) continue;
      if (section.additive) {
        const loaded = { file, section };
        result.sections.push(loaded);
        const existing = find(section.name.text, false);
        if (existing === undefined) {
          fatal('syntax-append-missing', `'(+)' adds to a section '${section.name.text}' that does not exist before this line. ${consequence}`, section.start, section.headerEnd);
        } else {
          existing.additions = existing.additions === NO_ADDITIONS ? [loaded] : [...existing.additions, loaded];
          current = existing;
        }
      } else {
        const bases: Category[] = section.inherits.length === 0 ? NO_BASES : [];
        for (let k = 0; k < section.inherits.length; k++) {
          const base = section.inherits[k];
          const from = find(base.text, true);
          if (from === undefined) {
            fatal('syntax-unknown-template', `'${section.name.text}' inherits from '${base.text}', which is not defined before this line. ${consequence}`, base.start, base.end);
          } else bases.push(from);
        }
        // the common case: a section of plain lines is its own category, its list of lines the category's
        const own = bases.length === 0 ? ownLines(section, file) : null;
        const category: Category = { name: section.name.text, template: section.template, file, section, additions: NO_ADDITIONS, variables: own ?? [] };
        result.sections.push(category);
        // what it inherits is copied when first read (Asterisk copies at once: a chain of N templates would hold
        // N^2/2 copies here, issue 13 F4)
        if (bases.length > 0) inheritLazily(category, bases);
        result.categories.push(category);
        lastCreated = category;
        current = category;
        if (own !== null) continue;
      }
      for (const item of section.items) {
        if (dropRest) break;
        if (item.type === 'Directive') directive(item);
        else variable(item);
      }
    }
    stack.pop();
    return true;
  };

  load(root);
  return result;
}
