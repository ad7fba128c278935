#!/usr/bin/env node
'use strict';
// The language server is the bundle dist/server.js, built by `npm install`/`npm ci` (the `prepare` script) or `npm run build`.
require('./requireBuilt')('server.js');
