// Objects are matched to a resource by apiVersion and kind, as a server stores them; lists come
// sorted by namespace and name, as a server answers, so plans are the same on every run.
#include "kubeclient/tenancy/plan/memoryplanreader.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/core/yamlconvert.h"

#include <algorithm>

namespace kube::tenancy {

namespace {

bool sameResource(const nlohmann::json &object, const GroupVersionResource &gvr)
{
    ObjectMeta m(object);
    return m.apiVersion() == gvr.apiVersion() && m.kind() == gvr.kind;
}

bool sameObject(const nlohmann::json &a, const nlohmann::json &b)
{
    ObjectMeta ma(a), mb(b);
    return ma.apiVersion() == mb.apiVersion() && ma.kind() == mb.kind() && ma.namespaceName() == mb.namespaceName()
        && ma.name() == mb.name();
}

} // namespace

Result<MemoryPlanReader> MemoryPlanReader::fromYaml(std::string_view yaml, const std::string &where)
{
    auto docs = parseYamlDocuments(yaml, where);
    if (!docs)
        return docs.error();
    MemoryPlanReader reader;
    for (size_t i = 0; i < docs->size(); ++i) {
        ObjectMeta m((*docs)[i]);
        if (m.apiVersion().empty() || m.kind().empty() || m.name().empty())
            return Error::make(ErrorKind::Invalid, "document " + std::to_string(i + 1)
                                   + " needs apiVersion, kind and metadata.name", where);
        reader.put(std::move((*docs)[i]));
    }
    return reader;
}

void MemoryPlanReader::put(nlohmann::json object)
{
    for (auto &o : m_objects) {
        if (sameObject(o, object)) {
            o = std::move(object);
            return;
        }
    }
    m_objects.push_back(std::move(object));
}

void MemoryPlanReader::applyPlan(const Plan &plan)
{
    for (const auto &w : plan.writes) {
        auto target = std::find_if(m_objects.begin(), m_objects.end(), [&](const nlohmann::json &o) {
            ObjectMeta m(o);
            return sameResource(o, w.gvr) && m.name() == w.name && m.namespaceName() == w.ns;
        });
        switch (w.action) {
        case WriteAction::Apply:
            if (target == m_objects.end())
                m_objects.push_back(w.object);
            else
                target->merge_patch(w.object);
            break;
        case WriteAction::MergePatch:
            if (target != m_objects.end())
                target->merge_patch(w.object);
            break;
        case WriteAction::Delete:
            if (target != m_objects.end())
                m_objects.erase(target);
            if (w.gvr.resource == "namespaces" && w.gvr.group.empty())
                m_objects.erase(std::remove_if(m_objects.begin(), m_objects.end(),
                                               [&](const nlohmann::json &o) { return ObjectMeta(o).namespaceName() == w.name; }),
                                m_objects.end());
            break;
        }
    }
}

void MemoryPlanReader::addSubresource(const GroupVersionResource &gvr, const std::string &subresource)
{
    m_subresources.insert(gvr.groupResource() + "/" + subresource);
}

Result<std::optional<nlohmann::json>> MemoryPlanReader::fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                              const std::string &name)
{
    for (const auto &o : m_objects) {
        ObjectMeta m(o);
        if (sameResource(o, gvr) && m.name() == name && m.namespaceName() == (gvr.namespaced ? ns : std::string()))
            return std::optional<nlohmann::json>(o);
    }
    return std::optional<nlohmann::json>();
}

Result<std::vector<nlohmann::json>> MemoryPlanReader::list(const GroupVersionResource &gvr, const std::string &ns,
                                                           const std::string &selector)
{
    std::vector<nlohmann::json> out;
    for (const auto &o : m_objects) {
        if (!sameResource(o, gvr))
            continue;
        if (gvr.namespaced && !ns.empty() && ObjectMeta(o).namespaceName() != ns)
            continue;
        if (selectorMatches(selector, o.value("metadata", nlohmann::json::object()).value("labels", nlohmann::json::object())))
            out.push_back(o);
    }
    // Sorted by namespace and name, as kube-apiserver lists (etcd key order).
    std::stable_sort(out.begin(), out.end(), [](const nlohmann::json &a, const nlohmann::json &b) {
        ObjectMeta ma(a), mb(b);
        return std::pair(ma.namespaceName(), ma.name()) < std::pair(mb.namespaceName(), mb.name());
    });
    return out;
}

bool MemoryPlanReader::hasSubresource(const GroupVersionResource &gvr, const std::string &subresource)
{
    return m_subresources.count(gvr.groupResource() + "/" + subresource) > 0;
}

} // namespace kube::tenancy
