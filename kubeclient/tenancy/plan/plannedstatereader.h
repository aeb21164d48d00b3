// The cluster as a plan would leave it: reads answered by another reader with the plan's
// writes laid over them (applies merged in, patches applied, deletes removed, and everything
// inside a deleted namespace gone). Used to compute what follows from a plan, such as the
// namespaces each user can reach once it has run.
#pragma once

#include "kubeclient/api/writeplan.h"
#include "kubeclient/tenancy/plan/planreader.h"

namespace kube::tenancy {

class PlannedStateReader final : public PlanReader
{
public:
    // Both must outlive the reader; the plan is read as it is at each call.
    PlannedStateReader(PlanReader &base, const Plan &plan);

    Result<std::optional<nlohmann::json>> fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                const std::string &name) override;
    Result<std::vector<nlohmann::json>> list(const GroupVersionResource &gvr, const std::string &ns,
                                             const std::string &selector) override;
    bool hasSubresource(const GroupVersionResource &gvr, const std::string &subresource) override;

private:
    bool namespaceDeleted(const std::string &ns) const;
    // The object after the plan's writes to it, starting from `before`.
    std::optional<nlohmann::json> after(const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                                        std::optional<nlohmann::json> before) const;
    bool touches(const GroupVersionResource &gvr, const std::string &ns, const std::string &name) const;

    PlanReader &m_base;
    const Plan &m_plan;
};

} // namespace kube::tenancy
