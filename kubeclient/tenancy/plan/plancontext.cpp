// The preamble and write helpers shared by every operation family: one wording for "does not
// exist" and "already exists", one place that decides what a write looks like in a plan.
#include "kubeclient/tenancy/plan/plancontext.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"

#include <ctime>

namespace kube::tenancy {

using nlohmann::json;

namespace {
const char *nameOf(PlanTarget target)
{
    switch (target) {
    case PlanTarget::Workspace: return "workspace";
    case PlanTarget::Project: return "project";
    case PlanTarget::User: return "user";
    }
    return "object";
}
} // namespace

PlanContext::PlanContext(PlanReader &reader, ClusterTenancy tenancy, std::string actor)
    : m_reader(reader)
    , m_tenancy(std::move(tenancy))
    , m_factory(m_tenancy.api, std::move(actor))
{
}

std::string PlanContext::now() const
{
    const auto t = std::chrono::system_clock::to_time_t(m_clock ? m_clock() : std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

Error PlanContext::invalid(const std::string &message, const std::string &where)
{
    return Error::make(ErrorKind::Invalid, message, where);
}

Result<Plan> PlanContext::compose(std::string title, const std::vector<Check> &checks, const Body &body)
{
    for (const auto &check : checks)
        if (auto r = check(); !r)
            return r.error();
    Plan plan;
    plan.title = std::move(title);
    if (auto r = body(plan); !r)
        return r.error();
    return plan;
}

PlanContext::Check PlanContext::valid(PlanTarget target, std::string name)
{
    return [target, name = std::move(name)]() -> Result<void> {
        switch (target) {
        case PlanTarget::Workspace: return validateWorkspaceName(name);
        case PlanTarget::Project: return validateProjectName(name);
        case PlanTarget::User: return validateUserName(name);
        }
        return {};
    };
}

GroupVersionResource PlanContext::resourceOf(PlanTarget target) const
{
    switch (target) {
    case PlanTarget::Workspace: return api().workspaceTemplate;
    case PlanTarget::Project: return TenancyApi::namespaces;
    case PlanTarget::User: return api().user;
    }
    return {};
}

PlanContext::Check PlanContext::exists(PlanTarget target, std::string name) const
{
    return [this, target, name = std::move(name)]() -> Result<void> {
        if (auto v = valid(target, name)(); !v)
            return v;
        auto o = fetch(resourceOf(target), "", name);
        if (!o) {
            if (target == PlanTarget::User && o.error().isApi(StatusReason::Forbidden))
                return {};
            return o.error();
        }
        if (!*o)
            return invalid(std::string(nameOf(target)) + " \"" + name + "\" does not exist", nameOf(target));
        return {};
    };
}

PlanContext::Check PlanContext::absent(PlanTarget target, std::string name) const
{
    return [this, target, name = std::move(name)]() -> Result<void> {
        if (auto v = valid(target, name)(); !v)
            return v;
        auto o = fetch(resourceOf(target), "", name);
        if (!o)
            return o.error();
        if (*o)
            return invalid(std::string(target == PlanTarget::Project ? "project (namespace)" : nameOf(target)) + " \""
                               + name + "\" already exists",
                           std::string(nameOf(target)) + " name");
        return {};
    };
}

Result<std::optional<json>> PlanContext::fetch(const GroupVersionResource &gvr, const std::string &ns,
                                               const std::string &name) const
{
    return m_reader.fetch(gvr, ns, name);
}

Result<std::vector<json>> PlanContext::list(const GroupVersionResource &gvr, const std::string &ns,
                                            const std::string &selector) const
{
    return m_reader.list(gvr, ns, selector);
}

Result<json> PlanContext::require(const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                                  const std::string &what, const std::string &field) const
{
    auto o = fetch(gvr, ns, name);
    if (!o)
        return o.error();
    if (!*o)
        return invalid(what + " does not exist", field);
    return std::move(**o);
}

Result<std::vector<std::string>> PlanContext::projectsOf(const std::string &workspace) const
{
    auto namespaces = list(TenancyApi::namespaces, "", std::string(kWorkspaceLabel) + "=" + workspace);
    if (!namespaces)
        return namespaces.error();
    std::vector<std::string> out;
    for (const auto &ns : *namespaces)
        if (ObjectMeta(ns).deletionTimestamp().empty())
            out.push_back(ObjectMeta(ns).name());
    return out;
}

void PlanContext::addApply(Plan &plan, const GroupVersionResource &gvr, json object, std::string reason, bool sideEffect)
{
    PlannedWrite w;
    w.action = WriteAction::Apply;
    w.gvr = gvr;
    ObjectMeta m(object);
    w.ns = gvr.namespaced ? m.namespaceName() : std::string();
    w.name = m.name();
    w.object = std::move(object);
    w.reason = std::move(reason);
    w.sideEffect = sideEffect;
    plan.writes.push_back(std::move(w));
}

void PlanContext::addDelete(Plan &plan, const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                            std::string reason, bool sideEffect)
{
    for (const auto &w : plan.writes)
        if (w.action == WriteAction::Delete && w.gvr == gvr && w.ns == ns && w.name == name)
            return;
    PlannedWrite w;
    w.action = WriteAction::Delete;
    w.gvr = gvr;
    w.ns = ns;
    w.name = name;
    w.reason = std::move(reason);
    w.sideEffect = sideEffect;
    plan.writes.push_back(std::move(w));
}

void PlanContext::addMergePatch(Plan &plan, const GroupVersionResource &gvr, const std::string &name, json patch,
                                std::string reason, bool sideEffect, std::string subresource)
{
    PlannedWrite w;
    w.action = WriteAction::MergePatch;
    w.gvr = gvr;
    w.name = name;
    w.object = std::move(patch);
    w.reason = std::move(reason);
    w.sideEffect = sideEffect;
    w.subresource = std::move(subresource);
    plan.writes.push_back(std::move(w));
}

} // namespace kube::tenancy
