// Memory the allocator holds for the process but no object uses: handed back to the system
// after a large load. A tenancy load parses every object on a watcher thread of its own kind,
// so glibc keeps the freed parse buffers in a dozen per-thread arenas, resident until reused.
#pragma once

#include <cstddef>

namespace kube {

// glibc's malloc_trim(0) (every arena, free pages in the middle of a heap too); false where the
// C library has no such call. Takes a few milliseconds per hundred megabytes of heap.
bool releaseFreedMemory();

// For a long-running process: blocks of 128 KiB and more are mapped on their own and unmapped when
// freed, always. glibc otherwise raises that threshold after the first such block is freed (up to
// 32 MiB), and the next large buffers (a cache file packed, a list page decoded) land in an arena,
// where a trim does not get them back: about 20 MiB held after each cache write at 1×. Call it
// first thing in main(); false where the C library has no such setting.
bool keepLargeBlocksMapped();

// What malloc holds, in bytes (glibc's mallinfo2; all -1 where the C library has none): what the
// program's live allocations use, and what the allocator keeps free (in its arenas, resident
// or not). With the process's resident figures this says how much of it is objects, how much
// allocator slack and how much the mapped libraries.
struct HeapFigures {
    long long inUse = -1;      // live allocations, arenas and mmapped blocks together
    long long freeHeld = -1;   // free chunks the arenas keep
};
HeapFigures heapFigures();

} // namespace kube
