// The end of a tenancy object's life as KubeSphere lives it, planned against the golden fixtures
// changed a little first: projects leaving their workspace (orphaned or moved out) lose the
// workspace's access (4.x: every role and member binding too), a workspace's isolation follows
// an edit, KubeSphere finalizers no controller releases are found and removed on request, and
// protected resources are not deleted. Goldens live beside tst_plannergolden's, in
// tests/unit/golden/<flavour>-<mode>/ (TENANTRY_UPDATE_GOLDEN=1 rewrites them; review the diff).
#include "plannerfixture.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/finalizers.h"
#include "kubeclient/kubesphere/labels.h"

#include <QDir>
#include <QtTest>

#include <functional>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

using Given = std::function<void(MemoryPlanReader &, Planner &)>;
using Operation = std::function<Result<Plan>(Planner &)>;

struct Case {
    const char *name;
    Given given;
    Operation op;
};

// Adds metadata fields to an object of the fixture (found by resource, namespace and name).
void amend(MemoryPlanReader &reader, const GroupVersionResource &gvr, const std::string &ns, const std::string &name,
           const json &metadata)
{
    auto o = reader.fetch(gvr, ns, name);
    if (!o || !*o)
        qFatal("fixture has no %s %s", gvr.resource.c_str(), name.c_str());
    json object = **o;
    object["metadata"].merge_patch(metadata);
    reader.put(object);
}

// ws1's template, Workspace and project proj1 as a cluster where KubeSphere 4.x once ran leaves
// them: its finalizers next to someone else's.
void kubesphereRanOnce(MemoryPlanReader &reader, Planner &planner)
{
    const TenancyApi &api = planner.tenancy().api;
    const json finalizers = {{"finalizers", {"kubesphere.io/cascading-deletion", "example.com/keep"}}, {"resourceVersion", "41"}};
    amend(reader, api.workspaceTemplate, "", "ws1", finalizers);
    amend(reader, api.workspace, "", "ws1", finalizers);
    amend(reader, TenancyApi::namespaces, "", "proj1",
          {{"finalizers", {"finalizers.kubesphere.io/namespaces"}}, {"resourceVersion", "42"}});
}

// proj1 and user bob already Terminating on KubeSphere finalizers.
void stuckInDeletion(MemoryPlanReader &reader, Planner &planner)
{
    amend(reader, TenancyApi::namespaces, "", "proj1",
          {{"finalizers", {"finalizers.kubesphere.io/namespaces"}},
           {"deletionTimestamp", "2025-01-02T03:04:05Z"},
           {"resourceVersion", "42"}});
    amend(reader, planner.tenancy().api.user, "", "bob",
          {{"finalizers", {"finalizers.kubesphere.io/users", "example.com/audit"}},
           {"deletionTimestamp", "2025-01-02T03:04:06Z"},
           {"resourceVersion", "43"}});
}

// ws1 isolated the way Tenantry's switch leaves it (the plan applied to the fixture).
void isolated(MemoryPlanReader &reader, Planner &planner)
{
    auto plan = planner.setIsolation(IsolationScope::Workspace, "ws1", true);
    if (!plan)
        qFatal("%s", plan.error().describe().c_str());
    reader.applyPlan(*plan);
}

WorkspaceSpec ws1(std::optional<bool> isolation)
{
    WorkspaceSpec spec;
    spec.name = "ws1";
    spec.manager = "alice";
    spec.description = "The first team";
    spec.networkIsolation = isolation;
    return spec;
}

std::vector<Case> cases()
{
    const Given none = [](MemoryPlanReader &, Planner &) {};
    return {
        {"move-project-out-of-workspace", none, [](Planner &p) { return p.moveProject("proj1", ""); }},
        {"delete-isolated-workspace", isolated, [](Planner &p) { return p.deleteWorkspace("ws1"); }},
        {"edit-workspace-isolation-on", none, [](Planner &p) { return p.editWorkspace(ws1(true)); }},
        {"edit-workspace-isolation-off", isolated, [](Planner &p) { return p.editWorkspace(ws1(false)); }},
        {"delete-workspace-held-by-finalizers", kubesphereRanOnce,
         [](Planner &p) { return p.deleteWorkspace("ws1", "Foreground"); }},
        {"delete-workspace-removing-finalizers", kubesphereRanOnce,
         [](Planner &p) {
             p.setFinalizerPolicy(FinalizerPolicy::RemoveKubeSphere);
             return p.deleteWorkspace("ws1", "Foreground");
         }},
        {"delete-stuck-project", stuckInDeletion, [](Planner &p) { return p.deleteProject("proj1"); }},
        {"release-stuck-finalizers", stuckInDeletion, [](Planner &p) { return p.releaseStuckFinalizers(); }},
    };
}

using plannerfixture::kModes;
using plannerfixture::ModeCase;

// Who a RoleBinding of the namespace grants anything to, after the plan.
std::set<std::string> subjectsBoundIn(MemoryPlanReader &reader, const std::string &ns)
{
    std::set<std::string> out;
    auto bindings = reader.list(TenancyApi::rbacRoleBinding, ns, "");
    if (!bindings)
        qFatal("%s", bindings.error().describe().c_str());
    for (const auto &b : *bindings)
        for (const auto &s : b.value("subjects", json::array()))
            out.insert(s.value("name", ""));
    return out;
}

bool hasWrite(const Plan &plan, WriteAction action, const GroupVersionResource &gvr, const std::string &ns,
              const std::string &name)
{
    for (const auto &w : plan.writes)
        if (w.action == action && w.gvr == gvr && w.ns == ns && w.name == name)
            return true;
    return false;
}

} // namespace

class tst_LifecyclePlans : public QObject
{
    Q_OBJECT
private slots:
    void golden_data();
    void golden();
    void kubesphereFinalizers_data();
    void kubesphereFinalizers();
    void orphaningRemovesFormerMembersAccess_data();
    void orphaningRemovesFormerMembersAccess();
    void removalKeepsOtherFinalizers();
    void noWarningWhileControllersRun();
    void protectedResourcesAreNotDeleted_data();
    void protectedResourcesAreNotDeleted();
    void releaseOneObjectMustBeStuck();
    void isolationOffIsWrittenWhereTheControllerReadsIt();
};

void tst_LifecyclePlans::golden_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("operation");
    const auto all = cases();
    for (int m = 0; m < int(std::size(kModes)); ++m)
        for (int o = 0; o < int(all.size()); ++o)
            QTest::addRow("%s/%s", kModes[m].dir, all[o].name) << m << o;
}

void tst_LifecyclePlans::golden()
{
    QFETCH(int, mode);
    QFETCH(int, operation);
    const ModeCase &mc = kModes[mode];
    const Case c = cases()[size_t(operation)];
    // Given the fixture, changed as the case says
    auto reader = plannerfixture::load(mc.flavor, mc.mode);
    Planner planner(reader, plannerfixture::tenancy(mc.flavor, mc.mode), "admin");
    c.given(reader, planner);
    // When the operation is planned
    auto plan = c.op(planner);
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    // Then its YAML is the golden file
    const QString actual = QString::fromStdString(plan->yaml());
    const QString path = plannerfixture::goldenDir() + "/" + mc.dir + "/" + c.name + ".yaml";
    const QString mismatch = plannerfixture::goldenMismatch(path, actual);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void tst_LifecyclePlans::kubesphereFinalizers_data()
{
    QTest::addColumn<QString>("finalizer");
    QTest::addColumn<bool>("kubesphere");
    for (const auto &k : knownKubeSphereFinalizers())
        QTest::newRow(k.name) << QString::fromUtf8(k.name) << true;
    QTest::newRow("devops") << "devopsprojectrole.finalizers.kubesphere.io/jenkins" << true;
    QTest::newRow("kubernetes") << "kubernetes" << false;
    QTest::newRow("foreground") << "foregroundDeletion" << false;
    QTest::newRow("orphan") << "orphan" << false;
    QTest::newRow("other project") << "example.com/keep" << false;
    QTest::newRow("look-alike domain") << "notkubesphere.io/x" << false;
    QTest::newRow("kubesphere in the path only") << "example.com/kubesphere.io" << false;
    QTest::newRow("empty") << "" << false;
}

void tst_LifecyclePlans::kubesphereFinalizers()
{
    QFETCH(QString, finalizer);
    QFETCH(bool, kubesphere);
    QCOMPARE(isKubeSphereFinalizer(finalizer.toStdString()), kubesphere);
}

void tst_LifecyclePlans::orphaningRemovesFormerMembersAccess_data()
{
    QTest::addColumn<int>("flavor");
    QTest::addColumn<QString>("operation");
    QTest::newRow("4.x delete workspace") << int(ApiFlavor::V4) << "delete";
    QTest::newRow("4.x move out") << int(ApiFlavor::V4) << "move";
    QTest::newRow("3.x delete workspace") << int(ApiFlavor::V3) << "delete";
    QTest::newRow("3.x move out") << int(ApiFlavor::V3) << "move";
}

void tst_LifecyclePlans::orphaningRemovesFormerMembersAccess()
{
    QFETCH(int, flavor);
    QFETCH(QString, operation);
    const auto f = ApiFlavor(flavor);
    // Given standalone ws1 with proj1: alice manages ws1, dave views it, bob views proj1
    auto reader = plannerfixture::load(f, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(f, Mode::Standalone), "admin");
    QVERIFY(subjectsBoundIn(reader, "proj1").count("dave"));
    QVERIFY(subjectsBoundIn(reader, "proj1").count("bob"));
    // When proj1 loses its workspace label and the plan is applied
    auto plan = operation == "delete" ? planner.deleteWorkspace("ws1") : planner.moveProject("proj1", "");
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    reader.applyPlan(*plan);
    auto ns = reader.fetch(TenancyApi::namespaces, "", "proj1");
    QVERIFY(ns && *ns);
    QVERIFY(!ObjectMeta(**ns).hasLabel(kWorkspaceLabel));
    // Then the workspace's members hold nothing in it; in 4.x, as KubeSphere's namespace
    // controller does, nobody does (3.x keeps the project's own member bindings)
    const auto subjects = subjectsBoundIn(reader, "proj1");
    QVERIFY(!subjects.count("dave"));
    QVERIFY(!subjects.count("alice"));
    if (f == ApiFlavor::V4) {
        QVERIFY2(subjects.empty(), qPrintable(QString::number(subjects.size())));
        const TenancyApi api = TenancyApi::forFlavor(f);
        QCOMPARE(reader.list(api.projectRole, "proj1", "")->size(), size_t(0));
        QCOMPARE(reader.list(api.projectRoleBinding, "proj1", "")->size(), size_t(0));
        QCOMPARE(reader.list(TenancyApi::rbacRole, "proj1", "")->size(), size_t(0));
        // bob's reach goes with his only project membership
        QVERIFY(hasWrite(*plan, WriteAction::Delete, TenancyApi::rbacClusterRole, "", "tenantry:reach:bob"));
    } else {
        QVERIFY(subjects.count("bob"));
    }
    // And the plan says what happens to access
    bool said = false;
    for (const auto &n : plan->notes)
        said = said || n.find("former members lose their access") != std::string::npos
            || n.find("project members keep their access") != std::string::npos;
    QVERIFY(said);
}

void tst_LifecyclePlans::removalKeepsOtherFinalizers()
{
    // Given ws1 where KubeSphere once ran, in standalone mode
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    kubesphereRanOnce(reader, planner);
    // Without removal the plan names what would hang and changes nothing about it
    auto kept = planner.deleteWorkspace("ws1");
    QVERIFY(kept);
    QCOMPARE(kept->heldByFinalizers,
             (std::vector<std::string>{"Workspace ws1", "WorkspaceTemplate ws1"}));
    QCOMPARE(kept->warnings.size(), size_t(2));
    QVERIFY(kept->warnings[0].find("--remove-finalizers") != std::string::npos);
    for (const auto &w : kept->writes)
        QVERIFY(w.action != WriteAction::MergePatch || !w.object["metadata"].contains("finalizers"));
    // With removal each delete is preceded by a patch that keeps the other finalizers, guarded
    planner.setFinalizerPolicy(FinalizerPolicy::RemoveKubeSphere);
    auto removed = planner.deleteWorkspace("ws1");
    QVERIFY(removed);
    size_t patches = 0;
    for (size_t i = 0; i < removed->writes.size(); ++i) {
        const auto &w = removed->writes[i];
        if (w.action != WriteAction::MergePatch || !w.object["metadata"].contains("finalizers"))
            continue;
        ++patches;
        QCOMPARE(w.object["metadata"]["finalizers"], json::parse(R"(["example.com/keep"])"));
        QCOMPARE(w.object["metadata"]["resourceVersion"], json("41"));
        QVERIFY(i + 1 < removed->writes.size());
        QCOMPARE(int(removed->writes[i + 1].action), int(WriteAction::Delete));
        QCOMPARE(removed->writes[i + 1].name, w.name);
    }
    QCOMPARE(patches, size_t(2));
    // And once applied, the template holds only the foreign finalizer until it is deleted
    Plan patchesOnly;
    for (const auto &w : removed->writes)
        if (w.action == WriteAction::MergePatch && w.object["metadata"].contains("finalizers"))
            patchesOnly.writes.push_back(w);
    reader.applyPlan(patchesOnly);
    auto tmpl = reader.fetch(TenancyApi::forFlavor(ApiFlavor::V4).workspaceTemplate, "", "ws1");
    QVERIFY(tmpl && *tmpl);
    QCOMPARE((**tmpl)["metadata"]["finalizers"], json::parse(R"(["example.com/keep"])"));
}

void tst_LifecyclePlans::noWarningWhileControllersRun()
{
    // KubeSphere mode: its controllers release their own finalizers; nothing to say or do
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::KubeSphere);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::KubeSphere), "admin");
    kubesphereRanOnce(reader, planner);
    planner.setFinalizerPolicy(FinalizerPolicy::RemoveKubeSphere);
    auto plan = planner.deleteWorkspace("ws1");
    QVERIFY(plan);
    QVERIFY(plan->heldByFinalizers.empty());
    QVERIFY(plan->warnings.empty());
    QCOMPARE(plan->writes.size(), size_t(1));
}

void tst_LifecyclePlans::protectedResourcesAreNotDeleted_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("where");
    for (int m = 0; m < int(std::size(kModes)); ++m) {
        QTest::addRow("%s/project", kModes[m].dir)
            << m << "project"
            << "Namespace proj1 is protected: it carries the label kubesphere.io/protected-resource=true, and "
               "KubeSphere refuses to delete a protected resource; remove that label first if it really must go"
            << "name";
        QTest::addRow("%s/workspace", kModes[m].dir)
            << m << "workspace"
            << "WorkspaceTemplate ws1 is protected: it carries the label kubesphere.io/protected-resource=true, and "
               "KubeSphere refuses to delete a protected resource; remove that label first if it really must go"
            << "name";
        QTest::addRow("%s/workspace with its projects", kModes[m].dir)
            << m << "foreground"
            << "project \"proj1\" of workspace \"ws1\" is protected (label kubesphere.io/protected-resource=true): "
               "KubeSphere refuses to delete it; keep the projects, or remove that label first"
            << "propagation";
    }
}

void tst_LifecyclePlans::protectedResourcesAreNotDeleted()
{
    QFETCH(int, mode);
    QFETCH(QString, target);
    QFETCH(QString, message);
    QFETCH(QString, where);
    const ModeCase &mc = kModes[mode];
    auto reader = plannerfixture::load(mc.flavor, mc.mode);
    Planner planner(reader, plannerfixture::tenancy(mc.flavor, mc.mode), "admin");
    const json label = {{"labels", {{kProtectedLabel, "true"}}}};
    if (target == "workspace")
        amend(reader, planner.tenancy().api.workspaceTemplate, "", "ws1", label);
    else
        amend(reader, TenancyApi::namespaces, "", "proj1", label);
    auto plan = target == "project" ? planner.deleteProject("proj1")
        : target == "workspace"     ? planner.deleteWorkspace("ws1")
                                    : planner.deleteWorkspace("ws1", "Foreground");
    QVERIFY(!plan);
    QCOMPARE(plan.error().kind, ErrorKind::Invalid);
    QCOMPARE(QString::fromStdString(plan.error().message), message);
    QCOMPARE(QString::fromStdString(plan.error().where), where);
    // Keeping the projects of a workspace whose project is protected is fine
    if (target == "foreground")
        QVERIFY(planner.deleteWorkspace("ws1"));
}

void tst_LifecyclePlans::releaseOneObjectMustBeStuck()
{
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    const ObjectRef proj1{TenancyApi::namespaces, "", "proj1"};
    // Not being deleted: refused, naming why
    auto notDeleting = planner.releaseStuckFinalizers({proj1});
    QVERIFY(!notDeleting);
    QVERIFY(notDeleting.error().message.find("is not being deleted") != std::string::npos);
    // Stuck: one patch, only KubeSphere's finalizers go
    stuckInDeletion(reader, planner);
    auto plan = planner.releaseStuckFinalizers({proj1});
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    QCOMPARE(plan->writes.size(), size_t(1));
    QCOMPARE(plan->writes[0].object, json::parse(R"({"metadata":{"finalizers":null,"resourceVersion":"42"}})"));
    // Every stuck object: proj1 and bob (whose foreign finalizer stays)
    auto all = planner.releaseStuckFinalizers();
    QVERIFY(all);
    QCOMPARE(all->writes.size(), size_t(2));
    QCOMPARE(all->writes[0].name, std::string("proj1"));
    QCOMPARE(all->writes[1].name, std::string("bob"));
    QCOMPARE(all->writes[1].object["metadata"]["finalizers"], json::parse(R"(["example.com/audit"])"));
    // A user's own: by target, and the plan offers no further choice
    auto bob = planner.releaseStuckFinalizers(PlanTarget::User, "bob");
    QVERIFY(bob);
    QCOMPARE(bob->writes.size(), size_t(1));
    QVERIFY(bob->heldByFinalizers.empty());
    // A workspace: its template and Workspace, whichever is stuck
    auto ws = planner.releaseStuckFinalizers(PlanTarget::Workspace, "ws1");
    QVERIFY(!ws);
    QVERIFY(ws.error().message.find("WorkspaceTemplate ws1 is not being deleted") == 0);
}

void tst_LifecyclePlans::isolationOffIsWrittenWhereTheControllerReadsIt()
{
    // Given 4.x ws1 isolated by the switch (a merge patch the edit's apply cannot take back)
    for (Mode mode : {Mode::KubeSphere, Mode::Standalone}) {
        auto reader = plannerfixture::load(ApiFlavor::V4, mode);
        Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, mode), "admin");
        isolated(reader, planner);
        const TenancyApi api = TenancyApi::forFlavor(ApiFlavor::V4);
        // When the edit dialog turns isolation off and the plan is applied
        auto plan = planner.editWorkspace(ws1(false));
        QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
        reader.applyPlan(*plan);
        // Then the template's spec.template.metadata.annotations says "disabled", which the
        // controller copies onto the Workspace; standalone writes that Workspace itself
        auto tmpl = reader.fetch(api.workspaceTemplate, "", "ws1");
        QCOMPARE((**tmpl)["spec"]["template"]["metadata"]["annotations"][kNetworkIsolateAnnotation], json("disabled"));
        auto ws = reader.fetch(api.workspace, "", "ws1");
        const json wsAnnotation = (**ws)["metadata"].value("annotations", json::object()).value(kNetworkIsolateAnnotation, json());
        if (mode == Mode::Standalone) {
            QCOMPARE(wsAnnotation, json("disabled"));
            auto policy = reader.fetch(TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
            QVERIFY(policy && !*policy);
        }
        // And turning it on again writes "enabled" in both places (standalone) again
        auto on = planner.editWorkspace(ws1(true));
        QVERIFY(on);
        reader.applyPlan(*on);
        tmpl = reader.fetch(api.workspaceTemplate, "", "ws1");
        QCOMPARE((**tmpl)["spec"]["template"]["metadata"]["annotations"][kNetworkIsolateAnnotation], json("enabled"));
        if (mode == Mode::Standalone) {
            ws = reader.fetch(api.workspace, "", "ws1");
            QCOMPARE((**ws)["metadata"]["annotations"][kNetworkIsolateAnnotation], json("enabled"));
            auto policy = reader.fetch(TenancyApi::networkPolicy, "proj1", kIsolationPolicyName);
            QVERIFY(policy && *policy);
        }
    }
}

QTEST_GUILESS_MAIN(tst_LifecyclePlans)
#include "tst_lifecycleplans.moc"
