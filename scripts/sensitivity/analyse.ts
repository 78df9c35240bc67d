// Prints the sensitivity tables from what run.ts recorded:
//   pnpm exec tsx scripts/sensitivity/analyse.ts <out folder> [--tries 4000] [--json FILE]
// Real tries first (what each method flagged, per try), then the simulation over a grid of slowdowns.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunDocument } from '@arena/contract';
import { readCompare } from '../../apps/collector/src/compare/store.ts';
import { resultKey } from '../../apps/collector/src/diff/key.ts';
import { resultLabel } from '../../apps/collector/src/format.ts';
import { readRun } from '../../apps/collector/src/store.ts';
import { compareDeltas, compareFlags, diffFlags, pairedNoise, simulateCompare, simulateDiff, smallestSeen, timed, type Rates } from './analysis.ts';
import type { Entry } from './run.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { tries: { type: 'string', default: '4000' }, json: { type: 'string' } } });
const dir = path.resolve(positionals[0] ?? '');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { entries: Entry[]; settings: Record<string, string> };
const tries = Number(values.tries);
const at = (e: Entry) => (path.isAbsolute(e.file) ? e.file : path.join(dir, e.file));

const parsed = (key: string) => {
  const [variant, workload, params] = JSON.parse(key) as [string, string, Array<[string, string]>];
  return { variant, workload, parameters: Object.fromEntries(params) };
};
const label = (key: string) => resultLabel(parsed(key));
/** The results the fixture slows (fib.c and fib.go): c-native, go-native and the clang module. */
const isSlowed = (key: string) => ['c-native', 'go-native'].includes(parsed(key).variant) || parsed(key).parameters.module === 'clang';

const compares = manifest.entries.filter((e) => e.method === 'compare').map((e) => ({ e, doc: readCompare(at(e)) }));
const benches = manifest.entries.filter((e) => e.method === 'bench').map((e) => ({ e, doc: readRun(at(e)) }));
const keys = [...new Set(compares.flatMap(({ doc }) => timed(doc).a.results.map(resultKey)))];
const slowed = new Set(keys.filter(isSlowed));
const cv = (key: string) => {
  const cvs = benches.flatMap(({ doc }) => doc.results.filter((r) => resultKey(r) === key && r.status === 'ok').map((r) => (r.status === 'ok' ? r.stop.cvPct : 0)));
  return cvs.sort((a, b) => a - b)[cvs.length >> 1] ?? NaN;
};

// Real tries.
const conditions = ['aa', 'slow-2', 'slow-5'] as const;
const real: Array<{ method: string; condition: string; tries: number; anyFlag: number; slowerFlags: Record<string, number> }> = [];
const tally = (method: string, condition: string, flags: Array<Map<string, 'slower' | 'faster'>>) => {
  real.push({
    method,
    condition,
    tries: flags.length,
    anyFlag: flags.filter((f) => f.size > 0).length,
    slowerFlags: Object.fromEntries(keys.map((k) => [k, flags.filter((f) => f.get(k) === 'slower').length])),
  });
};
for (const c of conditions)
  tally(
    'compare',
    c,
    compares.filter(({ e }) => e.condition === c).map(({ doc }) => compareFlags(doc)),
  );
/** The median over tries of each result's measured change (B/A − 1, the paired HL estimate) per condition: the slowdown in wall time. */
const measuredDelta = Object.fromEntries(
  conditions.map((c) => [
    c,
    Object.fromEntries(
      keys.map((k) => {
        const ds = compares
          .filter(({ e }) => e.condition === c)
          .flatMap(({ doc }) => compareDeltas(doc).get(k) ?? [])
          .sort((x, y) => x - y);
        return [k, ds[ds.length >> 1] ?? NaN];
      }),
    ),
  ]),
);
const benchOf = (t: number, c: Entry['condition']) => benches.find(({ e }) => e.try === t && e.condition === c)?.doc;
const triesDone = [...new Set(benches.map(({ e }) => e.try))];
for (const noise of [0, 5]) {
  for (const c of conditions) {
    const flags = triesDone.flatMap((t) => {
      const a = benchOf(t, 'main');
      const b = benchOf(t, c === 'aa' ? 'main-again' : c);
      return a && b ? [diffFlags(a, b, noise)] : [];
    });
    tally(`bench + diff --noise ${noise}`, c, flags);
  }
}

// Simulation.
const aa = compares.filter(({ e }) => e.condition === 'aa').map(({ doc }) => doc);
const noise = pairedNoise(aa);
const rounds = Math.round(
  aa.reduce((s, d) => s + new Set((timed(d).a.results.find((r) => r.status === 'ok') as { wallS: { round: number[] } } | undefined)?.wallS.round ?? []).size, 0) / Math.max(aa.length, 1),
);
const mains: RunDocument[] = benches.filter(({ e }) => e.condition === 'main' || e.condition === 'main-again').map(({ doc }) => doc);
const grid = [0, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1];
const sims: Array<{ method: string; slowdown: number; rates: Rates }> = [];
const longer = Math.max(40, rounds * 2);
grid.forEach((slowdown, i) => {
  sims.push({ method: 'compare', slowdown, rates: simulateCompare(noise, { rounds, slowdown, slowed, tries, seed: 100 + i }) });
  sims.push({ method: `compare, ${longer} rounds`, slowdown, rates: simulateCompare(noise, { rounds: longer, slowdown, slowed, tries, seed: 300 + i }) });
  for (const noisePct of [0, 5])
    sims.push({ method: `bench + diff --noise ${noisePct}`, slowdown, rates: simulateDiff(mains, { slowdown, slowed, noisePct, tries: Math.round(tries / 4), seed: 200 + i }) });
});

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
const lines: string[] = [];
lines.push(`Real tries (${manifest.settings.BENCH_ONLY}; ${manifest.settings.BENCH_WORKLOADS} at ${manifest.settings.BENCH_SIZE}; profile ${manifest.settings.BENCH_PROFILE}):`, '');
lines.push(`| method | condition | tries | any result flagged | flagged slower:  ${keys.map((k) => `${label(k)}${isSlowed(k) ? ' (slowed)' : ''}`).join(' | ')} |`);
lines.push(`|---|---|---|---|${keys.map(() => '---').join('|')}|`);
for (const r of real) lines.push(`| ${r.method} | ${r.condition} | ${r.tries} | ${r.anyFlag} | ${keys.map((k) => r.slowerFlags[k]).join(' | ')} |`);
lines.push('', 'Measured change B/A − 1 by compare (median over tries):', '');
lines.push(`| condition | ${keys.map(label).join(' | ')} |`);
lines.push(`|---|${keys.map(() => '---').join('|')}|`);
for (const c of conditions) lines.push(`| ${c} | ${keys.map((k) => `${(measuredDelta[c]![k]! * 100).toFixed(2)} %`).join(' | ')} |`);
lines.push(
  '',
  `Simulated (${tries} compare tries of ${rounds} rounds resampled from ${aa.length} A/A compares; ${Math.round(tries / 4)} diff tries resampled from ${mains.length} benches of main):`,
  '',
);
const methods = [...new Set(sims.map((s) => s.method))];
lines.push(`| result | CV (median of the benches) | ${methods.map((m) => `${m}: false alarms (suite) · smallest slowdown seen 80 % of the time`).join(' | ')} |`);
lines.push(`|---|---|${methods.map(() => '---').join('|')}|`);
for (const k of [...slowed]) {
  const cells = methods.map((m) => {
    const s = sims.filter((x) => x.method === m);
    const fa = s.find((x) => x.slowdown === 0)!.rates.any;
    const seen = smallestSeen(s.filter((x) => x.slowdown > 0).map((x) => ({ slowdown: x.slowdown, power: x.rates.slower.get(k) ?? 0 })));
    return `${pct(fa)} · ${seen === null ? `> ${pct(grid.at(-1)!)}` : pct(seen)}`;
  });
  lines.push(`| ${label(k)} | ${cv(k).toFixed(1)} % | ${cells.join(' | ')} |`);
}
lines.push('', 'Power per slowdown (share of tries flagging the result as slower):', '');
lines.push(`| method | slowdown | suite flagged | ${[...slowed].map(label).join(' | ')} |`);
lines.push(`|---|---|---|${[...slowed].map(() => '---').join('|')}|`);
for (const s of sims) lines.push(`| ${s.method} | ${pct(s.slowdown)} | ${pct(s.rates.any)} | ${[...slowed].map((k) => pct(s.rates.slower.get(k) ?? 0)).join(' | ')} |`);
console.log(lines.join('\n'));
if (values.json) {
  writeFileSync(
    values.json,
    `${JSON.stringify({ settings: manifest.settings, rounds, real, measuredDelta, simulated: sims.map((s) => ({ method: s.method, slowdown: s.slowdown, any: s.rates.any, slower: Object.fromEntries(s.rates.slower) })), cv: Object.fromEntries(keys.map((k) => [k, cv(k)])) }, null, 2)}\n`,
  );
}
