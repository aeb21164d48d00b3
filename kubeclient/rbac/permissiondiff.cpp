// Matrix differences and plan impact.
// Plan impact only recomputes subjects whose bindings or roles the plan touches.
#include "kubeclient/rbac/permissiondiff.h"

#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/api/writeplan.h"

#include <algorithm>
#include <set>

namespace kube::rbac {

namespace {
void diffRows(const PermissionMatrix &before, size_t rb, const PermissionMatrix &after, size_t ra,
              std::vector<DiffEntry> &out)
{
    const MatrixRow &b = before.rows()[rb];
    const MatrixRow &a = after.rows()[ra];
    const auto &verbs = after.verbs();
    for (size_t i = 0; i < after.catalog().size(); ++i) {
        if (!after.applies(a.scope, after.catalog().entries()[i]))
            continue;
        if (a.allowed[i] == b.allowed[i] && a.named[i] == b.named[i])
            continue;
        DiffEntry d;
        d.subject = a.subject;
        d.scope = a.scope.toString();
        d.resource = after.catalog().entries()[i].label();
        for (size_t v = 0; v < verbs.size(); ++v) {
            const bool wasAll = b.allowed[i] >> v & 1u, isAll = a.allowed[i] >> v & 1u;
            const bool wasNamed = b.named[i] >> v & 1u, isNamed = a.named[i] >> v & 1u;
            if (isAll && !wasAll)
                d.gained.push_back(verbs[v]);
            else if (!isAll && wasAll)
                d.lost.push_back(verbs[v] + (isNamed ? " (keeps some names)" : ""));
            else if (!isAll && isNamed && !wasNamed)
                d.gained.push_back(verbs[v] + " (names)");
            else if (!isAll && !isNamed && wasNamed)
                d.lost.push_back(verbs[v] + " (names)");
        }
        if (!d.gained.empty() || !d.lost.empty())
            out.push_back(std::move(d));
    }
}

// Subject rows for every subject of the given bindings.
void addSubjects(const RbacIndex &index, const std::vector<uint32_t> &bindings, std::set<Subject> &out)
{
    for (uint32_t b : bindings) {
        const Binding &binding = index.bindings()[b];
        for (auto s : binding.subjects) {
            if (s.kind == "ServiceAccount" && s.ns.empty() && !binding.isCluster())
                s.ns = binding.ns;
            s.apiGroup.clear();
            out.insert(s);
        }
    }
}

// Bindings that the changed keys touch: changed bindings, bindings of changed roles, bindings
// inside or about changed namespaces.
std::vector<uint32_t> touched(const RbacIndex &index, const std::set<RbacData::Key> &changed)
{
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < index.bindings().size(); ++i) {
        const Binding &b = index.bindings()[i];
        bool hit = changed.count(RbacData::Key{b.apiGroup, b.kind, b.ns, b.name}) > 0;
        if (!hit && b.roleKind.size()) {
            const std::string roleNs = b.roleKind == "Role" ? b.ns : std::string();
            hit = changed.count(RbacData::Key{b.apiGroup, b.roleKind, roleNs, b.roleName}) > 0;
        }
        if (!hit)
            for (const auto &k : changed)
                if (k.kind == "Namespace" && k.group.empty() && (b.ns == k.name || b.kind == "WorkspaceRoleBinding")) {
                    hit = true;
                    break;
                }
        if (hit)
            out.push_back(i);
    }
    return out;
}
} // namespace

std::vector<DiffEntry> PermissionDiff::compare(const PermissionMatrix &before, const PermissionMatrix &after)
{
    std::vector<DiffEntry> out;
    const size_t n = std::min(before.rows().size(), after.rows().size());
    for (size_t r = 0; r < n; ++r)
        diffRows(before, r, after, r, out);
    return out;
}

std::vector<DiffEntry> PermissionDiff::planImpact(const RbacData &data, const tenancy::Plan &plan,
                                                  const ResourceCatalog &catalog,
                                                  const PermissionMatrix::Options &options)
{
    RbacData afterData = data;
    if (afterData.apply(plan) == 0)
        return {};
    // Changed keys: a write gives the object a new stamp, so only keys whose stamps differ are
    // compared (a write that leaves an object as it was is no change).
    std::set<RbacData::Key> changed;
    {
        auto b = data.objects().begin(), be = data.objects().end();
        auto a = afterData.objects().begin(), ae = afterData.objects().end();
        while (b != be || a != ae) {
            if (a == ae || (b != be && b->first < a->first)) {
                changed.insert(b->first);
                ++b;
            } else if (b == be || a->first < b->first) {
                changed.insert(a->first);
                ++a;
            } else {
                if (b.stamp() != a.stamp() && b->second != a->second)
                    changed.insert(a->first);
                ++a;
                ++b;
            }
        }
    }
    if (changed.empty())
        return {};

    const auto before = RbacIndex::build(data);
    const auto after = RbacIndex::build(afterData);
    std::set<Subject> subjects;
    addSubjects(*before, touched(*before, changed), subjects);
    addSubjects(*after, touched(*after, changed), subjects);

    PermissionMatrix::Options o = options;
    if (o.scopes.empty()) {
        // Roles and bindings inside namespaces change nothing outside them: compare only those
        // namespaces. Anything else (cluster-wide objects, namespaces themselves, workspace
        // roles) may reach every scope either side knows.
        bool onlyInNamespaces = true;
        std::set<std::string> namespaces;
        for (const auto &k : changed) {
            if (k.ns.empty() || k.kind == "Namespace") {
                onlyInNamespaces = false;
                break;
            }
            namespaces.insert(k.ns);
        }
        if (onlyInNamespaces) {
            for (const auto &ns : namespaces)
                o.scopes.push_back(MatrixScope::ns(ns));
        } else {
            auto scopes = PermissionMatrix::allScopes(*before, options.view);
            for (const auto &s : PermissionMatrix::allScopes(*after, options.view))
                if (std::find(scopes.begin(), scopes.end(), s) == scopes.end())
                    scopes.push_back(s);
            o.scopes = scopes;
        }
    }
    std::vector<DiffEntry> out;
    for (const auto &s : subjects) {
        Identity who;
        std::string label;
        if (s.kind == "User") {
            who = Identity::impersonated(s.name);
            label = "User " + s.name;
        } else if (s.kind == "Group") {
            who = Identity::verbatim("", {s.name});
            label = "Group " + s.name;
        } else if (s.kind == "ServiceAccount" && !s.ns.empty()) {
            who = Identity::serviceAccount(s.ns, s.name);
            label = "ServiceAccount " + s.ns + "/" + s.name;
        } else {
            continue;
        }
        auto b = PermissionMatrix::forIdentity(*before, catalog, who, o);
        auto a = PermissionMatrix::forIdentity(*after, catalog, who, o);
        const size_t first = out.size();
        for (size_t r = 0; r < a.rows().size(); ++r)
            diffRows(b, r, a, r, out);
        for (size_t i = first; i < out.size(); ++i)
            out[i].subject = label;
    }
    return out;
}

std::string PermissionDiff::toText(const std::vector<DiffEntry> &entries)
{
    if (entries.empty())
        return "no difference\n";
    std::string out;
    for (const auto &e : entries) {
        out += e.subject + "  " + e.scope + "  " + e.resource + ":";
        for (const auto &g : e.gained)
            out += " +" + g;
        for (const auto &l : e.lost)
            out += " -" + l;
        out += "\n";
    }
    return out;
}

nlohmann::json PermissionDiff::toJson(const std::vector<DiffEntry> &entries)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto &e : entries)
        out.push_back({{"subject", e.subject}, {"scope", e.scope}, {"resource", e.resource}, {"gained", e.gained},
                       {"lost", e.lost}});
    return out;
}

} // namespace kube::rbac
