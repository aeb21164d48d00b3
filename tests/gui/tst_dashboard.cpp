// The Dashboard tab in the real window against the devcluster (standalone mode), driven with
// keys and clicks: the cluster's charts (workspaces by projects and members, quota usage per
// workspace, risk findings by severity, recent changes from the journal) checked against what
// kubectl and `tenantryctl risks` say; clicking through to a workspace, its usage chart split by
// project, clicking a project's segment; the keyboard path through a chart; the risk bars
// opening the Permissions tab's risk scan. Screenshots under <build>/screenshots.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "mainwindow.h"
#include "models/clustersession.h"
#include "models/dashboard.h"
#include "views/barchartwidget.h"
#include "views/dashboardwidget.h"
#include "views/detailpanel.h"
#include "views/navigatorwidget.h"
#include "views/permissionworkbenchwidget.h"

#include "kubeclient/journal/journal.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>

using namespace kube;
using nlohmann::json;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

using guitest::kubectlJson;

QString applyYaml(const std::string &yaml)
{
    auto r = clusterenv::run(QStringLiteral("kubectl"), {"apply", "-f", "-"}, clusterenv::kubeconfigPath("admin"),
                             QByteArray::fromStdString(yaml));
    return r.exitCode == 0 ? QString() : QString::fromUtf8(r.err);
}

const ChartBar *barNamed(const Chart &chart, const QString &label)
{
    for (const auto &b : chart.bars)
        if (b.label == label)
            return &b;
    return nullptr;
}

// count/configmaps used in a project, as the quota's status says (kube-apiserver's quota admission).
int configMapsUsed(const QString &project)
{
    const json q = kubectlJson({"get", "resourcequota", "dash", "-n", project});
    if (!q.is_object())
        return -1;
    const std::string used = q["status"]["used"].value("count/configmaps", std::string("-1"));
    return std::stoi(used);
}

QPoint centreOfBar(BarChartWidget *chart, int bar) { return chart->barRect(bar).center(); }

} // namespace

class tst_Dashboard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void clusterChartsMatchKubectl();

private:
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
};

void tst_Dashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
    // ws1: a workspace quota of 8 ConfigMaps; p1 and p2 have project quotas, p1 holds 3 ConfigMaps.
    const std::string ws = m_seed.ws1, p1 = m_seed.p1, p2 = m_seed.p2;
    const QString err = applyYaml(R"(
apiVersion: quota.kubesphere.io/v1alpha2
kind: ResourceQuota
metadata: {name: )" + ws + R"(, labels: {kubesphere.io/workspace: )" + ws + R"(}}
spec:
  selector: {kubesphere.io/workspace: )" + ws + R"(}
  quota: {hard: {count/configmaps: "8"}}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: dash, namespace: )" + p1 + R"(}
spec: {hard: {count/configmaps: "6"}}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: dash, namespace: )" + p2 + R"(}
spec: {hard: {count/configmaps: "4"}}
)");
    QVERIFY2(err.isEmpty(), qPrintable(err));
    for (int i = 0; i < 3; ++i) {
        auto r = guitest::kubectl({"create", "configmap", QStringLiteral("dash-%1").arg(i), "-n", qs(p1)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
}

void tst_Dashboard::clusterChartsMatchKubectl()
{
    auto w = guitest::openAdminWindow({1400, 900});
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    ClusterSession *session = w->sessions().first();
    const QString cluster = session->id();
    const QString ws = qs(m_seed.ws1), p1 = qs(m_seed.p1), p2 = qs(m_seed.p2);
    DetailPanel *panel = w->detailPanel();
    DashboardWidget *dash = panel->dashboard();
    Dashboard *data = dash->dashboard();
    QAbstractItemModelTester tester(data->recentChanges(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // A record of a change Tenantry made on this cluster, in the journal the window reads.
    const std::string summary = "dashboard test change " + m_seed.sfx;
    {
        json record = {{"kind", journal::kRecordKind}, {"apiVersion", journal::kRecordApiVersion},
                       {"time", "2026-01-02T03:04:05Z"}, {"cluster", session->status().server.toStdString()},
                       {"context", "admin@devcluster"}, {"identity", {{"username", "dash-admin"}}},
                       {"summary", summary}, {"dryRun", false}, {"outcome", "partial"},
                       {"writes", json::array({json::object(), json::object()})}};
        QVERIFY(journal::append(journal::journalPath(), record));
    }

    // The cluster node, then the Dashboard tab by its shortcut (View → Dashboard, Alt+9).
    QVERIFY(w->navigator()->selectPath(cluster));
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    QTest::keyClick(w.get(), Qt::Key_9, Qt::AltModifier);
    QTRY_COMPARE(panel->currentTab(), NodeDetails::DashboardTab);

    // Workspaces: ws1 has 2 projects; its members are the distinct subjects of its bindings.
    QTRY_VERIFY_WITH_TIMEOUT(barNamed(data->workspaces(), ws), 30000);
    const json bindings = kubectlJson({"get", "workspacerolebindings.iam.kubesphere.io", "-l",
                                       QStringLiteral("kubesphere.io/workspace=%1").arg(ws)});
    QVERIFY(bindings.is_object());
    std::set<std::string> subjects;
    for (const auto &b : bindings["items"])
        for (const auto &s : b.value("subjects", json::array()))
            subjects.insert(s.value("kind", std::string()) + "/" + s.value("name", std::string()));
    const ChartBar *wsBar = barNamed(data->workspaces(), ws);
    QCOMPARE(wsBar->segments.size(), 2);
    QCOMPARE(wsBar->segments[0].value, 2.0);
    QCOMPARE(wsBar->segments[1].value, double(subjects.size()));
    QVERIFY2(wsBar->valueText.contains(QStringLiteral("2 projects")), qPrintable(wsBar->valueText));

    // Quota usage: ws1's only resource, count/configmaps, is what p1's and p2's quotas report used (standalone).
    int used1 = -1, used2 = -1;
    QTRY_VERIFY_WITH_TIMEOUT((used1 = configMapsUsed(p1)) >= 3 && (used2 = configMapsUsed(p2)) >= 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(barNamed(data->quotaUse(), ws)
                                 && barNamed(data->quotaUse(), ws)->valueText
                                        == QStringLiteral("count/configmaps %1 of 8 (%2%)")
                                               .arg(used1 + used2)
                                               .arg(qRound((used1 + used2) * 100.0 / 8)),
                             30000);

    // Risks: the same counts as `tenantryctl risks --no-system` (the same engine, its own read of RBAC).
    auto ctl = clusterenv::run(QStringLiteral(TENANTRY_BINARY_DIR "/app/tenantryctl"),
                               {"risks", "--no-system", "--view", "kubernetes", "-o", "json"},
                               clusterenv::kubeconfigPath("admin"));
    QVERIFY2(ctl.exitCode == 0, ctl.err.constData());
    const json findings = json::parse(ctl.out.toStdString(), nullptr, false);
    QVERIFY(findings.is_array());
    int high = 0, medium = 0;
    for (const auto &f : findings)
        (f.value("severity", std::string()) == "high" ? high : medium) += 1;
    QTRY_VERIFY_WITH_TIMEOUT(data->risks().bars.size() == 2, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(data->risks().bars[0].segments[0].value, double(high), 30000);
    QCOMPARE(data->risks().bars[1].segments[0].value, double(medium));
    QVERIFY(data->risks().note.contains(QStringLiteral("more for the platform's own components")));

    // Recent changes: our record, newest first, with its outcome and number of writes. (It shows
    // once the data changes: a ConfigMap more in p2.)
    QVERIFY(guitest::kubectl({"create", "configmap", "dash-late", "-n", p2}).exitCode == 0);
    QTRY_VERIFY_WITH_TIMEOUT(data->recentChanges()->rowCount() > 0
                                 && data->recentChanges()->index(0, RecentChangesModel::SummaryColumn).data().toString()
                                        == qs(summary),
                             30000);
    QCOMPARE(data->recentChanges()->index(0, RecentChangesModel::OutcomeColumn).data().toString(),
             QStringLiteral("partly applied, 2 writes"));
    QCOMPARE(data->recentChanges()->index(0, RecentChangesModel::IdentityColumn).data().toString(), QStringLiteral("dash-admin"));

    // The charts speak: a screen reader gets each chart's title and its bars in words.
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(dash->quotaChart());
    QVERIFY(iface);
    QVERIFY2(iface->text(QAccessible::Name).startsWith(QStringLiteral("Quota usage per workspace")),
             qPrintable(iface->text(QAccessible::Name)));
    QVERIFY2(iface->text(QAccessible::Description).contains(ws + QStringLiteral(": count/configmaps")),
             qPrintable(iface->text(QAccessible::Description)));
    guitest::save(w.get(), QStringLiteral("dashboard-cluster"));

    // A click on ws1's bar opens the workspace; its Dashboard splits the quota by project.
    BarChartWidget *wsChart = dash->workspacesChart();
    const int wsRow = int(std::distance(data->workspaces().bars.begin(),
                                        std::find_if(data->workspaces().bars.begin(), data->workspaces().bars.end(),
                                                     [&](const ChartBar &b) { return b.label == ws; })));
    QTest::mouseClick(wsChart, Qt::LeftButton, {}, centreOfBar(wsChart, wsRow));
    QTRY_COMPARE(w->navigator()->currentSourceIndex().data(Qt::DisplayRole).toString(), ws);
    QTRY_COMPARE(panel->currentTab(), NodeDetails::DashboardTab);
    QTRY_VERIFY_WITH_TIMEOUT(data->kind() == NodeKind::Workspace && !data->workspaceUsage().bars.isEmpty(), 30000);
    const int usedNow = configMapsUsed(p1) + configMapsUsed(p2);
    QTRY_VERIFY_WITH_TIMEOUT(data->workspaceUsage().bars.first().valueText.startsWith(QStringLiteral("%1 of 8").arg(usedNow)), 30000);
    const ChartBar &cm = data->workspaceUsage().bars.first();
    QCOMPARE(cm.label, QStringLiteral("count/configmaps"));
    QCOMPARE(cm.limit, 8.0);
    QVERIFY(!cm.over);
    QVERIFY(cm.segments.size() >= 1);
    QCOMPARE(cm.segments[0].label, QStringLiteral("%1: %2").arg(p1).arg(configMapsUsed(p1)));  // largest first
    QCOMPARE(cm.segments[0].key, cluster + QStringLiteral("/Workspaces/") + ws + QLatin1Char('/') + p1);
    // The legend in words under the chart names the segments left to right.
    QVERIFY2(data->workspaceUsage().note.contains(QStringLiteral("count/configmaps: ") + cm.segments[0].label),
             qPrintable(data->workspaceUsage().note));
    guitest::save(w.get(), QStringLiteral("dashboard-workspace"));

    // Clicking p1's segment opens the project.
    BarChartWidget *usage = dash->usageChart();
    const QRect row = usage->barRect(0);
    QTest::mouseClick(usage, Qt::LeftButton, {}, QPoint(usage->width() / 2 - usage->width() / 5, row.center().y()));
    // The segment starts at the track's left; click just inside it instead if the guess missed.
    if (w->navigator()->currentSourceIndex().data(Qt::DisplayRole).toString() != p1) {
        for (int x = 0; x < usage->width(); x += 8) {
            QTest::mouseClick(usage, Qt::LeftButton, {}, QPoint(x, row.center().y()));
            if (w->navigator()->currentSourceIndex().data(Qt::DisplayRole).toString() == p1)
                break;
        }
    }
    QTRY_COMPARE(w->navigator()->currentSourceIndex().data(Qt::DisplayRole).toString(), p1);

    // The keyboard path: back on the cluster, Tab into the workspaces chart, Down/Home, Enter opens.
    QVERIFY(w->navigator()->selectPath(cluster));
    QTest::keyClick(w.get(), Qt::Key_9, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(data->kind() != NodeKind::Workspace && !data->workspaces().bars.isEmpty(), 30000);
    wsChart->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(wsChart->hasFocus());
    QTest::keyClick(wsChart, Qt::Key_Home);
    for (int i = 0; i < wsRow; ++i)
        QTest::keyClick(wsChart, Qt::Key_Down);
    QCOMPARE(wsChart->currentBar(), wsRow);
    QVERIFY(QAccessible::queryAccessibleInterface(wsChart)->text(QAccessible::Name).contains(ws));
    QTest::keyClick(wsChart, Qt::Key_Return);
    QTRY_COMPARE(w->navigator()->currentSourceIndex().data(Qt::DisplayRole).toString(), ws);

    // The risk bars open the Permissions tab's risk scan of the cluster.
    QVERIFY(w->navigator()->selectPath(cluster));
    QTest::keyClick(w.get(), Qt::Key_9, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(data->kind() != NodeKind::Workspace && data->risks().bars.size() == 2, 30000);
    QTest::mouseClick(dash->risksChart(), Qt::LeftButton, {}, centreOfBar(dash->risksChart(), 0));
    QTRY_COMPARE(panel->currentTab(), NodeDetails::PermissionsTab);
    auto *answers = panel->permissions()->findChild<QTabWidget *>(QStringLiteral("permAnswers"));
    QVERIFY(answers);
    QTRY_COMPARE(answers->tabText(answers->currentIndex()), QStringLiteral("Risks"));
    guitest::save(w.get(), QStringLiteral("dashboard-risks"));

    // The CLI twin gives the same figures: `tenantryctl overview` (one engine, its own read).
    const QString ctlPath = QStringLiteral(TENANTRY_BINARY_DIR "/app/tenantryctl");
    auto all = clusterenv::run(ctlPath, {"overview", "-o", "json", "--mode", "standalone"}, clusterenv::kubeconfigPath("admin"));
    QVERIFY2(all.exitCode == 0, all.err.constData());
    const json overview = json::parse(all.out.toStdString(), nullptr, false);
    QVERIFY(overview.is_object());
    bool found = false;
    for (const auto &row : overview["workspaces"])
        if (row.value("name", std::string()) == m_seed.ws1) {
            found = true;
            QCOMPARE(row.value("projects", 0), 2);
            QCOMPARE(row.value("members", 0), int(subjects.size()));
        }
    QVERIFY(found);
    auto one = clusterenv::run(ctlPath, {"overview", "-w", ws, "-o", "json", "--mode", "standalone"},
                               clusterenv::kubeconfigPath("admin"));
    QVERIFY2(one.exitCode == 0, one.err.constData());
    const json split = json::parse(one.out.toStdString(), nullptr, false);
    QVERIFY(split.is_object());
    QCOMPARE(split["resources"][0].value("resource", std::string()), std::string("count/configmaps"));
    QCOMPARE(split["resources"][0].value("used", std::string()), std::to_string(configMapsUsed(p1) + configMapsUsed(p2)));
    QCOMPARE(split["resources"][0].value("hard", std::string()), std::string("8"));
    QCOMPARE(split["resources"][0]["projects"][0].value("project", std::string()), m_seed.p1);
}

QTEST_MAIN(tst_Dashboard)
#include "tst_dashboard.moc"
