// `pbx.simulateDial`: asks where the call starts, what is dialed and what to assume of what a live call alone
// would decide, has the server follow the call (and every other path it can take), and shows the result. A
// CodeLens passes the origin; a caller that passes a number too (tests, other extensions) is asked nothing (its
// third argument may give the assumptions) and gets the result back.
import type { ExtensionContext, Memento } from 'vscode';
import { commands, ProgressLocation, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RequestType } from 'vscode-languageclient/node';
import type { Origin, SimulateDialParams, SimulateDialResult, SimulateInputs, SimulateOriginsParams, SimulateOriginsResult } from '../../../server/src/protocol';
import { pickInputs, rememberedInputs, rememberInputs } from '../simulate/assume';
import { SETTINGS_SECTION, SIMULATE_COMMAND, SIMULATE_DIAL, SIMULATE_ORIGINS } from '../../../server/src/protocol';
import { recentNumbers, rememberNumber } from '../simulate/history';
import { numberProblem, pickNumber } from '../simulate/pickNumber';
import { describeOrigin, pickOrigin } from '../simulate/pickOrigin';
import { ResultPanel } from '../simulate/resultPanel';

const originsRequest = new RequestType<SimulateOriginsParams, SimulateOriginsResult, void>(SIMULATE_ORIGINS);
const dialRequest = new RequestType<SimulateDialParams, SimulateDialResult, void>(SIMULATE_DIAL);

const ORIGIN_KINDS: readonly string[] = ['context', 'peer', 'endpoint', 'user', 'friend'];

/** An Origin as a CodeLens passes it. (From the editor's context menu the first argument is the file's Uri.) */
function isOrigin(value: unknown): value is Origin {
  const o = value as Partial<Origin> | null;
  return typeof o === 'object' && o !== null && typeof o.name === 'string' && ORIGIN_KINDS.includes(o.kind as string) && (o.pbx === undefined || typeof o.pbx === 'string');
}

export function registerSimulateDial(context: ExtensionContext, client: LanguageClient): void {
  const panel = new ResultPanel();
  context.subscriptions.push(
    panel,
    commands.registerCommand(SIMULATE_COMMAND, async (origin?: unknown, number?: unknown, inputs?: unknown) => {
      try {
        return await simulateDial(client, context.globalState, panel, isOrigin(origin) ? origin : undefined, number, isInputs(inputs) ? inputs : undefined);
      } catch (error) {
        void window.showErrorMessage(`Simulate dial: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
  );
}

/** Assumptions as a caller of the command passes them (the SimulateInputs shape). */
function isInputs(value: unknown): value is SimulateInputs {
  const i = value as SimulateInputs | null;
  return typeof i === 'object' && i !== null && (i.dialStatus === undefined || Array.isArray(i.dialStatus)) && (i.digits === undefined || Array.isArray(i.digits));
}

async function simulateDial(client: LanguageClient, state: Memento, panel: ResultPanel, origin: Origin | undefined, number: unknown, given: SimulateInputs | undefined): Promise<SimulateDialResult | undefined> {
  let proposed: string | null = null;
  if (!origin) {
    const picked = await pickOrigin(await client.sendRequest(originsRequest, cursor(client)));
    if (!picked) return undefined;
    ({ origin, number: proposed } = picked);
  }
  let dialed: string | undefined;
  if (typeof number === 'string') {
    const problem = numberProblem(number);
    if (problem) throw new Error(`cannot dial '${number}': ${problem}`);
    dialed = number;
  } else {
    dialed = await pickNumber({
      title: `Simulate dial from ${describeOrigin(origin)}`,
      proposed: proposed !== null ? { number: proposed, why: 'under the cursor' } : undefined,
      recent: recentNumbers(state, origin),
    });
    if (dialed === undefined) return undefined;
  }
  await rememberNumber(state, origin, dialed);
  let inputs = given;
  if (inputs === undefined && typeof number !== 'string') {
    inputs = await pickInputs(`Simulate dial to ${dialed} from ${describeOrigin(origin)}: assume…`, rememberedInputs(state, origin));
    if (inputs === undefined) return undefined;
    await rememberInputs(state, origin, inputs);
  }

  const callerId = workspace.getConfiguration(SETTINGS_SECTION).get<string>('simulate.callerId', '').trim();
  // only the Origin fields: a picked origin also carries where it is defined
  const params: SimulateDialParams = { number: dialed, from: { pbx: origin.pbx, kind: origin.kind, name: origin.name }, ...(callerId ? { callerId } : {}), inputs: inputs ?? {}, allPaths: true };
  const result = await window.withProgress({ location: ProgressLocation.Window, title: `Simulating a dial to ${dialed}` }, () =>
    client.sendRequest(dialRequest, params),
  );
  panel.show(result);
  return result;
}

/** The Asterisk file and cursor the command runs from, so that the server can propose the origin there. */
function cursor(client: LanguageClient): SimulateOriginsParams {
  const editor = window.activeTextEditor;
  if (editor?.document.languageId !== 'asterisk') return {};
  const { line, character } = editor.selection.active;
  return { uri: client.code2ProtocolConverter.asUri(editor.document.uri), position: { line, character } };
}
