// Signature help inside `App(...)`: the application's call form with the parameter under the cursor. Which
// parameter follows the arguments as Asterisk splits them (ast_app_separate_args: commas outside parentheses,
// brackets and quotes) and the call form's parameters of each argument (docs/argumentShape.ts), then the separators
// the call form writes inside an argument (`?` and `:` of GotoIf, `@` of VoiceMailMain). In the option argument
// the parameter's documentation lists the options, the one under the cursor first (analysis/appOptions.ts).
import { applicationDoc } from '../../docs/applications';
import type { AppDoc } from '../../docs/applications';
import type { ArgumentShape } from '../../docs/argumentShape';
import { argumentShape } from '../../docs/argumentShape';
import { optionList } from '../../docs/markdown';
import { appOptions, readOptions } from '../appOptions';
import { optionMarkdown } from '../docsHover';
import { separateArgs } from '../simulate/cstring';
import { restOf, whereInDialplan } from './where';

export interface Signature {
  /** Plain text (editors show a signature's label as it is): the application's syntax. */
  label: string;
  /** Markdown. */
  documentation: string;
  /** Offsets into the label, and Markdown. */
  parameters: { label: [number, number]; documentation: string }[];
  /** an index into `parameters`; -1 when the cursor is in none of them (an argument the call form does not have) */
  active: number;
}

/** Signature help for the line up to the cursor (`before`), with the rest of the line (`after`). */
export function signature(before: string, after = ''): Signature | null {
  const where = whereInDialplan(before);
  if (!where || where.kind !== 'argument') return null;
  const doc = applicationDoc(where.app);
  if (!doc) return null;
  const shape = argumentShape(doc);
  const rest = restOf(where.args, after);
  const at = activeParameter(shape, where.args, rest.call);
  const labels = parameterLabels(doc, shape);
  const parameters = doc.params.map((p, i) => ({ label: labels[i], documentation: `${p.optional ? '(optional) ' : ''}${p.doc}` }));
  const options = appOptions(doc.name);
  if (options && at.argument === options.argument) {
    // the whole option argument, the part after the cursor too, and the option the cursor is in or right after
    const text = where.text + rest.argument;
    const cursor = where.text.length;
    const uses = readOptions(options, text);
    const use = uses.find((u) => cursor > u.start && cursor <= u.end) ?? uses.find((u) => cursor === u.start);
    const p = parameters[options.param];
    const here = use ? `${optionMarkdown(options, use, false)}\n\n---\n\n` : '';
    p.documentation = `${p.documentation}\n\n${here}${optionList(options.docs.values())}`;
  }
  return { label: doc.syntax, documentation: `${doc.summary}\n\n[Asterisk documentation](${doc.url})`, parameters, active: at.param };
}

/** Where each parameter's name stands in the call form (the order of `params`, as argumentShape reads it). */
function parameterLabels(doc: AppDoc, shape: ArgumentShape): [number, number][] {
  const at = new Map<number, number>();
  for (const group of shape.parts) for (const part of group ?? []) at.set(part.param, part.at);
  return doc.params.map((p, i) => {
    const start = at.get(i) ?? Math.max(0, doc.syntax.indexOf(p.name));
    return [start, start + p.name.length];
  });
}

/**
 * The comma-separated argument the cursor is in and the parameter it is in. When fewer arguments are written than
 * the call form has and the optional ones come first (`[[context,]exten,]priority`: Goto(s,1) is an extension and
 * a priority), the arguments are counted from the right, as pbx_parseable_goto reads them.
 */
function activeParameter(shape: ArgumentShape, typed: string, rest: string): { argument: number; param: number } {
  const args = typed === '' ? [''] : separateArgs(typed, ',', false);
  const written = separateArgs(typed + rest, ',', false).length;
  const groups = shape.parts;
  if (groups.length === 0) return { argument: 0, param: -1 };
  let argument = args.length - 1;
  if (shape.leadingOptional > 0 && written < groups.length) argument += Math.min(shape.leadingOptional, groups.length - written);
  let text = args[args.length - 1];
  if (argument >= groups.length) {
    // the last argument takes the rest (Set's value, a repeated argument): it starts at the last group
    const last = groups.length - 1;
    text = args.slice(Math.max(0, args.length - 1 - (argument - last))).join(',');
    argument = last;
  }
  const group = groups[argument];
  if (!group) return { argument, param: -1 };
  // inside the argument: the separators the call form writes between its parameters, outside ${...} and $[...]
  let part = 0;
  let depth = 0;
  for (let i = 0; i < text.length && part + 1 < group.length; i++) {
    const c = text[i];
    if (depth === 0 && c === group[part + 1].separator) part++;
    if (c === '$' && (text[i + 1] === '{' || text[i + 1] === '[')) {
      depth++;
      i++;
    } else if (c === '(') depth++;
    else if ((c === '}' || c === ']' || c === ')') && depth > 0) depth--;
  }
  return { argument, param: group[part].param };
}
