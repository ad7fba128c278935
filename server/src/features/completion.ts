// Completion and signature help over LSP: the analysis' suggestions as CompletionItems (snippets where they help,
// documentation as Markdown, deprecated ones tagged), and the application's signature with the parameter being typed.
import type { CompletionItem, Position, SignatureHelp } from 'vscode-languageserver';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import type { LineSpan, Suggestion } from '../analysis/completion/complete';
import { complete } from '../analysis/completion/complete';
import { signature } from '../analysis/completion/signature';
import type { Workspace } from '../model/workspace';
import type { Section } from '../parser/ast';

/** Text LSP shows as plain text (a completion's detail, a signature's label): Markdown code marks dropped. */
const plainText = (markdown: string): string => markdown.replace(/`([^`]*)`/g, '$1');

const KINDS: Record<Suggestion['kind'], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  context: CompletionItemKind.Module,
  label: CompletionItemKind.Reference,
  peer: CompletionItemKind.Interface,
  endpoint: CompletionItemKind.Interface,
  application: CompletionItemKind.Function,
  function: CompletionItemKind.Function,
  variable: CompletionItemKind.Variable,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  template: CompletionItemKind.Class,
  snippet: CompletionItemKind.Snippet,
  option: CompletionItemKind.EnumMember,
};

/** The text of the cursor's line up to the cursor and after it, the line's offsets, and the section it is in. */
function lineBefore(workspace: Workspace, file: string, text: string, position: Position): { line: string; after: string; span: LineSpan; section: Section | null } | null {
  const doc = workspace.document(file);
  if (!doc || position.line >= doc.lineStarts.length) return null;
  const start = doc.lineStarts[position.line];
  const offset = Math.min(start + position.character, text.length);
  let section: Section | null = null;
  for (const s of doc.sections) if (s.start < start || (s.start === start && offset > s.headerEnd)) section = s;
  const end = doc.lineStarts[position.line + 1] ?? text.length;
  return { line: text.slice(start, offset), after: text.slice(offset, end).replace(/\r?\n$/, ''), span: { start, end }, section };
}

export function completion(workspace: Workspace, file: string, text: string, position: Position): CompletionItem[] {
  const at = lineBefore(workspace, file, text, position);
  if (!at) return [];
  return complete(workspace, file, at.line, at.section, at.span, at.after).map((s, i) => {
    const range = { start: { line: position.line, character: position.character - s.replace }, end: position };
    const item: CompletionItem = {
      label: s.label,
      kind: KINDS[s.kind],
      ...(s.detail !== undefined ? { detail: plainText(s.detail) } : {}),
      sortText: String(i).padStart(5, '0'),
      textEdit: { range, newText: s.snippet ?? s.label },
      ...(s.snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      ...(s.documentation ? { documentation: { kind: MarkupKind.Markdown, value: s.documentation } } : {}),
      ...(s.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    };
    return item;
  });
}

export function signatureHelp(workspace: Workspace, file: string, text: string, position: Position): SignatureHelp | null {
  const at = lineBefore(workspace, file, text, position);
  const sig = at ? signature(at.line, at.after) : null;
  if (!sig) return null;
  return {
    signatures: [
      {
        // the label is plain text: parameters are offsets into it
        label: sig.label,
        documentation: { kind: MarkupKind.Markdown, value: sig.documentation },
        parameters: sig.parameters.map((p) => ({ label: p.label, documentation: { kind: MarkupKind.Markdown, value: p.documentation } })),
      },
    ],
    activeSignature: 0,
    // null: the cursor is in no documented parameter
    activeParameter: sig.active >= 0 ? sig.active : null,
  };
}
