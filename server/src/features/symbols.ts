// Outline -> LSP document symbols.
import type { DocumentSymbol } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { ConfigDocument } from '../parser/ast';
import type { OutlineExtension } from '../model/outline';
import { outline } from '../model/outline';
import { rangeOf } from './positions';

const KIND: Record<string, SymbolKind> = {
  context: SymbolKind.Namespace,
  template: SymbolKind.Interface,
  peer: SymbolKind.Object,
  friend: SymbolKind.Object,
  user: SymbolKind.Object,
  endpoint: SymbolKind.Object,
  aor: SymbolKind.Object,
  auth: SymbolKind.Key,
  registration: SymbolKind.Event,
  identify: SymbolKind.Object,
  transport: SymbolKind.Struct,
  wizard: SymbolKind.Object,
};

/** `2 lines, hint SIP/1001`: the line count always, and what the hint watches. */
function extensionDetail(e: OutlineExtension): string {
  const lines = e.lines === 0 ? (e.hint === null ? '' : 'no priority') : `${e.lines} line${e.lines === 1 ? '' : 's'}`;
  return [lines, e.hint === null ? '' : `hint ${e.hint}`.trim()].filter(Boolean).join(', ');
}

export function documentSymbols(doc: ConfigDocument, dialplan: boolean): DocumentSymbol[] {
  const ls = doc.lineStarts;
  return outline(doc, dialplan).map((o) => {
    const children: DocumentSymbol[] = [];
    for (const e of o.extensions) {
      children.push({
        // a line being typed (`exten => ,1,...`) has no name yet: VS Code refuses a symbol without one
        name: e.name === '' ? '(no extension)' : e.name,
        detail: extensionDetail(e),
        kind: e.name.startsWith('_') ? SymbolKind.Function : SymbolKind.Method,
        range: rangeOf(ls, e.start, e.end),
        selectionRange: rangeOf(ls, e.nameStart, e.nameEnd),
      });
    }
    for (const inc of o.includes) {
      children.push({ name: `include ${inc.context}`, kind: SymbolKind.Module, range: rangeOf(ls, inc.start, inc.end), selectionRange: rangeOf(ls, inc.start, inc.end) });
    }
    for (const d of o.directives) {
      children.push({ name: `#${d.name.text} ${d.argument?.text ?? ''}`.trim(), kind: SymbolKind.File, range: rangeOf(ls, d.start, d.end), selectionRange: rangeOf(ls, d.start, d.end) });
    }
    children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const s = o.section;
    const name = s.name.text === '' ? '(unnamed)' : s.name.text;
    const detail = [s.unclosed ? "missing ']'" : '', o.kind, s.inherits.length ? `(${s.inherits.map((i) => i.text).join(', ')})` : '', s.additive ? '(+)' : ''].filter(Boolean).join(' ');
    return {
      name,
      detail,
      kind: KIND[o.kind] ?? SymbolKind.Class,
      range: rangeOf(ls, s.start, Math.max(s.end, s.headerEnd)),
      selectionRange: rangeOf(ls, s.name.start, s.name.end),
      children,
    };
  });
}
