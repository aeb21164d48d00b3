// English plural forms: Tenantry's source text says "%n project(s)"; tenantry_en.qm turns it into
// "1 project" / "2 projects". Installed as the application object starts, below any language
// main() adds, so every program showing Tenantry's text (the app, the GUI tests) gets them.
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTranslator>

namespace {

Q_LOGGING_CATEGORY(lcTranslations, "tenantry.translations")

void installEnglishPlurals()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(QStringLiteral(":/i18n/tenantry_en.qm"))) {
        qCWarning(lcTranslations) << "tenantry_en.qm is not among the resources: plurals show as \"(s)\"";
        delete translator;
        return;
    }
    QCoreApplication::installTranslator(translator);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglishPlurals)
