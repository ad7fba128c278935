// Hover documentation from server/src/docs: an application's name in a dialplan line, a dialplan function in
// `${...}`, and a key of sip.conf, pjsip.conf, iax.conf or extensions.conf [general], each with a link to the
// official Asterisk documentation.
import { applicationDoc } from '../docs/applications';
import { functionDoc } from '../docs/functions';
import { keyDoc } from '../docs/keys';
import { callableMarkdown, keyMarkdown } from '../docs/markdown';
import type { Workspace } from '../model/workspace';
import { isDialplanFileName } from '../model/workspace';
import { parseExtensionStatement } from '../parser/dialplanParser';
import { confKind } from './completion/complete';
import { sectionAt } from './hover';

export interface DocsHover {
  markdown: string;
  start: number;
  end: number;
}

export function docsHoverAt(workspace: Workspace, file: string, offset: number): DocsHover | null {
  const doc = workspace.document(file);
  if (!doc) return null;
  const section = sectionAt(doc, offset) ?? null;
  const item = section?.items.find((i) => offset >= i.start && offset <= i.end);
  if (!item || item.type !== 'Assignment') return null;
  const key = item.key.text.toLowerCase();
  if (isDialplanFileName(file) && (key === 'exten' || key.startsWith('same'))) {
    const app = parseExtensionStatement(item, key === 'exten' ? 'exten' : 'same').application;
    if (app && offset >= app.name.start && offset <= app.name.end) {
      const a = applicationDoc(app.name.text.trim());
      if (!a) return null;
      return { markdown: callableMarkdown(a, 'application'), start: app.name.start, end: app.name.end };
    }
    const data = app?.data;
    if (data && offset >= data.start && offset <= data.end && data.end - data.start === data.text.length) {
      // the function whose name is under the cursor: ${NAME(
      for (const m of data.text.matchAll(/\$\{([A-Z_0-9]+)\(/g)) {
        const start = data.start + m.index + 2;
        if (offset < start || offset > start + m[1].length) continue;
        const f = functionDoc(m[1]);
        if (!f) return null;
        return { markdown: callableMarkdown(f, 'function'), start, end: start + m[1].length };
      }
    }
    return null;
  }
  if (offset < item.key.start || offset > item.key.end) return null;
  const kind = confKind(workspace, file, section);
  if (!kind) return null;
  const k = keyDoc(kind.file, key, kind.type);
  if (!k) return null;
  return {
    markdown: keyMarkdown(k, kind.file, kind.type),
    start: item.key.start,
    end: item.key.end,
  };
}
