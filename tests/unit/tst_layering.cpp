// The layers app → views → models → kubeclient, checked on the source text: a lower layer
// never includes a higher one, kubeclient and tenantryctl never include Qt, models no Widgets.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

struct Include {
    QString file;  // relative to the source root
    int line = 0;
    QString target;
    bool angled = false;
};

// Every #include of every C++ file below `dir` (relative to the source root).
QList<Include> includesBelow(const QString &dir)
{
    static const QRegularExpression re(QStringLiteral("^\\s*#\\s*include\\s*([<\"])([^>\"]+)[>\"]"));
    const QDir root(QStringLiteral(TENANTRY_SOURCE_DIR));
    QList<Include> out;
    QDirIterator it(root.filePath(dir), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        int n = 0;
        while (!f.atEnd()) {
            ++n;
            const auto m = re.match(QString::fromUtf8(f.readLine()));
            if (m.hasMatch())
                out.append({root.relativeFilePath(path), n, m.captured(2), m.captured(1) == QLatin1String("<")});
        }
    }
    return out;
}

QString where(const Include &inc)
{
    return QStringLiteral("%1:%2 includes %3").arg(inc.file).arg(inc.line).arg(inc.target);
}

bool isQt(const Include &inc)
{
    const QString &t = inc.target;
    return inc.angled && (t.startsWith(QLatin1String("Qt")) || (t.size() > 1 && t[0] == QLatin1Char('Q') && t[1].isUpper()));
}

// Class headers of the QtWidgets module as installed (QWidget, QDialog, ...).
QSet<QString> widgetsHeaders()
{
    QSet<QString> names;
    const QDir dir(QLibraryInfo::path(QLibraryInfo::HeadersPath) + QStringLiteral("/QtWidgets"));
    for (const QString &name : dir.entryList(QDir::Files))
        names.insert(name);
    return names;
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void sourcesFound()
    {
        // Given the source tree, the scan must see it, or every other check passes vacuously.
        QVERIFY(includesBelow(QStringLiteral("kubeclient")).size() > 300);
        QVERIFY(includesBelow(QStringLiteral("models")).size() > 100);
        QVERIFY(includesBelow(QStringLiteral("views")).size() > 50);
        QVERIFY(widgetsHeaders().contains(QStringLiteral("QWidget")));
    }

    void kubeclientAndCtlHaveNoQt()
    {
        QStringList bad;
        for (const QString &dir : {QStringLiteral("kubeclient"), QStringLiteral("app/ctl")})
            for (const auto &inc : includesBelow(dir))
                if (isQt(inc))
                    bad << where(inc);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void kubeclientIncludesNoHigherLayer()
    {
        QStringList bad;
        for (const auto &inc : includesBelow(QStringLiteral("kubeclient")))
            if (!inc.target.startsWith(QLatin1String("kubeclient/")) && !inc.angled)
                bad << where(inc);  // models/, views/, app/, resources/ or a bare name
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void modelsHaveNoWidgetsAndNoHigherLayer()
    {
        const auto widgets = widgetsHeaders();
        QStringList bad;
        for (const auto &inc : includesBelow(QStringLiteral("models"))) {
            const QString base = inc.target.section(QLatin1Char('/'), -1);
            if (inc.target.startsWith(QLatin1String("QtWidgets")) || (inc.angled && widgets.contains(base)))
                bad << where(inc);
            if (!inc.angled && !inc.target.startsWith(QLatin1String("models/"))
                && !inc.target.startsWith(QLatin1String("kubeclient/")))
                bad << where(inc);
        }
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void viewsIncludeNoApp()
    {
        QStringList bad;
        for (const auto &inc : includesBelow(QStringLiteral("views")))
            if (!inc.angled && !inc.target.startsWith(QLatin1String("views/"))
                && !inc.target.startsWith(QLatin1String("models/"))
                && !inc.target.startsWith(QLatin1String("kubeclient/")))
                bad << where(inc);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void kubeclientRoomsPointDown()
    {
        // rbac and the lower rooms share the KubeSphere vocabulary (kubeclient/kubesphere) but
        // never reach into the tenancy engine or the session that sits above them.
        const QStringList lower = {QStringLiteral("core"),      QStringLiteral("kubeconfig"),
                                   QStringLiteral("transport"), QStringLiteral("api"),
                                   QStringLiteral("watch"),     QStringLiteral("kubesphere"),
                                   QStringLiteral("rbac"),      QStringLiteral("network"),
                                   QStringLiteral("ksaccount")};
        QStringList bad;
        for (const QString &room : lower)
            for (const auto &inc : includesBelow(QStringLiteral("kubeclient/") + room))
                if (inc.target.startsWith(QLatin1String("kubeclient/tenancy/"))
                    || inc.target.startsWith(QLatin1String("kubeclient/session/")))
                    bad << where(inc);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void ksaccountStandsBelowTheSession()
    {
        // KubeSphere sign-in plugs into the kubeconfig's credential seam; the kubeconfig and the
        // transport never know about it (the session installs its hook).
        QStringList bad;
        for (const QString &room : {QStringLiteral("core"), QStringLiteral("kubeconfig"), QStringLiteral("transport")})
            for (const auto &inc : includesBelow(QStringLiteral("kubeclient/") + room))
                if (inc.target.startsWith(QLatin1String("kubeclient/ksaccount/")))
                    bad << where(inc);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void networkStandsOnCoreOnly()
    {
        // The NetworkPolicy evaluator is pure: it needs the Result vocabulary and nothing of a
        // cluster, so the GUI's graph, tenantryctl and the tests all share it as it is.
        QStringList bad;
        const auto includes = includesBelow(QStringLiteral("kubeclient/network"));
        QVERIFY(!includes.isEmpty());
        for (const auto &inc : includes)
            if (!inc.angled && !inc.target.startsWith(QLatin1String("kubeclient/core/"))
                && !inc.target.startsWith(QLatin1String("kubeclient/network/")))
                bad << where(inc);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void kubeclientHasNoLooseFiles()
    {
        const QDir dir(QStringLiteral(TENANTRY_SOURCE_DIR "/kubeclient"));
        const QStringList loose = dir.entryList({QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files);
        QVERIFY2(loose.isEmpty(), qPrintable(loose.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
