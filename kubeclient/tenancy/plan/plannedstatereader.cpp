// Server-side apply is approximated by a JSON merge of the applied object into the current one:
// the planner only reads labels, subjects and role references back, which the plan states whole.
#include "kubeclient/tenancy/plan/plannedstatereader.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <set>

namespace kube::tenancy {

namespace {
bool isWriteTo(const PlannedWrite &w, const GroupVersionResource &gvr, const std::string &ns, const std::string &name)
{
    return w.gvr == gvr && w.name == name && w.ns == (gvr.namespaced ? ns : std::string());
}
} // namespace

PlannedStateReader::PlannedStateReader(PlanReader &base, const Plan &plan)
    : m_base(base)
    , m_plan(plan)
{
}

bool PlannedStateReader::namespaceDeleted(const std::string &ns) const
{
    if (ns.empty())
        return false;
    bool deleted = false;
    for (const auto &w : m_plan.writes)
        if (isWriteTo(w, TenancyApi::namespaces, "", ns))
            deleted = w.action == WriteAction::Delete;
    return deleted;
}

bool PlannedStateReader::touches(const GroupVersionResource &gvr, const std::string &ns, const std::string &name) const
{
    for (const auto &w : m_plan.writes)
        if (isWriteTo(w, gvr, ns, name))
            return true;
    return false;
}

std::optional<nlohmann::json> PlannedStateReader::after(const GroupVersionResource &gvr, const std::string &ns,
                                                        const std::string &name,
                                                        std::optional<nlohmann::json> object) const
{
    if (gvr.namespaced && namespaceDeleted(ns))
        return std::nullopt;
    for (const auto &w : m_plan.writes) {
        if (!isWriteTo(w, gvr, ns, name))
            continue;
        switch (w.action) {
        case WriteAction::Delete: object.reset(); break;
        case WriteAction::Apply:
            if (!object)
                object = w.object;
            else
                object->merge_patch(w.object);
            break;
        case WriteAction::MergePatch:
            // A patch of a missing object fails on the server: it changes nothing here either.
            if (object)
                object->merge_patch(w.object);
            break;
        }
    }
    return object;
}

Result<std::optional<nlohmann::json>> PlannedStateReader::fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                                const std::string &name)
{
    if (gvr.namespaced && namespaceDeleted(ns))
        return std::optional<nlohmann::json>();
    auto before = m_base.fetch(gvr, ns, name);
    if (!before)
        return before.error();
    return after(gvr, ns, name, std::move(*before));
}

Result<std::vector<nlohmann::json>> PlannedStateReader::list(const GroupVersionResource &gvr, const std::string &ns,
                                                             const std::string &selector)
{
    auto base = m_base.list(gvr, ns, selector);
    if (!base)
        return base.error();
    std::vector<nlohmann::json> out;
    std::set<std::string> seen;
    auto keep = [&](std::optional<nlohmann::json> o) {
        if (o && selectorMatches(selector, (*o)["metadata"].value("labels", nlohmann::json::object())))
            out.push_back(std::move(*o));
    };
    for (auto &o : *base) {
        ObjectMeta m(o);
        const std::string objectNs = m.namespaceName(), name = m.name();
        seen.insert(objectKey(objectNs, name));
        if (gvr.namespaced && namespaceDeleted(objectNs))
            continue;
        if (touches(gvr, objectNs, name))
            keep(after(gvr, objectNs, name, std::move(o)));
        else
            out.push_back(std::move(o));
    }
    // Objects the plan creates, or relabels into the selector.
    for (const auto &w : m_plan.writes) {
        if (!(w.gvr == gvr) || (gvr.namespaced && !ns.empty() && w.ns != ns) || w.action == WriteAction::Delete)
            continue;
        if (!seen.insert(objectKey(w.ns, w.name)).second)
            continue;
        auto before = m_base.fetch(gvr, w.ns, w.name);
        if (!before)
            return before.error();
        keep(after(gvr, w.ns, w.name, std::move(*before)));
    }
    return out;
}

bool PlannedStateReader::hasSubresource(const GroupVersionResource &gvr, const std::string &subresource)
{
    return m_base.hasSubresource(gvr, subresource);
}

} // namespace kube::tenancy
