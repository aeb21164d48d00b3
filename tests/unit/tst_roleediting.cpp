// The engine behind the role editor, without a cluster: role templates' dependency closure,
// which rules the form can show and what it refuses, roles written from a base object (clone
// and edit keep every field but the server's), and the escalation verdict of each RBAC write
// of a plan for a writer whose rules come from SelfSubjectRulesReview answers.
#include "plannerfixture.h"

#include "kubeclient/kubesphere/rulecheck.h"
#include "kubeclient/rbac/selfrules.h"
#include "kubeclient/tenancy/graph/graphrecords.h"
#include "kubeclient/tenancy/plan/planescalation.h"

#include <QtTest>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
const char *const kRaw0 = R"(["a","b"])";
const char *const kRaw1 = R"({"a":1})";
const char *const kRaw2 = R"(["a", 3, ""])";
const char *const kRaw3 = R"({"apiGroups":[""],"resources":["pods/log"],"verbs":["*"]})";
const char *const kRaw4 = R"({"verbs":["get"],"x-note":"keep"})";
const char *const kRaw5 = R"({"verbs":"get"})";
const char *const kRaw6 = R"({"verbs":["get", 1]})";
const char *const kRaw7 = R"(["get"])";
const char *const kRaw8 = R"({"apiGroups":["*"],"resources":["*"],"verbs":["*"]})";
const char *const kRaw9 = "{\"apiGroups\":[\"\",\"apps\"],\"resources\":[\"pods/exec\",\"deployments/scale\",\"*/scale\"],\"verbs\":[\"create\"]}";
const char *const kRaw10 = R"({"apiGroups":[""],"resources":["configmaps"],"resourceNames":["cm1","system:x"],"verbs":["get"]})";
const char *const kRaw11 = "{\"nonResourceURLs\":[\"/healthz\",\"/apis/*\",\"*\"],\"verbs\":[\"get\"]}";
const char *const kRaw12 = R"({"verbs":["get","ge t"]})";
const char *const kRaw13 = R"({"verbs":[""]})";
const char *const kRaw14 = R"({"apiGroups":["Apps"],"resources":["pods"],"verbs":["get"]})";
const char *const kRaw15 = "{\"apiGroups\":[\"\"],\"resources\":[\"pods//log\"],\"verbs\":[\"get\"]}";
const char *const kRaw16 = R"({"apiGroups":[""],"resources":["Pods"],"verbs":["get"]})";
const char *const kRaw17 = R"({"apiGroups":[""],"resources":["pods"],"resourceNames":["a/b"],"verbs":["get"]})";
const char *const kRaw18 = R"({"nonResourceURLs":["/healthz"],"verbs":["get"]})";
const char *const kRaw19 = R"({"nonResourceURLs":["healthz"],"verbs":["get"]})";
const char *const kRaw20 = R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"Role",
        "metadata":{"name":"r1","namespace":"proj1","annotations":{"kubesphere.io/creator":"alice"}},"rules":[]})";

RoleTemplateInfo tmpl(std::string name, std::vector<std::string> deps)
{
    RoleTemplateInfo t;
    t.name = std::move(name);
    t.dependencies = std::move(deps);
    return t;
}

QString joined(const std::vector<std::string> &v)
{
    QStringList out;
    for (const auto &s : v)
        out << QString::fromStdString(s);
    return out.join(',');
}

// A SelfSubjectRulesReview answer as the server sends it.
json review(json resourceRules, json nonResourceRules = json::array())
{
    return {{"apiVersion", "authorization.k8s.io/v1"},
            {"kind", "SelfSubjectRulesReview"},
            {"status", {{"resourceRules", resourceRules}, {"nonResourceRules", nonResourceRules}, {"incomplete", false}}}};
}

// The writer's rules as writerRulesData merges them: one review's data added to `data`.
void addReview(rbac::RbacData &data, const json &answer, const rbac::Identity &me, const std::string &ns)
{
    const rbac::SelfRules rules = rbac::selfRulesData(answer, me, ns);
    for (const auto &[key, o] : rules.data.objects())
        data.add(o);
}

RoleSpec projectRole(const std::string &name, const char *rules)
{
    RoleSpec r;
    r.level = RoleSpec::Level::Project;
    r.scope = "proj1";
    r.name = name;
    r.rules = json::parse(rules);
    return r;
}
} // namespace

class tst_RoleEditing : public QObject
{
    Q_OBJECT
private slots:
    void dependencyClosureIsTransitiveAndStable();
    void dependenciesAnnotationParsing();
    void formShowsOnlyPlainRules();
    void ruleValuesNameRuleAndField();
    void cloneKeepsEveryFieldButTheServers();
    void editCarriesResourceVersionAndKeepsCreator();
    void plainRoleIsUnchangedWithoutBase();
    void escalationOfAStandaloneProjectRole();
    void escalationBindingToARoleOfTheSamePlan();
    void selfRulesKeepNonResourceRulesClusterWide();
};

void tst_RoleEditing::dependencyClosureIsTransitiveAndStable()
{
    // Given templates a -> b -> c, d -> (c, ghost), and e alone
    const std::vector<RoleTemplateInfo> offered = {tmpl("a", {"b"}), tmpl("b", {"c"}), tmpl("c", {}),
                                                   tmpl("d", {"c", "ghost"}), tmpl("e", {})};
    // When a and d are chosen
    const TemplateClosure c = templateClosure(offered, {"a", "d"});
    // Then the chosen come first, then what they pull in, each once; the unknown one is named
    QCOMPARE(joined(c.names), QStringLiteral("a,d,b,c"));
    QCOMPARE(joined(c.added), QStringLiteral("b,c"));
    QCOMPARE(joined(c.missing), QStringLiteral("ghost"));
    QCOMPARE(QString::fromStdString(c.requiredBy.at("b")), QStringLiteral("a"));
    QCOMPARE(QString::fromStdString(c.requiredBy.at("c")), QStringLiteral("d"));
    // A cycle ends
    const TemplateClosure cycle = templateClosure({tmpl("x", {"y"}), tmpl("y", {"x"})}, {"x"});
    QCOMPARE(joined(cycle.names), QStringLiteral("x,y"));
    // Nothing chosen, nothing added
    QVERIFY(templateClosure(offered, {}).names.empty());
}

void tst_RoleEditing::dependenciesAnnotationParsing()
{
    QCOMPARE(joined(parseDependencies(kRaw0)), QStringLiteral("a,b"));
    QCOMPARE(joined(parseDependencies("")), QString());
    QCOMPARE(joined(parseDependencies("not json")), QString());
    QCOMPARE(joined(parseDependencies(kRaw1)), QString());
    QCOMPARE(joined(parseDependencies(kRaw2)), QStringLiteral("a"));
}

void tst_RoleEditing::formShowsOnlyPlainRules()
{
    std::string why;
    QVERIFY(ruleFitsForm(json::parse(kRaw3), &why));
    QVERIFY(ruleFitsForm(json::object(), &why));
    QVERIFY(!ruleFitsForm(json::parse(kRaw4), &why));
    QCOMPARE(QString::fromStdString(why), QStringLiteral("key \"x-note\" is not part of a PolicyRule"));
    QVERIFY(!ruleFitsForm(json::parse(kRaw5), &why));
    QCOMPARE(QString::fromStdString(why), QStringLiteral("verbs is not a list"));
    QVERIFY(!ruleFitsForm(json::parse(kRaw6), &why));
    QVERIFY(!ruleFitsForm(json::parse(kRaw7), &why));
    QVERIFY(!ruleFitsForm(json{{"verbs", {"get"}}, {"resourceNames", {"a,b"}}}, &why));
    QCOMPARE(QString::fromStdString(why), QStringLiteral("resourceNames value \"a,b\" contains a comma"));
    QVERIFY(!ruleFitsForm(json{{"verbs", {"get", "get"}}}, &why));
    QCOMPARE(QString::fromStdString(why), QStringLiteral("verbs lists \"get\" twice"));
    QVERIFY(!ruleFitsForm(json{{"verbs", {"get"}}, {"resources", {"pods"}}, {"nonResourceURLs", {"/x"}}}, &why));
}

void tst_RoleEditing::ruleValuesNameRuleAndField()
{
    auto message = [](const char *rule, std::size_t index, bool urls) {
        auto r = checkRuleValues(json::parse(rule), index, urls);
        return r ? QString() : QString::fromStdString(r.error().message + " @ " + r.error().where);
    };
    // Good rules pass: "*" kept, subresources, names, URLs where allowed
    QCOMPARE(message(kRaw8, 0, false), QString());
    QCOMPARE(message(kRaw9,
                     0, false),
             QString());
    QCOMPARE(message(kRaw10, 0,
                     false),
             QString());
    QCOMPARE(message(kRaw11, 0, true), QString());
    // Bad ones name the rule and the field
    QCOMPARE(message(kRaw12, 2, false),
             QStringLiteral("rule 3: verb \"ge t\" contains whitespace @ rules[2].verbs"));
    QCOMPARE(message(kRaw13, 0, false), QStringLiteral("rule 1: a verb is empty @ rules[0].verbs"));
    QVERIFY(message(kRaw14, 0, false)
                .startsWith(QStringLiteral("rule 1: API group \"Apps\" is not a valid group")));
    QVERIFY(message(kRaw15, 1, false)
                .startsWith(QStringLiteral("rule 2: resource \"pods//log\" is not a valid resource name")));
    QVERIFY(message(kRaw16, 0, false).contains("rules[0].resources"));
    QVERIFY(message(kRaw17, 0, false)
                .startsWith(QStringLiteral("rule 1: resource name \"a/b\" is not a valid object name")));
    QCOMPARE(message(kRaw18, 0, false),
             QStringLiteral("rule 1: nonResourceURLs can only be granted by platform or cluster roles @ "
                            "rules[0].nonResourceURLs"));
    QVERIFY(message(kRaw19, 0, true).contains("must be a path"));
}

void tst_RoleEditing::cloneKeepsEveryFieldButTheServers()
{
    // Given a source cluster role with labels, annotations, an aggregationRule, templates and
    // everything the server manages
    const json source = json::parse(R"({
      "apiVersion": "iam.kubesphere.io/v1beta1", "kind": "ClusterRole",
      "metadata": {"name": "src", "uid": "u1", "resourceVersion": "42", "generation": 3,
                   "creationTimestamp": "2024-01-01T00:00:00Z", "managedFields": [{"manager": "x"}],
                   "ownerReferences": [{"kind": "User", "name": "bob"}], "finalizers": ["f"],
                   "labels": {"team": "a", "iam.kubesphere.io/role-template": "false"},
                   "annotations": {"note": "keep", "kubesphere.io/alias-name": "Old alias"}},
      "aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"agg": "x"}}]},
      "aggregationRoleTemplates": {"templateNames": ["t1"], "roleSelector": {"matchLabels": {"s": "1"}}},
      "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}],
      "status": {"x": 1}})");
    ObjectFactory factory(TenancyApi::forFlavor(ApiFlavor::V4), "alice");
    RoleSpec spec;
    spec.level = RoleSpec::Level::Cluster;
    spec.name = "copy";
    spec.base = source;
    spec.templates = {"t1", "t2"};
    spec.description = "cloned";
    const json rules = source["rules"];
    // When it is written as a clone
    const json out = factory.role(spec, rules);
    // Then every field but the server's is kept, the name is new, the creator is the writer
    QCOMPARE(out["metadata"]["name"], json("copy"));
    for (const char *k : {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "ownerReferences",
                          "finalizers"})
        QVERIFY2(!out["metadata"].contains(k), k);
    QVERIFY(!out.contains("status"));
    QCOMPARE(out["metadata"]["labels"], source["metadata"]["labels"]);
    QCOMPARE(out["metadata"]["annotations"]["note"], json("keep"));
    // The form's alias is empty: the annotation goes; its description is set
    QVERIFY(!out["metadata"]["annotations"].contains("kubesphere.io/alias-name"));
    QCOMPARE(out["metadata"]["annotations"]["kubesphere.io/description"], json("cloned"));
    QCOMPARE(out["metadata"]["annotations"]["kubesphere.io/creator"], json("alice"));
    QCOMPARE(out["aggregationRule"], source["aggregationRule"]);
    QCOMPARE(out["aggregationRoleTemplates"]["roleSelector"], source["aggregationRoleTemplates"]["roleSelector"]);
    QCOMPARE(out["aggregationRoleTemplates"]["templateNames"], json({"t1", "t2"}));
    QCOMPARE(out["rules"], rules);
    // And without templates in the form, templateNames go but the selector stays
    spec.templates.clear();
    const json noTemplates = factory.role(spec, rules);
    QVERIFY(!noTemplates["aggregationRoleTemplates"].contains("templateNames"));
    QVERIFY(noTemplates["aggregationRoleTemplates"].contains("roleSelector"));
    // A project clone moves into the spec's namespace
    spec.level = RoleSpec::Level::Project;
    spec.scope = "proj9";
    QCOMPARE(factory.role(spec, rules)["metadata"]["namespace"], json("proj9"));
}

void tst_RoleEditing::editCarriesResourceVersionAndKeepsCreator()
{
    ObjectFactory factory(TenancyApi::forFlavor(ApiFlavor::V4), "alice");
    RoleSpec spec = projectRole("r1", "[]");
    spec.base = json::parse(R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"Role",
        "metadata":{"name":"r1","namespace":"proj1","resourceVersion":"7","annotations":{"kubesphere.io/creator":"bob"}}})");
    spec.resourceVersion = "7";
    const json out = factory.role(spec, json::array());
    QCOMPARE(out["metadata"]["resourceVersion"], json("7"));
    QCOMPARE(out["metadata"]["annotations"]["kubesphere.io/creator"], json("bob"));
}

void tst_RoleEditing::plainRoleIsUnchangedWithoutBase()
{
    // Without a base, the factory writes what it always did (the planner goldens rely on it)
    ObjectFactory factory(TenancyApi::forFlavor(ApiFlavor::V4), "alice");
    const json out = factory.role(projectRole("r1", "[]"), json::array());
    QCOMPARE(out, json::parse(kRaw20));
}

void tst_RoleEditing::escalationOfAStandaloneProjectRole()
{
    // Given the standalone 4.x fixture and a plan creating a project role (iam Role + its RBAC mirror)
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "carol");
    auto plan = planner.saveRole(projectRole("exec", R"([{"apiGroups":[""],"resources":["pods"],"verbs":["get","list"]},
        {"apiGroups":[""],"resources":["pods/exec"],"verbs":["create"]}])"),
                                 true);
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    const std::vector<std::string> namespaces = escalationNamespaces(*plan);
    QCOMPARE(joined(namespaces), QStringLiteral(",proj1"));
    // And a writer whose server-side rules hold pods get/list in proj1, iam roles, and RBAC roles
    // writes, but neither pods/exec nor escalate
    const rbac::Identity carol = rbac::Identity::verbatim("carol", {"system:authenticated"});
    rbac::RbacData rules;
    addReview(rules, review(json::array()), carol, "");
    const json nsRules = json::parse(R"([{"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch"]},
        {"apiGroups":["rbac.authorization.k8s.io","iam.kubesphere.io"],"resources":["roles"],"verbs":["get","create","update","patch"]}])");
    addReview(rules, review(nsRules), carol, "proj1");
    // When the plan is checked
    PlanEscalation verdict = checkPlanEscalation(*plan, carol, rules);
    // Then only the RBAC mirror is judged, refused, and the lacking rule is pods/exec create
    QCOMPARE(int(verdict.writes.size()), 1);
    QVERIFY(verdict.writes[0].write.find("kubesphere:iam:exec") != std::string::npos);
    QCOMPARE(int(verdict.refused().size()), 1);
    const auto &v = verdict.writes[0].verdict;
    QCOMPARE(QString::fromStdString(v.basis), QStringLiteral("covers"));
    QCOMPARE(int(v.uncovered.size()), 1);
    QVERIFY2(v.uncovered[0].toString().find("pods/exec") != std::string::npos, v.uncovered[0].toString().c_str());
    QVERIFY(v.message.find("no escalate verb") != std::string::npos);
    QVERIFY(verdict.explain().find("pods/exec") != std::string::npos);

    // When the writer also holds pods/exec create, the mirror is allowed (covers)
    const json more = json::parse(R"([{"apiGroups":[""],"resources":["pods","pods/exec"],"verbs":["get","list","create"]}])");
    addReview(rules, review(more), carol, "proj1");
    QVERIFY(checkPlanEscalation(*plan, carol, rules).allowed());

    // And with only the escalate verb on roles, anything goes
    rbac::RbacData escalate;
    const json esc = json::parse(R"([{"apiGroups":["rbac.authorization.k8s.io"],"resources":["roles"],"verbs":["escalate"]}])");
    addReview(escalate, review(esc), carol, "proj1");
    const PlanEscalation byVerb = checkPlanEscalation(*plan, carol, escalate);
    QVERIFY(byVerb.allowed());
    QCOMPARE(QString::fromStdString(byVerb.writes[0].verdict.basis), QStringLiteral("escalate"));
}

void tst_RoleEditing::escalationBindingToARoleOfTheSamePlan()
{
    // Given a plan that writes an RBAC role and then binds it
    Plan plan;
    PlannedWrite role;
    role.gvr = TenancyApi::rbacRole;
    role.object = json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role",
        "metadata":{"name":"r","namespace":"ns1"},"rules":[{"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}]})");
    PlannedWrite binding;
    binding.gvr = TenancyApi::rbacRoleBinding;
    binding.object = json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
        "metadata":{"name":"b","namespace":"ns1"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"r"},
        "subjects":[{"kind":"User","name":"x"}]})");
    PlannedWrite other;  // not an RBAC kind: not judged
    other.gvr = TenancyApi::namespaces;
    other.object = json::parse(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"ns1"}})");
    plan.writes = {other, role, binding};
    const rbac::Identity dave = rbac::Identity::verbatim("dave", {});
    // When dave holds nothing: both writes are refused, the binding for the role's own rule
    const PlanEscalation none = checkPlanEscalation(plan, dave, rbac::RbacData());
    QCOMPARE(int(none.writes.size()), 2);
    QCOMPARE(int(none.writes[1].index), 2);
    QVERIFY(!none.writes[1].verdict.allowed);
    QCOMPARE(int(none.writes[1].verdict.uncovered.size()), 1);
    QVERIFY(none.writes[1].verdict.uncovered[0].toString().find("secrets") != std::string::npos);
    // When dave holds the bind verb: the binding passes, the role does not
    rbac::RbacData bind;
    const json rules = json::parse(R"([{"apiGroups":["rbac.authorization.k8s.io"],"resources":["roles"],"verbs":["bind"]}])");
    addReview(bind, review(rules), dave, "ns1");
    const PlanEscalation withBind = checkPlanEscalation(plan, dave, bind);
    QVERIFY(withBind.writes[1].verdict.allowed);
    QCOMPARE(QString::fromStdString(withBind.writes[1].verdict.basis), QStringLiteral("bind"));
    QVERIFY(!withBind.writes[0].verdict.allowed);
    // system:masters passes everything
    QVERIFY(checkPlanEscalation(plan, rbac::Identity::verbatim("root", {"system:masters"}), rbac::RbacData()).allowed());
}

void tst_RoleEditing::selfRulesKeepNonResourceRulesClusterWide()
{
    const rbac::Identity me = rbac::Identity::verbatim("me", {});
    const json answer = review(json::parse(R"([{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}])"),
                               json::parse(R"([{"nonResourceURLs":["/healthz"],"verbs":["get"]}])"));
    const auto cluster = rbac::selfRulesData(answer, me, "");
    const auto ns = rbac::selfRulesData(answer, me, "ns1");
    auto rulesOf = [](const rbac::SelfRules &r) {
        for (const auto &[key, o] : r.data.objects())
            if (o.contains("rules"))
                return o["rules"];
        return json();
    };
    QCOMPARE(int(rulesOf(cluster).size()), 2);
    QCOMPARE(int(rulesOf(ns).size()), 1);
}

QTEST_GUILESS_MAIN(tst_RoleEditing)
#include "tst_roleediting.moc"
