// The audit viewer in the real window against the devcluster: a project created through the
// New project dialog is found, exactly, both in kube-apiserver's own audit log and in
// Tenantry's journal by user, verb, project, resource and name; the histogram's drag selects a
// time range; the detail shows the request object; "Open this object in the tree" selects the
// project; export writes what the filter shows; a garbage line is counted and named; the
// cluster's Events are read (and a limited identity is told which projects it cannot read);
// "Audit events…" of a project opens the window pre-filtered.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "auditwindow.h"
#include "mainwindow.h"
#include "models/auditeventmodel.h"
#include "models/auditlog.h"
#include "models/clustersession.h"
#include "models/tenancytreemodel.h"
#include "views/audithistogramwidget.h"
#include "views/auditwidget.h"
#include "views/navigatorwidget.h"
#include "views/plandialog.h"
#include "views/projectdialog.h"

#include "kubeclient/audit/kubeevents.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace kube;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

QString auditLogPath()
{
    return qs(clusterenv::stateDir()) + QStringLiteral("/audit/audit.log");
}

// Waits until the audit window's log is idle and its model answered.
bool settle(AuditWindow *w, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!w->log()->busy() && !w->model()->querying()) {
            QTest::qWait(300);  // the filter bar's typing delay and a last poll
            if (!w->log()->busy() && !w->model()->querying())
                return true;
        }
    }
    return false;
}

void type(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

// The model's rows as "source verb resource ns/name code", for messages.
QString rowsText(const AuditEventModel *m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r) {
        const auto t = m->rowText(r);
        out << QStringLiteral("%1 %2 %3 %4/%5 %6").arg(QString::fromLatin1(audit::toString(t.source)), qs(t.verb), qs(t.resource), qs(t.ns), qs(t.name)).arg(t.code);
    }
    return out.join(QLatin1Char('\n'));
}
} // namespace

class tst_AuditWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void aWriteFromTheWindowIsFoundInTheAuditLogAndTheJournal();
    void clusterEventsAndWhatCannotBeRead();

private:
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
    QTemporaryDir m_dir;
};

void tst_AuditWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // This test's own journal: it must hold exactly the writes made here.
    qputenv("TENANTRY_JOURNAL", m_dir.filePath(QStringLiteral("journal.jsonl")).toUtf8());
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
    QVERIFY2(QFile::exists(auditLogPath()), qPrintable(auditLogPath()));
}

void tst_AuditWindow::aWriteFromTheWindowIsFoundInTheAuditLogAndTheJournal()
{
    auto w = guitest::openAdminWindow({1280, 800});
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    ClusterSession *session = w->sessions().first();
    const QString cluster = session->id();
    const QString me = session->identity();
    const QString ws = qs(m_seed.ws1);
    const QString project = qs("gaudit-" + m_seed.sfx);

    // Given a project created in ws1 through the New project dialog (applied, no dry run)
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + ws));
    QAction *create = w->actions()->action(TenancyActions::NewProject);
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 15000);
    create->trigger();
    auto *dialog = qobject_cast<ProjectDialog *>(w->lastDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->setConfirmHook([](const QString &) { return true; });
    QTest::keyClicks(dialog->nameEdit(), project);
    QSignalSpy applied(dialog, &PlanDialog::applied);
    dialog->applyButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 30000);
    QVERIFY(m_admin->get(tenancy::TenancyApi::namespaces, {}, project.toStdString()));
    QTRY_VERIFY_WITH_TIMEOUT(w->treeModel()->findNode(cluster, NodeKind::Project, project).isValid(), 15000);

    // When View → Audit… (Ctrl+Shift+A) opens the audit window
    auto *auditAction = w->findChild<QAction *>(QStringLiteral("actionAudit"));
    QVERIFY(auditAction);
    QCOMPARE(auditAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    auditAction->trigger();
    AuditWindow *aw = w->lastAuditWindow();
    QVERIFY(aw);
    QVERIFY(QTest::qWaitForWindowExposed(aw));
    QCOMPARE(aw->session(), session);
    AuditWidget *ui = aw->widget();
    QAbstractItemModelTester tester(aw->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // and loads the devcluster's audit log and Tenantry's journal
    aw->log()->addFiles({auditLogPath()});
    ui->journalButton()->click();
    QVERIFY(!ui->journalButton()->isEnabled());
    QVERIFY(settle(aw));
    QVERIFY2(aw->log()->rowCount() > 100, qPrintable(aw->log()->statusText()));
    QVERIFY2(ui->statusLabel()->text().contains(QStringLiteral(" events, ")), qPrintable(ui->statusLabel()->text()));

    // And filters on the user, the verb, the project, the resource and the name of one write
    // (the project's built-in role "admin", written by server-side apply)
    type(ui->userEdit(), me);
    type(ui->verbEdit(), QStringLiteral("patch"));
    ui->projectBox()->setEditText(project);
    type(ui->resourceEdit(), QStringLiteral("roles.iam.kubesphere.io"));
    type(ui->nameEdit(), QStringLiteral("admin"));
    QTest::keyClick(ui->nameEdit(), Qt::Key_Return);
    QVERIFY(settle(aw));
    // Then exactly that write is found in both sources: kube-apiserver's event and the journal's
    AuditEventModel *model = aw->model();
    QVERIFY2(model->rowCount() == 2, qPrintable(rowsText(model)));
    int kubeRow = -1, journalRow = -1;
    for (int r = 0; r < 2; ++r) {
        const QString source = model->index(r, AuditEventModel::Source).data().toString();
        (source == QLatin1String("kube-apiserver") ? kubeRow : journalRow) = r;
        QCOMPARE(model->index(r, AuditEventModel::Verb).data().toString(), QStringLiteral("patch"));
        QCOMPARE(model->index(r, AuditEventModel::Namespace).data().toString(), project);
        QCOMPARE(model->index(r, AuditEventModel::Name).data().toString(), QStringLiteral("admin"));
        QCOMPARE(model->index(r, AuditEventModel::User).data().toString(), me);
        // (the workspace through the tree's namespace label)
        QCOMPARE(model->index(r, AuditEventModel::Workspace).data().toString(), ws);
    }
    QVERIFY(kubeRow >= 0 && journalRow >= 0);
    QVERIFY(model->index(kubeRow, AuditEventModel::Code).data().toString().startsWith(QLatin1Char('2')));
    QCOMPARE(model->index(kubeRow, AuditEventModel::Decision).data().toString(), QStringLiteral("allowed"));
    // And the workspace filter (resolved through the graph) finds them too
    ui->workspaceBox()->setEditText(ws);
    QTest::keyClick(ui->nameEdit(), Qt::Key_Return);
    QVERIFY(settle(aw));
    QCOMPARE(model->rowCount(), 2);
    guitest::save(aw, QStringLiteral("audit-window-one-write"));

    // When the kube-apiserver event is opened
    QSignalSpy shown(ui, &AuditWidget::detailShown);
    ui->table()->setCurrentIndex(model->index(kubeRow, 0));
    QTRY_VERIFY_WITH_TIMEOUT(ui->detailRowId() == qint64(model->rowId(kubeRow)), 10000);
    // Then its fields and the request object the RequestResponse level recorded are shown
    QCOMPARE(ui->detailValue(QStringLiteral("Verb")), QStringLiteral("patch"));
    QCOMPARE(ui->detailValue(QStringLiteral("Level")), QStringLiteral("RequestResponse"));
    QVERIFY(ui->detailValue(QStringLiteral("Request URI")).contains(QStringLiteral("/namespaces/") + project + QStringLiteral("/roles/admin")));
    QVERIFY(ui->detailValue(QStringLiteral("Request URI")).contains(QStringLiteral("fieldManager=tenantry")));
    QVERIFY2(ui->requestView()->toPlainText().contains(QStringLiteral("\"kind\": \"Role\"")), qPrintable(ui->requestView()->toPlainText()));
    QVERIFY(ui->responseView()->toPlainText().contains(QStringLiteral("\"uid\"")));
    ui->detailTabs()->setCurrentIndex(1);
    guitest::save(aw, QStringLiteral("audit-window-request-object"));
    ui->detailTabs()->setCurrentIndex(0);
    // And the journal's record says what Tenantry applied
    ui->table()->setCurrentIndex(model->index(journalRow, 0));
    QTRY_VERIFY_WITH_TIMEOUT(ui->detailRowId() == qint64(model->rowId(journalRow)), 10000);
    QCOMPARE(ui->detailValue(QStringLiteral("Dry run")), QStringLiteral("no"));
    QCOMPARE(ui->detailValue(QStringLiteral("Outcome")), QStringLiteral("applied"));  // this write's
    QVERIFY(ui->detailValue(QStringLiteral("Plan")).contains(QStringLiteral("create project ") + project));
    QVERIFY(ui->requestView()->toPlainText().contains(QStringLiteral("records no request object")));

    // When "Open this object in the tree" is clicked
    QVERIFY(ui->openInTreeButton()->isEnabled());
    ui->openInTreeButton()->click();
    // Then the main window selects the project
    QTRY_COMPARE_WITH_TIMEOUT(w->navigator()->currentSourceIndex().data(TenancyTreeModel::PathRole).toString(),
                              cluster + QStringLiteral("/Workspaces/") + ws + QLatin1Char('/') + project, 5000);

    // When the filter is widened to everything written into the project
    ui->userEdit()->clear();
    ui->verbEdit()->clear();
    ui->resourceEdit()->clear();
    ui->nameEdit()->clear();
    ui->workspaceBox()->setEditText(QString());
    QTest::keyClick(ui->userEdit(), Qt::Key_Return);
    QVERIFY(settle(aw));
    const int inProject = model->rowCount();
    QVERIFY2(inProject > 2, qPrintable(rowsText(model)));
    AuditHistogramWidget *histogram = ui->histogram();
    QTRY_VERIFY(!histogram->counts().isEmpty());
    // And a range is dragged on the histogram around the write
    const qint64 writeTime = model->index(0, 0).data(AuditEventModel::TimeMsRole).toLongLong();
    const int x = histogram->xForTime(writeTime);
    const int y = histogram->plotRect().center().y();
    QSignalSpy ranged(histogram, &AuditHistogramWidget::rangeSelected);
    QTest::mousePress(histogram, Qt::LeftButton, {}, QPoint(std::max(0, x - 2), y));
    QTest::mouseMove(histogram, QPoint(x + 12, y));
    QTest::mouseRelease(histogram, Qt::LeftButton, {}, QPoint(x + 12, y));
    QCOMPARE(ranged.count(), 1);
    QVERIFY(settle(aw));
    // Then the table shows the events of that range only, the first one included
    const auto range = histogram->selection();
    QVERIFY(range.has_value());
    QVERIFY(range->first <= writeTime && writeTime < range->second);
    QVERIFY(model->filter().sinceMs && model->filter().untilMs);
    QVERIFY(model->rowCount() >= 1 && model->rowCount() <= inProject);
    for (int r = 0; r < model->rowCount(); ++r) {
        const qint64 t = model->index(r, 0).data(AuditEventModel::TimeMsRole).toLongLong();
        QVERIFY(t >= range->first && t < range->second);
    }
    QVERIFY(ui->clearTimeButton()->isEnabled());
    guitest::save(aw, QStringLiteral("audit-window-time-range"));
    // And a double-click shows every time again
    QTest::mouseDClick(histogram, Qt::LeftButton, {}, QPoint(x, y));
    QVERIFY(settle(aw));
    QCOMPARE(model->rowCount(), inProject);
    QVERIFY(!histogram->selection());

    // When the events shown are exported as JSON lines and as CSV
    const QString jsonl = m_dir.filePath(QStringLiteral("export.jsonl"));
    QSignalSpy exported(ui, &AuditWidget::exported);
    ui->exportTo(jsonl, false);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
    QVERIFY2(exported.first().at(1).toString().isEmpty(), qPrintable(exported.first().at(1).toString()));
    // Then the file holds the original objects of exactly those events (a journal record once)
    QFile file(jsonl);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    int journalRows = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        journalRows += model->index(r, AuditEventModel::Source).data().toString() == QLatin1String("journal") ? 1 : 0;
    QVERIFY(journalRows >= 1);
    QCOMPARE(lines.size(), inProject - journalRows + 1);
    for (const auto &line : lines)
        QVERIFY2(line.contains(project.toUtf8()), line.constData());
    const QString csv = m_dir.filePath(QStringLiteral("export.csv"));
    ui->exportTo(csv, true);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, 20000);
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().trimmed().split('\n').size(), inProject + 1);

    // When a file with a garbage line is added
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.log"));
    {
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        QFile audit(auditLogPath());
        QVERIFY(audit.open(QIODevice::ReadOnly));
        g.write(audit.readLine());
        g.write("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"verb\":\"get\",\"user\":{\"user\n");
        g.write(audit.readLine());
    }
    aw->log()->addFiles({garbage});
    QVERIFY(settle(aw));
    // Then it is skipped and named in the status line, the rest shown
    // (the live audit.log's last line may be half written when read: that would be counted too)
    QVERIFY2(ui->statusLabel()->text().contains(QStringLiteral("skipped line")), qPrintable(ui->statusLabel()->text()));
    QVERIFY2(ui->statusLabel()->text().contains(QStringLiteral("garbage.log:2")), qPrintable(ui->statusLabel()->text()));
    bool named = false;
    for (const QString &line : aw->log()->skippedLines())
        named = named || line.startsWith(QStringLiteral("garbage.log:2: "));
    QVERIFY2(named, qPrintable(aw->log()->skippedLines().join('\n')));
    guitest::save(aw, QStringLiteral("audit-window-skipped-line"));

    // When "Audit events…" is chosen on the project in the tree
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces/") + ws + QLatin1Char('/') + project));
    QAction *auditEvents = w->actions()->action(TenancyActions::AuditEvents);
    QVERIFY(w->actions()->applies(TenancyActions::AuditEvents));
    QVERIFY(auditEvents->isEnabled());
    ui->projectBox()->setEditText(QString());
    auditEvents->trigger();
    // Then the same window (one per cluster) is pre-filtered on the project
    QCOMPARE(w->lastAuditWindow(), aw);
    QCOMPARE(ui->projectBox()->currentText(), project);
    QVERIFY(settle(aw));
    QCOMPARE(model->rowCount(), inProject);
    // And the cluster node offers no such entry
    QVERIFY(w->navigator()->selectPath(cluster));
    QVERIFY(!w->actions()->applies(TenancyActions::AuditEvents));
    aw->close();
}

void tst_AuditWindow::clusterEventsAndWhatCannotBeRead()
{
    const std::string p1 = m_seed.p1, p3 = m_seed.p3;
    // Given Events about a project's ConfigMap and about a workspace (kept in "default")
    const std::string when = "2026-01-01T00:00:00Z";
    auto event = [&](const std::string &ns, const std::string &name, const nlohmann::json &involved, const std::string &reason) {
        return nlohmann::json{{"apiVersion", "v1"}, {"kind", "Event"},
                              {"metadata", {{"name", name}, {"namespace", ns}}},
                              {"involvedObject", involved}, {"reason", reason}, {"message", reason + " by the test"},
                              {"type", "Normal"}, {"count", 1}, {"firstTimestamp", when}, {"lastTimestamp", when},
                              {"source", {{"component", "gaudit-controller"}}}};
    };
    const GroupVersionResource events{"", "v1", "events", true, "Event"};
    const std::string sfx = m_seed.sfx;
    QVERIFY(m_admin->create(events, p1, event(p1, "gaudit-cm-" + sfx, {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"name", "cm-" + sfx}, {"namespace", p1}}, "GauditCm" + sfx)));
    QVERIFY(m_admin->create(events, p3, event(p3, "gaudit-p3-" + sfx, {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"name", "cm3-" + sfx}, {"namespace", p3}}, "GauditP3" + sfx)));
    QVERIFY(m_admin->create(events, "default", event("default", "gaudit-ws-" + sfx, {{"apiVersion", "tenant.kubesphere.io/v1beta1"}, {"kind", "WorkspaceTemplate"}, {"name", m_seed.ws1}}, "GauditWs" + sfx)));

    // When the admin's audit window reads the cluster's Events
    auto w = guitest::openAdminWindow({1280, 800});
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(w->navigator()->selectPath(w->sessions().first()->id()));
    AuditWindow *aw = w->openAuditWindow();
    QVERIFY(aw);
    AuditWidget *ui = aw->widget();
    QTRY_VERIFY_WITH_TIMEOUT(ui->eventsButton()->isEnabled(), 15000);
    QSignalSpy loaded(aw->log(), &AuditLog::eventsLoaded);
    ui->eventsButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
    QVERIFY(settle(aw));
    // Then they are rows of source "events": reason as verb, the reporting component as user
    ui->sourceBox()->setCurrentIndex(ui->sourceBox()->findText(QStringLiteral("events")));
    type(ui->userEdit(), QStringLiteral("gaudit-controller"));
    QTest::keyClick(ui->userEdit(), Qt::Key_Return);
    QVERIFY(settle(aw));
    QStringList reasons;
    QCOMPARE(aw->log()->skippedLines().size(), 0);
    for (int r = 0; r < aw->model()->rowCount(); ++r)
        reasons << aw->model()->index(r, AuditEventModel::Verb).data().toString();
    for (const char *r : {"GauditCm", "GauditP3", "GauditWs"})
        QVERIFY2(reasons.contains(QLatin1String(r) + qs(sfx)), qPrintable(reasons.join(' ')));
    // And the workspace's Event is about ws1, the ConfigMap's in p1 resolves to ws1 through the tree
    type(ui->verbEdit(), QStringLiteral("GauditCm") + qs(sfx));
    QTest::keyClick(ui->verbEdit(), Qt::Key_Return);
    QVERIFY(settle(aw));
    QCOMPARE(aw->model()->rowCount(), 1);
    QCOMPARE(aw->model()->index(0, AuditEventModel::Workspace).data().toString(), qs(m_seed.ws1));
    ui->table()->setCurrentIndex(aw->model()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(ui->detailRowId() == qint64(aw->model()->rowId(0)), 10000);
    QCOMPARE(ui->detailValue(QStringLiteral("Message")), QStringLiteral("GauditCm") + qs(sfx) + QStringLiteral(" by the test"));
    guitest::save(aw, QStringLiteral("audit-window-cluster-events"));
    // And reading again adds only what is new
    ui->eventsButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 30000);
    QCOMPARE(loaded.last().first().toInt(), 0);
    QVERIFY(settle(aw));
    QCOMPARE(aw->model()->rowCount(), 1);
    aw->close();

    // Given an identity that may list events in p1 only (view there, nothing cluster-wide)
    const std::string user = "gaudit-" + sfx;
    const std::string kubeconfig = clusterenv::addUser(user);
    auto r = guitest::kubectl({"-n", qs(p1), "create", "rolebinding", qs("gaudit-view-" + sfx), "--clusterrole=view", "--user", qs(user)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    std::string error;
    auto limited = clusterenv::clientFor(kubeconfig, &error);
    QVERIFY2(limited, error.c_str());
    // When its Events are read (the function the window calls)
    audit::KubeEventsRequest request;
    request.namespaces = {p1, p3};
    auto result = audit::fetchKubeEvents(*limited, request);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().describe().c_str());
    // Then p1's are read, and p3 and the cluster-scoped ones are named as not readable
    QVERIFY(!result->clusterWide);
    QCOMPARE(result->namespacesRead, size_t(1));
    bool p1Event = false;
    for (const auto &e : result->events) {
        QCOMPARE(e["metadata"].value("namespace", ""), p1);
        p1Event = p1Event || e.value("reason", "") == "GauditCm" + sfx;
    }
    QVERIFY(p1Event);
    QStringList unreadable;
    for (const auto &u : result->unreadable)
        unreadable << qs(u);
    QCOMPARE(unreadable.size(), 2);
    QVERIFY2(unreadable.join('\n').contains(QStringLiteral("namespace default (cluster-scoped objects): may not list events")),
             qPrintable(unreadable.join('\n')));
    QVERIFY2(unreadable.join('\n').contains(QStringLiteral("namespace ") + qs(p3) + QStringLiteral(": may not list events")),
             qPrintable(unreadable.join('\n')));
}

QTEST_MAIN(tst_AuditWindow)
#include "tst_auditwindow.moc"
