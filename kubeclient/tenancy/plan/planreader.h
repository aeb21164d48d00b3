// What the planner may read while it composes a plan: one object, or the objects of a kind that
// carry some labels. Implemented over the API client, over an in-memory fixture for tests, and
// over "the cluster as the plan would leave it" for the standalone reach objects.
#pragma once

#include "kubeclient/api/resource.h"
#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

class PlanReader
{
public:
    virtual ~PlanReader() = default;

    // The object, or nullopt when it does not exist (a NotFound is an answer, not an error).
    virtual Result<std::optional<nlohmann::json>> fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                        const std::string &name) = 0;
    // Objects of a kind matching a label selector ("k=v,k2,!k3,k4!=v"; "" matches all). An empty
    // ns lists a namespaced kind in every namespace.
    virtual Result<std::vector<nlohmann::json>> list(const GroupVersionResource &gvr, const std::string &ns,
                                                     const std::string &selector) = 0;
    // Whether the server serves the kind with this subresource ("status"): a status write goes
    // there when it exists, into the object otherwise.
    virtual bool hasSubresource(const GroupVersionResource &gvr, const std::string &subresource) = 0;

    // The equality-based label selector syntax of kube-apiserver (=, ==, !=, key, !key), against
    // an object's metadata.labels. Set-based terms ("in", "notin") are not used by the planner.
    static bool selectorMatches(const std::string &selector, const nlohmann::json &labels);
};

} // namespace kube::tenancy
