// REGEX() (funcs/func_strings.c) asks regcomp(REG_EXTENDED | REG_NOSUB) and regexec() whether a pattern matches
// anywhere: the same POSIX engine as `$[... =~ ...]` (posixRegex.ts, posixRegexMatch.ts), on the byte strings the
// functions see. A pattern or text beyond what the simulation runs (a back-reference blow-up, a huge repetition)
// gives `null` (undecided) instead of an answer.
import { fromBytes } from '../cstring';
import { compileRegex, RegexError, RegexLimitError } from '../posixRegex';
import { execRegex } from '../posixRegexMatch';

export type Compiled = { error: string } | { test(s: string): boolean | null };

/** regcomp(pattern, REG_EXTENDED | REG_NOSUB) on a byte string: glibc's regerror text, or a matcher of byte strings. */
export function compileEre(pattern: string): Compiled {
  let re: ReturnType<typeof compileRegex>;
  try {
    re = compileRegex(fromBytes(pattern));
  } catch (e) {
    if (e instanceof RegexError) return { error: e.message };
    if (e instanceof RegexLimitError) return { test: () => null };
    throw e;
  }
  return {
    test: (s: string) => {
      try {
        return execRegex(re, fromBytes(s)) !== undefined;
      } catch (e) {
        if (e instanceof RegexLimitError) return null;
        throw e;
      }
    },
  };
}
