// A PlanReader over a tenancy GraphSnapshot: plans composed from what the watches already hold,
// without a request per read. Kinds the graph is not fed with (RBAC mirrors and projections in
// 4.x, kinds a restricted identity may not watch) go to a fallback reader, usually the client.
#pragma once

#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/plan/planreader.h"

namespace kube::tenancy {

class SnapshotPlanReader final : public PlanReader
{
public:
    // `fallback` may be null: reads of kinds the snapshot does not hold are then an error.
    SnapshotPlanReader(GraphSnapshot snapshot, TenancyApi api, PlanReader *fallback);

    Result<std::optional<nlohmann::json>> fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                const std::string &name) override;
    Result<std::vector<nlohmann::json>> list(const GroupVersionResource &gvr, const std::string &ns,
                                             const std::string &selector) override;
    bool hasSubresource(const GroupVersionResource &gvr, const std::string &subresource) override;

private:
    // The graph kind that holds this resource in the snapshot, when it was fed.
    std::optional<GraphKind> heldKind(const GroupVersionResource &gvr) const;
    Error notHeld(const GroupVersionResource &gvr) const;

    GraphSnapshot m_snapshot;
    TenancyApi m_api;
    PlanReader *m_fallback;
};

} // namespace kube::tenancy
