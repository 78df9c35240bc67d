// fib's reference answer, iteratively (the kernels recurse; the answer is the same).

/** fibonacci(n) with fib(0) = 0, fib(1) = 1; n ≤ 47 fits a u32. */
export function fib(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}

/** The workload's reference: the answer every worker must report for size n (fib takes no seed). */
export const reference = (n: number): number => fib(n);
