// An immutable index over RbacData for fast evaluation: roles and bindings parsed once, every
// binding's role resolved, and bindings grouped into the sets each authorizer visits
// (ClusterRoleBindings, the RoleBindings of one namespace; KubeSphere's global, per-workspace,
// per-namespace and cluster sets), each with lookups by user and by group.
// A build reuses the parsed roles and bindings of the previous build for every object whose
// stamp did not change, so a rebuild after a small change parses only what changed.
#pragma once

#include "kubeclient/core/frozenjson.h"
#include "kubeclient/rbac/binding.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/rbac/role.h"
#include "kubeclient/kubesphere/tenancyapi.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kube::rbac {

class RbacIndex
{
public:
    struct Options {
        // Evaluate aggregated ClusterRoles with the rules the aggregation controller would
        // write (a cluster without kube-controller-manager, or manifests not yet applied)
        // instead of their stored rules.
        bool predictAggregation = false;
        // Which objects form the KubeSphere view: 4.x reads iam.kubesphere.io Role/RoleBinding/
        // ClusterRole/ClusterRoleBinding, 3.x the RBAC ones. None: guessed from the data.
        tenancy::ApiFlavor kubesphereFlavor = tenancy::ApiFlavor::None;
    };

    // Bindings an authorizer visits together, in visit order, with lookups by subject.
    struct BindingSet {
        std::vector<uint32_t> bindings;
        // A subject name (its number in the index's `names`) and a binding naming it.
        struct Named {
            uint32_t name;
            uint32_t binding;
            auto operator<=>(const Named &) const = default;
        };
        // User subjects by name and ServiceAccount subjects by "system:serviceaccount:NS:NAME"
        // (an SA subject without namespace in a cluster-wide binding is in neither: it never
        // matches); Group subjects by name. Sorted by name number, then binding; no duplicates.
        std::vector<Named> byUser, byGroup;
        const std::unordered_map<std::string_view, uint32_t> *names = nullptr;  // the index's, numbered

        // Binding ids with a subject that applies to `who`, in visit order, no duplicates.
        void candidates(const Identity &who, std::vector<uint32_t> &out) const;
        bool empty() const { return bindings.empty(); }
    };

    // Reuses what the last index built from `data` or any copy of it (RbacData::indexCache(),
    // if that index is still alive) parsed, for the objects whose stamp it saw; the answers are
    // those of a build from scratch.
    static std::shared_ptr<const RbacIndex> build(const RbacData &data, const Options &options);
    static std::shared_ptr<const RbacIndex> build(const RbacData &data);

    // One input object. Entries come in RbacData key order (sorted, one per key): the build
    // relies on it.
    struct Entry {
        const RbacData::Key *key = nullptr;
        const nlohmann::json *object = nullptr;
        // Equal non-zero stamps mean the same key and content (RbacData::nextStamp()); 0: never reused.
        std::uint64_t stamp = 0;
        // Read instead of the object's apiVersion (listed items come without one), or null.
        const std::string *apiVersion = nullptr;
        // The object as a store keeps it, when `object` is null (RbacFeed's entries): copied
        // into an nlohmann tree only when parsed.
        const FrozenJson *frozen = nullptr;
    };
    // The same from entries (as RbacFeed holds them), reusing the roles and bindings `reuse`
    // (an earlier index or null) parsed from objects of the same stamps.
    static std::shared_ptr<const RbacIndex> build(const std::vector<Entry> &objects, const Options &options,
                                                  const RbacIndex *reuse);

    const std::vector<Role> &roles() const { return m_roles; }
    const std::vector<Binding> &bindings() const { return m_bindings; }
    // The role a binding refers to, or -1 with the reason in roleError().
    int32_t roleOf(uint32_t binding) const { return m_roleOf[binding]; }
    const std::string &roleError(uint32_t binding) const { return m_roleError[binding]; }
    std::vector<uint32_t> bindingsOfRole(int32_t role) const;
    int32_t findRole(const std::string &group, const std::string &kind, const std::string &ns,
                     const std::string &name) const;
    // The subject of `binding` that applies to `who` (the first one), or nullptr.
    const Subject *matchingSubject(uint32_t binding, const Identity &who) const;
    // The key a subject is indexed under ("User:alice", "Group:devs") given its binding's namespace;
    // empty when it can never match.
    static std::string subjectKey(const Subject &subject, const std::string &bindingNs);

    // Kubernetes view.
    const BindingSet &clusterBindings() const { return m_k8sCluster; }
    const BindingSet *namespaceBindings(const std::string &ns) const;
    // KubeSphere view.
    tenancy::ApiFlavor kubesphereFlavor() const { return m_flavor; }
    const BindingSet &globalBindings() const { return m_ksGlobal; }
    const BindingSet *workspaceBindings(const std::string &workspace) const;
    const BindingSet *ksNamespaceBindings(const std::string &ns) const;
    const BindingSet &ksClusterBindings() const { return m_ksCluster; }

    const std::vector<std::string> &namespaces() const { return m_namespaces; }
    const std::vector<std::string> &workspaces() const { return m_workspaces; }
    // The namespace's kubesphere.io/workspace label ("" when none).
    std::string workspaceOf(const std::string &ns) const;
    // KubeSphere RoleTemplates (4.x) and 3.x role-template roles, by name.
    const std::map<std::string, Role> &roleTemplates() const { return m_templates; }
    // KubeSphere User objects' spec.groups (groups ks-apiserver adds for password/3.x tokens).
    std::vector<std::string> userGroups(const std::string &user) const;
    // The inverse: users whose KubeSphere User object lists `group` in spec.groups, sorted.
    std::vector<std::string> usersInGroup(const std::string &group) const;
    // Every user name known from KubeSphere User objects or named by a User subject of any
    // binding, sorted, no duplicates.
    std::vector<std::string> users() const;
    // Every distinct subject named by any binding, sorted (ServiceAccounts with their namespace,
    // apiGroup cleared). Both are tallied on first use, and a rebuild from an index that had
    // them tallies only the bindings that changed.
    std::vector<Subject> subjects() const;
    bool predictedAggregation() const { return m_predicted; }
    // How many roles and bindings this build parsed; the others came from the index it reused.
    size_t parsedObjects() const { return m_parsed; }

private:
    // How many binding subjects name each distinct subject (as subjects() lists them).
    struct SubjectTally {
        std::map<Subject, uint32_t> counts;
    };

    RbacIndex() = default;
    void addToSet(BindingSet &set, uint32_t binding);
    void finish(BindingSet &set) const;
    std::shared_ptr<const SubjectTally> tally() const;
    std::shared_ptr<const SubjectTally> tallyIfDone() const;

    std::vector<Role> m_roles;
    std::vector<Binding> m_bindings;
    // The stamp each role / binding was parsed from (0 when not reusable: predicted rules).
    std::vector<std::uint64_t> m_roleStamps, m_bindingStamps;
    std::vector<int32_t> m_roleOf;
    std::vector<std::string> m_roleError;
    std::unordered_map<std::string, std::vector<int32_t>> m_rolesByName;  // for findRole
    std::vector<std::vector<uint32_t>> m_bindingsOfRole;
    BindingSet m_k8sCluster;
    std::unordered_map<std::string, BindingSet> m_k8sNamespace;
    BindingSet m_ksGlobal, m_ksCluster;
    std::unordered_map<std::string, BindingSet> m_ksWorkspace, m_ksNamespace;
    std::vector<std::string> m_namespaces, m_workspaces;
    std::unordered_map<std::string, std::string> m_workspaceOf;
    std::map<std::string, Role> m_templates;
    std::unordered_map<std::string, std::vector<std::string>> m_userGroups;
    std::vector<std::string> m_ksUsers;  // names of KubeSphere User objects, sorted
    std::unordered_set<std::string> m_serviceAccountUsers;  // SA subjects' user names
    // Every subject name a BindingSet holds, numbered (views of the bindings' subjects and of
    // m_serviceAccountUsers).
    std::unordered_map<std::string_view, uint32_t> m_subjectNames;
    tenancy::ApiFlavor m_flavor = tenancy::ApiFlavor::None;
    bool m_predicted = false;
    size_t m_parsed = 0;
    mutable std::mutex m_tallyMutex;
    mutable std::shared_ptr<const SubjectTally> m_tally;  // null until tally()
};

} // namespace kube::rbac
