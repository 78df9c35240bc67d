// The article's "Node + WASM (Cluster)" program (使用 Node 调用 WASM 程序(Cluster)), cut lines filled in.
// Not built, not the timed variant: run from the repository root with
//   WASM_MODULE=packages/kernels/dist/fib/clang.wasm node --disable-warning=ExperimentalWarning packages/variants/cluster-wasi/article/index.cjs
// Changes for Node 20: `version: 'preview1'` in new WASI(...) (required since Node 20), and the
// module path comes from $WASM_MODULE (the article read "./module.wasm" from the working directory,
// which is still the default). Like the article, it never calls _initialize, so it suits modules
// that need no initialisation (clang, assemblyscript) but not go.wasm.
const { readFileSync } = require('fs');
const { WASI } = require('wasi');
const { argv, env } = require('process');

const cluster = require('cluster');
const { cpus } = require('os');
const { exit, pid } = require('process');

const numCPUs = cpus().length;

if (cluster.isPrimary) {
    let dataStore = [];
    const readyChecker = () => {
        if (dataStore.length === numCPUs) {
            console.log(`🎉 都搞定了,用时:${new Date - start}`);
            exit(0);
        }
    };

    console.log(`🚀 主进程上线 #ID ${pid}`);
    const start = new Date();

    for (let i = 0; i < numCPUs; i++) {
        cluster.fork();
    }

    cluster.on('online', (worker) => {
        console.log(`👷 分发计算任务 #ID ${worker.id}`);
        worker.send(40);
    });

    const messageHandler = function (msg) {
        console.log("📦 收到结果", msg.ret)
        dataStore.push(msg.ret);
        readyChecker();
    };

    for (const id in cluster.workers) {
        cluster.workers[id].on('message', messageHandler);
    }

} else {

    process.on('message', async (msg) => {
        const wasi = new WASI({ version: 'preview1', args: argv, env });
        const importObject = { wasi_snapshot_preview1: wasi.wasiImport };
        const wasm = await WebAssembly.compile(readFileSync(env.WASM_MODULE || "./module.wasm"));
        const instance = await WebAssembly.instantiate(wasm, importObject);
        const ret = await instance.exports.fibonacci(msg)
        process.send({ ret });
    });
}
