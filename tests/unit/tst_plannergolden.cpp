// Every planner operation composed against an in-memory cluster and compared, as YAML, with
// its golden file in tests/unit/golden/<flavour>-<mode>/ (KubeSphere 4.x and 3.x, KubeSphere and
// standalone mode). TENANTRY_UPDATE_GOLDEN=1 rewrites the files instead; review the diff.
#include "plannerfixture.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"
#include "kubeclient/tenancy/plan/reachwrites.h"
#include "kubeclient/tenancy/plan/snapshotplanreader.h"

#include <QDir>
#include <QtTest>

#include <functional>
#include <set>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

using Operation = std::function<Result<Plan>(Planner &)>;

struct Case {
    const char *name;
    Operation op;
};

std::vector<Case> operations()
{
    RoleSpec projectRole;
    projectRole.level = RoleSpec::Level::Project;
    projectRole.scope = "proj1";
    projectRole.name = "deployer";
    projectRole.rules = json::parse(R"([{"apiGroups":["apps"],"resources":["deployments"],"verbs":["get","update"]}])");
    RoleSpec workspaceRole;
    workspaceRole.level = RoleSpec::Level::Workspace;
    workspaceRole.scope = "ws1";
    workspaceRole.name = "ws1-viewer";
    workspaceRole.rules = json::parse(R"([{"apiGroups":[""],"resources":["namespaces"],"verbs":["get","list"]}])");
    workspaceRole.alias = "Viewer";
    RoleSpec unbound;
    unbound.level = RoleSpec::Level::Project;
    unbound.scope = "proj1";
    unbound.name = "auditor";
    WorkspaceSpec ws2;
    ws2.name = "ws2";
    ws2.manager = "bob";
    ws2.alias = "Team 2";
    WorkspaceSpec ws1;
    ws1.name = "ws1";
    ws1.manager = "alice";
    ws1.description = "The first team";
    UserSpec carol{"carol", "carol@example.com", "Secret-123", "Carol", "", "en"};
    UserSpec bob{"bob", "bob@example.org", "", "Bob", "moved to .org", ""};
    return {
        {"create-workspace", [=](Planner &p) { return p.createWorkspace(ws2); }},
        {"edit-workspace", [=](Planner &p) { return p.editWorkspace(ws1); }},
        {"delete-workspace", [](Planner &p) { return p.deleteWorkspace("ws1"); }},
        {"delete-workspace-foreground", [](Planner &p) { return p.deleteWorkspace("ws1", "Foreground"); }},
        {"create-project", [](Planner &p) { return p.createProject({"proj3", "ws1", "Third", ""}); }},
        {"create-project-outside-workspace", [](Planner &p) { return p.createProject({"proj4", "", "", ""}); }},
        {"delete-project", [](Planner &p) { return p.deleteProject("proj1"); }},
        {"move-project", [](Planner &p) { return p.moveProject("proj2", "ws1"); }},
        {"create-user", [=](Planner &p) { return p.createUser(carol, "platform-regular"); }},
        {"edit-user", [=](Planner &p) { return p.editUser(bob); }},
        {"disable-user", [](Planner &p) { return p.setUserEnabled("bob", false); }},
        {"delete-user", [](Planner &p) { return p.deleteUser("bob"); }},
        {"set-platform-role", [](Planner &p) { return p.setPlatformRole("bob", "platform-admin"); }},
        {"set-workspace-member", [](Planner &p) { return p.setMember(MemberScope::workspace("ws1"), "bob", "viewer"); }},
        {"set-project-member", [](Planner &p) { return p.setMember(MemberScope::project("proj2"), "bob", "viewer"); }},
        {"replace-project-member", [](Planner &p) { return p.setMember(MemberScope::project("proj1"), "bob", "admin"); }},
        {"set-cluster-member", [](Planner &p) { return p.setMember(MemberScope::cluster(), "bob", "cluster-viewer"); }},
        {"remove-project-member", [](Planner &p) { return p.removeMember(MemberScope::project("proj1"), "bob"); }},
        {"remove-workspace-member", [](Planner &p) { return p.removeMember(MemberScope::workspace("ws1"), "dave"); }},
        {"create-role", [=](Planner &p) { return p.saveRole(projectRole, true); }},
        {"edit-workspace-role", [=](Planner &p) { return p.saveRole(workspaceRole, false); }},
        {"delete-role", [=](Planner &p) { return p.deleteRole(unbound); }},
        {"repair", [](Planner &p) { return p.repair(); }},
        {"edit-project", [](Planner &p) { return p.editProject({"proj1", "", "First project", "Where the first team works"}); }},
        {"set-project-members-joining-workspace",
         [](Planner &p) {
             // bob joins ws1 for proj1's sake; alice (its admin) is already a member and keeps admin
             return p.changeMembers({{MemberScope::workspace("ws1"), "bob", "ws1-viewer", true},
                                     {MemberScope::workspace("ws1"), "alice", "ws1-viewer", true},
                                     {MemberScope::project("proj1"), "bob", "auditor"},
                                     {MemberScope::project("proj1"), "alice", "auditor"}});
         }},
        {"remove-members",
         [](Planner &p) {
             return p.changeMembers({{MemberScope::project("proj1"), "bob", ""}, {MemberScope::workspace("ws1"), "dave", ""}});
         }},
    };
}

struct ModeCase {
    const char *dir;
    ApiFlavor flavor;
    Mode mode;
};

const ModeCase kModes[] = {
    {"v4-kubesphere", ApiFlavor::V4, Mode::KubeSphere},
    {"v4-standalone", ApiFlavor::V4, Mode::Standalone},
    {"v3-kubesphere", ApiFlavor::V3, Mode::KubeSphere},
    {"v3-standalone", ApiFlavor::V3, Mode::Standalone},
};

// The first line where two texts differ, both sides shown, for a readable failure.
QString firstDifference(const QString &expected, const QString &actual)
{
    const QStringList e = expected.split('\n'), a = actual.split('\n');
    for (int i = 0; i < std::max(e.size(), a.size()); ++i) {
        const QString el = i < e.size() ? e[i] : QStringLiteral("<end>");
        const QString al = i < a.size() ? a[i] : QStringLiteral("<end>");
        if (el != al)
            return QStringLiteral("line %1\n  golden: %2\n  plan:   %3").arg(i + 1).arg(el, al);
    }
    return {};
}

json reachNamespaces(const Plan &plan, const std::string &user)
{
    for (const auto &w : plan.writes)
        if (w.action == WriteAction::Apply && w.gvr == TenancyApi::rbacClusterRole && w.name == ReachWrites::objectName(user))
            return w.object["rules"][0]["resourceNames"];
    return nullptr;
}

bool deletesReach(const Plan &plan, const std::string &user)
{
    for (const auto &w : plan.writes)
        if (w.action == WriteAction::Delete && w.gvr == TenancyApi::rbacClusterRole && w.name == ReachWrites::objectName(user))
            return true;
    return false;
}

} // namespace

class tst_PlannerGolden : public QObject
{
    Q_OBJECT
private slots:
    void golden_data();
    void golden();
    void reachFollowsMembership();
    void reachIsOwnedByTheUser();
    void repairFindsNoDriftAfterRepair();
    void plannedStateSeesThePlan();
    void snapshotReaderPlansTheSame();
    void memberBatchIsOnePlanWithOneReach();
    void editProjectTouchesOnlyItsAnnotations();
};

void tst_PlannerGolden::golden_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("operation");
    const auto ops = operations();
    for (int m = 0; m < int(std::size(kModes)); ++m)
        for (int o = 0; o < int(ops.size()); ++o)
            QTest::addRow("%s/%s", kModes[m].dir, ops[o].name) << m << o;
}

void tst_PlannerGolden::golden()
{
    QFETCH(int, mode);
    QFETCH(int, operation);
    const ModeCase &mc = kModes[mode];
    const Case c = operations()[size_t(operation)];
    // Given the fixture cluster (repair composes against the raw one: its drift is the point)
    const bool isRepair = std::string(c.name) == "repair";
    auto reader = plannerfixture::load(mc.flavor, mc.mode, !isRepair);
    Planner planner(reader, plannerfixture::tenancy(mc.flavor, mc.mode), "admin");
    // When the operation is planned
    auto plan = c.op(planner);
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    // Then its YAML is the golden file
    const QString actual = QString::fromStdString(plan->yaml());
    const QString path = plannerfixture::goldenDir() + "/" + mc.dir + "/" + c.name + ".yaml";
    if (qEnvironmentVariableIntValue("TENANTRY_UPDATE_GOLDEN") == 1) {
        QDir().mkpath(QFileInfo(path).path());
        QFile out(path);
        QVERIFY2(out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
        out.write(actual.toUtf8());
        qInfo("rewrote %s", qPrintable(path));
        return;
    }
    QFile in(path);
    QVERIFY2(in.open(QIODevice::ReadOnly),
             qPrintable(path + " is missing: run with TENANTRY_UPDATE_GOLDEN=1, then review the new file"));
    const QString expected = QString::fromUtf8(in.readAll());
    QVERIFY2(expected == actual, qPrintable(path + " differs at " + firstDifference(expected, actual)));
}

void tst_PlannerGolden::reachFollowsMembership()
{
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    // Given bob, a viewer in proj1 only: joining proj2 reaches both namespaces
    auto join = planner.setMember(MemberScope::project("proj2"), "bob", "viewer");
    QVERIFY(join);
    QCOMPARE(reachNamespaces(*join, "bob"), json::parse(R"(["proj1","proj2"])"));
    // Joining ws1 reaches its projects (proj1, already reached): nothing changes for bob
    auto ws = planner.setMember(MemberScope::workspace("ws1"), "bob", "viewer");
    QVERIFY(ws);
    QCOMPARE(reachNamespaces(*ws, "bob"), json());
    QVERIFY(!deletesReach(*ws, "bob"));
    // Leaving proj1, his only project, deletes his reach
    auto leave = planner.removeMember(MemberScope::project("proj1"), "bob");
    QVERIFY(leave);
    QVERIFY(deletesReach(*leave, "bob"));
    // A project created in ws1 is reached by the workspace's members (alice, dave) and not bob
    auto created = planner.createProject({"proj3", "ws1", "", ""});
    QVERIFY(created);
    QCOMPARE(reachNamespaces(*created, "dave"), json::parse(R"(["proj1","proj3"])"));
    QCOMPARE(reachNamespaces(*created, "alice"), json::parse(R"(["proj1","proj3"])"));
    QCOMPARE(reachNamespaces(*created, "bob"), json());
    // Moving proj2 into ws1 adds it for the workspace's members
    auto moved = planner.moveProject("proj2", "ws1");
    QVERIFY(moved);
    QCOMPARE(reachNamespaces(*moved, "dave"), json::parse(R"(["proj1","proj2"])"));
    // Deleting proj1 leaves dave (a workspace member) with nothing to reach
    auto deleted = planner.deleteProject("proj1");
    QVERIFY(deleted);
    QVERIFY(deletesReach(*deleted, "dave"));
    QVERIFY(deletesReach(*deleted, "bob"));
    // KubeSphere mode never writes reach objects: ks-apiserver answers those questions
    auto ksReader = plannerfixture::load(ApiFlavor::V4, Mode::KubeSphere);
    Planner ks(ksReader, plannerfixture::tenancy(ApiFlavor::V4, Mode::KubeSphere), "admin");
    auto ksJoin = ks.setMember(MemberScope::project("proj2"), "bob", "viewer");
    QVERIFY(ksJoin);
    QCOMPARE(reachNamespaces(*ksJoin, "bob"), json());
}

void tst_PlannerGolden::reachIsOwnedByTheUser()
{
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    auto role = reader.fetch(TenancyApi::rbacClusterRole, "", "tenantry:reach:bob");
    QVERIFY(role && *role);
    const json owner = (**role)["metadata"]["ownerReferences"][0];
    QCOMPARE(owner.value("kind", ""), std::string("User"));
    QCOMPARE(owner.value("name", ""), std::string("bob"));
    QCOMPARE(owner.value("uid", ""), std::string("uid-bob"));
    QCOMPARE((**role)["rules"][0]["verbs"], json::parse(R"(["get"])"));
    auto binding = reader.fetch(TenancyApi::rbacClusterRoleBinding, "", "tenantry:reach:bob");
    QVERIFY(binding && *binding);
    QCOMPARE((**binding)["subjects"][0].value("name", ""), std::string("bob"));
    // admin is a member of nothing: no reach objects at all
    auto none = reader.fetch(TenancyApi::rbacClusterRole, "", "tenantry:reach:admin");
    QVERIFY(none && !*none);
}

void tst_PlannerGolden::repairFindsNoDriftAfterRepair()
{
    for (auto flavor : {ApiFlavor::V4, ApiFlavor::V3}) {
        auto reader = plannerfixture::load(flavor, Mode::Standalone);
        Planner planner(reader, plannerfixture::tenancy(flavor, Mode::Standalone), "admin");
        auto again = planner.repair();
        QVERIFY(again);
        QVERIFY2(again->writes.empty(), again->summary().c_str());
    }
}

void tst_PlannerGolden::plannedStateSeesThePlan()
{
    // A member binding written by a plan is seen by a later plan once applied in memory.
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    auto join = planner.setMember(MemberScope::project("proj2"), "bob", "viewer");
    QVERIFY(join);
    reader.applyPlan(*join);
    auto leave = planner.removeMember(MemberScope::project("proj2"), "bob");
    QVERIFY(leave);
    QCOMPARE(reachNamespaces(*leave, "bob"), json::parse(R"(["proj1"])"));
}

void tst_PlannerGolden::snapshotReaderPlansTheSame()
{
    for (const ModeCase &mc : kModes) {
        // Given the fixture fed into a tenancy graph (RBAC objects it does not hold come from
        // the fallback, as they would from the client)
        auto memory = plannerfixture::load(mc.flavor, mc.mode);
        TenancyGraph graph(mc.flavor);
        std::map<GraphKind, std::vector<GraphObject>> byKind;
        for (const auto &o : memory.objects())
            if (auto kind = graphKindOf(o, mc.flavor))
                byKind[*kind].push_back(std::make_shared<const json>(o));
        for (std::size_t i = 0; i < kGraphKindCount; ++i)
            graph.resync(static_cast<GraphKind>(i), byKind[static_cast<GraphKind>(i)]);
        SnapshotPlanReader snapshot(graph.snapshot(), TenancyApi::forFlavor(mc.flavor), &memory);
        Planner fromMemory(memory, plannerfixture::tenancy(mc.flavor, mc.mode), "admin");
        Planner fromSnapshot(snapshot, plannerfixture::tenancy(mc.flavor, mc.mode), "admin");
        // Then every operation plans the same writes from either reader
        for (const auto &c : operations()) {
            auto a = c.op(fromMemory), b = c.op(fromSnapshot);
            QVERIFY2(a && b, (std::string(mc.dir) + "/" + c.name).c_str());
            QVERIFY2(a->yaml() == b->yaml(), (std::string(mc.dir) + "/" + c.name + "\n" + b->summary()).c_str());
        }
    }
}

void tst_PlannerGolden::memberBatchIsOnePlanWithOneReach()
{
    // Given ws1 (alice its admin) holding proj1 (bob a viewer there) and proj2
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    auto move = planner.moveProject("proj2", "ws1");
    QVERIFY(move);
    reader.applyPlan(*move);
    // When bob and alice become auditors of proj1, each joining ws1 as viewer unless a member
    auto plan = planner.changeMembers({{MemberScope::workspace("ws1"), "bob", "viewer", true},
                                       {MemberScope::workspace("ws1"), "alice", "viewer", true},
                                       {MemberScope::project("proj1"), "bob", "auditor"},
                                       {MemberScope::project("proj1"), "alice", "auditor"}});
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    // Then one title names both steps, alice keeps her admin binding, bob gets one binding each
    QCOMPARE(plan->title, std::string("make bob a member of workspace \"ws1\" with role viewer; make bob and alice "
                                      "members of project \"proj1\" with role auditor"));
    int bobWorkspaceBindings = 0, bobReach = 0;
    for (const auto &w : plan->writes) {
        QVERIFY2(!(w.action == WriteAction::Delete && w.name == "ws1-admin"), w.describe().c_str());
        bobWorkspaceBindings += w.action == WriteAction::Apply && w.name == "bob-ws1-viewer";
        bobReach += w.gvr == TenancyApi::rbacClusterRole && w.name == ReachWrites::objectName("bob");
    }
    QCOMPARE(bobWorkspaceBindings, 1);
    // and bob's reach is written once, from the plan as a whole: proj2 through the workspace,
    // proj1 through both (two plans planned apart would each write their own, the last winning)
    QCOMPARE(bobReach, 1);
    QCOMPARE(reachNamespaces(*plan, "bob"), json::parse(R"(["proj1","proj2"])"));
    // Writes the steps share (the auditor role's RBAC mirror) appear once
    std::set<std::string> seen;
    for (const auto &w : plan->writes)
        QVERIFY2(seen.insert(w.describe()).second, ("twice: " + w.describe()).c_str());
}

void tst_PlannerGolden::editProjectTouchesOnlyItsAnnotations()
{
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::KubeSphere);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::KubeSphere), "admin");
    // When proj1 gets an alias: one merge patch carrying that annotation alone
    auto plan = planner.editProject({"proj1", "", "First", ""});
    QVERIFY(plan);
    QCOMPARE(plan->writes.size(), size_t(1));
    QCOMPARE(int(plan->writes[0].action), int(WriteAction::MergePatch));
    QCOMPARE(plan->writes[0].object, json::parse(R"({"metadata":{"annotations":{"kubesphere.io/alias-name":"First"}}})"));
    // Applied, the labels stay; the same edit again plans nothing; clearing it patches null
    reader.applyPlan(*plan);
    auto ns = reader.fetch(TenancyApi::namespaces, "", "proj1");
    QVERIFY(ns && *ns);
    QCOMPARE((**ns)["metadata"]["labels"].value("kubesphere.io/workspace", ""), std::string("ws1"));
    auto again = planner.editProject({"proj1", "", "First", ""});
    QVERIFY(again && again->writes.empty());
    auto cleared = planner.editProject({"proj1", "", "", ""});
    QVERIFY(cleared && cleared->writes.size() == 1);
    QVERIFY(cleared->writes[0].object["metadata"]["annotations"]["kubesphere.io/alias-name"].is_null());
}

QTEST_GUILESS_MAIN(tst_PlannerGolden)
#include "tst_plannergolden.moc"
