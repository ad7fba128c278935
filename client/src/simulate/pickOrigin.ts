// Where the simulated call starts. The origin under the cursor is proposed first; otherwise (or when the user
// wants another one) a PBX, then one of its contexts, peers, endpoints, users or friends.
import type { QuickPickItem } from 'vscode';
import { QuickPickItemKind, Uri, window, workspace } from 'vscode';
import type { Origin, OriginChoice, OriginKind, SimulateOriginsResult } from '../../../server/src/protocol';

export interface PickedOrigin {
  origin: OriginChoice;
  /** The number the server proposes with the origin under the cursor (a literal extension there). */
  number: string | null;
}

/** The kinds in the order the origin picker lists them, with their group titles. */
const GROUPS: [OriginKind, string][] = [
  ['context', 'contexts'],
  ['peer', 'peers'],
  ['endpoint', 'endpoints'],
  ['user', 'users'],
  ['friend', 'friends'],
];

/** `context from-users on wazo-a` */
export function describeOrigin(origin: Origin): string {
  return `${origin.kind} ${origin.name}${origin.pbx ? ` on ${origin.pbx}` : ''}`;
}

/** What a call from the origin enters, when that is not the origin itself. */
function enters(origin: OriginChoice): string | undefined {
  if (origin.kind === 'context') return undefined;
  return origin.context === null ? 'enters no context' : `enters ${origin.context}`;
}

export async function pickOrigin(found: SimulateOriginsResult): Promise<PickedOrigin | undefined> {
  if (found.here) {
    const here = found.here;
    const start = { label: `$(play) Start in ${describeOrigin(here.origin)}`, description: enters(here.origin) };
    const other = { label: '$(list-flat) Choose another origin...' };
    const choice = await window.showQuickPick([start, other], { title: 'Simulate dial: where does the call start?' });
    if (choice === start) return { origin: here.origin, number: here.number };
    if (choice !== other) return undefined;
  }
  const origin = await chooseOrigin(found);
  return origin && { origin, number: null };
}

async function chooseOrigin(found: SimulateOriginsResult): Promise<OriginChoice | undefined> {
  const pbxs = found.pbxs.filter((p) => p.origins.length > 0);
  if (pbxs.length === 0) {
    void window.showInformationMessage('Simulate dial: the workspace has no dialplan context or SIP peer to start a call from.');
    return undefined;
  }
  let pbx = pbxs[0];
  if (pbxs.length > 1) {
    const items = pbxs.map((p) => ({ label: p.name, description: workspace.asRelativePath(Uri.parse(p.uri)), pbx: p }));
    const chosen = await window.showQuickPick(items, { title: 'Simulate dial: from which PBX?', matchOnDescription: true });
    if (!chosen) return undefined;
    pbx = chosen.pbx;
  }
  type OriginItem = QuickPickItem & { origin?: OriginChoice };
  const items: OriginItem[] = [];
  for (const [kind, title] of GROUPS) {
    const origins = pbx.origins.filter((o) => o.kind === kind);
    if (origins.length === 0) continue;
    items.push({ label: title, kind: QuickPickItemKind.Separator });
    items.push(...origins.map((origin) => ({ label: origin.name, description: enters(origin), origin })));
  }
  const chosen = await window.showQuickPick(items, {
    title: `Simulate dial: where does the call start on ${pbx.name}?`,
    placeHolder: 'A context, or a peer, endpoint, user or friend (its calls enter its context)',
    matchOnDescription: true,
  });
  return chosen?.origin;
}
