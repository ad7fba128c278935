// The syntax of the applications whose data is more than a list of values, as each one reads it (used by
// dialplan-app-arguments, appArguments.ts). Each function gets the data as written and says what is malformed,
// with the offset of the piece inside the data. Nothing here is guessed from a value known only on a live call:
// a piece holding `${` or `$[` is left alone.
import { separateArgs } from '../simulate/cstring';
import { splitBranches } from '../simulate/apps/goto';

export interface Malformed {
  message: string;
  /** the piece, as offsets inside the data */
  start: number;
  end: number;
}

const dynamic = (text: string): boolean => text.includes('$');

/** Whether every bracket of the text closes in it (so a split at a character outside it is the application's). */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** The devices of a Dial or Page data (its first argument, split at `&`), each trimmed, with its offset in the data. */
export function deviceList(data: string): { device: string; start: number }[] {
  const out: { device: string; start: number }[] = [];
  let at = 0;
  for (const piece of (separateArgs(data, ',', false, 2)[0] ?? '').split('&')) {
    const device = piece.trim();
    out.push({ device, start: at + piece.indexOf(device) });
    at += piece.length + 1;
  }
  return out;
}

/**
 * Dial's first argument, `Tech/resource[&Tech/resource...]` (dial_exec_full, apps/app_dial.c): each `&` piece is
 * trimmed, an empty one is skipped, and one without a `/` (or with nothing after it) stops Dial before it rings
 * anybody: "Dial argument takes format (technology/resource)", and the call ends.
 */
export function dialDevices(data: string): Malformed[] {
  const out: Malformed[] = [];
  for (const { device, start } of deviceList(data)) {
    if (device === '' || dynamic(device)) continue;
    const slash = device.indexOf('/');
    if (slash > 0 && slash < device.length - 1) continue;
    const what = slash < 0 ? 'has no technology (`PJSIP/alice`, `SIP/trunk/0123`, `Local/100@ctx`)' : slash === 0 ? 'has no technology before its /' : 'names nothing after its /';
    out.push({ message: `The device '${device}' ${what}: Dial stops at it before ringing anybody ("Dial argument takes format (technology/resource)") and the call ends.`, start, end: start + device.length });
  }
  return out;
}

/**
 * Gosub's `[[context,]exten,]priority[(arg1[,...])]` (gosub_exec, apps/app_stack.c): the arguments start at the
 * first `(` and end at the last `)`. A `(` before the priority cuts the label there; a missing `)` is logged
 * ("No closing paren") and the arguments run to the end.
 */
export function gosubTarget(data: string): Malformed[] {
  const open = data.indexOf('(');
  if (open < 0 || dynamic(data.slice(0, open))) return [];
  const label = data.slice(0, open);
  if (separateArgs(data, ',', false).length > separateArgs(label, ',', false).length) {
    // a comma after the `(`, outside it: `Gosub(sub(1),s,1)`
    const close = data.indexOf(')', open);
    if (close >= 0 && data.slice(close + 1).includes(',')) {
      return [{ message: `The arguments '(...)' must come last, after the priority: Gosub takes '${label}' as its whole place and '${data.slice(open + 1, data.lastIndexOf(')'))}' as its arguments.`, start: open, end: data.length }];
    }
  }
  if (data.lastIndexOf(')') < open) {
    return [{ message: `The arguments of Gosub have no closing ')': Asterisk logs "No closing paren" and takes everything after '(' as the arguments.`, start: open, end: data.length }];
  }
  const after = data.slice(data.lastIndexOf(')') + 1);
  if (after.trim() !== '') {
    const start = data.lastIndexOf(')') + 1;
    return [{ message: `'${after}' after the arguments' ')' is ignored by Gosub.`, start, end: data.length }];
  }
  return [];
}

/**
 * Set's `name=value` (pbx_builtin_setvar, main/pbx_variables.c): the name ends at the first `=`, the value is the
 * rest, commas included. Without `=` nothing is set ("Set requires an '=' to be a valid assignment").
 */
export function setAssignment(data: string): Malformed[] {
  if (data === '') return [];
  const eq = data.indexOf('=');
  if (eq < 0) {
    return [{ message: `No '=' in Set(${data}): Asterisk sets nothing ("Set requires an '=' to be a valid assignment") and goes on. Write Set(name=value).`, start: 0, end: data.length }];
  }
  const name = data.slice(0, eq);
  if (name.trim() === '') return [{ message: `Set(${data}) names no variable before its '='.`, start: 0, end: eq + 1 }];
  if (name.includes(' ')) {
    if (/\)\s*$/.test(name) && name.includes('(')) {
      return [{ message: `Asterisk warns about the blank in '${name}' ("Please avoid unnecessary spaces on variables"); the function is written all the same.`, start: 0, end: eq }];
    }
    return [{ message: `The name '${name}' holds a blank, which stays part of the name ("Please avoid unnecessary spaces on variables"): \${${name.trim()}} will not find it.`, start: 0, end: eq }];
  }
  // Set(a=1,b=2): the 1.4 way of setting two variables sets one, a, to "1,b=2"
  const value = data.slice(eq + 1);
  const pieces = separateArgs(value, ',', false);
  if (pieces.length > 1 && !pieces[0].includes('=') && pieces.slice(1).every((p) => /^_{0,2}[A-Za-z][A-Za-z0-9_]*(\([^)]*\))?=/.test(p))) {
    return [{ message: `Set sets one variable: '${name}' gets '${value}', commas and all. Use MSet(${data}) or one Set per variable.`, start: eq + 1, end: data.length }];
  }
  return [];
}

/**
 * GotoIf's `condition?[iftrue][:iffalse]` (pbx_builtin_gotoif, main/pbx_builtins.c): the false branch is the
 * rest after the first `:`, so a second `:` makes it a label that cannot exist.
 */
export function gotoIfBranches(data: string): Malformed[] {
  if (!data.includes('?')) return []; // dialplan-app-condition says it
  const { condition, no } = splitBranches(data);
  if (!balanced(condition)) return []; // the '?' is inside ${IF(...)} or $[...]: the split happens on the value
  if (no === undefined || dynamic(no) || !no.includes(':')) return [];
  const start = data.lastIndexOf(no);
  return [{ message: `A second ':' in GotoIf: the false branch is '${no}' as a whole, a place that cannot exist, so taking it ends the call.`, start, end: start + no.length }];
}
