// KubeSphere 3.x shapes on the real devcluster: a tenancy seeded as 3.x writes it (v1alpha2
// kinds, RBAC project roles and bindings) is read back through the 3.x adapter into the
// tenancy graph, and a 3.x-mode member change writes RBAC objects.
#include "clusterenv.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/tenancy/plan/planner.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QtTest>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
} // namespace

class tst_TenancyV3 : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void readsSeededThreeXTenancy();
    void threeXMemberWritesRbac();
    void cleanupTestCase();

private:
    void seed(const json &object);

    std::unique_ptr<Client> m_admin;
    TenancyApi m_v3 = TenancyApi::forFlavor(ApiFlavor::V3);
    std::string m_sfx, m_ws, m_ns, m_userA, m_userB;
};

void tst_TenancyV3::seed(const json &object)
{
    // kubectl writes the seed, as a 3.x installation's console would have.
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(QByteArray::fromStdString(object.dump()));
    file.close();
    auto r = clusterenv::run("kubectl", {"apply", "-f", file.fileName()}, clusterenv::kubeconfigPath("admin"));
    QVERIFY2(r.exitCode == 0, (r.err + r.out).constData());
}

void tst_TenancyV3::initTestCase()
{
    std::string error;
    m_admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    QVERIFY2(m_admin, error.c_str());
    m_sfx = clusterenv::uniqueName("v").substr(2);
    m_ws = "v3ws-" + m_sfx;
    m_ns = "v3proj-" + m_sfx;
    m_userA = "v3-a-" + m_sfx;
    m_userB = "v3-b-" + m_sfx;
    for (const auto &u : {m_userA, m_userB})
        seed({{"apiVersion", "iam.kubesphere.io/v1alpha2"}, {"kind", "User"}, {"metadata", {{"name", u}}},
              {"spec", {{"email", u + "@example.com"}}}, {"status", {{"state", "Active"}}}});
    seed({{"apiVersion", "tenant.kubesphere.io/v1alpha2"}, {"kind", "WorkspaceTemplate"},
          {"metadata", {{"name", m_ws}, {"annotations", {{kCreatorAnnotation, "admin"}, {kAliasAnnotation, "Three X"}}}}},
          {"spec", {{"placement", {{"clusters", json::array({{{"name", "host"}}})}}},
                    {"template", {{"spec", {{"manager", m_userA}, {"networkIsolation", true}}}}}}}});
    seed({{"apiVersion", "tenant.kubesphere.io/v1alpha1"}, {"kind", "Workspace"}, {"metadata", {{"name", m_ws}}},
          {"spec", {{"manager", m_userA}}}});
    for (const auto &role : {"admin", "viewer"})
        seed({{"apiVersion", "iam.kubesphere.io/v1alpha2"}, {"kind", "WorkspaceRole"},
              {"metadata", {{"name", m_ws + "-" + role}, {"labels", {{kWorkspaceLabel, m_ws}}}}},
              {"rules", json::array({{{"verbs", {"get", "list", "watch"}}, {"apiGroups", {"*"}}, {"resources", {"*"}}}})}});
    seed({{"apiVersion", "iam.kubesphere.io/v1alpha2"}, {"kind", "WorkspaceRoleBinding"},
          {"metadata", {{"name", m_ws + "-admin"}, {"labels", {{kWorkspaceLabel, m_ws}, {kUserRefLabel, m_userA}}}}},
          {"roleRef", {{"apiGroup", "iam.kubesphere.io"}, {"kind", "WorkspaceRole"}, {"name", m_ws + "-admin"}}},
          {"subjects", json::array({{{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "User"}, {"name", m_userA}}})}});
    seed({{"apiVersion", "v1"}, {"kind", "Namespace"},
          {"metadata", {{"name", m_ns}, {"labels", {{kWorkspaceLabel, m_ws}, {kNamespaceLabel, m_ns}}},
                        {"annotations", {{kCreatorAnnotation, m_userA}}}}}});
    for (const auto &[role, verbs] : {std::pair{"admin", json::array({"*"})}, std::pair{"operator", json::array({"get", "list", "create"})},
                                      std::pair{"viewer", json::array({"get", "list", "watch"})}})
        seed({{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "Role"},
              {"metadata", {{"name", role}, {"namespace", m_ns}}},
              {"rules", json::array({{{"verbs", verbs}, {"apiGroups", {"*"}}, {"resources", {"*"}}}})}});
    seed({{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "RoleBinding"},
          {"metadata", {{"name", m_userA + "-admin"}, {"namespace", m_ns}, {"labels", {{kUserRefLabel, m_userA}}}}},
          {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "Role"}, {"name", "admin"}}},
          {"subjects", json::array({{{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "User"}, {"name", m_userA}}})}});
    seed({{"apiVersion", "iam.kubesphere.io/v1alpha2"}, {"kind", "GlobalRoleBinding"},
          {"metadata", {{"name", m_userB + "-platform-regular"}, {"labels", {{kUserRefLabel, m_userB}}}}},
          {"roleRef", {{"apiGroup", "iam.kubesphere.io"}, {"kind", "GlobalRole"}, {"name", "platform-regular"}}},
          {"subjects", json::array({{{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "User"}, {"name", m_userB}}})}});
}

void tst_TenancyV3::readsSeededThreeXTenancy()
{
    // Given the 3.x adapter, when every kind it knows is listed into a 3.x graph
    TenancyGraph graph(ApiFlavor::V3);
    for (size_t k = 0; k < kGraphKindCount; ++k) {
        const auto kind = static_cast<GraphKind>(k);
        auto gvr = resourceOf(kind, m_v3);
        if (!gvr || gvr->resource.empty())
            continue;
        auto list = m_admin->list(*gvr, "");
        if (!list)
            continue;  // kinds this cluster does not serve (RoleBase, network.kubesphere.io)
        std::vector<GraphObject> objects;
        for (auto &item : list->items) {
            item["apiVersion"] = gvr->apiVersion();
            item["kind"] = gvr->kind;
            objects.push_back(kube::freeze(std::move(item)));
        }
        graph.resync(kind, objects);
    }
    auto snap = graph.snapshot();
    // Then the workspace, its manager, project and members read as 3.x defines them
    auto ws = snap.workspace(m_ws);
    QVERIFY(ws.has_value());
    QCOMPARE(qs(ws->manager), qs(m_userA));
    QCOMPARE(qs(ws->alias), QStringLiteral("Three X"));
    QCOMPARE(qs(snap.workspaceOf(m_ns)), qs(m_ws));
    auto members = snap.workspaceMembers(m_ws);
    QCOMPARE(members.size(), size_t(1));
    QCOMPARE(qs(members[0].subject.name), qs(m_userA));
    QCOMPARE(qs(members[0].roleRef.name), qs(m_ws + "-admin"));
    auto projectMembers = snap.projectMembers(m_ns);
    QCOMPARE(projectMembers.size(), size_t(1));
    QCOMPARE(qs(projectMembers[0].roleRef.name), QStringLiteral("admin"));
    QVERIFY(projectMembers[0].roleExists);
    auto roles = snap.projectRoles(m_ns);
    QCOMPARE(roles.size(), size_t(3));
    auto user = snap.user(m_userB);
    QVERIFY(user.has_value());
    QCOMPARE(qs(user->platformRole), QStringLiteral("platform-regular"));
}

void tst_TenancyV3::threeXMemberWritesRbac()
{
    // Given KubeSphere mode on the 3.x shapes
    ClusterTenancy t;
    t.api = m_v3;
    t.mode = Mode::KubeSphere;
    Planner planner(*m_admin, t, "admin");
    // When user B becomes operator of the project
    auto plan = planner.setMember(MemberScope::project(m_ns), m_userB, "operator");
    QVERIFY2(plan.ok(), plan ? "" : plan.error().describe().c_str());
    QCOMPARE(plan->writes.size(), size_t(1));
    auto report = PlanExecutor(*m_admin).run(*plan);
    QVERIFY2(report.complete(), report.summary(*plan).c_str());
    // Then the binding is the plain RBAC RoleBinding 3.x uses, as the spec's 15.1 shows
    auto r = clusterenv::run("kubectl", {"get", "rolebindings.rbac.authorization.k8s.io", qs(m_userB + "-operator"), "-n",
                                         qs(m_ns), "-o", "json"},
                             clusterenv::kubeconfigPath("admin"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto b = json::parse(r.out.toStdString());
    QCOMPARE(qs(b["roleRef"]["apiGroup"].get<std::string>()), QStringLiteral("rbac.authorization.k8s.io"));
    QCOMPARE(qs(b["roleRef"]["name"].get<std::string>()), QStringLiteral("operator"));
    QCOMPARE(qs(b["subjects"][0]["apiGroup"].get<std::string>()), QStringLiteral("rbac.authorization.k8s.io"));
    QCOMPARE(qs(b["metadata"]["labels"][kUserRefLabel].get<std::string>()), qs(m_userB));
    QVERIFY(!b["metadata"]["labels"].contains(kRoleRefLabel));
    // And it is enforced by kube-apiserver for B
    auto canI = clusterenv::run("kubectl", {"auth", "can-i", "create", "configmaps", "-n", qs(m_ns), "--as", qs(m_userB)},
                                clusterenv::kubeconfigPath("admin"));
    QCOMPARE(canI.out.trimmed(), QByteArray("yes"));
}

void tst_TenancyV3::cleanupTestCase()
{
    // Leave the shared cluster as found: other tests run repair over every workspace.
    const std::string kc = clusterenv::kubeconfigPath("admin");
    clusterenv::run("kubectl", {"delete", "namespace", qs(m_ns), "--wait=false", "--ignore-not-found"}, kc);
    clusterenv::run("kubectl", {"delete", "workspacerolebindings.iam.kubesphere.io", qs(m_ws + "-admin"), "--ignore-not-found"}, kc);
    for (const auto &role : {"-admin", "-viewer"})
        clusterenv::run("kubectl", {"delete", "workspaceroles.iam.kubesphere.io", qs(m_ws + role), "--ignore-not-found"}, kc);
    clusterenv::run("kubectl", {"delete", "workspaces.tenant.kubesphere.io", qs(m_ws), "--ignore-not-found"}, kc);
    clusterenv::run("kubectl", {"delete", "workspacetemplates.tenant.kubesphere.io", qs(m_ws), "--ignore-not-found"}, kc);
    clusterenv::run("kubectl", {"delete", "globalrolebindings.iam.kubesphere.io", qs(m_userB + "-platform-regular"), "--ignore-not-found"}, kc);
    for (const auto &u : {m_userA, m_userB})
        clusterenv::run("kubectl", {"delete", "users.iam.kubesphere.io", qs(u), "--ignore-not-found"}, kc);
}

QTEST_GUILESS_MAIN(tst_TenancyV3)
#include "tst_tenancyv3.moc"
