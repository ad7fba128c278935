// The numbers dialed last from each origin (a PBX's context, peer, endpoint, user or friend), kept across sessions
// and workspaces (globalState): the numbers one tries from the phones' context are not those one tries from a
// trunk, and the same PBX folder comes back with its own.
//
// Stored as one list of origins, the most recently used first (at most ORIGINS), each with its numbers, the last
// one first (at most KEEP). Before, one list served every origin (LEGACY_KEY): those numbers were recorded without
// their origin, so they remain the history of every origin that has none of its own yet, and the first number
// dialed from such an origin goes in front of them. The legacy list is never written again.
import type { Memento } from 'vscode';
import type { Origin } from '../../../server/src/protocol';

const LEGACY_KEY = 'pbx.simulate.recentNumbers';
const KEY = 'pbx.simulate.recentNumbersByOrigin';
const KEEP = 10;
const ORIGINS = 50;

interface OriginNumbers {
  /** `originKey` of the origin. */
  origin: string;
  numbers: string[];
}

/** The same origin gives the same key: PBX, kind and name. */
export function originKey(origin: Origin): string {
  return JSON.stringify([origin.pbx ?? '', origin.kind, origin.name]);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string') : []);

function stored(state: Memento): OriginNumbers[] {
  const value = state.get<unknown>(KEY);
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const e = entry as Partial<OriginNumbers> | null;
    return typeof e === 'object' && e !== null && typeof e.origin === 'string' ? [{ origin: e.origin, numbers: strings(e.numbers) }] : [];
  });
}

/** The numbers recently dialed from this origin, the last one first. */
export function recentNumbers(state: Memento, origin: Origin): string[] {
  const key = originKey(origin);
  return stored(state).find((e) => e.origin === key)?.numbers ?? strings(state.get<unknown>(LEGACY_KEY)).slice(0, KEEP);
}

export function rememberNumber(state: Memento, origin: Origin, number: string): Thenable<void> {
  const key = originKey(origin);
  const numbers = [number, ...recentNumbers(state, origin).filter((n) => n !== number)].slice(0, KEEP);
  const others = stored(state).filter((e) => e.origin !== key);
  return state.update(KEY, [{ origin: key, numbers }, ...others].slice(0, ORIGINS));
}
