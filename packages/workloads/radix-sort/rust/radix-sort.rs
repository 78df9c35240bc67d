// radix-sort's kernel in Rust (rust.wasm): the rules of ../README.md in safe Rust, two Vecs per call
// (the allocator keeps freed memory in the instance, so a second call reuses the first one's pages).
// `_initialize` is the kernel's own: stable rustc has no reactor exec model.

extern "C" {
    fn __wasm_call_ctors();
}

#[no_mangle]
pub extern "C" fn _initialize() {
    unsafe { __wasm_call_ctors() }
}

/// The checksum of `size` keys of `seed`, sorted.
#[no_mangle]
pub extern "C" fn radix_sort(size: u32, seed: u32) -> u32 {
    let mut state = seed;
    let mut keys: Vec<u32> = (0..size)
        .map(|_| {
            state = state.wrapping_add(0x9e3779b9);
            let mut z = state;
            z = (z ^ (z >> 16)).wrapping_mul(0x85ebca6b);
            z = (z ^ (z >> 13)).wrapping_mul(0xc2b2ae35);
            z ^ (z >> 16)
        })
        .collect();
    let mut scratch = vec![0u32; size as usize];
    let (mut src, mut dst) = (&mut keys, &mut scratch);
    for shift in (0..32).step_by(8) {
        let mut count = [0u32; 256];
        for &k in src.iter() {
            count[((k >> shift) & 255) as usize] += 1;
        }
        let mut sum = 0u32;
        for c in count.iter_mut() {
            let n = *c;
            *c = sum;
            sum += n;
        }
        for &k in src.iter() {
            let d = ((k >> shift) & 255) as usize;
            dst[count[d] as usize] = k;
            count[d] += 1;
        }
        std::mem::swap(&mut src, &mut dst);
    }
    keys.iter()
        .fold(2166136261u32, |h, &k| (h ^ k).wrapping_mul(16777619))
}
