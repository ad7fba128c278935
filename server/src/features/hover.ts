// Hover: the analysis' Markdown, with its range.
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import { hoverAt } from '../analysis/hover';
import { docsHoverAt } from '../analysis/docsHover';
import { ivozHoverAt } from '../analysis/ivozHover';
import type { Workspace } from '../model/workspace';
import { lineAndCharacter } from '../parser/lines';
import { rangeOf } from './positions';

export function hover(workspace: Workspace, file: string, offset: number): Hover | null {
  const doc = workspace.document(file);
  if (!doc) return null;
  const dir = workspace.configDir(file);
  const where = (f: string, at: number): string => {
    const d = workspace.document(f);
    const line = d ? lineAndCharacter(d.lineStarts, at).line + 1 : 1;
    return `${path.posix.relative(dir, f) || path.posix.basename(f)}:${line}`;
  };
  const h = hoverAt(workspace, file, offset, where) ?? docsHoverAt(workspace, file, offset) ?? ivozHoverAt(workspace, file, offset, where);
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: rangeOf(doc.lineStarts, h.start, h.end) };
}
