// The article's wasi.js (compiles and instantiates the module, in every worker, for every message),
// cut lines filled in. Changes for Node 20: `version: 'preview1'` in new WASI(...) (required since
// Node 20), and the module path comes from $WASM_MODULE (default "./module.wasm", the article's path
// relative to the working directory). Like the article, it never calls _initialize, so it suits
// modules that need no initialisation (clang, assemblyscript) but not go.wasm.
const { readFileSync } = require('fs');
const { WASI } = require('wasi');
const { argv, env } = require('process');

module.exports = async () => {
    const wasi = new WASI({ version: 'preview1', args: argv, env });
    const importObject = { wasi_snapshot_preview1: wasi.wasiImport };
    const wasm = await WebAssembly.compile(readFileSync(env.WASM_MODULE || "./module.wasm"));
    const instance = await WebAssembly.instantiate(wasm, importObject);
    return instance;
}
