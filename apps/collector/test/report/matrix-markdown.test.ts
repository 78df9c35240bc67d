import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellText, matrixCaption, matrixTable } from '../../src/report/matrix-markdown.ts';
import { buildMatrix } from '../../src/report/matrix.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

test('a matrix as a Markdown table: host rows, workload · producer columns, ratio with CI or mark', () => {
  const t = matrixTable(buildMatrix(makeMatrixRun(), 'wall')!);
  assert.deepEqual(t.header.slice(0, 5), ['host', 'fib · native', 'fib · clang', 'fib · assemblyscript', 'fib · go']);
  const row = (host: string) => t.rows.find((r) => r[0] === host)!;
  assert.equal(row('c-native')[1], '1.00×');
  assert.match(row('threads-wasi · node 20')[2]!, /^1\.50× \(1\.\d\d–1\.\d\d\)$/);
  assert.match(row('go-native · go 1.26')[5]!, /^~1\.00× \(/, 'level with c-native on nbody');
  assert.equal(row('go-wazero · go 1.26')[8], 'FAILED');
  assert.equal(row('c-native')[2], '', 'no result, empty cell');
  assert.deepEqual(
    t.right,
    t.header.slice(1).map((_, i) => i + 1),
  );
});

test('cells without a ratio say why; captions say how the interval was made', () => {
  const memory = buildMatrix(makeMatrixRun(), 'memory')!;
  assert.equal(cellText(memory.cells.find((c) => c.status === 'not-measured')), 'not measured');
  assert.equal(cellText(undefined), '');
  const peak = memory.cells.find((c) => c.status === 'ok' && c.value !== c.baseline);
  assert.match(cellText(peak), /^\d+\.\d MiB · ~?\d/, 'a memory cell leads with its peak in MiB');
  assert.match(matrixCaption(buildMatrix(makeMatrixRun(), 'wall')!), /Hodges–Lehmann .* paired by round/);
  assert.match(matrixCaption(memory), /ranges do not overlap/);
  assert.match(matrixCaption(buildMatrix(makeMatrixRun(), 'cpu')!), /no interval/);
});
