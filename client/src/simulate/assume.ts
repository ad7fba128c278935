// The "Assume..." step of Simulate Dial: what a live call alone would decide (how each Dial ends, what the caller
// types at each prompt, variables set beforehand), remembered per origin (globalState) so that the next simulation
// from the same place starts from the same assumptions. Enter on the first row simulates with what it shows.
import type { Memento, QuickPickItem } from 'vscode';
import { QuickPickItemKind, window } from 'vscode';
import type { DialStatus, Origin, SimulateInputs } from '../../../server/src/protocol';
import { DIAL_STATUSES } from '../../../server/src/protocol';
import { originKey } from './history';

const KEY = 'pbx.simulate.assumptionsByOrigin';
const ORIGINS = 50;

type Action = 'run' | 'dial' | 'digits' | 'set' | 'clear';
interface Item extends QuickPickItem {
  action: Action;
}

/** The assumptions in a few words: `Dial: BUSY, then ANSWER · keys: 2 · VIP=1`. */
export function describeInputs(inputs: SimulateInputs): string {
  const parts = [
    inputs.dialStatus?.length ? `Dial: ${inputs.dialStatus.join(', then ')}` : 'Dial: answered',
    inputs.digits?.length ? `keys: ${inputs.digits.map((d) => d || '(none)').join(', then ')}` : 'keys: none pressed',
    ...Object.entries(inputs.set ?? {}).map(([k, v]) => `${k}=${v}`),
  ];
  return parts.join(' · ');
}

export function rememberedInputs(state: Memento, origin: Origin): SimulateInputs {
  const all = state.get<{ origin: string; inputs: SimulateInputs }[]>(KEY, []);
  return (Array.isArray(all) ? all : []).find((e) => e?.origin === originKey(origin))?.inputs ?? {};
}

export function rememberInputs(state: Memento, origin: Origin, inputs: SimulateInputs): Thenable<void> {
  const key = originKey(origin);
  const all = state.get<{ origin: string; inputs: SimulateInputs }[]>(KEY, []);
  const others = (Array.isArray(all) ? all : []).filter((e) => e?.origin !== key);
  return state.update(KEY, [{ origin: key, inputs }, ...others].slice(0, ORIGINS));
}

/** `BUSY, answer` -> ['BUSY', 'ANSWER'], or a message saying what is wrong. */
export function parseStatuses(text: string): DialStatus[] | string {
  const list = text.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  const bad = list.find((s) => !(DIAL_STATUSES as readonly string[]).includes(s));
  return bad ? `'${bad}' is none of ${DIAL_STATUSES.join(', ')}` : (list as DialStatus[]);
}

/** `2, #, ` -> ['2', '#', ''], or a message. */
export function parseDigits(text: string): string[] | string {
  const list = text.split(',').map((s) => s.trim());
  const bad = list.find((k) => !/^[0-9A-D*#]*$/i.test(k));
  return bad !== undefined ? `'${bad}' is not keys of a phone (0-9, *, #, A-D)` : list.map((k) => k.toUpperCase());
}

/** `VIP=1, LANG=fr` -> {VIP: '1', LANG: 'fr'}, or a message. */
export function parseVariables(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const pair of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `'${pair}' is not NAME=value`;
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return out;
}

/** Asks which assumptions to simulate with; undefined when the user gives up. */
export async function pickInputs(title: string, start: SimulateInputs): Promise<SimulateInputs | undefined> {
  let inputs = { ...start };
  for (;;) {
    const items: Item[] = [
      { action: 'run', label: '$(play) Simulate', description: describeInputs(inputs), detail: 'Every other outcome is listed too, under "All outcomes".' },
      { action: 'run', label: '', kind: QuickPickItemKind.Separator },
      { action: 'dial', label: '$(call-outgoing) How each Dial ends…', description: inputs.dialStatus?.join(', ') || 'ANSWER' },
      { action: 'digits', label: "$(keyboard) What the caller types at each prompt…", description: inputs.digits?.map((d) => d || '(none)').join(', ') || 'nothing' },
      { action: 'set', label: '$(symbol-variable) Variables set beforehand…', description: Object.entries(inputs.set ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || 'none' },
      ...(inputs.dialStatus || inputs.digits || inputs.set ? [{ action: 'clear' as const, label: '$(discard) Assume nothing' }] : []),
    ];
    const picked = await window.showQuickPick(items, { title, placeHolder: 'Assume what a live call would decide, then simulate' });
    if (!picked) return undefined;
    if (picked.action === 'run') return inputs;
    if (picked.action === 'clear') inputs = {};
    else if (picked.action === 'dial') {
      const text = await window.showInputBox({ title: 'How each Dial (or Queue) ends, in order; the last one serves the others', value: inputs.dialStatus?.join(', ') ?? 'ANSWER', prompt: DIAL_STATUSES.join(', '), validateInput: (t) => (typeof parseStatuses(t) === 'string' ? (parseStatuses(t) as string) : undefined) });
      if (text !== undefined) inputs = { ...inputs, dialStatus: parseStatuses(text) as DialStatus[] };
    } else if (picked.action === 'digits') {
      const text = await window.showInputBox({ title: 'What the caller types at each prompt (BackGround, WaitExten, Read), in order', value: inputs.digits?.join(', ') ?? '', prompt: 'e.g. 2, 1001#  (an empty entry: no key, the wait runs out)', validateInput: (t) => (typeof parseDigits(t) === 'string' ? (parseDigits(t) as string) : undefined) });
      if (text !== undefined) inputs = { ...inputs, digits: text.trim() === '' ? undefined : (parseDigits(text) as string[]) };
    } else {
      const current = Object.entries(inputs.set ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
      const text = await window.showInputBox({ title: 'Channel variables set before the first priority', value: current, prompt: 'e.g. VIP=1, LANGUAGE=fr', validateInput: (t) => (typeof parseVariables(t) === 'string' ? (parseVariables(t) as string) : undefined) });
      if (text !== undefined) inputs = { ...inputs, set: text.trim() === '' ? undefined : (parseVariables(text) as Record<string, string>) };
    }
  }
}
