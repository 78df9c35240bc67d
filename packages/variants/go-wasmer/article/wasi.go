// wasi.go from the article in /work/shared/seed/article.txt (CC BY 4.0),
// reconstructed so it can be timed next to bin/go-wasmer. The article's lines
// are kept as they are; what its text cut (the import list, closing braces,
// the check calls after each err, the call of the start function, the receive
// loop's body, check's panic) is filled minimally. Three adaptations, marked
// "arena:", let it load the arena's kernels instead of its TinyGo command
// module: the module path may be given as the first argument; a reactor's
// _initialize stands in for the missing _start; a module that imports no
// WASI gets an empty import object. Like the article, it shares ONE Instance
// between all goroutines, which wasmer does not make safe (see README.md).
//
// Build (from packages/variants/go-wasmer, after pnpm build):
//
//	go build -trimpath -ldflags='-r $ORIGIN' -o bin/article ./article
//	bin/article ../../kernels/dist/fib/clang.wasm
package main

import (
	"fmt"
	"io/ioutil"
	"os"
	"runtime"
	"time"

	wasmer "github.com/wasmerio/wasmer-go/wasmer"
)

func main() {
	path := "module.wasm"
	if len(os.Args) > 1 { // arena: the module to load
		path = os.Args[1]
	}
	wasmBytes, _ := ioutil.ReadFile(path)
	store := wasmer.NewStore(wasmer.NewEngine())
	module, _ := wasmer.NewModule(store, wasmBytes)

	wasiEnv, _ := wasmer.NewWasiStateBuilder("wasi-program").Finalize()
	GenerateImportObject, err := wasiEnv.GenerateImportObject(store, module)
	if wasmer.GetWasiVersion(module) == wasmer.WASI_VERSION_INVALID { // arena: no WASI imports
		GenerateImportObject, err = wasmer.NewImportObject(), nil
	}
	check(err)

	instance, err := wasmer.NewInstance(module, GenerateImportObject)
	check(err)

	wasmInitial, err := instance.Exports.GetWasiStartFunction()
	if err != nil { // arena: a reactor has _initialize instead of _start
		wasmInitial, err = instance.Exports.GetFunction("_initialize")
	}
	check(err)
	wasmInitial()

	fibonacci, err := instance.Exports.GetFunction("fibonacci")
	check(err)

	numCPUs := runtime.NumCPU()
	ch := make(chan string, numCPUs)

	fmt.Printf("🚀 主进程上线 #ID %v\n", os.Getpid())

	start := time.Now()

	for i := 0; i < numCPUs; i++ {
		fmt.Printf("👷 分发计算任务 #ID %v\n", i)

		calc := func(n uint, ch chan string) {
			ret, _ := fibonacci(n)
			msg := fmt.Sprintf("%d", ret)
			fmt.Println(fmt.Sprintf("📦 收到结果 %s", msg))
			ch <- msg
		}

		go calc(40, ch)
	}

	for i := 0; i < numCPUs; i++ {
		<-ch
	}

	fmt.Printf("🎉 都搞定了,用时:%v \n", time.Since(start).Milliseconds())
}

func check(e error) {
	if e != nil {
		panic(e)
	}
}
