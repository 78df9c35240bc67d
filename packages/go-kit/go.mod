module arena/go-kit

go 1.25.0
