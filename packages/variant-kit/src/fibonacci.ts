/**
 * The arena's job in JavaScript: fibonacci(n) by the naive double recursion, base cases 0 and 1
 * (the article's function). Kept tiny and monomorphic so V8 optimizes it well.
 */
export function fibonacci(n: number): number {
  if (n < 2) return n;
  return fibonacci(n - 1) + fibonacci(n - 2);
}
