import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { kernelManifest, variantManifest, type BuiltModule, type VariantManifest } from '@arena/contract';
import { z } from 'zod';

/** A variant found under packages/variants/. */
export interface Variant {
  name: string;
  /** Package folder relative to the repository root. */
  dir: string;
  manifest: VariantManifest;
}

/** A folder that looked like a variant but whose manifest is broken. */
export interface BrokenVariant {
  name: string;
  error: string;
}

/** Where variants live: packages/variants/, or BENCH_VARIANTS_DIR (fault-injection tests use fixtures). */
export function variantsDir(root: string): string {
  return process.env.BENCH_VARIANTS_DIR ? path.resolve(process.env.BENCH_VARIANTS_DIR) : path.join(root, 'packages', 'variants');
}

/** Every folder of packages/variants/ whose package.json has an `arena` field: no list to edit. */
export function discoverVariants(root: string, base = variantsDir(root)): { variants: Variant[]; broken: BrokenVariant[] } {
  const variants: Variant[] = [];
  const broken: BrokenVariant[] = [];
  for (const entry of readdirSync(base, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(base, entry.name, 'package.json');
    if (!existsSync(file)) continue;
    const dir = path.relative(root, path.join(base, entry.name)).split(path.sep).join('/');
    let pkg: { arena?: unknown };
    try {
      pkg = JSON.parse(readFileSync(file, 'utf8')) as { arena?: unknown };
    } catch (error) {
      broken.push({ name: entry.name, error: `${dir}/package.json is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    if (pkg.arena === undefined) continue;
    const parsed = variantManifest.safeParse(pkg.arena);
    if (parsed.success) variants.push({ name: entry.name, dir, manifest: parsed.data });
    else broken.push({ name: entry.name, error: `${dir}/package.json "arena": ${z.prettifyError(parsed.error)}` });
  }
  return { variants, broken };
}

/** The kernels directory relative to the root. */
export const KERNELS_DIST = 'packages/kernels/dist';

/** The modules the kernels build produced (skipped ones are returned apart, with the reason). */
export function readKernels(root: string): { built: BuiltModule[]; skipped: Array<{ producer: string; reason: string }> } {
  const file = path.join(root, KERNELS_DIST, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${KERNELS_DIST}/manifest.json is missing: build the kernels first (pnpm turbo build)`);
  const manifest = kernelManifest.parse(JSON.parse(readFileSync(file, 'utf8')));
  const built: BuiltModule[] = [];
  const skipped: Array<{ producer: string; reason: string }> = [];
  for (const m of manifest.modules) {
    if (m.status === 'built') built.push(m);
    else skipped.push({ producer: m.producer, reason: m.reason });
  }
  return { built, skipped };
}
