// fib's kernel in JavaScript (cluster-js, threads-js): the rules of ../README.md.

/**
 * fibonacci(n) by the naive double recursion, base cases 0 and 1 (the article's function; `n < 2`
 * makes exactly the same calls as its `=== 0` / `=== 1` tests).
 *
 * A named function expression on purpose: its recursive calls go to the function's own name, an
 * immutable binding V8's optimizer can call directly. A function declaration at the top of an ES
 * module is a mutable module binding instead, and V8 (Node 20) runs the same recursion measurably
 * slower through it. Every call still happens.
 */
export const fibonacci = function fibonacci(n) {
  if (n < 2) return n;
  return fibonacci(n - 1) + fibonacci(n - 2);
};

/** The uniform entry (../../HOSTS.md): fib's one result; fib takes no seed. */
export function run(size, _seed) {
  return [fibonacci(size)];
}
