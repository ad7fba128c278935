// The quick fix that turns a macro into a Gosub subroutine (issue 14): on the version-removed and version-deprecated
// findings of a Macro call or of a MacroExit, one edit that converts every call of the macro and its context, when
// the conversion is mechanical and runs the same steps (rules.ts); otherwise the finding says why there is none.
// Those findings are kept with their context (checks/lineByLine.ts), but the fix depends on the whole dialplan (the
// macro's context, its other callers): it is worked out on each dialplan anew, once per macro (`amend`).
import type { Dialplan, Priority } from '../../model/dialplan';
import type { Finding, Fix } from '../finding';
import { conversionEdits } from './edits';
import type { Facts } from './facts';
import { dialplanFacts, isBuilt } from './facts';
import { analyze } from './rules';

export type MacroFix = { fix: Fix } | { refused: string };

interface Worked {
  facts: Facts;
  byName: Map<string, MacroFix>;
}

const worked = new WeakMap<Dialplan, Worked>();

/** The conversion of the macro `name` (its context is `macro-name`) in this dialplan. */
export function macroToGosub(plan: Dialplan, name: string): MacroFix {
  let w = worked.get(plan);
  if (w === undefined) {
    w = { facts: dialplanFacts(plan), byName: new Map() };
    worked.set(plan, w);
  }
  let result = w.byName.get(name);
  if (result === undefined) {
    const c = analyze(plan, w.facts, name);
    const edits = 'refused' in c ? c : conversionEdits(plan, c);
    if ('refused' in edits) result = edits;
    else {
      const n = 'refused' in c ? 0 : c.calls.length;
      result = {
        fix: {
          title: `Turn the macro '${name}' into a Gosub subroutine: ${n === 1 ? 'its call' : `its ${n} calls`} and [macro-${name}]`,
          edits,
        },
      };
    }
    w.byName.set(name, result);
  }
  return result;
}

/** The Macro-family lines the version findings are about (set by the checks, read by `amendMacroFindings`). */
const macroLines = new WeakMap<Finding, Priority>();

export function markMacroFinding(f: Finding, p: Priority): void {
  macroLines.set(f, p);
}

/** The conversion a Macro-family line is part of, or why there is none. */
function fixFor(plan: Dialplan, p: Priority): MacroFix {
  const app = p.app.toLowerCase();
  if (app === 'macro') {
    const name = p.data.split(',')[0];
    return isBuilt(name) ? { refused: "the macro's name is built at run time" } : macroToGosub(plan, name);
  }
  if (app === 'macroexit') {
    const context = p.extension?.context ?? '';
    return context.startsWith('macro-') ? macroToGosub(plan, context.slice('macro-'.length)) : { refused: `it is outside a [macro-...] context` };
  }
  if (app === 'macroif')
    return {
      refused: 'MacroIf has no mechanical Gosub form (GosubIf splits its branches and arguments otherwise)',
    };
  return { refused: `${p.app} has no Gosub form (a Gosub takes no lock)` };
}

/** The version findings on Macro-family lines, with the quick fix or, in the message, why there is none. */
export function amendMacroFindings(plan: Dialplan, found: Finding[]): Finding[] {
  return found.map((f) => {
    const p = macroLines.get(f);
    if (p === undefined) return f;
    const r = fixFor(plan, p);
    return 'fix' in r ? { ...f, fixes: [r.fix] } : { ...f, message: `${f.message} No quick fix to Gosub: ${r.refused}.` };
  });
}
