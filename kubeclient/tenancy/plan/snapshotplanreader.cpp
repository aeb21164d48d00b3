// Reads answered from the graph's immutable snapshot; a kind the graph was never fed reads as
// unknown (fallback), never as "none exist", so a plan is not composed from a partial view.
#include "kubeclient/tenancy/plan/snapshotplanreader.h"

#include "kubeclient/core/objectmeta.h"

namespace kube::tenancy {

SnapshotPlanReader::SnapshotPlanReader(GraphSnapshot snapshot, TenancyApi api, PlanReader *fallback)
    : m_snapshot(std::move(snapshot))
    , m_api(std::move(api))
    , m_fallback(fallback)
{
}

std::optional<GraphKind> SnapshotPlanReader::heldKind(const GroupVersionResource &gvr) const
{
    for (std::size_t i = 0; i < kGraphKindCount; ++i) {
        const auto kind = static_cast<GraphKind>(i);
        const auto resource = resourceOf(kind, m_api);
        if (resource && *resource == gvr && m_snapshot.fed(kind))
            return kind;
    }
    return std::nullopt;
}

Error SnapshotPlanReader::notHeld(const GroupVersionResource &gvr) const
{
    return Error::make(ErrorKind::Invalid, "the tenancy graph does not hold " + gvr.groupResource(), "plan reader");
}

Result<std::optional<nlohmann::json>> SnapshotPlanReader::fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                                const std::string &name)
{
    const auto kind = heldKind(gvr);
    if (!kind) {
        if (m_fallback)
            return m_fallback->fetch(gvr, ns, name);
        return notHeld(gvr);
    }
    const GraphObject object = m_snapshot.object(*kind, objectKey(gvr.namespaced ? ns : std::string(), name));
    if (!object)
        return std::optional<nlohmann::json>();
    return std::optional<nlohmann::json>(object->toJson());
}

Result<std::vector<nlohmann::json>> SnapshotPlanReader::list(const GroupVersionResource &gvr, const std::string &ns,
                                                             const std::string &selector)
{
    const auto kind = heldKind(gvr);
    if (!kind) {
        if (m_fallback)
            return m_fallback->list(gvr, ns, selector);
        return notHeld(gvr);
    }
    std::vector<nlohmann::json> out;
    auto keep = [&](const GraphObject &o) {
        if (o && selectorMatches(selector, (*o)["metadata"]["labels"].is_object() ? (*o)["metadata"]["labels"].toJson() : nlohmann::json::object()))
            out.push_back(o->toJson());
    };
    if (gvr.namespaced && !ns.empty()) {
        for (const auto &o : m_snapshot.objectsInNamespace(*kind, ns))
            keep(o);
        return out;
    }
    m_snapshot.forEach(*kind, [&](const std::string &, const GraphObject &o) {
        keep(o);
        return true;
    });
    return out;
}

bool SnapshotPlanReader::hasSubresource(const GroupVersionResource &gvr, const std::string &subresource)
{
    return m_fallback && m_fallback->hasSubresource(gvr, subresource);
}

} // namespace kube::tenancy
