// The `${...}` substitutions of an application's data, for the checks that read them (dialplan-substring,
// dialplan-function-unknown, dialplan-function-arguments): nested ones too, each with its body and its offset.

/**
 * Where the `${...}` or `$[...]` that starts at `start` ends (the offset after its closing brace or bracket, nested
 * ones counted), or -1 when it never closes.
 */
export function substitutionEnd(text: string, start: number): number {
  let depth = 1;
  let j = start + 2;
  for (; j < text.length && depth > 0; j++) {
    if (text[j] === '$' && (text[j + 1] === '{' || text[j + 1] === '[')) {
      depth++;
      j++;
    } else if (text[j] === '}' || text[j] === ']') depth--;
  }
  return depth > 0 ? -1 : j;
}

/** Each `${...}` of a text (nested ones too), with its body and where it starts. */
export function substitutions(text: string, base: number, out: { body: string; at: number }[]): void {
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] !== '$' || text[i + 1] !== '{') continue;
    const j = substitutionEnd(text, i);
    if (j < 0) return; // unclosed: Asterisk warns about it elsewhere
    const body = text.slice(i + 2, j - 1);
    out.push({ body, at: base + i + 2 });
    substitutions(body, base + i + 2, out);
    i = j - 1;
  }
}


/** A dialplan function named in a line: read in `${NAME(...)}`, or written by `Set(NAME(...)=value)`. */
export interface FunctionUse {
  name: string;
  mode: 'read' | 'write';
  /** Offset of the name in the application's data. */
  at: number;
  /** What stands between its parentheses. */
  args: string;
}

/** The functions a line reads and writes, with names known before the call (a name built at run time is left out). */
export function functionUses(app: string, data: string): FunctionUse[] {
  const out: FunctionUse[] = [];
  const found: { body: string; at: number }[] = [];
  substitutions(data, 0, found);
  for (const { body, at } of found) {
    // parse_variable_name: a '(' before the first ':' outside parentheses makes it a function call
    const open = body.indexOf('(');
    const colon = body.indexOf(':');
    if (open <= 0 || (colon >= 0 && colon < open)) continue;
    const name = body.slice(0, open);
    if (/^[A-Za-z0-9_]+$/.test(name)) out.push({ name, mode: 'read', at, args: body.slice(open + 1, body.endsWith(')') ? -1 : undefined) });
  }
  if (app.toLowerCase() === 'set') {
    // pbx_builtin_setvar: the name is what comes before the first '='; one that ends with ')' is a function
    const eq = data.indexOf('=');
    const target = (eq < 0 ? data : data.slice(0, eq)).trim();
    const open = target.indexOf('(');
    const lead = data.length - data.trimStart().length;
    if (open > 0 && target.endsWith(')') && /^[A-Za-z0-9_]+$/.test(target.slice(0, open))) out.push({ name: target.slice(0, open), mode: 'write', at: lead, args: target.slice(open + 1, -1) });
  }
  return out;
}
