// The attributes of one request as the authorizer sees them (verb, group, resource,
// subresource, name, namespace, or a non-resource path), built directly or derived from an
// HTTP method and URL the way kube-apiserver's request-info resolver derives them.
#pragma once

#include "kubeclient/core/result.h"

#include <string>

namespace kube::rbac {

struct RequestAttributes {
    std::string verb;
    bool isResourceRequest = true;
    std::string apiGroup;     // "" = core
    std::string apiVersion;   // informative; RBAC ignores it
    std::string resource;     // plural
    std::string subresource;  // "log", "status", ...
    std::string name;
    std::string ns;           // "" = cluster-scoped or all namespaces
    std::string path;         // non-resource requests
    // KubeSphere scope hints (ks-apiserver URLs carry them); ignored by the Kubernetes view.
    std::string workspace;
    std::string cluster;

    static RequestAttributes forResource(std::string verb, std::string group, std::string resource,
                                         std::string ns = {}, std::string name = {}, std::string subresource = {});
    static RequestAttributes forPath(std::string verb, std::string path);
    // "pods", "pods/log", "deployments.apps", "deployments.apps/scale", "*.*": what users type.
    // The group part may carry a version ("deployments.v1.apps") which is dropped.
    static RequestAttributes parseResource(const std::string &verb, const std::string &text, std::string ns = {},
                                           std::string name = {});

    // kube-apiserver's derivation: /api/v1/..., /apis/G/V/..., optional namespaces/NS/,
    // resource/name/subresource, the legacy /watch/ and /proxy/ prefixes, GET without name ->
    // list or watch (?watch=true), fieldSelector metadata.name=X -> name X for list/watch,
    // DELETE without name -> deletecollection; any other path is a non-resource request whose
    // verb is the lower-case method. `url` is a path with an optional query string.
    static Result<RequestAttributes> fromHttp(const std::string &method, const std::string &url);

    // "pods/log" or "pods"
    std::string resourcePath() const;
    // "deployments.apps/scale" or "pods"
    std::string groupResource() const;
    // "get pods/log \"web\" in namespace ns1", "list deployments.apps in all namespaces",
    // "get nodes", "get /healthz"
    std::string toString() const;
};

} // namespace kube::rbac
