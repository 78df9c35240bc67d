// Package kit is the part every Go variant of the arena shares: the command
// line and the report line of packages/workloads/HOSTS.md, a worker pool that
// separates preparing from computing, and the calls of a workload's kernel in a
// WASI module. A variant is a host: it never names a workload, it finds the one
// it is asked for in the generated registry (arena/workloads/registry), so a
// new folder of packages/workloads reaches it by rebuilding, with no edit.
//
// A variant's main stays one line:
//
//	func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
//	func run(args []string, stdout, stderr io.Writer) int {
//		return kit.Run(kit.Variant{Name: "go-x", Compute: compute}, args, stdout, stderr)
//	}
package kit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"arena/workloads/registry"
)

// DefaultWorkload is the workload run when --workload is not given.
const DefaultWorkload = "fib"

// MaxSeed is the largest --seed: a u32.
const MaxSeed = 1<<32 - 1

// Config is a parsed command line.
type Config struct {
	// Workload is the --workload's entry of the registry: its spec and its
	// Go kernel (Run).
	Workload registry.Workload
	Size     uint32 // 1..Workload.MaxSize
	// Seed is the --seed of a seeded workload, 0 for an unseeded one (whose
	// kernels take a seed and ignore it).
	Seed    uint32
	Workers int
	Module  string // the --module path, as given; only for variants with NeedsModule
	// Wasm is the --module file's bytes, read by Run. Compile exactly these:
	// the report's moduleSha256 is their hash.
	Wasm []byte
	// Calls is --calls: how many times each worker calls the kernel (≥ 1).
	Calls int
	// Setting is --setting, one of the variant's Settings; "" for the
	// engine's defaults. A host must apply it or fail, never fall back.
	Setting string
	// CacheDir is --cache-dir, given exactly when Setting keeps a cache; Run
	// creates it when missing.
	CacheDir string
}

// Phases is the report's phasesMs, in milliseconds. A nil field was not
// measured and is left out of the report.
type Phases struct {
	StartupMs     *float64 `json:"startupMs,omitempty"`
	SpawnMs       *float64 `json:"spawnMs,omitempty"`
	CompileMs     *float64 `json:"compileMs,omitempty"`
	InstantiateMs *float64 `json:"instantiateMs,omitempty"`
	ComputeMs     float64  `json:"computeMs"`
	// With --calls above 1: the slowest worker's first call, and the median
	// of every worker's calls 2..N (see FirstResults).
	FirstCallMs *float64 `json:"firstCallMs,omitempty"`
	LaterCallMs *float64 `json:"laterCallMs,omitempty"`
}

// Report is the report line, fields in the order of HOSTS.md.
type Report struct {
	Variant  string  `json:"variant"`
	Workload string  `json:"workload"`
	Size     uint32  `json:"size"`
	Seed     *uint32 `json:"seed"` // null for an unseeded workload
	Workers  int     `json:"workers"`
	// Results is one answer per worker, in worker order, typed by the spec's
	// answer: a uint32 ("u32") or a []float64 ("f64[]"), which encoding/json
	// prints so that it reads back as the same double. Read back from JSON,
	// they are float64 and []any of float64.
	Results []any  `json:"results"`
	Module  string `json:"module,omitempty"`
	// ModuleSha256 is the lowercase hex sha256 of Config.Wasm, so the
	// harness can tell which module ran; set whenever Module is.
	ModuleSha256 string `json:"moduleSha256,omitempty"`
	Calls        int    `json:"calls,omitempty"`   // --calls, only above 1
	Setting      string `json:"setting,omitempty"` // --setting, when given
	PhasesMs     Phases `json:"phasesMs"`
}

// Variant is what Run needs to know about a variant.
type Variant struct {
	Name        string // the folder name, e.g. "go-wazero"
	NeedsModule bool   // takes the required --module <file.wasm>
	// Settings is the engine settings the host implements, by name, as its
	// package.json declares them (arena.settings, kind "host"); nil for none.
	Settings map[string]Setting
	// Compute runs every worker cfg.Calls times and returns each worker's
	// results of its first call (the spec's results in order,
	// Workload.Results of them), in worker order; RunWorkers, or Repeat and
	// FirstResults, do the calls. Its error is reported as a run-time
	// failure (exit 1).
	Compute func(cfg Config) (results [][]float64, phases Phases, err error)
}

// Setting is one engine setting a host implements.
type Setting struct {
	// Cache: the setting keeps a compilation cache in --cache-dir, which it
	// then requires (and no other setting accepts).
	Cache bool
}

// Run is a variant's whole command: it parses args, reads the module (for
// NeedsModule, into cfg.Wasm), computes, and prints the report line on
// stdout. It returns the exit code: 0, 2 for usage errors, 1 for run-time
// failures; on failure one "error: ..." line goes to stderr (naming the
// module file, if any) and no report is printed.
func Run(v Variant, args []string, stdout, stderr io.Writer) int {
	return run(v, registry.All, args, stdout, stderr)
}

func run(v Variant, workloads map[string]registry.Workload, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseArgs(args, v.NeedsModule, v.Settings, workloads)
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", oneLine(err))
		return 2
	}
	if cfg.CacheDir != "" {
		if err := os.MkdirAll(cfg.CacheDir, 0o755); err != nil {
			fmt.Fprintf(stderr, "error: --cache-dir: %v\n", oneLine(err))
			return 1
		}
	}
	var moduleSha256 string
	if v.NeedsModule {
		if cfg.Wasm, err = ReadModule(cfg.Module); err == nil {
			// Hashed before Compute, so these are the bytes handed to it.
			sum := sha256.Sum256(cfg.Wasm)
			moduleSha256 = hex.EncodeToString(sum[:])
		}
	}
	var results [][]float64
	var phases Phases
	if err == nil {
		results, phases, err = v.Compute(cfg)
	}
	var answers []any
	if err == nil {
		answers, err = Answers(cfg, results)
	}
	if err != nil {
		var differs *DifferentAnswer
		if cfg.Module != "" && !errors.As(err, &differs) {
			fmt.Fprintf(stderr, "error: module %s: %v\n", cfg.Module, oneLine(err))
		} else {
			fmt.Fprintf(stderr, "error: %v\n", oneLine(err))
		}
		return 1
	}
	var seed *uint32
	if cfg.Workload.Seeded {
		seed = &cfg.Seed
	}
	calls := 0 // left out of the report for one call
	if cfg.Calls > 1 {
		calls = cfg.Calls
	}
	line, err := json.Marshal(Report{
		Variant: v.Name, Workload: cfg.Workload.Name, Size: cfg.Size, Seed: seed, Workers: cfg.Workers,
		Results: answers, Module: cfg.Module, ModuleSha256: moduleSha256, Calls: calls, Setting: cfg.Setting, PhasesMs: phases,
	})
	if err != nil {
		fmt.Fprintf(stderr, "error: report: %v\n", oneLine(err))
		return 1
	}
	if _, err := fmt.Fprintf(stdout, "%s\n", line); err != nil {
		fmt.Fprintf(stderr, "error: writing the report: %v\n", err)
		return 1
	}
	return 0
}

// Answers turns the workers' results into the report's answers, typed by the
// spec's answer: "u32" → the first result as a uint32, "f64[]" → all of
// them. It fails when there is not one entry per worker, or when a worker
// returned another number of results than the spec has.
func Answers(cfg Config, results [][]float64) ([]any, error) {
	w := cfg.Workload
	if len(results) != cfg.Workers {
		return nil, fmt.Errorf("%d worker result(s) for %d workers", len(results), cfg.Workers)
	}
	answers := make([]any, len(results))
	for i, r := range results {
		if len(r) != w.Results {
			return nil, fmt.Errorf("%s: worker %d returned %d result(s), the spec has %d", w.Name, i, len(r), w.Results)
		}
		if w.Answer == "u32" {
			answers[i] = uint32(r[0])
		} else {
			answers[i] = r
		}
	}
	return answers, nil
}

// ParseArgs reads the command line of HOSTS.md, each argument as
// "--flag value" or "--flag=value" (the last of a repeated one counts):
// --workload (default fib) among the registry's workloads, --size in
// 1..MaxSize (default DefaultSize), --seed in 0..2^32-1 (required for a
// seeded workload, refused for an unseeded one), --workers ≥ 1 (default
// runtime.NumCPU()), when withModule the required --module, --calls ≥ 1
// (default 1), --setting among settings and --cache-dir, required by a
// setting that keeps a cache and refused otherwise. An error names the
// argument and what it accepts, in the words of the Node variants' parseArgs
// (@arena/variant-kit).
func ParseArgs(args []string, withModule bool, settings map[string]Setting) (Config, error) {
	return parseArgs(args, withModule, settings, registry.All)
}

func parseArgs(args []string, withModule bool, settings map[string]Setting, workloads map[string]registry.Workload) (Config, error) {
	known := []string{"--workload", "--size", "--seed", "--workers"}
	if withModule {
		known = append(known, "--module")
	}
	known = append(known, "--calls", "--setting", "--cache-dir")
	given := map[string]*string{} // a nil value: the flag came last, without one
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" || !strings.HasPrefix(arg, "-") {
			return Config{}, fmt.Errorf("unexpected argument '%s'", arg)
		}
		name, value, inline := strings.Cut(arg, "=")
		if !slices.Contains(known, name) {
			return Config{}, fmt.Errorf("unknown argument '%s' (allowed: %s)", name, strings.Join(known, ", "))
		}
		switch {
		case inline:
			given[name] = &value
		case i+1 < len(args):
			i++
			given[name] = &args[i]
		default:
			given[name] = nil
		}
	}

	name := DefaultWorkload
	if v, ok := given["--workload"]; ok {
		name = deref(v)
	}
	w, ok := workloads[name]
	if !ok || name == "" {
		accepts := "a folder of packages/workloads with a Go kernel (none in the registry)"
		if names := slices.Sorted(maps.Keys(workloads)); len(names) > 0 {
			accepts = "one of " + strings.Join(names, ", ")
		}
		if name == "" {
			return Config{}, fmt.Errorf("--workload needs a value: %s", accepts)
		}
		return Config{}, fmt.Errorf("--workload must be %s, got '%s'", accepts, name)
	}
	cfg := Config{Workload: w, Size: w.DefaultSize, Workers: runtime.NumCPU(), Calls: 1}

	if v, ok := given["--size"]; ok {
		size, err := integerIn("--size", v, 1, uint64(w.MaxSize), fmt.Sprintf("an integer in 1..%d (%s's %s)", w.MaxSize, w.Name, w.SizeName))
		if err != nil {
			return Config{}, err
		}
		cfg.Size = uint32(size)
	}

	v, hasSeed := given["--seed"]
	switch {
	case !w.Seeded && hasSeed:
		return Config{}, fmt.Errorf("--seed is not accepted: %s is not seeded", w.Name)
	case w.Seeded && !hasSeed:
		return Config{}, fmt.Errorf("--seed is required: %s is seeded (an integer in 0..%d)", w.Name, uint64(MaxSeed))
	case w.Seeded:
		seed, err := integerIn("--seed", v, 0, MaxSeed, fmt.Sprintf("an integer in 0..%d", uint64(MaxSeed)))
		if err != nil {
			return Config{}, err
		}
		cfg.Seed = uint32(seed)
	}

	if v, ok := given["--workers"]; ok {
		// Capped where an int is sure to hold it; no machine runs that many.
		workers, err := integerIn("--workers", v, 1, 1<<31-1, "an integer >= 1")
		if err != nil {
			return Config{}, err
		}
		cfg.Workers = int(workers)
	}

	if withModule {
		v, ok := given["--module"]
		switch {
		case !ok:
			return Config{}, errors.New("--module is required: the path of the workload's WASI module (.wasm)")
		case deref(v) == "":
			return Config{}, errors.New("--module needs a value: the path of the workload's WASI module (.wasm)")
		}
		cfg.Module = *v
	}

	if v, ok := given["--calls"]; ok {
		calls, err := integerIn("--calls", v, 1, 1<<31-1, "an integer >= 1")
		if err != nil {
			return Config{}, err
		}
		cfg.Calls = int(calls)
	}
	var setting Setting
	if v, ok := given["--setting"]; ok {
		names := slices.Sorted(maps.Keys(settings))
		accepts := "one of " + strings.Join(names, ", ")
		var known bool
		setting, known = settings[deref(v)]
		switch {
		case len(names) == 0:
			return Config{}, errors.New("--setting is not accepted: this host implements no settings")
		case deref(v) == "":
			return Config{}, fmt.Errorf("--setting needs a value: %s", accepts)
		case !known:
			return Config{}, fmt.Errorf("--setting must be %s (got '%s')", accepts, *v)
		}
		cfg.Setting = *v
	}
	v, hasDir := given["--cache-dir"]
	switch {
	case hasDir && deref(v) == "":
		return Config{}, errors.New("--cache-dir needs a value: the folder of the setting's compilation cache")
	case hasDir && cfg.Setting == "":
		return Config{}, errors.New("--cache-dir is not accepted without a --setting that keeps a compilation cache")
	case hasDir && !setting.Cache:
		return Config{}, fmt.Errorf("--cache-dir is not accepted: --setting %s keeps no compilation cache", cfg.Setting)
	case !hasDir && setting.Cache:
		return Config{}, fmt.Errorf("--cache-dir is required: --setting %s keeps a compilation cache (a folder)", cfg.Setting)
	case hasDir:
		cfg.CacheDir = *v
	}
	return cfg, nil
}

// integerIn reads a decimal integer in min..max (digits only: no sign, no
// spaces); its errors say it must be `want`.
func integerIn(name string, raw *string, min, max uint64, want string) (uint64, error) {
	if raw == nil {
		return 0, fmt.Errorf("%s needs a value: %s", name, want)
	}
	n, err := strconv.ParseUint(*raw, 10, 64)
	if err != nil || !allDigits(*raw) || n < min || n > max {
		return 0, fmt.Errorf("%s must be %s, got '%s'", name, want, *raw)
	}
	return n, nil
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ReadModule reads a module file; its error leaves the path out, since Run
// already names the module.
func ReadModule(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("cannot %s it: %w", pe.Op, pe.Err)
	}
	return b, err
}

// Ms is d in milliseconds, rounded to the microsecond.
func Ms(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1000
}

// MsPtr is Ms for an optional Phases field.
func MsPtr(d time.Duration) *float64 {
	ms := Ms(d)
	return &ms
}

// oneLine keeps an error on the single stderr line the contract asks for.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
