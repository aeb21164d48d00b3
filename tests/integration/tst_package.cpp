// The Debian package as a user gets it: scripts/package (the ctest fixture package_deb) built
// tenantry_<version>_<arch>.deb; it is unpacked into a temporary root and its programs run from
// there, with the system's libraries only, against the devcluster: versions, completions, the
// desktop integration files, man pages, and a screenshot of the window.
#include "clusterenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#if !defined(TENANTRY_PROJECT_VERSION) || !defined(TENANTRY_DEB_VERSION)
#error "TENANTRY_PROJECT_VERSION (CMake's project version) and TENANTRY_DEB_VERSION must be defined"
#endif

namespace {

const QString kVersion = QStringLiteral(TENANTRY_PROJECT_VERSION);
const QString kDebVersion = QStringLiteral(TENANTRY_DEB_VERSION);  // "0.1.0-1": the release, Debian revision 1
const QString kAppId = QStringLiteral("dev.tenantry.Tenantry");

// Runs a program of the unpacked tree (or a tool) with extra environment; output and exit code.
clusterenv::ProcessResult runWith(const QString &program, const QStringList &args,
                                  const QList<QPair<QString, QString>> &extraEnv = {}, int timeoutMs = 120000)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LD_LIBRARY_PATH"));  // the system's libraries, as after dpkg -i
    for (const auto &[k, v] : extraEnv)
        env.insert(k, v);
    return clusterenv::runWithEnvironment(program, args, env, {}, timeoutMs);
}

quint32 bigEndian32(const QByteArray &bytes, int at)
{
    const auto b = [&](int i) { return quint32(quint8(bytes.at(at + i))); };
    return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

// PNG signature and the IHDR chunk's width and height; false if it is no PNG.
bool pngSize(const QString &path, quint32 *width, quint32 *height)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(24);
    if (head.size() < 24 || !head.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)) || head.mid(12, 4) != "IHDR")
        return false;
    *width = bigEndian32(head, 16);
    *height = bigEndian32(head, 20);
    return true;
}

QString gunzip(const QString &path)
{
    const auto r = runWith(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
    return r.exitCode == 0 ? QString::fromUtf8(r.out) : QString();
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class tst_Package : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void controlFields();
    void treeHasEveryInstalledFile();
    void iconsAreRenderedAtTheirSizes();
    void binariesAreStripped();
    void desktopEntryAndMetainfoValidate();
    void manPagesNameTheCommands();
    void tenantryctlVersion();
    void tenantryctlVersionAgainstTheCluster();
    void completionsAreWhatTheProgramPrints();
    void tenantryVersionAndScreenshot();

private:
    QString m_deb;
    QTemporaryDir m_root;
    QString path(const QString &relative) const { return m_root.filePath(relative); }
};

void tst_Package::initTestCase()
{
    QVERIFY(m_root.isValid());
    const QString dpkg = QStandardPaths::findExecutable(QStringLiteral("dpkg"));
    QVERIFY2(!dpkg.isEmpty(), "dpkg not found on PATH");
    const auto arch = runWith(dpkg, {QStringLiteral("--print-architecture")});
    QCOMPARE(arch.exitCode, 0);
    // scripts/package names the file as Debian does: tenantry_<version>-<revision>_<arch>.deb
    const QString dir = QString::fromUtf8(qgetenv("TENANTRY_BINARY_DIR")) + QStringLiteral("/package");
    m_deb = dir + QStringLiteral("/tenantry_") + kDebVersion + '_' + QString::fromUtf8(arch.out).trimmed() + QStringLiteral(".deb");
    QVERIFY2(QFileInfo::exists(m_deb), qPrintable(m_deb + " does not exist: the package_deb fixture (scripts/package) did not build it"));
    const QString dpkgDeb = QStandardPaths::findExecutable(QStringLiteral("dpkg-deb"));
    QVERIFY2(!dpkgDeb.isEmpty(), "dpkg-deb not found on PATH");
    const auto x = runWith(dpkgDeb, {QStringLiteral("-x"), m_deb, m_root.path()});
    QVERIFY2(x.exitCode == 0, x.err.constData());
}

void tst_Package::controlFields()
{
    const auto field = [&](const char *name) {
        return QString::fromUtf8(runWith(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QString::fromLatin1(name)}).out).trimmed();
    };
    QCOMPARE(field("Package"), QStringLiteral("tenantry"));
    QCOMPARE(field("Version"), kDebVersion);
    QVERIFY(kDebVersion.startsWith(kVersion + '-'));
    // dpkg-shlibdeps found the libraries both programs link (not a hand-written list)
    const QString depends = field("Depends");
    for (const char *lib : {"libc6", "libstdc++6", "libqt6widgets6", "libqt6core6", "libcurl4", "libssl3", "libyaml-cpp0.7",
                            "libsecret-1-0", "libqt6svg6"})
        QVERIFY2(depends.contains(QString::fromLatin1(lib)), qPrintable(QString::fromLatin1(lib) + " not in Depends: " + depends));
    QVERIFY2(depends.contains(QRegularExpression(QStringLiteral("libc6 \\(>= [0-9.]+\\)"))), qPrintable(depends));
    QVERIFY(!field("Maintainer").isEmpty());
    QVERIFY(!field("Description").isEmpty());
}

void tst_Package::treeHasEveryInstalledFile()
{
    const QStringList files = {
        "usr/bin/tenantry",
        "usr/bin/tenantryctl",
        "usr/share/applications/" + kAppId + ".desktop",
        "usr/share/metainfo/" + kAppId + ".metainfo.xml",
        "usr/share/icons/hicolor/scalable/apps/" + kAppId + ".svg",
        "usr/share/man/man1/tenantry.1.gz",
        "usr/share/man/man1/tenantryctl.1.gz",
        "usr/share/bash-completion/completions/tenantryctl",
        "usr/share/zsh/vendor-completions/_tenantryctl",
        "usr/share/doc/tenantry/copyright",
        "usr/share/doc/tenantry/changelog.Debian.gz",
    };
    for (const QString &f : files)
        QVERIFY2(QFileInfo(path(f)).isFile() && QFileInfo(path(f)).size() > 0, qPrintable(f + " missing or empty"));
    QVERIFY(QFileInfo(path("usr/bin/tenantry")).isExecutable());
    QVERIFY(QFileInfo(path("usr/bin/tenantryctl")).isExecutable());
    // The desktop entry starts the program with the files it is given (kubeconfigs)
    const QString desktop = readText(path("usr/share/applications/" + kAppId + ".desktop"));
    QVERIFY2(desktop.contains(QStringLiteral("\nExec=tenantry %F\n")), qPrintable(desktop));
    QVERIFY(desktop.contains(QStringLiteral("\nIcon=") + kAppId + '\n'));
    // The metainfo's newest release is this version; the changelog names it too
    const QString metainfo = readText(path("usr/share/metainfo/" + kAppId + ".metainfo.xml"));
    QVERIFY2(metainfo.contains(QStringLiteral("<release version=\"") + kVersion + '"'), "metainfo has no <release> of this version");
    QVERIFY(gunzip(path("usr/share/doc/tenantry/changelog.Debian.gz")).startsWith(QStringLiteral("tenantry (") + kDebVersion + ')'));
    QVERIFY(readText(path("usr/share/doc/tenantry/copyright")).contains(QStringLiteral("/usr/share/common-licenses/Apache-2.0")));
}

void tst_Package::iconsAreRenderedAtTheirSizes()
{
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const QString png = path(QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/").arg(size) + kAppId + ".png");
        quint32 w = 0, h = 0;
        QVERIFY2(pngSize(png, &w, &h), qPrintable(png + " is not a PNG"));
        QCOMPARE(w, quint32(size));
        QCOMPARE(h, quint32(size));
    }
}

void tst_Package::binariesAreStripped()
{
    const QString readelf = QStandardPaths::findExecutable(QStringLiteral("readelf"));
    QVERIFY2(!readelf.isEmpty(), "readelf not found on PATH (binutils)");
    for (const char *program : {"usr/bin/tenantry", "usr/bin/tenantryctl"}) {
        const auto r = runWith(readelf, {QStringLiteral("-S"), QStringLiteral("--wide"), path(QString::fromLatin1(program))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(".debug_info"), program);
        QVERIFY2(!r.out.contains(".symtab"), program);
        // And no RUNPATH into the build tree: the system's libraries are the ones used
        const auto d = runWith(readelf, {QStringLiteral("-d"), path(QString::fromLatin1(program))});
        QVERIFY2(!d.out.contains("RUNPATH") && !d.out.contains("RPATH"), program);
    }
}

void tst_Package::desktopEntryAndMetainfoValidate()
{
    const QString dfv = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    QVERIFY2(!dfv.isEmpty(), "desktop-file-validate not found on PATH (package desktop-file-utils)");
    const auto d = runWith(dfv, {path("usr/share/applications/" + kAppId + ".desktop")});
    QVERIFY2(d.exitCode == 0 && d.out.isEmpty(), (d.out + d.err).constData());
    const QString asc = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    QVERIFY2(!asc.isEmpty(), "appstreamcli not found on PATH (package appstream)");
    const auto a = runWith(asc, {QStringLiteral("validate"), QStringLiteral("--no-net"), path("usr/share/metainfo/" + kAppId + ".metainfo.xml")});
    QVERIFY2(a.exitCode == 0, (a.out + a.err).constData());
}

void tst_Package::manPagesNameTheCommands()
{
    const QString ctl = gunzip(path("usr/share/man/man1/tenantryctl.1.gz"));
    QVERIFY(ctl.contains(QStringLiteral(".TH TENANTRYCTL 1 \"\" \"tenantryctl ") + kVersion + '"'));
    // Every command of `tenantryctl --help` has its section
    const auto help = runWith(path("usr/bin/tenantryctl"), {QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QRegularExpression commandLine(QStringLiteral("^  ([a-z][a-z-]+) +\\S"), QRegularExpression::MultilineOption);
    int commands = 0;
    for (auto it = commandLine.globalMatch(QString::fromUtf8(help.out)); it.hasNext(); ++commands) {
        const QString name = it.next().captured(1);
        if (name == QLatin1String("tenantryctl"))  // the usage line "  tenantryctl [global flags] ..."
            continue;
        QVERIFY2(ctl.contains(QStringLiteral("\n.SS ") + name + '\n'), qPrintable(name + " has no section in tenantryctl(1)"));
    }
    QVERIFY2(commands > 20, "tenantryctl --help listed too few commands");
    // tenantry(1) lists the options of `tenantry --help`
    const QString gui = gunzip(path("usr/share/man/man1/tenantry.1.gz"));
    QVERIFY(gui.contains(QStringLiteral(".TH TENANTRY 1")));
    for (const char *option : {"\\-\\-screenshot", "\\-\\-kubeconfig", "\\-\\-context", "\\-\\-version"})
        QVERIFY2(gui.contains(QString::fromLatin1(option)), option);
}

void tst_Package::tenantryctlVersion()
{
    // `tenantryctl --version`: the name, the project version, where the build came from
    const auto r = runWith(path("usr/bin/tenantryctl"), {QStringLiteral("--version")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString line = QString::fromUtf8(r.out).trimmed();
    const QRegularExpression shape(QStringLiteral("^tenantryctl (\\S+)( \\(git [0-9A-Za-z._+-]+\\))?$"));
    const auto m = shape.match(line);
    QVERIFY2(m.hasMatch(), qPrintable(line));
    QCOMPARE(m.captured(1), kVersion);
    // `version --client` says the same in kubectl's words, with no cluster at all
    const auto c = runWith(path("usr/bin/tenantryctl"), {QStringLiteral("version"), QStringLiteral("--client")},
                           {{QStringLiteral("KUBECONFIG"), QStringLiteral("/nonexistent")}});
    QCOMPARE(c.exitCode, 0);
    QCOMPARE(QString::fromUtf8(c.out).trimmed(), QStringLiteral("Client Version: ") + line.mid(int(strlen("tenantryctl "))));
}

void tst_Package::tenantryctlVersionAgainstTheCluster()
{
    const QString kubeconfig = QString::fromStdString(clusterenv::kubeconfigPath("admin"));
    const auto r = runWith(path("usr/bin/tenantryctl"), {QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json")},
                           {{QStringLiteral("KUBECONFIG"), kubeconfig}});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto doc = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(QString::fromStdString(doc["clientVersion"]["version"].get<std::string>()), kVersion);
    // The server's version as kubectl, the independent peer, reads it
    const QString kubectl = QString::fromUtf8(qgetenv("TENANTRY_KUBECTL"));
    QVERIFY2(QFileInfo(kubectl).isExecutable(), qPrintable("kubectl not found at TENANTRY_KUBECTL=" + kubectl + " (scripts/bootstrap builds it)"));
    const auto k = runWith(kubectl, {QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json")},
                           {{QStringLiteral("KUBECONFIG"), kubeconfig}});
    QVERIFY2(k.exitCode == 0, k.err.constData());
    const auto peer = nlohmann::json::parse(k.out.toStdString());
    QCOMPARE(QString::fromStdString(doc["serverVersion"]["gitVersion"].get<std::string>()),
             QString::fromStdString(peer["serverVersion"]["gitVersion"].get<std::string>()));
    // The table form names both
    const auto t = runWith(path("usr/bin/tenantryctl"), {QStringLiteral("version")}, {{QStringLiteral("KUBECONFIG"), kubeconfig}});
    QCOMPARE(t.exitCode, 0);
    QVERIFY2(t.out.startsWith("Client Version: " + kVersion.toUtf8()), t.out.constData());
    QVERIFY2(t.out.contains("\nServer Version: " + QByteArray::fromStdString(peer["serverVersion"]["gitVersion"].get<std::string>()) + '\n'),
             t.out.constData());
}

void tst_Package::completionsAreWhatTheProgramPrints()
{
    for (const auto &[shell, file] : {std::pair{QStringLiteral("bash"), QStringLiteral("usr/share/bash-completion/completions/tenantryctl")},
                                      {QStringLiteral("zsh"), QStringLiteral("usr/share/zsh/vendor-completions/_tenantryctl")}}) {
        const auto r = runWith(path("usr/bin/tenantryctl"), {QStringLiteral("completion"), shell});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.size() > 1000);
        QFile installed(path(file));
        QVERIFY(installed.open(QIODevice::ReadOnly));
        QVERIFY2(installed.readAll() == r.out, qPrintable(file + " differs from `tenantryctl completion " + shell + "`"));
    }
    // bash-completion loads the installed file by the command's name: it defines the completion
    const auto b = runWith(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("source \"$0\" && complete -p tenantryctl"),
                                                    path("usr/share/bash-completion/completions/tenantryctl")});
    QCOMPARE(QString::fromUtf8(b.out).trimmed(), QStringLiteral("complete -F _tenantryctl tenantryctl"));
}

void tst_Package::tenantryVersionAndScreenshot()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QList<QPair<QString, QString>> env = {{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")},
                                                {QStringLiteral("HOME"), home.path()},
                                                {QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config"))},
                                                {QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data"))},
                                                {QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache"))}};
    const auto v = runWith(path("usr/bin/tenantry"), {QStringLiteral("--version")}, env);
    QVERIFY2(v.exitCode == 0, v.err.constData());
    const QString line = QString::fromUtf8(v.out).trimmed();
    const auto m = QRegularExpression(QStringLiteral("^tenantry (\\S+)( \\(git [0-9A-Za-z._+-]+\\))?$")).match(line);
    QVERIFY2(m.hasMatch(), qPrintable(line));
    QCOMPARE(m.captured(1), kVersion);

    // The kubeconfig as the desktop entry passes a file (%F): a positional argument. With no
    // saved connections (an empty home) the window would have nothing to show otherwise.
    const QString shot = home.filePath(QStringLiteral("window.png"));
    const QString kubeconfig = QString::fromStdString(clusterenv::kubeconfigPath("admin"));
    auto withoutKubeconfigEnv = env;
    withoutKubeconfigEnv.append({QStringLiteral("KUBECONFIG"), home.filePath(QStringLiteral("no-such-kubeconfig"))});
    const auto s = runWith(path("usr/bin/tenantry"), {QStringLiteral("--screenshot"), shot, QStringLiteral("--timeout"), QStringLiteral("300"), kubeconfig},
                           withoutKubeconfigEnv, 360000);
    QVERIFY2(s.exitCode == 0, (s.out + s.err).constData());
    quint32 w = 0, h = 0;
    QVERIFY2(pngSize(shot, &w, &h), "the screenshot is not a PNG");
    // The default window size, and a picture of some substance (a blank window compresses to a few KB)
    QCOMPARE(w, quint32(1280));
    QCOMPARE(h, quint32(800));
    QVERIFY2(QFileInfo(shot).size() > 30000, qPrintable(QString::number(QFileInfo(shot).size())));
}

QTEST_GUILESS_MAIN(tst_Package)
#include "tst_package.moc"
