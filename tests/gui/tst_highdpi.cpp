// The window at 200 % (QT_SCALE_FACTOR=2, offscreen) against the devcluster: every icon the
// tree, the menus, the toolbar and the trace view show renders at twice its pixels (SVG or
// painted, never a small raster scaled up), and the screenshots are taken at that ratio.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "mainwindow.h"
#include "models/clustersession.h"
#include "models/tenancytreemodel.h"
#include "models/tracemodel.h"
#include "views/clusterstatuswidget.h"
#include "views/detailpanel.h"
#include "views/navigatorwidget.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QTreeView>
#include <QtTest>

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

// Empty when the icon renders sharp at 2×; else what is wrong with it.
QString blurOf(const QIcon &icon)
{
    if (icon.isNull())
        return QStringLiteral("null icon");
    // A raster icon without a 2× image gives its 1× pixmap (ratio 1): that is the blur.
    const QPixmap pixmap = icon.pixmap(QSize(16, 16), 2.0);
    if (pixmap.devicePixelRatio() != 2.0 || pixmap.size() != QSize(32, 32))
        return QStringLiteral("pixmap %1x%2 at ratio %3").arg(pixmap.width()).arg(pixmap.height()).arg(pixmap.devicePixelRatio());
    // Drawn, not empty: some pixel is opaque.
    const QImage image = pixmap.toImage();
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixelColor(x, y).alpha() > 200)
                return {};
    return QStringLiteral("nothing drawn");
}

void collectIcons(const QAbstractItemModel *model, const QModelIndex &parent, QList<QPair<QString, QIcon>> *out)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        const QVariant decoration = index.data(Qt::DecorationRole);
        if (decoration.canConvert<QIcon>())
            out->append({QStringLiteral("tree node ") + index.data().toString(), decoration.value<QIcon>()});
        collectIcons(model, index, out);
    }
}
} // namespace

class tst_HighDpi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void iconsAreSharpAtTwiceThePixels();

private:
    guitest::Seed m_seed;
    std::unique_ptr<kube::Client> m_admin;
};

void tst_HighDpi::initTestCase()
{
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
}

void tst_HighDpi::iconsAreSharpAtTwiceThePixels()
{
    // Given the admin's window at 200 %
    auto w = guitest::openAdminWindow({1280, 800}, QString());
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QCOMPARE(w->devicePixelRatio(), 2.0);
    w->navigator()->treeView()->expandAll();

    // Then every icon of the tree, the actions and the window is scalable and renders at 2×
    QList<QPair<QString, QIcon>> icons;
    collectIcons(w->treeModel(), QModelIndex(), &icons);
    QVERIFY(icons.size() > 10);
    for (QAction *a : w->findChildren<QAction *>())
        if (!a->icon().isNull())
            icons.append({QStringLiteral("action \"%1\" (%2)").arg(a->text(), a->objectName()), a->icon()});
    icons.append({QStringLiteral("window"), w->windowIcon()});
    for (auto verdict : {kube::trace::Verdict::Pass, kube::trace::Verdict::Fail, kube::trace::Verdict::Warning,
                         kube::trace::Verdict::Unknown, kube::trace::Verdict::Skipped})
        icons.append({QStringLiteral("verdict %1").arg(int(verdict)), TraceModel::verdictIcon(verdict)});
    for (const auto &[name, icon] : icons) {
        const QString problem = blurOf(icon);
        QVERIFY2(problem.isEmpty(), qPrintable(name + QStringLiteral(": ") + problem));
    }

    // And the status bar's cluster icon was rendered at 2× too
    ClusterStatusWidget *status = w->statusWidget(w->sessions().first()->id());
    QVERIFY(status);
    bool found = false;
    for (const QLabel *label : status->findChildren<QLabel *>()) {
        const QPixmap pixmap = label->pixmap();
        if (pixmap.isNull())
            continue;
        found = true;
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
        QCOMPARE(pixmap.size(), QSize(32, 32));
    }
    QVERIFY(found);

    // And a screenshot holds twice the pixels
    const QString ws = w->sessions().first()->id() + qs("/Workspaces/" + m_seed.ws1);
    QVERIFY(w->navigator()->selectPath(ws));
    QVERIFY(w->detailPanel()->showTab(NodeDetails::MembersTab));
    QTest::qWait(50);
    const QPixmap shot = w->grab();
    QCOMPARE(shot.devicePixelRatio(), 2.0);
    QCOMPARE(shot.size(), w->size() * 2);
    guitest::save(w.get(), QStringLiteral("hidpi-200-workspace-members"));
}

int main(int argc, char *argv[])
{
    // Before QApplication: the scale factor is read once, at start.
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    tst_HighDpi test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_highdpi.moc"
