// Building the immutable permission index: parse, resolve roleRefs, group bindings into the
// sets each authorizer visits, index subjects.
#include "kubeclient/rbac/rbacindex.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/rbac/aggregationpredictor.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/kubesphere/labels.h"

#include <algorithm>
#include <set>

namespace kube::rbac {

namespace {

std::string roleKey(const std::string &group, const std::string &kind, const std::string &ns, const std::string &name)
{
    return group + "|" + kind + "|" + ns + "|" + name;
}

bool isRoleKind(const std::string &group, const std::string &kind)
{
    if (group == kRbacGroup)
        return kind == "Role" || kind == "ClusterRole";
    if (group == kIamGroup)
        return kind == "Role" || kind == "ClusterRole" || kind == "GlobalRole" || kind == "WorkspaceRole";
    return false;
}

bool isBindingKind(const std::string &group, const std::string &kind)
{
    if (group == kRbacGroup)
        return kind == "RoleBinding" || kind == "ClusterRoleBinding";
    if (group == kIamGroup)
        return kind == "RoleBinding" || kind == "ClusterRoleBinding" || kind == "GlobalRoleBinding" ||
               kind == "WorkspaceRoleBinding";
    return false;
}

// The lower-case resource name kube-apiserver uses in "not found" texts.
std::string lowerKind(std::string kind)
{
    std::transform(kind.begin(), kind.end(), kind.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return kind;
}

tenancy::ApiFlavor guessFlavor(const RbacData &data)
{
    bool v3 = false, v4 = false;
    for (const auto &[key, obj] : data.objects()) {
        if (key.group != kIamGroup)
            continue;
        const std::string apiVersion = obj.value("apiVersion", "");
        if (apiVersion.find("v1beta1") != std::string::npos)
            v4 = true;
        else if (apiVersion.find("v1alpha2") != std::string::npos)
            v3 = true;
    }
    return v4 || !v3 ? tenancy::ApiFlavor::V4 : tenancy::ApiFlavor::V3;
}

} // namespace

void RbacIndex::BindingSet::candidates(const Identity &who, std::vector<uint32_t> &out) const
{
    out.clear();
    if (bindings.empty())
        return;
    if (auto it = byUser.find(who.name); it != byUser.end())
        out.insert(out.end(), it->second.begin(), it->second.end());
    for (const auto &g : who.groups)
        if (auto it = byGroup.find(g); it != byGroup.end())
            out.insert(out.end(), it->second.begin(), it->second.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::string RbacIndex::subjectKey(const Subject &subject, const std::string &bindingNs)
{
    if (subject.kind == "User")
        return "User:" + subject.name;
    if (subject.kind == "Group")
        return "Group:" + subject.name;
    if (subject.kind == "ServiceAccount") {
        const std::string ns = subject.ns.empty() ? bindingNs : subject.ns;
        if (ns.empty())
            return {};
        return "User:" + serviceAccountUserName(ns, subject.name);
    }
    return {};
}

void RbacIndex::addToSet(BindingSet &set, uint32_t binding)
{
    set.bindings.push_back(binding);
    const Binding &b = m_bindings[binding];
    const std::string bindingNs = b.isCluster() ? std::string() : b.ns;
    for (const auto &s : b.subjects) {
        const std::string key = subjectKey(s, bindingNs);
        if (key.empty())
            continue;
        auto &list = key.compare(0, 5, "User:") == 0 ? set.byUser[key.substr(5)] : set.byGroup[key.substr(6)];
        if (list.empty() || list.back() != binding)
            list.push_back(binding);
    }
}

std::shared_ptr<const RbacIndex> RbacIndex::build(const RbacData &data)
{
    return build(data, Options{});
}

std::shared_ptr<const RbacIndex> RbacIndex::build(const RbacData &data, const Options &options)
{
    std::shared_ptr<RbacIndex> index(new RbacIndex());
    RbacIndex &x = *index;
    x.m_flavor = options.kubesphereFlavor != tenancy::ApiFlavor::None ? options.kubesphereFlavor : guessFlavor(data);
    std::set<std::string> namespaces, workspaces;

    for (const auto &[key, obj] : data.objects()) {
        if (isRoleKind(key.group, key.kind)) {
            Role role = Role::fromJson(obj);
            role.apiGroup = key.group;
            // 3.x templates are roles carrying the role-template label.
            if (role.labels.count(tenancy::kRoleTemplateLabel))
                x.m_templates.emplace(role.name, role);
            x.m_roleByKey[roleKey(key.group, key.kind, key.ns, key.name)] = int32_t(x.m_roles.size());
            x.m_roles.push_back(std::move(role));
        } else if (isBindingKind(key.group, key.kind)) {
            Binding b = Binding::fromJson(obj);
            b.apiGroup = key.group;
            x.m_bindings.push_back(std::move(b));
        } else if (key.group.empty() && key.kind == "Namespace") {
            namespaces.insert(key.name);
            const std::string ws = ObjectMeta(obj).label(tenancy::kWorkspaceLabel);
            if (!ws.empty()) {
                x.m_workspaceOf[key.name] = ws;
                workspaces.insert(ws);
            }
        } else if (key.group == "tenant.kubesphere.io") {
            workspaces.insert(key.name);
        } else if (key.group == kIamGroup && key.kind == "RoleTemplate") {
            Role t;
            t.apiGroup = kIamGroup;
            t.kind = "RoleTemplate";
            t.name = key.name;
            ObjectMeta meta(obj);
            t.labels = meta.labels();
            t.annotations = meta.annotations();
            if (auto spec = obj.find("spec"); spec != obj.end() && spec->is_object())
                t.rules = PolicyRule::listFromJson(spec->value("rules", nlohmann::json::array()));
            x.m_templates[key.name] = std::move(t);
        } else if (key.group == kIamGroup && key.kind == "User") {
            x.m_ksUsers.push_back(key.name);
            if (auto spec = obj.find("spec"); spec != obj.end() && spec->is_object())
                if (auto g = spec->find("groups"); g != spec->end() && g->is_array())
                    for (const auto &v : *g)
                        if (v.is_string())
                            x.m_userGroups[key.name].push_back(v.get<std::string>());
        }
    }

    if (options.predictAggregation) {
        const auto predicted = AggregationPredictor::predict(x.m_roles);
        for (auto &r : x.m_roles)
            if (r.apiGroup == kRbacGroup && r.kind == "ClusterRole")
                if (auto it = predicted.find(r.name); it != predicted.end())
                    r.rules = it->second.rules;
        x.m_predicted = true;
    }

    x.m_roleOf.assign(x.m_bindings.size(), -1);
    x.m_roleError.assign(x.m_bindings.size(), {});
    x.m_bindingsOfRole.assign(x.m_roles.size(), {});
    for (uint32_t i = 0; i < x.m_bindings.size(); ++i) {
        const Binding &b = x.m_bindings[i];
        if (!b.ns.empty())
            namespaces.insert(b.ns);
        // A ClusterRoleBinding may only name a ClusterRole; a RoleBinding a Role of its own
        // namespace or a ClusterRole; KubeSphere's bindings name their own role kinds.
        bool supported = true;
        if (b.kind == "ClusterRoleBinding")
            supported = b.roleKind == "ClusterRole";
        else if (b.kind == "RoleBinding")
            supported = b.roleKind == "Role" || b.roleKind == "ClusterRole";
        else if (b.kind == "GlobalRoleBinding")
            supported = b.roleKind == "GlobalRole";
        else if (b.kind == "WorkspaceRoleBinding")
            supported = b.roleKind == "WorkspaceRole";
        if (!supported) {
            x.m_roleError[i] = "unsupported role reference kind: \"" + b.roleKind + "\"";
            continue;
        }
        const std::string roleNs = b.roleKind == "Role" ? b.ns : std::string();
        const int32_t role = x.findRole(b.apiGroup, b.roleKind, roleNs, b.roleName);
        if (role < 0) {
            x.m_roleError[i] = lowerKind(b.roleKind) + "." + b.apiGroup + " \"" + b.roleName + "\" not found";
            continue;
        }
        x.m_roleOf[i] = role;
        x.m_bindingsOfRole[size_t(role)].push_back(i);
    }

    const bool ksUsesIam = x.m_flavor == tenancy::ApiFlavor::V4;
    for (uint32_t i = 0; i < x.m_bindings.size(); ++i) {
        const Binding &b = x.m_bindings[i];
        if (b.apiGroup == kRbacGroup) {
            if (b.kind == "ClusterRoleBinding") {
                x.addToSet(x.m_k8sCluster, i);
                if (!ksUsesIam)
                    x.addToSet(x.m_ksCluster, i);
            } else {
                x.addToSet(x.m_k8sNamespace[b.ns], i);
                if (!ksUsesIam)
                    x.addToSet(x.m_ksNamespace[b.ns], i);
            }
        } else if (b.kind == "GlobalRoleBinding") {
            x.addToSet(x.m_ksGlobal, i);
        } else if (b.kind == "WorkspaceRoleBinding") {
            auto it = b.labels.find(tenancy::kWorkspaceLabel);
            if (it != b.labels.end() && !it->second.empty()) {
                x.addToSet(x.m_ksWorkspace[it->second], i);
                workspaces.insert(it->second);
            }
        } else if (ksUsesIam && b.kind == "ClusterRoleBinding") {
            x.addToSet(x.m_ksCluster, i);
        } else if (ksUsesIam && b.kind == "RoleBinding") {
            x.addToSet(x.m_ksNamespace[b.ns], i);
        }
    }
    for (const auto &r : x.m_roles)
        if (!r.ns.empty())
            namespaces.insert(r.ns);
    x.m_namespaces.assign(namespaces.begin(), namespaces.end());
    std::sort(x.m_ksUsers.begin(), x.m_ksUsers.end());
    x.m_ksUsers.erase(std::unique(x.m_ksUsers.begin(), x.m_ksUsers.end()), x.m_ksUsers.end());
    x.m_workspaces.assign(workspaces.begin(), workspaces.end());
    return index;
}

std::vector<uint32_t> RbacIndex::bindingsOfRole(int32_t role) const
{
    if (role < 0 || size_t(role) >= m_bindingsOfRole.size())
        return {};
    return m_bindingsOfRole[size_t(role)];
}

int32_t RbacIndex::findRole(const std::string &group, const std::string &kind, const std::string &ns,
                            const std::string &name) const
{
    auto it = m_roleByKey.find(roleKey(group, kind, ns, name));
    return it == m_roleByKey.end() ? -1 : it->second;
}

const Subject *RbacIndex::matchingSubject(uint32_t binding, const Identity &who) const
{
    const Binding &b = m_bindings[binding];
    const std::string bindingNs = b.isCluster() ? std::string() : b.ns;
    for (const auto &s : b.subjects) {
        const std::string key = subjectKey(s, bindingNs);
        if (key.empty())
            continue;
        if (key.compare(0, 5, "User:") == 0 ? key.compare(5, std::string::npos, who.name) == 0
                                            : who.inGroup(key.substr(6)))
            return &s;
    }
    return nullptr;
}

const RbacIndex::BindingSet *RbacIndex::namespaceBindings(const std::string &ns) const
{
    auto it = m_k8sNamespace.find(ns);
    return it == m_k8sNamespace.end() ? nullptr : &it->second;
}

const RbacIndex::BindingSet *RbacIndex::workspaceBindings(const std::string &workspace) const
{
    auto it = m_ksWorkspace.find(workspace);
    return it == m_ksWorkspace.end() ? nullptr : &it->second;
}

const RbacIndex::BindingSet *RbacIndex::ksNamespaceBindings(const std::string &ns) const
{
    auto it = m_ksNamespace.find(ns);
    return it == m_ksNamespace.end() ? nullptr : &it->second;
}

std::string RbacIndex::workspaceOf(const std::string &ns) const
{
    auto it = m_workspaceOf.find(ns);
    return it == m_workspaceOf.end() ? std::string() : it->second;
}

std::vector<std::string> RbacIndex::userGroups(const std::string &user) const
{
    auto it = m_userGroups.find(user);
    return it == m_userGroups.end() ? std::vector<std::string>() : it->second;
}

std::vector<std::string> RbacIndex::usersInGroup(const std::string &group) const
{
    std::vector<std::string> out;
    for (const auto &[user, groups] : m_userGroups)
        if (std::find(groups.begin(), groups.end(), group) != groups.end())
            out.push_back(user);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> RbacIndex::users() const
{
    std::set<std::string> all(m_ksUsers.begin(), m_ksUsers.end());
    for (const auto &b : m_bindings)
        for (const auto &s : b.subjects)
            if (s.kind == "User")
                all.insert(s.name);
    return {all.begin(), all.end()};
}

std::vector<Subject> RbacIndex::subjects() const
{
    std::set<Subject> all;
    for (const auto &b : m_bindings)
        for (auto s : b.subjects) {
            if (s.kind == "ServiceAccount" && s.ns.empty() && !b.isCluster())
                s.ns = b.ns;
            s.apiGroup.clear();
            all.insert(s);
        }
    return {all.begin(), all.end()};
}

} // namespace kube::rbac
