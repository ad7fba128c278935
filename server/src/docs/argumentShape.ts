// How many comma-separated arguments an application takes, read from the call form its documentation writes
// (docs/applications.ts `syntax`): a `,` outside brackets starts a required argument, one inside `[...]` an
// optional one, and `...` after an optional argument repeats it. Commas inside `(...)` belong to an option or to
// Gosub's arguments, not to the application. Applications that split their data on `?` (GotoIf, ExecIf...) or
// that take the rest of the data as one text (Set, NoOp, Verbose's message...) have no upper bound.
import type { AppDoc } from './applications';

export interface ArgumentShape {
  /** the fewest arguments the application accepts (0 when its data may be empty) */
  min: number;
  /** the most; Infinity when it repeats an argument or takes the rest of the data as it is */
  max: number;
  /** what each argument holds, by position: its parameters as the documentation names them (`filename.format`) */
  names: string[];
  /**
   * the same by index into `doc.params`: each argument's parameters in order, with the character the call form
   * writes before each one inside the argument (`.` before `format`, `?` and `:` in GotoIf; '' for the first), and
   * where its name stands in `doc.syntax`
   */
  parts: { param: number; separator: string; at: number }[][];
  /**
   * how many arguments at the start are optional before a required one (`[[context,]extension,]priority`: 2,
   * `[level,]message`: 1); when fewer are written, the ones written are the last (Goto(s,1) is extension, priority)
   */
  leadingOptional: number;
}

/**
 * Applications whose last argument is free text that keeps its commas (ast_app_separate_args gives the last
 * argument whatever is left, and these print, log, send or evaluate it as written), or that do not split on commas.
 */
const TAKES_THE_REST = new Set(
  ['NoOp', 'Verbose', 'Log', 'System', 'TrySystem', 'SendText', 'Set', 'Exec', 'TryExec', 'UserEvent', 'QueueLog', 'SIPAddHeader', 'Stasis', 'Return', 'DumpChan', 'MSet', 'ImportVar'].map((n) => n.toLowerCase()),
);

const shapes = new WeakMap<AppDoc, ArgumentShape>();

/** The shape of an application's (or function's) arguments, worked out once per documentation entry. */
export function argumentShape(doc: AppDoc): ArgumentShape {
  let shape = shapes.get(doc);
  if (shape === undefined) {
    shape = shapeOf(doc);
    shapes.set(doc, shape);
  }
  return shape;
}

function shapeOf(doc: AppDoc): ArgumentShape {
  const open = doc.syntax.indexOf('(');
  const close = doc.syntax.lastIndexOf(')');
  const body = open >= 0 && close > open ? doc.syntax.slice(open + 1, close) : '';
  let min = 0;
  let max = body.trim() === '' ? 0 : 1;
  let required = false; // text outside brackets: the data cannot be empty
  let brackets = 0;
  let parens = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') parens++;
    else if (c === ')') parens--;
    else if (parens > 0) continue;
    else if (c === '[') brackets++;
    else if (c === ']') brackets--;
    else if (c === ',') {
      max++;
      if (brackets === 0) min++;
    } else if (c === '.' && body.startsWith('...', i) && body.lastIndexOf(',', i) > body.lastIndexOf('&', i)) max = Infinity;
    else if (brackets === 0) required = true;
  }
  if (body.includes('?') || TAKES_THE_REST.has(doc.name.toLowerCase())) max = Infinity;
  // `[queuename],interface`: the comma is required even though the argument before it may be empty
  return { min: required ? min + 1 : min, max, ...argumentNames(doc, body, open + 1), leadingOptional: leadingOptional(body) };
}

/** The commas of a first `[...]` that a required argument follows: `[[context,]extension,]priority` has 2. */
function leadingOptional(body: string): number {
  if (!body.startsWith('[')) return 0;
  let depth = 0;
  let parens = 0;
  let commas = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') parens++;
    else if (c === ')') parens--;
    else if (parens > 0) continue;
    else if (c === '[') depth++;
    else if (c === ',') commas++;
    else if (c === ']' && --depth === 0) return /^[A-Za-z]/.test(body.slice(i + 1)) ? commas : 0;
  }
  return 0;
}

/** The documented parameters of each comma-separated argument, from where their names stand in the call form. */
function argumentNames(doc: AppDoc, body: string, bodyAt: number): Pick<ArgumentShape, 'names' | 'parts'> {
  const names: string[] = [];
  const parts: ArgumentShape['parts'] = [];
  let from = 0;
  for (const [index, p] of doc.params.entries()) {
    const at = body.indexOf(p.name, from);
    if (at < 0) continue;
    from = at + p.name.length;
    let commas = 0;
    let parens = 0;
    for (let i = 0; i < at; i++) {
      if (body[i] === '(') parens++;
      else if (body[i] === ')') parens--;
      else if (body[i] === ',' && parens === 0) commas++;
    }
    let k = at - 1;
    while (body[k] === '[') k--;
    names[commas] = names[commas] === undefined ? p.name : `${names[commas]}${body[k] ?? ''}${p.name}`;
    const group = (parts[commas] ??= []);
    group.push({ param: index, separator: group.length === 0 ? '' : (body[k] ?? ''), at: bodyAt + at });
  }
  return { names, parts };
}
