import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { diff } from '../../src/commands/diff.ts';
import { ConfigError } from '@arena/suite';
import { recordNoise } from '../../src/diff/noise.ts';
import { saveRun } from '../../src/store.ts';
import type { OkResult } from '@arena/contract';
import { wallStats } from '@arena/hyperfine-wrapper';
import { tempGitRepo, tag } from '../fixtures/git-repo.ts';
import { captureIo } from '../fixtures/io.ts';
import { makeRun } from '../fixtures/run.ts';

// A temporary git repository with three commits; runs recorded for the first two (two for the
// first), none for the third. BENCH_RESULTS_DIR points to its results/.
const { dir, hashes } = tempGitRepo(3);
const [c1, c2, c3] = hashes as [string, string, string];
const results = path.join(dir, 'results');
const saved = process.env.BENCH_RESULTS_DIR;

before(() => {
  process.env.BENCH_RESULTS_DIR = results;
  saveRun(results, makeRun({ 'go-native': 0.9, 'c-native': 0.3 }, { id: 'r1-old', createdAt: '2026-11-01T10:00:00.000Z', git: { commit: c1, dirty: false } }));
  saveRun(results, makeRun({ 'go-native': 0.4, 'c-native': 0.3 }, { id: 'r1', createdAt: '2026-11-02T10:00:00.000Z', git: { commit: c1, dirty: false } }));
  saveRun(results, makeRun({ 'go-native': 0.48, 'c-native': 0.3 }, { id: 'r2', createdAt: '2026-11-03T10:00:00.000Z', git: { commit: c2, dirty: false } }));
  tag(dir, 'v1', c1);
});
after(() => {
  if (saved === undefined) delete process.env.BENCH_RESULTS_DIR;
  else process.env.BENCH_RESULTS_DIR = saved;
});

test('git refs name the newest run recorded for their commit; B defaults to latest', async () => {
  const io = captureIo(dir);
  assert.equal(await diff(['HEAD~2', '--format', 'json'], io), 0);
  const out = JSON.parse(io.stdout());
  assert.equal(out.a.id, 'r1'); // newest of the two runs for c1, not r1-old
  assert.equal(out.b.id, 'r2'); // latest.json
  for (const ref of ['v1', 'main~2', c1.slice(0, 8)]) {
    const io2 = captureIo(dir);
    await diff([ref, 'HEAD~1', '--format', 'json'], io2);
    assert.deepEqual([JSON.parse(io2.stdout()).a.id, JSON.parse(io2.stdout()).b.id], ['r1', 'r2'], ref);
  }
});

test('a run file path and a run id work as well as refs', async () => {
  const io = captureIo(dir);
  await diff([path.join('results', 'runs', 'r1-old.json'), 'r1', '--format', 'json'], io);
  const out = JSON.parse(io.stdout());
  assert.deepEqual([out.a.id, out.b.id], ['r1-old', 'r1']);
});

test('a 20 % slower variant fails the gate with --fail-above 5 (exit 1), not with --fail-above 25', async () => {
  const io = captureIo(dir);
  assert.equal(await diff(['HEAD~2', 'HEAD~1', '--fail-above', '5'], io), 1);
  assert.match(io.stdout(), /go-native .*\+20\.0 %/);
  assert.match(io.stdout(), /c-native .* ~ /);
  assert.match(io.stdout(), /REGRESSION: .*go-native · fib \(\+20\.0 %\)/);
  assert.equal(await diff(['HEAD~2', 'HEAD~1', '--fail-above', '25'], captureIo(dir)), 0);
  assert.equal(await diff(['HEAD~1', 'HEAD~2', '--fail-above', '5'], captureIo(dir)), 0); // faster
});

test('a ref with no recorded run says so and lists the commits with runs', async () => {
  await assert.rejects(diff(['HEAD'], captureIo(dir)), (e: Error) => {
    assert.ok(e instanceof ConfigError);
    assert.match(e.message, new RegExp(`no run recorded for "HEAD" \\(commit ${c3.slice(0, 10)}\\)`));
    assert.match(e.message, new RegExp(`${c2.slice(0, 7)}  2026-11-03 10:00 UTC  \\(1 run\\)`));
    assert.match(e.message, new RegExp(`${c1.slice(0, 7)}  2026-11-02 10:00 UTC  \\(2 runs\\)`));
    return true;
  });
  await assert.rejects(diff(['no-such-branch'], captureIo(dir)), /not a file, a run id or a git ref here/);
});

test('a corrupt run file is skipped with a warning naming it', async () => {
  mkdirSync(path.join(results, 'runs'), { recursive: true });
  writeFileSync(path.join(results, 'runs', 'zz-broken.json'), '{"schemaVersion": 1');
  const io = captureIo(dir);
  assert.equal(await diff(['HEAD~2', '--format', 'markdown'], io), 0);
  assert.match(io.stderr(), /warning: skipping .*zz-broken\.json: not readable JSON/);
  assert.match(io.stdout(), /^\| go-native · fib \| 400\.0 ± /m);
});

test('usage errors are ConfigErrors (exit 2)', async () => {
  for (const args of [[], ['a', 'b', 'c'], ['HEAD~1', '--format', 'xml'], ['HEAD~1', '--alpha', '2'], ['HEAD~1', '--fail-above', 'x'], ['HEAD~1', '--bogus']]) {
    await assert.rejects(diff(args, captureIo(dir)), ConfigError, JSON.stringify(args));
  }
  await assert.rejects(diff([], captureIo(dir)), /usage: pnpm arena diff <A> \[B\] .*\[--fail-above PCT \[--allow-missing\]\]/);
  await assert.rejects(diff(['HEAD~2', 'HEAD~1', '--allow-missing'], captureIo(dir)), /--allow-missing only applies with --fail-above/);
});

test("without --noise, the threshold aa learned on the runs' machine applies and the legend says so; --noise 0 turns it off", async () => {
  saveRun(results, makeRun({ 'go-native': 0.4 }, { id: 'n1', createdAt: '2026-11-04T10:00:00.000Z' }));
  saveRun(results, makeRun({ 'go-native': 0.412 }, { id: 'n2', createdAt: '2026-11-04T11:00:00.000Z' }));
  const plain = captureIo(dir);
  await diff(['n1', 'n2'], plain);
  assert.match(plain.stdout(), /go-native .*\+3\.0 %/);
  assert.match(plain.stdout(), /No noise threshold/);
  recordNoise(results, 'f00d', { runs: ['x', 'y'], profile: 'default', at: '2026-11-04T12:00:00.000Z', maxFlaggedDeltaPct: 4.1 });
  try {
    const learned = captureIo(dir);
    await diff(['n1', 'n2', '--format', 'json'], learned);
    const out = JSON.parse(learned.stdout());
    assert.deepEqual([out.noisePct, out.noiseSource, out.rows[0].significant], [5, 'learned', false]);
    const text = captureIo(dir);
    await diff(['n1', 'n2'], text);
    assert.match(text.stdout(), /go-native .* ~ /);
    assert.match(text.stdout(), /noise threshold of 5 % \(learned on this machine by `arena aa`, .*f00d\.json; --noise 0 turns it off\)/);
    const off = captureIo(dir);
    await diff(['n1', 'n2', '--noise', '0'], off);
    assert.match(off.stdout(), /go-native .*\+3\.0 %/);
  } finally {
    rmSync(path.join(results, 'noise'), { recursive: true, force: true });
  }
});

test('--fail-above: a variant gone from B fails the gate and says why; --allow-missing lets a deliberate removal pass', async () => {
  saveRun(results, makeRun({ 'go-native': 0.4, 'c-native': 0.3 }, { id: 'g1' }));
  saveRun(results, makeRun({ 'go-native': 0.4 }, { id: 'g2' }));
  const gate = captureIo(dir);
  assert.equal(await diff(['g1', 'g2', '--fail-above', '5'], gate), 1);
  assert.match(gate.stdout(), /^c-native .* gone /m);
  assert.match(gate.stdout(), /REGRESSION: .*c-native · fib \(gone: in A, missing from B; --allow-missing if it was removed or renamed on purpose\)/);
  const allowed = captureIo(dir);
  assert.equal(await diff(['g1', 'g2', '--fail-above', '5', '--allow-missing'], allowed), 0);
  assert.match(allowed.stdout(), /^ok: no variant is significantly slower by more than 5 %, now failing or gone$/m);
  assert.match(allowed.stdout(), /^gone from B, allowed by --allow-missing: c-native · fib$/m);
  assert.equal(await diff(['g1', 'g2'], captureIo(dir)), 0, 'no gate without --fail-above');
});

test('--fail-above: a variant B left out with BENCH_ONLY shows "not run" and passes; a new one shows "new" and passes', async () => {
  saveRun(results, makeRun({ 'go-native': 0.4, 'c-native': 0.3 }, { id: 'o1' }));
  const narrowed = makeRun({ 'go-native': 0.4 }, { id: 'o2' });
  saveRun(results, { ...narrowed, config: { ...narrowed.config, only: ['go-native'] } });
  const io = captureIo(dir);
  assert.equal(await diff(['o1', 'o2', '--fail-above', '5'], io), 0);
  assert.match(io.stdout(), /^c-native .* not run /m);
  assert.doesNotMatch(io.stdout(), / gone /);
  const json = captureIo(dir);
  await diff(['o1', 'o2', '--format', 'json', '--fail-above', '5'], json);
  assert.deepEqual(
    JSON.parse(json.stdout()).rows.map((r: { change: string }) => r.change),
    ['compared', 'not-run'],
  );
  const widened = captureIo(dir);
  assert.equal(await diff(['o2', 'o1', '--fail-above', '5', '--format', 'markdown'], widened), 0);
  assert.match(widened.stdout(), /^\| c-native · fib \| – \| 300\.0 ± \S+ % \| not run \|/m, 'A was narrowed');
  const grown = captureIo(dir);
  assert.equal(await diff(['g2', 'g1', '--fail-above', '5', '--format', 'markdown'], grown), 0);
  assert.match(grown.stdout(), /^\| c-native · fib \| – \| 300\.0 ± \S+ % \| new \|/m, 'A was not narrowed');
});

test('a pair too small to ever be significant says so in one note (quick profile: 3 + 3 runs)', async () => {
  const quick = (id: string, m: number) => {
    const doc = makeRun({ 'go-native': m, 'c-native': m / 2 }, { id });
    doc.results = doc.results.map((r) => {
      const times = [0.99, 1, 1.01].map((f) => f * (r.status === 'ok' ? r.wallS.median : 1));
      return r.status === 'ok' ? ({ ...r, wallS: wallStats(times, [1, 1, 1]) } as OkResult) : r;
    });
    return doc;
  };
  saveRun(results, quick('q1', 0.4));
  saveRun(results, quick('q2', 0.8));
  const io = captureIo(dir);
  assert.equal(await diff(['q1', 'q2', '--fail-above', '5'], io), 0, 'twice as slow, but nothing can be judged');
  assert.match(
    io.stdout(),
    /^Note: the samples are too small to judge all results: 3 \+ 3 runs cannot give p below 0\.1 \(alpha 0\.05\); .*Use the default profile \(BENCH_PROFILE=default\) for judgements\.$/m,
  );
  const json = captureIo(dir);
  await diff(['q1', 'q2', '--format', 'json'], json);
  assert.match(JSON.parse(json.stdout()).notes[0], /too small to judge all results/);
  const fine = captureIo(dir);
  await diff(['g1', 'g2'], fine);
  assert.doesNotMatch(fine.stdout(), /too small/);
});
