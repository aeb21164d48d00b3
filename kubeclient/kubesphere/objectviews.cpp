// Tenancy views: field paths from kubesphere-tenancy-api.md sections 3, 4, 9 and 10. A missing
// or mistyped field reads as empty, never throws: objects come from clusters we do not control.
#include "kubeclient/kubesphere/objectviews.h"

#include "kubeclient/kubesphere/labels.h"

namespace kube::tenancy {

namespace {

const nlohmann::json &emptyJson()
{
    static const nlohmann::json kEmpty;
    return kEmpty;
}

const nlohmann::json &emptyArray()
{
    static const nlohmann::json kEmpty = nlohmann::json::array();
    return kEmpty;
}

const nlohmann::json &member(const nlohmann::json &j, const char *key)
{
    if (!j.is_object())
        return emptyJson();
    const auto it = j.find(key);
    return it == j.end() ? emptyJson() : *it;
}

std::string str(const nlohmann::json &j)
{
    return j.is_string() ? j.get<std::string>() : std::string();
}

std::string splitTrim(const std::string &text, std::size_t from, std::size_t to)
{
    while (from < to && (text[from] == ' ' || text[from] == '\t'))
        ++from;
    while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t'))
        --to;
    return text.substr(from, to - from);
}

// A language map {"en": "...", "zh": "..."}: the asked language, then English, then any.
std::string pickLanguage(const nlohmann::json &map, const std::string &lang)
{
    if (map.is_string())
        return map.get<std::string>();
    if (!map.is_object() || map.empty())
        return {};
    for (const std::string &key : {lang, std::string("en")}) {
        const auto &v = member(map, key.c_str());
        if (v.is_string())
            return v.get<std::string>();
    }
    for (const auto &v : map)
        if (v.is_string())
            return v.get<std::string>();
    return {};
}

} // namespace

std::vector<std::string> stringList(const nlohmann::json &value)
{
    std::vector<std::string> out;
    if (!value.is_array())
        return out;
    out.reserve(value.size());
    for (const auto &v : value)
        if (v.is_string())
            out.push_back(v.get<std::string>());
    return out;
}

StringMap stringMap(const nlohmann::json &value)
{
    StringMap out;
    if (!value.is_object())
        return out;
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (it.value().is_string())
            out.emplace(it.key(), it.value().get<std::string>());
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

ObjectView::ObjectView(const nlohmann::json &object)
    : m_object(object)
{
}

const nlohmann::json &ObjectView::at(std::initializer_list<const char *> path) const
{
    const nlohmann::json *j = &m_object;
    for (const char *key : path) {
        j = &member(*j, key);
        if (j->is_null())
            return emptyJson();
    }
    return *j;
}

std::string ObjectView::stringAt(std::initializer_list<const char *> path) const
{
    return str(at(path));
}

std::string ObjectView::name() const { return stringAt({"metadata", "name"}); }
std::string ObjectView::namespaceName() const { return stringAt({"metadata", "namespace"}); }
std::string ObjectView::creationTimestamp() const { return stringAt({"metadata", "creationTimestamp"}); }
bool ObjectView::deleting() const { return !stringAt({"metadata", "deletionTimestamp"}).empty(); }

std::string ObjectView::label(const char *key) const { return str(member(at({"metadata", "labels"}), key)); }
std::string ObjectView::annotation(const char *key) const { return str(member(at({"metadata", "annotations"}), key)); }
bool ObjectView::hasLabel(const char *key) const { return member(at({"metadata", "labels"}), key).is_string(); }
bool ObjectView::hasAnnotation(const char *key) const
{
    return member(at({"metadata", "annotations"}), key).is_string();
}
StringMap ObjectView::labels() const { return stringMap(at({"metadata", "labels"})); }
StringMap ObjectView::annotations() const { return stringMap(at({"metadata", "annotations"})); }

std::string ObjectView::alias() const { return annotation(kAliasAnnotation); }
std::string ObjectView::description() const { return annotation(kDescriptionAnnotation); }
std::string ObjectView::creator() const { return annotation(kCreatorAnnotation); }
std::string ObjectView::workspaceLabel() const { return label(kWorkspaceLabel); }

// --- WorkspaceView ---

bool WorkspaceView::isTemplate() const
{
    return str(member(m_object, "kind")) == "WorkspaceTemplate" || at({"spec", "template"}).is_object();
}

std::string WorkspaceView::manager() const
{
    if (isTemplate())
        return stringAt({"spec", "template", "spec", "manager"});
    return stringAt({"spec", "manager"});
}

std::optional<bool> WorkspaceView::networkIsolationField() const
{
    const auto &v = isTemplate() ? at({"spec", "template", "spec", "networkIsolation"})
                                 : at({"spec", "networkIsolation"});
    if (!v.is_boolean())
        return std::nullopt;
    return v.get<bool>();
}

bool WorkspaceView::isolationAnnotationEnabled() const
{
    if (annotation(kNetworkIsolateAnnotation) == kNetworkIsolateEnabled)
        return true;
    return str(member(at({"spec", "template", "metadata", "annotations"}), kNetworkIsolateAnnotation))
        == kNetworkIsolateEnabled;
}

std::map<std::string, bool> WorkspaceView::isolationOverrides() const
{
    std::map<std::string, bool> out;
    const auto &overrides = at({"spec", "overrides"});
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
                out[cluster] = value.get<bool>();
        }
    }
    return out;
}

std::string WorkspaceView::deletionPropagation() const { return annotation(kDeletionPropagationAnnotation); }

std::vector<std::string> WorkspaceView::placementClusters() const
{
    std::vector<std::string> out;
    const auto &clusters = at({"spec", "placement", "clusters"});
    if (!clusters.is_array())
        return out;
    for (const auto &c : clusters) {
        const std::string n = str(member(c, "name"));
        if (!n.empty())
            out.push_back(n);
    }
    return out;
}

const nlohmann::json *WorkspaceView::clusterSelector() const
{
    const auto &s = at({"spec", "placement", "clusterSelector"});
    return s.is_object() ? &s : nullptr;
}

StringMap WorkspaceView::templateLabels() const { return stringMap(at({"spec", "template", "metadata", "labels"})); }
StringMap WorkspaceView::templateAnnotations() const
{
    return stringMap(at({"spec", "template", "metadata", "annotations"}));
}

std::string WorkspaceView::alias() const
{
    std::string a = ObjectView::alias();
    if (a.empty())
        a = str(member(at({"spec", "template", "metadata", "annotations"}), kAliasAnnotation));
    return a;
}

std::string WorkspaceView::description() const
{
    std::string d = ObjectView::description();
    if (d.empty())
        d = str(member(at({"spec", "template", "metadata", "annotations"}), kDescriptionAnnotation));
    return d;
}

// --- UserView ---

std::string UserView::email() const { return stringAt({"spec", "email"}); }
std::string UserView::displayName() const { return stringAt({"spec", "displayName"}); }
std::string UserView::description() const
{
    std::string d = stringAt({"spec", "description"});
    return d.empty() ? ObjectView::description() : d;
}
std::string UserView::lang() const { return stringAt({"spec", "lang"}); }
std::vector<std::string> UserView::groups() const { return stringList(at({"spec", "groups"})); }
std::string UserView::state() const { return stringAt({"status", "state"}); }
std::string UserView::reason() const { return stringAt({"status", "reason"}); }
std::string UserView::lastLoginTime() const { return stringAt({"status", "lastLoginTime"}); }
std::string UserView::lastTransitionTime() const { return stringAt({"status", "lastTransitionTime"}); }
std::string UserView::globalRoleAnnotation() const { return annotation(kGlobalRoleAnnotation); }
bool UserView::uninitialized() const { return annotation(kUninitializedAnnotation) == "true"; }
bool UserView::hasPassword() const { return !stringAt({"spec", "password"}).empty(); }

std::vector<std::string> UserView::grantedClusters() const
{
    std::vector<std::string> out;
    const std::string list = annotation(kGrantedClustersAnnotation);
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

const nlohmann::json &RoleView::rules() const
{
    const auto &r = member(m_object, "rules");
    return r.is_array() ? r : emptyArray();
}

std::vector<PolicyRule> RoleView::policyRules() const
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

std::size_t RoleView::ruleCount() const { return rules().size(); }

bool RoleView::hasAggregationRoleTemplates() const { return member(m_object, "aggregationRoleTemplates").is_object(); }

std::vector<std::string> RoleView::templateNames() const
{
    return stringList(at({"aggregationRoleTemplates", "templateNames"}));
}

const nlohmann::json *RoleView::roleSelector() const
{
    const auto &s = at({"aggregationRoleTemplates", "roleSelector"});
    return s.is_object() ? &s : nullptr;
}

std::vector<std::string> RoleView::aggregationRolesAnnotation() const
{
    const std::string text = annotation(kAggregationRolesAnnotation);
    if (text.empty())
        return {};
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    return stringList(parsed);
}

bool RoleView::isTemplate3x() const { return label(kRoleTemplateLabel) == "true"; }
bool RoleView::autoAggregate() const { return annotation(kAutoAggregateAnnotation) == "true"; }
std::string RoleView::regoOverride() const { return annotation(kRegoOverrideAnnotation); }

// --- RoleTemplateView ---

std::string RoleTemplateView::scope() const { return label(kScopeLabel); }
std::string RoleTemplateView::category() const { return label(kCategoryLabel); }
std::string RoleTemplateView::displayName(const std::string &lang) const
{
    return pickLanguage(at({"spec", "displayName"}), lang);
}
std::string RoleTemplateView::descriptionText(const std::string &lang) const
{
    return pickLanguage(at({"spec", "description"}), lang);
}

const nlohmann::json &RoleTemplateView::rules() const
{
    const auto &r = at({"spec", "rules"});
    return r.is_array() ? r : emptyArray();
}

std::vector<std::string> RoleTemplateView::aggregateTo() const
{
    std::vector<std::string> out;
    const std::string prefix = kAggregateToPrefix;
    for (const auto &[key, value] : labels())
        if (key.compare(0, prefix.size(), prefix) == 0)
            out.push_back(key.substr(prefix.size()));
    return out;
}

bool RoleTemplateView::hidden() const { return label(kHiddenRoleTemplateLabel) == "true"; }
bool RoleTemplateView::basic() const { return label(kBasicRoleTemplateLabel) == "true"; }

// --- BlueprintView ---

std::string BlueprintView::roleKind() const { return stringAt({"role", "kind"}); }
std::string BlueprintView::roleName() const { return stringAt({"role", "metadata", "name"}); }
std::string BlueprintView::scope() const { return label(kScopeLabel); }
const nlohmann::json *BlueprintView::targetSelector() const
{
    const auto &s = at({"targetSelector"});
    return s.is_object() ? &s : nullptr;
}

// --- BindingView ---

RoleRef BindingView::roleRef() const
{
    const auto &r = member(m_object, "roleRef");
    return RoleRef{str(member(r, "apiGroup")), str(member(r, "kind")), str(member(r, "name"))};
}

std::vector<Subject> BindingView::subjects() const
{
    std::vector<Subject> out;
    const auto &list = member(m_object, "subjects");
    if (!list.is_array())
        return out;
    out.reserve(list.size());
    for (const auto &s : list)
        out.push_back(Subject{str(member(s, "kind")), str(member(s, "name")), str(member(s, "namespace")),
                              str(member(s, "apiGroup"))});
    return out;
}

std::string BindingView::userRef() const { return label(kUserRefLabel); }
std::string BindingView::groupRef() const { return label(kGroupRefLabel); }
std::string BindingView::roleRefLabel() const { return label(kRoleRefLabel); }

// --- GroupBindingView / GroupView ---

std::string GroupBindingView::groupName() const { return stringAt({"groupRef", "name"}); }
std::vector<std::string> GroupBindingView::users() const { return stringList(member(m_object, "users")); }

std::string GroupView::parent() const { return label("iam.kubesphere.io/group-parent"); }
std::string GroupView::displayName() const
{
    std::string generate = meta().generateName();
    if (!generate.empty() && generate.back() == '-')
        generate.pop_back();
    return generate.empty() ? name() : generate;
}

// --- ProjectView ---

std::string ProjectView::workspace() const { return workspaceLabel(); }
bool ProjectView::managed() const { return label(kManagedLabel) == "true"; }
bool ProjectView::isolationEnabled() const { return annotation(kNetworkIsolateAnnotation) == kNetworkIsolateEnabled; }
bool ProjectView::protectedResource() const { return label(kProtectedLabel) == "true"; }
std::string ProjectView::phase() const { return stringAt({"status", "phase"}); }

// --- WorkspaceQuotaView ---

StringMap WorkspaceQuotaView::selector() const { return stringMap(at({"spec", "selector"})); }

std::string WorkspaceQuotaView::selectedWorkspace() const
{
    const std::string selected = str(member(at({"spec", "selector"}), kWorkspaceLabel));
    return selected.empty() ? workspaceLabel() : selected;
}

StringMap WorkspaceQuotaView::hard() const { return stringMap(at({"spec", "quota", "hard"})); }
StringMap WorkspaceQuotaView::used() const { return stringMap(at({"status", "total", "used"})); }

std::vector<WorkspaceQuotaView::NamespaceUsage> WorkspaceQuotaView::namespaces() const
{
    std::vector<NamespaceUsage> out;
    const auto &list = at({"status", "namespaces"});
    if (!list.is_array())
        return out;
    for (const auto &n : list)
        out.push_back(NamespaceUsage{str(member(n, "namespace")), stringMap(member(n, "hard")),
                                     stringMap(member(n, "used"))});
    return out;
}

// --- ResourceQuotaView ---

StringMap ResourceQuotaView::hard() const { return stringMap(at({"spec", "hard"})); }
StringMap ResourceQuotaView::used() const { return stringMap(at({"status", "used"})); }
std::vector<std::string> ResourceQuotaView::scopes() const { return stringList(at({"spec", "scopes"})); }

// --- LimitRangeView ---

std::vector<LimitRangeView::Item> LimitRangeView::items() const
{
    std::vector<Item> out;
    const auto &limits = at({"spec", "limits"});
    if (!limits.is_array())
        return out;
    for (const auto &l : limits)
        out.push_back(Item{str(member(l, "type")), stringMap(member(l, "default")), stringMap(member(l, "defaultRequest")),
                           stringMap(member(l, "max")), stringMap(member(l, "min"))});
    return out;
}

std::optional<LimitRangeView::Item> LimitRangeView::container() const
{
    for (auto &item : items())
        if (item.type == "Container")
            return item;
    return std::nullopt;
}

// --- NetworkPolicyView ---

std::vector<std::string> NetworkPolicyView::policyTypes() const { return stringList(at({"spec", "policyTypes"})); }

std::size_t NetworkPolicyView::ingressRuleCount() const
{
    const auto &r = at({"spec", "ingress"});
    return r.is_array() ? r.size() : 0;
}

std::size_t NetworkPolicyView::egressRuleCount() const
{
    const auto &r = at({"spec", "egress"});
    return r.is_array() ? r.size() : 0;
}

bool NetworkPolicyView::isIsolationPolicy() const { return name() == kIsolationPolicyName; }
bool NetworkPolicyView::generatedFromNsnp() const { return name().rfind("nsnp-", 0) == 0; }

// --- ClusterView ---

bool ClusterView::isHost() const { return hasLabel("cluster-role.kubesphere.io/host"); }

bool ClusterView::ready() const
{
    const auto &conditions = at({"status", "conditions"});
    if (!conditions.is_array())
        return false;
    for (const auto &c : conditions)
        if (str(member(c, "type")) == "Ready")
            return str(member(c, "status")) == "True";
    return false;
}

} // namespace kube::tenancy
