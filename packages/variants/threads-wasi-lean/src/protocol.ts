// What the main thread and its threads say to each other, and the steps the study can turn off.
import type { Job, WorkloadSpec } from '@arena/variant-kit';

/**
 * What this variant takes off threads-wasi's critical path, each measured on its own by
 * scripts/lean-study.ts (ARENA_LEAN_OFF=<step,…> turns steps off; unset, all are on):
 * `early-spawn` the threads start before the kit loads; `no-barrier` the job travels with the
 * module, no ready/dispatch round trip; `main-share` the main thread computes one share (it needs
 * `no-barrier`: a main thread that computes cannot dispatch). Tried and dropped for want of a
 * measurable gain: Node's compile cache, and V8's inlining flag set at run time (README).
 */
export const STEPS = ['early-spawn', 'no-barrier', 'main-share'] as const;
export type LeanStep = (typeof STEPS)[number];

/** The main thread's one message: the compiled module, its file (for errors), the spec, and the job (null: wait for it after `ready`). */
export interface KernelJob {
  file: string;
  module: WebAssembly.Module;
  spec: WorkloadSpec;
  job: Job | null;
}

/**
 * A thread's answer: ready (when it waits for the job), its kernel's results (the kit's `runCalls`:
 * with more than one call, every call's duration too), or what failed.
 */
export type ThreadMessage = { kind: 'ready'; instantiateMs: number } | { kind: 'result'; value: number[]; callsMs?: number[]; instantiateMs: number } | { kind: 'error'; message: string };
