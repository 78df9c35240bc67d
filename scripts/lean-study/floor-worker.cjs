// The lean study's floor: Node starts, boots one worker thread that answers at once, and exits.
const { Worker } = require('node:worker_threads');
new Worker('require("node:worker_threads").parentPort.postMessage(1)', { eval: true }).once('message', () => process.exit(0));
