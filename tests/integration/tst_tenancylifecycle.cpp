// The whole tenancy lifecycle in standalone mode on the real devcluster, checked by real
// enforcement: tenants act with their own client certificates and kube-apiserver's RBAC
// decides. Also validation errors, a 403 on a write, a 409 apply conflict, and resuming a
// partially failed plan.
#include "clusterenv.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/tenancy/plan/planner.h"

#include <QtTest>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

json configMap(const std::string &ns, const std::string &name)
{
    return {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", name}, {"namespace", ns}}}};
}
const GroupVersionResource kConfigMaps{"", "v1", "configmaps", true, "ConfigMap"};
} // namespace

#define REQUIRE_OK(expr)                                                                                  \
    do {                                                                                                  \
        auto &&_r = (expr);                                                                               \
        if (!_r)                                                                                          \
            QFAIL(qPrintable(QStringLiteral(#expr " failed: ") + qs(_r.error().describe())));            \
    } while (0)

class tst_TenancyLifecycle : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void standaloneModeDetected();
    void validationErrors();
    void lifecycleEnforcedByKubeApiserver();
    void dryRunOfNewProjectChecksWhatItCan();
    void reachRevealsTheProjectsOfAMember();
    void forbiddenWriteNamesThePermission();
    void applyConflictIsShownThenForced();
    void partialFailureResumes();

private:
    PlanReport execute(Client &client, const Plan &plan, bool dryRun = false);
    bool canCreateConfigMap(Client &client, const std::string &ns, const std::string &name);

    std::unique_ptr<Client> m_admin;
    std::optional<ClusterTenancy> m_tenancy;
    std::string m_sfx;
    std::string m_userA, m_userB, m_ws1, m_ws2, m_p1, m_p2;
    std::string m_userC, m_ws3, m_p3;
};

PlanReport tst_TenancyLifecycle::execute(Client &client, const Plan &plan, bool dryRun)
{
    ExecuteOptions o;
    o.dryRun = dryRun;
    return PlanExecutor(client).run(plan, o);
}

bool tst_TenancyLifecycle::canCreateConfigMap(Client &client, const std::string &ns, const std::string &name)
{
    auto r = client.create(kConfigMaps, ns, configMap(ns, name));
    if (r) {
        (void)m_admin->remove(kConfigMaps, ns, name);
        return true;
    }
    return false;
}

void tst_TenancyLifecycle::initTestCase()
{
    std::string error;
    m_admin = clusterenv::clientFor(clusterenv::kubeconfigPath("admin"), &error);
    QVERIFY2(m_admin, error.c_str());
    auto t = detectTenancy(*m_admin);
    REQUIRE_OK(t);
    m_tenancy = *t;
    m_sfx = clusterenv::uniqueName("x").substr(2);
    m_userA = "user-a-" + m_sfx;
    m_userB = "user-b-" + m_sfx;
    m_ws1 = "ws1-" + m_sfx;
    m_ws2 = "ws2-" + m_sfx;
    m_p1 = "p1-" + m_sfx;
    m_p2 = "p2-" + m_sfx;
    m_userC = "reach-user-" + m_sfx;
    m_ws3 = "dry-ws-" + m_sfx;
    m_p3 = "dry-p-" + m_sfx;
}

void tst_TenancyLifecycle::standaloneModeDetected()
{
    // Given the devcluster with Tenantry's CRDs and no KubeSphere controllers
    QCOMPARE(m_tenancy->api.flavor, ApiFlavor::V4);
    QCOMPARE(m_tenancy->mode, Mode::Standalone);
    QVERIFY2(qs(m_tenancy->reason).contains("no KubeSphere controller"), m_tenancy->reason.c_str());
    // And the mode can be overridden, and says so
    auto forced = detectTenancy(*m_admin, Mode::KubeSphere);
    REQUIRE_OK(forced);
    QCOMPARE(forced->mode, Mode::KubeSphere);
    QVERIFY(forced->overridden);
}

void tst_TenancyLifecycle::validationErrors()
{
    Planner planner(*m_admin, *m_tenancy, "devcluster-admin");
    auto check = [](const Result<Plan> &r, const char *part) {
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::Invalid);
        QVERIFY2(qs(r.error().describe()).contains(part), r.error().describe().c_str());
    };
    WorkspaceSpec bad;
    bad.name = "Bad_Name";
    check(planner.createWorkspace(bad), "workspace name \"Bad_Name\"");
    WorkspaceSpec noManager;
    noManager.name = "ws-" + m_sfx;
    noManager.manager = "ghost-" + m_sfx;
    check(planner.createWorkspace(noManager), "does not exist");
    check(planner.createProject({"p-" + m_sfx, "missing-ws-" + m_sfx, "", ""}), "workspace \"missing-ws-");
    check(planner.createUser({"u-" + m_sfx, "not-an-email", "", "", "", ""}), "name@example.com");
    check(planner.createUser({"u-" + m_sfx, "u@example.com", "short", "", "", ""}), "8 to 64");
    RoleSpec role;
    role.level = RoleSpec::Level::Project;
    role.scope = "default";
    role.name = "broken";
    role.rules = json::parse(R"([{"verbs":[],"apiGroups":[""],"resources":["pods"]}])");
    check(planner.saveRole(role, true), "at least one verb");
    role.rules = json::parse(R"([{"verbs":["get"],"nonResourceURLs":["/healthz"]}])");
    check(planner.saveRole(role, true), "nonResourceURLs");
    role.rules = json::array();
    role.templates = {"no-such-template"};
    check(planner.saveRole(role, true), "role template \"no-such-template\" does not exist");
}

void tst_TenancyLifecycle::lifecycleEnforcedByKubeApiserver()
{
    Planner admin(*m_admin, *m_tenancy, "devcluster-admin");
    // Given an installed cluster, repair only adds generated RBAC objects: on a fresh one the
    // mirrors of the built-in cluster roles (installed as plain objects, before any Tenantry
    // operation ran); after other tests (RUN_SERIAL puts this one late) also the mirrors and
    // projections of what they left behind
    auto baseline = admin.repair();
    REQUIRE_OK(baseline);
    for (const auto &w : baseline->writes) {
        const bool rbac = w.gvr == TenancyApi::rbacClusterRole || w.gvr == TenancyApi::rbacRole
            || w.gvr == TenancyApi::rbacRoleBinding || w.gvr == TenancyApi::rbacClusterRoleBinding;
        const bool generated = w.name.rfind("kubesphere:iam:", 0) == 0 || w.name.rfind("tenantry:", 0) == 0;
        QVERIFY2(rbac && generated, w.describe().c_str());
    }
    QVERIFY(execute(*m_admin, *baseline).complete());
    // Given users A and B, workspaces ws1 (managed by A) and ws2, projects p1 in ws1 and p2 in ws2
    for (const auto &u : {m_userA, m_userB}) {
        auto plan = admin.createUser({u, u + "@example.com", "Passw0rdPassw0rd", "", "", ""}, "platform-regular");
        REQUIRE_OK(plan);
        QVERIFY2(plan->yaml().find("Passw0rdPassw0rd") == std::string::npos, "password leaked into the plan YAML");
        auto report = execute(*m_admin, *plan);
        QVERIFY2(report.complete(), report.summary(*plan).c_str());
    }
    for (const auto &[ws, manager] : {std::pair{m_ws1, m_userA}, std::pair{m_ws2, std::string()}}) {
        WorkspaceSpec spec;
        spec.name = ws;
        spec.manager = manager;
        spec.alias = "Team " + ws;
        auto plan = admin.createWorkspace(spec);
        REQUIRE_OK(plan);
        // dry-run first: the server validates every write and stores nothing
        auto dry = execute(*m_admin, *plan, true);
        QVERIFY2(dry.complete(), dry.summary(*plan).c_str());
        QVERIFY(!m_admin->get(m_tenancy->api.workspaceTemplate, "", ws));
        auto report = execute(*m_admin, *plan);
        QVERIFY2(report.complete(), report.summary(*plan).c_str());
    }
    REQUIRE_OK(m_admin->get(m_tenancy->api.workspaceRole, "", m_ws1 + "-admin"));
    auto manager = m_admin->get(m_tenancy->api.workspaceRoleBinding, "", m_ws1 + "-admin");
    REQUIRE_OK(manager);
    QCOMPARE(qs(ObjectMeta(*manager).label(kUserRefLabel)), qs(m_userA));
    for (const auto &[p, ws] : {std::pair{m_p1, m_ws1}, std::pair{m_p2, m_ws2}}) {
        auto plan = admin.createProject({p, ws, "", ""});
        REQUIRE_OK(plan);
        auto report = execute(*m_admin, *plan);
        QVERIFY2(report.complete(), report.summary(*plan).c_str());
    }
    REQUIRE_OK(m_admin->get(m_tenancy->api.projectRole, m_p1, "operator"));
    REQUIRE_OK(m_admin->get(TenancyApi::rbacRole, m_p1, "kubesphere:iam:operator"));

    // When B becomes operator of p1
    auto member = admin.setMember(MemberScope::project(m_p1), m_userB, "operator");
    REQUIRE_OK(member);
    auto memberReport = execute(*m_admin, *member);
    QVERIFY2(memberReport.complete(), memberReport.summary(*member).c_str());
    auto binding = m_admin->get(m_tenancy->api.projectRoleBinding, m_p1, m_userB + "-operator");
    REQUIRE_OK(binding);

    // Then, acting as B with B's own certificate, kube-apiserver lets B write in p1 only
    std::string error;
    auto asB = clusterenv::clientFor(clusterenv::addUser(m_userB), &error);
    QVERIFY2(asB, error.c_str());
    QTRY_VERIFY_WITH_TIMEOUT(canCreateConfigMap(*asB, m_p1, "by-b"), 10000);
    auto inP2 = asB->create(kConfigMaps, m_p2, configMap(m_p2, "by-b"));
    QVERIFY(!inP2);
    QVERIFY(inP2.error().isApi(StatusReason::Forbidden));
    // And B (operator) cannot edit roles in p1
    json role = {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "Role"},
                 {"metadata", {{"name", "sneaky"}, {"namespace", m_p1}}},
                 {"rules", json::array({{{"verbs", {"*"}}, {"apiGroups", {"*"}}, {"resources", {"*"}}}})}};
    auto sneaky = asB->create(TenancyApi::rbacRole, m_p1, role);
    QVERIFY(!sneaky);
    QVERIFY(sneaky.error().isApi(StatusReason::Forbidden));
    // kubectl agrees (an independent peer)
    auto canI = clusterenv::run("kubectl", {"auth", "can-i", "create", "configmaps", "-n", qs(m_p1), "--as", qs(m_userB)},
                                clusterenv::kubeconfigPath("admin"));
    QCOMPARE(canI.out.trimmed(), QByteArray("yes"));

    // And A, the manager of ws1, manages p1's members through the workspace-role projection
    auto asA = clusterenv::clientFor(clusterenv::addUser(m_userA), &error);
    QVERIFY2(asA, error.c_str());
    Planner plannerA(*asA, *m_tenancy, m_userA);
    auto viewer = plannerA.setMember(MemberScope::project(m_p1), m_userB, "viewer");
    REQUIRE_OK(viewer);
    PlanReport viewerReport;
    QTRY_VERIFY_WITH_TIMEOUT((viewerReport = execute(*asA, *viewer)).complete(), 10000);
    // B is now a viewer: writing is refused, reading works
    QTRY_VERIFY_WITH_TIMEOUT(!canCreateConfigMap(*asB, m_p1, "by-b-2"), 10000);
    REQUIRE_OK(asB->list(kConfigMaps, m_p1));
    // A cannot do the same in ws2's project
    Planner plannerA2(*asA, *m_tenancy, m_userA);
    auto outside = plannerA2.setMember(MemberScope::project(m_p2), m_userB, "viewer");
    QVERIFY(!outside || !execute(*asA, *outside).complete());

    // When B is removed from p1, the access goes
    auto removal = admin.removeMember(MemberScope::project(m_p1), m_userB);
    REQUIRE_OK(removal);
    auto removalReport = execute(*m_admin, *removal);
    QVERIFY2(removalReport.complete(), removalReport.summary(*removal).c_str());
    QTRY_VERIFY_WITH_TIMEOUT(!asB->list(kConfigMaps, m_p1).ok(), 10000);

    // When B is made a ws1 member, the workspace role reaches p1 through its projection
    auto wsMember = admin.setMember(MemberScope::workspace(m_ws1), m_userB, "viewer");
    REQUIRE_OK(wsMember);
    auto wsMemberReport = execute(*m_admin, *wsMember);
    QVERIFY2(wsMemberReport.complete(), wsMemberReport.summary(*wsMember).c_str());
    QTRY_VERIFY_WITH_TIMEOUT(asB->list(kConfigMaps, m_p1).ok(), 10000);
    QVERIFY(!asB->list(kConfigMaps, m_p2).ok());

    // When the user is deleted, every binding labelled with the user goes
    auto deletion = admin.deleteUser(m_userB);
    REQUIRE_OK(deletion);
    auto deletionReport = execute(*m_admin, *deletion);
    QVERIFY2(deletionReport.complete(), deletionReport.summary(*deletion).c_str());
    ListOptions sel;
    sel.labelSelector = std::string(kUserRefLabel) + "=" + m_userB;
    for (const auto &gvr : {m_tenancy->api.globalRoleBinding, m_tenancy->api.workspaceRoleBinding,
                            m_tenancy->api.projectRoleBinding, m_tenancy->api.clusterRoleBinding,
                            TenancyApi::rbacRoleBinding, TenancyApi::rbacClusterRoleBinding}) {
        auto left = m_admin->list(gvr, "", sel);
        REQUIRE_OK(left);
        QVERIFY2(left->items.empty(), (gvr.groupResource() + " still has bindings of the deleted user").c_str());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!asB->list(kConfigMaps, m_p1).ok(), 10000);

    // And repair finds no drift after all this
    auto repair = admin.repair();
    REQUIRE_OK(repair);
    QVERIFY2(repair->writes.empty(), repair->summary().c_str());
    // When a mirror is deleted behind Tenantry's back, repair puts it back
    REQUIRE_OK(m_admin->remove(TenancyApi::rbacRole, m_p1, "kubesphere:iam:viewer"));
    auto repair2 = admin.repair();
    REQUIRE_OK(repair2);
    QVERIFY2(repair2->writes.size() == 1, repair2->summary().c_str());
    QVERIFY(execute(*m_admin, *repair2).complete());
    REQUIRE_OK(m_admin->get(TenancyApi::rbacRole, m_p1, "kubesphere:iam:viewer"));
}

void tst_TenancyLifecycle::dryRunOfNewProjectChecksWhatItCan()
{
    Planner admin(*m_admin, *m_tenancy, "devcluster-admin");
    // Given a workspace ws3 in standalone mode
    WorkspaceSpec ws;
    ws.name = m_ws3;
    auto wsPlan = admin.createWorkspace(ws);
    REQUIRE_OK(wsPlan);
    QVERIFY(execute(*m_admin, *wsPlan).complete());
    // When a new project in it is dry-run as the GUI does (stop at the first failure)
    auto plan = admin.createProject({m_p3, m_ws3, "", ""});
    REQUIRE_OK(plan);
    QVERIFY(plan->writes.size() > 1);
    auto dry = execute(*m_admin, *plan, true);
    // Then the server checked the namespace, and the writes inside it are "not checked" (they
    // need the namespace the same plan creates), not failures
    QVERIFY2(dry.complete(), dry.summary(*plan).c_str());
    QVERIFY2(!dry.firstError(), dry.failureMessage().c_str());
    QCOMPARE(dry.results[0].outcome, WriteOutcome::Applied);
    size_t notChecked = 0;
    for (const auto &r : dry.results) {
        if (r.outcome != WriteOutcome::NotChecked)
            continue;
        ++notChecked;
        QCOMPARE(r.dependsOn.value_or(99), size_t(0));
        QCOMPARE(qs(plan->writes[r.index].ns), qs(m_p3));
    }
    QVERIFY2(notChecked > 0, dry.summary(*plan).c_str());
    QVERIFY2(qs(dry.summary(*plan)).contains("not checked (it needs write 1"), dry.summary(*plan).c_str());
    // And nothing was stored
    auto absent = m_admin->get(TenancyApi::namespaces, "", m_p3);
    QVERIFY(!absent && absent.error().isApi(StatusReason::NotFound));
    // A write that fails for another reason is still a failure: the same plan into a namespace
    // whose name the server refuses
    Plan broken = *plan;
    broken.writes.erase(broken.writes.begin());
    for (auto &w : broken.writes)
        if (!w.ns.empty())
            w.ns = "Not_A_Namespace";
    auto refused = execute(*m_admin, broken, true);
    QVERIFY(!refused.complete());
    // When it is applied, every write succeeds
    auto applied = execute(*m_admin, *plan);
    QVERIFY2(applied.complete(), applied.summary(*plan).c_str());
    REQUIRE_OK(m_admin->get(m_tenancy->api.projectRole, m_p3, "admin"));
}

void tst_TenancyLifecycle::reachRevealsTheProjectsOfAMember()
{
    Planner admin(*m_admin, *m_tenancy, "devcluster-admin");
    // Given user C, member of nothing, and project p3 (from the dry-run test)
    auto userPlan = admin.createUser({m_userC, m_userC + "@example.com", "", "", "", ""});
    REQUIRE_OK(userPlan);
    QVERIFY(execute(*m_admin, *userPlan).complete());
    REQUIRE_OK(m_admin->get(TenancyApi::namespaces, "", m_p3));
    const std::string reach = "tenantry:reach:" + m_userC;
    // When C becomes a viewer of p3
    auto member = admin.setMember(MemberScope::project(m_p3), m_userC, "viewer");
    REQUIRE_OK(member);
    auto report = execute(*m_admin, *member);
    QVERIFY2(report.complete(), report.summary(*member).c_str());
    // Then C's reach role grants get on exactly p3, and is owned by C's User
    auto role = m_admin->get(TenancyApi::rbacClusterRole, "", reach);
    REQUIRE_OK(role);
    QCOMPARE((*role)["rules"][0]["resourceNames"], json::array({m_p3}));
    auto user = m_admin->get(m_tenancy->api.user, "", m_userC);
    REQUIRE_OK(user);
    QCOMPARE(qs((*role)["metadata"]["ownerReferences"][0].value("uid", "")), qs(ObjectMeta(*user).uid()));
    // kubectl, as an independent peer, agrees: C may get p3 and not another namespace
    const auto admincfg = clusterenv::kubeconfigPath("admin");
    auto yes = clusterenv::run("kubectl", {"auth", "can-i", "get", "namespace/" + qs(m_p3), "--as", qs(m_userC)}, admincfg);
    QCOMPARE(yes.out.trimmed(), QByteArray("yes"));
    auto no = clusterenv::run("kubectl", {"auth", "can-i", "get", "namespace/default", "--as", qs(m_userC)}, admincfg);
    QCOMPARE(no.out.trimmed(), QByteArray("no"));
    // And C, with C's own certificate, learns the name from a SelfSubjectRulesReview
    std::string error;
    auto asC = clusterenv::clientFor(clusterenv::addUser(m_userC), &error);
    QVERIFY2(asC, error.c_str());
    const GroupVersionResource ssrr{"authorization.k8s.io", "v1", "selfsubjectrulesreviews", false,
                                    "SelfSubjectRulesReview"};
    auto review = asC->create(ssrr, "", {{"apiVersion", "authorization.k8s.io/v1"}, {"kind", "SelfSubjectRulesReview"},
                                         {"spec", {{"namespace", "default"}}}});
    REQUIRE_OK(review);
    bool revealed = false;
    for (const auto &rule : (*review)["status"].value("resourceRules", json::array()))
        for (const auto &name : rule.value("resourceNames", json::array()))
            revealed = revealed || name == m_p3;
    QVERIFY2(revealed, review->dump().c_str());
    // When C leaves p3, the reach objects go
    auto removal = admin.removeMember(MemberScope::project(m_p3), m_userC);
    REQUIRE_OK(removal);
    QVERIFY(execute(*m_admin, *removal).complete());
    auto gone = m_admin->get(TenancyApi::rbacClusterRole, "", reach);
    QVERIFY(!gone && gone.error().isApi(StatusReason::NotFound));
    auto goneBinding = m_admin->get(TenancyApi::rbacClusterRoleBinding, "", reach);
    QVERIFY(!goneBinding && goneBinding.error().isApi(StatusReason::NotFound));
    // And repair finds nothing to add for C
    auto repair = admin.repair();
    REQUIRE_OK(repair);
    for (const auto &w : repair->writes)
        QVERIFY2(w.name != reach, repair->summary().c_str());
}

void tst_TenancyLifecycle::forbiddenWriteNamesThePermission()
{
    // Given a user with no rights at all planning a workspace write
    std::string error;
    auto nobody = clusterenv::clientFor(clusterenv::addUser("nobody-" + m_sfx), &error);
    QVERIFY2(nobody, error.c_str());
    Planner planner(*nobody, *m_tenancy, "nobody");
    WorkspaceSpec spec;
    spec.name = "forbidden-" + m_sfx;
    auto plan = planner.createWorkspace(spec);
    // Then planning or applying fails with the server's 403, naming verb and resource
    std::string text;
    if (!plan) {
        QVERIFY(plan.error().isApi(StatusReason::Forbidden));
        text = plan.error().describe();
    } else {
        auto report = execute(*nobody, *plan);
        QVERIFY(!report.complete());
        QVERIFY(report.firstError()->isApi(StatusReason::Forbidden));
        text = report.firstError()->describe();
    }
    QVERIFY2(qs(text).contains("cannot") && qs(text).contains("workspacetemplates"), text.c_str());
}

void tst_TenancyLifecycle::applyConflictIsShownThenForced()
{
    // Given ws1's manager changed by someone else with kubectl
    auto r = clusterenv::run("kubectl", {"patch", "workspacetemplates.tenant.kubesphere.io", qs(m_ws1), "--type", "merge",
                                         "-p", R"({"spec":{"template":{"spec":{"manager":"someone-else"}}}})"},
                             clusterenv::kubeconfigPath("admin"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // When Tenantry applies its edit of the same field
    Planner admin(*m_admin, *m_tenancy, "devcluster-admin");
    WorkspaceSpec spec;
    spec.name = m_ws1;
    spec.manager = m_userA;
    spec.alias = "Team " + m_ws1;
    auto plan = admin.editWorkspace(spec);
    REQUIRE_OK(plan);
    auto report = execute(*m_admin, *plan);
    // Then it is a 409 naming the field and the other manager; nothing was overwritten
    QVERIFY(!report.complete());
    auto err = report.firstError();
    QVERIFY(err->isApi(StatusReason::Conflict));
    QVERIFY2(qs(err->describe()).contains("manager"), err->describe().c_str());
    auto current = m_admin->get(m_tenancy->api.workspaceTemplate, "", m_ws1);
    REQUIRE_OK(current);
    QCOMPARE(qs((*current)["spec"]["template"]["spec"].value("manager", "")), QStringLiteral("someone-else"));
    // And on request (force) the edit wins, resuming where it stopped
    ExecuteOptions force;
    force.force = true;
    force.startAt = report.nextIndex;
    auto forced = PlanExecutor(*m_admin).run(*plan, force);
    QVERIFY2(forced.complete(), forced.summary(*plan).c_str());
    current = m_admin->get(m_tenancy->api.workspaceTemplate, "", m_ws1);
    QCOMPARE(qs((*current)["spec"]["template"]["spec"].value("manager", "")), qs(m_userA));
}

void tst_TenancyLifecycle::partialFailureResumes()
{
    // Given a plan whose second write is refused by the server (a binding to a role of an
    // invalid name), and a valid third write
    Planner admin(*m_admin, *m_tenancy, "devcluster-admin");
    auto plan = admin.createProject({"p3-" + m_sfx, m_ws1, "", ""});
    REQUIRE_OK(plan);
    QVERIFY(plan->writes.size() >= 3);
    Plan broken = *plan;
    PlannedWrite bad = broken.writes[1];
    bad.object["metadata"]["labels"]["bad"] = "-not a label-";
    broken.writes[1] = bad;
    auto first = execute(*m_admin, broken);
    // Then execution stops there and says where to resume
    QVERIFY(!first.complete());
    QCOMPARE(first.nextIndex, size_t(1));
    QCOMPARE(first.results[0].outcome, WriteOutcome::Applied);
    QCOMPARE(first.results[2].outcome, WriteOutcome::Pending);
    QVERIFY(first.firstError()->isApi(StatusReason::Invalid));
    // When the cause is fixed and the plan resumed, the rest is applied and the first is skipped
    ExecuteOptions resume;
    resume.startAt = first.nextIndex;
    auto second = PlanExecutor(*m_admin).run(*plan, resume);
    QVERIFY2(second.complete(), second.summary(*plan).c_str());
    QCOMPARE(second.results[0].outcome, WriteOutcome::Skipped);
    REQUIRE_OK(m_admin->get(m_tenancy->api.projectRole, "p3-" + m_sfx, "admin"));
}

QTEST_GUILESS_MAIN(tst_TenancyLifecycle)
#include "tst_tenancylifecycle.moc"
