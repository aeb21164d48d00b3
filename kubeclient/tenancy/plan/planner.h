// Turns a tenancy operation into a Plan after validating it against the cluster's current
// state. In KubeSphere mode a plan holds exactly what the console would write; in standalone
// mode it also holds the controllers' side effects (spec section 8) and the RBAC projections
// that make kube-apiserver enforce project and workspace roles.
#pragma once

#include "kubeclient/api/client.h"
#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/tenancy/plan/objectfactory.h"
#include "kubeclient/tenancy/plan/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

struct MemberScope {
    RoleSpec::Level level = RoleSpec::Level::Project;
    std::string name;  // workspace or namespace; empty for Platform / Cluster

    static MemberScope workspace(std::string ws) { return {RoleSpec::Level::Workspace, std::move(ws)}; }
    static MemberScope project(std::string ns) { return {RoleSpec::Level::Project, std::move(ns)}; }
    static MemberScope cluster() { return {RoleSpec::Level::Cluster, {}}; }
    std::string describe() const;
};

class Planner
{
public:
    // `actor` is recorded as kubesphere.io/creator (the current user name).
    Planner(Client &client, ClusterTenancy tenancy, std::string actor);

    const ClusterTenancy &tenancy() const { return m_tenancy; }
    const ObjectFactory &factory() const { return m_factory; }

    Result<Plan> createWorkspace(const WorkspaceSpec &spec);
    Result<Plan> editWorkspace(const WorkspaceSpec &spec);
    // propagation: Orphan (default: projects stay, unlabelled), Foreground or Background (deleted).
    Result<Plan> deleteWorkspace(const std::string &name, const std::string &propagation = {});

    Result<Plan> createProject(const ProjectSpec &spec);
    Result<Plan> deleteProject(const std::string &name);
    Result<Plan> moveProject(const std::string &name, const std::string &workspace);

    Result<Plan> createUser(const UserSpec &spec, const std::string &platformRole = {});
    Result<Plan> editUser(const UserSpec &spec);
    Result<Plan> setUserEnabled(const std::string &name, bool enabled);
    Result<Plan> deleteUser(const std::string &name);
    Result<Plan> setPlatformRole(const std::string &user, const std::string &role);

    // role: short name for workspaces ("viewer" or the full "ws1-viewer"), role name for
    // projects and clusters. One binding per user per scope: others of the user are removed.
    Result<Plan> setMember(const MemberScope &scope, const std::string &user, const std::string &role);
    Result<Plan> removeMember(const MemberScope &scope, const std::string &user);

    Result<Plan> saveRole(const RoleSpec &spec, bool create);
    Result<Plan> deleteRole(const RoleSpec &spec);

    // Standalone: everything the controllers would have made that is missing or stale.
    Result<Plan> repair();

    // The rules a role ends with once templates are composed, as the controller would (4.x:
    // own rules plus uncovered template rules; 3.x: the union of the templates).
    Result<nlohmann::json> composeRules(const RoleSpec &spec);

private:
    bool standalone() const { return m_tenancy.mode == Mode::Standalone; }
    Result<std::optional<nlohmann::json>> fetch(const GroupVersionResource &gvr, const std::string &ns,
                                                const std::string &name);
    Result<std::vector<nlohmann::json>> listLabelled(const GroupVersionResource &gvr, const std::string &ns,
                                                     const std::string &selector);
    Result<void> requireUser(const std::string &user);
    Result<void> requireWorkspace(const std::string &ws);
    Result<std::vector<std::string>> projectsOf(const std::string &ws);
    Result<std::vector<nlohmann::json>> builtinRoles(const std::string &scope, const nlohmann::json &targetLabels);
    Result<nlohmann::json> templateRules(const std::vector<std::string> &names, const std::string &selectorScope,
                                         const nlohmann::json &roleSelector);

    // A built-in role blueprint with its template rules composed, ready to write.
    Result<nlohmann::json> composeBuiltin(nlohmann::json role, const std::string &scope);
    Result<nlohmann::json> workspaceBuiltin(const nlohmann::json &role, const std::string &ws);

    // Standalone side effects, appended to a plan.
    Result<void> addWorkspaceRoleWrites(Plan &plan, const nlohmann::json &role);
    Result<void> addWorkspaceBindingWrites(Plan &plan, const nlohmann::json &binding, const std::vector<std::string> &projects);
    void addApply(Plan &plan, const GroupVersionResource &gvr, nlohmann::json object, std::string reason,
                  bool sideEffect = false);
    void addDelete(Plan &plan, const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
                   std::string reason, bool sideEffect = false);
    Result<void> addProjectSetup(Plan &plan, const nlohmann::json &ns, const std::string &creator);
    Result<void> addUserBindingRemovals(Plan &plan, const std::string &user, const MemberScope *onlyScope);

    Client &m_client;
    ClusterTenancy m_tenancy;
    ObjectFactory m_factory;
};

} // namespace kube::tenancy
