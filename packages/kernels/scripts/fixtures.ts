// Rebuilds fixtures/*.wasm from their .wat sources with wabt's wat2wasm.
// The .wasm files are committed, so tests and other packages need no wabt; run this after editing a .wat.
//
//   pnpm --filter @arena/kernels fixtures      (needs: apt-get install wabt)
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixturesDir = fileURLToPath(new URL('../fixtures', import.meta.url));

for (const wat of readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.wat'))
  .sort()) {
  const wasm = wat.replace(/\.wat$/, '.wasm');
  execFileSync('wat2wasm', [wat, '-o', wasm], { cwd: fixturesDir, stdio: 'inherit' });
  console.log(`wrote fixtures/${wasm}`);
}
