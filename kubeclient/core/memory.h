// Memory the allocator holds for the process but no object uses: handed back to the system
// after a large load. A tenancy load parses every object on a watcher thread of its own kind,
// so glibc keeps the freed parse buffers in a dozen per-thread arenas, resident until reused.
#pragma once

namespace kube {

// glibc's malloc_trim(0) (every arena, free pages in the middle of a heap too); false where the
// C library has no such call. Takes a few milliseconds per hundred megabytes of heap.
bool releaseFreedMemory();

} // namespace kube
