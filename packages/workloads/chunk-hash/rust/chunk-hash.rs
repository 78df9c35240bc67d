// chunk-hash's kernel in Rust (rust.wasm): the rules of ../README.md, 32-bit FNV-1a carried across
// chunks, with the wasm interface of a streamed workload (HOSTS.md): a static buffer of the spec's
// chunkBytes the host copies each chunk into, begin, one call per chunk, end. `_initialize` is the
// kernel's own: stable rustc has no reactor exec model.

extern "C" {
    fn __wasm_call_ctors();
}

#[no_mangle]
pub extern "C" fn _initialize() {
    unsafe { __wasm_call_ctors() }
}

static mut BUFFER: [u8; 1024] = [0; 1024];
static mut HASH: u32 = 0;

#[no_mangle]
pub extern "C" fn chunk_hash_buffer() -> u32 {
    std::ptr::addr_of_mut!(BUFFER) as u32
}

/// Starts a hash: the size and seed change nothing, the host owns the stream.
#[no_mangle]
pub extern "C" fn chunk_hash_begin(_size: u32, _seed: u32) {
    unsafe { HASH = 2166136261 };
}

/// Folds the `len` bytes at `ptr` (where the host put the chunk) into the hash, in order.
#[no_mangle]
pub extern "C" fn chunk_hash(ptr: u32, len: u32) {
    let bytes = unsafe { std::slice::from_raw_parts(ptr as usize as *const u8, len as usize) };
    let h = bytes.iter().fold(unsafe { HASH }, |h, &b| {
        (h ^ b as u32).wrapping_mul(16777619)
    });
    unsafe { HASH = h };
}

#[no_mangle]
pub extern "C" fn chunk_hash_end() -> u32 {
    unsafe { HASH }
}
