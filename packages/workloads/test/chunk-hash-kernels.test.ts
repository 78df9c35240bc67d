// Each language's chunk-hash kernel folds bytes into FNV-1a's published hashes whatever the pieces it
// is fed in (the state carries across chunks), through the kernels' own entries (begin/chunk/end,
// chunk_hash_begin/chunk/end, chunkhash.State); the stream itself, through the registries and the
// wasm modules, is checked by kernels.test.ts and @arena/kernels.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { chunkHash, fnv1a, reference } from '../chunk-hash/reference.ts';
import { streamBytes } from '../stream/stream.ts';
// @ts-expect-error: a plain JavaScript kernel, as the Node hosts load it
import * as js from '../chunk-hash/js/chunk-hash.js';

const dir = path.resolve(import.meta.dirname, '..', 'chunk-hash');
/** FNV-1a's published 32-bit hashes (Fowler, Noll, Vo: the FNV test vectors). */
const PUBLISHED: Array<[string, number]> = [
  ['', 0x811c9dc5],
  ['a', 0xe40c292c],
  ['foobar', 0xbf9cf968],
];
/** Every text is fed in pieces of 1, 2, 4 and 1024 bytes (the last piece shorter). */
const PIECES = [1, 2, 4, 1024];
const TEXTS = [...PUBLISHED.map(([t]) => t), 'the quick brown fox jumps over the lazy dog, carried across chunks'];

const hashOf = (text: string) => fnv1a(new TextEncoder().encode(text));
const pieces = (bytes: Uint8Array, n: number) => Array.from({ length: Math.ceil(bytes.length / n) }, (_, i) => bytes.subarray(i * n, (i + 1) * n));

test("the reference gives FNV-1a's published hashes, and folds the stream chunk by chunk as one hash", () => {
  for (const [text, hash] of PUBLISHED) assert.equal(hashOf(text), hash, JSON.stringify(text));
  assert.equal(chunkHash(3, 42, 8), fnv1a(streamBytes(42, 24)));
  assert.equal(reference(10, 42), fnv1a(streamBytes(42, 10 * 1024)));
  assert.notEqual(reference(10, 42), reference(10, 43));
});

test('chunk-hash/js: begin, chunk per piece, end gives the hash of the whole text', () => {
  for (const text of TEXTS) {
    for (const n of PIECES) {
      js.begin(1, 0);
      for (const p of pieces(new TextEncoder().encode(text), n)) js.chunk(p);
      assert.deepEqual(js.end(), [hashOf(text)], `${JSON.stringify(text)} in pieces of ${n}`);
    }
  }
});

test('chunk-hash/c: chunk_hash_begin, chunk_hash_chunk per piece, chunk_hash_end gives the hash of the whole text', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-chunk-hash-c-'));
  const driver = path.join(tmp, 'main.c');
  writeFileSync(
    driver,
    `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "${path.join(dir, 'c', 'chunk-hash.c')}"
int main(int c, char **v) {
  uint32_t piece = (uint32_t)strtoul(v[1], 0, 10), len = (uint32_t)strlen(v[2]);
  chunk_hash_state s;
  double out[1];
  chunk_hash_begin(&s, 1, 0);
  for (uint32_t i = 0; i < len; i += piece) chunk_hash_chunk(&s, (const uint8_t *)v[2] + i, len - i < piece ? len - i : piece);
  chunk_hash_end(&s, out);
  printf("%u\\n", (uint32_t)out[0]);
}
`,
  );
  const bin = path.join(tmp, 'chunk-hash');
  execFileSync('clang', ['-O2', '-Wall', '-Werror', '-o', bin, driver]);
  for (const text of TEXTS) {
    for (const n of PIECES) assert.equal(Number(execFileSync(bin, [String(n), text], { encoding: 'utf8' })), hashOf(text), `${JSON.stringify(text)} in pieces of ${n}`);
  }
});

test('chunk-hash/go: Begin, Chunk per piece, End gives the hash of the whole text', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'arena-chunk-hash-go-'));
  const bin = path.join(tmp, 'check');
  execFileSync('go', ['build', '-buildvcs=false', '-o', bin, './chunk-hash/go/check'], { cwd: path.dirname(dir) });
  for (const text of TEXTS) {
    for (const n of PIECES) assert.equal(Number(execFileSync(bin, [String(n), text], { encoding: 'utf8' })), hashOf(text), `${JSON.stringify(text)} in pieces of ${n}`);
  }
});
