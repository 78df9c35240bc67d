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
	kittest.TestModules(t, run, "go-wazero")
}

// A cgo runtime may free what Go stops referencing, even mid-call.
func TestStreamedWorkloadsUnderGC(t *testing.T) {
	kittest.TestStreamedUnderGC(t, run, "go-wazero")
}

func TestBuiltBinary(t *testing.T) {
	kittest.TestBinary(t, "bin/go-wazero", "go-wazero", func(w registry.Workload) string { return kittest.KernelModules(t, w.Name)[0] })
}

func TestWarmCalls(t *testing.T) {
	kittest.TestCalls(t, run, "go-wazero", func(w registry.Workload) string { return kittest.KernelModules(t, w.Name)[0] })
}

// Each setting runs every workload and reports itself; settings is main.go's.
func TestSettings(t *testing.T) {
	kittest.TestSettings(t, run, "go-wazero", settings, func(w registry.Workload) string { return kittest.KernelModules(t, w.Name)[0] })
}
