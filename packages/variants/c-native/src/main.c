/* c-native: the arena's physical-limit reference, a host in C. One POSIX
 * thread per job, each running the workload's C kernel (its <w>_run, found in
 * the generated registry packages/workloads/dist/c/registry.h by name, never
 * named here), compiled with clang -O2 into this one binary.
 * Command line, report line and exit codes: packages/workloads/HOSTS.md. */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "registry.h"

#define DEFAULT_WORKLOAD "fib"
#define MAX_SEED 4294967295ULL
#define MAX_WORKERS 2147483647ULL
#define MAX_CALLS 2147483647ULL
#define ALLOWED "--workload, --size, --seed, --workers, --calls"

struct job {
  pthread_t thread;
  const arena_workload *workload;
  uint32_t size, seed;
  unsigned long long calls;
  double *out;     /* call 1's results: workload->results doubles */
  double *later;   /* a later call's results, as many */
  double *took;    /* each call's milliseconds: calls doubles */
  unsigned long long differs; /* the first call whose answer differs from call 1's, 0 for none */
};

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void *work(void *arg) {
  struct job *job = arg;
  size_t bytes = (size_t)job->workload->results * sizeof *job->out;
  for (unsigned long long k = 0; k < job->calls; k++) {
    double *out = k ? job->later : job->out;
    double start = now_ms();
    job->workload->run(job->size, job->seed, out);
    job->took[k] = now_ms() - start;
    /* After the clock stops; by bits, so -0 differs from 0 (and a NaN from another). */
    if (k && memcmp(out, job->out, bytes) != 0) {
      job->differs = k + 1;
      break;
    }
  }
  return NULL;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Available parallelism, as Go's runtime.NumCPU and Node's
 * os.availableParallelism count it: the CPUs this process may run on. */
static unsigned long long default_workers(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return (unsigned long long)CPU_COUNT(&set);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned long long)n : 1;
}

/* A usage error: one "error: ..." line on stderr, exit code 2. */
static int usage(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  return 2;
}

/* A decimal integer in [min, max], digits only (no sign, no spaces). */
static int parse_int(const char *s, unsigned long long min, unsigned long long max, unsigned long long *out) {
  if (!*s) return 0;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9') return 0;
  errno = 0;
  unsigned long long v = strtoull(s, NULL, 10);
  if (errno || v < min || v > max) return 0;
  *out = v;
  return 1;
}

/* "one of fib, nbody": the registry's workloads (sorted by its generator). */
static const char *known_workloads(void) {
  static char list[4096];
  size_t len = 0;
  if (arena_workload_count == 0) return "a folder of packages/workloads with a C kernel (none in the registry)";
  len += (size_t)snprintf(list, sizeof list, "one of ");
  for (int i = 0; i < arena_workload_count && len < sizeof list; i++)
    len += (size_t)snprintf(list + len, sizeof list - len, i ? ", %s" : "%s", arena_workloads[i].name);
  return list;
}

static const arena_workload *find_workload(const char *name) {
  for (int i = 0; i < arena_workload_count; i++)
    if (strcmp(arena_workloads[i].name, name) == 0) return &arena_workloads[i];
  return NULL;
}

/* The flags of the command line; value NULL with given set: the flag came last, without one. */
enum { WORKLOAD, SIZE, SEED, WORKERS, CALLS, FLAGS };
static const char *const flag_names[FLAGS] = {"--workload", "--size", "--seed", "--workers", "--calls"};

/* A double as JSON that reads back as the same double (%.17g); JSON has no NaN or infinity. */
static void print_double(double d) {
  if (isfinite(d)) printf("%.17g", d);
  else fputs("null", stdout);
}

int main(int argc, char **argv) {
  int given[FLAGS] = {0};
  const char *values[FLAGS] = {0};
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (strcmp(arg, "--") == 0 || arg[0] != '-') return usage("unexpected argument '%s'", arg);
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    int flag = -1;
    for (int f = 0; f < FLAGS; f++)
      if (strlen(flag_names[f]) == len && strncmp(arg, flag_names[f], len) == 0) flag = f;
    if (flag < 0) return usage("unknown argument '%.*s' (allowed: " ALLOWED ")", (int)len, arg);
    given[flag] = 1;
    values[flag] = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
  }

  const char *name = given[WORKLOAD] ? values[WORKLOAD] : DEFAULT_WORKLOAD;
  const arena_workload *w = name && *name ? find_workload(name) : NULL;
  if (!w) {
    if (!name || !*name) return usage("--workload needs a value: %s", known_workloads());
    return usage("--workload must be %s, got '%s'", known_workloads(), name);
  }

  unsigned long long size = w->default_size;
  if (given[SIZE]) {
    if (!values[SIZE]) return usage("--size needs a value: an integer in 1..%u (%s's %s)", w->max_size, w->name, w->size_name);
    if (!parse_int(values[SIZE], 1, w->max_size, &size))
      return usage("--size must be an integer in 1..%u (%s's %s), got '%s'", w->max_size, w->name, w->size_name, values[SIZE]);
  }

  unsigned long long seed = 0;
  if (!w->seeded && given[SEED]) return usage("--seed is not accepted: %s is not seeded", w->name);
  if (w->seeded) {
    if (!given[SEED]) return usage("--seed is required: %s is seeded (an integer in 0..%llu)", w->name, MAX_SEED);
    if (!values[SEED]) return usage("--seed needs a value: an integer in 0..%llu", MAX_SEED);
    if (!parse_int(values[SEED], 0, MAX_SEED, &seed))
      return usage("--seed must be an integer in 0..%llu, got '%s'", MAX_SEED, values[SEED]);
  }

  unsigned long long workers = default_workers();
  if (given[WORKERS]) {
    if (!values[WORKERS]) return usage("--workers needs a value: an integer >= 1");
    if (!parse_int(values[WORKERS], 1, MAX_WORKERS, &workers))
      return usage("--workers must be an integer >= 1, got '%s'", values[WORKERS]);
  }

  unsigned long long calls = 1;
  if (given[CALLS]) {
    if (!values[CALLS]) return usage("--calls needs a value: an integer >= 1");
    if (!parse_int(values[CALLS], 1, MAX_CALLS, &calls)) return usage("--calls must be an integer >= 1, got '%s'", values[CALLS]);
  }

  struct job *jobs = calloc((size_t)workers, sizeof *jobs);
  double *out = calloc((size_t)workers * (size_t)w->results * 2, sizeof *out);
  double *took = calloc((size_t)workers * (size_t)calls, sizeof *took);
  if (!jobs || !out || !took) {
    fprintf(stderr, "error: cannot allocate %llu workers of %llu calls\n", workers, calls);
    return 1;
  }
  for (unsigned long long i = 0; i < workers; i++) {
    jobs[i].workload = w;
    jobs[i].size = (uint32_t)size;
    jobs[i].seed = (uint32_t)seed;
    jobs[i].calls = calls;
    jobs[i].out = out + 2 * i * (size_t)w->results;
    jobs[i].later = jobs[i].out + w->results;
    jobs[i].took = took + i * (size_t)calls;
  }

  double start = now_ms();
  for (unsigned long long i = 0; i < workers; i++) {
    int err = pthread_create(&jobs[i].thread, NULL, work, &jobs[i]);
    if (err) {
      fprintf(stderr, "error: cannot start worker %llu: %s\n", i, strerror(err));
      return 1; /* exiting ends the threads already started */
    }
  }
  for (unsigned long long i = 0; i < workers; i++) pthread_join(jobs[i].thread, NULL);
  double compute_ms = now_ms() - start;
  for (unsigned long long i = 0; i < workers; i++)
    if (jobs[i].differs) {
      fprintf(stderr, "error: worker %llu of %llu: call %llu's answer differs from call 1's\n", i + 1, workers, jobs[i].differs);
      return 1;
    }

  /* With several calls: the slowest first call, and the median of all later ones pooled. */
  double first_ms = 0, later_ms = 0;
  if (calls > 1) {
    size_t n = 0;
    double *later = malloc((size_t)workers * (size_t)(calls - 1) * sizeof *later);
    if (!later) {
      fprintf(stderr, "error: cannot allocate %llu workers of %llu calls\n", workers, calls);
      return 1;
    }
    for (unsigned long long i = 0; i < workers; i++) {
      if (jobs[i].took[0] > first_ms) first_ms = jobs[i].took[0];
      for (unsigned long long k = 1; k < calls; k++) later[n++] = jobs[i].took[k];
    }
    qsort(later, n, sizeof *later, by_value);
    later_ms = n % 2 ? later[n / 2] : (later[n / 2 - 1] + later[n / 2]) / 2;
    free(later);
  }

  /* The report line, fields in the order of HOSTS.md; an answer typed by the spec: u32 or f64[]. */
  printf("{\"variant\":\"c-native\",\"workload\":\"%s\",\"size\":%llu,\"seed\":", w->name, size);
  if (w->seeded) printf("%llu", seed);
  else fputs("null", stdout);
  printf(",\"workers\":%llu,\"results\":[", workers);
  for (unsigned long long i = 0; i < workers; i++) {
    const double *r = jobs[i].out;
    if (i) putchar(',');
    if (!w->answer_is_array) {
      printf("%u", (uint32_t)r[0]);
      continue;
    }
    putchar('[');
    for (int k = 0; k < w->results; k++) {
      if (k) putchar(',');
      print_double(r[k]);
    }
    putchar(']');
  }
  putchar(']');
  if (calls > 1) printf(",\"calls\":%llu,\"phasesMs\":{\"computeMs\":%.3f,\"firstCallMs\":%.3f,\"laterCallMs\":%.3f}}\n", calls, compute_ms, first_ms, later_ms);
  else printf(",\"phasesMs\":{\"computeMs\":%.3f}}\n", compute_ms);
  free(took);
  free(out);
  free(jobs);
  return fflush(stdout) == 0 ? 0 : 1;
}
