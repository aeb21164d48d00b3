// Builds the HttpRequest for every verb of one resource without doing any I/O, so tests
// just compare URL strings (the kube-rs request.rs idea).
#pragma once

#include "kubeclient/transport/http.h"
#include "kubeclient/api/resource.h"

#include <string>

namespace kube {

class RequestBuilder
{
public:
    explicit RequestBuilder(GroupVersionResource gvr);

    // "/api/v1" or "/apis/GROUP/VERSION"
    std::string groupVersionPath() const;
    // Collection path; an empty namespace on a namespaced resource means all namespaces.
    std::string collectionPath(const std::string &ns) const;
    std::string objectPath(const std::string &ns, const std::string &name, const std::string &subresource = {}) const;

    HttpRequest get(const std::string &ns, const std::string &name, const std::string &subresource = {}) const;
    HttpRequest list(const std::string &ns, const ListOptions &options = {}) const;
    HttpRequest watch(const std::string &ns, const ListOptions &options = {}) const;
    HttpRequest create(const std::string &ns, std::string body, const WriteOptions &options = {},
                       const std::string &name = {}, const std::string &subresource = {}) const;
    HttpRequest update(const std::string &ns, const std::string &name, std::string body,
                       const WriteOptions &options = {}, const std::string &subresource = {}) const;
    HttpRequest patch(const std::string &ns, const std::string &name, PatchType type, std::string body,
                      const WriteOptions &options = {}, const std::string &subresource = {}) const;
    HttpRequest remove(const std::string &ns, const std::string &name, const DeleteOptions &options = {}) const;
    HttpRequest removeCollection(const std::string &ns, const ListOptions &selection,
                                 const DeleteOptions &options = {}) const;

    const GroupVersionResource &resource() const { return m_gvr; }

    static std::string contentType(PatchType type);
    // Percent-encodes a query value (RFC 3986 unreserved characters kept).
    static std::string encode(const std::string &value);
    // The DeleteOptions body, or "" when every option is at its default.
    static std::string deleteBody(const DeleteOptions &options);

private:
    std::string m_prefix;
    GroupVersionResource m_gvr;
};

} // namespace kube
