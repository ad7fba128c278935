// Runs every check on an in-memory PBX and reports findings as `code@line` (1-based), so a test lists exactly
// what it expects and any unexpected finding fails it.
import type { Finding } from '../../server/src/analysis/findings';
import { fileFindings } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';

export function pbx(files: Record<string, string>): Workspace {
  const ws = new Workspace(new MemoryHost(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/pbx/${k}`, v]))));
  for (const f of Object.keys(files)) ws.addKnown(`/pbx/${f}`);
  return ws;
}

export function findings(text: string, file = 'extensions.conf', others: Record<string, string> = {}): Finding[] {
  const ws = pbx({ [file]: text, ...others });
  return fileFindings(ws, `/pbx/${file}`);
}

export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** `code@line` for every finding, in order. */
export function summary(text: string, file = 'extensions.conf', others: Record<string, string> = {}): string[] {
  return findings(text, file, others).map((f) => `${f.code}@${lineOf(text, f.start)}`);
}

/** Applies a finding's first fix to the text. */
export function applyFix(text: string, f: Finding): string {
  const edits = [...(f.fixes?.[0]?.edits ?? [])].sort((a, b) => b.start - a.start);
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}
