// Languages: the list comes from the resources (one tenantry_<code>.qm each), so a new .ts file
// in translations/ is a new language here without code, apart from its name in itself.
#include "languages.h"

#include "applogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

#include <algorithm>

namespace {

const QString kResourceDir = QStringLiteral(":/i18n");
const QString kEnglish = QStringLiteral("en");

QString nativeNameOf(const QString &code)
{
    // QLocale calls zh_CN "中文" and en "American English": menus say 简体中文 (to tell it from
    // 繁體中文) and English.
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == kEnglish)
        return QStringLiteral("English");
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (name.isEmpty())
        return code;
    name[0] = name[0].toUpper();
    return name;
}

QPointer<QTranslator> &installedTenantry()
{
    static QPointer<QTranslator> translator;
    return translator;
}

QPointer<QTranslator> &installedQt()
{
    static QPointer<QTranslator> translator;
    return translator;
}

QString &currentCode()
{
    static QString code = kEnglish;
    return code;
}

void removeInstalled(QPointer<QTranslator> &translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
}

} // namespace

QList<Languages::Language> Languages::shipped()
{
    QList<Language> out;
    const QStringList files = QDir(kResourceDir).entryList({QStringLiteral("tenantry_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(int(qstrlen("tenantry_")), file.size() - int(qstrlen("tenantry_")) - 3);
        out.push_back({code, nativeNameOf(code)});
    }
    std::stable_sort(out.begin(), out.end(), [](const Language &a, const Language &b) {
        return a.code == kEnglish && b.code != kEnglish;
    });
    return out;
}

bool Languages::isShipped(const QString &code)
{
    const auto all = shipped();
    return std::any_of(all.begin(), all.end(), [&](const Language &l) { return l.code == code; });
}

QString Languages::match(const QStringList &uiLanguages)
{
    const auto all = shipped();
    for (const QString &ui : uiLanguages) {
        const QLocale wanted(ui);
        if (wanted.language() == QLocale::C)
            continue;
        for (const Language &l : all) {
            const QLocale have(l.code);
            if (have.language() != wanted.language())
                continue;
            // zh_TW, zh_HK and zh-Hant read Traditional characters: not our zh_CN.
            if (have.language() == QLocale::Chinese && wanted.script() != have.script())
                continue;
            return l.code;
        }
    }
    return kEnglish;
}

QString Languages::resolve(const QString &setting)
{
    if (!setting.isEmpty() && isShipped(setting))
        return setting;
    return match(QLocale::system().uiLanguages());
}

bool Languages::install(const QString &code)
{
    if (!isShipped(code)) {
        qCWarning(lcApp) << "no translation for language" << code;
        return false;
    }
    removeInstalled(installedTenantry());
    removeInstalled(installedQt());
    currentCode() = kEnglish;
    if (code == kEnglish)
        return true;

    auto *tenantry = new QTranslator(QCoreApplication::instance());
    if (!tenantry->load(kResourceDir + QStringLiteral("/tenantry_") + code + QStringLiteral(".qm"))) {
        qCWarning(lcApp) << "the translation for" << code << "does not load";
        delete tenantry;
        return false;
    }
    // Qt's own strings (OK, Cancel, the file dialog): Debian's qt6-translations-l10n. Without
    // them the standard buttons stay English, nothing worse.
    auto *qt = new QTranslator(QCoreApplication::instance());
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"), qtDir)) {
        QCoreApplication::installTranslator(qt);
        installedQt() = qt;
    } else {
        qCInfo(lcApp) << "no qtbase translation for" << code << "in" << qtDir << "(package qt6-translations-l10n)";
        delete qt;
    }
    QCoreApplication::installTranslator(tenantry);
    installedTenantry() = tenantry;
    currentCode() = code;
    return true;
}

QString Languages::current() { return currentCode(); }
