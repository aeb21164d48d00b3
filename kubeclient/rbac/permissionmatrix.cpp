// Permission matrices from per-role verb masks, and their table, CSV and JSON forms.
// A role's masks are computed once per matrix; rows are ORs of the masks of applying bindings.
#include "kubeclient/rbac/permissionmatrix.h"

#include "kubeclient/rbac/cellquery.h"
#include "kubeclient/rbac/kubesphereevaluator.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/regoevaluator.h"
#include "kubeclient/rbac/regomodule.h"

#include <algorithm>
#include <unordered_map>

namespace kube::rbac {

std::string MatrixScope::toString() const
{
    switch (kind) {
    case Kind::Platform: return "platform";
    case Kind::Cluster: return "cluster";
    case Kind::Workspace: return "workspace " + name;
    case Kind::Namespace: return "namespace " + name;
    }
    return "?";
}

// Per-role masks over the catalog, computed the first time a role is met; then the
// accumulation of a binding set's masks for one identity.
class PermissionMatrix::Builder
{
public:
    struct Acc {
        std::vector<uint32_t> allowed, named, exact;
        std::vector<std::string> policies;
        std::vector<int32_t> policyRoles;
        void merge(const Acc &o)
        {
            for (size_t i = 0; i < allowed.size(); ++i) {
                allowed[i] |= o.allowed[i];
                named[i] |= o.named[i];
                exact[i] |= o.exact[i];
            }
            policies.insert(policies.end(), o.policies.begin(), o.policies.end());
            policyRoles.insert(policyRoles.end(), o.policyRoles.begin(), o.policyRoles.end());
        }
    };

    Builder(const RbacIndex &index, const ResourceCatalog &catalog, const std::vector<std::string> &verbs)
        : m_index(index), m_catalog(catalog), m_verbs(verbs), m_masks(index.roles().size())
    {
    }

    Acc empty() const
    {
        Acc a;
        a.allowed.assign(m_catalog.size(), 0);
        a.named.assign(m_catalog.size(), 0);
        a.exact.assign(m_catalog.size(), 0);
        return a;
    }

    Acc full() const
    {
        Acc a = empty();
        const uint32_t all = m_verbs.size() >= 32 ? ~0u : (1u << m_verbs.size()) - 1;
        std::fill(a.allowed.begin(), a.allowed.end(), all);
        a.exact = a.allowed;  // not a rule wildcard: superuser rows are shown apart
        return a;
    }

    void accumulate(const RbacIndex::BindingSet *set, const Identity &who, Acc &into, bool notePolicies)
    {
        if (!set)
            return;
        set->candidates(who, m_candidates);
        for (uint32_t b : m_candidates) {
            const int32_t role = m_index.roleOf(b);
            if (role < 0)
                continue;
            const Masks &m = masksOf(role);
            for (size_t i = 0; i < m.allowed.size(); ++i) {
                into.allowed[i] |= m.allowed[i];
                into.named[i] |= m.named[i];
                into.exact[i] |= m.exact[i];
            }
            const Role &r = m_index.roles()[size_t(role)];
            if (notePolicies && !r.regoPolicy.empty()) {
                into.policies.push_back(r.toString());
                into.policyRoles.push_back(role);
            }
        }
    }

private:
    struct Masks {
        std::vector<uint32_t> allowed, named, exact;
        bool ready = false;
    };

    // The rule's verbs among the matrix verbs; `literal`: only those it lists by name, not "*".
    uint32_t verbBits(const PolicyRule &rule, bool literal = false) const
    {
        uint32_t bits = 0;
        for (const auto &v : rule.verbs) {
            if (v == "*") {
                if (literal)
                    continue;
                return m_verbs.size() >= 32 ? ~0u : (1u << m_verbs.size()) - 1;
            }
            for (size_t i = 0; i < m_verbs.size(); ++i)
                if (m_verbs[i] == v)
                    bits |= 1u << i;
        }
        return bits;
    }

    // Whether the rule names the entry's group and resource literally ("pods", "pods/exec"),
    // not only through "*", "*/exec" or "pods/*" ("pods/*" is a literal to kube-apiserver, so it
    // only meets a catalog entry that addFromRules made of that very text; still a wildcard here).
    static bool namesLiterally(const PolicyRule &rule, const CatalogEntry &e)
    {
        if (e.resource.find('*') != std::string::npos || e.subresource.find('*') != std::string::npos)
            return false;
        if (std::find(rule.apiGroups.begin(), rule.apiGroups.end(), e.group) == rule.apiGroups.end())
            return false;
        const std::string resource = e.subresource.empty() ? e.resource : e.resource + "/" + e.subresource;
        return std::find(rule.resources.begin(), rule.resources.end(), resource) != rule.resources.end();
    }

    const Masks &masksOf(int32_t role)
    {
        Masks &m = m_masks[size_t(role)];
        if (m.ready)
            return m;
        m.allowed.assign(m_catalog.size(), 0);
        m.named.assign(m_catalog.size(), 0);
        m.exact.assign(m_catalog.size(), 0);
        for (const auto &rule : m_index.roles()[size_t(role)].rules) {
            if (rule.resources.empty())
                continue;
            const uint32_t bits = verbBits(rule);
            if (!bits)
                continue;
            const uint32_t literalBits = verbBits(rule, true);
            for (size_t i = 0; i < m_catalog.size(); ++i) {
                const CatalogEntry &e = m_catalog.entries()[i];
                if (!rule.matchesGroup(e.group) || !rule.matchesResource(e.resource, e.subresource))
                    continue;
                if (!rule.resourceNames.empty()) {
                    m.named[i] |= bits;
                    continue;
                }
                m.allowed[i] |= bits;
                if (literalBits && namesLiterally(rule, e))
                    m.exact[i] |= literalBits;
            }
        }
        m.ready = true;
        return m;
    }

    const RbacIndex &m_index;
    const ResourceCatalog &m_catalog;
    const std::vector<std::string> &m_verbs;
    std::vector<Masks> m_masks;
    std::vector<uint32_t> m_candidates;
};

std::vector<std::string> PermissionMatrix::defaultVerbs()
{
    return {"get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"};
}

std::vector<std::string> PermissionMatrix::workbenchVerbs()
{
    auto verbs = defaultVerbs();
    for (const char *v : {"escalate", "bind", "impersonate", "approve", "use"})
        verbs.push_back(v);
    return verbs;
}

bool PermissionMatrix::verbApplies(const CatalogEntry &entry, const std::string &verb)
{
    if (entry.authorizationOnly)
        return std::find(entry.verbs.begin(), entry.verbs.end(), verb) != entry.verbs.end();
    const auto standard = defaultVerbs();
    if (std::find(standard.begin(), standard.end(), verb) != standard.end())
        return true;
    if (!entry.subresource.empty())
        return false;
    const std::string &g = entry.group, &r = entry.resource;
    if (verb == "escalate" || verb == "bind")
        return ((g == "rbac.authorization.k8s.io" || g == "iam.kubesphere.io") && (r == "roles" || r == "clusterroles")) ||
               (g == "iam.kubesphere.io" && (r == "globalroles" || r == "workspaceroles"));
    if (verb == "impersonate")
        return g.empty() && r == "serviceaccounts";
    if (verb == "use")
        return (g == "policy" && r == "podsecuritypolicies") ||
               (g == "security.openshift.io" && r == "securitycontextconstraints");
    return false;  // approve: signers only (an authorization-only entry)
}

std::vector<MatrixScope> PermissionMatrix::allScopes(const RbacIndex &index, View view)
{
    std::vector<MatrixScope> out;
    if (view == View::KubeSphere)
        out.push_back(MatrixScope::platform());
    out.push_back(MatrixScope::cluster());
    if (view == View::KubeSphere)
        for (const auto &ws : index.workspaces())
            out.push_back(MatrixScope::workspace(ws));
    for (const auto &ns : index.namespaces())
        out.push_back(MatrixScope::ns(ns));
    return out;
}

std::vector<std::pair<std::string, Identity>> PermissionMatrix::subjectRows(const RbacIndex &index)
{
    std::vector<std::pair<std::string, Identity>> out;
    for (const auto &s : index.subjects()) {
        if (s.kind == "User")
            out.emplace_back("User " + s.name, Identity::impersonated(s.name));
        else if (s.kind == "Group")
            out.emplace_back("Group " + s.name, Identity::verbatim("", {s.name}));
        else if (s.kind == "ServiceAccount" && !s.ns.empty())
            out.emplace_back("ServiceAccount " + s.ns + "/" + s.name, Identity::serviceAccount(s.ns, s.name));
    }
    return out;
}

bool PermissionMatrix::applies(const MatrixScope &scope, const CatalogEntry &entry) const
{
    if (m_view == View::Kubernetes)
        return scope.kind == MatrixScope::Kind::Cluster || (scope.kind == MatrixScope::Kind::Namespace && entry.namespaced);
    const bool global = entry.virtualResource
                            ? entry.virtualScope == "global"
                            : KubeSphereEvaluator::isGlobalResource(
                                  entry.group, entry.resource,
                                  m_ksV4 ? tenancy::ApiFlavor::V4 : tenancy::ApiFlavor::V3);
    if (scope.kind == MatrixScope::Kind::Platform)
        return global;
    if (global)
        return false;
    if (scope.kind == MatrixScope::Kind::Namespace)
        return entry.namespaced;
    return true;
}

namespace {
// One identity's rows at the given scopes.
template <typename Builder>
void buildRows(const RbacIndex &index, Builder &builder, View view, const std::string &subject, const Identity &who,
               const std::vector<MatrixScope> &scopes, std::vector<MatrixRow> &rows, const CancelToken *cancel)
{
    using Acc = typename Builder::Acc;
    auto stopped = [cancel] { return cancel && cancel->cancelled(); };
    const bool superuser = view == View::Kubernetes && who.inGroup(kGroupMasters);
    auto emit = [&](const MatrixScope &scope, Acc acc) {
        MatrixRow row;
        row.subject = subject;
        row.identity = who;
        row.scope = scope;
        row.superuser = superuser;
        row.allowed = std::move(acc.allowed);
        row.named = std::move(acc.named);
        row.exact = std::move(acc.exact);
        std::sort(acc.policies.begin(), acc.policies.end());
        acc.policies.erase(std::unique(acc.policies.begin(), acc.policies.end()), acc.policies.end());
        row.policies = std::move(acc.policies);
        std::sort(acc.policyRoles.begin(), acc.policyRoles.end());
        acc.policyRoles.erase(std::unique(acc.policyRoles.begin(), acc.policyRoles.end()), acc.policyRoles.end());
        row.policyRoles = std::move(acc.policyRoles);
        rows.push_back(std::move(row));
    };
    if (superuser) {
        for (const auto &s : scopes) {
            if (stopped())
                return;
            emit(s, builder.full());
        }
        return;
    }
    if (view == View::Kubernetes) {
        Acc cluster = builder.empty();
        builder.accumulate(&index.clusterBindings(), who, cluster, false);
        for (const auto &s : scopes) {
            if (stopped())
                return;
            Acc acc = cluster;
            if (s.kind == MatrixScope::Kind::Namespace)
                builder.accumulate(index.namespaceBindings(s.name), who, acc, false);
            emit(s, std::move(acc));
        }
        return;
    }
    Acc global = builder.empty();
    builder.accumulate(&index.globalBindings(), who, global, true);
    Acc cluster = builder.empty();
    builder.accumulate(&index.ksClusterBindings(), who, cluster, true);
    std::unordered_map<std::string, Acc> workspaces;
    auto workspaceAcc = [&](const std::string &ws) -> const Acc & {
        auto it = workspaces.find(ws);
        if (it != workspaces.end())
            return it->second;
        Acc acc = builder.empty();
        builder.accumulate(ws.empty() ? nullptr : index.workspaceBindings(ws), who, acc, true);
        return workspaces.emplace(ws, std::move(acc)).first->second;
    };
    for (const auto &s : scopes) {
        if (stopped())
            return;
        Acc acc = global;
        switch (s.kind) {
        case MatrixScope::Kind::Platform: break;
        case MatrixScope::Kind::Cluster: acc.merge(cluster); break;
        case MatrixScope::Kind::Workspace:
            acc.merge(workspaceAcc(s.name));
            acc.merge(cluster);
            break;
        case MatrixScope::Kind::Namespace:
            acc.merge(workspaceAcc(index.workspaceOf(s.name)));
            builder.accumulate(index.ksNamespaceBindings(s.name), who, acc, true);
            acc.merge(cluster);
            break;
        }
        emit(s, std::move(acc));
    }
}
} // namespace

PermissionMatrix PermissionMatrix::forIdentity(const RbacIndex &index, const ResourceCatalog &catalog,
                                               const Identity &who, const Options &options)
{
    PermissionMatrix m;
    m.m_view = options.view;
    m.m_ksV4 = index.kubesphereFlavor() != tenancy::ApiFlavor::V3;
    m.m_catalog = catalog;
    m.m_verbs = options.verbs;
    if (m.m_verbs.size() > 32)
        m.m_verbs.resize(32);
    Builder builder(index, m.m_catalog, m.m_verbs);
    const auto scopes = options.scopes.empty() ? allScopes(index, options.view) : options.scopes;
    m.m_rows.reserve(scopes.size());
    buildRows(index, builder, options.view, who.name, who, scopes, m.m_rows, options.cancel.get());
    if (options.view == View::KubeSphere)
        m.evaluatePolicies(index, options.rego.get(), options.cancel);
    m.m_cancelled = options.cancel && options.cancel->cancelled();
    return m;
}

PermissionMatrix PermissionMatrix::forScope(const RbacIndex &index, const ResourceCatalog &catalog,
                                            const MatrixScope &scope,
                                            const std::vector<std::pair<std::string, Identity>> &subjects,
                                            const Options &options)
{
    PermissionMatrix m;
    m.m_view = options.view;
    m.m_ksV4 = index.kubesphereFlavor() != tenancy::ApiFlavor::V3;
    m.m_catalog = catalog;
    m.m_verbs = options.verbs;
    if (m.m_verbs.size() > 32)
        m.m_verbs.resize(32);
    Builder builder(index, m.m_catalog, m.m_verbs);
    m.m_rows.reserve(subjects.size());
    for (const auto &[label, who] : subjects) {
        if (options.cancel && options.cancel->cancelled())
            break;
        buildRows(index, builder, options.view, label, who, {scope}, m.m_rows, options.cancel.get());
    }
    if (options.view == View::KubeSphere)
        m.evaluatePolicies(index, options.rego.get(), options.cancel);
    m.m_cancelled = options.cancel && options.cancel->cancelled();
    return m;
}

void PermissionMatrix::evaluatePolicies(const RbacIndex &index, RegoEvaluator *rego, const CancelTokenPtr &cancel)
{
    auto stopped = [cancel] { return cancel && cancel->cancelled(); };
    // Cells no rule allows, asked of each policy in play, one batch per policy over all rows.
    // A policy that cannot read the namespace, workspace, path or user (RegoModule::inputFields)
    // gives the same answer for every row that differs only in those: such cells share one
    // question, so a matrix over many namespaces asks about as much as one row.
    struct Ask {
        bool namespaced = true, workspaced = true, personal = true;  // the policy reads it
        std::vector<nlohmann::json> inputs;
        std::unordered_map<std::string, size_t> byKey;
        std::vector<std::pair<Cell, size_t>> cells;  // cell -> its input
    };
    std::unordered_map<int32_t, Ask> asks;
    auto askOf = [&](int32_t role) -> Ask & {
        auto it = asks.find(role);
        if (it != asks.end())
            return it->second;
        Ask a;
        if (const auto fields = RegoModule(index.roles()[size_t(role)].regoPolicy).inputFields()) {
            a.namespaced = fields->count("Namespace") || fields->count("Path");
            a.workspaced = fields->count("Workspace") || fields->count("Path");
            a.personal = fields->count("User");
        }
        return asks.emplace(role, std::move(a)).first->second;
    };
    const KubeSphereEvaluator ks(std::shared_ptr<const RbacIndex>(&index, [](const RbacIndex *) {}));
    for (size_t ri = 0; ri < m_rows.size(); ++ri) {
        if (stopped())
            return;
        MatrixRow &row = m_rows[ri];
        if (row.policyRoles.empty())
            continue;
        if (!rego || !rego->available()) {
            row.policyNote = rego ? rego->unavailableReason() : "opa not available: no Rego engine was given";
            continue;
        }
        if (row.identity.name.empty()) {
            row.policyNote = "a Rego policy decides for a user; this row is a group without a user name";
            continue;
        }
        row.policiesEvaluated = true;
        row.policy.assign(m_catalog.size(), 0);
        std::string who = row.identity.name;
        for (const auto &g : row.identity.groups)
            who += "\x1f" + g;
        for (size_t i = 0; i < m_catalog.size(); ++i) {
            const CatalogEntry &e = m_catalog.entries()[i];
            if (!applies(row.scope, e))
                continue;
            for (size_t v = 0; v < m_verbs.size(); ++v) {
                if ((row.allowed[i] >> v & 1u) || !verbApplies(e, m_verbs[v]))
                    continue;
                const RequestAttributes request = cellRequest(row.scope, e, m_verbs[v]);
                const char *scope = KubeSphereEvaluator::regoScope(ks.scopeOf(request));
                const std::string cellKey = std::to_string(i) + "\x1f" + std::to_string(v) + "\x1f" + scope;
                for (int32_t role : row.policyRoles) {
                    Ask &a = askOf(role);
                    const std::string key = cellKey + "\x1f" + (a.namespaced ? request.ns : std::string()) + "\x1f" +
                                            (a.workspaced ? request.workspace : std::string()) + "\x1f" +
                                            (a.personal ? who : std::string());
                    auto [it, fresh] = a.byKey.emplace(key, a.inputs.size());
                    if (fresh)
                        a.inputs.push_back(regoInput(row.identity, request, scope));
                    a.cells.push_back({{ri, i, v}, it->second});
                }
            }
        }
    }
    for (auto &[role, a] : asks) {
        if (stopped())
            return;
        const auto verdicts = rego->evaluate(index.roles()[size_t(role)].regoPolicy, a.inputs, cancel);
        for (const auto &[cell, at] : a.cells) {
            if (at >= verdicts.size())
                continue;
            MatrixRow &row = m_rows[cell.row];
            if (verdicts[at].failed() && row.policyNote.empty())
                row.policyNote = index.roles()[size_t(role)].toString() + ": " + verdicts[at].error;
            if (!verdicts[at].allowed)
                continue;
            const uint32_t bit = 1u << cell.verb;
            row.allowed[cell.entry] |= bit;
            row.exact[cell.entry] |= bit;  // a policy is not a rule wildcard
            row.policy[cell.entry] |= bit;
        }
    }
}

bool PermissionMatrix::viaWildcard(size_t row, size_t entry, size_t verb) const
{
    const MatrixRow &r = m_rows[row];
    return !r.superuser && (r.allowed[entry] >> verb & 1u) && !(r.exact[entry] >> verb & 1u);
}

size_t PermissionMatrix::cellCount() const
{
    size_t n = 0;
    for (const auto &row : m_rows)
        for (const auto &e : m_catalog.entries())
            n += applies(row.scope, e) ? m_verbs.size() : 0;
    return n;
}

std::string PermissionMatrix::toTable(bool all) const
{
    size_t scopeWidth = 5, subjectWidth = 7, resourceWidth = 8;
    const bool manySubjects = [&] {
        for (const auto &r : m_rows)
            if (r.subject != m_rows.front().subject)
                return true;
        return false;
    }();
    for (const auto &row : m_rows) {
        scopeWidth = std::max(scopeWidth, row.scope.toString().size());
        subjectWidth = std::max(subjectWidth, row.subject.size());
    }
    for (const auto &e : m_catalog.entries())
        resourceWidth = std::max(resourceWidth, e.label().size());
    auto pad = [](std::string s, size_t w) {
        if (s.size() < w)
            s.append(w - s.size(), ' ');
        return s;
    };
    std::string out;
    if (manySubjects)
        out += pad("SUBJECT", subjectWidth) + "  ";
    out += pad("SCOPE", scopeWidth) + "  " + pad("RESOURCE", resourceWidth);
    for (const auto &v : m_verbs) {
        std::string h = v;
        std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return char(std::toupper(c)); });
        out += "  " + h;
    }
    out += "\n";
    size_t hidden = 0;
    for (const auto &row : m_rows) {
        for (size_t i = 0; i < m_catalog.size(); ++i) {
            const auto &e = m_catalog.entries()[i];
            if (!applies(row.scope, e))
                continue;
            if (!all && !row.allowed[i] && !row.named[i]) {
                ++hidden;
                continue;
            }
            if (manySubjects)
                out += pad(row.subject, subjectWidth) + "  ";
            out += pad(row.scope.toString(), scopeWidth) + "  " + pad(e.label(), resourceWidth);
            for (size_t v = 0; v < m_verbs.size(); ++v) {
                // yes: any name; names: only listed resourceNames; no.
                // rego: allowed only by a Rego policy.
                const char *cell = !row.policy.empty() && (row.policy[i] >> v & 1u) ? "rego"
                                   : row.allowed[i] >> v & 1u                        ? "yes"
                                   : row.named[i] >> v & 1u                          ? "names"
                                                                                     : "no";
                out += "  " + pad(cell, m_verbs[v].size());
            }
            out += "\n";
        }
    }
    if (hidden)
        out += "(" + std::to_string(hidden) + " resource rows without any access not shown; --all shows them)\n";
    bool superuser = false;
    std::vector<std::string> policies, evaluated, notes;
    for (const auto &row : m_rows) {
        superuser = superuser || row.superuser;
        (row.policiesEvaluated ? evaluated : policies).insert((row.policiesEvaluated ? evaluated : policies).end(),
                                                             row.policies.begin(), row.policies.end());
        if (!row.policyNote.empty())
            notes.push_back(row.policyNote);
    }
    for (auto *list : {&evaluated, &notes}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    std::sort(policies.begin(), policies.end());
    policies.erase(std::unique(policies.begin(), policies.end()), policies.end());
    if (superuser)
        out += "note: member of system:masters: everything is allowed before RBAC is consulted\n";
    for (const auto &p : evaluated)
        out += "note: " + p + " carries a Rego policy (iam.kubesphere.io/rego-override), evaluated by opa before "
                              "its rules; cells marked rego are allowed by a policy alone\n";
    for (const auto &p : policies)
        out += "note: " + p + " carries a Rego policy (iam.kubesphere.io/rego-override) that ks-apiserver also "
                              "evaluates; not evaluated here, it may allow more\n";
    for (const auto &n : notes)
        out += "note: Rego: " + n + "\n";
    return out;
}

std::string PermissionMatrix::toCsv() const
{
    std::string out = "subject,scope,resource";
    for (const auto &v : m_verbs)
        out += "," + v;
    out += "\n";
    auto quote = [](const std::string &s) {
        if (s.find_first_of(",\"\n") == std::string::npos)
            return s;
        std::string q = "\"";
        for (char c : s)
            q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    for (const auto &row : m_rows)
        for (size_t i = 0; i < m_catalog.size(); ++i) {
            const auto &e = m_catalog.entries()[i];
            if (!applies(row.scope, e))
                continue;
            out += quote(row.subject) + "," + quote(row.scope.toString()) + "," + quote(e.label());
            for (size_t v = 0; v < m_verbs.size(); ++v)
                out += std::string(",") + (!row.policy.empty() && (row.policy[i] >> v & 1u) ? "rego"
                                           : row.allowed[i] >> v & 1u                        ? "yes"
                                           : row.named[i] >> v & 1u                          ? "names"
                                                                                             : "no");
            out += "\n";
        }
    return out;
}

nlohmann::json PermissionMatrix::toJson() const
{
    nlohmann::json rows = nlohmann::json::array();
    for (size_t ri = 0; ri < m_rows.size(); ++ri) {
        const MatrixRow &row = m_rows[ri];
        nlohmann::json allowed = nlohmann::json::object(), named = nlohmann::json::object(),
                       wildcard = nlohmann::json::object(), byPolicy = nlohmann::json::object();
        for (size_t i = 0; i < m_catalog.size(); ++i) {
            const auto &e = m_catalog.entries()[i];
            if (!applies(row.scope, e))
                continue;
            nlohmann::json a = nlohmann::json::array(), n = nlohmann::json::array(), w = nlohmann::json::array(),
                           p = nlohmann::json::array();
            for (size_t v = 0; v < m_verbs.size(); ++v) {
                if (row.allowed[i] >> v & 1u)
                    a.push_back(m_verbs[v]);
                else if (row.named[i] >> v & 1u)
                    n.push_back(m_verbs[v]);
                if (viaWildcard(ri, i, v))
                    w.push_back(m_verbs[v]);
                if (viaPolicy(ri, i, v))
                    p.push_back(m_verbs[v]);
            }
            if (!p.empty())
                byPolicy[e.label()] = p;
            if (!a.empty())
                allowed[e.label()] = a;
            if (!n.empty())
                named[e.label()] = n;
            if (!w.empty())
                wildcard[e.label()] = w;
        }
        nlohmann::json r = {{"subject", row.subject}, {"scope", row.scope.toString()}, {"allowed", allowed}};
        if (!named.empty())
            r["onlyNamedResources"] = named;
        if (!wildcard.empty())
            r["wildcardOnly"] = wildcard;
        if (row.superuser)
            r["superuser"] = true;
        if (!row.policies.empty())
            r[row.policiesEvaluated ? "policiesEvaluated" : "policiesNotEvaluated"] = row.policies;
        if (!byPolicy.empty())
            r["allowedByPolicy"] = byPolicy;
        if (!row.policyNote.empty())
            r["policyNote"] = row.policyNote;
        rows.push_back(std::move(r));
    }
    return {{"view", toString(m_view)}, {"verbs", m_verbs}, {"rows", rows}};
}

} // namespace kube::rbac
