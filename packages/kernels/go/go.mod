module arena/kernels/go

go 1.24
