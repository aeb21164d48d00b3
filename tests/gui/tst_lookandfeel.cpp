// Look and feel of the real window against the devcluster (offscreen): View → Theme switches
// the whole application at run time (palette, delegates, rich text, models' colours) and is
// remembered; window geometry, splitter and the last selection per cluster come back; File →
// Recent kubeconfigs. Screenshots of the main views in light and dark under <build>/screenshots.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "appsettings.h"
#include "mainwindow.h"
#include "thememanager.h"
#include "models/clustersession.h"
#include "models/kubeconfigcontextmodel.h"
#include "models/permissionmatrixmodel.h"
#include "models/permissionworkbench.h"
#include "models/tenancytreemodel.h"
#include "models/themecolors.h"
#include "views/detailpanel.h"
#include "views/importkubeconfigdialog.h"
#include "views/navigatorwidget.h"
#include "views/permissionworkbenchwidget.h"
#include "views/plandialog.h"
#include "views/tracewidget.h"
#include "views/busyindicator.h"
#include "auditwindow.h"
#include "tracewindow.h"
#include "models/tracemodel.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QMenu>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace kube;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

ConnectionSpec adminSpec()
{
    ConnectionSpec spec;
    spec.kubeconfig = qs(clusterenv::kubeconfigPath("admin"));
    spec.context = QStringLiteral("admin@devcluster");
    return spec;
}

// Mean lightness of a widget as painted (every 4th pixel): the overall impression of a theme.
double meanLightness(QWidget *w)
{
    const QImage image = w->grab().toImage();
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) {
            sum += image.pixelColor(x, y).lightnessF();
            ++n;
        }
    return n ? sum / n : -1;
}

// The colour painted at a point of a widget (logical coordinates).
QColor pixelAt(QWidget *w, QPoint p)
{
    const QPixmap pixmap = w->grab();
    const qreal dpr = pixmap.devicePixelRatio();
    return pixmap.toImage().pixelColor(int(p.x() * dpr), int(p.y() * dpr));
}

QAction *themeAction(MainWindow &w, const QString &name)
{
    return w.findChild<QAction *>(QStringLiteral("actionTheme_") + name);
}
} // namespace

class tst_LookAndFeel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void themeMenuSwitchesTheWholeWindowAtRunTime();
    void themeIsRemembered();
    void themeNamesRoundTrip();
    void geometrySplitterAndSelectionComeBack();
    void recentKubeconfigsMenu();
    void otherWindowsAndDialogsInDark();
    void longTraceShowsProgressAndCancels();
    void busyIndicatorWaitsHalfASecond();
    void treeShowsActivityWhileTheClusterLoads();

private:
    // Selects `path`, shows `tab` and saves "<prefix>-<name>".
    void shoot(MainWindow &w, const QString &path, NodeDetails::Tab tab, const QString &name);
    void screenshots(MainWindow &w, const QString &theme);
    // The first granted (tinted) cell of the Permissions tab's matrix (waits for it).
    QModelIndex allowedCell(MainWindow &w);

    guitest::Seed m_seed;
    std::unique_ptr<Client> m_admin;
    QPalette m_systemPalette;
    QString m_systemStyle;
};

void tst_LookAndFeel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_systemPalette = QApplication::palette();
    m_systemStyle = QApplication::style()->name();
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
    auto r = guitest::kubectl({"-n", qs(m_seed.p1), "create", "quota", "compute", "--hard=requests.cpu=4,pods=20"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void tst_LookAndFeel::cleanup()
{
    guitest::pauseApiServer(false);
    // Every test starts from the desktop's theme and no remembered settings.
    ThemeManager().apply(ThemeManager::Theme::System);
    QSettings().clear();
}

void tst_LookAndFeel::shoot(MainWindow &w, const QString &path, NodeDetails::Tab tab, const QString &name)
{
    QVERIFY2(w.navigator()->selectPath(path), qPrintable(path));
    QVERIFY2(w.detailPanel()->showTab(tab), qPrintable(name));
    QTest::qWait(50);
    guitest::save(&w, name);
}

void tst_LookAndFeel::screenshots(MainWindow &w, const QString &theme)
{
    const QString cluster = w.sessions().first()->id();
    const QString ws = cluster + qs("/Workspaces/" + m_seed.ws1);
    const QString p1 = ws + qs("/" + m_seed.p1);
    const QString prefix = QStringLiteral("theme-") + theme + QLatin1Char('-');
    shoot(w, cluster, NodeDetails::OverviewTab, prefix + QStringLiteral("cluster-overview"));
    shoot(w, ws, NodeDetails::MembersTab, prefix + QStringLiteral("workspace-members"));
    shoot(w, ws, NodeDetails::RolesTab, prefix + QStringLiteral("workspace-roles"));
    shoot(w, p1, NodeDetails::QuotasTab, prefix + QStringLiteral("project-quotas"));
    shoot(w, p1, NodeDetails::NetworkTab, prefix + QStringLiteral("project-network"));
    shoot(w, p1, NodeDetails::YamlTab, prefix + QStringLiteral("project-yaml"));
    shoot(w, cluster + qs("/Platform/Users/" + m_seed.userB), NodeDetails::BindingsTab, prefix + QStringLiteral("user-access"));
    shoot(w, ws, NodeDetails::PermissionsTab, prefix + QStringLiteral("permission-matrix"));
}

QModelIndex tst_LookAndFeel::allowedCell(MainWindow &w)
{
    auto *model = w.detailPanel()->permissions()->workbench()->matrixModel();
    auto find = [model] {
        for (int row = 0; row < model->rowCount(); ++row)
            for (int column = 0; column < model->columnCount(); ++column) {
                const QModelIndex i = model->index(row, column);
                const auto state = PermissionMatrixModel::State(i.data(PermissionMatrixModel::StateRole).toInt());
                if (i.data(PermissionMatrixModel::StateRole).isValid() &&
                    (state == PermissionMatrixModel::State::Superuser || state == PermissionMatrixModel::State::Allowed ||
                     state == PermissionMatrixModel::State::Wildcard || state == PermissionMatrixModel::State::Named))
                    return i;
            }
        return QModelIndex();
    };
    // The tab asks its question after a short typing pause, and a slow build (the sanitizers)
    // may still show the answer to the one before: wait until the answer has stood for a second.
    auto *workbench = w.detailPanel()->permissions()->workbench();
    QString title;
    QElapsedTimer steady;
    steady.start();
    auto settled = [&] {
        if (workbench->computing() || workbench->title() != title || !find().isValid()) {
            title = workbench->title();
            steady.restart();
            return false;
        }
        return steady.elapsed() >= 1000;
    };
    [&] { QTRY_VERIFY_WITH_TIMEOUT(settled(), 60000); }();
    return find();
}

void tst_LookAndFeel::themeMenuSwitchesTheWholeWindowAtRunTime()
{
    // Given the admin's window on the devcluster, with a project's Network tab shown
    auto w = guitest::openAdminWindow({1280, 800}, QString());
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const QString cluster = w->sessions().first()->id();
    const QString ws = cluster + qs("/Workspaces/" + m_seed.ws1);
    const QString p1 = ws + qs("/" + m_seed.p1);
    QVERIFY(themeAction(*w, QStringLiteral("system"))->isChecked());

    // When the user picks View → Theme → Dark
    QAction *dark = themeAction(*w, QStringLiteral("dark"));
    QVERIFY(dark);
    dark->trigger();

    // Then the application's palette is dark, under Fusion, and the window paints dark
    QVERIFY(ThemeColors::isDark(QApplication::palette()));
    QCOMPARE(ThemeManager::currentStyleName().toLower(), QStringLiteral("fusion"));
    QVERIFY(dark->isChecked());
    QVERIFY(!themeAction(*w, QStringLiteral("system"))->isChecked());
    QCOMPARE(w->navigator()->treeView()->palette().color(QPalette::Base), ThemeManager::darkPalette().color(QPalette::Base));
    QVERIFY(w->navigator()->selectPath(p1));
    QVERIFY(w->detailPanel()->showTab(NodeDetails::NetworkTab));
    QTest::qWait(50);
    const double darkMean = meanLightness(w.get());
    QVERIFY2(darkMean < 0.35, qPrintable(QString::number(darkMean)));

    // And the rich text written before the switch was written again in the dark variants
    const QPalette darkPal = ThemeManager::darkPalette();
    const QPalette lightPal = ThemeManager::lightPalette();
    auto *isolation = w->detailPanel()->findChild<QLabel *>(QStringLiteral("isolationLabel"));
    QVERIFY(isolation);
    QTRY_VERIFY(!isolation->text().isEmpty());
    auto inTone = [](const QString &html, const QPalette &pal) {
        return html.contains(ThemeColors::htmlText(ThemeColors::Tone::Ok, pal)) ||
               html.contains(ThemeColors::htmlText(ThemeColors::Tone::Muted, pal));
    };
    QVERIFY2(inTone(isolation->text(), darkPal), qPrintable(isolation->text()));
    QVERIFY2(!inTone(isolation->text(), lightPal), qPrintable(isolation->text()));
    // And the tree model's muted colour is the dark one
    QVERIFY(w->navigator()->selectPath(cluster));
    const QModelIndex clusterIndex = w->navigator()->currentSourceIndex();
    const QModelIndex count = w->treeModel()->index(0, TenancyTreeModel::CountColumn, clusterIndex);
    QVERIFY(count.isValid());
    QCOMPARE(count.data(Qt::ForegroundRole).value<QColor>(), ThemeColors::text(ThemeColors::Tone::Muted, darkPal));

    // And a permission matrix cell the admin is allowed paints a dark green-tinted background
    QVERIFY(w->navigator()->selectPath(ws));
    QVERIFY(w->detailPanel()->showTab(NodeDetails::PermissionsTab));
    QTableView *matrix = w->detailPanel()->permissions()->table();
    const QModelIndex cell = allowedCell(*w);
    QVERIFY(cell.isValid());
    matrix->clearSelection();
    matrix->setCurrentIndex(QModelIndex());
    matrix->scrollTo(cell);
    QTest::qWait(50);
    const QRect rect = matrix->visualRect(cell);
    const QColor darkCell = pixelAt(matrix->viewport(), rect.topLeft() + QPoint(2, 2));
    QVERIFY2(darkCell.lightnessF() < 0.4, qPrintable(darkCell.name()));
    QVERIFY2(darkCell.hsvSaturationF() > 0.15, qPrintable(darkCell.name()));  // tinted, not grey
    screenshots(*w, QStringLiteral("dark"));

    // When the user picks Light (the Permissions tab still shown)
    themeAction(*w, QStringLiteral("light"))->trigger();
    // Then everything follows: palette, the delegate, paint, rich text, the model's colours
    QVERIFY(!ThemeColors::isDark(QApplication::palette()));
    const QModelIndex cell2 = allowedCell(*w);
    matrix->clearSelection();
    matrix->setCurrentIndex(QModelIndex());
    matrix->scrollTo(cell2);
    QTest::qWait(50);
    const QColor lightCell = pixelAt(matrix->viewport(), matrix->visualRect(cell2).topLeft() + QPoint(2, 2));
    QVERIFY2(lightCell.lightnessF() > 0.6, qPrintable(lightCell.name()));
    QVERIFY2(lightCell.hsvSaturationF() > 0.1, qPrintable(lightCell.name()));
    QVERIFY(w->navigator()->selectPath(p1));
    QVERIFY(w->detailPanel()->showTab(NodeDetails::NetworkTab));
    QTest::qWait(50);
    const double lightMean = meanLightness(w.get());
    QVERIFY2(lightMean > 0.7, qPrintable(QString::number(lightMean)));
    QVERIFY2(inTone(isolation->text(), lightPal), qPrintable(isolation->text()));
    QVERIFY2(!inTone(isolation->text(), darkPal), qPrintable(isolation->text()));
    QCOMPARE(count.data(Qt::ForegroundRole).value<QColor>(), ThemeColors::text(ThemeColors::Tone::Muted, lightPal));
    screenshots(*w, QStringLiteral("light"));

    // When the user goes back to System, the desktop's own style and palette return
    themeAction(*w, QStringLiteral("system"))->trigger();
    QCOMPARE(ThemeManager::currentStyleName(), m_systemStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_systemPalette.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), m_systemPalette.color(QPalette::Text));
}

void tst_LookAndFeel::themeIsRemembered()
{
    MainWindow::Options o;
    o.persist = true;
    {
        // Given a window that persists, when the user picks Dark
        MainWindow w(o);
        themeAction(w, QStringLiteral("dark"))->trigger();
        QCOMPARE(AppSettings().theme(), QStringLiteral("dark"));
    }
    // (the desktop's theme again, as at a new start)
    ThemeManager().apply(ThemeManager::Theme::System);
    QVERIFY(!ThemeColors::isDark(QApplication::palette()));
    // Then the next window starts dark, with Dark checked
    MainWindow again(o);
    QCOMPARE(again.themeManager()->theme(), ThemeManager::Theme::Dark);
    QVERIFY(ThemeColors::isDark(QApplication::palette()));
    QVERIFY(themeAction(again, QStringLiteral("dark"))->isChecked());
    // And a window that does not persist never writes the choice
    MainWindow::Options scripted;
    scripted.persist = false;
    MainWindow other(scripted);
    themeAction(other, QStringLiteral("light"))->trigger();
    QCOMPARE(AppSettings().theme(), QStringLiteral("dark"));
}

void tst_LookAndFeel::themeNamesRoundTrip()
{
    for (auto t : {ThemeManager::Theme::System, ThemeManager::Theme::Light, ThemeManager::Theme::Dark})
        QCOMPARE(ThemeManager::fromName(ThemeManager::name(t)), std::optional(t));
    QCOMPARE(ThemeManager::fromName(QStringLiteral(" Dark ")), std::optional(ThemeManager::Theme::Dark));
    QVERIFY(!ThemeManager::fromName(QStringLiteral("solarized")));
    QVERIFY(ThemeColors::isDark(ThemeManager::darkPalette()));
    QVERIFY(!ThemeColors::isDark(ThemeManager::lightPalette()));
    // Every tone reads on Base in both: a clear lightness gap between text and background
    for (const QPalette &pal : {ThemeManager::lightPalette(), ThemeManager::darkPalette()})
        for (auto tone : {ThemeColors::Tone::Ok, ThemeColors::Tone::Error, ThemeColors::Tone::Warning,
                          ThemeColors::Tone::Caution, ThemeColors::Tone::Attention, ThemeColors::Tone::Info,
                          ThemeColors::Tone::Muted}) {
            const double gap = std::abs(ThemeColors::text(tone, pal).lightnessF() - pal.color(QPalette::Base).lightnessF());
            QVERIFY2(gap > 0.3, qPrintable(QStringLiteral("tone %1 gap %2").arg(int(tone)).arg(gap)));
        }
}

void tst_LookAndFeel::geometrySplitterAndSelectionComeBack()
{
    MainWindow::Options o;
    o.persist = true;
    QString p1Path;
    {
        // Given a persisting window on the devcluster, resized, split and with a project selected
        MainWindow w(o);
        w.addConnection(adminSpec(), true);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.allLoaded(), 60000);
        w.resize(1100, 700);
        auto *splitter = qobject_cast<QSplitter *>(w.centralWidget());
        QVERIFY(splitter);
        splitter->setSizes({300, 800});
        QTest::qWait(20);
        p1Path = w.sessions().first()->id() + qs("/Workspaces/" + m_seed.ws1 + "/" + m_seed.p1);
        QVERIFY(w.navigator()->selectPath(p1Path));
        // When the user closes it
        QVERIFY(w.close());
    }
    // Then a new window comes back at that size, with that split, and, once connected, on p1
    MainWindow again(o);
    QVERIFY(again.restoreConnections());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1100, 700));
    auto *splitter = qobject_cast<QSplitter *>(again.centralWidget());
    QCOMPARE(splitter->sizes().value(0), 300);
    QTRY_COMPARE_WITH_TIMEOUT(again.navigator()->currentSourceIndex().data(TenancyTreeModel::NameRole).toString(),
                              qs(m_seed.p1), 60000);
    const QString id = again.sessions().first()->id();
    QCOMPARE(AppSettings().lastSelection(id), p1Path);

    // And the user's next choice is what is remembered from then on
    const QString ws2 = id + qs("/Workspaces/" + m_seed.ws2);
    QVERIFY(again.navigator()->selectPath(ws2));
    QCOMPARE(AppSettings().lastSelection(id), ws2);
    // And a window that does not persist leaves it alone
    MainWindow::Options scripted;
    scripted.persist = false;
    MainWindow other(scripted);
    other.addConnection(adminSpec(), false);
    QTRY_VERIFY_WITH_TIMEOUT(other.allLoaded(), 60000);
    QVERIFY(other.navigator()->selectPath(p1Path));
    QCOMPARE(AppSettings().lastSelection(id), ws2);
}

void tst_LookAndFeel::recentKubeconfigsMenu()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AppSettings settings;
    // Given ten kubeconfigs opened one after the other, the last one since deleted
    QStringList files;
    for (int i = 0; i < 10; ++i) {
        const QString f = dir.filePath(QStringLiteral("k%1.kubeconfig").arg(i));
        QFile out(f);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("apiVersion: v1\nkind: Config\n");
        files << f;
        settings.addRecentKubeconfig(f);
    }
    QVERIFY(QFile::remove(files.last()));
    // Then eight are kept, newest first; opening one again moves it up, never twice
    QStringList recent = settings.recentKubeconfigs();
    QCOMPARE(recent.size(), AppSettings::kMaxRecent);
    QCOMPARE(recent.first(), files.last());
    QCOMPARE(recent.last(), files[2]);
    settings.addRecentKubeconfig(files[5]);
    recent = settings.recentKubeconfigs();
    QCOMPARE(recent.first(), files[5]);
    QCOMPARE(recent.count(files[5]), 1);
    QCOMPARE(recent.size(), AppSettings::kMaxRecent);

    // When the user opens File → Recent kubeconfigs
    MainWindow::Options o;
    o.persist = true;
    MainWindow w(o);
    QMenu *menu = w.recentMenu();
    QVERIFY(menu);
    emit menu->aboutToShow();
    QList<QAction *> entries;
    for (QAction *a : menu->actions())
        if (!a->data().toString().isEmpty())
            entries << a;
    // Then each file is there; the deleted one marked and disabled
    QCOMPARE(entries.size(), AppSettings::kMaxRecent);
    QCOMPARE(entries.first()->data().toString(), files[5]);
    QAction *missing = nullptr;
    for (QAction *a : entries)
        if (a->data().toString() == files.last())
            missing = a;
    QVERIFY(missing);
    QVERIFY(!missing->isEnabled());
    QVERIFY(missing->text().contains(QStringLiteral("missing")));
    QVERIFY(entries.first()->isEnabled());

    // When the user picks the devcluster's kubeconfig from the list, the import dialog reads it
    settings.addRecentKubeconfig(adminSpec().kubeconfig);
    emit menu->aboutToShow();
    QAction *admin = nullptr;
    for (QAction *a : menu->actions())
        if (a->data().toString() == adminSpec().kubeconfig)
            admin = a;
    QVERIFY(admin);
    QString opened;
    int contexts = -1;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<ImportKubeconfigDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<ImportKubeconfigDialog *>(QApplication::activeModalWidget());
        opened = dialog->model()->file();
        QTRY_VERIFY(dialog->model()->rowCount() > 0);
        contexts = dialog->model()->rowCount();
        dialog->reject();
    });
    admin->trigger();
    QCOMPARE(opened, adminSpec().kubeconfig);
    QVERIFY(contexts > 0);

    // And Clear list empties it
    QAction *clear = w.findChild<QAction *>(QStringLiteral("actionClearRecent"));
    QVERIFY(clear);
    clear->trigger();
    QVERIFY(settings.recentKubeconfigs().isEmpty());
}

void tst_LookAndFeel::otherWindowsAndDialogsInDark()
{
    // Given the admin's window in Dark, on a project
    auto w = guitest::openAdminWindow({1280, 800}, QString());
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    themeAction(*w, QStringLiteral("dark"))->trigger();
    const QString ws = w->sessions().first()->id() + qs("/Workspaces/" + m_seed.ws1);
    QVERIFY(w->navigator()->selectPath(ws + qs("/" + m_seed.p1)));

    // When the user opens a write dialog, the audit viewer and the request tracer
    QVERIFY(w->navigator()->selectPath(w->sessions().first()->id() + QStringLiteral("/Workspaces")));
    QAction *create = w->actions()->action(TenancyActions::NewWorkspace);
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 15000);
    create->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w->lastDialog(), 15000);
    PlanDialog *dialog = w->lastDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // Then each paints dark (no light box left), and is saved
    QVERIFY2(meanLightness(dialog) < 0.35, qPrintable(QString::number(meanLightness(dialog))));
    guitest::save(dialog, QStringLiteral("theme-dark-dialog-new-workspace"));
    dialog->reject();

    QVERIFY(w->navigator()->selectPath(ws + qs("/" + m_seed.p1)));
    TraceWindow *trace = w->openTraceWindow();
    QVERIFY(trace);
    QVERIFY(QTest::qWaitForWindowExposed(trace));
    trace->resize(1100, 700);
    QTest::mouseClick(trace->widget()->traceButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!trace->model()->running() && trace->model()->result(), 30000);
    QVERIFY2(meanLightness(trace) < 0.35, qPrintable(QString::number(meanLightness(trace))));
    guitest::save(trace, QStringLiteral("theme-dark-trace"));

    AuditWindow *audit = w->openAuditWindow();
    QVERIFY(audit);
    QVERIFY(QTest::qWaitForWindowExposed(audit));
    audit->resize(1200, 700);
    QTest::qWait(300);
    QVERIFY2(meanLightness(audit) < 0.35, qPrintable(QString::number(meanLightness(audit))));
    guitest::save(audit, QStringLiteral("theme-dark-audit"));
}

void tst_LookAndFeel::longTraceShowsProgressAndCancels()
{
    // Given the tracer on a project, and a server that stops answering
    auto w = guitest::openAdminWindow({1280, 800}, QString());
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString p1 = w->sessions().first()->id() + qs("/Workspaces/" + m_seed.ws1 + "/" + m_seed.p1);
    QVERIFY(w->navigator()->selectPath(p1));
    TraceWindow *trace = w->openTraceWindow();
    QVERIFY(trace);
    QVERIFY(QTest::qWaitForWindowExposed(trace));
    TraceWidget *widget = trace->widget();
    QVERIFY(guitest::pauseApiServer(true));
    QSignalSpy finished(trace->model(), &TraceModel::finished);
    QSignalSpy failed(trace->model(), &TraceModel::failed);

    // When the user traces
    QTest::mouseClick(widget->traceButton(), Qt::LeftButton);
    QVERIFY(trace->model()->running());
    // Then nothing flickers in at once, but after half a second an activity bar and Cancel show
    QVERIFY(!widget->cancelButton()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(widget->cancelButton()->isVisible(), 3000);
    QVERIFY(widget->busyIndicator()->isVisible());
    QVERIFY(!widget->traceButton()->isEnabled());
    guitest::save(trace, QStringLiteral("trace-waiting-cancel"));

    // When the user cancels
    QTest::mouseClick(widget->cancelButton(), Qt::LeftButton);
    // Then the form is usable again at once, says so, and no late answer arrives
    QVERIFY(!trace->model()->running());
    QVERIFY(widget->traceButton()->isEnabled());
    QVERIFY(!widget->cancelButton()->isVisible());
    QVERIFY(!widget->busyIndicator()->isVisible());
    QCOMPARE(widget->verdictLabel()->text(), QStringLiteral("Cancelled."));
    QVERIFY(guitest::pauseApiServer(false));
    QTest::qWait(1500);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(widget->verdictLabel()->text(), QStringLiteral("Cancelled."));

    // And a new trace runs to its answer
    QTest::mouseClick(widget->traceButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY(!widget->cancelButton()->isVisible());
}

void tst_LookAndFeel::busyIndicatorWaitsHalfASecond()
{
    // Given an activity bar on some work (the matrix and traffic graph use it)
    QWidget host;
    bool working = false;
    auto *busy = new BusyIndicator([&working] { return working; }, &host);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    // When the work starts, nothing shows at first
    working = true;
    QElapsedTimer clock;
    clock.start();
    busy->refresh();
    QVERIFY(!busy->isVisible());
    // Then after half a second the bar shows
    QTRY_VERIFY_WITH_TIMEOUT(busy->isVisible(), 2000);
    QVERIFY(clock.elapsed() >= BusyIndicator::kDelayMs);
    // And when the work ends, even unannounced, the bar goes
    working = false;
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), 1000);
    // And work shorter than the delay never shows it
    working = true;
    busy->refresh();
    QTest::qWait(100);
    working = false;
    busy->refresh();
    QTest::qWait(BusyIndicator::kDelayMs + 200);
    QVERIFY(!busy->isVisible());
}

void tst_LookAndFeel::treeShowsActivityWhileTheClusterLoads()
{
    // Given a server that does not answer (stopped) when the window connects
    QVERIFY(guitest::pauseApiServer(true));
    auto resume = qScopeGuard([] { guitest::pauseApiServer(false); });
    auto w = guitest::openAdminWindow();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    BusyIndicator *loading = w->navigator()->loadingIndicator();
    QVERIFY(loading);
    // Then after half a second an activity bar shows above the tree, named for a screen reader
    QTRY_VERIFY_WITH_TIMEOUT(loading->isVisible(), 5000);
    QVERIFY(!w->allLoaded());
    QVERIFY(!loading->bar()->accessibleName().isEmpty());
    QVERIFY(!loading->toolTip().isEmpty());
    guitest::save(w.get(), QStringLiteral("tree-loading"));
    // When the server answers again, the tree fills and the bar goes
    QVERIFY(guitest::pauseApiServer(false));
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!loading->isVisible(), 5000);
}

QTEST_MAIN(tst_LookAndFeel)
#include "tst_lookandfeel.moc"
