// ScreenshotRunner: the timings are printed to stdout as "tenantry-timing <name> <ms>" lines
// the moment they happen, so a benchmark can also time them from outside the process.
#include "screenshotrunner.h"

#include "applogging.h"
#include "views/detailpanel.h"
#include "views/permissionworkbenchwidget.h"
#include "mainwindow.h"
#include "views/navigatorwidget.h"
#include "models/nodedetails.h"
#include "models/trafficgraph.h"
#include "trafficwindow.h"

#include "kubeclient/core/memory.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QPixmap>
#include <QTextStream>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

void printTiming(const char *name, qint64 value, const char *unit = "ms")
{
    std::printf("tenantry-timing %s %lld %s\n", name, static_cast<long long>(value), unit);
    std::fflush(stdout);
}

} // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow *window, Options options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_options(std::move(options))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        qCWarning(lcApp) << "the tenancy did not finish loading in" << m_options.timeoutMs << "ms; capturing anyway";
        capture();
        finish(2);
    });
}

qint64 ScreenshotRunner::msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 22 (starttime, clock ticks since boot) follows the ')' that ends the command name.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields[19].toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
    return static_cast<qint64>(nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK)));
}

qint64 ScreenshotRunner::residentKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

void ScreenshotRunner::start()
{
    m_window->installEventFilter(this);
    connect(m_window, &MainWindow::allSessionsLoaded, this, &ScreenshotRunner::onLoaded);
    connect(m_window, &MainWindow::sessionShownFromCache, this, [this] {
        if (m_options.timings && !m_cachedShown)
            printTiming("tree-cached", msSinceProcessStart());
        m_cachedShown = true;
    });
    m_timeout.start(m_options.timeoutMs);
    if (m_window->allLoaded())
        QMetaObject::invokeMethod(this, &ScreenshotRunner::onLoaded, Qt::QueuedConnection);
}

bool ScreenshotRunner::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        if (m_options.timings)
            printTiming("first-paint", msSinceProcessStart());
    }
    return QObject::eventFilter(watched, event);
}

void ScreenshotRunner::onLoaded()
{
    if (m_done)
        return;
    if (m_options.timings) {
        printTiming("tree-complete", msSinceProcessStart());
        printTiming("rss", residentKiB("VmRSS"), "KiB");
        // Of it: anonymous memory (the heap, thread stacks) and the mapped files (Qt's and the
        // other libraries' code, fonts); of the heap, what live allocations use and what malloc
        // keeps free. The scale benchmark prints them to say where the resident memory goes.
        printTiming("rss-anon", residentKiB("RssAnon"), "KiB");
        printTiming("rss-file", residentKiB("RssFile"), "KiB");
        const kube::HeapFigures heap = kube::heapFigures();
        printTiming("heap-in-use", heap.inUse < 0 ? -1 : heap.inUse / 1024, "KiB");
        printTiming("heap-free", heap.freeHeld < 0 ? -1 : heap.freeHeld / 1024, "KiB");
    }
    if (!m_options.filter.isEmpty())
        m_window->navigator()->setFilterText(m_options.filter);
    if (!m_options.select.isEmpty() && !m_window->navigator()->selectPath(m_options.select)) {
        // The path may appear with the next coalesced update: a few more tries, then give up.
        if (++m_selectTries < 20) {
            QTimer::singleShot(100, this, &ScreenshotRunner::onLoaded);
            return;
        }
        qCWarning(lcApp) << "--select: no node at" << m_options.select;
    }
    if (m_options.tab.compare(QLatin1String("traffic"), Qt::CaseInsensitive) == 0) {
        // The Allowed traffic window of the selected node, captured once its graph is computed.
        m_done = true;
        TrafficWindow *traffic = m_window->openTrafficWindow();
        if (!traffic) {
            finish(1);
            return;
        }
        m_target = traffic;
        traffic->resize(m_window->size());
        auto captured = std::make_shared<bool>(false);
        auto ready = [this, traffic, captured] {
            if (*captured || !traffic->graph()->data() || traffic->graph()->computing())
                return;
            *captured = true;
            QTimer::singleShot(300, this, [this] { finish(capture() ? 0 : 1); });
        };
        connect(traffic->graph(), &TrafficGraph::computed, this, ready);
        ready();
        return;
    }
    if (!m_options.tab.isEmpty()) {
        static const QHash<QString, NodeDetails::Tab> tabs{
            {QStringLiteral("overview"), NodeDetails::OverviewTab}, {QStringLiteral("members"), NodeDetails::MembersTab},
            {QStringLiteral("access"), NodeDetails::BindingsTab},   {QStringLiteral("roles"), NodeDetails::RolesTab},
            {QStringLiteral("quotas"), NodeDetails::QuotasTab},     {QStringLiteral("network"), NodeDetails::NetworkTab},
            {QStringLiteral("yaml"), NodeDetails::YamlTab},         {QStringLiteral("permissions"), NodeDetails::PermissionsTab},
            {QStringLiteral("dashboard"), NodeDetails::DashboardTab}};
        if (!m_window->detailPanel()->showTab(tabs.value(m_options.tab.toLower(), NodeDetails::OverviewTab)))
            qCWarning(lcApp) << "--tab:" << m_options.tab << "does not apply to the selected node";
    }
    m_done = true;
    auto settle = [this] {
        // Let the selection's details and any queued paint settle before rendering.
        QTimer::singleShot(300, this, [this] {
            const bool ok = capture();
            finish(ok && (m_options.select.isEmpty() || m_selectTries < 20) ? 0 : 1);
        });
    };
    PermissionWorkbench *workbench = m_window->detailPanel()->permissions()->workbench();
    if (m_options.tab.compare(QLatin1String("permissions"), Qt::CaseInsensitive) == 0 &&
        !workbench->matrixModel()->grid() && workbench->error().isEmpty()) {
        // The matrix is computed once the RBAC watches have listed: capture when it is there.
        connect(workbench, &PermissionWorkbench::computed, this, settle, Qt::SingleShotConnection);
        return;
    }
    settle();
}

bool ScreenshotRunner::capture()
{
    if (m_options.file.isEmpty())
        return true;
    const QPixmap pixmap = m_target ? m_target->grab() : m_window->grab();
    if (!pixmap.save(m_options.file)) {
        qCWarning(lcApp) << "could not write the screenshot to" << m_options.file;
        return false;
    }
    qCInfo(lcApp) << "screenshot saved to" << m_options.file;
    return true;
}

void ScreenshotRunner::finish(int code)
{
    m_timeout.stop();
    if (m_options.quit)
        QCoreApplication::exit(code);
}
