// Every control of the main window that writes, walked for two identities against the
// devcluster: a view-only user (get/list/watch on everything, bound through a group) finds each
// one disabled with the missing permission (verb, resource, namespace, name) in its tooltip and
// status tip; the admin finds the same controls enabled, so the walk can fail. The controls are
// the TenancyActions registry (menus, toolbar, tree and table context menus, tab bars share its
// QActions), every other QAction of the window and every button of the detail panel. The walk
// prints one line per control and node kind (docs/reliability.md, "Secrets and permissions").
#include "guitestsupport.h"

#include "mainwindow.h"
#include "tenancyactions.h"
#include "models/accesschecker.h"
#include "models/clustersession.h"
#include "models/tenancyoutline.h"
#include "models/tenancytreemodel.h"
#include "models/tenancyfilterproxymodel.h"
#include "views/detailpanel.h"
#include "views/navigatorwidget.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QMenu>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

#include <map>
#include <set>

using namespace kube;
using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

// A control whose text says it changes the cluster (window actions and buttons outside the registry).
bool soundsLikeAWrite(const QString &text)
{
    static const QRegularExpression kWrite(
        QStringLiteral("^(new|edit|delete|remove|add|apply|create|isolate|change|clone|move|enable|disable|"
                       "prepare|finish|undo|redo|set|repair|install|release)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QString t = text;
    t.remove(QLatin1Char('&'));
    return kWrite.match(t.trimmed()).hasMatch();
}

// The registry's actions, by their QAction (to tell them from the window's other actions).
std::map<const QAction *, TenancyActions::Id> registry(TenancyActions *actions)
{
    std::map<const QAction *, TenancyActions::Id> ids;
    for (int i = 0; i < TenancyActions::IdCount; ++i)
        ids[actions->action(static_cast<TenancyActions::Id>(i))] = static_cast<TenancyActions::Id>(i);
    return ids;
}

// Every registry action that writes was met on some node, but Finish hand-over, which applies
// only in KubeSphere mode (the devcluster is standalone).
void verifyEveryWriteWalked(const std::set<int> &walked)
{
    const std::set<int> local = {TenancyActions::Reconnect, TenancyActions::PinNamespaces, TenancyActions::Disconnect,
                                 TenancyActions::CopyName,  TenancyActions::CopyPath,      TenancyActions::Undo,
                                 TenancyActions::Redo,      TenancyActions::History,       TenancyActions::AuditEvents,
                                 TenancyActions::FinishHandover};
    QStringList missing;
    for (int i = 0; i < TenancyActions::IdCount; ++i)
        if (!local.count(i) && !walked.count(i))
            missing << QString::number(i);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("write actions never walked (ids): ") + missing.join(',')));
}

int visibleDialogs()
{
    int n = 0;
    for (QWidget *w : QApplication::topLevelWidgets())
        n += qobject_cast<QDialog *>(w) && w->isVisible();
    return n;
}

QString plain(const QAction *a)
{
    return a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
}
} // namespace

class tst_ViewOnlyWalk : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void viewOnlyIdentityFindsEveryWriteDisabled();
    void adminFindsTheSameControlsEnabled();

private:
    // Walks one node of each kind; returns the lines of the walk. `viewOnly`: every write must be
    // disabled, naming its permission; otherwise every write must be enabled once allowed.
    QStringList walk(const std::string &kubeconfig, bool viewOnly, std::set<int> *walkedIds);
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
    std::string m_viewer;
    std::string m_viewerConfig;
    QString m_policy;
};

void tst_ViewOnlyWalk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
    // Something for every write of a project: a quota, container defaults, a network policy
    auto r = guitest::kubectl({"-n", qs(m_seed.p1), "create", "quota", "compute", "--hard=pods=20"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_policy = QStringLiteral("walk-allow-web");
    QTemporaryDir dir;
    const QString policyFile = dir.filePath(QStringLiteral("policy.yaml"));
    {
        QFile f(policyFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: %1, namespace: %2}\n"
                               "spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}\n")
                    .arg(m_policy, qs(m_seed.p1))
                    .toUtf8());
    }
    r = guitest::kubectl({"apply", "-f", policyFile});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // A view-only identity: a client certificate in group G, G bound to a role that only reads
    m_viewer = "gview-" + m_seed.sfx;
    const std::string group = "gview-readers-" + m_seed.sfx;
    m_viewerConfig = clusterenv::addUser(m_viewer, {group});
    QVERIFY(!m_viewerConfig.empty());
    const QString roleFile = dir.filePath(QStringLiteral("view.yaml"));
    {
        QFile f(roleFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: %1}\n"
                               "rules:\n- {apiGroups: ['*'], resources: ['*'], verbs: [get, list, watch]}\n"
                               "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: %1}\n"
                               "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %1}\n"
                               "subjects:\n- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: %2}\n")
                    .arg(qs("tenantry-walk-view-" + m_seed.sfx), qs(group))
                    .toUtf8());
    }
    r = guitest::kubectl({"apply", "-f", roleFile});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The independent peer agrees it is view-only
    r = guitest::kubectl({"auth", "can-i", "list", "namespaces"}, m_viewerConfig);
    QCOMPARE(r.out.trimmed(), QByteArray("yes"));
    r = guitest::kubectl({"auth", "can-i", "create", "namespaces"}, m_viewerConfig);
    QCOMPARE(r.out.trimmed(), QByteArray("no"));
}

QStringList tst_ViewOnlyWalk::walk(const std::string &kubeconfig, bool viewOnly, std::set<int> *walkedIds)
{
    QStringList lines;
    const QString who = viewOnly ? qs(m_viewer) : QStringLiteral("admin");
    MainWindow::Options o;
    o.persist = false;
    MainWindow w(o);
    w.resize(1280, 800);
    ConnectionSpec spec;
    spec.kubeconfig = qs(kubeconfig);
    w.addConnection(spec, false);
    w.show();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(w.allLoaded(), 60000); }();
    if (QTest::currentTestFailed())
        return lines;
    ClusterSession *session = w.sessions().first();
    TenancyActions *actions = w.actions();
    const auto ids = registry(actions);
    w.navigator()->treeView()->expandAll();

    // One node of each kind, the seed's own where there is a choice (p1 has the policy)
    const auto *model = qobject_cast<const TenancyTreeModel *>(w.navigator()->proxy()->sourceModel());
    if (!model) {
        [&] { QFAIL("no tree model"); }();
        return lines;
    }
    std::map<int, QString> nodeOfKind;
    std::set<QString> otherControls;  // buttons and window actions outside the registry
    std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex i = model->index(row, 0, parent);
            const int kind = i.data(TenancyTreeModel::KindRole).toInt();
            const QString name = i.data(TenancyTreeModel::NameRole).toString();
            const QString path = i.data(TenancyTreeModel::PathRole).toString();
            const bool preferred = name == qs(m_seed.p1) || name == qs(m_seed.ws1) || name == qs(m_seed.userA);
            if (!nodeOfKind.count(kind) || preferred)
                nodeOfKind[kind] = path;
            collect(i);
        }
    };
    collect({});

    auto check = [&](const NodeContext &context, const QString &variant) {
        actions->setContext(context);
        for (int i = 0; i < TenancyActions::IdCount; ++i) {
            const auto id = static_cast<TenancyActions::Id>(i);
            if (!actions->applies(id))
                continue;
            QAction *a = actions->action(id);
            const QString where = toString(context.kind) + QLatin1Char(' ') + context.path + variant;
            const auto permission = actions->permissionFor(id);
            if (!permission) {
                // Local actions (copy, reconnect, pin, history, audit) and Undo/Redo, whose
                // writes are the inverse of a change applied from this window: none yet.
                if (id == TenancyActions::Undo || id == TenancyActions::Redo) {
                    if (a->isEnabled()) {
                        QTest::qFail(qPrintable(QStringLiteral("%1 enabled with nothing to undo/redo at %2").arg(plain(a), where)),
                                     __FILE__, __LINE__);
                        return;
                    }
                }
                continue;
            }
            walkedIds->insert(i);
            const QString needed = permission->describe();
            if (viewOnly) {
                QTRY_VERIFY_WITH_TIMEOUT(!a->isEnabled(), 20000);
                if (!a->toolTip().contains(needed) || !a->statusTip().contains(needed) || !a->toolTip().contains(who)) {
                    QTest::qFail(qPrintable(QStringLiteral("%1 at %2: tooltip \"%3\" does not name \"%4\" for %5")
                                                .arg(plain(a), where, a->toolTip(), needed, who)),
                                 __FILE__, __LINE__);
                    return;
                }
                // And triggering it anyway (a shortcut, a script) opens nothing
                const int before = visibleDialogs();
                a->trigger();
                QCoreApplication::processEvents();
                if (visibleDialogs() != before) {
                    QTest::qFail(qPrintable(QStringLiteral("%1 at %2 opened a dialog while disabled").arg(plain(a), where)),
                                 __FILE__, __LINE__);
                    return;
                }
                lines << QStringLiteral("%1 | %2 | disabled | needs: %3").arg(where, plain(a), needed);
            } else {
                // The answer must be in (an unknown answer leaves an action enabled), then enabled
                QTRY_VERIFY_WITH_TIMEOUT(session->access()->verdict(*permission).answer == AccessChecker::Answer::Allowed,
                                         20000);
                QTRY_VERIFY_WITH_TIMEOUT(a->isEnabled(), 5000);
                lines << QStringLiteral("%1 | %2 | enabled | %3").arg(where, plain(a), needed);
            }
        }
        // The node's context menu holds only registry actions, each checked above
        QMenu menu;
        actions->fillContextMenu(&menu);
        for (QAction *a : menu.actions()) {
            if (a->isSeparator())
                continue;
            if (!ids.count(a)) {
                QTest::qFail(qPrintable(QStringLiteral("context menu of %1 has \"%2\" outside the registry")
                                            .arg(context.path, plain(a))),
                             __FILE__, __LINE__);
                return;
            }
        }
    };

    for (const auto &[kind, path] : nodeOfKind) {
        if (!w.navigator()->selectPath(path)) {
            lines << QStringLiteral("(could not select %1)").arg(path);
            continue;
        }
        [&] { QTRY_COMPARE_WITH_TIMEOUT(actions->context().path, path, 5000); }();
        if (QTest::currentTestFailed())
            return lines;
        const NodeContext base = actions->context();
        check(base, {});
        if (QTest::currentTestFailed())
            return lines;
        // What the Members / Roles / Network tables select, and an object stuck Terminating
        NodeContext selected = base;
        selected.members = {qs(m_seed.userB)};
        selected.role = base.kind == NodeKind::Project ? QStringLiteral("viewer") : QStringLiteral("walk-role");
        if (base.kind == NodeKind::Project)
            selected.policy = m_policy;
        if (selected.members != base.members || selected.role != base.role || selected.policy != base.policy) {
            check(selected, QStringLiteral(" [members/role/policy selected]"));
            if (QTest::currentTestFailed())
                return lines;
        }
        if (base.kind == NodeKind::Workspace || base.kind == NodeKind::Project || base.kind == NodeKind::User) {
            NodeContext deleting = base;
            deleting.flags |= OutlineEntry::Deleting;
            check(deleting, QStringLiteral(" [Terminating]"));
            if (QTest::currentTestFailed())
                return lines;
        }
        if (base.kind == NodeKind::User) {
            NodeContext disabled = base;
            disabled.flags ^= OutlineEntry::Disabled;
            check(disabled, QStringLiteral(" [disabled user]"));
            if (QTest::currentTestFailed())
                return lines;
        }
        actions->setContext(base);

        // Buttons of the detail panel: registry tool buttons were checked; the isolation switch
        // follows its action; any other button that sounds like a write must be disabled
        w.detailPanel()->grab();
        const QAction *isolate = actions->action(TenancyActions::IsolateNetwork);
        for (QAbstractButton *b : w.detailPanel()->findChildren<QAbstractButton *>()) {
            auto *tool = qobject_cast<QToolButton *>(b);
            if (tool && tool->defaultAction() && ids.count(tool->defaultAction()))
                continue;
            if (qobject_cast<QCheckBox *>(b) && b->text().contains(QStringLiteral("Isolate"))) {
                [&] { QCOMPARE(b->isEnabled(), isolate->isEnabled() && isolate->isVisible()); }();
                if (QTest::currentTestFailed())
                    return lines;
                if (viewOnly && actions->applies(TenancyActions::IsolateNetwork)) {
                    [&] { QVERIFY2(b->toolTip().contains(QStringLiteral("patch")), qPrintable(b->toolTip())); }();
                    if (QTest::currentTestFailed())
                        return lines;
                    lines << QStringLiteral("%1 %2 | Isolate network (switch) | disabled | %3")
                                 .arg(toString(base.kind), path, b->toolTip());
                }
                continue;
            }
            if (b->isVisible() && !b->text().isEmpty())
                otherControls.insert(QStringLiteral("button \"%1\"").arg(b->text().remove(QLatin1Char('&'))));
            if (viewOnly && soundsLikeAWrite(b->text()) && b->isEnabled()) {
                QTest::qFail(qPrintable(QStringLiteral("button \"%1\" enabled at %2").arg(b->text(), path)), __FILE__, __LINE__);
                return lines;
            }
        }
        guitest::save(&w, QStringLiteral("walk-%1-%2").arg(viewOnly ? QStringLiteral("viewer") : QStringLiteral("admin"),
                                                           toString(base.kind).toLower().replace(' ', '-')));
    }

    // Every other action of the window: none may write
    for (QAction *a : w.findChildren<QAction *>()) {
        if (ids.count(a) || a->menu() || a->isSeparator() || a->text().isEmpty())
            continue;
        otherControls.insert(QStringLiteral("action \"%1\"%2").arg(plain(a), a->isEnabled() ? QString() : QStringLiteral(" (disabled)")));
        if (soundsLikeAWrite(a->text()) && viewOnly && a->isEnabled()) {
            QTest::qFail(qPrintable(QStringLiteral("window action \"%1\" enabled for a view-only identity").arg(plain(a))),
                         __FILE__, __LINE__);
            return lines;
        }
    }
    for (const QString &c : otherControls)
        lines << QStringLiteral("other control (no cluster write) | %1").arg(c);
    return lines;
}

void tst_ViewOnlyWalk::viewOnlyIdentityFindsEveryWriteDisabled()
{
    std::set<int> walked;
    const QStringList lines = walk(m_viewerConfig, true, &walked);
    for (const QString &line : lines)
        qInfo("WALK viewer | %s", qPrintable(line));
    qInfo("WALK viewer: %d write actions, %lld checks", int(walked.size()), qlonglong(lines.size()));
    verifyEveryWriteWalked(walked);
}

void tst_ViewOnlyWalk::adminFindsTheSameControlsEnabled()
{
    std::set<int> walked;
    const QStringList lines = walk(clusterenv::kubeconfigPath("admin"), false, &walked);
    for (const QString &line : lines)
        qInfo("WALK admin | %s", qPrintable(line));
    qInfo("WALK admin: %d write actions, %lld checks", int(walked.size()), qlonglong(lines.size()));
    verifyEveryWriteWalked(walked);
}

QTEST_MAIN(tst_ViewOnlyWalk)
#include "tst_viewonlywalk.moc"
