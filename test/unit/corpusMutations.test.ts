// Property (fast-check, issue 13): the real configurations of ../shared/corpus, mutated (lines deleted, duplicated,
// swapped, cut, grammar pieces inserted), go through every layer without an exception or an internal-error finding.
// Skipped, with the reason, when the corpus is not beside the clone (it is never copied into the repository).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { everyLayer, mutations } from '../fuzz/configs';
import { CORPUS, corpusSkip, listFiles } from '../paths';

describe('mutated corpus configurations through every layer', () => {
  it('never throw and never fail inside', { skip: corpusSkip() }, () => {
    const files = listFiles(CORPUS).filter((f) => f.endsWith('.conf')).sort();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const name = path.basename(file);
      // the file in the role its name gives it, beside an extensions.conf that includes nothing
      const role = /^(sip|pjsip|iax|extensions|ivozprovider)/.test(name) ? name.replace(/^(\w+?)[-_.].*?\.conf$/, '$1.conf') : 'extensions.conf';
      fc.assert(
        fc.property(mutations(text), (mutated) => everyLayer({ [`/w/a/${role}`]: mutated, ...(role === 'extensions.conf' ? {} : { '/w/a/extensions.conf': '[default]\n' }) })),
        { numRuns: 12, seed: 7 },
      );
    }
  });
});
