// Building the immutable permission index: parse, resolve roleRefs, group bindings into the
// sets each authorizer visits, index subjects.
#include "kubeclient/rbac/rbacindex.h"

#include "kubeclient/core/jsonread.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/rbac/aggregationpredictor.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/kubesphere/labels.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace kube::rbac {

namespace {

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

std::string apiVersionOf(const RbacIndex::Entry &e)
{
    if (e.apiVersion)
        return *e.apiVersion;
    return e.frozen ? e.frozen->value("apiVersion", "") : e.object->value("apiVersion", "");
}

tenancy::ApiFlavor guessFlavor(const std::vector<RbacIndex::Entry> &objects)
{
    // The entries are in key order, so the iam.kubesphere.io ones are one run.
    const std::string iam = kIamGroup;
    auto first = std::partition_point(objects.begin(), objects.end(),
                                      [&](const RbacIndex::Entry &e) { return e.key->group < iam; });
    bool v3 = false;
    for (auto it = first; it != objects.end() && it->key->group == iam; ++it) {
        const std::string apiVersion = apiVersionOf(*it);
        if (apiVersion.find("v1beta1") != std::string::npos)
            return tenancy::ApiFlavor::V4;
        if (apiVersion.find("v1alpha2") != std::string::npos)
            v3 = true;
    }
    return v3 ? tenancy::ApiFlavor::V3 : tenancy::ApiFlavor::V4;
}

template <class T>
std::strong_ordering compareKey(const T &item, const RbacData::Key &key)
{
    return std::tie(item.apiGroup, item.kind, item.ns, item.name) <=> std::tie(key.group, key.kind, key.ns, key.name);
}

// Walks an earlier build's roles or bindings (in key order, as the entries) beside the entries.
template <class T>
class Reuse
{
public:
    static constexpr size_t kNone = size_t(-1);
    struct Found {
        const T *item = nullptr;  // the earlier item, when it came from the same stamp
        size_t at = kNone;        // the earlier item of the same key (reused or not)
    };

    Reuse(const std::vector<T> *items, const std::vector<std::uint64_t> *stamps) : m_items(items), m_stamps(stamps) {}

    // Whether the next item came from this stamp (then find() returns it).
    bool isNext(std::uint64_t stamp) const
    {
        return m_items && stamp != 0 && m_next < m_items->size() && (*m_stamps)[m_next] == stamp;
    }

    // The earlier item for `key`; the walk skips the items before it (removed since).
    Found find(const RbacData::Key &key, std::uint64_t stamp)
    {
        if (!m_items)
            return {};
        if (isNext(stamp)) {
            const size_t at = m_next++;
            return {&(*m_items)[at], at};
        }
        const size_t n = m_items->size();
        while (m_next < n && compareKey((*m_items)[m_next], key) < 0) {
            ++m_next;
            m_skipped = true;
        }
        if (m_next < n && compareKey((*m_items)[m_next], key) == 0) {
            const size_t at = m_next++;
            return {stamp != 0 && (*m_stamps)[at] == stamp ? &(*m_items)[at] : nullptr, at};
        }
        return {};
    }

    // Every earlier item was found, in order: the keys are the same as before.
    bool sameKeys(size_t count) const { return m_items && !m_skipped && !m_inserted && count == m_items->size(); }
    void noteInserted() { m_inserted = true; }

private:
    const std::vector<T> *m_items;
    const std::vector<std::uint64_t> *m_stamps;
    size_t m_next = 0;
    bool m_skipped = false, m_inserted = false;
};

// A binding's subject as subjects() lists it: a ServiceAccount's namespace filled in, no apiGroup.
Subject listed(Subject s, const Binding &b)
{
    if (s.kind == "ServiceAccount" && s.ns.empty() && !b.isCluster())
        s.ns = b.ns;
    s.apiGroup.clear();
    return s;
}

void count(std::map<Subject, uint32_t> &counts, const Binding &b, int delta)
{
    for (const auto &s : b.subjects) {
        if (delta > 0) {
            ++counts[listed(s, b)];
        } else if (auto it = counts.find(listed(s, b)); it != counts.end() && --it->second == 0) {
            counts.erase(it);
        }
    }
}

enum class Target { None, User, Group };

// What a subject of a binding in `bindingNs` ("" for cluster-wide) matches, as subjectKey says,
// without building the key: a user name (ServiceAccounts as theirs, in `scratch`) or a group.
Target targetOf(const Subject &subject, const std::string &bindingNs, std::string &scratch, const std::string *&name)
{
    if (subject.kind == "User") {
        name = &subject.name;
        return Target::User;
    }
    if (subject.kind == "Group") {
        name = &subject.name;
        return Target::Group;
    }
    if (subject.kind == "ServiceAccount") {
        const std::string &ns = subject.ns.empty() ? bindingNs : subject.ns;
        if (ns.empty())
            return Target::None;
        scratch = serviceAccountUserName(ns, subject.name);
        name = &scratch;
        return Target::User;
    }
    return Target::None;
}

} // namespace

void RbacIndex::BindingSet::candidates(const Identity &who, std::vector<uint32_t> &out) const
{
    out.clear();
    if (bindings.empty())
        return;
    auto add = [&](const std::vector<Named> &list, const std::string &name) {
        if (list.empty())
            return;
        const auto number = names->find(name);
        if (number == names->end())
            return;
        auto it = std::lower_bound(list.begin(), list.end(), Named{number->second, 0});
        for (; it != list.end() && it->name == number->second; ++it)
            out.push_back(it->binding);
    };
    add(byUser, who.name);
    for (const auto &g : who.groups)
        add(byGroup, g);
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
    static const std::string kClusterWide;
    const std::string &bindingNs = b.isCluster() ? kClusterWide : b.ns;
    std::string scratch;
    const std::string *name = nullptr;
    for (const auto &s : b.subjects) {
        const Target t = targetOf(s, bindingNs, scratch, name);
        if (t == Target::None)
            continue;
        if (name == &scratch)
            name = &*m_serviceAccountUsers.insert(std::move(scratch)).first;
        const auto number = m_subjectNames.try_emplace(*name, uint32_t(m_subjectNames.size())).first->second;
        (t == Target::User ? set.byUser : set.byGroup).push_back({number, binding});
    }
}

void RbacIndex::finish(BindingSet &set) const
{
    set.names = &m_subjectNames;
    for (auto *list : {&set.byUser, &set.byGroup}) {
        std::sort(list->begin(), list->end());  // by name number, then binding (visit order)
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
}

std::shared_ptr<const RbacIndex> RbacIndex::build(const RbacData &data)
{
    return build(data, Options{});
}

std::shared_ptr<const RbacIndex> RbacIndex::build(const RbacData &data, const Options &options)
{
    std::vector<Entry> entries;
    entries.reserve(data.size());
    const auto objects = data.objects();
    for (auto it = objects.begin(); it != objects.end(); ++it) {
        const auto [key, object] = *it;
        entries.push_back(Entry{&key, &object, it.stamp(), nullptr});
    }
    // The newest index of this data's lineage still alive (a plan preview's copy may have
    // built one since the one a snapshot holds).
    const auto &cache = data.indexCache();
    std::shared_ptr<const RbacIndex> previous;
    if (cache) {
        std::lock_guard lock(cache->mutex);
        for (const auto &weak : cache->recent)
            if ((previous = weak.lock()))
                break;
    }
    auto index = build(entries, options, previous.get());
    if (cache) {
        constexpr size_t kKept = 4;
        std::lock_guard lock(cache->mutex);
        auto &recent = cache->recent;
        std::erase_if(recent, [](const std::weak_ptr<const RbacIndex> &w) { return w.expired(); });
        recent.insert(recent.begin(), index);
        if (recent.size() > kKept)
            recent.resize(kKept);
    }
    return index;
}

std::shared_ptr<const RbacIndex> RbacIndex::build(const std::vector<Entry> &objects, const Options &options,
                                                  const RbacIndex *reuse)
{
    std::shared_ptr<RbacIndex> index(new RbacIndex());
    RbacIndex &x = *index;
    x.m_flavor = options.kubesphereFlavor != tenancy::ApiFlavor::None ? options.kubesphereFlavor : guessFlavor(objects);
    std::set<std::string> namespaces, workspaces;

    if (reuse) {
        // Most objects are as they were.
        x.m_roles.reserve(reuse->m_roles.size() + 16);
        x.m_roleStamps.reserve(reuse->m_roles.size() + 16);
        x.m_bindings.reserve(reuse->m_bindings.size() + 16);
        x.m_bindingStamps.reserve(reuse->m_bindings.size() + 16);
    }

    Reuse<Role> oldRoles(reuse ? &reuse->m_roles : nullptr, reuse ? &reuse->m_roleStamps : nullptr);
    Reuse<Binding> oldBindings(reuse ? &reuse->m_bindings : nullptr, reuse ? &reuse->m_bindingStamps : nullptr);
    std::vector<size_t> oldBindingOf;  // per binding: the earlier build's same binding, or kNone
    oldBindingOf.reserve(x.m_bindings.capacity());
    std::vector<std::uint8_t> oldBindingKept(reuse ? reuse->m_bindings.size() : 0);
    for (const Entry &e : objects) {
        const RbacData::Key &key = *e.key;
        // Read in place (either kind of document); an nlohmann copy of a frozen one only to parse.
        std::optional<nlohmann::json> thawed;
        auto whole = [&]() -> const nlohmann::json & {
            if (e.object)
                return *e.object;
            if (!thawed)
                thawed = e.frozen->toJson();
            return *thawed;
        };
        auto read = [&](auto &&f) { return e.frozen ? f(*e.frozen) : f(*e.object); };
        // An unchanged role or binding is next in line in the earlier build: no need to read the key.
        const bool role = oldRoles.isNext(e.stamp) || (!oldBindings.isNext(e.stamp) && isRoleKind(key.group, key.kind));
        if (role) {
            const auto old = oldRoles.find(key, e.stamp);
            if (old.at != x.m_roles.size())
                oldRoles.noteInserted();
            if (old.item) {
                x.m_roles.push_back(*old.item);
            } else {
                Role role = Role::fromJson(whole());
                role.apiGroup = key.group;
                role.kind = key.kind;
                x.m_roles.push_back(std::move(role));
                ++x.m_parsed;
            }
            x.m_roleStamps.push_back(e.stamp);
            const Role &role = x.m_roles.back();
            // 3.x templates are roles carrying the role-template label.
            if (role.labels.count(tenancy::kRoleTemplateLabel))
                x.m_templates.emplace(role.name, role);
            x.m_rolesByName[key.name].push_back(int32_t(x.m_roles.size() - 1));
        } else if (oldBindings.isNext(e.stamp) || isBindingKind(key.group, key.kind)) {
            const auto old = oldBindings.find(key, e.stamp);
            oldBindingOf.push_back(old.item ? old.at : Reuse<Binding>::kNone);
            if (old.item) {
                oldBindingKept[old.at] = 1;
                x.m_bindings.push_back(*old.item);
            } else {
                Binding b = Binding::fromJson(whole());
                b.apiGroup = key.group;
                b.kind = key.kind;
                x.m_bindings.push_back(std::move(b));
                ++x.m_parsed;
            }
            x.m_bindingStamps.push_back(e.stamp);
        } else if (key.group.empty() && key.kind == "Namespace") {
            namespaces.insert(key.name);
            const std::string ws = read([](const auto &obj) { return ObjectMeta(obj).label(tenancy::kWorkspaceLabel); });
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
            const nlohmann::json &obj = whole();
            ObjectMeta meta(obj);
            t.labels = meta.labels();
            t.annotations = meta.annotations();
            if (auto spec = obj.find("spec"); spec != obj.end() && spec->is_object())
                t.rules = PolicyRule::listFromJson(spec->value("rules", nlohmann::json::array()));
            x.m_templates[key.name] = std::move(t);
        } else if (key.group == kIamGroup && key.kind == "User") {
            x.m_ksUsers.push_back(key.name);
            read([&](const auto &obj) {
                if (auto spec = obj.find("spec"); spec != obj.end() && spec->is_object())
                    if (auto g = spec->find("groups"); g != spec->end() && g->is_array())
                        for (const auto &v : *g)
                            if (v.is_string())
                                x.m_userGroups[key.name].push_back(jsonread::str(v));
            });
        }
    }

    // The subject tally follows the bindings that changed, when the earlier index had one.
    if (const auto before = reuse ? reuse->tallyIfDone() : nullptr) {
        const bool same = x.m_bindings.size() == reuse->m_bindings.size() &&
                          std::find(oldBindingKept.begin(), oldBindingKept.end(), 0) == oldBindingKept.end();
        if (same) {
            x.m_tally = before;
        } else {
            auto next = std::make_shared<SubjectTally>(*before);
            for (size_t i = 0; i < oldBindingKept.size(); ++i)
                if (!oldBindingKept[i])
                    count(next->counts, reuse->m_bindings[i], -1);
            for (size_t i = 0; i < x.m_bindings.size(); ++i)
                if (oldBindingOf[i] == Reuse<Binding>::kNone)
                    count(next->counts, x.m_bindings[i], +1);
            x.m_tally = std::move(next);
        }
    }

    if (options.predictAggregation) {
        const auto predicted = AggregationPredictor::predict(x.m_roles);
        for (size_t i = 0; i < x.m_roles.size(); ++i) {
            Role &r = x.m_roles[i];
            if (r.apiGroup == kRbacGroup && r.kind == "ClusterRole")
                if (auto it = predicted.find(r.name); it != predicted.end()) {
                    r.rules = it->second.rules;
                    x.m_roleStamps[i] = 0;  // no longer what the object says
                }
        }
        x.m_predicted = true;
    }

    x.m_roleOf.assign(x.m_bindings.size(), -1);
    x.m_roleError.assign(x.m_bindings.size(), {});
    x.m_bindingsOfRole.assign(x.m_roles.size(), {});
    // With the same role keys in the same places, an unchanged binding resolves as it did.
    const bool sameRoles = oldRoles.sameKeys(x.m_roles.size());
    static const std::string kNoNamespace;
    const std::string *lastNs = &kNoNamespace;
    for (uint32_t i = 0; i < x.m_bindings.size(); ++i) {
        const Binding &b = x.m_bindings[i];
        // Bindings come grouped by namespace: insert each run's namespace once.
        if (!b.ns.empty() && b.ns != *lastNs) {
            namespaces.insert(b.ns);
            lastNs = &b.ns;
        }
        if (sameRoles && oldBindingOf[i] != Reuse<Binding>::kNone) {
            const size_t old = oldBindingOf[i];
            x.m_roleOf[i] = reuse->m_roleOf[old];
            x.m_roleError[i] = reuse->m_roleError[old];
            if (x.m_roleOf[i] >= 0)
                x.m_bindingsOfRole[size_t(x.m_roleOf[i])].push_back(i);
            continue;
        }
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
        const int32_t role = x.findRole(b.apiGroup, b.roleKind, b.roleKind == "Role" ? b.ns : kNoNamespace, b.roleName);
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
    for (BindingSet *set : {&x.m_k8sCluster, &x.m_ksGlobal, &x.m_ksCluster})
        x.finish(*set);
    for (auto *sets : {&x.m_k8sNamespace, &x.m_ksWorkspace, &x.m_ksNamespace})
        for (auto &[name, set] : *sets)
            x.finish(set);
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
    auto it = m_rolesByName.find(name);
    if (it == m_rolesByName.end())
        return -1;
    // At most one role per key (the input has one object per key).
    for (const int32_t r : it->second) {
        const Role &role = m_roles[size_t(r)];
        if (role.apiGroup == group && role.kind == kind && role.ns == ns)
            return r;
    }
    return -1;
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

std::shared_ptr<const RbacIndex::SubjectTally> RbacIndex::tallyIfDone() const
{
    std::lock_guard lock(m_tallyMutex);
    return m_tally;
}

std::shared_ptr<const RbacIndex::SubjectTally> RbacIndex::tally() const
{
    std::lock_guard lock(m_tallyMutex);
    if (!m_tally) {
        auto t = std::make_shared<SubjectTally>();
        for (const auto &b : m_bindings)
            count(t->counts, b, +1);
        m_tally = std::move(t);
    }
    return m_tally;
}

std::vector<std::string> RbacIndex::users() const
{
    const auto t = tally();
    std::vector<std::string> out;
    out.reserve(m_ksUsers.size() + t->counts.size());
    for (const auto &[s, n] : t->counts)
        if (s.kind == "User")
            out.push_back(s.name);
    // Users come sorted by (kind, ns, name): a User with a namespace breaks the name order.
    std::sort(out.begin(), out.end());
    const auto middle = out.insert(out.end(), m_ksUsers.begin(), m_ksUsers.end());
    std::inplace_merge(out.begin(), middle, out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<Subject> RbacIndex::subjects() const
{
    const auto t = tally();
    std::vector<Subject> out;
    out.reserve(t->counts.size());
    for (const auto &[s, n] : t->counts)
        out.push_back(s);
    return out;
}

} // namespace kube::rbac
