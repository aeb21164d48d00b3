// How a membership scope is named in plan titles and messages ("workspace "ws1"").
// The wording is the one users see in dialogs and tenantryctl output.
#include "kubeclient/tenancy/plan/memberscope.h"

namespace kube::tenancy {

std::string MemberScope::describe() const
{
    switch (level) {
    case RoleSpec::Level::Platform: return "the platform";
    case RoleSpec::Level::Cluster: return "the cluster";
    case RoleSpec::Level::Workspace: return "workspace \"" + name + "\"";
    case RoleSpec::Level::Project: return "project \"" + name + "\"";
    }
    return name;
}

} // namespace kube::tenancy
