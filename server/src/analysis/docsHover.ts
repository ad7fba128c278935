// Hover documentation from server/src/docs: an application's name in a dialplan line, a dialplan function in
// `${...}`, an option of an application (read as the application reads it, analysis/appOptions.ts), and a key of
// sip.conf, pjsip.conf, iax.conf or extensions.conf [general], each with a link to the official Asterisk
// documentation. Applications and functions say what the Asterisk version of the dialplan did with them.
import { applicationDoc } from '../docs/applications';
import { versionChange } from '../docs/asteriskVersions';
import { functionDoc } from '../docs/functions';
import { keyDoc } from '../docs/keys';
import { callableMarkdown, code, keyMarkdown, optionSyntax } from '../docs/markdown';
import type { Workspace } from '../model/workspace';
import { isDialplanFileName } from '../model/workspace';
import { parseExtensionStatement } from '../parser/dialplanParser';
import type { AppOptions, OptionUse } from './appOptions';
import { optionAt } from './appOptions';
import { confKind } from './completion/complete';
import { sectionAt } from './hover';
import type { VersionOf } from './versionNote';
import { UNCHOSEN, versionNote } from './versionNote';

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
    const version = workspace.dialplanFor(file) ?? UNCHOSEN;
    const app = parseExtensionStatement(item, key === 'exten' ? 'exten' : 'same').application;
    if (app && offset >= app.name.start && offset <= app.name.end) {
      const markdown = callableHover('application', app.name.text.trim(), version);
      return markdown ? { markdown, start: app.name.start, end: app.name.end } : null;
    }
    const data = app?.data;
    if (app && data && offset >= data.start && offset <= data.end && data.end - data.start === data.text.length) {
      // the function whose name is under the cursor: ${NAME(
      for (const m of data.text.matchAll(/\$\{([A-Z_0-9]+)\(/g)) {
        const start = data.start + m.index + 2;
        if (offset < start || offset > start + m[1].length) continue;
        const markdown = callableHover('function', m[1], version);
        return markdown ? { markdown, start, end: start + m[1].length } : null;
      }
      const option = optionAt(app.name.text, data.text, offset - data.start);
      if (option) return { markdown: optionMarkdown(option.options, option.use), start: data.start + option.start, end: data.start + option.end };
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

/** An application or a function with what the version did with it; one a version removed is named even undocumented. */
function callableHover(kind: 'application' | 'function', name: string, version: VersionOf): string | null {
  const doc = kind === 'application' ? applicationDoc(name) : functionDoc(name);
  const note = versionNote(kind, name, version);
  if (doc) return callableMarkdown(doc, kind, note);
  const change = versionChange(kind, name);
  return change && note ? `**${change.name}${kind === 'function' ? '()' : ''}** (${change.module})\n\n${note}` : null;
}

/**
 * An option as the application reads it: what it does, or what Asterisk does with a letter it does not know; `link`
 * ends it with the application's page.
 */
export function optionMarkdown(o: AppOptions, use: OptionUse, link = true): string {
  const problems = use.problems.map((p) => `⚠ ${p.message}`);
  const written = use.value !== null ? [`Written here: ${code(`${use.name}(${use.value})`)}.`] : [];
  let lines: string[];
  if (use.doc) {
    lines = [`**${code(optionSyntax(use.doc))}** — option of ${o.app}`, '', use.doc.doc, ...(written.length ? ['', ...written] : [])];
  } else if (use.known) {
    lines = [`**${code(use.name)}** — option of ${o.app}`, '', `${o.table ? `Asterisk's table (${o.table.source})` : o.app} reads it; this documentation does not describe it.`];
  } else {
    lines = [`**${code(use.name)}** — not an option of ${o.app}`];
    if (o.reading === 'letters') lines.push('', `${o.app} looks only for the letter${o.docs.size === 1 ? '' : 's'} ${[...o.docs.keys()].map(code).join(', ')}: it ignores ${code(use.name)} and logs nothing.`);
  }
  if (problems.length) lines.push('', ...problems.join('\n\n').split('\n'));
  if (link) lines.push('', `[${o.app} in the Asterisk documentation](${o.doc.url})`);
  return lines.join('\n');
}
