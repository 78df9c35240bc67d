// fib's kernel in Rust (rust.wasm): the rules of ../README.md, the naive recursion as the module's
// "fibonacci" export. Stable rustc has no reactor exec model, so the kernel exports `_initialize`
// itself (running the constructors wasm-ld collected), as every module here is a reactor.

extern "C" {
    fn __wasm_call_ctors();
}

#[no_mangle]
pub extern "C" fn _initialize() {
    unsafe { __wasm_call_ctors() }
}

#[no_mangle]
pub extern "C" fn fibonacci(n: u32) -> u32 {
    if n == 0 {
        return 0;
    }
    if n == 1 {
        return 1;
    }
    fibonacci(n - 1).wrapping_add(fibonacci(n - 2))
}
