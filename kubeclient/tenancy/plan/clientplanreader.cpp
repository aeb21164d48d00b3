// Reads through the dynamic client: a 404 becomes "absent", every other failure stays an error
// with the server's words, and subresources come from discovery.
#include "kubeclient/tenancy/plan/clientplanreader.h"

#include <algorithm>

namespace kube::tenancy {

namespace {
// Pages of a list: large enough that one request answers a normal tenancy, small enough that
// a cluster with thousands of bindings does not send one huge body.
constexpr long kListPage = 500;
} // namespace

ClientPlanReader::ClientPlanReader(Client &client, CancelTokenPtr cancel)
    : m_client(client)
    , m_cancel(std::move(cancel))
{
}

Result<std::optional<nlohmann::json>> ClientPlanReader::fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                              const std::string &name)
{
    auto r = m_client.get(gvr, ns, name, m_cancel);
    if (r)
        return std::optional<nlohmann::json>(std::move(*r));
    if (r.error().isApi(StatusReason::NotFound))
        return std::optional<nlohmann::json>();
    return r.error();
}

Result<std::vector<nlohmann::json>> ClientPlanReader::list(const GroupVersionResource &gvr, const std::string &ns,
                                                           const std::string &selector)
{
    ListOptions o;
    o.labelSelector = selector;
    o.limit = kListPage;
    auto r = m_client.list(gvr, ns, o, m_cancel);
    if (!r)
        return r.error();
    return std::move(r->items);
}

bool ClientPlanReader::hasSubresource(const GroupVersionResource &gvr, const std::string &subresource)
{
    auto info = m_client.discovery().findResource(gvr.group, gvr.version, gvr.resource);
    return info && std::count(info->subresources.begin(), info->subresources.end(), subresource) > 0;
}

} // namespace kube::tenancy
