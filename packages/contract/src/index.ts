export * from './report.ts';
export * from './run.ts';
export * from './kernels.ts';
export * from './variant-manifest.ts';
export * from './read.ts';
export * from './fingerprint.ts';
export * from './json-schema.ts';
export * from './workload.ts';
