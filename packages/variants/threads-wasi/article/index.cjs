// The article's "Node + WASM (Worker Threads)" program (使用 Node 调用 WASM 程序(Worker Threads)),
// cut lines filled in. Not built, not the timed variant: run from the repository root with
//   WASM_MODULE=packages/kernels/dist/fib/clang.wasm node --disable-warning=ExperimentalWarning packages/variants/threads-wasi/article/index.cjs
// Changes: the worker is found next to this file (the article used "./worker.js", relative to the
// working directory); see wasi.cjs for the module.
const { Worker } = require("worker_threads");
const { cpus } = require('os');
const { exit, pid } = require('process')

let dataStore = [];

const readyChecker = () => {
    if (dataStore.length === numCPUs) {
        console.log(`🎉 都搞定了,用时:${new Date - start}`);
        exit(0);
    }
}

const num = [40];
const sharedBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * num.length);
const sharedArray = new Int32Array(sharedBuffer);
Atomics.store(sharedArray, 0, num);

const numCPUs = cpus().length;
console.log(`🚀 主进程上线 #ID ${pid}`);

const start = new Date();

for (let i = 0; i < numCPUs; i++) {
    const worker = new Worker(__dirname + "/worker.cjs");

    worker.on("message", msg => {
        console.log("📦 收到结果", msg.ret)
        dataStore.push(msg.ret);
        readyChecker();
    });

    console.log(`👷 分发计算任务`);
    worker.postMessage({ num: sharedArray });
}
