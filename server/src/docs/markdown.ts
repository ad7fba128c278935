// The documentation of an application, a function or a key as Markdown: one text for hovers and completion.
import type { CallableDoc } from './applications';
import type { KeyDoc } from './keys';

const link = (url: string, source = 'Asterisk'): string => `[${source} documentation](${url})`;

/** An application (`Dial`) or a function (`CALLERID()`): signature, what it does, its parameters, the link. */
export function callableMarkdown(d: CallableDoc, kind: 'application' | 'function'): string {
  const title = kind === 'function' ? `${d.name}()` : d.name;
  const params = d.params.map((p) => `- \`${p.name}\`${p.optional ? ' (optional)' : ''}: ${p.doc}`).join('\n');
  return `**${title}** (${d.module}) — ${d.summary}\n\n\`\`\`\n${d.syntax}\n\`\`\`\n\n${d.description}${params ? `\n\n${params}` : ''}\n\n${link(d.url)}`;
}

/** A key of a config file, with where it applies, its values and default; `source` names the linked documentation. */
export function keyMarkdown(k: Pick<KeyDoc, 'key' | 'summary' | 'description' | 'values' | 'default' | 'url'>, file: string, type: string, source = 'Asterisk'): string {
  const values = k.values?.length ? `\n\n${k.values.map((v) => `- \`${v.value}\`: ${v.doc}`).join('\n')}` : '';
  const where = type ? ` in a \`${type}\` section` : '';
  return `**${k.key}** (${file}${where}) — ${k.summary}${k.description ? `\n\n${k.description}` : ''}${values}${k.default ? `\n\nDefault: \`${k.default}\`` : ''}\n\n${link(k.url, source)}`;
}
