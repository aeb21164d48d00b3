// The Network tab in the real window against the devcluster (standalone mode): the isolation
// switch of a project and of a workspace through its plan dialog (kubectl sees the
// nsnp-network-isolate policies appear and go), a policy created through the editor dialog
// (kubectl reads it back), and bad input (an invalid CIDR, an invalid port) refused with the
// field named, nothing written and the form kept. Screenshots under <build>/screenshots.
#include "guitestsupport.h"
#include "guiwindow.h"

#include "mainwindow.h"
#include "models/clustersession.h"
#include "models/networkpolicytablemodel.h"
#include "views/detailpanel.h"
#include "views/navigatorwidget.h"
#include "views/networkpolicydialog.h"
#include "views/plandialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace kube;
using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
using guitest::save;

bool policyExists(const std::string &ns, const QString &name)
{
    return guitest::kubectl({"get", "networkpolicy", "-n", qs(ns), name}).exitCode == 0;
}

QString policyJsonPath(const std::string &ns, const QString &name, const QString &path)
{
    auto r = guitest::kubectl({"get", "networkpolicy", "-n", qs(ns), name, "-o", "jsonpath=" + path});
    return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QStringLiteral("<error %1>").arg(QString::fromUtf8(r.err));
}

bool applyAndWait(PlanDialog *dialog)
{
    dialog->setConfirmHook([](const QString &) { return true; });
    QSignalSpy applied(dialog, &PlanDialog::applied);
    // (a dialog that plans on opening enables Apply once the plan and the permission are known)
    if (!QTest::qWaitFor([dialog] { return dialog->applyButton()->isEnabled(); }, 20000))
        return false;
    dialog->applyButton()->click();
    return applied.wait(30000) || applied.count() == 1;
}
} // namespace

class tst_Network : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void isolationSwitchesOfAProjectAndAWorkspace();
    void policyEditorCreatesAndRefusesBadInput();

private:
    std::unique_ptr<MainWindow> openWindow();
    // Selects the node and shows the Network tab.
    void showNetwork(MainWindow *w, const QString &path);
    std::unique_ptr<Client> m_admin;
    guitest::Seed m_seed;
};

void tst_Network::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::string error;
    m_admin = guitest::adminWithSeed(&m_seed, &error);
    QVERIFY2(m_admin, error.c_str());
}

std::unique_ptr<MainWindow> tst_Network::openWindow()
{
    return guitest::openAdminWindow({1280, 800});
}

void tst_Network::showNetwork(MainWindow *w, const QString &path)
{
    QVERIFY(w->navigator()->selectPath(path));
    DetailPanel *panel = w->detailPanel();
    QVERIFY(panel->showTab(NodeDetails::NetworkTab));
}

void tst_Network::isolationSwitchesOfAProjectAndAWorkspace()
{
    auto w = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    const QString ws = qs(m_seed.ws1);
    const std::string p1 = m_seed.p1, p2 = m_seed.p2;
    DetailPanel *panel = w->detailPanel();
    auto *box = panel->findChild<QCheckBox *>(QStringLiteral("isolationSwitch"));
    QVERIFY(box);

    // Given project p1 of ws1, not isolated: the switch is off, explains itself and is enabled
    showNetwork(w.get(), cluster + QStringLiteral("/Workspaces/") + ws + QLatin1Char('/') + qs(p1));
    QTRY_VERIFY_WITH_TIMEOUT(box->isEnabled(), 15000);
    QVERIFY(!box->isChecked());
    const QString explanation = panel->findChild<QLabel *>(QStringLiteral("isolationExplanation"))->text();
    QVERIFY2(explanation.contains(QStringLiteral("Standalone mode")) && explanation.contains(QStringLiteral("nsnp-network-isolate")),
             qPrintable(explanation));
    save(w.get(), QStringLiteral("network-tab-project"));
    QVERIFY(!policyExists(p1, QStringLiteral("nsnp-network-isolate")));

    // When the user ticks it: a plan dialog shows the annotation and the policy, and applies
    box->click();
    PlanDialog *dialog = w->lastDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->planView()->toPlainText().contains(QStringLiteral("nsnp-network-isolate")), 20000);
    QVERIFY(!box->isChecked());  // the switch shows the cluster until applied
    save(dialog, QStringLiteral("dialog-isolate-project"));
    QVERIFY(applyAndWait(dialog));
    // Then kubectl sees the policy admitting the project itself only
    QTRY_VERIFY_WITH_TIMEOUT(policyExists(p1, QStringLiteral("nsnp-network-isolate")), 10000);
    QCOMPARE(policyJsonPath(p1, QStringLiteral("nsnp-network-isolate"),
                            QStringLiteral("{.spec.ingress[0].from[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name}")),
             qs(p1));
    // and the switch follows the cluster, with the policy listed as the isolation policy
    QTRY_VERIFY_WITH_TIMEOUT(box->isChecked(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->policyModel()->rowCount() >= 1, 10000);

    // When the workspace's switch is ticked: every project of ws1 gets a policy
    showNetwork(w.get(), cluster + QStringLiteral("/Workspaces/") + ws);
    QTRY_VERIFY_WITH_TIMEOUT(box->isEnabled() && !box->isChecked(), 15000);
    // (the same switch is the checkable "Isolate network" action of the Tenancy menu)
    QAction *action = w->actions()->action(TenancyActions::IsolateNetwork);
    QVERIFY(action->isCheckable() && action->isVisible());
    box->click();
    dialog = w->lastDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->planView()->toPlainText().contains(qs(p2)), 20000);
    save(dialog, QStringLiteral("dialog-isolate-workspace"));
    QVERIFY(applyAndWait(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(policyExists(p2, QStringLiteral("nsnp-network-isolate")), 10000);
    QCOMPARE(policyJsonPath(p2, QStringLiteral("nsnp-network-isolate"),
                            QStringLiteral("{.spec.ingress[0].from[0].namespaceSelector.matchLabels.kubesphere\\.io/workspace}")),
             ws);
    QTRY_VERIFY_WITH_TIMEOUT(box->isChecked(), 15000);
    save(w.get(), QStringLiteral("network-tab-workspace-isolated"));

    // When both are turned off again (workspace, then project): the policies go
    box->click();
    dialog = w->lastDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->planView()->toPlainText().contains(QStringLiteral("delete")), 20000);
    QVERIFY2(applyAndWait(dialog), qPrintable(dialog->statusLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!policyExists(p2, QStringLiteral("nsnp-network-isolate")), 10000);
    QVERIFY(policyExists(p1, QStringLiteral("nsnp-network-isolate")));  // p1 is still isolated on its own
    showNetwork(w.get(), cluster + QStringLiteral("/Workspaces/") + ws + QLatin1Char('/') + qs(p1));
    QTRY_VERIFY_WITH_TIMEOUT(box->isEnabled() && box->isChecked(), 15000);
    PlanDialog *previous = dialog;
    box->click();
    dialog = w->lastDialog();
    QVERIFY(dialog && dialog != previous);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->planView()->toPlainText().contains(QStringLiteral("delete")), 20000);
    QVERIFY2(applyAndWait(dialog), qPrintable(dialog->statusLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!policyExists(p1, QStringLiteral("nsnp-network-isolate")), 10000);
}

void tst_Network::policyEditorCreatesAndRefusesBadInput()
{
    auto w = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(w->allLoaded(), 60000);
    const QString cluster = w->sessions().first()->id();
    const std::string p2 = m_seed.p2;
    showNetwork(w.get(), cluster + QStringLiteral("/Workspaces/") + qs(m_seed.ws1) + QLatin1Char('/') + qs(p2));
    QAction *create = w->actions()->action(TenancyActions::NewNetworkPolicy);
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 15000);
    create->trigger();
    auto *d = qobject_cast<NetworkPolicyDialog *>(w->lastDialog());
    QVERIFY(d);
    QVERIFY(QTest::qWaitForWindowExposed(d));

    // The user fills the form: a name, the pods it applies to, an ingress rule from ws2's
    // projects (the picker's entry) and an IP block, on a port range
    QTest::keyClicks(d->nameEdit(), QStringLiteral("allow-from-ws2"));
    QTest::keyClicks(d->podSelectorEdit(), QStringLiteral("app=web"));
    d->addRule(true);
    d->addPeer();
    auto *ns = qobject_cast<QComboBox *>(d->peerTable()->cellWidget(0, NetworkPolicyDialog::PeerNamespaceColumn));
    QVERIFY(ns);
    const QString pick = QStringLiteral("kubesphere.io/workspace=") + qs(m_seed.ws2);
    QVERIFY2(ns->findText(pick) >= 0, "the workspace picker offers ws2");
    ns->setCurrentIndex(ns->findText(pick));
    d->addPeer();
    auto *kind = qobject_cast<QComboBox *>(d->peerTable()->cellWidget(1, NetworkPolicyDialog::PeerKindColumn));
    kind->setCurrentIndex(NetworkPolicyDialog::IpBlockPeer);
    // An invalid CIDR first
    d->peerTable()->item(1, NetworkPolicyDialog::PeerCidrColumn)->setText(QStringLiteral("10.0.0/8"));
    d->addPort();
    d->portTable()->item(0, NetworkPolicyDialog::PortNumberColumn)->setText(QStringLiteral("8000"));
    d->portTable()->item(0, NetworkPolicyDialog::PortEndColumn)->setText(QStringLiteral("8100"));
    // The YAML pane follows the form
    QTRY_VERIFY(d->yamlView()->toPlainText().contains(QStringLiteral("endPort: 8100")));
    QVERIFY2(d->yamlView()->toPlainText().contains(QStringLiteral("kubesphere.io/workspace: ") + qs(m_seed.ws2)),
             qPrintable(d->yamlView()->toPlainText()));
    // Then previewing names the field, and nothing is written
    d->previewButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(d->statusLabel()->text().contains(QStringLiteral("spec.ingress[0].from[1].ipBlock.cidr")), 10000);
    QVERIFY2(d->statusLabel()->text().contains(QStringLiteral("is not a valid CIDR")), qPrintable(d->statusLabel()->text()));
    save(d, QStringLiteral("dialog-networkpolicy-bad-cidr"));
    QVERIFY(!policyExists(p2, QStringLiteral("allow-from-ws2")));
    // and the form kept what was typed
    QCOMPARE(d->nameEdit()->text(), QStringLiteral("allow-from-ws2"));
    QCOMPARE(d->peerTable()->item(1, NetworkPolicyDialog::PeerCidrColumn)->text(), QStringLiteral("10.0.0/8"));

    // An invalid port next (the CIDR fixed)
    d->peerTable()->item(1, NetworkPolicyDialog::PeerCidrColumn)->setText(QStringLiteral("10.0.0.0/8"));
    d->portTable()->item(0, NetworkPolicyDialog::PortNumberColumn)->setText(QStringLiteral("70000"));
    d->portTable()->item(0, NetworkPolicyDialog::PortEndColumn)->setText(QString());
    d->previewButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(d->statusLabel()->text().contains(QStringLiteral("spec.ingress[0].ports[0].port")), 10000);
    QVERIFY2(d->statusLabel()->text().contains(QStringLiteral("between 1 and 65535")), qPrintable(d->statusLabel()->text()));
    save(d, QStringLiteral("dialog-networkpolicy-bad-port"));
    QVERIFY(!policyExists(p2, QStringLiteral("allow-from-ws2")));
    QCOMPARE(d->portTable()->item(0, NetworkPolicyDialog::PortNumberColumn)->text(), QStringLiteral("70000"));

    // Fixed: it applies, and kubectl reads the policy as the form made it
    d->portTable()->item(0, NetworkPolicyDialog::PortNumberColumn)->setText(QStringLiteral("8000"));
    d->portTable()->item(0, NetworkPolicyDialog::PortEndColumn)->setText(QStringLiteral("8100"));
    d->previewButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(d->planView()->toPlainText().contains(QStringLiteral("allow-from-ws2")), 20000);
    save(d, QStringLiteral("dialog-networkpolicy"));
    QVERIFY(applyAndWait(d));
    QTRY_VERIFY_WITH_TIMEOUT(policyExists(p2, QStringLiteral("allow-from-ws2")), 10000);
    QCOMPARE(policyJsonPath(p2, QStringLiteral("allow-from-ws2"), QStringLiteral("{.spec.podSelector.matchLabels.app}")),
             QStringLiteral("web"));
    QCOMPARE(policyJsonPath(p2, QStringLiteral("allow-from-ws2"),
                            QStringLiteral("{.spec.ingress[0].from[0].namespaceSelector.matchLabels.kubesphere\\.io/workspace}")),
             qs(m_seed.ws2));
    QCOMPARE(policyJsonPath(p2, QStringLiteral("allow-from-ws2"), QStringLiteral("{.spec.ingress[0].from[1].ipBlock.cidr}")),
             QStringLiteral("10.0.0.0/8"));
    QCOMPARE(policyJsonPath(p2, QStringLiteral("allow-from-ws2"), QStringLiteral("{.spec.ingress[0].ports[0].endPort}")),
             QStringLiteral("8100"));

    // The policy shows in the table; selected, Edit and Delete apply to it
    DetailPanel *panel = w->detailPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->policyModel()->rowCount() >= 1, 15000);
    panel->selectPolicy(QStringLiteral("allow-from-ws2"));
    QCOMPARE(panel->selectedPolicy(), QStringLiteral("allow-from-ws2"));
    QTRY_VERIFY_WITH_TIMEOUT(w->actions()->action(TenancyActions::DeleteNetworkPolicy)->isEnabled(), 10000);
    save(w.get(), QStringLiteral("network-tab-policies"));
    QTRY_VERIFY_WITH_TIMEOUT(w->actions()->action(TenancyActions::EditNetworkPolicy)->isEnabled(), 10000);
    // Enter edits it (the form filled from the object)
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    panel->policyView()->setFocus();
    QVERIFY(panel->policyView()->isVisible());
    QVERIFY(panel->policyView()->currentIndex().isValid());
    // (dialogs delete themselves on close, so a new one is told by the window's signal)
    QSignalSpy opened(w.get(), &MainWindow::dialogOpened);
    QTest::keyClick(panel->policyView(), Qt::Key_Return);
    QTRY_COMPARE(opened.count(), 1);
    auto *edit = qobject_cast<NetworkPolicyDialog *>(w->lastDialog());
    QVERIFY(edit);
    QVERIFY(!edit->creating());
    QCOMPARE(edit->podSelectorEdit()->text(), QStringLiteral("app=web"));
    QCOMPARE(edit->ruleList()->count(), 1);
    edit->close();
    // Delete deletes it (through its plan)
    panel->selectPolicy(QStringLiteral("allow-from-ws2"));
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    panel->policyView()->setFocus();
    QTest::keyClick(panel->policyView(), Qt::Key_Delete);
    QTRY_COMPARE(opened.count(), 2);
    PlanDialog *del = w->lastDialog();
    QVERIFY(del && !qobject_cast<NetworkPolicyDialog *>(del));
    QVERIFY(QTest::qWaitForWindowExposed(del));
    QVERIFY2(applyAndWait(del), qPrintable(del->statusLabel()->text() + QLatin1Char('\n') + del->planView()->toPlainText()));
    QTRY_VERIFY_WITH_TIMEOUT(!policyExists(p2, QStringLiteral("allow-from-ws2")), 10000);
}

QTEST_MAIN(tst_Network)
#include "tst_network.moc"
