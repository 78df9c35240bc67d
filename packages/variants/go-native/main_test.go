package main

import (
	"testing"

	"arena/go-kit/kittest"
)

func TestCommandLine(t *testing.T) { kittest.TestCommandLine(t, run, "") }

func TestEveryWorkload(t *testing.T) { kittest.TestWorkloads(t, run, "go-native") }

func TestWarmCalls(t *testing.T) { kittest.TestCalls(t, run, "go-native", nil) }

// go-native implements no settings.
func TestNoSettings(t *testing.T) { kittest.TestSettings(t, run, "go-native", nil, nil) }

func TestBuiltBinary(t *testing.T) { kittest.TestBinary(t, "bin/go-native", "go-native", nil) }
