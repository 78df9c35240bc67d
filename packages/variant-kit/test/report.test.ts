import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it, mock } from 'node:test';
import { printReport, roundMs } from '../src/report.js';

describe('printReport', () => {
  it('prints one JSON line, phases in timeline order and rounded to microseconds', (t) => {
    const write = mock.method(process.stdout, 'write', () => true);
    t.after(() => write.mock.restore());
    printReport({
      variant: 'threads-wasi',
      workload: 'fib',
      size: 20,
      seed: null,
      workers: 2,
      results: [6765, 6765],
      module: 'packages/kernels/dist/fib/clang.wasm',
      phasesMs: { computeMs: 12.34567, startupMs: 30.0000001, spawnMs: undefined },
    });
    write.mock.restore();
    assert.equal(write.mock.callCount(), 1);
    assert.equal(
      write.mock.calls[0]?.arguments[0],
      '{"variant":"threads-wasi","workload":"fib","size":20,"seed":null,"workers":2,"results":[6765,6765],"module":"packages/kernels/dist/fib/clang.wasm",' +
        '"phasesMs":{"startupMs":30,"computeMs":12.346}}\n',
    );
  });
  it("prints the fields in HOSTS.md's order whatever the object's, and doubles that read back as the same bits", (t) => {
    const write = mock.method(process.stdout, 'write', () => true);
    t.after(() => write.mock.restore());
    const energies = [-0.16907516382852447, -0.16908760523460595, 0.1 + 0.2, 5e-324, -1.7976931348623157e308];
    printReport({
      phasesMs: { computeMs: 1 },
      moduleSha256: 'a'.repeat(64),
      module: 'm.wasm',
      results: [energies, energies],
      workers: 2,
      seed: 4294967295,
      size: 1000,
      workload: 'nbody',
      variant: 'x',
    });
    write.mock.restore();
    const line = write.mock.calls[0]?.arguments[0] as string;
    assert.ok(line.startsWith('{"variant":"x","workload":"nbody","size":1000,"seed":4294967295,"workers":2,"results":[[-0.16907516382852447,-0.16908760523460595,'), line);
    const report = JSON.parse(line);
    assert.deepEqual(Object.keys(report), ['variant', 'workload', 'size', 'seed', 'workers', 'results', 'module', 'moduleSha256', 'phasesMs']);
    for (const answer of report.results) assert.ok(answer.every((x: number, i: number) => Object.is(x, energies[i])));
  });
  it("prints calls above 1 after moduleSha256, and the calls' phases after computeMs; calls 1 not at all", (t) => {
    const write = mock.method(process.stdout, 'write', () => true);
    t.after(() => write.mock.restore());
    const report = { variant: 'x', workload: 'fib', size: 20, seed: null, workers: 1, results: [6765], module: 'm.wasm', moduleSha256: 'a'.repeat(64) };
    printReport({ ...report, calls: 3, phasesMs: { laterCallMs: 1.0004, firstCallMs: 2, computeMs: 4, startupMs: 1 } });
    printReport({ ...report, calls: 1, phasesMs: { computeMs: 4 } });
    write.mock.restore();
    const [warm, once] = write.mock.calls.map((call) => JSON.parse(call.arguments[0] as string));
    assert.deepEqual(Object.keys(warm), ['variant', 'workload', 'size', 'seed', 'workers', 'results', 'module', 'moduleSha256', 'calls', 'phasesMs']);
    assert.equal(warm.calls, 3);
    assert.deepEqual(warm.phasesMs, { startupMs: 1, computeMs: 4, firstCallMs: 2, laterCallMs: 1 });
    assert.deepEqual(Object.keys(warm.phasesMs), ['startupMs', 'computeMs', 'firstCallMs', 'laterCallMs']);
    assert.ok(!('calls' in once));
  });
  it('roundMs keeps three decimals', () => assert.equal(roundMs(1.23456), 1.235));
});

describe('fail', () => {
  it('prints one error line on stderr and exits with the code', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `import { fail } from ${JSON.stringify(new URL('../src/report.ts', import.meta.url).href)}; fail('worker 2 died:\\n  exit code 7', 3);`],
      { encoding: 'utf8' },
    );
    assert.equal(child.status, 3);
    assert.equal(child.stdout, '');
    assert.equal(child.stderr, 'error: worker 2 died: exit code 7\n');
  });
});
