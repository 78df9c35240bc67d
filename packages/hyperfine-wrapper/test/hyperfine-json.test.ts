import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseHyperfineExport } from '../src/hyperfine-json.ts';

test('parses a recorded hyperfine 1.15 export', () => {
  const [r] = parseHyperfineExport(readFileSync(new URL('./fixtures/hyperfine-export.json', import.meta.url), 'utf8'));
  assert.equal(r?.times.length, 5);
  assert.equal(r?.median, 0.4003);
  assert.deepEqual(r?.parameters, { module: 'clang' });
});

test('names what is wrong with a broken export', () => {
  assert.throws(() => parseHyperfineExport('{'), /not JSON/);
  assert.throws(() => parseHyperfineExport('{"results":[{"command":"x"}]}'), /unexpected shape[\s\S]*mean/);
});
