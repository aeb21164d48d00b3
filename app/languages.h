// The languages Tenantry ships and the one it runs in: Tenantry's translation (embedded under
// :/i18n) and Qt's own (standard buttons, from Qt's translations folder) for the chosen language.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class Languages final
{
public:
    struct Language {
        QString code;        // "en", "zh_CN": the suffix of tenantry_<code>.qm
        QString nativeName;  // each language named in itself: "English", "简体中文"
    };

    // Every language with a translation among the resources, English first.
    static QList<Language> shipped();
    static bool isShipped(const QString &code);

    // The shipped language for a list of UI languages in order of preference (BCP 47 names, as
    // QLocale::uiLanguages gives them, which follows $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG);
    // traditional Chinese does not match Simplified. English when nothing matches.
    static QString match(const QStringList &uiLanguages);
    // The setting ("" follows the system) made a shipped language code.
    static QString resolve(const QString &setting);

    // Installs Tenantry's and Qt's translators for code, replacing those of an earlier call.
    // English needs none: its plural forms are installed at start (translations/englishplurals).
    // False when code is not shipped or Tenantry's translation does not load.
    static bool install(const QString &code);
    // The code last installed ("en" until then).
    static QString current();
};
