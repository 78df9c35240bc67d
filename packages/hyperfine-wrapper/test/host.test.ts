import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprintOf } from '@arena/contract';
import { describeMachine } from '../src/host.ts';

test("the machine records the harness's Node, and its fingerprint leaves Node out", async () => {
  const m = await describeMachine();
  assert.equal(m.versions.node, process.version);
  const { fingerprint, ...rest } = m;
  assert.equal(fingerprint, fingerprintOf(rest));
  assert.equal(fingerprint, fingerprintOf({ ...rest, versions: { ...rest.versions, node: 'v0.0.0' } }));
});
