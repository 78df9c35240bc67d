// Prints, for every module of fib in dist/manifest.json, what its compiler made of the recursion: the
// instructions and `call`s in the fibonacci function (the README's table). Needs a build and wabt.
//
//   pnpm --filter @arena/kernels inspect
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { inspectFibonacci } from './disasm.ts';
import type { Manifest } from './manifest.ts';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${distDir}manifest.json`, 'utf8')) as Manifest;

console.log('| producer | function | instructions | `call`s | recursive `call`s | other calls | loops |');
console.log('| --- | --- | ---: | ---: | ---: | --- | ---: |');
for (const m of manifest.modules.filter((x) => x.workload === 'fib')) {
  if (m.status !== 'built') {
    console.log(`| ${m.producer} | skipped: ${m.reason} | | | | | |`);
    continue;
  }
  const { exported, body } = inspectFibonacci(`${distDir}${m.file}`);
  for (const f of body === exported ? [body] : [body, exported]) {
    const role = f === exported ? 'export `fibonacci`' : 'body';
    const others = f.callees.length === 0 ? '—' : f.callees.join(', ');
    console.log(`| ${m.producer} | ${role}: \`${f.name}\` | ${f.instructions} | ${f.calls} | ${f.selfCalls} | ${others} | ${f.loops} |`);
  }
}
