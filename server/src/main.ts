// Entry point of the language server (bundled to dist/server.js; `pbx-interconnect-language-server --stdio`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
