// Network plans: isolation of a workspace or a project (KubeSphere mode: the field or annotation
// KubeSphere's network controller reads; standalone mode: also the NetworkPolicy that controller
// would generate, spec 9.2), user NetworkPolicies (create, edit, delete) and the isolation
// policies repair, project creation and project moves keep in step.
#pragma once

#include "kubeclient/tenancy/plan/plancontext.h"

#include <optional>
#include <string>
#include <vector>

namespace kube::tenancy {

enum class IsolationScope { Workspace, Project };

struct IsolationOptions {
    // Namespaces every isolation policy lets in, as KubeSphere 3.x's
    // network.nsnpOptions.allowedIngressNamespaces (empty by default in KubeSphere: ks3
    // pkg/simple/client/network/options.go; the installer sets none). Unset: an existing
    // isolation policy keeps the namespaces it lets in, a new one lets in none.
    std::optional<std::vector<std::string>> allowedIngressNamespaces;
};

class NetworkPlans
{
public:
    explicit NetworkPlans(const PlanContext &context);

    Result<Plan> setIsolation(IsolationScope scope, const std::string &name, bool on,
                              const IsolationOptions &options = {}) const;
    // A user NetworkPolicy (networking.k8s.io/v1 as JSON): validated as the API server would,
    // names starting with "nsnp-" refused. `create`: it must not exist yet; else it must.
    Result<Plan> savePolicy(const nlohmann::json &policy, bool create) const;
    Result<Plan> removePolicy(const std::string &ns, const std::string &name) const;

    // Standalone: the write that brings project `ns` (its Namespace object as it will be) to
    // the isolation policy it should have — apply, delete, or nothing when it already has it.
    // `workspaceIsolated` overrides what the workspace reads now (for a plan changing it).
    Result<void> addProjectPolicy(Plan &plan, const nlohmann::json &ns, std::optional<bool> workspaceIsolated = {},
                                  const IsolationOptions &options = {}) const;
    // After an edit of workspace `name` applied its template (and, standalone, its Workspace)
    // without isolation: isolation `on` written as the switch writes it (4.x: the template's
    // spec.template.metadata.annotations, where the controller copies from; standalone: also the
    // Workspace and the projects' policies). "Off" on a workspace that is not isolated: nothing.
    Result<void> addWorkspaceIsolationEdit(Plan &plan, const std::string &name, bool on) const;
    // Standalone repair: the isolation policy every project should have (desired writes only;
    // repair compares them with the cluster), and the keys of those that should not exist.
    Result<void> addDesiredPolicies(Plan &desired) const;

    // The policy KubeSphere 3.x's nsnp controller generates (spec 9.2), written by Tenantry:
    // all pods, Ingress only from namespaces matching `peer`, plus each allowed namespace.
    static nlohmann::json isolationPolicy(const std::string &ns, const nlohmann::json &peer,
                                          const std::vector<std::string> &allowedNamespaces);
    // Whether a workspace (template or Workspace object) is isolated, in either flavour's words.
    static bool workspaceIsolated(const nlohmann::json &workspaceObject);
    // The label Tenantry's isolation peers match a single namespace by. The API server sets
    // kubernetes.io/metadata.name on every namespace (Kubernetes >= 1.21); KubeSphere's
    // kubesphere.io/namespace is added only by its 3.x namespace controller, absent here.
    static constexpr const char *kNamespaceNameLabel = "kubernetes.io/metadata.name";

private:
    Result<std::optional<nlohmann::json>> desiredPolicy(const nlohmann::json &ns, std::optional<bool> workspaceIsolated,
                                                        const IsolationOptions &options) const;
    Result<bool> readWorkspaceIsolated(const std::string &workspace) const;
    // rewrite: write the template's and Workspace's value even where they hold it already (an
    // earlier write of the same plan may have removed it).
    Result<void> addWorkspaceIsolation(Plan &plan, const std::string &name, bool on, const IsolationOptions &options,
                                       bool rewrite = false) const;
    Result<void> addProjectIsolation(Plan &plan, const std::string &name, bool on, const IsolationOptions &options) const;

    const PlanContext &m_context;
};

} // namespace kube::tenancy
