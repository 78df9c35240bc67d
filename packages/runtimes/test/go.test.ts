import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchGo, GO_PINS, goLineOf, goLines, goVersion, parseGoPins, pinnedGoLines } from '../src/go.ts';

test('go.json pins one exact version for each of the lines 1.25, 1.26 and 1.27', () => {
  assert.deepEqual(pinnedGoLines(), ['1.25', '1.26', '1.27']);
  for (const [line, version] of Object.entries(GO_PINS)) assert.equal(goLineOf(version), line);
});

test('Go pins that are not exact versions of their line are refused, naming the entry', () => {
  assert.throws(() => parseGoPins('{"1.27": "1.27"}'), /line 1\.27 must pin an exact version \(1\.x\.y\), got "1\.27"/);
  assert.throws(() => parseGoPins('{"1.27": "1.26.1"}'), /line 1\.27 pins 1\.26\.1, which is not of that line/);
  assert.throws(() => parseGoPins('{"go1.27": "1.27.3"}'), /line "go1\.27" must be a Go minor line/);
  assert.throws(() => parseGoPins('{}'), /pins no Go line/);
});

test('a Go version names its minor line', () => {
  assert.equal(goLineOf('go1.27.3'), '1.27');
  assert.equal(goLineOf('1.9.1'), '1.9');
  assert.equal(goLineOf('go1.28rc1'), '1.28');
});

test('BENCH_GO is "all" or a list of pinned lines, in the order asked, without repeats', () => {
  assert.deepEqual(goLines('all'), ['1.25', '1.26', '1.27']);
  assert.deepEqual(goLines(' 1.27, 1.26 ,1.27'), ['1.27', '1.26']);
});

for (const spec of ['1.24', '1.27.3', 'go1.27', '', '1.26,']) {
  test(`BENCH_GO=${JSON.stringify(spec)} is refused, naming BENCH_GO and the accepted lines`, () => {
    assert.throws(() => goLines(spec), /^Error: BENCH_GO must be "all" or a comma-separated list of Go lines from 1\.25, 1\.26, 1\.27; got /);
  });
}

const pins = { '1.26': '1.26.8', '1.27': '1.27.3' };

test('without BENCH_GO a bench builds with the Go on PATH only, as the default build', async () => {
  const planned = await benchGo({ lines: null, pins, version: async () => 'go1.26.5' });
  assert.deepEqual(planned, [{ line: '1.26', version: 'go1.26.5', isDefault: true }]);
});

test('BENCH_GO lines select their pinned toolchain through GOTOOLCHAIN; the one equal to the default Go is the default build', async () => {
  const asked: Array<string | undefined> = [];
  const said: string[] = [];
  const planned = await benchGo({
    lines: ['1.27', '1.26'],
    pins,
    say: (m) => said.push(m),
    version: async (t) => {
      asked.push(t);
      return t ?? 'go1.26.8';
    },
  });
  assert.deepEqual(planned, [
    { line: '1.27', version: 'go1.27.3', isDefault: false },
    { line: '1.26', version: 'go1.26.8', isDefault: true },
  ]);
  assert.deepEqual(asked, [undefined, 'go1.27.3']);
  assert.equal(said.length, 1);
  assert.match(said[0]!, /GOTOOLCHAIN=go1\.27\.3/);
});

test('a pinned line whose GOTOOLCHAIN selects another version is an error naming both', async () => {
  await assert.rejects(benchGo({ lines: ['1.27'], pins, version: async (t) => (t ? 'go1.26.8' : 'go1.26.8') }), /GOTOOLCHAIN=go1\.27\.3 selects "go1\.26\.8", expected "go1\.27\.3"/);
});

test('a failing go command is an error naming GOTOOLCHAIN and the go output', async () => {
  await assert.rejects(goVersion('go0.0.0-nonexistent'), /go env GOVERSION with GOTOOLCHAIN=go0\.0\.0-nonexistent failed/);
});

test("the machine's go reports its version", async () => {
  assert.match(await goVersion(), /^go1\.\d+/);
});
