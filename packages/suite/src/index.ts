// The suite model: what a bench is told (settings), what it finds (variants, modules), what it runs
// (targets) and how a result is named (identity). The collector, the conformance suite and the
// generators use this entry point, never each other's internals.
export * from './settings.ts';
export * from './variables.ts';
export * from './discover.ts';
export * from './targets.ts';
export * from './runtimes.ts';
export * from './programs.ts';
export * from './identity.ts';
export * from './root.ts';
export * from './workloads.ts';
export * from './variations.ts';
