// fib's kernel in AssemblyScript (assemblyscript.wasm): naive doubly recursive fibonacci, exported
// as "fibonacci" (the rules of ../README.md).
export function fibonacci(n: u32): u32 {
  if (n == 0) return 0;
  if (n == 1) return 1;
  return fibonacci(n - 1) + fibonacci(n - 2);
}
