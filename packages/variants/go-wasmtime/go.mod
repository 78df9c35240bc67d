module arena/variant-go-wasmtime

go 1.25.0

require (
	arena/go-kit v0.0.0
	arena/workloads v0.0.0
)

require github.com/bytecodealliance/wasmtime-go/v39 v39.0.1

replace arena/go-kit => ../../go-kit

replace arena/workloads => ../../workloads
