// GraphState: per-object index maintenance. An event recomputes the few index entries of the
// one object it carries, before and after, and touches only the entries that differ.
#include "kubeclient/tenancy/graph/graphstate.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"

#include <algorithm>
#include <set>

namespace kube::tenancy {

namespace graphkey {

std::string join(std::string_view bucket, std::string_view member)
{
    std::string out;
    out.reserve(bucket.size() + 1 + member.size());
    out.append(bucket);
    out.push_back(kGraphSeparator);
    out.append(member);
    return out;
}

std::string_view memberOf(std::string_view indexKey, std::size_t bucketLength)
{
    return bucketLength + 1 <= indexKey.size() ? indexKey.substr(bucketLength + 1) : std::string_view();
}

std::string ref(GraphKind kind, std::string_view key)
{
    std::string out;
    out.reserve(1 + key.size());
    out.push_back(static_cast<char>('a' + static_cast<int>(kind)));
    out.append(key);
    return out;
}

GraphKind refKind(std::string_view ref)
{
    return ref.empty() ? GraphKind::Count : static_cast<GraphKind>(ref[0] - 'a');
}

std::string_view refKey(std::string_view ref)
{
    return ref.empty() ? ref : ref.substr(1);
}

std::string userSubject(std::string_view name) { return join("U", name); }
std::string groupSubject(std::string_view name) { return join("G", name); }
std::string userRefLabel(std::string_view name) { return join("L", name); }

std::string subjectBucket(const Subject &subject)
{
    if (subject.isUser())
        return userSubject(subject.name);
    if (subject.isGroup())
        return groupSubject(subject.name);
    if (subject.isServiceAccount())
        return join("S", subject.namespaceName + ":" + subject.name);
    return join("O", subject.kind + ":" + subject.name);
}

std::string roleOfBinding(GraphKind bindingKind, const FrozenJson &binding)
{
    const BindingView view(binding);
    const RoleRef roleRef = view.roleRef();
    if (roleRef.name.empty())
        return {};
    switch (bindingKind) {
    case GraphKind::GlobalRoleBinding: return ref(GraphKind::GlobalRole, roleRef.name);
    case GraphKind::WorkspaceRoleBinding: return ref(GraphKind::WorkspaceRole, roleRef.name);
    case GraphKind::ClusterRoleBinding: return ref(GraphKind::ClusterRole, roleRef.name);
    case GraphKind::ProjectRoleBinding:
        // An RBAC RoleBinding may grant a ClusterRole inside the namespace (3.x).
        if (roleRef.kind == "ClusterRole")
            return ref(GraphKind::ClusterRole, roleRef.name);
        return ref(GraphKind::ProjectRole, objectKey(view.namespaceName(), roleRef.name));
    default: return {};
    }
}

} // namespace graphkey

namespace {

using graphkey::join;

std::string metaString(const FrozenJson &object, const char *field)
{
    const auto md = object.find("metadata");
    if (md == object.end() || !md->is_object())
        return {};
    const auto it = md->find(field);
    return it != md->end() && it->is_string() ? std::string(it->text()) : std::string();
}

// The same object state: resourceVersions say so cheaply; without them compare contents.
bool sameState(const GraphObject &a, const GraphObject &b)
{
    if (a == b)
        return true;
    const std::string rvA = metaString(*a, "resourceVersion");
    const std::string rvB = metaString(*b, "resourceVersion");
    if (!rvA.empty() && !rvB.empty())
        return rvA == rvB;
    return *a == *b;
}

std::string keyOf(const FrozenJson &object)
{
    if (!object.is_object())
        return {};
    const std::string name = metaString(object, "name");
    if (name.empty())
        return {};
    return objectKey(metaString(object, "namespace"), name);
}

void bindingEntries(GraphKind kind, std::string_view key, const FrozenJson &object,
                    std::vector<GraphState::Entry> &out)
{
    const BindingView view(object);
    const std::string self = graphkey::ref(kind, key);
    const std::vector<Subject> subjects = view.subjects();
    for (const auto &subject : subjects)
        out.emplace_back(GraphIndex::BindingsBySubject, join(graphkey::subjectBucket(subject), self));
    // The user-ref label bucket finds bindings by label alone; a binding whose subjects name
    // that user is found by subject first by every query (userBindings, makeUser), so it is not
    // indexed twice (a member binding's label names its subject: one index entry less each).
    const std::string userRef = view.userRef();
    const bool labelIsSubject = std::any_of(subjects.begin(), subjects.end(),
                                            [&](const Subject &s) { return s.isUser() && s.name == userRef; });
    if (!userRef.empty() && !labelIsSubject)
        out.emplace_back(GraphIndex::BindingsBySubject, join(graphkey::userRefLabel(userRef), self));
    const std::string role = graphkey::roleOfBinding(kind, object);
    if (!role.empty())
        out.emplace_back(GraphIndex::BindingsByRole, join(role, self));
}

} // namespace

GraphObject GraphState::get(GraphKind kind, std::string_view key) const
{
    const GraphObject *found = of(kind).find(key);
    return found ? *found : nullptr;
}

std::vector<GraphState::Entry> GraphState::entriesOf(GraphKind kind, std::string_view key,
                                                     const FrozenJson &object)
{
    std::vector<Entry> out;
    const ObjectView view(object);
    switch (kind) {
    case GraphKind::Namespace:
        out.emplace_back(GraphIndex::ProjectsByWorkspace, join(view.workspaceLabel(), key));
        break;
    case GraphKind::WorkspaceRole:
        out.emplace_back(GraphIndex::WorkspaceRolesByWorkspace, join(view.workspaceLabel(), key));
        break;
    case GraphKind::WorkspaceRoleBinding:
        out.emplace_back(GraphIndex::WorkspaceBindingsByWorkspace, join(view.workspaceLabel(), key));
        bindingEntries(kind, key, object, out);
        break;
    case GraphKind::GlobalRoleBinding:
    case GraphKind::ProjectRoleBinding:
    case GraphKind::ClusterRoleBinding:
        bindingEntries(kind, key, object, out);
        break;
    case GraphKind::Group:
        out.emplace_back(GraphIndex::GroupsByWorkspace, join(view.workspaceLabel(), key));
        break;
    case GraphKind::GroupBinding: {
        const GroupBindingView gb(object);
        out.emplace_back(GraphIndex::GroupBindingsByGroup, join(gb.groupName(), key));
        for (const auto &user : gb.users())
            out.emplace_back(GraphIndex::GroupBindingsByUser, join(user, key));
        break;
    }
    case GraphKind::WorkspaceQuota:
        out.emplace_back(GraphIndex::QuotasByWorkspace, join(WorkspaceQuotaView(object).selectedWorkspace(), key));
        break;
    case GraphKind::RoleTemplate:
        out.emplace_back(GraphIndex::TemplatesByScope, join(view.label(kScopeLabel), key));
        break;
    default:
        break;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool GraphState::upsert(const GraphEdit &edit, GraphKind kind, const GraphObject &object)
{
    if (!object)
        return false;
    const std::string key = keyOf(*object);
    if (key.empty())
        return false;
    auto &map = objects[indexOf(kind)];
    const GraphObject *found = map.find(key);
    const GraphObject old = found ? *found : nullptr;
    if (old && sameState(old, object))
        return false;
    reindex(edit, kind, key, old, object);
    map.set(edit, key, object);
    return true;
}

void GraphState::reindex(const GraphEdit &edit, GraphKind kind, std::string_view key, const GraphObject &old,
                         const GraphObject &now)
{
    const std::vector<Entry> before = old ? entriesOf(kind, key, *old) : std::vector<Entry>();
    const std::vector<Entry> after = now ? entriesOf(kind, key, *now) : std::vector<Entry>();
    // Both lists are sorted: one merge finds what to drop and what to add.
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && before[i] < after[j])) {
            indexes[static_cast<std::size_t>(before[i].first)].erase(edit, before[i].second);
            ++i;
        } else if (i == before.size() || after[j] < before[i]) {
            indexes[static_cast<std::size_t>(after[j].first)].set(edit, after[j].second, GraphUnit{});
            ++j;
        } else {
            ++i;
            ++j;
        }
    }
}

bool GraphState::remove(const GraphEdit &edit, GraphKind kind, std::string_view key)
{
    auto &map = objects[indexOf(kind)];
    const GraphObject *found = map.find(key);
    if (!found)
        return false;
    const GraphObject old = *found;
    reindex(edit, kind, key, old, nullptr);
    map.erase(edit, key);
    return true;
}

bool GraphState::consistent(std::string *why) const
{
    std::array<std::set<std::string>, kGraphIndexCount> expected;
    for (std::size_t k = 0; k < kGraphKindCount; ++k) {
        if (!objects[k].valid()) {
            if (why)
                *why = std::string(toString(static_cast<GraphKind>(k))) + " map is malformed";
            return false;
        }
        bool keysOk = true;
        std::string badKey;
        objects[k].forEach([&](std::string_view key, const GraphObject &object) {
            if (!object || keyOf(*object) != key) {
                keysOk = false;
                badKey = key;
                return false;
            }
            for (auto &entry : entriesOf(static_cast<GraphKind>(k), key, *object))
                expected[static_cast<std::size_t>(entry.first)].insert(std::move(entry.second));
            return true;
        });
        if (!keysOk) {
            if (why)
                *why = std::string(toString(static_cast<GraphKind>(k))) + " object stored under a wrong key: " + badKey;
            return false;
        }
    }
    for (std::size_t i = 0; i < kGraphIndexCount; ++i) {
        if (!indexes[i].valid()) {
            if (why)
                *why = "index " + std::to_string(i) + " is malformed";
            return false;
        }
        std::vector<std::string> actual;
        indexes[i].forEach([&](std::string_view key, const GraphUnit &) {
            actual.emplace_back(key);
            return true;
        });
        if (actual.size() != indexes[i].size()
            || !std::equal(actual.begin(), actual.end(), expected[i].begin(), expected[i].end())) {
            if (why) {
                *why = "index " + std::to_string(i) + " has " + std::to_string(actual.size()) + " entries, expected "
                    + std::to_string(expected[i].size());
                for (const auto &a : actual)
                    if (!expected[i].count(a)) {
                        *why += "; stale: " + a;
                        break;
                    }
                for (const auto &e : expected[i])
                    if (!std::binary_search(actual.begin(), actual.end(), e)) {
                        *why += "; missing: " + e;
                        break;
                    }
            }
            return false;
        }
    }
    return true;
}

} // namespace kube::tenancy
