#ifndef HEDGEROW_CARCHIVE_SHIM_H
#define HEDGEROW_CARCHIVE_SHIM_H
/* libarchive reads every container hedgerow opens (zip, tar, gz, 7z, and the zip inside
   Office and OpenDocument files); nothing above HedgerowInputs/Documents sees these names. */
#include <archive.h>
#include <archive_entry.h>
#endif
