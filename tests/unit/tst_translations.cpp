// tst_translations: the Simplified Chinese translation covers every string the GUI's sources
// hold (lupdate run over the current sources by scripts/lupdate, on copies of the .ts files),
// translations keep placeholders, markup and accelerators, English plural forms apply, and the
// languages shipped are found, matched to the system's and installed.
#include "languages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kSourceDir = QStringLiteral(TENANTRY_SOURCE_DIR);

struct Message {
    QString context;
    QString source;
    bool numerus = false;
    QString type;        // "unfinished", "vanished", "obsolete" or "" (finished)
    QStringList forms;   // the translation, or its numerus forms
    bool hasTranslation = false;
};

QList<Message> readTs(const QString &file, QString *error)
{
    QList<Message> out;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + file;
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            if (!m.source.isNull())
                out << m;
            m = Message{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.hasTranslation = true;
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus)
                m.forms << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            m.forms << xml.readElementText();
        }
    }
    if (!m.source.isNull())
        out << m;
    if (xml.hasError())
        *error = file + QStringLiteral(": ") + xml.errorString();
    return out;
}

QString describe(const Message &m) { return m.context + QStringLiteral(" | ") + QString(m.source).replace(QLatin1Char('\n'), QStringLiteral("\\n")); }

// %1..%99, %n and %Ln, each counted (a translation may reorder them, not drop or add one).
QMap<QString, int> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(n|\\d+)"));
    QMap<QString, int> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        ++out[it.next().captured(0)];
    return out;
}

// Opening and closing tags by name (<b>, </b>, <p>, <br>…), each counted.
QMap<QString, int> tags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("</?[a-zA-Z][a-zA-Z0-9]*"));
    QMap<QString, int> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        ++out[it.next().captured(0)];
    return out;
}

// Accelerator markers: "&" before a character, not "&&" and not an entity such as &lt;.
int accelerators(QString text)
{
    static const QRegularExpression entity(QStringLiteral("&[#a-zA-Z0-9]+;"));
    text.remove(entity).remove(QStringLiteral("&&"));
    static const QRegularExpression marker(QStringLiteral("&\\S"));
    return int(text.count(marker));
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everySourceStringIsTranslatedInChinese();
    void theTsFilesAreWhatScriptsLupdateWrites();
    void translationsKeepPlaceholdersMarkupAndAccelerators();
    void englishPluralForms();
    void chineseAndQtsOwnTranslationsInstall();
    void shippedLanguagesAndTheSystemsChoice();

private:
    QTemporaryDir m_dir;
    QList<Message> m_updated;    // zh_CN as lupdate leaves it after reading the current sources
    QList<Message> m_committed;  // zh_CN as it is in translations/
};

void tst_Translations::initTestCase()
{
    // Given the current sources and copies of the committed .ts files
    const QString lupdate = QStringLiteral(TENANTRY_LUPDATE);
    QVERIFY2(QFile::exists(lupdate), qPrintable(QStringLiteral("lupdate not found at %1: install Debian's qt6-l10n-tools "
                                                               "(scripts/bootstrap does)").arg(lupdate)));
    QVERIFY(m_dir.isValid());
    for (const char *name : {"tenantry_en.ts", "tenantry_zh_CN.ts"}) {
        const QString from = kSourceDir + QStringLiteral("/translations/") + QLatin1String(name);
        QVERIFY2(QFile::copy(from, m_dir.filePath(QLatin1String(name))), qPrintable(from));
    }
    // When scripts/lupdate updates the copies from the sources
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TENANTRY_TS_DIR"), m_dir.path());
    env.insert(QStringLiteral("LUPDATE"), lupdate);
    p.setProcessEnvironment(env);
    p.start(kSourceDir + QStringLiteral("/scripts/lupdate"), {QStringLiteral("-silent")});
    QVERIFY2(p.waitForFinished(120000), "scripts/lupdate did not finish in 2 minutes");
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAll().constData());

    QString error;
    m_updated = readTs(m_dir.filePath(QStringLiteral("tenantry_zh_CN.ts")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_committed = readTs(kSourceDir + QStringLiteral("/translations/tenantry_zh_CN.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // lupdate finds the GUI's strings (about 1200 of them); a handful would mean it read nothing
    QVERIFY2(m_updated.size() > 1000, qPrintable(QString::number(m_updated.size())));
}

void tst_Translations::everySourceStringIsTranslatedInChinese()
{
    // Then every message is finished, with text in each form
    QStringList missing;
    for (const auto &m : m_updated) {
        const bool empty = m.forms.isEmpty() || std::any_of(m.forms.begin(), m.forms.end(), [](const QString &f) {
                               return f.trimmed().isEmpty();
                           });
        if (!m.hasTranslation || !m.type.isEmpty() || empty)
            missing << describe(m) + (m.type.isEmpty() ? QString() : QStringLiteral("  [") + m.type + QLatin1Char(']'));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 of %2 source strings have no finished zh_CN translation "
                                                          "(run scripts/lupdate, translate them in translations/"
                                                          "tenantry_zh_CN.ts):\n")
                                               .arg(missing.size())
                                               .arg(m_updated.size())
                                           + missing.join(QLatin1Char('\n'))));
}

void tst_Translations::theTsFilesAreWhatScriptsLupdateWrites()
{
    // Then the committed files are already up to date: no string gone from the code lingers
    // in them, and none is waiting to be added
    for (const char *name : {"tenantry_en.ts", "tenantry_zh_CN.ts"}) {
        QFile committed(kSourceDir + QStringLiteral("/translations/") + QLatin1String(name));
        QFile updated(m_dir.filePath(QLatin1String(name)));
        QVERIFY(committed.open(QIODevice::ReadOnly));
        QVERIFY(updated.open(QIODevice::ReadOnly));
        QVERIFY2(committed.readAll() == updated.readAll(),
                 qPrintable(QStringLiteral("translations/%1 is not what scripts/lupdate writes for the current sources: "
                                           "run scripts/lupdate and commit the result")
                                .arg(QLatin1String(name))));
    }
}

void tst_Translations::translationsKeepPlaceholdersMarkupAndAccelerators()
{
    QStringList problems;
    for (const auto &m : m_committed) {
        for (const QString &form : m.forms) {
            QStringList what;
            if (placeholders(form) != placeholders(m.source))
                what << QStringLiteral("placeholders");
            if (tags(form) != tags(m.source))
                what << QStringLiteral("HTML tags");
            if (accelerators(form) != accelerators(m.source))
                what << QStringLiteral("& accelerator");
            if (!what.isEmpty())
                problems << describe(m) + QStringLiteral("  →  ") + form + QStringLiteral("  [") + what.join(QStringLiteral(", "))
                                + QLatin1Char(']');
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Translations::englishPluralForms()
{
    // Given no language installed but the English plural forms (installed at start)
    QVERIFY(Languages::install(QStringLiteral("en")));
    // Then counts read as English does
    auto tr = [](const char *context, const char *text, int n) { return QCoreApplication::translate(context, text, nullptr, n); };
    QCOMPARE(tr("QObject", "%n project(s)", 1), QStringLiteral("1 project"));
    QCOMPARE(tr("QObject", "%n project(s)", 2), QStringLiteral("2 projects"));
    QCOMPARE(tr("QObject", "%n NetworkPolicy(ies)", 1), QStringLiteral("1 NetworkPolicy"));
    QCOMPARE(tr("QObject", "%n NetworkPolicy(ies)", 3), QStringLiteral("3 NetworkPolicies"));
    QCOMPARE(tr("PlanDialog", "%n write(s) planned.", 0), QStringLiteral("0 writes planned."));
    QCOMPARE(tr("PlanImpact", "%n subject(s) gain or lose permissions (%1 resources × scopes).", 1),
             QStringLiteral("1 subject gains or loses permissions (%1 resources × scopes)."));
    QCOMPARE(tr("AuditLog", "%n skipped line(s)", 2), QStringLiteral("2 skipped lines"));

    // And every plural message of tenantry_en.ts has two finished forms without "(s)"
    QString error;
    const auto english = readTs(kSourceDir + QStringLiteral("/translations/tenantry_en.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!english.isEmpty());
    QStringList problems;
    for (const auto &m : english) {
        if (!m.numerus || !m.type.isEmpty() || m.forms.size() != 2)
            problems << describe(m) + QStringLiteral("  [not two finished plural forms]");
        for (const QString &f : m.forms)
            if (f.contains(QStringLiteral("(s)")) || f.contains(QStringLiteral("(ies)")) || placeholders(f) != placeholders(m.source))
                problems << describe(m) + QStringLiteral("  →  ") + f;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Translations::chineseAndQtsOwnTranslationsInstall()
{
    // When Simplified Chinese is installed
    QVERIFY(Languages::install(QStringLiteral("zh_CN")));
    QCOMPARE(Languages::current(), QStringLiteral("zh_CN"));
    // Then Tenantry's strings, plural forms included, and Qt's own read Chinese
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("文件(&F)"));
    QCOMPARE(QCoreApplication::translate("TenancyActions", "New &workspace…"), QStringLiteral("新建企业空间(&W)…"));
    QCOMPARE(QCoreApplication::translate("QObject", "%n project(s)", nullptr, 3), QStringLiteral("3 个项目"));
    QVERIFY2(QCoreApplication::translate("QPlatformTheme", "Cancel") == QStringLiteral("取消"),
             "Qt's own Chinese translation (qtbase_zh_CN.qm) is missing: install Debian's qt6-translations-l10n "
             "(scripts/bootstrap does)");

    // When English is installed again: the Chinese translators are gone, English plurals stay
    QVERIFY(Languages::install(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&File"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    QCOMPARE(QCoreApplication::translate("QObject", "%n project(s)", nullptr, 1), QStringLiteral("1 project"));
    // And a language without a translation is refused
    QVERIFY(!Languages::install(QStringLiteral("xx")));
}

void tst_Translations::shippedLanguagesAndTheSystemsChoice()
{
    // Each .ts file is a language, named in itself, English first
    const auto shipped = Languages::shipped();
    QCOMPARE(shipped.size(), 2);
    QCOMPARE(shipped[0].code, QStringLiteral("en"));
    QCOMPARE(shipped[0].nativeName, QStringLiteral("English"));
    QCOMPARE(shipped[1].code, QStringLiteral("zh_CN"));
    QCOMPARE(shipped[1].nativeName, QStringLiteral("简体中文"));

    // The system's UI languages pick the first shipped match; Traditional Chinese is not zh_CN
    QCOMPARE(Languages::match({QStringLiteral("zh-CN")}), QStringLiteral("zh_CN"));
    QCOMPARE(Languages::match({QStringLiteral("zh-Hans-CN"), QStringLiteral("zh")}), QStringLiteral("zh_CN"));
    QCOMPARE(Languages::match({QStringLiteral("zh-SG")}), QStringLiteral("zh_CN"));
    QCOMPARE(Languages::match({QStringLiteral("zh-TW")}), QStringLiteral("en"));
    QCOMPARE(Languages::match({QStringLiteral("zh-Hant-HK")}), QStringLiteral("en"));
    QCOMPARE(Languages::match({QStringLiteral("de-DE"), QStringLiteral("zh-CN")}), QStringLiteral("zh_CN"));
    QCOMPARE(Languages::match({QStringLiteral("en-GB"), QStringLiteral("zh-CN")}), QStringLiteral("en"));
    QCOMPARE(Languages::match({QStringLiteral("fr-FR")}), QStringLiteral("en"));
    QCOMPARE(Languages::match({}), QStringLiteral("en"));

    // A setting names the language; "" and an unknown code follow the system
    QCOMPARE(Languages::resolve(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QCOMPARE(Languages::resolve(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(Languages::resolve(QString()), Languages::match(QLocale::system().uiLanguages()));
    QCOMPARE(Languages::resolve(QStringLiteral("xx")), Languages::match(QLocale::system().uiLanguages()));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
