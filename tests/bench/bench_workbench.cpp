// Benchmark of the GUI permission workbench on the synthetic cluster of bench_permissions
// (2,000 namespaces, 20,000 bindings, 5,000 users), offscreen: a user clicked → the full
// all-projects matrix (~1M cells) computed and painted, the same for one project, scrolling
// frames over the whole matrix, a RoleBinding change → repainted matrix, and the resident
// memory the open workbench adds. Each figure beside the same question asked through
// `tenantryctl matrix --from` (time, peak RSS). Prints figures; asserts nothing.
// usage: bench_workbench [TENANTRYCTL] [--runs N] [--namespaces N]
// --namespaces N: N namespaces and 10 bindings per namespace (the default 2,000 and 20,000 keep
// that ratio), for the matrix at 20,000 namespaces of issue 18.
#include "benchspawn.h"
#include "models/permissionsource.h"
#include "models/permissionworkbench.h"
#include "views/permissionworkbenchwidget.h"

#include "syntheticrbac.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>


using nlohmann::json;
using Workbench = PermissionWorkbench;

namespace {

double msSince(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t i = size_t(std::max(0.0, std::ceil(p * double(v.size())) - 1));
    return v[std::min(i, v.size() - 1)];
}

double rssMiB()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return double(std::atol(line.c_str() + 6)) / 1024.0;
    return -1;
}

std::string ms(double v)
{
    if (v < 0)
        return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, v < 10 ? "%.2f ms" : "%.0f ms", v);
    return buf;
}

std::string mib(double v)
{
    if (v < 0)
        return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f MiB", v);
    return buf;
}

// Waits for the workbench's next computed(); false after `timeoutMs`.
bool waitComputed(Workbench *wb, int timeoutMs = 120000)
{
    QEventLoop loop;
    bool got = false;
    const auto c = QObject::connect(wb, &Workbench::computed, &loop, [&] {
        got = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return got;
}

// Counts paint events of a widget (the table's viewport).
class PaintCounter final : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// The longest the GUI thread went without running its event loop (a 2 ms heartbeat): what a
// user would see as a frozen frame while the workbench works.
class StallMeter final
{
public:
    StallMeter()
    {
        m_timer.setInterval(2);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_longest = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    // Stops and returns the longest gap in ms (the final stretch up to now included).
    double stop()
    {
        tick();
        m_timer.stop();
        return m_longest;
    }

private:
    void tick()
    {
        const double now = msSince(m_clock);
        m_longest = std::max(m_longest, now - m_last);
        m_last = now;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0, m_longest = 0;
};

// After computed(): the posted layouts of the view run, then the viewport is painted once
// (synchronously, unless the posted events painted it already).
void paintAfterComputed(QTableView *table, PaintCounter &counter)
{
    const int before = counter.paints;
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    if (counter.paints == before)
        table->viewport()->repaint();
}

// allowed + named bits of the shown matrix (to see a change arrive).
size_t grantedBits(const PermissionMatrixModel *model)
{
    size_t n = 0;
    if (const PermissionGrid *g = model->grid(); g && g->matrix)
        for (const auto &row : g->matrix->rows()) {
            for (uint32_t m : row.allowed)
                n += size_t(std::popcount(m));
            for (uint32_t m : row.named)
                n += size_t(std::popcount(m));
        }
    return n;
}

using bench::Spawned;
using bench::spawnTimed;

struct CtlFigure {
    double ms = -1;
    double rssMiB = -1;
    int exitCode = 0;
};

CtlFigure ctlMedian(const std::vector<std::string> &argv, int runs)
{
    CtlFigure f;
    std::vector<double> times, rss;
    spawnTimed(argv);  // warm-up: page cache
    for (int i = 0; i < runs; ++i) {
        const Spawned s = spawnTimed(argv);
        f.exitCode = std::max(f.exitCode, s.exitCode);
        times.push_back(s.seconds * 1e3);
        rss.push_back(double(s.maxRssKiB) / 1024.0);
    }
    f.ms = median(times);
    f.rssMiB = median(rss);
    return f;
}

QtMessageHandler defaultHandler = nullptr;

// The offscreen platform's chatter ("does not support propagateSizeHints()") stays out of the table.
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("propagateSizeHints")) || message.contains(QLatin1String("XDG_RUNTIME_DIR")))
        return;
    defaultHandler(type, context, message);
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::string ctl;
    int runs = 5;
    benchrbac::Counts counts;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--namespaces") && i + 1 < argc) {
            counts.namespaces = std::max(20, std::atoi(argv[++i]));
            counts.bindings = 10 * counts.namespaces;
        }
        else if (argv[i][0] != '-' && ctl.empty())
            ctl = argv[i];
        else {
            std::fprintf(stderr, "usage: bench_workbench [TENANTRYCTL] [--runs N] [--namespaces N]\n");
            return 2;
        }
    }
    if (!ctl.empty() && access(ctl.c_str(), X_OK) != 0) {
        std::fprintf(stderr, "bench_workbench: %s is not executable: the tenantryctl column stays empty\n", ctl.c_str());
        ctl.clear();
    }
    defaultHandler = qInstallMessageHandler(quietHandler);
    QApplication app(argc, argv);

    // The synthetic cluster of bench_permissions' default run (or --namespaces), on the built-in
    // catalog (offline).
    QElapsedTimer t;
    t.start();
    benchrbac::Synthetic s = benchrbac::generate(counts, kube::rbac::ResourceCatalog::builtin(), 42);
    const double generateMs = msSince(t);
    // Only the RbacData is needed here: the per-object lists are for seeding a cluster.
    json wildcardRole;  // a ClusterRole with an "everything" rule, for the live change
    for (const auto &o : s.clusterObjects) {
        if (o.value("kind", "") != "ClusterRole" || !wildcardRole.is_null())
            continue;
        for (const auto &r : o.at("rules"))
            if (r.at("apiGroups") == json::array({"*"}) && r.at("resources") == json::array({"*"}) &&
                !r.contains("resourceNames"))
                wildcardRole = o;
    }
    s.clusterObjects.clear();
    s.namespaceObjects.clear();
    const std::vector<std::string> users = {s.users[17], s.users[1234], s.users[2718], s.users[3141], s.users[4242],
                                            s.users[999], s.users[4000]};
    const QString firstUser = QString::fromStdString(s.users[7]);
    const std::string oneProject = s.namespaces[17];

    malloc_trim(0);
    const double rssBefore = rssMiB();

    // Open: the source indexes the data off the GUI thread; the widget shows the first user's
    // all-projects matrix.
    t.start();
    PermissionSource *source = PermissionSource::fromData(s.data, QStringLiteral("synthetic"));
    {
        QEventLoop loop;
        QObject::connect(source, &PermissionSource::changed, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const double rssSource = rssMiB();
    PermissionWorkbenchWidget widget;
    widget.resize(1400, 900);
    widget.presetSubject(firstUser);
    widget.presetScope(Workbench::ScopeKind::AllProjects);
    widget.show();
    QTableView *table = widget.table();
    PaintCounter counter;
    table->viewport()->installEventFilter(&counter);
    Workbench *wb = widget.workbench();
    widget.setSource(source);
    if (!waitComputed(wb)) {
        std::fprintf(stderr, "bench_workbench: no matrix after 120 s\n");
        return 1;
    }
    paintAfterComputed(table, counter);
    const double openMs = msSince(t);
    const double indexMs = double(source->lastRebuildLatencyMs());
    if (!wb->error().isEmpty()) {
        std::fprintf(stderr, "bench_workbench: %s\n", qPrintable(wb->error()));
        return 1;
    }
    PermissionMatrixModel *model = wb->matrixModel();
    const size_t allCells = model->grid()->matrix->cellCount();
    const size_t allRows = size_t(model->rowCount());

    // "Click a user": the subject preset → computed → painted, all projects and one project.
    StallMeter stall;
    auto click = [&](const std::vector<std::string> &who, std::vector<double> &total, std::vector<double> &compute,
                     std::vector<double> &stalls) {
        for (const auto &u : who) {
            QElapsedTimer c;
            c.start();
            stall.start();
            widget.presetSubject(QString::fromStdString(u));
            if (!waitComputed(wb))
                std::fprintf(stderr, "bench_workbench: no matrix for %s\n", u.c_str());
            paintAfterComputed(table, counter);
            total.push_back(msSince(c));
            stalls.push_back(stall.stop());
            compute.push_back(double(wb->lastComputeMs()));
        }
    };
    const std::vector<std::string> measured(users.begin(), users.begin() + std::min<size_t>(size_t(runs), users.size()));
    std::vector<double> clickAll, clickAllCompute, clickAllStall, clickOne, clickOneCompute, clickOneStall;
    click(measured, clickAll, clickAllCompute, clickAllStall);
    // The one-project clicks start from another user, so that the first of them is a change too
    // (with --runs 1 it would otherwise ask for the subject already shown, and nothing computes).
    widget.presetSubject(firstUser);
    waitComputed(wb);
    widget.presetScope(Workbench::ScopeKind::Project, QString::fromStdString(oneProject));
    waitComputed(wb);
    paintAfterComputed(table, counter);
    const size_t oneCells = model->grid()->matrix->cellCount();
    click(measured, clickOne, clickOneCompute, clickOneStall);

    // Back to every project for the shown user; scroll it.
    widget.presetScope(Workbench::ScopeKind::AllProjects);
    waitComputed(wb);
    paintAfterComputed(table, counter);
    QScrollBar *bar = table->verticalScrollBar();
    std::vector<double> pageFrames, jumpFrames;
    auto frame = [&](int value, std::vector<double> &into) {
        QElapsedTimer f;
        f.start();
        bar->setValue(value);
        table->viewport()->repaint();
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        into.push_back(msSince(f));
    };
    bar->setValue(0);
    for (int i = 0; i < 300 && bar->value() < bar->maximum(); ++i)
        frame(std::min(bar->maximum(), bar->value() + bar->pageStep()), pageFrames);
    const int jumps = 200;
    for (int i = 0; i < jumps; ++i)
        frame(int(double(bar->maximum()) * i / (jumps - 1)), jumpFrames);
    std::vector<double> allFrames = pageFrames;
    allFrames.insert(allFrames.end(), jumpFrames.begin(), jumpFrames.end());
    t.start();
    const qsizetype pickerSubjects = wb->knownSubjects().size();
    const double pickerMs = msSince(t);
    const double rssOpen = rssMiB();
    malloc_trim(0);
    const double rssOpenTrimmed = rssMiB();

    // A RoleBinding for the shown user lands: setData → index rebuilt → matrix recomputed → painted.
    const std::string shownUser = wb->query().subject.toStdString();
    std::vector<double> change, changeIndex, changeCompute, changeStall;
    int reflected = 0;
    kube::rbac::RbacData current = s.data;
    for (int i = 0; i < runs; ++i) {
        const std::string ns = s.namespaces[size_t(101 + 389 * i) % s.namespaces.size()];
        current.add({{"apiVersion", "rbac.authorization.k8s.io/v1"},
                     {"kind", "RoleBinding"},
                     {"metadata", {{"name", "bench-wb-live-" + std::to_string(i)}, {"namespace", ns}}},
                     {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"},
                                  {"name", wildcardRole.is_null() ? std::string("bench-perm-cr0")
                                                                  : wildcardRole["metadata"].value("name", "")}}},
                     {"subjects", json::array({{{"kind", "User"}, {"apiGroup", "rbac.authorization.k8s.io"},
                                                {"name", shownUser}}})}});
        kube::rbac::RbacData copy = current;  // copied before the clock starts
        const size_t before = grantedBits(model);
        QElapsedTimer c;
        c.start();
        stall.start();
        source->setData(std::move(copy));
        if (!waitComputed(wb))
            std::fprintf(stderr, "bench_workbench: the change never reached the matrix\n");
        paintAfterComputed(table, counter);
        change.push_back(msSince(c));
        changeStall.push_back(stall.stop());
        changeIndex.push_back(double(source->lastRebuildLatencyMs()));
        changeCompute.push_back(double(wb->lastComputeMs()));
        reflected += grantedBits(model) > before;
    }

    // The same questions through tenantryctl, on the same data written as one JSON List.
    CtlFigure ctlAll, ctlOne;
    QTemporaryDir dir;
    if (!ctl.empty() && dir.isValid()) {
        {
            std::ofstream out(QDir(dir.path()).filePath(QStringLiteral("rbac.json")).toStdString());
            out << s.data.toList().dump();
        }
        const std::string from = dir.path().toStdString();
        const int ctlRuns = 3;
        ctlAll = ctlMedian({ctl, "matrix", "--from", from, "--as", shownUser, "-A", "-o", "json"}, ctlRuns);
        ctlOne = ctlMedian({ctl, "matrix", "--from", from, "--as", shownUser, "-n", oneProject, "-o", "json"}, ctlRuns);
    }
    auto ctlMs = [&](const CtlFigure &f) {
        return f.exitCode != 0 ? std::string("exit ") + std::to_string(f.exitCode) : ms(f.ms);
    };

    std::printf("Synthetic cluster: %d namespaces, %d roles, %d bindings, %d users (built-in catalog, generated in "
                "%.0f ms); %zu objects. Offscreen, widget 1400x900; medians of %d users / changes.\n\n",
                counts.namespaces, counts.roles, counts.bindings, counts.users, generateMs, s.data.size(), runs);
    std::printf("| figure | workbench | tenantryctl | target |\n|---|---|---|---|\n");
    std::printf("| open: index + first all-projects matrix painted | %s (index %s) | | |\n", ms(openMs).c_str(),
                ms(indexMs).c_str());
    std::printf("| click a user → all-projects matrix painted (%zu cells, %zu rows) | %s (compute %s) | %s | ≤ 300 ms |\n",
                allCells, allRows, ms(median(clickAll)).c_str(), ms(median(clickAllCompute)).c_str(),
                ctlMs(ctlAll).c_str());
    std::printf("| click a user → one-project matrix painted (%zu cells) | %s (compute %s) | %s | |\n", oneCells,
                ms(median(clickOne)).c_str(), ms(median(clickOneCompute)).c_str(), ctlMs(ctlOne).c_str());
    std::printf("| longest GUI-thread stall: click (all projects) / click (one project) / change | %s / %s / %s | — "
                "| < 16 ms |\n",
                ms(median(clickAllStall)).c_str(), ms(median(clickOneStall)).c_str(), ms(median(changeStall)).c_str());
    std::printf("| scroll frame, page steps (%zu): median / p99 / max | %s / %s / %s | — | < 16 ms |\n",
                pageFrames.size(), ms(median(pageFrames)).c_str(), ms(percentile(pageFrames, 0.99)).c_str(),
                ms(percentile(pageFrames, 1.0)).c_str());
    std::printf("| scroll frame, jumps across the range (%zu): median / p99 / max | %s / %s / %s | — | < 16 ms |\n",
                jumpFrames.size(), ms(median(jumpFrames)).c_str(), ms(percentile(jumpFrames, 0.99)).c_str(),
                ms(percentile(jumpFrames, 1.0)).c_str());
    std::printf("| scroll frame, all %zu: p99 | %s | — | < 16 ms |\n", allFrames.size(),
                ms(percentile(allFrames, 0.99)).c_str());
    std::printf("| RoleBinding change → open matrix repainted (%d of %d changes seen) | %s (index %s, compute %s) | %s "
                "(re-run) | ≤ 200 ms |\n",
                reflected, runs, ms(median(change)).c_str(), ms(median(changeIndex)).c_str(),
                ms(median(changeCompute)).c_str(), ctlMs(ctlAll).c_str());
    std::printf("| added resident memory, all-projects matrix open (after malloc_trim) | %s (%s) | %s peak (-A), %s (-n) "
                "| ≤ 40 MB |\n",
                mib(rssOpen - rssBefore).c_str(), mib(rssOpenTrimmed - rssBefore).c_str(), mib(ctlAll.rssMiB).c_str(),
                mib(ctlOne.rssMiB).c_str());
    std::printf("| … of which the source (its copy of the data + index) / the widget with the matrix | %s / %s (%s) | | "
                "|\n",
                mib(rssSource - rssBefore).c_str(), mib(rssOpen - rssSource).c_str(),
                mib(rssOpenTrimmed - rssSource).c_str());
    std::printf("\nRSS: %.0f MiB before the workbench (synthetic data held by the benchmark), %.0f MiB with the source "
                "loaded, %.0f MiB with the matrix open. The source holds its own copy of the data and the index, as a "
                "live session's RBAC watches do.\n",
                rssBefore, rssSource, rssOpen);
    std::printf("The subject picker's list (PermissionWorkbench::knownSubjects, %lld subjects) takes %.0f ms on the GUI "
                "thread; the widget builds it twice per data change.\n",
                static_cast<long long>(pickerSubjects), pickerMs);
    if (ctl.empty())
        std::printf("(no tenantryctl given: its column is empty)\n");
    else
        std::printf("tenantryctl: `matrix --from DIR --as USER -A|-n NS -o json >/dev/null`, median of 3 after a "
                    "warm-up; the whole process (read, index, matrix, output).\n");
    delete source;
    return 0;
}
