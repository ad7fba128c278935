// How a dialplan groups its categories into contexts (model/dialplan.ts buildDialplan): every category of a name
// joins the first context of that name, contexts in the order their names first appear, [general], [globals] and
// templates apart. The build sets a new name without looking it up first and switches to look-ups at the first
// name seen twice: the property compares it with a plain grouping at every place that first repeat can fall.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { pbx } from '../checks/harness';

const NAMES = ['a', 'b', 'c', 'A', 'general', 'globals', 'd-1'];

describe('contexts from categories', () => {
  it('groups every category under the first context of its name, in first-appearance order (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.constantFrom(...NAMES), template: fc.boolean() }), { minLength: 1, maxLength: 30 }), (headers) => {
        const text = headers.map((h, i) => `[${h.name}]${h.template ? '(!)' : ''}\nexten => ${i},1,NoOp()\n`).join('');
        const plan = pbx({ 'extensions.conf': text }).dialplanFor('/pbx/extensions.conf')!;
        // the plain grouping: which header lines each context name gathers, in order
        const expected = new Map<string, number[]>();
        headers.forEach((h, i) => {
          if (h.template || h.name === 'general' || h.name === 'globals') return;
          const list = expected.get(h.name);
          if (list) list.push(2 * i);
          else expected.set(h.name, [2 * i]);
        });
        assert.deepEqual([...plan.contexts.keys()], [...expected.keys()]);
        for (const [name, lines] of expected) {
          const context = plan.contexts.get(name)!;
          assert.equal(context.name, name);
          assert.deepEqual(context.categories.map((c) => c.section.header.line), lines, name);
          // each category's line registered in its context
          assert.deepEqual(context.extensions.map((e) => e.name).sort(), lines.map((l) => String(l / 2)).sort());
        }
      }),
      { seed: 13, numRuns: 400 },
    );
  });
});
