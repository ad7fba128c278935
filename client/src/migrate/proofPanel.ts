// The proof view: one webview panel "Migration proof: <pbx>", reused by every migration. No script runs in it.
import { randomBytes } from 'node:crypto';
import type { Disposable, WebviewPanel } from 'vscode';
import { Uri, ViewColumn, window, workspace } from 'vscode';
import type { MigrateResult } from '../../../server/src/protocol';
import { renderProofPage } from './proofHtml';

export class ProofPanel implements Disposable {
  private panel: WebviewPanel | undefined;

  /** Whether the panel is open (the tests ask). */
  get title(): string | undefined {
    return this.panel?.title;
  }

  show(result: MigrateResult, wizard: boolean): void {
    const title = `Migration proof: ${result.pbx}`;
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(undefined, true);
    } else {
      this.panel = window.createWebviewPanel('pbx.migrationProof', title, { viewColumn: ViewColumn.Active, preserveFocus: false }, {
        enableScripts: false,
        localResourceRoots: [], // the page loads nothing
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.webview.html = renderProofPage(result.proof, {
      nonce: randomBytes(16).toString('base64'),
      pbx: result.pbx,
      wizard,
      notes: result.notes,
      fileLabel: (uri) => workspace.asRelativePath(Uri.parse(uri), false),
    });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
