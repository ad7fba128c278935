// The documentation of an application, a function, an option or a key as Markdown: one text for hovers, completion
// and signature help.
import type { CallableDoc, OptionDoc } from './applications';
import type { KeyDoc } from './keys';

const link = (url: string, source = 'Asterisk'): string => `[${source} documentation](${url})`;

/** Code in Markdown, whatever it holds. */
export const code = (s: string): string => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

/**
 * An application (`Dial`) or a function (`CALLERID()`): signature, what it does, its parameters, the link; `note`
 * (what the Asterisk version did with it) right after the title.
 */
export function callableMarkdown(d: CallableDoc, kind: 'application' | 'function', note?: string | null): string {
  const title = kind === 'function' ? `${d.name}()` : d.name;
  const params = d.params.map((p) => `- \`${p.name}\`${p.optional ? ' (optional)' : ''}: ${p.doc}`).join('\n');
  return `**${title}** (${d.module}) — ${d.summary}${note ? `\n\n${note}` : ''}\n\n\`\`\`\n${d.syntax}\n\`\`\`\n\n${d.description}${params ? `\n\n${params}` : ''}\n\n${link(d.url)}`;
}

/** An option as it is written, its value's syntax included: `U(x[^arg[^...]])`. */
export const optionSyntax = (o: OptionDoc): string => `${o.name}${o.args ?? ''}`;

/** The first sentence of a documentation text ("e.g. `x`" does not end one). */
export function firstSentence(text: string): string {
  const end = /(?<!\be\.g|\bi\.e)\.\s+(?=[A-Z])/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

/** The options of a parameter, one line each: the option as written and the first sentence of what it does. */
export function optionList(options: Iterable<OptionDoc>): string {
  return [...options].map((o) => `- ${code(optionSyntax(o))} — ${firstSentence(o.doc)}`).join('\n');
}

/** A key of a config file, with where it applies, its values and default; `source` names the linked documentation. */
export function keyMarkdown(k: Pick<KeyDoc, 'key' | 'summary' | 'description' | 'values' | 'default' | 'url'>, file: string, type: string, source = 'Asterisk'): string {
  const values = k.values?.length ? `\n\n${k.values.map((v) => `- \`${v.value}\`: ${v.doc}`).join('\n')}` : '';
  const where = type ? ` in a \`${type}\` section` : '';
  return `**${k.key}** (${file}${where}) — ${k.summary}${k.description ? `\n\n${k.description}` : ''}${values}${k.default ? `\n\nDefault: \`${k.default}\`` : ''}\n\n${link(k.url, source)}`;
}
