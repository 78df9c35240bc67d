export * from './pins.ts';
export * from './install.ts';
export * from './resolve.ts';
export * from './flags.ts';
export * from './runtimes.ts';
export * from './go.ts';
export * from './js/index.ts';
export * from './js/select.ts';
