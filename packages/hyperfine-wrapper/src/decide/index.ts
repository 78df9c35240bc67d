export * from './estimate.ts';
export * from './family.ts';
export * from './interval.ts';
export * from './outcome.ts';
export * from './shape.ts';
export * from './simulate.ts';
export * from './spending.ts';
export * from './stop.ts';
