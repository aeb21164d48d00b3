// Faults between Tenantry and the real kube-apiserver, injected by toxiproxy (latency, a
// bandwidth limit, connections reset mid-body, half-open connections, a stream sliced into tiny
// pieces), and etcd compaction under a watch. For each: once the fault ends the live tree
// (TenancyFeed) and permission index (RbacFeed) converge to a fresh list through another
// client; a write plan run through the fault is applied at most once, and whatever it changed is
// reported applied or named as possibly applied. Timings go to bench_faults, not here.
#include "faultharness.h"

#include "kubeclient/tenancy/plan/plan.h"

#include <QtTest>

#include <thread>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

const GroupVersionResource kConfigMaps{"", "v1", "configmaps", true, "ConfigMap"};
const GroupVersionResource kRoles{"rbac.authorization.k8s.io", "v1", "roles", true, "Role"};
const GroupVersionResource kLimitRanges{"", "v1", "limitranges", true, "LimitRange"};
const GroupVersionResource kNamespaces{"", "v1", "namespaces", false, "Namespace"};

json role(const std::string &ns, const std::string &name, const std::string &verb)
{
    return {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "Role"},
            {"metadata", {{"name", name}, {"namespace", ns}}},
            {"rules", json::array({{{"apiGroups", {""}}, {"resources", {"configmaps"}}, {"verbs", {verb}}}})}};
}

json limitRange(const std::string &ns, const std::string &cpu)
{
    return {{"apiVersion", "v1"}, {"kind", "LimitRange"}, {"metadata", {{"name", "defaults"}, {"namespace", ns}}},
            {"spec", {{"limits", json::array({{{"type", "Container"}, {"default", {{"cpu", cpu}}}}})}}}};
}

// A ConfigMap of about 3 KB, so a slow or cut connection really cuts a body.
json configMap(const std::string &ns, const std::string &name, const std::string &stamp)
{
    json data = json::object();
    for (int i = 0; i < 30; ++i)
        data["k" + std::to_string(i)] = stamp + std::string(90, static_cast<char>('a' + i % 26));
    return {{"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"metadata", {{"name", name}, {"namespace", ns}}},
            {"data", data}};
}

struct Toxic {
    std::string type, stream;
    json attributes;
};
} // namespace

Q_DECLARE_METATYPE(std::vector<Toxic>)

class tst_Faults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void faultThenConverge_data();
    void faultThenConverge();
    void compactionUnderWatchLosesNothing();

private:
    std::shared_ptr<Client> m_direct;
    std::optional<ClusterTenancy> m_tenancy;
    std::unique_ptr<testsupport::Toxiproxy> m_toxiproxy;
    std::string m_proxied;  // kubeconfig through the proxy
    std::string m_ns;
};

void tst_Faults::initTestCase()
{
    m_direct = faults::clientFor(clusterenv::kubeconfigPath("admin"));
    QVERIFY(m_direct);
    auto t = detectTenancy(*m_direct);
    QVERIFY2(t, t ? "" : t.error().describe().c_str());
    m_tenancy = *t;
    m_toxiproxy = std::make_unique<testsupport::Toxiproxy>(testsupport::Toxiproxy::binaryPath(TENANTRY_SOURCE_DIR));
    QVERIFY2(m_toxiproxy->ok(), m_toxiproxy->error().c_str());
    std::string upstream;
    const std::string probe = faults::kubeconfigThrough("127.0.0.1:1", "probe.kubeconfig", &upstream);
    QVERIFY2(!upstream.empty(), "no server in the admin kubeconfig");
    const std::string listen = m_toxiproxy->createProxy("apiserver", upstream);
    QVERIFY2(!listen.empty(), m_toxiproxy->error().c_str());
    m_proxied = faults::kubeconfigThrough(listen, "admin-via-toxiproxy.kubeconfig", nullptr);
    // The proxy is transparent without toxics: the certificate verifies for 127.0.0.1.
    auto through = faults::clientFor(m_proxied);
    auto who = through->whoami();
    QVERIFY2(who, who ? "" : who.error().describe().c_str());
    QCOMPARE(qs(who->username), QStringLiteral("devcluster-admin"));

    m_ns = clusterenv::uniqueName("faults");
    QVERIFY(m_direct->create(kNamespaces, "", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", m_ns}}}}));
}

void tst_Faults::cleanupTestCase()
{
    if (m_direct && !m_ns.empty())
        (void)m_direct->remove(kNamespaces, "", m_ns);
}

void tst_Faults::faultThenConverge_data()
{
    QTest::addColumn<std::vector<Toxic>>("toxics");
    QTest::addColumn<int>("faultMs");
    QTest::addColumn<int>("mustBeAmbiguous");  // 1: the first write must reach the server and lose its answer
    // Latency both ways: every request and event is late, nothing fails.
    QTest::newRow("latency") << std::vector<Toxic>{{"latency", "downstream", {{"latency", 400}, {"jitter", 200}}},
                                                   {"latency", "upstream", {{"latency", 200}}}}
                             << 6000 << 0;
    // 4 KB/s from the server: a 3 KB write's answer takes most of a second, a list of all
    // ClusterRoles many seconds.
    QTest::newRow("bandwidth") << std::vector<Toxic>{{"bandwidth", "downstream", {{"rate", 4}}}} << 6000 << 0;
    // Every connection is reset (RST) as soon as the server sends: requests reach the server,
    // answers never come back.
    // The answer is lost: requests reach the server at once, answers take 10 s and the client
    // gives up after 8 s. The first write is made by the server but reported failed: the report
    // must say it may have been applied.
    QTest::newRow("answer_lost") << std::vector<Toxic>{{"latency", "downstream", {{"latency", 10000}}}} << 12000 << 1;
    QTest::newRow("reset_peer") << std::vector<Toxic>{{"reset_peer", "downstream", {{"timeout", 0}}}} << 5000 << 0;
    // Each connection is closed after 24 KB from the server: lists and watch streams are cut in
    // the middle of a body.
    QTest::newRow("limit_data") << std::vector<Toxic>{{"limit_data", "downstream", {{"bytes", 24000}}}} << 6000 << 0;
    // Half-open: nothing comes back and nothing is closed (timeout 0 keeps connections open and
    // drops what the server sends) until the toxic goes; only a client-side deadline notices.
    QTest::newRow("half_open") << std::vector<Toxic>{{"timeout", "downstream", {{"timeout", 0}}}} << 12000 << 0;
    // The stream arrives in slices of about 16 bytes, 2 ms apart (TLS records split everywhere).
    QTest::newRow("slicer") << std::vector<Toxic>{{"slicer", "downstream",
                                                   {{"average_size", 16}, {"size_variation", 8}, {"delay", 2000}}}}
                            << 6000 << 0;
}

void tst_Faults::faultThenConverge()
{
    QFETCH(std::vector<Toxic>, toxics);
    QFETCH(int, faultMs);
    QFETCH(int, mustBeAmbiguous);
    const std::string tag = QTest::currentDataTag();
    std::string p = tag;  // object name prefix
    std::replace(p.begin(), p.end(), '_', '-');

    // Given feeds through the proxy, synced, and a role that the fault will see deleted
    // (requests time out after 8 s, streams after 6 s of silence: a dead connection is noticed)
    auto proxied = faults::clientFor(m_proxied, 8000, 6000);
    QVERIFY(proxied);
    QVERIFY(m_direct->apply(kRoles, m_ns, role(m_ns, p + "-doomed", "get"), {false, "faults-test", "", true}));
    faults::LiveFeeds live(proxied, m_tenancy->api);
    QVERIFY2(live.waitSynced(120000), "the feeds did not sync through the proxy");
    qInfo("live after sync: graph %zu rbac %zu (rbac synced %d)", faults::signature(live.tenancy->snapshot()).size(),
          faults::signature(live.rbac->data()).size(), int(live.rbac->synced()));
    auto before = faults::waitConverged(live, m_direct, m_tenancy->api, 30000);
    QVERIFY2(before.converged, ("not even equal before the fault:\n" + before.difference).c_str());

    // (a read leaves a warm connection in the client's pool, as a window's client always has)
    QVERIFY(proxied->get(kNamespaces, "", m_ns));
    // When the fault starts
    int n = 0;
    for (const auto &t : toxics)
        QVERIFY2(m_toxiproxy->addToxic("apiserver", "t" + std::to_string(n++), t.type, t.stream, t.attributes),
                 m_toxiproxy->error().c_str());
    QElapsedTimer faultClock;
    faultClock.start();

    // and a plan of four ConfigMap applies runs through it
    Plan plan;
    plan.title = "fault " + tag;
    for (int i = 0; i < 4; ++i) {
        PlannedWrite w;
        w.gvr = kConfigMaps;
        w.ns = m_ns;
        w.name = p + "-cm" + std::to_string(i);
        w.object = configMap(m_ns, w.name, tag);
        plan.writes.push_back(w);
    }
    PlanReport report;
    std::thread planThread([&] { report = PlanExecutor(*proxied).run(plan); });

    // and someone else changes roles, a LimitRange and the namespace meanwhile
    std::vector<std::string> changes;
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_direct->apply(kRoles, m_ns, role(m_ns, p + "-r" + std::to_string(i), "list"), {false, "faults-test", "", true}));
    QVERIFY(m_direct->apply(kRoles, m_ns, role(m_ns, p + "-r0", "watch"), {false, "faults-test", "", true}));
    QVERIFY(m_direct->remove(kRoles, m_ns, p + "-doomed"));
    QVERIFY(m_direct->apply(kLimitRanges, m_ns, limitRange(m_ns, tag == "latency" ? "100m" : "200m"),
                            {false, "faults-test", "", true}));
    QVERIFY(m_direct->patch(kNamespaces, "", m_ns, PatchType::Merge,
                            {{"metadata", {{"labels", {{"faults.tenantry.dev/last", tag}}}}}}, {}));
    while (faultClock.elapsed() < faultMs)
        QTest::qWait(100);

    // and the fault ends
    QVERIFY2(m_toxiproxy->reset(), m_toxiproxy->error().c_str());
    planThread.join();

    // Then the plan's report is the truth about the server: applied writes are there as planned,
    // writes it never ran are absent, and a failed write that reached the server anyway is named
    // as possibly applied (its answer was lost).
    QCOMPARE(report.results.size(), plan.writes.size());
    int applied = 0, failed = 0, notRun = 0, ambiguous = 0;
    for (size_t i = 0; i < plan.writes.size(); ++i) {
        const auto &r = report.results[i];
        auto live = m_direct->get(kConfigMaps, m_ns, plan.writes[i].name);
        const bool present = bool(live);
        const bool asPlanned = present && (*live)["data"] == plan.writes[i].object["data"];
        switch (r.outcome) {
        case WriteOutcome::Applied:
            ++applied;
            QVERIFY2(asPlanned, ("write " + std::to_string(i) + " reported applied but is not on the server").c_str());
            break;
        case WriteOutcome::Failed:
            ++failed;
            QVERIFY(r.error);
            qInfo("write %zu failed: %s (on the server: %s)", i, r.error->describe().c_str(), present ? "yes" : "no");
            if (present) {
                ++ambiguous;
                QVERIFY2(qs(r.error->hint).contains("may have been made"), ("write " + std::to_string(i) + " failed (" + r.error->describe()
                                          + ") but the server has it, and the report does not say it may have been applied")
                                             .c_str());
            }
            break;
        case WriteOutcome::Pending:
            ++notRun;
            QVERIFY2(!present, ("write " + std::to_string(i) + " was never run but is on the server").c_str());
            break;
        default:
            QFAIL(("unexpected outcome " + std::string(toString(r.outcome))).c_str());
        }
    }
    QVERIFY(applied + failed + notRun == int(plan.writes.size()));
    QVERIFY2(failed <= 1, "the executor stops at the first failure");
    if (mustBeAmbiguous)
        QVERIFY2(ambiguous == 1, "the first write should have reached the server and lost its answer");

    // and resuming it once the fault is over applies the rest, each object exactly as planned
    if (!report.complete()) {
        ExecuteOptions resume;
        resume.startAt = report.nextIndex;
        auto second = PlanExecutor(*proxied).run(plan, resume);
        QVERIFY2(second.complete(), second.failureMessage().c_str());
    }
    for (const auto &w : plan.writes) {
        auto live = m_direct->get(kConfigMaps, m_ns, w.name);
        QVERIFY(live);
        QCOMPARE((*live)["data"], w.object["data"]);
        // One field manager, one Apply entry: the writes were applies of the same intent.
        int applies = 0;
        for (const auto &mf : (*live)["metadata"]["managedFields"])
            applies += mf.value("operation", "") == "Apply";
        QCOMPARE(applies, 1);
    }

    // and the live tree and permission index converge to a fresh list
    auto c = faults::waitConverged(live, m_direct, m_tenancy->api, 120000);
    QVERIFY2(c.converged, ("not converged after the fault:\n" + c.difference).c_str());
    // and stay live: a change after the fault arrives too
    QVERIFY(m_direct->apply(kRoles, m_ns, role(m_ns, p + "-after", "get"), {false, "faults-test", "", true}));
    auto after = faults::waitConverged(live, m_direct, m_tenancy->api, 60000);
    QVERIFY2(after.converged, ("a change after the fault did not arrive:\n" + after.difference).c_str());
    qInfo("FAULT %s: plan applied %d failed %d (possibly applied %d) not run %d; watch errors %d; converged %lld ms "
          "after the fault",
          tag.c_str(), applied, failed, ambiguous, notRun, live.errors->load(), static_cast<long long>(c.ms));
}

void tst_Faults::compactionUnderWatchLosesNothing()
{
    // Given feeds through a plain client, synced
    auto client = faults::clientFor(clusterenv::kubeconfigPath("admin"));
    faults::LiveFeeds live(client, m_tenancy->api);
    QVERIFY(live.waitSynced(120000));
    // When roles change just before, during and right after an etcd compaction, several times
    for (int round = 0; round < 3; ++round) {
        const std::string r = "compact" + std::to_string(round);
        QVERIFY(m_direct->apply(kRoles, m_ns, role(m_ns, r + "-before", "get"), {false, "faults-test", "", true}));
        std::thread writer([&] {
            for (int i = 0; i < 5; ++i)
                (void)m_direct->apply(kRoles, m_ns, role(m_ns, r + "-during" + std::to_string(i), "get"),
                                      {false, "faults-test", "", true});
        });
        auto compact = clusterenv::run(clusterenv::devclusterBin(), {"compact"});
        writer.join();
        QVERIFY2(compact.exitCode == 0, compact.err.constData());
        QVERIFY(m_direct->remove(kRoles, m_ns, r + "-before"));
        QVERIFY(m_direct->apply(kRoles, m_ns, role(m_ns, r + "-after", "list"), {false, "faults-test", "", true}));
        // Then every change is seen: the feeds equal a fresh list
        auto c = faults::waitConverged(live, m_direct, m_tenancy->api, 60000);
        QVERIFY2(c.converged, ("round " + std::to_string(round) + ":\n" + c.difference).c_str());
        qInfo("COMPACT round %d: converged %lld ms after the last change", round, static_cast<long long>(c.ms));
    }
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
