import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PlannedGo } from '@arena/runtimes';
import { execa } from 'execa';
import { goBuiltCommand, goModuleManifest, type Variant } from '@arena/suite';

/** The files a toolchain's `build:go` must leave for the given variants: each program, and the Go module's manifest. */
export function goBuildOutputs(variants: Variant[], go: PlannedGo): string[] {
  const programs = variants.filter((v) => v.goBuilt).map((v) => goBuiltCommand(v.manifest.command, go).split(' ')[0]!.replaceAll('{pkg}', v.dir));
  const module = variants.some((v) => v.manifest.wasmModules) ? [goModuleManifest(go.version)] : [];
  return [...programs, ...module];
}

/**
 * Builds the Go-built variants and the Go module with every non-default toolchain of the bench
 * (`turbo run build:go` with GOTOOLCHAIN set; turbo caches each toolchain apart, since ARENA_TOOLCHAIN
 * names the Go). A toolchain's build empties bin/go/ and dist/go/ so its cache entry holds only its
 * own files, which can remove an earlier toolchain's: a second pass restores those from the cache.
 * A build that fails is reported by turbo and leaves its outputs missing; those targets then fail.
 */
export async function buildGoToolchains(o: { root: string; variants: Variant[]; toolchains: PlannedGo[]; say: (line: string) => void; signal: AbortSignal }): Promise<void> {
  const others = o.toolchains.filter((g) => !g.isDefault);
  if (others.length === 0 || !o.variants.some((v) => v.goBuilt || v.manifest.wasmModules)) return;
  const complete = (g: PlannedGo) => goBuildOutputs(o.variants, g).every((f) => existsSync(path.join(o.root, f)));
  const build = async (g: PlannedGo) => {
    o.say(`building the Go variants and the Go module with ${g.version} (turbo build:go, cached per toolchain)`);
    await execa('bash', ['scripts/toolchain.sh', 'pnpm', 'exec', 'turbo', 'run', 'build:go', '--continue', '--output-logs=errors-only'], {
      cwd: o.root,
      stdio: 'inherit',
      reject: false,
      cancelSignal: o.signal,
      env: { GOTOOLCHAIN: g.version },
    });
    o.signal.throwIfAborted();
  };
  for (const g of others) await build(g);
  for (const g of others) if (!complete(g)) await build(g);
}
