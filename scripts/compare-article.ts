// Times each variant beside the article's program of the same approach, in one hyperfine call per
// pair, under the machine-wide bench lock. Prints Markdown (used for docs/article-comparison.md).
//   pnpm exec tsx scripts/compare-article.ts [--runs 20]
// Needs a prior `pnpm turbo build`; builds the article's two Go programs itself.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { acquireBenchLock, describeMachine } from '@arena/hyperfine-wrapper';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const root = path.resolve(import.meta.dirname, '..');
const module = 'packages/kernels/dist/clang.wasm';
const node = 'node --disable-warning=ExperimentalWarning';
const v = (name: string) => `packages/variants/${name}`;
const command = (name: string, rest = '') => {
  const pkg = JSON.parse(readFileSync(path.join(root, v(name), 'package.json'), 'utf8')) as { arena: { command: string } };
  return `${pkg.arena.command.replaceAll('{pkg}', v(name))} --n 40${rest}`;
};

/** Each row: our variant, the article's program, and (for the 1.4× target) c-native. */
const pairs: Array<{ title: string; commands: Array<[string, string]> }> = [
  { title: 'Node cluster', commands: [['cluster-js', command('cluster-js')], ['article cluster', `node ${v('cluster-js')}/article/index.cjs`]] },
  { title: 'Node worker_threads', commands: [['threads-js', command('threads-js')], ['article threads', `node ${v('threads-js')}/article/index.cjs`]] },
  { title: 'Node cluster + WASM', commands: [['cluster-wasi', command('cluster-wasi', ` --module ${module}`)], ['article cluster+wasm', `${node} ${v('cluster-wasi')}/article/index.cjs`]] },
  {
    title: 'Node worker_threads + WASM, and c-native',
    commands: [['threads-wasi', command('threads-wasi', ` --module ${module}`)], ['article threads+wasm', `${node} ${v('threads-wasi')}/article/index.cjs`], ['c-native', command('c-native')]],
  },
  { title: 'Go goroutines', commands: [['go-native', command('go-native')], ['article full.go', `${v('go-native')}/bin/article`]] },
  { title: 'Go + wasmer-go', commands: [['go-wasmer', command('go-wasmer', ` --module ${module}`)], ['article wasi.go', `${v('go-wasmer')}/bin/article ${module}`]] },
];

await execa('pnpm', ['--filter', '@arena/variant-go-native', '--filter', '@arena/variant-go-wasmer', 'run', 'build:article'], { cwd: root, stdio: 'inherit' });
const release = await acquireBenchLock({ onWait: (m) => console.error(m) });
try {
  const machine = await describeMachine();
  const out = [`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpuModel}, ${machine.logicalCores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${machine.versions.node}, ${machine.versions.go}, hyperfine ${machine.versions.hyperfine}; n=40, workers = ${machine.logicalCores}, module ${module}; hyperfine -N --warmup 2 --runs ${values.runs}.`];
  for (const pair of pairs) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arena-article-'));
    const md = path.join(dir, 'out.md');
    const args = ['-N', '--warmup', '2', '--runs', values.runs!, '--export-markdown', md];
    for (const [name, cmd] of pair.commands) args.push('-n', name, cmd);
    console.error(`timing: ${pair.title}`);
    await execa('hyperfine', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { WASM_MODULE: module } });
    out.push(`### ${pair.title}\n\n${readFileSync(md, 'utf8').trim()}`);
  }
  console.log(out.join('\n\n'));
} finally {
  await release();
}
