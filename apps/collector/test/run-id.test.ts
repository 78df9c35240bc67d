import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runDocument } from '@arena/contract';
import { runId } from '../src/collect.ts';

const idPattern = runDocument.shape.id;

test('two runs in the same second, even the same millisecond, get different ids', () => {
  const at = new Date('2026-11-27T13:00:00.123Z');
  const ids = new Set(Array.from({ length: 100 }, () => runId(at, 'abc1234def567')));
  assert.equal(ids.size, 100);
  assert.notEqual(runId(new Date('2026-11-27T13:00:00.100Z'), 'abc1234'), runId(new Date('2026-11-27T13:00:00.900Z'), 'abc1234'));
});

test('run ids sort by time, carry the short commit and satisfy the contract', () => {
  const times = ['2026-11-27T13:00:00.999Z', '2026-11-27T13:00:01.000Z', '2026-11-27T13:00:01.001Z', '2026-12-01T00:00:00.000Z'];
  const ids = times.map((t, i) => runId(new Date(t), i % 2 ? null : 'abc1234def567'));
  assert.deepEqual([...ids].sort(), ids);
  assert.match(ids[0]!, /^20261127T130000\.999Z-abc1234-[0-9a-f]{6}$/);
  assert.match(ids[1]!, /^20261127T130001\.000Z-nogit-[0-9a-f]{6}$/);
  for (const id of ids) assert.equal(idPattern.safeParse(id).success, true, id);
});
