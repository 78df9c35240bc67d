package main

import (
	"testing"

	"arena/go-kit/kittest"
	"arena/workloads/registry"
)

func TestCommandLine(t *testing.T) {
	kittest.TestCommandLine(t, run, kittest.KernelModules(t, "fib")[0])
}

func TestEveryWorkloadWithEveryModuleAndTheBadOnes(t *testing.T) {
	kittest.TestModules(t, run, "go-wasmtime")
}

// A cgo runtime may free what Go stops referencing, even mid-call.
func TestStreamedWorkloadsUnderGC(t *testing.T) {
	kittest.TestStreamedUnderGC(t, run, "go-wasmtime")
}

func TestBuiltBinary(t *testing.T) {
	kittest.TestBinary(t, "bin/go-wasmtime", "go-wasmtime", func(w registry.Workload) string { return kittest.KernelModules(t, w.Name)[0] })
}
