export { DEFAULT_N, MAX_N, parseArgs, tryParseArgs } from './args.js';
export type { ParseOptions, ParseResult, VariantArgs } from './args.js';
export { fail, printReport, roundMs } from './report.js';
export type { PhasesMs, Report } from './report.js';
export { fibonacci } from './fibonacci.js';
export { runJobs } from './jobs.js';
export type { Booted, RunJobsOptions, WorkerEvents, WorkerLink, WorkerMessage } from './jobs.js';
