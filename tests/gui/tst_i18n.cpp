// tst_i18n: the main window in Simplified Chinese against the devcluster: menus, detail tabs,
// plural forms, a write dialog and Qt's own buttons read Chinese; View → Language offers each
// shipped language named in itself. Screenshots under <build>/screenshots (i18n-zh_CN-*.png).
#include "guitestsupport.h"

#include "languages.h"
#include "mainwindow.h"
#include "models/clustersession.h"
#include "models/nodedetails.h"
#include "views/detailpanel.h"
#include "views/navigatorwidget.h"
#include "views/workspacedialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QtTest>

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

QStringList menuTitles(QMainWindow &w)
{
    QStringList out;
    for (QAction *a : w.menuBar()->actions())
        out << a->text();
    return out;
}

QMenu *menuTitled(QMainWindow &w, const QString &title)
{
    for (QAction *a : w.menuBar()->actions())
        if (a->text() == title)
            return a->menu();
    return nullptr;
}

} // namespace

class tst_I18n : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void mainWindowRendersInChinese();
    void writeDialogAndStandardButtonsInChinese();
    void languageMenuNamesEachLanguageInItself();

private:
    std::unique_ptr<MainWindow> openWindow();
    std::unique_ptr<kube::Client> m_admin;
    guitest::Seed m_seed;
};

std::unique_ptr<MainWindow> tst_I18n::openWindow()
{
    MainWindow::Options o;
    o.persist = false;  // never touch the user's settings
    auto w = std::make_unique<MainWindow>(o);
    w->resize(1280, 800);
    ConnectionSpec spec;
    spec.kubeconfig = qs(clusterenv::kubeconfigPath("admin"));
    spec.context = QStringLiteral("admin@devcluster");
    w->addConnection(spec, false);
    w->show();
    return w;
}

void tst_I18n::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Given Tenantry started in Simplified Chinese (what --lang zh_CN or a zh_CN system does)
    QVERIFY(Languages::install(QStringLiteral("zh_CN")));
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
}

void tst_I18n::cleanupTestCase() { Languages::install(QStringLiteral("en")); }

void tst_I18n::mainWindowRendersInChinese()
{
    auto w = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));

    // Then the menus are Chinese, with the accelerator in brackets
    const QStringList menus = menuTitles(*w);
    for (const char *title : {"文件(&F)", "编辑(&E)", "租户(&T)", "视图(&V)", "帮助(&H)"})
        QVERIFY2(menus.contains(QString::fromUtf8(title)), qPrintable(menus.join(QLatin1Char(' '))));
    QMenu *tenancy = menuTitled(*w, QStringLiteral("租户(&T)"));
    QVERIFY(tenancy);
    QStringList items;
    for (QAction *a : tenancy->actions())
        items << a->text();
    QVERIFY2(items.contains(QStringLiteral("新建企业空间(&W)…")) && items.contains(QStringLiteral("新建项目(&P)…"))
                 && items.contains(QStringLiteral("成员(&R)")),
             qPrintable(items.join(QLatin1Char(' '))));
    // And the window title counts the clusters with a Chinese plural form
    QCOMPARE(w->windowTitle(), QStringLiteral("Tenantry — 1 个集群"));

    // And the workspace's detail tabs and fields are Chinese
    const QString cluster = w->sessions().first()->id();
    QVERIFY(w->navigator()->selectPath(cluster + qs("/Workspaces/" + m_seed.ws1)));
    // (the tree shows its sections in Chinese; their path segments stay English)
    QCOMPARE(w->navigator()->currentSourceIndex().parent().data().toString(), QStringLiteral("企业空间"));
    QVERIFY(w->detailPanel()->showTab(NodeDetails::OverviewTab));
    QStringList tabs;
    for (int i = 0; i < w->detailPanel()->tabs()->count(); ++i)
        tabs << w->detailPanel()->tabs()->tabText(i);
    for (const char *tab : {"概览", "成员", "角色", "配额"})
        QVERIFY2(tabs.contains(QString::fromUtf8(tab)), qPrintable(tabs.join(QLatin1Char(' '))));
    QTRY_COMPARE_WITH_TIMEOUT(w->detailPanel()->overviewValue(QStringLiteral("管理员")), qs(m_seed.userA), 10000);
    QTest::qWait(50);
    guitest::save(w.get(), QStringLiteral("i18n-zh_CN-main-window"));

    QVERIFY(w->detailPanel()->showTab(NodeDetails::MembersTab));
    QTest::qWait(50);
    guitest::save(w.get(), QStringLiteral("i18n-zh_CN-workspace-members"));
}

void tst_I18n::writeDialogAndStandardButtonsInChinese()
{
    auto w = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    QVERIFY(w->navigator()->selectPath(cluster + QStringLiteral("/Workspaces")));
    QAction *create = w->actions()->action(TenancyActions::NewWorkspace);
    QCOMPARE(create->text(), QStringLiteral("新建企业空间(&W)…"));
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 15000);

    // When the user opens New workspace… and previews an invalid name
    create->trigger();
    auto *dialog = qobject_cast<WorkspaceDialog *>(w->lastDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->windowTitle(), QStringLiteral("新建企业空间"));
    QCOMPARE(dialog->previewButton()->text(), QStringLiteral("预览(&P)"));
    QCOMPARE(dialog->dryRunButton()->text(), QStringLiteral("试运行(&D)"));
    QCOMPARE(dialog->applyButton()->text(), QStringLiteral("应用(&A)"));
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Bad_Name"));
    dialog->previewButton()->click();
    QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("Bad_Name")), qPrintable(dialog->statusLabel()->text()));
    // And with a valid name, a plan whose status counts its writes in Chinese
    dialog->nameEdit()->clear();
    QTest::keyClicks(dialog->nameEdit(), qs("gi18n-" + m_seed.sfx));
    dialog->managerBox()->setCurrentText(qs(m_seed.userA));
    dialog->previewButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral("次写入")), 20000);
    QTest::qWait(50);
    guitest::save(dialog, QStringLiteral("i18n-zh_CN-new-workspace-dialog"));
    dialog->reject();

    // Then Qt's own standard buttons are Chinese too (qtbase_zh_CN.qm)
    QMessageBox box(QMessageBox::Question, QStringLiteral("Tenantry"), QStringLiteral("?"), QMessageBox::Ok | QMessageBox::Cancel);
    QVERIFY2(box.button(QMessageBox::Cancel)->text() == QStringLiteral("取消"),
             "Qt's own Chinese translation (qtbase_zh_CN.qm) did not load: install Debian's qt6-translations-l10n");
}

void tst_I18n::languageMenuNamesEachLanguageInItself()
{
    auto w = openWindow();
    auto *language = w->findChild<QMenu *>(QStringLiteral("menuLanguage"));
    QVERIFY(language);
    QCOMPARE(language->title(), QStringLiteral("语言(&G)"));
    QStringList names;
    QString checked;
    for (QAction *a : language->actions()) {
        if (a->isSeparator())
            continue;
        names << a->text();
        if (a->isChecked())
            checked = a->text();
    }
    QCOMPARE(names, QStringList({QStringLiteral("跟随系统(&S)"), QStringLiteral("&English"), QStringLiteral("简体中文 (&Z)")}));
    // The running language is the checked one (a window that does not persist shows this run's)
    QCOMPARE(checked, QStringLiteral("简体中文 (&Z)"));
}

QTEST_MAIN(tst_I18n)
#include "tst_i18n.moc"
