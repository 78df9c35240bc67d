/* c-native: the arena's physical-limit reference. One POSIX thread per job,
 * each computing fibonacci(n) by naive recursion, compiled with clang -O2.
 * Command line, report line and exit codes: packages/variants/README.md. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ALLOWED "--n <1..47>, --workers <integer ≥ 1>"

static uint32_t fibonacci(uint32_t n) {
  if (n < 2) return n;
  return fibonacci(n - 1) + fibonacci(n - 2);
}

struct job {
  pthread_t thread;
  uint32_t n, result;
};

static void *work(void *arg) {
  struct job *job = arg;
  job->result = fibonacci(job->n);
  return NULL;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Available parallelism, as Go's runtime.NumCPU and Node's
 * os.availableParallelism count it: the CPUs this process may run on. */
static long default_workers(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return CPU_COUNT(&set);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? n : 1;
}

static int usage(const char *fmt, const char *a, const char *b) {
  fputs("error: ", stderr);
  fprintf(stderr, fmt, a, b);
  fputc('\n', stderr);
  return 2;
}

/* A decimal integer in [min, max], digits only (no sign, no spaces). */
static int parse_int(const char *s, long min, long max, long *out) {
  if (*s < '0' || *s > '9') return 0;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9') return 0;
  errno = 0;
  unsigned long long v = strtoull(s, NULL, 10);
  if (errno || v < (unsigned long long)min || v > (unsigned long long)max) return 0;
  *out = (long)v;
  return 1;
}

int main(int argc, char **argv) {
  long n = 40, workers = default_workers();
  for (int i = 1; i < argc; i++) {
    char name[16];
    const char *value = NULL, *eq = strchr(argv[i], '=');
    size_t len = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
    if (len >= sizeof name) len = sizeof name - 1;
    memcpy(name, argv[i], len);
    name[len] = 0;
    int is_n = strcmp(name, "--n") == 0, is_w = strcmp(name, "--workers") == 0;
    const char *want = is_n ? "an integer in 1..47" : "an integer ≥ 1";
    if (!is_n && !is_w)
      return usage("unknown argument \"%s\" (allowed: %s)", argv[i], ALLOWED);
    if (eq) value = eq + 1;
    else if (i + 1 < argc) value = argv[++i];
    else return usage("%s needs a value: %s", name, want);
    if (!(is_n ? parse_int(value, 1, 47, &n) : parse_int(value, 1, 0x7fffffff, &workers))) {
      fprintf(stderr, "error: %s must be %s, got \"%s\"\n", name, want, value);
      return 2;
    }
  }

  struct job *jobs = calloc((size_t)workers, sizeof *jobs);
  if (!jobs) {
    fprintf(stderr, "error: cannot allocate %ld workers\n", workers);
    return 1;
  }
  double start = now_ms();
  for (long i = 0; i < workers; i++) {
    jobs[i].n = (uint32_t)n;
    int err = pthread_create(&jobs[i].thread, NULL, work, &jobs[i]);
    if (err) {
      fprintf(stderr, "error: cannot start worker %ld: %s\n", i, strerror(err));
      return 1; /* exiting ends the threads already started */
    }
  }
  for (long i = 0; i < workers; i++) pthread_join(jobs[i].thread, NULL);
  double compute_ms = now_ms() - start;

  printf("{\"variant\":\"c-native\",\"n\":%ld,\"workers\":%ld,\"results\":[", n, workers);
  for (long i = 0; i < workers; i++) printf(i ? ",%u" : "%u", jobs[i].result);
  printf("],\"phasesMs\":{\"computeMs\":%.3f}}\n", compute_ms);
  free(jobs);
  return fflush(stdout) == 0 ? 0 : 1;
}
