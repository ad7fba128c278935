// Trunk findings follow edits: what is kept between edits (channel models, check results) is dropped when the
// files it came from change.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileFindings } from '../../server/src/analysis/findings';
import { Workspace } from '../../server/src/model/workspace';
import { MemoryHost } from '../memoryHost';
import { CONFORMANCE } from '../paths';

describe('trunk findings after edits', () => {
  it('appear and go as the lines that cause them are typed and undone, equal to a fresh check each time', () => {
    const lab = path.join(CONFORMANCE, 'sip-trunks', 'ok');
    const files: Record<string, string> = {};
    for (const side of ['A', 'B']) for (const f of ['sip.conf', 'extensions.conf']) files[`/lab/${side}/${f}`] = fs.readFileSync(path.join(lab, side, f), 'utf8');
    const host = new MemoryHost(files);
    const ws = new Workspace(host);
    for (const f of Object.keys(files)) ws.addKnown(f);
    const codes = (w: Workspace, f: string): string[] => fileFindings(w, f).map((x) => `${x.code}@${x.start}`);
    const file = '/lab/A/sip.conf';
    const steps: [string, string][] = [
      ['secret=pass', 'secret=wrongpass'],
      ['context=Incalls', 'context=Incallz'],
      ['secret=wrongpass', 'secret=pass'],
      ['context=Incallz', 'context=Incalls'],
    ];
    for (const [from, to] of steps) {
      const text = host.files[file];
      const at = text.indexOf(from, text.indexOf('[wazo-trunk]'));
      const next = text.slice(0, at) + to + text.slice(at + from.length);
      host.files[file] = next;
      ws.edited(file, next, [{ start: at, end: at + from.length, text: to }]);
      const fresh = new Workspace(new MemoryHost({ ...host.files }));
      for (const f of Object.keys(files)) fresh.addKnown(f);
      for (const f of Object.keys(files)) assert.deepEqual(codes(ws, f), codes(fresh, f), `${from} -> ${to} in ${f}`);
    }
    assert.ok(!codes(ws, file).some((c) => c.startsWith('trunk-secret-mismatch')));
  });
});
