// What the main thread and its threads say to each other, and the steps the study can turn off.
import type { Job, WorkloadSpec } from '@arena/variant-kit';

/**
 * What this variant takes off threads-wasi's critical path, each measured on its own by
 * scripts/lean-study.ts (ARENA_LEAN_OFF=<step,…> turns steps off; unset, all are on):
 * `early-spawn` the threads start before the kit loads; `runtime-flags` V8's wasm inlining is
 * switched on at run time, after the threads started, not on the command line, where any V8 flag
 * costs Node 20 its code cache at start-up and in every worker; `no-barrier` the job travels with
 * the module, no ready/dispatch round trip; `main-share` the main thread computes one share (it
 * needs `no-barrier`: a main thread that computes cannot dispatch).
 */
export const STEPS = ['early-spawn', 'runtime-flags', 'no-barrier', 'main-share'] as const;
export type LeanStep = (typeof STEPS)[number];

/** The main thread's one message: the compiled module, its file (for errors), the spec, and the job (null: wait for it after `ready`). */
export interface KernelJob {
  file: string;
  module: WebAssembly.Module;
  spec: WorkloadSpec;
  job: Job | null;
}

/** A thread's answer: ready (when it waits for the job), its kernel's results, or what failed. */
export type ThreadMessage =
  | { kind: 'ready'; instantiateMs: number }
  | { kind: 'result'; value: number[]; instantiateMs: number }
  | { kind: 'error'; message: string };
