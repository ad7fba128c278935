#!/usr/bin/env node
'use strict';
// The CLI is the bundle dist/cli.js, built by `npm install`/`npm ci` (the `prepare` script) or `npm run build`.
require('./requireBuilt')('cli.js');
