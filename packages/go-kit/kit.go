// Package kit is the part every Go variant of the arena shares: the command
// line and the report line of packages/variants/README.md, a worker pool that
// separates preparing from computing, and fibonacci itself.
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
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// The --n range: fibonacci(47) is the largest that fits a u32.
const (
	MinN     = 1
	MaxN     = 47
	DefaultN = 40
)

// Config is a parsed command line.
type Config struct {
	N       uint32
	Workers int
	Module  string // the --module path, as given; only for variants with NeedsModule
	// Wasm is the --module file's bytes, read by Run. Compile exactly these:
	// the report's moduleSha256 is their hash.
	Wasm []byte
}

// Phases is the report's phasesMs, in milliseconds. A nil field was not
// measured and is left out of the report.
type Phases struct {
	StartupMs     *float64 `json:"startupMs,omitempty"`
	SpawnMs       *float64 `json:"spawnMs,omitempty"`
	CompileMs     *float64 `json:"compileMs,omitempty"`
	InstantiateMs *float64 `json:"instantiateMs,omitempty"`
	ComputeMs     float64  `json:"computeMs"`
}

// Report is the report line, fields in the contract's order.
type Report struct {
	Variant string   `json:"variant"`
	N       uint32   `json:"n"`
	Workers int      `json:"workers"`
	Results []uint32 `json:"results"`
	Module  string   `json:"module,omitempty"`
	// ModuleSha256 is the lowercase hex sha256 of Config.Wasm, so the
	// harness can tell which module ran; set whenever Module is.
	ModuleSha256 string `json:"moduleSha256,omitempty"`
	PhasesMs     Phases `json:"phasesMs"`
}

// Variant is what Run needs to know about a variant.
type Variant struct {
	Name        string // the folder name, e.g. "go-wazero"
	NeedsModule bool   // takes the required --module <file.wasm>
	// Compute runs every worker once and returns their results in worker
	// order. Its error is reported as a run-time failure (exit 1).
	Compute func(cfg Config) (results []uint32, phases Phases, err error)
}

// Run is a variant's whole command: it parses args, reads the module (for
// NeedsModule, into cfg.Wasm), computes, and prints the report line on
// stdout. It returns the exit code: 0, 2 for usage errors, 1 for run-time
// failures; on failure one "error: ..." line goes to stderr (naming the
// module file, if any) and no report is printed.
func Run(v Variant, args []string, stdout, stderr io.Writer) int {
	cfg, err := ParseArgs(args, v.NeedsModule)
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 2
	}
	var moduleSha256 string
	if v.NeedsModule {
		if cfg.Wasm, err = ReadModule(cfg.Module); err == nil {
			// Hashed before Compute, so these are the bytes handed to it.
			sum := sha256.Sum256(cfg.Wasm)
			moduleSha256 = hex.EncodeToString(sum[:])
		}
	}
	var results []uint32
	var phases Phases
	if err == nil {
		results, phases, err = v.Compute(cfg)
	}
	if err != nil {
		if cfg.Module != "" {
			fmt.Fprintf(stderr, "error: module %s: %v\n", cfg.Module, oneLine(err))
		} else {
			fmt.Fprintf(stderr, "error: %v\n", oneLine(err))
		}
		return 1
	}
	line, err := json.Marshal(Report{
		Variant: v.Name, N: cfg.N, Workers: cfg.Workers, Results: results,
		Module: cfg.Module, ModuleSha256: moduleSha256, PhasesMs: phases,
	})
	if err != nil {
		fmt.Fprintf(stderr, "error: report: %v\n", err)
		return 1
	}
	if _, err := fmt.Fprintf(stdout, "%s\n", line); err != nil {
		fmt.Fprintf(stderr, "error: writing the report: %v\n", err)
		return 1
	}
	return 0
}

// ParseArgs reads --n, --workers and, when withModule, the required
// --module, each as "--flag value" or "--flag=value". Errors name the
// argument and its allowed values.
func ParseArgs(args []string, withModule bool) (Config, error) {
	cfg := Config{N: DefaultN, Workers: runtime.NumCPU()}
	allowed := "--n <1..47>, --workers <integer ≥ 1>"
	if withModule {
		allowed += ", --module <file.wasm>"
	}
	for i := 0; i < len(args); i++ {
		name, value, inline := strings.Cut(args[i], "=")
		var want string
		switch {
		case name == "--n":
			want = "an integer in 1..47"
		case name == "--workers":
			want = "an integer ≥ 1"
		case name == "--module" && withModule:
			want = "the path of a WASI module"
		default:
			return cfg, fmt.Errorf("unknown argument %q (allowed: %s)", args[i], allowed)
		}
		if !inline {
			if i+1 == len(args) {
				return cfg, fmt.Errorf("%s needs a value: %s", name, want)
			}
			i++
			value = args[i]
		}
		bad := fmt.Errorf("%s must be %s, got %q", name, want, value)
		switch name {
		case "--n":
			n, err := strconv.ParseUint(value, 10, 32)
			if err != nil || n < MinN || n > MaxN {
				return cfg, bad
			}
			cfg.N = uint32(n)
		case "--workers":
			w, err := strconv.ParseUint(value, 10, 31)
			if err != nil || w < 1 {
				return cfg, bad
			}
			cfg.Workers = int(w)
		case "--module":
			if value == "" {
				return cfg, bad
			}
			cfg.Module = value
		}
	}
	if withModule && cfg.Module == "" {
		return cfg, errors.New("--module <file.wasm> is required")
	}
	return cfg, nil
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

// Fib is the arena's job: naive double recursion, base cases 0 and 1.
func Fib(n uint32) uint32 {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}

// Expected is fibonacci(n) computed iteratively, for checking results.
func Expected(n uint32) uint32 {
	a, b := uint32(0), uint32(1)
	for ; n > 0; n-- {
		a, b = b, a+b
	}
	return a
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
