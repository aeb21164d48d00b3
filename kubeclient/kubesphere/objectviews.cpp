// Tenancy views: field paths from kubesphere-tenancy-api.md sections 3, 4, 9 and 10. A missing
// or mistyped field reads as empty, never throws: objects come from clusters we do not control.
#include "kubeclient/kubesphere/objectviews.h"

#include "kubeclient/core/jsonread.h"
#include "kubeclient/kubesphere/labels.h"

namespace kube::tenancy {

namespace {

using jsonread::emptyArray;
using jsonread::emptyJson;
using jsonread::member;
using jsonread::str;

std::string splitTrim(const std::string &text, std::size_t from, std::size_t to)
{
    while (from < to && (text[from] == ' ' || text[from] == '\t'))
        ++from;
    while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t'))
        --to;
    return text.substr(from, to - from);
}

// A language map {"en": "...", "zh": "..."}: the asked language, then English, then any.
template <typename J>
std::string pickLanguage(const J &map, const std::string &lang)
{
    if (map.is_string())
        return str(map);
    if (!map.is_object() || map.empty())
        return {};
    for (const std::string &key : {lang, std::string("en")}) {
        const auto &v = member(map, key.c_str());
        if (v.is_string())
            return str(v);
    }
    for (const auto &v : map)
        if (v.is_string())
            return str(v);
    return {};
}

} // namespace

template <typename J>
std::vector<std::string> stringList(const J &value)
{
    std::vector<std::string> out;
    if (!value.is_array())
        return out;
    out.reserve(value.size());
    for (const auto &v : value)
        if (v.is_string())
            out.push_back(str(v));
    return out;
}

template <typename J>
StringMap stringMap(const J &value)
{
    StringMap out;
    if (!value.is_object())
        return out;
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (it.value().is_string())
            out.emplace(it.key(), str(it.value()));
        else if (it.value().is_number())
            out.emplace(it.key(), it.value().dump());  // quantities may arrive as numbers
    }
    return out;
}

// --- Subject ---

std::string Subject::userName() const
{
    if (isServiceAccount())
        return "system:serviceaccount:" + namespaceName + ":" + name;
    return name;
}

bool Subject::sameAs(const Subject &other) const
{
    return kind == other.kind && name == other.name && (!isServiceAccount() || namespaceName == other.namespaceName);
}

// --- ObjectView ---

template <typename J>
const J &ObjectView<J>::at(std::initializer_list<const char *> path) const
{
    const J *j = &this->m_object;
    for (const char *key : path) {
        j = &member(*j, key);
        if (j->is_null())
            return emptyJson<J>();
    }
    return *j;
}

template <typename J>
std::string ObjectView<J>::stringAt(std::initializer_list<const char *> path) const
{
    return str(this->at(path));
}

template <typename J>
std::string ObjectView<J>::name() const { return this->stringAt({"metadata", "name"}); }
template <typename J>
std::string ObjectView<J>::namespaceName() const { return this->stringAt({"metadata", "namespace"}); }
template <typename J>
std::string ObjectView<J>::creationTimestamp() const { return this->stringAt({"metadata", "creationTimestamp"}); }
template <typename J>
bool ObjectView<J>::deleting() const { return !this->stringAt({"metadata", "deletionTimestamp"}).empty(); }

template <typename J>
std::string ObjectView<J>::label(const char *key) const { return str(member(this->at({"metadata", "labels"}), key)); }
template <typename J>
std::string ObjectView<J>::annotation(const char *key) const { return str(member(this->at({"metadata", "annotations"}), key)); }
template <typename J>
bool ObjectView<J>::hasLabel(const char *key) const { return member(this->at({"metadata", "labels"}), key).is_string(); }
template <typename J>
bool ObjectView<J>::hasAnnotation(const char *key) const
{
    return member(this->at({"metadata", "annotations"}), key).is_string();
}
template <typename J>
StringMap ObjectView<J>::labels() const { return stringMap(this->at({"metadata", "labels"})); }
template <typename J>
StringMap ObjectView<J>::annotations() const { return stringMap(this->at({"metadata", "annotations"})); }

template <typename J>
std::string ObjectView<J>::alias() const { return this->annotation(kAliasAnnotation); }
template <typename J>
std::string ObjectView<J>::description() const { return this->annotation(kDescriptionAnnotation); }
template <typename J>
std::string ObjectView<J>::creator() const { return this->annotation(kCreatorAnnotation); }
template <typename J>
std::string ObjectView<J>::workspaceLabel() const { return this->label(kWorkspaceLabel); }

// --- WorkspaceView ---

template <typename J>
bool WorkspaceView<J>::isTemplate() const
{
    return str(member(this->m_object, "kind")) == "WorkspaceTemplate" || this->at({"spec", "template"}).is_object();
}

template <typename J>
std::string WorkspaceView<J>::manager() const
{
    if (this->isTemplate())
        return this->stringAt({"spec", "template", "spec", "manager"});
    return this->stringAt({"spec", "manager"});
}

template <typename J>
std::optional<bool> WorkspaceView<J>::networkIsolationField() const
{
    const auto &v = this->isTemplate() ? this->at({"spec", "template", "spec", "networkIsolation"})
                                 : this->at({"spec", "networkIsolation"});
    if (!v.is_boolean())
        return std::nullopt;
    return v.template get<bool>();
}

template <typename J>
bool WorkspaceView<J>::isolationAnnotationEnabled() const
{
    if (this->annotation(kNetworkIsolateAnnotation) == kNetworkIsolateEnabled)
        return true;
    return str(member(this->at({"spec", "template", "metadata", "annotations"}), kNetworkIsolateAnnotation))
        == kNetworkIsolateEnabled;
}

template <typename J>
std::map<std::string, bool> WorkspaceView<J>::isolationOverrides() const
{
    std::map<std::string, bool> out;
    const auto &overrides = this->at({"spec", "overrides"});
    if (!overrides.is_array())
        return out;
    for (const auto &o : overrides) {
        const std::string cluster = str(member(o, "clusterName"));
        const auto &patches = member(o, "clusterOverrides");
        if (cluster.empty() || !patches.is_array())
            continue;
        for (const auto &p : patches) {
            const std::string op = str(member(p, "op"));
            if (str(member(p, "path")) != "/spec/networkIsolation" || op == "remove")
                continue;
            const auto &value = member(p, "value");
            if (value.is_boolean())
                out[cluster] = value.template get<bool>();
        }
    }
    return out;
}

template <typename J>
std::string WorkspaceView<J>::deletionPropagation() const { return this->annotation(kDeletionPropagationAnnotation); }

template <typename J>
std::vector<std::string> WorkspaceView<J>::placementClusters() const
{
    std::vector<std::string> out;
    const auto &clusters = this->at({"spec", "placement", "clusters"});
    if (!clusters.is_array())
        return out;
    for (const auto &c : clusters) {
        const std::string n = str(member(c, "name"));
        if (!n.empty())
            out.push_back(n);
    }
    return out;
}

template <typename J>
const J *WorkspaceView<J>::clusterSelector() const
{
    const auto &s = this->at({"spec", "placement", "clusterSelector"});
    return s.is_object() ? &s : nullptr;
}

template <typename J>
StringMap WorkspaceView<J>::templateLabels() const { return stringMap(this->at({"spec", "template", "metadata", "labels"})); }
template <typename J>
StringMap WorkspaceView<J>::templateAnnotations() const
{
    return stringMap(this->at({"spec", "template", "metadata", "annotations"}));
}

template <typename J>
std::string WorkspaceView<J>::alias() const
{
    std::string a = ObjectView<J>::alias();
    if (a.empty())
        a = str(member(this->at({"spec", "template", "metadata", "annotations"}), kAliasAnnotation));
    return a;
}

template <typename J>
std::string WorkspaceView<J>::description() const
{
    std::string d = ObjectView<J>::description();
    if (d.empty())
        d = str(member(this->at({"spec", "template", "metadata", "annotations"}), kDescriptionAnnotation));
    return d;
}

// --- UserView ---

template <typename J>
std::string UserView<J>::email() const { return this->stringAt({"spec", "email"}); }
template <typename J>
std::string UserView<J>::displayName() const { return this->stringAt({"spec", "displayName"}); }
template <typename J>
std::string UserView<J>::description() const
{
    std::string d = this->stringAt({"spec", "description"});
    return d.empty() ? ObjectView<J>::description() : d;
}
template <typename J>
std::string UserView<J>::lang() const { return this->stringAt({"spec", "lang"}); }
template <typename J>
std::vector<std::string> UserView<J>::groups() const { return stringList(this->at({"spec", "groups"})); }
template <typename J>
std::string UserView<J>::state() const { return this->stringAt({"status", "state"}); }
template <typename J>
std::string UserView<J>::reason() const { return this->stringAt({"status", "reason"}); }
template <typename J>
std::string UserView<J>::lastLoginTime() const { return this->stringAt({"status", "lastLoginTime"}); }
template <typename J>
std::string UserView<J>::lastTransitionTime() const { return this->stringAt({"status", "lastTransitionTime"}); }
template <typename J>
std::string UserView<J>::globalRoleAnnotation() const { return this->annotation(kGlobalRoleAnnotation); }
template <typename J>
bool UserView<J>::uninitialized() const { return this->annotation(kUninitializedAnnotation) == "true"; }
template <typename J>
bool UserView<J>::hasPassword() const { return !this->stringAt({"spec", "password"}).empty(); }

template <typename J>
std::vector<std::string> UserView<J>::grantedClusters() const
{
    std::vector<std::string> out;
    const std::string list = this->annotation(kGrantedClustersAnnotation);
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos)
            comma = list.size();
        std::string item = splitTrim(list, start, comma);
        if (!item.empty())
            out.push_back(std::move(item));
        start = comma + 1;
    }
    return out;
}

// --- RoleView ---

template <typename J>
const J &RoleView<J>::rules() const
{
    const auto &r = member(this->m_object, "rules");
    return r.is_array() ? r : emptyArray<J>();
}

template <typename J>
std::vector<PolicyRule> RoleView<J>::policyRules() const
{
    std::vector<PolicyRule> out;
    for (const auto &r : rules()) {
        PolicyRule rule;
        rule.verbs = stringList(member(r, "verbs"));
        rule.apiGroups = stringList(member(r, "apiGroups"));
        rule.resources = stringList(member(r, "resources"));
        rule.resourceNames = stringList(member(r, "resourceNames"));
        rule.nonResourceURLs = stringList(member(r, "nonResourceURLs"));
        out.push_back(std::move(rule));
    }
    return out;
}

template <typename J>
std::size_t RoleView<J>::ruleCount() const { return rules().size(); }

template <typename J>
bool RoleView<J>::hasAggregationRoleTemplates() const { return member(this->m_object, "aggregationRoleTemplates").is_object(); }

template <typename J>
std::vector<std::string> RoleView<J>::templateNames() const
{
    return stringList(this->at({"aggregationRoleTemplates", "templateNames"}));
}

template <typename J>
const J *RoleView<J>::roleSelector() const
{
    const auto &s = this->at({"aggregationRoleTemplates", "roleSelector"});
    return s.is_object() ? &s : nullptr;
}

template <typename J>
std::vector<std::string> RoleView<J>::aggregationRolesAnnotation() const
{
    const std::string text = this->annotation(kAggregationRolesAnnotation);
    if (text.empty())
        return {};
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    return stringList(parsed);
}

template <typename J>
bool RoleView<J>::isTemplate3x() const { return this->label(kRoleTemplateLabel) == "true"; }
template <typename J>
bool RoleView<J>::autoAggregate() const { return this->annotation(kAutoAggregateAnnotation) == "true"; }
template <typename J>
std::string RoleView<J>::regoOverride() const { return this->annotation(kRegoOverrideAnnotation); }

// --- RoleTemplateView ---

template <typename J>
std::string RoleTemplateView<J>::scope() const { return this->label(kScopeLabel); }
template <typename J>
std::string RoleTemplateView<J>::category() const { return this->label(kCategoryLabel); }
template <typename J>
std::string RoleTemplateView<J>::displayName(const std::string &lang) const
{
    return pickLanguage(this->at({"spec", "displayName"}), lang);
}
template <typename J>
std::string RoleTemplateView<J>::descriptionText(const std::string &lang) const
{
    return pickLanguage(this->at({"spec", "description"}), lang);
}

template <typename J>
const J &RoleTemplateView<J>::rules() const
{
    const auto &r = this->at({"spec", "rules"});
    return r.is_array() ? r : emptyArray<J>();
}

template <typename J>
std::vector<std::string> RoleTemplateView<J>::aggregateTo() const
{
    std::vector<std::string> out;
    const std::string prefix = kAggregateToPrefix;
    for (const auto &[key, value] : this->labels())
        if (key.compare(0, prefix.size(), prefix) == 0)
            out.push_back(key.substr(prefix.size()));
    return out;
}

template <typename J>
bool RoleTemplateView<J>::hidden() const { return this->label(kHiddenRoleTemplateLabel) == "true"; }
template <typename J>
bool RoleTemplateView<J>::basic() const { return this->label(kBasicRoleTemplateLabel) == "true"; }

// --- BlueprintView ---

template <typename J>
std::string BlueprintView<J>::roleKind() const { return this->stringAt({"role", "kind"}); }
template <typename J>
std::string BlueprintView<J>::roleName() const { return this->stringAt({"role", "metadata", "name"}); }
template <typename J>
std::string BlueprintView<J>::scope() const { return this->label(kScopeLabel); }
template <typename J>
const J *BlueprintView<J>::targetSelector() const
{
    const auto &s = this->at({"targetSelector"});
    return s.is_object() ? &s : nullptr;
}

// --- BindingView ---

template <typename J>
RoleRef BindingView<J>::roleRef() const
{
    const auto &r = member(this->m_object, "roleRef");
    return RoleRef{str(member(r, "apiGroup")), str(member(r, "kind")), str(member(r, "name"))};
}

template <typename J>
std::vector<Subject> BindingView<J>::subjects() const
{
    std::vector<Subject> out;
    const auto &list = member(this->m_object, "subjects");
    if (!list.is_array())
        return out;
    out.reserve(list.size());
    for (const auto &s : list)
        out.push_back(Subject{str(member(s, "kind")), str(member(s, "name")), str(member(s, "namespace")),
                              str(member(s, "apiGroup"))});
    return out;
}

template <typename J>
std::string BindingView<J>::userRef() const { return this->label(kUserRefLabel); }
template <typename J>
std::string BindingView<J>::groupRef() const { return this->label(kGroupRefLabel); }
template <typename J>
std::string BindingView<J>::roleRefLabel() const { return this->label(kRoleRefLabel); }

// --- GroupBindingView / GroupView ---

template <typename J>
std::string GroupBindingView<J>::groupName() const { return this->stringAt({"groupRef", "name"}); }
template <typename J>
std::vector<std::string> GroupBindingView<J>::users() const { return stringList(member(this->m_object, "users")); }

template <typename J>
std::string GroupView<J>::parent() const { return this->label("iam.kubesphere.io/group-parent"); }
template <typename J>
std::string GroupView<J>::displayName() const
{
    std::string generate = this->meta().generateName();
    if (!generate.empty() && generate.back() == '-')
        generate.pop_back();
    return generate.empty() ? this->name() : generate;
}

// --- ProjectView ---

template <typename J>
std::string ProjectView<J>::workspace() const { return this->workspaceLabel(); }
template <typename J>
bool ProjectView<J>::managed() const { return this->label(kManagedLabel) == "true"; }
template <typename J>
bool ProjectView<J>::isolationEnabled() const { return this->annotation(kNetworkIsolateAnnotation) == kNetworkIsolateEnabled; }
template <typename J>
bool ProjectView<J>::protectedResource() const { return this->label(kProtectedLabel) == "true"; }
template <typename J>
std::string ProjectView<J>::phase() const { return this->stringAt({"status", "phase"}); }

// --- WorkspaceQuotaView ---

template <typename J>
StringMap WorkspaceQuotaView<J>::selector() const { return stringMap(this->at({"spec", "selector"})); }

template <typename J>
std::string WorkspaceQuotaView<J>::selectedWorkspace() const
{
    const std::string selected = str(member(this->at({"spec", "selector"}), kWorkspaceLabel));
    return selected.empty() ? this->workspaceLabel() : selected;
}

template <typename J>
StringMap WorkspaceQuotaView<J>::hard() const { return stringMap(this->at({"spec", "quota", "hard"})); }
template <typename J>
StringMap WorkspaceQuotaView<J>::used() const { return stringMap(this->at({"status", "total", "used"})); }

template <typename J>
std::vector<typename WorkspaceQuotaView<J>::NamespaceUsage> WorkspaceQuotaView<J>::namespaces() const
{
    std::vector<NamespaceUsage> out;
    const auto &list = this->at({"status", "namespaces"});
    if (!list.is_array())
        return out;
    for (const auto &n : list)
        out.push_back(NamespaceUsage{str(member(n, "namespace")), stringMap(member(n, "hard")),
                                     stringMap(member(n, "used"))});
    return out;
}

// --- ResourceQuotaView ---

template <typename J>
StringMap ResourceQuotaView<J>::hard() const { return stringMap(this->at({"spec", "hard"})); }
template <typename J>
StringMap ResourceQuotaView<J>::used() const { return stringMap(this->at({"status", "used"})); }
template <typename J>
std::vector<std::string> ResourceQuotaView<J>::scopes() const { return stringList(this->at({"spec", "scopes"})); }

// --- LimitRangeView ---

template <typename J>
std::vector<typename LimitRangeView<J>::Item> LimitRangeView<J>::items() const
{
    std::vector<Item> out;
    const auto &limits = this->at({"spec", "limits"});
    if (!limits.is_array())
        return out;
    for (const auto &l : limits)
        out.push_back(Item{str(member(l, "type")), stringMap(member(l, "default")), stringMap(member(l, "defaultRequest")),
                           stringMap(member(l, "max")), stringMap(member(l, "min"))});
    return out;
}

template <typename J>
std::optional<typename LimitRangeView<J>::Item> LimitRangeView<J>::container() const
{
    for (auto &item : items())
        if (item.type == "Container")
            return item;
    return std::nullopt;
}

// --- NetworkPolicyView ---

template <typename J>
std::vector<std::string> NetworkPolicyView<J>::policyTypes() const { return stringList(this->at({"spec", "policyTypes"})); }

template <typename J>
std::size_t NetworkPolicyView<J>::ingressRuleCount() const
{
    const auto &r = this->at({"spec", "ingress"});
    return r.is_array() ? r.size() : 0;
}

template <typename J>
std::size_t NetworkPolicyView<J>::egressRuleCount() const
{
    const auto &r = this->at({"spec", "egress"});
    return r.is_array() ? r.size() : 0;
}

template <typename J>
bool NetworkPolicyView<J>::isIsolationPolicy() const { return this->name() == kIsolationPolicyName; }
template <typename J>
bool NetworkPolicyView<J>::generatedFromNsnp() const { return this->name().rfind("nsnp-", 0) == 0; }

// --- ClusterView ---

template <typename J>
bool ClusterView<J>::isHost() const { return this->hasLabel("cluster-role.kubesphere.io/host"); }

template <typename J>
bool ClusterView<J>::ready() const
{
    const auto &conditions = this->at({"status", "conditions"});
    if (!conditions.is_array())
        return false;
    for (const auto &c : conditions)
        if (str(member(c, "type")) == "Ready")
            return str(member(c, "status")) == "True";
    return false;
}

// --- the two document types views read ---

template class ObjectView<nlohmann::json>;
template class WorkspaceView<nlohmann::json>;
template class UserView<nlohmann::json>;
template class RoleView<nlohmann::json>;
template class RoleTemplateView<nlohmann::json>;
template class BlueprintView<nlohmann::json>;
template class BindingView<nlohmann::json>;
template class GroupBindingView<nlohmann::json>;
template class GroupView<nlohmann::json>;
template class ProjectView<nlohmann::json>;
template class WorkspaceQuotaView<nlohmann::json>;
template class ResourceQuotaView<nlohmann::json>;
template class LimitRangeView<nlohmann::json>;
template class NetworkPolicyView<nlohmann::json>;
template class ClusterView<nlohmann::json>;
template std::vector<std::string> stringList(const nlohmann::json &);
template StringMap stringMap(const nlohmann::json &);
template class ObjectView<FrozenJson>;
template class WorkspaceView<FrozenJson>;
template class UserView<FrozenJson>;
template class RoleView<FrozenJson>;
template class RoleTemplateView<FrozenJson>;
template class BlueprintView<FrozenJson>;
template class BindingView<FrozenJson>;
template class GroupBindingView<FrozenJson>;
template class GroupView<FrozenJson>;
template class ProjectView<FrozenJson>;
template class WorkspaceQuotaView<FrozenJson>;
template class ResourceQuotaView<FrozenJson>;
template class LimitRangeView<FrozenJson>;
template class NetworkPolicyView<FrozenJson>;
template class ClusterView<FrozenJson>;
template std::vector<std::string> stringList(const FrozenJson &);
template StringMap stringMap(const FrozenJson &);

} // namespace kube::tenancy
