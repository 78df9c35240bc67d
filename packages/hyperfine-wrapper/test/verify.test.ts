import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it, test } from 'node:test';
import { sameAnswer, verifyOutput, verifyReport } from '../src/verify.ts';

const expected = { variant: 'fixture', workload: 'fib', size: 10, seed: null, workers: 2, answer: 55 };
const line = (o: object) => JSON.stringify({ variant: 'fixture', workload: 'fib', size: 10, seed: null, workers: 2, results: [55, 55], phasesMs: { computeMs: 1 }, ...o });

test('answers compare exactly: u32s by value, arrays of doubles bit for bit', () => {
  assert.equal(sameAnswer(55, 55), true);
  assert.equal(sameAnswer([0.1 + 0.2, -1], [0.30000000000000004, -1]), true);
  assert.equal(sameAnswer([0.1 + 0.2], [0.3]), false, 'one ulp apart');
  assert.equal(sameAnswer([0], [-0]), false, 'the sign of zero counts');
  assert.equal(sameAnswer([1, 2], [1]), false);
  assert.equal(sameAnswer(1, [1]), false);
});

test('with a relative tolerance (arm64), doubles within it of the reference pass, others and u32s stay exact', () => {
  const e = -0.16907516382852447;
  assert.equal(sameAnswer([e * (1 + 5e-13)], [e], 1e-12), true, 'half the tolerance apart');
  assert.equal(sameAnswer([e * (1 + 3e-12)], [e], 1e-12), false, 'three times the tolerance apart');
  assert.equal(sameAnswer([e * (1 + 5e-13)], [e]), false, 'no tolerance: bit for bit');
  assert.equal(sameAnswer(56, 55, 0.1), false, 'a u32 is never approximate');
  const seeded = { ...expected, workload: 'nbody', seed: 7, answer: [e, -0.25], tolerance: 1e-12 };
  assert.equal(
    verifyReport(
      line({
        workload: 'nbody',
        seed: 7,
        results: [
          [e * (1 + 5e-13), -0.25],
          [e, -0.25],
        ],
      }),
      seeded,
    ).ok,
    true,
  );
  assert.equal(
    verifyReport(
      line({
        workload: 'nbody',
        seed: 7,
        results: [
          [e * (1 + 1e-9), -0.25],
          [e, -0.25],
        ],
      }),
      seeded,
    ).ok,
    false,
  );
});

test('a seeded report must echo the seed it was given', () => {
  const seeded = { ...expected, workload: 'nbody', seed: 7, answer: [-0.5, -0.25] };
  const good = line({
    workload: 'nbody',
    seed: 7,
    results: [
      [-0.5, -0.25],
      [-0.5, -0.25],
    ],
  });
  assert.equal(verifyReport(good, seeded).ok, true);
  const v = verifyReport(
    line({
      workload: 'nbody',
      seed: 8,
      results: [
        [-0.5, -0.25],
        [-0.5, -0.25],
      ],
    }),
    seeded,
  );
  assert.match(!v.ok ? v.error : '', /seed: expected 7, got 8/);
});

test('accepts a correct report as the last stdout line', () => {
  const v = verifyOutput(`starting\n${line({})}\n`, expected);
  assert.equal(v.ok, true);
});

test('a wrong answer names expected and got', () => {
  const v = verifyReport(line({ results: [55, 56] }), expected);
  assert.deepEqual(v, { ok: false, error: 'wrong answer: expected fib(10) = 55, got 56 from worker 1' });
});

test('ignored --workers and wrong n are caught', () => {
  const v = verifyReport(line({ workers: 1, results: [55] }), expected);
  assert.equal(v.ok, false);
  assert.match(!v.ok ? v.error : '', /workers: expected 2, got 1/);
});

test('garbage and contract violations are explained', () => {
  const g = verifyOutput('hello\n', expected);
  assert.match(!g.ok ? g.error : '', /not JSON/);
  const c = verifyReport(JSON.stringify({ variant: 'fixture', workload: 'fib', size: 10 }), expected);
  assert.match(!c.ok ? c.error : '', /breaks the contract[\s\S]*workers/);
  const none = verifyOutput('', expected);
  assert.match(!none.ok ? none.error : '', /no report line/);
});

describe('a wasm report proves which module ran', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-verify-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const module = (name: string, bytes: string) => {
    writeFileSync(path.join(dir, name), bytes);
    return { module: name, sha: createHash('sha256').update(bytes).digest('hex') };
  };
  const wasm = { ...expected, module: 'k.wasm' };

  it('accepts a moduleSha256 equal to the sha256 of the file, resolved from cwd', () => {
    const { sha } = module('k.wasm', 'module bytes');
    assert.equal(verifyReport(line({ module: 'k.wasm', moduleSha256: sha }), wasm, dir).ok, true);
  });

  it('names both hashes and the file when another module ran', () => {
    const { sha } = module('other.wasm', 'other bytes');
    const want = createHash('sha256').update('module bytes').digest('hex');
    const v = verifyReport(line({ module: 'k.wasm', moduleSha256: sha }), wasm, dir);
    assert.deepEqual(v, { ok: false, error: `ran a module whose sha256 is ${sha}, but k.wasm has ${want}` });
  });

  it('refuses a report with module but without moduleSha256', () => {
    const v = verifyReport(line({ module: 'k.wasm' }), wasm, dir);
    assert.match(!v.ok ? v.error : '', /breaks the contract[\s\S]*moduleSha256 is required with module/);
  });

  it('says so when the expected module cannot be read', () => {
    const v = verifyReport(line({ module: 'gone.wasm', moduleSha256: '0'.repeat(64) }), { ...expected, module: 'gone.wasm' }, dir);
    assert.match(!v.ok ? v.error : '', /^cannot read gone\.wasm to check which module ran: ENOENT/);
  });

  it('reads each module file once per path', () => {
    const { sha } = module('once.wasm', 'first');
    const want = { ...expected, module: 'once.wasm' };
    assert.equal(verifyReport(line({ module: 'once.wasm', moduleSha256: sha }), want, dir).ok, true);
    writeFileSync(path.join(dir, 'once.wasm'), 'second');
    assert.equal(verifyReport(line({ module: 'once.wasm', moduleSha256: sha }), want, dir).ok, true, 'the first reading is kept');
  });

  it('resolves the module from the repository root by default, where target commands run', () => {
    const file = 'packages/hyperfine-wrapper/package.json';
    const sha = createHash('sha256')
      .update(readFileSync(new URL('../package.json', import.meta.url)))
      .digest('hex');
    assert.equal(verifyOutput(`${line({ module: file, moduleSha256: sha })}\n`, { ...expected, module: file }).ok, true);
  });
});
