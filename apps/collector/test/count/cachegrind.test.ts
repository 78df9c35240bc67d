import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { instructionsOf } from '../../src/count/cachegrind.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/count/${name}`, import.meta.url), 'utf8');

// Recorded with valgrind-3.19.0 (Debian) on polyglot: c-native on nbody, 2 workers, 20 000 steps.
test('a recorded cachegrind file (--cache-sim=no): the Ir of its summary line', () => {
  const text = fixture('cachegrind.out.c-native');
  assert.match(text, /^events: Ir$/m);
  assert.equal(instructionsOf(text, 'cachegrind.out.c-native'), Number(/^summary: (\d+)$/m.exec(text)![1]));
  assert.ok(instructionsOf(text, 'x') > 1_000_000);
});

test('a recorded callgrind file: the Ir of its summary (or totals) line', () => {
  const text = fixture('callgrind.out.c-native');
  assert.match(text, /^events: Ir$/m);
  const total = Number(/^(?:summary|totals): (\d+)$/m.exec(text)![1]);
  assert.equal(instructionsOf(text, 'callgrind.out.c-native'), total);
});

test('several events: the Ir column is found by name, wherever it is', () => {
  const text = 'desc: I1 cache: 32768 B, 64 B, 8-way associative\ncmd: ./x\nevents: Dr Ir Dw\nfl=x.c\nfn=main\n3 1 2 3\nsummary: 10 200 30\n';
  assert.equal(instructionsOf(text, 'f'), 200);
  assert.equal(instructionsOf('events: Ir\ntotals: 5\nsummary: 7\n', 'f'), 7, 'summary wins over totals');
  assert.equal(instructionsOf('events: Ir\ntotals: 5\n', 'f'), 5);
});

test('a file without events, without Ir, or without totals (a killed run) is an error naming the file', () => {
  assert.throws(() => instructionsOf('cmd: x\n', 'out.1'), /^Error: out\.1: no "events:" line/);
  assert.throws(() => instructionsOf('events: Dr Dw\nsummary: 1 2\n', 'out.2'), /^Error: out\.2: no Ir event \(events: Dr Dw\)/);
  assert.throws(() => instructionsOf('events: Ir\nfl=x.c\nfn=main\n3 4\n', 'out.3'), /^Error: out\.3: no "summary:" or "totals:" line with an Ir total/);
});
