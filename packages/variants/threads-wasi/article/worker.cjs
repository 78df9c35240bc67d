// The article's worker.js for its Node + WASM Worker Threads program, cut lines filled in.
const { parentPort } = require("worker_threads");
const wasi = require("./wasi.cjs");

parentPort.on("message", async (msg) => {
    const instance = await wasi();
    const ret = await instance.exports.fibonacci(msg.num)
    parentPort.postMessage({ ret });
});
