// Queries over the permission index: the escalation "covers" check, escalation verdicts for
// role and binding writes, aggregation prediction, the permission matrix (checked cell by
// cell against the evaluator, wildcard-only cells) and its transpose, who-can, diffs and plan
// impact, risks with their severity and risky cells, the index's users, offline loading in every
// manifest shape (broken files in a folder skipped with file:line), the resource catalog, and
// rebuilds after a change that reuse the previous index yet answer exactly as a fresh build.
#include "rbacfingerprint.h"
#include "kubeclient/rbac/aggregationpredictor.h"
#include "kubeclient/rbac/coveragecheck.h"
#include "kubeclient/rbac/escalationcheck.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/permissiondiff.h"
#include "kubeclient/rbac/permissionmatrix.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/rbacloader.h"
#include "kubeclient/rbac/riskscanner.h"
#include "kubeclient/rbac/whocan.h"
#include "kubeclient/tenancy/plan/plan.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

using namespace kube::rbac;
using nlohmann::json;

namespace {

std::string dataPath(const char *name)
{
    return std::string(TENANTRY_TEST_DATA) + "/rbac/" + name;
}

RbacData fixtureData()
{
    auto loaded = RbacLoader::fromPath(dataPath("k8s-fixture.yaml"));
    if (!loaded)
        qFatal("fixture: %s", loaded.error().describe().c_str());
    return loaded->data;
}

std::shared_ptr<const RbacIndex> fixtureIndex()
{
    static auto index = RbacIndex::build(fixtureData());
    return index;
}

ResourceCatalog fixtureCatalog()
{
    ResourceCatalog c = ResourceCatalog::builtin();
    c.addFromRules(*fixtureIndex());
    return c;
}

PolicyRule rule(const std::string &text)
{
    return PolicyRule::fromJson(json::parse(text));
}

std::vector<PolicyRule> rules(const std::string &text)
{
    return PolicyRule::listFromJson(json::parse(text));
}

RbacData dataOf(const std::string &jsonArray)
{
    RbacData data;
    for (const auto &o : json::parse(jsonArray))
        data.add(o);
    return data;
}

std::string clusterRole(const std::string &name, const std::string &rulesJson)
{
    return R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":")" + name +
           R"("},"rules":)" + rulesJson + "}";
}

std::string clusterBinding(const std::string &role, const std::string &user)
{
    return R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":")" + role +
           "-" + user + R"("},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":")" + role +
           R"("},"subjects":[{"kind":"User","name":")" + user + R"("}]})";
}

// The verbs of `row`'s cell on `entry` that are allowed only through a wildcard, as "get,list".
std::string wildcardVerbs(const PermissionMatrix &m, size_t row, int entry)
{
    if (entry < 0)
        return "no such entry";
    std::string out;
    for (size_t v = 0; v < m.verbs().size(); ++v)
        if (m.viaWildcard(row, size_t(entry), v))
            out += (out.empty() ? "" : ",") + m.verbs()[v];
    return out;
}

const WhoCanAnswer *findSubject(const std::vector<WhoCanAnswer> &answers, const std::string &kind,
                                const std::string &name)
{
    for (const auto &a : answers)
        if (a.subject.kind == kind && a.subject.name == name)
            return &a;
    return nullptr;
}

using rbactest::fingerprint;

// Every subject's matrix in both views, and every namespace's transpose.
std::string matrices(const RbacIndex &x)
{
    const ResourceCatalog catalog = ResourceCatalog::builtin();
    const auto subjects = PermissionMatrix::subjectRows(x);
    std::string out;
    for (View view : {View::Kubernetes, View::KubeSphere}) {
        PermissionMatrix::Options o;
        o.view = view;
        for (const auto &[label, who] : subjects)
            out += label + PermissionMatrix::forIdentity(x, catalog, who, o).toJson().dump() + "\n";
    }
    for (const auto &ns : x.namespaces())
        out += PermissionMatrix::forScope(x, catalog, MatrixScope::ns(ns), subjects, {}).toJson().dump() + "\n";
    return out;
}

// A fresh RbacData of the same objects: no stamps in common, so its build parses everything.
RbacData freshCopy(const RbacData &data)
{
    RbacData fresh;
    fresh.add(data.toList());
    return fresh;
}

} // namespace

class TestRbacQueries : public QObject
{
    Q_OBJECT

private slots:
    void covers_data();
    void covers();
    void uncoveredAtoms();
    void escalationOfRoleWrites();
    void escalationOfBindingWrites();
    void aggregationPrediction();
    void matrixAgreesWithEvaluator();
    void matrixNamedCells();
    void matrixOutputs();
    void matrixWildcardCells();
    void matrixStopsWhenCancelled();
    void transposeForOneNamespace();
    void whoCan();
    void whoCanAllNamespaces();
    void diffOfTwoSubjects();
    void planImpact();
    void risks();
    void riskSeverity();
    void riskyCells();
    void indexUsers();
    void loaderShapes();
    void loaderErrors();
    void loaderSkipsBrokenFiles();
    void catalog();
    void rebuildReusesAndMatchesFreshBuild_data();
    void rebuildReusesAndMatchesFreshBuild();
};

void TestRbacQueries::covers_data()
{
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("servant");
    QTest::addColumn<bool>("covered");
    const QString allRes = R"([{"verbs":["*"],"apiGroups":["*"],"resources":["*"]}])";
    const QString getPods = R"([{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}])";
    QTest::newRow("star covers pods") << allRes << R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"]})" << true;
    QTest::newRow("star covers star") << allRes << R"({"verbs":["*"],"apiGroups":["*"],"resources":["*"]})" << true;
    QTest::newRow("verb missing") << getPods << R"({"verbs":["get","list"],"apiGroups":[""],"resources":["pods"]})" << false;
    QTest::newRow("every verb is not star")
        << R"([{"verbs":["get","list","watch","create","update","patch","delete","deletecollection"],"apiGroups":[""],"resources":["pods"]}])"
        << R"({"verbs":["*"],"apiGroups":[""],"resources":["pods"]})" << false;
    QTest::newRow("group star") << R"([{"verbs":["get"],"apiGroups":["*"],"resources":["pods"]}])"
                                << R"({"verbs":["get"],"apiGroups":["apps"],"resources":["pods"]})" << true;
    QTest::newRow("group missing") << R"([{"verbs":["get"],"apiGroups":[""],"resources":["*"]}])"
                                   << R"({"verbs":["get"],"apiGroups":["apps"],"resources":["pods"]})" << false;
    QTest::newRow("star-sub covers sub") << R"([{"verbs":["get"],"apiGroups":["apps"],"resources":["*/scale"]}])"
                                         << R"({"verbs":["get"],"apiGroups":["apps"],"resources":["deployments/scale"]})" << true;
    QTest::newRow("star-sub covers itself") << R"([{"verbs":["get"],"apiGroups":["apps"],"resources":["*/scale"]}])"
                                            << R"({"verbs":["get"],"apiGroups":["apps"],"resources":["*/scale"]})" << true;
    QTest::newRow("sub does not cover star-sub")
        << R"([{"verbs":["get"],"apiGroups":["apps"],"resources":["deployments/scale"]}])"
        << R"({"verbs":["get"],"apiGroups":["apps"],"resources":["*/scale"]})" << false;
    QTest::newRow("main does not cover sub") << getPods << R"({"verbs":["get"],"apiGroups":[""],"resources":["pods/log"]})" << false;
    QTest::newRow("pods/* is literal") << R"([{"verbs":["get"],"apiGroups":[""],"resources":["pods/*"]}])"
                                       << R"({"verbs":["get"],"apiGroups":[""],"resources":["pods/log"]})" << false;
    QTest::newRow("no names covers names") << getPods
                                           << R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":["a"]})" << true;
    QTest::newRow("same names") << R"([{"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":["a"]}])"
                                << R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":["a"]})" << true;
    QTest::newRow("name missing") << R"([{"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":["a"]}])"
                                  << R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":["a","b"]})" << false;
    QTest::newRow("names do not cover all names")
        << R"([{"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":["a"]}])"
        << R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"]})" << false;
    QTest::newRow("url star") << R"([{"verbs":["get"],"nonResourceURLs":["*"]}])" << R"({"verbs":["get"],"nonResourceURLs":["/healthz"]})" << true;
    QTest::newRow("url prefix") << R"([{"verbs":["get"],"nonResourceURLs":["/logs/*"]}])" << R"({"verbs":["get"],"nonResourceURLs":["/logs/x"]})" << true;
    QTest::newRow("url prefix covers prefix") << R"([{"verbs":["get"],"nonResourceURLs":["/logs/*"]}])"
                                              << R"({"verbs":["get"],"nonResourceURLs":["/logs/*"]})" << true;
    QTest::newRow("url prefix not parent") << R"([{"verbs":["get"],"nonResourceURLs":["/logs/*"]}])"
                                           << R"({"verbs":["get"],"nonResourceURLs":["/logs"]})" << false;
    QTest::newRow("url exact") << R"([{"verbs":["get"],"nonResourceURLs":["/healthz"]}])"
                               << R"({"verbs":["get"],"nonResourceURLs":["/healthz/"]})" << false;
    QTest::newRow("resource owner vs url") << allRes << R"({"verbs":["get"],"nonResourceURLs":["/healthz"]})" << false;
    QTest::newRow("url owner vs resource") << R"([{"verbs":["*"],"nonResourceURLs":["*"]}])"
                                           << R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"]})" << false;
    QTest::newRow("two owners split the atoms")
        << R"([{"verbs":["get"],"apiGroups":[""],"resources":["pods"]},{"verbs":["list"],"apiGroups":[""],"resources":["pods"]}])"
        << R"({"verbs":["get","list"],"apiGroups":[""],"resources":["pods"]})" << true;
    QTest::newRow("cross product") << R"([{"verbs":["get"],"apiGroups":["","apps"],"resources":["pods"]}])"
                                   << R"({"verbs":["get"],"apiGroups":["","apps"],"resources":["pods","services"]})" << false;
    QTest::newRow("no verbs is nothing") << getPods << R"({"verbs":[],"apiGroups":["*"],"resources":["*"]})" << true;
}

void TestRbacQueries::covers()
{
    QFETCH(QString, owner);
    QFETCH(QString, servant);
    QFETCH(bool, covered);
    const auto missing = CoverageCheck::uncovered(rules(owner.toStdString()), {rule(servant.toStdString())});
    QCOMPARE(missing.empty(), covered);
}

void TestRbacQueries::uncoveredAtoms()
{
    const std::string owner = R"([{"verbs":["get"],"apiGroups":["","apps"],"resources":["pods"]}])";
    const std::string servant = R"({"verbs":["get","list"],"apiGroups":["","apps"],"resources":["pods","services"]})";
    const auto missing = CoverageCheck::uncovered(rules(owner), {rule(servant)});
    // 2 groups x 2 resources x 2 verbs = 8 atoms, 2 of them (get pods in both groups) covered.
    QCOMPARE(missing.size(), size_t(6));
    QCOMPARE(CoverageCheck::atoms(rule(servant)).size(), size_t(8));
    const std::string named = R"({"verbs":["get"],"apiGroups":[""],"resources":["pods"],"resourceNames":["a","b"]})";
    QCOMPARE(CoverageCheck::atoms(rule(named)).size(), size_t(2));
}

void TestRbacQueries::escalationOfRoleWrites()
{
    Evaluator evaluator(fixtureIndex());
    EscalationCheck check(evaluator);
    const std::string readPods = R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"x","namespace":"ns1"},
        "rules":[{"verbs":["get","list"],"apiGroups":[""],"resources":["pods"]}]})";
    const std::string deletePods = R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"x","namespace":"ns1"},
        "rules":[{"verbs":["get","delete"],"apiGroups":[""],"resources":["pods"]}]})";
    // alice holds get/list/watch pods cluster-wide: covered.
    auto v = check.checkRoleWrite(Identity::impersonated("alice"), json::parse(readPods));
    QVERIFY2(v.allowed, v.explain().c_str());
    QCOMPARE(QString::fromStdString(v.basis), QStringLiteral("covers"));
    v = check.checkRoleWrite(Identity::impersonated("alice"), json::parse(deletePods));
    QVERIFY(!v.allowed);
    QCOMPARE(v.uncovered.size(), size_t(1));
    QCOMPARE(QString::fromStdString(v.uncovered.front().toString()),
             QStringLiteral("verbs=[delete] apiGroups=[\"\"] resources=[pods]"));
    // ops holds escalate on roles: any role passes, also created by POST (no name needed).
    v = check.checkRoleWrite(Identity::impersonated("ops"), json::parse(deletePods), true);
    QVERIFY(v.allowed);
    QCOMPARE(QString::fromStdString(v.basis), QStringLiteral("escalate"));
    // root holds "*" verbs on everything, system:masters is exempt.
    QVERIFY(check.checkRoleWrite(Identity::impersonated("root"), json::parse(deletePods)).allowed);
    v = check.checkRoleWrite(Identity::impersonated("x", {"system:masters"}), json::parse(deletePods));
    QVERIFY(v.allowed);
    QCOMPARE(QString::fromStdString(v.basis), QStringLiteral("system:masters"));
    // bob's rules in ns1 (secrets get + deployments *) cover this Role in ns1, not in ns2.
    const std::string bobRole = R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"x","namespace":"ns1"},
        "rules":[{"verbs":["get"],"apiGroups":[""],"resources":["secrets"]},{"verbs":["create"],"apiGroups":["apps"],"resources":["deployments"]}]})";
    QVERIFY(check.checkRoleWrite(Identity::impersonated("bob"), json::parse(bobRole)).allowed);
    json inNs2 = json::parse(bobRole);
    inNs2["metadata"]["namespace"] = "ns2";
    QVERIFY(!check.checkRoleWrite(Identity::impersonated("bob"), inNs2).allowed);
    // An aggregated ClusterRole needs full authority even with no rules.
    const std::string aggregated = R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"agg"},
        "aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"a":"b"}}]}})";
    v = check.checkRoleWrite(Identity::impersonated("alice"), json::parse(aggregated));
    QVERIFY(!v.allowed);
    QVERIFY(v.message.find("aggregationRule") != std::string::npos);
    QVERIFY(check.checkRoleWrite(Identity::impersonated("root"), json::parse(aggregated)).allowed);
    // KubeSphere kinds are not checked by kube-apiserver.
    const std::string globalRole = R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"GlobalRole","metadata":{"name":"g"},"rules":[]})";
    QCOMPARE(QString::fromStdString(check.checkRoleWrite(Identity::impersonated("alice"), json::parse(globalRole)).basis),
             QStringLiteral("not checked"));
}

void TestRbacQueries::escalationOfBindingWrites()
{
    Evaluator evaluator(fixtureIndex());
    EscalationCheck check(evaluator);
    auto binding = [](const std::string &kind, const std::string &ns, const std::string &roleKind,
                      const std::string &role) {
        json b = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", kind}, {"metadata", {{"name", "b"}}},
                  {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", roleKind}, {"name", role}}},
                  {"subjects", json::array({{{"kind", "User"}, {"name", "someone"}}})}};
        if (!ns.empty())
            b["metadata"]["namespace"] = ns;
        return b;
    };
    // ops may bind ClusterRole view (bind verb, resourceNames [view]) anywhere...
    auto v = check.checkBindingWrite(Identity::impersonated("ops"), binding("RoleBinding", "ns1", "ClusterRole", "view"));
    QVERIFY(v.allowed);
    QCOMPARE(QString::fromStdString(v.basis), QStringLiteral("bind"));
    // ...but not cr-all, whose rules ops does not hold.
    v = check.checkBindingWrite(Identity::impersonated("ops"), binding("ClusterRoleBinding", "", "ClusterRole", "cr-all"));
    QVERIFY(!v.allowed);
    QVERIFY(!v.uncovered.empty());
    // alice holds cr-pod-reader's rules cluster-wide: she may bind it, in a namespace or cluster-wide.
    QVERIFY(check.checkBindingWrite(Identity::impersonated("alice"), binding("RoleBinding", "ns2", "ClusterRole", "cr-pod-reader")).allowed);
    QVERIFY(check.checkBindingWrite(Identity::impersonated("alice"), binding("ClusterRoleBinding", "", "ClusterRole", "cr-pod-reader")).allowed);
    // bob holds r-secrets' rules in ns1 only.
    QVERIFY(check.checkBindingWrite(Identity::impersonated("bob"), binding("RoleBinding", "ns1", "Role", "r-secrets")).allowed);
    QVERIFY(!check.checkBindingWrite(Identity::impersonated("bob"), binding("RoleBinding", "ns1", "ClusterRole", "cr-all")).allowed);
    // A missing role cannot be shown to be held.
    v = check.checkBindingWrite(Identity::impersonated("alice"), binding("RoleBinding", "ns1", "Role", "nope"));
    QVERIFY(!v.allowed);
    QVERIFY(v.message.find("does not exist") != std::string::npos);
}

void TestRbacQueries::aggregationPrediction()
{
    const std::string text = R"([
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"b1","labels":{"a":"true"}},
       "rules":[{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}]},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"b2","labels":{"a":"true","tier":"x"}},
       "rules":[{"verbs":["get"],"apiGroups":[""],"resources":["pods"]},{"verbs":["list"],"apiGroups":[""],"resources":["secrets"]}]},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"agg1","labels":{"chain":"true","a":"true"}},
       "aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"a":"true"}}]},
       "rules":[{"verbs":["stale"],"apiGroups":[""],"resources":["stale"]}]},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"agg2"},
       "aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"chain":"true"}}]}},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"agg3"},
       "aggregationRule":{"clusterRoleSelectors":[{"matchExpressions":[{"key":"tier","operator":"In","values":["x"]}]}]}},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"agg4"},
       "aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"nothing":"here"}}]}}
    ])";
    std::vector<Role> roles;
    for (const auto &o : json::parse(text))
        roles.push_back(Role::fromJson(o));
    const auto p = AggregationPredictor::predict(roles);
    QCOMPARE(p.size(), size_t(4));
    // agg1: union of b1 and b2 without the duplicate, itself skipped though it carries the label;
    // its stored (stale) rules are replaced.
    QCOMPARE(p.at("agg1").rules.size(), size_t(2));
    QCOMPARE(p.at("agg1").sources, (std::vector<std::string>{"b1", "b2"}));
    // agg2 selects agg1 and so receives what agg1 receives (a chain, like view -> edit -> admin).
    QVERIFY(AggregationPredictor::sameRuleSet(p.at("agg2").rules, p.at("agg1").rules));
    QCOMPARE(p.at("agg3").rules.size(), size_t(2));
    QVERIFY(p.at("agg4").rules.empty());
    // The index can evaluate the predicted rules instead of the stored ones.
    RbacData data;
    for (const auto &o : json::parse(text))
        data.add(o);
    data.add(json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"x"},
        "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"agg2"},"subjects":[{"kind":"User","name":"u"}]})"));
    RbacIndex::Options options;
    options.predictAggregation = true;
    const auto req = RequestAttributes::forResource("list", "", "secrets", "ns");
    QVERIFY(!Evaluator(RbacIndex::build(data)).allowed(Identity::verbatim("u"), req));
    QVERIFY(Evaluator(RbacIndex::build(data, options)).allowed(Identity::verbatim("u"), req));
}

void TestRbacQueries::matrixAgreesWithEvaluator()
{
    const auto index = fixtureIndex();
    Evaluator evaluator(index);
    const ResourceCatalog catalog = fixtureCatalog();
    const std::vector<Identity> who = {
        Identity::impersonated("alice"), Identity::impersonated("bob"),    Identity::impersonated("dana"),
        Identity::impersonated("u", {"devs"}), Identity::serviceAccount("ns1", "default"),
        Identity::serviceAccount("ci", "builder"), Identity::impersonated("frank"), Identity::impersonated("scaler"),
        Identity::impersonated("x", {"system:masters"}), Identity::impersonated("nobody")};
    size_t cells = 0;
    for (const auto &id : who) {
        const auto m = PermissionMatrix::forIdentity(*index, catalog, id, {});
        QCOMPARE(m.rows().size(), index->namespaces().size() + 1);
        for (size_t r = 0; r < m.rows().size(); ++r) {
            const auto &row = m.rows()[r];
            for (size_t e = 0; e < catalog.size(); ++e) {
                const auto &entry = catalog.entries()[e];
                if (!m.applies(row.scope, entry))
                    continue;
                QCOMPARE(row.exact[e] & ~row.allowed[e], 0u);  // literal grants are grants
                for (size_t v = 0; v < m.verbs().size(); ++v) {
                    const auto req = RequestAttributes::forResource(
                        m.verbs()[v], entry.group, entry.resource,
                        row.scope.kind == MatrixScope::Kind::Namespace ? row.scope.name : "", {}, entry.subresource);
                    if (m.allowed(r, e, v) != evaluator.allowed(id, req))
                        QFAIL(qPrintable(QString::fromStdString("matrix cell differs: " + req.toString() + " as " +
                                                                id.toString())));
                    ++cells;
                }
            }
        }
    }
    QVERIFY(cells > 10000);
}

void TestRbacQueries::matrixNamedCells()
{
    const auto index = fixtureIndex();
    const auto m = PermissionMatrix::forIdentity(*index, fixtureCatalog(), Identity::impersonated("dana"), {});
    const int cm = m.catalog().find("", "configmaps");
    QVERIFY(cm >= 0);
    for (const auto &row : m.rows()) {
        if (row.scope == MatrixScope::ns("ns1")) {
            QCOMPARE(row.allowed[size_t(cm)], 0u);
            QVERIFY(row.named[size_t(cm)] & 1u);  // get, only for listed names
        } else {
            QCOMPARE(row.named[size_t(cm)], 0u);
        }
    }
}

void TestRbacQueries::matrixOutputs()
{
    const auto index = fixtureIndex();
    PermissionMatrix::Options o;
    o.scopes = {MatrixScope::ns("ns1")};
    const auto m = PermissionMatrix::forIdentity(*index, fixtureCatalog(), Identity::impersonated("dana"), o);
    const std::string table = m.toTable();
    QVERIFY(table.find("namespace ns1") != std::string::npos);
    QVERIFY(table.find("names") != std::string::npos);
    const std::string csv = m.toCsv();
    QVERIFY(csv.rfind("subject,scope,resource,get,list,watch,create,update,patch,delete,deletecollection\n", 0) == 0);
    QVERIFY(csv.find("dana,namespace ns1,configmaps,names,names,names,names,names,no,names,names") != std::string::npos);
    const json j = m.toJson();
    QCOMPARE(j["rows"].size(), size_t(1));
    QCOMPARE(j["rows"][0]["onlyNamedResources"]["configmaps"].size(), size_t(7));  // every verb but patch
    // system:masters is everything, and says so.
    const auto masters = PermissionMatrix::forIdentity(*index, fixtureCatalog(), Identity::impersonated("x", {"system:masters"}), o);
    QVERIFY(masters.toTable().find("system:masters") != std::string::npos);
}

void TestRbacQueries::matrixStopsWhenCancelled()
{
    const auto index = fixtureIndex();
    // Given a raised token (the workbench's Cancel, or a newer question)
    PermissionMatrix::Options o;
    o.cancel = std::make_shared<kube::CancelToken>();
    o.cancel->cancel();
    // When a matrix over every scope and one over every subject are built, then both stop
    // before their first row and say so
    const auto mine = PermissionMatrix::forIdentity(*index, fixtureCatalog(), Identity::impersonated("dana"), o);
    QVERIFY(mine.cancelled());
    QVERIFY(mine.rows().empty());
    const auto subjects = PermissionMatrix::subjectRows(*index);
    QVERIFY(!subjects.empty());
    const auto everyone = PermissionMatrix::forScope(*index, fixtureCatalog(), MatrixScope::ns("ns1"), subjects, o);
    QVERIFY(everyone.cancelled());
    QVERIFY(everyone.rows().empty());
    // And without a raised token the same questions are answered in full
    o.cancel = std::make_shared<kube::CancelToken>();
    const auto whole = PermissionMatrix::forIdentity(*index, fixtureCatalog(), Identity::impersonated("dana"), o);
    QVERIFY(!whole.cancelled());
    QVERIFY(!whole.rows().empty());
}

void TestRbacQueries::matrixWildcardCells()
{
    const std::string text = "[" +
        clusterRole("verbs-star", R"([{"verbs":["*"],"apiGroups":[""],"resources":["configmaps"]}])") + "," +
        clusterRole("resources-star", R"([{"verbs":["get"],"apiGroups":["apps"],"resources":["*"]}])") + "," +
        clusterRole("groups-star", R"([{"verbs":["list"],"apiGroups":["*"],"resources":["deployments"]}])") + "," +
        clusterRole("literal", R"([{"verbs":["get","list"],"apiGroups":[""],"resources":["pods","pods/exec"]}])") + "," +
        clusterRole("sub-star", R"([{"verbs":["get"],"apiGroups":[""],"resources":["*/log"]}])") + "," +
        clusterRole("get-configmaps", R"([{"verbs":["get"],"apiGroups":[""],"resources":["configmaps"]}])") + "," +
        // One rule, part literal: get is listed by name, the others only through "*"; the
        // group "" is listed beside "*".
        clusterRole("mixed", R"([{"verbs":["*","get"],"apiGroups":["*",""],"resources":["secrets"]}])") + "," +
        // Named only: not allowed for any name, so never wildcard-only.
        clusterRole("named", R"([{"verbs":["*"],"apiGroups":[""],"resources":["services"],"resourceNames":["a"]}])") + "," +
        clusterBinding("verbs-star", "w1") + "," + clusterBinding("resources-star", "w1") + "," +
        clusterBinding("groups-star", "w1") + "," + clusterBinding("literal", "w1") + "," +
        clusterBinding("sub-star", "w1") + "," + clusterBinding("mixed", "w1") + "," + clusterBinding("named", "w1") + "," +
        clusterBinding("verbs-star", "both") + "," + clusterBinding("get-configmaps", "both") + "," +
        clusterBinding("verbs-star", "nsboth") + "," +
        R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"x","namespace":"ns1"},
            "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"get-configmaps"},
            "subjects":[{"kind":"User","name":"nsboth"}]})" + "]";
    const auto index = RbacIndex::build(dataOf(text));
    const ResourceCatalog catalog = ResourceCatalog::builtin();
    const int configmaps = catalog.find("", "configmaps"), deployments = catalog.find("apps", "deployments"),
              scale = catalog.find("apps", "deployments", "scale"), pods = catalog.find("", "pods"),
              exec = catalog.find("", "pods", "exec"), podLog = catalog.find("", "pods", "log"),
              secrets = catalog.find("", "secrets"), services = catalog.find("", "services");
    PermissionMatrix::Options o;
    o.scopes = {MatrixScope::cluster(), MatrixScope::ns("ns1")};
    const auto w1 = PermissionMatrix::forIdentity(*index, catalog, Identity::impersonated("w1"), o);
    QCOMPARE(w1.rows().size(), size_t(2));
    for (size_t r = 0; r < 2; ++r) {
        QCOMPARE(QString::fromStdString(wildcardVerbs(w1, r, configmaps)),
                 QStringLiteral("get,list,watch,create,update,patch,delete,deletecollection"));
        QCOMPARE(QString::fromStdString(wildcardVerbs(w1, r, deployments)), QStringLiteral("get,list"));
        QCOMPARE(QString::fromStdString(wildcardVerbs(w1, r, scale)), QStringLiteral("get"));  // "*" covers subresources
        QCOMPARE(QString::fromStdString(wildcardVerbs(w1, r, pods)), QString());
        QCOMPARE(QString::fromStdString(wildcardVerbs(w1, r, exec)), QString());
        QVERIFY(w1.allowed(r, size_t(exec), 1));
        QCOMPARE(QString::fromStdString(wildcardVerbs(w1, r, podLog)), QStringLiteral("get"));
        QCOMPARE(QString::fromStdString(wildcardVerbs(w1, r, secrets)),
                 QStringLiteral("list,watch,create,update,patch,delete,deletecollection"));
        QVERIFY(w1.allowed(r, size_t(secrets), 0) && !w1.viaWildcard(r, size_t(secrets), 0));
        QCOMPARE(QString::fromStdString(wildcardVerbs(w1, r, services)), QString());
        QVERIFY(w1.rows()[r].named[size_t(services)] != 0);
    }
    // Not allowed at all is not wildcard-only.
    QVERIFY(!w1.allowed(0, size_t(deployments), 3) && !w1.viaWildcard(0, size_t(deployments), 3));
    // Granted literally and by a wildcard: not wildcard-only.
    const auto both = PermissionMatrix::forIdentity(*index, catalog, Identity::impersonated("both"), o);
    QCOMPARE(QString::fromStdString(wildcardVerbs(both, 0, configmaps)),
             QStringLiteral("list,watch,create,update,patch,delete,deletecollection"));
    // The same when the literal grant comes from a RoleBinding and the wildcard from a
    // ClusterRoleBinding: only inside ns1.
    const auto nsboth = PermissionMatrix::forIdentity(*index, catalog, Identity::impersonated("nsboth"), o);
    QCOMPARE(nsboth.rows()[0].scope, MatrixScope::cluster());
    QVERIFY(nsboth.viaWildcard(0, size_t(configmaps), 0));
    QVERIFY(!nsboth.viaWildcard(1, size_t(configmaps), 0));
    QVERIFY(nsboth.viaWildcard(1, size_t(configmaps), 1));
    // system:masters: everything allowed, nothing through a rule wildcard.
    const auto masters = PermissionMatrix::forIdentity(*index, catalog, Identity::impersonated("x", {"system:masters"}), o);
    QVERIFY(masters.allowed(0, size_t(configmaps), 0));
    QCOMPARE(masters.rows()[0].exact, masters.rows()[0].allowed);
    for (size_t e = 0; e < catalog.size(); ++e)
        for (size_t v = 0; v < masters.verbs().size(); ++v)
            QVERIFY(!masters.viaWildcard(1, e, v));
    // JSON: per row, the wildcard-only verbs per resource; absent when there are none.
    const json j = both.toJson();
    QCOMPARE(j["rows"][0]["wildcardOnly"]["configmaps"],
             json::parse(R"(["list","watch","create","update","patch","delete","deletecollection"])"));
    QCOMPARE(j["rows"][0]["wildcardOnly"].size(), size_t(1));
    QCOMPARE(j["rows"][0]["allowed"]["configmaps"].size(), size_t(8));
    const auto onlyLiteral = PermissionMatrix::forIdentity(*index, catalog, Identity::impersonated("nobody"), o);
    QVERIFY(!onlyLiteral.toJson()["rows"][0].contains("wildcardOnly"));
    QVERIFY(!masters.toJson()["rows"][0].contains("wildcardOnly"));
    QVERIFY(w1.toJson()["rows"][1]["wildcardOnly"].contains("pods/log"));
    QVERIFY(!w1.toJson()["rows"][1]["wildcardOnly"].contains("pods"));
    // The KubeSphere view merges per-scope masks: a literal grant bound cluster-wide stays
    // literal inside a namespace, a global wildcard stays wildcard-only.
    const std::string ks = R"([
      {"apiVersion":"iam.kubesphere.io/v1beta1","kind":"GlobalRole","metadata":{"name":"g"},
       "rules":[{"verbs":["*"],"apiGroups":[""],"resources":["configmaps"]}]},
      {"apiVersion":"iam.kubesphere.io/v1beta1","kind":"GlobalRoleBinding","metadata":{"name":"g-k"},
       "roleRef":{"apiGroup":"iam.kubesphere.io","kind":"GlobalRole","name":"g"},"subjects":[{"kind":"User","name":"k"}]},
      {"apiVersion":"iam.kubesphere.io/v1beta1","kind":"ClusterRole","metadata":{"name":"c"},
       "rules":[{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}]},
      {"apiVersion":"iam.kubesphere.io/v1beta1","kind":"ClusterRoleBinding","metadata":{"name":"c-k"},
       "roleRef":{"apiGroup":"iam.kubesphere.io","kind":"ClusterRole","name":"c"},"subjects":[{"kind":"User","name":"k"}]}
    ])";
    const auto ksIndex = RbacIndex::build(dataOf(ks));
    PermissionMatrix::Options ko;
    ko.view = View::KubeSphere;
    ko.scopes = {MatrixScope::ns("ns1")};
    const auto k = PermissionMatrix::forIdentity(*ksIndex, catalog, Identity::impersonated("k"), ko);
    QVERIFY(k.allowed(0, size_t(pods), 0) && !k.viaWildcard(0, size_t(pods), 0));
    QVERIFY(k.allowed(0, size_t(configmaps), 0) && k.viaWildcard(0, size_t(configmaps), 0));
}

void TestRbacQueries::transposeForOneNamespace()
{
    const auto index = fixtureIndex();
    const auto subjects = PermissionMatrix::subjectRows(*index);
    const auto m = PermissionMatrix::forScope(*index, fixtureCatalog(), MatrixScope::ns("ns1"), subjects, {});
    QCOMPARE(m.rows().size(), subjects.size());
    const int deploy = m.catalog().find("apps", "deployments");
    const int createVerb = 3;
    bool bobFound = false, rootFound = false;
    for (size_t r = 0; r < m.rows().size(); ++r) {
        if (m.rows()[r].subject == "User bob") {
            bobFound = true;
            QVERIFY(m.allowed(r, size_t(deploy), createVerb));
        }
        if (m.rows()[r].subject == "User root") {
            rootFound = true;
            QVERIFY(m.allowed(r, size_t(deploy), createVerb));
        }
        if (m.rows()[r].subject == "User alice")
            QVERIFY(!m.allowed(r, size_t(deploy), createVerb));
    }
    QVERIFY(bobFound && rootFound);
    // The SA subject without namespace in rb-sa-default becomes ns1/default.
    bool saFound = false;
    for (const auto &s : subjects)
        saFound = saFound || s.first == "ServiceAccount ns1/default";
    QVERIFY(saFound);
}

void TestRbacQueries::whoCan()
{
    const auto index = fixtureIndex();
    auto answers = WhoCan::query(*index, RequestAttributes::forResource("get", "", "secrets", "ns1"));
    QVERIFY(answers.front().superuser);
    QVERIFY(findSubject(answers, "User", "bob"));
    QCOMPARE(QString::fromStdString(findSubject(answers, "User", "bob")->path.bindingText),
             QStringLiteral("RoleBinding ns1/rb-bob-secrets"));
    QVERIFY(findSubject(answers, "User", "root"));
    QVERIFY(findSubject(answers, "User", "jack"));
    QVERIFY(!findSubject(answers, "User", "gina"));  // only some names
    QVERIFY(!findSubject(answers, "User", "frank")); // ns3 only
    QVERIFY(!findSubject(answers, "ServiceAccount", "lost"));  // can never match
    // With the name, gina's named rule counts.
    answers = WhoCan::query(*index, RequestAttributes::forResource("get", "", "secrets", "ns1", "db-pass"));
    QVERIFY(findSubject(answers, "User", "gina"));
    // Every answer's path really allows it for that subject.
    Evaluator evaluator(index);
    for (const auto &a : answers) {
        if (a.superuser)
            continue;
        QVERIFY(a.path.rule.allows(RequestAttributes::forResource("get", "", "secrets", "ns1", "db-pass")));
    }
    const std::string text = WhoCan::toText(answers);
    QVERIFY(text.find("system:masters") != std::string::npos);
    QVERIFY(WhoCan::toJson(answers).size() == answers.size());
}

void TestRbacQueries::whoCanAllNamespaces()
{
    const auto index = fixtureIndex();
    const auto answers = WhoCan::query(*index, RequestAttributes::forResource("list", "", "pods", ""), true);
    QVERIFY(findSubject(answers, "User", "alice"));
    const auto *frank = findSubject(answers, "User", "frank");
    QVERIFY(frank);
    QCOMPARE(QString::fromStdString(frank->where), QStringLiteral("namespace ns3"));
    const auto *sa = findSubject(answers, "ServiceAccount", "default");
    QVERIFY(sa);
    QCOMPARE(QString::fromStdString(sa->subject.ns), QStringLiteral("ns1"));
    // Without -A, RoleBindings do not answer a cluster-wide question.
    const auto clusterOnly = WhoCan::query(*index, RequestAttributes::forResource("list", "", "pods", ""), false);
    QVERIFY(!findSubject(clusterOnly, "User", "frank"));
}

void TestRbacQueries::diffOfTwoSubjects()
{
    const auto index = fixtureIndex();
    PermissionMatrix::Options o;
    o.scopes = {MatrixScope::cluster(), MatrixScope::ns("ns1")};
    const auto a = PermissionMatrix::forIdentity(*index, fixtureCatalog(), Identity::impersonated("alice"), o);
    const auto b = PermissionMatrix::forIdentity(*index, fixtureCatalog(), Identity::impersonated("bob"), o);
    const auto diff = PermissionDiff::compare(a, b);
    bool bobGainsDeploy = false, bobLosesPods = false;
    for (const auto &d : diff) {
        if (d.scope == "namespace ns1" && d.resource == "deployments.apps" && !d.gained.empty())
            bobGainsDeploy = true;
        if (d.scope == "cluster" && d.resource == "pods" && d.lost.size() == 3)
            bobLosesPods = true;
    }
    QVERIFY(bobGainsDeploy);
    QVERIFY(bobLosesPods);
    QVERIFY(PermissionDiff::compare(a, a).empty());
    QVERIFY(PermissionDiff::toText(diff).find("+create") != std::string::npos);
}

void TestRbacQueries::planImpact()
{
    const RbacData data = fixtureData();
    ResourceCatalog catalog = fixtureCatalog();
    kube::tenancy::Plan plan;
    // Bind alice to cr-wild-verbs in ns2, and drop her cluster-wide pod reader.
    kube::tenancy::PlannedWrite bind;
    bind.action = kube::tenancy::WriteAction::Apply;
    bind.gvr = {"rbac.authorization.k8s.io", "v1", "rolebindings", true, "RoleBinding"};
    bind.ns = "ns2";
    bind.name = "alice-deploy";
    bind.object = json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
        "metadata":{"name":"alice-deploy","namespace":"ns2"},
        "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cr-wild-verbs"},
        "subjects":[{"kind":"User","name":"alice"}]})");
    kube::tenancy::PlannedWrite drop;
    drop.action = kube::tenancy::WriteAction::Delete;
    drop.gvr = {"rbac.authorization.k8s.io", "v1", "clusterrolebindings", false, "ClusterRoleBinding"};
    drop.name = "crb-alice-podreader";
    // Widen a ClusterRole through a merge patch: devs gain pods/exec.
    kube::tenancy::PlannedWrite widen;
    widen.action = kube::tenancy::WriteAction::MergePatch;
    widen.gvr = {"rbac.authorization.k8s.io", "v1", "clusterroles", false, "ClusterRole"};
    widen.name = "cr-sub-log";
    widen.object = json::parse(R"({"rules":[{"apiGroups":[""],"resources":["pods/log","pods/exec"],"verbs":["get"]}]})");
    // A write to a kind that does not matter is ignored.
    kube::tenancy::PlannedWrite other;
    other.gvr = {"", "v1", "configmaps", true, "ConfigMap"};
    other.ns = "ns1";
    other.name = "x";
    other.object = json::parse(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"ns1"}})");
    plan.writes = {bind, drop, widen, other};

    RbacData copy = data;
    QCOMPARE(copy.apply(plan), size_t(3));
    QVERIFY(data.find({"rbac.authorization.k8s.io", "ClusterRoleBinding", "", "crb-alice-podreader"}));
    QVERIFY(!copy.find({"rbac.authorization.k8s.io", "ClusterRoleBinding", "", "crb-alice-podreader"}));

    const auto impact = PermissionDiff::planImpact(data, plan, catalog, {});
    bool gains = false, loses = false, devs = false, others = false;
    for (const auto &d : impact) {
        if (d.subject == "User alice" && d.scope == "namespace ns2" && d.resource == "deployments.apps" && d.gained.size() == 8)
            gains = true;
        if (d.subject == "User alice" && d.scope == "cluster" && d.resource == "pods" && d.lost.size() == 3)
            loses = true;
        if (d.subject == "Group devs" && d.resource == "pods/exec" && d.gained == std::vector<std::string>{"get"})
            devs = true;
        if (d.subject != "User alice" && d.subject != "Group devs")
            others = true;
    }
    QVERIFY2(gains, PermissionDiff::toText(impact).c_str());
    QVERIFY2(loses, PermissionDiff::toText(impact).c_str());
    QVERIFY2(devs, PermissionDiff::toText(impact).c_str());
    QVERIFY2(!others, PermissionDiff::toText(impact).c_str());
    QVERIFY(PermissionDiff::planImpact(data, kube::tenancy::Plan{}, catalog, {}).empty());
}

void TestRbacQueries::risks()
{
    const auto index = fixtureIndex();
    const auto all = RiskScanner::scan(*index, {});
    auto has = [&](const std::vector<RiskFinding> &f, RiskKind kind, const std::string &subject) {
        for (const auto &x : f)
            if (x.kind == kind && x.subject.name == subject)
                return true;
        return false;
    };
    QVERIFY(has(all, RiskKind::Wildcard, "root"));
    QVERIFY(has(all, RiskKind::Wildcard, "frank"));
    QVERIFY(has(all, RiskKind::SecretsRead, "jack"));
    QVERIFY(has(all, RiskKind::SecretsRead, "bob"));
    QVERIFY(has(all, RiskKind::Impersonate, "ops"));
    QVERIFY(has(all, RiskKind::EscalateOrBind, "ops"));
    QVERIFY(has(all, RiskKind::PodsExec, "root"));
    QVERIFY(has(all, RiskKind::NodesProxy, "root"));
    QVERIFY(has(all, RiskKind::WebhookWrite, "root"));
    QVERIFY(has(all, RiskKind::CrdWrite, "root"));
    QVERIFY(!has(all, RiskKind::Wildcard, "lost"));  // a subject that can never match
    // Bound in one namespace, cr-all cannot reach cluster-scoped resources or URLs.
    QVERIFY(has(all, RiskKind::PodsExec, "frank"));
    QVERIFY(has(all, RiskKind::SecretsRead, "frank"));
    QVERIFY(!has(all, RiskKind::NodesProxy, "frank"));
    QVERIFY(!has(all, RiskKind::CrdWrite, "frank"));
    QVERIFY(!has(all, RiskKind::WebhookWrite, "frank"));
    for (const auto &f : all)
        if (f.subject.name == "frank" && f.kind == RiskKind::Impersonate)
            QCOMPARE(QString::fromStdString(f.what), QStringLiteral("impersonate serviceaccounts"));
    for (const auto &f : all)
        if (f.subject.name == "frank" && f.kind == RiskKind::EscalateOrBind)
            QCOMPARE(QString::fromStdString(f.what), QStringLiteral("escalate/bind roles, bind clusterroles"));
    QVERIFY(has(all, RiskKind::Wildcard, "system:serviceaccount:ns1:default"));
    RiskScanner::Options noSystem;
    noSystem.includeSystem = false;
    QVERIFY(!has(RiskScanner::scan(*index, noSystem), RiskKind::Wildcard, "system:serviceaccount:ns1:default"));
    for (const auto &f : all)
        QVERIFY(f.path.ruleIndex >= 0 && !f.path.bindingText.empty());
    QVERIFY(RiskScanner::toText(all).find("[high] [impersonate] User ops may impersonate users") != std::string::npos);
    // A rule limited to names still reads those secrets.
    const auto named = RiskScanner::risksOf(rule(R"({"verbs":["get"],"apiGroups":[""],"resources":["secrets"],"resourceNames":["a"]})"));
    QCOMPARE(named.size(), size_t(1));
    QVERIFY(RiskScanner::risksOf(rule(R"({"verbs":["get"],"apiGroups":[""],"resources":["configmaps"]})")).empty());
}

void TestRbacQueries::riskSeverity()
{
    const std::vector<std::pair<RiskKind, RiskSeverity>> expected = {
        {RiskKind::Wildcard, RiskSeverity::Medium},      {RiskKind::SecretsRead, RiskSeverity::Medium},
        {RiskKind::Impersonate, RiskSeverity::High},     {RiskKind::EscalateOrBind, RiskSeverity::High},
        {RiskKind::PodsExec, RiskSeverity::Medium},      {RiskKind::NodesProxy, RiskSeverity::High},
        {RiskKind::WebhookWrite, RiskSeverity::High},    {RiskKind::CrdWrite, RiskSeverity::Medium}};
    for (const auto &[kind, severity] : expected)
        QVERIFY2(severityOf(kind) == severity, toString(kind));
    QCOMPARE(QString(toString(RiskSeverity::High)), QStringLiteral("high"));
    QCOMPARE(QString(toString(RiskSeverity::Medium)), QStringLiteral("medium"));
    // scan fills it in, and both outputs carry it.
    const auto all = RiskScanner::scan(*fixtureIndex(), {});
    QVERIFY(!all.empty());
    bool high = false, medium = false;
    for (const auto &f : all) {
        QVERIFY(f.severity == severityOf(f.kind));
        high = high || f.severity == RiskSeverity::High;
        medium = medium || f.severity == RiskSeverity::Medium;
    }
    QVERIFY(high && medium);
    const json j = RiskScanner::toJson(all);
    for (size_t i = 0; i < all.size(); ++i)
        QCOMPARE(j[i]["severity"].get<std::string>(), std::string(toString(all[i].severity)));
    QVERIFY(RiskScanner::toText(all).find("[medium] [secrets-read] User bob may get secrets") != std::string::npos);
}

void TestRbacQueries::riskyCells()
{
    const ResourceCatalog c = ResourceCatalog::builtin();
    auto entry = [&](const char *group, const char *resource, const char *sub = "") -> const CatalogEntry & {
        const int i = c.find(group, resource, sub);
        if (i < 0)
            qFatal("no catalog entry %s/%s", resource, sub);
        return c.entries()[size_t(i)];
    };
    QVERIFY(RiskScanner::riskyCell(entry("", "secrets"), "get", true));
    QVERIFY(RiskScanner::riskyCell(entry("", "secrets"), "watch", false));
    QVERIFY(!RiskScanner::riskyCell(entry("", "secrets"), "create", false));
    QVERIFY(!RiskScanner::riskyCell(entry("", "configmaps"), "get", false));
    // Wildcard findings do not count: "*" on configmaps carries no other risk.
    QVERIFY(!RiskScanner::riskyCell(entry("", "configmaps"), "*", false));
    QVERIFY(RiskScanner::riskyCell(entry("", "pods", "exec"), "create", true));
    QVERIFY(RiskScanner::riskyCell(entry("", "pods", "exec"), "get", false));
    QVERIFY(!RiskScanner::riskyCell(entry("", "pods", "exec"), "list", false));
    QVERIFY(!RiskScanner::riskyCell(entry("", "pods"), "create", false));
    QVERIFY(RiskScanner::riskyCell(entry("", "nodes", "proxy"), "get", false));
    QVERIFY(!RiskScanner::riskyCell(entry("", "nodes", "proxy"), "get", true));
    QVERIFY(!RiskScanner::riskyCell(entry("", "nodes"), "get", false));
    // escalate on clusterroles is cluster-wide only; bind also counts inside a namespace.
    QVERIFY(RiskScanner::riskyCell(entry("rbac.authorization.k8s.io", "clusterroles"), "escalate", false));
    QVERIFY(!RiskScanner::riskyCell(entry("rbac.authorization.k8s.io", "clusterroles"), "escalate", true));
    QVERIFY(RiskScanner::riskyCell(entry("rbac.authorization.k8s.io", "clusterroles"), "bind", true));
    QVERIFY(!RiskScanner::riskyCell(entry("rbac.authorization.k8s.io", "clusterroles"), "get", false));
    CatalogEntry users;
    users.resource = "users";
    users.namespaced = false;
    QVERIFY(RiskScanner::riskyCell(users, "impersonate", false));
    QVERIFY(!RiskScanner::riskyCell(users, "impersonate", true));
    QVERIFY(!RiskScanner::riskyCell(users, "get", false));
}

void TestRbacQueries::indexUsers()
{
    const auto index = RbacIndex::build(dataOf(R"([
      {"apiVersion":"iam.kubesphere.io/v1beta1","kind":"User","metadata":{"name":"u2"},"spec":{"groups":["g1"]}},
      {"apiVersion":"iam.kubesphere.io/v1beta1","kind":"User","metadata":{"name":"u1"},"spec":{"groups":["g2","g1"]}},
      {"apiVersion":"iam.kubesphere.io/v1beta1","kind":"User","metadata":{"name":"u3"}},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"r"},"rules":[]},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"b1"},
       "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"r"},
       "subjects":[{"kind":"User","name":"zed"},{"kind":"User","name":"u1"},{"kind":"Group","name":"g1"},
                   {"kind":"ServiceAccount","name":"sa","namespace":"ns1"}]},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"b2","namespace":"ns1"},
       "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"r"},
       "subjects":[{"kind":"User","name":"a-user"},{"kind":"User","name":"zed"}]}
    ])"));
    using Names = std::vector<std::string>;
    QCOMPARE(index->usersInGroup("g1"), (Names{"u1", "u2"}));
    QCOMPARE(index->usersInGroup("g2"), (Names{"u1"}));
    QCOMPARE(index->usersInGroup("nope"), Names{});
    QCOMPARE(index->users(), (Names{"a-user", "u1", "u2", "u3", "zed"}));
    QCOMPARE(RbacIndex::build(RbacData())->users(), Names{});
}

void TestRbacQueries::loaderShapes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string root = dir.path().toStdString();
    std::filesystem::create_directories(root + "/sub/deeper");
    const std::string multi = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: a}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
---
# a comment-only document is skipped
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ignored, namespace: x}
)";
    const std::string single = R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"b"},
      "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"a"},"subjects":[{"kind":"User","name":"u"}]})";
    const std::string list = R"({"apiVersion":"v1","kind":"List","items":[
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"r","namespace":"n1"},"rules":[]},
      {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n1"}}]})";
    const std::string typedList = R"(apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBindingList
items:
- metadata: {name: rb, namespace: n1}
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
  subjects: [{kind: Group, name: g}]
)";
    std::ofstream(root + "/a.yaml") << multi;
    std::ofstream(root + "/b.json") << single;
    std::ofstream(root + "/sub/c.json") << list;
    std::ofstream(root + "/sub/deeper/d.yml") << typedList;
    std::ofstream(root + "/README.txt") << "not a manifest: {";
    auto loaded = RbacLoader::fromPath(root);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
    QCOMPARE(loaded->files, size_t(4));
    QCOMPARE(loaded->data.size(), size_t(5));
    QVERIFY(loaded->data.find({"rbac.authorization.k8s.io", "RoleBinding", "n1", "rb"}));
    const auto index = RbacIndex::build(loaded->data);
    Evaluator evaluator(index);
    QVERIFY(evaluator.allowed(Identity::verbatim("u"), RequestAttributes::forResource("get", "", "pods", "n1")));
    // One file works as well as a folder.
    auto one = RbacLoader::fromPath(root + "/b.json");
    QVERIFY(one.ok());
    QCOMPARE(one->data.size(), size_t(1));
    // Round trip through toList.
    RbacData again;
    QCOMPARE(again.add(loaded->data.toList()), size_t(5));
}

void TestRbacQueries::loaderErrors()
{
    auto missing = RbacLoader::fromPath("/nonexistent/rbac/path");
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().describe().find("/nonexistent/rbac/path") != std::string::npos);
    // One file that does not parse is an error naming the file and the line where the text
    // stops short of the "]" (yaml-cpp itself says line 3, the empty line after the end).
    QTemporaryDir dir;
    const std::string bad = dir.path().toStdString() + "/bad.yaml";
    std::ofstream(bad) << "kind: ClusterRole\nmetadata: {name: [unclosed\n";
    auto r = RbacLoader::fromPath(bad);
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error().describe()),
             QString::fromStdString(bad + ":2: invalid YAML: end of sequence flow not found"));
    // An error inside the text keeps yaml-cpp's line; JSON is read the same way.
    const std::string badJson = dir.path().toStdString() + "/bad.json";
    std::ofstream(badJson) << "{\"kind\": \"ClusterRole\",\n \"metadata\": {\"name\": \"x\"},\n \"rules\": [}\n}\n";
    r = RbacLoader::fromPath(badJson);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().describe().rfind(badJson + ":3: invalid YAML: ", 0) == 0, r.error().describe().c_str());
    QTemporaryDir empty;
    auto e = RbacLoader::fromPath(empty.path().toStdString());
    QVERIFY(e.ok());
    QCOMPARE(e->warnings.size(), size_t(1));
    QCOMPARE(e->files, size_t(0));
}

void TestRbacQueries::loaderSkipsBrokenFiles()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    std::filesystem::create_directories(root + "/sub");
    std::ofstream(root + "/bad.yaml") << "kind: ClusterRole\nmetadata: {name: [unclosed\n";
    // A broken file holding a valid document first adds nothing of it.
    std::ofstream(root + "/sub/half.yaml") << clusterRole("half", "[]") << "\n---\nkind: X\nmetadata:\n  name: x\n bad: 1\n";
    std::ofstream(root + "/good.yaml") << clusterRole("good", R"([{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}])");
    auto r = RbacLoader::fromPath(root);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    QCOMPARE(r->files, size_t(1));
    QCOMPARE(r->data.size(), size_t(1));
    QVERIFY(r->data.find({"rbac.authorization.k8s.io", "ClusterRole", "", "good"}));
    QCOMPARE(r->skipped, (std::vector<std::string>{root + "/bad.yaml", root + "/sub/half.yaml"}));
    QCOMPARE(r->warnings.size(), size_t(2));
    QCOMPARE(QString::fromStdString(r->warnings[0]),
             QString::fromStdString(root + "/bad.yaml:2: invalid YAML: end of sequence flow not found (file skipped)"));
    QVERIFY2(r->warnings[1].rfind(root + "/sub/half.yaml:6: invalid YAML: ", 0) == 0, r->warnings[1].c_str());
    // Only broken files: nothing loaded, still not an error.
    std::filesystem::remove(root + "/good.yaml");
    r = RbacLoader::fromPath(root);
    QVERIFY(r.ok());
    QCOMPARE(r->files, size_t(0));
    QCOMPARE(r->skipped.size(), size_t(2));
}

void TestRbacQueries::catalog()
{
    ResourceCatalog c = ResourceCatalog::builtin();
    QVERIFY(c.find("", "pods", "exec") >= 0);
    QVERIFY(c.find("apps", "deployments", "scale") >= 0);
    QVERIFY(!c.entries()[size_t(c.find("", "nodes"))].namespaced);
    QCOMPARE(c.findText("deployments.apps/scale"), c.find("apps", "deployments", "scale"));
    QCOMPARE(c.findText("pods"), c.find("", "pods"));
    QCOMPARE(c.findText("deployments"), c.find("apps", "deployments"));
    QCOMPARE(c.findText("nothing"), -1);
    const size_t before = c.size();
    c.addKubeSphereVirtual();
    QVERIFY(c.find("iam.kubesphere.io", "workspacemembers") >= 0);
    QVERIFY(c.find("iam.kubesphere.io", "users", "password") >= 0);
    QVERIFY(c.size() > before);
    c.addFromRules(*fixtureIndex());
    QVERIFY(c.find("certificates.k8s.io", "certificatesigningrequests", "approval") >= 0);
    QVERIFY(c.find("", "users") >= 0);
}

void TestRbacQueries::rebuildReusesAndMatchesFreshBuild_data()
{
    QTest::addColumn<bool>("predict");
    QTest::addColumn<int>("flavor");
    QTest::newRow("stored rules, flavour guessed") << false << int(kube::tenancy::ApiFlavor::None);
    QTest::newRow("predicted aggregation") << true << int(kube::tenancy::ApiFlavor::None);
    QTest::newRow("3.x view") << false << int(kube::tenancy::ApiFlavor::V3);
}

void TestRbacQueries::rebuildReusesAndMatchesFreshBuild()
{
    QFETCH(bool, predict);
    QFETCH(int, flavor);
    RbacIndex::Options options;
    options.predictAggregation = predict;
    options.kubesphereFlavor = kube::tenancy::ApiFlavor(flavor);
    auto check = [&](const std::shared_ptr<const RbacIndex> &rebuilt, const RbacData &data) {
        const auto fresh = RbacIndex::build(freshCopy(data), options);
        QCOMPARE(fresh->parsedObjects(), fresh->roles().size() + fresh->bindings().size());
        const json a = fingerprint(*rebuilt), b = fingerprint(*fresh);
        if (a != b)
            QFAIL(qPrintable(QString::fromStdString("rebuilt index differs:\n" + json::diff(b, a).dump(1))));
        QVERIFY(matrices(*rebuilt) == matrices(*fresh));
    };

    // Given the Kubernetes and KubeSphere fixtures and an aggregation chain in one data set
    RbacData data = fixtureData();
    auto ks = RbacLoader::fromPath(dataPath("ks-fixture.yaml"));
    QVERIFY(bool(ks));
    data.add(ks->data.toList());
    data.add(json::parse(R"({"apiVersion":"v1","kind":"List","items":[
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"part","labels":{"agg":"true"}},
       "rules":[{"verbs":["get"],"apiGroups":[""],"resources":["events"]}]},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"whole"},
       "aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"agg":"true"}}]},
       "rules":[{"verbs":["stale"],"apiGroups":[""],"resources":["stale"]}]},
      {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"whole-wendy"},
       "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"whole"},
       "subjects":[{"kind":"User","name":"wendy"}]}]})"));
    const auto first = RbacIndex::build(data, options);
    QCOMPARE(first->parsedObjects(), first->roles().size() + first->bindings().size());
    check(first, data);

    // When nothing changed, a copy's build parses nothing (but the aggregated role whose rules
    // were predicted) and answers alike
    const size_t predicted = predict ? 1 : 0;
    const RbacData copy = data;
    const auto same = RbacIndex::build(copy, options);
    QCOMPARE(same->parsedObjects(), predicted);
    check(same, copy);

    // When a role's rules are edited, a binding is added, another removed and one re-pointed,
    // a role added that a dangling binding named, a namespace labelled, and the aggregated part
    // loses its label
    RbacData edited = copy;
    auto object = [&](const char *group, const char *kind, const char *ns, const char *name) {
        const json *o = edited.find({group, kind, ns, name});
        if (!o)
            qFatal("fixture lacks %s %s", kind, name);
        return *o;
    };
    json podReader = object(kRbacGroup, "ClusterRole", "", "cr-pod-reader");
    podReader["rules"] = json::parse(R"([{"apiGroups":[""],"resources":["secrets"],"verbs":["delete"]}])");
    edited.add(podReader);
    edited.add(json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
        "metadata":{"name":"newbie-reads","namespace":"ns1"},
        "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cr-pod-reader"},
        "subjects":[{"kind":"User","name":"newbie"},{"kind":"ServiceAccount","name":"bot"}]})"));
    QVERIFY(edited.remove({kRbacGroup, "ClusterRoleBinding", "", "crb-root-all"}));
    json scaler = object(kRbacGroup, "ClusterRoleBinding", "", "crb-scaler");
    scaler["subjects"] = json::parse(R"([{"kind":"Group","name":"scalers"}])");
    edited.add(scaler);
    edited.add(json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole",
        "metadata":{"name":"does-not-exist"},"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["*"]}]})"));
    edited.add(json::parse(R"({"apiVersion":"v1","kind":"Namespace",
        "metadata":{"name":"fresh-ns","labels":{"kubesphere.io/workspace":"ws-new"}}})"));
    json part = object(kRbacGroup, "ClusterRole", "", "part");
    part["metadata"].erase("labels");
    edited.add(part);
    const auto after = RbacIndex::build(edited, options);
    // Then only the changed and new objects were parsed
    QCOMPARE(after->parsedObjects(), 5 + predicted);
    check(after, edited);
    // And the edited role answers with its new rules (parsed again), before and after alike
    const auto request = [](const char *verb, const char *resource) {
        return RequestAttributes::forResource(verb, "", resource, "ns1");
    };
    QVERIFY(Evaluator(after).allowed(Identity::verbatim("newbie"), request("delete", "secrets")));
    QVERIFY(!Evaluator(after).allowed(Identity::verbatim("newbie"), request("get", "pods")));
    QVERIFY(Evaluator(after).allowed(Identity::serviceAccount("ns1", "bot"), request("delete", "secrets")));
    QVERIFY(Evaluator(after).allowed(Identity::verbatim("alice"), request("delete", "secrets")));
    QVERIFY(!Evaluator(first).allowed(Identity::verbatim("alice"), request("delete", "secrets")));
    QVERIFY(Evaluator(first).allowed(Identity::verbatim("alice"), request("get", "pods")));
    QVERIFY(!Evaluator(after).allowed(Identity::verbatim("root"), request("get", "pods")));
    QVERIFY(Evaluator(first).allowed(Identity::verbatim("root"), request("get", "pods")));
    QCOMPARE(Evaluator(after).allowed(Identity::verbatim("wendy"), request("get", "events")), false);
    QCOMPARE(Evaluator(first).allowed(Identity::verbatim("wendy"), request("get", "events")), predict);

    // When a plan-like copy diverges from the same ancestor, its build is right too
    RbacData other = copy;
    other.remove({"", "Namespace", "", "ns1"});
    check(RbacIndex::build(other, options), other);
    // And the first lineage still rebuilds right after that
    edited.add(object(kRbacGroup, "ClusterRole", "", "cr-nodes"));  // the same content, a new stamp
    const auto again = RbacIndex::build(edited, options);
    QVERIFY(again->parsedObjects() >= 1);
    check(again, edited);
}

QTEST_APPLESS_MAIN(TestRbacQueries)
#include "tst_rbacqueries.moc"
