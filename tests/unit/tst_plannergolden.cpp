// Every planner operation composed against an in-memory cluster and compared, as YAML, with
// its golden file in tests/unit/golden/<flavour>-<mode>/ (KubeSphere 4.x and 3.x, KubeSphere and
// standalone mode). TENANTRY_UPDATE_GOLDEN=1 rewrites the files instead; review the diff.
#include "plannerfixture.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"
#include "kubeclient/tenancy/plan/reachwrites.h"
#include "kubeclient/tenancy/plan/snapshotplanreader.h"
#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/tenancy/install/handover.h"
#include "kubeclient/tenancy/install/installer.h"

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
        {"edit-user-password",
         [=](Planner &p) {
             UserSpec withPassword = bob;
             withPassword.password = "New-Secret-9";
             return p.editUser(withPassword);
         }},
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
        // --- network (networkplans) ---
        {"isolate-workspace", [](Planner &p) { return p.setIsolation(IsolationScope::Workspace, "ws1", true); }},
        {"isolate-project", [](Planner &p) { return p.setIsolation(IsolationScope::Project, "proj1", true); }},
        {"isolate-workspace-allowing",
         [](Planner &p) {
             return p.setIsolation(IsolationScope::Workspace, "ws1", true,
                                   {std::vector<std::string>{"kubesphere-system", "kubesphere-monitoring-system"}});
         }},
        {"unisolate-workspace-already-off", [](Planner &p) { return p.setIsolation(IsolationScope::Workspace, "ws1", false); }},
        {"create-network-policy",
         [](Planner &p) {
             return p.saveNetworkPolicy(json::parse(R"({"metadata":{"name":"from-ws1","namespace":"proj1"},
                 "spec":{"podSelector":{},"policyTypes":["Ingress"],"ingress":[{"from":[
                   {"namespaceSelector":{"matchLabels":{"kubesphere.io/workspace":"ws1"}}},
                   {"ipBlock":{"cidr":"10.0.0.0/8","except":["10.1.0.0/16"]}}],
                   "ports":[{"protocol":"TCP","port":8000,"endPort":8100},{"port":"http"}]}]}})"),
                                        true);
         }},
        {"delete-network-policy", [](Planner &p) { return p.deleteNetworkPolicy("proj1", "allow-web"); }},
    };
}

using plannerfixture::kModes;
using plannerfixture::ModeCase;

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
    void isolationOnAndOffStandalone_data();
    void isolationOnAndOffStandalone();
    void isolationFollowsProjects();
    void repairRestoresIsolationPolicies();
    void kubesphereIsolationWritesTheField_data();
    void kubesphereIsolationWritesTheField();
    void networkPolicyChecks();
    // --- hand-over to KubeSphere (tenancy/install/handover) ---
    void handoverGolden_data();
    void handoverGolden();
    void handoverDecidesFromTheClusterAndTheChart();
    void handoverRefusesTheWrongMode();
    void handoverFinishRemovesProjectionsAndReleasesMirrors();
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
    planner.setClock(plannerfixture::fixedClock);
    // When the operation is planned
    auto plan = c.op(planner);
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    // Then its YAML is the golden file
    const QString actual = QString::fromStdString(plan->yaml());
    const QString path = plannerfixture::goldenDir() + "/" + mc.dir + "/" + c.name + ".yaml";
    const QString mismatch = plannerfixture::goldenMismatch(path, actual);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
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
                byKind[*kind].push_back(kube::freeze(o));
        for (std::size_t i = 0; i < kGraphKindCount; ++i)
            graph.resync(static_cast<GraphKind>(i), byKind[static_cast<GraphKind>(i)]);
        SnapshotPlanReader snapshot(graph.snapshot(), TenancyApi::forFlavor(mc.flavor), &memory);
        Planner fromMemory(memory, plannerfixture::tenancy(mc.flavor, mc.mode), "admin");
        Planner fromSnapshot(snapshot, plannerfixture::tenancy(mc.flavor, mc.mode), "admin");
        fromMemory.setClock(plannerfixture::fixedClock);
        fromSnapshot.setClock(plannerfixture::fixedClock);
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

// --- network isolation ---

namespace {
const PlannedWrite *findWrite(const Plan &plan, const GroupVersionResource &gvr, const std::string &ns, const std::string &name)
{
    for (const auto &w : plan.writes)
        if (w.gvr == gvr && w.ns == ns && w.name == name)
            return &w;
    return nullptr;
}
} // namespace

void tst_PlannerGolden::isolationOnAndOffStandalone_data()
{
    QTest::addColumn<int>("flavor");
    QTest::newRow("v4") << int(ApiFlavor::V4);
    QTest::newRow("v3") << int(ApiFlavor::V3);
}

void tst_PlannerGolden::isolationOnAndOffStandalone()
{
    QFETCH(int, flavor);
    const auto f = ApiFlavor(flavor);
    auto reader = plannerfixture::load(f, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(f, Mode::Standalone), "admin");
    // When ws1 is isolated: proj1 (its project) gets the policy admitting the workspace only
    auto on = planner.setIsolation(IsolationScope::Workspace, "ws1", true);
    QVERIFY2(on, on ? "" : on.error().describe().c_str());
    const PlannedWrite *policy = findWrite(*on, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY(policy && policy->action == WriteAction::Apply && policy->sideEffect);
    QCOMPARE(policy->object["spec"]["ingress"][0]["from"],
             json::parse(R"([{"namespaceSelector":{"matchLabels":{"kubesphere.io/workspace":"ws1"}}}])"));
    QCOMPARE(policy->object["metadata"]["labels"].value(kGeneratedByLabel, ""), std::string(kFieldManager));
    QVERIFY(!findWrite(*on, TenancyApi::networkPolicy, "proj2", kIsolationPolicyName));  // not in ws1
    reader.applyPlan(*on);
    // The same switch again plans nothing
    auto again = planner.setIsolation(IsolationScope::Workspace, "ws1", true);
    QVERIFY(again && again->writes.empty());
    // Project isolation narrows proj1's policy to the project itself (by the API server's own label)
    auto project = planner.setIsolation(IsolationScope::Project, "proj1", true);
    QVERIFY(project);
    policy = findWrite(*project, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY(policy && policy->action == WriteAction::Apply);
    QCOMPARE(policy->object["spec"]["ingress"][0]["from"][0]["namespaceSelector"]["matchLabels"],
             json::parse(R"({"kubernetes.io/metadata.name":"proj1"})"));
    reader.applyPlan(*project);
    // Workspace isolation off: proj1 keeps its own isolation, so its policy stays (no write to it)
    auto wsOff = planner.setIsolation(IsolationScope::Workspace, "ws1", false);
    QVERIFY(wsOff);
    QVERIFY(!findWrite(*wsOff, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName));
    reader.applyPlan(*wsOff);
    // Project isolation off too: the policy is deleted
    auto off = planner.setIsolation(IsolationScope::Project, "proj1", false);
    QVERIFY(off);
    policy = findWrite(*off, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY(policy && policy->action == WriteAction::Delete);
    reader.applyPlan(*off);
    auto gone = reader.fetch(TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY(gone && !*gone);
    // and the workspace reads as not isolated again in both places
    auto tmpl = reader.fetch(TenancyApi::forFlavor(f).workspaceTemplate, "", "ws1");
    QVERIFY(tmpl && *tmpl);
    QVERIFY(!NetworkPlans::workspaceIsolated(**tmpl));
    auto ws = reader.fetch(TenancyApi::forFlavor(f).workspace, "", "ws1");
    QVERIFY(ws && *ws);
    QVERIFY(!NetworkPlans::workspaceIsolated(**ws));
}

void tst_PlannerGolden::isolationFollowsProjects()
{
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    auto on = planner.setIsolation(IsolationScope::Workspace, "ws1", true);
    QVERIFY(on);
    reader.applyPlan(*on);
    // A project created in the isolated workspace comes with its policy
    auto created = planner.createProject({"proj3", "ws1", "", ""});
    QVERIFY(created);
    QVERIFY(findWrite(*created, TenancyApi::networkPolicy, "proj3", kIsolationPolicyName));
    // One moved into it gets one; one moved out of it loses it
    auto in = planner.moveProject("proj2", "ws1");
    QVERIFY(in);
    const PlannedWrite *w = findWrite(*in, TenancyApi::networkPolicy, "proj2", kIsolationPolicyName);
    QVERIFY(w && w->action == WriteAction::Apply);
    auto other = planner.createWorkspace({"ws2", "", "", "", {"host"}, "", std::nullopt});
    QVERIFY(other);
    reader.applyPlan(*other);
    auto out = planner.moveProject("proj1", "ws2");
    QVERIFY(out);
    w = findWrite(*out, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY(w && w->action == WriteAction::Delete);
    // A project outside any workspace cannot be isolated: KubeSphere isolates workspace projects only
    auto refused = planner.setIsolation(IsolationScope::Project, "proj2", true);
    QVERIFY(!refused);
    QVERIFY2(refused.error().describe().find("in no workspace") != std::string::npos, refused.error().describe().c_str());
}

void tst_PlannerGolden::repairRestoresIsolationPolicies()
{
    auto reader = plannerfixture::load(ApiFlavor::V3, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V3, Mode::Standalone), "admin");
    auto on = planner.setIsolation(IsolationScope::Workspace, "ws1", true,
                                   {std::vector<std::string>{"kubesphere-monitoring-system"}});
    QVERIFY(on);
    reader.applyPlan(*on);
    auto clean = planner.repair();
    QVERIFY(clean);
    QVERIFY2(clean->writes.empty(), clean->summary().c_str());
    // Given a stale peer (someone edited it): repair fixes it, keeping the allowed namespaces
    auto stale = reader.fetch(TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY(stale && *stale);
    json edited = **stale;
    edited["spec"]["ingress"][0]["from"][0]["namespaceSelector"]["matchLabels"]["kubesphere.io/workspace"] = "other";
    Plan edit;
    PlanContext::addApply(edit, TenancyApi::networkPolicy, edited, "test");
    reader.applyPlan(edit);
    auto fixed = planner.repair();
    QVERIFY(fixed);
    const PlannedWrite *w = findWrite(*fixed, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY(w && w->action == WriteAction::Apply);
    QCOMPARE(w->object["spec"]["ingress"][0]["from"].size(), size_t(2));
    QCOMPARE(w->object["spec"]["ingress"][0]["from"][1]["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"],
             json("kubesphere-monitoring-system"));
    reader.applyPlan(*fixed);
    // Given the policy deleted by someone: repair writes it again (letting in no extra namespace: the
    // list lived on the deleted object)
    Plan del;
    PlanContext::addDelete(del, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName, "test");
    reader.applyPlan(del);
    auto missing = planner.repair();
    QVERIFY(missing);
    w = findWrite(*missing, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY2(w && w->action == WriteAction::Apply, missing->summary().c_str());
    reader.applyPlan(*missing);
    auto restored = reader.fetch(TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY(restored && *restored);
    QCOMPARE((**restored)["spec"]["ingress"][0]["from"].size(), size_t(1));
    // Given isolation ended behind Tenantry's back (the field edited): the orphan policy goes
    Plan patch;
    PlanContext::addMergePatch(patch, TenancyApi::forFlavor(ApiFlavor::V3).workspaceTemplate, "ws1",
                               json::parse(R"({"spec":{"template":{"spec":{"networkIsolation":false}}}})"), "test");
    PlanContext::addMergePatch(patch, TenancyApi::forFlavor(ApiFlavor::V3).workspace, "ws1",
                               json::parse(R"({"spec":{"networkIsolation":false}})"), "test");
    reader.applyPlan(patch);
    auto orphan = planner.repair();
    QVERIFY(orphan);
    w = findWrite(*orphan, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
    QVERIFY2(w && w->action == WriteAction::Delete, orphan->summary().c_str());
}

void tst_PlannerGolden::kubesphereIsolationWritesTheField_data()
{
    QTest::addColumn<int>("flavor");
    QTest::newRow("v4") << int(ApiFlavor::V4);
    QTest::newRow("v3") << int(ApiFlavor::V3);
}

void tst_PlannerGolden::kubesphereIsolationWritesTheField()
{
    QFETCH(int, flavor);
    const auto f = ApiFlavor(flavor);
    auto reader = plannerfixture::load(f, Mode::KubeSphere);
    Planner planner(reader, plannerfixture::tenancy(f, Mode::KubeSphere), "admin");
    auto on = planner.setIsolation(IsolationScope::Workspace, "ws1", true);
    QVERIFY(on);
    // One merge patch of the template and nothing else: the controllers do the rest
    QCOMPARE(on->writes.size(), size_t(1));
    QCOMPARE(int(on->writes[0].action), int(WriteAction::MergePatch));
    const json expectedOn = f == ApiFlavor::V4
        ? json::parse(R"({"spec":{"template":{"metadata":{"annotations":{"kubesphere.io/network-isolate":"enabled"}}}}})")
        : json::parse(R"({"spec":{"template":{"spec":{"networkIsolation":true}}}})");
    QCOMPARE(on->writes[0].object, expectedOn);
    reader.applyPlan(*on);
    auto off = planner.setIsolation(IsolationScope::Workspace, "ws1", false);
    QVERIFY(off && off->writes.size() == 1);
    // 4.x: the controller copies template annotations without removing any, so off is a value
    const json expectedOff = f == ApiFlavor::V4
        ? json::parse(R"({"spec":{"template":{"metadata":{"annotations":{"kubesphere.io/network-isolate":"disabled"}}}}})")
        : json::parse(R"({"spec":{"template":{"spec":{"networkIsolation":false}}}})");
    QCOMPARE(off->writes[0].object, expectedOff);
    // A project: its namespace annotation, set and removed by merge patch
    auto p = planner.setIsolation(IsolationScope::Project, "proj1", true);
    QVERIFY(p && p->writes.size() == 1);
    QCOMPARE(p->writes[0].object, json::parse(R"({"metadata":{"annotations":{"kubesphere.io/network-isolate":"enabled"}}})"));
    reader.applyPlan(*p);
    auto pOff = planner.setIsolation(IsolationScope::Project, "proj1", false);
    QVERIFY(pOff && pOff->writes.size() == 1);
    QVERIFY(pOff->writes[0].object["metadata"]["annotations"]["kubesphere.io/network-isolate"].is_null());
    if (f == ApiFlavor::V3) {
        // A per-cluster override that contradicts is left alone, and said so
        Plan patch;
        PlanContext::addMergePatch(patch, TenancyApi::forFlavor(f).workspaceTemplate, "ws1", json::parse(R"({"spec":{"overrides":[
            {"clusterName":"edge","clusterOverrides":[{"path":"/spec/networkIsolation","value":false}]}]}})"), "test");
        reader.applyPlan(patch);
        auto overridden = planner.setIsolation(IsolationScope::Workspace, "ws1", true);
        QVERIFY(overridden);
        bool noted = false;
        for (const auto &n : overridden->notes)
            noted = noted || n.find("cluster edge overrides") != std::string::npos;
        QVERIFY2(noted, overridden->summary().c_str());
    }
}

void tst_PlannerGolden::networkPolicyChecks()
{
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::KubeSphere);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::KubeSphere), "admin");
    const json bad = json::parse(R"({"metadata":{"name":"web","namespace":"proj1"},
        "spec":{"ingress":[{"from":[{"ipBlock":{"cidr":"10.0.0/8"}}],"ports":[{"port":70000}]}]}})");
    auto refused = planner.saveNetworkPolicy(bad, true);
    QVERIFY(!refused);
    const std::string why = refused.error().describe();
    QVERIFY2(why.find("spec.ingress[0].from[0].ipBlock.cidr: \"10.0.0/8\" is not a valid CIDR") != std::string::npos, why.c_str());
    QVERIFY2(why.find("spec.ingress[0].ports[0].port") != std::string::npos, why.c_str());
    // Reserved names, existing names, missing projects
    auto reserved = planner.saveNetworkPolicy(json::parse(R"({"metadata":{"name":"nsnp-mine","namespace":"proj1"}})"), true);
    QVERIFY(!reserved && reserved.error().describe().find("reserved") != std::string::npos);
    auto exists = planner.saveNetworkPolicy(json::parse(R"({"metadata":{"name":"allow-web","namespace":"proj1"}})"), true);
    QVERIFY(!exists && exists.error().describe().find("already exists") != std::string::npos);
    auto editMissing = planner.saveNetworkPolicy(json::parse(R"({"metadata":{"name":"nope","namespace":"proj1"}})"), false);
    QVERIFY(!editMissing && editMissing.error().describe().find("does not exist") != std::string::npos);
    auto noProject = planner.saveNetworkPolicy(json::parse(R"({"metadata":{"name":"x","namespace":"proj9"}})"), true);
    QVERIFY(!noProject);
    // Edit keeps what the caller kept (unknown fields, resourceVersion) and drops server fields
    auto edit = planner.saveNetworkPolicy(json::parse(R"({"metadata":{"name":"allow-web","namespace":"proj1",
        "resourceVersion":"42","uid":"u","managedFields":[]},"spec":{"podSelector":{},"x-extra":{"kept":true}}})"), false);
    QVERIFY2(edit, edit ? "" : edit.error().describe().c_str());
    QCOMPARE(edit->writes[0].object["metadata"].value("resourceVersion", ""), std::string("42"));
    QVERIFY(!edit->writes[0].object["metadata"].contains("uid"));
    QCOMPARE(edit->writes[0].object["spec"]["x-extra"], json::parse(R"({"kept":true})"));
    // The isolation policy and KubeSphere's generated ones are not deleted by hand
    auto iso = planner.deleteNetworkPolicy("proj1", kIsolationPolicyName);
    QVERIFY(!iso && iso.error().describe().find("turn isolation off") != std::string::npos);
    auto generated = planner.deleteNetworkPolicy("proj1", "nsnp-allow-db");
    QVERIFY(!generated && generated.error().describe().find("NamespaceNetworkPolicy \"allow-db\"") != std::string::npos);
}

// --- hand-over to KubeSphere ---

namespace {

// The standalone fixture after `tenantryctl install`: Tenantry's CRDs and built-ins as the
// resources/ folder holds them (put replaces the fixture's unlabelled roles of the same name),
// and project proj1 isolated, so every kind of generated object is present.
MemoryPlanReader installedCluster()
{
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    for (const char *sub : {"crds", "builtins"}) {
        const QDir dir(QStringLiteral(TENANTRY_SOURCE_DIR "/resources/") + sub);
        for (const QString &file : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(file));
            if (!f.open(QIODevice::ReadOnly))
                qFatal("cannot read %s", qPrintable(f.fileName()));
            auto docs = parseYamlDocuments(f.readAll().toStdString(), file.toStdString());
            if (!docs)
                qFatal("%s", docs.error().describe().c_str());
            for (auto &d : *docs)
                reader.put(std::move(d));
        }
    }
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    auto isolate = planner.setIsolation(IsolationScope::Project, "proj1", true);
    if (!isolate)
        qFatal("%s", isolate.error().describe().c_str());
    reader.applyPlan(*isolate);
    return reader;
}

// The plan's YAML and, as comments, what happens to each object considered (the decisions the
// notes only summarise).
std::string handoverText(const HandoverPlan &h)
{
    std::string out = h.plan.yaml();
    out += "# --- every object considered ---\n";
    for (const auto &item : h.items)
        out += std::string("# ") + toString(item.action) + " " + item.title() + ": " + item.reason + "\n";
    return out;
}

const HandoverItem *findItem(const HandoverPlan &h, const std::string &kind, const std::string &name)
{
    for (const auto &i : h.items)
        if (i.gvr.kind == kind && i.name == name)
            return &i;
    return nullptr;
}

} // namespace

void tst_PlannerGolden::handoverGolden_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("step");  // 0 prepare, 1 prepare adopting, 2 finish after prepare and install
    QTest::newRow("prepare") << "v4-standalone/handover-prepare.yaml" << 0;
    QTest::newRow("prepare-adopt") << "v4-standalone/handover-prepare-adopt.yaml" << 1;
    QTest::newRow("finish") << "v4-kubesphere/handover-finish.yaml" << 2;
}

void tst_PlannerGolden::handoverGolden()
{
    QFETCH(QString, file);
    QFETCH(int, step);
    // Given the installed standalone cluster
    auto reader = installedCluster();
    Planner standalone(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    HandoverOptions options;
    options.adoptExisting = step == 1;
    auto prepared = standalone.handover(options);
    QVERIFY2(prepared, prepared ? "" : prepared.error().describe().c_str());
    HandoverPlan result = *prepared;
    if (step == 2) {
        // When the prepared plan was applied and KubeSphere's controllers run
        reader.applyPlan(prepared->plan);
        Planner kubesphere(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::KubeSphere), "admin");
        HandoverOptions finish;
        finish.phase = HandoverPhase::Finish;
        auto finished = kubesphere.handover(finish);
        QVERIFY2(finished, finished ? "" : finished.error().describe().c_str());
        result = *finished;
    }
    // Then the plan and its decisions are the golden file
    const QString actual = QString::fromStdString(handoverText(result));
    const QString path = plannerfixture::goldenDir() + "/" + file;
    const QString mismatch = plannerfixture::goldenMismatch(path, actual);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void tst_PlannerGolden::handoverDecidesFromTheClusterAndTheChart()
{
    auto reader = installedCluster();
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    auto plan = planner.handover({});
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    const TenancyApi api = TenancyApi::forFlavor(ApiFlavor::V4);
    // Every Tenantry built-in in the cluster: relabelled when the chart ships its kind and name, else removed
    int builtins = 0;
    for (const auto &o : reader.objects()) {
        const ObjectMeta m(o);
        if (m.label(kManagedByLabel) != kManagedByValue || m.kind() == "CustomResourceDefinition")
            continue;
        ++builtins;
        const HandoverItem *item = findItem(*plan, m.kind(), m.name());
        QVERIFY2(item, (m.kind() + " " + m.name() + " not considered").c_str());
        const bool shipped = KsCoreChart::ships("iam.kubesphere.io", m.kind(), m.name());
        QVERIFY2(item->action == (shipped ? HandoverAction::Relabel : HandoverAction::Remove),
                 (item->title() + ": " + toString(item->action)).c_str());
    }
    QVERIFY(builtins > 50);
    QCOMPARE(plan->count(HandoverAction::Relabel) + plan->count(HandoverAction::Remove), size_t(builtins));
    // The relabel is exactly Helm's adoption marks, nothing else
    const PlannedWrite *relabel = findWrite(plan->plan, api.globalRole, "", "platform-admin");
    QVERIFY(relabel);
    QCOMPARE(int(relabel->action), int(WriteAction::MergePatch));
    QCOMPARE(relabel->object, json::parse(R"({"metadata":{"labels":{"app.kubernetes.io/managed-by":"Helm"},
        "annotations":{"meta.helm.sh/release-name":"ks-core","meta.helm.sh/release-namespace":"kubesphere-system"}}})"));
    // CRDs are left (no write touches one); the fixture's user admin is flagged, not written
    for (const auto &w : plan->plan.writes) {
        QVERIFY2(!(w.gvr == TenancyApi::customResourceDefinition), w.describe().c_str());
        QVERIFY2(!(w.gvr == api.user), w.describe().c_str());
    }
    QVERIFY(plan->count(HandoverAction::Leave) >= 18);
    const HandoverItem *admin = findItem(*plan, "User", "admin");
    QVERIFY(admin && admin->action == HandoverAction::Conflict);
    QVERIFY(plan->blocked());
    bool warned = false;
    for (const auto &w : plan->plan.warnings)
        warned = warned || (w.find("User admin") != std::string::npos && w.find("--adopt-existing") != std::string::npos);
    QVERIFY2(warned, plan->plan.summary().c_str());
    // The projections wait for the finish: listed, not written
    const auto projections = reader.list(TenancyApi::rbacRoleBinding, "", kProjectedFromLabel);
    QVERIFY(projections && !projections->empty());
    for (const auto &p : *projections) {
        const HandoverItem *item = findItem(*plan, "RoleBinding", ObjectMeta(p).name());
        QVERIFY(item && item->action == HandoverAction::Later);
    }
    // Applied, a second plan changes nothing and finds every shipped built-in ready
    reader.applyPlan(plan->plan);
    auto again = planner.handover({});
    QVERIFY(again);
    QVERIFY2(again->plan.writes.empty(), again->plan.summary().c_str());
    QCOMPARE(again->count(HandoverAction::Ready), plan->count(HandoverAction::Relabel));
    QVERIFY(again->blocked());  // the user admin still stops helm install
    // Adopting on request marks the user too, and says what Helm does to it
    HandoverOptions adopt;
    adopt.adoptExisting = true;
    auto adopted = planner.handover(adopt);
    QVERIFY(adopted);
    QVERIFY(!adopted->blocked());
    QCOMPARE(adopted->plan.writes.size(), size_t(1));
    QCOMPARE(adopted->plan.writes[0].name, std::string("admin"));
    QVERIFY(adopted->plan.warnings[0].find("P@88w0rd") != std::string::npos);
}

void tst_PlannerGolden::handoverRefusesTheWrongMode()
{
    auto reader = installedCluster();
    // Prepare needs standalone mode, finish KubeSphere mode; both the 4.x API
    Planner kubesphere(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::KubeSphere), "admin");
    auto prepare = kubesphere.handover({});
    QVERIFY(!prepare);
    QVERIFY2(prepare.error().describe().find("--finish") != std::string::npos, prepare.error().describe().c_str());
    Planner standalone(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    HandoverOptions finish;
    finish.phase = HandoverPhase::Finish;
    auto early = standalone.handover(finish);
    QVERIFY(!early);
    QVERIFY2(early.error().describe().find("install ks-core first") != std::string::npos, early.error().describe().c_str());
    auto v3reader = plannerfixture::load(ApiFlavor::V3, Mode::Standalone);
    Planner v3(v3reader, plannerfixture::tenancy(ApiFlavor::V3, Mode::Standalone), "admin");
    auto old = v3.handover({});
    QVERIFY(!old);
    QVERIFY2(old.error().describe().find("ks-upgrade") != std::string::npos, old.error().describe().c_str());
}

void tst_PlannerGolden::handoverFinishRemovesProjectionsAndReleasesMirrors()
{
    auto reader = installedCluster();
    Planner standalone(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    auto prepared = standalone.handover({});
    QVERIFY(prepared);
    reader.applyPlan(prepared->plan);
    Planner kubesphere(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::KubeSphere), "admin");
    HandoverOptions finish;
    finish.phase = HandoverPhase::Finish;
    // Without the network extension the isolation policy is kept, with a warning
    auto plan = kubesphere.handover(finish);
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    const HandoverItem *isolation = findItem(*plan, "NetworkPolicy", kIsolationPolicyName);
    QVERIFY(isolation && isolation->action == HandoverAction::Keep);
    QVERIFY(!findWrite(plan->plan, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName));
    // With it, the policy goes too
    reader.put(json::parse(R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
        "metadata":{"name":"namespacenetworkpolicies.network.kubesphere.io"}})"));
    plan = kubesphere.handover(finish);
    QVERIFY(plan);
    QVERIFY(findWrite(plan->plan, TenancyApi::networkPolicy, "proj1", kIsolationPolicyName));
    const auto mirrorsBefore = reader.list(TenancyApi::rbacRole, "", kGeneratedByLabel);
    QVERIFY(mirrorsBefore && !mirrorsBefore->empty());
    // Applied: no projection or reach object is left, mirrors stay without Tenantry's mark
    reader.applyPlan(plan->plan);
    for (const auto &gvr : {TenancyApi::rbacRoleBinding, TenancyApi::rbacClusterRole}) {
        auto left = reader.list(gvr, "", kProjectedFromLabel);
        QVERIFY(left && left->empty());
    }
    auto reach = reader.list(TenancyApi::rbacClusterRole, "", kReachOfLabel);
    QVERIFY(reach && reach->empty());
    for (const auto &m : *mirrorsBefore) {
        auto now = reader.fetch(TenancyApi::rbacRole, ObjectMeta(m).namespaceName(), ObjectMeta(m).name());
        QVERIFY(now && *now);
        QVERIFY(!ObjectMeta(**now).hasLabel(kGeneratedByLabel));
        QCOMPARE((**now)["rules"], m["rules"]);
    }
    auto again = kubesphere.handover(finish);
    QVERIFY(again);
    QVERIFY2(again->plan.writes.empty(), again->plan.summary().c_str());
}

QTEST_GUILESS_MAIN(tst_PlannerGolden)
#include "tst_plannergolden.moc"
