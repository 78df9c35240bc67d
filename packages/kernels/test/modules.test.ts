// Every module the manifest says was built computes fibonacci correctly under a WASI preview1 host.
import assert from "node:assert/strict";
import { test } from "node:test";

import { distDir, instantiate, readManifest, referenceFibonacci } from "./helpers.ts";

const built = readManifest().modules.flatMap((m) => (m.status === "built" ? [m] : []));

test("the build produced at least the required modules", () => {
  assert.deepEqual(
    built.map((m) => m.producer).filter((p) => p !== "tinygo"),
    ["clang", "go", "assemblyscript"],
  );
});

for (const m of built) {
  test(`${m.producer}: fibonacci(0..30) under node:wasi matches the reference`, async () => {
    const instance = await instantiate(`${distDir}${m.file}`);
    const fibonacci = instance.exports.fibonacci as (n: number) => number;
    assert.equal(typeof fibonacci, "function");
    for (let n = 0; n <= 30; n++) {
      // u32 results come back as i32 in JS; >>> 0 reads them unsigned.
      assert.equal(fibonacci(n) >>> 0, referenceFibonacci(n), `fibonacci(${n})`);
    }
  });
}
