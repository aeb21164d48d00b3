// A role binding of any family (RBAC RoleBinding / ClusterRoleBinding, KubeSphere
// GlobalRoleBinding, WorkspaceRoleBinding, iam RoleBinding / ClusterRoleBinding): roleRef and subjects.
#pragma once

#include "kubeclient/rbac/subject.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace kube::rbac {

struct Binding {
    std::string apiGroup;  // rbac.authorization.k8s.io or iam.kubesphere.io
    std::string kind;      // RoleBinding, ClusterRoleBinding, GlobalRoleBinding, WorkspaceRoleBinding
    std::string ns, name;
    std::string roleApiGroup, roleKind, roleName;
    std::vector<Subject> subjects;
    std::map<std::string, std::string> labels;

    static Binding fromJson(const nlohmann::json &object);
    bool isCluster() const { return kind != "RoleBinding"; }
    // "ClusterRoleBinding admins", "RoleBinding ns1/devs"
    std::string toString() const;
};

} // namespace kube::rbac
