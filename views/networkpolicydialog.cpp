// NetworkPolicyDialog: the rule list names ingress rules first, then egress rules; the tables
// below edit the selected rule. Every edit is stored into the form at once and the YAML pane is
// rebuilt from it, so the pane always shows what Apply would write.
#include "views/networkpolicydialog.h"

#include "views/namededitordelegate.h"

#include "models/tenancyoperations.h"

#include "kubeclient/api/objectdiff.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/network/policyvalidation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace kube::tenancy;
using nlohmann::json;

namespace {

constexpr int kIngressRole = Qt::UserRole + 1;
constexpr int kIndexRole = Qt::UserRole + 2;

QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAutoDefault(false);
    return b;
}

QTableWidget *table(const QStringList &headers, const char *name, const QString &accessibleName)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setObjectName(QLatin1String(name));
    t->setAccessibleName(accessibleName);
    // Arrows move between cells and typing edits one; Tab goes on to the next control (with
    // tab key navigation Qt's tables wrap round and never let go).
    t->setTabKeyNavigation(false);
    t->setItemDelegate(new NamedEditorDelegate(t));
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    return t;
}

QString cellText(const QTableWidget *t, int row, int column)
{
    if (auto *combo = qobject_cast<QComboBox *>(t->cellWidget(row, column)))
        return combo->currentText();
    const QTableWidgetItem *item = t->item(row, column);
    return item ? item->text().trimmed() : QString();
}

} // namespace

NetworkPolicyDialog::NetworkPolicyDialog(PlanRunner *runner, const GraphSnapshot &snapshot, const QString &project,
                                         const QString &policy, QWidget *parent)
    : PlanDialog(runner, policy.isEmpty() ? tr("New network policy in %1").arg(project)
                                          : tr("Edit network policy %1/%2").arg(project, policy),
                 parent)
    , m_form(NetworkPolicyForm::blank(project))
    , m_creating(policy.isEmpty())
    , m_name(new QLineEdit)
    , m_podSelector(new QLineEdit)
    , m_ingressType(new QCheckBox(tr("&Ingress")))
    , m_egressType(new QCheckBox(tr("E&gress")))
    , m_rules(new QListWidget)
    , m_peers(table({tr("Peer"), tr("Namespaces (labels)"), tr("Pods (labels)"), tr("CIDR"), tr("Except")}, "peerTable", tr("Peers")))
    , m_ports(table({tr("Protocol"), tr("Port or name"), tr("End port")}, "portTable", tr("Ports")))
    , m_yaml(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("networkPolicyDialog"));
    if (!m_creating) {
        const GraphObject object = snapshot.object(GraphKind::NetworkPolicy, kube::objectKey(project.toStdString(), policy.toStdString()));
        if (object)
            m_form = NetworkPolicyForm::fromJson(object->toJson());
        else
            m_form.name = policy;
    }
    // The pickers: every workspace (its projects' label) and every project (the API server's
    // name label), then free labels typed into the same cell.
    for (const auto &w : snapshot.workspaces())
        m_namespacePicks << NetworkPolicyForm::workspaceLabels(QString::fromStdString(w.name));
    snapshot.forEach(GraphKind::Namespace, [&](const std::string &key, const GraphObject &) {
        m_namespacePicks << NetworkPolicyForm::projectLabels(QString::fromStdString(key));
        return true;
    });

    m_name->setObjectName(QStringLiteral("policyName"));
    m_name->setPlaceholderText(tr("a DNS name such as allow-web (not starting with nsnp-)"));
    m_name->setText(m_form.name);
    m_name->setReadOnly(!m_creating);
    m_podSelector->setObjectName(QStringLiteral("podSelector"));
    m_podSelector->setPlaceholderText(tr("app=web, tier=frontend (empty: every pod of the project)"));
    m_podSelector->setText(m_form.podLabels);
    m_ingressType->setObjectName(QStringLiteral("ingressType"));
    m_egressType->setObjectName(QStringLiteral("egressType"));
    m_ingressType->setChecked(m_form.ingressType);
    m_egressType->setChecked(m_form.egressType);
    m_rules->setObjectName(QStringLiteral("ruleList"));
    m_rules->setAccessibleName(tr("Rules"));
    m_yaml->setObjectName(QStringLiteral("policyYaml"));
    m_yaml->setAccessibleName(tr("The policy as YAML"));
    m_yaml->setReadOnly(true);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *types = new QWidget;
    auto *typesLayout = new QHBoxLayout(types);
    typesLayout->setContentsMargins(0, 0, 0, 0);
    typesLayout->addWidget(m_ingressType);
    typesLayout->addWidget(m_egressType);
    typesLayout->addStretch();

    auto *top = new QFormLayout;
    top->addRow(tr("&Name:"), m_name);
    top->addRow(tr("Project:"), new QLabel(project));
    top->addRow(tr("Applies to &pods:"), m_podSelector);
    top->addRow(tr("Policy types:"), types);

    auto *ruleButtons = new QHBoxLayout;
    auto *addIngress = button(tr("Add ingress rule"), "addIngressRule", this);
    auto *addEgress = button(tr("Add egress rule"), "addEgressRule", this);
    auto *removeRuleButton = button(tr("Remove rule"), "removeRule", this);
    ruleButtons->addWidget(addIngress);
    ruleButtons->addWidget(addEgress);
    ruleButtons->addWidget(removeRuleButton);
    ruleButtons->addStretch();

    auto *peerButtons = new QHBoxLayout;
    auto *addPeerButton = button(tr("Add peer"), "addPeer", this);
    auto *removePeerButton = button(tr("Remove peer"), "removePeer", this);
    peerButtons->addWidget(new QLabel(tr("Peers (none: any source / destination):")));
    peerButtons->addStretch();
    peerButtons->addWidget(addPeerButton);
    peerButtons->addWidget(removePeerButton);
    auto *portButtons = new QHBoxLayout;
    auto *addPortButton = button(tr("Add port"), "addPort", this);
    auto *removePortButton = button(tr("Remove port"), "removePort", this);
    portButtons->addWidget(new QLabel(tr("Ports (none: every port):")));
    portButtons->addStretch();
    portButtons->addWidget(addPortButton);
    portButtons->addWidget(removePortButton);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(top);
    leftLayout->addWidget(new QLabel(tr("Rules:")));
    leftLayout->addWidget(m_rules, 1);
    leftLayout->addLayout(ruleButtons);
    leftLayout->addLayout(peerButtons);
    leftLayout->addWidget(m_peers, 2);
    leftLayout->addLayout(portButtons);
    leftLayout->addWidget(m_ports, 1);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(m_yaml);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    setForm(split);
    // The form's top field has the focus when the dialog opens.
    m_name->setFocus(Qt::TabFocusReason);
    setDescription(tr("A policy selects pods of the project; once a pod is selected for a direction, only the "
                      "rules' traffic is allowed that way. Namespace cells offer the workspaces and projects, or "
                      "take labels."));

    connect(m_name, &QLineEdit::textChanged, this, &NetworkPolicyDialog::changed);
    connect(m_podSelector, &QLineEdit::textChanged, this, &NetworkPolicyDialog::changed);
    connect(m_ingressType, &QCheckBox::toggled, this, &NetworkPolicyDialog::changed);
    connect(m_egressType, &QCheckBox::toggled, this, &NetworkPolicyDialog::changed);
    connect(m_rules, &QListWidget::currentRowChanged, this, [this] { loadRule(); });
    connect(m_peers, &QTableWidget::itemChanged, this, [this] { storeRule(); });
    connect(m_ports, &QTableWidget::itemChanged, this, [this] { storeRule(); });
    connect(addIngress, &QPushButton::clicked, this, [this] { addRule(true); });
    connect(addEgress, &QPushButton::clicked, this, [this] { addRule(false); });
    connect(removeRuleButton, &QPushButton::clicked, this, &NetworkPolicyDialog::removeRule);
    connect(addPeerButton, &QPushButton::clicked, this, &NetworkPolicyDialog::addPeer);
    connect(removePeerButton, &QPushButton::clicked, this, &NetworkPolicyDialog::removePeer);
    connect(addPortButton, &QPushButton::clicked, this, &NetworkPolicyDialog::addPort);
    connect(removePortButton, &QPushButton::clicked, this, &NetworkPolicyDialog::removePort);

    refreshRuleList();
    if (m_rules->count() > 0)
        m_rules->setCurrentRow(0);
    loadRule();
    changed();
    resize(1100, 760);
    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        json p = this->policy(problem);
        return p.is_null() ? PlanRunner::Operation() : TenancyOperations::saveNetworkPolicy(std::move(p), m_creating);
    });
}

json NetworkPolicyDialog::policy(QString *problem) const
{
    NetworkPolicyForm f = m_form;
    f.name = m_name->text().trimmed();
    f.podLabels = m_podSelector->text();
    f.ingressType = m_ingressType->isChecked();
    f.egressType = m_egressType->isChecked();
    json p = f.toJson(problem);
    if (p.is_null())
        return p;
    const auto issues = kube::net::validateNetworkPolicy(p);
    if (!issues.empty()) {
        if (problem)
            *problem = QString::fromStdString(kube::net::describe(issues));
        return nullptr;
    }
    return p;
}

void NetworkPolicyDialog::changed()
{
    if (m_loading)
        return;
    QString problem;
    NetworkPolicyForm f = m_form;
    f.name = m_name->text().trimmed();
    f.podLabels = m_podSelector->text();
    f.ingressType = m_ingressType->isChecked();
    f.egressType = m_egressType->isChecked();
    const json p = f.toJson(&problem);
    const QString text = p.is_null() ? tr("# %1").arg(problem)
                                     : QString::fromStdString(kube::toYaml(kube::withoutServerFields(p)));
    if (m_yaml->toPlainText() != text)
        m_yaml->setPlainText(text);
    formChanged();
}

void NetworkPolicyDialog::refreshRuleList()
{
    // Rebuilt under the loading guard: a row change here must not reload the tables (this runs
    // from their own change signals).
    const int current = m_rules->currentRow();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_rules->clear();
    auto add = [this](bool ingress, const QList<NetworkPolicyRuleForm> &rules) {
        for (int i = 0; i < rules.size(); ++i) {
            QStringList peers;
            for (const auto &p : rules[i].peers)
                peers << p.summary();
            QStringList ports;
            for (const auto &p : rules[i].ports)
                ports << (p.port.isEmpty() ? p.protocol : p.port + QLatin1Char('/') + p.protocol)
                        + (p.endPort.isEmpty() ? QString() : QStringLiteral("-") + p.endPort);
            const QString text = (ingress ? tr("Ingress %1 from %2") : tr("Egress %1 to %2"))
                                     .arg(i + 1)
                                     .arg(peers.isEmpty() ? tr("anywhere") : peers.join(QStringLiteral("; ")))
                + (ports.isEmpty() ? QString() : tr(" on %1").arg(ports.join(QStringLiteral(", "))));
            auto *item = new QListWidgetItem(text, m_rules);
            item->setData(kIngressRole, ingress);
            item->setData(kIndexRole, i);
        }
    };
    add(true, m_form.ingress);
    add(false, m_form.egress);
    if (current >= 0 && current < m_rules->count())
        m_rules->setCurrentRow(current);
    m_loading = wasLoading;
}

NetworkPolicyRuleForm *NetworkPolicyDialog::currentRule()
{
    QListWidgetItem *item = m_rules->currentItem();
    if (!item)
        return nullptr;
    auto &list = item->data(kIngressRole).toBool() ? m_form.ingress : m_form.egress;
    const int i = item->data(kIndexRole).toInt();
    return i >= 0 && i < list.size() ? &list[i] : nullptr;
}

void NetworkPolicyDialog::setPeerRow(int row, const NetworkPolicyPeerForm &peer)
{
    auto *kind = new QComboBox;
    kind->addItems({tr("Namespaces"), tr("Pods of this project"), tr("Pods in namespaces"), tr("IP block")});
    kind->setCurrentIndex(peer.ipBlock ? IpBlockPeer
                          : peer.namespaceSelector && peer.podSelector ? NamespacesAndPodsPeer
                          : peer.podSelector ? PodsPeer
                                             : NamespacesPeer);
    kind->setAccessibleName(tr("Peer kind"));
    m_peers->setCellWidget(row, PeerKindColumn, kind);
    auto *ns = new QComboBox;
    ns->setEditable(true);
    ns->addItem(QString());
    ns->addItems(m_namespacePicks);
    ns->setCurrentText(peer.namespaceLabels);
    ns->lineEdit()->setPlaceholderText(tr("every namespace"));
    ns->setAccessibleName(tr("Peer namespaces (labels)"));
    m_peers->setCellWidget(row, PeerNamespaceColumn, ns);
    m_peers->setItem(row, PeerPodColumn, new QTableWidgetItem(peer.podLabels));
    m_peers->setItem(row, PeerCidrColumn, new QTableWidgetItem(peer.cidr));
    m_peers->setItem(row, PeerExceptColumn, new QTableWidgetItem(peer.except));
    connect(kind, &QComboBox::currentIndexChanged, this, [this] { storeRule(); });
    connect(ns, &QComboBox::currentTextChanged, this, [this] { storeRule(); });
}

void NetworkPolicyDialog::setPortRow(int row, const NetworkPolicyPortForm &port)
{
    auto *protocol = new QComboBox;
    protocol->setEditable(true);  // the server names a wrong protocol; the form keeps it
    protocol->addItems({QStringLiteral("TCP"), QStringLiteral("UDP"), QStringLiteral("SCTP")});
    protocol->setCurrentText(port.protocol);
    protocol->setAccessibleName(tr("Port protocol"));
    m_ports->setCellWidget(row, PortProtocolColumn, protocol);
    m_ports->setItem(row, PortNumberColumn, new QTableWidgetItem(port.port));
    m_ports->setItem(row, PortEndColumn, new QTableWidgetItem(port.endPort));
    connect(protocol, &QComboBox::currentTextChanged, this, [this] { storeRule(); });
}

void NetworkPolicyDialog::loadRule()
{
    if (m_loading)
        return;
    m_loading = true;
    const NetworkPolicyRuleForm *rule = currentRule();
    m_peers->setRowCount(0);
    m_ports->setRowCount(0);
    if (rule) {
        m_peers->setRowCount(int(rule->peers.size()));
        for (int r = 0; r < rule->peers.size(); ++r)
            setPeerRow(r, rule->peers[r]);
        m_ports->setRowCount(int(rule->ports.size()));
        for (int r = 0; r < rule->ports.size(); ++r)
            setPortRow(r, rule->ports[r]);
    }
    m_peers->setEnabled(rule);
    m_ports->setEnabled(rule);
    m_loading = false;
}

void NetworkPolicyDialog::storeRule()
{
    if (m_loading)
        return;
    NetworkPolicyRuleForm *rule = currentRule();
    if (!rule)
        return;
    for (int r = 0; r < m_peers->rowCount() && r < rule->peers.size(); ++r) {
        NetworkPolicyPeerForm &p = rule->peers[r];
        const auto *kind = qobject_cast<QComboBox *>(m_peers->cellWidget(r, PeerKindColumn));
        const int k = kind ? kind->currentIndex() : NamespacesPeer;
        p.ipBlock = k == IpBlockPeer;
        p.namespaceSelector = k == NamespacesPeer || k == NamespacesAndPodsPeer;
        p.podSelector = k == PodsPeer || k == NamespacesAndPodsPeer;
        p.namespaceLabels = cellText(m_peers, r, PeerNamespaceColumn);
        p.podLabels = cellText(m_peers, r, PeerPodColumn);
        p.cidr = cellText(m_peers, r, PeerCidrColumn);
        p.except = cellText(m_peers, r, PeerExceptColumn);
    }
    for (int r = 0; r < m_ports->rowCount() && r < rule->ports.size(); ++r) {
        NetworkPolicyPortForm &p = rule->ports[r];
        p.protocol = cellText(m_ports, r, PortProtocolColumn);
        p.port = cellText(m_ports, r, PortNumberColumn);
        p.endPort = cellText(m_ports, r, PortEndColumn);
    }
    refreshRuleList();
    changed();
}

void NetworkPolicyDialog::addRule(bool ingress)
{
    auto &list = ingress ? m_form.ingress : m_form.egress;
    list.append(NetworkPolicyRuleForm());
    // A rule in a direction the policy does not govern would do nothing: govern it.
    (ingress ? m_ingressType : m_egressType)->setChecked(true);
    refreshRuleList();
    const int row = ingress ? int(m_form.ingress.size()) - 1 : int(m_form.ingress.size() + m_form.egress.size()) - 1;
    m_rules->setCurrentRow(row);
    loadRule();
    changed();
}

void NetworkPolicyDialog::removeRule()
{
    QListWidgetItem *item = m_rules->currentItem();
    if (!item)
        return;
    auto &list = item->data(kIngressRole).toBool() ? m_form.ingress : m_form.egress;
    const int i = item->data(kIndexRole).toInt();
    if (i >= 0 && i < list.size())
        list.removeAt(i);
    refreshRuleList();
    m_rules->setCurrentRow(std::min(m_rules->count() - 1, std::max(0, m_rules->currentRow())));
    loadRule();
    changed();
}

void NetworkPolicyDialog::addPeer()
{
    NetworkPolicyRuleForm *rule = currentRule();
    if (!rule)
        return;
    rule->peers.append(NetworkPolicyPeerForm());
    loadRule();
    m_peers->setCurrentCell(m_peers->rowCount() - 1, PeerNamespaceColumn);
    refreshRuleList();
    changed();
}

void NetworkPolicyDialog::removePeer()
{
    NetworkPolicyRuleForm *rule = currentRule();
    const int row = m_peers->currentRow();
    if (!rule || row < 0 || row >= rule->peers.size())
        return;
    rule->peers.removeAt(row);
    loadRule();
    refreshRuleList();
    changed();
}

void NetworkPolicyDialog::addPort()
{
    NetworkPolicyRuleForm *rule = currentRule();
    if (!rule)
        return;
    rule->ports.append(NetworkPolicyPortForm());
    loadRule();
    m_ports->setCurrentCell(m_ports->rowCount() - 1, PortNumberColumn);
    refreshRuleList();
    changed();
}

void NetworkPolicyDialog::removePort()
{
    NetworkPolicyRuleForm *rule = currentRule();
    const int row = m_ports->currentRow();
    if (!rule || row < 0 || row >= rule->ports.size())
        return;
    rule->ports.removeAt(row);
    loadRule();
    refreshRuleList();
    changed();
}
