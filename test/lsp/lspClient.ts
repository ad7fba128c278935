// A real LSP client for tests: starts the bundled server (dist/server.js --stdio) as a child process and talks
// JSON-RPC to it over its stdin/stdout. No editor involved.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, InitializeResult, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../paths';

export const uriOf = (file: string): string => pathToFileURL(file).toString();

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  initializeResult: InitializeResult | undefined;
  /** What the client answers for the `pbx` settings section. */
  settings: Record<string, unknown> = {};
  stderr = '';
  /** Errors the server logged (window/logMessage of type Error): an internal error it contained. */
  readonly errors: string[] = [];

  private constructor(private readonly child: ReturnType<typeof spawn>) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) this.errors.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => (i.section === 'pbx' ? this.settings : null)));
    this.connection.listen();
  }

  /** Starts the server through its npm bin, as another editor would (`pbx-interconnect-language-server --stdio`). */
  static async start(workspaceFolder: string, settings: Record<string, unknown> = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/pbx-interconnect-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child);
    client.settings = settings;
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(workspaceFolder),
      workspaceFolders: [{ uri: uriOf(workspaceFolder), name: path.basename(workspaceFolder) }],
      capabilities: { workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(file: string, text: string): Promise<void> {
    this.versions.set(uriOf(file), 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(file), languageId: 'asterisk', version: 1, text } });
  }

  async close(file: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(file) } });
  }

  /** Every publication of diagnostics so far, by URI (the newest last). */
  published(file: string): Diagnostic[][] {
    return (this.diagnostics.get(uriOf(file)) ?? []).map((p) => p.diagnostics);
  }

  /** An incremental edit: replace the given range. */
  async edit(file: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<void> {
    const uri = uriOf(file);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Waits until the newest diagnostics published for a file satisfy a condition. */
  async diagnosticsFor(file: string, until: (d: Diagnostic[]) => boolean, timeoutMs = 5000): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = this.diagnostics.get(uri);
      const last = list?.[list.length - 1]?.diagnostics;
      if (last !== undefined && until(last)) return last;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${file}; last: ${JSON.stringify(last)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}
