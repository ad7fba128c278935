// The recent numbers of *Simulate Dial*, per origin, over an in-memory Memento (globalState in VS Code).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Memento } from 'vscode';
import { originKey, recentNumbers, rememberNumber } from '../../client/src/simulate/history';
import type { Origin } from '../../server/src/protocol';

class MemoryMemento implements Memento {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    // a real Memento hands out copies: the history must not rely on sharing arrays
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : defaultValue;
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
}

const users: Origin = { pbx: 'wazo-a', kind: 'context', name: 'from-users' };
const trunk: Origin = { pbx: 'wazo-a', kind: 'peer', name: 'wazo-trunk' };
const otherPbx: Origin = { pbx: 'wazo-b', kind: 'context', name: 'from-users' };

describe('simulate dial: recent numbers', () => {
  it('keeps the numbers of each origin apart, the last dialed first', async () => {
    const state = new MemoryMemento();
    await rememberNumber(state, users, '101');
    await rememberNumber(state, trunk, '**99101');
    await rememberNumber(state, users, '0612345678');
    await rememberNumber(state, users, '101');
    assert.deepEqual(recentNumbers(state, users), ['101', '0612345678']);
    assert.deepEqual(recentNumbers(state, trunk), ['**99101']);
    // the same context name on another PBX is another origin
    assert.deepEqual(recentNumbers(state, otherPbx), []);
    // an origin picked from the list carries more fields: only PBX, kind and name count
    assert.deepEqual(recentNumbers(state, { ...users, context: 'from-users', uri: 'file:///x', line: 3 } as Origin), ['101', '0612345678']);
  });

  it('keeps ten numbers an origin and fifty origins, forgetting the least recently used', async () => {
    const state = new MemoryMemento();
    for (let i = 0; i < 12; i++) await rememberNumber(state, users, String(100 + i));
    assert.deepEqual(recentNumbers(state, users), ['111', '110', '109', '108', '107', '106', '105', '104', '103', '102']);
    for (let i = 0; i < 50; i++) await rememberNumber(state, { pbx: 'p', kind: 'context', name: `c${i}` }, '1');
    assert.deepEqual(recentNumbers(state, users), [], 'the 51st origin used pushed the oldest one out');
    assert.deepEqual(recentNumbers(state, { pbx: 'p', kind: 'context', name: 'c0' }), ['1']);
  });

  it('starts every origin from the list kept before per-origin history, which it never writes again', async () => {
    const state = new MemoryMemento();
    await state.update('pbx.simulate.recentNumbers', ['555', '101']);
    assert.deepEqual(recentNumbers(state, users), ['555', '101']);
    await rememberNumber(state, users, '200');
    assert.deepEqual(recentNumbers(state, users), ['200', '555', '101']);
    assert.deepEqual(recentNumbers(state, trunk), ['555', '101'], 'an origin with no numbers of its own still sees them');
    assert.deepEqual(state.get('pbx.simulate.recentNumbers'), ['555', '101']);
  });

  it('ignores what it cannot read in the stored state', () => {
    const state = new MemoryMemento();
    state.values.set('pbx.simulate.recentNumbersByOrigin', [null, 3, { origin: originKey(users), numbers: ['101', 7] }, { numbers: ['x'] }]);
    assert.deepEqual(recentNumbers(state, users), ['101']);
    state.values.set('pbx.simulate.recentNumbersByOrigin', 'garbage');
    assert.deepEqual(recentNumbers(state, users), []);
  });
});
