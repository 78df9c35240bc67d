export { DEFAULT_WORKLOAD, MAX_SEED, parseArgs, tryParseArgs } from './args.js';
export type { ParseOptions, ParseResult, VariantArgs } from './args.js';
export { fail, printReport, roundMs } from './report.js';
export type { PhasesMs, Report } from './report.js';
export { runJobs } from './jobs.js';
export type { Booted, Job, RunJobsOptions, WorkerEvents, WorkerLink, WorkerMessage } from './jobs.js';
export { answerOf, readWorkload, workloadNames, workloadsDir } from './workload.js';
export type { Answer, Kernel, Scalar, WorkloadSource, WorkloadSpec } from './workload.js';
