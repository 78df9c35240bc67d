package main

import (
	"testing"

	"arena/go-kit/kittest"
)

func TestCommandLine(t *testing.T) { kittest.TestCommandLine(t, run, "") }

func TestEveryWorkload(t *testing.T) { kittest.TestWorkloads(t, run, "go-native") }

func TestBuiltBinary(t *testing.T) { kittest.TestBinary(t, "bin/go-native", "go-native", nil) }
