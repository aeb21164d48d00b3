// Tests for the typed tenancy views (kube::tenancy::*View), LabelSelector matching and the
// GraphKind <-> resource mapping: every accessor, both flavours, and tolerance of bad input.
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/graph/graphselector.h"
#include "kubeclient/kubesphere/objectviews.h"

#include <QtTest/QtTest>

using namespace kube::tenancy;
using nlohmann::json;

class TestTenancyViews : public QObject
{
    Q_OBJECT

private slots:
    void workspaceTemplate4x();
    void workspaceTemplate3x();
    void workspace();
    void user();
    void role4x();
    void role3x();
    void roleTemplate();
    void blueprints();
    void binding();
    void groupAndGroupBinding();
    void project();
    void workspaceQuota();
    void resourceQuotaAndLimitRange();
    void networkPolicy();
    void cluster();
    void toleratesMistypedFields();
    void labelSelector_data();
    void labelSelector();
    void graphKindOfObjects();
    void resourcesPerFlavour();
};

void TestTenancyViews::workspaceTemplate4x()
{
    // Given a 4.x WorkspaceTemplate as the console writes it
    const json o = json::parse(R"({
        "apiVersion": "tenant.kubesphere.io/v1beta1", "kind": "WorkspaceTemplate",
        "metadata": {"name": "ws1", "creationTimestamp": "2025-01-01T00:00:00Z",
                     "annotations": {"kubesphere.io/creator": "admin",
                                     "kubesphere.io/network-isolate": "enabled",
                                     "kubesphere.io/deletion-propagation": "Background"}},
        "spec": {"placement": {"clusters": [{"name": "host"}, {"name": "member1"}, {}]},
                 "template": {"metadata": {"labels": {"a": "b"},
                                           "annotations": {"kubesphere.io/alias-name": "Team",
                                                           "kubesphere.io/description": "desc"}},
                              "spec": {"manager": "user-a"}}}})");
    // When it is read through a WorkspaceView
    const WorkspaceView v(o);
    // Then the template shape is recognised and every field is found where 4.x keeps it
    QVERIFY(v.isTemplate());
    QCOMPARE(v.name(), std::string("ws1"));
    QCOMPARE(v.manager(), std::string("user-a"));
    QCOMPARE(v.creator(), std::string("admin"));
    QCOMPARE(v.alias(), std::string("Team"));  // from spec.template.metadata
    QCOMPARE(v.description(), std::string("desc"));
    QVERIFY(v.isolationAnnotationEnabled());
    QVERIFY(!v.networkIsolationField().has_value());
    QCOMPARE(v.deletionPropagation(), std::string("Background"));
    QCOMPARE(v.placementClusters(), (std::vector<std::string>{"host", "member1"}));
    QVERIFY(v.clusterSelector() == nullptr);
    QCOMPARE(v.templateLabels(), (StringMap{{"a", "b"}}));
    QCOMPARE(v.templateAnnotations().size(), std::size_t(2));
    QCOMPARE(v.creationTimestamp(), std::string("2025-01-01T00:00:00Z"));
}

void TestTenancyViews::workspaceTemplate3x()
{
    // Given a 3.x template with the isolation flag in the spec and a per-cluster override
    const json o = json::parse(R"({
        "apiVersion": "tenant.kubesphere.io/v1alpha2", "kind": "WorkspaceTemplate",
        "metadata": {"name": "ws1"},
        "spec": {"placement": {"clusterSelector": {"matchLabels": {"env": "prod"}}},
                 "template": {"spec": {"manager": "user-a", "networkIsolation": true}},
                 "overrides": [{"clusterName": "member1",
                                "clusterOverrides": [{"op": "replace", "path": "/spec/networkIsolation", "value": false},
                                                     {"path": "/spec/manager", "value": "x"}]},
                               {"clusterName": "member2",
                                "clusterOverrides": [{"op": "remove", "path": "/spec/networkIsolation"}]}]}})");
    // When read
    const WorkspaceView v(o);
    // Then the spec field, the overrides and the selector are reported
    QCOMPARE(v.networkIsolationField(), std::optional<bool>(true));
    QVERIFY(!v.isolationAnnotationEnabled());
    QCOMPARE(v.isolationOverrides(), (std::map<std::string, bool>{{"member1", false}}));
    QVERIFY(v.clusterSelector() != nullptr);
    QCOMPARE((*v.clusterSelector())["matchLabels"]["env"].get<std::string>(), std::string("prod"));
    QVERIFY(v.placementClusters().empty());
    QCOMPARE(v.deletionPropagation(), std::string());
}

void TestTenancyViews::workspace()
{
    // Given per-cluster Workspaces of both flavours
    const json v4 = json::parse(R"({"kind": "Workspace", "metadata": {"name": "ws1",
        "annotations": {"kubesphere.io/alias-name": "W"}}, "spec": {"manager": "m"}})");
    const json v3 = json::parse(R"({"kind": "Workspace", "metadata": {"name": "ws1"},
        "spec": {"manager": "m", "networkIsolation": false}})");
    // Then the spec is read at the top level, not under spec.template
    QVERIFY(!WorkspaceView(v4).isTemplate());
    QCOMPARE(WorkspaceView(v4).manager(), std::string("m"));
    QCOMPARE(WorkspaceView(v4).alias(), std::string("W"));
    QVERIFY(!WorkspaceView(v4).networkIsolationField().has_value());
    QCOMPARE(WorkspaceView(v3).networkIsolationField(), std::optional<bool>(false));
}

void TestTenancyViews::user()
{
    // Given a User with every field KubeSphere sets
    const json o = json::parse(R"({"kind": "User", "metadata": {"name": "u1",
        "annotations": {"iam.kubesphere.io/globalrole": "platform-regular",
                        "iam.kubesphere.io/granted-clusters": " host ,member1,, ",
                        "iam.kubesphere.io/uninitialized": "true",
                        "kubesphere.io/description": "from annotation"}},
        "spec": {"email": "u1@example.com", "displayName": "U One", "lang": "zh",
                 "groups": ["g1", 7, "g2"], "password": "secret"},
        "status": {"state": "AuthLimitExceeded", "reason": "too many", "lastLoginTime": "t1",
                   "lastTransitionTime": "t2"}})");
    // When read
    const UserView v(o);
    // Then each accessor answers, and the password is only reported as present
    QCOMPARE(v.email(), std::string("u1@example.com"));
    QCOMPARE(v.displayName(), std::string("U One"));
    QCOMPARE(v.lang(), std::string("zh"));
    QCOMPARE(v.description(), std::string("from annotation"));
    QCOMPARE(v.groups(), (std::vector<std::string>{"g1", "g2"}));
    QCOMPARE(v.state(), std::string("AuthLimitExceeded"));
    QCOMPARE(v.reason(), std::string("too many"));
    QCOMPARE(v.lastLoginTime(), std::string("t1"));
    QCOMPARE(v.lastTransitionTime(), std::string("t2"));
    QCOMPARE(v.globalRoleAnnotation(), std::string("platform-regular"));
    QCOMPARE(v.grantedClusters(), (std::vector<std::string>{"host", "member1"}));
    QVERIFY(v.uninitialized());
    QVERIFY(v.hasPassword());
}

void TestTenancyViews::role4x()
{
    // Given a 4.x role with aggregationRoleTemplates and a rego override
    const json o = json::parse(R"({"kind": "WorkspaceRole", "metadata": {"name": "ws1-x",
        "labels": {"kubesphere.io/workspace": "ws1"},
        "annotations": {"iam.kubesphere.io/auto-aggregate": "true", "iam.kubesphere.io/rego-override": "package authz"}},
        "aggregationRoleTemplates": {"templateNames": ["t1", "t2"], "roleSelector": {"matchLabels": {"k": "v"}}},
        "rules": [{"verbs": ["get"], "apiGroups": [""], "resources": ["pods", "pods/log"], "resourceNames": ["p"]},
                  {"verbs": ["get"], "nonResourceURLs": ["/healthz"]}]})");
    // When read
    const RoleView v(o);
    // Then rules keep every field and the aggregation settings are visible
    QCOMPARE(v.ruleCount(), std::size_t(2));
    const auto rules = v.policyRules();
    QCOMPARE(rules[0].resources, (std::vector<std::string>{"pods", "pods/log"}));
    QCOMPARE(rules[0].resourceNames, (std::vector<std::string>{"p"}));
    QCOMPARE(rules[1].nonResourceURLs, (std::vector<std::string>{"/healthz"}));
    QVERIFY(v.hasAggregationRoleTemplates());
    QCOMPARE(v.templateNames(), (std::vector<std::string>{"t1", "t2"}));
    QVERIFY(v.roleSelector() != nullptr);
    QVERIFY(v.autoAggregate());
    QCOMPARE(v.regoOverride(), std::string("package authz"));
    QCOMPARE(v.workspaceLabel(), std::string("ws1"));
    QVERIFY(!v.isTemplate3x());
    QVERIFY(v.aggregationRolesAnnotation().empty());
}

void TestTenancyViews::role3x()
{
    // Given a 3.x template role and a role aggregating through the annotation (one malformed)
    const json tmpl = json::parse(R"({"kind": "GlobalRole", "metadata": {"name": "role-template-x",
        "labels": {"iam.kubesphere.io/role-template": "true"}}, "rules": []})");
    const json role = json::parse(R"({"kind": "GlobalRole", "metadata": {"name": "r",
        "annotations": {"iam.kubesphere.io/aggregation-roles": "[\"role-template-x\", \"role-template-y\"]"}}})");
    const json broken = json::parse(R"({"kind": "GlobalRole", "metadata": {"name": "b",
        "annotations": {"iam.kubesphere.io/aggregation-roles": "[not json"}}})");
    // Then the template label and the annotation list are read; garbage reads as empty
    QVERIFY(RoleView(tmpl).isTemplate3x());
    QCOMPARE(RoleView(role).aggregationRolesAnnotation(), (std::vector<std::string>{"role-template-x", "role-template-y"}));
    QVERIFY(RoleView(broken).aggregationRolesAnnotation().empty());
    QCOMPARE(RoleView(role).ruleCount(), std::size_t(0));
    QVERIFY(RoleView(role).rules().is_array());
}

void TestTenancyViews::roleTemplate()
{
    // Given a 4.x RoleTemplate with language maps and aggregate-to labels
    const json o = json::parse(R"({"kind": "RoleTemplate", "metadata": {"name": "t",
        "labels": {"iam.kubesphere.io/scope": "workspace", "iam.kubesphere.io/category": "c",
                   "iam.kubesphere.io/aggregate-to-viewer": "", "iam.kubesphere.io/aggregate-to-regular": "",
                   "iam.kubesphere.io/hidden-role-template": "true"}},
        "spec": {"displayName": {"zh": "中", "en": "English"}, "description": {"zh": "only zh"},
                 "rules": [{"verbs": ["get"]}]}})");
    // When read
    const RoleTemplateView v(o);
    // Then the language falls back to English, then to any language
    QCOMPARE(v.scope(), std::string("workspace"));
    QCOMPARE(v.category(), std::string("c"));
    QCOMPARE(v.displayName(), std::string("English"));
    QCOMPARE(v.displayName("zh"), std::string("中"));
    QCOMPARE(v.descriptionText(), std::string("only zh"));
    QCOMPARE(v.rules().size(), std::size_t(1));
    QCOMPARE(v.aggregateTo(), (std::vector<std::string>{"regular", "viewer"}));
    QVERIFY(v.hidden());
    QVERIFY(!v.basic());
}

void TestTenancyViews::blueprints()
{
    // Given a 4.x BuiltinRole and a 3.x RoleBase
    const json builtin = json::parse(R"({"kind": "BuiltinRole", "metadata": {"name": "b",
        "labels": {"iam.kubesphere.io/scope": "namespace"}},
        "role": {"kind": "Role", "metadata": {"name": "admin"}}, "targetSelector": {"matchLabels": {"x": "y"}}})");
    const json roleBase = json::parse(R"({"kind": "RoleBase", "metadata": {"name": "rb"},
        "role": {"kind": "WorkspaceRole", "metadata": {"name": "viewer"}}})");
    // Then the embedded role's kind and name are read
    QCOMPARE(BlueprintView(builtin).roleKind(), std::string("Role"));
    QCOMPARE(BlueprintView(builtin).roleName(), std::string("admin"));
    QCOMPARE(BlueprintView(builtin).scope(), std::string("namespace"));
    QVERIFY(BlueprintView(builtin).targetSelector() != nullptr);
    QCOMPARE(BlueprintView(roleBase).roleKind(), std::string("WorkspaceRole"));
    QCOMPARE(BlueprintView(roleBase).roleName(), std::string("viewer"));
    QVERIFY(BlueprintView(roleBase).targetSelector() == nullptr);
}

void TestTenancyViews::binding()
{
    // Given a 4.x project binding with the user and the user's kubeconfig service account
    const json o = json::parse(R"({"kind": "RoleBinding", "metadata": {"name": "u-admin", "namespace": "p1",
        "labels": {"iam.kubesphere.io/user-ref": "u", "iam.kubesphere.io/role-ref": "admin",
                   "iam.kubesphere.io/group-ref": "g"}},
        "roleRef": {"apiGroup": "iam.kubesphere.io", "kind": "Role", "name": "admin"},
        "subjects": [{"apiGroup": "iam.kubesphere.io", "kind": "User", "name": "u"},
                     {"kind": "ServiceAccount", "name": "kubesphere.users.u", "namespace": "kubesphere-system"}]})");
    // When read
    const BindingView v(o);
    // Then roleRef, both subjects and the lookup labels are visible
    QCOMPARE(v.roleRef(), (RoleRef{"iam.kubesphere.io", "Role", "admin"}));
    const auto subjects = v.subjects();
    QCOMPARE(subjects.size(), std::size_t(2));
    QVERIFY(subjects[0].isUser());
    QCOMPARE(subjects[0].userName(), std::string("u"));
    QVERIFY(subjects[1].isServiceAccount());
    QCOMPARE(subjects[1].userName(), std::string("system:serviceaccount:kubesphere-system:kubesphere.users.u"));
    QCOMPARE(v.userRef(), std::string("u"));
    QCOMPARE(v.groupRef(), std::string("g"));
    QCOMPARE(v.roleRefLabel(), std::string("admin"));
    QCOMPARE(v.namespaceName(), std::string("p1"));
    // And subjects match as KubeSphere matches them: kind + name, apiGroup ignored
    QVERIFY((Subject{"User", "u", "", "rbac.authorization.k8s.io"}).sameAs(subjects[0]));
    QVERIFY(!(Subject{"Group", "u", "", ""}).sameAs(subjects[0]));
    QVERIFY(!(Subject{"ServiceAccount", "kubesphere.users.u", "other", ""}).sameAs(subjects[1]));
}

void TestTenancyViews::groupAndGroupBinding()
{
    const json group = json::parse(R"({"kind": "Group", "metadata": {"name": "devs-x1", "generateName": "devs-",
        "labels": {"kubesphere.io/workspace": "ws1", "iam.kubesphere.io/group-parent": "eng"}}})");
    const json plain = json::parse(R"({"kind": "Group", "metadata": {"name": "ops"}})");
    const json gb = json::parse(R"({"kind": "GroupBinding", "metadata": {"name": "devs-u1-abc"},
        "groupRef": {"kind": "groups", "name": "devs-x1"}, "users": ["u1", "u2"]})");
    QCOMPARE(GroupView(group).displayName(), std::string("devs"));
    QCOMPARE(GroupView(group).parent(), std::string("eng"));
    QCOMPARE(GroupView(group).workspaceLabel(), std::string("ws1"));
    QCOMPARE(GroupView(plain).displayName(), std::string("ops"));
    QCOMPARE(GroupBindingView(gb).groupName(), std::string("devs-x1"));
    QCOMPARE(GroupBindingView(gb).users(), (std::vector<std::string>{"u1", "u2"}));
}

void TestTenancyViews::project()
{
    const json o = json::parse(R"({"kind": "Namespace", "metadata": {"name": "p1", "deletionTimestamp": "t",
        "labels": {"kubesphere.io/workspace": "ws1", "kubesphere.io/managed": "true",
                   "kubesphere.io/protected-resource": "true"},
        "annotations": {"kubesphere.io/network-isolate": "enabled", "kubesphere.io/creator": "u"}},
        "status": {"phase": "Terminating"}})");
    const json off = json::parse(R"({"kind": "Namespace", "metadata": {"name": "p2",
        "annotations": {"kubesphere.io/network-isolate": "true"}}})");
    const ProjectView v(o);
    QCOMPARE(v.workspace(), std::string("ws1"));
    QVERIFY(v.managed());
    QVERIFY(v.isolationEnabled());
    QVERIFY(v.protectedResource());
    QVERIFY(v.deleting());
    QCOMPARE(v.phase(), std::string("Terminating"));
    QCOMPARE(v.creator(), std::string("u"));
    // Only the exact value "enabled" turns isolation on (spec 9.1)
    QVERIFY(!ProjectView(off).isolationEnabled());
    QCOMPARE(ProjectView(off).workspace(), std::string());
}

void TestTenancyViews::workspaceQuota()
{
    const json o = json::parse(R"({"kind": "ResourceQuota", "metadata": {"name": "q",
        "labels": {"kubesphere.io/workspace": "label-ws"}},
        "spec": {"selector": {"kubesphere.io/workspace": "ws1"}, "quota": {"hard": {"pods": "10", "cpu": 4}}},
        "status": {"total": {"used": {"pods": "3"}},
                   "namespaces": [{"namespace": "p1", "hard": {"pods": "10"}, "used": {"pods": "3"}}]}})");
    const json labelOnly = json::parse(R"({"kind": "ResourceQuota", "metadata": {"name": "q2",
        "labels": {"kubesphere.io/workspace": "ws2"}}, "spec": {"selector": {"other": "x"}}})");
    const WorkspaceQuotaView v(o);
    QCOMPARE(v.selectedWorkspace(), std::string("ws1"));  // the selector wins over the label
    QCOMPARE(v.selector(), (StringMap{{"kubesphere.io/workspace", "ws1"}}));
    QCOMPARE(v.hard(), (StringMap{{"cpu", "4"}, {"pods", "10"}}));  // a JSON number kept as text
    QCOMPARE(v.used(), (StringMap{{"pods", "3"}}));
    QCOMPARE(v.namespaces().size(), std::size_t(1));
    QCOMPARE(v.namespaces()[0].namespaceName, std::string("p1"));
    QCOMPARE(v.namespaces()[0].used, (StringMap{{"pods", "3"}}));
    QCOMPARE(WorkspaceQuotaView(labelOnly).selectedWorkspace(), std::string("ws2"));
}

void TestTenancyViews::resourceQuotaAndLimitRange()
{
    const json rq = json::parse(R"({"kind": "ResourceQuota", "metadata": {"name": "p1", "namespace": "p1"},
        "spec": {"hard": {"limits.cpu": "2"}, "scopes": ["NotTerminating"]},
        "status": {"used": {"limits.cpu": "500m"}}})");
    const json lr = json::parse(R"({"kind": "LimitRange", "metadata": {"name": "l", "namespace": "p1"},
        "spec": {"limits": [{"type": "PersistentVolumeClaim", "max": {"storage": "1Gi"}},
                            {"type": "Container", "default": {"cpu": "500m"}, "defaultRequest": {"cpu": "10m"},
                             "max": {"cpu": "1"}, "min": {"cpu": "1m"}}]}})");
    QCOMPARE(ResourceQuotaView(rq).hard(), (StringMap{{"limits.cpu", "2"}}));
    QCOMPARE(ResourceQuotaView(rq).used(), (StringMap{{"limits.cpu", "500m"}}));
    QCOMPARE(ResourceQuotaView(rq).scopes(), (std::vector<std::string>{"NotTerminating"}));
    const LimitRangeView l(lr);
    QCOMPARE(l.items().size(), std::size_t(2));
    const auto c = l.container();
    QVERIFY(c.has_value());
    QCOMPARE(c->defaultLimits, (StringMap{{"cpu", "500m"}}));
    QCOMPARE(c->defaultRequest, (StringMap{{"cpu", "10m"}}));
    QCOMPARE(c->max, (StringMap{{"cpu", "1"}}));
    QCOMPARE(c->min, (StringMap{{"cpu", "1m"}}));
}

void TestTenancyViews::networkPolicy()
{
    const json iso = json::parse(R"({"kind": "NetworkPolicy", "metadata": {"name": "nsnp-network-isolate"},
        "spec": {"policyTypes": ["Ingress", "Egress"], "ingress": [{}, {}], "egress": [{}]}})");
    const json custom = json::parse(R"({"kind": "NetworkPolicy", "metadata": {"name": "allow"}, "spec": {}})");
    QVERIFY(NetworkPolicyView(iso).isIsolationPolicy());
    QVERIFY(NetworkPolicyView(iso).generatedFromNsnp());
    QCOMPARE(NetworkPolicyView(iso).policyTypes(), (std::vector<std::string>{"Ingress", "Egress"}));
    QCOMPARE(NetworkPolicyView(iso).ingressRuleCount(), std::size_t(2));
    QCOMPARE(NetworkPolicyView(iso).egressRuleCount(), std::size_t(1));
    QVERIFY(!NetworkPolicyView(custom).isIsolationPolicy());
    QVERIFY(!NetworkPolicyView(custom).generatedFromNsnp());
    QCOMPARE(NetworkPolicyView(custom).ingressRuleCount(), std::size_t(0));
}

void TestTenancyViews::cluster()
{
    const json host = json::parse(R"({"kind": "Cluster", "metadata": {"name": "host",
        "labels": {"cluster-role.kubesphere.io/host": ""}},
        "status": {"conditions": [{"type": "Initialized", "status": "True"}, {"type": "Ready", "status": "True"}]}})");
    const json member = json::parse(R"({"kind": "Cluster", "metadata": {"name": "m"},
        "status": {"conditions": [{"type": "Ready", "status": "False"}]}})");
    QVERIFY(ClusterView(host).isHost());
    QVERIFY(ClusterView(host).ready());
    QVERIFY(!ClusterView(member).isHost());
    QVERIFY(!ClusterView(member).ready());
}

void TestTenancyViews::toleratesMistypedFields()
{
    // Given objects whose fields have the wrong JSON types (or are not objects at all)
    const json bad = json::parse(R"({"metadata": {"name": 5, "labels": ["x"], "annotations": "y"},
        "spec": "nope", "rules": "all", "subjects": {"kind": "User"}, "roleRef": [1],
        "aggregationRoleTemplates": {"templateNames": "t"}, "users": "u", "groupRef": 3,
        "status": {"conditions": "Ready"}})");
    const json notObject = json::array({1, 2});
    // Then every accessor reads empty instead of throwing
    QCOMPARE(ObjectView(bad).name(), std::string());
    QVERIFY(ObjectView(bad).labels().empty());
    QVERIFY(ObjectView(bad).annotations().empty());
    QCOMPARE(WorkspaceView(bad).manager(), std::string());
    QVERIFY(WorkspaceView(bad).placementClusters().empty());
    QCOMPARE(UserView(bad).email(), std::string());
    QCOMPARE(RoleView(bad).ruleCount(), std::size_t(0));
    QVERIFY(RoleView(bad).templateNames().empty());
    QVERIFY(BindingView(bad).subjects().empty());
    QCOMPARE(BindingView(bad).roleRef().name, std::string());
    QVERIFY(GroupBindingView(bad).users().empty());
    QCOMPARE(GroupBindingView(bad).groupName(), std::string());
    QVERIFY(!ClusterView(bad).ready());
    QVERIFY(LimitRangeView(bad).items().empty());
    QCOMPARE(ObjectView(notObject).name(), std::string());
    QVERIFY(BindingView(notObject).subjects().empty());
    QCOMPARE(WorkspaceQuotaView(notObject).selectedWorkspace(), std::string());
}

void TestTenancyViews::labelSelector_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matches");
    // Labels under test: {region: west, tier: gold, host: ""}
    QTest::newRow("empty matches all") << R"({})" << true;
    QTest::newRow("matchLabels hit") << R"({"matchLabels": {"region": "west"}})" << true;
    QTest::newRow("matchLabels miss") << R"({"matchLabels": {"region": "east"}})" << false;
    QTest::newRow("matchLabels empty value") << R"({"matchLabels": {"host": ""}})" << true;
    QTest::newRow("matchLabels absent key") << R"({"matchLabels": {"zone": ""}})" << false;
    QTest::newRow("In") << R"({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["gold", "x"]}]})" << true;
    QTest::newRow("In miss") << R"({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["x"]}]})" << false;
    QTest::newRow("In absent") << R"({"matchExpressions": [{"key": "zone", "operator": "In", "values": ["x"]}]})" << false;
    QTest::newRow("NotIn") << R"({"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["x"]}]})" << true;
    QTest::newRow("NotIn hit") << R"({"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["gold"]}]})" << false;
    QTest::newRow("NotIn absent") << R"({"matchExpressions": [{"key": "zone", "operator": "NotIn", "values": ["x"]}]})" << true;
    QTest::newRow("Exists") << R"({"matchExpressions": [{"key": "host", "operator": "Exists"}]})" << true;
    QTest::newRow("DoesNotExist") << R"({"matchExpressions": [{"key": "host", "operator": "DoesNotExist"}]})" << false;
    QTest::newRow("both must hold") << R"({"matchLabels": {"region": "west"},
        "matchExpressions": [{"key": "tier", "operator": "In", "values": ["silver"]}]})" << false;
    QTest::newRow("unknown operator") << R"({"matchExpressions": [{"key": "tier", "operator": "Gt", "values": ["1"]}]})" << false;
    QTest::newRow("not an object") << R"([])" << false;
    QTest::newRow("null parts") << R"({"matchLabels": null, "matchExpressions": null})" << true;
}

void TestTenancyViews::labelSelector()
{
    QFETCH(QString, selector);
    QFETCH(bool, matches);
    const std::map<std::string, std::string> labels{{"region", "west"}, {"tier", "gold"}, {"host", ""}};
    QCOMPARE(matchesLabelSelector(json::parse(selector.toStdString()), labels), matches);
}

void TestTenancyViews::graphKindOfObjects()
{
    auto kindOf = [](const char *apiVersion, const char *kind, ApiFlavor flavor) {
        return graphKindOf(json{{"apiVersion", apiVersion}, {"kind", kind}}, flavor);
    };
    // Project and cluster roles are RBAC in 3.x and iam.kubesphere.io in 4.x (spec 16)
    QCOMPARE(kindOf("rbac.authorization.k8s.io/v1", "Role", ApiFlavor::V3), std::optional(GraphKind::ProjectRole));
    QCOMPARE(kindOf("rbac.authorization.k8s.io/v1", "Role", ApiFlavor::V4), std::optional<GraphKind>());
    QCOMPARE(kindOf("iam.kubesphere.io/v1beta1", "Role", ApiFlavor::V4), std::optional(GraphKind::ProjectRole));
    QCOMPARE(kindOf("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", ApiFlavor::V3),
             std::optional(GraphKind::ClusterRoleBinding));
    QCOMPARE(kindOf("iam.kubesphere.io/v1beta1", "ClusterRoleBinding", ApiFlavor::V4),
             std::optional(GraphKind::ClusterRoleBinding));
    QCOMPARE(kindOf("quota.kubesphere.io/v1alpha2", "ResourceQuota", ApiFlavor::V4), std::optional(GraphKind::WorkspaceQuota));
    QCOMPARE(kindOf("v1", "ResourceQuota", ApiFlavor::V4), std::optional(GraphKind::ResourceQuota));
    QCOMPARE(kindOf("v1", "Namespace", ApiFlavor::V3), std::optional(GraphKind::Namespace));
    QCOMPARE(kindOf("v1", "Pod", ApiFlavor::V3), std::optional<GraphKind>());
    QCOMPARE(kindOf("tenant.kubesphere.io/v1alpha2", "WorkspaceTemplate", ApiFlavor::V3),
             std::optional(GraphKind::WorkspaceTemplate));
    QCOMPARE(kindOf("tenant.kubesphere.io/v1alpha1", "Workspace", ApiFlavor::V3), std::optional(GraphKind::Workspace));
    QCOMPARE(kindOf("iam.kubesphere.io/v1alpha2", "RoleBase", ApiFlavor::V3), std::optional(GraphKind::RoleBase));
    QCOMPARE(kindOf("iam.kubesphere.io/v1beta1", "RoleTemplate", ApiFlavor::V4), std::optional(GraphKind::RoleTemplate));
    QCOMPARE(kindOf("network.kubesphere.io/v1alpha1", "NamespaceNetworkPolicy", ApiFlavor::V4),
             std::optional(GraphKind::NamespaceNetworkPolicy));
    QCOMPARE(kindOf("networking.k8s.io/v1", "NetworkPolicy", ApiFlavor::V4), std::optional(GraphKind::NetworkPolicy));
    QCOMPARE(kindOf("cluster.kubesphere.io/v1alpha1", "Cluster", ApiFlavor::V4), std::optional(GraphKind::Cluster));
    QCOMPARE(graphKindOf(json::array(), ApiFlavor::V4), std::optional<GraphKind>());
    // Every kind has a name
    for (std::size_t k = 0; k < kGraphKindCount; ++k)
        QVERIFY(std::string(toString(static_cast<GraphKind>(k))) != "Unknown");
}

void TestTenancyViews::resourcesPerFlavour()
{
    const TenancyApi v4 = TenancyApi::forFlavor(ApiFlavor::V4);
    const TenancyApi v3 = TenancyApi::forFlavor(ApiFlavor::V3);
    const TenancyApi none = TenancyApi::forFlavor(ApiFlavor::None);
    QCOMPARE(resourceOf(GraphKind::ProjectRole, v4)->group, std::string("iam.kubesphere.io"));
    QCOMPARE(resourceOf(GraphKind::ProjectRole, v3)->group, std::string("rbac.authorization.k8s.io"));
    QCOMPARE(resourceOf(GraphKind::ClusterRoleBinding, v3)->resource, std::string("clusterrolebindings"));
    QVERIFY(resourceOf(GraphKind::RoleTemplate, v4).has_value());
    QVERIFY(!resourceOf(GraphKind::RoleTemplate, v3).has_value());
    QVERIFY(resourceOf(GraphKind::RoleBase, v3).has_value());
    QVERIFY(!resourceOf(GraphKind::RoleBase, v4).has_value());
    QCOMPARE(resourceOf(GraphKind::WorkspaceQuota, v3)->group, std::string("quota.kubesphere.io"));
    QCOMPARE(resourceOf(GraphKind::Cluster, v4)->resource, std::string("clusters"));
    // Without the tenancy API only the core kinds remain
    QVERIFY(resourceOf(GraphKind::Namespace, none).has_value());
    QVERIFY(resourceOf(GraphKind::LimitRange, none).has_value());
    QVERIFY(!resourceOf(GraphKind::User, none).has_value());
    QVERIFY(!resourceOf(GraphKind::NamespaceNetworkPolicy, none).has_value());
}

QTEST_GUILESS_MAIN(TestTenancyViews)
#include "tst_tenancyviews.moc"
