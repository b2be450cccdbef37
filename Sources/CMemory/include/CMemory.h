#ifndef HEDGEROW_CMEMORY_H
#define HEDGEROW_CMEMORY_H
/*
 * Living within an address-space limit (`ulimit -v`): glibc reserves 64 MB of address
 * space for each thread's malloc arena and 8 MB for each thread's stack, which a 200 MB
 * limit cannot hold, and an allocation that fails then aborts the run. These calls reserve
 * less, and turn a failed allocation into a one-line error, exit 2, with the temporary
 * files the run had open removed. Swift cannot reach mallopt or the default thread
 * attributes, and a signal handler must be plain C.
 */
#include <stddef.h>

/* The soft RLIMIT_AS in bytes, or -1 when there is none. */
long long hedgerow_address_space_limit(void);

/* Address space mapped now (the first field of /proc/self/statm, in bytes), or -1. */
long long hedgerow_address_space_in_use(void);

/*
 * One malloc arena for every thread (no 64 MB reservation per thread) and `stack_bytes`
 * for the stack of threads created from now on with default attributes (Dispatch's
 * workers among them). Returns 0 when both took effect.
 */
int hedgerow_reserve_less(size_t stack_bytes);

/*
 * From now on SIGABRT, SIGILL, SIGTRAP, SIGSEGV and SIGBUS write `message` to standard
 * error, remove the temporary files noted below and exit with status 2.
 */
void hedgerow_fail_cleanly_on_fatal_signals(const char *message);

/* Notes a temporary file to remove on such a failure; returns its slot (-1: no room). */
int hedgerow_note_temporary(const char *path);

/* The temporary file in `slot` was renamed or removed: forget it. */
void hedgerow_forget_temporary(int slot);

#endif
