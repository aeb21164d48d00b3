// `tenantryctl config view` against `kubectl config view` as the oracle: both run over the
// kubeconfig corpus with the same flags and environment, and their documents must be equal.
#include <nlohmann/json.hpp>

#include <algorithm>

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include "kubeclient/kubeconfig/kubeconfigview.h"

#include <QRegularExpression>
#include <QtTest/QtTest>

namespace {

const QString kCorpus = QStringLiteral(TENANTRY_TEST_DATA "/kubeconfig");
const QString kTenantryctl = QStringLiteral(TENANTRY_BINARY_DIR "/app/tenantryctl");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The real kubectl: TENANTRY_KUBECTL if set (ctest sets it to the one scripts/kubectl builds in
// tools/kubectl/bin); else, when `kubectl` is Google Cloud SDK's
// dispatcher, the versioned binary next to it (the dispatcher asks each server for its
// version first, which runs exec plugins and waits on unreachable clusters); else PATH.
QString findKubectl()
{
    const QString configured = qEnvironmentVariable("TENANTRY_KUBECTL");
    if (!configured.isEmpty())
        return configured;
    const QString onPath = QStandardPaths::findExecutable("kubectl");
    if (onPath.isEmpty())
        return {};
    const QDir dir = QFileInfo(QFileInfo(onPath).canonicalFilePath()).dir();
    QStringList versioned = dir.entryList({"kubectl.1.*"}, QDir::Files | QDir::Executable);
    if (versioned.isEmpty())
        return onPath;
    // Highest minor version, compared numerically (kubectl.1.9 < kubectl.1.32).
    std::sort(versioned.begin(), versioned.end(), [](const QString &a, const QString &b) {
        return a.section('.', 2).toInt() < b.section('.', 2).toInt();
    });
    // The release this project targets, else the newest one installed.
    if (versioned.contains("kubectl.1.32"))
        return dir.filePath("kubectl.1.32");
    return dir.filePath(versioned.last());
}

} // namespace

class TestConfigView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameDocumentAsKubectl_data();
    void sameDocumentAsKubectl();

private:
    Run run(const QString &program, const QStringList &args, const QString &kubeconfigEnv) const;

    QString m_kubectl;
    QTemporaryDir m_home;
};

void TestConfigView::initTestCase()
{
    // A missing oracle or subject is a failure that names it, never a skip.
    m_kubectl = findKubectl();
    QVERIFY2(!m_kubectl.isEmpty() && QFileInfo(m_kubectl).isExecutable(),
             qPrintable("kubectl is missing (" + (m_kubectl.isEmpty() ? QStringLiteral("not on PATH") : m_kubectl) +
                        "): scripts/kubectl builds it into tools/kubectl/bin"));
    QVERIFY2(QFileInfo(kTenantryctl).isExecutable(),
             qPrintable("tenantryctl is missing (" + kTenantryctl + "): build the tenantryctl target first"));
    QVERIFY(m_home.isValid());
    // A HOME of our own with a ~/.kube/config, so neither tool ever sees the real one.
    QVERIFY(QDir(m_home.path()).mkpath(".kube"));
    QVERIFY(QFile::copy(kCorpus + "/basic-auth.yaml", m_home.path() + "/.kube/config"));
}

Run TestConfigView::run(const QString &program, const QStringList &args, const QString &kubeconfigEnv) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", m_home.path());
    env.remove("KUBECONFIG");
    if (!kubeconfigEnv.isNull())
        env.insert("KUBECONFIG", kubeconfigEnv);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(kCorpus);
    p.start(program, QStringList{"config", "view"} + args);
    Run r;
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestConfigView::sameDocumentAsKubectl_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("kubeconfigEnv");  // null: KUBECONFIG unset

    const QList<QStringList> fullFlags = {{}, {"--raw"}, {"--flatten"}, {"--minify"}, {"--merge=false", "--flatten"}};
    const QList<QStringList> brokenFlags = {{}, {"--flatten"}};
    QStringList files;
    QDirIterator it(kCorpus, {"*.yaml", "*.json"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &file : files) {
        const QString rel = QDir(kCorpus).relativeFilePath(file);
        const bool broken = rel.startsWith("broken/");
        for (const QStringList &flags : broken ? brokenFlags : fullFlags) {
            const QString name = rel + " " + flags.join(' ');
            QTest::newRow(qPrintable(name)) << (QStringList{"--kubeconfig", file} + flags) << QString();
        }
    }

    // Merging through $KUBECONFIG: overlapping names, an empty entry, a missing file, a duplicate.
    const QString merged = kCorpus + "/merge-first.yaml::" + kCorpus + "/missing.yaml:" + kCorpus + "/merge-second.yaml:"
                           + kCorpus + "/merge-first.yaml:" + kCorpus + "/merge-third.yaml";
    QTest::newRow("KUBECONFIG merge") << QStringList{} << merged;
    QTest::newRow("KUBECONFIG merge --raw") << QStringList{"--raw"} << merged;
    QTest::newRow("KUBECONFIG merge --flatten") << QStringList{"--flatten"} << merged;
    QTest::newRow("KUBECONFIG merge --minify") << QStringList{"--minify"} << merged;
    QTest::newRow("KUBECONFIG merge --minify --context second --flatten")
        << QStringList{"--minify", "--context", "second", "--flatten"} << merged;
    QTest::newRow("KUBECONFIG merge --minify --context=nope") << QStringList{"--minify", "--context=nope"} << merged;
    QTest::newRow("KUBECONFIG all missing") << QStringList{} << kCorpus + "/missing-a.yaml:" + kCorpus + "/missing-b.yaml";
    QTest::newRow("KUBECONFIG with a broken file") << QStringList{} << kCorpus + "/k3s.yaml:" + kCorpus + "/broken/bad-yaml.yaml";
    QTest::newRow("multi-context --minify --context prod") << QStringList{"--minify", "--context", "prod"}
                                                            << kCorpus + "/multi-context.yaml";
    // ~/.kube/config when KUBECONFIG is unset, and the --kubeconfig/--merge corner cases.
    QTest::newRow("home config") << QStringList{} << QString();
    QTest::newRow("home config --minify --raw") << QStringList{"--minify", "--raw"} << QString();
    QTest::newRow("missing --kubeconfig") << QStringList{"--kubeconfig", kCorpus + "/nope.yaml"} << QString();
    QTest::newRow("missing --kubeconfig --merge=false") << QStringList{"--kubeconfig", kCorpus + "/nope.yaml", "--merge=false"}
                                                        << QString();
    QTest::newRow("--merge=false without --kubeconfig") << QStringList{"--merge=false"} << QString();
    QTest::newRow("--minify without current-context") << QStringList{"--minify", "--kubeconfig", kCorpus + "/no-current-context.yaml"}
                                                      << QString();
}

void TestConfigView::sameDocumentAsKubectl()
{
    QFETCH(QStringList, args);
    QFETCH(QString, kubeconfigEnv);

    // Given the same arguments and environment
    // When kubectl and tenantryctl print the config as JSON and as YAML
    const Run kubectlJson = run(m_kubectl, args + QStringList{"-o", "json"}, kubeconfigEnv);
    const Run oursJson = run(kTenantryctl, args + QStringList{"-o", "json"}, kubeconfigEnv);

    // Then both succeed or both fail
    QVERIFY2(kubectlJson.exitCode == oursJson.exitCode,
             qPrintable(QString("kubectl exit %1 (%2), tenantryctl exit %3 (%4)")
                            .arg(kubectlJson.exitCode)
                            .arg(QString::fromUtf8(kubectlJson.err.trimmed()))
                            .arg(oursJson.exitCode)
                            .arg(QString::fromUtf8(oursJson.err.trimmed()))));
    if (kubectlJson.exitCode != 0) {
        QVERIFY(!oursJson.err.isEmpty());
        return;
    }

    // And the documents are equal once parsed (kubectl prints an auth-provider's tokens and
    // client secret; tenantryctl redacts them unless --raw or --flatten: issue 16)
    const bool redacts = !args.contains("--raw") && !args.contains("--flatten");
    auto expected = nlohmann::json::parse(kubectlJson.out.toStdString(), nullptr, false);
    if (redacts && expected.is_object() && expected.contains("users") && expected["users"].is_array())
        for (auto &u : expected["users"])
            if (u.contains("user") && u["user"].contains("auth-provider") && u["user"]["auth-provider"]["config"].is_object())
                for (auto &[key, value] : u["user"]["auth-provider"]["config"].items())
                    if (kube::KubeconfigView::isAuthProviderSecret(key) && value.is_string() && !value.get<std::string>().empty())
                        value = "REDACTED";
    const auto actual = nlohmann::json::parse(oursJson.out.toStdString(), nullptr, false);
    QVERIFY2(!expected.is_discarded(), kubectlJson.out.constData());
    QVERIFY2(!actual.is_discarded(), oursJson.out.constData());
    if (expected != actual) {
        qWarning("kubectl:\n%s", expected.dump(2).c_str());
        qWarning("tenantryctl:\n%s", actual.dump(2).c_str());
        QFAIL("the documents differ");
    }

    // And the default YAML output is the same text (sorted keys, quoting, folding)
    const Run kubectlYaml = run(m_kubectl, args, kubeconfigEnv);
    const Run oursYaml = run(kTenantryctl, args, kubeconfigEnv);
    QCOMPARE(oursYaml.exitCode, kubectlYaml.exitCode);
    QString kubectlText = QString::fromUtf8(kubectlYaml.out);
    if (redacts)
        kubectlText.replace(QRegularExpression(QStringLiteral("^(\\s+(id-token|refresh-token|client-secret|access-token): )\\S.*$"),
                                               QRegularExpression::MultilineOption),
                            QStringLiteral("\\1REDACTED"));
    QCOMPARE(QString::fromUtf8(oursYaml.out), kubectlText);
}

QTEST_GUILESS_MAIN(TestConfigView)
#include "tst_configview.moc"
