import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { driveStream } from '../src/stream.js';
import { streamBytes } from '../../workloads/stream/stream.ts';

const hex = (p: Uint8Array) => Buffer.from(p).toString('hex');

describe('driveStream', () => {
  it("hands the seed's stream (HOSTS.md, as @arena/workloads' stream.ts has it) chunk by chunk, in order", () => {
    for (const seed of [0, 7, 3_000_000_000, 4294967295]) {
      const seen: string[] = [];
      driveStream(5, seed, 1024, (bytes) => seen.push(hex(bytes)));
      assert.equal(seen.length, 5);
      assert.equal(seen.join(''), hex(streamBytes(seed, 5 * 1024)), `seed ${seed}`);
    }
    assert.equal(hex(streamBytes(7, 12)), '29a316238a207a73339183ff');
  });
  it('generates every chunk into one buffer of chunkBytes it reuses', () => {
    const buffers = new Set<Uint8Array>();
    driveStream(4, 1, 8, (bytes) => {
      assert.equal(bytes.length, 8);
      buffers.add(bytes);
    });
    assert.equal(buffers.size, 1);
  });
  it('calls nothing for no chunks', () => {
    driveStream(0, 1, 8, () => assert.fail('called'));
  });
});
