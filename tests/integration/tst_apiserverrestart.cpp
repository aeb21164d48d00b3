// kube-apiserver killed (SIGKILL) and started again under live watches, 20 times in a row: each
// time the live tree (TenancyFeed) and permission index (RbacFeed) must come back and equal a
// fresh list, including changes made while the watches were still reconnecting.
// Runs alone (RUN_SERIAL): the other tests would see the API server vanish.
#include "faultharness.h"

#include <QtTest>

using namespace kube;
using nlohmann::json;

namespace {
const GroupVersionResource kRoles{"rbac.authorization.k8s.io", "v1", "roles", true, "Role"};
const GroupVersionResource kNamespaces{"", "v1", "namespaces", false, "Namespace"};
// FAULTS_RESTARTS overrides it for a quick look.
const int kRestarts = qEnvironmentVariableIntValue("FAULTS_RESTARTS") > 0 ? qEnvironmentVariableIntValue("FAULTS_RESTARTS") : 20;

json role(const std::string &ns, const std::string &name, int generation)
{
    return {{"apiVersion", "rbac.authorization.k8s.io/v1"}, {"kind", "Role"},
            {"metadata", {{"name", name}, {"namespace", ns}, {"labels", {{"round", std::to_string(generation)}}}}},
            {"rules", json::array({{{"apiGroups", {""}}, {"resources", {"configmaps"}}, {"verbs", {"get"}}}})}};
}
} // namespace

class tst_ApiserverRestart : public QObject
{
    Q_OBJECT
private slots:
    void killedAndRestartedUnderWatches();
};

void tst_ApiserverRestart::killedAndRestartedUnderWatches()
{
    auto direct = faults::clientFor(clusterenv::kubeconfigPath("admin"));
    auto t = tenancy::detectTenancy(*direct);
    QVERIFY(t);
    const std::string ns = clusterenv::uniqueName("restart");
    QVERIFY(direct->create(kNamespaces, "", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}}));

    // Given live feeds with the product's own timings (no test shortcuts but the backoff cap)
    auto client = faults::clientFor(clusterenv::kubeconfigPath("admin"));
    faults::LiveFeeds live(client, t->api);
    QVERIFY(live.waitSynced(120000));

    int recoveries = 0;
    qint64 worst = 0, total = 0;
    for (int i = 0; i < kRestarts; ++i) {
        // When kube-apiserver is killed and started again
        auto r = clusterenv::run(clusterenv::devclusterBin(), {"restart", "kube-apiserver", "--kill"}, {}, {}, 180000);
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        // and objects change at once, while the watches are still reconnecting
        QVERIFY(direct->apply(kRoles, ns, role(ns, "r" + std::to_string(i), i), {false, "faults-test", "", true}));
        if (i > 0)
            QVERIFY(direct->apply(kRoles, ns, role(ns, "r" + std::to_string(i - 1), i), {false, "faults-test", "", true}));
        if (i > 1)
            QVERIFY(direct->remove(kRoles, ns, "r" + std::to_string(i - 2)));
        // Then the feeds equal a fresh list
        auto c = faults::waitConverged(live, direct, t->api, 120000);
        QVERIFY2(c.converged, ("restart " + std::to_string(i + 1) + ":\n" + c.difference).c_str());
        ++recoveries;
        worst = std::max(worst, c.ms);
        total += c.ms;
    }
    QCOMPARE(recoveries, kRestarts);
    qInfo("RESTART: %d/%d recoveries; converged after the changes in %lld ms on average, %lld ms at worst; "
          "%d watch errors reported",
          recoveries, kRestarts, static_cast<long long>(total / kRestarts), static_cast<long long>(worst),
          live.errors->load());
    (void)direct->remove(kNamespaces, "", ns);
}

QTEST_GUILESS_MAIN(tst_ApiserverRestart)
#include "tst_apiserverrestart.moc"
