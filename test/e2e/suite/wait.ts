// Waiting in the extension host: poll a probe, woken up early by VS Code events, with a deadline. No fixed sleeps.
import type { Disposable, Event } from 'vscode';

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 60_000, events = [] as Event<unknown>[], describe = (): string => '' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let wake: (() => void) | undefined;
  const subscriptions: Disposable[] = events.map((event) => event(() => wake?.()));
  try {
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) {
        const detail = describe();
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `; last seen: ${detail}` : ''}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    for (const s of subscriptions) s.dispose();
  }
}
