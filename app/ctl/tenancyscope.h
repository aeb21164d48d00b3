// The scope a role or member command works in (platform, cluster, workspace WS, project NS),
// taken from --platform / --cluster / -w / -n, and the resources and names it implies.
#pragma once

#include "commandargs.h"

#include "kubeclient/api/client.h"
#include "kubeclient/tenancy/plan/objectfactory.h"
#include "kubeclient/tenancy/plan/planner.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ctl {

class TenancyScope
{
public:
    using Level = kube::tenancy::RoleSpec::Level;

    // Exactly one of the scope flags; `error` says what is wrong otherwise.
    static std::optional<TenancyScope> fromArgs(const CommandArgs &args, bool allowPlatform, std::string &error);
    TenancyScope(Level level, std::string name);

    Level level() const { return m_level; }
    const std::string &name() const { return m_name; }  // workspace or namespace; empty otherwise
    kube::tenancy::MemberScope memberScope() const;
    std::string describe() const;  // "workspace \"ws1\""

    kube::GroupVersionResource roleResource(const kube::tenancy::TenancyApi &api) const;
    kube::GroupVersionResource bindingResource(const kube::tenancy::TenancyApi &api) const;
    std::string objectNamespace() const;  // the namespace of project-scoped objects, else ""
    // The role object a word names: in a workspace, a full name of one of its roles as is, a
    // short name as KubeSphere names built-ins ("<ws>-<role>", hashed for long names); read
    // through `client` (kube::tenancy::workspaceRoleObjectName).
    std::string roleObjectName(kube::Client &client, const kube::tenancy::TenancyApi &api,
                               const std::string &role) const;

    // Is this role one KubeSphere (or Kubernetes) ships rather than one a user made?
    bool isBuiltinRole(const nlohmann::json &role) const;

private:
    Level m_level;
    std::string m_name;
};


} // namespace ctl
