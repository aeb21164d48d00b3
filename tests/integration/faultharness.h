// Shared by the fault tests (it_tst_faults, it_tst_apiserverrestart): a TenancyFeed and an
// RbacFeed kept live through one client (maybe through toxiproxy), and their comparison with a
// fresh, independent read through another client (never the proxy) once a fault has ended.
#pragma once

#include "clusterenv.h"
#include "tests/support/toxiproxy.h"

#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/rbac/rbacdata.h"
#include "kubeclient/session/rbacfeed.h"
#include "kubeclient/session/tenancyfeed.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>

namespace faults {

using namespace kube;

// "kind key rv" lines of everything a graph holds: equal sets mean the same objects at the same
// resourceVersions.
inline std::set<std::string> signature(const tenancy::GraphSnapshot &snapshot)
{
    std::set<std::string> out;
    for (std::size_t k = 0; k < tenancy::kGraphKindCount; ++k) {
        const auto kind = static_cast<tenancy::GraphKind>(k);
        snapshot.forEach(kind, [&](const std::string &key, const tenancy::GraphObject &object) {
            std::string rv;
            if (object && object->contains("metadata"))
                rv = (*object)["metadata"].value("resourceVersion", "");
            out.insert(std::string(tenancy::toString(kind)) + " " + key + " " + rv);
            return true;
        });
    }
    return out;
}

inline std::set<std::string> signature(const rbac::RbacData &data)
{
    std::set<std::string> out;
    for (const auto &[key, object] : data.objects()) {
        std::string rv;
        if (object.contains("metadata"))
            rv = object["metadata"].value("resourceVersion", "");
        out.insert(key.toString() + " " + rv);
    }
    return out;
}

inline std::string firstDifference(const std::set<std::string> &live, const std::set<std::string> &fresh)
{
    std::ostringstream out;
    int shown = 0;
    for (const auto &s : live)
        if (!fresh.count(s) && shown++ < 5)
            out << "  only live:  " << s << "\n";
    for (const auto &s : fresh)
        if (!live.count(s) && shown++ < 10)
            out << "  only fresh: " << s << "\n";
    return out.str();
}

// A client whose watch streams give up after idleMs without a byte (a dead connection).
inline std::shared_ptr<Client> clientFor(const std::string &kubeconfig, long requestTimeoutMs = 0, long idleMs = 0)
{
    auto cfg = clusterenv::transportFor(kubeconfig);
    if (!cfg)
        return nullptr;
    if (requestTimeoutMs > 0)
        cfg->requestTimeoutMs = requestTimeoutMs;
    if (idleMs > 0)
        cfg->streamIdleTimeoutMs = idleMs;
    return std::make_shared<Client>(std::move(*cfg));
}

// The admin kubeconfig with its server replaced by `hostPort` (the proxy): TLS stays end to end
// (the apiserver's certificate is valid for 127.0.0.1).
inline std::string kubeconfigThrough(const std::string &hostPort, const std::string &file, std::string *upstream)
{
    std::ifstream in(clusterenv::kubeconfigPath("admin"));
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    std::smatch m;
    const std::regex server(R"(server: https://([0-9.]+:[0-9]+))");
    if (!std::regex_search(s, m, server))
        return {};
    if (upstream)
        *upstream = m[1];
    s = std::regex_replace(s, server, "server: https://" + hostPort);
    const std::string path = clusterenv::stateDir() + "/kubeconfigs/" + file;
    std::ofstream(path) << s;
    return path;
}

// Live feeds through one client, counting the watch errors they report.
struct LiveFeeds {
    std::unique_ptr<session::TenancyFeed> tenancy;
    std::unique_ptr<session::RbacFeed> rbac;
    std::shared_ptr<std::atomic<int>> errors = std::make_shared<std::atomic<int>>(0);

    LiveFeeds(const std::shared_ptr<Client> &client, const tenancy::TenancyApi &api)
    {
        // As ClusterConnection::open does: the feeds watch only what discovery says is served.
        if (auto d = client->discovery().ensureLoaded(); !d)
            qWarning("discovery: %s", d.error().describe().c_str());
        session::FeedSource source{api, session::listerWatchersOf(client), session::discoveryOf(client)};
        session::TenancyFeedCallbacks callbacks;
        auto errs = errors;
        callbacks.error = [errs](tenancy::GraphKind kind, const Error &e, std::chrono::milliseconds) {
            if ((*errs)++ < 10 || qEnvironmentVariableIsSet("FAULTS_VERBOSE"))
                qInfo("watch error (%s): %s", tenancy::toString(kind), e.describe().c_str());
        };
        callbacks.forbidden = [](tenancy::GraphKind kind, const std::string &ns) {
            qWarning("watch of %s refused (403) in '%s': stopped", tenancy::toString(kind), ns.c_str());
        };
        WatcherOptions wo;
        // Short backoff: the tests measure recovery, not politeness.
        wo.backoff.initial = std::chrono::milliseconds(200);
        wo.backoff.max = std::chrono::milliseconds(2000);
        tenancy = std::make_unique<session::TenancyFeed>(source, callbacks, wo);
        session::RbacFeedCallbacks rbacCallbacks;
        rbacCallbacks.forbidden = [](const GroupVersionResource &gvr) {
            qWarning("RBAC watch of %s refused (403): stopped", gvr.resource.c_str());
        };
        rbac = std::make_unique<session::RbacFeed>(source, rbacCallbacks, wo);
        tenancy->start();
        rbac->start();
    }
    ~LiveFeeds()
    {
        tenancy->stop();
        rbac->stop();
    }
    bool waitSynced(int ms) const
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            if (tenancy->initialRoundDone() && rbac->synced())
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
};

// The fresh, independent view: a one-shot list of every tenancy kind and a new RbacFeed's first
// list, both through `direct` (not the proxy).
struct Fresh {
    std::set<std::string> graph, rbac;
    std::string error;
};

inline Fresh freshView(const std::shared_ptr<Client> &direct, const tenancy::TenancyApi &api)
{
    Fresh f;
    session::FeedSource source{api, session::listerWatchersOf(direct), session::discoveryOf(direct)};
    if (auto d = direct->discovery().ensureLoaded(); !d) {
        f.error = d.error().describe();
        return f;
    }
    auto load = session::TenancyFeed::load(source);
    if (!load) {
        f.error = load.error().describe();
        return f;
    }
    f.graph = signature(load->snapshot);
    session::RbacFeed feed(source);
    feed.start();
    for (int i = 0; i < 600 && !feed.synced(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!feed.synced())
        f.error = "a fresh RbacFeed did not list within 30 s";
    f.rbac = signature(feed.data());
    feed.stop();
    return f;
}

struct Convergence {
    bool converged = false;
    qint64 ms = 0;
    std::string difference;
};

// Polls until the live feeds equal a fresh read (both taken again each round), or timeoutMs.
inline Convergence waitConverged(const LiveFeeds &live, const std::shared_ptr<Client> &direct, const tenancy::TenancyApi &api,
                                 int timeoutMs)
{
    Convergence c;
    QElapsedTimer t;
    t.start();
    while (true) {
        const Fresh fresh = freshView(direct, api);
        const auto g = signature(live.tenancy->snapshot());
        const auto r = signature(live.rbac->data());
        if (fresh.error.empty() && g == fresh.graph && r == fresh.rbac) {
            c.converged = true;
            c.ms = t.elapsed();
            return c;
        }
        if (t.elapsed() > timeoutMs) {
            c.ms = t.elapsed();
            c.difference = fresh.error + "graph (live " + std::to_string(g.size()) + ", fresh "
                + std::to_string(fresh.graph.size()) + "):\n" + firstDifference(g, fresh.graph) + "rbac (live "
                + std::to_string(r.size()) + ", fresh " + std::to_string(fresh.rbac.size()) + "):\n"
                + firstDifference(r, fresh.rbac);
            return c;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
}

} // namespace faults
