// dist/manifest.json has the shape the harness expects and tells the truth about each file.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { distDir, readManifest } from "./helpers.ts";

const manifest = readManifest();
const BUILT_KEYS = ["producer", "status", "file", "compiler", "flags", "sizeBytes", "sha256", "exports", "imports", "execModel"];
const SKIPPED_KEYS = ["producer", "status", "reason"];

test("schemaVersion is 1 and every producer appears once, clang (the default module) first", () => {
  assert.deepEqual(Object.keys(manifest).sort(), ["modules", "schemaVersion"]);
  assert.equal(manifest.schemaVersion, 1);
  assert.deepEqual(
    manifest.modules.map((m) => m.producer),
    ["clang", "go", "assemblyscript", "tinygo"],
  );
});

test("clang, go and assemblyscript are built; tinygo is built or skipped with a reason", () => {
  for (const m of manifest.modules) {
    if (m.producer === "tinygo" && m.status === "skipped") {
      assert.deepEqual(Object.keys(m).sort(), [...SKIPPED_KEYS].sort());
      assert.match(m.reason, /tinygo/);
    } else {
      assert.equal(m.status, "built", `${m.producer} must be built`);
    }
  }
});

for (const m of manifest.modules) {
  if (m.status !== "built") continue;
  test(`${m.producer}: the manifest entry matches dist/${m.file}`, () => {
    assert.deepEqual(Object.keys(m).sort(), [...BUILT_KEYS].sort());
    const bytes = readFileSync(`${distDir}${m.file}`);
    assert.equal(m.sizeBytes, bytes.length);
    assert.equal(m.sha256, createHash("sha256").update(bytes).digest("hex"));
    assert.ok(m.compiler.length > 0, "compiler version recorded");
    assert.ok(m.flags.length > 0, "flags recorded");

    const mod = new WebAssembly.Module(bytes);
    assert.deepEqual(m.exports, WebAssembly.Module.exports(mod).map((e) => e.name));
    assert.deepEqual(m.imports, WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`));
    const fib = WebAssembly.Module.exports(mod).find((e) => e.name === "fibonacci");
    assert.equal(fib?.kind, "function", "exports a fibonacci function");
    assert.ok(m.exports.includes("memory"), "exports memory (node:wasi's initialize() needs it)");
    // Every host calls _initialize first, so each module must be a reactor.
    assert.equal(m.execModel, "reactor");
    assert.ok(m.exports.includes("_initialize"));
    assert.ok(!m.exports.includes("_start"));
    // A WASI preview1 host provides nothing else.
    for (const imp of m.imports) assert.match(imp, /^wasi_snapshot_preview1\./);
  });
}
