// Discovery's disk cache, against a scripted API server: kubectl's folder layout, a fresh copy
// used without a request, an old one revalidated with its ETag (304 keeps it), a changed
// server document replacing it, and the cache root from KUBECACHEDIR.
#include "kubeclient/api/discovery.h"
#include "kubeclient/transport/transport.h"
#include "tests/support/testhttpserver.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <mutex>

using nlohmann::json;
using testsupport::TestHttpServer;
using testsupport::TestRequest;
using testsupport::TestResponse;

namespace {

json resourceEntry(const std::string &resource, const std::string &kind, bool namespaced)
{
    return {{"resource", resource},
            {"responseKind", {{"group", ""}, {"version", ""}, {"kind", kind}}},
            {"scope", namespaced ? "Namespaced" : "Cluster"},
            {"singularResource", ""},
            {"verbs", {"get", "list"}}};
}

json groupList(const std::string &group, const json &resources)
{
    return {{"kind", "APIGroupDiscoveryList"},
            {"apiVersion", "apidiscovery.k8s.io/v2"},
            {"items", {{{"metadata", {{"name", group}}}, {"versions", {{{"version", "v1"}, {"resources", resources}}}}}}}};
}

// An API server whose /apis document can change; it answers If-None-Match with 304.
class FakeDiscoveryServer
{
public:
    FakeDiscoveryServer()
        : m_server(TestHttpServer::plainOptions())
    {
        m_server.setHandler([this](const TestRequest &r) { return answer(r); });
    }

    void setApis(json doc, std::string etag)
    {
        std::lock_guard lock(m_mutex);
        m_apis = std::move(doc);
        m_apisEtag = std::move(etag);
    }
    std::string url() const { return m_server.url(); }
    int requestCount() const { return m_server.requestCount(); }
    std::vector<TestRequest> requests() const { return m_server.requests(); }

private:
    TestResponse answer(const TestRequest &r)
    {
        std::lock_guard lock(m_mutex);
        const bool core = r.target == "/api";
        const json &doc = core ? m_core : m_apis;
        const std::string etag = core ? "\"core-1\"" : m_apisEtag;
        if (r.header("If-None-Match") == etag) {
            TestResponse notModified;
            notModified.status = 304;
            notModified.headers.push_back({"ETag", etag});
            return notModified;
        }
        TestResponse out = TestResponse::json(200, doc.dump());
        out.headers.push_back({"ETag", etag});
        return out;
    }

    TestHttpServer m_server;
    std::mutex m_mutex;
    json m_core = groupList("", json::array({resourceEntry("pods", "Pod", true)}));
    json m_apis = groupList("apps", json::array({resourceEntry("deployments", "Deployment", true)}));
    std::string m_apisEtag = "\"apis-1\"";
};

kube::TransportConfig configFor(const FakeDiscoveryServer &server)
{
    kube::TransportConfig config;
    config.server = server.url();
    config.where = "cluster test";
    config.connectTimeoutMs = 5'000;
    config.requestTimeoutMs = 10'000;
    return config;
}

} // namespace

class tst_DiscoveryCache : public QObject
{
    Q_OBJECT
private slots:
    void folderFollowsKubectl();
    void cacheRootFromEnvironment();
    void freshCacheSendsNothing();
    void staleCacheIsRevalidatedWithItsEtag();
    void changedDocumentReplacesTheCache();
    void refreshAsksTheServer();
};

void tst_DiscoveryCache::folderFollowsKubectl()
{
    QCOMPARE(QString::fromStdString(kube::Discovery::cacheDirectory("/c", "https://127.0.0.1:6443")),
             QStringLiteral("/c/discovery/127.0.0.1_6443"));
    QCOMPARE(QString::fromStdString(kube::Discovery::cacheDirectory("/c", "https://api.example.com:443/prefix")),
             QStringLiteral("/c/discovery/api.example.com_443/prefix"));
}

void tst_DiscoveryCache::cacheRootFromEnvironment()
{
    const QByteArray saved = qgetenv("KUBECACHEDIR");
    qputenv("KUBECACHEDIR", "/somewhere/cache");
    QCOMPARE(QString::fromStdString(kube::Discovery::defaultCacheRoot()), QStringLiteral("/somewhere/cache"));
    qunsetenv("KUBECACHEDIR");
    QVERIFY(QString::fromStdString(kube::Discovery::defaultCacheRoot()).endsWith("/.kube/cache"));
    if (!saved.isEmpty())
        qputenv("KUBECACHEDIR", saved);
}

void tst_DiscoveryCache::freshCacheSendsNothing()
{
    // Given one process that discovered and cached
    QTemporaryDir dir;
    FakeDiscoveryServer server;
    const std::string cache = kube::Discovery::cacheDirectory(dir.path().toStdString(), server.url());
    {
        kube::Transport transport(configFor(server));
        kube::Discovery discovery(transport, "test");
        discovery.setDiskCache(cache);
        QVERIFY(discovery.ensureLoaded());
        QVERIFY(!discovery.servedFromDisk());
        QCOMPARE(server.requestCount(), 2);
    }
    QVERIFY(std::filesystem::exists(cache + "/tenantry-aggregated.json"));
    // When the next process loads within the TTL
    kube::Transport transport(configFor(server));
    kube::Discovery discovery(transport, "test");
    discovery.setDiskCache(cache);
    QVERIFY(discovery.ensureLoaded());
    // Then it sends nothing and knows the same resources
    QCOMPARE(server.requestCount(), 2);
    QVERIFY(discovery.servedFromDisk());
    QVERIFY(discovery.resolve("pods"));
    QVERIFY(discovery.resolve("deployments.apps"));
}

void tst_DiscoveryCache::staleCacheIsRevalidatedWithItsEtag()
{
    QTemporaryDir dir;
    FakeDiscoveryServer server;
    const std::string cache = kube::Discovery::cacheDirectory(dir.path().toStdString(), server.url());
    {
        kube::Transport transport(configFor(server));
        kube::Discovery discovery(transport, "test");
        discovery.setDiskCache(cache);
        QVERIFY(discovery.ensureLoaded());
    }
    // A TTL of zero: every copy is old
    kube::Transport transport(configFor(server));
    kube::Discovery discovery(transport, "test");
    discovery.setDiskCache(cache, std::chrono::seconds(0));
    QVERIFY(discovery.ensureLoaded());
    QCOMPARE(server.requestCount(), 4);
    int revalidated = 0;
    for (const auto &r : server.requests())
        if (!r.header("If-None-Match").empty())
            ++revalidated;
    QCOMPARE(revalidated, 2);
    // The 304s kept the cached documents
    QVERIFY(discovery.resolve("pods"));
    QVERIFY(discovery.resolve("deployments"));
}

void tst_DiscoveryCache::changedDocumentReplacesTheCache()
{
    QTemporaryDir dir;
    FakeDiscoveryServer server;
    const std::string cache = kube::Discovery::cacheDirectory(dir.path().toStdString(), server.url());
    {
        kube::Transport transport(configFor(server));
        kube::Discovery discovery(transport, "test");
        discovery.setDiskCache(cache);
        QVERIFY(discovery.ensureLoaded());
        QVERIFY(!discovery.resolve("widgets.example.com"));
    }
    // Given a CRD installed since: the server's document and ETag change
    server.setApis(groupList("example.com", json::array({resourceEntry("widgets", "Widget", false)})), "\"apis-2\"");
    kube::Transport transport(configFor(server));
    kube::Discovery discovery(transport, "test");
    discovery.setDiskCache(cache, std::chrono::seconds(0));
    QVERIFY(discovery.ensureLoaded());
    auto widgets = discovery.resolve("widgets.example.com");
    QVERIFY(widgets);
    QVERIFY(!widgets->gvr.namespaced);
    // And the cache holds the new document for the next process
    kube::Transport again(configFor(server));
    kube::Discovery next(again, "test");
    next.setDiskCache(cache);
    const int before = server.requestCount();
    QVERIFY(next.ensureLoaded());
    QCOMPARE(server.requestCount(), before);
    QVERIFY(next.resolve("widgets"));
}

void tst_DiscoveryCache::refreshAsksTheServer()
{
    // refresh() (a resource missing from a cached copy) always asks, even when fresh
    QTemporaryDir dir;
    FakeDiscoveryServer server;
    const std::string cache = kube::Discovery::cacheDirectory(dir.path().toStdString(), server.url());
    kube::Transport transport(configFor(server));
    kube::Discovery discovery(transport, "test");
    discovery.setDiskCache(cache);
    QVERIFY(discovery.ensureLoaded());
    QVERIFY(discovery.refresh());
    QCOMPARE(server.requestCount(), 4);
    QVERIFY(!discovery.servedFromDisk());
}

QTEST_GUILESS_MAIN(tst_DiscoveryCache)
#include "tst_discoverycache.moc"
