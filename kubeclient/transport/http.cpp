// Header lookups for HttpRequest / HttpResponse.
#include "kubeclient/transport/http.h"

#include <algorithm>
#include <cctype>

namespace kube {

static bool iequals(const std::string &a, const std::string &b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

static std::string findHeader(const std::vector<Header> &headers, const std::string &name)
{
    for (const auto &h : headers)
        if (iequals(h.first, name))
            return h.second;
    return {};
}

std::string HttpRequest::header(const std::string &name) const { return findHeader(headers, name); }

void HttpRequest::setHeader(const std::string &name, const std::string &value)
{
    for (auto &h : headers) {
        if (iequals(h.first, name)) {
            h.second = value;
            return;
        }
    }
    headers.emplace_back(name, value);
}

std::string HttpResponse::header(const std::string &name) const { return findHeader(headers, name); }

} // namespace kube
