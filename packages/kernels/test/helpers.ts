// Shared by the tests: where things are, the manifest, and a WASI preview1 host like the variants'.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WASI } from "node:wasi";

import type { Manifest } from "../scripts/manifest.ts";

export const pkgDir = fileURLToPath(new URL("../", import.meta.url));
export const distDir = `${pkgDir}dist/`;
export const fixturesDir = `${pkgDir}fixtures/`;

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(`${distDir}manifest.json`, "utf8")) as Manifest;
}

/** fibonacci(n) by iteration: the reference the modules' recursion is checked against. */
export function referenceFibonacci(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, (a + b) >>> 0];
  return a;
}

/** Instantiates a module under node:wasi (preview1) and, for a reactor, runs _initialize. */
export async function instantiate(file: string): Promise<WebAssembly.Instance> {
  const wasi = new WASI({ version: "preview1" });
  const module = await WebAssembly.compile(readFileSync(file));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject() as WebAssembly.Imports);
  wasi.initialize(instance); // calls _initialize when exported; requires a "memory" export
  return instance;
}
