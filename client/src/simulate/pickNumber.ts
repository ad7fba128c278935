// The number to dial: a QuickPick in which the user types a new number or picks a recent one. The proposal
// (the extension under the cursor, else the last number) comes first, so that Enter alone dials it.
import type { QuickPickItem } from 'vscode';
import { window } from 'vscode';

/** What a dialed number may hold: digits, `*`, `#`, `+`, the DTMF letters A-D, and lower-case letters for the
 *  named extensions (`s`, `i`, `t`...). No spaces: Asterisk would take them as part of the number. */
const DIALABLE = /^[0-9*#+A-Da-z]+$/;

/** Why a string cannot be dialed, or undefined when it can. */
export function numberProblem(value: string): string | undefined {
  if (value === '') return 'Type a number to dial.';
  if (/\s/.test(value)) return 'A dialed number has no spaces.';
  if (!DIALABLE.test(value)) return 'A dialed number holds only digits, *, #, +, the letters A-D and lower-case letters (s, i...).';
  return undefined;
}

interface NumberItem extends QuickPickItem {
  /** The number this item dials; none for the item that says what is wrong with the typed text. */
  number?: string;
}

export interface NumberChoices {
  title: string;
  /** A number to propose first, and why (`under the cursor`...). */
  proposed?: { number: string; why: string };
  recent: string[];
}

export function pickNumber({ title, proposed, recent }: NumberChoices): Promise<string | undefined> {
  const listed: NumberItem[] = [];
  if (proposed) listed.push({ label: proposed.number, description: proposed.why, number: proposed.number });
  for (const number of recent) {
    if (number !== proposed?.number) listed.push({ label: number, description: listed.length === 0 ? 'last dialed' : 'recent', number });
  }
  const pick = window.createQuickPick<NumberItem>();
  pick.title = title;
  pick.placeholder = 'Type the number to dial, or pick a recent one';
  pick.items = listed;

  // The typed text becomes the first item (or says why it cannot be dialed); the recent ones stay below,
  // filtered by what is typed.
  const typed = (value: string): void => {
    const problem = value === '' ? undefined : numberProblem(value);
    const first: NumberItem | undefined = problem
      ? { label: `$(warning) ${problem}`, alwaysShow: true }
      : value && !listed.some((item) => item.number === value)
        ? { label: value, description: 'dial this number', alwaysShow: true, number: value }
        : undefined;
    pick.items = first ? [first, ...listed] : listed;
    // new items leave no item active: Enter would do nothing
    const active = first ?? listed.find((item) => item.number === value) ?? listed[0];
    if (active) pick.activeItems = [active];
  };

  return new Promise((resolve) => {
    pick.onDidChangeValue(typed);
    pick.onDidAccept(() => {
      const number = pick.activeItems[0]?.number;
      if (number === undefined) return; // the warning item: keep the picker open
      resolve(number);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
