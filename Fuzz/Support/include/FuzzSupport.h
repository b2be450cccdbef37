#ifndef HEDGEROW_FUZZ_SUPPORT_H
#define HEDGEROW_FUZZ_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, called from each fuzz target's `main`. SwiftPM gives an executable
/// its own `main`, so the one libFuzzer ships is never linked; this runs the same driver
/// (flags, corpus directories, crash files) with the target's callback.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
