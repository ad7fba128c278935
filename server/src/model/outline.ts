// What a file declares, for the outline: sections (contexts, peers, templates), the extensions of dialplan
// contexts (grouped by name, in file order), `include =>` lines and #include directives.
import type { Assignment, ConfigDocument, Directive, Section } from '../parser/ast';
import { parseExtensionStatement, parseIncludeStatement } from '../parser/dialplanParser';

export interface OutlineExtension {
  /** As written, without spaces. */
  name: string;
  /** From its first line to its last, wherever its lines are in the section (hints often sit apart). */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** Number of `exten`/`same` lines that belong to it, its hint not counted. */
  lines: number;
  /** What its `hint` line watches (`SIP/1001`), or null when it has none. */
  hint: string | null;
}

export interface OutlineSection {
  section: Section;
  /** `context`, `template`, or the section's `type=` (peer, friend, endpoint, aor, auth...). */
  kind: string;
  extensions: OutlineExtension[];
  includes: { context: string; start: number; end: number }[];
  directives: Directive[];
}

const DIALPLAN_KEYS = new Set(['exten', 'same', 'include']);

export function isDialplan(doc: ConfigDocument, fileLooksLikeDialplan: boolean): boolean {
  if (fileLooksLikeDialplan) return true;
  return doc.sections.some((s) => s.items.some((i) => i.type === 'Assignment' && (i.key.text.toLowerCase() === 'exten' || i.key.text.toLowerCase().startsWith('same'))));
}

export function outline(doc: ConfigDocument, dialplan: boolean): OutlineSection[] {
  return doc.sections.map((section) => {
    const type = section.items.find((i): i is Assignment => i.type === 'Assignment' && i.key.text.toLowerCase() === 'type');
    const name = section.name.text.toLowerCase();
    const isContext = dialplan && name !== 'general' && name !== 'globals';
    const kind = section.template ? 'template' : isContext ? 'context' : (type?.value.text.toLowerCase() ?? 'section');
    const extensions: OutlineExtension[] = [];
    const includes: OutlineSection['includes'] = [];
    const directives: Directive[] = [];
    // an extension's lines may be apart (its hint among the other hints): one entry per name
    const byName = new Map<string, OutlineExtension>();
    let last: OutlineExtension | null = null;
    for (const item of section.items) {
      if (item.type === 'Directive') {
        directives.push(item);
        continue;
      }
      if (!isContext) continue;
      const key = item.key.text.toLowerCase();
      if (!DIALPLAN_KEYS.has(key) && !key.startsWith('same')) continue;
      if (key === 'include') {
        const inc = parseIncludeStatement(item);
        includes.push({ context: inc.context.text, start: item.start, end: item.end });
        continue;
      }
      const st = parseExtensionStatement(item, key === 'exten' ? 'exten' : 'same');
      if (st.extension !== null) {
        const name = st.extension.text.replace(/ /g, '');
        last = byName.get(name) ?? null;
        if (last === null) {
          last = { name, start: item.start, end: item.end, nameStart: st.extension.start, nameEnd: st.extension.end, lines: 0, hint: null };
          byName.set(name, last);
          extensions.push(last);
        }
      }
      if (last === null) continue;
      last.end = Math.max(last.end, item.end);
      const app = st.application;
      if (st.priority?.kind === 'hint') last.hint ??= app ? app.name.text + (app.data ? `(${app.data.text})` : '') : '';
      else last.lines++;
    }
    return { section, kind, extensions, includes, directives };
  });
}
