// Issue 17, accessibility: the real windows and dialogs against the devcluster, opened as a user
// opens them (menu actions, the tree's node actions), each walked with the Tab key. Every visible
// control that takes focus must have an accessible name (QAccessible) and be reached by Tab from
// the window's first control (a dialog: from where it puts the focus), never sticking and, in a
// dialog, never going up; Escape closes each dialog, which has a default button; the cells of
// the tree, the detail tables and the permission matrix read as text; no menu of the menu bar
// or a context menu offers one mnemonic twice; the Menu key and Shift+F10 open the current
// item's context menu. Offenders are listed, one per line ("A11Y offender: …").
#include "guitestsupport.h"
#include "guiwindow.h"

#include "actionhandlers.h"
#include "auditwindow.h"
#include "mainwindow.h"
#include "permissionswindow.h"
#include "tenancyactions.h"
#include "tracewindow.h"
#include "trafficwindow.h"
#include "models/clustersession.h"
#include "models/nodedetails.h"
#include "models/tenancyfilterproxymodel.h"
#include "models/tenancytreemodel.h"
#include "views/detailpanel.h"
#include "views/navigatorwidget.h"
#include "views/permissionworkbenchwidget.h"
#include "views/execapprovaldialog.h"
#include "views/plandialog.h"
#include "models/planrunner.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialog>
#include <QGraphicsView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

#include <map>
#include <set>

using namespace kube;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

// The widget a user perceives: a combo box's line edit or a tab widget's bar stand for their owner.
QWidget *owner(QWidget *w)
{
    // (A button box's focus proxy is its first button, which stays a control of its own.)
    while (w && w->parentWidget() && w->parentWidget()->focusProxy() == w && (w->parentWidget()->focusPolicy() & Qt::TabFocus))
        w = w->parentWidget();
    return w;
}

QString describe(QWidget *w)
{
    QString text = QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ')
        + (w->objectName().isEmpty() ? QStringLiteral("(no objectName)") : w->objectName());
    // A hint to find it: its text, tooltip or parent.
    QString hint;
    if (auto *iface = QAccessible::queryAccessibleInterface(w))
        hint = iface->text(QAccessible::Value).left(40);
    if (hint.isEmpty())
        hint = w->toolTip().left(40);
    if (hint.isEmpty() && w->parentWidget())
        hint = QStringLiteral("in ") + QString::fromLatin1(w->parentWidget()->metaObject()->className()) + QLatin1Char(' ')
            + w->parentWidget()->objectName();
    hint = hint.section(QLatin1Char('\n'), 0, 0);
    return hint.isEmpty() ? text : text + QStringLiteral(" [") + hint + QLatin1Char(']');
}

// What a screen reader announces as the control's name: its accessible name, or the text of the
// label that names it (QLabel::setBuddy, a group box's title: the Label relation). A combo box on
// Linux answers its current item as Name (labels reach AT-SPI as relations): that is no name.
QString accessibleNameOf(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    if (!iface)
        return {};
    QString name = iface->text(QAccessible::Name).trimmed();
    if (qobject_cast<QComboBox *>(w) && w->accessibleName().isEmpty())
        name.clear();
    if (name.isEmpty()) {
        const auto labels = iface->relations(QAccessible::Label);
        for (const auto &relation : labels)
            if (name.isEmpty() && relation.first)
                name = relation.first->text(QAccessible::Name).trimmed();
    }
    return name;
}

bool takesTabFocus(QWidget *w, QWidget *window)
{
    return w->window() == window && w->isVisibleTo(window) && (w->focusPolicy() & Qt::TabFocus);
}

// The controls of `window` that a user can reach, as their owners (see owner()).
QList<QWidget *> focusableControls(QWidget *window)
{
    QList<QWidget *> result;
    std::set<QWidget *> seen;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        // A control that hands its focus on (a combo box's line edit) is its proxy's part.
        if (!takesTabFocus(w, window) || w->focusProxy())
            continue;
        QWidget *o = owner(w);
        if (seen.insert(o).second)
            result << o;
    }
    return result;
}

// Presses Tab from the first control of the focus chain until the focus comes back round; the
// controls it visited. A control that keeps the focus for many presses (an editor that inserts
// the tab) is reported in `*traps`.
std::set<QWidget *> reachedByTab(QWidget *window, QStringList *traps, QList<QWidget *> *order)
{
    std::set<QWidget *> reached;
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window, 5000))
        return reached;
    // A dialog is walked from where it puts the focus when it opens (what its user gets); a
    // main window from the first control of its focus chain.
    // (The first walk's start is kept for the walks of the other tab pages.)
    auto *kept = qobject_cast<QWidget *>(window->property("a11yWalkStart").value<QObject *>());
    QWidget *first = qobject_cast<QDialog *>(window) ? (kept && kept->isVisible() ? kept : QApplication::focusWidget()) : nullptr;
    if (first && first->window() != window)
        first = nullptr;
    for (QWidget *w = window->nextInFocusChain(); !first && w && w != window; w = w->nextInFocusChain())
        if (takesTabFocus(w, window) && w->isEnabled())
            first = w;
    if (!first)
        return reached;
    window->setProperty("a11yWalkStart", QVariant::fromValue<QObject *>(first));
    first->setFocus(Qt::TabFocusReason);
    QCoreApplication::processEvents();
    QWidget *start = QApplication::focusWidget();
    if (!start)
        return reached;
    reached.insert(owner(start));
    *order << owner(start);
    const int budget = 600 + 4 * int(focusableControls(window).size());
    QWidget *previous = start;
    int same = 0;
    for (int i = 0; i < budget; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus || focus->window() != window)
            break;
        QTest::keyClick(focus, Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (!now || now->window() != window)
            break;
        if (now == previous) {
            // An item view with tab key navigation takes a press per cell (a few rows of an
            // editor are fine); anything else that keeps the focus traps it.
            // The traffic graph walks its projects with Tab and a text browser its links, then
            // they let go.
            const bool walksParts = qobject_cast<QGraphicsView *>(now) || qobject_cast<QTextBrowser *>(now);
            const int limit = walksParts ? 500 : qobject_cast<QAbstractItemView *>(now) ? 60 : 10;
            if (++same == limit) {
                *traps << describe(owner(now)) + QStringLiteral(": keeps the focus for %1 Tab presses").arg(limit);
                break;
            }
            continue;
        }
        same = 0;
        previous = now;
        if (reached.insert(owner(now)).second)
            *order << owner(now);
        if (now == start)
            break;
    }
    return reached;
}

// Tab stops at the checked button of a group of radio buttons; the arrows move to the others.
bool reachedThroughItsGroup(QWidget *w, const std::set<QWidget *> &reached)
{
    auto *radio = qobject_cast<QRadioButton *>(w);
    if (!radio)
        return false;
    for (QWidget *other : reached) {
        auto *r = qobject_cast<QRadioButton *>(other);
        if (r && r != radio
            && ((radio->group() && r->group() == radio->group())
                || (!radio->group() && radio->autoExclusive() && r->parentWidget() == radio->parentWidget())))
            return true;
    }
    return false;
}

// The offenders of one window or dialog in its current state, "Where > class name: problem".
QStringList inspect(QWidget *window, const QString &where)
{
    QStringList offenders;
    QStringList traps;
    QList<QWidget *> order;
    const std::set<QWidget *> reached = reachedByTab(window, &traps, &order);
    // Dialogs: Tab goes top to bottom (left to right within a row); a step up to a control
    // wholly above the previous one is out of order.
    if (qobject_cast<QDialog *>(window)) {
        for (int i = 1; i < order.size(); ++i) {
            const QRect before(order[i - 1]->mapTo(window, QPoint(0, 0)), order[i - 1]->size());
            const QRect now(order[i]->mapTo(window, QPoint(0, 0)), order[i]->size());
            if (now.bottom() < before.top())
                offenders << where + QStringLiteral(" > Tab goes up from %1 to %2 (walked from %3)")
                                         .arg(describe(order[i - 1]), describe(order[i]), describe(order[0]));
        }
    }
    for (const QString &t : traps)
        offenders << where + QStringLiteral(" > ") + t;
    for (QWidget *w : focusableControls(window)) {
        QStringList problems;
        if (accessibleNameOf(w).isEmpty())
            problems << QStringLiteral("missing name");
        if (w->isEnabled() && !reached.count(w) && !reachedThroughItsGroup(w, reached))
            problems << QStringLiteral("not reachable by Tab");
        if (!problems.isEmpty())
            offenders << where + QStringLiteral(" > ") + describe(w) + QStringLiteral(": ") + problems.join(QStringLiteral(" / "));
    }
    return offenders;
}

// Every page of every tab widget in turn (hidden pages' controls are not visible otherwise).
QStringList inspectAllTabs(QWidget *window, const QString &where)
{
    QStringList offenders = inspect(window, where);
    for (QTabWidget *tabs : window->findChildren<QTabWidget *>()) {
        if (!tabs->isVisibleTo(window))
            continue;
        const int current = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            if (i == current || !tabs->isTabEnabled(i) || !tabs->isTabVisible(i))
                continue;
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            const QString page = where + QStringLiteral(" [") + tabs->tabText(i).remove(QLatin1Char('&')) + QLatin1Char(']');
            for (const QString &o : inspect(window, page))
                if (!offenders.contains(o))
                    offenders << o;
        }
        tabs->setCurrentIndex(current);
    }
    offenders.removeDuplicates();
    return offenders;
}

QString mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

// The visible entries of a menu that share a mnemonic, and the visible entries without one.
QStringList mnemonicProblems(const QMenu *menu, const QString &where)
{
    QStringList problems;
    std::map<QString, QStringList> byKey;
    for (const QAction *a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible() || a->text().isEmpty())
            continue;
        const QString key = mnemonicOf(a->text());
        if (key.isEmpty())
            problems << QStringLiteral("%1 > \"%2\": no mnemonic").arg(where, a->text());
        else
            byKey[key] << a->text();
        if (a->menu())
            problems << mnemonicProblems(a->menu(), where + QStringLiteral(" > ") + a->text().remove(QLatin1Char('&')));
    }
    for (const auto &[key, texts] : byKey)
        if (texts.size() > 1)
            problems << QStringLiteral("%1: mnemonic '%2' on %3").arg(where, key, texts.join(QStringLiteral(", ")));
    return problems;
}

QStringList menuBarMnemonicProblems(QMainWindow *window, const QString &where)
{
    QStringList problems;
    std::map<QString, QStringList> byKey;
    for (QAction *top : window->menuBar()->actions()) {
        if (!top->isVisible())
            continue;
        byKey[mnemonicOf(top->text())] << top->text();
        if (top->menu()) {
            // Menus fill or update some entries when they show.
            emit top->menu()->aboutToShow();
            problems << mnemonicProblems(top->menu(), where + QStringLiteral(" > ") + top->text().remove(QLatin1Char('&')));
        }
    }
    for (const auto &[key, texts] : byKey)
        if (key.isEmpty() || texts.size() > 1)
            problems << QStringLiteral("%1 menu bar: mnemonic '%2' on %3").arg(where, key, texts.join(QStringLiteral(", ")));
    return problems;
}

QList<QWidget *> visibleTopLevels()
{
    QList<QWidget *> result;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && !qobject_cast<QMenu *>(w))
            result << w;
    return result;
}

// QtTest cuts a long failure message: every offender goes to the log, one line each, and the
// message names the count and the first few.
QString report(const QStringList &offenders)
{
    for (const QString &o : offenders)
        qInfo("A11Y offender: %s", qPrintable(o));
    return QStringLiteral("%1 offender(s) (each on an \"A11Y offender\" line above):\n  ").arg(offenders.size())
        + offenders.mid(0, 6).join(QStringLiteral("\n  "));
}

// The accessible text of the first cells of an item view, through its QAccessibleInterface as a
// screen reader reads them; the cells that have none, "row,column".
QStringList silentCells(QAbstractItemView *view, int rows, QStringList *texts)
{
    QStringList silent;
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    QAccessibleTableInterface *table = iface ? iface->tableInterface() : nullptr;
    if (!table) {
        silent << QStringLiteral("(no table interface)");
        return silent;
    }
    // The interface's rows are the rows on screen: a tree's expanded rows in order.
    auto *tree = qobject_cast<QTreeView *>(view);
    QModelIndex rowIndex = view->model() ? view->model()->index(0, 0) : QModelIndex();
    for (int r = 0; r < std::min(rows, table->rowCount()); ++r, rowIndex = tree ? tree->indexBelow(rowIndex) : rowIndex.sibling(r + 1, 0))
        for (int c = 0; c < table->columnCount(); ++c) {
            const QModelIndex index = rowIndex.siblingAtColumn(c);
            if (index.data(Qt::DisplayRole).toString().isEmpty() && index.data(Qt::DecorationRole).isNull()
                && index.data(Qt::AccessibleTextRole).isNull())
                continue;  // an empty cell shows nothing either
            QAccessibleInterface *cell = table->cellAt(r, c);
            const QString text = cell ? cell->text(QAccessible::Name) : QString();
            if (text.trimmed().isEmpty())
                silent << QStringLiteral("%1,%2").arg(r).arg(c);
            else
                *texts << text;
        }
    return silent;
}
} // namespace

class tst_Accessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void mainWindowIsNamedAndReachableByTab();
    void windowsOfTheMenusAreNamedAndReachableByTab();
    void dialogsOfTheNodeActionsAreNamedAndReachableByTab();
    void cellsReadAsText();
    void noMenuOffersAMnemonicTwice();
    void contextMenusOpenFromTheKeyboard();
    void dialogsOfRarerStatesAreNamedAndReachableByTab();

private:
    // One node path per kind, the seed's own where there is a choice.
    std::map<int, QString> nodesByKind(MainWindow &w) const;
    void inspectNew(const QString &label, const std::function<void()> &open, QStringList *offenders);
    QStringList m_visited;
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
    QString m_policy;
};

void tst_Accessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QAccessible::setActive(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
    // A quota and a network policy in p1: their tabs, bars and dialogs have something to show
    auto r = guitest::kubectl({"-n", qs(m_seed.p1), "create", "quota", "compute",
                               "--hard=requests.cpu=4,requests.memory=8Gi,pods=20"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_policy = QStringLiteral("a11y-allow-web");
    QString kubectlError;
    QVERIFY2(guitest::kubectlApply(QStringLiteral("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: %1, "
                                                  "namespace: %2}\nspec: {podSelector: {matchLabels: {app: web}}, policyTypes: "
                                                  "[Ingress]}\n")
                                       .arg(m_policy, qs(m_seed.p1))
                                       .toUtf8(),
                                   &kubectlError),
             qPrintable(kubectlError));
}

std::map<int, QString> tst_Accessibility::nodesByKind(MainWindow &w) const
{
    std::map<int, QString> nodeOfKind;
    const auto *model = w.treeModel();
    std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex i = model->index(row, 0, parent);
            const int kind = i.data(TenancyTreeModel::KindRole).toInt();
            const QString name = i.data(TenancyTreeModel::NameRole).toString();
            const bool preferred = name == qs(m_seed.p1) || name == qs(m_seed.ws1) || name == qs(m_seed.userA);
            if (!nodeOfKind.count(kind) || preferred)
                nodeOfKind[kind] = i.data(TenancyTreeModel::PathRole).toString();
            collect(i);
        }
    };
    collect({});
    return nodeOfKind;
}

// Opens what `open` opens (new top-level windows, modal ones too: they are inspected from
// inside their own event loop), inspects each and closes it; a dialog must close on Escape and
// have a default button.
void tst_Accessibility::inspectNew(const QString &label, const std::function<void()> &open, QStringList *offenders)
{
    const QList<QWidget *> before = visibleTopLevels();
    std::set<QWidget *> done;
    auto pending = [&] {
        QList<QWidget *> result;
        for (QWidget *t : visibleTopLevels())
            if (!before.contains(t) && !done.count(t))
                result << t;
        return result;
    };
    auto inspectOne = [&](QWidget *t) {
        done.insert(t);
        if (!QTest::qWaitForWindowExposed(t))
            return;
        QTest::qWait(200);  // forms that fill asynchronously
        const QString where = QStringLiteral("%1 \"%2\"").arg(label, t->windowTitle());
        m_visited << where;
        *offenders << inspectAllTabs(t, where);
        QString file = label.toLower();
        file.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        guitest::save(t, QStringLiteral("a11y-") + file);
        auto *dialog = qobject_cast<QDialog *>(t);
        if (!dialog) {
            t->close();
            return;
        }
        bool hasDefault = false;
        for (QPushButton *b : dialog->findChildren<QPushButton *>())
            hasDefault = hasDefault || (b->isDefault() && b->isVisible());
        if (!hasDefault)
            *offenders << where + QStringLiteral(": no default button");
        QPointer<QDialog> guard(dialog);
        dialog->activateWindow();
        if (!QTest::qWaitForWindowActive(dialog, 2000))
            *offenders << where + QStringLiteral(": never became the active window");
        // Escape in an open cell editor cancels the edit first, as everywhere, and in a plan
        // dialog while a plan runs it cancels the run, as Close does; the next one closes.
        for (int press = 0; press < 2 && guard && guard->isVisible(); ++press) {
            QWidget *target = QApplication::focusWidget();
            QTest::keyClick(target ? target : dialog, Qt::Key_Escape);
            // A dialog closes when its event loop has run; on a loaded machine that is more than
            // 50 ms (a run beside a 3x scale benchmark failed here), so give each press a second.
            for (int wait = 0; wait < 20 && guard && guard->isVisible(); ++wait)
                QTest::qWait(50);
        }
        if (guard && guard->isVisible()) {
            *offenders << where + QStringLiteral(": Escape (twice) does not close it");
            guard->reject();
        }
    };
    QTimer modal;
    modal.setInterval(200);
    connect(&modal, &QTimer::timeout, this, [&] {
        if (!QApplication::activeModalWidget())
            return;
        modal.stop();
        for (QWidget *t : pending())
            inspectOne(t);
    });
    modal.start();
    open();
    modal.stop();
    (void)QTest::qWaitFor([&] { return !done.empty() || !pending().isEmpty(); }, 5000);
    for (QWidget *t : pending())
        inspectOne(t);
    if (done.empty())
        *offenders << label + QStringLiteral(": opened no window");
    QCoreApplication::processEvents();
}

void tst_Accessibility::mainWindowIsNamedAndReachableByTab()
{
    auto w = guitest::openAdminWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    w->navigator()->treeView()->expandAll();
    QStringList offenders;
    const auto nodes = nodesByKind(*w);
    // A node of each kind that has its own tabs, every tab of the detail panel
    for (NodeKind kind : {NodeKind::Cluster, NodeKind::Workspace, NodeKind::Project, NodeKind::User, NodeKind::PlatformRole}) {
        QVERIFY2(nodes.count(int(kind)), qPrintable(toString(kind)));
        const QString path = nodes.at(int(kind));
        QVERIFY(w->navigator()->selectPath(path));
        QTRY_COMPARE_WITH_TIMEOUT(w->actions()->context().path, path, 5000);
        QTest::qWait(100);
        const QString where = QStringLiteral("Main window (%1)").arg(toString(kind));
        m_visited << where;
        offenders << inspectAllTabs(w.get(), where);
    }
    offenders.removeDuplicates();
    QVERIFY2(offenders.isEmpty(), qPrintable(report(offenders)));
}

void tst_Accessibility::windowsOfTheMenusAreNamedAndReachableByTab()
{
    auto w = guitest::openAdminWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    w->navigator()->treeView()->expandAll();
    QStringList offenders;
    const auto nodes = nodesByKind(*w);
    TenancyActions *actions = w->actions();
    // The windows of the View menu, the import and sign-in dialogs of the File menu
    QVERIFY(w->navigator()->selectPath(nodes.at(int(NodeKind::Project))));
    QTRY_COMPARE_WITH_TIMEOUT(actions->context().path, nodes.at(int(NodeKind::Project)), 5000);
    int windows = 0;
    for (QAction *top : w->menuBar()->actions()) {
        if (!top->menu())
            continue;
        for (QAction *a : top->menu()->actions()) {
            const QString text = a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
            const bool opensWindow = a->text().endsWith(QStringLiteral("…")) && !a->menu() && a->isEnabled();
            // Registry actions are opened per node (next test); the folder chooser is Qt's own;
            // View → Filter… moves the focus to the tree's filter (its "…": more to type).
            if (!opensWindow || text.startsWith(QStringLiteral("Open manifests")) || text == QStringLiteral("Filter"))
                continue;
            bool registry = false;
            for (int i = 0; i < TenancyActions::IdCount; ++i)
                registry = registry || actions->action(TenancyActions::Id(i)) == a;
            if (registry)
                continue;
            ++windows;
            inspectNew(QStringLiteral("%1 → %2").arg(top->text().remove(QLatin1Char('&')), text), [a] { a->trigger(); },
                       &offenders);
        }
    }
    // Import, sign-in, permissions, traffic, audit, trace
    QVERIFY2(windows >= 6, qPrintable(QString::number(windows)));
    // A permission workbench on offline manifests (File → Open manifests… without the chooser)
    inspectNew(QStringLiteral("File → Open manifests"),
               [&] { w->openManifests(QStringLiteral(TENANTRY_SOURCE_DIR "/tests/data/rbac")); }, &offenders);
    offenders.removeDuplicates();
    QVERIFY2(offenders.isEmpty(), qPrintable(report(offenders)));
}

void tst_Accessibility::dialogsOfTheNodeActionsAreNamedAndReachableByTab()
{
    auto w = guitest::openAdminWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    w->navigator()->treeView()->expandAll();
    QStringList offenders;
    const auto nodes = nodesByKind(*w);
    TenancyActions *actions = w->actions();
    // Every dialog of the node actions, on a node of each kind, with members, a role and a
    // policy selected as the tables select them
    std::set<int> opened;
    const std::set<int> local = {TenancyActions::Reconnect, TenancyActions::Disconnect, TenancyActions::CopyName,
                                 TenancyActions::CopyPath, TenancyActions::Undo, TenancyActions::Redo};
    for (const auto &[kind, path] : nodes) {
        if (!w->navigator()->selectPath(path))
            continue;
        QTRY_COMPARE_WITH_TIMEOUT(actions->context().path, path, 5000);
        // The first member, role and policy selected in their tables, as a user selects them
        for (const char *name : {"memberTable", "roleTable", "policyTable"}) {
            auto *table = w->detailPanel()->findChild<QTableView *>(QLatin1String(name));
            if (table && table->model() && table->model()->rowCount() > 0)
                table->selectRow(0);
        }
        QCoreApplication::processEvents();
        const NodeContext context = actions->context();
        for (int i = 0; i < TenancyActions::IdCount; ++i) {
            const auto id = TenancyActions::Id(i);
            if (local.count(i) || opened.count(i) || !actions->applies(id))
                continue;
            QAction *a = actions->action(id);
            QTRY_VERIFY_WITH_TIMEOUT(a->isEnabled(), 20000);
            opened.insert(i);
            inspectNew(QStringLiteral("%1 on %2").arg(a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                                     toString(context.kind)),
                       [a] { a->trigger(); }, &offenders);
            actions->setContext(context);
        }
    }
    // The walk reached the dialogs of the editors (the test would pass vacuously otherwise)
    for (auto id : {TenancyActions::NewWorkspace, TenancyActions::EditProject, TenancyActions::AddMembers,
                    TenancyActions::NewRole, TenancyActions::EditQuota, TenancyActions::NewNetworkPolicy})
        QVERIFY2(opened.count(id), qPrintable(actions->action(id)->text()));
    offenders.removeDuplicates();
    QVERIFY2(offenders.isEmpty(), qPrintable(report(offenders)));
}

void tst_Accessibility::cleanupTestCase()
{
    qInfo("A11Y visited %lld windows and dialogs:\n  %s", qlonglong(m_visited.size()),
          qPrintable(m_visited.join(QStringLiteral("\n  "))));
}

void tst_Accessibility::cellsReadAsText()
{
    auto w = guitest::openAdminWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QStringList offenders;

    // The tree: every node's name, and a state that shows as an icon reads as words
    QStringList texts;
    QTreeView *tree = w->navigator()->treeView();
    for (const QString &cell : silentCells(tree, 8, &texts))
        offenders << QStringLiteral("tree cell ") + cell;
    // The cluster's state, shown by its icon, is in its description
    QAccessibleInterface *treeIface = QAccessible::queryAccessibleInterface(tree);
    QVERIFY(treeIface && treeIface->tableInterface());
    QAccessibleInterface *clusterCell = treeIface->tableInterface()->cellAt(0, 0);
    QVERIFY(clusterCell);
    if (!clusterCell->text(QAccessible::Description).contains(QStringLiteral("connected")))
        offenders << QStringLiteral("the cluster's row does not say its state: ") + clusterCell->text(QAccessible::Description);

    // The quota table of p1: its usage bars read "… % of … used"
    const auto nodes = nodesByKind(*w);
    QVERIFY(w->navigator()->selectPath(nodes.at(int(NodeKind::Project))));
    QVERIFY(w->detailPanel()->showTab(NodeDetails::QuotasTab));
    auto *quotas = w->detailPanel()->tab(NodeDetails::QuotasTab)->findChild<QTableView *>();
    QVERIFY(quotas);
    QTRY_VERIFY_WITH_TIMEOUT(quotas->model()->rowCount() > 0, 15000);
    texts.clear();
    for (const QString &cell : silentCells(quotas, 4, &texts))
        offenders << QStringLiteral("quota cell ") + cell;
    const bool barsRead = std::any_of(texts.cbegin(), texts.cend(), [](const QString &t) {
        return t.contains(QRegularExpression(QStringLiteral("\\d+ ?% of \\S+ used")));
    });
    if (!barsRead)
        offenders << QStringLiteral("quota usage bars do not read \"N% of <resource> used\": ") + texts.join(QStringLiteral(" | "));

    // Every other table of the project's tabs
    for (auto tab : {NodeDetails::MembersTab, NodeDetails::BindingsTab, NodeDetails::RolesTab, NodeDetails::NetworkTab}) {
        if (!w->detailPanel()->showTab(tab))
            continue;
        for (QTableView *table : w->detailPanel()->tab(tab)->findChildren<QTableView *>()) {
            if (!table->isVisible() || !table->model())
                continue;
            QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 15000);
            texts.clear();
            for (const QString &cell : silentCells(table, 3, &texts))
                offenders << QStringLiteral("%1 cell %2").arg(table->accessibleName(), cell);
        }
    }

    // The permission matrix: each cell says allowed / denied / …, not a colour only
    PermissionsWindow *permissions = w->openPermissionsWindow();
    QVERIFY(permissions);
    auto *matrix = permissions->workbench()->findChild<QTableView *>();
    QVERIFY(matrix);
    QTRY_VERIFY_WITH_TIMEOUT(matrix->model() && matrix->model()->rowCount() > 0, 60000);
    texts.clear();
    for (const QString &cell : silentCells(matrix, 5, &texts))
        offenders << QStringLiteral("matrix cell ") + cell;
    const bool statesRead = std::any_of(texts.cbegin(), texts.cend(), [](const QString &t) {
        return t.contains(QStringLiteral("allowed")) || t.contains(QStringLiteral("denied"));
    });
    if (!statesRead)
        offenders << QStringLiteral("matrix cells do not say allowed/denied: ") + texts.mid(0, 12).join(QStringLiteral(" | "));
    permissions->close();

    // Custom-painted views summarise what they show
    TrafficWindow *traffic = w->openTrafficWindow();
    QVERIFY(traffic);
    for (QWidget *painted : traffic->findChildren<QWidget *>())
        if (painted->inherits("TrafficGraphView") && painted->accessibleDescription().isEmpty())
            offenders << QStringLiteral("traffic graph: no accessible description");
    traffic->close();

    QVERIFY2(offenders.isEmpty(), qPrintable(report(offenders)));
}

void tst_Accessibility::noMenuOffersAMnemonicTwice()
{
    auto w = guitest::openAdminWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    w->navigator()->treeView()->expandAll();
    QStringList problems;
    // The menus show different entries for each kind of node (F2 and Delete's variants)
    for (const auto &[kind, path] : nodesByKind(*w)) {
        if (!w->navigator()->selectPath(path))
            continue;
        QTRY_COMPARE_WITH_TIMEOUT(w->actions()->context().path, path, 5000);
        const QString where = QStringLiteral("Main window (%1)").arg(toString(NodeKind(kind)));
        problems << menuBarMnemonicProblems(w.get(), where);
        // The tree's context menu, as the main window fills it
        QMenu menu;
        w->actions()->fillContextMenu(&menu);
        if (kind == int(NodeKind::Cluster))
            menu.addMenu(w->handlers()->modeMenu(w->sessions().first(), &menu));
        problems << mnemonicProblems(&menu, where + QStringLiteral(" context menu"));
    }
    // The other windows' menu bars
    for (QMainWindow *other : std::initializer_list<QMainWindow *>{w->openPermissionsWindow(), w->openAuditWindow(),
                                                                   w->openTrafficWindow(), w->openTraceWindow()}) {
        QVERIFY(other);
        problems << menuBarMnemonicProblems(other, other->windowTitle());
        other->close();
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
}

namespace {
// The entries of the context menu that `press` opens on `view`, read from the open menu (which
// is then closed); empty when no menu opened.
QStringList contextMenuFromKeyboard(QWidget *view, const std::function<void()> &press)
{
    QStringList entries;
    QTimer probe;
    probe.setInterval(50);
    QObject::connect(&probe, &QTimer::timeout, view, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        probe.stop();
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                entries << a->text();
        menu->close();
    });
    probe.start();
    view->setFocus(Qt::OtherFocusReason);
    press();
    QTest::qWait(300);  // a menu that opens asynchronously
    probe.stop();
    return entries;
}

// The Menu key as the window system delivers it: a keyboard context menu event at the focus
// widget's cursor rectangle (QWidgetWindow does this for the platform's context menu key).
void pressMenuKey(QWidget *w)
{
    const QPoint pos = w->inputMethodQuery(Qt::ImCursorRectangle).toRect().center();
    QContextMenuEvent event(QContextMenuEvent::Keyboard, pos, w->mapToGlobal(pos));
    QApplication::sendEvent(w, &event);
}
} // namespace

void tst_Accessibility::contextMenusOpenFromTheKeyboard()
{
    auto w = guitest::openAdminWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    w->navigator()->treeView()->expandAll();
    const auto nodes = nodesByKind(*w);
    const QString project = nodes.at(int(NodeKind::Project));
    QTreeView *tree = w->navigator()->treeView();

    // Given a project current in the tree, scrolled to the top so that it is not where the
    // view's centre is
    QVERIFY(w->navigator()->selectPath(project));
    tree->scrollToTop();
    // When the Menu key, then Shift+F10, is pressed: the project's own menu opens, and the
    // current node stays the project
    for (const bool menuKey : {true, false}) {
        const QStringList entries = contextMenuFromKeyboard(tree, [&] {
            if (menuKey)
                pressMenuKey(tree);
            else
                QTest::keyClick(tree, Qt::Key_F10, Qt::ShiftModifier);
        });
        QVERIFY2(entries.contains(QStringLiteral("&Delete project…")), qPrintable(entries.join(QLatin1Char('|'))));
        QCOMPARE(w->navigator()->currentSourceIndex().data(TenancyTreeModel::PathRole).toString(), project);
    }

    // The Members table (its actions as its context menu)
    QVERIFY(w->detailPanel()->showTab(NodeDetails::MembersTab));
    auto *members = w->detailPanel()->findChild<QTableView *>(QStringLiteral("memberTable"));
    QVERIFY(members);
    QTRY_VERIFY_WITH_TIMEOUT(members->model()->rowCount() > 0, 15000);
    members->selectRow(0);
    QStringList entries = contextMenuFromKeyboard(members, [&] { pressMenuKey(members); });
    QVERIFY2(entries.contains(QStringLiteral("&Add members…")), qPrintable(entries.join(QLatin1Char('|'))));

    // The permission matrix: the current cell's questions
    PermissionsWindow *permissions = w->openPermissionsWindow();
    QVERIFY(permissions);
    permissions->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(permissions));
    auto *matrix = permissions->workbench()->findChild<QTableView *>(QStringLiteral("permMatrix"));
    QVERIFY(matrix);
    QTRY_VERIFY_WITH_TIMEOUT(matrix->model()->rowCount() > 20, 60000);
    const QModelIndex cell = matrix->model()->index(matrix->model()->rowCount() - 1, matrix->model()->columnCount() - 1);
    matrix->setCurrentIndex(cell);
    entries = contextMenuFromKeyboard(matrix, [&] { QTest::keyClick(matrix, Qt::Key_F10, Qt::ShiftModifier); });
    QVERIFY2(entries.contains(QStringLiteral("&Why?")), qPrintable(entries.join(QLatin1Char('|'))));
    QCOMPARE(matrix->currentIndex(), cell);
    permissions->close();
}

namespace {
// Applies a plan dialog's plan (confirming what it asks) and closes it; false when not applied.
bool applyAndClose(PlanDialog *dialog)
{
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->runner()->hasPlan(); }, 20000))
        return false;
    dialog->setConfirmHook([](const QString &) { return true; });
    QSignalSpy applied(dialog, &PlanDialog::applied);
    dialog->applyButton()->click();
    const bool ok = applied.wait(30000) || applied.count() == 1;
    dialog->reject();
    return ok;
}

// The tree's path of the node named `name` of `kind`; empty when the tree has none.
QString pathOf(const QAbstractItemModel &model, NodeKind kind, const QString &name, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex i = model.index(row, 0, parent);
        if (i.data(TenancyTreeModel::KindRole).toInt() == int(kind) && i.data(TenancyTreeModel::NameRole).toString() == name)
            return i.data(TenancyTreeModel::PathRole).toString();
        const QString below = pathOf(model, kind, name, i);
        if (!below.isEmpty())
            return below;
    }
    return {};
}
} // namespace

// The dialogs only some states offer: About, Enable user (a user disabled from the window),
// Edit → Undo and Redo of that change, Remove stuck finalizers (a project Terminating on a
// finalizer no controller releases).
void tst_Accessibility::dialogsOfRarerStatesAreNamedAndReachableByTab()
{
    auto w = guitest::openAdminWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QStringList offenders;
    TenancyActions *actions = w->actions();
    // Help → About Tenantry
    QAction *about = nullptr;
    for (QAction *top : w->menuBar()->actions())
        if (top->menu())
            for (QAction *a : top->menu()->actions())
                if (a->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("About Tenantry")))
                    about = a;
    QVERIFY(about);
    inspectNew(QStringLiteral("Help → About Tenantry"), [about] { about->trigger(); }, &offenders);

    // User B disabled from the window: Enable user is offered on it, and Undo
    const QString user = qs(m_seed.userB);
    const QString userPath = pathOf(*w->treeModel(), NodeKind::User, user);
    QVERIFY2(!userPath.isEmpty(), qPrintable(user));
    QVERIFY(w->navigator()->selectPath(userPath));
    QTRY_COMPARE_WITH_TIMEOUT(actions->context().path, userPath, 5000);
    QAction *disable = actions->action(TenancyActions::DisableUser);
    QTRY_VERIFY_WITH_TIMEOUT(disable->isEnabled(), 15000);
    disable->trigger();
    QVERIFY(applyAndClose(w->lastDialog()));
    QAction *enable = actions->action(TenancyActions::EnableUser);
    QTRY_VERIFY_WITH_TIMEOUT(actions->applies(TenancyActions::EnableUser) && enable->isEnabled(), 15000);
    inspectNew(QStringLiteral("Enable user on User"), [enable] { enable->trigger(); }, &offenders);
    QAction *undo = actions->action(TenancyActions::Undo);
    QTRY_VERIFY_WITH_TIMEOUT(undo->isEnabled(), 5000);
    inspectNew(QStringLiteral("Edit → Undo"), [undo] { undo->trigger(); }, &offenders);
    // The undo applied: Redo is offered
    undo->trigger();
    QVERIFY(applyAndClose(w->lastDialog()));
    QAction *redo = actions->action(TenancyActions::Redo);
    QTRY_VERIFY_WITH_TIMEOUT(redo->isEnabled(), 5000);
    inspectNew(QStringLiteral("Edit → Redo"), [redo] { redo->trigger(); }, &offenders);

    // A project of ws1 deleted while a finalizer nobody releases holds it
    const QString stuck = QStringLiteral("a11y-stuck-") + qs(m_seed.sfx);
    QString error;
    QVERIFY2(guitest::kubectlApply(QStringLiteral("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %1\n  labels: "
                                                  "{kubesphere.io/workspace: %2}\n  finalizers: [tenantry.test/stuck]\n")
                                       .arg(stuck, qs(m_seed.ws1))
                                       .toUtf8(),
                                   &error),
             qPrintable(error));
    auto r = guitest::kubectl({"delete", "namespace", stuck, "--wait=false"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QString stuckPath;
    QTRY_VERIFY_WITH_TIMEOUT(!(stuckPath = pathOf(*w->treeModel(), NodeKind::Project, stuck)).isEmpty(), 15000);
    QVERIFY(w->navigator()->selectPath(stuckPath));
    QTRY_COMPARE_WITH_TIMEOUT(actions->context().path, stuckPath, 5000);
    QAction *release = actions->action(TenancyActions::ReleaseFinalizers);
    QTRY_VERIFY_WITH_TIMEOUT(actions->applies(TenancyActions::ReleaseFinalizers) && release->isEnabled(), 15000);
    inspectNew(QStringLiteral("Remove stuck finalizers on Project"), [release] { release->trigger(); }, &offenders);
    r = guitest::kubectl({"patch", "namespace", stuck, "--type=merge", "-p", "{\"metadata\":{\"finalizers\":null}}"});
    QVERIFY2(r.exitCode == 0, r.err.constData());


    // The exec-approval question, as a connection asks it before a credential plugin first runs
    // (asked here directly: the connection asks from its worker through a blocking queued call,
    // whose nested loop the walker's modal timer does not reach; tst_clustersession drives that
    // path with its own asker)
    kube::ExecApprovalRequest request;
    request.userName = "oidc";
    request.where = "/home/u/.kube/config:17";
    request.command = "/usr/local/bin/kubectl-oidc_login";
    request.args = {"get-token", "--oidc-issuer-url=https://issuer.example"};
    request.envNames = {"OIDC_CLIENT_SECRET_FILE"};
    bool remember = false;
    bool approved = true;
    inspectNew(QStringLiteral("Connect → credential plugin approval"),
               [&] { approved = ExecApprovalDialog::ask(w.get(), request, &remember); }, &offenders);
    QVERIFY2(!approved, "Escape must answer No");

    offenders.removeDuplicates();
    QVERIFY2(offenders.isEmpty(), qPrintable(report(offenders)));
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
