// The permission matrix: allowed verbs over every catalog resource, per row, where a row is
// one subject at one scope. forIdentity gives one subject at every scope (cluster and every
// namespace; in the KubeSphere view also the platform and every workspace); forScope is the
// transpose, every subject at one scope. Built from per-role verb masks, so a full matrix
// over thousands of namespaces costs a few hash lookups and bit-ors per namespace.
#pragma once

#include "kubeclient/core/canceltoken.h"
#include "kubeclient/rbac/identity.h"
#include "kubeclient/rbac/resourcecatalog.h"
#include "kubeclient/rbac/view.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kube::rbac {

class RbacIndex;
class RegoEvaluator;

struct MatrixScope {
    enum class Kind { Platform, Cluster, Workspace, Namespace };
    Kind kind = Kind::Cluster;
    std::string name;  // workspace or namespace

    static MatrixScope platform() { return {Kind::Platform, {}}; }
    static MatrixScope cluster() { return {Kind::Cluster, {}}; }
    static MatrixScope workspace(std::string ws) { return {Kind::Workspace, std::move(ws)}; }
    static MatrixScope ns(std::string n) { return {Kind::Namespace, std::move(n)}; }
    // "platform", "cluster", "workspace ws1", "namespace ns1"
    std::string toString() const;
    bool operator==(const MatrixScope &other) const = default;
};

struct MatrixRow {
    std::string subject;  // "alice" / "Group devs" / "ServiceAccount ns/sa"
    Identity identity;
    MatrixScope scope;
    bool superuser = false;
    std::vector<uint32_t> allowed;  // per catalog entry: bit i = verbs()[i] allowed for any name
    std::vector<uint32_t> named;    // bit i = allowed only for some resourceNames
    std::vector<uint32_t> exact;  // bit i = verbs()[i] allowed (any name) by some rule naming verb, API group and resource literally
    std::vector<std::string> policies;  // KubeSphere: roles with a Rego policy in play
    // KubeSphere with a Rego engine (Options::rego): bit i = allowed by a role's Rego policy
    // where no rule allows it (also set in `allowed`). Empty when policies were not evaluated.
    std::vector<uint32_t> policy;
    bool policiesEvaluated = false;
    std::string policyNote;  // why the policies in play were not evaluated, or the first failure
    std::vector<int32_t> policyRoles;  // the roles of `policies` (RbacIndex::roles() positions)
};

class PermissionMatrix
{
public:
    struct Options {
        View view = View::Kubernetes;
        std::vector<std::string> verbs = defaultVerbs();  // at most 32
        std::vector<MatrixScope> scopes;                  // empty: every scope of the view
        // KubeSphere view: evaluates the Rego policies in play for each row's user (one batch
        // per policy over every row), so cells a policy allows are allowed. Null: policies are
        // only listed, with "opa not available".
        std::shared_ptr<RegoEvaluator> rego;
        // Raised by the caller to stop early (the user cancelled, or a newer question came):
        // rows are checked between scopes and subjects, policies between batches; a cancelled
        // build returns what it had, which the caller discards (cancelled() says so).
        CancelTokenPtr cancel;
    };

    // get, list, watch, create, update, patch, delete, deletecollection
    static std::vector<std::string> defaultVerbs();
    // The default verbs plus those the authorizer checks only on some resources: escalate and
    // bind (roles), impersonate (users, groups, service accounts, uids), approve (signers),
    // use (pod security policies, security context constraints).
    static std::vector<std::string> workbenchVerbs();
    // Whether `verb` means anything for `entry`: the default verbs on every served resource,
    // the special ones where the authorizer checks them; an authorization-only entry holds
    // only its own verbs.
    static bool verbApplies(const CatalogEntry &entry, const std::string &verb);
    static std::vector<MatrixScope> allScopes(const RbacIndex &index, View view);
    // One row per distinct binding subject: users (with system:authenticated), groups
    // (membership of that group only), service accounts (with their implicit groups).
    static std::vector<std::pair<std::string, Identity>> subjectRows(const RbacIndex &index);

    static PermissionMatrix forIdentity(const RbacIndex &index, const ResourceCatalog &catalog, const Identity &who,
                                        const Options &options);
    static PermissionMatrix forScope(const RbacIndex &index, const ResourceCatalog &catalog, const MatrixScope &scope,
                                     const std::vector<std::pair<std::string, Identity>> &subjects,
                                     const Options &options);

    // The build was stopped by Options::cancel: the rows are incomplete.
    bool cancelled() const { return m_cancelled; }
    View view() const { return m_view; }
    const ResourceCatalog &catalog() const { return m_catalog; }
    const std::vector<std::string> &verbs() const { return m_verbs; }
    const std::vector<MatrixRow> &rows() const { return m_rows; }
    // Whether a resource has a cell at a scope (cluster-scoped resources have none inside a
    // namespace; in the KubeSphere view global resources only at platform scope).
    bool applies(const MatrixScope &scope, const CatalogEntry &entry) const;
    bool allowed(size_t row, size_t entry, size_t verb) const { return m_rows[row].allowed[entry] >> verb & 1u; }
    // Allowed (any name) only through a rule wildcard: verbs "*", apiGroups "*", or a resource
    // entry "*", "*/sub" or "res/*". Never for superuser rows (system:masters is not a rule).
    bool viaWildcard(size_t row, size_t entry, size_t verb) const;
    // Allowed only by a Rego policy (KubeSphere view with an engine).
    bool viaPolicy(size_t row, size_t entry, size_t verb) const
    {
        const auto &p = m_rows[row].policy;
        return entry < p.size() && (p[entry] >> verb & 1u);
    }
    size_t cellCount() const;  // applicable cells x verbs

    // Text grid; rows without any access are left out unless `all`. Table and CSV do not mark
    // wildcard-only cells; JSON lists them per row under "wildcardOnly".
    std::string toTable(bool all = false) const;
    std::string toCsv() const;
    nlohmann::json toJson() const;

private:
    class Builder;
    struct Cell {
        size_t row, entry, verb;
    };
    void evaluatePolicies(const RbacIndex &index, RegoEvaluator *rego, const CancelTokenPtr &cancel);

    View m_view = View::Kubernetes;
    bool m_ksV4 = true;  // which resources are global in the KubeSphere view
    bool m_cancelled = false;
    ResourceCatalog m_catalog;
    std::vector<std::string> m_verbs;
    std::vector<MatrixRow> m_rows;
};

} // namespace kube::rbac
