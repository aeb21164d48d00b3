// The objects Tenantry writes in KubeSphere mode must be exactly the spec's section 15
// manifests (4.x and 3.x); plus naming, validation, rule merging and plan rendering.
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/tenancy/plan/objectfactory.h"
#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/kubesphere/policyrules.h"
#include "kubeclient/core/yamlconvert.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
std::vector<json> loadDocs(const std::string &file)
{
    std::ifstream in(std::string(TENANTRY_TEST_DATA) + "/spec15/" + file);
    std::stringstream ss;
    ss << in.rdbuf();
    auto docs = parseYamlDocuments(ss.str(), file);
    return docs ? *docs : std::vector<json>{};
}

void compareJson(const json &actual, const json &expected)
{
    if (actual != expected)
        QFAIL(qPrintable(QStringLiteral("objects differ\nactual:\n%1\nexpected:\n%2")
                             .arg(QString::fromStdString(toYaml(actual)), QString::fromStdString(toYaml(expected)))));
}
} // namespace

class tst_ObjectFactory : public QObject
{
    Q_OBJECT
private slots:
    void v4MatchesSpecSection15();
    void v3MatchesSpecSection15();
    void rbacMirrorsAndProjections();
    void names();
    void validation_data();
    void validation();
    void ruleMerging();
    void planYamlRedactsSecrets();
};

void tst_ObjectFactory::v4MatchesSpecSection15()
{
    // Given the spec's 4.x scenario
    const auto expected = loadDocs("v4.yaml");
    QCOMPARE(expected.size(), size_t(6));
    ObjectFactory admin(TenancyApi::forFlavor(ApiFlavor::V4), "admin");
    ObjectFactory userA(TenancyApi::forFlavor(ApiFlavor::V4), "user-a");
    WorkspaceSpec ws;
    ws.name = "ws1";
    ws.manager = "user-a";
    ws.clusters = {"host", "member1"};
    // When the factory builds each object, then it is the spec's manifest, field for field
    compareJson(admin.workspaceTemplate(ws), expected[0]);
    compareJson(admin.workspaceRoleBinding("ws1", "user-b", "ws1-viewer"), expected[1]);
    compareJson(userA.project({"proj1", "ws1", "", ""}), expected[2]);
    compareJson(admin.projectRoleBinding("proj1", "user-b", "operator"), expected[3]);
    compareJson(admin.globalRoleBinding("user-b", "platform-regular"), expected[4]);
    RoleSpec role;
    role.level = RoleSpec::Level::Workspace;
    role.scope = "ws1";
    role.name = "ws1-deployer";
    role.templates = {"workspace-view-projects", "workspace-view-members"};
    compareJson(admin.role(role, json::array()), expected[5]);
}

void tst_ObjectFactory::v3MatchesSpecSection15()
{
    const auto expected = loadDocs("v3.yaml");
    QCOMPARE(expected.size(), size_t(5));
    ObjectFactory admin(TenancyApi::forFlavor(ApiFlavor::V3), "admin");
    ObjectFactory userA(TenancyApi::forFlavor(ApiFlavor::V3), "user-a");
    WorkspaceSpec ws;
    ws.name = "ws1";
    ws.manager = "user-a";
    ws.alias = "Team 1";
    ws.networkIsolation = false;
    compareJson(admin.workspaceTemplate(ws), expected[0]);
    compareJson(admin.workspaceRoleBinding("ws1", "user-b", "ws1-viewer"), expected[1]);
    compareJson(userA.project({"proj1", "ws1", "", ""}), expected[2]);
    compareJson(admin.projectRoleBinding("proj1", "user-b", "operator"), expected[3]);
    compareJson(admin.globalRoleBinding("user-b", "platform-regular"), expected[4]);
    // And 3.x custom roles carry the aggregation annotation with the rules written out
    RoleSpec role;
    role.level = RoleSpec::Level::Project;
    role.scope = "proj1";
    role.name = "deployer";
    role.templates = {"role-template-view-app-workloads"};
    json r = admin.role(role, json::array({{{"verbs", {"get"}}, {"apiGroups", {""}}, {"resources", {"pods"}}}}));
    QCOMPARE(r["apiVersion"].get<std::string>(), std::string("rbac.authorization.k8s.io/v1"));
    QCOMPARE(r["metadata"]["annotations"]["iam.kubesphere.io/aggregation-roles"].get<std::string>(),
             std::string("[\"role-template-view-app-workloads\"]"));
}

void tst_ObjectFactory::rbacMirrorsAndProjections()
{
    ObjectFactory f(TenancyApi::forFlavor(ApiFlavor::V4), "admin");
    // Given an iam RoleBinding, its mirror is an RBAC RoleBinding to the mirrored role
    json mirror = ObjectFactory::rbacMirror(f.projectRoleBinding("p1", "user-b", "operator"));
    QCOMPARE(mirror["apiVersion"].get<std::string>(), std::string("rbac.authorization.k8s.io/v1"));
    QCOMPARE(mirror["metadata"]["name"].get<std::string>(), std::string("kubesphere:iam:user-b-operator"));
    QCOMPARE(mirror["metadata"]["labels"]["iam.kubesphere.io/rolebinding-ref"].get<std::string>(), std::string("user-b-operator"));
    QCOMPARE(mirror["roleRef"]["name"].get<std::string>(), std::string("kubesphere:iam:operator"));
    QCOMPARE(mirror["roleRef"]["apiGroup"].get<std::string>(), std::string("rbac.authorization.k8s.io"));
    QCOMPARE(mirror["subjects"][0]["apiGroup"].get<std::string>(), std::string("rbac.authorization.k8s.io"));
    // Given a workspace role with a non-resource rule, the projection keeps only resource rules
    RoleSpec role;
    role.level = RoleSpec::Level::Workspace;
    role.scope = "ws1";
    role.name = "ws1-viewer";
    json wr = f.role(role, json::parse(R"([{"verbs":["get"],"apiGroups":["*"],"resources":["*"]},{"verbs":["get"],"nonResourceURLs":["/x"]}])"));
    json projection = ObjectFactory::workspaceRoleProjection(wr);
    QCOMPARE(projection["kind"].get<std::string>(), std::string("ClusterRole"));
    QCOMPARE(projection["rules"].size(), size_t(1));
    json binding = ObjectFactory::workspaceBindingProjection(f.workspaceRoleBinding("ws1", "user-b", "ws1-viewer"), "p1");
    QCOMPARE(binding["metadata"]["namespace"].get<std::string>(), std::string("p1"));
    QCOMPARE(binding["roleRef"]["name"].get<std::string>(), projection["metadata"]["name"].get<std::string>());
    QCOMPARE(binding["metadata"]["labels"]["iam.kubesphere.io/user-ref"].get<std::string>(), std::string("user-b"));
}

void tst_ObjectFactory::names()
{
    QCOMPARE(workspaceRoleName("ws1", "admin"), std::string("ws1-admin"));
    // Given a workspace name that makes "<ws>-<role>" longer than 63, the hashed form is used
    const std::string longWs(60, 'w');
    const std::string hashed = workspaceRoleName(longWs, "viewer");
    QVERIFY(hashed.rfind("viewer.", 0) == 0);
    QVERIFY(hashed.size() <= 63);
    QCOMPARE(workspaceRoleName(longWs, "viewer"), hashed);  // stable
    QCOMPARE(fnv32a(""), std::string("2166136261"));
    QCOMPARE(fnv32a("a"), std::string("3826002220"));
    QCOMPARE(memberBindingName("user-b", "ws1-viewer"), std::string("user-b-ws1-viewer"));
    QCOMPARE(mirrorName("admin"), std::string("kubesphere:iam:admin"));
}

void tst_ObjectFactory::validation_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("ws ok") << "workspace" << "team-1" << true << "";
    QTest::newRow("ws upper") << "workspace" << "Team" << false << "workspace name \"Team\"";
    QTest::newRow("ws underscore") << "workspace" << "a_b" << false << "RFC 1123";
    QTest::newRow("ws empty") << "workspace" << "" << false << "required";
    QTest::newRow("ws 64") << "workspace" << QString(64, 'a') << false << "63 characters";
    QTest::newRow("ws trailing dash") << "workspace" << "a-" << false << "alphanumeric";
    QTest::newRow("project dot") << "project" << "a.b" << false << "project name";
    QTest::newRow("user dotted") << "user" << "jane.doe" << true << "";
    QTest::newRow("user 64") << "user" << QString(64, 'u') << false << "63 characters";
    QTest::newRow("email ok") << "email" << "jane@example.com" << true << "";
    QTest::newRow("email no domain") << "email" << "jane@" << false << "name@example.com";
    QTest::newRow("email no at") << "email" << "jane.example.com" << false << "email";
    QTest::newRow("password ok") << "password" << "Passw0rdX" << true << "";
    QTest::newRow("password short") << "password" << "Pa0" << false << "8 to 64";
    QTest::newRow("password no upper") << "password" << "password1" << false << "upper-case";
    QTest::newRow("password bcrypt") << "password" << "$2a$10$" + QString(53, 'x') << true << "";
    QTest::newRow("label ok") << "label" << "a.b_c-d" << true << "";
    QTest::newRow("label bad") << "label" << "-x" << false << "label value";
}

void tst_ObjectFactory::validation()
{
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QFETCH(QString, messagePart);
    const std::string v = value.toStdString();
    Result<void> r;
    if (kind == "workspace")
        r = validateWorkspaceName(v);
    else if (kind == "project")
        r = validateProjectName(v);
    else if (kind == "user")
        r = validateUserName(v);
    else if (kind == "email")
        r = validateEmail(v);
    else if (kind == "password")
        r = validatePassword(v);
    else
        r = validateLabelValue(v, "label value");
    QCOMPARE(r.ok(), valid);
    if (!valid) {
        QVERIFY2(QString::fromStdString(r.error().describe()).contains(messagePart), r.error().describe().c_str());
        QCOMPARE(r.error().kind, ErrorKind::Invalid);
        if (kind == "password")  // the password never appears in its own error
            QVERIFY(!QString::fromStdString(r.error().describe()).contains(value));
    }
}

void tst_ObjectFactory::ruleMerging()
{
    const json podsRead = json::parse(R"({"verbs":["get","list"],"apiGroups":[""],"resources":["pods"]})");
    const json all = json::parse(R"({"verbs":["*"],"apiGroups":["*"],"resources":["*"]})");
    const json scale = json::parse(R"({"verbs":["get"],"apiGroups":["apps"],"resources":["*/scale"]})");
    const json named = json::parse(R"({"verbs":["get"],"apiGroups":[""],"resources":["configmaps"],"resourceNames":["a"]})");
    QVERIFY(ruleCovers(all, podsRead));
    QVERIFY(!ruleCovers(podsRead, all));
    const json deploymentScale = json::parse(R"({"verbs":["get"],"apiGroups":["apps"],"resources":["deployments/scale"]})");
    const json anyConfigMap = json::parse(R"({"verbs":["get"],"apiGroups":[""],"resources":["configmaps"]})");
    const json apisPrefix = json::parse(R"({"verbs":["get"],"nonResourceURLs":["/apis/*"]})");
    const json apisX = json::parse(R"({"verbs":["get"],"nonResourceURLs":["/apis/x"]})");
    const json urlOnly = json::parse(R"([{"verbs":["get"],"nonResourceURLs":["/x"]}])");
    QVERIFY(ruleCovers(scale, deploymentScale));
    QVERIFY(!ruleCovers(named, anyConfigMap));
    QVERIFY(ruleCovers(apisPrefix, apisX));
    // Given base rules and additions, covered additions are dropped and the rest appended in order
    json merged = mergeRules(json::array({podsRead}), json::array({podsRead, named, scale}));
    QCOMPARE(merged.size(), size_t(3));
    QCOMPARE(mergeRules(json::array({all}), json::array({podsRead, named, scale})).size(), size_t(1));
    QCOMPARE(namespacedRules(urlOnly).size(), size_t(0));
}

void tst_ObjectFactory::planYamlRedactsSecrets()
{
    ObjectFactory f(TenancyApi::forFlavor(ApiFlavor::V4), "admin");
    Plan plan;
    plan.title = "create user jane";
    PlannedWrite w;
    w.gvr = TenancyApi::forFlavor(ApiFlavor::V4).user;
    w.name = "jane";
    w.object = f.user({"jane", "jane@example.com", "S3cretPassw0rd", "", "", ""});
    w.secretPaths = {"/spec/password"};
    plan.writes.push_back(w);
    const std::string yaml = plan.yaml();
    QVERIFY2(yaml.find("S3cretPassw0rd") == std::string::npos, yaml.c_str());
    QVERIFY(yaml.find("<redacted>") != std::string::npos);
    QVERIFY(yaml.find("apply iam.kubesphere.io/v1beta1 User jane") != std::string::npos);
    // The object that is sent still carries it
    QCOMPARE(plan.writes[0].object["spec"]["password"].get<std::string>(), std::string("S3cretPassw0rd"));
}

QTEST_APPLESS_MAIN(tst_ObjectFactory)
#include "tst_objectfactory.moc"
