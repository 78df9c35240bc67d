// nbody's kernel in Rust (rust.wasm): the rules of ../README.md, operation for operation as c/nbody.c
// (Rust never fuses a multiply-add unless asked with mul_add). Exports nbody(steps, seed) -> energy
// before and nbody_result(i); `_initialize` is the kernel's own (stable rustc has no reactor model).

extern "C" {
    fn __wasm_call_ctors();
}

#[no_mangle]
pub extern "C" fn _initialize() {
    unsafe { __wasm_call_ctors() }
}

const PI: f64 = 3.141592653589793;
const SOLAR_MASS: f64 = 4.0 * PI * PI;
const DAYS_PER_YEAR: f64 = 365.24;
const DT: f64 = 0.01;
/// 2^-51, exact.
const SCALE: f64 = 1.0 / 2251799813685248.0;

#[derive(Clone, Copy)]
struct Body {
    x: f64,
    y: f64,
    z: f64,
    vx: f64,
    vy: f64,
    vz: f64,
    m: f64,
}

const fn body(x: f64, y: f64, z: f64, vx: f64, vy: f64, vz: f64, m: f64) -> Body {
    Body {
        x,
        y,
        z,
        vx: vx * DAYS_PER_YEAR,
        vy: vy * DAYS_PER_YEAR,
        vz: vz * DAYS_PER_YEAR,
        m: m * SOLAR_MASS,
    }
}

const BODIES: [Body; 5] = [
    Body {
        x: 0.0,
        y: 0.0,
        z: 0.0,
        vx: 0.0,
        vy: 0.0,
        vz: 0.0,
        m: SOLAR_MASS,
    },
    body(
        4.84143144246472090e+00,
        -1.16032004402742839e+00,
        -1.03622044471123109e-01,
        1.66007664274403694e-03,
        7.69901118419740425e-03,
        -6.90460016972063023e-05,
        9.54791938424326609e-04,
    ),
    body(
        8.34336671824457987e+00,
        4.12479856412430479e+00,
        -4.03523417114321381e-01,
        -2.76742510726862411e-03,
        4.99852801234917238e-03,
        2.30417297573763929e-05,
        2.85885980666130812e-04,
    ),
    body(
        1.28943695621391310e+01,
        -1.51111514016986312e+01,
        -2.23307578892655734e-01,
        2.96460137564761618e-03,
        2.37847173959480950e-03,
        -2.96589568540237556e-05,
        4.36624404335156298e-05,
    ),
    body(
        1.53796971148509165e+01,
        -2.59193146099879641e+01,
        1.79258772950371181e-01,
        2.68067772490389322e-03,
        1.62824170038242295e-03,
        -9.51592254519715870e-05,
        5.15138902046611451e-05,
    ),
];

fn splitmix32(state: &mut u32) -> u32 {
    *state = state.wrapping_add(0x9e3779b9);
    let mut z = *state;
    z = (z ^ (z >> 16)).wrapping_mul(0x85ebca6b);
    z = (z ^ (z >> 13)).wrapping_mul(0xc2b2ae35);
    z ^ (z >> 16)
}

fn energy(b: &[Body; 5]) -> f64 {
    let mut e = 0.0;
    for i in 0..5 {
        e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for j in i + 1..5 {
            let (dx, dy, dz) = (b[i].x - b[j].x, b[i].y - b[j].y, b[i].z - b[j].z);
            e -= (b[i].m * b[j].m) / (dx * dx + dy * dy + dz * dz).sqrt();
        }
    }
    e
}

fn advance(b: &mut [Body; 5]) {
    for i in 0..5 {
        for j in i + 1..5 {
            let (dx, dy, dz) = (b[i].x - b[j].x, b[i].y - b[j].y, b[i].z - b[j].z);
            let d2 = dx * dx + dy * dy + dz * dz;
            let mag = DT / (d2 * d2.sqrt());
            let (mi, mj) = (b[i].m, b[j].m);
            b[i].vx -= dx * mj * mag;
            b[i].vy -= dy * mj * mag;
            b[i].vz -= dz * mj * mag;
            b[j].vx += dx * mi * mag;
            b[j].vy += dy * mi * mag;
            b[j].vz += dz * mi * mag;
        }
    }
    for p in b.iter_mut() {
        p.x += DT * p.vx;
        p.y += DT * p.vy;
        p.z += DT * p.vz;
    }
}

/// The energy before and after `steps` steps of the system perturbed by `seed`.
fn run(steps: u32, seed: u32) -> [f64; 2] {
    let mut b = BODIES;
    if seed != 0 {
        let mut state = seed;
        for p in &mut b[1..] {
            p.x += (splitmix32(&mut state) as f64 - 2147483648.0) * SCALE;
            p.y += (splitmix32(&mut state) as f64 - 2147483648.0) * SCALE;
            p.z += (splitmix32(&mut state) as f64 - 2147483648.0) * SCALE;
        }
    }
    let (mut px, mut py, mut pz) = (0.0, 0.0, 0.0);
    for p in &b {
        px += p.vx * p.m;
        py += p.vy * p.m;
        pz += p.vz * p.m;
    }
    b[0].vx = -px / SOLAR_MASS;
    b[0].vy = -py / SOLAR_MASS;
    b[0].vz = -pz / SOLAR_MASS;
    let before = energy(&b);
    for _ in 0..steps {
        advance(&mut b);
    }
    [before, energy(&b)]
}

static mut LAST: [f64; 2] = [0.0; 2];

#[no_mangle]
pub extern "C" fn nbody(steps: u32, seed: u32) -> f64 {
    let r = run(steps, seed);
    unsafe { LAST = r };
    r[0]
}

#[no_mangle]
pub extern "C" fn nbody_result(i: u32) -> f64 {
    let last = unsafe { LAST };
    if i < 2 {
        last[i as usize]
    } else {
        0.0
    }
}
