// A PlanReader over objects held in memory: the fixture that lets tests check plans without
// a cluster, and a way to plan against objects read earlier (a snapshot, a saved state).
#pragma once

#include "kubeclient/api/writeplan.h"
#include "kubeclient/tenancy/plan/planreader.h"

#include <set>
#include <string_view>

namespace kube::tenancy {

class MemoryPlanReader final : public PlanReader
{
public:
    MemoryPlanReader() = default;

    // Every document of a YAML text; an object without apiVersion, kind or name is an error.
    static Result<MemoryPlanReader> fromYaml(std::string_view yaml, const std::string &where);

    // Adds or replaces (same apiVersion, kind, namespace and name) one object.
    void put(nlohmann::json object);
    // Runs a plan against the objects, as a server would (apply merges, patch merges, delete
    // removes, a deleted namespace takes its objects along): a cluster after the plan.
    void applyPlan(const Plan &plan);
    // Kinds that serve this subresource ("users" + "status"); others do not.
    void addSubresource(const GroupVersionResource &gvr, const std::string &subresource);
    size_t size() const { return m_objects.size(); }
    const std::vector<nlohmann::json> &objects() const { return m_objects; }

    Result<std::optional<nlohmann::json>> fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                const std::string &name) override;
    Result<std::vector<nlohmann::json>> list(const GroupVersionResource &gvr, const std::string &ns,
                                             const std::string &selector) override;
    bool hasSubresource(const GroupVersionResource &gvr, const std::string &subresource) override;

private:
    std::vector<nlohmann::json> m_objects;  // in insertion order; lists sort them
    std::set<std::string> m_subresources;   // "users.iam.kubesphere.io/status"
};

} // namespace kube::tenancy
