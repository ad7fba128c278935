// dialplan-substring: `${NAME:offset:length}` whose offset or length is no number. parse_variable_name
// (main/pbx_variables.c) cuts the name at its first `:` outside parentheses and reads the rest with
// sscanf("%30d:%30d"): what is no number is silently taken as offset 0 or as "to the end", and what follows a number
// is ignored. So `${EXTEN:a}` is the whole of EXTEN, `${EXTEN:1:x}` all of it but the first character.
import type { Priority } from '../../model/dialplan';
import type { Finding } from '../finding';
import { dataPlaces, perLine } from './lineByLine';
import { substitutions } from './substitutions';

export const code = 'dialplan-substring';

/** What sscanf("%30d") reads at the start of `text`: the characters it takes (blanks, sign, digits), or 0. */
function numberAt(text: string): number {
  const m = /^[ \t\n\v\f\r]*[+-]?[0-9]+/.exec(text);
  return m ? m[0].length : 0;
}

/** The first `:` of a name outside parentheses and nested substitutions, as parse_variable_name finds it. */
function colonOf(body: string): number {
  let parens = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '$' && (body[i + 1] === '{' || body[i + 1] === '[')) return -1; // built at run time: not judged
    if (c === '(') parens++;
    else if (c === ')') parens--;
    else if (c === ':' && parens === 0) return i;
  }
  return -1;
}

function check(p: Priority, out: Finding[]): void {
  if (!p.data.includes('${') || !p.statement.application?.data) return;
  const places = dataPlaces(p);
  const found: { body: string; at: number }[] = [];
  substitutions(p.data, 0, found);
  for (const { body, at } of found) {
    const colon = colonOf(body);
    if (colon < 0) continue;
    const name = body.slice(0, colon);
    const spec = body.slice(colon + 1);
    if (spec.includes('$')) continue; // substituted first, on the call
    const offsetLength = numberAt(spec);
    let problem: string | null = null;
    let from = colon + 1;
    const to = body.length;
    if (offsetLength === 0) problem = `'${spec}' is no offset: Asterisk reads it as 0, so this is the whole of ${name}`;
    else {
      const rest = spec.slice(offsetLength);
      if (rest !== '' && rest[0] !== ':') {
        problem = `after the offset ${spec.slice(0, offsetLength).trim()}, Asterisk ignores '${rest}'`;
        from = colon + 1 + offsetLength;
      } else if (rest !== '') {
        const lengthText = rest.slice(1);
        const lengthLength = numberAt(lengthText);
        from = colon + 1 + offsetLength + 1;
        if (lengthLength === 0) problem = `'${lengthText}' is no length: Asterisk takes ${name} to its end from offset ${spec.slice(0, offsetLength).trim()}`;
        else if (lengthLength < lengthText.length) {
          problem = `after the length ${lengthText.slice(0, lengthLength).trim()}, Asterisk ignores '${lengthText.slice(lengthLength)}'`;
          from += lengthLength;
        }
      }
    }
    if (problem === null) continue;
    const { start, end } = places.at(at + from, at + to);
    out.push({ code, severity: 'warning', message: `In \${${body}}, ${problem} (parse_variable_name reads ${name}:offset:length with numbers only).`, file: p.file, start, end: Math.max(end, start + 1), related: [] });
  }
}

export const substring = perLine(code, (_plan, p, out) => check(p, out));
