// The parallel rule's calibration and verdict, on made-up timings (the rule itself runs in
// conformance.test.ts and fixtures.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { busyAt, calibratedN, judge, nextProbe, PARALLEL, type RatioRun } from '../src/parallel.ts';

describe('calibration', () => {
  it('probes higher while compute is too short to predict from, by the golden ratio', () => {
    assert.equal(nextProbe({ n: 30, wallMs: 8, computeMs: 2.6 }), 38); // 2.6 ms × φ^8 ≈ 122 ms ≥ 80
    assert.equal(nextProbe({ n: 38, wallMs: 90, computeMs: 86.8 }), undefined);
    assert.equal(nextProbe({ n: 42, wallMs: 5, computeMs: 0.001 }), PARALLEL.maxN, 'never above the cap');
    assert.equal(nextProbe({ n: PARALLEL.maxN, wallMs: 5, computeMs: 0.001 }), undefined);
  });

  it('picks the n predicted to compute for 500 ms, or as long as the rest of the run when that is longer', () => {
    assert.equal(calibratedN({ n: 38, wallMs: 90, computeMs: 86.8 }), 42); // 86.8 × φ^4 ≈ 595 ms
    assert.equal(calibratedN({ n: 34, wallMs: 914, computeMs: 89.3 }), 39, 'a start-up of 825 ms asks for 825 ms of compute');
    assert.equal(calibratedN({ n: 40, wallMs: 5, computeMs: 0.01 }), PARALLEL.maxN);
    assert.equal(calibratedN({ n: 35, wallMs: 2000, computeMs: 1900 }), 35, 'never below the probe');
  });

  it('does not trust a computeMs of 0 or above the wall time: the whole run counts as compute', () => {
    assert.equal(nextProbe({ n: 30, wallMs: 60, computeMs: 0 }), undefined);
    assert.equal(calibratedN({ n: 30, wallMs: 60, computeMs: 0 }), calibratedN({ n: 30, wallMs: 60, computeMs: 60 }));
    assert.equal(calibratedN({ n: 30, wallMs: 60, computeMs: 600 }), calibratedN({ n: 30, wallMs: 60, computeMs: 60 }));
  });
});

const quiet = (...ratios: number[]): RatioRun[] => ratios.map((ratio) => ({ ratio, otherCores: 0.05 }));
const busy = (...ratios: number[]): RatioRun[] => ratios.map((ratio) => ({ ratio, otherCores: 1 }));

describe('verdict', () => {
  it('passes on the first run whose CPU/wall ratio reaches 1.4, busy or not: load only lowers ratios', () => {
    assert.deepEqual(judge(quiet(1.9), 40), { ok: true, best: 1.9 });
    assert.deepEqual(judge([...quiet(1.3, 1.25), ...busy(1.45)], 40), { ok: true, best: 1.45 });
  });

  it('takes more runs while none reached it, so a host with some slow runs is not misread', () => {
    assert.equal(judge(quiet(1.3, 1.29, 1.33), 40), undefined, 'go-wazero on go.wasm: a slow run now and then');
    assert.deepEqual(judge(quiet(1.3, 1.29, 1.33, 1.91), 40), { ok: true, best: 1.91 });
  });

  it('fails workers that run one after another after six runs, saying how many cores it used, at which n, in every run', () => {
    assert.equal(judge(quiet(1.02, 0.99, 1.1, 1.0, 1.05), 37), undefined);
    const v = judge(quiet(1.02, 0.99, 1.1, 1.0, 1.05, 1.01), 37);
    assert.equal(v?.ok, false);
    assert.match(
      !v!.ok ? v!.error : '',
      /^its 2 workers do not run in parallel: it used at most 1\.10 cores while it ran \(CPU time \/ wall time, best of 6 runs at n=37 --workers 2; runs: 1\.02, 0\.99, 1\.10, 1\.00, 1\.05, 1\.01\); .* reach 1\.4, one after another about 1$/,
    );
  });

  it('takes more runs while others slow them, up to twelve in all, and then says the machine was busy', () => {
    assert.equal(judge([...quiet(1.0, 1.0, 1.0), ...busy(1.0, 1.0, 1.0)], 40), undefined, 'three quiet runs are not six');
    assert.equal(judge(busy(...Array<number>(11).fill(1.0)), 40), undefined);
    const v = judge(busy(...Array<number>(12).fill(1.0)), 40);
    assert.equal(v?.ok, false);
    assert.match(!v!.ok ? v!.error : '', /runs: 1\.00 \(others used 1\.00 cores\), .*; the machine was busy, so this may be its load: run again on a quiet one$/);
  });
});

describe('busy runs', () => {
  it('are those where others leave the workers fewer than 2 free cores', () => {
    assert.equal(busyAt(2), PARALLEL.busyCores);
    assert.equal(busyAt(8), 6 + PARALLEL.busyCores);
    const v = judge(busy(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), 40, busyAt(8));
    assert.match(!v!.ok ? v!.error : '', /best of 6 runs/);
    assert.equal(v?.ok, false);
    assert.doesNotMatch(!v!.ok ? v!.error : '', /busy/, 'one core of load leaves 7 free: these runs were quiet');
  });
});
