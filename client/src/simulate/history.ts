// The numbers dialed last, kept across sessions and workspaces (globalState): the same test numbers come back
// from one PBX to the next.
import type { Memento } from 'vscode';

const KEY = 'pbx.simulate.recentNumbers';
const KEEP = 10;

/** The recent numbers, the last one first. */
export function recentNumbers(state: Memento): string[] {
  const stored = state.get<unknown>(KEY);
  return Array.isArray(stored) ? stored.filter((n): n is string => typeof n === 'string') : [];
}

export function rememberNumber(state: Memento, number: string): Thenable<void> {
  return state.update(KEY, [number, ...recentNumbers(state).filter((n) => n !== number)].slice(0, KEEP));
}
