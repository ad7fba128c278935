// LSP wiring: one line per capability. Everything it serves comes from model/ and features/.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { CodeActionKind, FileChangeType, LSPErrorCodes, ResponseError, TextDocumentSyncKind } from 'vscode-languageserver';
import { DiskFileHost, OverlayFileHost } from './model/fileHost';
import { isDialplan } from './model/outline';
import { isDialplanFileName, Workspace } from './model/workspace';
import type { SeverityOverrides } from './features/diagnostics';
import { asteriskVersion } from './docs/asteriskVersions';
import { quickFixes, toDiagnostics } from './features/diagnostics';
import type { FileIndex } from './features/diagnostics';
import { fileFindings, internalError } from './analysis/findings';
import { severitiesFromSetting } from './analysis/severities';
import type { DiagnosticsScope } from './publisher';
import { DiagnosticsPublisher } from './publisher';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { offsetAt } from './features/positions';
import { documentSymbols } from './features/symbols';
import { OpenDocuments } from './openDocuments';
import type { SimulateDialParams, SimulateDialResult, SimulateOriginsParams, SimulateOriginsResult } from './protocol';
import type { MigrateParams, MigrateResult } from './protocol';
import { MIGRATE, SETTINGS_SECTION, SIMULATE_DIAL, SIMULATE_ORIGINS } from './protocol';
import { migrate, migrateLenses } from './features/migrate';
import { simulateDial, simulateLenses, simulateOrigins } from './features/simulate';
import { definition, prepareRename, references, rename, workspaceSymbols } from './features/navigation';
import { completion, signatureHelp } from './features/completion';

interface Settings {
  index: { maxFiles: number };
  diagnostics: { severity: SeverityOverrides; scope: DiagnosticsScope };
  runtimeContexts: string[];
  addresses: Record<string, string[]>;
  includeOutsideWorkspace: boolean;
  asteriskVersion: number | null;
}

const DEFAULT_SETTINGS: Settings = { index: { maxFiles: 5000 }, diagnostics: { severity: {}, scope: 'workspace' }, runtimeContexts: ['parkedcalls'], addresses: {}, includeOutsideWorkspace: false, asteriskVersion: null };
const DEBOUNCE_MS = 150;
/** The other files (the whole workspace, or the other open documents) are checked once the typing pauses. */
const WORKSPACE_DEBOUNCE_MS = 300;

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  return fileURLToPath(uri).split(path.sep).join('/');
}

export function startServer(connection: Connection): void {
  const host = new OverlayFileHost(new DiskFileHost());
  const workspace = new Workspace(host);
  const documents = new OpenDocuments(host, workspace, uriToPath);
  const files: FileIndex = { uri: pathToUri, lineStarts: (file) => workspace.document(file)?.lineStarts };
  const timers = new Map<string, NodeJS.Timeout>();
  let folders: string[] = [];
  let canConfigure = false;
  let settings = DEFAULT_SETTINGS;

  const docOf = (uri: string): { file: string; text: string } | undefined => {
    const file = uriToPath(uri);
    const td = documents.get(uri);
    if (file === undefined || td === undefined) return undefined;
    return { file, text: td.getText() };
  };

  /** The open documents by file. */
  const openFiles = (): Map<string, string> => {
    const out = new Map<string, string>();
    for (const uri of documents.uris()) {
      const file = uriToPath(uri);
      if (file !== undefined) out.set(file, uri);
    }
    return out;
  };
  const publisher = new DiagnosticsPublisher(workspace, {
    openUri: (file) => openFiles().get(file),
    uri: pathToUri,
    diagnostics: (file, findings) => {
      const doc = workspace.document(file);
      return doc && toDiagnostics(findings, doc.lineStarts, files, settings.diagnostics.severity);
    },
    send: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  });
  const checking = (what: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      connection.console.error(`PBX Interconnect could not check ${what}: ${String(error)}`);
    }
  };

  const validate = (uri: string): void => {
    const file = uriToPath(uri);
    if (file !== undefined && documents.get(uri) !== undefined) checking(file, () => publisher.publish([file]));
  };
  const validateAll = (): void => checking('the workspace', () => publisher.publishAll(settings.diagnostics.scope, openFiles().keys()));

  // One debounce per document: a change re-checks that document once the typing pauses; then one pass re-checks
  // the other files (an #include, a section or the other side of a trunk may have changed). That pass looks at
  // every file of the scope, so a later change that resets its timer drops nothing.
  const schedule = (uri: string, delay = DEBOUNCE_MS): void => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri);
      }, delay),
    );
  };
  let workspaceTimer: NodeJS.Timeout | undefined;
  const revalidateAll = (): void => {
    clearTimeout(workspaceTimer);
    workspaceTimer = setTimeout(() => {
      workspaceTimer = undefined;
      validateAll();
    }, WORKSPACE_DEBOUNCE_MS);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
    if (folders.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders.push(root);
    }
    canConfigure = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'PBX Interconnect' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: ['/', '@', '{', '(', ',', '=', '>', '&', '_'] },
        signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [',', '?', ':'] },
      },
      serverInfo: { name: 'pbx-interconnect-language-server', version: '0.1.0' },
    };
  });

  const readSettings = async (): Promise<void> => {
    if (!canConfigure) return;
    const got = (await connection.workspace.getConfiguration(SETTINGS_SECTION)) as Partial<Settings> | null;
    settings = {
      index: { maxFiles: got?.index?.maxFiles ?? DEFAULT_SETTINGS.index.maxFiles },
      diagnostics: { severity: severitiesFromSetting(got?.diagnostics?.severity), scope: got?.diagnostics?.scope === 'open' ? 'open' : 'workspace' },
      runtimeContexts: Array.isArray(got?.runtimeContexts) ? got.runtimeContexts.map(String) : DEFAULT_SETTINGS.runtimeContexts,
      addresses: got?.addresses && typeof got.addresses === 'object' ? got.addresses : {},
      includeOutsideWorkspace: got?.includeOutsideWorkspace === true,
      asteriskVersion: asteriskVersion(got?.asteriskVersion),
    };
    workspace.configure({ runtimeContexts: settings.runtimeContexts, addresses: settings.addresses, includeOutsideWorkspace: settings.includeOutsideWorkspace, asteriskVersion: settings.asteriskVersion, severity: settings.diagnostics.severity });
  };

  connection.onInitialized(async () => {
    await readSettings();
    for (const folder of folders) workspace.scan(folder, settings.index.maxFiles);
    validateAll();
  });
  connection.onDidChangeConfiguration(async () => {
    await readSettings();
    publisher.invalidate();
    revalidateAll();
  });

  documents.listen(connection, {
    opened: (uri) => validate(uri),
    changed: (uri) => {
      schedule(uri);
      revalidateAll();
    },
    closed: (uri) => {
      clearTimeout(timers.get(uri));
      // with the scope `open` its diagnostics go at once; with `workspace` they stay, checked again from the disk
      const file = uriToPath(uri);
      if (file !== undefined && settings.diagnostics.scope === 'open') publisher.clear(file);
      revalidateAll();
    },
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (file === undefined) continue;
      if (change.type === FileChangeType.Deleted) workspace.removeKnown(file);
      else workspace.addKnown(file);
      // An open document's buffer wins over the disk until it is closed.
      if (!host.overlay.has(file)) workspace.changed(file);
    }
    revalidateAll();
  });

  const refused = (why: string): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestFailed, why);
  /** A request never fails on a bug of ours: it answers what it can, and the log names the code path (issue 13). */
  const contained = <T>(what: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      connection.console.error(internalError('', `answering ${what}`, error).message);
      return fallback;
    }
  };
  connection.onDocumentSymbol((params) =>
    contained('DocumentSymbol', [], () => {
    const d = docOf(params.textDocument.uri);
      const doc = d && workspace.document(d.file);
      if (!d || !doc) return [];
      return documentSymbols(doc, isDialplan(doc, isDialplanFileName(d.file)));
    }),
  );
  connection.onHover((params) =>
    contained('Hover', null, () => {
    const d = docOf(params.textDocument.uri);
      const doc = d && workspace.document(d.file);
      return d && doc ? hover(workspace, d.file, offsetAt(doc.lineStarts, params.position, doc.length)) : null;
    }),
  );
  connection.onCodeAction((params) =>
    contained('CodeAction', [], () => {
    const d = docOf(params.textDocument.uri);
      const doc = d && workspace.document(d.file);
      return d && doc ? quickFixes(fileFindings(workspace, d.file), doc.lineStarts, params.context.diagnostics, files) : [];
    }),
  );
  connection.onFoldingRanges((params) =>
    contained('FoldingRanges', [], () => {
    const d = docOf(params.textDocument.uri);
      const doc = d && workspace.document(d.file);
      return d && doc ? foldingRanges(doc, d.text) : [];
    }),
  );

  /** The file and offset of a request's position, when the document is known. */
  const at = (uri: string, position: { line: number; character: number }): { file: string; offset: number } | undefined => {
    const file = uriToPath(uri);
    const doc = file !== undefined ? workspace.document(file) : undefined;
    return file !== undefined && doc ? { file, offset: offsetAt(doc.lineStarts, position, doc.length) } : undefined;
  };

  connection.onDefinition((params) =>
    contained('Definition', [], () => {
    const p = at(params.textDocument.uri, params.position);
      return p ? definition(workspace, p.file, p.offset, pathToUri) : [];
    }),
  );
  connection.onReferences((params) =>
    contained('References', [], () => {
    const p = at(params.textDocument.uri, params.position);
      return p ? references(workspace, p.file, p.offset, params.context.includeDeclaration, pathToUri) : [];
    }),
  );
  connection.onPrepareRename((params) =>
    contained('PrepareRename', null, () => {
    const p = at(params.textDocument.uri, params.position);
      const r = p ? prepareRename(workspace, p.file, p.offset) : null;
      if (r && 'refused' in r) return refused(r.refused);
      return r;
    }),
  );
  connection.onRenameRequest((params) =>
    contained('RenameRequest', null, () => {
    const p = at(params.textDocument.uri, params.position);
      const r = p ? rename(workspace, p.file, p.offset, params.newName, pathToUri) : null;
      if (r && 'refused' in r) return refused(r.refused);
      return r;
    }),
  );
  connection.onCompletion((params) =>
    contained('Completion', [], () => {
    const d = docOf(params.textDocument.uri);
      return d ? completion(workspace, d.file, d.text, params.position) : [];
    }),
  );
  connection.onSignatureHelp((params) =>
    contained('SignatureHelp', null, () => {
    const d = docOf(params.textDocument.uri);
      return d ? signatureHelp(workspace, d.file, d.text, params.position) : null;
    }),
  );
  connection.onWorkspaceSymbol((params) => contained('WorkspaceSymbol', [], () => workspaceSymbols(workspace, params.query, pathToUri)));
  connection.onCodeLens((params) =>
    contained('CodeLens', [], () => {
    const d = docOf(params.textDocument.uri);
      return d ? [...migrateLenses(workspace, d.file, pathToUri), ...simulateLenses(workspace, d.file)] : [];
    }),
  );
  connection.onRequest(SIMULATE_ORIGINS, (params: SimulateOriginsParams) =>
    contained<SimulateOriginsResult | ResponseError<void>>('simulate origins', refused('PBX Interconnect failed while listing the origins (see its log).'), () => {
      const file = params.uri ? uriToPath(params.uri) : undefined;
      const doc = file !== undefined ? workspace.document(file) : undefined;
      const here = file !== undefined && doc && params.position ? { file, offset: offsetAt(doc.lineStarts, params.position, doc.length) } : undefined;
      return simulateOrigins(workspace, pathToUri, here);
    }),
  );
  connection.onRequest(SIMULATE_DIAL, (params: SimulateDialParams) =>
    contained<SimulateDialResult | ResponseError<void>>('simulate dial', refused('PBX Interconnect failed while simulating this call (see its log).'), () => simulateDial(workspace, params, pathToUri)),
  );

  connection.onRequest(MIGRATE, (params: MigrateParams) =>
    contained<MigrateResult | ResponseError<void>>('migrate', refused('PBX Interconnect failed while migrating this PBX (see its log).'), () => {
      const file = uriToPath(params.uri);
      if (file === undefined) return refused(`Not a file URI: ${params.uri}`);
      return migrate(workspace, file.replace(/\/+$/, ''), params.wizard === true, pathToUri);
    }),
  );

  connection.listen();
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).toString();
}
