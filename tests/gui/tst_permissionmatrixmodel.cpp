// The permission workbench's models without a cluster (offline data): the matrix model under
// QAbstractItemModelTester through every filter, layout and comparison; cell states against the
// engine; live replacement of the data; the errors a question can meet.
#include "models/permissionmatrixmodel.h"
#include "models/permissionsource.h"
#include "models/permissionworkbench.h"
#include "views/busyindicator.h"
#include "views/permissionworkbenchwidget.h"

#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/regoevaluator.h"
#include "kubeclient/rbac/rbacloader.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QToolButton>
#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace kube::rbac;
using Workbench = PermissionWorkbench;

namespace {

const char *kData = R"(
apiVersion: v1
kind: Namespace
metadata: {name: ns1}
---
apiVersion: v1
kind: Namespace
metadata: {name: ns2}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-admin}
rules:
- apiGroups: [""]
  resources: [pods, pods/exec]
  verbs: ["*"]
- apiGroups: [""]
  resources: [secrets]
  resourceNames: [token]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-admin, namespace: ns1}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-admin}
subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-viewer}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: bob-view}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-viewer}
subjects: [{kind: User, name: bob, apiGroup: rbac.authorization.k8s.io}]
)";

RbacData data()
{
    RbacData d;
    auto added = RbacLoader::addText(d, kData, "test");
    if (!added)
        qFatal("%s", added.error().describe().c_str());
    return d;
}

int column(PermissionMatrixModel *m, const QString &verb)
{
    for (int c = m->firstVerbColumn(); c < m->columnCount(); ++c)
        if (m->verbAt(c) == verb)
            return c;
    return -1;
}

PermissionMatrixModel::State state(PermissionMatrixModel *m, const QString &scope, const QString &resource,
                                   const QString &verb, const QString &subject = {})
{
    const int row = m->findRow(scope, resource, subject);
    if (row < 0)
        return PermissionMatrixModel::State(-1);
    return PermissionMatrixModel::State(m->index(row, column(m, verb)).data(PermissionMatrixModel::StateRole).toInt());
}

} // namespace

class tst_PermissionMatrixModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void cellsAgreeWithTheEvaluator();
    void filtersKeepTheModelValid();
    void comparingTwoSubjectsMarksDifferences();
    void transposedLayouts();
    void liveDataReplacesTheMatrix();
    void questionsThatCannotBeAnswered();
    void aLongMatrixCanBeCancelledAndComputedAgain();

private:
    void ask(const Workbench::Query &q);
    PermissionSource *m_source = nullptr;
    Workbench *m_workbench = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_PermissionMatrixModel::init()
{
    m_source = PermissionSource::fromData(data(), QStringLiteral("test"));
    m_workbench = new Workbench;
    m_tester = std::make_unique<QAbstractItemModelTester>(m_workbench->matrixModel(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(m_source, &PermissionSource::changed);
    QVERIFY(changed.wait(5000));
    m_workbench->setSource(m_source);
}

void tst_PermissionMatrixModel::cleanup()
{
    m_tester.reset();
    delete m_workbench;
    delete m_source;
}

void tst_PermissionMatrixModel::ask(const Workbench::Query &q)
{
    QSignalSpy computed(m_workbench, &Workbench::computed);
    m_workbench->setQuery(q);
    QVERIFY(computed.wait(5000));
    // A newer question may have been asked meanwhile: wait for the answer to this one.
    while (m_workbench->computing())
        QVERIFY(computed.wait(5000));
}

void tst_PermissionMatrixModel::cellsAgreeWithTheEvaluator()
{
    Workbench::Query q;
    q.subject = QStringLiteral("alice");
    q.scope = Workbench::ScopeKind::AllProjects;
    ask(q);
    QVERIFY2(m_workbench->error().isEmpty(), qPrintable(m_workbench->error()));
    auto *m = m_workbench->matrixModel();
    QVERIFY(m->rowCount() > 0);
    using S = PermissionMatrixModel::State;
    // "*" verbs on pods in ns1: through a wildcard; nothing in ns2; the named secret.
    QCOMPARE(state(m, "ns1", "pods", "delete"), S::Wildcard);
    QCOMPARE(state(m, "ns2", "pods", "get"), S::Denied);
    QCOMPARE(state(m, "ns1", "secrets", "get"), S::Named);
    QCOMPARE(state(m, "cluster", "pods", "get"), S::Denied);
    // pods/exec create is a known risk where allowed.
    const int exec = m->findRow("ns1", "pods/exec");
    QVERIFY(m->index(exec, column(m, "create")).data(PermissionMatrixModel::RiskyRole).toBool());
    QVERIFY(!m->index(m->findRow("ns2", "pods/exec"), column(m, "create")).data(PermissionMatrixModel::RiskyRole).toBool());
    // Verbs that mean nothing for a resource say so; "*" on pods does not make escalate apply.
    QCOMPARE(state(m, "ns1", "pods", "escalate"), S::NotApplicable);
    QCOMPARE(state(m, "cluster", "users", "impersonate"), S::Denied);
    QCOMPARE(state(m, "cluster", "users", "get"), S::NotApplicable);
    QCOMPARE(m->index(m->findRow("ns1", "pods"), column(m, "bind")).data(Qt::DisplayRole).toString(), QStringLiteral("—"));
    // Every cell against the evaluator.
    Evaluator evaluator(m_source->snapshot()->index);
    const auto &matrix = *m->grid()->matrix;
    for (int r = 0; r < m->rowCount(); ++r)
        for (int c = m->firstVerbColumn(); c < m->columnCount(); ++c) {
            const auto ref = m->rowRef(r);
            const auto request = cellRequest(matrix.rows()[ref.row].scope, matrix.catalog().entries()[ref.entry],
                                             m->verbAt(c).toStdString());
            const auto s = S(m->index(r, c).data(PermissionMatrixModel::StateRole).toInt());
            if (s == S::NotApplicable)
                continue;
            QCOMPARE(s == S::Allowed || s == S::Wildcard, evaluator.allowed(Identity::impersonated("alice"), request));
        }
}

void tst_PermissionMatrixModel::filtersKeepTheModelValid()
{
    Workbench::Query q;
    q.subject = QStringLiteral("alice");
    q.scope = Workbench::ScopeKind::AllProjects;
    ask(q);
    auto *m = m_workbench->matrixModel();
    const int all = m->rowCount();
    PermissionMatrixModel::Filter f;
    f.onlyAllowed = true;
    m->setFilter(f);
    QCOMPARE(m->rowCount(), 3);  // ns1: pods, pods/exec, secrets (names); nothing else
    QCOMPARE(m->findRow("ns1", "secrets") >= 0, true);
    f.onlyRisky = true;
    m->setFilter(f);
    // Risky and allowed: pods/exec (exec) and pods (wildcard verbs), secrets (read, by name).
    QVERIFY(m->findRow("ns1", "pods/exec") >= 0);
    QVERIFY(m->findRow("ns2", "pods/exec") < 0);
    f = {};
    f.text = QStringLiteral("ns2");
    m->setFilter(f);
    QVERIFY(m->rowCount() > 0 && m->rowCount() < all);
    for (int r = 0; r < m->rowCount(); ++r)
        QCOMPARE(m->scopeText(r), QStringLiteral("ns2"));
    m->setFilter({});
    QCOMPARE(m->rowCount(), all);
    QCOMPARE(m->totalRows(), size_t(all));
}

void tst_PermissionMatrixModel::comparingTwoSubjectsMarksDifferences()
{
    Workbench::Query q;
    q.subject = QStringLiteral("alice");
    q.compareWith = QStringLiteral("bob");
    q.scope = Workbench::ScopeKind::Project;
    q.scopeName = QStringLiteral("ns1");
    ask(q);
    auto *m = m_workbench->matrixModel();
    const int pods = m->findRow("ns1", "pods");
    // Both may get pods: same; only alice may delete them: differs, and says both answers.
    QVERIFY(!m->index(pods, column(m, "get")).data(PermissionMatrixModel::DiffersRole).toBool());
    const QModelIndex del = m->index(pods, column(m, "delete"));
    QVERIFY(del.data(PermissionMatrixModel::DiffersRole).toBool());
    QCOMPARE(del.data(Qt::DisplayRole).toString(), QStringLiteral("yes* | no"));
    QVERIFY(del.data(Qt::ToolTipRole).toString().contains(QStringLiteral("bob")));
    PermissionMatrixModel::Filter f;
    f.onlyDiffering = true;
    m->setFilter(f);
    QVERIFY(m->rowCount() >= 2);
    QVERIFY(m->findRow("ns1", "configmaps") < 0);
}

void tst_PermissionMatrixModel::transposedLayouts()
{
    Workbench::Query q;
    q.subject = QStringLiteral("bob");
    q.layout = Workbench::Layout::ByProject;
    q.resource = QStringLiteral("pods");
    ask(q);
    auto *m = m_workbench->matrixModel();
    QCOMPARE(m->grid()->order.size(), size_t(1));
    // One row per scope: cluster, ns1, ns2; bob's ClusterRoleBinding holds in each.
    QCOMPARE(m->rowCount(), 3);
    for (int r = 0; r < m->rowCount(); ++r)
        QCOMPARE(m->index(r, column(m, "get")).data(PermissionMatrixModel::StateRole).toInt(),
                 int(PermissionMatrixModel::State::Allowed));

    q.layout = Workbench::Layout::BySubject;
    q.scope = Workbench::ScopeKind::Project;
    q.scopeName = QStringLiteral("ns1");
    ask(q);
    QCOMPARE(m->rowCount(), 2);  // alice, bob
    QCOMPARE(state(m, "ns1", "pods", "delete", "alice"), PermissionMatrixModel::State::Wildcard);
    QCOMPARE(state(m, "ns1", "pods", "delete", "bob"), PermissionMatrixModel::State::Denied);
    QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Subject"));
}

void tst_PermissionMatrixModel::liveDataReplacesTheMatrix()
{
    Workbench::Query q;
    q.subject = QStringLiteral("bob");
    q.scope = Workbench::ScopeKind::Project;
    q.scopeName = QStringLiteral("ns2");
    ask(q);
    auto *m = m_workbench->matrixModel();
    QCOMPARE(state(m, "ns2", "pods", "delete"), PermissionMatrixModel::State::Denied);
    RbacData more = data();
    auto added = RbacLoader::addText(more, R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: bob-admin, namespace: ns2}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-admin}
subjects: [{kind: User, name: bob, apiGroup: rbac.authorization.k8s.io}]
)", "more");
    QVERIFY(added.ok());
    QSignalSpy computed(m_workbench, &Workbench::computed);
    m_source->setData(std::move(more));
    QVERIFY(computed.wait(5000));
    QCOMPARE(state(m, "ns2", "pods", "delete"), PermissionMatrixModel::State::Wildcard);
}

void tst_PermissionMatrixModel::questionsThatCannotBeAnswered()
{
    Workbench::Query q;  // "me" offline: nobody to ask about
    ask(q);
    QVERIFY(m_workbench->error().contains(QStringLiteral("pick or type a subject")));
    QCOMPARE(m_workbench->matrixModel()->rowCount(), 0);
    q.subject = QStringLiteral("alice");
    q.scope = Workbench::ScopeKind::Project;
    q.scopeName = QStringLiteral("nope");
    ask(q);
    QVERIFY(m_workbench->error().contains(QStringLiteral("\"nope\" does not exist")));
    q.scope = Workbench::ScopeKind::Platform;
    ask(q);
    QVERIFY(m_workbench->error().contains(QStringLiteral("KubeSphere")));
    q.scope = Workbench::ScopeKind::Cluster;
    q.layout = Workbench::Layout::ByProject;
    q.resource = QStringLiteral("no-such-things");
    ask(q);
    QVERIFY(m_workbench->error().contains(QStringLiteral("no-such-things")));
    q.layout = Workbench::Layout::ByResource;
    q.subject = QStringLiteral("ServiceAccount x");
    ask(q);
    QVERIFY(m_workbench->error().contains(QStringLiteral("NAMESPACE/NAME")));
}

namespace {

// A Rego engine as slow as opa on a big batch: it answers "not allowed" only once released or
// cancelled (as OpaRegoEvaluator kills its opa process when the token is raised).
class WaitingRego final : public RegoEvaluator
{
public:
    std::atomic<bool> release{false};
    std::atomic<int> calls{0}, cancelledCalls{0};
    bool available() const override { return true; }
    std::string unavailableReason() const override { return {}; }
    std::string engineName() const override { return "waiting test engine"; }
    std::vector<RegoVerdict> evaluate(const std::string &, const std::vector<nlohmann::json> &inputs,
                                      const kube::CancelTokenPtr &cancel) override
    {
        ++calls;
        for (int i = 0; i < 3000 && !release; ++i) {
            if (cancel && cancel->cancelled()) {
                ++cancelledCalls;
                return std::vector<RegoVerdict>(inputs.size(), RegoVerdict{false, std::nullopt, "cancelled"});
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return std::vector<RegoVerdict>(inputs.size());
    }
};

} // namespace

void tst_PermissionMatrixModel::aLongMatrixCanBeCancelledAndComputedAgain()
{
    // Given a KubeSphere cluster whose GlobalRole "authenticated" carries a Rego policy (every
    // user's rows ask the Rego engine), and an engine that takes its time
    std::unique_ptr<PermissionSource> ks(
        PermissionSource::fromManifests(QStringLiteral(TENANTRY_SOURCE_DIR "/tests/data/rbac/ks-fixture.yaml")));
    QSignalSpy loaded(ks.get(), &PermissionSource::changed);
    QVERIFY(loaded.wait(10000));
    auto rego = std::make_shared<WaitingRego>();
    PermissionWorkbenchWidget widget;
    widget.resize(1200, 800);
    widget.presetView(View::Kubernetes);
    widget.presetSubject(QStringLiteral("ben"));
    widget.presetScope(Workbench::ScopeKind::Cluster);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    Workbench *wb = widget.workbench();
    wb->setRegoEvaluator(rego);
    QSignalSpy computed(wb, &Workbench::computed);
    QSignalSpy cancelled(wb, &Workbench::cancelled);
    widget.setSource(ks.get());
    // (the Kubernetes view first, compared with KubeSphere's, the engine answering at once)
    rego->release = true;
    QTRY_VERIFY_WITH_TIMEOUT(!computed.isEmpty() && !wb->computing(), 10000);
    rego->release = false;
    const QString before = wb->title();
    const int rowsBefore = wb->matrixModel()->rowCount();
    QVERIFY(rowsBefore > 0);
    auto *viewBox = widget.findChild<QComboBox *>(QStringLiteral("permView"));
    auto *scopeKind = widget.findChild<QComboBox *>(QStringLiteral("permScopeKind"));
    auto *cancel = widget.findChild<QToolButton *>(QStringLiteral("permCancel"));
    auto *again = widget.findChild<QToolButton *>(QStringLiteral("permRecompute"));
    auto *status = widget.findChild<QLabel *>(QStringLiteral("permStatus"));
    QVERIFY(viewBox && scopeKind && cancel && again && status);
    // When the user picks the KubeSphere view (the policy is evaluated for ben's rows)
    computed.clear();
    viewBox->setCurrentIndex(viewBox->findData(int(View::KubeSphere)));
    // Then after half a second a named Cancel button shows beside the activity bar
    QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible(), 10000);
    QVERIFY(wb->computing());
    QVERIFY(rego->calls >= 1);
    QVERIFY(!cancel->accessibleName().isEmpty());
    // When the user clicks it, the engine is told at once (the token reaches it)
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wb->computing(), 10000);
    qInfo("cancelled after %lld ms", qint64(clock.elapsed()));
    QCOMPARE(rego->cancelledCalls.load(), 1);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(computed.count(), 0);
    // Then the matrix shown, and its title, are still the answer before; the status says so
    QVERIFY(wb->wasCancelled());
    QCOMPARE(wb->title(), before);
    QCOMPARE(wb->matrixModel()->rowCount(), rowsBefore);
    QVERIFY2(status->text().contains(QStringLiteral("cancelled")), qPrintable(status->text()));
    auto *banner = widget.findChild<QLabel *>(QStringLiteral("permBanner"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("Cancelled")), qPrintable(banner->text()));
    QTRY_VERIFY(!cancel->isVisible());
    QVERIFY(again->isVisible());
    QDir().mkpath(QStringLiteral(TENANTRY_BINARY_DIR "/screenshots"));
    QVERIFY(widget.grab().save(QStringLiteral(TENANTRY_BINARY_DIR "/screenshots/permissions-cancelled.png")));
    // When Compute again is clicked, the current question runs again
    QTest::mouseClick(again, Qt::LeftButton);
    QVERIFY(wb->computing());
    QVERIFY(!again->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(rego->calls >= 2, 10000);
    // and this time the engine answers: the KubeSphere matrix is shown
    rego->release = true;
    QTRY_VERIFY_WITH_TIMEOUT(computed.count() == 1 && !wb->computing(), 30000);
    QVERIFY(!wb->wasCancelled());
    QVERIFY2(wb->error().isEmpty(), qPrintable(wb->error()));
    QVERIFY(wb->title() != before);
    QCOMPARE(wb->query().view, View::KubeSphere);
    QVERIFY(!again->isVisible());
    QVERIFY(!banner->text().contains(QStringLiteral("Cancelled")));
    // And a newer question replaces a running one without waiting for it: the old run is
    // cancelled by the new question, not by the user, and no Compute again is offered
    rego->release = false;
    computed.clear();
    cancelled.clear();
    const int callsBefore = rego->calls;
    scopeKind->setCurrentIndex(scopeKind->findData(int(Workbench::ScopeKind::Platform)));
    QTRY_VERIFY_WITH_TIMEOUT(rego->calls > callsBefore && wb->computing(), 10000);
    scopeKind->setCurrentIndex(scopeKind->findData(int(Workbench::ScopeKind::AllProjects)));
    QTRY_VERIFY_WITH_TIMEOUT(rego->cancelledCalls >= 2, 10000);
    rego->release = true;
    QTRY_VERIFY_WITH_TIMEOUT(!computed.isEmpty() && !wb->computing(), 30000);
    QCOMPARE(wb->query().scope, Workbench::ScopeKind::AllProjects);
    QCOMPARE(cancelled.count(), 0);
    QVERIFY(!again->isVisible());
    widget.setSource(nullptr);
}

QTEST_MAIN(tst_PermissionMatrixModel)
#include "tst_permissionmatrixmodel.moc"
