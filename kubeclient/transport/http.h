// Plain HTTP request/response values: built without I/O (RequestBuilder) and sent by Transport.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kube {

using Header = std::pair<std::string, std::string>;

struct HttpRequest {
    std::string method = "GET";
    std::string path;  // absolute path plus query string, e.g. "/api/v1/namespaces?limit=500"
    std::vector<Header> headers;  // extra headers (Content-Type, Accept, Impersonate-*)
    std::string body;

    std::string header(const std::string &name) const;  // case-insensitive, "" if absent
    void setHeader(const std::string &name, const std::string &value);
};

struct HttpResponse {
    int status = 0;
    std::vector<Header> headers;
    std::string body;
    std::string httpVersion;  // "1.1", "2"

    std::string header(const std::string &name) const;  // case-insensitive, "" if absent
    bool isSuccess() const { return status >= 200 && status < 300; }
};

} // namespace kube
