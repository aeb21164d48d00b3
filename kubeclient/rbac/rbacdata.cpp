// The permission-relevant object store and plan application on a copy.
// Objects are kept whole as JSON so that merge patches and exports see every field.
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/core/jsonfields.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/api/writeplan.h"

#include <atomic>
#include <set>

namespace kube::rbac {

namespace {
using nlohmann::json;

struct KindInfo {
    const char *group, *kind, *resource;
};

// Every kind the evaluators, loaders and queries read.
const KindInfo kKinds[] = {
    {"rbac.authorization.k8s.io", "Role", "roles"},
    {"rbac.authorization.k8s.io", "ClusterRole", "clusterroles"},
    {"rbac.authorization.k8s.io", "RoleBinding", "rolebindings"},
    {"rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings"},
    {"iam.kubesphere.io", "GlobalRole", "globalroles"},
    {"iam.kubesphere.io", "GlobalRoleBinding", "globalrolebindings"},
    {"iam.kubesphere.io", "WorkspaceRole", "workspaceroles"},
    {"iam.kubesphere.io", "WorkspaceRoleBinding", "workspacerolebindings"},
    {"iam.kubesphere.io", "Role", "roles"},
    {"iam.kubesphere.io", "RoleBinding", "rolebindings"},
    {"iam.kubesphere.io", "ClusterRole", "clusterroles"},
    {"iam.kubesphere.io", "ClusterRoleBinding", "clusterrolebindings"},
    {"iam.kubesphere.io", "RoleTemplate", "roletemplates"},
    {"iam.kubesphere.io", "User", "users"},
    {"iam.kubesphere.io", "GroupBinding", "groupbindings"},
    {"", "Namespace", "namespaces"},
    {"tenant.kubesphere.io", "Workspace", "workspaces"},
    {"tenant.kubesphere.io", "WorkspaceTemplate", "workspacetemplates"},
};

std::string groupOf(const std::string &apiVersion)
{
    auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}
} // namespace

RbacData::RbacData()
    : m_indexCache(std::make_shared<IndexCache>())
{
}

std::uint64_t RbacData::nextStamp()
{
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

std::string RbacData::Key::toString() const
{
    std::string out = group.empty() ? kind : group + " " + kind;
    return out + " " + (ns.empty() ? name : ns + "/" + name);
}

bool RbacData::relevant(const std::string &group, const std::string &kind)
{
    for (const auto &k : kKinds)
        if (group == k.group && kind == k.kind)
            return true;
    return false;
}

std::string RbacData::kindOfResource(const std::string &group, const std::string &resource)
{
    for (const auto &k : kKinds)
        if (group == k.group && resource == k.resource)
            return k.kind;
    return {};
}

size_t RbacData::add(const json &object)
{
    if (!object.is_object())
        return 0;
    const std::string kind = stringField(object, "kind");
    if (kind.size() >= 4 && kind.compare(kind.size() - 4, 4, "List") == 0) {
        size_t n = 0;
        if (auto items = object.find("items"); items != object.end() && items->is_array()) {
            // Items of a typed list (RoleList) may lack apiVersion/kind: take them from the list.
            const std::string itemKind = kind.substr(0, kind.size() - 4);
            for (const auto &item : *items) {
                if (item.is_object() && (!item.contains("kind") || !item.contains("apiVersion")) &&
                    !itemKind.empty()) {
                    json copy = item;
                    if (!copy.contains("kind"))
                        copy["kind"] = itemKind;
                    if (!copy.contains("apiVersion"))
                        copy["apiVersion"] = object.contains("apiVersion") ? stringField(object, "apiVersion") : "v1";
                    n += add(copy);
                } else {
                    n += add(item);
                }
            }
        }
        return n;
    }
    ObjectMeta meta(object);
    const std::string group = groupOf(meta.apiVersion());
    if (!relevant(group, kind) || meta.name().empty())
        return 0;
    m_objects[Key{group, kind, meta.namespaceName(), meta.name()}] = Stored{std::make_shared<const json>(object), nextStamp()};
    return 1;
}

void RbacData::put(const Key &key, std::shared_ptr<const json> object, std::uint64_t stamp)
{
    m_objects[key] = Stored{std::move(object), stamp};
}

bool RbacData::remove(const Key &key)
{
    return m_objects.erase(key) > 0;
}

const json *RbacData::find(const Key &key) const
{
    auto it = m_objects.find(key);
    return it == m_objects.end() ? nullptr : it->second.object.get();
}

size_t RbacData::apply(const tenancy::Plan &plan)
{
    size_t applied = 0;
    for (const auto &w : plan.writes) {
        if (!w.subresource.empty())
            continue;  // status writes do not change permissions
        std::string kind = w.gvr.kind;
        if (kind.empty() && w.object.is_object())
            kind = stringField(w.object, "kind");
        if (kind.empty())
            kind = kindOfResource(w.gvr.group, w.gvr.resource);
        if (!relevant(w.gvr.group, kind))
            continue;
        const std::string name = !w.name.empty() ? w.name : ObjectMeta(w.object).name();
        Key key{w.gvr.group, kind, w.gvr.namespaced ? w.ns : std::string(), name};
        if (w.action == tenancy::WriteAction::Delete) {
            remove(key);
            if (kind == "Namespace") {
                // The namespace's contents go with it.
                for (auto it = m_objects.begin(); it != m_objects.end();)
                    it = it->first.ns == name ? m_objects.erase(it) : std::next(it);
            }
            ++applied;
            continue;
        }
        auto stored = m_objects.find(key);
        json current = stored != m_objects.end() ? *stored->second.object : json::object();
        // Apply: RBAC's rules and subjects are atomic lists, so merging the full intent over the
        // stored object is what server-side apply stores. MergePatch is a JSON merge patch.
        current.merge_patch(w.object);
        if (!current.contains("apiVersion"))
            current["apiVersion"] = w.gvr.apiVersion();
        if (!current.contains("kind"))
            current["kind"] = kind;
        current["metadata"]["name"] = name;
        if (!key.ns.empty())
            current["metadata"]["namespace"] = key.ns;
        m_objects[key] = Stored{std::make_shared<const json>(std::move(current)), nextStamp()};
        ++applied;
    }
    return applied;
}

std::vector<std::string> RbacData::namespaces() const
{
    std::set<std::string> names;
    for (const auto &[key, obj] : m_objects) {
        if (key.kind == "Namespace" && key.group.empty())
            names.insert(key.name);
        else if (!key.ns.empty())
            names.insert(key.ns);
    }
    return {names.begin(), names.end()};
}

json RbacData::toList() const
{
    json items = json::array();
    for (const auto &[key, stored] : m_objects)
        items.push_back(*stored.object);
    return json{{"apiVersion", "v1"}, {"kind", "List"}, {"items", std::move(items)}};
}

} // namespace kube::rbac
