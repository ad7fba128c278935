// An extension's priorities (model/priorities.ts): a short list standing in for a Map, indexed past 16 entries.
// It must answer exactly as the Map it replaces, in registration order, at every size.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Priority } from '../../server/src/model/dialplan';
import { PriorityList } from '../../server/src/model/priorities';

const line = (priority: number, tag: number): Priority => ({ priority, label: null, app: 'NoOp', data: String(tag), name: '100', file: '/x.conf', statement: null as never, inheritedFrom: null, targets: null, extension: null });

describe('an extension priorities', () => {
  it('answers get, has, size, keys and values as a Map in registration order, below and past the index (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 40 }), { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: -3, max: 45 }), { maxLength: 20 }), (numbers, asked) => {
        const map = new Map<number, Priority>();
        let list: PriorityList | null = null;
        numbers.forEach((n, tag) => {
          const p = line(n, tag);
          map.set(n, p);
          if (list === null) list = new PriorityList(p);
          else list.set(p);
        });
        const got = list!;
        got.fit();
        assert.equal(got.size, map.size);
        assert.deepEqual([...got.keys()], [...map.keys()]);
        assert.deepEqual([...got.values()], [...map.values()]);
        for (const n of [...numbers, ...asked]) {
          assert.equal(got.get(n), map.get(n), `get(${n})`);
          assert.equal(got.has(n), map.has(n));
        }
      }),
      { seed: 13, numRuns: 500 },
    );
  });
});
