// The conformance suite's own test: broken fixture variants, copied into a temporary workspace and
// run through the same checks, must fail exactly the rules they break, with messages that say so.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { BuiltModule } from '@arena/contract';
import { discoverVariants, discoverWorkloads, KERNELS_DIST, loadAnswers, repoRoot } from '@arena/suite';
import { harnessNode, planJs } from '@arena/runtimes';
import { conformanceChecks, RULES, runChecks } from '../src/checks.ts';
import { PARALLEL } from '../src/parallel.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'arena-conformance-fixtures-'));
cpSync(path.join(import.meta.dirname, '..', 'fixtures', 'broken-variants'), path.join(root, 'packages', 'variants'), { recursive: true });
test.after(() => rmSync(root, { recursive: true, force: true }));

// One kernel module for the WASI fixture: the fakes never compile it, they only read and hash it.
const wasm = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
mkdirSync(path.join(root, KERNELS_DIST, 'fib'), { recursive: true });
writeFileSync(path.join(root, KERNELS_DIST, 'fib', 'clang.wasm'), wasm);
const modules: BuiltModule[] = [
  {
    producer: 'clang',
    workload: 'fib',
    status: 'built',
    file: 'fib/clang.wasm',
    compiler: 'fixture',
    flags: [],
    sizeBytes: wasm.length,
    sha256: createHash('sha256').update(wasm).digest('hex'),
    exports: [],
    imports: [],
    execModel: 'library',
  },
];

// The fakes know fib alone: the real workload folder's spec and reference.
const real = repoRoot(import.meta.dirname);
const fib = discoverWorkloads(real).workloads.filter((w) => w.name === 'fib');
const work = { workloads: fib, answers: await loadAnswers(real, fib) };

/** The parallel rule's failure when a fake ran its workers one after another. */
const sequential = /its 2 workers do not run in parallel: it used at most (0\.\d\d|1\.[0-3]\d) cores while it ran \(CPU time \/ wall time, best of \d+ runs at n=\d+ --workers 2; runs: /;
const parallelRuns = os.availableParallelism() >= PARALLEL.workers;
// The fakes are Node programs: checked on the harness's Node, so their tests say `<name> [node=<line>]`.
const runtimes = { js: await planJs([harnessNode()], root, []) };
const on = (name: string) => `${name} [node=${harnessNode().line}]`;
const fibOf = (name: string) => `${name} · fib`;
const parallel = (title: string, pattern: RegExp) => (parallelRuns ? { [`${title}: ${RULES.parallel}`]: pattern } : {});

/** What each fixture breaks: the failing test names and what their messages must say. */
const EXPECTED: Record<string, Record<string, RegExp>> = {
  'wrong-answer': {
    [`${fibOf(on('wrong-answer'))}: ${RULES.report}`]: /wrong answer: expected fib\(30\) = 832040, got 832041 from worker 0/,
    [`${fibOf(on('wrong-answer'))}: ${RULES.workers}`]: /wrong answer: expected fib\(30\) = 832040, got 832041/,
    [`${fibOf(on('wrong-answer'))}: ${RULES.size}`]: /wrong answer: expected fib\(31\) = 1346269, got 1346270/,
    [`${fibOf(on('wrong-answer'))}: ${RULES.calls}`]: /wrong answer: expected fib\(25\) = 75025, got 75026/,
    ...parallel(fibOf(on('wrong-answer')), /wrong answer: expected fib\(30\) = 832040, got 832041/),
  },
  'ignores-calls': {
    [`${fibOf(on('ignores-calls'))}: ${RULES.calls}`]: /calls: expected 3, got \(absent\)/,
    ...parallel(fibOf(on('ignores-calls')), sequential),
  },
  'ignores-workers': {
    [`${fibOf(on('ignores-workers'))}: ${RULES.workers}`]: /workers: expected 3, got 1/,
    [`${fibOf(on('ignores-workers'))}: ${RULES.calls}`]: /workers: expected 2, got 1/,
    ...parallel(fibOf(on('ignores-workers')), /workers: expected 2, got 1/),
  },
  'leaves-child': {
    [`${fibOf(on('leaves-child'))}: ${RULES.leftovers}`]: /left 1 process\(es\) of its group running .* \d+ \(sleep\)/,
    ...parallel(fibOf(on('leaves-child')), sequential),
  },
  // Correct answers for any --workers, so only the parallel rule can catch it.
  sequential: {
    ...parallel(fibOf(on('sequential')), sequential),
  },
  'wrong-hash': {
    [`${on('wrong-hash')} (clang.wasm) · fib: ${RULES.moduleSha256}`]: /ran a module whose sha256 is [0-9a-f]{64}, but \/.*\/clang\.wasm has [0-9a-f]{64}/,
    ...parallel(`${on('wrong-hash')} (clang.wasm) · fib`, sequential),
  },
};

const { variants, broken } = discoverVariants(root);

test('the fixtures are discovered like any variant', () => {
  assert.deepEqual(broken, []);
  assert.deepEqual(variants.map((v) => v.name).sort(), Object.keys(EXPECTED).sort());
});

for (const variant of variants) {
  test(`${variant.name}: the suite fails exactly the rules it breaks, saying how`, async () => {
    const outcomes = await runChecks(conformanceChecks(root, variant, modules, runtimes, work));
    const failed = Object.fromEntries(outcomes.filter((o) => o.error !== undefined).map((o) => [o.title, o.error!]));
    const expected = EXPECTED[variant.name]!;
    assert.deepEqual(Object.keys(failed).sort(), Object.keys(expected).sort(), JSON.stringify(failed, null, 2));
    for (const [title, pattern] of Object.entries(expected)) assert.match(failed[title]!, pattern, title);
    assert.ok(outcomes.length > Object.keys(expected).length, 'the other rules ran and passed');
  });
}
