// Loads from a live cluster only the RBAC objects a permission question needs, all lists at
// once: a question in one namespace reads that namespace's Roles and RoleBindings, not all.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/rbac/rbacloader.h"

#include <string>

namespace ctl {

class RbacFetch
{
public:
    struct Scope {
        // Which namespaces' Roles and RoleBindings matter: one (ns), every one (all), or none
        // (a cluster-wide question: only ClusterRoleBindings apply).
        enum class Namespaces { One, All, None } namespaces = Namespaces::All;
        std::string ns;
        bool listNamespaces = false;  // the Namespace objects too (matrix scopes, workspaces)
        bool kubesphere = false;      // the KubeSphere IAM kinds too (the kubesphere view)
    };

    static kube::Result<kube::rbac::LoadResult> load(kube::Client &client, const Scope &scope);
};

} // namespace ctl
