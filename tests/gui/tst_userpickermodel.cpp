// UserPickerModel without a cluster, under QAbstractItemModelTester: filtering as a user types
// (narrowing, widening, several words, any case) agrees with a brute-force search at every
// keystroke; ticks survive a search; members are marked and cannot be added twice; candidates
// come from a tenancy graph (members with their roles, Tenantry's RBAC copies left out, a
// member whose User is gone still listed for removal).
#include "models/userpickermodel.h"

#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace kube::tenancy;
using nlohmann::json;

namespace {

std::vector<UserPickerModel::Candidate> generated(int n)
{
    std::vector<UserPickerModel::Candidate> out;
    for (int i = 0; i < n; ++i) {
        UserPickerModel::Candidate c;
        c.name = QStringLiteral("user-%1").arg(i, 5, 10, QLatin1Char('0'));
        c.displayName = i % 7 == 0 ? QStringLiteral("Ålice Zhang %1").arg(i) : QStringLiteral("Person %1").arg(i);
        c.email = QStringLiteral("%1@%2.example.com").arg(c.name, i % 3 == 0 ? QStringLiteral("ops") : QStringLiteral("dev"));
        c.member = i % 10 == 0;
        if (c.member)
            c.memberRole = QStringLiteral("viewer");
        out.push_back(std::move(c));
    }
    return out;
}

// The names a brute-force search finds, in model order.
QStringList bruteForce(const std::vector<UserPickerModel::Candidate> &all, const QString &filter)
{
    const QStringList terms = filter.simplified().toCaseFolded().split(' ', Qt::SkipEmptyParts);
    QStringList out;
    for (const auto &c : all) {
        const QString hay = (c.name + '\n' + c.displayName + '\n' + c.email).toCaseFolded();
        bool ok = true;
        for (const auto &t : terms)
            ok = ok && hay.contains(t);
        if (ok)
            out << c.name;
    }
    return out;
}

QStringList shown(const UserPickerModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, UserPickerModel::NameColumn).data().toString();
    return out;
}

GraphObject object(const char *text)
{
    return kube::freeze(json::parse(text));
}

} // namespace

class tst_UserPickerModel : public QObject
{
    Q_OBJECT
private slots:
    void filterAgreesWithBruteForceAtEveryKeystroke();
    void ticksSurviveSearchesAndNewLists();
    void membersAreMarkedAndNotAddedTwice();
    void candidatesComeFromTheGraph();
};

void tst_UserPickerModel::filterAgreesWithBruteForceAtEveryKeystroke()
{
    // Given 5,000 users (names already in natural order)
    UserPickerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto all = generated(5000);
    model.setCandidates(all, UserPickerModel::Mode::Add);
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.columnCount(), int(UserPickerModel::ColumnCount));
    // When a user types a name character by character, then deletes it, then types words
    const QString typed = QStringLiteral("user-0421");
    QStringList steps;
    for (int i = 1; i <= typed.size(); ++i)
        steps << typed.left(i);
    for (int i = typed.size() - 1; i >= 0; --i)
        steps << typed.left(i);
    steps << QStringLiteral("ÅLICE") << QStringLiteral("ålice ops") << QStringLiteral("  ålice   ops 7 ")
          << QStringLiteral("dev.example") << QStringLiteral("nobody-at-all") << QString();
    // Then every step shows exactly what a brute-force search finds, in order
    for (const QString &s : steps) {
        model.setFilterText(s);
        QCOMPARE(model.filterText(), s);
        QCOMPARE(shown(model), bruteForce(all, s));
    }
    QCOMPARE(model.rowCount(), 5000);
    // A search that changes nothing visible resets nothing
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setFilterText(QStringLiteral("user"));
    model.setFilterText(QStringLiteral("user "));
    QCOMPARE(resets.count(), 0);
}

void tst_UserPickerModel::ticksSurviveSearchesAndNewLists()
{
    UserPickerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCandidates(generated(300), UserPickerModel::Mode::Add);
    QSignalSpy changed(&model, &UserPickerModel::checkedChanged);
    // Given user-00001 ticked through the view's check box (setData, as a click does)
    model.setFilterText(QStringLiteral("user-00001"));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex box = model.index(0, UserPickerModel::NameColumn);
    QVERIFY(model.flags(box) & Qt::ItemIsUserCheckable);
    QVERIFY(model.setData(box, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(changed.count(), 1);
    // When another search hides it and another user is ticked
    model.setFilterText(QStringLiteral("user-00002"));
    QVERIFY(model.setChecked(QStringLiteral("user-00002"), true));
    // Then both stay ticked, in list order, whatever is shown
    QCOMPARE(model.checkedUsers(), (QStringList{QStringLiteral("user-00001"), QStringLiteral("user-00002")}));
    QCOMPARE(model.checkedCount(), 2);
    QCOMPARE(model.rowOfUser(QStringLiteral("user-00001")), -1);
    model.setFilterText({});
    QCOMPARE(model.rowOfUser(QStringLiteral("user-00002")), 2);
    // A fresh list keeps the ticks of users still in it
    auto fewer = generated(2);
    model.setCandidates(fewer, UserPickerModel::Mode::Add);
    QCOMPARE(model.checkedUsers(), QStringList{QStringLiteral("user-00001")});
    // Unticking all
    model.setCheckedUsers({});
    QCOMPARE(model.checkedCount(), 0);
    QVERIFY(!model.isChecked(QStringLiteral("user-00001")));
}

void tst_UserPickerModel::membersAreMarkedAndNotAddedTwice()
{
    UserPickerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCandidates(generated(20), UserPickerModel::Mode::Add);
    // user-00010 is a member: shown ticked and greyed, with its role, not tickable
    const int row = model.rowOfUser(QStringLiteral("user-00010"));
    QVERIFY(row >= 0);
    const QModelIndex name = model.index(row, UserPickerModel::NameColumn);
    QVERIFY(!(model.flags(name) & Qt::ItemIsEnabled));
    QCOMPARE(name.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(row, UserPickerModel::MembershipColumn).data().toString(), QStringLiteral("viewer"));
    QVERIFY(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("already a member")));
    QVERIFY(!model.setChecked(QStringLiteral("user-00010"), true));
    QVERIFY(!model.setData(name, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.checkedCount(), 0);
    model.setCheckedUsers({QStringLiteral("user-00010"), QStringLiteral("user-00011")});
    QCOMPARE(model.checkedUsers(), QStringList{QStringLiteral("user-00011")});
    // In Members mode the same user can be ticked (to change its role or remove it)
    auto members = generated(20);
    members.erase(std::remove_if(members.begin(), members.end(), [](const auto &c) { return !c.member; }), members.end());
    model.setCandidates(members, UserPickerModel::Mode::Members);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.setChecked(QStringLiteral("user-00010"), true));
    QCOMPARE(model.headerData(UserPickerModel::MembershipColumn, Qt::Horizontal).toString(), QStringLiteral("Current role"));
}

void tst_UserPickerModel::candidatesComeFromTheGraph()
{
    // Given users alice, bob and carol; bob a viewer of project p1 (plus Tenantry's RBAC copy of
    // a workspace grant naming alice), ghost's binding left behind by a deleted user
    TenancyGraph graph(ApiFlavor::V4);
    graph.resync(GraphKind::User,
                 {object(R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"User","metadata":{"name":"alice"},"spec":{"email":"alice@example.com","displayName":"Alice A"}})"),
                  object(R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"User","metadata":{"name":"bob"},"spec":{"email":"bob@example.com"}})"),
                  object(R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"User","metadata":{"name":"carol"},"spec":{"email":"carol@example.com"}})")});
    graph.resync(GraphKind::Namespace,
                 {object(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"p1","labels":{"kubesphere.io/workspace":"ws1"}}})")});
    graph.resync(GraphKind::ProjectRoleBinding,
                 {object(R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"RoleBinding","metadata":{"name":"bob-viewer","namespace":"p1","labels":{"iam.kubesphere.io/user-ref":"bob"}},
                            "roleRef":{"apiGroup":"iam.kubesphere.io","kind":"Role","name":"viewer"},"subjects":[{"kind":"User","name":"bob"}]})"),
                  object(R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"RoleBinding","metadata":{"name":"copy","namespace":"p1","labels":{"tenantry.dev/generated-by":"tenantry"}},
                            "roleRef":{"apiGroup":"iam.kubesphere.io","kind":"Role","name":"viewer"},"subjects":[{"kind":"User","name":"alice"}]})"),
                  object(R"({"apiVersion":"iam.kubesphere.io/v1beta1","kind":"RoleBinding","metadata":{"name":"ghost-admin","namespace":"p1"},
                            "roleRef":{"apiGroup":"iam.kubesphere.io","kind":"Role","name":"admin"},"subjects":[{"kind":"User","name":"ghost"},{"kind":"Group","name":"devs"}]})")});
    const GraphSnapshot snapshot = graph.snapshot();
    const MemberScope p1 = MemberScope::project("p1");
    // When the picker lists candidates to add to p1
    const auto members = UserPickerModel::membersOf(snapshot, p1);
    QCOMPARE(members.size(), 2);  // bob and ghost; the group and the RBAC copy are not members
    QCOMPARE(members.value(QStringLiteral("bob")), QStringList{QStringLiteral("viewer")});
    UserPickerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCandidates(UserPickerModel::candidatesFor(snapshot, p1, UserPickerModel::Mode::Add), UserPickerModel::Mode::Add);
    // Then every user is listed, bob marked as a member, alice searchable by her display name
    QCOMPARE(shown(model), (QStringList{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}));
    QVERIFY(model.index(1, 0).data(UserPickerModel::IsMemberRole).toBool());
    QVERIFY(!model.index(0, 0).data(UserPickerModel::IsMemberRole).toBool());
    model.setFilterText(QStringLiteral("alice a"));
    QCOMPARE(shown(model), QStringList{QStringLiteral("alice")});
    QCOMPARE(model.index(0, UserPickerModel::DisplayNameColumn).data().toString(), QStringLiteral("Alice A"));
    // And for changing roles or removing: the members only, the deleted user's binding included
    model.setFilterText({});
    model.setCandidates(UserPickerModel::candidatesFor(snapshot, p1, UserPickerModel::Mode::Members), UserPickerModel::Mode::Members);
    QCOMPARE(shown(model), (QStringList{QStringLiteral("bob"), QStringLiteral("ghost")}));
    QVERIFY(model.index(1, UserPickerModel::MembershipColumn).data().toString().contains(QStringLiteral("user deleted")));
}

QTEST_GUILESS_MAIN(tst_UserPickerModel)
#include "tst_userpickermodel.moc"
