// One-time libcurl initialisation shared by every Transport in the process.
// curl_global_cleanup is deliberately never called: other threads may still own handles at exit.
// For the same reason OpenSSL is told not to clean up in an atexit handler: when it did, worker
// threads still running at exit (the AsyncTask pool, watchers) lost their per-thread error state
// after OpenSSL had forgotten its thread-local key, and LeakSanitizer reported it (tst_membereditor,
// 1 run in 3). The process's memory goes back to the system at exit either way.
#include "kubeclient/transport/curlhandles.h"

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#include <mutex>
#include <new>

namespace kube {

namespace {

// Before main: OpenSSL initialises itself on its first use, and only that first initialisation
// decides about the atexit handler. Anything may come first in a process (checking a
// kubeconfig's key, Qt's TLS backend, a test's certificate authority); when it did, the handler
// was registered after all and LeakSanitizer reported the pool threads' error states at exit
// (tst_i18n under ASan, even with the call in ensureCurlGlobalInit below).
const bool g_openSslWithoutAtexit = OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) == 1;

} // namespace

void ensureCurlGlobalInit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Before libcurl initialises OpenSSL (and should the static initialiser above not have
        // run first): only the first initialisation decides about atexit.
        (void)g_openSslWithoutAtexit;
        OPENSSL_init_ssl(OPENSSL_INIT_NO_ATEXIT, nullptr);
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw std::bad_alloc();  // libcurl only fails here when it cannot allocate
    });
}

} // namespace kube
