// Generates the hosts' registries from the workload folders (packages/workloads/HOSTS.md):
//   registry/registry.go       Go package arena/workloads/registry (every workload with a Go kernel)
//   dist/c/registry.h, .c      the C registry (every workload with a C kernel), and
//   dist/c/workloads/<w>.c     each one's kernel as its own translation unit
// JavaScript needs none: Node hosts read <w>/workload.json and import <w>/js/<w>.js themselves.
//
//   pnpm --filter @arena/workloads build
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { cSource, discoverWorkloads, goPackageDir, hasGoFiles, workloadsDir } from './discover.ts';
import { cRegistryHeader, cRegistrySource, cUnitFile, cUnitSource, goRegistry } from './registry.ts';

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(workloadsDir, file)), { recursive: true });
  writeFileSync(path.join(workloadsDir, file), text);
  console.log(`wrote   packages/workloads/${file}`);
}

try {
  const workloads = discoverWorkloads();
  const withC = workloads.filter((w) => existsSync(path.join(workloadsDir, cSource(w.name))));
  const withGo = workloads.filter((w) => hasGoFiles(workloadsDir, goPackageDir(w.name)));
  // A workload without a kernel in a language is left out of that language's registry, said here:
  // the hosts of that language then answer that they do not know it.
  for (const w of workloads) {
    if (!withC.includes(w)) console.log(`note    ${w.name} has no C kernel (${cSource(w.name)}): left out of the C registry`);
    if (!withGo.includes(w)) console.log(`note    ${w.name} has no Go kernel (${goPackageDir(w.name)}/*.go): left out of the Go registry`);
  }
  for (const dir of ['registry', path.join('dist', 'c')]) rmSync(path.join(workloadsDir, dir), { recursive: true, force: true });
  write('registry/registry.go', goRegistry(withGo.map((w) => w.spec)));
  write('dist/c/registry.h', cRegistryHeader());
  write('dist/c/registry.c', cRegistrySource(withC.map((w) => w.spec)));
  for (const w of withC) write(`dist/c/${cUnitFile(w.name)}`, cUnitSource(w.spec));
  console.log(`workloads: ${workloads.map((w) => w.name).join(', ')}`);
} catch (err) {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
