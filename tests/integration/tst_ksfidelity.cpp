// KubeSphere fidelity on the real devcluster (standalone mode, 4.x CRDs): the longest valid
// workspace name works end to end with KubeSphere's hashed role names, member bindings name the
// user's kubeconfig ServiceAccount, and owner references let kube-controller-manager's garbage
// collector remove what an object's deletion leaves behind. kubectl is the judge.
#include "clusterenv.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/tenancy/graph/graphnetwork.h"
#include "kubeclient/tenancy/plan/planner.h"

#include <QtTest>

#include <algorithm>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

json kubectlJson(const QStringList &args)
{
    auto r = clusterenv::run("kubectl", args + QStringList{"-o", "json"}, clusterenv::kubeconfigPath("admin"));
    if (r.exitCode != 0)
        return nullptr;
    return json::parse(r.out.toStdString(), nullptr, false);
}

bool kubectlCanI(const std::string &user, const QStringList &what)
{
    auto r = clusterenv::run("kubectl", QStringList{"auth", "can-i", "--as", qs(user)} + what,
                             clusterenv::kubeconfigPath("admin"));
    return r.out.trimmed() == "yes";
}

// Polls until kubectl no longer finds the object (the garbage collector works in the background).
bool goneWithin(const QStringList &getArgs, int seconds)
{
    for (int i = 0; i < seconds * 4; ++i) {
        auto r = clusterenv::run("kubectl", QStringList{"get"} + getArgs, clusterenv::kubeconfigPath("admin"));
        if (r.exitCode != 0 && r.err.contains("NotFound"))
            return true;
        QTest::qWait(250);
    }
    return false;
}
} // namespace

#define REQUIRE_OK(expr)                                                                                  \
    do {                                                                                                  \
        auto &&_r = (expr);                                                                               \
        if (!_r)                                                                                          \
            QFAIL(qPrintable(QStringLiteral(#expr " failed: ") + qs(_r.error().describe())));            \
    } while (0)

class tst_KsFidelity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void longestWorkspaceNameEndToEnd();
    void memberBindingsNameTheKubeconfigAccount();
    void garbageCollectorRemovesMirrorsWithTheirSource();
    void workspaceRolesGoWithTheirTemplate();
    void cleanupTestCase();

private:
    void apply(const Result<Plan> &plan);
    // A new user made a member of a new project, in a workspace of its own (KubeSphere
    // instantiates its built-in project roles only in workspace projects).
    void addMemberToNewProject(const std::string &project, const std::string &user, const std::string &role);

    std::unique_ptr<Client> m_admin;
    std::optional<ClusterTenancy> m_tenancy;
    std::unique_ptr<Planner> m_planner;
    std::string m_sfx;
};

void tst_KsFidelity::apply(const Result<Plan> &plan)
{
    REQUIRE_OK(plan);
    auto report = PlanExecutor(*m_admin).run(*plan);
    QVERIFY2(report.complete(), report.summary(*plan).c_str());
}

void tst_KsFidelity::addMemberToNewProject(const std::string &project, const std::string &user,
                                           const std::string &role)
{
    UserSpec u;
    u.name = user;
    u.email = user + "@example.com";
    apply(m_planner->createUser(u));
    WorkspaceSpec w;
    w.name = project + "-ws";
    apply(m_planner->createWorkspace(w));
    ProjectSpec p;
    p.name = project;
    p.workspace = w.name;
    apply(m_planner->createProject(p));
    apply(m_planner->setMember(MemberScope{RoleSpec::Level::Project, project}, user, role));
}

void tst_KsFidelity::initTestCase()
{
    std::string error;
    m_admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    QVERIFY2(m_admin, error.c_str());
    auto t = detectTenancy(*m_admin);
    REQUIRE_OK(t);
    m_tenancy = *t;
    QCOMPARE(m_tenancy->mode, Mode::Standalone);
    QCOMPARE(m_tenancy->api.flavor, ApiFlavor::V4);
    m_planner = std::make_unique<Planner>(*m_admin, *m_tenancy, "devcluster-admin");
    m_sfx = clusterenv::uniqueName("x").substr(2);
}

void tst_KsFidelity::longestWorkspaceNameEndToEnd()
{
    // Given a 63-character workspace, project and user name (the longest valid ones)
    const std::string tail = "-" + m_sfx;
    const std::string ws = std::string(63 - tail.size(), 'w') + tail;
    const std::string project = std::string(63 - tail.size(), 'p') + tail;
    const std::string manager = std::string(63 - tail.size(), 'm') + tail;
    const std::string member = std::string(63 - tail.size(), 'u') + tail;
    QCOMPARE(ws.size(), size_t(63));
    clusterenv::addUser(manager);
    clusterenv::addUser(member);
    UserSpec u;
    u.name = manager;
    u.email = "m-" + m_sfx + "@example.com";
    apply(m_planner->createUser(u));
    u.name = member;
    u.email = "u-" + m_sfx + "@example.com";
    apply(m_planner->createUser(u));

    // When the workspace, a project in it and a member are created
    WorkspaceSpec w;
    w.name = ws;
    w.manager = manager;
    apply(m_planner->createWorkspace(w));
    ProjectSpec p;
    p.name = project;
    p.workspace = ws;
    apply(m_planner->createProject(p));
    apply(m_planner->setMember(MemberScope{RoleSpec::Level::Workspace, ws}, member, "viewer"));
    apply(m_planner->setMember(MemberScope{RoleSpec::Level::Project, project}, member, "operator"));

    // Then the built-in roles have KubeSphere's hashed names (FNV-1a 64 in hex)
    const std::string adminRole = "admin." + fnv64a(ws);
    const json role = kubectlJson({"get", "workspacerole", qs(adminRole)});
    QVERIFY2(role.is_object(), adminRole.c_str());
    QCOMPARE(role["metadata"]["labels"][kWorkspaceLabel].get<std::string>(), ws);
    // And the manager binding is named like the admin role
    const json managerBinding = kubectlJson({"get", "workspacerolebinding", qs(adminRole)});
    QVERIFY2(managerBinding.is_object(), "the manager binding is named like the admin role");
    QCOMPARE(managerBinding["subjects"][0]["name"].get<std::string>(), manager);
    // And the member's binding accepts the full role name too (the word names an existing role)
    apply(m_planner->setMember(MemberScope{RoleSpec::Level::Workspace, ws}, member, "viewer." + fnv64a(ws)));
    // And kube-apiserver enforces it all: the manager administers the project, the member
    // operates in it and reads through the workspace role
    QVERIFY(kubectlCanI(manager, {"create", "rolebindings", "-n", qs(project)}));
    QVERIFY(kubectlCanI(member, {"create", "deployments", "-n", qs(project)}));
    QVERIFY(!kubectlCanI(member, {"create", "rolebindings", "-n", qs(project)}));
    // And every label value the writes carry is within 63 characters (the server took them)
    const json bindings = kubectlJson({"get", "rolebindings", "-n", qs(project)});
    QVERIFY(bindings.is_object());
    QVERIFY(bindings["items"].size() >= 3);
}

void tst_KsFidelity::memberBindingsNameTheKubeconfigAccount()
{
    // Given a project
    const std::string project = "sa-" + m_sfx;
    const std::string user = "sa-user-" + m_sfx;
    // When a member is added to a new project
    addMemberToNewProject(project, user, "viewer");
    // Then the iam binding and its RBAC mirror bind the User and its kubeconfig ServiceAccount
    const std::string binding = memberBindingName(user, "viewer");
    for (const QString &kind : {QStringLiteral("rolebindings.iam.kubesphere.io"),
                                QStringLiteral("rolebindings.rbac.authorization.k8s.io")}) {
        const std::string name = kind.startsWith("rolebindings.iam") ? binding : mirrorName(binding);
        const json b = kubectlJson({"get", kind, qs(name), "-n", qs(project)});
        QVERIFY2(b.is_object(), qPrintable(kind));
        QCOMPARE(b["subjects"].size(), size_t(2));
        QCOMPARE(b["subjects"][1]["kind"].get<std::string>(), std::string("ServiceAccount"));
        QCOMPARE(b["subjects"][1]["name"].get<std::string>(), "kubesphere.users." + user);
        QCOMPARE(b["subjects"][1]["namespace"].get<std::string>(), std::string("kubesphere-system"));
    }
    // And the ServiceAccount really gets the role's access
    QVERIFY(kubectlCanI("system:serviceaccount:kubesphere-system:kubesphere.users." + user,
                        {"list", "pods", "-n", qs(project)}));
    // And the tenancy graph (what the members tab and `get members` show) sees one member, not two
    const json list = kubectlJson({"get", "rolebindings.iam.kubesphere.io", "-n", qs(project)});
    QVERIFY(list.is_object());
    std::vector<json> objects;
    for (json item : list["items"]) {
        item["apiVersion"] = "iam.kubesphere.io/v1beta1";
        item["kind"] = "RoleBinding";
        objects.push_back(item);
    }
    // (the project's creator is a member too, through its creator binding)
    const auto members = graphOfObjects(objects).projectMembers(project);
    QCOMPARE(std::count_if(members.begin(), members.end(), [&](const MemberInfo &m) { return m.subject.name == user; }),
             std::ptrdiff_t(1));
    std::string listed;
    for (const auto &m : members)
        listed += m.subject.kind + " " + m.subject.namespaceName + "/" + m.subject.name + " (" + m.binding + "); ";
    QVERIFY2(std::none_of(members.begin(), members.end(), [](const MemberInfo &m) { return m.subject.isServiceAccount(); }),
             listed.c_str());
}

void tst_KsFidelity::garbageCollectorRemovesMirrorsWithTheirSource()
{
    // Given a project member (iam RoleBinding + its RBAC mirror, owned by it)
    const std::string project = "gc-" + m_sfx;
    const std::string user = "gc-user-" + m_sfx;
    addMemberToNewProject(project, user, "operator");
    const std::string binding = memberBindingName(user, "operator");
    const json iam = kubectlJson({"get", "rolebindings.iam.kubesphere.io", qs(binding), "-n", qs(project)});
    const json mirror = kubectlJson({"get", "rolebindings.rbac.authorization.k8s.io", qs(mirrorName(binding)), "-n",
                                     qs(project)});
    QVERIFY(iam.is_object() && mirror.is_object());
    // The mirror's owner is the iam binding, by uid
    QCOMPARE(mirror["metadata"]["ownerReferences"][0]["uid"].get<std::string>(),
             iam["metadata"]["uid"].get<std::string>());
    QVERIFY(kubectlCanI(user, {"create", "deployments", "-n", qs(project)}));
    // When someone deletes the iam binding with kubectl (not through Tenantry)
    auto r = clusterenv::run("kubectl", {"delete", "rolebindings.iam.kubesphere.io", qs(binding), "-n", qs(project)},
                             clusterenv::kubeconfigPath("admin"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Then the garbage collector removes the mirror, and the access with it
    QVERIFY(goneWithin({"rolebindings.rbac.authorization.k8s.io", qs(mirrorName(binding)), "-n", qs(project)}, 60));
    QVERIFY(!kubectlCanI(user, {"create", "deployments", "-n", qs(project)}));
}

void tst_KsFidelity::workspaceRolesGoWithTheirTemplate()
{
    // Given a workspace with a member (roles, bindings and their projections into a project)
    const std::string ws = "gcws-" + m_sfx;
    const std::string project = "gcwp-" + m_sfx;
    const std::string user = "gcw-user-" + m_sfx;
    UserSpec u;
    u.name = user;
    u.email = user + "@example.com";
    apply(m_planner->createUser(u));
    WorkspaceSpec w;
    w.name = ws;
    apply(m_planner->createWorkspace(w));
    ProjectSpec p;
    p.name = project;
    p.workspace = ws;
    apply(m_planner->createProject(p));
    apply(m_planner->setMember(MemberScope{RoleSpec::Level::Workspace, ws}, user, "viewer"));
    const std::string role = workspaceRoleName(ws, "viewer");
    const std::string binding = memberBindingName(user, role);
    const json wr = kubectlJson({"get", "workspacerole", qs(role)});
    const json tmpl = kubectlJson({"get", "workspacetemplate", qs(ws)});
    QVERIFY(wr.is_object() && tmpl.is_object());
    QCOMPARE(wr["metadata"]["ownerReferences"][0]["uid"].get<std::string>(), tmpl["metadata"]["uid"].get<std::string>());
    QCOMPARE(wr["metadata"]["ownerReferences"][0]["controller"].get<bool>(), true);
    QVERIFY(kubectlCanI(user, {"list", "pods", "-n", qs(project)}));
    // When the WorkspaceTemplate is deleted with kubectl
    auto r = clusterenv::run("kubectl", {"delete", "workspacetemplate", qs(ws)}, clusterenv::kubeconfigPath("admin"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Then its roles and bindings, their projections into the project, go with it
    QVERIFY(goneWithin({"workspacerole", qs(role)}, 60));
    QVERIFY(goneWithin({"workspacerolebinding", qs(binding)}, 60));
    QVERIFY(goneWithin({"clusterrole", qs(projectionName(role))}, 60));
    QVERIFY(goneWithin({"rolebinding", qs(projectionName(binding)), "-n", qs(project)}, 60));
    QVERIFY(!kubectlCanI(user, {"list", "pods", "-n", qs(project)}));
}

void tst_KsFidelity::cleanupTestCase()
{
    // The kubectl deletes above left what Tenantry derives from them stale (a user's reach): a
    // repair takes the cluster back to a consistent state for the tests that follow.
    if (!m_planner)
        return;
    auto plan = m_planner->repair();
    REQUIRE_OK(plan);
    auto report = PlanExecutor(*m_admin).run(*plan);
    QVERIFY2(report.complete(), report.summary(*plan).c_str());
}

QTEST_GUILESS_MAIN(tst_KsFidelity)
#include "tst_ksfidelity.moc"
