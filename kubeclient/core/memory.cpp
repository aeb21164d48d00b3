#include "kubeclient/core/memory.h"

#include <cstdlib>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kube {

bool releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
    return true;
#else
    return false;
#endif
}

bool keepLargeBlocksMapped()
{
#if defined(__GLIBC__)
    // Setting it at all turns the dynamic adjustment off (of the trim threshold too, which stays
    // at its default: free memory at the top of a heap goes back once it passes 128 KiB).
    return mallopt(M_MMAP_THRESHOLD, 128 * 1024) == 1;
#else
    return false;
#endif
}

HeapFigures heapFigures()
{
    HeapFigures figures;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 info = mallinfo2();
    figures.inUse = static_cast<long long>(info.uordblks + info.hblkhd);
    figures.freeHeld = static_cast<long long>(info.fordblks);
#endif
    return figures;
}

} // namespace kube
