// Drift rules: what KubeSphere's controllers and ks-apiserver keep true (spec 3.3, 3.5-3.7,
// 4.2, 8) and a direct writer or a partial restore can break.
#include "kubeclient/tenancy/graph/graphdrift.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/graph/graphsnapshot.h"
#include "kubeclient/tenancy/graph/graphstate.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"

#include <algorithm>
#include <tuple>

namespace kube::tenancy {

namespace {

bool startsWith(const std::string &s, const char *prefix) { return s.rfind(prefix, 0) == 0; }

// Kubernetes' and the controllers' own bindings are not KubeSphere members.
bool systemBinding(const std::string &name)
{
    return startsWith(name, "system:") || startsWith(name, "kubeadm:") || startsWith(name, kMirrorPrefix);
}

class DriftFinder
{
public:
    explicit DriftFinder(const GraphSnapshot &snapshot)
        : m_snapshot(snapshot)
        , m_state(snapshot.state())
        , m_workspacesFed(snapshot.fed(GraphKind::WorkspaceTemplate) || snapshot.fed(GraphKind::Workspace))
    {
    }

    std::vector<DriftItem> run()
    {
        for (GraphKind kind : {GraphKind::GlobalRoleBinding, GraphKind::WorkspaceRoleBinding,
                               GraphKind::ProjectRoleBinding, GraphKind::ClusterRoleBinding})
            m_state.of(kind).forEach([&](std::string_view key, const GraphObject &o) {
                binding(kind, std::string(key), *o);
                return true;
            });
        for (GraphKind kind :
             {GraphKind::GlobalRole, GraphKind::WorkspaceRole, GraphKind::ProjectRole, GraphKind::ClusterRole})
            m_state.of(kind).forEach([&](std::string_view key, const GraphObject &o) {
                role(kind, std::string(key), *o);
                return true;
            });
        m_state.of(GraphKind::Namespace).forEach([&](std::string_view key, const GraphObject &o) {
            const std::string ws = ObjectView(*o).workspaceLabel();
            if (!ws.empty() && m_workspacesFed && !m_snapshot.workspaceExists(ws))
                add(DriftKind::NamespaceWorkspaceMissing, GraphKind::Namespace, std::string(key),
                    "workspace " + ws + " does not exist");
            return true;
        });
        if (m_snapshot.fed(GraphKind::NetworkPolicy) && m_workspacesFed)
            m_state.of(GraphKind::Namespace).forEach([&](std::string_view key, const GraphObject &o) {
                isolation(std::string(key), *o);
                return true;
            });
        m_state.of(GraphKind::WorkspaceQuota).forEach([&](std::string_view key, const GraphObject &o) {
            const std::string ws = WorkspaceQuotaView(*o).selectedWorkspace();
            if (!ws.empty() && m_workspacesFed && !m_snapshot.workspaceExists(ws))
                add(DriftKind::WorkspaceMissing, GraphKind::WorkspaceQuota, std::string(key),
                    "workspace " + ws + " does not exist");
            return true;
        });
        if (m_snapshot.fed(GraphKind::GlobalRoleBinding))
            m_state.of(GraphKind::User).forEach([&](std::string_view key, const GraphObject &o) {
                user(std::string(key), *o);
                return true;
            });
        if (m_snapshot.fed(GraphKind::WorkspaceRoleBinding))
            m_state.of(GraphKind::WorkspaceTemplate).forEach([&](std::string_view key, const GraphObject &o) {
                manager(std::string(key), *o);
                return true;
            });

        std::sort(m_out.begin(), m_out.end(), [](const DriftItem &a, const DriftItem &b) {
            return std::tie(a.objectKind, a.key, a.kind, a.detail) < std::tie(b.objectKind, b.key, b.kind, b.detail);
        });
        return std::move(m_out);
    }

private:
    void add(DriftKind kind, GraphKind objectKind, const std::string &key, std::string detail)
    {
        m_out.push_back(DriftItem{kind, objectKind, key, std::move(detail)});
    }

    bool userExists(const std::string &name) const { return m_state.of(GraphKind::User).contains(name); }

    void binding(GraphKind kind, const std::string &key, const FrozenJson &object)
    {
        const BindingView v(object);
        const std::string name = v.name();
        const std::string userRef = v.userRef();
        const std::string groupRef = v.groupRef();
        // iam kinds are KubeSphere's; 3.x RBAC bindings only when KubeSphere labelled them.
        const bool iamKind = kind == GraphKind::GlobalRoleBinding || kind == GraphKind::WorkspaceRoleBinding
            || m_state.flavor == ApiFlavor::V4;
        const bool managed = iamKind || !userRef.empty() || !groupRef.empty();
        const bool usersFed = m_snapshot.fed(GraphKind::User);

        std::vector<std::string> users;
        bool kubesphereGroup = false;
        for (const auto &s : v.subjects()) {
            if (s.isUser() && !startsWith(s.name, "system:"))
                users.push_back(s.name);
            if (s.isGroup() && m_state.of(GraphKind::Group).contains(s.name))
                kubesphereGroup = true;
        }

        if (!systemBinding(name)) {
            for (const auto &u : users) {
                const bool known = usersFed && userExists(u);
                if (userRef.empty() && (managed || known))
                    add(DriftKind::BindingWithoutUserRef, kind, key,
                        "subject user " + u + " has no " + kUserRefLabel + " label");
                if (managed && usersFed && !known)
                    add(DriftKind::BindingUserMissing, kind, key, "user " + u + " does not exist");
            }
            if (!userRef.empty() && std::find(users.begin(), users.end(), userRef) == users.end())
                add(DriftKind::BindingUserRefMismatch, kind, key,
                    std::string(kUserRefLabel) + "=" + userRef + " but the subjects do not include that user");
            if (kubesphereGroup && groupRef.empty())
                add(DriftKind::BindingWithoutGroupRef, kind, key, std::string("group subject without ") + kGroupRefLabel);
        }

        const std::string roleRef = graphkey::roleOfBinding(kind, object);
        const GraphKind roleKind = graphkey::refKind(roleRef);
        GraphObject role;
        if (!roleRef.empty())
            role = m_state.get(roleKind, graphkey::refKey(roleRef));
        if (!roleRef.empty() && !role && m_snapshot.fed(roleKind) && (managed || !systemBinding(name)))
            add(DriftKind::BindingRoleMissing, kind, key,
                std::string(toString(roleKind)) + " " + std::string(graphkey::refKey(roleRef)) + " does not exist");

        if (kind == GraphKind::WorkspaceRoleBinding) {
            const std::string ws = v.workspaceLabel();
            if (ws.empty())
                add(DriftKind::WorkspaceBindingWithoutWorkspace, kind, key, std::string("no ") + kWorkspaceLabel + " label");
            else if (m_workspacesFed && !m_snapshot.workspaceExists(ws))
                add(DriftKind::WorkspaceMissing, kind, key, "workspace " + ws + " does not exist");
            if (role) {
                const std::string roleWs = ObjectView(*role).workspaceLabel();
                if (!roleWs.empty() && roleWs != ws)
                    add(DriftKind::WorkspaceBindingWorkspaceMismatch, kind, key,
                        "labelled workspace " + ws + " but its role belongs to " + roleWs);
            }
        }
    }

    void role(GraphKind kind, const std::string &key, const FrozenJson &object)
    {
        const RoleView v(object);
        if (kind == GraphKind::WorkspaceRole && !v.isTemplate3x()) {
            const std::string ws = v.workspaceLabel();
            if (ws.empty())
                add(DriftKind::WorkspaceRoleWithoutWorkspace, kind, key, std::string("no ") + kWorkspaceLabel + " label");
            else if (m_workspacesFed && !m_snapshot.workspaceExists(ws))
                add(DriftKind::WorkspaceMissing, kind, key, "workspace " + ws + " does not exist");
        }
        if (m_snapshot.fed(GraphKind::RoleTemplate))
            for (const auto &t : v.templateNames())
                if (!m_state.of(GraphKind::RoleTemplate).contains(t))
                    add(DriftKind::TemplateMissing, kind, key, "RoleTemplate " + t + " does not exist");
        for (const auto &t : v.aggregationRolesAnnotation()) {
            const std::string templateKey = kind == GraphKind::ProjectRole ? objectKey(v.namespaceName(), t) : t;
            if (!m_state.of(kind).contains(templateKey))
                add(DriftKind::TemplateMissing, kind, key, std::string(toString(kind)) + " template " + t + " does not exist");
        }
    }

    void user(const std::string &key, const FrozenJson &object)
    {
        const UserInfo u = *m_snapshot.user(key);
        (void)object;
        if (u.platformBindingCount > 1)
            add(DriftKind::MultiplePlatformRoles, GraphKind::User, key,
                std::to_string(u.platformBindingCount) + " GlobalRoleBindings; KubeSphere keeps one per user");
        // 4.x: the controller mirrors the binding's role into the annotation (spec 4.2).
        if (m_state.flavor == ApiFlavor::V4 && u.platformRoleAnnotation != u.platformRole
            && !(u.platformRoleAnnotation.empty() && u.platformRole.empty()))
            add(DriftKind::PlatformRoleAnnotationMismatch, GraphKind::User, key,
                std::string(kGlobalRoleAnnotation) + "=" + u.platformRoleAnnotation + " but the binding grants "
                    + (u.platformRole.empty() ? std::string("nothing") : u.platformRole));
    }

    void manager(const std::string &key, const FrozenJson &object)
    {
        const std::string mgr = WorkspaceView(object).manager();
        if (mgr.empty())
            return;
        // What the workspacetemplate controller creates (spec 8.1): a binding labelled with the
        // workspace, granting <ws>-admin to the manager. Matched directly, no member records.
        const std::string adminRole = workspaceRoleName(key, "admin");
        bool found = false;
        const std::string prefix = graphkey::join(key, "");
        const GraphSet &bindings = m_state.index(GraphIndex::WorkspaceBindingsByWorkspace);
        bindings.forEachWithPrefix(prefix, [&](std::string_view entry, const GraphUnit &) {
            const GraphObject b = m_state.get(GraphKind::WorkspaceRoleBinding, entry.substr(prefix.size()));
            if (!b)
                return true;
            const BindingView v(*b);
            if (v.roleRef().name != adminRole)
                return true;
            for (const auto &s : v.subjects())
                if (s.isUser() && s.name == mgr)
                    found = true;
            return !found;
        });
        if (!found)
            add(DriftKind::ManagerBindingMissing, GraphKind::WorkspaceTemplate, key,
                "manager " + mgr + " has no binding to " + adminRole);
    }

    // What KubeSphere's nsnp controller keeps true in each project of a workspace (spec 9.2), and
    // what Tenantry's stand-in policies (labelled generated-by) must match.
    void isolation(const std::string &key, const FrozenJson &object)
    {
        const ProjectView v(object);
        const std::string ws = v.workspace();
        if (ws.empty() || !m_snapshot.workspaceExists(ws) || v.deleting())
            return;
        const ProjectIsolationInfo info = m_snapshot.projectIsolation(key);
        const GraphObject policy = m_snapshot.object(GraphKind::NetworkPolicy, objectKey(key, kIsolationPolicyName));
        if (info.effective && !policy) {
            add(DriftKind::IsolationPolicyMissing, GraphKind::Namespace, key,
                std::string("isolated (") + (info.enabled ? "project" : "workspace " + ws)
                    + ") but no NetworkPolicy " + kIsolationPolicyName + " enforces it");
            return;
        }
        if (!policy || ObjectView(*policy).label(kGeneratedByLabel).empty())
            return;
        const std::string policyKey = objectKey(key, kIsolationPolicyName);
        if (!info.effective) {
            add(DriftKind::IsolationPolicyOrphaned, GraphKind::NetworkPolicy, policyKey,
                "project " + key + " is not isolated: Tenantry's isolation policy should be gone");
            return;
        }
        const nlohmann::json expected = info.enabled ? nlohmann::json{{"kubernetes.io/metadata.name", key}}
                                                     : nlohmann::json{{kWorkspaceLabel, ws}};
        const FrozenJson &spec = (*policy)["spec"];
        nlohmann::json actual;
        if (spec.is_object() && spec.contains("ingress") && spec["ingress"].is_array() && !spec["ingress"].empty()) {
            const nlohmann::json &from = spec["ingress"][0].value("from", nlohmann::json::array());
            if (from.is_array() && !from.empty() && from[0].is_object())
                actual = from[0].value("namespaceSelector", nlohmann::json::object()).value("matchLabels", nlohmann::json());
        }
        if (actual != expected)
            add(DriftKind::IsolationPolicyStale, GraphKind::NetworkPolicy, policyKey,
                "admits namespaces matching " + (actual.is_null() ? std::string("nothing") : actual.dump()) + ", not "
                    + expected.dump());
    }

    const GraphSnapshot &m_snapshot;
    const GraphState &m_state;
    const bool m_workspacesFed;
    std::vector<DriftItem> m_out;
};

} // namespace

std::vector<DriftItem> findDrift(const GraphSnapshot &snapshot)
{
    return DriftFinder(snapshot).run();
}

} // namespace kube::tenancy
