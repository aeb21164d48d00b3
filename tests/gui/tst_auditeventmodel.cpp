// AuditLog + AuditEventModel without a cluster, under QAbstractItemModelTester, on lines
// recorded from the devcluster (tests/data/auditviewer: kube-apiserver's audit log of a few
// writes, allowed and denied, two journal records of tenantryctl and three core/v1 Events as
// the cluster served them): indexing off the GUI thread, filters, the time range and the
// histogram, skipped lines named, rows appended as sources are added, details re-read with
// their request/response objects, export, and where an event's object is in the tree.
#include "models/auditeventmodel.h"
#include "models/auditlog.h"

#include "kubeclient/audit/kubeevents.h"
#include "kubeclient/tenancy/graph/tenancygraph.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kube::audit;

namespace {

QString data(const char *name)
{
    return QStringLiteral(TENANTRY_SOURCE_DIR "/tests/data/auditviewer/") + QLatin1String(name);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Waits until the log is idle and the model answered the last query.
bool settle(AuditLog &log, AuditEventModel &model, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!log.busy() && !model.querying()) {
            // One more round: a last rowsAvailable may still be queued.
            QTest::qWait(150);
            if (!log.busy() && !model.querying())
                return true;
        }
    }
    return false;
}

// "verb user resource ns/name code" of every row, for messages.
QString rowsText(const AuditEventModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) {
        const auto t = m.rowText(r);
        out << QStringLiteral("%1 %2 %3 %4/%5 %6 %7")
                   .arg(QString::fromLatin1(toString(t.source)), QString::fromStdString(t.verb), QString::fromStdString(t.user),
                        QString::fromStdString(t.resource), QString::fromStdString(t.ns), QString::fromStdString(t.name))
                   .arg(t.code);
    }
    return out.join(QLatin1Char('\n'));
}

kube::tenancy::GraphObject object(const char *text)
{
    return kube::freeze(nlohmann::json::parse(text));
}

kube::tenancy::GraphSnapshot graphWithProjects()
{
    // The recorded projects in workspace rec-ws, as the tenancy graph knows them.
    using namespace kube::tenancy;
    TenancyGraph graph(ApiFlavor::V4);
    graph.resync(GraphKind::Namespace,
                 {object(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"rec-p1","labels":{"kubesphere.io/workspace":"rec-ws"}}})"),
                  object(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"rec-p2","labels":{"kubesphere.io/workspace":"rec-ws"}}})")});
    graph.resync(GraphKind::WorkspaceTemplate,
                 {object(R"({"apiVersion":"tenant.kubesphere.io/v1beta1","kind":"WorkspaceTemplate","metadata":{"name":"rec-ws"},"spec":{"template":{"spec":{"manager":"admin"}}}})")});
    return graph.snapshot();
}

} // namespace

class tst_AuditEventModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void indexesRecordedSourcesAndFilters();
    void timeRangeAndHistogram();
    void sourcesAddedLaterAppendRows();
    void detailsAndExport();
    void cancelStopsIndexing();
    void treeTargets();
    void kubernetesEventsBecomeRows();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_audit;  // the recorded audit log plus two bad lines
    int m_badLine = 0;  // the first of them
};

void tst_AuditEventModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_audit = m_dir->filePath(QStringLiteral("audit.log"));
    QByteArray bytes = read(data("devcluster-audit.log"));
    QVERIFY(bytes.count('\n') == 64);
    // A garbage line and a truncated one in the middle: skipped, counted, the rest shown.
    const int cut = bytes.indexOf('\n', bytes.size() / 2) + 1;
    m_badLine = int(bytes.left(cut).count('\n')) + 1;
    bytes.insert(cut, "this is not JSON\n{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"verb\":\"cre\n");
    QVERIFY(write(m_audit, bytes));
}

void tst_AuditEventModel::indexesRecordedSourcesAndFilters()
{
    AuditLog log;
    AuditEventModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.setNamespaceWorkspaces(graphWithProjects());

    // When the audit log, a journal and the cluster's Events are added
    log.addFiles({m_audit, data("journal.jsonl"), data("events.jsonl")});
    QVERIFY(log.busy());  // indexing happens on the log's writer, not here
    QVERIFY(settle(log, model));

    // Then every event is a row: 64 audit lines, 2 × 7 journal writes, 3 Events
    QCOMPARE(model.rowCount(), 81);
    QCOMPARE(model.columnCount(), int(AuditEventModel::ColumnCount));
    // And the bad lines are skipped, counted and named with file:line
    const QString status = log.statusText();
    QVERIFY2(status.startsWith(QStringLiteral("81 events, 2 skipped lines (audit.log:")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("audit.log:%1, audit.log:%2").arg(m_badLine).arg(m_badLine + 1)), qPrintable(status));
    QVERIFY2(log.skippedLines().size() == 2 && log.skippedLines().first().startsWith(QStringLiteral("audit.log:%1: ").arg(m_badLine)),
             qPrintable(log.skippedLines().join('\n')));
    // And rows are in time order
    for (int r = 1; r < model.rowCount(); ++r)
        QVERIFY(model.index(r - 1, 0).data(AuditEventModel::TimeMsRole).toLongLong()
                <= model.index(r, 0).data(AuditEventModel::TimeMsRole).toLongLong());

    // When filtered on the user who was refused
    AuditFilter f;
    f.user = "rec-bob";
    model.setFilter(f);
    QVERIFY(settle(log, model));
    // Then exactly that request: create configmaps in rec-p1, 403, denied
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, AuditEventModel::Verb).data().toString(), QStringLiteral("create"));
    QCOMPARE(model.index(0, AuditEventModel::Resource).data().toString(), QStringLiteral("configmaps"));
    QCOMPARE(model.index(0, AuditEventModel::Namespace).data().toString(), QStringLiteral("rec-p1"));
    QCOMPARE(model.index(0, AuditEventModel::Code).data().toString(), QStringLiteral("403"));
    QCOMPARE(model.index(0, AuditEventModel::Decision).data().toString(), QStringLiteral("denied"));
    QCOMPARE(model.index(0, AuditEventModel::Workspace).data().toString(), QStringLiteral("rec-ws"));
    QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    // And the same through the user's group
    f.user = "rec-team";
    model.setFilter(f);
    QVERIFY(settle(log, model));
    QCOMPARE(model.rowCount(), 1);

    // When filtered on one write (verb, project, resource with group, name): both sources have it,
    // the dry run and the apply each
    f = {};
    f.verb = "patch";
    f.ns = "rec-p2";
    f.resource = "roles.iam.kubesphere.io";
    f.name = "admin";
    model.setFilter(f);
    QVERIFY(settle(log, model));
    QVERIFY2(model.rowCount() == 4, qPrintable(rowsText(model)));
    QStringList sources;
    for (int r = 0; r < model.rowCount(); ++r)
        sources << model.index(r, AuditEventModel::Source).data().toString();
    sources.sort();
    QCOMPARE(sources, QStringList({"journal", "journal", "kube-apiserver", "kube-apiserver"}));
    f.source = SourceKind::Journal;
    model.setFilter(f);
    QVERIFY(settle(log, model));
    QCOMPARE(model.rowCount(), 2);

    // When filtered on other fields
    const auto count = [&](const AuditFilter &filter) {
        model.setFilter(filter);
        return settle(log, model) ? model.rowCount() : -1;
    };
    AuditFilter g;
    g.decision = Decision::Denied;
    QCOMPARE(count(g), 1);
    g = {};
    g.code = 404;
    QCOMPARE(count(g), 21);
    g = {};
    g.ns = "rec-p1";  // the objects in it and the Namespace itself (its create names no namespace)
    QCOMPARE(count(g), 12);
    g = {};
    g.source = SourceKind::KubeEvents;
    QCOMPARE(count(g), 3);
    g = {};
    // Through the graph's namespace labels (objects in rec-p1/rec-p2 and the Namespace objects
    // themselves, a create naming no namespace included) and the workspace template's own name.
    g.workspace = "rec-ws";
    QCOMPARE(count(g), 70);
    g = {};
    g.text = "REC-READER";  // free text, any case
    QCOMPARE(count(g), 1);
    g = {};
    g.user = "nobody-like-this";
    QCOMPARE(count(g), 0);
    QCOMPARE(count(AuditFilter{}), 81);
}

void tst_AuditEventModel::timeRangeAndHistogram()
{
    AuditLog log;
    AuditEventModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.addFiles({m_audit});
    QVERIFY(settle(log, model));
    QCOMPARE(model.rowCount(), 64);

    // Then the histogram counts every event once, over their own time span
    const Histogram h = model.histogram();
    QCOMPARE(int(h.counts.size()), AuditEventModel::kHistogramBuckets);
    quint64 sum = 0, denied = 0;
    for (auto c : h.counts)
        sum += c;
    for (auto c : h.denied)
        denied += c;
    QCOMPARE(sum, quint64(64));
    QCOMPARE(denied, quint64(1));
    const qint64 first = model.index(0, 0).data(AuditEventModel::TimeMsRole).toLongLong();
    const qint64 last = model.index(63, 0).data(AuditEventModel::TimeMsRole).toLongLong();
    QCOMPARE(h.fromMs, first);
    QVERIFY(h.toMs > last);

    // When a time range is chosen (the second half of the span)
    const qint64 mid = first + (last - first) / 2;
    int expected = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        expected += model.index(r, 0).data(AuditEventModel::TimeMsRole).toLongLong() >= mid ? 1 : 0;
    QVERIFY(expected > 0 && expected < 64);
    model.setTimeRange(mid, std::nullopt);
    QVERIFY(settle(log, model));
    // Then the table shows only those, the histogram still the whole span (a range can be widened)
    QCOMPARE(model.rowCount(), expected);
    QCOMPARE(model.matchedWithoutTime(), qint64(64));
    QCOMPARE(model.histogram().fromMs, first);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(model.index(r, 0).data(AuditEventModel::TimeMsRole).toLongLong() >= mid);
    // And clearing it shows all again
    model.setTimeRange(std::nullopt, std::nullopt);
    QVERIFY(settle(log, model));
    QCOMPARE(model.rowCount(), 64);
}

void tst_AuditEventModel::sourcesAddedLaterAppendRows()
{
    // Given the recorded log cut in two at a pause: the rec-p1 writes, then tenantryctl's rec-p2 ones
    QByteArray early, late;
    for (const QByteArray &line : read(data("devcluster-audit.log")).split('\n')) {
        if (line.isEmpty())
            continue;
        const auto time = nlohmann::json::parse(line.toStdString())["requestReceivedTimestamp"].get<std::string>();
        (time < "2026-12-05T03:25:00" ? early : late) += line + '\n';
    }
    QVERIFY(early.count('\n') > 10 && late.count('\n') > 10);
    const QString first = m_dir->filePath(QStringLiteral("early.log")), second = m_dir->filePath(QStringLiteral("late.log"));
    QVERIFY(write(first, early));
    QVERIFY(write(second, late));
    AuditLog log;
    AuditEventModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AuditFilter f;
    f.user = "devcluster-admin";
    model.setFilter(f);
    log.addFiles({first});
    QVERIFY(settle(log, model));
    const int before = model.rowCount();
    QVERIFY(before > 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // When the later file is added
    log.addFiles({second});
    QVERIFY(settle(log, model));
    // Then its rows come in at the end, without a reset (selection and scroll stay)
    int admin = 0;
    for (const QByteArray &line : late.split('\n'))
        admin += line.contains("\"username\":\"devcluster-admin\"") ? 1 : 0;
    QCOMPARE(model.rowCount(), before + admin);
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(reset.count(), 0);
    // And a missing file is named, the rows stay
    QSignalSpy failed(&log, &AuditLog::failed);
    log.addFiles({m_dir->filePath(QStringLiteral("missing.log"))});
    QVERIFY(settle(log, model));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("missing.log")), qPrintable(failed.first().first().toString()));
    QCOMPARE(model.rowCount(), before + admin);
    QVERIFY(log.sources().last().note.contains(QStringLiteral("missing.log")));
}

void tst_AuditEventModel::detailsAndExport()
{
    AuditLog log;
    AuditEventModel model(&log);
    log.addFiles({m_audit, data("events.jsonl")});
    QVERIFY(settle(log, model));

    // Given the RBAC role create (RequestResponse) and a namespace create (Metadata)
    AuditFilter f;
    f.name = "rec-reader";
    model.setFilter(f);
    QVERIFY(settle(log, model));
    QCOMPARE(model.rowCount(), 1);
    std::optional<kube::Result<AuditEvent>> got;
    QObject receiver;
    log.readEvent(model.rowId(0), &receiver, [&](kube::Result<AuditEvent> e) { got = std::move(e); });
    QTRY_VERIFY(got.has_value());
    QVERIFY2(got->ok(), got->ok() ? "" : got->error().describe().c_str());
    // Then the detail has the objects the level recorded
    QCOMPARE((*got)->level, Level::RequestResponse);
    QCOMPARE((*got)->requestObject["kind"].get<std::string>(), std::string("Role"));
    QCOMPARE((*got)->responseObject["metadata"]["name"].get<std::string>(), std::string("rec-reader"));
    QCOMPARE((*got)->username, std::string("devcluster-admin"));

    f = {};
    f.user = "rec-bob";
    model.setFilter(f);
    QVERIFY(settle(log, model));
    got.reset();
    log.readEvent(model.rowId(0), &receiver, [&](kube::Result<AuditEvent> e) { got = std::move(e); });
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->ok());
    QCOMPARE((*got)->level, Level::Metadata);
    QVERIFY((*got)->requestObject.is_null());
    QCOMPARE((*got)->decision, Decision::Denied);

    // And an Event's detail carries its message and type
    f = {};
    f.source = SourceKind::KubeEvents;
    f.verb = "QuotaExceeded";
    model.setFilter(f);
    QVERIFY(settle(log, model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, AuditEventModel::User).data().toString(), QStringLiteral("resourcequota-controller"));
    got.reset();
    log.readEvent(model.rowId(0), &receiver, [&](kube::Result<AuditEvent> e) { got = std::move(e); });
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->ok());
    QCOMPARE((*got)->source, SourceKind::KubeEvents);
    QVERIFY((*got)->statusMessage.find("exceeded quota") != std::string::npos);
    QCOMPARE((*got)->annotations["type"].get<std::string>(), std::string("Warning"));

    // When the filtered events (workspace templates: 10 audit events and the Synced Event) are exported
    f = {};
    f.resource = "workspacetemplates";
    model.setFilter(f);
    QVERIFY(settle(log, model));
    const int n = model.rowCount();
    QCOMPARE(n, 11);
    const QString jsonl = m_dir->filePath(QStringLiteral("out.jsonl"));
    const QString csv = m_dir->filePath(QStringLiteral("out.csv"));
    std::optional<QString> error;
    log.exportRows(model.rowIds(), jsonl, false, &receiver, [&](QString e) { error = e; });
    QTRY_VERIFY(error.has_value());
    QVERIFY2(error->isEmpty(), qPrintable(*error));
    // Then the file holds exactly those original lines
    const QList<QByteArray> lines = read(jsonl).trimmed().split('\n');
    QCOMPARE(lines.size(), n);
    const QByteArray original = read(m_audit) + read(data("events.jsonl"));
    for (const auto &line : lines) {
        QVERIFY(line.contains("\"workspacetemplates\"") || line.contains("\"WorkspaceTemplate\""));
        QVERIFY(original.contains(line));
    }
    error.reset();
    log.exportRows(model.rowIds(), csv, true, &receiver, [&](QString e) { error = e; });
    QTRY_VERIFY(error.has_value());
    QVERIFY2(error->isEmpty(), qPrintable(*error));
    QCOMPARE(read(csv).trimmed().split('\n').size(), n + 1);  // a header and a row per event
    // And a file that cannot be written is named
    error.reset();
    log.exportRows(model.rowIds(), m_dir->filePath(QStringLiteral("no/such/dir/x.csv")), true, &receiver,
                   [&](QString e) { error = e; });
    QTRY_VERIFY(error.has_value());
    QVERIFY2(error->contains(QStringLiteral("no/such/dir/x.csv")), qPrintable(*error));
}

void tst_AuditEventModel::cancelStopsIndexing()
{
    // Given a log big enough that indexing takes a while (200 copies of the recorded lines)
    QByteArray one = read(data("devcluster-audit.log"));
    QByteArray big;
    big.reserve(one.size() * 200);
    for (int i = 0; i < 200; ++i)
        big += one;
    const QString path = m_dir->filePath(QStringLiteral("big.log"));
    QVERIFY(write(path, big));
    AuditLog log;
    AuditEventModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy busy(&log, &AuditLog::busyChanged);
    // When indexing is cancelled at once
    log.addFiles({path, m_audit});
    QVERIFY(log.busy());
    log.cancel();
    QVERIFY(settle(log, model));
    // Then it stops: not every event was read, and the sources say so
    QVERIFY2(log.rowCount() < 200 * 64 + 64, qPrintable(log.statusText()));
    QCOMPARE(model.rowCount(), int(log.rowCount()));
    QVERIFY(log.sources().last().note.contains(QStringLiteral("cancelled")));
    QCOMPARE(busy.last().first().toBool(), false);
    // And a source added afterwards is indexed again
    log.addFiles({data("journal.jsonl")});
    QVERIFY(settle(log, model));
    QVERIFY(log.sources().last().note.isEmpty());
    AuditFilter f;
    f.source = SourceKind::Journal;
    model.setFilter(f);
    QVERIFY(settle(log, model));
    QCOMPARE(model.rowCount(), 14);
}

void tst_AuditEventModel::treeTargets()
{
    auto target = [](const char *resource, const char *group, const char *ns, const char *name, const char *ws = "") {
        AuditRowText r;
        r.resource = resource;
        r.apiGroup = group;
        r.ns = ns;
        r.name = name;
        r.workspace = ws;
        const auto t = AuditEventModel::treeTargetOf(r);
        return t ? QStringLiteral("%1 %2").arg(toString(t->kind), t->name) : QStringLiteral("none");
    };
    QCOMPARE(target("namespaces", "", "", "p1"), QStringLiteral("%1 p1").arg(toString(NodeKind::Project)));
    QCOMPARE(target("configmaps", "", "p1", "x"), QStringLiteral("%1 p1").arg(toString(NodeKind::Project)));
    QCOMPARE(target("workspacetemplates", "tenant.kubesphere.io", "", "ws1"), QStringLiteral("%1 ws1").arg(toString(NodeKind::Workspace)));
    QCOMPARE(target("users", "iam.kubesphere.io", "", "bob"), QStringLiteral("%1 bob").arg(toString(NodeKind::User)));
    QCOMPARE(target("globalroles", "iam.kubesphere.io", "", "platform-admin"),
             QStringLiteral("%1 platform-admin").arg(toString(NodeKind::PlatformRole)));
    QCOMPARE(target("clusterroles", "rbac.authorization.k8s.io", "", "view"), QStringLiteral("%1 view").arg(toString(NodeKind::ClusterRole)));
    QCOMPARE(target("workspacerolebindings", "iam.kubesphere.io", "", "bob-ws1-admin", "ws1"),
             QStringLiteral("%1 ws1").arg(toString(NodeKind::Workspace)));
    QCOMPARE(target("nodes", "", "", "node-1"), QStringLiteral("none"));
}

void tst_AuditEventModel::kubernetesEventsBecomeRows()
{
    // The recorded Events as the API server served them
    const QList<QByteArray> lines = read(data("events.jsonl")).trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    std::vector<nlohmann::json> events;
    for (const auto &l : lines)
        events.push_back(nlohmann::json::parse(l.toStdString()));
    for (const auto &e : events)
        QVERIFY(isKubeEvent(e));
    // An audit event is not a Kubernetes Event, though its kind is "Event"
    const QByteArray auditLine = read(data("devcluster-audit.log")).split('\n').first();
    QVERIFY(!isKubeEvent(nlohmann::json::parse(auditLine.toStdString())));

    const auto find = [&](const char *reason) {
        for (const auto &e : events)
            if (e.value("reason", "") == reason)
                return e;
        return nlohmann::json();
    };
    ScannedEvent row;
    QVERIFY(scanKubeEvent(find("Synced"), row));
    QCOMPARE(row.source, SourceKind::KubeEvents);
    QCOMPARE(row.verb, std::string("Synced"));
    QCOMPARE(row.user, std::string("workspacetemplate-controller"));
    QCOMPARE(row.resource, std::string("workspacetemplates"));
    QCOMPARE(row.apiGroup, std::string("tenant.kubesphere.io"));
    QCOMPARE(row.workspace, std::string("rec-ws"));
    QCOMPARE(row.name, std::string("rec-ws"));
    QCOMPARE(row.decision, Decision::Unknown);
    std::int64_t ms = 0;
    QVERIFY(parseRfc3339Ms(find("Synced")["lastTimestamp"].get<std::string>(), ms));
    QCOMPARE(row.timeMs, ms);
    QVERIFY(scanKubeEvent(find("QuotaExceeded"), row));
    QCOMPARE(row.ns, std::string("rec-p1"));
    QCOMPARE(row.resource, std::string("configmaps"));
    QCOMPARE(row.workspace, std::string());

    // Of "default"'s Events a tenancy view keeps those about tenancy objects and its projects
    const std::vector<std::string> projects = {"rec-p1"};
    QVERIFY(aboutTenancy(find("Synced"), projects));
    QVERIFY(!aboutTenancy(find("NodeReady"), projects));
    nlohmann::json nsEvent = find("NodeReady");
    nsEvent["involvedObject"] = {{"kind", "Namespace"}, {"apiVersion", "v1"}, {"name", "rec-p1"}};
    QVERIFY(aboutTenancy(nsEvent, projects));
    nsEvent["involvedObject"]["name"] = "kube-system";
    QVERIFY(!aboutTenancy(nsEvent, projects));

    // Kinds become resources as the API names them
    QCOMPARE(pluralOfKind("WorkspaceTemplate"), std::string("workspacetemplates"));
    QCOMPARE(pluralOfKind("NetworkPolicy"), std::string("networkpolicies"));
    QCOMPARE(pluralOfKind("Ingress"), std::string("ingresses"));
    QCOMPARE(pluralOfKind("Endpoints"), std::string("endpoints"));
    QCOMPARE(pluralOfKind("Gateway"), std::string("gateways"));

    // Written as JSON lines (0600) they read back as the same events
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("ev.jsonl")).toStdString();
    QVERIFY(writeKubeEvents(path, events).ok());
    QCOMPARE(QFile(QString::fromStdString(path)).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    AuditIndex index;
    IndexOptions options;
    options.rotatedBackups = false;
    QVERIFY(index.index({path}, options).ok());
    QCOMPARE(index.rowCount(), size_t(3));
    QCOMPARE(index.skippedCount(), size_t(0));
}

QTEST_MAIN(tst_AuditEventModel)
#include "tst_auditeventmodel.moc"
