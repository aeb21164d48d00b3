// Scale benchmark (issue 18): the tenancy of "P1" (500 workspaces, 5,000 projects, 5,000 users,
// 20,000 project member bindings) seeded into the bench cluster at 1×, 3× and 10×, cumulatively,
// and at each size: the desktop app's time to a complete tree and its memory, a restart with the
// local snapshot cache, the graph's bytes per object of each kind (in process, counted by the
// replacement operator new below), and a filter keystroke in the tree; kubectl get -o json of the
// same objects is timed beside the app in the same run. Prints one markdown table, then how each
// figure grows with the size.
//
// usage: bench_scale [--p1-workspaces N] [--seeded] [MULTIPLE...]   (multiples of P1 among 1 3 10; default all)
// --seeded: the cluster already holds the one size given (a run that stopped after seeding): measure only.
// The cluster is $KUBECONFIG's (scripts/bench-scale brings up a devcluster of its own);
// $KUBECTL names the kubectl to compare with (default: the one on PATH).
#include "benchapp.h"
#include "benchclock.h"
#include "benchspawn.h"

#include "kubeclient/api/requestbuilder.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/session/rbacfeed.h"
#include "kubeclient/session/sharedwatch.h"
#include "kubeclient/session/tenancyfeed.h"
#include "kubeclient/tenancy/graph/graphkind.h"
#include "kubeclient/tenancy/plan/objectfactory.h"
#include "models/tenancyfilterproxymodel.h"
#include "models/tenancyoutline.h"
#include "models/tenancytreemodel.h"
#include "views/navigatorwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <malloc.h>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <vector>

// --- live heap bytes ------------------------------------------------------------------------
// Every operator new of the process goes through here: the size sits in a header before the
// block, so delete knows what to subtract. Over-aligned blocks keep it in the alignment-sized
// gap before the pointer (their delete is told the alignment). malloc'd memory (curl, Qt's
// containers) is not counted: the graph's objects and indexes are all operator new.
namespace heap {

std::atomic<long long> g_live{0};
constexpr std::size_t kHeader = alignof(std::max_align_t);

void *allocate(std::size_t n)
{
    void *base = std::malloc(n + kHeader);
    if (!base)
        return nullptr;
    *static_cast<std::size_t *>(base) = n;
    g_live.fetch_add(static_cast<long long>(n), std::memory_order_relaxed);
    return static_cast<char *>(base) + kHeader;
}

void release(void *p)
{
    if (!p)
        return;
    char *base = static_cast<char *>(p) - kHeader;
    g_live.fetch_sub(static_cast<long long>(*reinterpret_cast<std::size_t *>(base)), std::memory_order_relaxed);
    std::free(base);
}

void *allocateAligned(std::size_t n, std::align_val_t alignment)
{
    const auto align = static_cast<std::size_t>(alignment);
    if (align <= kHeader)
        return allocate(n);
    void *base = std::aligned_alloc(align, (n + align + align - 1) / align * align);
    if (!base)
        return nullptr;
    char *p = static_cast<char *>(base) + align;
    reinterpret_cast<std::size_t *>(p)[-1] = n;
    g_live.fetch_add(static_cast<long long>(n), std::memory_order_relaxed);
    return p;
}

void releaseAligned(void *p, std::align_val_t alignment)
{
    const auto align = static_cast<std::size_t>(alignment);
    if (align <= kHeader)
        return release(p);
    if (!p)
        return;
    g_live.fetch_sub(static_cast<long long>(reinterpret_cast<std::size_t *>(p)[-1]), std::memory_order_relaxed);
    std::free(static_cast<char *>(p) - align);
}

void *orThrow(void *p)
{
    if (!p)
        throw std::bad_alloc();
    return p;
}

long long live() { return g_live.load(std::memory_order_relaxed); }

} // namespace heap

void *operator new(std::size_t n) { return heap::orThrow(heap::allocate(n ? n : 1)); }
void *operator new[](std::size_t n) { return heap::orThrow(heap::allocate(n ? n : 1)); }
void *operator new(std::size_t n, const std::nothrow_t &) noexcept { return heap::allocate(n ? n : 1); }
void *operator new[](std::size_t n, const std::nothrow_t &) noexcept { return heap::allocate(n ? n : 1); }
void *operator new(std::size_t n, std::align_val_t a) { return heap::orThrow(heap::allocateAligned(n ? n : 1, a)); }
void *operator new[](std::size_t n, std::align_val_t a) { return heap::orThrow(heap::allocateAligned(n ? n : 1, a)); }
void *operator new(std::size_t n, std::align_val_t a, const std::nothrow_t &) noexcept { return heap::allocateAligned(n ? n : 1, a); }
void *operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t &) noexcept { return heap::allocateAligned(n ? n : 1, a); }
void operator delete(void *p) noexcept { heap::release(p); }
void operator delete[](void *p) noexcept { heap::release(p); }
void operator delete(void *p, std::size_t) noexcept { heap::release(p); }
void operator delete[](void *p, std::size_t) noexcept { heap::release(p); }
void operator delete(void *p, const std::nothrow_t &) noexcept { heap::release(p); }
void operator delete[](void *p, const std::nothrow_t &) noexcept { heap::release(p); }
void operator delete(void *p, std::align_val_t a) noexcept { heap::releaseAligned(p, a); }
void operator delete[](void *p, std::align_val_t a) noexcept { heap::releaseAligned(p, a); }
void operator delete(void *p, std::size_t, std::align_val_t a) noexcept { heap::releaseAligned(p, a); }
void operator delete[](void *p, std::size_t, std::align_val_t a) noexcept { heap::releaseAligned(p, a); }
void operator delete(void *p, std::align_val_t a, const std::nothrow_t &) noexcept { heap::releaseAligned(p, a); }
void operator delete[](void *p, std::align_val_t a, const std::nothrow_t &) noexcept { heap::releaseAligned(p, a); }

using namespace kube;
using namespace kube::tenancy;

namespace {

constexpr const char *kTag = "bench_scale";
constexpr int kProjectsPerWorkspace = 10;
constexpr int kUsersPerWorkspace = 10;   // P1: as many users as projects
constexpr int kBindingsPerProject = 4;   // P1: 20,000 bindings on 5,000 projects
constexpr int kWriters = 16;
constexpr std::array<int, 3> kColumns = {1, 3, 10};
// The project roles KubeSphere ships; each project binds four users of its workspace.
constexpr std::array<const char *, kBindingsPerProject> kMemberRoles = {"admin", "operator", "viewer", "viewer"};
// The four kinds the table reports per object, and the resources kubectl lists for them.
constexpr std::array<GraphKind, 4> kMeasuredKinds = {GraphKind::WorkspaceTemplate, GraphKind::Namespace, GraphKind::User,
                                                      GraphKind::ProjectRoleBinding};
constexpr const char *kKubectlResources =
    "workspacetemplates.tenant.kubesphere.io,namespaces,users.iam.kubesphere.io,rolebindings.iam.kubesphere.io";

int runsAt(int multiple) { return multiple >= 10 ? 1 : 3; }

struct Keystrokes {
    double slowestMs = -1, medianMs = -1;
    int count = 0;
    std::string slowestText;  // the filter text of the slowest keystroke
};

// Where an object's bytes go, per object of one kind.
struct KindBytes {
    double graph = -1;          // live heap the GraphLoad holds (objects, keys, indexes)
    double frozen = -1;         // of that, the objects' frozen blocks
    double dom = -1;            // a deep copy of the object's nlohmann::json alone
    double managedFields = -1;  // of that copy, what metadata.managedFields takes
    double text = -1;           // the object as compact JSON text
};

struct Measured {
    int multiple = 0;
    std::array<std::size_t, 4> objects{};  // of kMeasuredKinds, as listed back
    double seedSeconds = -1;  // -1: not seeded in this run (--seeded)
    double settleSeconds = -1;
    bench::Created seeded;
    std::vector<bench::AppRun> cold, warm;
    std::vector<double> kubectlMs, kubectlRssMiB, kubectlCpuMs;
    double kubectlMiB = -1;  // output size
    std::array<KindBytes, 4> bytes{};
    double loadAllMs = -1;     // TenancyFeed::load of every kind, in process
    double loadAllCpuMs = -1;  // this process's CPU time meanwhile (every thread)
    double loadPagedMs = -1;   // the same load through paged lists (limit/continue), its peer
    double loadPagedCpuMs = -1;
    double enginesSeparateMiB = -1;  // tree feed + permission feed live, each watching on its own
    double enginesSharedMiB = -1;    // the same through the connection's shared watches
    double planDataMiB = -1;         // RbacFeed::data(): the copy a plan preview reads, held
    double planDataMs = -1;
    std::size_t planDataObjects = 0;
    double outlineMs = -1;     // TenancyOutline::build + TenancyTreeModel::setOutline
    int treeNodes = 0;
    double treeModelBytes = -1;  // live heap the tree model holds once set (the outline it was built from released)
    std::string filterText;
    int keptRows = 0;  // rows the proxy keeps for the whole filter text
    Keystrokes proxy, navigator;

    std::size_t total() const { return objects[0] + objects[1] + objects[2] + objects[3]; }
};

// Member bindings of projects in workspaces [begin, end): project p of a workspace binds the
// users p, p+1, p+2, p+3 (mod 10) of the workspace's own ten, through the factory's
// project member binding, so every user is a member of four projects.
void addMemberBindings(const ObjectFactory &factory, int begin, int end, std::vector<nlohmann::json> &out)
{
    for (int w = begin; w < end; ++w)
        for (int p = 0; p < kProjectsPerWorkspace; ++p)
            for (int k = 0; k < kBindingsPerProject; ++k)
                out.push_back(factory.projectRoleBinding(bench::projectName(w, p),
                                                         bench::userName(w * kUsersPerWorkspace + (p + k) % kUsersPerWorkspace),
                                                         kMemberRoles[std::size_t(k)]));
}

// Seeds workspaces [from, to) with their projects, users and bindings; true when every write
// was created or already there.
bool seed(Client &client, const ObjectFactory &factory, int from, int to, Measured &m)
{
    const TenancyApi &api = factory.api();
    std::vector<nlohmann::json> workspaces, projects, users, bindings;
    bench::addWorkspaces(factory, from, to, kProjectsPerWorkspace, workspaces, projects);
    bench::addUsers(factory, from * kUsersPerWorkspace, to * kUsersPerWorkspace, users);
    addMemberBindings(factory, from, to, bindings);
    QElapsedTimer t;
    t.start();
    // Namespaces before the bindings that live in them.
    for (const auto &[gvr, objects] : {std::pair{&api.workspaceTemplate, &workspaces}, std::pair{&TenancyApi::namespaces, &projects},
                                       std::pair{&api.user, &users}, std::pair{&api.projectRoleBinding, &bindings}}) {
        const bench::Created c = bench::createAll(client, *gvr, *objects, kWriters, kTag);
        m.seeded.created += c.created;
        m.seeded.existed += c.existed;
        m.seeded.failed += c.failed;
    }
    m.seedSeconds = double(t.elapsed()) / 1000.0;
    return m.seeded.ok();
}

// How many objects of a resource the cluster holds (all namespaces): one object and the server's
// remainingItemCount. -1 when the server does not say.
long long countOf(Client &client, const GroupVersionResource &gvr)
{
    ListOptions options;
    options.limit = 1;
    auto doc = client.requestJson(RequestBuilder(gvr).list("", options), "count " + gvr.groupResource());
    if (!doc)
        return -1;
    const auto items = doc->value("items", nlohmann::json::array()).size();
    return (long long)items + doc->value("/metadata/remainingItemCount"_json_pointer, 0LL);
}

// kube-controller-manager gives every new namespace a ServiceAccount "default" and a ConfigMap
// "kube-root-ca.crt", about 20 of each a second: after seeding, waits until it has caught up (at
// most two hours; 10× took 20-25 minutes after its seeding), so the measurements do not share the
// cluster with that work. Seconds waited; -1: gave up.
double settle(Client &client)
{
    const GroupVersionResource serviceAccounts{"", "v1", "serviceaccounts", true, "ServiceAccount"};
    const GroupVersionResource configMaps{"", "v1", "configmaps", true, "ConfigMap"};
    QElapsedTimer t;
    t.start();
    qint64 lastReport = 0;
    long long lastAccounts = -1, lastMaps = -1;
    while (t.elapsed() < 120 * 60 * 1000) {
        const long long namespaces = countOf(client, TenancyApi::namespaces);
        const long long accounts = countOf(client, serviceAccounts), maps = countOf(client, configMaps);
        // Other namespaces hold a few more of each (kube-system): caught up is "as many, and no
        // longer growing".
        if (namespaces > 0 && accounts >= namespaces && maps >= namespaces && accounts == lastAccounts && maps == lastMaps)
            return double(t.elapsed()) / 1000.0;
        lastAccounts = accounts;
        lastMaps = maps;
        if (t.elapsed() - lastReport >= 60000) {
            lastReport = t.elapsed();
            std::fprintf(stderr, "%s: kube-controller-manager: %lld of %lld namespaces have their ServiceAccount, %lld their ConfigMap\n",
                         kTag, accounts, namespaces, maps);
        }
        QThread::sleep(5);
    }
    return -1;
}

// Live heap bytes the graph of one kind holds: the counter while the GraphLoad is alive, less
// the counter once it is released (what the client keeps, connections and buffers, cancels out).
// While it is held, the objects are copied to see what their JSON trees alone take.
KindBytes bytesPerObject(const session::FeedSource &source, GraphKind kind, std::size_t *count)
{
    KindBytes out;
    session::LoadOptions options;
    options.kinds = {kind};
    std::optional<Result<session::GraphLoad>> load;
    load.emplace(session::TenancyFeed::load(source, options));
    const long long held = heap::live();
    if (!*load) {
        std::fprintf(stderr, "%s: loading %s: %s\n", kTag, toString(kind), (*load).error().describe().c_str());
        return out;
    }
    const GraphSnapshot &snapshot = (**load).snapshot;
    *count = snapshot.count(kind);
    if (*count == 0)
        return out;
    const double n = double(*count);
    {
        std::size_t text = 0, frozen = 0;
        snapshot.forEach(kind, [&](const std::string &, const GraphObject &o) {
            text += o->dump().size();
            frozen += kube::frozenBytes(*o);
            return true;
        });
        out.text = double(text) / n;
        out.frozen = double(frozen) / n;
        std::vector<nlohmann::json> copies;
        copies.reserve(*count);
        const long long before = heap::live();
        snapshot.forEach(kind, [&](const std::string &, const GraphObject &o) {
            copies.push_back(o->toJson());
            return true;
        });
        const long long copied = heap::live();
        for (auto &c : copies)
            c["metadata"].erase("managedFields");
        out.dom = double(copied - before) / n;
        out.managedFields = double(copied - heap::live()) / n;
    }
    load.reset();
    out.graph = double(held - heap::live()) / n;
    return out;
}

// Live heap of the tree's feed and the permission feed of one cluster, both synced and the
// permission index built (the Dashboard open): each with watches of its own (as before), or
// through one WatchHub (as a connection's feeds are now). MiB; -1 when they did not sync.
// With `m`, also what a plan preview's read of the permission data costs (PlanImpact's reader:
// RbacFeed::data(), every RBAC-relevant object copied out of its frozen form).
double enginesMiB(const session::FeedSource &base, bool shared, Measured *m = nullptr)
{
    session::FeedSource source = base;
    if (shared) {
        source.watches = std::make_shared<session::WatchHub>(source.listerWatcher,
                                                             session::feedWatcherOptions({}, source.streamingLists));
    }
    const long long before = heap::live();
    double mib = -1;
    {
        session::TenancyFeed tree(source, session::TenancyFeedCallbacks{});
        session::RbacFeed permissions(source);
        tree.start();
        permissions.start();
        QElapsedTimer t;
        t.start();
        while (!(tree.initialRoundDone() && permissions.synced()) && t.elapsed() < 10 * 60 * 1000)
            QThread::msleep(50);
        if (tree.initialRoundDone() && permissions.synced()) {
            (void)permissions.index();
            mib = double(heap::live() - before) / 1048576.0;
            if (m) {
                const long long held = heap::live();
                QElapsedTimer copying;
                copying.start();
                const rbac::RbacData data = permissions.data();
                m->planDataMs = double(copying.nsecsElapsed()) / 1e6;
                m->planDataMiB = double(heap::live() - held) / 1048576.0;
                m->planDataObjects = data.size();
            }
        }
    }
    return mib;
}

// Keystroke i typed the first i + 1 characters of `text`.
Keystrokes summarize(const std::vector<double> &ms, const QString &text)
{
    Keystrokes k;
    k.count = int(ms.size());
    if (ms.empty())
        return k;
    const auto slowest = std::max_element(ms.begin(), ms.end());
    k.slowestMs = *slowest;
    k.slowestText = text.left(int(slowest - ms.begin()) + 1).toStdString();
    k.medianMs = bench::median(ms);
    return k;
}

// Every row the proxy keeps, asked for as an expanded view asks (the proxy filters lazily: a
// setFilterText nobody reads costs nothing).
int walk(const QAbstractItemModel &model, const QModelIndex &parent)
{
    const int rows = model.rowCount(parent);
    int total = rows;
    for (int r = 0; r < rows; ++r)
        total += walk(model, model.index(r, 0, parent));
    return total;
}

double msOf(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

// Builds the tree from a load of every kind, then types `text` into the filter one character at
// a time: the proxy alone (setFilterText), then the navigator as the window has it (proxy, tree
// view shown offscreen, expansion), each keystroke with the events it posts.
void measureTree(const session::FeedSource &source, const QString &text, Measured &m)
{
    QElapsedTimer t;
    t.start();
    const double cpu = bench::cpuMs();
    auto load = session::TenancyFeed::load(source);
    if (!load) {
        std::fprintf(stderr, "%s: loading every kind: %s\n", kTag, load.error().describe().c_str());
        return;
    }
    m.loadAllMs = msOf(t);
    m.loadAllCpuMs = bench::cpuMs() - cpu;
    {
        // The peer in the same minute: the load as it was before it streamed, page by page.
        session::FeedSource paged = source;
        paged.streamingLists = false;
        t.restart();
        const double cpuBefore = bench::cpuMs();
        auto pagedLoad = session::TenancyFeed::load(paged);
        m.loadPagedMs = pagedLoad ? msOf(t) : -1;
        m.loadPagedCpuMs = bench::cpuMs() - cpuBefore;
    }
    t.restart();
    const QString cluster = QStringLiteral("bench");
    const long long beforeModel = heap::live();
    TenancyTreeModel model;
    model.addCluster(cluster);
    model.setOutline(cluster, TenancyOutline::build(load->snapshot, load->forbidden));
    m.outlineMs = msOf(t);
    m.treeNodes = model.nodeCount();
    m.treeModelBytes = double(heap::live() - beforeModel);
    m.filterText = text.toStdString();

    std::vector<double> proxyMs;
    {
        TenancyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        walk(proxy, {});  // the mapping a view would have asked for before the first keystroke
        for (int i = 1; i <= text.size(); ++i) {
            t.restart();
            proxy.setFilterText(text.left(i));
            m.keptRows = walk(proxy, {});
            proxyMs.push_back(msOf(t));
        }
    }
    m.proxy = summarize(proxyMs, text);

    std::vector<double> navigatorMs;
    {
        NavigatorWidget navigator(&model);
        navigator.resize(360, 900);
        navigator.show();
        navigator.expandCluster(cluster);
        QCoreApplication::processEvents();
        for (int i = 1; i <= text.size(); ++i) {
            t.restart();
            navigator.setFilterText(text.left(i));
            QCoreApplication::processEvents();
            navigatorMs.push_back(msOf(t));
        }
    }
    m.navigator = summarize(navigatorMs, text);
}

// kubectl get of the four kinds as JSON: wall time and peak memory; the output goes to a file
// in `dir` to be counted.
void timeKubectl(const QString &kubeconfig, const QTemporaryDir &dir, Measured &m)
{
    const std::string out = dir.filePath(QStringLiteral("kubectl.json")).toStdString();
    const bench::Spawned s = bench::spawnTimed({bench::kubectlProgram().toStdString(), "--kubeconfig", kubeconfig.toStdString(),
                                                "get", kKubectlResources, "-A", "-o", "json"},
                                               out);
    if (s.exitCode != 0) {
        std::fprintf(stderr, "%s: kubectl get %s exited with %d\n", kTag, kKubectlResources, s.exitCode);
        return;
    }
    m.kubectlMs.push_back(s.seconds * 1000.0);
    m.kubectlRssMiB.push_back(double(s.maxRssKiB) / 1024.0);
    m.kubectlCpuMs.push_back(s.cpuSeconds * 1000.0);
    m.kubectlMiB = double(QFileInfo(QString::fromStdString(out)).size()) / 1048576.0;
    QFile::remove(QString::fromStdString(out));
}

// --- the table ----------------------------------------------------------------------------

std::string withCommas(double value)
{
    if (value < 0 || !std::isfinite(value))
        return "—";
    std::string digits = std::to_string(static_cast<long long>(std::llround(value)));
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(std::size_t(i), ",");
    return digits;
}

std::string fixed(double value, int decimals)
{
    if (value < 0 || !std::isfinite(value))
        return "—";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

struct Row {
    std::string figure;
    std::map<int, std::string> cells;  // by multiple
    std::map<int, double> values;      // what the growth is computed on (absent: none)
    std::string peer = "—", ratio = "—";
    bool growth = true;
    bool perObject = false;  // a figure per object: flat is the ideal
};

// A figure measured at each size: `value` gives the number (negative: not measured) and `text`
// how the cell shows it.
template <typename Value, typename Text>
Row figureRow(std::string figure, const std::vector<Measured> &sizes, Value value, Text text)
{
    Row row;
    row.figure = std::move(figure);
    for (const Measured &m : sizes) {
        const double v = value(m);
        row.cells[m.multiple] = text(m, v);
        if (v >= 0)
            row.values[m.multiple] = v;
    }
    return row;
}

// The kubectl column: the peer at the largest size that has both figures, and ours / kubectl.
void setPeer(Row &row, const std::vector<Measured> &sizes, double (*peer)(const Measured &), const char *unit)
{
    for (auto it = sizes.rbegin(); it != sizes.rend(); ++it) {
        const double p = peer(*it);
        const auto ours = row.values.find(it->multiple);
        if (p <= 0 || ours == row.values.end())
            continue;
        row.peer = withCommas(p) + " " + unit + " at " + std::to_string(it->multiple) + "×";
        row.ratio = fixed(ours->second / p, 2) + "×";
        return;
    }
}

std::string medianCell(double v, const char *unit) { return v < 0 ? "—" : withCommas(v) + " " + unit; }

std::vector<double> field(const std::vector<bench::AppRun> &runs, double bench::AppRun::*f)
{
    std::vector<double> v;
    for (const auto &r : runs)
        v.push_back(r.*f);
    return v;
}

double kubectlMedian(const Measured &m) { return bench::median(m.kubectlMs); }
double kubectlRss(const Measured &m) { return bench::median(m.kubectlRssMiB); }
double kubectlCpu(const Measured &m) { return bench::median(m.kubectlCpuMs); }

void printGrowth(std::FILE *out, const std::vector<Row> &rows, const std::vector<Measured> &sizes);

void printTable(std::FILE *out, const std::vector<Measured> &sizes, int p1Workspaces)
{
    std::vector<Row> rows;
    rows.push_back(figureRow("objects listed back: workspace templates / projects (all namespaces) / users / member bindings", sizes,
                             [](const Measured &m) { return double(m.total()); },
                             [](const Measured &m, double) {
                                 return withCommas(double(m.objects[0])) + " / " + withCommas(double(m.objects[1])) + " / "
                                     + withCommas(double(m.objects[2])) + " / " + withCommas(double(m.objects[3]));
                             }));
    rows.back().growth = false;
    rows.push_back(figureRow("seeding this size (informational): new objects, seconds, objects/s (16 writers), then kube-controller-manager catching up", sizes,
                             [](const Measured &m) { return m.seedSeconds; },
                             [](const Measured &m, double) {
                                 if (m.seedSeconds < 0)
                                     return std::string("not seeded in this run (--seeded)");
                                 return withCommas(double(m.seeded.created)) + " new (" + withCommas(double(m.seeded.existed))
                                     + " existed) in " + fixed(m.seedSeconds, 0) + " s = "
                                     + withCommas(m.seedSeconds > 0 ? double(m.seeded.created) / m.seedSeconds : -1)
                                     + "/s; controllers settled " + fixed(m.settleSeconds, 0) + " s later";
                             }));
    rows.back().growth = false;

    Row tree = figureRow("time to a complete tree, ms (tenantry's own clock; target ≤ 0.5× kubectl)", sizes,
                         [](const Measured &m) { return bench::median(field(m.cold, &bench::AppRun::treeCompleteMs)); },
                         [](const Measured &, double v) { return medianCell(v, "ms"); });
    setPeer(tree, sizes, kubectlMedian, "ms");
    rows.push_back(tree);
    rows.push_back(figureRow("first paint, ms (informational)", sizes,
                             [](const Measured &m) { return bench::median(field(m.cold, &bench::AppRun::firstPaintMs)); },
                             [](const Measured &, double v) { return medianCell(v, "ms"); }));
    Row kubectl = figureRow(std::string("kubectl get ") + kKubectlResources + " -A -o json (the peer), ms", sizes, kubectlMedian,
                            [](const Measured &m, double v) { return medianCell(v, "ms") + " (" + fixed(m.kubectlMiB, 0) + " MiB)"; });
    rows.push_back(kubectl);

    Row cpu = figureRow("CPU time of an app run, start to exit (user + system, ms; the machine is shared: CPU is the steadier clock)",
                        sizes, [](const Measured &m) { return bench::median(field(m.cold, &bench::AppRun::cpuMs)); },
                        [](const Measured &, double v) { return medianCell(v, "ms"); });
    setPeer(cpu, sizes, kubectlCpu, "ms CPU");
    rows.push_back(cpu);

    Row rss = figureRow("resident memory with the tree loaded, MiB (targets ≤ 100 at 1×, ≤ 400 at 10×; kubectl: its peak RSS)", sizes,
                        [](const Measured &m) { return bench::median(field(m.cold, &bench::AppRun::rssMiB)); },
                        [](const Measured &, double v) { return medianCell(v, "MiB"); });
    setPeer(rss, sizes, kubectlRss, "MiB");
    rows.push_back(rss);
    rows.push_back(figureRow("of it: mapped files (libraries, fonts) / anonymous; of the heap: live allocations / malloc's free chunks, MiB "
                             "(the app's figures at the same moment, informational)",
                             sizes,
                             [](const Measured &m) { return bench::median(field(m.cold, &bench::AppRun::rssFileMiB)); },
                             [](const Measured &m, double) {
                                 const auto cell = [&](double bench::AppRun::*f) {
                                     const double v = bench::median(field(m.cold, f));
                                     return v < 0 ? std::string("—") : withCommas(v);
                                 };
                                 return cell(&bench::AppRun::rssFileMiB) + " / " + cell(&bench::AppRun::rssAnonMiB) + "; "
                                     + cell(&bench::AppRun::heapInUseMiB) + " / " + cell(&bench::AppRun::heapFreeMiB) + " MiB";
                             }));
    rows.back().growth = false;

    rows.push_back(figureRow("restart with the cache: tree-cached, ms (target ≤ 300 at 1×)", sizes,
                             [](const Measured &m) { return bench::median(field(m.warm, &bench::AppRun::treeCachedMs)); },
                             [](const Measured &, double v) { return v < 0 ? std::string("n/a (no cache line)") : withCommas(v) + " ms"; }));
    Row warm = figureRow("restart with the cache: live tree-complete of that run, ms", sizes,
                         [](const Measured &m) { return bench::median(field(m.warm, &bench::AppRun::treeCompleteMs)); },
                         [](const Measured &, double v) { return medianCell(v, "ms"); });
    setPeer(warm, sizes, kubectlMedian, "ms");
    rows.push_back(warm);

    for (std::size_t k = 0; k < kMeasuredKinds.size(); ++k)
    {
        rows.push_back(figureRow(std::string("graph bytes per object: ") + toString(kMeasuredKinds[k]) + " (in process; target ≤ 1 KB)",
                                 sizes, [k](const Measured &m) { return m.bytes[k].graph; },
                                 [](const Measured &, double v) { return v < 0 ? std::string("—") : withCommas(v) + " B"; }));
        rows.back().perObject = true;
    }

    Row loadAll = figureRow("in process: TenancyFeed::load of every tenancy kind (informational), ms", sizes,
                            [](const Measured &m) { return m.loadAllMs; },
                            [](const Measured &m, double v) { return medianCell(v, "ms") + " (CPU " + withCommas(m.loadAllCpuMs) + " ms)"; });
    setPeer(loadAll, sizes, kubectlMedian, "ms");
    rows.push_back(loadAll);
    Row loadPaged = figureRow("in process: the same load through paged lists (the peer: how it loaded before), ms", sizes,
                              [](const Measured &m) { return m.loadPagedMs; },
                              [](const Measured &m, double v) { return medianCell(v, "ms") + " (CPU " + withCommas(m.loadPagedCpuMs) + " ms)"; });
    setPeer(loadPaged, sizes, kubectlMedian, "ms");
    rows.push_back(loadPaged);
    Row engines = figureRow("in process: live heap of the tree feed + permission feed, synced, index built (the Dashboard open), "
                            "one watch per resource shared by both, MiB",
                            sizes, [](const Measured &m) { return m.enginesSharedMiB; },
                            [](const Measured &, double v) { return v < 0 ? std::string("—") : withCommas(v) + " MiB"; });
    rows.push_back(engines);
    rows.push_back(figureRow("in process: the same with each feed watching on its own (the peer: how it was before), MiB", sizes,
                             [](const Measured &m) { return m.enginesSeparateMiB; },
                             [](const Measured &, double v) { return v < 0 ? std::string("—") : withCommas(v) + " MiB"; }));
    rows.push_back(figureRow("in process: a plan preview's copy of the permission data (RbacFeed::data(), held while the "
                             "preview computes; informational), MiB",
                             sizes, [](const Measured &m) { return m.planDataMiB; },
                             [](const Measured &m, double v) {
                                 return v < 0 ? std::string("—")
                                              : withCommas(v) + " MiB, " + withCommas(m.planDataMs) + " ms ("
                                                  + withCommas(double(m.planDataObjects)) + " objects)";
                             }));
    rows.back().growth = false;
    rows.push_back(figureRow("in process: outline build + TenancyTreeModel::setOutline (informational), ms", sizes,
                             [](const Measured &m) { return m.outlineMs; },
                             [](const Measured &m, double v) {
                                 return medianCell(v, "ms") + " (" + withCommas(m.treeNodes) + " nodes; the model's heap "
                                     + withCommas(m.treeModelBytes / 1048576.0) + " MiB, "
                                     + withCommas(m.treeNodes > 0 ? m.treeModelBytes / m.treeNodes : -1) + " B per node)";
                             }));
    auto keystrokeCell = [](const Keystrokes &k) {
        return k.slowestMs < 0 ? std::string("—") : fixed(k.slowestMs, 1) + " / " + fixed(k.medianMs, 1) + " ms";
    };
    rows.push_back(figureRow("filter keystroke, proxy setFilterText + walk of the rows it keeps: slowest / median, ms (target ≤ 50 at 10×)", sizes,
                             [](const Measured &m) { return m.proxy.slowestMs; },
                             [&](const Measured &m, double) { return keystrokeCell(m.proxy); }));
    rows.push_back(figureRow("filter keystroke, NavigatorWidget (proxy + tree view offscreen, events flushed): slowest / median, ms",
                             sizes, [](const Measured &m) { return m.navigator.slowestMs; },
                             [&](const Measured &m, double) { return keystrokeCell(m.navigator); }));

    std::string runs;
    for (const Measured &m : sizes)
        runs += (runs.empty() ? "" : ", ") + std::to_string(runsAt(m.multiple)) + " at " + std::to_string(m.multiple) + "×";
    std::fprintf(out, "P1 = %d workspaces, %d projects, %d users, %d bindings. App figures: median of the app runs (%s);\n"
                "each run is a start with an empty cache, kubectl, then a restart with that run's cache.\n"
                "Filter text at each size: a project of the last workspace, typed one character at a time (below).\n\n",
                p1Workspaces, p1Workspaces * kProjectsPerWorkspace, p1Workspaces * kUsersPerWorkspace,
                p1Workspaces * kProjectsPerWorkspace * kBindingsPerProject, runs.c_str());
    std::fprintf(out, "| figure | 1× | 3× | 10× | kubectl | ratio |\n|---|---|---|---|---|---|\n");
    for (const Row &row : rows) {
        std::fprintf(out, "| %s |", row.figure.c_str());
        for (int multiple : kColumns) {
            const auto it = row.cells.find(multiple);
            std::fprintf(out, " %s |", it == row.cells.end() ? "not run" : it->second.c_str());
        }
        std::fprintf(out, " %s | %s |\n", row.peer.c_str(), row.ratio.c_str());
    }

    printGrowth(out, rows, sizes);

    const Measured &largest = sizes.back();
    std::fprintf(out, "\nWhere an object's bytes go at %d× (per object: the graph's share; a deep copy of its JSON tree, of which "
                "metadata.managedFields; its compact JSON text):\n\n",
                largest.multiple);
    for (std::size_t k = 0; k < kMeasuredKinds.size(); ++k) {
        const KindBytes &b = largest.bytes[k];
        std::fprintf(out, "- %s: graph %s B, of which the frozen object's block %s B; as an nlohmann tree %s B, of which managedFields %s B; text %s B\n",
                    toString(kMeasuredKinds[k]), withCommas(b.graph).c_str(), withCommas(b.frozen).c_str(), withCommas(b.dom).c_str(), withCommas(b.managedFields).c_str(),
                    withCommas(b.text).c_str());
    }
    std::fprintf(out, "\nFilter texts: ");
    for (const Measured &m : sizes)
        std::fprintf(out, "%s\"%s\" at %d× (%s rows kept; slowest keystroke: proxy at \"%s\", navigator at \"%s\")",
                     &m == &sizes.front() ? "" : "; ", m.filterText.c_str(), m.multiple, withCommas(m.keptRows).c_str(),
                     m.proxy.slowestText.c_str(), m.navigator.slowestText.c_str());
    std::fprintf(out, ".\n");
}

// Growth: from the smallest to the largest size measured, against the growth of the size.
void printGrowth(std::FILE *out, const std::vector<Row> &rows, const std::vector<Measured> &sizes)
{
    if (sizes.size() < 2) {
        std::fprintf(out, "\nGrowth: one size measured, nothing to compare.\n");
        return;
    }
    const Measured &lo = sizes.front(), &hi = sizes.back();
    const double sizeGrowth = double(hi.multiple) / double(lo.multiple);
    std::fprintf(out, "\nGrowth from %d× to %d× (the size grows %.1f×; objects listed back %.2f×). Exponent = log(growth) / log(size "
                "growth): about 1 linear, below 0.8 sub-linear, above 1.2 super-linear.\n\n",
                lo.multiple, hi.multiple, sizeGrowth, lo.total() ? double(hi.total()) / double(lo.total()) : 0.0);
    for (const Row &row : rows) {
        if (!row.growth)
            continue;
        const auto a = row.values.find(lo.multiple), b = row.values.find(hi.multiple);
        if (a == row.values.end() || b == row.values.end() || a->second <= 0) {
            std::fprintf(out, "- %s: n/a\n", row.figure.c_str());
            continue;
        }
        const double growth = b->second / a->second;
        const double exponent = std::log(growth) / std::log(sizeGrowth);
        const char *shape = row.perObject ? (growth < 0.8 ? "per object: falls" : growth > 1.25 ? "per object: rises (the total is super-linear)"
                                                                                       : "per object: flat (the total is linear)")
            : exponent < 0.8 ? "sub-linear" : exponent > 1.2 ? "super-linear" : "linear";
        std::fprintf(out, "- %s: %s → %s, %.2f× (exponent %.2f): %s\n", row.figure.c_str(), fixed(a->second, 1).c_str(),
                    fixed(b->second, 1).c_str(), growth, exponent, shape);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int p1Workspaces = 500;
    bool seeded = false;
    std::set<int> multiples;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--p1-workspaces" && i + 1 < argc) {
            p1Workspaces = std::atoi(argv[++i]);
            continue;
        }
        if (a == "--seeded") {  // the cluster already holds the largest size: measure only
            seeded = true;
            continue;
        }
        const int m = std::atoi(a.c_str());
        if (std::find(kColumns.begin(), kColumns.end(), m) == kColumns.end() || p1Workspaces <= 0) {
            std::fprintf(stderr, "usage: bench_scale [--p1-workspaces N] [--seeded] [1] [3] [10]\n");
            return 2;
        }
        multiples.insert(m);
    }
    if (multiples.empty())
        multiples = {kColumns.begin(), kColumns.end()};
    const QString kubeconfig = qEnvironmentVariable("KUBECONFIG");
    if (kubeconfig.isEmpty()) {
        std::fprintf(stderr, "%s: KUBECONFIG names the bench cluster's kubeconfig (scripts/bench-scale sets it)\n", kTag);
        return 2;
    }
    const QString tenantry = QFileInfo(QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/tenantry")).absoluteFilePath();
    // The discovery cache (the app's and kubectl's, same layout) stays out of the home folder.
    QTemporaryDir kubeCache;
    qputenv("KUBECACHEDIR", kubeCache.path().toLocal8Bit());

    const auto writer = bench::clientFor(kubeconfig, 0, kTag);  // seeding is not what is measured
    const auto reader = bench::clientFor(kubeconfig, 50, kTag);  // the in-process loads: as the app's client is
    if (!writer || !reader)
        return 1;
    if (auto discovered = reader->discovery().ensureLoaded(); !discovered) {
        std::fprintf(stderr, "%s: discovery: %s\n", kTag, discovered.error().describe().c_str());
        return 1;
    }
    if (TenancyApi::detect(reader->discovery()).flavor != ApiFlavor::V4) {
        std::fprintf(stderr, "%s: the cluster serves no KubeSphere 4.x tenancy API (Tenantry's CRDs)\n", kTag);
        return 1;
    }
    const ObjectFactory factory(TenancyApi::forFlavor(ApiFlavor::V4), "bench");
    session::FeedSource source{factory.api(), session::listerWatchersOf(reader), session::discoveryOf(reader)};
    source.streamingLists = true;  // a real API server, as feedSourceOf says for the app

    std::vector<Measured> sizes;
    int seededWorkspaces = 0;
    for (int multiple : multiples) {
        Measured m;
        m.multiple = multiple;
        const int workspaces = p1Workspaces * multiple;
        if (seeded) {
            if (multiples.size() > 1) {
                std::fprintf(stderr, "%s: --seeded measures one size (the one the cluster holds)\n", kTag);
                return 2;
            }
        } else {
            std::fprintf(stderr, "%s: %d×: seeding workspaces %d..%d\n", kTag, multiple, seededWorkspaces, workspaces - 1);
            if (!seed(*writer, factory, seededWorkspaces, workspaces, m)) {
                std::fprintf(stderr, "%s: seeding %d× failed (%zu writes)\n", kTag, multiple, m.seeded.failed);
                return 1;
            }
            seededWorkspaces = workspaces;
            std::fprintf(stderr, "%s: %d×: %zu objects created in %.0f s\n", kTag, multiple, m.seeded.created, m.seedSeconds);
        }
        std::fprintf(stderr, "%s: %d×: waiting for kube-controller-manager\n", kTag, multiple);
        m.settleSeconds = settle(*writer);
        std::fprintf(stderr, "%s: %d×: measuring in process\n", kTag, multiple);
        for (std::size_t k = 0; k < kMeasuredKinds.size(); ++k)
            m.bytes[k] = bytesPerObject(source, kMeasuredKinds[k], &m.objects[k]);
        measureTree(source, QString::fromStdString(bench::projectName(workspaces - 1, 7)), m);
        m.enginesSeparateMiB = enginesMiB(source, false);
        m.enginesSharedMiB = enginesMiB(source, true, &m);
        malloc_trim(0);  // what the loads freed goes back to the system before the app and kubectl run

        for (int run = 0; run < runsAt(multiple); ++run) {
            std::fprintf(stderr, "%s: %d×: app run %d of %d\n", kTag, multiple, run + 1, runsAt(multiple));
            // A fresh cache and settings for the first start, the same for the restart.
            QTemporaryDir home;
            const QMap<QString, QString> env{{QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache"))},
                                             {QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config"))}};
            m.cold.push_back(bench::runApp(tenantry, kubeconfig, env, kTag));
            timeKubectl(kubeconfig, home, m);
            m.warm.push_back(bench::runApp(tenantry, kubeconfig, env, kTag));
        }
        sizes.push_back(std::move(m));
        if (sizes.size() < multiples.size()) {
            // What is measured so far, in case a larger size does not finish.
            std::fprintf(stderr, "\n%s: the table so far\n\n", kTag);
            printTable(stderr, sizes, p1Workspaces);
            std::fprintf(stderr, "\n");
        }
    }
    printTable(stdout, sizes, p1Workspaces);
    return 0;
}
