// Names of the tenancy graph's record enums (for logs, tests and the CLI) and the role-template
// dependency closure the template pickers use.
#include "kubeclient/tenancy/graph/graphrecords.h"

#include <set>

namespace kube::tenancy {

const char *toString(RoleLevel level)
{
    switch (level) {
    case RoleLevel::Platform: return "platform";
    case RoleLevel::Cluster: return "cluster";
    case RoleLevel::Workspace: return "workspace";
    case RoleLevel::Project: return "project";
    }
    return "unknown";
}

const char *scopeOf(RoleLevel level)
{
    switch (level) {
    case RoleLevel::Platform: return "global";
    case RoleLevel::Cluster: return "cluster";
    case RoleLevel::Workspace: return "workspace";
    case RoleLevel::Project: return "namespace";
    }
    return "";
}

const char *toString(BindingMatch match)
{
    switch (match) {
    case BindingMatch::Subject: return "subject";
    case BindingMatch::UserRefLabel: return "user-ref label";
    case BindingMatch::Group: return "group";
    }
    return "unknown";
}

const char *toString(DriftKind kind)
{
    switch (kind) {
    case DriftKind::BindingWithoutUserRef: return "BindingWithoutUserRef";
    case DriftKind::BindingUserRefMismatch: return "BindingUserRefMismatch";
    case DriftKind::BindingWithoutGroupRef: return "BindingWithoutGroupRef";
    case DriftKind::BindingRoleMissing: return "BindingRoleMissing";
    case DriftKind::BindingUserMissing: return "BindingUserMissing";
    case DriftKind::WorkspaceRoleWithoutWorkspace: return "WorkspaceRoleWithoutWorkspace";
    case DriftKind::WorkspaceBindingWithoutWorkspace: return "WorkspaceBindingWithoutWorkspace";
    case DriftKind::WorkspaceBindingWorkspaceMismatch: return "WorkspaceBindingWorkspaceMismatch";
    case DriftKind::WorkspaceMissing: return "WorkspaceMissing";
    case DriftKind::NamespaceWorkspaceMissing: return "NamespaceWorkspaceMissing";
    case DriftKind::MultiplePlatformRoles: return "MultiplePlatformRoles";
    case DriftKind::PlatformRoleAnnotationMismatch: return "PlatformRoleAnnotationMismatch";
    case DriftKind::TemplateMissing: return "TemplateMissing";
    case DriftKind::ManagerBindingMissing: return "ManagerBindingMissing";
    case DriftKind::IsolationPolicyMissing: return "IsolationPolicyMissing";
    case DriftKind::IsolationPolicyStale: return "IsolationPolicyStale";
    case DriftKind::IsolationPolicyOrphaned: return "IsolationPolicyOrphaned";
    }
    return "unknown";
}

std::vector<std::string> parseDependencies(const std::string &annotation)
{
    std::vector<std::string> out;
    if (annotation.empty())
        return out;
    const auto parsed = nlohmann::json::parse(annotation, nullptr, false);
    if (!parsed.is_array())
        return out;
    for (const auto &d : parsed)
        if (d.is_string() && !d.get<std::string>().empty())
            out.push_back(d.get<std::string>());
    return out;
}

TemplateClosure templateClosure(const std::vector<RoleTemplateInfo> &offered, const std::vector<std::string> &chosen)
{
    std::map<std::string, const RoleTemplateInfo *> byName;
    for (const auto &t : offered)
        byName.emplace(t.name, &t);
    TemplateClosure c;
    std::set<std::string> seen, missing;
    for (const auto &n : chosen)
        if (seen.insert(n).second)
            c.names.push_back(n);
    // Breadth first over the names in order, so what a template pulls in follows it.
    for (std::size_t i = 0; i < c.names.size(); ++i) {
        const std::string current = c.names[i];
        const auto it = byName.find(current);
        if (it == byName.end())
            continue;
        for (const auto &dep : it->second->dependencies) {
            if (!byName.count(dep)) {
                if (missing.insert(dep).second)
                    c.missing.push_back(dep);
                continue;
            }
            if (!seen.insert(dep).second)
                continue;
            c.names.push_back(dep);
            c.added.push_back(dep);
            c.requiredBy.emplace(dep, current);
        }
    }
    return c;
}

} // namespace kube::tenancy
