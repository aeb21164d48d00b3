// The planner's reads sent to the API server: what a plan is checked against before it is
// shown, so it describes the cluster as it is now.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/tenancy/plan/planreader.h"

namespace kube::tenancy {

class ClientPlanReader final : public PlanReader
{
public:
    explicit ClientPlanReader(Client &client, CancelTokenPtr cancel = nullptr);

    Result<std::optional<nlohmann::json>> fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                const std::string &name) override;
    Result<std::vector<nlohmann::json>> list(const GroupVersionResource &gvr, const std::string &ns,
                                             const std::string &selector) override;
    bool hasSubresource(const GroupVersionResource &gvr, const std::string &subresource) override;

private:
    Client &m_client;
    CancelTokenPtr m_cancel;
};

} // namespace kube::tenancy
