// How applications split their data (main/app.c __ast_app_separate_args, behind AST_STANDARD_APP_ARGS and its
// RAW and NONSTANDARD forms): at a delimiter outside parentheses, square brackets and double quotes; with
// `removeChars`, quotes and backslashes are removed (a backslash keeps the next character, a delimiter too). The
// last of `max` arguments takes the rest of the text, delimiters and all.

/** The arguments of `text`, at most `max` (the application's declared arguments). */
export function separateArgs(text: string, delim: string, removeChars: boolean, max = 100): string[] {
  const out: string[] = [];
  let current = '';
  let paren = 0;
  let bracket = 0;
  let quote = false;
  let i = 0;
  let lastWasDelim = false;
  while (i < text.length && out.length < max - 1) {
    const c = text[i];
    lastWasDelim = false;
    if (c === '(') paren++;
    else if (c === ')') paren = Math.max(0, paren - 1);
    else if (c === '[') bracket++;
    else if (c === ']') bracket = Math.max(0, bracket - 1);
    else if (c === '"' && delim !== '"') {
      quote = !quote;
      if (removeChars) {
        i++;
        continue;
      }
    } else if (c === '\\') {
      if (removeChars) {
        // the next character is literal, whatever it is
        if (i + 1 < text.length) current += text[i + 1];
        i += 2;
        continue;
      }
      current += c;
      if (i + 1 < text.length) current += text[i + 1];
      i += 2;
      continue;
    } else if (c === delim && paren === 0 && bracket === 0 && !quote) {
      out.push(current);
      current = '';
      i++;
      lastWasDelim = true;
      continue;
    }
    current += c;
    i++;
  }
  if (i < text.length) {
    // the last argument: the rest, untouched
    out.push(text.slice(i));
  } else if (current !== '' || lastWasDelim || (out.length === 0 && text !== '')) out.push(current);
  return out;
}
