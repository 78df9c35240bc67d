// The README's claims about each compiler's recursion, checked on fib's built modules (needs wabt).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { hasWasmObjdump, inspectFibonacci } from '../scripts/disasm.ts';
import type { Producer } from '../scripts/manifest.ts';
import { distDir, readManifest } from './helpers.ts';

const skip = hasWasmObjdump() ? false : 'wasm-objdump not on PATH (apt-get install wabt)';
const built = new Map(readManifest().modules.flatMap((m) => (m.status === 'built' && m.workload === 'fib' ? [[m.producer, m.file]] : [])));
const stats = (producer: Producer) => inspectFibonacci(`${distDir}${built.get(producer)}`);

test('clang (LLVM): one recursive call left, the other turned into a loop', { skip }, () => {
  const { exported, body } = stats('clang');
  assert.equal(body, exported, 'the export is the recursive function itself');
  assert.equal(body.selfCalls, 1);
  assert.equal(body.calls, 1);
  assert.ok(body.loops >= 1);
});

test('go (gc): both recursive calls kept, plus a morestack call, behind an export wrapper', { skip }, () => {
  const { exported, body } = stats('go');
  assert.notEqual(body, exported);
  assert.equal(body.selfCalls, 2);
  assert.ok(body.callees.includes('runtime.morestack_noctxt'), body.callees.join(', '));
  assert.ok(exported.callees.includes(body.name));
});

test('assemblyscript (binaryen): both recursive calls kept', { skip }, () => {
  const { body } = stats('assemblyscript');
  assert.equal(body.selfCalls, 2);
  assert.equal(body.calls, 2);
});

// rust is optional: its module is there only where rustc has the wasm32-wasip1 target.
test('rust (LLVM, like clang): one recursive call left, the other turned into a loop', { skip: skip || (built.has('rust') ? false : 'rust.wasm not built here') }, () => {
  const { exported, body } = stats('rust');
  assert.equal(body, exported, 'the export is the recursive function itself');
  assert.equal(body.selfCalls, 1);
  assert.equal(body.calls, 1);
  assert.ok(body.loops >= 1);
});
