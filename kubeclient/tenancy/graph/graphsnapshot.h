// An immutable, consistent version of the tenancy graph and every query the views need:
// workspaces and projects, placement, members, a user's bindings, roles and their templates,
// quotas, isolation, users, groups and drift. Copying is O(1); later events never change it.
#pragma once

#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/graphrecords.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kube::tenancy {

struct GraphState;

class GraphSnapshot
{
public:
    GraphSnapshot();  // empty graph
    explicit GraphSnapshot(std::shared_ptr<const GraphState> state);

    // Increases with every published change of the graph.
    std::uint64_t version() const;
    ApiFlavor flavor() const;
    // True once the kind was fed (a resync or any event): an unwired kind reads as unknown,
    // not as "none exist".
    bool fed(GraphKind kind) const;

    // Raw access.
    std::size_t count(GraphKind kind) const;
    GraphObject object(GraphKind kind, const std::string &key) const;
    void forEach(GraphKind kind, const std::function<bool(const std::string &key, const GraphObject &)> &visit) const;
    std::vector<GraphObject> objectsInNamespace(GraphKind kind, const std::string &ns) const;

    // --- workspaces and projects ---
    // Union of WorkspaceTemplates and Workspaces, by name.
    std::vector<WorkspaceInfo> workspaces() const;
    std::optional<WorkspaceInfo> workspace(const std::string &name) const;
    bool workspaceExists(const std::string &name) const;
    std::vector<ProjectInfo> projects(const std::string &workspace) const;
    std::vector<ProjectInfo> projectsWithoutWorkspace() const;
    std::size_t projectCount(const std::string &workspace) const;
    std::vector<std::string> projectNames(const std::string &workspace) const;
    std::optional<ProjectInfo> project(const std::string &name) const;
    // "" when the namespace is unknown or belongs to no workspace.
    std::string workspaceOf(const std::string &project) const;
    PlacementInfo placement(const std::string &workspace) const;
    std::vector<std::string> clustersOf(const std::string &workspace) const;

    // --- members ---
    // One row per subject of every WorkspaceRoleBinding labelled with the workspace.
    std::vector<MemberInfo> workspaceMembers(const std::string &workspace) const;
    // One row per subject of every RoleBinding in the namespace, the creator binding flagged.
    std::vector<MemberInfo> projectMembers(const std::string &project) const;
    std::vector<MemberInfo> clusterMembers() const;
    std::vector<MemberInfo> platformMembers() const;
    // Bindings whose roleRef resolves to this role.
    std::vector<MemberInfo> membersOfRole(RoleLevel level, const std::string &scope, const std::string &role) const;

    // --- a user ---
    std::vector<UserInfo> users() const;
    std::optional<UserInfo> user(const std::string &name) const;
    // Every binding naming the user as subject, labelled with user-ref for them, or granted to
    // a group the user is in, at all four levels.
    UserBindings userBindings(const std::string &user) const;
    // Bindings naming exactly this subject (kind + name), any level.
    std::vector<BindingInfo> bindingsOfSubject(const Subject &subject) const;
    std::vector<std::string> groupsOfUser(const std::string &user) const;

    // --- roles and templates ---
    std::vector<RoleInfo> globalRoles() const;
    std::vector<RoleInfo> clusterRoles() const;
    std::vector<RoleInfo> workspaceRoles(const std::string &workspace) const;
    std::vector<RoleInfo> projectRoles(const std::string &project) const;
    // scope: the workspace or namespace for those levels, else ignored.
    std::optional<RoleInfo> role(RoleLevel level, const std::string &scope, const std::string &name) const;
    // Templates a role of this level can be composed from: 4.x RoleTemplates of the level's
    // scope; 3.x roles of the level labelled role-template (for projects, in that namespace).
    std::vector<RoleTemplateInfo> roleTemplates(RoleLevel level, const std::string &scope = {}) const;

    // --- groups ---
    std::vector<GroupInfo> groups(const std::string &workspace) const;

    // --- quotas and isolation ---
    // quota.kubesphere.io ResourceQuotas selecting the workspace (one per cluster normally).
    std::vector<WorkspaceQuotaInfo> workspaceQuotas(const std::string &workspace) const;
    ProjectQuotaInfo projectQuota(const std::string &project) const;
    IsolationInfo workspaceIsolation(const std::string &workspace) const;
    ProjectIsolationInfo projectIsolation(const std::string &project) const;

    // --- consistency ---
    // Object inconsistencies for the repair feature, sorted by kind, then object, then type.
    std::vector<DriftItem> drift() const;
    // The indexes agree with the objects (recomputed from scratch): for tests.
    bool consistent(std::string *why = nullptr) const;

    const GraphState &state() const { return *m_state; }

private:
    WorkspaceInfo makeWorkspace(const std::string &name, const GraphObject &tmpl, const GraphObject &ws) const;
    ProjectInfo makeProject(const GraphObject &ns) const;
    RoleInfo makeRole(GraphKind kind, std::string_view key, const GraphObject &object) const;
    UserInfo makeUser(const GraphObject &object) const;
    BindingInfo makeBinding(GraphKind kind, std::string_view key, const GraphObject &object) const;
    // The workspace manager / project creator of the scope last seen, so that listing the
    // members of one scope looks them up once, not once per binding.
    struct MemberScope {
        bool resolved = false;
        std::string scope;
        std::string manager;
        std::string managerRole;
        std::string creator;
    };
    void appendMembers(GraphKind kind, const GraphObject &binding, MemberScope &scope, std::vector<MemberInfo> &out) const;
    bool roleExists(GraphKind bindingKind, const FrozenJson &binding) const;
    bool builtInRole(GraphKind kind, const std::string &scope, const std::string &name, const FrozenJson &role) const;
    std::vector<TemplateRef> templatesOf(GraphKind kind, const std::string &scope, const FrozenJson &role) const;
    std::size_t bindingCountOf(GraphKind kind, std::string_view key) const;

    std::shared_ptr<const GraphState> m_state;
};

RoleLevel levelOf(GraphKind roleOrBindingKind);

} // namespace kube::tenancy
