import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOf, NODE_PINS, nodeLines, parsePins, pinnedLines } from '../src/pins.ts';

test('node.json pins one exact version for each of the lines 20, 22, 24 and 26', () => {
  assert.deepEqual(pinnedLines(), ['20', '22', '24', '26']);
  for (const [line, version] of Object.entries(NODE_PINS)) {
    assert.match(version, /^\d+\.\d+\.\d+$/);
    assert.equal(lineOf(version), line);
  }
});

test('pins that are not exact versions of their line are refused, naming the entry', () => {
  assert.throws(() => parsePins('{"24": "24"}'), /line 24 must pin an exact version \(x\.y\.z\), got "24"/);
  assert.throws(() => parsePins('{"24": "22.1.0"}'), /line 24 pins 22\.1\.0, which is not of that line/);
  assert.throws(() => parsePins('{"v24": "24.1.0"}'), /line "v24" must be a major version number/);
  assert.throws(() => parsePins('{}'), /pins no Node line/);
  assert.throws(() => parsePins('[]'), /must be an object/);
});

test('BENCH_NODE=all is every pinned line, oldest first', () => {
  assert.deepEqual(nodeLines('all'), ['20', '22', '24', '26']);
  assert.deepEqual(nodeLines(' all '), ['20', '22', '24', '26']);
});

test('BENCH_NODE as a list keeps its order and drops repeats', () => {
  assert.deepEqual(nodeLines('20,22'), ['20', '22']);
  assert.deepEqual(nodeLines(' 24 , 20,24'), ['24', '20']);
  assert.deepEqual(nodeLines('26'), ['26']);
});

for (const [spec, got] of [
  ['18', '"18"'],
  ['20,19', '"19"'],
  ['v20', '"v20"'],
  ['latest', '"latest"'],
  ['', '""'],
  ['20,', '"20,"'],
  ['20.20.2', '"20.20.2"'],
] as const) {
  test(`BENCH_NODE=${JSON.stringify(spec)} is refused, naming BENCH_NODE and the accepted values`, () => {
    assert.throws(
      () => nodeLines(spec),
      (e: unknown) => {
        assert.ok(e instanceof Error);
        assert.match(e.message, /^BENCH_NODE must be "all" or a comma-separated list of Node lines from 20, 22, 24, 26; got /);
        assert.ok(e.message.endsWith(`got ${got}`), e.message);
        return true;
      },
    );
  });
}

test('lineOf reads the major line with or without the v', () => {
  assert.equal(lineOf('v24.22.3'), '24');
  assert.equal(lineOf('20.20.2'), '20');
});
