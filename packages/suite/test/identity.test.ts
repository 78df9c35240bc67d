import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSizedTable, tableOf } from '../src/identity.ts';

test("a table at a size of its own is told from the workload's own table", () => {
  assert.equal(isSizedTable(tableOf('nbody', 2)), false);
  assert.equal(isSizedTable(tableOf('nbody', 2, 40000)), true);
  assert.equal(tableOf('nbody', 2, 40000), 'nbody · workers=2 · size=40000');
});
