// The catalog of finding codes (analysis/checks/catalog.ts), the one list the SARIF rules come from, held against
// README's tables (every code in both, the same severity, an anchor for each rule's helpUri) and against the
// sources (every code a check, the parser or a model emits is in it; none of it is dead).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CATALOG } from '../../server/src/analysis/checks/catalog';
import { DIALPLAN_CHECKS, TEXT_CHECKS, TRUNK_CHECKS } from '../../server/src/analysis/checks/index';
import { listFiles, ROOT } from '../paths';

interface Row {
  codes: string[];
  severities: string[];
  line: string;
}

/** README's code tables: rows whose first cell names codes (`syntax-unclosed-section`, ...). */
function readmeRows(): Row[] {
  const rows: Row[] = [];
  for (const line of fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n')) {
    const cells = line.split(' | ');
    if (!line.startsWith('| ') || cells.length < 3) continue;
    const codes = [...cells[0].matchAll(/`([a-z]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]);
    if (codes.length === 0) continue;
    rows.push({ codes, severities: cells[1].match(/error|warning|information|hint/g) ?? [], line });
  }
  return rows;
}

/** Quoted strings in the sources that look like finding codes. */
function quotedCodes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of listFiles(path.join(ROOT, 'server', 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('catalog.ts'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'((?:syntax|exec|dialplan|trunk|sip|pjsip|exposure|config|ivoz|internal|version|style)-[a-z0-9-]+)'/g)) {
      found.set(m[1], [...(found.get(m[1]) ?? []), path.relative(ROOT, file)]);
    }
  }
  return found;
}

/** Strings of that shape that are not codes: a completion kind and a cache key. */
const NOT_CODES = new Set(['dialplan-key', 'trunk-findings']);

describe('the catalog of finding codes', () => {
  const codes = CATALOG.map((c) => c.code);

  it('lists each code once, with a title and a description', () => {
    assert.equal(new Set(codes).size, codes.length, 'a code listed twice');
    for (const c of CATALOG) {
      assert.match(c.code, /^[a-z]+(-[a-z0-9]+)+$/, c.code);
      assert.ok(c.title.length > 0 && c.title.length <= 50, `${c.code}: a title of a few words (${c.title.length} characters)`);
      assert.ok(c.description.length > c.title.length && c.description.length <= 300, `${c.code}: a description of a sentence or two`);
      assert.match(c.description, /[.)]$/, `${c.code}: the description is a sentence`);
    }
  });

  it('has every code of README, and README every code of it', () => {
    const readme = readmeRows().flatMap((r) => r.codes);
    assert.equal(new Set(readme).size, readme.length, 'README lists a code twice');
    assert.deepEqual(
      codes.filter((c) => !readme.includes(c)),
      [],
      'in the catalog, not in README',
    );
    assert.deepEqual(
      readme.filter((c) => !codes.includes(c)),
      [],
      'in README, not in the catalog',
    );
  });

  it("gives each code a default severity that README's row names", () => {
    for (const row of readmeRows()) {
      for (const code of row.codes) {
        const info = CATALOG.find((c) => c.code === code)!;
        assert.ok(row.severities.includes(info.severity), `${code}: the catalog says ${info.severity}, README '${row.severities.join('/')}'`);
      }
    }
  });

  it("has an anchor in README's row for each code (each SARIF rule's helpUri points there)", () => {
    for (const row of readmeRows()) {
      for (const code of row.codes) assert.ok(row.line.includes(`<a id="${code}"></a>`), `README: no anchor for ${code}`);
    }
  });

  it('has every code the sources emit, and only those', () => {
    const emitted = quotedCodes();
    for (const n of NOT_CODES) assert.ok(emitted.has(n), `'${n}' is no longer in the sources: drop it from NOT_CODES`);
    const unknown = [...emitted.keys()].filter((c) => !NOT_CODES.has(c) && !codes.includes(c));
    assert.deepEqual(unknown, [], `codes in the sources, not in the catalog: ${unknown.map((c) => `${c} (${emitted.get(c)!.join(', ')})`).join('; ')}`);
    assert.deepEqual(
      codes.filter((c) => !emitted.has(c)),
      [],
      'codes of the catalog that nothing emits',
    );
    for (const check of [...DIALPLAN_CHECKS, ...TRUNK_CHECKS, ...TEXT_CHECKS]) assert.ok(codes.includes(check.code), `check ${check.code}`);
  });

  it('has only text checks off by default (the runner skips those alone until they are enabled)', () => {
    const text = TEXT_CHECKS.map((c) => c.code);
    assert.deepEqual(
      CATALOG.filter((c) => !c.enabled && !text.includes(c.code)).map((c) => c.code),
      [],
      'off by default, but not a text check: it would run all the same',
    );
  });

  it("says in README's row of each code off by default that it is", () => {
    for (const row of readmeRows()) {
      for (const code of row.codes) {
        if (CATALOG.find((c) => c.code === code)!.enabled) continue;
        assert.match(row.line, /\| [a-z]+, off by default \|/, `README: ${code} is off by default`);
      }
    }
  });
});
