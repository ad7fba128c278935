// The result view: one webview panel, reused by every simulation, whose place links open the file at the line.
import { randomBytes } from 'node:crypto';
import type { Disposable, WebviewPanel } from 'vscode';
import { Range, Uri, ViewColumn, window, workspace } from 'vscode';
import type { Place, SimulateDialResult } from '../../../server/src/protocol';
import { renderPage } from './resultHtml';

export class ResultPanel implements Disposable {
  private panel: WebviewPanel | undefined;
  private places: Place[] = [];

  show(result: SimulateDialResult): void {
    const title = `Simulate dial: ${result.number}`;
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(undefined, true);
    } else {
      this.panel = window.createWebviewPanel('pbx.simulateDial', title, { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [], // the page loads nothing
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: unknown) =>
        this.open(message).catch((error: unknown) => void window.showErrorMessage(`Simulate dial: cannot open the file: ${String(error)}`)),
      );
    }
    const page = renderPage(result, {
      nonce: randomBytes(16).toString('base64'),
      fileLabel: (file) => workspace.asRelativePath(Uri.parse(file), false),
    });
    this.places = page.places;
    this.panel.webview.html = page.html;
  }

  /** Opens the place a link of the page names, beside the panel. */
  private async open(message: unknown): Promise<void> {
    const { type, place: index } = (message ?? {}) as { type?: unknown; place?: unknown };
    const place = type === 'open' && typeof index === 'number' ? this.places[index] : undefined;
    if (!place) return;
    const line = Math.max(0, place.line - 1);
    const column = this.panel?.viewColumn === ViewColumn.One ? ViewColumn.Two : ViewColumn.One;
    await window.showTextDocument(Uri.parse(place.file), { viewColumn: column, selection: new Range(line, 0, line, 0) });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
