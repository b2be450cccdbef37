// Declarations only (include/FuzzSupport.h): libFuzzer itself is linked by -sanitize=fuzzer.
#include "FuzzSupport.h"
