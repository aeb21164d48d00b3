// The bridge and the tree model against the real devcluster: QAbstractItemModelTester on the
// model and the filter proxy while live watch events arrive; the tree matches the seeded
// tenancy; kubectl changes appear without a reload; a restricted identity sees what it can
// reach; the session survives kube-apiserver being stopped and resumed.
#include "guitestsupport.h"

#include "models/accesschecker.h"
#include "models/clustersession.h"
#include "models/execapprover.h"
#include "models/tenancyfilterproxymodel.h"
#include "models/tenancytreemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QtTest>

using namespace kube;
using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
}

class tst_ClusterSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void treeMatchesSeededTenancy();
    void kubectlChangesAppearWithoutReload();
    void filterFindsAProjectAmongThousandsLive();
    void restrictedIdentitySeesReachableProjects();
    void survivesApiServerStopAndResume();
    void failedConnectionSaysWhy();
    void execPluginIsApprovedOnceThenRemembered();
    void failingExecPluginShowsItsMessageAndInstallHint();

private:
    // A session on the admin kubeconfig wired to a model with testers on model and proxy.
    struct Live {
        ExecApprover approver;
        ClusterSession session;
        TenancyTreeModel model;
        TenancyFilterProxyModel proxy;
        std::unique_ptr<QAbstractItemModelTester> modelTester, proxyTester;
        explicit Live(const ConnectionSpec &spec)
            : session(spec, &approver)
        {
            proxy.setSourceModel(&model);
            modelTester = std::make_unique<QAbstractItemModelTester>(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            proxyTester = std::make_unique<QAbstractItemModelTester>(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.addCluster(session.id());
            QObject::connect(&session, &ClusterSession::outlineChanged, &model, [this] {
                model.setOutline(session.id(), session.outline());
                QString why;
                QVERIFY2(model.isConsistent(&why), qPrintable(why));
            });
            QObject::connect(&session, &ClusterSession::statusChanged, &model,
                             [this] { model.setClusterStatus(session.id(), session.status()); });
            session.start();
        }
        QModelIndex at(const QString &rest) const { return model.indexForPath(session.id() + QLatin1Char('/') + rest); }
    };
    static ConnectionSpec adminSpec()
    {
        ConnectionSpec spec;
        spec.kubeconfig = qs(clusterenv::kubeconfigPath("admin"));
        return spec;
    }

    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
};

void tst_ClusterSession::initTestCase()
{
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
}

void tst_ClusterSession::cleanupTestCase()
{
    guitest::pauseApiServer(false);  // never leave the shared cluster stopped
}

void tst_ClusterSession::treeMatchesSeededTenancy()
{
    // Given the seeded tenancy, when a session connects with the admin's kubeconfig
    Live live(adminSpec());
    QTRY_VERIFY_WITH_TIMEOUT(live.session.loaded(), 60000);
    const SessionStatus &st = live.session.status();
    // Then the status says connected, standalone, who we are, no KubeSphere
    QCOMPARE(st.state, SessionStatus::State::Connected);
    QCOMPARE(st.mode, QStringLiteral("standalone"));
    QVERIFY2(!st.identity.isEmpty(), qPrintable(st.identity));
    QVERIFY(st.kubesphereVersion.isEmpty());
    QVERIFY(!st.limited());
    // And the workspaces hold exactly their projects, with counts
    QCOMPARE(guitest::rowsOf(live.model, live.at(qs("Workspaces/" + m_seed.ws1))),
             qs(m_seed.p1 + "," + m_seed.p2));
    QCOMPARE(live.at(qs("Workspaces/" + m_seed.ws1)).siblingAtColumn(1).data().toString(), QStringLiteral("2"));
    QCOMPARE(guitest::rowsOf(live.model, live.at(qs("Workspaces/" + m_seed.ws2))), qs(m_seed.p3));
    // And the users, the built-in platform roles and the system namespaces are where they belong
    QVERIFY(live.at(qs("Platform/Users/" + m_seed.userA)).isValid());
    QVERIFY(live.at(QStringLiteral("Platform/Platform roles/platform-admin")).isValid());
    QVERIFY(live.at(QStringLiteral("Platform/Cluster roles/cluster-admin")).isValid());
    QVERIFY(live.at(QStringLiteral("Projects without workspace/kube-system")).isValid());
    // And the tree agrees with the graph, which agrees with the server
    const auto &snapshot = live.session.snapshot();
    QCOMPARE(live.at(QStringLiteral("Workspaces")).siblingAtColumn(1).data().toInt(), int(snapshot.workspaces().size()));
    auto listed = m_admin->list(TenancyApi::namespaces, {});
    QVERIFY(listed.ok());
    QCOMPARE(int(snapshot.count(GraphKind::Namespace)), int(listed->items.size()));
    QCOMPARE(live.model.stats().resets, 0);
}

void tst_ClusterSession::kubectlChangesAppearWithoutReload()
{
    Live live(adminSpec());
    QTRY_VERIFY_WITH_TIMEOUT(live.session.loaded(), 60000);
    // Given the user's selection (a persistent index) on p2
    QPersistentModelIndex p2 = live.at(qs("Workspaces/" + m_seed.ws1 + "/" + m_seed.p2));
    QVERIFY(p2.isValid());
    QSignalSpy reset(&live.model, &QAbstractItemModel::modelReset);

    // When kubectl moves p3 from ws2 into ws1
    auto r = guitest::kubectl({"label", "namespace", qs(m_seed.p3), qs("kubesphere.io/workspace=" + m_seed.ws1), "--overwrite"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Then it shows under ws1 and not under ws2, and p2 is still selected where it was
    QTRY_VERIFY_WITH_TIMEOUT(live.at(qs("Workspaces/" + m_seed.ws1 + "/" + m_seed.p3)).isValid(), 15000);
    QVERIFY(!live.at(qs("Workspaces/" + m_seed.ws2 + "/" + m_seed.p3)).isValid());
    QCOMPARE(live.at(qs("Workspaces/" + m_seed.ws2)).siblingAtColumn(1).data().toString(), QStringLiteral("0"));
    QVERIFY(p2.isValid());
    QCOMPARE(p2.data().toString(), qs(m_seed.p2));

    // When kubectl sets an alias, the node's tooltip follows (a dataChanged, same node)
    r = guitest::kubectl({"annotate", "namespace", qs(m_seed.p2), "kubesphere.io/alias-name=Second project", "--overwrite"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(p2.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Second project")), 15000);

    // When kubectl creates and deletes a namespace, it comes and goes
    const std::string extra = "gextra-" + m_seed.sfx;
    r = guitest::kubectl({"create", "namespace", qs(extra)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(live.at(qs("Projects without workspace/" + extra)).isValid(), 15000);
    r = guitest::kubectl({"delete", "namespace", qs(extra), "--wait=false"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // A terminating namespace stays (struck out) until the namespace controller removes it.
    QTRY_VERIFY_WITH_TIMEOUT(!live.at(qs("Projects without workspace/" + extra)).isValid()
                                 || (live.at(qs("Projects without workspace/" + extra)).data(TenancyTreeModel::FlagsRole).toUInt()
                                     & OutlineEntry::Deleting),
                             30000);
    QCOMPARE(reset.count(), 0);

    // Move p3 back for the other tests
    r = guitest::kubectl({"label", "namespace", qs(m_seed.p3), qs("kubesphere.io/workspace=" + m_seed.ws2), "--overwrite"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(live.at(qs("Workspaces/" + m_seed.ws2 + "/" + m_seed.p3)).isValid(), 15000);
}

void tst_ClusterSession::filterFindsAProjectAmongThousandsLive()
{
    // Given 2,000 namespaces in one workspace of the live cluster
    const std::string ws = "gbig-" + m_seed.sfx;
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) {
                 WorkspaceSpec w;
                 w.name = ws;
                 return p.createWorkspace(w);
             }),
             std::string());
    std::vector<std::string> names;
    for (int i = 0; i < 2000; ++i)
        names.push_back("gbig-" + std::to_string(i) + "-" + m_seed.sfx);
    names[1234] = "needle-" + m_seed.sfx;
    std::string error;
    QElapsedTimer seeding;
    seeding.start();
    QVERIFY2(guitest::createNamespaces(*m_admin, names, ws, &error), error.c_str());
    qInfo("created 2,000 namespaces in %lld ms", seeding.elapsed());

    // When a session lists them (with testers on model and proxy)
    Live live(adminSpec());
    QTRY_VERIFY_WITH_TIMEOUT(live.session.loaded(), 120000);
    QTRY_COMPARE_WITH_TIMEOUT(live.model.rowCount(live.at(qs("Workspaces/" + ws))), 2000, 30000);
    // And the user types part of one project's name
    QElapsedTimer t;
    t.start();
    live.proxy.setFilterText(QStringLiteral("NEEDLE-") + qs(m_seed.sfx));
    const qint64 ms = t.elapsed();
    // Then only it and its ancestors remain
    QCOMPARE(guitest::rowsOf(live.proxy, {}),
             QStringLiteral("%1[Workspaces(%2)[%3(2000)[needle-%4]]]")
                 .arg(live.session.id())
                 .arg(live.at(QStringLiteral("Workspaces")).siblingAtColumn(1).data().toString(), qs(ws), qs(m_seed.sfx)));
    qInfo("filter over %d nodes: %lld ms", live.model.nodeCount(), ms);
}

void tst_ClusterSession::restrictedIdentitySeesReachableProjects()
{
    // Given a tenant who is a KubeSphere user, viewer of p1 only, with a client certificate
    const std::string tenant = "gui-tenant-" + m_seed.sfx;
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) {
                 return p.createUser({tenant, tenant + "@example.com", "Passw0rdPassw0rd", "", "", ""}, "platform-regular");
             }),
             std::string());
    QCOMPARE(guitest::apply(*m_admin, [&](Planner &p) { return p.setMember(MemberScope::project(m_seed.p1), tenant, "viewer"); }),
             std::string());
    const std::string kubeconfig = clusterenv::addUser(tenant);
    QVERIFY(!kubeconfig.empty());
    // When they connect, with p1 pinned (they may not list namespaces)
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    spec.pinnedNamespaces = {qs(m_seed.p1), qs("not-mine-" + m_seed.sfx)};
    Live live(spec);
    QTRY_VERIFY_WITH_TIMEOUT(live.session.loaded(), 60000);
    // Then the session says the view is limited and why, instead of showing a blank tree
    const SessionStatus &st = live.session.status();
    QCOMPARE(st.identity, qs(tenant));
    QVERIFY2(st.forbiddenKinds.contains(QStringLiteral("Namespace")), qPrintable(st.forbiddenKinds.join(',')));
    QCOMPARE(st.reachableNamespaces, QStringList{qs(m_seed.p1)});
    QCOMPARE(live.at(QStringLiteral("Projects without workspace")).siblingAtColumn(1).data().toString(), QStringLiteral("no access"));
    // And p1 is there, under "Reachable projects", but the namespace it may not use is not
    QVERIFY(live.at(qs("Reachable projects/" + m_seed.p1)).isValid());
    QVERIFY(!live.at(qs("Reachable projects/not-mine-" + m_seed.sfx)).isValid());
    // And the permission checks answer for this identity: no workspaces, no users
    AccessChecker *access = live.session.access();
    const AccessQuery createWs{"create", "tenant.kubesphere.io", "workspacetemplates", {}, {}};
    access->verdict(createWs);
    QTRY_COMPARE_WITH_TIMEOUT(access->verdict(createWs).answer, AccessChecker::Answer::Denied, 15000);
    QVERIFY(access->explain(createWs, access->verdict(createWs)).contains(QStringLiteral("create workspacetemplates.tenant.kubesphere.io")));
    const AccessQuery listPods{"list", "", "pods", qs(m_seed.p1), {}};
    access->verdict(listPods);
    QTRY_COMPARE_WITH_TIMEOUT(access->verdict(listPods).answer, AccessChecker::Answer::Allowed, 15000);
}

void tst_ClusterSession::survivesApiServerStopAndResume()
{
    Live live(adminSpec());
    QTRY_VERIFY_WITH_TIMEOUT(live.session.loaded(), 60000);
    const QModelIndex p1 = live.at(qs("Workspaces/" + m_seed.ws1 + "/" + m_seed.p1));
    QVERIFY(p1.isValid());
    QVERIFY(!p1.data(TenancyTreeModel::StaleRole).toBool());

    // When kube-apiserver stops answering (SIGSTOP: sockets open, no replies)
    QVERIFY(guitest::pauseApiServer(true));
    auto resume = qScopeGuard([] { guitest::pauseApiServer(false); });
    // Then within a liveness interval and a probe timeout the session says so, the tree keeps
    // its last state, marked stale
    QTRY_COMPARE_WITH_TIMEOUT(live.session.status().state, SessionStatus::State::Reconnecting,
                              ClusterSession::kLivenessIntervalMs + ClusterSession::kProbeTimeoutMs + 5000);
    QVERIFY(live.session.status().stale);
    QVERIFY2(live.session.status().message.contains(QStringLiteral("does not answer")), qPrintable(live.session.status().message));
    QVERIFY(live.at(qs("Workspaces/" + m_seed.ws1 + "/" + m_seed.p1)).isValid());
    QVERIFY(p1.data(TenancyTreeModel::StaleRole).toBool());
    QVERIFY(live.session.status().retryInSeconds > 0);

    // When it runs again
    QVERIFY(guitest::pauseApiServer(false));
    resume.dismiss();
    // Then the session reconnects by itself, the marks go, and watches deliver again
    QTRY_COMPARE_WITH_TIMEOUT(live.session.status().state, SessionStatus::State::Connected, 45000);
    QVERIFY(!live.session.status().stale);
    QVERIFY(!p1.data(TenancyTreeModel::StaleRole).toBool());
    const std::string after = "gafter-" + m_seed.sfx;
    auto r = guitest::kubectl({"create", "namespace", qs(after)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(live.at(qs("Projects without workspace/" + after)).isValid(), 60000);
    QCOMPARE(live.model.stats().resets, 0);
}

void tst_ClusterSession::failedConnectionSaysWhy()
{
    // A context that does not exist fails at once, naming the problem, without retrying
    ConnectionSpec spec = adminSpec();
    spec.context = QStringLiteral("no-such-context");
    Live live(spec);
    QTRY_COMPARE_WITH_TIMEOUT(live.session.status().state, SessionStatus::State::Failed, 10000);
    QVERIFY2(live.session.status().message.contains(QStringLiteral("no-such-context")), qPrintable(live.session.status().message));
    QVERIFY(live.model.clusterNode(live.session.id()));
}

void tst_ClusterSession::execPluginIsApprovedOnceThenRemembered()
{
    // Given a kubeconfig whose user runs a credential plugin (it prints the token-user's token)
    const std::string plugin = std::string(TENANTRY_SOURCE_DIR) + "/tests/data/exec-it/devcluster-token.sh";
    const std::string kubeconfig = guitest::writeExecKubeconfig(
        "gui-exec.kubeconfig", plugin, {clusterenv::stateDir() + "/tokens/token-user.token"});
    QVERIFY(!kubeconfig.empty());
    ExecApprover approver;
    QStringList asked;
    approver.setAsker([&](const ExecApprovalRequest &request, bool *remember) {
        asked << ExecApprover::commandLine(request);
        *remember = true;
        return true;
    });
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    // When a session connects, the user is asked once, with the exact command line
    {
        ClusterSession session(spec, &approver);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, SessionStatus::State::Connected, 30000);
        QCOMPARE(session.status().identity, QStringLiteral("token-user"));
    }
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().startsWith(qs(plugin)), qPrintable(asked.first()));
    QVERIFY(asked.first().contains(QStringLiteral("token-user.token")));
    // And the approval is kept as a hash of the command line, not the command line itself
    QCOMPARE(approver.approved().size(), 1);
    QVERIFY(!approver.approved().values().first().contains(QStringLiteral("token")));
    // When another session runs the same command line, nobody is asked again
    {
        ClusterSession again(spec, &approver);
        again.start();
        QTRY_COMPARE_WITH_TIMEOUT(again.status().state, SessionStatus::State::Connected, 30000);
    }
    QCOMPARE(asked.size(), 1);
    // And a refused plugin never runs: the session fails and says so
    ExecApprover refusing;
    refusing.setAsker([](const ExecApprovalRequest &, bool *) { return false; });
    ClusterSession refused(spec, &refusing);
    refused.start();
    QTRY_COMPARE_WITH_TIMEOUT(refused.status().state, SessionStatus::State::Failed, 30000);
    QVERIFY2(!refused.status().message.isEmpty(), "no reason given");
}

void tst_ClusterSession::failingExecPluginShowsItsMessageAndInstallHint()
{
    const std::string plugin = std::string(TENANTRY_SOURCE_DIR) + "/tests/data/exec/fail.sh";
    const std::string kubeconfig =
        guitest::writeExecKubeconfig("gui-exec-fail.kubeconfig", plugin, {}, "Install corpus-login from the corpus portal");
    ExecApprover approver;
    approver.setApproveAll(true);
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    ClusterSession session(spec, &approver);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.status().state, SessionStatus::State::Failed, 30000);
    const QString all = session.status().message + QLatin1Char('\n') + session.status().hint;
    QVERIFY2(all.contains(QStringLiteral("must be logged in")), qPrintable(all));
    QVERIFY2(session.status().hint.contains(QStringLiteral("Install corpus-login")), qPrintable(all));
}

QTEST_MAIN(tst_ClusterSession)
#include "tst_clustersession.moc"
