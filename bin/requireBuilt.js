'use strict';
// Loads a bundle of dist/, or says how to build it (an install with --ignore-scripts skips the `prepare` build).
const fs = require('node:fs');
const path = require('node:path');

module.exports = function requireBuilt(name) {
  const bundle = path.join(__dirname, '..', 'dist', name);
  if (!fs.existsSync(bundle)) {
    const root = path.join(__dirname, '..');
    process.stderr.write(`pbx-interconnect: ${path.relative(process.cwd(), bundle) || bundle} is not built yet. Run:\n  cd ${root} && npm run build\n`);
    process.exit(2);
  }
  require(bundle);
};
