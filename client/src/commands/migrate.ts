// `pbx.migrateToPjsip`: asks which PBX (when the workspace has several with a sip.conf) and whether to write
// pjsip.conf objects or pjsip_wizard.conf sections, has the server convert the PBX and prove the migration, shows
// the proof, and offers "Apply…". The edit goes through `workspace.applyEdit`, whose every operation needs
// confirmation: VS Code shows its refactor preview, and nothing is written unless the user accepts it there.
// Called with an object (a CodeLens, the tests) it asks only what the object leaves open; `apply` then says what to
// do with the edit ('ask': the default; 'no': show the proof only; 'without-preview': apply with no confirmation,
// ONLY for the extension-host tests, where the preview would wait for a click).
import type { ExtensionContext } from 'vscode';
import { commands, ProgressLocation, Uri, window, workspace } from 'vscode';
import type { LanguageClient, WorkspaceEdit } from 'vscode-languageclient/node';
import { RequestType } from 'vscode-languageclient/node';
import type { MigrateParams, MigrateResult } from '../../../server/src/protocol';
import { MIGRATE, MIGRATE_COMMAND } from '../../../server/src/protocol';
import { proofSummary } from '../migrate/proofHtml';
import { ProofPanel } from '../migrate/proofPanel';

const migrateRequest = new RequestType<MigrateParams, MigrateResult, void>(MIGRATE);

export interface MigrateArguments {
  /** The PBX folder's URI, or a file of it. */
  uri: string;
  wizard?: boolean;
  apply?: 'ask' | 'no' | 'without-preview';
}

/** What the command returns: the server's answer and whether the edit was applied. */
export type MigrateOutcome = MigrateResult & { applied: boolean };

function isArguments(value: unknown): value is MigrateArguments {
  const a = value as Partial<MigrateArguments> | null;
  return typeof a === 'object' && a !== null && !(a instanceof Uri) && typeof a.uri === 'string';
}

/** The context key that shows the command in the palette: the workspace has a sip.conf. */
const HAS_SIP_CONF = 'pbx.workspaceHasSipConf';

export function registerMigrate(context: ExtensionContext, client: LanguageClient): void {
  const panel = new ProofPanel();
  const update = (): void => {
    void workspace.findFiles('**/sip.conf', '**/node_modules/**', 1).then((found) => commands.executeCommand('setContext', HAS_SIP_CONF, found.length > 0));
  };
  const watcher = workspace.createFileSystemWatcher('**/sip.conf', false, true, false);
  update();
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(update),
    watcher.onDidDelete(update),
    panel,
    commands.registerCommand(MIGRATE_COMMAND, async (target?: unknown) => {
      try {
        return await migrateCommand(client, panel, target);
      } catch (error) {
        void window.showErrorMessage(`Migrate to chan_pjsip: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
  );
}

async function migrateCommand(client: LanguageClient, panel: ProofPanel, target: unknown): Promise<MigrateOutcome | undefined> {
  const given: Partial<MigrateArguments> = isArguments(target) ? target : target instanceof Uri ? { uri: target.toString() } : {};
  const uri = given.uri ?? (await pickPbx());
  if (uri === undefined) return undefined;
  const wizard = given.wizard ?? (await pickWizard());
  if (wizard === undefined) return undefined;

  const result = await window.withProgress({ location: ProgressLocation.Notification, title: 'Converting to chan_pjsip and simulating every call before and after…' }, () =>
    client.sendRequest(migrateRequest, { uri, wizard }),
  );
  if (result.edit === null) {
    void window.showWarningMessage(`Migrate to chan_pjsip: ${result.refused ?? 'nothing to migrate.'}`);
    return { ...result, applied: false };
  }
  panel.show(result, wizard);

  const mode = given.apply ?? 'ask';
  if (mode === 'no') return { ...result, applied: false };
  if (mode === 'ask') {
    const choice = await window.showInformationMessage(
      `Migration of ${result.pbx}: ${proofSummary(result.proof)}${result.notes.length > 0 ? `; ${result.notes.length} setting(s) kept as comments` : ''}. Apply the edit? VS Code shows every change first.`,
      'Apply…',
    );
    if (choice !== 'Apply…') return { ...result, applied: false };
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(mode === 'without-preview' ? unconfirmed(result.edit) : result.edit);
  const applied = await workspace.applyEdit(edit);
  if (applied && mode === 'ask') void window.showInformationMessage(`${result.pbx} now uses chan_pjsip; its sip.conf is kept as a backup. Save the files to write them.`);
  return { ...result, applied };
}

/** The same edit without its change annotations: applied at once (extension-host tests only). */
function unconfirmed(edit: WorkspaceEdit): WorkspaceEdit {
  return { documentChanges: edit.documentChanges?.map((c) => ('kind' in c ? { ...c, annotationId: undefined } : { ...c, edits: c.edits.map((e) => ('newText' in e ? { range: e.range, newText: e.newText } : e)) })) };
}

/** The folder of each sip.conf of the workspace; asked when there are several. */
async function pickPbx(): Promise<string | undefined> {
  const files = await workspace.findFiles('**/sip.conf', '**/node_modules/**');
  const dirs = [...new Set(files.map((f) => Uri.joinPath(f, '..').toString()))].sort();
  if (dirs.length === 0) {
    void window.showWarningMessage('Migrate to chan_pjsip: the workspace has no sip.conf.');
    return undefined;
  }
  if (dirs.length === 1) return dirs[0];
  const picked = await window.showQuickPick(
    dirs.map((d) => ({ label: Uri.parse(d).path.split('/').pop() ?? d, description: workspace.asRelativePath(Uri.parse(d), true), uri: d })),
    { title: 'Migrate which PBX to chan_pjsip?', placeHolder: 'a folder with a sip.conf' },
  );
  return picked?.uri;
}

async function pickWizard(): Promise<boolean | undefined> {
  const picked = await window.showQuickPick(
    [
      { label: 'pjsip.conf', description: 'endpoints, aors, auths and identifies, as objects', wizard: false },
      { label: 'pjsip_wizard.conf', description: 'one wizard section per trunk and phone', wizard: true },
    ],
    { title: 'Migrate to chan_pjsip: write what?' },
  );
  return picked?.wizard;
}
