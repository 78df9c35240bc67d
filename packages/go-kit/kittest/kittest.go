// Package kittest holds the tests every Go variant shares: the command line,
// report line and failures of packages/workloads/HOSTS.md, run in-process
// through the variant's run function on every workload of the registry, plus a
// smoke test of the built binary.
//
// Modules come from packages/kernels (dist/<workload>/*.wasm and fixtures/),
// found from the variant's package folder as ../../kernels, or from
// $ARENA_KERNELS_DIR.
package kittest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	kit "arena/go-kit"
	"arena/workloads/registry"
)

// Runner is a variant's run function: main is os.Exit(run(os.Args[1:], ...)).
type Runner func(args []string, stdout, stderr io.Writer) int

// Result is one run's exit code and output.
type Result struct {
	Code           int
	Stdout, Stderr string
}

// Call runs r with args.
func Call(r Runner, args ...string) Result {
	var out, errOut bytes.Buffer
	code := r(args, &out, &errOut)
	return Result{code, out.String(), errOut.String()}
}

// The seeds the tests run seeded workloads with: two, so that a variant that
// ignores the seed fails.
const (
	SeedA uint32 = 12345
	SeedB uint32 = 3000000000
)

// Sizes the tests run: small, so every module of every workload runs in a
// blink; two, so that a variant that ignores --size fails.
const (
	SizeA uint32 = 20
	SizeB uint32 = 21
)

type key struct {
	workload   string
	size, seed uint32
}

// known are answers of the workloads' own references (reference.ts, in
// TypeScript), so that a Go kernel is not only checked against itself.
var known = map[key]any{
	{"fib", 20, 0}:              uint32(6765),
	{"fib", 21, 0}:              uint32(10946),
	{"nbody", 20, 12345}:        []float64{-0.1690751771215975, -0.1690708001838099},
	{"nbody", 20, 3000000000}:   []float64{-0.16907511099521047, -0.16907073403743242},
	{"nbody", 21, 12345}:        []float64{-0.1690751771215975, -0.1690705719353039},
	{"nbody", 21, 3000000000}:   []float64{-0.16907511099521047, -0.169070505788013},
	{"nbody", 1000, 7}:          []float64{-0.16907520362437203, -0.16908764493008072},
	{"nbody", 1000, 3000000000}: []float64{-0.16907511099521047, -0.16908755252884317},
	// A streamed workload: the host's stream (arena/workloads/stream) is checked too.
	{"chunk-hash", 20, 12345}:      uint32(374769011),
	{"chunk-hash", 20, 3000000000}: uint32(4255824293),
	{"chunk-hash", 21, 12345}:      uint32(4031586189),
	{"chunk-hash", 21, 3000000000}: uint32(3511794355),
}

// Workloads is every workload of the registry, sorted by name.
func Workloads() []registry.Workload {
	var ws []registry.Workload
	for _, name := range registry.Names() {
		ws = append(ws, registry.All[name])
	}
	return ws
}

// Size is size bounded by w's largest.
func Size(w registry.Workload, size uint32) uint32 { return min(size, w.MaxSize) }

// Expected is the answer every worker must report for w at size and seed
// (ignored for an unseeded workload), as the report line reads back from
// JSON: a float64 for "u32", a []float64 for "f64[]". Known answers of the
// workload's reference where this package has them, else its Go kernel's.
func Expected(w registry.Workload, size, seed uint32) any {
	if !w.Seeded {
		seed = 0
	}
	answer, ok := known[key{w.Name, size, seed}]
	if !ok {
		r := w.Run(size, seed)
		if w.Answer == "u32" {
			answer = uint32(r[0])
		} else {
			answer = r
		}
	}
	if u, ok := answer.(uint32); ok {
		return float64(u)
	}
	return answer
}

// Args is the command line that asks for w at size (and seed, for a seeded
// workload) with workers, and module when it is not "".
func Args(w registry.Workload, size, seed uint32, workers int, module string) []string {
	args := []string{"--workload", w.Name, "--size", fmt.Sprint(size), "--workers", fmt.Sprint(workers)}
	if w.Seeded {
		args = append(args, "--seed", fmt.Sprint(seed))
	}
	if module != "" {
		args = append(args, "--module", module)
	}
	return args
}

// Want is what a report must say.
type Want struct {
	Variant  string
	Workload registry.Workload
	Size     uint32
	Seed     uint32 // ignored for an unseeded workload, whose seed must be null
	Workers  int
	Module   string // a path from here, "" for a variant without modules
	Calls    int    // --calls; 1 (or 0) leaves calls and their phases out
	Setting  string // --setting, "" for none
}

// fields is the report line's keys, in the order of HOSTS.md.
var fields = []string{"variant", "workload", "size", "seed", "workers", "results", "module", "moduleSha256", "calls", "setting", "phasesMs"}

// CheckReport checks that res succeeded and that its last stdout line is the
// report want describes: the fields in HOSTS.md's order, seed null for an
// unseeded workload, `workers` answers each bit for bit Expected, with a
// module a moduleSha256 equal to that file's, and calls, setting and the
// calls' phases exactly when want has them. It returns the report.
func CheckReport(t *testing.T, res Result, want Want) kit.Report {
	t.Helper()
	if res.Code != 0 {
		t.Fatalf("exit %d, stderr: %s", res.Code, res.Stderr)
	}
	lines := strings.Split(strings.TrimRight(res.Stdout, "\n"), "\n")
	line := []byte(lines[len(lines)-1])
	var rep kit.Report
	if err := json.Unmarshal(line, &rep); err != nil {
		t.Fatalf("last stdout line is not a report: %v\n%s", err, res.Stdout)
	}
	if keys := keysOf(t, line); !slices.Equal(keys, inOrder(keys)) {
		t.Errorf("report fields %v are not in HOSTS.md's order %v", keys, fields)
	}
	w := want.Workload
	if rep.Variant != want.Variant || rep.Workload != w.Name || rep.Size != want.Size || rep.Workers != want.Workers || rep.Module != want.Module {
		t.Errorf("report says variant %q workload %q size %d workers %d module %q; want %q %q %d %d %q",
			rep.Variant, rep.Workload, rep.Size, rep.Workers, rep.Module, want.Variant, w.Name, want.Size, want.Workers, want.Module)
	}
	switch {
	case !w.Seeded && rep.Seed != nil:
		t.Errorf("report says seed %d for unseeded %s, want null", *rep.Seed, w.Name)
	case w.Seeded && (rep.Seed == nil || *rep.Seed != want.Seed):
		t.Errorf("report says seed %v, want %d", rep.Seed, want.Seed)
	}
	if want.Module != "" {
		if sum := fileSha256(t, want.Module); rep.ModuleSha256 != sum {
			t.Errorf("report says moduleSha256 %q; %s has %s", rep.ModuleSha256, want.Module, sum)
		}
	} else if rep.ModuleSha256 != "" || strings.Contains(string(line), `"module`) {
		t.Errorf("report names a module without one: %s", line)
	}
	if len(rep.Results) != want.Workers {
		t.Fatalf("%d results, want %d", len(rep.Results), want.Workers)
	}
	expected := Expected(w, want.Size, want.Seed)
	for i, got := range rep.Results {
		if !sameAnswer(got, expected) {
			t.Errorf("worker %d: %v, want %s's answer for size %d seed %d: %v", i, got, w.Name, want.Size, want.Seed, expected)
		}
	}
	if rep.PhasesMs.ComputeMs < 0 {
		t.Errorf("computeMs %v < 0", rep.PhasesMs.ComputeMs)
	}
	calls, ph := 0, rep.PhasesMs
	if want.Calls > 1 {
		calls = want.Calls
	}
	if rep.Calls != calls || rep.Setting != want.Setting {
		t.Errorf("report says calls %d setting %q, want %d %q: %s", rep.Calls, rep.Setting, calls, want.Setting, line)
	}
	if hasCallPhases := ph.FirstCallMs != nil && ph.LaterCallMs != nil; hasCallPhases != (calls > 0) || (ph.FirstCallMs == nil) != (ph.LaterCallMs == nil) {
		t.Errorf("firstCallMs and laterCallMs should be there exactly with calls %d: %s", calls, line)
	} else if hasCallPhases && (*ph.FirstCallMs < 0 || *ph.LaterCallMs < 0) {
		t.Errorf("negative call phases: %s", line)
	}
	return rep
}

// sameAnswer compares a decoded answer with Expected's bit for bit.
func sameAnswer(got, want any) bool {
	switch want := want.(type) {
	case float64:
		g, ok := got.(float64)
		return ok && math.Float64bits(g) == math.Float64bits(want)
	case []float64:
		g, ok := got.([]any)
		if !ok || len(g) != len(want) {
			return false
		}
		for i := range want {
			if !sameAnswer(g[i], want[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// keysOf is the top-level keys of a JSON object, in their order.
func keysOf(t *testing.T, line []byte) []string {
	t.Helper()
	var keys []string
	dec := json.NewDecoder(bytes.NewReader(line))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// inOrder is keys sorted in the order of fields (unknown keys last).
func inOrder(keys []string) []string {
	sorted := slices.Clone(keys)
	rank := func(k string) int {
		if i := slices.Index(fields, k); i >= 0 {
			return i
		}
		return len(fields)
	}
	slices.SortStableFunc(sorted, func(a, b string) int { return rank(a) - rank(b) })
	return sorted
}

// AnswerOf is worker i's answer in a report, as JSON, for comparing runs.
func AnswerOf(t *testing.T, rep kit.Report, i int) string {
	t.Helper()
	b, err := json.Marshal(rep.Results[i])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func fileSha256(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// CheckFailure checks that res failed with exit code `code`, printed no
// report, and one stderr line starting "error:" that contains every want.
func CheckFailure(t *testing.T, res Result, code int, want ...string) {
	t.Helper()
	if res.Code != code {
		t.Errorf("exit %d, want %d (stderr: %s)", res.Code, code, res.Stderr)
	}
	if res.Stdout != "" {
		t.Errorf("stdout should be empty, got %q", res.Stdout)
	}
	line := strings.TrimSuffix(res.Stderr, "\n")
	if !strings.HasPrefix(line, "error: ") || strings.Contains(line, "\n") {
		t.Errorf("stderr should be one line starting with \"error: \", got %q", res.Stderr)
	}
	for _, w := range want {
		if !strings.Contains(line, w) {
			t.Errorf("stderr should mention %q, got %q", w, line)
		}
	}
}

// KernelsDir is packages/kernels.
func KernelsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ARENA_KERNELS_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "kernels")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// KernelModules is every module the kernels package built for workload
// (dist/<workload>/*.wasm); it fails the test when there is none.
func KernelModules(t *testing.T, workload string) []string {
	t.Helper()
	dir := filepath.Join(KernelsDir(t), "dist", workload)
	mods, _ := filepath.Glob(filepath.Join(dir, "*.wasm"))
	if len(mods) == 0 {
		t.Fatalf("no modules in %s: build @arena/kernels first", dir)
	}
	return mods
}

// Fixture is the bad-input module fixtures/<name>.wasm of the kernels package
// (fib's: they export, or not, a broken "fibonacci").
func Fixture(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(KernelsDir(t), "fixtures", name+".wasm")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("fixture missing: %v", err)
	}
	return path
}

// UsageCase is a command line the contract refuses with exit 2, and what the
// error line must contain.
type UsageCase struct {
	Args []string
	Want string
}

// UsageCases is the usage errors every variant must refuse: bad sizes,
// workers, workloads, seeds, unknown arguments; withModule for a WASI variant
// (which must want --module), else --module is refused as unknown.
func UsageCases(withModule bool) []UsageCase {
	allowed := "(allowed: --workload, --size, --seed, --workers, --calls, --setting, --cache-dir)"
	if withModule {
		allowed = "(allowed: --workload, --size, --seed, --workers, --module, --calls, --setting, --cache-dir)"
	}
	cases := []UsageCase{
		{[]string{"--workload", "no-such-workload"}, "--workload must be one of " + strings.Join(registry.Names(), ", ") + ", got 'no-such-workload'"},
		{[]string{"--workload="}, "--workload needs a value: one of "},
		{[]string{"--workers", "0"}, "--workers must be an integer >= 1, got '0'"},
		{[]string{"--workers", "two"}, "--workers must be an integer >= 1, got 'two'"},
		{[]string{"--workers=-3"}, "--workers must be an integer >= 1, got '-3'"},
		{[]string{"--workers", "99999999999"}, "--workers must be"},
		{[]string{"--workers"}, "--workers needs a value: an integer >= 1"},
		{[]string{"--calls", "0"}, "--calls must be an integer >= 1, got '0'"},
		{[]string{"--calls", "x"}, "--calls must be an integer >= 1, got 'x'"},
		{[]string{"--calls=-2"}, "--calls must be an integer >= 1, got '-2'"},
		{[]string{"--calls"}, "--calls needs a value: an integer >= 1"},
		{[]string{"--cache-dir", "c"}, "--cache-dir is not accepted without a --setting that keeps a compilation cache"},
		{[]string{"--cache-dir="}, "--cache-dir needs a value"},
		{[]string{"--bogus", "1"}, "unknown argument '--bogus' " + allowed},
		{[]string{"--n", "20"}, "unknown argument '--n'"},
		{[]string{"-n", "3"}, "unknown argument '-n'"},
		{[]string{"40"}, "unexpected argument '40'"},
		{[]string{"--", "--size", "3"}, "unexpected argument '--'"},
	}
	if !withModule {
		cases = append(cases, UsageCase{[]string{"--module", "x.wasm"}, "unknown argument '--module' " + allowed})
	}
	for _, w := range Workloads() {
		at := func(args ...string) []string {
			args = append([]string{"--workload", w.Name}, args...)
			if w.Seeded {
				args = append(args, "--seed", "1")
			}
			return args
		}
		sizes := fmt.Sprintf("--size must be an integer in 1..%d (%s's %s)", w.MaxSize, w.Name, w.SizeName)
		cases = append(cases,
			UsageCase{at("--size", "-1"), sizes + ", got '-1'"},
			UsageCase{at("--size", "abc"), sizes + ", got 'abc'"},
			UsageCase{at("--size", "0"), sizes + ", got '0'"},
			UsageCase{at("--size", "+5"), sizes + ", got '+5'"},
			UsageCase{at(fmt.Sprintf("--size=%d", uint64(w.MaxSize)+1)), fmt.Sprintf("%s, got '%d'", sizes, uint64(w.MaxSize)+1)},
			UsageCase{at("--size="), sizes + ", got ''"},
		)
		if w.Seeded {
			cases = append(cases,
				UsageCase{[]string{"--workload", w.Name, "--size", "1"}, fmt.Sprintf("--seed is required: %s is seeded (an integer in 0..4294967295)", w.Name)},
				UsageCase{[]string{"--workload", w.Name, "--seed", "-1"}, "--seed must be an integer in 0..4294967295, got '-1'"},
				UsageCase{[]string{"--workload", w.Name, "--seed", "4294967296"}, "--seed must be an integer in 0..4294967295, got '4294967296'"},
				UsageCase{[]string{"--workload", w.Name, "--seed", "x"}, "--seed must be an integer in 0..4294967295, got 'x'"},
				UsageCase{[]string{"--workload", w.Name, "--seed"}, "--seed needs a value: an integer in 0..4294967295"},
			)
		} else {
			cases = append(cases,
				UsageCase{[]string{"--workload", w.Name, "--seed", "1"}, fmt.Sprintf("--seed is not accepted: %s is not seeded", w.Name)},
				UsageCase{[]string{"--workload", w.Name, "--size"}, fmt.Sprintf("--size needs a value: an integer in 1..%d (%s's %s)", w.MaxSize, w.Name, w.SizeName)},
			)
		}
	}
	return cases
}

// TestCommandLine checks the contract's usage errors (UsageCases): exit 2,
// one "error:" line naming the argument and what it accepts, no report.
// module is a valid --module for WASI variants, "" for the others.
func TestCommandLine(t *testing.T, run Runner, module string) {
	var mod []string
	if module != "" {
		mod = []string{"--module", module}
	}
	for _, c := range UsageCases(module != "") {
		t.Run(strings.Join(c.Args, " "), func(t *testing.T) {
			// The module first: a case may end with a flag missing its value.
			CheckFailure(t, Call(run, append(slices.Clone(mod), c.Args...)...), 2, c.Want)
		})
	}
	if module != "" {
		t.Run("no --module", func(t *testing.T) {
			CheckFailure(t, Call(run, "--size", "20"), 2, "--module is required: the path of the workload's WASI module (.wasm)")
		})
		t.Run("--module=", func(t *testing.T) {
			CheckFailure(t, Call(run, "--size", "20", "--module="), 2, "--module needs a value")
		})
	}
}

// TestWorkload runs w (with module, "" for a variant without modules) three
// times: SizeA with 1 worker, SizeA with 3 workers (the --flag=value form)
// and SizeB with 1 worker; a seeded workload with SeedA, SeedB, SeedA, whose
// answers must differ.
func TestWorkload(t *testing.T, run Runner, variant string, w registry.Workload, module string) {
	a, b := Size(w, SizeA), Size(w, SizeB)
	first := CheckReport(t, Call(run, Args(w, a, SeedA, 1, module)...), Want{variant, w, a, SeedA, 1, module, 1, ""})
	args := []string{"--workload=" + w.Name, fmt.Sprintf("--size=%d", a), "--workers=3"}
	if w.Seeded {
		args = append(args, fmt.Sprintf("--seed=%d", SeedB))
	}
	if module != "" {
		args = append(args, "--module="+module)
	}
	second := CheckReport(t, Call(run, args...), Want{variant, w, a, SeedB, 3, module, 1, ""})
	if w.Seeded && AnswerOf(t, first, 0) == AnswerOf(t, second, 0) {
		t.Errorf("seeds %d and %d gave the same answer %s", SeedA, SeedB, AnswerOf(t, first, 0))
	}
	CheckReport(t, Call(run, Args(w, b, SeedA, 1, module)...), Want{variant, w, b, SeedA, 1, module, 1, ""})
}

// TestWorkloads runs TestWorkload on every workload of the registry, for a
// variant without modules.
func TestWorkloads(t *testing.T, run Runner, variant string) {
	for _, w := range Workloads() {
		t.Run(w.Name, func(t *testing.T) { TestWorkload(t, run, variant, w, "") })
	}
}

// TestModules runs a WASI variant on every workload with every module built
// for it (TestWorkload), and checks that a missing file, a module without the
// workload's export (fixture no-export, another workload's module) and a
// trapping one (fixture trap) fail with exit 1 and an error naming the file.
func TestModules(t *testing.T, run Runner, variant string) {
	ws := Workloads()
	for _, w := range ws {
		for _, mod := range KernelModules(t, w.Name) {
			t.Run(w.Name+"/"+filepath.Base(mod), func(t *testing.T) { TestWorkload(t, run, variant, w, mod) })
		}
	}
	fib, hasFib := registry.All["fib"]
	missing := filepath.Join(t.TempDir(), "missing.wasm")
	t.Run("missing file", func(t *testing.T) {
		w := ws[0]
		CheckFailure(t, Call(run, Args(w, Size(w, SizeA), SeedA, 2, missing)...), 1, missing, "no such file")
	})
	if hasFib {
		for name, want := range map[string]string{"no-export": `"fibonacci"`, "trap": "fibonacci(20) failed"} {
			t.Run(name, func(t *testing.T) {
				fx := Fixture(t, name)
				CheckFailure(t, Call(run, Args(fib, 20, 0, 2, fx)...), 1, "module "+fx+": ", want)
			})
		}
	}
	// A module of another workload lacks this one's export (one such per workload).
	for _, w := range ws {
		for _, other := range ws {
			if slices.Contains(kit.KernelExports(other), w.Export) {
				continue
			}
			mod := KernelModules(t, other.Name)[0]
			t.Run(fmt.Sprintf("%s with a module of %s", w.Name, other.Name), func(t *testing.T) {
				CheckFailure(t, Call(run, Args(w, Size(w, SizeA), SeedA, 2, mod)...), 1, "module "+mod+": ", fmt.Sprintf("%q", w.Export))
			})
			break
		}
	}
}

// TestStreamedUnderGC runs every streamed workload with every module, 2
// workers, with the GC running all along (GOGC=1) and enough chunks for it
// to run many times: a cgo runtime that frees, in a finalizer, what Go no
// longer references (wasmer-go's Instance, Module, Store) crashes here when
// a worker does not hold them.
func TestStreamedUnderGC(t *testing.T, run Runner, variant string) {
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	for _, w := range Workloads() {
		if !kit.Streamed(w) {
			continue
		}
		size := Size(w, 10000)
		for _, mod := range KernelModules(t, w.Name) {
			t.Run(w.Name+"/"+filepath.Base(mod), func(t *testing.T) {
				CheckReport(t, Call(run, Args(w, size, SeedA, 2, mod)...), Want{variant, w, size, SeedA, 2, mod, 1, ""})
			})
		}
	}
}

// TestCalls runs every workload with --calls 3 and 2 workers (module(w) gives
// its --module, nil for a variant without modules): the report has calls 3,
// firstCallMs and laterCallMs, and each worker's first answer, bit for bit
// Expected; --calls 1 reports as if it were not given.
func TestCalls(t *testing.T, run Runner, variant string, module func(w registry.Workload) string) {
	for _, w := range Workloads() {
		t.Run(w.Name, func(t *testing.T) {
			mod := ""
			if module != nil {
				mod = module(w)
			}
			size := Size(w, SizeA)
			CheckReport(t, Call(run, append(Args(w, size, SeedA, 2, mod), "--calls", "3")...), Want{variant, w, size, SeedA, 2, mod, 3, ""})
			CheckReport(t, Call(run, append(Args(w, size, SeedB, 1, mod), "--calls=1")...), Want{variant, w, size, SeedB, 1, mod, 1, ""})
		})
	}
}

// TestSettings checks the settings a host implements (its Variant's): each
// runs every workload (module(w) gives its --module, nil for a variant without
// modules) with 2 workers and 2 calls, every answer bit for bit Expected, and
// reports its name; a cache setting requires --cache-dir, which it creates
// and fills, the others refuse one; an unknown setting is refused naming them
// all (or, with none, --setting is). The package.json of the folder the test
// runs in must declare the same settings (arena.settings, kind host).
func TestSettings(t *testing.T, run Runner, variant string, settings map[string]kit.Setting, module func(w registry.Workload) string) {
	t.Run("declared in package.json", func(t *testing.T) {
		b, err := os.ReadFile("package.json")
		if err != nil {
			t.Fatal(err)
		}
		var pkg struct {
			Arena struct {
				Settings map[string]struct {
					Kind  string
					Cache bool
				}
			}
		}
		if err := json.Unmarshal(b, &pkg); err != nil {
			t.Fatal(err)
		}
		declared := map[string]kit.Setting{}
		for name, s := range pkg.Arena.Settings {
			if s.Kind != "host" {
				t.Errorf("package.json: setting %s is of kind %q, want host", name, s.Kind)
			}
			declared[name] = kit.Setting{Cache: s.Cache}
		}
		if !maps.Equal(declared, settings) && len(declared)+len(settings) > 0 {
			t.Errorf("package.json declares %v, the host implements %v", declared, settings)
		}
	})
	mod := func(w registry.Workload) string {
		if module == nil {
			return ""
		}
		return module(w)
	}
	fib := registry.All["fib"]
	base := Args(fib, 20, 0, 1, mod(fib))
	names := slices.Sorted(maps.Keys(settings))
	t.Run("unknown setting", func(t *testing.T) {
		if len(names) == 0 {
			CheckFailure(t, Call(run, append(base, "--setting", "bogus")...), 2, "--setting is not accepted: this host implements no settings")
			return
		}
		accepts := "one of " + strings.Join(names, ", ")
		CheckFailure(t, Call(run, append(base, "--setting", "bogus")...), 2, "--setting must be "+accepts+" (got 'bogus')")
		CheckFailure(t, Call(run, append(base, "--setting=")...), 2, "--setting needs a value: "+accepts)
	})
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			var dir []string
			cache := filepath.Join(t.TempDir(), "cache")
			if settings[name].Cache {
				CheckFailure(t, Call(run, append(base, "--setting", name)...), 2, "--cache-dir is required: --setting "+name+" keeps a compilation cache")
				dir = []string{"--cache-dir", cache}
			} else {
				CheckFailure(t, Call(run, append(base, "--setting", name, "--cache-dir", cache)...), 2, "--cache-dir is not accepted: --setting "+name+" keeps no compilation cache")
			}
			for _, w := range Workloads() {
				size := Size(w, SizeA)
				args := append(Args(w, size, SeedA, 2, mod(w)), "--calls", "2", "--setting", name)
				CheckReport(t, Call(run, append(args, dir...)...), Want{variant, w, size, SeedA, 2, mod(w), 2, name})
			}
			if settings[name].Cache {
				if entries, err := os.ReadDir(cache); err != nil || len(entries) == 0 {
					t.Errorf("--cache-dir %s holds nothing after the runs (%v)", cache, err)
				}
			}
		})
	}
}

// TestBinary runs the built binary (relative to the package folder) from a
// temporary directory, with LD_LIBRARY_PATH unset, as the harness would: every
// workload at SizeA with 2 workers (module(w) gives its --module, or nil for a
// variant without modules), and a usage error. It is skipped when the binary
// is not built (go test without pnpm build).
func TestBinary(t *testing.T, bin, variant string, module func(w registry.Workload) string) {
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(abs); err != nil {
		t.Skipf("%s not built: run the package's build script first", bin)
	}
	mod := ""
	for _, w := range Workloads() {
		if module != nil {
			mod = module(w)
		}
		size := Size(w, SizeA)
		CheckReport(t, runBinary(t, abs, Args(w, size, SeedA, 2, mod)...), Want{variant, w, size, SeedA, 2, mod, 1, ""})
	}
	CheckFailure(t, runBinary(t, abs, "--workload", "fib", "--size", "0"), 2, "--size")
}

func runBinary(t *testing.T, bin string, args ...string) Result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "LD_LIBRARY_PATH=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	code := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	return Result{code, out.String(), errOut.String()}
}
