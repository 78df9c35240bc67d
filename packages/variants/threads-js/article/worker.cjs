// The article's worker.js for its Worker Threads program, cut lines filled in.
// Note: data.num is the Int32Array sent by the main thread; fibonacci's first subtraction coerces
// it to a number (Int32Array [40] - 1 === 39), as in the article.
const { parentPort } = require("worker_threads");

function fibonacci(num) {
    if (num === 0) {
        return 0;
    } else if (num === 1) {
        return 1;
    } else {
        return fibonacci(num - 1) + fibonacci(num - 2);
    }
}

parentPort.on("message", data => {
    parentPort.postMessage({ num: data.num, ret: fibonacci(data.num) });
});
