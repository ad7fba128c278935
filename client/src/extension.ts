// The VS Code side of PBX Interconnect: starts the language server and registers the commands.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { workspace } from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { registerMigrate } from './commands/migrate';
import { registerSimulateDial } from './commands/simulateDial';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // A larger young generation: building a 200,000-line dialplan allocates many short-lived objects, and the
  // default semi-space makes the garbage collector the largest cost (measured with `npm run bench`).
  const execArgv = ['--max-semi-space-size=64'];
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'asterisk' }],
    synchronize: { configurationSection: 'pbx', fileEvents: workspace.createFileSystemWatcher('**/*.conf') },
    outputChannelName: 'PBX Interconnect',
  };
  client = new LanguageClient('pbx', 'PBX Interconnect', serverOptions, clientOptions);
  // before start(): the command exists while the server starts (its requests wait for it) or if it fails to
  registerSimulateDial(context, client);
  registerMigrate(context, client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
