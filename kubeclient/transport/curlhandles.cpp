// One-time libcurl initialisation shared by every Transport in the process.
// curl_global_cleanup is deliberately never called: other threads may still own handles at exit.
#include "kubeclient/transport/curlhandles.h"

#include <mutex>
#include <new>

namespace kube {

void ensureCurlGlobalInit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw std::bad_alloc();  // libcurl only fails here when it cannot allocate
    });
}

} // namespace kube
