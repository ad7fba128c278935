// What the cursor is on, for completion and signature help: read from the line's text up to the cursor (the
// parse of a line being typed is often incomplete), with the section it belongs to.
import type { Section } from '../../parser/ast';
import { separateArgs } from '../simulate/cstring';
import { splitTop } from '../targets';

export type Where =
  /** The start of a dialplan line: exten, same, include... */
  | { kind: 'dialplan-key'; prefix: string }
  | { kind: 'include'; prefix: string }
  /** The extension field of `exten =>`. */
  | { kind: 'pattern'; prefix: string }
  /** Where the application name goes (after the priority). */
  | { kind: 'application'; prefix: string }
  /**
   * Inside `App(...)`: which comma-separated argument (split as ast_app_separate_args splits), the text of the
   * argument so far, and all the arguments typed so far.
   */
  | { kind: 'argument'; app: string; index: number; text: string; prefix: string; args: string }
  /** After `${`: a variable or a function. */
  | { kind: 'variable'; prefix: string }
  | { kind: 'conf-key'; section: Section | null; prefix: string }
  | { kind: 'conf-value'; section: Section | null; key: string; prefix: string }
  /** In a header's `(...)`: a template to inherit from. */
  | { kind: 'template'; prefix: string };

/** The word being typed at the end of `text`: letters, digits and the characters names use. */
function wordAtEnd(text: string): string {
  return /[A-Za-z0-9_\-.+*#!]*$/.exec(text)?.[0] ?? '';
}

/** The innermost `${` still open at the end of `text`, if any. */
function openVariable(text: string): string | null {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      open.push(i);
      i++;
    } else if (text[i] === '}' && open.length > 0) open.pop();
  }
  if (open.length === 0) return null;
  const inside = text.slice(open[open.length - 1] + 2);
  return /^[A-Za-z0-9_]*$/.test(inside) ? inside : null;
}

export function whereInDialplan(line: string): Where | null {
  const variable = openVariable(line);
  if (variable !== null) return { kind: 'variable', prefix: variable };
  const m = /^\s*([A-Za-z]+)\s*(=>?)\s*(.*)$/.exec(line);
  if (!m) return /^\s*[A-Za-z]*$/.test(line) ? { kind: 'dialplan-key', prefix: line.trim() } : null;
  const key = m[1].toLowerCase();
  const value = m[3];
  if (key === 'include') return { kind: 'include', prefix: value.trim() };
  if (key !== 'exten' && key !== 'same') return null;
  // exten => EXT,PRI,App(args) / same => PRI,App(args)
  const fields = splitTop(value, ',', key === 'exten' ? 3 : 2);
  const appField = key === 'exten' ? 2 : 1;
  if (fields.length - 1 < appField) return key === 'exten' && fields.length === 1 ? { kind: 'pattern', prefix: fields[0].text.trim() } : null;
  const app = fields[appField].text;
  const open = app.indexOf('(');
  if (open < 0) return { kind: 'application', prefix: app.trim() };
  const name = app.slice(0, open).trim();
  const args = app.slice(open + 1);
  // the parenthesis closed: nothing to complete after it
  let depth = 1;
  for (const c of args) {
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return null;
  }
  const parts = args === '' ? [''] : separateArgs(args, ',', false);
  const current = parts[parts.length - 1];
  return { kind: 'argument', app: name, index: parts.length - 1, text: current, prefix: wordAtEnd(current), args };
}

/**
 * What follows the cursor inside `App(...)`, given the arguments typed before it (`args` of the Where): the text up
 * to the `)` that closes the call, and up to the end of the argument the cursor is in (its next comma outside
 * parentheses). A `(` open at the cursor (an option's value) is counted, so its `)` does not close the call.
 */
export function restOf(args: string, after: string): { call: string; argument: string } {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '\\') i++;
    else if (args[i] === '(') depth++;
    else if (args[i] === ')' && depth > 0) depth--;
  }
  let argument: string | null = null;
  for (let i = 0; i < after.length; i++) {
    const c = after[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) return { call: after.slice(0, i), argument: argument ?? after.slice(0, i) };
    else if (c === ',' && depth === 0 && argument === null) argument = after.slice(0, i);
  }
  return { call: after, argument: argument ?? after };
}

export function whereInConf(line: string, section: Section | null): Where | null {
  const header = /^\s*\[[^\]]*\]\s*\(([^)]*)$/.exec(line);
  if (header) return { kind: 'template', prefix: header[1].split(',').pop()!.trim().replace(/^!$/, '') };
  if (/^\s*\[/.test(line)) return null;
  const m = /^\s*([A-Za-z0-9_/*.-]+)\s*(=>?)\s*(.*)$/.exec(line);
  if (!m) return /^\s*[A-Za-z0-9_/-]*$/.test(line) ? { kind: 'conf-key', section, prefix: line.trim() } : null;
  // list values (allow=alaw,ulaw; aors=a,b): the item being typed
  const item = m[3].split(/[,&]/).pop()!.trim();
  return { kind: 'conf-value', section, key: m[1].toLowerCase(), prefix: item };
}
