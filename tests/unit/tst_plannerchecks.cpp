// Every validation error of the planner, composed against the in-memory 4.x fixture in
// standalone mode: bad names, missing users, workspaces, projects and roles, things that
// already exist, bad rules. Each error is Invalid and says what is wrong in the user's words.
#include "plannerfixture.h"

#include <QtTest>

#include <functional>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
using Operation = std::function<Result<Plan>(Planner &)>;

RoleSpec role(RoleSpec::Level level, std::string scope, std::string name, const char *rules = "[]",
              std::vector<std::string> templates = {})
{
    RoleSpec r;
    r.level = level;
    r.scope = std::move(scope);
    r.name = std::move(name);
    r.rules = json::parse(rules);
    r.templates = std::move(templates);
    return r;
}

const char *kGetPods = R"([{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}])";
} // namespace

Q_DECLARE_METATYPE(Operation)

class tst_PlannerChecks : public QObject
{
    Q_OBJECT
private slots:
    void refused_data();
    void refused();
    void kubesphereModeNeedsTheApi();
};

void tst_PlannerChecks::refused_data()
{
    QTest::addColumn<Operation>("op");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("where");
    using L = RoleSpec::Level;
    auto row = [](const char *name, Operation op, const char *message, const char *where) {
        QTest::newRow(name) << op << QString::fromUtf8(message) << QString::fromUtf8(where);
    };
    row("workspace: bad name", [](Planner &p) { return p.createWorkspace({"Bad_Name", "", "", "", {"host"}, "", {}}); },
        "workspace name \"Bad_Name\" is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric "
        "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc')", "workspace name");
    row("workspace: missing manager", [](Planner &p) { return p.createWorkspace({"ws9", "ghost", "", "", {"host"}, "", {}}); },
        "user \"ghost\" does not exist", "user");
    row("workspace: exists", [](Planner &p) { return p.createWorkspace({"ws1", "", "", "", {"host"}, "", {}}); },
        "workspace \"ws1\" already exists", "workspace name");
    row("edit workspace: missing", [](Planner &p) { return p.editWorkspace({"nope", "", "", "", {"host"}, "", {}}); },
        "workspace \"nope\" does not exist", "workspace");
    row("delete workspace: propagation", [](Planner &p) { return p.deleteWorkspace("ws1", "Sometimes"); },
        "deletion propagation must be Orphan, Foreground or Background, not \"Sometimes\"", "propagation");
    row("project: bad name", [](Planner &p) { return p.createProject({"Proj_1", "ws1", "", ""}); },
        "project name \"Proj_1\" is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric "
        "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc')", "project name");
    row("project: missing workspace", [](Planner &p) { return p.createProject({"proj9", "ws9", "", ""}); },
        "workspace \"ws9\" does not exist", "workspace");
    row("project: exists", [](Planner &p) { return p.createProject({"proj1", "ws1", "", ""}); },
        "project (namespace) \"proj1\" already exists", "project name");
    row("delete project: missing", [](Planner &p) { return p.deleteProject("proj9"); },
        "project \"proj9\" does not exist", "project");
    row("move project: same workspace", [](Planner &p) { return p.moveProject("proj1", "ws1"); },
        "project \"proj1\" is already in workspace \"ws1\"", "workspace");
    row("move project: missing workspace", [](Planner &p) { return p.moveProject("proj2", "ws9"); },
        "workspace \"ws9\" does not exist", "workspace");
    row("move project: missing project", [](Planner &p) { return p.moveProject("proj9", "ws1"); },
        "project \"proj9\" does not exist", "project");
    row("user: bad email", [](Planner &p) { return p.createUser({"carol", "not-an-email", "", "", "", ""}); },
        "email \"not-an-email\" is invalid: must be an address like name@example.com", "email");
    row("user: weak password", [](Planner &p) { return p.createUser({"carol", "carol@example.com", "short", "", "", ""}); },
        "password must be 8 to 64 characters long and contain a lower-case letter, an upper-case letter and a digit",
        "password");
    row("user: email of another user",
        [](Planner &p) { return p.createUser({"carol", "alice@example.com", "", "", "", ""}); },
        "email \"alice@example.com\" is already used by user \"alice\"", "email");
    row("edit user: email of another user", [](Planner &p) { return p.editUser({"bob", "dave@example.com", "", "", "", ""}); },
        "email \"dave@example.com\" is already used by user \"dave\"", "email");
    row("user: exists", [](Planner &p) { return p.createUser({"alice", "alice@example.com", "", "", "", ""}); },
        "user \"alice\" already exists", "user name");
    row("user: missing platform role",
        [](Planner &p) { return p.createUser({"carol", "carol@example.com", "", "", "", ""}, "platform-boss"); },
        "platform role \"platform-boss\" does not exist", "platform role");
    row("edit user: missing", [](Planner &p) { return p.editUser({"ghost", "ghost@example.com", "", "", "", ""}); },
        "user \"ghost\" does not exist", "user");
    row("disable user: missing", [](Planner &p) { return p.setUserEnabled("ghost", false); },
        "user \"ghost\" does not exist", "user");
    row("delete user: missing", [](Planner &p) { return p.deleteUser("ghost"); }, "user \"ghost\" does not exist", "user");
    row("platform role: missing", [](Planner &p) { return p.setPlatformRole("bob", "platform-boss"); },
        "platform role \"platform-boss\" does not exist", "platform role");
    row("member: missing user", [](Planner &p) { return p.setMember(MemberScope::project("proj1"), "ghost", "viewer"); },
        "user \"ghost\" does not exist", "user");
    row("member: missing workspace role",
        [](Planner &p) { return p.setMember(MemberScope::workspace("ws1"), "bob", "boss"); },
        "workspace role \"ws1-boss\" does not exist in workspace \"ws1\"", "role");
    row("member: missing workspace", [](Planner &p) { return p.setMember(MemberScope::workspace("ws9"), "bob", "viewer"); },
        "workspace \"ws9\" does not exist", "workspace");
    row("member: missing project role", [](Planner &p) { return p.setMember(MemberScope::project("proj1"), "bob", "boss"); },
        "role \"boss\" does not exist in project \"proj1\"", "role");
    row("member: missing project", [](Planner &p) { return p.setMember(MemberScope::project("proj9"), "bob", "viewer"); },
        "project \"proj9\" does not exist", "project");
    row("member: missing cluster role", [](Planner &p) { return p.setMember(MemberScope::cluster(), "bob", "boss"); },
        "cluster role \"boss\" does not exist", "role");
    row("member: not a member", [](Planner &p) { return p.removeMember(MemberScope::project("proj2"), "bob"); },
        "user \"bob\" is not a member of project \"proj2\"", "member");
    row("edit project: missing", [](Planner &p) { return p.editProject({"proj9", "", "Nine", ""}); },
        "project \"proj9\" does not exist", "project");
    row("edit project: long alias", [](Planner &p) { return p.editProject({"proj1", "", std::string(64, 'a'), ""}); },
        "alias is 64 characters long; at most 63 are allowed", "alias");
    row("edit project: two-line alias", [](Planner &p) { return p.editProject({"proj1", "", "one\ntwo", ""}); },
        "alias must be one line", "alias");
    row("edit project: long description",
        [](Planner &p) { return p.editProject({"proj1", "", "", std::string(257, 'd')}); },
        "description is 257 characters long; at most 256 are allowed", "description");
    row("members: none", [](Planner &p) { return p.changeMembers({}); }, "choose at least one member", "members");
    row("members: listed twice",
        [](Planner &p) {
            return p.changeMembers({{MemberScope::project("proj1"), "bob", "viewer"}, {MemberScope::project("proj1"), "bob", "admin"}});
        },
        "user \"bob\" is listed twice for project \"proj1\"", "members");
    row("members: one user deleted meanwhile",
        [](Planner &p) {
            return p.changeMembers({{MemberScope::project("proj1"), "dave", "viewer"}, {MemberScope::project("proj1"), "ghost", "viewer"}});
        },
        "user \"ghost\" does not exist", "user");
    row("role: exists", [=](Planner &p) { return p.saveRole(role(L::Project, "proj1", "viewer", kGetPods), true); },
        "project role \"viewer\" already exists", "role name");
    row("role: edit missing", [=](Planner &p) { return p.saveRole(role(L::Project, "proj1", "boss", kGetPods), false); },
        "project role \"boss\" does not exist", "role name");
    row("role: missing project", [=](Planner &p) { return p.saveRole(role(L::Project, "proj9", "boss", kGetPods), true); },
        "project \"proj9\" does not exist", "project");
    row("role: missing workspace",
        [=](Planner &p) { return p.saveRole(role(L::Workspace, "ws9", "ws9-boss", kGetPods), true); },
        "workspace \"ws9\" does not exist", "workspace");
    row("role: no verbs",
        [=](Planner &p) {
            return p.saveRole(role(L::Project, "proj1", "boss", R"([{"apiGroups":[""],"resources":["pods"]}])"), true);
        },
        "rule 1: a rule needs at least one verb", "rules[0]");
    row("role: urls in a project",
        [=](Planner &p) {
            return p.saveRole(role(L::Project, "proj1", "boss", R"([{"nonResourceURLs":["/healthz"],"verbs":["get"]}])"),
                              true);
        },
        "rule 1: nonResourceURLs can only be granted by platform or cluster roles", "rules[0]");
    row("role: urls mixed with resources",
        [=](Planner &p) {
            return p.saveRole(role(L::Cluster, "", "boss",
                                   R"([{"nonResourceURLs":["/healthz"],"resources":["pods"],"verbs":["get"]}])"),
                              true);
        },
        "rule 1: a rule cannot mix nonResourceURLs with apiGroups/resources", "rules[0]");
    row("role: resources without groups",
        [=](Planner &p) { return p.saveRole(role(L::Cluster, "", "boss", R"([{"resources":["pods"],"verbs":["get"]}])"), true); },
        "rule 1: a resource rule needs apiGroups and resources (use \"\" for the core group)", "rules[0]");
    row("role: verb with whitespace",
        [=](Planner &p) {
            return p.saveRole(role(L::Project, "proj1", "boss",
                                   R"([{"apiGroups":[""],"resources":["pods"],"verbs":["get"]},
                                       {"apiGroups":[""],"resources":["pods"],"verbs":["ge t"]}])"),
                              true);
        },
        "rule 2: verb \"ge t\" contains whitespace", "rules[1].verbs");
    row("role: bad resource name",
        [=](Planner &p) {
            return p.saveRole(role(L::Project, "proj1", "boss", R"([{"apiGroups":[""],"resources":["Pods"],"verbs":["get"]}])"),
                              true);
        },
        "rule 1: resource \"Pods\" is not a valid resource name (lower-case plural like \"pods\", a subresource like "
        "\"pods/log\", or *)",
        "rules[0].resources");
    row("role: missing template",
        [=](Planner &p) { return p.saveRole(role(L::Project, "proj1", "boss", kGetPods, {"no-such-template"}), true); },
        "role template \"no-such-template\" does not exist", "templates");
    row("delete role: still bound", [=](Planner &p) { return p.deleteRole(role(L::Project, "proj1", "viewer")); },
        "role \"viewer\" is still bound (bob-viewer): change or remove those members first", "role");
    row("delete role: missing", [=](Planner &p) { return p.deleteRole(role(L::Project, "proj1", "boss")); },
        "project role \"boss\" does not exist", "role");
}

void tst_PlannerChecks::refused()
{
    QFETCH(Operation, op);
    QFETCH(QString, message);
    QFETCH(QString, where);
    // Given the 4.x fixture in standalone mode
    auto reader = plannerfixture::load(ApiFlavor::V4, Mode::Standalone);
    Planner planner(reader, plannerfixture::tenancy(ApiFlavor::V4, Mode::Standalone), "admin");
    // When the operation is planned, then it is refused with a clear reason
    auto plan = op(planner);
    QVERIFY2(!plan, plan ? plan->summary().c_str() : "");
    QCOMPARE(plan.error().kind, ErrorKind::Invalid);
    QCOMPARE(QString::fromStdString(plan.error().message), message);
    QCOMPARE(QString::fromStdString(plan.error().where), where);
}

void tst_PlannerChecks::kubesphereModeNeedsTheApi()
{
    // Given a cluster without the tenancy API, creating a workspace says so
    MemoryPlanReader empty;
    Planner planner(empty, plannerfixture::tenancy(ApiFlavor::None, Mode::Standalone), "admin");
    auto plan = planner.createWorkspace({"ws1", "", "", "", {"host"}, "", {}});
    QVERIFY(!plan);
    QCOMPARE(QString::fromStdString(plan.error().message), QStringLiteral("the tenancy API is not installed on this cluster"));
}

QTEST_GUILESS_MAIN(tst_PlannerChecks)
#include "tst_plannerchecks.moc"
