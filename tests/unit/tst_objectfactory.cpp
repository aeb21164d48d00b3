// The objects Tenantry writes in KubeSphere mode must be exactly the spec's section 15
// manifests (4.x and 3.x); plus naming, validation, rule merging and plan rendering.
#include "kubeclient/core/objectmeta.h"
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

// What KubeSphere's own writers add to the spec's minimal section-15 manifests (spec 3.6, 3.8):
// the controller reference of workspace roles and bindings to their WorkspaceTemplate (uid
// filled in when the plan runs), and, in 4.x, the member's kubeconfig ServiceAccount next to
// the User in project and cluster bindings.
json ownedByWorkspace(json object, const std::string &apiVersion, const std::string &ws)
{
    object["metadata"]["ownerReferences"] = json::array({{{"apiVersion", apiVersion},
                                                          {"kind", "WorkspaceTemplate"},
                                                          {"name", ws},
                                                          {"controller", true},
                                                          {"blockOwnerDeletion", true}}});
    return object;
}

json withKubeconfigAccount(json binding, const std::string &user)
{
    binding["subjects"].push_back(
        {{"kind", "ServiceAccount"}, {"name", "kubesphere.users." + user}, {"namespace", "kubesphere-system"}});
    return binding;
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
    void longestNamesFit();
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
    const std::string tmpl = "tenant.kubesphere.io/v1beta1";
    compareJson(admin.workspaceTemplate(ws), expected[0]);
    compareJson(admin.workspaceRoleBinding("ws1", "user-b", "ws1-viewer"), ownedByWorkspace(expected[1], tmpl, "ws1"));
    compareJson(userA.project({"proj1", "ws1", "", ""}), expected[2]);
    compareJson(admin.projectRoleBinding("proj1", "user-b", "operator"), withKubeconfigAccount(expected[3], "user-b"));
    compareJson(admin.globalRoleBinding("user-b", "platform-regular"), expected[4]);
    RoleSpec role;
    role.level = RoleSpec::Level::Workspace;
    role.scope = "ws1";
    role.name = "ws1-deployer";
    role.templates = {"workspace-view-projects", "workspace-view-members"};
    compareJson(admin.role(role, json::array()), ownedByWorkspace(expected[5], tmpl, "ws1"));
    // And a cluster member binding names the kubeconfig ServiceAccount too
    json crb = admin.clusterRoleBinding("user-b", "cluster-viewer");
    QCOMPARE(crb["subjects"].size(), size_t(2));
    QCOMPARE(crb["subjects"][1]["name"].get<std::string>(), std::string("kubesphere.users.user-b"));
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
    compareJson(admin.workspaceRoleBinding("ws1", "user-b", "ws1-viewer"),
                ownedByWorkspace(expected[1], "tenant.kubesphere.io/v1alpha2", "ws1"));
    compareJson(userA.project({"proj1", "ws1", "", ""}), expected[2]);
    // 3.x binds the User alone
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
    // The ServiceAccount subject has no API group and keeps none
    QCOMPARE(mirror["subjects"].size(), size_t(2));
    QVERIFY(!mirror["subjects"][1].contains("apiGroup"));
    // Owned by the iam binding, which has no uid yet: the executor fills it in
    QCOMPARE(mirror["metadata"]["ownerReferences"][0]["kind"].get<std::string>(), std::string("RoleBinding"));
    QCOMPARE(mirror["metadata"]["ownerReferences"][0]["apiVersion"].get<std::string>(),
             std::string("iam.kubesphere.io/v1beta1"));
    QVERIFY(!mirror["metadata"]["ownerReferences"][0].contains("uid"));
    // Given a live iam ClusterRole, its mirror carries clusterrole-ref (not role-ref) and its uid
    json clusterRole = {{"apiVersion", "iam.kubesphere.io/v1beta1"}, {"kind", "ClusterRole"},
                        {"metadata", {{"name", "cluster-viewer"}, {"uid", "1234"}}}, {"rules", json::array()}};
    json crMirror = ObjectFactory::rbacMirror(clusterRole);
    QCOMPARE(crMirror["metadata"]["labels"]["iam.kubesphere.io/clusterrole-ref"].get<std::string>(),
             std::string("cluster-viewer"));
    QVERIFY(!crMirror["metadata"]["labels"].contains("iam.kubesphere.io/role-ref"));
    QCOMPARE(crMirror["metadata"]["ownerReferences"][0]["uid"].get<std::string>(), std::string("1234"));
    QCOMPARE(crMirror["metadata"]["ownerReferences"][0]["controller"].get<bool>(), true);
    // The platform-admin shadow binding: both subjects, owned by the GlobalRoleBinding
    json shadow = f.platformAdminClusterBinding("user-b");
    QCOMPARE(shadow["metadata"]["name"].get<std::string>(), std::string("user-b-cluster-admin"));
    QCOMPARE(shadow["subjects"].size(), size_t(2));
    QCOMPARE(shadow["metadata"]["ownerReferences"][0]["name"].get<std::string>(),
             std::string("user-b-platform-admin"));
    QCOMPARE(shadow["metadata"]["ownerReferences"][0]["kind"].get<std::string>(), std::string("GlobalRoleBinding"));
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
    // Projections are owned by their sources
    QCOMPARE(projection["metadata"]["ownerReferences"][0]["kind"].get<std::string>(), std::string("WorkspaceRole"));
    QCOMPARE(projection["metadata"]["ownerReferences"][0]["name"].get<std::string>(), std::string("ws1-viewer"));
    QCOMPARE(binding["metadata"]["ownerReferences"][0]["kind"].get<std::string>(),
             std::string("WorkspaceRoleBinding"));
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
    // FNV-1a 64 in 16 hex digits (published test vectors of the FNV reference)
    QCOMPARE(fnv64a(""), std::string("cbf29ce484222325"));
    QCOMPARE(fnv64a("a"), std::string("af63dc4c8601ec8c"));
    QCOMPARE(fnv64a("foobar"), std::string("85944171f73967e8"));
    QCOMPARE(hashed, "viewer." + fnv64a(longWs));
    // A 58-character workspace: "<ws>-admin" is 64 characters, one too many
    const std::string ws58(58, 'a');
    QCOMPARE(workspaceRoleName(ws58, "admin"), "admin." + fnv64a(ws58));
    QCOMPARE(workspaceRoleName(std::string(57, 'a'), "admin"), std::string(57, 'a') + "-admin");
    // The manager binding is named like the admin role
    QCOMPARE(managerBindingName("ws1"), std::string("ws1-admin"));
    QCOMPARE(managerBindingName(ws58), workspaceRoleName(ws58, "admin"));
    QCOMPARE(memberBindingName("user-b", "ws1-viewer"), std::string("user-b-ws1-viewer"));
    QCOMPARE(mirrorName("admin"), std::string("kubesphere:iam:admin"));
    QCOMPARE(userServiceAccountName("user-b"), std::string("kubesphere.users.user-b"));
    QCOMPARE(userOfServiceAccount("kubesphere-system", "kubesphere.users.user-b"), std::string("user-b"));
    QCOMPARE(userOfServiceAccount("default", "kubesphere.users.user-b"), std::string());
}

void tst_ObjectFactory::longestNamesFit()
{
    // Given the longest valid workspace, project, user and role names
    const std::string ws(63, 'w'), project(63, 'p'), user = std::string(62, 'u') + "9";
    const std::string customRole = std::string(200, 'r') + ".x" + std::string(50, 'r');  // a 253-character role
    QVERIFY(validateWorkspaceName(ws).ok());
    QVERIFY(validateUserName(user).ok());
    QVERIFY(validateRoleName(customRole).ok());
    // Then every derived object name is a valid name and every derived label value a valid one
    auto checkObject = [](const json &o) {
        const std::string name = o["metadata"]["name"].get<std::string>();
        // RBAC names are path segments of any length (KubeSphere's "kubesphere:iam:<name>"
        // mirrors exceed 253 for the longest iam names); other kinds are DNS subdomains.
        if (o["apiVersion"].get<std::string>().rfind("rbac.authorization.k8s.io/", 0) == 0)
            QVERIFY2(name.find_first_of("/%") == std::string::npos, name.c_str());
        else
            QVERIFY2(validateDnsSubdomain(name, "name").ok(), name.c_str());
        if (o["metadata"].contains("labels"))
            for (auto it = o["metadata"]["labels"].begin(); it != o["metadata"]["labels"].end(); ++it) {
                auto r = validateLabelValue(it.value().get<std::string>(), it.key());
                QVERIFY2(r.ok(), r.ok() ? "" : (name + ": " + r.error().describe()).c_str());
            }
    };
    for (auto flavor : {ApiFlavor::V4, ApiFlavor::V3}) {
        ObjectFactory f(TenancyApi::forFlavor(flavor), user);
        for (const char *role : {"admin", "self-provisioner"}) {
            const std::string full = workspaceRoleName(ws, role);
            QVERIFY2(validateDnsSubdomain(full, "role").ok() && full.size() <= 63, full.c_str());
            json wrb = f.workspaceRoleBinding(ws, user, full);
            checkObject(wrb);
            QVERIFY2(ObjectMeta(wrb).name().size() <= 63, ObjectMeta(wrb).name().c_str());
            checkObject(ObjectFactory::rbacMirror(wrb));
            checkObject(ObjectFactory::workspaceBindingProjection(wrb, project));
            RoleSpec spec{RoleSpec::Level::Workspace, ws, full, json::array(), {}, {}, {}, nullptr, {}};
            json wr = f.role(spec, json::array());
            checkObject(wr);
            checkObject(ObjectFactory::workspaceRoleProjection(wr));
        }
        json manager = f.workspaceRoleBinding(ws, user, workspaceRoleName(ws, "admin"), managerBindingName(ws));
        checkObject(manager);
        for (const json &b : {f.projectRoleBinding(project, user, customRole), f.clusterRoleBinding(user, customRole),
                              f.globalRoleBinding(user, customRole)}) {
            checkObject(b);
            checkObject(ObjectFactory::rbacMirror(b));
        }
        RoleSpec custom{RoleSpec::Level::Workspace, ws, customRole, json::array(), {}, {}, {}, nullptr, {}};
        json projection = ObjectFactory::workspaceRoleProjection(f.role(custom, json::array()));
        checkObject(projection);
        QVERIFY(ObjectMeta(projection).name().size() <= 253);
        QVERIFY(validateDnsSubdomain(creatorBindingName(user), "creator binding").ok());
        QVERIFY(creatorBindingName(user).size() <= 63);
        checkObject(f.platformAdminClusterBinding(user));
    }
    // A fitted name stays stable and distinct
    QCOMPARE(fitName(std::string(70, 'a')), fitName(std::string(70, 'a')));
    QVERIFY(fitName(std::string(70, 'a')) != fitName(std::string(71, 'a')));
    QCOMPARE(fitName(std::string(70, 'a')).size(), size_t(63));
    QCOMPARE(fitName("short"), std::string("short"));
    // Cut at a dot or dash, the kept part still ends alphanumeric
    const std::string dotted = std::string(45, 'a') + ".-" + std::string(30, 'b');
    QVERIFY(validateDnsSubdomain(fitName(dotted), "name").ok());
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
