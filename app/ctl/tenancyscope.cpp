// Scope flags (--platform, --cluster, -w, -n) and what they name: the role and binding
// resources, object names and namespaces. Listings go through the TenancyGraph (graphreads).
#include "tenancyscope.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"

#include <algorithm>
#include <set>

namespace ctl {

using nlohmann::json;
using namespace kube::tenancy;

std::optional<TenancyScope> TenancyScope::fromArgs(const CommandArgs &args, bool allowPlatform, std::string &error)
{
    std::vector<TenancyScope> given;
    if (allowPlatform && args.on("--platform"))
        given.emplace_back(Level::Platform, std::string());
    if (args.on("--cluster"))
        given.emplace_back(Level::Cluster, std::string());
    if (args.has("--workspace"))
        given.emplace_back(Level::Workspace, args.value("--workspace"));
    if (args.has("--namespace"))
        given.emplace_back(Level::Project, args.value("--namespace"));
    const std::string options = allowPlatform ? "--platform, --cluster, -w WORKSPACE or -n NAMESPACE"
                                              : "--cluster, -w WORKSPACE or -n NAMESPACE";
    if (given.empty()) {
        error = "say which scope: " + options;
        return std::nullopt;
    }
    if (given.size() > 1) {
        error = "give only one scope: " + options;
        return std::nullopt;
    }
    if ((given[0].level() == Level::Workspace || given[0].level() == Level::Project) && given[0].name().empty()) {
        error = given[0].level() == Level::Workspace ? "-w needs a workspace name" : "-n needs a namespace name";
        return std::nullopt;
    }
    return given[0];
}

TenancyScope::TenancyScope(Level level, std::string name)
    : m_level(level)
    , m_name(std::move(name))
{
}

MemberScope TenancyScope::memberScope() const
{
    return MemberScope{m_level, m_name};
}

std::string TenancyScope::describe() const
{
    return memberScope().describe();
}

kube::GroupVersionResource TenancyScope::roleResource(const TenancyApi &api) const
{
    switch (m_level) {
    case Level::Platform: return api.globalRole;
    case Level::Cluster: return api.clusterRole;
    case Level::Workspace: return api.workspaceRole;
    case Level::Project: return api.projectRole;
    }
    return api.projectRole;
}

kube::GroupVersionResource TenancyScope::bindingResource(const TenancyApi &api) const
{
    switch (m_level) {
    case Level::Platform: return api.globalRoleBinding;
    case Level::Cluster: return api.clusterRoleBinding;
    case Level::Workspace: return api.workspaceRoleBinding;
    case Level::Project: return api.projectRoleBinding;
    }
    return api.projectRoleBinding;
}

std::string TenancyScope::objectNamespace() const
{
    return m_level == Level::Project ? m_name : std::string();
}

std::string TenancyScope::roleObjectName(kube::Client &client, const kube::tenancy::TenancyApi &api,
                                         const std::string &role) const
{
    if (m_level != Level::Workspace)
        return role;
    return workspaceRoleObjectName(m_name, role, [&](const std::string &name) -> std::optional<std::string> {
        auto found = client.get(api.workspaceRole, "", name);
        if (!found)
            return std::nullopt;
        return kube::ObjectMeta(*found).label(kWorkspaceLabel);
    });
}

bool TenancyScope::isBuiltinRole(const json &role) const
{
    kube::ObjectMeta m(role);
    const std::string name = m.name();
    if (m.label(kRoleTemplateLabel) == "true" || name.rfind("role-template-", 0) == 0 || name.rfind("system:", 0) == 0)
        return true;
    static const std::set<std::string> platform = {"platform-admin", "platform-regular", "platform-self-provisioner",
                                                   "authenticated", "anonymous", "pre-registration", "ks-console",
                                                   "users-manager", "workspaces-manager"};
    static const std::set<std::string> cluster = {"cluster-admin", "cluster-viewer", "admin", "edit", "view"};
    static const std::vector<std::string> workspace = {"admin", "regular", "self-provisioner", "viewer"};
    static const std::set<std::string> project = {"admin", "operator", "viewer"};
    switch (m_level) {
    case Level::Platform: return platform.count(name) > 0;
    case Level::Cluster: return cluster.count(name) > 0;
    case Level::Project: return project.count(name) > 0;
    case Level::Workspace: {
        const std::string ws = m.label(kWorkspaceLabel).empty() ? m_name : m.label(kWorkspaceLabel);
        return std::any_of(workspace.begin(), workspace.end(),
                           [&](const std::string &r) { return name == workspaceRoleName(ws, r); });
    }
    }
    return false;
}

} // namespace ctl
