module arena/variant-go-wasmer

go 1.25.0

require (
	arena/go-kit v0.0.0
	arena/workloads v0.0.0
)

require github.com/wasmerio/wasmer-go v1.0.4

replace arena/go-kit => ../../go-kit

replace arena/workloads => ../../workloads
