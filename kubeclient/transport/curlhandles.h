// RAII owners for libcurl easy/multi handles, header lists and URL handles (private to kubeclient).
// Every curl resource is owned by one of these, so no early return can leak or double-free one.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace kube {

struct CurlEasyDeleter {
    void operator()(CURL *handle) const { curl_easy_cleanup(handle); }
};
struct CurlMultiDeleter {
    void operator()(CURLM *handle) const { curl_multi_cleanup(handle); }
};
struct CurlSlistDeleter {
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};
struct CurlUrlDeleter {
    void operator()(CURLU *url) const { curl_url_cleanup(url); }
};
struct CurlStringDeleter {
    void operator()(char *text) const { curl_free(text); }
};

using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

// curl_global_init exactly once per process, before the first handle is made. libcurl 7.84+
// makes it thread-safe, but a call_once keeps us correct on any build.
void ensureCurlGlobalInit();

} // namespace kube
