import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { changedModuleCopy, withCustomSection } from '../src/module-copy.ts';

// (module (func (export "fibonacci") (param i32) (result i32) (local.get 0)))
const module = new Uint8Array(Buffer.from('AGFzbQEAAAABBgFgAX8BfwMCAQAHDQEJZmlib25hY2NpAAAKBgEEACAACw==', 'base64'));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('a module with a custom section appended is still valid, with the same exports and the section', () => {
  const payload = new Uint8Array(300).fill(7); // sizes above 127 take two LEB128 bytes
  const changed = new WebAssembly.Module(withCustomSection(module, 'arena-conformance', payload));
  assert.deepEqual(WebAssembly.Module.exports(changed), WebAssembly.Module.exports(new WebAssembly.Module(module)));
  const [section] = WebAssembly.Module.customSections(changed, 'arena-conformance');
  assert.deepEqual(new Uint8Array(section!), payload);
});

test('changedModuleCopy writes other bytes under the same file name in a new folder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-copy-test-'));
  const original = path.join(dir, 'clang.wasm');
  writeFileSync(original, module);
  const copy = changedModuleCopy(original);
  try {
    assert.equal(path.basename(copy.file), 'clang.wasm');
    assert.notEqual(path.dirname(copy.file), dir);
    assert.notEqual(sha(readFileSync(copy.file)), sha(module));
    assert.ok(new WebAssembly.Module(readFileSync(copy.file)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(copy.dir, { recursive: true, force: true });
  }
});
