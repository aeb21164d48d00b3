// Undo plans and object differences without a server: the inverse of each kind of write from
// recorded before-images and server answers, and the field paths a diff names.
#include "kubeclient/api/objectdiff.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/tenancy/plan/memoryplanreader.h"
#include "kubeclient/tenancy/plan/plandiff.h"
#include "kubeclient/tenancy/plan/undoplan.h"

#include <QtTest>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

json role(const std::string &ns, const std::string &name, const json &rules, const std::string &rv)
{
    return {{"apiVersion", "rbac.authorization.k8s.io/v1"},
            {"kind", "Role"},
            {"metadata",
             {{"name", name},
              {"namespace", ns},
              {"uid", "uid-" + name},
              {"resourceVersion", rv},
              {"creationTimestamp", "2026-01-01T00:00:00Z"},
              {"managedFields", json::array({{{"manager", "kubectl"}}})},
              {"labels", {{"team", "a"}}}}},
            {"rules", rules}};
}

PlannedWrite write(WriteAction action, const GroupVersionResource &gvr, std::string ns, std::string name, json object = {})
{
    PlannedWrite w;
    w.action = action;
    w.gvr = gvr;
    w.ns = std::move(ns);
    w.name = std::move(name);
    w.object = std::move(object);
    return w;
}

WriteResult landed(size_t index, WriteOutcome outcome, json before, json server)
{
    WriteResult r;
    r.index = index;
    r.outcome = outcome;
    r.beforeCaptured = true;
    r.before = std::move(before);
    r.serverObject = std::move(server);
    return r;
}

const json kGet = json::array({{{"apiGroups", {""}}, {"resources", {"pods"}}, {"verbs", {"get"}}}});
const json kGetList = json::array({{{"apiGroups", {""}}, {"resources", {"pods"}}, {"verbs", {"get", "list"}}}});

} // namespace

class tst_UndoPlan : public QObject
{
    Q_OBJECT
private slots:
    void createdObjectIsDeletedOnlyIfUnchanged()
    {
        Plan plan{"create role r", {write(WriteAction::Apply, TenancyApi::rbacRole, "p", "r", role("p", "r", kGet, ""))}, {}};
        PlanReport report;
        report.results = {landed(0, WriteOutcome::Applied, json(), role("p", "r", kGet, "42"))};
        auto undo = inversePlan(plan, report);
        QVERIFY2(undo, undo ? "" : undo.error().describe().c_str());
        QCOMPARE(undo->title, std::string("undo create role r"));
        QCOMPARE(undo->writes.size(), size_t(1));
        const auto &w = undo->writes[0];
        QVERIFY(w.action == WriteAction::Delete);
        QCOMPARE(w.name, std::string("r"));
        QCOMPARE(w.deleteOptions.preconditionResourceVersion, std::string("42"));
        QCOMPARE(w.deleteOptions.preconditionUid, std::string("uid-r"));
    }

    void changedObjectIsAppliedBackAsItWas()
    {
        Plan plan{"edit role r", {write(WriteAction::Apply, TenancyApi::rbacRole, "p", "r", role("p", "r", kGetList, ""))}, {}};
        PlanReport report;
        report.results = {landed(0, WriteOutcome::Applied, role("p", "r", kGet, "7"), role("p", "r", kGetList, "8"))};
        auto undo = inversePlan(plan, report);
        QVERIFY(undo);
        QCOMPARE(undo->writes.size(), size_t(1));
        const auto &w = undo->writes[0];
        QVERIFY(w.action == WriteAction::Apply);
        QVERIFY(w.force);
        QCOMPARE(w.object["rules"], kGet);
        QCOMPARE(w.object["metadata"]["labels"]["team"], json("a"));
        // Guarded by what the change left: a later edit makes the server refuse.
        QCOMPARE(w.object["metadata"]["resourceVersion"], json("8"));
        QVERIFY(!w.object["metadata"].contains("uid"));
        QVERIFY(!w.object["metadata"].contains("managedFields"));
        QVERIFY(!w.object["metadata"].contains("creationTimestamp"));
    }

    void deletedObjectsAreCreatedAgainWithoutDeadOwners()
    {
        json user = {{"apiVersion", "iam.kubesphere.io/v1beta1"},
                     {"kind", "User"},
                     {"metadata", {{"name", "u"}, {"uid", "uid-u"}, {"resourceVersion", "3"}}}};
        json binding = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                        {"kind", "RoleBinding"},
                        {"metadata",
                         {{"name", "u-admin"},
                          {"namespace", "p"},
                          {"uid", "uid-b"},
                          {"ownerReferences", json::array({{{"kind", "User"}, {"name", "u"}, {"uid", "uid-u"}},
                                                           {{"kind", "Other"}, {"name", "o"}, {"uid", "uid-o"}}})}}},
                        {"roleRef", {{"kind", "Role"}, {"name", "admin"}}}};
        const TenancyApi api = TenancyApi::forFlavor(ApiFlavor::V4);
        Plan plan{"delete user u",
                  {write(WriteAction::Delete, TenancyApi::rbacRoleBinding, "p", "u-admin"),
                   write(WriteAction::Delete, api.user, "", "u"),
                   write(WriteAction::Delete, TenancyApi::namespaces, "", "gone")},
                  {}};
        PlanReport report;
        report.results = {landed(0, WriteOutcome::Deleted, binding, {}), landed(1, WriteOutcome::Deleted, user, {}),
                          landed(2, WriteOutcome::AlreadyGone, json(), {})};
        auto undo = inversePlan(plan, report);
        QVERIFY(undo);
        QCOMPARE(undo->writes.size(), size_t(2));
        // Newest first: the user comes back before the binding that belonged to it.
        QCOMPARE(undo->writes[0].name, std::string("u"));
        QCOMPARE(undo->writes[1].name, std::string("u-admin"));
        const json refs = undo->writes[1].object["metadata"]["ownerReferences"];
        QCOMPARE(refs.size(), size_t(1));
        QCOMPARE(refs[0]["uid"], json("uid-o"));
        // Created again without force: if someone made the object meanwhile, the conflict is shown.
        QVERIFY(!undo->writes[0].force);
        QVERIFY(!undo->writes[1].force);
        QVERIFY(!undo->writes[0].object["metadata"].contains("resourceVersion"));
        QVERIFY(!undo->notes.empty());
    }

    void mergePatchIsPatchedBack()
    {
        json ns = {{"apiVersion", "v1"},
                   {"kind", "Namespace"},
                   {"metadata", {{"name", "p"}, {"labels", {{"kubesphere.io/workspace", "ws1"}, {"keep", "x"}}}}}};
        Plan plan{"move project p",
                  {write(WriteAction::MergePatch, TenancyApi::namespaces, "", "p",
                         {{"metadata", {{"labels", {{"kubesphere.io/workspace", "ws2"}, {"new", "y"}}}}}})},
                  {}};
        PlanReport report;
        report.results = {landed(0, WriteOutcome::Patched, ns, {})};
        auto undo = inversePlan(plan, report);
        QVERIFY(undo);
        QCOMPARE(undo->writes.size(), size_t(1));
        QVERIFY(undo->writes[0].action == WriteAction::MergePatch);
        const json expected = {{"metadata", {{"labels", {{"kubesphere.io/workspace", "ws1"}, {"new", nullptr}}}}}};
        QCOMPARE(undo->writes[0].object, expected);
        // Applying the inverse to what the patch left gives the namespace back.
        json after = ns;
        after.merge_patch(plan.writes[0].object);
        after.merge_patch(undo->writes[0].object);
        QCOMPARE(after, ns);
    }

    void writesThatDidNotLandOrWereNotReadAreNamed()
    {
        Plan plan{"two roles",
                  {write(WriteAction::Apply, TenancyApi::rbacRole, "p", "a", role("p", "a", kGet, "")),
                   write(WriteAction::Apply, TenancyApi::rbacRole, "p", "b", role("p", "b", kGet, ""))},
                  {}};
        PlanReport report;
        WriteResult unread;
        unread.index = 0;
        unread.outcome = WriteOutcome::Applied;
        unread.beforeError = "403 Forbidden";
        WriteResult failed;
        failed.index = 1;
        failed.outcome = WriteOutcome::Failed;
        report.results = {unread, failed};
        auto undo = inversePlan(plan, report);
        QVERIFY(!undo);
        QVERIFY(undo.error().message.find("two roles") != std::string::npos);
        QVERIFY(undo.error().hint.find("403") != std::string::npos);
    }

    void oneInversePerObjectTouchedTwice()
    {
        // Created, then its status written: one delete, guarded by the last answer.
        const TenancyApi api = TenancyApi::forFlavor(ApiFlavor::V4);
        json u1 = {{"metadata", {{"name", "u"}, {"uid", "uid-u"}, {"resourceVersion", "10"}}}};
        json u2 = {{"metadata", {{"name", "u"}, {"uid", "uid-u"}, {"resourceVersion", "11"}}}, {"status", {{"state", "Active"}}}};
        Plan plan{"create user u", {write(WriteAction::Apply, api.user, "", "u"), write(WriteAction::Apply, api.user, "", "u")}, {}};
        plan.writes[1].subresource = "status";
        PlanReport report;
        report.results = {landed(0, WriteOutcome::Applied, json(), u1), landed(1, WriteOutcome::Applied, u1, u2)};
        auto undo = inversePlan(plan, report);
        QVERIFY(undo);
        QCOMPARE(undo->writes.size(), size_t(1));
        QVERIFY(undo->writes[0].action == WriteAction::Delete);
        QCOMPARE(undo->writes[0].deleteOptions.preconditionResourceVersion, std::string("11"));
    }

    void diffNamesFieldsByPath()
    {
        json before = role("p", "r", kGet, "1");
        json after = role("p", "r", kGetList, "2");
        after["metadata"]["labels"].erase("team");
        after["metadata"]["annotations"] = {{"kubesphere.io/alias-name", "Reader"}};
        const auto changes = diffFields(before, after);
        QCOMPARE(changes.size(), size_t(3));
        QCOMPARE(changes[0].path, std::string("metadata.labels.team"));
        QVERIFY(changes[0].kind == FieldChange::Kind::Removed);
        QCOMPARE(changes[1].path, std::string("metadata.annotations[\"kubesphere.io/alias-name\"]"));
        QVERIFY(changes[1].kind == FieldChange::Kind::Added);
        QCOMPARE(changes[2].path, std::string("rules[0].verbs"));
        QVERIFY(changes[2].kind == FieldChange::Kind::Changed);
        const std::string text = diffText(changes);
        QVERIFY(text.find("~ rules[0].verbs: [\"get\"] → [\"get\",\"list\"]") != std::string::npos);
        // Server-managed fields and status are never differences.
        json touched = before;
        touched["metadata"]["resourceVersion"] = "99";
        touched["status"] = {{"x", 1}};
        QVERIFY(diffFields(before, touched).empty());
        // A new object lists its fields.
        const auto created = diffFields(json(), before);
        QVERIFY(created.size() >= 3);
        QVERIFY(created.front().kind == FieldChange::Kind::Added);
    }

    void predictApplyMergesMapsAndReplacesLists()
    {
        json live = role("p", "r", kGetList, "1");
        json intent = {{"metadata", {{"name", "r"}, {"labels", {{"new", "1"}}}}}, {"rules", kGet}};
        const json out = predictApply(live, intent);
        QCOMPARE(out["metadata"]["labels"]["team"], json("a"));
        QCOMPARE(out["metadata"]["labels"]["new"], json("1"));
        QCOMPARE(out["rules"], kGet);
    }

    void secretsStayRedactedInUndoAndDiff()
    {
        // A deleted user comes back with its password hash, which the YAML never shows
        const TenancyApi api = TenancyApi::forFlavor(ApiFlavor::V4);
        json user = {{"apiVersion", "iam.kubesphere.io/v1beta1"},
                     {"kind", "User"},
                     {"metadata", {{"name", "u"}, {"uid", "uid-u"}, {"resourceVersion", "3"}}},
                     {"spec", {{"email", "u@example.com"}, {"password", "$2a$10$secrethash"}}}};
        Plan plan{"delete user u", {write(WriteAction::Delete, api.user, "", "u")}, {}};
        PlanReport report;
        report.results = {landed(0, WriteOutcome::Deleted, user, {})};
        auto undo = inversePlan(plan, report);
        QVERIFY(undo);
        QCOMPARE(undo->writes[0].object["spec"]["password"], json("$2a$10$secrethash"));  // written back as it was
        const std::string yaml = undo->yaml();
        QVERIFY2(yaml.find("secrethash") == std::string::npos, yaml.c_str());
        QVERIFY(yaml.find("<redacted>") != std::string::npos);

        // A password change reads as a change of a secret, not its values
        json changed = user;
        changed["spec"]["password"] = "$2a$10$otherhash";
        Plan edit{"edit user u", {write(WriteAction::Apply, api.user, "", "u", changed)}, {}};
        MemoryPlanReader reader;
        reader.put(user);
        const auto diffs = diffPlan(edit, readTargets(reader, edit));
        const std::string text = diffPlanText(diffs);
        QVERIFY2(text.find("~ spec.password: \"<redacted>\" → \"<redacted>\"") != std::string::npos, text.c_str());
        QVERIFY2(text.find("hash") == std::string::npos, text.c_str());
    }

    void planDiffFollowsTheWritesInOrder()
    {
        MemoryPlanReader reader;
        reader.put(role("p", "r", kGet, "1"));
        json editIntent = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                           {"kind", "Role"},
                           {"metadata", {{"name", "r"}, {"namespace", "p"}}},
                           {"rules", kGetList}};
        Plan plan{"sample",
                  {write(WriteAction::Apply, TenancyApi::rbacRole, "p", "r", editIntent),
                   write(WriteAction::Apply, TenancyApi::rbacRole, "p", "new", role("p", "new", kGet, "")),
                   write(WriteAction::Apply, TenancyApi::rbacRole, "p", "r", editIntent),
                   write(WriteAction::Delete, TenancyApi::rbacRole, "p", "absent"),
                   write(WriteAction::Delete, TenancyApi::rbacRole, "p", "r")},
                  {}};
        const auto live = readTargets(reader, plan);
        QCOMPARE(live.size(), size_t(5));
        QVERIFY(live[0].read && live[0].object.is_object());
        QVERIFY(live[1].read && live[1].object.is_null());
        auto diffs = diffPlan(plan, live);
        QCOMPARE(diffs.size(), size_t(5));
        QVERIFY(diffs[0].change == WriteDiff::Change::Update);
        QCOMPARE(diffs[0].fields.size(), size_t(1));
        QCOMPARE(diffs[0].fields[0].path, std::string("rules[0].verbs"));
        QVERIFY(!diffs[0].exact);
        QVERIFY(diffs[1].change == WriteDiff::Change::Create);
        // The second apply of r starts from what the first left.
        QVERIFY(diffs[2].change == WriteDiff::Change::Unchanged);
        QVERIFY(diffs[3].change == WriteDiff::Change::AlreadyAbsent);
        QVERIFY(diffs[4].change == WriteDiff::Change::Delete);
        const std::string text = diffPlanText(diffs);
        QVERIFY2(text.find("1. apply") == 0, text.c_str());
        QVERIFY(text.find("~ rules[0].verbs") != std::string::npos);
        QVERIFY(text.find("[predicted]") != std::string::npos);

        // A dry run's answer replaces the prediction and is exact.
        PlanReport dry;
        dry.dryRun = true;
        dry.results.resize(5);
        json answer = role("p", "r", kGetList, "2");
        answer["metadata"]["labels"]["added-by-webhook"] = "yes";
        dry.results[0] = landed(0, WriteOutcome::Applied, json(), answer);
        diffs = diffPlan(plan, live, &dry);
        QVERIFY(diffs[0].exact);
        QCOMPARE(diffs[0].fields.size(), size_t(2));
    }
};

QTEST_APPLESS_MAIN(tst_UndoPlan)
#include "tst_undoplan.moc"
