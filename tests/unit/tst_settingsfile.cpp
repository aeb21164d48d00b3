// The settings file (AppSettings over QSettings, written through QSaveFile): a writer SIGKILLed
// at random moments leaves one whole version of the file, never half the connections, and a
// 0600 file stays 0600.
#include "appsettings.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Generation g: 200 connections, every one naming g, so a mix of two writes shows.
QList<ConnectionSpec> generation(int g)
{
    QList<ConnectionSpec> out;
    for (int i = 0; i < 200; ++i) {
        ConnectionSpec c;
        c.kubeconfig = QStringLiteral("/home/u/.kube/config-%1").arg(i);
        c.context = QStringLiteral("ctx-%1-gen-%2").arg(i).arg(g);
        c.pinnedNamespaces = {QStringLiteral("gen-%1").arg(g)};
        out << c;
    }
    return out;
}

// The generation all connections agree on, -1 when they are mixed or missing.
int wholeGeneration()
{
    const auto list = AppSettings().connections();
    if (list.size() != 200)
        return -1;
    const QString pin = list.front().pinnedNamespaces.value(0);
    for (const auto &c : list)
        if (c.pinnedNamespaces.value(0) != pin || !c.context.endsWith(QLatin1String("-") + pin))
            return -1;
    return pin.mid(4).toInt();
}

mode_t modeOf(const QString &path)
{
    struct stat st {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 07777;
}

} // namespace

class tst_SettingsFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(false);
        QCoreApplication::setOrganizationName(QStringLiteral("tenantry-test"));
        QCoreApplication::setApplicationName(QStringLiteral("settingsfile"));
    }

    void killedWhileSavingKeepsOneWholeVersion()
    {
        AppSettings().setConnections(generation(0));
        const QString file = QSettings().fileName();
        QVERIFY2(file.startsWith(m_home.path()), qPrintable(file));
        QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(wholeGeneration(), 0);
        int last = 0;
        for (int round = 0; round < 25; ++round) {
            std::fflush(nullptr);
            const pid_t pid = ::fork();
            if (pid == 0) {
                for (int g = 1;; ++g) {
                    AppSettings s;
                    s.setConnections(generation(round * 100000 + g));
                }
            }
            ::usleep(useconds_t(QRandomGenerator::global()->bounded(5000, 60000)));
            ::kill(pid, SIGKILL);
            int status = 0;
            ::waitpid(pid, &status, 0);
            QVERIFY(WIFSIGNALED(status));
            const int g = wholeGeneration();
            QVERIFY2(g >= 0, qPrintable(QStringLiteral("round %1: the settings file is torn").arg(round)));
            QVERIFY(g == last || g / 100000 == round);
            last = g;
            QCOMPARE(modeOf(file), mode_t(0600));
        }
        qInfo("25 SIGKILLed settings writers: the file was whole every time (last generation %d)", last);
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(tst_SettingsFile)
#include "tst_settingsfile.moc"
