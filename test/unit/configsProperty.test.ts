// Property (fast-check, issue 13): random configurations built from the grammar's pieces go through the loader,
// the dialplan, every check, the matcher and simulate without an exception or an internal-error finding. Seeded
// and quick here; `npm run fuzz` runs a long campaign (scripts/fuzz.ts).
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { everyLayer, workspaceFiles } from '../fuzz/configs';

describe('random configurations through every layer', () => {
  it('never throw and never fail inside', () => {
    fc.assert(fc.property(workspaceFiles, (files) => everyLayer(files)), { numRuns: 150, seed: 42 });
  });
});
