// The real keyring seam: SecretServiceStore against gnome-keyring on a private D-Bus session
// (the test runs inside tests/support/with-keyring), with secret-tool, another Secret Service
// client, as the independent peer that sees what Tenantry stored and stores what it reads.
#include "kubeclient/ksaccount/ksaccount.h"
#include "kubeclient/ksaccount/secretstore.h"

#include <QtCore/QProcess>
#include <QtTest/QtTest>

using namespace kube::ksaccount;

namespace {

struct Tool {
    int exitCode = -1;
    QByteArray out;
};

Tool secretTool(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start("secret-tool", args);
    if (!p.waitForStarted(10000))
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput()};
}

QStringList attributeArgs(const SecretAttributes &attributes)
{
    QStringList out;
    for (const auto &[k, v] : attributes)
        out << QString::fromStdString(k) << QString::fromStdString(v);
    return out;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through tests/support/with-keyring");
    }

    void storeLookupReplaceRemove()
    {
        auto store = SecretServiceStore::shared();
        auto account = KsAccount::make("https://ks.example.com:30880", "alice", {}, false);
        QVERIFY(account);
        const SecretAttributes attributes = account->secretAttributes();

        // Given nothing stored, a lookup finds nothing and that is not an error
        auto none = store->lookup(attributes);
        QVERIFY2(none, none ? "" : none.error().describe().c_str());
        QVERIFY(!none.value());

        // When Tenantry stores a secret
        QVERIFY(store->store(attributes, account->secretLabel(), R"({"access_token":"first"})"));
        // Then another client reads exactly it from the keyring
        const Tool peer = secretTool(QStringList{"lookup"} + attributeArgs(attributes));
        QCOMPARE(peer.exitCode, 0);
        QCOMPARE(peer.out, QByteArray(R"({"access_token":"first"})"));

        // When it stores again, the item is replaced, not duplicated
        QVERIFY(store->store(attributes, account->secretLabel(), R"({"access_token":"second"})"));
        auto second = store->lookup(attributes);
        QVERIFY(second && second.value());
        QCOMPARE(*second.value(), std::string(R"({"access_token":"second"})"));
        const Tool search = secretTool(QStringList{"search", "--all"} + attributeArgs(attributes));
        QCOMPARE(search.out.count("[/"), 1);

        // Another user's item is another item
        auto bob = KsAccount::make("https://ks.example.com:30880", "bob", {}, false);
        QVERIFY(store->store(bob->secretAttributes(), bob->secretLabel(), "bob's"));
        QCOMPARE(*store->lookup(attributes).value(), std::string(R"({"access_token":"second"})"));

        // When it is removed, the peer finds nothing; a second removal says there was none
        auto removed = store->remove(attributes);
        QVERIFY(removed && removed.value());
        QCOMPARE(secretTool(QStringList{"lookup"} + attributeArgs(attributes)).exitCode, 1);
        auto again = store->remove(attributes);
        QVERIFY(again && !again.value());
        QVERIFY(store->lookup(bob->secretAttributes()).value());
        QVERIFY(store->remove(bob->secretAttributes()).value());
    }

    void readsWhatAnotherClientStored()
    {
        auto account = KsAccount::make("https://ks.example.com", "carol", {}, false);
        const Tool stored = secretTool(QStringList{"store", "--label", "peer"} + attributeArgs(account->secretAttributes()),
                                       "from-the-peer");
        QCOMPARE(stored.exitCode, 0);
        auto found = SecretServiceStore::shared()->lookup(account->secretAttributes());
        QVERIFY(found && found.value());
        QCOMPARE(*found.value(), std::string("from-the-peer"));
        QVERIFY(SecretServiceStore::shared()->remove(account->secretAttributes()).value());
    }

    void manyThreadsAtOnce()
    {
        // The GUI reads tokens from worker threads while a refresh stores them.
        auto account = KsAccount::make("https://ks.example.com", "dave", {}, false);
        const auto attributes = account->secretAttributes();
        QVERIFY(SecretServiceStore::shared()->store(attributes, "t", "v0"));
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 10; ++i) {
                    if (t % 2 == 0) {
                        if (!SecretServiceStore::shared()->store(attributes, "t", "v" + std::to_string(i)))
                            ++failures;
                    } else {
                        auto v = SecretServiceStore::shared()->lookup(attributes);
                        if (!v || !v.value() || v.value()->front() != 'v')
                            ++failures;
                    }
                }
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        QVERIFY(SecretServiceStore::shared()->remove(attributes).value());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
