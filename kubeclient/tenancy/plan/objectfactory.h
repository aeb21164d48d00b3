// Builds the tenancy objects exactly as KubeSphere's console and controllers shape them
// (spec sections 5, 8 and 15) for one API flavour. Pure: no I/O, so tests compare documents.
#pragma once

#include "kubeclient/kubesphere/tenancyapi.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

struct WorkspaceSpec {
    std::string name;
    std::string manager;
    std::string alias, description;
    std::vector<std::string> clusters{"host"};  // placement; KubeSphere's single cluster is "host"
    std::string deletionPropagation;             // "" (Orphan), Orphan, Foreground, Background
    std::optional<bool> networkIsolation;
};

struct ProjectSpec {
    std::string name;
    std::string workspace;  // "" for a namespace outside any workspace
    std::string alias, description;
};

struct UserSpec {
    std::string name;
    std::string email;
    std::string password;  // plain; never shown (redacted in plans)
    std::string displayName, description, lang;
};

struct RoleSpec {
    enum class Level { Platform, Cluster, Workspace, Project };
    Level level = Level::Project;
    std::string scope;  // workspace name (Workspace) or namespace (Project)
    std::string name;   // object name (workspace roles: the full "<ws>-<role>" name)
    nlohmann::json rules = nlohmann::json::array();
    std::vector<std::string> templates;  // role template names
    std::string alias, description;
    // The object an edit or clone starts from: its labels, annotations and other fields
    // (aggregationRule, aggregationRoleTemplates' roleSelector, ...) are written back untouched,
    // minus what the server manages (uid, resourceVersion, managedFields, ownerReferences,
    // status...). Null: a new role with only the fields above.
    nlohmann::json base;
    // Edit: the resourceVersion the form was filled from. Written into the applied object, so
    // the server refuses (409 Conflict) when someone changed the role in between.
    std::string resourceVersion;
};

// What a copy of `object` keeps (a clone, a role rebuilt from its base): the object without
// what the server manages (kube::withoutServerFields) and without what ties it to the original:
// ownerReferences and finalizers.
nlohmann::json copyableFields(nlohmann::json object);

const char *toString(RoleSpec::Level level);

class ObjectFactory
{
public:
    ObjectFactory(TenancyApi api, std::string actor);

    const TenancyApi &api() const { return m_api; }
    const std::string &actor() const { return m_actor; }

    nlohmann::json workspaceTemplate(const WorkspaceSpec &spec) const;
    nlohmann::json workspace(const WorkspaceSpec &spec) const;
    nlohmann::json project(const ProjectSpec &spec) const;
    nlohmann::json user(const UserSpec &spec, const std::string &state = {}) const;

    // Role objects of each level; `rules` are written as given.
    nlohmann::json role(const RoleSpec &spec, const nlohmann::json &rules) const;

    // Member bindings, named "<user>-<role>" and labelled as ks-apiserver labels them.
    nlohmann::json globalRoleBinding(const std::string &user, const std::string &role) const;
    nlohmann::json workspaceRoleBinding(const std::string &workspace, const std::string &user,
                                        const std::string &workspaceRole,
                                        const std::string &name = {}) const;
    nlohmann::json projectRoleBinding(const std::string &ns, const std::string &user, const std::string &role,
                                      const std::string &name = {}) const;
    nlohmann::json clusterRoleBinding(const std::string &user, const std::string &role) const;

    // Standalone side effects ------------------------------------------------------------
    // The RBAC copy of an iam.kubesphere.io Role / RoleBinding / ClusterRole / ClusterRoleBinding
    // ("kubesphere:iam:<name>"), as KubeSphere 4.x's controllers mirror them.
    static nlohmann::json rbacMirror(const nlohmann::json &iamObject);
    // A workspace role's namespaced rules as an RBAC ClusterRole, and the RoleBinding that grants
    // it to a workspace binding's subjects inside one project of the workspace.
    static nlohmann::json workspaceRoleProjection(const nlohmann::json &workspaceRole);
    static nlohmann::json workspaceBindingProjection(const nlohmann::json &workspaceRoleBinding, const std::string &ns);
    // ClusterRoleBinding "<user>-cluster-admin" that KubeSphere adds for platform admins, owned by
    // the user's platform-admin GlobalRoleBinding (4.x: binds the kubeconfig ServiceAccount too).
    nlohmann::json platformAdminClusterBinding(const std::string &user) const;

    std::string subjectApiGroup() const;
    // Controller reference to the workspace's WorkspaceTemplate (uid filled in when applied).
    nlohmann::json workspaceOwner(const std::string &workspace) const;

private:
    nlohmann::json meta(const std::string &name, const std::string &ns = {}) const;
    nlohmann::json userSubject(const std::string &user) const;
    // Subjects of a project or cluster member binding: the User (4.x: and its ServiceAccount).
    nlohmann::json memberSubjects(const std::string &user) const;


    TenancyApi m_api;
    std::string m_actor;
};

} // namespace kube::tenancy
