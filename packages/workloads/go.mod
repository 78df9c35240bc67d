module arena/workloads

go 1.25.0
