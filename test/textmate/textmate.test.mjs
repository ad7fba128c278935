// TextMate grammar tests: runs vscode-tmgrammar-test on test/textmate/*.conf (comment-assertion format, comment
// token `;`) against syntaxes/asterisk.tmLanguage.json, plus a few structural checks of the grammar and of
// language-configuration.json. Run with: node --test test/textmate/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const grammarPath = 'syntaxes/asterisk.tmLanguage.json';

test('vscode-tmgrammar-test passes on test/textmate/*.conf', () => {
  const cases = readdirSync(join(root, 'test/textmate')).filter((f) => f.endsWith('.conf'));
  assert.ok(cases.length > 0, 'no grammar test cases found');
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vscode-tmgrammar-test.cmd' : 'vscode-tmgrammar-test');
  const run = spawnSync(bin, ['-g', grammarPath, 'test/textmate/*.conf'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    timeout: 120_000,
  });
  assert.equal(run.error, undefined, String(run.error));
  assert.equal(run.status, 0, `vscode-tmgrammar-test failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  for (const file of cases) assert.match(run.stdout, new RegExp(`test/textmate/${file.replace('.', '\\.')} run successfuly`));
});

test('grammar: scope name, and every scope ends with .asterisk', () => {
  const grammar = JSON.parse(readFileSync(join(root, grammarPath), 'utf8'));
  assert.equal(grammar.scopeName, 'source.asterisk');
  const bad = [];
  const includes = new Set();
  (function walk(node, path) {
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (!node || typeof node !== 'object') return;
    for (const key of ['name', 'contentName']) {
      if (typeof node[key] === 'string' && path !== '$') {
        for (const scope of node[key].split(/\s+/)) if (!scope.endsWith('.asterisk')) bad.push(`${path}.${key}: ${scope}`);
      }
    }
    if (typeof node.include === 'string') includes.add(node.include);
    for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
  })(grammar, '$');
  assert.deepEqual(bad, []);
  for (const inc of includes) {
    if (inc.startsWith('#')) assert.ok(grammar.repository[inc.slice(1)], `missing repository rule ${inc}`);
    else assert.equal(inc, '$self', `unexpected external include ${inc}`);
  }
});

test('language-configuration.json: comments, brackets and word pattern', () => {
  const config = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8'));
  assert.equal(config.comments.lineComment, ';');
  assert.deepEqual(config.comments.blockComment, [';--', '--;']);
  assert.deepEqual(config.brackets, [['[', ']'], ['(', ')'], ['{', '}']]);
  assert.deepEqual(config.autoClosingPairs.map((p) => p.open), ['[', '(', '{', '"']);
  const word = new RegExp(config.wordPattern, 'g');
  const words = (s) => s.match(word);
  assert.deepEqual(words('exten => _NXX.,1,Dial(SIP/${EXTEN:4})'), ['exten', '_NXX.', '1', 'Dial', 'SIP', 'EXTEN', '4']);
  assert.deepEqual(words('exten => _**99.,n,Goto(from-users,*#!+1,1)'), ['exten', '_**99.', 'n', 'Goto', 'from-users', '*#!+1', '1']);
});
