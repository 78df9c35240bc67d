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
      n: 20,
      workers: 2,
      results: [6765, 6765],
      module: 'packages/kernels/dist/clang.wasm',
      phasesMs: { computeMs: 12.34567, startupMs: 30.0000001, spawnMs: undefined },
    });
    write.mock.restore();
    assert.equal(write.mock.callCount(), 1);
    assert.equal(
      write.mock.calls[0]?.arguments[0],
      '{"variant":"threads-wasi","n":20,"workers":2,"results":[6765,6765],"module":"packages/kernels/dist/clang.wasm",' +
        '"phasesMs":{"startupMs":30,"computeMs":12.346}}\n',
    );
  });
  it('roundMs keeps three decimals', () => assert.equal(roundMs(1.23456), 1.235));
});

describe('fail', () => {
  it('prints one error line on stderr and exits with the code', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
      `import { fail } from ${JSON.stringify(new URL('../src/report.ts', import.meta.url).href)}; fail('worker 2 died:\\n  exit code 7', 3);`],
      { encoding: 'utf8' });
    assert.equal(child.status, 3);
    assert.equal(child.stdout, '');
    assert.equal(child.stderr, 'error: worker 2 died: exit code 7\n');
  });
});
