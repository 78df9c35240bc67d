// The stream of a streamed workload (HOSTS.md, "Streamed input") is the same bytes in each of its
// copies: stream/stream.ts (references, tests), stream/stream.h (the C registry) and the Go package
// arena/workloads/stream (its own tests, run here). @arena/variant-kit tests its own copy.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { splitmix32 } from '../nbody/reference.ts';
import { drive, fill, streamBytes } from '../stream/stream.ts';

const here = path.resolve(import.meta.dirname, '..');
const SEEDS = [0, 7, 4294967295];
const hex = (p: Uint8Array) => Buffer.from(p).toString('hex');

test("stream.ts: seed 7's first words, little-endian (as stream_test.go has them), splitmix32's words", () => {
  assert.equal(hex(streamBytes(7, 12)), '29a316238a207a73339183ff');
  for (const seed of SEEDS) {
    const r = splitmix32(seed);
    const words = Array.from({ length: 64 }, () => r.next().value as number);
    const p = streamBytes(seed, 256);
    assert.deepEqual(
      Array.from({ length: 64 }, (_, i) => new DataView(p.buffer).getUint32(i * 4, true)),
      words,
    );
  }
});

test('stream.ts: fill carries the state across calls; drive hands every chunk in order in one reused buffer', () => {
  const a = new Uint8Array(8),
    b = new Uint8Array(24);
  fill(b, fill(a, 42));
  assert.equal(hex(a) + hex(b), hex(streamBytes(42, 32)));
  const seen: string[] = [];
  let buffer: Uint8Array | undefined;
  drive(4, 42, 8, (p) => {
    buffer ??= p;
    assert.equal(p, buffer);
    seen.push(hex(p));
  });
  assert.equal(seen.join(''), hex(streamBytes(42, 32)));
});

test('stream.h gives the same bytes as stream.ts, and ARENA_STREAM_RUN hands them chunk by chunk', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-stream-c-'));
  const driver = path.join(tmp, 'main.c');
  writeFileSync(
    driver,
    `#include <stdio.h>
#include <stdlib.h>
#include "${path.join(here, 'stream', 'stream.h')}"
typedef struct { uint32_t chunks, bytes; } dump_state;
static void dump_begin(dump_state *s, uint32_t size, uint32_t seed) { (void)size; (void)seed; s->chunks = s->bytes = 0; }
static void dump_chunk(dump_state *s, const uint8_t *p, uint32_t len) { for (uint32_t i = 0; i < len; i++) printf("%02x", p[i]); s->chunks++; s->bytes += len; }
static void dump_end(dump_state *s, double *out) { out[0] = s->chunks; out[1] = s->bytes; }
ARENA_STREAM_RUN(dump, 256)
int main(int c, char **v) {
  double out[2];
  dump_stream_run((uint32_t)strtoul(v[1], 0, 10), (uint32_t)strtoul(v[2], 0, 10), out);
  printf(" %g %g\\n", out[0], out[1]);
}
`,
  );
  const bin = path.join(tmp, 'stream');
  execFileSync('clang', ['-O2', '-Wall', '-Werror', '-o', bin, driver]);
  for (const seed of SEEDS) assert.equal(execFileSync(bin, ['3', String(seed)], { encoding: 'utf8' }), `${hex(streamBytes(seed, 768))} 3 768\n`, `seed ${seed}`);
});

test('arena/workloads/stream (Go): go test passes', () => {
  execFileSync('go', ['test', '-count=1', './stream'], { cwd: here, encoding: 'utf8' });
});
