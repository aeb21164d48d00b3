// Entry point of the tenantry desktop application: command line, the main window, the first
// start (offer the contexts of $KUBECONFIG / ~/.kube/config) and headless screenshots.
#include "applogging.h"
#include "appsettings.h"
#include "languages.h"
#include "models/asynctask.h"
#include "models/connectionspec.h"
#include "mainwindow.h"
#include "views/navigatorwidget.h"
#include "screenshotrunner.h"
#include "tenantryversion.h"

#include "kubeclient/core/memory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <optional>

int main(int argc, char *argv[])
{
    kube::keepLargeBlocksMapped();  // a window that stays open gives large buffers back when freed
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tenantry"));
    QApplication::setOrganizationDomain(QStringLiteral("tenantry.dev"));
    QApplication::setApplicationName(QStringLiteral("tenantry"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tenantry"));
    QApplication::setApplicationVersion(QString::fromStdString(tenantry::versionText()));
    QApplication::setDesktopFileName(QStringLiteral("dev.tenantry.Tenantry"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Administer Kubernetes multi-tenancy (KubeSphere model)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QStringLiteral("Kubeconfig file to use (instead of $KUBECONFIG / ~/.kube/config)."), QStringLiteral("file"));
    const QCommandLineOption context(QStringLiteral("context"), QStringLiteral("Context to connect to; repeat for several clusters."), QStringLiteral("name"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Render the window once the data has loaded into FILE (PNG) and exit."), QStringLiteral("file"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Select the node at PATH, e.g. \"ctx/Workspaces/ws1/p1\"."), QStringLiteral("path"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Detail tab to show: overview, members, access, roles, quotas, network, yaml, permissions, dashboard; or traffic (the Allowed traffic window)."), QStringLiteral("tab"));
    const QCommandLineOption filter(QStringLiteral("filter"), QStringLiteral("Text to type into the filter box."), QStringLiteral("text"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for screenshots (default 1280x800)."), QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption pin(QStringLiteral("pin"), QStringLiteral("Namespace to show even if this identity may not list namespaces; repeatable."), QStringLiteral("namespace"));
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("Override the detected tenancy mode: kubesphere or standalone."), QStringLiteral("mode"));
    const QCommandLineOption timings(QStringLiteral("timings"), QStringLiteral("Print start-up timings and memory (for benchmarks) and exit once loaded."));
    const QCommandLineOption approveExec(QStringLiteral("approve-exec"), QStringLiteral("Run exec credential plugins without asking (headless use)."));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Give up waiting for the data after SECONDS (screenshot, timings)."), QStringLiteral("seconds"), QStringLiteral("120"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Language of the window for this run: en or zh_CN (default: View → Language, else the system's)."), QStringLiteral("code"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("Theme for this run: system, light or dark (View → Theme is remembered; this is not)."), QStringLiteral("theme"));
    parser.addOptions({kubeconfig, context, screenshot, select, tab, filter, size, pin, mode, timings, approveExec, timeout, lang, theme});
    // Files given as arguments (the desktop entry's %F: "Open with Tenantry") are kubeconfigs, read
    // as --kubeconfig reads one; each opens its current context, or those named with --context.
    parser.addPositionalArgument(QStringLiteral("kubeconfig"), QStringLiteral("Kubeconfig files to open, like --kubeconfig."), QStringLiteral("[kubeconfig...]"));
    parser.process(app);
    QStringList kubeconfigFiles = parser.positionalArguments();
    if (parser.isSet(kubeconfig))
        kubeconfigFiles.prepend(parser.value(kubeconfig));

    // The language before any window exists: --lang, else View → Language, else the system's
    // ($LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG through QLocale::system()).
    if (parser.isSet(lang) && !Languages::isShipped(parser.value(lang))) {
        QStringList codes;
        for (const auto &l : Languages::shipped())
            codes << l.code;
        std::fprintf(stderr, "tenantry: no translation for --lang %s (shipped: %s)\n", qPrintable(parser.value(lang)),
                     qPrintable(codes.join(QStringLiteral(", "))));
        return 2;
    }
    Languages::install(parser.isSet(lang) ? parser.value(lang) : Languages::resolve(AppSettings().language()));

    const bool headless = parser.isSet(screenshot) || parser.isSet(timings);
    const bool explicitConnection = !kubeconfigFiles.isEmpty() || parser.isSet(context);
    MainWindow::Options options;
    // A scripted or one-off run (--kubeconfig/--context) does not change what the user saved.
    options.persist = !headless && !explicitConnection;
    options.approveExec = parser.isSet(approveExec);
    if (headless && !options.approveExec)
        qCInfo(lcApp) << "headless run: exec plugins run only if approved before (or with --approve-exec)";

    std::optional<ThemeManager::Theme> forcedTheme;
    if (parser.isSet(theme)) {
        forcedTheme = ThemeManager::fromName(parser.value(theme));
        if (!forcedTheme) {
            std::fprintf(stderr, "tenantry: --theme takes system, light or dark\n");
            return 2;
        }
    }

    MainWindow window(options);
    if (forcedTheme)
        window.setTheme(*forcedTheme, false);
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }

    if (explicitConnection) {
        QStringList contexts = parser.values(context);
        if (contexts.isEmpty())
            contexts << QString();  // the kubeconfig's current context
        if (kubeconfigFiles.isEmpty())
            kubeconfigFiles << QString();  // $KUBECONFIG / ~/.kube/config
        for (const QString &file : kubeconfigFiles)
            for (const QString &c : contexts) {
                ConnectionSpec spec;
                spec.kubeconfig = file;
                spec.context = c;
                spec.pinnedNamespaces = parser.values(pin);
                spec.modeOverride = parser.value(mode).toLower();
                window.addConnection(spec, false);
            }
    }

    std::unique_ptr<ScreenshotRunner> runner;
    if (headless) {
        if (!explicitConnection && !window.restoreConnections()) {
            std::fprintf(stderr, "tenantry: nothing to connect to: pass --kubeconfig FILE and/or --context NAME\n");
            return 2;
        }
        ScreenshotRunner::Options o;
        o.file = parser.value(screenshot);
        o.select = parser.value(select);
        o.tab = parser.value(tab);
        o.filter = parser.value(filter);
        o.timings = parser.isSet(timings);
        o.timeoutMs = parser.value(timeout).toInt() * 1000;
        runner = std::make_unique<ScreenshotRunner>(&window, o);
        runner->start();
    } else {
        if (!explicitConnection && !window.restoreConnections())
            // First start: offer the contexts kubectl would use, once the window is up.
            QTimer::singleShot(0, &window, &MainWindow::showImportDialog);
        if (parser.isSet(select))
            window.selectWhenAvailable(parser.value(select));
        if (parser.isSet(filter))
            window.navigator()->setFilterText(parser.value(filter));
    }
    window.show();
    const int code = app.exec();
    runner.reset();
    // Background requests (a permission check, a plan) may still wait on a server: drop what
    // has not started and give the rest a moment. Exiting under a running request would tear
    // libcurl down beneath it.
    AsyncTask::pool()->clear();
    if (!AsyncTask::pool()->waitForDone(3000)) {
        std::fflush(stdout);
        std::quick_exit(code);
    }
    return code;
}
