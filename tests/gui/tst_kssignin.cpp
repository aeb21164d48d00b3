// File → Sign in to KubeSphere… in the real window, against the loopback ks-apiserver stand-in
// (tests/support/ksstandin: KubeSphere's OAuth token endpoint, /api and /apis proxied to this
// devcluster with the stand-in's admin credentials; no real ks-apiserver can be built here) and
// a real Secret Service (tests/support/with-keyring): a wrong password keeps the form and marks
// the password, a right one adds a session whose identity is the KubeSphere user and whose tree
// loads through the stand-in; Sign out removes the keyring entry and the session.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "models/clustersession.h"
#include "models/kssignin.h"
#include "models/tenancytreemodel.h"
#include "views/kssignindialog.h"
#include "views/navigatorwidget.h"

#include "tests/support/ksstandin.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using testsupport::KsStandIn;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

QAction *menuAction(MainWindow &w, const QString &objectName)
{
    for (QAction *menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                if (a->objectName() == objectName)
                    return a;
    return nullptr;
}

int keyringLookup(const std::string &server, const std::string &user)
{
    return clusterenv::run("secret-tool", {"lookup", "application", "tenantry", "kind", "kubesphere-account", "server",
                                           qs(server), "username", qs(user)})
        .exitCode;
}

} // namespace

class tst_KsSignIn : public QObject
{
    Q_OBJECT

    testsupport::TestPki m_pki;
    QTemporaryDir m_dir;
    std::unique_ptr<KsStandIn> m_ks;
    QString m_ca;
    std::unique_ptr<kube::Client> m_admin;
    guitest::Seed m_seed;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through tests/support/with-keyring");
        std::string error;
        m_admin = guitest::adminWithSeed(&m_seed, &error);
        QVERIFY2(m_admin, error.c_str());
        QVERIFY(m_dir.isValid());
        m_ca = m_dir.filePath("ks-ca.pem");
        std::ofstream(m_ca.toStdString()) << m_pki.caCertPem();
        auto admin = clusterenv::transportFor(clusterenv::kubeconfigPath("admin"));
        QVERIFY(admin);
        testsupport::KsStandInOptions options;
        options.upstream = admin.value();
        m_ks = std::make_unique<KsStandIn>(m_pki, options);
        m_ks->addUser("alice", "Alice-Pass-77");
    }

    void wrongPasswordKeepsTheFormThenSignInAddsTheSession()
    {
        MainWindow::Options o;
        o.persist = false;
        MainWindow w(o);
        w.resize(1280, 800);
        w.ksSignIn()->setKubeconfig(m_dir.filePath("kubeconfig"));
        w.show();

        // File → Sign in to KubeSphere… opens the form
        QAction *signIn = menuAction(w, QStringLiteral("actionKsSignIn"));
        QVERIFY(signIn);
        signIn->trigger();
        KsSignInDialog *d = w.lastKsSignInDialog();
        QVERIFY(d);
        QTRY_VERIFY(d->isVisible());
        QVERIFY(!menuAction(w, QStringLiteral("actionKsSignOut"))->isEnabled());

        // Typed as a user types: server, the CA file, user name, a wrong password
        QTest::keyClicks(d->serverEdit(), qs(m_ks->url()));
        d->caFileButton()->click();
        QVERIFY(d->caFileEdit()->isEnabled());
        QTest::keyClicks(d->caFileEdit(), m_ca);
        QTest::keyClicks(d->usernameEdit(), QStringLiteral("alice"));
        QTest::keyClicks(d->passwordEdit(), QStringLiteral("Wrong-Pass-1"));
        d->signInButton()->click();

        // The refusal: named, on the password, with everything typed still there
        QTRY_VERIFY_WITH_TIMEOUT(!d->errorText().isEmpty(), 20000);
        QVERIFY2(d->errorText().contains(QStringLiteral("wrong username or password")), qPrintable(d->errorText()));
        QVERIFY(!d->errorText().contains(QStringLiteral("Wrong-Pass-1")));
        QCOMPARE(d->markedField(), QString::fromLatin1(KsSignIn::kPassword));
        QCOMPARE(d->serverEdit()->text(), qs(m_ks->url()));
        QCOMPARE(d->caFileEdit()->text(), m_ca);
        QCOMPARE(d->usernameEdit()->text(), QStringLiteral("alice"));
        QCOMPARE(d->passwordEdit()->text(), QStringLiteral("Wrong-Pass-1"));
        QVERIFY(d->signInButton()->isEnabled());
        QVERIFY(d->isVisible());
        QVERIFY(w.sessions().isEmpty());
        QCOMPARE(keyringLookup(m_ks->url(), "alice"), 1);
        guitest::save(d, QStringLiteral("kssignin-wrong-password"));

        // The right password: the dialog closes and a session appears
        d->passwordEdit()->selectAll();
        QTest::keyClicks(d->passwordEdit(), QStringLiteral("Alice-Pass-77"));
        d->signInButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(w.sessions().size() == 1, 20000);
        QTRY_VERIFY(!w.lastKsSignInDialog());
        ClusterSession *session = w.sessions().front();
        QCOMPARE(session->spec().context, qs("kubesphere-alice@" + m_ks->url().substr(8)));
        QTRY_VERIFY_WITH_TIMEOUT(session->loaded(), 60000);
        // Its identity is the KubeSphere user, not the proxy's admin
        QCOMPARE(session->identity(), QStringLiteral("alice"));
        QCOMPARE(session->status().kubesphereUser, QStringLiteral("alice"));
        QCOMPARE(keyringLookup(m_ks->url(), "alice"), 0);
        QVERIFY(m_ks->proxiedRequests() > 0);
        // The tree loaded through the stand-in: the seeded workspace is there
        QTRY_VERIFY_WITH_TIMEOUT(session->snapshot().workspace(m_seed.ws1).has_value(), 30000);
        w.navigator()->selectPath(session->id());
        QTRY_VERIFY(menuAction(w, QStringLiteral("actionKsSignOut"))->isEnabled());
        guitest::save(&w, QStringLiteral("kssignin-session"));

        // Sign out: the keyring entry and the session go
        menuAction(w, QStringLiteral("actionKsSignOut"))->trigger();
        QVERIFY(w.sessions().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(keyringLookup(m_ks->url(), "alice"), 1, 20000);
    }
};

QTEST_MAIN(tst_KsSignIn)
#include "tst_kssignin.moc"
