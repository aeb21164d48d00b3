// The local tenancy cache in the window, against the real devcluster: a second start shows the
// tree from the cache at once (even while the API server does not answer), marked as cached,
// then goes live by resuming the watches, with what changed meanwhile; a damaged cache file is
// discarded and the tree listed as usual. The Dashboard open while the cache shows does not
// make the permission engine list what the tree resumes (checked in the API server's audit log).
#include "guitestsupport.h"
#include "guiwindow.h"

#include "views/dashboardwidget.h"
#include "views/detailpanel.h"
#include "views/navigatorwidget.h"
#include "models/clustersession.h"
#include "models/dashboard.h"
#include "models/permissionsource.h"
#include "models/tenancytreemodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <optional>

using namespace kube;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

QStringList snapshotFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.snapshot")}, QDir::Files);
}

// devcluster's kube-apiserver audit log (`devcluster env`: DEVCLUSTER_AUDIT_LOG).
QString auditLogPath() { return QString::fromStdString(clusterenv::stateDir() + "/audit/audit.log"); }

// The requests Tenantry (user agent "tenantry") sent for `resources` that read them whole: a list,
// or a watch that starts with every object (sendInitialEvents=true, or no resourceVersion to
// resume from). Read from the audit log past `offset` (its size before the requests).
QStringList wholeReadsSince(const QString &log, qint64 offset, const QStringList &resources)
{
    QStringList out;
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read ") + log};
    if (f.size() >= offset)
        f.seek(offset);
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        const auto e = nlohmann::json::parse(line.constData(), nullptr, false);
        if (!e.is_object())
            continue;
        // A watch is logged when it starts (ResponseStarted) and when it ends: count its start.
        const std::string verb = e.value("verb", ""), stage = e.value("stage", "");
        if (verb == "watch" && stage != "ResponseStarted")
            continue;
        const std::string agent = e.value("userAgent", "");
        if (agent.rfind("tenantry", 0) != 0 || agent.rfind("tenantryctl", 0) == 0)
            continue;
        const std::string resource = e.contains("objectRef") ? e["objectRef"].value("resource", "") : "";
        if (!resources.contains(QString::fromStdString(resource)))
            continue;
        const std::string uri = e.value("requestURI", "");
        const QUrlQuery query(QUrl(QString::fromStdString(uri)));
        const QString rv = query.queryItemValue(QStringLiteral("resourceVersion"));
        const bool resumes = !rv.isEmpty() && rv != QLatin1String("0")
            && query.queryItemValue(QStringLiteral("sendInitialEvents")) != QLatin1String("true");
        // (a list of one object by name, as the check that the cache is of this cluster, is not whole)
        const bool one = query.queryItemValue(QStringLiteral("fieldSelector"), QUrl::FullyDecoded).startsWith(QLatin1String("metadata.name="));
        if ((verb == "list" && !one) || (verb == "watch" && !resumes))
            out << QString::fromStdString(verb + " " + uri);
    }
    return out;
}
} // namespace

class tst_TenancyCacheWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void secondStartShowsTheCacheAtOnceThenGoesLive();
    void damagedCacheIsDiscardedAndTheTreeListed();
    void dashboardOpenWhileCachedJoinsTheResumedWatches();

private:
    QTemporaryDir m_cacheDir;
    guitest::Seed m_seed;
    std::unique_ptr<Client> m_admin;
};

void tst_TenancyCacheWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_cacheDir.isValid());
    qputenv("TENANTRY_TENANCY_CACHE", m_cacheDir.path().toLocal8Bit());
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
}

void tst_TenancyCacheWindow::cleanup()
{
    guitest::pauseApiServer(false);
}

void tst_TenancyCacheWindow::secondStartShowsTheCacheAtOnceThenGoesLive()
{
    const QString gone = qs("cache-gone-" + m_seed.sfx), added = qs("cache-new-" + m_seed.sfx);
    std::string error;
    QVERIFY2(guitest::createNamespaces(*m_admin, {gone.toStdString()}, m_seed.ws1, &error), error.c_str());

    // Given a first session that loaded the tenancy and ended (which writes the cache)
    QString cluster;
    {
        auto w = guitest::openAdminWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
        cluster = w->sessions().first()->id();
        QTRY_VERIFY_WITH_TIMEOUT(w->treeModel()->indexForPath(cluster + "/Workspaces/" + qs(m_seed.ws1) + "/" + gone).isValid(), 30000);
        QVERIFY(!w->sessions().first()->status().cached);
    }
    QCOMPARE(snapshotFiles(m_cacheDir.path()).size(), 1);

    // And meanwhile a project was deleted and another created, with kubectl
    auto r = guitest::kubectl({"delete", "namespace", gone, "--wait=false"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(guitest::createNamespaces(*m_admin, {added.toStdString()}, m_seed.ws1, &error), error.c_str());

    // When the window opens again while the API server does not answer
    QVERIFY(guitest::pauseApiServer(true));
    auto w = guitest::openAdminWindow();
    QSignalSpy shown(w.get(), &MainWindow::sessionShownFromCache);
    // (what the session held when the tree first showed: the preview comes before any object)
    ClusterSession *session = w->sessions().first();
    std::optional<std::uint64_t> versionWhenShown;
    connect(session, &ClusterSession::cachedShown, this, [&] { versionWhenShown = session->snapshot().version(); });
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));

    // Then the cached tree is there at once: the seeded workspaces and the project as it was
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 10000);
    const QString wsPath = cluster + "/Workspaces/" + qs(m_seed.ws1);
    QVERIFY(w->treeModel()->indexForPath(wsPath + "/" + gone).isValid());
    QVERIFY(w->treeModel()->indexForPath(cluster + "/Workspaces/" + qs(m_seed.ws2) + "/" + qs(m_seed.p3)).isValid());
    QVERIFY(!w->treeModel()->indexForPath(wsPath + "/" + added).isValid());
    // And it is marked as cached (not live): status, tooltip and the cluster's details say so
    QVERIFY(session->status().cached);
    QVERIFY(session->status().stale);
    QVERIFY(!w->allLoaded());
    // (the tree came from the file's preview, before any object was decoded; the objects
    // follow, for the details and the resume)
    QVERIFY(versionWhenShown.has_value());
    QCOMPARE(*versionWhenShown, std::uint64_t(0));
    QTRY_VERIFY_WITH_TIMEOUT(session->snapshot().version() > 0, 10000);
    QVERIFY(session->status().cached);
    QCOMPARE(shown.count(), 1);
    const QModelIndex clusterIndex = w->treeModel()->indexForPath(cluster);
    QVERIFY(clusterIndex.data(Qt::ToolTipRole).toString().contains(QStringLiteral("local cache")));
    QVERIFY(w->navigator()->selectPath(cluster));
    guitest::save(w.get(), QStringLiteral("tree-from-cache"));

    // When the server answers again
    QVERIFY(guitest::pauseApiServer(false));

    // Then the session goes live from the cache's versions: the changes made meanwhile arrive
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(w->treeModel()->indexForPath(wsPath + "/" + added).isValid(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!w->treeModel()->indexForPath(wsPath + "/" + gone).isValid(), 30000);
    QVERIFY(!session->status().cached);
    QVERIFY(!session->status().stale);
    QVERIFY(!w->treeModel()->indexForPath(cluster).data(Qt::ToolTipRole).toString().contains(QStringLiteral("local cache")));
    // And at least the namespaces were resumed, not listed again
    QVERIFY2(session->status().resumedKinds > 0, qPrintable(QString::number(session->status().listedKinds)));
    guitest::save(w.get(), QStringLiteral("tree-live-after-cache"));
}

void tst_TenancyCacheWindow::damagedCacheIsDiscardedAndTheTreeListed()
{
    // Given a cache whose bytes were damaged after it was written
    {
        auto w = guitest::openAdminWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    }
    const QStringList files = snapshotFiles(m_cacheDir.path());
    QCOMPARE(files.size(), 1);
    const std::string path = (m_cacheDir.path() + "/" + files.first()).toStdString();
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-20, std::ios::end);
        f.write("\x01\x02\x03\x04", 4);
    }

    // When the window opens
    auto w = guitest::openAdminWindow();
    QSignalSpy shown(w.get(), &MainWindow::sessionShownFromCache);

    // Then nothing is shown from it, the tree is listed, and a sound cache replaces it on exit
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QCOMPARE(shown.count(), 0);
    QVERIFY(!w->sessions().first()->status().cached);
    QCOMPARE(w->sessions().first()->status().resumedKinds, 0);
    w.reset();
    kube::session::TenancyCacheCheck check;
    const auto header = [&] {
        std::ifstream in(path);
        std::string line;
        std::getline(in, line);
        return nlohmann::json::parse(line, nullptr, false);
    }();
    QVERIFY(header.is_object());
    check.server = header.value("server", "");
    check.user = header.value("user", "");
    auto read = kube::session::readTenancyCache(path, check);
    QVERIFY2(read, read ? "" : read.error().describe().c_str());
    QVERIFY(read->has_value());
}

void tst_TenancyCacheWindow::dashboardOpenWhileCachedJoinsTheResumedWatches()
{
    // Given a first session that loaded the tenancy and ended (which writes the cache)
    QString cluster;
    {
        auto w = guitest::openAdminWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
        cluster = w->sessions().first()->id();
    }
    QCOMPARE(snapshotFiles(m_cacheDir.path()).size(), 1);
    const QString log = auditLogPath();
    QVERIFY2(QFileInfo::exists(log), qPrintable("no audit log at " + log));
    const qint64 offset = QFileInfo(log).size();

    // When the window opens again while the API server does not answer, and the user opens the
    // cluster's Dashboard (which starts the permission engine) on the cached tree
    QVERIFY(guitest::pauseApiServer(true));
    auto w = guitest::openAdminWindow();
    QSignalSpy shown(w.get(), &MainWindow::sessionShownFromCache);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 10000);
    ClusterSession *session = w->sessions().first();
    QVERIFY(w->navigator()->selectPath(cluster));
    QTest::keyClick(w.get(), Qt::Key_9, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(session->permissionsStarted(), 5000);
    // (it shows the cached workspaces meanwhile)
    Dashboard *dashboard = w->detailPanel()->dashboard()->dashboard();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard->workspaces().bars.isEmpty(), 10000);
    QVERIFY(session->status().cached);  // still the cache: the tree's watches have not started
    guitest::save(w.get(), QStringLiteral("dashboard-on-cached-tree"));

    // And the server answers again
    QVERIFY(guitest::pauseApiServer(false));

    // Then the tree goes live by resuming, and the permission engine builds its index from the
    // same watches: Tenantry read none of the resources they share whole again
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(!session->status().cached);
    QVERIFY2(session->status().resumedKinds > 0 && session->status().listedKinds == 0,
             qPrintable(QStringLiteral("%1 kinds resumed, %2 listed").arg(session->status().resumedKinds).arg(session->status().listedKinds)));
    QTRY_VERIFY_WITH_TIMEOUT(session->permissions()->snapshot() != nullptr, 60000);
    const QStringList whole =
        wholeReadsSince(log, offset, {QStringLiteral("namespaces"), QStringLiteral("users"), QStringLiteral("workspacetemplates")});
    QVERIFY2(whole.isEmpty(), qPrintable(whole.join('\n')));
    guitest::save(w.get(), QStringLiteral("dashboard-live-after-cache"));
}

QTEST_MAIN(tst_TenancyCacheWindow)
#include "tst_tenancycachewindow.moc"
